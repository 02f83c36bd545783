"""What a respondent's requests cost the server: a published questionnaire is read once per process, a
page of answers goes into the database as one statement, and a one-page survey is stored and completed
in one transaction (so a crash between the two cannot leave a finished survey looking unfinished)."""

import pytest
from sqlalchemy import bindparam, event, func, select

from survey.questionnaires.models import DisplayMode, SurveyVersion, VersionStatus
from survey.responses import entries
from survey.responses.models import Answer, Response, ResponseStatus
from survey.timeutil import utcnow
from tests.survey.responses.walk import fill

BASE = "/v/open-sleutel-1234"


def one_page_document(statements: int = 13) -> dict:
    """A CEO-like list: statements, a grade and an optional open question."""
    questions = [
        {"code": f"T{n}", "type": "stelling", "text": {"nl": f"Stelling {n} over de hulp."}}
        for n in range(1, statements + 1)
    ]
    questions += [
        {"code": "R1", "type": "rapportcijfer", "text": {"nl": "Welk cijfer geeft u de hulp?"}},
        {"code": "O1", "type": "open_lang", "text": {"nl": "Wat kan beter?"}, "required": False},
    ]
    return {"languages": ["nl"], "sections": [{"key": "S1", "questions": questions}]}


@pytest.fixture
def database_work(db):
    """SQL statements and commits the application sends while the test runs."""
    seen = {"statements": [], "commits": 0}

    def statement(conn, cursor, sql, parameters, context, executemany):
        seen["statements"].append(sql)

    def commit(conn):
        seen["commits"] += 1

    event.listen(db.engine, "before_cursor_execute", statement)
    event.listen(db.engine, "commit", commit)
    yield seen
    event.remove(db.engine, "before_cursor_execute", statement)
    event.remove(db.engine, "commit", commit)


def test_published_questionnaire_is_read_once_per_process(client, db, make_survey, monkeypatch):
    survey = make_survey()
    survey.versions[0].published_at = utcnow()
    db.session.commit()
    parsed = []
    real = entries.parse_document
    monkeypatch.setattr(entries, "parse_document", lambda data: parsed.append(1) or real(data))
    assert client.get(BASE + "/vraag/1").status_code == 200
    assert client.get(BASE + "/vraag/1").status_code == 200
    assert client.get(BASE + "/vraag/1?taal=en").status_code == 200
    assert len(parsed) == 1


def test_a_draft_questionnaire_is_read_again_after_every_change():
    document = one_page_document(1)
    version = SurveyVersion(id=999_001, survey_id=999_001, number=1, status=VersionStatus.DRAFT, document=document)
    assert entries.document_of(version).questions()[0].text["nl"] == "Stelling 1 over de hulp."
    changed = one_page_document(1)
    changed["sections"][0]["questions"][0]["text"]["nl"] = "Een nieuwe zin."
    version.document = changed
    assert entries.document_of(version).questions()[0].text["nl"] == "Een nieuwe zin."


def test_one_page_of_answers_is_one_insert_and_one_commit(client, db, make_survey, database_work, monkeypatch):
    queued = []
    # the background job is not timed here
    monkeypatch.setattr("survey.coding.jobs.queue_scrub", lambda *a, **kw: queued.append(a))
    survey = make_survey(document=one_page_document(), mode=DisplayMode.ALL_ON_ONE_PAGE)
    survey.versions[0].published_at = utcnow()  # published: its document is kept per process
    db.session.commit()
    page = client.get(BASE + "/vraag/1").get_data(as_text=True)
    database_work["statements"].clear()
    database_work["commits"] = 0
    sent = client.post(BASE + "/vraag/1", data=fill(page, {"O1": "Sneller terugbellen."}))
    assert sent.status_code == 302 and "/klaar" in sent.headers["Location"]
    inserts = [s for s in database_work["statements"] if s.lstrip().upper().startswith("INSERT INTO ANSWER ")]
    assert len(inserts) == 1 and database_work["commits"] == 1 and len(queued) == 1
    # the survey, the response's insert (already at its step: no look-up before it, no update of its position
    # after it), the answers' insert and the final update (the waiting answers' count is queued out here)
    assert len(database_work["statements"]) <= 4, "\n".join(s[:90] for s in database_work["statements"])
    response = db.session.scalars(select(Response)).one()
    assert response.status == ResponseStatus.COMPLETED and len(response.answers) == 15
    assert {a.item_code: a.value for a in response.answers}["O1"] == "Sneller terugbellen."


def test_a_completion_without_an_open_answer_counts_no_answers_waiting_for_de_identification(
    client, db, make_survey, database_work, monkeypatch
):
    queued = []
    monkeypatch.setattr("survey.coding.jobs.enqueue_after_commit", lambda *a, **kw: queued.append(a))
    survey = make_survey(document=one_page_document(), mode=DisplayMode.ALL_ON_ONE_PAGE)
    survey.versions[0].published_at = utcnow()
    db.session.commit()
    for said in ("", "Sneller terugbellen."):  # the open question left empty, then answered (another respondent)
        browser = client.application.test_client()
        page = browser.get(BASE + "/vraag/1").get_data(as_text=True)
        database_work["statements"].clear()
        sent = browser.post(BASE + "/vraag/1", data=fill(page, {"O1": said}))
        assert sent.status_code == 302 and "/klaar" in sent.headers["Location"]
        counts = [s for s in database_work["statements"] if "count(" in s.lower()]
        assert len(counts) == (1 if said else 0), said
    # k = 5 is not reached by one open answer: still nothing queued
    assert queued == []
    assert db.session.scalar(select(func.count()).select_from(Response).where(Response.status == "completed")) == 2


def test_a_completion_reads_the_published_questionnaire_once_per_process(client, db, make_survey, database_work):
    survey = make_survey(document=one_page_document(), mode=DisplayMode.ALL_ON_ONE_PAGE)
    survey.versions[0].published_at = utcnow()
    db.session.commit()
    documents_read = []
    for respondent in (client, client.application.test_client()):
        page = respondent.get(BASE + "/vraag/1").get_data(as_text=True)
        database_work["statements"].clear()
        sent = respondent.post(BASE + "/vraag/1", data=fill(page, {"O1": "Sneller terugbellen."}))
        assert sent.status_code == 302 and "/klaar" in sent.headers["Location"]
        documents_read.append([s for s in database_work["statements"] if "survey_version.document" in s])
    # the open questions a completion asks for (are k responses waiting to be scrubbed?) come from the
    # published document as the first completion of the process read it
    assert documents_read[1] == []
    assert (
        db.session.scalar(select(func.count()).select_from(Response).where(Response.status == ResponseStatus.COMPLETED))
        == 2
    )


def test_a_screen_of_the_conversational_flow_takes_few_statements(client, db, make_survey, database_work):
    make_survey(document=one_page_document(3), mode=DisplayMode.ONE_PER_SCREEN)
    client.post(BASE + "/vraag/1", data=fill(client.get(BASE + "/vraag/1").get_data(as_text=True)))
    database_work["statements"].clear()
    page = client.get(BASE + "/vraag/2")
    assert page.status_code == 200 and len(database_work["statements"]) <= 4
    database_work["statements"].clear()
    sent = client.post(BASE + "/vraag/2", data=fill(page.get_data(as_text=True)))
    assert sent.headers["Location"].endswith("/vraag/3") and len(database_work["statements"]) <= 6


def test_finished_one_page_survey_sent_again_from_another_tab_stores_nothing(client, db, make_survey):
    make_survey(document=one_page_document(), mode=DisplayMode.ALL_ON_ONE_PAGE)
    data = fill(client.get(BASE + "/vraag/1").get_data(as_text=True))
    other_tab_without_cookie = client.application.test_client()
    assert "/klaar" in client.post(BASE + "/vraag/1", data=data).headers["Location"]
    again = other_tab_without_cookie.post(BASE + "/vraag/1", data=data)
    assert again.status_code == 410
    assert db.session.scalar(select(func.count()).select_from(Response)) == 1
    assert db.session.scalar(select(func.count()).select_from(Answer)) == 15


def test_a_write_after_the_first_read_belongs_to_the_requests_transaction(db, make_survey):
    """The request's first read may run outside a transaction (PostgreSQL); what the request writes after
    it is still undone by a rollback, so a failed step stores nothing."""
    from sqlalchemy import update

    from survey.questionnaires.models import Survey
    from survey.responses import storage

    survey_id, table = make_survey().id, Survey.__table__
    db.session.commit()  # the request starts with no transaction open, and the read is its first statement
    assert storage.first_read(select(table.c.id).where(table.c.id == survey_id)) == [(survey_id,)]
    storage.execute(update(table).where(table.c.id == survey_id).values(round_label="niet bewaard"))
    db.session.rollback()
    assert db.session.scalar(select(table.c.round_label).where(table.c.id == survey_id)) != "niet bewaard"


def test_the_first_read_gives_the_values_the_orm_gives(client, db, make_survey):
    """The survey, its region and versions, and the response with its answers, as the request's first read
    brings them (the driver's rows where SQLAlchemy would change no value): the same values and types as
    the ORM's objects and SQLAlchemy's own execution of the same statement."""
    from datetime import date

    from survey.accounts.models import Region
    from survey.questionnaires.models import Survey
    from survey.responses import storage

    make_survey()
    page = client.get(BASE + "/vraag/1")
    assert client.post(BASE + "/vraag/1", data=fill(page.get_data(as_text=True))).status_code == 302
    response = db.session.scalars(select(Response)).one()
    db.session.commit()
    entry = entries.find_entry("v", BASE.rsplit("/", 1)[1], date.today(), response.resume_hash)
    db.session.commit()
    for values, model in ((entry.survey, Survey), (entry.region, Region), (entry.survey.versions[0], SurveyVersion)):
        orm = db.session.get(model, values.id)
        for name in list(values.__dict__):
            name = name.removesuffix(entries._RAW)  # a JSON column, decoded when read
            if name in model.__mapper__.columns:
                assert getattr(values, name) == getattr(orm, name), name
                assert type(getattr(values, name)) is type(getattr(orm, name)), name
    statement = entries._survey_statement("public_key", True)
    parameters = {"value": BASE.rsplit("/", 1)[1], "wanted": response.resume_hash}
    assert storage.first_read(statement, parameters) == [
        tuple(row) for row in db.session.execute(statement, parameters)
    ]
    assert entry.response_rows and all(row[0] == response.id for row in entry.response_rows)


def test_a_first_read_whose_values_sqlalchemy_changes_goes_through_sqlalchemy(db, make_survey):
    """A column whose values a type processes (a time with its zone, on SQLite) and a value written into the
    statement come as SQLAlchemy's execution gives them."""
    from survey.questionnaires.models import Survey
    from survey.responses import storage

    survey_id, table = make_survey().id, Survey.__table__
    db.session.commit()
    columns = select(table.c.created_at, table.c.status, table.c.public_key)
    for statement, parameters in (
        (columns.where(table.c.id == bindparam("wanted")), {"wanted": survey_id}),
        (columns.where(table.c.id == survey_id), None),
    ):
        expected = db.session.execute(statement, parameters).all()
        db.session.commit()
        assert storage.first_read(statement, parameters) == expected
        assert [type(value) for value in storage.first_read(statement, parameters)[0]] == [
            type(value) for value in expected[0]
        ]
