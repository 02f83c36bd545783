"""Writing audit entries."""

from flask import has_request_context
from flask_login import current_user

from survey.audit.models import AuditEntry
from survey.extensions import db

#: detail keys allowed in an entry: identifiers, names of fields and counts, never answer content
ALLOWED_DETAIL_TYPES = (int, float, bool, type(None))


def record(action: str, obj=None, *, region=None, actor=None, **details) -> AuditEntry:
    """Add an audit entry for an action on an object (flushed, not committed)."""
    if actor is None and has_request_context() and current_user.is_authenticated:
        actor = current_user
    if region is None and obj is not None:
        region_id = getattr(obj, "region_id", None)
    else:
        region_id = region.id if region is not None else None
    entry = AuditEntry(
        action=action,
        region_id=region_id,
        actor_id=actor.id if actor is not None else None,
        actor_label=actor.email if actor is not None else "",
        object_type=_object_type(obj),
        object_id=str(obj.id) if obj is not None else "",
        details={key: _safe(value) for key, value in details.items()},
    )
    db.session.add(entry)
    db.session.flush()
    return entry


def _object_type(obj) -> str:
    if obj is None:
        return ""
    return getattr(obj, "__tablename__", type(obj).__name__.lower())


def _safe(value):
    """Keep numbers and short labels; lists of them too. Long text is refused outright."""
    if isinstance(value, ALLOWED_DETAIL_TYPES):
        return value
    if isinstance(value, list | tuple):
        return [_safe(v) for v in value]
    text = str(value)
    if len(text) > 120:
        raise ValueError("audit details hold labels, not content")
    return text
