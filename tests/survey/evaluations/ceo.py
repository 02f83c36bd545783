"""Two CEO rounds of one series (2025 and 2026) with three statements, built from the models."""

from datetime import date

from survey.extensions import db
from survey.questionnaires.content.parsing import parse_document
from survey.questionnaires.models import (
    FieldworkStatus,
    Survey,
)
from survey.responses.models import Answer, Channel, Response, ResponseStatus
from tests.factories import new_survey

ITEMS = [
    ("T1", "toegang", "Ik wist waar ik terecht kon met mijn vraag."),
    ("K1", "kwaliteit", "De hulpverlener nam mij serieus."),
    ("E3", "effect", "Door de hulp gaat het thuis beter."),
]


def _round(region, label: str, previous: Survey | None, answers: dict[str, list[str]]) -> Survey:
    document = parse_document(
        {
            "schema": 1,
            "languages": ["nl"],
            "sections": [
                {
                    "key": "S1",
                    "questions": [
                        {"code": code, "type": "stelling", "domain": domain, "text": {"nl": text}}
                        for code, domain, text in ITEMS
                    ],
                }
            ],
        }
    ).to_dict()
    survey = new_survey(
        region,
        document,
        title={"nl": "CEO ouders"},
        status=FieldworkStatus.CLOSED,
        round_label=label,
        series_key="ceo-ouders",
        previous_round_id=previous.id if previous else None,
    )
    version = survey.versions[0]
    db.session.add_all([survey, version])
    db.session.flush()
    count = max(len(values) for values in answers.values())
    for index in range(count):
        response = Response(
            survey_id=survey.id,
            version_id=version.id,
            channel=Channel.OPEN_LINK,
            status=ResponseStatus.COMPLETED,
            week=date(int(label), 3, 2),
        )
        response.answers = [
            Answer(item_code=code, value=values[index]) for code, values in answers.items() if index < len(values)
        ]
        db.session.add(response)
    db.session.flush()
    return survey


def make_ceo_rounds(region) -> tuple[Survey, Survey]:
    """T1 rises clearly (50 % to 85 %), K1 stays (70 %), E3 has only 8 answers in 2026 (hidden)."""
    previous = _round(
        region,
        "2025",
        None,
        {"T1": ["4"] * 20 + ["2"] * 20, "K1": ["5"] * 28 + ["1"] * 12, "E3": ["4"] * 30 + ["3"] * 10},
    )
    current = _round(
        region,
        "2026",
        previous,
        {"T1": ["5"] * 34 + ["2"] * 6 + ["weet_niet"], "K1": ["4"] * 28 + ["2"] * 12, "E3": ["4"] * 8},
    )
    db.session.commit()
    return previous, current


def make_round_with_a_signal(region, previous: Survey) -> Survey:
    """A 2027 round after ``previous``: T1 has 20 answers (a signal), K1 40, E3 5 (hidden)."""
    survey = _round(region, "2027", previous, {"T1": ["5"] * 15 + ["2"] * 5, "K1": ["4"] * 40, "E3": ["4"] * 5})
    db.session.commit()
    return survey
