"""Login, logout, password reset (public) and user management per region (staff)."""

from flask import current_app, flash, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import select

from forms.accounts import (
    AddUserForm,
    LoginForm,
    RegionSettingsForm,
    ResetRequestForm,
    RoleForm,
    SetPasswordForm,
)
from survey.access import requires
from survey.accounts import services
from survey.accounts.blueprint import bp, staff
from survey.accounts.models import Membership, Permission, Role
from survey.audit.services import record
from survey.extensions import db, limiter
from survey.navigation import register_nav

register_nav("Overview", "staff.dashboard", Permission.READ_REPORTS, 0)
register_nav("Users", "staff.list_users", Permission.MANAGE_USERS, 80)
register_nav("Region settings", "staff.edit_region", Permission.MANAGE_REGION, 85)


def _login_limit():
    return current_app.config["LOGIN_RATE_LIMIT"]


def _reset_limit():
    return current_app.config["RESET_RATE_LIMIT"]


def _email_key():
    return "login:" + services.normalise_email(request.form.get("email", ""))[:254]


@bp.route("/inloggen", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
@limiter.limit(_login_limit, methods=["POST"], key_func=_email_key)
def login():
    if current_user.is_authenticated:
        return redirect(url_for("accounts.home"))
    form = LoginForm()
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user is None:
            form.password.errors.append(_("This e-mail address and password do not match."))
        else:
            target = _safe_next(request.args.get("next"))
            session.clear()  # a fresh session (and CSRF token) at every login
            login_user(user)
            services.record_login(user)
            db.session.commit()
            return redirect(target or url_for("accounts.home"))
    return render_template("accounts/login.html", form=form)


def _safe_next(target: str | None) -> str | None:
    """Only local paths, so the login page cannot send anyone elsewhere."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return None


@bp.post("/uitloggen")
@login_required
def logout():
    logout_user()
    session.clear()
    flash(_("You are logged out."), "success")
    return redirect(url_for("accounts.login"))


@bp.route("/wachtwoord-vergeten", methods=["GET", "POST"])
@limiter.limit(_reset_limit, methods=["POST"])
def request_reset():
    form = ResetRequestForm()
    if form.validate_on_submit():
        services.request_password_reset(form.email.data)
        db.session.commit()
        return render_template("accounts/reset_sent.html")
    return render_template("accounts/reset_request.html", form=form)


@bp.route("/wachtwoord-instellen/<token>", methods=["GET", "POST"])
@limiter.limit(_reset_limit, methods=["POST"])
def set_password(token):
    user = services.user_for_token(token)
    if user is None:
        return render_template("accounts/reset_invalid.html"), 404
    form = SetPasswordForm()
    if form.validate_on_submit():
        services.set_password(user, form.password.data)
        record("auth.password_set", user, actor=user)
        db.session.commit()
        session.clear()
        flash(_("Your password has been set. You can log in now."), "success")
        return redirect(url_for("accounts.login"))
    return render_template("accounts/set_password.html", form=form, user=user)


@bp.get("/beheer/")
@login_required
def home():
    """The regions the user works in; straight to the only one if there is one."""
    if current_user.is_superuser:
        from survey.accounts.models import Region

        regions = list(db.session.scalars(select(Region).order_by(Region.name)))
    else:
        regions = sorted((m.region for m in current_user.memberships), key=lambda r: r.name)
    if len(regions) == 1:
        return redirect(url_for("staff.dashboard", region=regions[0].slug))
    return render_template("accounts/regions.html", regions=regions)


@staff.get("/")
def dashboard():
    """What needs doing in the region, per role, each item a link to the place to act."""
    from survey.site.work import work_for  # the landing page looks into every later stage

    return render_template(
        "accounts/dashboard.html", role=current_user.role_in(g.region), work=work_for(g.region, current_user)
    )


@staff.get("/gebruikers")
@requires(Permission.MANAGE_USERS)
def list_users():
    return render_template("accounts/users.html", members=services.region_members(g.region))


@staff.route("/gebruikers/nieuw", methods=["GET", "POST"])
@requires(Permission.MANAGE_USERS)
def add_user():
    form = AddUserForm()
    if form.validate_on_submit():
        existing = services.find_user(form.email.data)
        if existing is not None and existing.role_in(g.region):
            form.email.errors.append(_("This person already has a role in this region."))
        else:
            user, created = services.add_member(g.region, form.email.data, form.name.data, Role(form.role.data))
            db.session.commit()
            if created:
                flash(_("%(name)s has been added and receives an e-mail to set a password.", name=user.name), "success")
            else:
                flash(_("%(name)s has been added to this region.", name=user.name), "success")
            return redirect(url_for("staff.list_users"))
    return render_template("accounts/add_user.html", form=form)


def _membership_or_404(user_id: int) -> Membership:
    membership = db.session.scalar(
        select(Membership).where(Membership.user_id == user_id, Membership.region_id == g.region.id)
    )
    if membership is None:
        from flask import abort

        abort(404)
    return membership


@staff.route("/gebruikers/<int:user_id>", methods=["GET", "POST"])
@requires(Permission.MANAGE_USERS)
def edit_user(user_id):
    membership = _membership_or_404(user_id)
    form = RoleForm(role=membership.role.value)
    if form.validate_on_submit():
        if membership.user_id == current_user.id and form.role.data != Role.BEHEERDER.value:
            form.role.errors.append(_("You cannot take away your own administrator role."))
        else:
            services.change_role(membership, Role(form.role.data))
            db.session.commit()
            flash(_("The role has been changed."), "success")
            return redirect(url_for("staff.list_users"))
    return render_template("accounts/edit_user.html", form=form, membership=membership)


@staff.post("/gebruikers/<int:user_id>/verwijderen")
@requires(Permission.MANAGE_USERS)
def remove_user(user_id):
    membership = _membership_or_404(user_id)
    if membership.user_id == current_user.id:
        flash(_("You cannot remove yourself from the region."), "error")
        return redirect(url_for("staff.edit_user", user_id=user_id))
    services.remove_member(membership)
    db.session.commit()
    flash(_("The user no longer has access to this region."), "success")
    return redirect(url_for("staff.list_users"))


@staff.route("/instellingen", methods=["GET", "POST"])
@requires(Permission.MANAGE_REGION)
def edit_region():
    region = g.region
    form = RegionSettingsForm(obj=region)
    if form.validate_on_submit():
        region.name = form.name.data.strip()
        region.main_colour = form.main_colour.data.strip().lower()
        data = form.logo.content
        if data:
            mimetype = _image_type(data)
            if mimetype is None:
                form.logo.errors.append(_("The logo must be a PNG or JPEG file."))
                return render_template("accounts/region.html", form=form)
            region.logo, region.logo_mimetype = data, mimetype
        record("region.update", region, region=region)
        db.session.commit()
        flash(_("The settings have been saved."), "success")
        return redirect(url_for("staff.edit_region"))
    return render_template("accounts/region.html", form=form)


def _image_type(data: bytes) -> str | None:
    """Trust the file's first bytes, not its name."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    return None
