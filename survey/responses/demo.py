"""Demo content for `flask demo load`: an open-link CEO survey in Dutch, English and Arabic, and a
live poll, so the respondent's way can be tried at once (/v/demo-ouders, /peiling/DEMO1)."""

from sqlalchemy import select

from survey.extensions import db
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
from survey.timeutil import utcnow


def _t(nl, en, ar):
    return {"nl": nl, "en": en, "ar": ar}


CEO = {"languages": ["nl", "en", "ar"], "sections": [
    {"key": "S1", "title": _t("Over de hulp", "About the help", "عن المساعدة"), "questions": [
        {"code": "T1", "type": "stelling", "domain": "toegang",
         "text": _t("Ik wist waar ik terecht kon met mijn vraag.", "I knew where to go with my question.",
                    "كنت أعرف إلى أين أذهب بسؤالي.")},
        {"code": "T2", "type": "stelling", "domain": "toegang",
         "text": _t("Ik kreeg snel hulp.", "I got help quickly.", "حصلت على المساعدة بسرعة.")},
        {"code": "KG", "type": "stellingen", "text": _t("Over de hulpverlener", "About the care worker", "عن المساعد"),
         "items": [{"code": "K1", "text": _t("De hulpverlener nam mij serieus.", "The care worker took me seriously.",
                                             "أخذني المساعد بجدية.")},
                   {"code": "K2", "text": _t("De hulpverlener en ik besloten samen welke hulp er kwam.",
                                             "The care worker and I decided together on the help.",
                                             "قررنا أنا والمساعد معًا نوع المساعدة.")}]},
        {"code": "R1", "type": "rapportcijfer",
         "text": _t("Welk rapportcijfer geeft u de hulp?", "What mark do you give the help?",
                    "ما الدرجة التي تعطيها للمساعدة؟")},
        {"code": "O2", "type": "open_lang", "required": False, "condition": {"item": "R1", "op": "lte", "value": 6},
         "text": _t("U gaf een {R1}. Wat kan beter?", "You gave a {R1}. What could be better?",
                    "أعطيت {R1}. ما الذي يمكن تحسينه؟")},
        {"code": "O1", "type": "open_lang", "required": False,
         "text": _t("Wat ging goed?", "What went well?", "ما الذي سار بشكل جيد؟")},
    ]},
]}

POLL = {"languages": ["nl"], "sections": [{"key": "S1", "questions": [
    {"code": "P1", "type": "stelling", "text": {"nl": "Ik heb genoeg ruimte om te doen wat nodig is."}},
    {"code": "P2", "type": "rapportcijfer", "text": {"nl": "Welk cijfer geef je je werkplezier?"}},
    {"code": "P3", "type": "keuze", "text": {"nl": "Werk je over een jaar nog in de jeugdhulp?"},
     "options": [{"code": "ja", "label": {"nl": "Ja"}}, {"code": "nee", "label": {"nl": "Nee"}},
                 {"code": "weet_niet", "label": {"nl": "Weet ik niet"}}]},
]}]}


def _survey(region, key: str, **fields) -> Survey:
    survey = db.session.scalar(select(Survey).where((Survey.public_key == key) | (Survey.poll_code == key)))
    if survey is None:
        survey = Survey(region_id=region.id, status=FieldworkStatus.OPEN, **fields)
        db.session.add(survey)
    return survey


def load(region) -> list[str]:
    ceo = _survey(region, "demo-ouders", public_key="demo-ouders", kind=SurveyKind.CEO, audience=Audience.OUDERS,
                  address_form=AddressForm.U, display_mode=DisplayMode.ONE_PER_SCREEN, show_check_page=True,
                  title=_t("Demo: ervaringen met de jeugdhulp", "Demo: experiences with youth care",
                           "عرض: تجارب مع رعاية الشباب"),
                  organiser=_t("Jeugdhulpregio Demo", "Youth care region Demo", "منطقة رعاية الشباب التجريبية"),
                  introduction=_t("We willen weten hoe de hulp voor u en uw kind was.",
                                  "We want to know how the help was for you and your child.",
                                  "نريد أن نعرف كيف كانت المساعدة لك ولطفلك."),
                  help_text=_t("Wilt u nu met iemand praten? Bel het wijkteam: 010 123 45 67.",
                               "Do you want to talk to someone now? Call the local team: 010 123 45 67.",
                               "هل تريد التحدث مع شخص الآن؟ اتصل بفريق الحي: 010 123 45 67."))
    poll = _survey(region, "DEMO1", poll_code="DEMO1", kind=SurveyKind.PEILING, audience=Audience.PROFESSIONALS,
                   address_form=AddressForm.JE, display_mode=DisplayMode.ALL_ON_ONE_PAGE,
                   title={"nl": "Demo: peiling professionele ruimte"})
    for survey, document in ((ceo, CEO), (poll, POLL)):
        if not survey.versions:
            survey.versions.append(SurveyVersion(number=1, document=document, status=VersionStatus.PUBLISHED,
                                                 published_at=utcnow()))
    db.session.flush()
    return ["  Vragenlijst (open link): /v/demo-ouders", "  Peiling: /peiling/DEMO1 (of code DEMO1 op /code)"]
