"""An OData v4 feed under the read-only API, for Power BI's and Excel's "OData feed" connectors.

``/api/v1/odata/`` is the service document, ``$metadata`` the CSDL, and the entity sets are
*Rondes* (rounds), *Items*, *Resultaten* (aggregated results per item, in total and per group of every
breakdown the results page offers) and, for a token with the responses scope, *Antwoorden* (the scrubbed
response export in long form: one row per respondent and variable, numbers in *Getal*). The same bearer
tokens, the same small-cell protection (hidden cells are ``null`` with ``Verborgen`` true, groups that are
too small are not there) and the same scrubbing as the rest of the API; reading *Antwoorden* is audited.
Query options: see :mod:`survey.reports.api.odata_query`. Pages hold at most 1000 rows, with a next link.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import islice
from urllib.parse import urlencode
from xml.sax.saxutils import quoteattr

from flask import Response, g, jsonify, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from survey.access import is_row_id
from survey.extensions import db
from survey.questionnaires.models import Survey
from survey.reports.api.models import ApiScope
from survey.reports.api.odata_query import Query, QueryError, parse_query
from survey.reports.api.payload import breakdown_payload, items_payload
from survey.reports.api.views import _needs
from survey.reports.blueprint import api as bp
from survey.reports.exports.plan import export_plan
from survey.reports.exports.records import records
from survey.reports.exports.services import audit_export, background_variables
from survey.reports.exports.tables import cell_converter
from survey.reports.items import report_items
from survey.reports.pages.figures import GROUP_SEPARATOR, Selection, filter_choices, parse_group, policy_for
from survey.reports.pages.page import build_page
from survey.reports.results import completed_counts, load_round

NAMESPACE = "Ervaringsonderzoek"
PAGE_SIZE = 1000
TOTAL = "totaal"
#: entity set → (entity type, key, [(property, Edm type, nullable)], filterable properties)
ENTITY_SETS = {
    "Rondes": (
        "Ronde",
        "Id",
        [
            ("Id", "Int32", False),
            ("Titel", "String", True),
            ("Meting", "String", True),
            ("Soort", "String", True),
            ("Doelgroep", "String", True),
            ("Reeks", "String", True),
            ("Status", "String", True),
            ("Afgerond", "Int32", False),
        ],
        {"Id": int},
    ),
    "Items": (
        "Item",
        "Id",
        [
            ("Id", "String", False),
            ("RondeId", "Int32", False),
            ("Code", "String", False),
            ("Tekst", "String", True),
            ("Soort", "String", True),
            ("Domein", "String", True),
        ],
        {"RondeId": int},
    ),
    "Resultaten": (
        "Resultaat",
        "Id",
        [
            ("Id", "String", False),
            ("RondeId", "Int32", False),
            ("Item", "String", False),
            ("Tekst", "String", True),
            ("Groep", "String", False),
            ("N", "Int32", True),
            ("Positief", "Int32", True),
            ("Pct", "Double", True),
            ("Verborgen", "Boolean", False),
            ("Signaal", "Boolean", False),
        ],
        {"RondeId": int, "Groep": str},
    ),
    "Antwoorden": (
        "Antwoord",
        "Id",
        [
            ("Id", "String", False),
            ("RondeId", "Int32", False),
            ("Respondent", "Int32", False),
            ("Variabele", "String", False),
            ("Waarde", "String", True),
            ("Getal", "Double", True),
        ],
        {"RondeId": int},
    ),
}
HEADERS = {"OData-Version": "4.0"}


def _sets() -> list[str]:
    """The entity sets this token may read."""
    return [name for name in ENTITY_SETS if name != "Antwoorden" or g.api_token.allows(ApiScope.RESPONSES)]


def _service_root() -> str:
    return url_for("api.odata_service", _external=True)


def metadata_xml(sets: list[str]) -> str:
    """The CSDL document (OData v4 XML) of the entity sets."""
    types, container = [], []
    for name in sets:
        type_name, key, properties, _filters = ENTITY_SETS[name]
        props = "".join(f'<Property Name="{p}" Type="Edm.{t}" Nullable="{str(n).lower()}"/>' for p, t, n in properties)
        types.append(f'<EntityType Name="{type_name}"><Key><PropertyRef Name="{key}"/></Key>{props}</EntityType>')
        container.append(f'<EntitySet Name="{name}" EntityType="{NAMESPACE}.{type_name}"/>')
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>'
        f'<Schema Namespace={quoteattr(NAMESPACE)} xmlns="http://docs.oasis-open.org/odata/ns/edm">'
        + "".join(types)
        + '<EntityContainer Name="Container">'
        + "".join(container)
        + "</EntityContainer></Schema></edmx:DataServices></edmx:Edmx>"
    )


def _error(message: str, status: int = 400) -> Response:
    response = jsonify({"error": {"code": str(status), "message": message}})
    response.status_code = status
    response.headers.update(HEADERS)
    return response


@bp.get("/odata/")
def odata_service():
    _needs(ApiScope.AGGREGATES)
    body = {
        "@odata.context": _service_root() + "$metadata",
        "value": [{"name": name, "kind": "EntitySet", "url": name} for name in _sets()],
    }
    return _json(body)


@bp.get("/odata/$metadata")
def odata_metadata():
    _needs(ApiScope.AGGREGATES)
    return Response(metadata_xml(_sets()), mimetype="application/xml", headers=HEADERS)


@bp.get("/odata/<entity_set>")
def odata_entity_set(entity_set):
    _needs(ApiScope.AGGREGATES)
    if entity_set not in _sets():
        return (
            _error(_("This entity set does not exist."), 404)
            if entity_set != "Antwoorden"
            else _error(_("This API token may not read responses."), 403)
        )
    _type, _key, properties, filterable = ENTITY_SETS[entity_set]
    try:
        query = parse_query(request.args, [p for p, _t, _n in properties], filterable)
    except QueryError as error:
        return _error(str(error))
    surveys = _surveys(query.filters.get("RondeId", query.filters.get("Id")))
    rows, total = ROWS[entity_set](surveys, query)
    return _page(entity_set, rows, total, query)


def _surveys(survey_id: int | None) -> list[Survey]:
    stmt = select(Survey).where(Survey.region_id == g.api_token.region_id).order_by(Survey.created_at, Survey.id)
    if survey_id is not None:
        if not is_row_id(survey_id):
            return []
        stmt = stmt.where(Survey.id == survey_id)
    return list(db.session.scalars(stmt))


def _page(entity_set: str, rows: Iterator[dict], total: int | None, query: Query) -> Response:
    take = PAGE_SIZE if query.top is None else min(query.top, PAGE_SIZE)
    chunk = list(islice(rows, query.skip, query.skip + take + 1))
    more = len(chunk) > take and (query.top is None or query.top > take)
    chunk = chunk[:take]
    if query.select:
        chunk = [{name: row[name] for name in query.select} for row in chunk]
    body = {"@odata.context": f"{_service_root()}$metadata#{entity_set}"}
    if query.count:
        body["@odata.count"] = total
    body["value"] = chunk
    if more:
        args = {k: v for k, v in request.args.items() if k not in ("$skip", "$top")}
        args["$skip"] = str(query.skip + take)
        if query.top is not None:
            args["$top"] = str(query.top - take)
        body["@odata.nextLink"] = f"{_service_root()}{entity_set}?{urlencode(args)}"
    db.session.commit()  # keeps the rounds' grouped counts; the audit entry of Antwoorden
    return _json(body)


def _json(body: dict) -> Response:
    response = jsonify(body)
    response.headers.update(HEADERS)
    response.mimetype = "application/json"
    return response


def _rounds(surveys: list[Survey], query: Query):
    counts = completed_counts([s.id for s in surveys])
    rows = [
        {
            "Id": s.id,
            "Titel": s.text("title"),
            "Meting": s.round_label,
            "Soort": str(s.kind),
            "Doelgroep": str(s.audience),
            "Reeks": s.series_key,
            "Status": str(s.status),
            "Afgerond": counts.get(s.id, 0),
        }
        for s in surveys
    ]
    return iter(rows), len(rows)


def _items(surveys: list[Survey], query: Query):
    rows = [
        {
            "Id": f"{s.id}-{i.code}",
            "RondeId": s.id,
            "Code": i.code,
            "Tekst": i.label,
            "Soort": i.kind,
            "Domein": i.domain or None,
        }
        for s in surveys
        for i in report_items(s)
    ]
    return iter(rows), len(rows)


def _results(surveys: list[Survey], query: Query):
    wanted = query.filters.get("Groep")
    rows = [row for survey in surveys for row in _round_results(survey, wanted)]
    return iter(rows), len(rows)


def _round_results(survey: Survey, wanted: str | None) -> list[dict]:
    """Total rows and the rows of every offered breakdown (or only the wanted group), protected as on the page."""
    data = load_round(survey)
    choices = filter_choices(data.respondents, data.variables, policy_for(survey))
    rows = []
    if wanted in (None, TOTAL):
        page = build_page(survey, Selection(), data, choices)
        if not page.view.too_small:
            rows += [_result(survey, e["code"], e["tekst"], TOTAL, e) for e in items_payload(page)]
    parsed = parse_group(wanted) if wanted not in (None, TOTAL) else None
    variables = [v for v, _label in choices["breakdowns"]]
    for variable in variables if wanted is None else ([parsed[0]] if parsed and parsed[0] in variables else []):
        page = build_page(survey, Selection(breakdown=variable), data, choices)
        labels = {i.code: i.label for i in page.data.items}
        for r in (breakdown_payload(page) or {}).get("rijen", []):
            group = f"{variable}{GROUP_SEPARATOR}{r['groep']}"
            if r["groep"] is not None and (wanted is None or group == wanted):
                rows.append(_result(survey, r["item"], labels.get(r["item"], ""), group, r))
    return rows


def _result(survey: Survey, code: str, text: str, group: str, entry: dict) -> dict:
    hidden = bool(entry["verborgen"])
    return {
        "Id": f"{survey.id}-{code}-{group}",
        "RondeId": survey.id,
        "Item": code,
        "Tekst": text,
        "Groep": group,
        "N": None if hidden else entry["n"],
        "Positief": None if hidden else entry["positief"],
        "Pct": None if hidden or entry["pct"] is None else float(entry["pct"]),
        "Verborgen": hidden,
        "Signaal": bool(entry["signaal"]),
    }


def _responses(surveys: list[Survey], query: Query):
    token = _needs(ApiScope.RESPONSES)
    plans = []
    for survey in surveys:
        plan = export_plan(survey, background_variables(survey.id))
        audit_export(survey, "odata", plan, via="api", token_id=token.id)
        plans.append((survey, plan))
    counts = completed_counts([s.id for s, _ in plans])
    total = sum(counts.get(s.id, 0) * len(plan) for s, plan in plans)
    return _long_rows(plans), total


def _long_rows(plans) -> Iterator[dict]:
    for survey, plan in plans:
        converters = [(v.name, cell_converter(v)) for v in plan]
        for record in records(survey.id, plan):
            number = record[0]
            for (name, convert), value in zip(converters, record, strict=True):
                cell = convert(value)
                numeric = isinstance(cell, int | float) and not isinstance(cell, bool)
                yield {
                    "Id": f"{survey.id}-{number}-{name}",
                    "RondeId": survey.id,
                    "Respondent": number,
                    "Variabele": name,
                    "Waarde": None if cell is None else cell.isoformat() if isinstance(cell, date) else str(cell),
                    "Getal": float(cell) if numeric else None,
                }


ROWS = {"Rondes": _rounds, "Items": _items, "Resultaten": _results, "Antwoorden": _responses}
