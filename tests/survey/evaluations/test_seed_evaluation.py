"""End to end: an evaluation rebuilt from a real programme document (Jeugdhulp Haaglanden's report on
the Transformatiefonds 2019-2021, kept as data/haaglanden_transformatiefonds.json with its source):
its projects, targets, figures and statements, entered as enquête answers (questions repeated per
project) and as pasted notes with headings. After the evaluator's review every statement appears
once, in the section its question or heading gives, in the HTML page, the PDF and the Word file."""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from survey.evaluations.draft.context import ReportContext
from survey.evaluations.labels import PROJECT_ROLE_SECTION, PROJECT_SECTIONS, SURVEY_ROLE
from survey.evaluations.models import QuoteKeepTerm
from survey.evaluations.statements import notes, review
from survey.extensions import db
from survey.programmes.models import Programme, Project, ProjectActionLine, Target
from survey.programmes.monitor.indicators import Aggregation, Indicator, IndicatorSet, Measurement, PeriodType
from survey.questionnaires.content.parsing import parse_document
from survey.questionnaires.models import (
    Audience,
    DisplayMode,
    FieldworkStatus,
    Survey,
    SurveyKind,
)
from survey.responses.models import Answer, Channel, Response, ResponseStatus
from survey.timeutil import utcnow
from tests.factories import new_survey
from tests.survey.evaluations.helpers import article, make_report, publish_report
from tests.survey.evaluations.readback import docx_parts, pdf_text

DATA = json.loads((Path(__file__).parent / "data" / "haaglanden_transformatiefonds.json").read_text("utf-8"))
QUESTIONS = {
    "proud": ("TROTS", "Waar bent u trots op in dit project?"),
    "works": ("WERKT", "Wat werkt goed in dit project?"),
    "attention": ("AANDACHT", "Waar vraagt u aandacht voor in dit project?"),
    "notable": ("OPVALLEND", "Wat viel u op in dit project?"),
}


def _programme(region) -> tuple[Programme, dict[str, Project]]:
    programme = Programme(
        region_id=region.id,
        name=DATA["programme"],
        start_year=DATA["start_year"],
        end_year=DATA["end_year"],
        report_months=[1, 4, 7, 10],
        gemeenten=DATA["gemeenten"],
    )
    indicators = IndicatorSet(programme=programme, name="Monitor Transformatiefonds")
    db.session.add_all([programme, indicators])
    projects = {}
    for entry in DATA["projects"]:  # in the document's order
        project = Project(programme=programme, name=entry["name"])
        project.action_line_links = [ProjectActionLine(number=entry["action_line"])]
        figure = entry["target"]
        indicator = Indicator(
            indicator_set=indicators,
            name=figure["description"],
            unit=figure["unit"],
            period_type=PeriodType.QUARTER,
            aggregation=Aggregation.SUM,
            per_gemeente=False,
        )
        db.session.add_all(
            [
                project,
                indicator,
                Target(
                    project=project,
                    indicator=indicator,
                    description=figure["description"],
                    target_value=Decimal(figure["target"]),
                    unit=figure["unit"],
                    baseline=Decimal(0),
                    target_date=date(DATA["end_year"], 12, 31),
                    cumulative=False,
                ),
                Measurement(indicator=indicator, period=f"{DATA['end_year']}-K4", value=Decimal(figure["value"])),
            ]
        )
        db.session.flush()
        projects[entry["key"]] = project
    db.session.add_all(QuoteKeepTerm(region_id=region.id, term=t) for t in DATA["keep"])
    return programme, projects


def _enquete(region, projects: dict[str, Project]) -> Survey:
    """The stakeholder-enquête: its four open questions repeat per project; the answers are the
    document's statements (their scrubbed copy, as the coding stage leaves it)."""
    document = parse_document(
        {
            "schema": 1,
            "languages": ["nl"],
            "lists": {"projecten": [{"key": f"project-{p.id}", "label": {"nl": p.name}} for p in projects.values()]},
            "sections": [
                {
                    "key": "P",
                    "title": {"nl": "{item}"},
                    "repeat": "projecten",
                    "questions": [
                        {"code": code, "type": "open_lang", "text": {"nl": text}, "required": False}
                        for code, text in QUESTIONS.values()
                    ],
                }
            ],
        }
    ).to_dict()
    survey = new_survey(
        region,
        document,
        kind=SurveyKind.STAKEHOLDER,
        title={"nl": "Stakeholder-enquête"},
        audience=Audience.STAKEHOLDERS,
        display_mode=DisplayMode.SECTION_PER_PAGE,
        status=FieldworkStatus.CLOSED,
        opens_on=date(2021, 11, 1),
        closes_on=date(2021, 11, 30),
        round_label="2021",
    )
    version = survey.versions[0]
    version.published_at = utcnow()
    db.session.add_all([survey, version])
    db.session.flush()
    responses = [
        Response(
            survey_id=survey.id,
            version_id=version.id,
            channel=Channel.PERSONAL,
            status=ResponseStatus.COMPLETED,
            week=date(2021, 11, 22),
        )
        for _ in range(DATA["enquete"]["respondents"])
    ]
    for index, entry in enumerate(DATA["enquete"]["answers"]):
        code = QUESTIONS[entry["question"]][0]
        responses[index % len(responses)].answers.append(
            Answer(
                item_code=code,
                instance=f"project-{projects[entry['project']].id}",
                value=entry["text"],
                scrubbed_text=entry["text"],
            )
        )
    db.session.add_all(responses)
    db.session.flush()
    return survey


def _expected(projects) -> list[tuple[str, Project, str]]:
    """(statement, project, section) for every statement in the data."""
    found = [
        (a["text"], projects[a["project"]], PROJECT_ROLE_SECTION[a["question"]]) for a in DATA["enquete"]["answers"]
    ]
    return found + [(text, projects[n["project"]], section) for n in DATA["notes"] for text, section in n["expected"]]


def test_an_evaluation_rebuilt_from_a_real_document_shows_every_statement_once_where_it_belongs(
    client, login, db, demo
):
    programme, projects = _programme(demo.region)
    survey = _enquete(demo.region, projects)
    db.session.commit()
    demo.programme = programme
    evaluation = make_report(
        demo,
        [survey],
        title="Tussenevaluatie Transformatiefonds Haaglanden",
        projects=list(reversed(projects.values())),
    )
    for block in DATA["notes"]:
        notes.add_notes(evaluation, block["block"], project=projects[block["project"]], source=block["source"])
    db.session.commit()

    login(demo.user("onderzoeker"))
    base = f"{demo.base}/tussenevaluaties/{evaluation.id}"
    context = ReportContext(evaluation)
    for project in projects.values():
        candidates = [
            s
            for key in PROJECT_SECTIONS
            if key in PROJECT_ROLE_SECTION.values()
            for s in review.candidates(context, key, project)
        ]
        public = {f"public_{s.key[:16]}": "y" for s in candidates if s.attribution}
        assert client.post(f"{base}/citaten/project-{project.id}", data={"keep_rest": "1", **public}).status_code == 302
    publish_report(demo, db.session.get(type(evaluation), evaluation.id))

    login(demo.user("lezer"))
    reader = f"{demo.base}/rapporten/tussenevaluaties/{evaluation.id}"
    html = article(client.get(reader + "/").get_data(as_text=True))
    expected = _expected(projects)
    assert len(expected) == 16
    order = [p.name for p in projects.values()]
    assert sorted(order, key=html.index) == order  # the document's order, not the order they were chosen
    for figure in ("159 jeugdigen", "12 plekken", "Versterken van regie op wachtlijsten (Zorglogistiek)"):
        assert figure in html
    assert "beleidsadviseur, gemeente Den Haag" in html  # the speaker's role, marked public

    for text, project, section in expected:
        assert html.count(text) == 1, text
        start = html.index(f'id="project-{project.id}-{section}"')
        end = html.find("<h3", start + 1)
        assert text in html[start:end], (text, section)

    titles = {str(PROJECT_SECTIONS[key]): key for key in ("proud", "works", "attention", "notable")}
    titles |= {str(SURVEY_ROLE[role]): PROJECT_ROLE_SECTION[role] for role in SURVEY_ROLE}
    project_heads = [f"Project: {p.name}" for p in projects.values()]

    text = pdf_text(client.get(reader + "/pdf").data)
    for statement, project, section in expected:
        assert text.count(statement) == 1, statement
        at = text.index(statement)
        assert max(project_heads, key=lambda h: text.rfind(h, 0, at)) == f"Project: {project.name}"
        last = max(titles, key=lambda t: text.rfind(t, 0, at))
        assert titles[last] == section, (statement, last)

    paragraphs, _tables = docx_parts(client.get(reader + "/docx").data)
    for statement, project, section in expected:
        where = [i for i, p in enumerate(paragraphs) if statement in p]
        assert len(where) == 1, statement
        before = paragraphs[: where[0]]
        assert next(p for p in reversed(before) if p in project_heads) == f"Project: {project.name}"
        assert titles[next(p for p in reversed(before) if p in titles)] == section, statement
