"""Test questionnaires for the respondent flow, and factories for surveys and invitations.

``flow_documents()`` returns every document the flow is tested with; the shipped templates can be
added to that list once they exist, and every parametrised test then covers them too.
"""

from datetime import date

from survey.fieldwork.models import Invitation
from survey.questionnaires.models import (
    AddressForm,
    Audience,
    DisplayMode,
    FieldworkStatus,
    Survey,
    SurveyKind,
    VersionStatus,
)
from survey.timeutil import utcnow
from survey.tokens import new_short_code, new_token, short_code_hash, token_hash
from tests.factories import save_survey


def t(nl, en=None, ar=None):
    text = {"nl": nl}
    if en:
        text["en"] = en
    if ar:
        text["ar"] = ar
    return text


def q(code, type_, text, **fields):
    return {"code": code, "type": type_, "text": text, **fields}


OPTIONS_WHO = [
    {"code": "ouder", "label": t("Ouder", "Parent", "أحد الوالدين")},
    {"code": "jongere", "label": t("Jongere", "Young person", "شاب")},
    {"code": "prof", "label": t("Professional", "Professional", "مهني")},
]
OPTIONS_HELP = [
    {"code": "thuis", "label": t("Hulp thuis", "Help at home", "مساعدة في البيت")},
    {"code": "school", "label": t("Hulp op school", "Help at school", "مساعدة في المدرسة")},
    {"code": "groep", "label": t("Groepshulp", "Group help", "مساعدة جماعية")},
]


def all_types_document() -> dict:
    """Every question type, a condition on a question and on a section, piping, a repeated block; nl+en+ar."""
    return {
        "languages": ["nl", "en", "ar"],
        "lists": {
            "projecten": [
                {"key": "p1", "label": t("Thuis opgroeien", "Growing up at home", "النشأة في البيت")},
                {"key": "p2", "label": t("Snel de juiste hulp", "The right help fast", "المساعدة المناسبة بسرعة")},
            ]
        },
        "sections": [
            {
                "key": "S1",
                "title": t("Over de hulp", "About the help", "عن المساعدة"),
                "questions": [
                    q(
                        "I0",
                        "informatie",
                        t(
                            "Deze vragen gaan over de hulp in {var:gemeente}.",
                            "These questions are about the help in {var:gemeente}.",
                            "هذه الأسئلة عن المساعدة في {var:gemeente}.",
                        ),
                    ),
                    q(
                        "T1",
                        "stelling",
                        t(
                            "Ik wist waar ik terecht kon met mijn vraag.",
                            "I knew where to go with my question.",
                            "كنت أعرف إلى أين أذهب بسؤالي.",
                        ),
                    ),
                    q(
                        "G1",
                        "stellingen",
                        t("Hoe eens bent u het met deze zinnen?", "How much do you agree?", "إلى أي مدى توافق؟"),
                        items=[
                            {
                                "code": "K1",
                                "text": t(
                                    "De hulpverlener nam mij serieus.",
                                    "The care worker took me seriously.",
                                    "أخذني المساعد بجدية.",
                                ),
                            },
                            {
                                "code": "K2",
                                "text": t(
                                    "De hulpverleners werkten goed samen.",
                                    "The care workers worked well together.",
                                    "عمل المساعدون معًا بشكل جيد.",
                                ),
                            },
                        ],
                    ),
                    q(
                        "F1",
                        "frequentie",
                        t(
                            "Hoe vaak luisterde de hulpverlener naar u?",
                            "How often did the care worker listen to you?",
                            "كم مرة استمع إليك المساعد؟",
                        ),
                    ),
                    q(
                        "R1",
                        "rapportcijfer",
                        t(
                            "Welk rapportcijfer geeft u de hulp?",
                            "What mark do you give the help?",
                            "ما الدرجة التي تعطيها للمساعدة؟",
                        ),
                    ),
                    q(
                        "O2",
                        "open_lang",
                        t(
                            "U gaf een {R1}. Wat kan beter?",
                            "You gave a {R1}. What could be better?",
                            "أعطيت {R1}. ما الذي يمكن تحسينه؟",
                        ),
                        required=False,
                        condition={"item": "R1", "op": "lte", "value": 5},
                    ),
                    q(
                        "N1",
                        "schaal_0_10",
                        t(
                            "Zou u deze hulp aanraden aan anderen?",
                            "Would you recommend this help?",
                            "هل تنصح بهذه المساعدة؟",
                        ),
                        required=False,
                        settings={
                            "low_label": t("Zeker niet", "Certainly not", "بالتأكيد لا"),
                            "high_label": t("Zeker wel", "Certainly", "بالتأكيد نعم"),
                        },
                    ),
                    q("C1", "smiley", t("Hoe voel je je nu?", "How do you feel now?", "كيف تشعر الآن؟")),
                ],
            },
            {
                "key": "S2",
                "title": t("Over u", "About you", "عنك"),
                "questions": [
                    q(
                        "A1",
                        "keuze",
                        t("Wie vult de vragenlijst in?", "Who fills in the questionnaire?", "من يملأ الاستبيان؟"),
                        options=OPTIONS_WHO,
                        settings={"other": True},
                    ),
                    q(
                        "M1",
                        "meerkeuze",
                        t("Welke hulp kreeg u?", "What help did you get?", "ما المساعدة التي تلقيتها؟"),
                        options=OPTIONS_HELP,
                        settings={"min": 1, "max": 2, "other": True},
                    ),
                    q(
                        "L1",
                        "open_kort",
                        t("In welke wijk woont u?", "In which part of town do you live?", "في أي حي تسكن؟"),
                        required=False,
                        settings={"max_length": 60},
                    ),
                    q(
                        "Q1",
                        "getal",
                        t(
                            "Hoeveel maanden kreeg u hulp?",
                            "For how many months did you get help?",
                            "كم شهرًا تلقيت المساعدة؟",
                        ),
                        settings={"min": 0, "max": 120},
                    ),
                ],
            },
            {
                "key": "S3",
                "title": t("Project {item}", "Project {item}", "مشروع {item}"),
                "repeat": "projecten",
                "questions": [
                    q(
                        "P1",
                        "rapportcijfer",
                        t(
                            "Welk cijfer geeft u {item}?",
                            "What mark do you give {item}?",
                            "ما الدرجة التي تعطيها لـ {item}؟",
                        ),
                    ),
                    q(
                        "P2",
                        "open_kort",
                        t("Wat werkt goed bij {item}?", "What works well in {item}?", "ما الذي ينجح في {item}؟"),
                        required=False,
                    ),
                ],
            },
            {
                "key": "S4",
                "title": t("Voor professionals", "For professionals", "للمهنيين"),
                "condition": {"item": "A1", "op": "is", "value": "prof"},
                "questions": [
                    q(
                        "Z1",
                        "stelling",
                        t(
                            "Ik heb genoeg ruimte in mijn werk.",
                            "I have enough room in my work.",
                            "لدي مساحة كافية في عملي.",
                        ),
                    )
                ],
            },
        ],
    }


def small_poll_document() -> dict:
    """A live poll: three questions, Dutch only."""
    return {
        "languages": ["nl"],
        "sections": [
            {
                "key": "S1",
                "questions": [
                    q("P1", "stelling", t("Ik heb genoeg professionele ruimte.")),
                    q("P2", "rapportcijfer", t("Welk cijfer geef je je werkplezier?")),
                    q(
                        "P3",
                        "keuze",
                        t("Werk je over een jaar nog in de jeugdhulp?"),
                        options=[
                            {"code": "ja", "label": t("Ja")},
                            {"code": "nee", "label": t("Nee")},
                            {"code": "weet_niet", "label": t("Weet ik niet")},
                        ],
                    ),
                ],
            }
        ],
    }


def template_documents() -> list[tuple[str, dict]]:
    """Every shipped template's document; a repeated block gets two list items to repeat over."""
    from survey.questionnaires.templates import list_templates, load_template

    documents = []
    for info in list_templates():
        document = load_template(info.key).document.to_dict()
        for name, items in document["lists"].items():
            if not items:
                document["lists"][name] = [
                    {"key": "p1", "label": {"nl": "Thuis opgroeien"}},
                    {"key": "p2", "label": {"nl": "Samen naar school"}},
                ]
        documents.append((f"sjabloon-{info.key}", document))
    return documents


def flow_documents() -> list[tuple[str, dict]]:
    """Every document the parametrised flow tests run over: our own and every shipped template."""
    return [("alle-vraagsoorten", all_types_document()), ("peiling", small_poll_document()), *template_documents()]


def create_survey(
    db,
    region,
    document=None,
    *,
    mode=DisplayMode.ONE_PER_SCREEN,
    status=FieldworkStatus.OPEN,
    public_key="open-sleutel-1234",
    poll_code=None,
    audience=Audience.OUDERS,
    address=AddressForm.U,
    check_page=False,
    help_text=None,
    opens_on=None,
    closes_on=None,
    kind=SurveyKind.CEO,
    published=True,
) -> Survey:
    """A survey with version 1 of the document; published as ``versions.publish`` leaves it (with its moment),
    so the respondent pages run on the per-process store of published questionnaires as in production."""
    title = t("Ervaringen met de jeugdhulp", "Experiences with youth care", "تجارب مع رعاية الشباب")
    survey = save_survey(
        db,
        region,
        document or all_types_document(),
        version_status=VersionStatus.PUBLISHED if published else VersionStatus.DRAFT,
        kind=kind,
        title=title,
        introduction=t(
            "We willen weten hoe het gaat met de hulp.",
            "We want to know how the help goes.",
            "نريد أن نعرف كيف تسير المساعدة.",
        ),
        organiser=t("Gemeente Rotterdam", "Municipality of Rotterdam", "بلدية روتردام"),
        help_text=help_text or {},
        audience=audience,
        address_form=address,
        display_mode=mode,
        show_check_page=check_page,
        status=status,
        public_key=public_key,
        poll_code=poll_code,
        opens_on=opens_on,
        closes_on=closes_on,
        estimated_minutes=5,
    )
    if published:
        survey.versions[0].published_at = utcnow()
        db.session.commit()
    return survey


def create_invitation(db, survey, background=None, language="nl") -> tuple[Invitation, str, str]:
    """An invitation with its personal token and short code (as on the letter)."""
    token, code = new_token(), new_short_code()
    invitation = Invitation(
        survey_id=survey.id,
        token_hash=token_hash(token),
        short_code_hash=short_code_hash(code),
        background=background or {},
        language=language,
        invited_on=date(2026, 11, 2),
    )
    db.session.add(invitation)
    db.session.commit()
    return invitation, token, code
