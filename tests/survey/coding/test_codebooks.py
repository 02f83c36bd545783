"""Codebooks per question, shared and reused in later rounds; themes edited; import and export."""

import html
import io
import json

from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from survey.audit.models import AuditEntry
from survey.coding.models import AnswerCode, Codebook, CodedAnswer, QuestionCodebook, Source, Theme
from survey.questionnaires.models import SurveyKind
from tests.survey.coding.helpers import answer_ids_in_order, base

ANSWERS = [
    "We stonden maanden op de wachtlijst.",
    "De begeleider luisterde echt naar ons.",
    "Het vervoer met de taxi ging steeds mis.",
]


def rule_themes(db, survey, texts=ANSWERS):
    rows = db.session.execute(
        select(CodedAnswer.answer_id, Theme.key)
        .join(AnswerCode, AnswerCode.answer_id == CodedAnswer.answer_id)
        .join(Theme, Theme.id == AnswerCode.theme_id)
        .where(CodedAnswer.survey_id == survey.id, AnswerCode.source == Source.RULE)
    )
    found = {}
    for answer_id, key in rows:
        found.setdefault(answer_id, set()).add(key)
    return [found.get(i, set()) for i in answer_ids_in_order(db, texts, survey)]


def choose_default(client, region, survey, kind="ceo"):
    return client.post(base(region, survey) + "/codeboek", data={"choice": f"default:{kind}"}, follow_redirects=True)


def test_question_starts_from_the_standard_codebook_and_rules_suggest_themes(
    db, client, login, region, make_survey, researcher
):
    survey = make_survey(region, ANSWERS)
    login(researcher)
    page = client.get(base(region, survey) + "/").get_data(as_text=True)
    assert "Deze vraag heeft nog geen codeboek" in page
    page = choose_default(client, region, survey).get_data(as_text=True)
    assert "wordt nu gecodeerd met" in page
    link = db.session.scalar(select(QuestionCodebook))
    assert len(link.codebook.themes) == 10 and link.codebook.region_id == region.id
    themes = rule_themes(db, survey)
    assert "wachttijd" in themes[0] and "bejegening" in themes[1] and themes[2] == set()
    assert "Wachttijd en snelheid" in client.get(base(region, survey) + "/").get_data(as_text=True)


def test_a_later_round_gets_the_same_codebook_and_questions_can_share_one(
    db, client, login, region, make_survey, researcher
):
    first = make_survey(region, ANSWERS, series_key="ceo-reeks", round_label="2025")
    login(researcher)
    choose_default(client, region, first)
    book = db.session.scalar(select(Codebook))
    later = make_survey(region, ["Weer lang wachten."], series_key="ceo-reeks", round_label="2026")
    client.get(base(region, later) + "/")
    link = db.session.scalar(select(QuestionCodebook).where(QuestionCodebook.survey_id == later.id))
    assert link.codebook_id == book.id
    assert rule_themes(db, later, ["Weer lang wachten."])[-1] == {"wachttijd"}
    other = make_survey(region, ["Niemand belde terug."], item_code="O2", kind=SurveyKind.PEO)
    client.post(base(region, other, "O2") + "/codeboek", data={"choice": f"book:{book.id}"})
    assert (
        db.session.scalar(select(QuestionCodebook).where(QuestionCodebook.survey_id == other.id)).codebook_id == book.id
    )
    assert db.session.scalar(select(func.count()).select_from(Codebook)) == 1


def test_themes_are_added_edited_ordered_and_removed(db, client, login, region, make_survey, researcher):
    survey = make_survey(region, ANSWERS)
    login(researcher)
    client.post(base(region, survey) + "/codeboek", data={"choice": "new", "name": "Vervoer"})
    book = db.session.scalar(select(Codebook))
    url = f"/beheer/{region.slug}/coderen/codeboeken/{book.id}"
    client.post(
        url + "/themas/nieuw",
        data={"label": "Vervoer", "description": "Taxi en bus", "parent_id": "0", "seed_words": "taxi\nbus; vervoer"},
    )
    theme = db.session.scalar(select(Theme).where(Theme.key == "vervoer"))
    assert theme.seed_words == ["taxi", "bus", "vervoer"]
    assert rule_themes(db, survey)[2] == {"vervoer"}  # the new theme's seed words code existing answers
    client.post(
        url + "/themas/nieuw", data={"label": "Wachten", "parent_id": str(theme.id), "seed_words": "wachtlijst"}
    )
    child = db.session.scalar(select(Theme).where(Theme.key == "wachten"))
    assert child.parent_id == theme.id and child.position == 2
    response = client.post(
        f"/beheer/{region.slug}/coderen/themas/{theme.id}",
        data={"label": "Vervoer", "parent_id": str(child.id), "seed_words": "taxi"},
    )
    assert "kan niet onder zichzelf" in response.get_data(as_text=True)
    client.post(f"/beheer/{region.slug}/coderen/themas/{child.id}/verplaatsen", data={"direction": "up"})
    db.session.expire_all()
    assert [t.key for t in sorted(book.themes, key=lambda t: t.position)] == ["wachten", "vervoer"]
    client.post(f"/beheer/{region.slug}/coderen/themas/{theme.id}/verwijderen")
    db.session.expire_all()
    assert [t.key for t in book.themes] == ["wachten"] and book.themes[0].parent_id is None
    assert rule_themes(db, survey)[2] == set()


def test_export_and_import_round_trip_as_json_and_excel(db, client, login, region, make_survey, researcher):
    survey = make_survey(region, ANSWERS)
    login(researcher)
    choose_default(client, region, survey, "stakeholder")
    book = db.session.scalar(select(Codebook))
    url = f"/beheer/{region.slug}/coderen/codeboeken"
    exported = client.get(f"{url}/{book.id}/export.json")
    assert exported.headers["Content-Disposition"].startswith("attachment")
    data = json.loads(exported.data)
    assert [t["key"] for t in data["themes"]] == [t.key for t in sorted(book.themes, key=lambda t: t.position)]
    xlsx = client.get(f"{url}/{book.id}/export.xlsx").data
    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert [c.value for c in sheet[1]] == [
        "sleutel",
        "thema",
        "omschrijving",
        "hoofdthema",
        "zoekwoorden",
        "voorbeelden",
    ]
    for content, name in ((exported.data, "codeboek.json"), (xlsx, "codeboek.xlsx")):
        response = client.post(
            f"{url}/importeren",
            data={"file": (io.BytesIO(content), name)},
            content_type="multipart/form-data",
            follow_redirects=True,
        )
        assert "is ingelezen met" in response.get_data(as_text=True)
    books = list(db.session.scalars(select(Codebook).order_by(Codebook.id)))
    assert len(books) == 3
    for copy in books[1:]:
        assert {(t.key, t.label, tuple(t.seed_words)) for t in copy.themes} == {
            (t.key, t.label, tuple(t.seed_words)) for t in book.themes
        }
    actions = [e.action for e in db.session.scalars(select(AuditEntry))]
    assert actions.count("codebook.export") == 2 and actions.count("codebook.import") == 2


def xlsx_file(rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_bad_files_are_refused_whole_with_the_row_and_column(db, client, login, region, researcher):
    login(researcher)
    url = f"/beheer/{region.slug}/coderen/codeboeken/importeren"
    cases = [
        (
            xlsx_file(
                [["sleutel", "thema", "zoekwoorden"], ["wachttijd", "Wachttijd", "wachten"], ["vervoer", "", "taxi"]]
            ),
            "b.xlsx",
            "Rij 3, kolom thema",
        ),
        (xlsx_file([["naam", "omschrijving"], ["x", "y"]]), "c.xlsx", "Rij 1: de kolom sleutel ontbreekt"),
        (xlsx_file([["sleutel", "thema", "hoofdthema"], ["a", "A", "b"]]), "d.xlsx", "Rij 2, kolom hoofdthema"),
        (b"dit is geen excel", "e.xlsx", "geen Excel-bestand"),
        (b'{"themes": [{"key": "a"}]}', "f.json", "Thema 1: het veld 'thema' is leeg."),
        (b'{"themes": [{"label": null}]}', "k.json", "Thema 1: het veld 'sleutel' is leeg."),
        (b"{niet goed", "g.json", "geen geldige JSON"),
        (b"x", "h.csv", "moet een JSON- of Excel-bestand"),
    ]
    for content, name, message in cases:
        response = client.post(url, data={"file": (io.BytesIO(content), name)}, content_type="multipart/form-data")
        assert response.status_code == 200
        assert message in html.unescape(response.get_data(as_text=True)), name
    assert db.session.scalar(select(func.count()).select_from(Codebook)) == 0
    assert db.session.scalar(select(func.count()).select_from(Theme)) == 0


def test_excel_export_never_turns_a_label_into_a_formula(db, client, login, region, researcher):
    import zipfile

    book = Codebook(region_id=region.id, name="Codeboek")
    db.session.add_all([book, Theme(codebook=book, key="a", label='=HYPERLINK("http://example.org")', position=1)])
    db.session.commit()
    login(researcher)
    content = client.get(f"/beheer/{region.slug}/coderen/codeboeken/{book.id}/export.xlsx").data
    sheet = zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "HYPERLINK" in sheet
