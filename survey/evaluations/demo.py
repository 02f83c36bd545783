"""Demo content: a stakeholder-enquête among 30 invitees (20 completed, answers scrubbed and coded)
and a draft tussenevaluatie of the demo programme, with the parents' CEO scores per actielijn. Loaded once
per region, however often asked."""

import hashlib
import secrets
from datetime import date, timedelta

from sqlalchemy import select

from survey.accounts.models import Region, User
from survey.coding.models import AnswerCode, Codebook, CodedAnswer, QuestionCodebook, Sentiment, Source, Theme
from survey.evaluations import demo_texts as texts
from survey.evaluations import services
from survey.evaluations.draft.context import ReportContext
from survey.evaluations.labels import PROGRAMME_THEME_SECTIONS, PROJECT_THEME_SECTIONS
from survey.evaluations.models import PROGRAMME_SCOPE, Evaluation
from survey.evaluations.statements import notes, review
from survey.extensions import db
from survey.fieldwork.models import Invitation
from survey.programmes.demo import NAME as PROGRAMME_NAME
from survey.programmes.listkeys import programme_list
from survey.programmes.models import Programme, Project
from survey.questionnaires.content.parsing import parse_document
from survey.questionnaires.models import (
    AddressForm,
    Audience,
    DisplayMode,
    FieldworkStatus,
    Survey,
    SurveyKind,
    SurveyVersion,
    VersionStatus,
)
from survey.reports.demo import SERIES as CEO_SERIES
from survey.responses.models import Answer, Channel, Response, ResponseStatus
from survey.timeutil import utcnow

SURVEY_TITLE = "Stakeholder-enquête tussenevaluatie"
EVALUATION_TITLE = "Tussenevaluatie Transformatieprogramma Jeugdhulp"
INVITED, STARTED, COMPLETED = 30, 22, 20
PROGRAMME_QUESTIONS = [
    ("P_TROTS", "Waar bent u trots op?", texts.PROUD),
    ("P_WERKT", "Wat werkt goed?", texts.WORKS),
    ("P_AANDACHT", "Waar vraagt u aandacht voor?", texts.ATTENTION),
]
PROJECT_QUESTIONS = [
    ("TROTS", "Waar bent u trots op bij {item}?", texts.PROUD),
    ("WERKT", "Wat werkt goed in dit project?", texts.WORKS),
    ("AANDACHT", "Waar vraagt u aandacht voor in dit project?", texts.ATTENTION),
]


def load(region: Region) -> list[str]:
    programme = db.session.scalar(
        select(Programme).where(Programme.region_id == region.id, Programme.name == PROGRAMME_NAME)
    )
    if programme is None:
        return ["Tussenevaluatie: geen demoprogramma gevonden"]
    lines = []
    survey = _existing_survey(region)
    if survey is None:
        survey = stakeholder_survey(region, programme.projects, closes_on=date.today() - timedelta(days=30))
        lines.append(f"Stakeholder-enquête: {INVITED} uitgenodigd, {COMPLETED} ingevuld en gecodeerd")
    if (
        db.session.scalar(
            select(Evaluation.id).where(Evaluation.region_id == region.id, Evaluation.title == EVALUATION_TITLE)
        )
        is None
    ):
        draft_evaluation(region, programme, survey)
        lines.append(f"Tussenevaluatie (concept): {EVALUATION_TITLE}")
    return lines or ["Stakeholder-enquête en tussenevaluatie: al aanwezig"]


def _existing_survey(region: Region) -> Survey | None:
    stmt = select(Survey).where(Survey.region_id == region.id, Survey.kind == SurveyKind.STAKEHOLDER)
    return next((s for s in db.session.scalars(stmt) if s.text("title") == SURVEY_TITLE), None)


def document(projects: list[Project]) -> dict:
    """The questionnaire: role, grade and three open questions for the programme, then per project."""

    def open_question(code, text):
        return {"code": code, "type": "open_lang", "text": {"nl": text}, "required": False}

    data = {
        "schema": 1,
        "languages": ["nl"],
        "lists": {"projecten": programme_list(projects)},
        "sections": [
            {
                "key": "S1",
                "title": {"nl": "Over u"},
                "questions": [
                    {
                        "code": "ROL",
                        "type": "keuze",
                        "text": {"nl": "Wat is uw rol?"},
                        "options": [{"code": code, "label": {"nl": code.capitalize()}} for code in texts.ROLES],
                    }
                ],
            },
            {
                "key": "S2",
                "title": {"nl": "Het programma"},
                "questions": [
                    {
                        "code": "CIJFER",
                        "type": "rapportcijfer",
                        "text": {"nl": "Welk rapportcijfer geeft u het programma?"},
                    },
                    *(open_question(code, text) for code, text, _pool in PROGRAMME_QUESTIONS),
                ],
            },
            {
                "key": "S3",
                "title": {"nl": "{item}"},
                "repeat": "projecten",
                "questions": [open_question(code, text) for code, text, _pool in PROJECT_QUESTIONS],
            },
        ],
    }
    return parse_document(data).to_dict()


def stakeholder_survey(
    region: Region, projects: list[Project], *, closes_on: date, completed: int = COMPLETED
) -> Survey:
    """The survey, its ledger and ``completed`` coded responses (all built from the models directly)."""
    survey = Survey(
        region_id=region.id,
        kind=SurveyKind.STAKEHOLDER,
        title={"nl": SURVEY_TITLE},
        audience=Audience.STAKEHOLDERS,
        address_form=AddressForm.U,
        display_mode=DisplayMode.SECTION_PER_PAGE,
        status=FieldworkStatus.CLOSED,
        opens_on=closes_on - timedelta(days=21),
        closes_on=closes_on,
        round_label=str(closes_on.year),
    )
    version = SurveyVersion(
        survey=survey, number=1, status=VersionStatus.PUBLISHED, document=document(projects), published_at=utcnow()
    )
    db.session.add_all([survey, version])
    db.session.flush()
    _ledger(survey, closes_on, completed)
    themes = _codebook(region, survey)
    for index in range(completed):
        add_response(survey, version, index, projects, themes, closes_on)
    db.session.flush()
    return survey


def _ledger(survey: Survey, closes_on: date, completed: int) -> None:
    invited_on = closes_on - timedelta(days=21)
    for index in range(INVITED):
        db.session.add(
            Invitation(
                survey_id=survey.id,
                token_hash=hashlib.sha256(secrets.token_bytes(32)).hexdigest(),
                invited_on=invited_on,
                contact_deleted_on=closes_on,
                started=index < max(STARTED, completed),
                completed=index < completed,
            )
        )


def _codebook(region: Region, survey: Survey) -> dict[str, Theme]:
    book = db.session.scalar(select(Codebook).where(Codebook.region_id == region.id, Codebook.name == texts.CODEBOOK))
    if book is None:
        book = Codebook(
            region_id=region.id,
            name=texts.CODEBOOK,
            description="Thema's voor de open vragen van de stakeholder-enquête.",
        )
        book.themes = [
            Theme(key=key, label=label, seed_words=words, position=i)
            for i, (key, label, words) in enumerate(texts.THEMES, start=1)
        ]
        db.session.add(book)
        db.session.flush()
    for code, _text, _pool in PROGRAMME_QUESTIONS + PROJECT_QUESTIONS:
        db.session.add(QuestionCodebook(survey_id=survey.id, item_code=code, codebook_id=book.id))
    return {theme.key: theme for theme in book.themes}


def add_response(survey, version, index, projects, themes, closes_on) -> Response:
    """One completed response: role, grade, the programme's open questions, four of the projects."""
    week = closes_on - timedelta(days=closes_on.weekday() + 7)
    response = Response(
        survey_id=survey.id, version_id=version.id, channel=Channel.PERSONAL, status=ResponseStatus.COMPLETED, week=week
    )
    db.session.add(response)
    response.answers.append(Answer(item_code="ROL", value=texts.ROLES[index % len(texts.ROLES)]))
    response.answers.append(Answer(item_code="CIJFER", value=str(texts.GRADES[index % len(texts.GRADES)])))
    coded = []
    for offset, (code, _text, pool) in enumerate(PROGRAMME_QUESTIONS):
        coded.append(_open(response, code, "", pool[(index + offset) % len(pool)]))
    for number, project in enumerate(projects):
        if (index + number) % 5 == 0:
            continue
        for offset, (code, _text, pool) in enumerate(PROJECT_QUESTIONS):
            coded.append(_open(response, code, project.key, pool[(index + number + offset) % len(pool)]))
    db.session.flush()
    for answer, keys in coded:
        db.session.add(
            CodedAnswer(
                answer_id=answer.id,
                survey_id=survey.id,
                item_code=answer.item_code,
                verified=True,
                sentiment=Sentiment.UNKNOWN,
            )
        )
        for key in keys:
            db.session.add(AnswerCode(answer_id=answer.id, theme_id=themes[key].id, source=Source.HUMAN, verified=True))
    return response


def _open(response: Response, code: str, instance: str, entry) -> tuple[Answer, list[str]]:
    raw, scrubbed, keys = entry
    answer = Answer(item_code=code, instance=instance, value=raw, scrubbed_text=scrubbed or raw)
    response.answers.append(answer)
    return answer, keys


def draft_evaluation(region: Region, programme: Programme, survey: Survey) -> Evaluation:
    author = db.session.scalar(select(User).where(User.email == "onderzoeker@demo.example"))
    evaluation = services.create_evaluation(
        region,
        programme,
        author,
        title=EVALUATION_TITLE,
        period_start=date(programme.start_year, 1, 1),
        period_end=date.today(),
        surveys=[survey, *_parents_rounds(region)],
        projects=list(programme.projects),
    )
    services.save_texts(
        evaluation,
        PROGRAMME_SCOPE,
        {"introduction": texts.INTRODUCTION, "coherence": texts.COHERENCE, "vignette": texts.VIGNETTE},
    )
    notes.add_notes(evaluation, texts.HEIMIDDAG_NOTES, project=None, source="Heimiddag stuurgroep")
    notes.add_notes(evaluation, texts.INTERVIEW_NOTES, project=None, source="Interviews")
    notes.add_notes(evaluation, texts.KERNTEAM_NOTES, project=None, source="Kernteam")
    notes.detect_notes(evaluation)  # the demo loader is a command, not a request: check the notes now
    review_all(evaluation)
    return evaluation


def _parents_rounds(region: Region) -> list[Survey]:
    """The newest round of the demo's parents' CEO (``survey.reports.demo``, loaded before this module): its
    scores per actielijn, with the trend against the round before, go into the tussenevaluatie."""
    stmt = select(Survey).where(Survey.region_id == region.id, Survey.series_key == CEO_SERIES)
    rounds = sorted(db.session.scalars(stmt), key=lambda s: s.round_label)
    return rounds[-1:]


def review_all(evaluation: Evaluation) -> None:
    """The demo evaluator's review: every statement kept, the interview roles printed."""
    context = ReportContext(evaluation)
    found = [s for key in PROGRAMME_THEME_SECTIONS for s in review.candidates(context, key)]
    found += [
        s
        for project in evaluation.projects
        for key in PROJECT_THEME_SECTIONS
        for s in review.candidates(context, key, project)
    ]
    review.save_decisions(
        evaluation, {s.key: {"decision": "houden", "public": bool(s.attribution)} for s in found}, context
    )
