"""Region scoping and role checks for staff pages.

Staff URLs live under ``/beheer/<region>/…``. A user without a role in that region gets 404 (the
region might as well not exist), a user whose role lacks the permission gets 403, an anonymous
visitor is sent to the login page. Objects are always looked up inside the current region.
"""

import functools

from flask import Blueprint, abort, current_app, g
from flask_login import current_user
from sqlalchemy import select

from survey.accounts.models import Permission, Region
from survey.extensions import db, login_manager


def staff_blueprint(name: str, import_name: str, path: str = "") -> Blueprint:
    """A blueprint whose routes belong to one region: ``/beheer/<region><path>``."""
    bp = Blueprint(name, import_name, url_prefix="/beheer/<region>" + path)
    bp.url_value_preprocessor(_pull_region)
    bp.url_defaults(_add_region)
    bp.before_request(_load_region)
    return bp


def _pull_region(endpoint, values):
    g.region_slug = values.pop("region", None) if values else None


def _add_region(endpoint, values):
    if "region" not in values and g.get("region") is not None:
        values["region"] = g.region.slug


def _load_region():
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    region = db.session.scalar(select(Region).where(Region.slug == g.region_slug))
    if region is None or not (current_user.is_superuser or current_user.role_in(region)):
        abort(404)
    g.region = region
    return None


def region_view(view):
    """A ``/beheer/<region>/…`` route on a blueprint that also has public routes (the respondent's
    blueprint holds the staff preview): loads the region exactly as ``staff_blueprint`` does."""

    @functools.wraps(view)
    def wrapped(*args, region, **kwargs):
        g.region_slug = region
        refused = _load_region()
        if refused is not None:
            return refused
        return view(*args, **kwargs)

    return wrapped


def add_region_to_staff_urls(bp: Blueprint) -> None:
    """url_for on a mixed blueprint fills in the current region only where a route expects one."""

    def add(endpoint, values):
        if (
            "region" not in values
            and g.get("region") is not None
            and current_app.url_map.is_endpoint_expecting(endpoint, "region")
        ):
            values["region"] = g.region.slug

    bp.url_defaults(add)


def requires(permission: Permission):
    """Refuse with 403 unless the current user has this permission in the current region."""

    def decorate(view):
        view.required_permission = permission

        @functools.wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.can(permission, g.region):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorate


def can(permission: Permission) -> bool:
    """For templates: may the current user do this in the current region?"""
    region = g.get("region")
    return bool(region is not None and current_user.is_authenticated and current_user.can(permission, region))


def is_row_id(value: int) -> bool:
    """Whether a number can be a row id: beyond PostgreSQL's integer it is none (and asking would fail)."""
    return 0 < value < 2**31


def get_in_region(model, object_id):
    """The object with this id if it belongs to the current region, else 404."""
    if isinstance(object_id, int) and not is_row_id(object_id):
        abort(404)
    obj = db.session.get(model, object_id)
    if obj is None or getattr(obj, "region_id", None) != g.region.id:
        abort(404)
    return obj
