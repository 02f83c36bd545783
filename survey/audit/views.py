"""The audit log page for the beheerder."""

from flask import g, render_template, request
from sqlalchemy import select

from survey.access import requires
from survey.accounts.models import Permission
from survey.audit.blueprint import bp
from survey.audit.models import AuditEntry
from survey.extensions import db
from survey.navigation import register_nav

register_nav("Audit log", "audit.list_entries", Permission.VIEW_AUDIT, 90)

PAGE_SIZE = 50


@bp.get("/")
@requires(Permission.VIEW_AUDIT)
def list_entries():
    page = max(request.args.get("pagina", 1, type=int) or 1, 1)
    stmt = (
        select(AuditEntry)
        .where(AuditEntry.region_id == g.region.id)
        .order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
        .offset((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE + 1)
    )
    entries = list(db.session.scalars(stmt))
    return render_template("audit/list.html", entries=entries[:PAGE_SIZE], page=page, has_next=len(entries) > PAGE_SIZE)
