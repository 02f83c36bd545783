"""The OpenAPI 3.1 description of /api/v1, built once per request in the current language."""

from __future__ import annotations

from flask_babel import gettext as _


def _param(name: str, description: str, enum: list[str] | None = None, example: str | None = None) -> dict:
    schema: dict = {"type": "string"}
    if enum:
        schema["enum"] = enum
    out = {"name": name, "in": "query", "required": False, "description": description, "schema": schema}
    if example:
        out["example"] = example
    return out


def _survey_id() -> dict:
    return {
        "name": "survey_id",
        "in": "path",
        "required": True,
        "schema": {"type": "integer", "minimum": 1},
        "description": _("The number of the survey round (see /vragenlijsten)."),
    }


def _errors() -> dict:
    error = {"description": "", "content": _json("Fout")}
    return {
        str(code): error | {"description": text}
        for code, text in (
            ("400", _("Invalid parameter, e.g. a group that is too small to show.")),
            ("401", _("No token, or an unknown or revoked token.")),
            ("403", _("The token's access does not include this.")),
            ("404", _("The survey does not exist or belongs to another region.")),
            ("429", _("Too many requests.")),
        )
    }


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(name: str) -> dict:
    return {"application/json": {"schema": _ref(name)}}


def _or_null(kind: str | list[str]) -> dict:
    return {"type": [*([kind] if isinstance(kind, str) else kind), "null"]}


def _object(properties: dict, optional: tuple[str, ...] = ()) -> dict:
    """A closed object: every property listed, all present unless optional."""
    return {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        "required": [name for name in properties if name not in optional],
    }


def _array(items: dict) -> dict:
    return {"type": "array", "items": items}


NUMBER, TEXT, INTEGER, BOOLEAN = {"type": "number"}, {"type": "string"}, {"type": "integer"}, {"type": "boolean"}


def _schemas() -> dict:
    """The shape of every answer, as strict as the code is: a change on either side shows in the suite."""
    survey = {
        "id": INTEGER,
        "titel": TEXT,
        "meting": TEXT,
        "soort": TEXT,
        "doelgroep": TEXT,
        "reeks": TEXT,
        "status": TEXT,
    }
    share = {
        "n": _or_null("integer"),
        "positief": _or_null("integer"),
        "pct": _or_null("number"),
        "verborgen": BOOLEAN,
        "signaal": BOOLEAN,
    }
    return {
        "Fout": _object({"fout": TEXT, "status": INTEGER}),
        "Vragenlijst": _object(survey | {"afgerond": INTEGER}, optional=("afgerond",)),
        "Vragenlijsten": _object({"vragenlijsten": _array(_object(survey | {"afgerond": INTEGER}))}),
        "Resultaten": _object(
            {
                "vragenlijst": _ref("Vragenlijst"),
                "selectie": _object(
                    {"taal": _or_null("string"), "groep": _or_null("string"), "uitsplitsing": _or_null("string")}
                ),
                "bescherming": _object({"k": INTEGER, "signaal_onder": INTEGER}),
                "respons": _object(
                    {
                        "uitgenodigd": _or_null("integer"),
                        "gestart": INTEGER,
                        "afgerond": INTEGER,
                        "respons_pct": _or_null("number"),
                        "in_resultaten": INTEGER,
                        "bron": {"type": "string", "enum": ["uitnodigingen", "antwoorden"]},
                    }
                ),
                "te_klein": BOOLEAN,
                "n": _or_null("integer"),
                "items": _array(
                    _object(
                        {
                            "code": TEXT,
                            "tekst": TEXT,
                            "soort": TEXT,
                            "domein": _or_null("string"),
                            "kop": TEXT,
                            **share,
                            "weet_niet": _or_null("integer"),
                            "nvt": _or_null("integer"),
                            "verdeling": _array(
                                _object(
                                    {
                                        "code": TEXT,
                                        "label": TEXT,
                                        "aantal": _or_null("integer"),
                                        "pct": _or_null("number"),
                                        "pct_alle": _or_null("number"),
                                        "ontwijkend": BOOLEAN,
                                    }
                                )
                            ),
                            "gemiddelde": _or_null("number"),
                            "gemiddelde_tekst": _or_null("string"),
                            "mediaan": _or_null("number"),
                        },
                        optional=("gemiddelde", "gemiddelde_tekst", "mediaan"),
                    )
                ),
                "domeinen": _array(_object({"domein": TEXT, "pct": _or_null("number"), "items": _array(TEXT)})),
                "keuzevragen": _array(
                    _object(
                        {
                            "code": TEXT,
                            "tekst": TEXT,
                            "meer_antwoorden": BOOLEAN,
                            "n": _or_null("integer"),
                            "verborgen": BOOLEAN,
                            "opties": _array(
                                _object(
                                    {
                                        "code": TEXT,
                                        "label": TEXT,
                                        "aantal": _or_null("integer"),
                                        "pct": _or_null("number"),
                                    }
                                )
                            ),
                        }
                    )
                ),
                "uitsplitsing": {
                    "oneOf": [
                        {"type": "null"},
                        _object(
                            {
                                "variabele": TEXT,
                                "respondenten": _array(
                                    _object(
                                        {
                                            "groep": _or_null("string"),
                                            "n": _or_null("integer"),
                                            "verborgen": BOOLEAN,
                                            "signaal": BOOLEAN,
                                        }
                                    )
                                ),
                                "rijen": _array(_object({"item": TEXT, "groep": _or_null("string"), **share})),
                                "toelichting": _array(TEXT),
                            }
                        ),
                    ]
                },
                "open_vragen": _array(
                    _object(
                        {
                            "code": TEXT,
                            "tekst": TEXT,
                            "beantwoord": INTEGER,
                            "gecodeerd": INTEGER,
                            "citaten_getoond": BOOLEAN,
                            "themas": _array(
                                _object(
                                    {
                                        "sleutel": TEXT,
                                        "label": TEXT,
                                        "aantal": INTEGER,
                                        "pct": _or_null("number"),
                                        "citaten": _array(TEXT),
                                    }
                                )
                            ),
                        }
                    )
                ),
            },
            optional=("items", "domeinen", "keuzevragen", "uitsplitsing", "open_vragen"),
        ),
        "Codeboek": _object(
            {
                "variabelen": _array(
                    _object(
                        {
                            "naam": TEXT,
                            "label": TEXT,
                            "type": {"type": "string", "enum": ["getal", "tekst"]},
                            "meetniveau": {"type": "string", "enum": ["nominal", "ordinal", "scale"]},
                            "waarden": _array(
                                _object(
                                    {"code": TEXT, "label": TEXT, "spss": _or_null("number"), "ontbrekend": BOOLEAN}
                                )
                            ),
                        }
                    )
                ),
                "opmerkingen": _array(TEXT),
            }
        ),
        "Antwoorden": _object(
            {
                "variabelen": _array(TEXT),
                "antwoorden": _array({"type": "object", "additionalProperties": _or_null(["string", "number"])}),
            }
        ),
    }


def _get(summary: str, description: str, scope: str, parameters: list[dict], content: dict) -> dict:
    return {
        "get": {
            "summary": summary,
            "description": description + " " + _("Access: %(scope)s.", scope=scope),
            "security": [{"token": []}],
            "parameters": parameters,
            "responses": {"200": {"description": "OK", "content": content}, **_errors()},
        }
    }


def openapi_spec() -> dict:
    """The API description (the human page at /api/v1/ renders the same)."""
    csv_content = {"text/csv": {"schema": {"type": "string"}}}
    formats = [
        _param("formaat", _("json (default) or csv (UTF-8 with BOM)."), ["json", "csv"]),
        _param(
            "scheiding",
            _("For CSV: puntkomma gives semicolons and a decimal comma (Dutch Excel)."),
            ["komma", "puntkomma"],
        ),
    ]
    filters = [
        _param("taal", _("Only respondents who answered in this language (a code such as ar)."), example="nl"),
        _param(
            "groep",
            _("Only one background group, as variable=value, e.g. gemeente=Schiedam."),
            example="gemeente=Rotterdam",
        ),
        _param("uitsplitsing", _("Break down by this background variable (e.g. gemeente)."), example="gemeente"),
    ]
    aggregates, responses = _("aggregates or responses"), _("responses")
    return {
        "openapi": "3.1.0",
        "info": {
            "title": _("Experience research: results API"),
            "version": "1",
            "description": _(
                "Read-only access to one region's survey results for Power BI, R and Excel. "
                "Send the token made by the administrator as “Authorization: Bearer <token>”. "
                "Groups with fewer respondents than the survey's minimum cell size are never "
                "shown; open answers are scrubbed. No cookies are used."
            ),
        },
        "servers": [{"url": "/api/v1"}],
        "components": {
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
            "schemas": _schemas(),
        },
        "paths": {
            "/vragenlijsten": _get(
                _("Survey rounds"),
                _("The survey rounds of the token's region with the number of completed responses."),
                aggregates,
                [],
                _json("Vragenlijsten"),
            ),
            "/vragenlijsten/{survey_id}/resultaten": _get(
                _("Aggregated results"),
                _(
                    "Response, the headline share with n and the distribution per item, "
                    "grades, domains, open-answer themes and an optional breakdown, with "
                    "hidden cells as null."
                ),
                aggregates,
                [_survey_id(), *filters, *formats],
                _json("Resultaten") | csv_content,
            ),
            "/vragenlijsten/{survey_id}/codeboek": _get(
                _("Codebook"),
                _("Every variable of the response export with its label and value labels."),
                aggregates,
                [_survey_id()],
                _json("Codeboek"),
            ),
            "/vragenlijsten/{survey_id}/antwoorden": _get(
                _("Response export"),
                _(
                    "One row per completed response with channel, language, week, coarse "
                    "background, the answers and the scrubbed open answers with their themes. "
                    "Every call is recorded in the audit log."
                ),
                responses,
                [_survey_id(), *formats],
                _json("Antwoorden") | csv_content,
            ),
        },
    }
