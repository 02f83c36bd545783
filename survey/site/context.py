"""Variables every template can use."""

from flask import g

from survey.access import can
from survey.audit.labels import audit_details, audit_label, object_label
from survey.navigation import nav_items


def register_template_context(app) -> None:
    app.jinja_env.filters["audit_label"] = audit_label
    app.jinja_env.filters["audit_details"] = audit_details
    app.jinja_env.filters["object_label"] = object_label

    @app.context_processor
    def staff_context():
        region = g.get("region")
        return {
            "current_region": region,
            "can": can,
            "nav": nav_items(can) if region is not None else [],
            "html_lang": g.get("html_lang", "nl"),
            "html_dir": g.get("html_dir", "ltr"),
        }
