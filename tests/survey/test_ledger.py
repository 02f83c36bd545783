"""The ledger interface: token lookup by hash, and background categories only when k invitees share them."""

from datetime import date

from survey.accounts.models import Role  # noqa: F401 - fixtures create users
from survey.fieldwork import ledger
from survey.fieldwork.models import Invitation
from survey.questionnaires.models import AddressForm, Audience, DisplayMode, Survey, SurveyKind
from survey.tokens import new_short_code, new_token, normalise_short_code, token_hash


def make_survey(db, region, min_cell=5):
    survey = Survey(region_id=region.id, kind=SurveyKind.CEO, title={"nl": "CEO"}, audience=Audience.OUDERS,
                    address_form=AddressForm.U, display_mode=DisplayMode.ONE_PER_SCREEN, min_cell=min_cell)
    db.session.add(survey)
    db.session.commit()
    return survey


def test_token_is_found_by_hash_only(db, region):
    survey = make_survey(db, region)
    token, code = new_token(), new_short_code()
    db.session.add(Invitation(survey_id=survey.id, token_hash=token_hash(token), short_code_hash=token_hash(code)))
    db.session.commit()
    assert ledger.invitation_for_token(token).survey_id == survey.id
    assert ledger.invitation_for_token(token + "x") is None
    assert ledger.invitation_for_short_code(code.lower().replace("-", " ")).survey_id == survey.id
    assert len(token) >= 32 and normalise_short_code(code) == code


def test_background_reaches_response_only_for_shared_categories(db, region):
    survey = make_survey(db, region, min_cell=5)
    for n in range(6):
        db.session.add(Invitation(survey_id=survey.id, token_hash=token_hash(f"t{n}"),
                                  background={"gemeente": "Rotterdam", "leeftijd": "12-15" if n else "16-17"}))
    db.session.commit()
    rare = ledger.invitation_for_token("t0")
    assert ledger.coarse_background(survey, rare) == {"gemeente": "Rotterdam"}
    ledger.mark_completed(rare, date(2026, 11, 23))
    assert rare.started_on == rare.completed_on == date(2026, 11, 23)
