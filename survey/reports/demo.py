"""Demo content for the results pages: two rounds of a parents' CEO with answers, a ledger and coded themes."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select

from survey.coding.models import AnswerCode, Codebook, CodedAnswer, QuestionCodebook, Sentiment, Source, Theme
from survey.extensions import db
from survey.fieldwork.ledger import count_day
from survey.fieldwork.models import Invitation
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
from survey.responses.models import Answer, Channel, Response, ResponseStatus
from survey.tokens import new_token, token_hash

TITLE = "CEO ouders (voorbeeldresultaten)"
SERIES = "demo-ceo-ouders"
STATEMENTS = [
    ("toegang", "T1", "Ik wist waar ik terecht kon met mijn vraag."),
    ("toegang", "T2", "Ik kreeg snel hulp."),
    ("toegang", "T3", "Mijn kind en ik kregen de hulp die nodig was."),
    ("kwaliteit", "K1", "De hulpverlener nam mij serieus."),
    ("kwaliteit", "K2", "De hulpverlener en ik besloten samen welke hulp er kwam."),
    ("kwaliteit", "K3", "De hulpverlener wist genoeg om ons goed te helpen."),
    ("kwaliteit", "K4", "De hulpverleners werkten goed samen."),
    ("effect", "E1", "Door de hulp voelt mijn kind zich beter."),
    ("effect", "E2", "Door de hulp kan ik beter omgaan met de problemen."),
    ("effect", "E3", "Door de hulp gaat het thuis beter."),
    ("effect", "E4", "Door de hulp gaat het beter op school of werk."),
    ("effect", "E5", "Door de hulp voelt mijn kind zich veiliger."),
    ("effect", "E6", "Door de hulp heb ik meer vertrouwen in de toekomst."),
]
GEMEENTEN = [("Rotterdam", 0.5), ("Schiedam", 0.2), ("Vlaardingen", 0.18), ("Maassluis", 0.1), ("Rozenburg", 0.02)]
THEMES = [
    ("wachttijd", "Wachttijd en snelheid", "Ik moest maanden wachten op de eerste afspraak."),
    ("serieus", "Serieus genomen", "De hulpverlener luisterde echt naar ons."),
    ("samenwerking", "Samenwerking tussen hulpverleners", "School en de hulpverlener praatten niet met elkaar."),
    ("bereikbaarheid", "Bereikbaarheid", "Ik kon [PERSOON-1] nooit bereiken, bel [TELEFOONNUMMER-1]."),
]
#: the children's CEO: number of demo answers, its smiley items with how much happier than average they are
CHILDREN = 64
SMILEY_ITEMS = [("KI1", 0.1), ("KI2", 0.0), ("KI3", 0.05), ("KI4", 0.0), ("KI5", -0.1), ("KI6", -0.05), ("KI7", 0.05)]
LIKED = [
    "Ze luisterde naar mij.",
    "Dat ik zelf mocht kiezen waar we over praatten.",
    "We gingen samen tekenen.",
    "Het was niet eng.",
    "Mama en ik maken minder ruzie.",
]


#: a question asked differently in a later round (a different question, so the trend does not test it)
REWORDED = {"2026": {"T2": "Ik kreeg op tijd de hulp die ik nodig had."}}


def document(label: str = "") -> dict:
    groups = {}
    for domain, code, text in STATEMENTS:
        text = REWORDED.get(label, {}).get(code, text)
        groups.setdefault(domain, []).append({"code": code, "text": {"nl": text}})
    questions = [
        {
            "code": f"G{domain[0].upper()}",
            "type": "stellingen",
            "domain": domain,
            "text": {"nl": "Wat vindt u van deze zinnen?"},
            "items": items,
        }
        for domain, items in groups.items()
    ]
    questions += [
        {"code": "R1", "type": "rapportcijfer", "text": {"nl": "Welk rapportcijfer geeft u de hulp?"}},
        {"code": "O2", "type": "open_lang", "text": {"nl": "Wat kan beter?"}, "required": False},
    ]
    return {
        "schema": 1,
        "languages": ["nl"],
        "sections": [{"key": "S1", "title": {"nl": "De hulp"}, "questions": questions}],
    }


def load(region) -> list[str]:
    """Two demo rounds (2025, 2026) of the parents' CEO and answers to the children's CEO in the demo region;
    each left alone when it exists."""
    return [_parent_rounds(region), _children(region)]


def _parent_rounds(region) -> str:
    if db.session.scalar(select(Survey.id).where(Survey.region_id == region.id, Survey.series_key == SERIES)):
        return f"  resultaten: '{TITLE}' bestaat al"
    book = Codebook(region_id=region.id, name="CEO open antwoorden (voorbeeld)")
    themes = [Theme(codebook=book, key=key, label=label, position=i) for i, (key, label, _q) in enumerate(THEMES, 1)]
    db.session.add_all([book, *themes])
    made = [
        _round(region, label, size, shift, book, themes, seed)
        for label, size, shift, seed in (("2025", 260, -0.08, 1), ("2026", 320, 0.0, 2))
    ]
    return (
        f"  resultaten: '{TITLE}' metingen {', '.join(s.round_label for s in made)} "
        f"(/beheer/{region.slug}/resultaten/{made[-1].id}/)"
    )


def _children(region) -> str:
    """Answers to the demo's CEO kind 8–11 (the shipped template, open link): smileys, who helped, a few
    things the children liked. Made once; a child who answers the demo link later is added to them."""
    survey = db.session.scalar(select(Survey).where(Survey.region_id == region.id, Survey.template_key == "ceo_kind"))
    if survey is None or survey.published_version is None:
        return "  resultaten CEO kind: geen gepubliceerde vragenlijst"
    where = f"(/beheer/{region.slug}/resultaten/{survey.id}/)"
    if db.session.scalar(select(Response.id).where(Response.survey_id == survey.id).limit(1)):
        return f"  resultaten: '{survey.text('title')}' bestaat al {where}"
    rng = random.Random(3)
    start = date(2026, 3, 2)
    for _ in range(CHILDREN):
        _child(survey, rng, start)
    db.session.flush()
    return f"  resultaten: '{survey.text('title')}' {CHILDREN} kinderen {where}"


def _child(survey: Survey, rng: random.Random, start: date) -> None:
    response = Response(
        survey_id=survey.id,
        version_id=survey.published_version.id,
        channel=Channel.OPEN_LINK,
        status=ResponseStatus.COMPLETED,
        week=start + timedelta(weeks=rng.randrange(4)),
        language=rng.choices(["nl", "en", "ar", "tr"], [0.85, 0.05, 0.06, 0.04])[0],
    )
    response.answers.append(
        Answer(item_code="KH", value=rng.choices(["ouder", "hulpverlener", "niemand"], [0.6, 0.3, 0.1])[0])
    )
    for code, happy in SMILEY_ITEMS:
        weights = [0.04, 0.08, 0.25 - happy / 2, 0.38, 0.25 + happy / 2]
        response.answers.append(Answer(item_code=code, value=rng.choices(["1", "2", "3", "4", "5"], weights)[0]))
    if rng.random() < 0.4:
        liked = rng.choice(LIKED)
        response.answers.append(Answer(item_code="KO1", value=liked, scrubbed_text=liked))
    db.session.add(response)


def _round(region, label: str, size: int, shift: float, book: Codebook, themes: list[Theme], seed: int) -> Survey:
    rng = random.Random(seed)
    survey = Survey(
        region_id=region.id,
        kind=SurveyKind.CEO,
        title={"nl": TITLE},
        audience=Audience.OUDERS,
        address_form=AddressForm.U,
        display_mode=DisplayMode.ONE_PER_SCREEN,
        min_cell=10,
        status=FieldworkStatus.CLOSED,
        opens_on=date(int(label), 3, 2),
        closes_on=date(int(label), 3, 30),
        round_label=label,
        series_key=SERIES,
    )
    survey.versions.append(SurveyVersion(number=1, status=VersionStatus.PUBLISHED, document=document(label)))
    db.session.add(survey)
    db.session.flush()
    db.session.add(QuestionCodebook(survey_id=survey.id, item_code="O2", codebook_id=book.id, auto_threshold=0.8))
    start = date(int(label), 3, 2)
    for n in range(int(size / 0.55)):
        gemeente = rng.choices([g for g, _w in GEMEENTEN], [w for _g, w in GEMEENTEN])[0]
        done = n < size
        day = start + timedelta(days=rng.randrange(28))
        db.session.add(
            Invitation(
                survey_id=survey.id,
                token_hash=token_hash(new_token()),
                background={"gemeente": gemeente},
                invited_on=start,
                started=done,
                completed=done,
            )
        )
        if done:
            count_day(survey.id, day, started=1, completed=1)
            _response(survey, rng, shift, gemeente, start, themes)
    db.session.flush()
    return survey


def _response(survey: Survey, rng: random.Random, shift: float, gemeente: str, start: date, themes) -> None:
    response = Response(
        survey_id=survey.id,
        version_id=survey.versions[0].id,
        channel=Channel.PERSONAL,
        status=ResponseStatus.COMPLETED,
        week=start,
        background={"gemeente": gemeente},
        language=rng.choices(["nl", "en", "ar", "tr"], [0.85, 0.06, 0.05, 0.04])[0],
    )
    for _domain, code, _text in STATEMENTS:
        weights = [0.25 + shift, 0.38, 0.15, 0.1 - shift / 2, 0.05 - shift / 2, 0.04, 0.03]
        response.answers.append(
            Answer(item_code=code, value=rng.choices(["5", "4", "3", "2", "1", "weet_niet", "nvt"], weights)[0])
        )
    response.answers.append(Answer(item_code="R1", value=str(max(1, min(10, round(rng.gauss(7.1 + shift * 5, 1.4)))))))
    if rng.random() < 0.35:
        index = rng.randrange(len(THEMES))
        answer = Answer(item_code="O2", value="(ruwe tekst, alleen voor onderzoekers)", scrubbed_text=THEMES[index][2])
        response.answers.append(answer)
        db.session.add(response)
        db.session.flush()
        coded = CodedAnswer(
            answer_id=answer.id,
            survey_id=survey.id,
            item_code="O2",
            sentiment=Sentiment.POSITIVE if index == 1 else Sentiment.NEGATIVE,
        )
        coded.codes.append(AnswerCode(theme_id=themes[index].id, source=Source.RULE))
        db.session.add(coded)
    db.session.add(response)
