"""Test data for the results stage, made directly with the models: a CEO document, rounds, responses,
answers, invitations and codes."""

from __future__ import annotations

import json
from datetime import date

from survey.coding.models import (
    AnswerCode,
    AnswerKind,
    Codebook,
    CodedAnswer,
    QuestionCodebook,
    RemarkKind,
    Sentiment,
    Source,
    Theme,
)
from survey.fieldwork.ledger import count_day
from survey.fieldwork.models import Invitation
from survey.questionnaires.models import (
    Audience,
    FieldworkStatus,
    Survey,
)
from survey.responses.models import Answer, Channel, Response, ResponseStatus
from survey.tokens import token_hash
from tests.factories import save_survey

STATEMENTS = {
    "T1": ("toegang", "Ik wist waar ik terecht kon met mijn vraag."),
    "K1": ("kwaliteit", "De hulpverlener nam mij serieus."),
    "E1": ("effect", "Door de hulp gaat het thuis beter."),
}


def ceo_document(extra: list[dict] | None = None) -> dict:
    """A small CEO: three statements (one per domain), a frequency item, a grade, a choice and an open question."""
    groups = [
        {
            "code": f"G{code}",
            "type": "stellingen",
            "domain": domain,
            "text": {"nl": "Stellingen"},
            "items": [{"code": code, "text": {"nl": text}}],
        }
        for code, (domain, text) in STATEMENTS.items()
    ]
    questions = groups + [
        {"code": "F1", "type": "frequentie", "text": {"nl": "Hoe vaak werd u op tijd geholpen?"}},
        {"code": "R1", "type": "rapportcijfer", "text": {"nl": "Welk rapportcijfer geeft u de hulp?"}},
        {
            "code": "C1",
            "type": "meerkeuze",
            "text": {"nl": "Welke hulp kreeg u?"},
            "required": False,
            "options": [
                {"code": "thuis", "label": {"nl": "Hulp thuis"}},
                {"code": "school", "label": {"nl": "Hulp op school"}},
                {"code": "anders", "label": {"nl": "Anders, namelijk"}},
            ],
        },
        {"code": "O1", "type": "open_lang", "text": {"nl": "Wat kan beter?"}, "required": False},
        *(extra or []),
    ]
    return {
        "schema": 1,
        "languages": ["nl"],
        "sections": [{"key": "S1", "title": {"nl": "Vragen"}, "questions": questions}],
    }


def make_survey(
    db,
    region,
    *,
    min_cell=5,
    round_label="2026",
    series_key=None,
    document=None,
    audience=Audience.OUDERS,
    title="CEO ouders",
) -> Survey:
    return save_survey(
        db,
        region,
        document or ceo_document(),
        title={"nl": title},
        audience=audience,
        min_cell=min_cell,
        status=FieldworkStatus.CLOSED,
        round_label=round_label,
        series_key=series_key,
    )


def add_response(
    db,
    survey,
    answers: dict,
    *,
    language="nl",
    background=None,
    status=ResponseStatus.COMPLETED,
    channel=Channel.OPEN_LINK,
    week=date(2026, 3, 2),
    scrubbed: dict | None = None,
    other: dict | None = None,
) -> Response:
    """A response with its answers; lists become multiple-choice JSON; ``scrubbed`` gives scrubbed copies."""
    response = Response(
        survey_id=survey.id,
        version_id=survey.versions[0].id,
        channel=channel,
        language=language,
        status=status,
        week=week,
        background=background or {},
    )
    for code, value in answers.items():
        if value is None:
            continue
        stored = json.dumps(value) if isinstance(value, list) else str(value)
        response.answers.append(
            Answer(
                item_code=code,
                value=stored,
                scrubbed_text=(scrubbed or {}).get(code),
                other_text=(other or {}).get(code),
            )
        )
    db.session.add(response)
    return response


def add_invitations(
    db,
    survey,
    count: int,
    *,
    completed: int = 0,
    started: int = 0,
    background=None,
    day=date(2026, 3, 2),
    completed_days=None,
    language="nl",
):
    """``count`` invitations; the first ``completed`` finished (on ``completed_days`` in turn), the next
    ``started`` only started."""
    days = completed_days or [day]
    for n in range(count):
        done = n < completed
        began = n < completed + started
        hashed = token_hash(f"{survey.id}-{n}-{background}-{language}")
        db.session.add(
            Invitation(
                survey_id=survey.id,
                token_hash=hashed,
                background=dict(background or {}),
                invited_on=day,
                language=language,
                started=began,
                completed=done,
            )
        )
        if began:
            count_day(survey.id, days[n % len(days)] if done else day, started=1, completed=int(done))


def codebook(
    db,
    region,
    survey,
    item_code="O1",
    themes=(("wachttijd", "Wachttijd"), ("serieus", "Serieus genomen")),
    threshold=0.8,
):
    book = Codebook(region_id=region.id, name="CEO open")
    made = [Theme(codebook=book, key=key, label=label, position=i) for i, (key, label) in enumerate(themes, 1)]
    db.session.add_all([book, *made])
    db.session.flush()
    db.session.add(
        QuestionCodebook(survey_id=survey.id, item_code=item_code, codebook_id=book.id, auto_threshold=threshold)
    )
    return {t.key: t for t in made}


def code(db, survey, answer, codes, *, sentiment=Sentiment.NEGATIVE, verified=False, kinds=()):
    """Codes for an answer: ``codes`` is [(theme, source, probability, verified), ...], ``kinds`` is
    [(kind of remark, source, verified), ...]."""
    db.session.add(
        CodedAnswer(
            answer_id=answer.id, survey_id=survey.id, item_code=answer.item_code, verified=verified, sentiment=sentiment
        )
    )
    for theme, source, probability, code_verified in codes:
        db.session.add(
            AnswerCode(
                answer_id=answer.id,
                theme_id=theme.id,
                source=Source(source),
                probability=probability,
                verified=code_verified,
            )
        )
    for kind, source, kind_verified in kinds:
        db.session.add(
            AnswerKind(answer_id=answer.id, kind=RemarkKind(kind), source=Source(source), verified=kind_verified)
        )


def answer_of(response, item_code):
    return next(a for a in response.answers if a.item_code == item_code)
