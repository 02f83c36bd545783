"""Demo open answers for `flask demo load`: answers to "Wat kan er beter?" of the demo CEO, coded with the
standard codebook. They are queued for scrubbing; with `make run` the embedded job consumer scrubs them.
When jobs run immediately (tests), nothing is queued: loading demo data never loads deduce itself."""

from datetime import date

from sqlalchemy import select

from survey.coding.codebooks import services as codebooks
from survey.coding.jobs import code_answers, queue_scrub
from survey.extensions import db
from survey.jobs import huey
from survey.questionnaires.models import Survey
from survey.responses.models import Answer, Channel, Response, ResponseStatus

ITEM_CODE = "O2"
DEMO_ANSWERS = [
    "We hebben vier maanden op de wachtlijst gestaan, dat was veel te lang.",
    "Mevrouw Jansen luisterde echt naar onze zoon Daan. Heel fijn.",
    "Ik kreeg steeds een andere hulpverlener en moest alles opnieuw vertellen.",
    "Bellen had geen zin, niemand belde terug.",
    "Meer uitleg over wat er gaat gebeuren zou helpen.",
    "De school en het wijkteam werkten niet samen.",
    "Mijn dochter (14) voelt zich nu veel beter op school.",
    "Het duurde lang voordat de hulp echt begon.",
    "Ze namen ons serieus, ook toen het moeilijk ging.",
    "Te veel formulieren en de beschikking kwam te laat.",
    "De hulp paste goed bij wat ons gezin nodig had.",
    "Ik wist niet wat ik kon verwachten van de gesprekken.",
    "Ze waren slecht bereikbaar in de vakantie.",
    "Thuis is het rustiger geworden, we hebben er veel aan gehad.",
    "Het vervoer naar de dagbehandeling ging vaak mis.",
    "Binnen twee weken was er een eerste gesprek, heel snel.",
    "Niet iedereen was even vriendelijk aan de telefoon.",
    "Na drie wisselingen van begeleider haakte mijn zoon af.",
    "Geen opmerkingen.",
    "Graag vaker een gesprek met ouders erbij.",
]


def load(region) -> list[str]:
    """Add the demo answers once to the region's demo CEO (if the questionnaires demo made one)."""
    survey = db.session.scalar(select(Survey).where(Survey.region_id == region.id, Survey.template_key == "ceo_ouders"))
    if survey is None or survey.published_version is None:
        return []
    existing = db.session.scalar(
        select(Answer.id)
        .join(Response, Response.id == Answer.response_id)
        .where(Response.survey_id == survey.id, Answer.item_code == ITEM_CODE)
        .limit(1)
    )
    if existing is None:
        for text in DEMO_ANSWERS:
            response = Response(
                survey_id=survey.id,
                version_id=survey.published_version.id,
                channel=Channel.OPEN_LINK,
                week=date(2026, 3, 2),
                status=ResponseStatus.COMPLETED,
            )
            response.answers = [Answer(item_code=ITEM_CODE, value=text)]
            db.session.add(response)
            db.session.flush()
        if not huey.immediate:
            queue_scrub(survey.id)
        if codebooks.question_codebook(survey.id, ITEM_CODE) is None:
            codebooks.attach_codebook(survey, ITEM_CODE, codebooks.create_from_default(region.id, "ceo"))
        code_answers(survey, ITEM_CODE)
    return [f"  Coderen: {len(DEMO_ANSWERS)} open antwoorden bij {ITEM_CODE} van {survey.text('title')}"]
