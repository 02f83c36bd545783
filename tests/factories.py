"""The one factory layer for surveys in tests: every test file that needs a survey builds it here.

``new_survey`` fills every required field with a neutral default (a CEO for parents, one question per
screen, addressed as "u") so that a test names only what it is about; the fixtures called ``make_survey``
in the stage folders are thin wrappers that choose their own document and defaults.
"""

from survey.questionnaires.models import (
    AddressForm,
    Audience,
    DisplayMode,
    Survey,
    SurveyKind,
    SurveyVersion,
    VersionStatus,
)

DEFAULTS = {
    "kind": SurveyKind.CEO,
    "title": {"nl": "Cliëntervaringsonderzoek"},
    "audience": Audience.OUDERS,
    "address_form": AddressForm.U,
    "display_mode": DisplayMode.ONE_PER_SCREEN,
}


def new_survey(region, document=None, *, version_status=VersionStatus.PUBLISHED, **fields) -> Survey:
    """A survey of ``region`` (not yet added to the session) with, when ``document`` is given, version 1 of
    it in ``version_status``. Any column of ``Survey`` can be given as a keyword."""
    series_key = fields.pop("series_key", None)
    survey = Survey(region_id=region.id, **{**DEFAULTS, **fields})
    if series_key:
        survey.series_key = series_key
    if document is not None:
        survey.versions.append(SurveyVersion(number=1, status=version_status, document=document))
    return survey


def save_survey(db, region, document=None, **options) -> Survey:
    """``new_survey``, added and committed."""
    survey = new_survey(region, document, **options)
    db.session.add(survey)
    db.session.commit()
    return survey
