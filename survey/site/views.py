"""Home, health check, per-region house style and the accessibility statement."""

from flask import Response, abort, jsonify, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select, text

from survey.accounts.models import Region
from survey.extensions import db, limiter
from survey.i18n import requested_language, speak_on_public_page
from survey.site.blueprint import bp


@bp.get("/")
def index():
    if current_user.is_authenticated:
        return redirect(url_for("accounts.home"))
    return render_template("site/index.html")


@bp.get("/health")
@limiter.exempt
def health():
    """For load balancers and monitoring: 200 when the database answers, 503 otherwise."""
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:  # any database failure means "not healthy"
        db.session.rollback()
        return jsonify(status="error", database="unreachable"), 503
    return jsonify(status="ok", database="ok")


@bp.get("/huisstijl/<slug>.css")
def region_style(slug):
    """The region's main colour as CSS custom properties (no inline styles: the CSP forbids them)."""
    region = _region_or_404(slug)
    css = f":root {{ --brand: {region.main_colour}; }}\n"
    response = Response(css, mimetype="text/css")
    response.headers["Cache-Control"] = "public, max-age=300"
    return response


@bp.get("/huisstijl/<slug>/logo")
def region_logo(slug):
    region = _region_or_404(slug)
    if not region.logo:
        abort(404)
    response = Response(region.logo, mimetype=region.logo_mimetype)
    response.headers["Cache-Control"] = "public, max-age=300"
    return response


@bp.get("/toegankelijkheid")
def accessibility():
    """Dutch, or the respondent's language when a questionnaire page linked here with ?taal=."""
    if requested_language():
        speak_on_public_page(requested_language())
    return render_template("site/accessibility.html")


def _region_or_404(slug: str) -> Region:
    region = db.session.scalar(select(Region).where(Region.slug == slug))
    if region is None:
        abort(404)
    return region
