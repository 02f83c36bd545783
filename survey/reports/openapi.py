"""The OpenAPI 3.1 description of /api/v1, built once per request in the current language."""

from __future__ import annotations

from flask_babel import gettext as _


def _param(name: str, description: str, enum: list[str] | None = None) -> dict:
    schema: dict = {"type": "string"}
    if enum:
        schema["enum"] = enum
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


def _survey_id() -> dict:
    return {"name": "survey_id", "in": "path", "required": True, "schema": {"type": "integer"},
            "description": _("The number of the survey round (see /vragenlijsten).")}


def _errors() -> dict:
    error = {"description": "", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fout"}}}}
    return {str(code): error | {"description": text} for code, text in (
        ("400", _("Invalid parameter, e.g. a group that is too small to show.")),
        ("401", _("No token, or an unknown or revoked token.")),
        ("403", _("The token's access does not include this.")),
        ("404", _("The survey does not exist or belongs to another region.")),
        ("429", _("Too many requests.")))}


def _get(summary: str, description: str, scope: str, parameters: list[dict], content: dict) -> dict:
    return {"get": {"summary": summary, "description": description + " " + _("Access: %(scope)s.", scope=scope),
                    "security": [{"token": []}], "parameters": parameters,
                    "responses": {"200": {"description": "OK", "content": content}, **_errors()}}}


def openapi_spec() -> dict:
    """The API description (the human page at /api/v1/ renders the same)."""
    json_content = {"application/json": {"schema": {"type": "object"}}}
    csv_content = {"text/csv": {"schema": {"type": "string"}}}
    formats = [_param("formaat", _("json (default) or csv (UTF-8 with BOM)."), ["json", "csv"]),
               _param("scheiding", _("For CSV: puntkomma gives semicolons and a decimal comma (Dutch Excel)."),
                      ["komma", "puntkomma"])]
    filters = [_param("taal", _("Only respondents who answered in this language (a code such as ar).")),
               _param("groep", _("Only one background group, as variable=value, e.g. gemeente=Schiedam.")),
               _param("uitsplitsing", _("Break down by this background variable (e.g. gemeente)."))]
    aggregates, responses = _("aggregates or responses"), _("responses")
    return {
        "openapi": "3.1.0",
        "info": {"title": _("Experience research: results API"), "version": "1",
                 "description": _("Read-only access to one region's survey results for Power BI, R and Excel. "
                                  "Send the token made by the administrator as “Authorization: Bearer <token>”. "
                                  "Groups with fewer respondents than the survey's minimum cell size are never "
                                  "shown; open answers are scrubbed. No cookies are used.")},
        "servers": [{"url": "/api/v1"}],
        "components": {
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
            "schemas": {"Fout": {"type": "object", "properties": {"fout": {"type": "string"},
                                                                  "status": {"type": "integer"}}}},
        },
        "paths": {
            "/vragenlijsten": _get(_("Survey rounds"), _("The survey rounds of the token's region with the number "
                                                         "of completed responses."), aggregates, [], json_content),
            "/vragenlijsten/{survey_id}/resultaten": _get(
                _("Aggregated results"), _("Response, the headline share with n and the distribution per item, "
                                           "grades, domains, open-answer themes and an optional breakdown, with "
                                           "hidden cells as null."), aggregates,
                [_survey_id(), *filters, *formats], json_content | csv_content),
            "/vragenlijsten/{survey_id}/codeboek": _get(
                _("Codebook"), _("Every variable of the response export with its label and value labels."),
                aggregates, [_survey_id()], json_content),
            "/vragenlijsten/{survey_id}/antwoorden": _get(
                _("Response export"), _("One row per completed response with channel, language, week, coarse "
                                        "background, the answers and the scrubbed open answers with their themes. "
                                        "Every call is recorded in the audit log."), responses,
                [_survey_id(), *formats], json_content | csv_content),
        },
    }
