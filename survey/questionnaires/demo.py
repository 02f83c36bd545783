"""Demo questionnaires from the shipped templates, published and open (for `flask demo load`)."""

import secrets

from sqlalchemy import select

from survey.extensions import db
from survey.questionnaires import services, versions
from survey.questionnaires.content.document import ListItem
from survey.questionnaires.models import FieldworkStatus, Survey

#: (template, round label) of each demo questionnaire
DEMO_SURVEYS = [
    ("ceo_ouders", "2026"),
    ("ceo_jongeren", "2026"),
    ("ceo_kind", "2026"),
    ("peo", "voorjaar 2026"),
    ("peiling", "webinar maart 2026"),
    ("stakeholder", "tussenevaluatie 2026"),
]
DEMO_PROJECTS = [
    ("thuis", "Thuis opgroeien"),
    ("wijk", "Sterke basis in de wijk"),
    ("zelfstandig", "Op weg naar zelfstandigheid"),
]
#: memorable open links for the demo; the other demo questionnaires get a random one
DEMO_KEYS = {"ceo_ouders": "demo-ouders", "ceo_kind": "demo-kind"}
POLL_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def load(region) -> list[str]:
    """Create the demo questionnaires once; a second run finds them and changes nothing."""
    lines = []
    for key, round_label in DEMO_SURVEYS:
        survey = db.session.scalar(select(Survey).where(Survey.region_id == region.id, Survey.template_key == key))
        if survey is None:
            survey = _create(region, key, round_label)
        link = f"/v/{survey.public_key}" if survey.public_key else "-"
        code = f", pollcode {survey.poll_code}" if survey.poll_code else ""
        lines.append(f"  Vragenlijst: {survey.text('title')} ({round_label}), open link {link}{code}")
    return lines


def _create(region, key: str, round_label: str) -> Survey:
    survey = services.create_from_template(region, key, round_label=round_label)
    if key == "stakeholder":
        document = versions.editable_document(survey)
        document.lists["projecten"] = [ListItem(k, {"nl": label}) for k, label in DEMO_PROJECTS]
        versions.save_document(survey, document, versions.lock_token(survey))
    versions.publish(survey, versions.lock_token(survey))
    survey.status = FieldworkStatus.OPEN
    # memorable links for the demo (/v/demo-ouders, /v/demo-kind, /peiling/DEMO1); random ones elsewhere
    survey.public_key = DEMO_KEYS.get(key) or secrets.token_urlsafe(16)
    if key == "ceo_ouders":
        survey.show_check_page = True
        survey.help_text = {
            "nl": "Wilt u nu met iemand praten? Bel het wijkteam: 010 123 45 67.",
            "en": "Do you want to talk to someone now? Call the local team: 010 123 45 67.",
        }
    if key == "peiling":
        survey.poll_code = "DEMO1" if _poll_code_free("DEMO1") else _free_poll_code()
    db.session.flush()
    return survey


def _poll_code_free(code: str) -> bool:
    return db.session.scalar(select(Survey.id).where(Survey.poll_code == code)) is None


def _free_poll_code() -> str:
    while True:
        code = "".join(secrets.choice(POLL_ALPHABET) for _ in range(6))
        if db.session.scalar(select(Survey.id).where(Survey.poll_code == code)) is None:
            return code
