"""Read-only API for Power BI, R and Excel: ``/api/v1/…`` with a region's bearer token, never cookies.

Aggregates follow the results page exactly (same filters, same small-cell protection); the response
export is the staff export with scrubbed open answers only (raw text is never available here) and is
written to the audit log. Another region's survey is 404, like an unknown one. Errors are Dutch JSON.
"""

from __future__ import annotations

import json
from datetime import date

from flask import Response, abort, current_app, g, jsonify, render_template, request, stream_with_context
from flask_babel import gettext as _
from sqlalchemy import select

from survey.access import is_row_id
from survey.extensions import csrf, db, limiter, login_manager
from survey.questionnaires.models import Survey
from survey.reports.anonymity import export_notes
from survey.reports.api.errors import api_error
from survey.reports.api.models import ApiScope, ApiToken
from survey.reports.api.openapi import openapi_spec
from survey.reports.api.payload import results_payload, results_rows, survey_payload
from survey.reports.api.tokens import mark_used, token_for
from survey.reports.blueprint import api as bp
from survey.reports.exports.plan import export_plan
from survey.reports.exports.records import records
from survey.reports.exports.services import audit_export, background_variables, start_export
from survey.reports.exports.tables import cell_converter, csv_lines
from survey.reports.pages.figures import Selection, filter_choices, parse_group, policy_for
from survey.reports.pages.page import build_page
from survey.reports.results import completed_counts, load_round

csrf.exempt(bp)
PUBLIC_ENDPOINTS = {"api.documentation", "api.openapi"}


def _limit() -> str:
    return current_app.config.get("API_RATE_LIMIT", "120 per minute")


def _limit_key() -> str:
    header = request.headers.get("Authorization", "")
    return "api:" + (header[-16:] if header else request.remote_addr or "")


limiter.limit(_limit, key_func=_limit_key)(bp)


@bp.errorhandler(Exception)
def _error(error):
    return api_error(error)


@bp.before_request
def authenticate():
    g._login_user = login_manager.anonymous_user()  # the API never reads or writes the staff session
    if request.endpoint in PUBLIC_ENDPOINTS:
        return None
    header = request.headers.get("Authorization", "")
    scheme, _sep, text = header.partition(" ")
    token = token_for(text.strip()) if scheme.lower() == "bearer" else None
    if token is None:
        abort(401)
    g.api_token = token
    mark_used(token, date.today())
    db.session.commit()
    return None


def _needs(scope: ApiScope) -> ApiToken:
    token: ApiToken = g.api_token
    if not token.allows(scope):
        abort(403)
    return token


def _survey(survey_id: int) -> Survey:
    survey = db.session.get(Survey, survey_id) if is_row_id(survey_id) else None
    if survey is None or survey.region_id != g.api_token.region_id:
        abort(404)
    return survey


FORMATS, SEPARATORS = ("json", "csv"), ("komma", "puntkomma")


def _query(*names: str) -> None:
    """400 for a query parameter the address does not know or a format that is not offered, so that a typo
    (``?fromaat=csv``, ``?formaat=cvs``) is not silently answered with something else."""
    unknown = sorted(set(request.args) - set(names))
    if unknown:
        abort(400, _("Unknown parameter: %(names)s.", names=", ".join(unknown)))
    for name, allowed in (("formaat", FORMATS), ("scheiding", SEPARATORS)):
        if name in names and request.args.get(name, allowed[0]) not in allowed:
            abort(400, _("%(name)s must be one of: %(values)s.", name=name, values=", ".join(allowed)))


def _csv_wanted() -> bool:
    return request.args.get("formaat") == "csv"


def _csv_response(stream, name: str) -> Response:
    return Response(
        stream_with_context(stream),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@bp.get("/")
def documentation():
    return render_template("reports/api_docs.html", spec=openapi_spec())


@bp.get("/openapi.json")
def openapi():
    return jsonify(openapi_spec())


@bp.get("/vragenlijsten")
def list_surveys():
    _needs(ApiScope.AGGREGATES)
    _query()
    surveys = list(
        db.session.scalars(
            select(Survey).where(Survey.region_id == g.api_token.region_id).order_by(Survey.created_at, Survey.id)
        )
    )
    counts = completed_counts([s.id for s in surveys])
    return jsonify({"vragenlijsten": [survey_payload(s, counts.get(s.id, 0)) for s in surveys]})


def _selection(choices: dict) -> Selection:
    """The selection from the query string; 400 for a group that is not offered (small or unknown)."""
    language = request.args.get("taal") or None
    group = request.args.get("groep") or None
    breakdown = request.args.get("uitsplitsing") or None
    if language and language not in {c for c, _label in choices["languages"]}:
        abort(400, _("Unknown language, or too few respondents in it."))
    if group and group not in {c for c, _label in choices["groups"]}:
        abort(400, _("Unknown group, or too few respondents in it."))
    if breakdown and breakdown not in {c for c, _label in choices["breakdowns"]}:
        abort(400, _("Unknown breakdown variable."))
    parsed = parse_group(group)
    return Selection(
        language=language,
        variable=parsed[0] if parsed else None,
        value=parsed[1] if parsed else None,
        breakdown=breakdown,
    )


@bp.get("/vragenlijsten/<int:survey_id>/resultaten")
def results(survey_id):
    _needs(ApiScope.AGGREGATES)
    _query("taal", "groep", "uitsplitsing", "formaat", "scheiding")
    survey = _survey(survey_id)
    data = load_round(survey)
    choices = filter_choices(data.respondents, data.variables, policy_for(survey))
    page = build_page(survey, _selection(choices), data, choices)
    db.session.commit()  # keeps the round's grouped counts
    if _csv_wanted():
        semicolon = request.args.get("scheiding") == "puntkomma"
        return _csv_response(csv_lines(results_rows(page), semicolon), f"resultaten-{survey.id}.csv")
    return jsonify(results_payload(page))


@bp.get("/vragenlijsten/<int:survey_id>/codeboek")
def codebook(survey_id):
    _needs(ApiScope.AGGREGATES)
    _query()
    survey = _survey(survey_id)
    plan = export_plan(survey, background_variables(survey.id))
    return jsonify(
        {
            "variabelen": [
                {
                    "naam": v.name,
                    "label": v.label,
                    "type": "getal" if v.numeric else "tekst",
                    "meetniveau": v.measure,
                    "waarden": [
                        {"code": x.code, "label": x.label, "spss": x.number, "ontbrekend": x.missing} for x in v.values
                    ],
                }
                for v in plan
            ],
            "opmerkingen": list(export_notes(survey)),
        }
    )


@bp.get("/vragenlijsten/<int:survey_id>/antwoorden")
def responses(survey_id):
    token = _needs(ApiScope.RESPONSES)
    _query("formaat", "scheiding")
    survey = _survey(survey_id)
    if _csv_wanted():
        export = start_export(
            survey, "csv", semicolon=request.args.get("scheiding") == "puntkomma", via="api", token_id=token.id
        )
        db.session.commit()
        return _csv_response(export.stream, export.filename)
    plan = export_plan(survey, background_variables(survey.id))
    audit_export(survey, "json", plan, via="api", token_id=token.id)
    db.session.commit()
    return Response(stream_with_context(_json_rows(survey.id, plan)), mimetype="application/json")


def _json_rows(survey_id: int, plan):
    """A JSON array of objects, one per response, written as it is read."""
    yield '{"variabelen": ' + json.dumps([v.name for v in plan]) + ', "antwoorden": ['
    converters = [(v.name, cell_converter(v)) for v in plan]
    for number, record in enumerate(records(survey_id, plan)):
        row = {name: _json_value(convert(value)) for (name, convert), value in zip(converters, record, strict=True)}
        yield ("," if number else "") + json.dumps(row, ensure_ascii=False)
    yield "]}"


def _json_value(value):
    return value.isoformat() if isinstance(value, date) else value
