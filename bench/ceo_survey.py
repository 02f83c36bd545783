"""The 15-question CEO-like survey every system of the respondent benchmark serves.

13 statements on the 5-point agreement scale, a grade 1–10 and one open answer, with the same Dutch
texts and labels in the platform, the peer (django-survey-and-report) and the bare Flask handler, so the
pages are of the same size and the answers the same rows.
"""

from __future__ import annotations

TITLE = "Cliëntervaring jeugdhulp"
INTRO = "Vertel ons hoe u de hulp heeft ervaren. Het invullen duurt ongeveer 5 minuten."
#: (stored code, label) of the 5-point scale, agree first
AGREEMENT = [
    ("5", "Helemaal mee eens"),
    ("4", "Mee eens"),
    ("3", "Neutraal"),
    ("2", "Niet mee eens"),
    ("1", "Helemaal niet mee eens"),
]
GRADES = [(str(n), str(n)) for n in range(1, 11)]
STATEMENTS = [
    ("T1", "Ik voelde me welkom bij het eerste gesprek."),
    ("T2", "De hulpverlener luisterde goed naar mij."),
    ("T3", "Ik werd serieus genomen."),
    ("K1", "Ik kon meebeslissen over de doelen van de hulp."),
    ("K2", "De hulpverlener kwam afspraken na."),
    ("K3", "De hulpverlener was goed bereikbaar."),
    ("K4", "Ik kreeg duidelijke uitleg over wat de hulp inhield."),
    ("E1", "De hulp paste bij wat ik nodig had."),
    ("E2", "Ik voelde me veilig bij de hulpverlener."),
    ("E3", "De hulp begon op tijd."),
    ("E4", "Door de hulp gaat het beter met mij."),
    ("E5", "Ik weet nu beter hoe ik met problemen om kan gaan."),
    ("E6", "Ik zou deze hulp aanraden aan anderen."),
]
GRADE = ("R1", "Welk rapportcijfer (1 tot en met 10) geeft u de hulp?")
OPEN = ("O1", "Wat kunnen wij nog verbeteren?")
#: every question in order: (code, kind, text) with kind statement, grade or open
QUESTIONS = [(code, "statement", text) for code, text in STATEMENTS] + [
    (*GRADE[:1], "grade", GRADE[1]),
    (*OPEN[:1], "open", OPEN[1]),
]
ANSWERS_PER_SURVEY = len(QUESTIONS)
#: answers to the open question, chosen at random by the load client
OPEN_TEXTS = [
    "Meer tijd voor de gesprekken zou fijn zijn.",
    "Sneller terugbellen graag.",
    "Niets, het was prima!",
    "De wachttijd was te lang; verder heel tevreden.",
    "Betere uitleg over de vervolgstappen na de intake.",
]


def options(kind: str) -> list[tuple[str, str]]:
    return AGREEMENT if kind == "statement" else GRADES if kind == "grade" else []


def platform_exchange(display_mode: str) -> dict:
    """The survey in the platform's exchange format (docs/questionnaire-format.md)."""

    def question(code: str, kind: str, text: str) -> dict:
        qtype = {"statement": "stelling", "grade": "rapportcijfer", "open": "open_lang"}[kind]
        return {
            "code": code,
            "type": qtype,
            "text": {"nl": text},
            "required": kind != "open",
            "options": [{"code": c, "label": {"nl": label}} for c, label in options(kind)],
        }

    statements = [question(*q) for q in QUESTIONS if q[1] == "statement"]
    closing = [question(*q) for q in QUESTIONS if q[1] != "statement"]
    return {
        "format": "vragenlijst",
        "format_version": 1,
        "survey": {
            "kind": "ceo",
            "audience": "ouders",
            "address_form": "u",
            "display_mode": display_mode,
            "show_check_page": False,
            "estimated_minutes": 5,
            "title": {"nl": TITLE},
            "introduction": {"nl": INTRO},
        },
        "document": {
            "schema": 1,
            "languages": ["nl"],
            "lists": {},
            "sections": [
                {"key": "S1", "title": {"nl": "Uw ervaring"}, "questions": statements},
                {"key": "S2", "title": {"nl": "Tot slot"}, "questions": closing},
            ],
        },
    }


def peer_spec() -> dict:
    """The survey as the peer's seed script reads it (labels are the peer's stored choices)."""
    return {
        "name": TITLE,
        "description": INTRO,
        "questions": [
            {"code": code, "kind": kind, "text": text, "choices": [label for _, label in options(kind)]}
            for code, kind, text in QUESTIONS
        ],
    }
