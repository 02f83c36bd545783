"""The beheerder's page for API tokens: make one (shown once), see them, revoke one."""

from flask import flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from forms.reports import SCOPE_CHOICES, RevokeForm, TokenForm
from survey.access import get_in_region, requires
from survey.accounts.models import Permission
from survey.extensions import db
from survey.navigation import register_nav
from survey.reports.api.models import ApiToken
from survey.reports.api.tokens import create_token, revoke_token, tokens_of
from survey.reports.blueprint import api_tokens as bp

register_nav("API tokens", "api_tokens.list_tokens", Permission.MANAGE_REGION, 87)


def _page(form, new_token=None, new_token_name=None, status=200):
    return render_template(
        "reports/tokens.html",
        form=form,
        tokens=tokens_of(g.region),
        scope_labels={c.value: c.label for c in SCOPE_CHOICES},
        new_token=new_token,
        new_token_name=new_token_name,
    ), status


@bp.route("/", methods=["GET", "POST"])
@requires(Permission.MANAGE_REGION)
def list_tokens():
    form = TokenForm()
    if form.validate_on_submit():
        token, text = create_token(g.region, form.name.data, form.scope.data, current_user)
        db.session.commit()
        return _page(TokenForm(formdata=None), new_token=text, new_token_name=token.name)
    return _page(form, status=400 if form.errors else 200)


@bp.post("/<int:token_id>/intrekken")
@requires(Permission.MANAGE_REGION)
def revoke(token_id):
    token = get_in_region(ApiToken, token_id)
    if RevokeForm().validate_on_submit():
        revoke_token(token)
        db.session.commit()
        flash(_("The token “%(name)s” no longer works.", name=token.name), "success")
    return redirect(url_for("api_tokens.list_tokens"))
