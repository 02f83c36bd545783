"""Helpers for the questionnaire tests."""

import html as html_lib
import re

from survey.accounts.models import Region
from survey.extensions import db
from survey.questionnaires import versions


def url(survey, path=""):
    return f"/beheer/{survey_region_slug(survey)}/vragenlijsten/{survey.id}{path}"


def survey_region_slug(survey):
    return db.session.get(Region, survey.region_id).slug


def token(survey):
    """The lock token the builder page would carry right now."""
    return versions.lock_token(survey)


def document(survey):
    """The document the builder shows (draft if any, else newest published), fresh from the database."""
    db.session.expire_all()
    return versions.document_of(versions.current_version(survey))


def text_of(response) -> str:
    """The page text without tags, whitespace collapsed (for asserting what a user reads)."""
    page = response.get_data(as_text=True)
    page = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", page, flags=re.S)
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", page)).split())
