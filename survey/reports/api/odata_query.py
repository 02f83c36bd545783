"""The part of OData v4's query language the feed understands, parsed without trusting the request.

* ``$filter``: comparisons ``Property eq value`` joined with ``and``, each optionally in parentheses;
  values are integers or quoted strings (``'gemeente=Delft'``, a doubled quote inside). Only the
  properties an entity set allows (round and group) may be filtered on.
* ``$select``: a comma-separated list of the entity's properties.
* ``$top`` and ``$skip``: whole numbers from 0; ``$count=true`` asks for the total.

Anything else is a :class:`QueryError` with a Dutch message for the client.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flask_babel import gettext as _

MAX_TOP = 100_000
_COMPARISON = re.compile(r"^\(?\s*([A-Za-z][A-Za-z0-9]*)\s+eq\s+('(?:[^']|'')*'|-?\d+)\s*\)?$")
_AND = re.compile(r"\s+and\s+", re.I)


class QueryError(ValueError):
    """A query option the feed cannot answer; the message is Dutch and safe to show."""


@dataclass(frozen=True)
class Query:
    filters: dict[str, object] = field(default_factory=dict)
    select: tuple[str, ...] = ()
    top: int | None = None
    skip: int = 0
    count: bool = False


def _literal(text: str):
    if text.startswith("'"):
        return text[1:-1].replace("''", "'")
    return int(text)


def parse_filter(text: str, allowed: dict[str, type]) -> dict[str, object]:
    """{property: value} from ``RondeId eq 3 and Groep eq 'gemeente=Delft'``."""
    filters: dict[str, object] = {}
    body = text.strip()
    while body.startswith("(") and body.endswith(")") and body.count("(") == 1:
        body = body[1:-1].strip()
    for part in _AND.split(body) if body else []:
        match = _COMPARISON.match(part.strip())
        if match is None:
            raise QueryError(
                _("This $filter is not supported. Use for example RondeId eq 3 and Groep eq 'gemeente=Delft'.")
            )
        name, value = match.group(1), _literal(match.group(2))
        if name not in allowed:
            raise QueryError(
                _(
                    "Filtering on %(name)s is not possible; allowed: %(allowed)s.",
                    name=name,
                    allowed=", ".join(sorted(allowed)),
                )
            )
        if not isinstance(value, allowed[name]):
            raise QueryError(_("The value for %(name)s has the wrong type.", name=name))
        filters[name] = value
    return filters


def _whole(args, name: str) -> int | None:
    text = args.get(name)
    if text is None:
        return None
    if not text.isdigit() or int(text) > MAX_TOP:
        raise QueryError(_("%(name)s must be a whole number from 0 to %(max)s.", name=name, max=MAX_TOP))
    return int(text)


def parse_query(args, properties: list[str], filterable: dict[str, type]) -> Query:
    """The query options of a request for an entity set with these properties."""
    select = tuple(p.strip() for p in (args.get("$select") or "").split(",") if p.strip())
    unknown = [p for p in select if p not in properties and p != "*"]
    if unknown:
        raise QueryError(_("Unknown property in $select: %(names)s.", names=", ".join(unknown)))
    count = (args.get("$count") or "false").lower()
    if count not in ("true", "false"):
        raise QueryError(_("$count must be true or false."))
    return Query(
        filters=parse_filter(args.get("$filter") or "", filterable),
        select=() if "*" in select else select,
        top=_whole(args, "$top"),
        skip=_whole(args, "$skip") or 0,
        count=count == "true",
    )
