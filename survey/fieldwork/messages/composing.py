"""What one invitee reads: the subject and body of an invitation, reminder or letter, in which language,
with which placeholders filled in, and the opt-out link. Sending (``sending.py``) and printing
(``letters/services.py``) both compose through here.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from flask import current_app

from survey.extensions import db
from survey.fieldwork.messages import placeholders as messages
from survey.fieldwork.models import FieldworkSettings, Invitation
from survey.i18n import long_date
from survey.questionnaires.models import Survey
from survey.tokens import keyed_hash


@dataclass
class Delivery:
    """What one invitee receives; lives in memory only while the mail or letter is made."""

    invitation: Invitation
    token: str | None
    code: str | None
    letter_too: bool = False  # the link and code are in a letter by post; the mail points there


def language_of(survey: Survey, settings: FieldworkSettings, invitation: Invitation, kind: str) -> str:
    """The invitee's language when the survey is available in it and has a text for it; Dutch otherwise."""
    languages = survey_languages(survey)
    language = invitation.language or "nl"
    form = survey.address_form.value
    if language in languages and messages.text_for(settings.templates, kind, language, form):
        return language
    return "nl"


def survey_languages(survey: Survey) -> list[str]:
    """The languages of the questionnaire respondents get (published version, else the draft)."""
    version = survey.published_version or survey.draft_version
    return (version.document or {}).get("languages", ["nl"]) if version else ["nl"]


def compose(survey, settings, delivery: Delivery, kind: str) -> tuple[str, str]:
    """Subject and body of one mail or letter, in the invitee's language; in Dutch with a line in the
    invitee's own language when the questionnaire does not have it."""
    subject, note, body = compose_parts(survey, settings, delivery, kind)
    return subject, f"{note}\n\n{body}" if note else body


def compose_parts(survey, settings, delivery: Delivery, kind: str) -> tuple[str, str, str]:
    """Subject, the line in the invitee's own language ("" when none is needed) and body, apart: a letter
    sets that line in its own language and direction."""
    language = language_of(survey, settings, delivery.invitation, kind)
    text = messages.text_for(settings.templates, kind, language, survey.address_form.value)
    values = placeholder_values(survey, delivery, language)
    body = messages.fill(text.body, values)
    note = messages.language_note(delivery.invitation.language, survey_languages(survey))
    return messages.fill(text.subject, values).strip(), note, body


def placeholder_values(survey: Survey, delivery: Delivery, language: str) -> dict[str, str]:
    base = current_app.config["BASE_URL"].rstrip("/")
    form = survey.address_form.value
    return {
        "titel": survey.text("title", language),
        "link": f"{base}/r/{delivery.token}" if delivery.token else "",
        "code": delivery.code or "",
        "codeadres": f"{base}/code",
        "einddatum": long_date(survey.closes_on, language),
        "minuten": str(survey.estimated_minutes),
        "organisatie": survey.text("organiser", language) or _region_name(survey),
        "afmeldlink": f"{base}/afmelden/{opt_out_token(delivery.invitation)}",
        "verder": (
            messages.letter_sentence(language, form)
            if delivery.letter_too
            else ""
            if delivery.token
            else messages.continue_sentence(language, form)
        ),
    }


def _region_name(survey: Survey) -> str:
    from survey.accounts.models import Region

    region = db.session.get(Region, survey.region_id)
    return region.name if region else ""


def opt_out_token(invitation: Invitation) -> str:
    """A stable link to stop mail: it names the invitation, never the personal survey token."""
    return f"{invitation.id}-{keyed_hash('afmelden', str(invitation.id))[:32]}"


def invitation_for_opt_out(token: str) -> Invitation | None:
    number, _, signature = (token or "").partition("-")
    if not number.isdigit() or len(number) > 9 or len(signature) != 32:  # 9 digits fit any integer column
        return None
    invitation = db.session.get(Invitation, int(number))
    if invitation is None or not hmac.compare_digest(keyed_hash("afmelden", number)[:32], signature):
        return None
    return invitation
