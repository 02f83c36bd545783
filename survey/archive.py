"""A whole region in one archive, and back: ``flask regions export --slug X FILE`` / ``regions import FILE``.

The archive is a zip with one JSON file per table (``tables/<name>.json``, a list of rows) and a
``manifest.json``. Only the region's own rows go in: every table reaches the region through its
foreign keys (answers through responses and surveys, codes through coded answers …), and a table that
cannot is refused by ``plan()`` (a test keeps new tables from being forgotten). Staff accounts travel
without their password: they set a new one through "wachtwoord vergeten". Contact data (e-mail and
postal address) go only with surveys whose fieldwork is still open; letter downloads never go.

Importing gives every row a new id in the target instance and rewrites the references, so a region can
also move into an instance that already holds others. The archive holds answers and the region's
pseudonymisation key: keep it as confidential as the database itself.
"""

from __future__ import annotations

import base64
import json
import secrets
import zipfile
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext

from analysis.files.guard import Limits, UnusableFile, check_archive_path
from survey.database import Base
from survey.extensions import db

FORMAT = "regio-archief"
VERSION = 1
#: tables that never travel: printable letters hold readable personal codes and are temporary
EXCLUDED = {"letter_batch"}
#: tables reached through something other than the region
USERS, REGION = "user_account", "region"
#: invitation columns kept only while the survey's fieldwork is open
CONTACT_COLUMNS = ("email", "postal_address")
#: the guard's limits for an archive: JSON tables compress well, but a bomb (~1000×) is still refused
LIMITS = Limits(max_bytes=0, max_uncompressed=2 * 2**30, max_ratio=500, max_entries=1000, max_json_depth=64)


class ArchiveError(ValueError):
    """The archive cannot be imported (its message is shown to the person running the command)."""


def plan() -> dict[str, tuple[str, str] | None]:
    """For every table the (column, parent table) through which it belongs to a region; None for the region
    itself and for staff accounts. Raises when a table has no way to a region."""
    routes: dict[str, tuple[str, str] | None] = {REGION: None, USERS: None}
    for table in Base.metadata.sorted_tables:
        if table.name in routes or table.name in EXCLUDED:
            continue
        candidates = [
            (fk.parent.name, fk.column.table.name)
            for fk in table.foreign_keys
            if fk.column.table.name not in (USERS, table.name) and fk.column.table.name in routes
        ]
        if not candidates:
            raise RuntimeError(f"table {table.name} has no foreign key that leads to a region")
        routes[table.name] = next((c for c in candidates if c[1] == REGION), candidates[0])
    return routes


def _encode(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return {"$base64": base64.b64encode(bytes(value)).decode()}
    if isinstance(value, Decimal):
        return str(value)
    return value


def _decode(column: sa.Column, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, dict) and set(value) == {"$base64"}:
        return base64.b64decode(value["$base64"])
    kind = column.type
    if isinstance(kind, sa.DateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, sa.Date):
        return date.fromisoformat(value)
    if isinstance(kind, sa.Numeric) and not isinstance(kind, sa.Float):
        return Decimal(value)
    return value


def _rows(connection, table: sa.Table, where) -> list[dict]:
    result = connection.execute(sa.select(table).where(where).order_by(*table.primary_key.columns))
    return [{key: _encode(value) for key, value in row._mapping.items()} for row in result]


def collect(region_id: int) -> dict[str, list[dict]]:
    """Every row of the region, table by table (parents before children)."""
    routes, tables, ids = plan(), {}, {}
    connection = db.session.connection()
    for table in Base.metadata.sorted_tables:
        if table.name not in routes or table.name == USERS:
            continue
        route = routes[table.name]
        if route is None:
            where = table.c.id == region_id
        else:
            column, parent = route
            where = table.c[column].in_(ids[parent]) if ids[parent] else sa.false()
        rows = _rows(connection, table, where)
        key = _key_column(table)
        ids[table.name] = [row[key.name] for row in rows] if key is not None else []
        tables[table.name] = rows
    _without_closed_contacts(tables)
    tables[USERS] = _users(connection, tables)
    return tables


def _key_column(table: sa.Table) -> sa.Column | None:
    columns = list(table.primary_key.columns)
    return columns[0] if len(columns) == 1 else None


def _without_closed_contacts(tables: dict[str, list[dict]]) -> None:
    open_surveys = {row["id"] for row in tables.get("survey", []) if row["status"] == "open"}
    for row in tables.get("invitation", []):
        if row["survey_id"] not in open_surveys:
            row.update(dict.fromkeys(CONTACT_COLUMNS))


def _users(connection, tables) -> list[dict]:
    """The region's members and every account a row of the region points at, without password."""
    wanted = {row["user_id"] for row in tables.get("membership", [])}
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table.name == USERS and table.name in tables:
                wanted |= {row[fk.parent.name] for row in tables[table.name] if row[fk.parent.name] is not None}
    users = Base.metadata.tables[USERS]
    rows = _rows(connection, users, users.c.id.in_(wanted)) if wanted else []
    for row in rows:
        row.update(password_hash="", session_token="")
    return rows


def export_region(slug: str, path: str) -> dict[str, int]:
    """Write the region's archive to ``path``; returns the number of rows per table."""
    region = db.session.execute(
        sa.select(Base.metadata.tables[REGION]).where(Base.metadata.tables[REGION].c.slug == slug)
    ).first()
    if region is None:
        raise ArchiveError(f"Er is geen regio met de code {slug}.")
    tables = collect(region.id)
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "region": slug,
        "created": datetime.now().isoformat(),
        "tables": {name: len(rows) for name, rows in tables.items()},
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, indent=1))
        for name, rows in tables.items():
            archive.writestr(f"tables/{name}.json", json.dumps(rows, ensure_ascii=False))
    return manifest["tables"]


def read_archive(path: str) -> tuple[dict, dict[str, list[dict]]]:
    try:
        check_archive_path(path, LIMITS)
    except UnusableFile as refused:
        raise ArchiveError(gettext(refused.problem.msgid, **refused.problem.params)) from refused
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read("manifest.json"))
            if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
                raise ArchiveError("Dit bestand is geen regio-archief van deze versie.")
            tables = {name: json.loads(archive.read(f"tables/{name}.json")) for name in manifest["tables"]}
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as error:
        if isinstance(error, ArchiveError):
            raise
        raise ArchiveError(f"Het archief kan niet worden gelezen: {error}.") from error
    return manifest, tables


def import_region(path: str) -> dict[str, int]:
    """Add the archived region to this instance with new ids; returns rows per table. Flushes, no commit."""
    manifest, tables = read_archive(path)
    regions = Base.metadata.tables[REGION]
    if db.session.execute(sa.select(regions.c.id).where(regions.c.slug == manifest["region"])).first():
        raise ArchiveError(f"Er bestaat hier al een regio met de code {manifest['region']}.")
    known = set(plan()) | {USERS}
    unknown = set(tables) - known
    if unknown:
        raise ArchiveError("Het archief heeft tabellen die deze versie niet kent: " + ", ".join(sorted(unknown)))
    connection = db.session.connection()
    new_ids: dict[str, dict[Any, Any]] = {USERS: _import_users(connection, tables.get(USERS, []))}
    for table in Base.metadata.sorted_tables:
        if table.name in tables and table.name != USERS:
            new_ids[table.name] = _import_table(connection, table, tables[table.name], new_ids)
    return {name: len(rows) for name, rows in tables.items()}


def _import_users(connection, rows: list[dict]) -> dict:
    """Accounts are matched by e-mail address; a new one gets no password (it is set through a reset link)."""
    users, mapping = Base.metadata.tables[USERS], {}
    for row in rows:
        found = connection.execute(sa.select(users.c.id).where(users.c.email == row["email"])).first()
        if found is not None:
            mapping[row["id"]] = found.id
            continue
        values = {c.name: _decode(c, row.get(c.name)) for c in users.columns if c.name != "id" and c.name in row}
        values.update(password_hash="", session_token=secrets.token_urlsafe(32), is_superuser=False)
        mapping[row["id"]] = connection.execute(sa.insert(users).values(**values)).inserted_primary_key[0]
    return mapping


def _import_table(connection, table: sa.Table, rows: list[dict], new_ids: dict[str, dict]) -> dict:
    """Insert the rows with references rewritten; a reference to the table itself is set afterwards."""
    key = _key_column(table)
    generated = (
        key is not None and key.autoincrement is not False and isinstance(key.type, sa.Integer) and not key.foreign_keys
    )
    references = {fk.parent.name: fk.column.table.name for fk in table.foreign_keys}
    mapping, later = {}, []
    for row in rows:
        values = {}
        for column in table.columns:
            if column.name not in row or (generated and column is key):
                continue
            value = row[column.name]
            parent = references.get(column.name)
            if parent == table.name and value is not None:
                later.append((row, column.name))
                value = None
            elif parent is not None and value is not None:
                if value not in new_ids.get(parent, {}):
                    raise ArchiveError(f"Rij in {table.name} verwijst naar een onbekende rij in {parent}.")
                value = new_ids[parent][value]
            values[column.name] = _decode(column, value)
        result = connection.execute(sa.insert(table).values(**values))
        if key is not None:
            mapping[row[key.name]] = result.inserted_primary_key[0] if generated else values[key.name]
    for row, column in later:
        connection.execute(sa.update(table).where(key == mapping[row[key.name]]).values({column: mapping[row[column]]}))
    return mapping
