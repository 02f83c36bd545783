"""The bare limit: a minimal Flask handler serving the benchmark survey (bench/ceo_survey.py) on one page,
or one question per screen.

One page (``/s/``): GET renders the page from one plain Jinja template with a double-submit CSRF token
(cookie nonce plus its HMAC in the form); POST checks the token and every answer, and stores one response
row plus its 15 answer rows with the database driver directly (sqlite3 in WAL mode with durable commits,
or psycopg) in one transaction, then redirects to a thank-you text.

One question per screen (``/s/1/`` … ``/s/15/``): each screen is a GET of the same template with one
question and a POST that checks the token and the answer, stores the answer (the first screen also the
response row, whose id goes into a signed cookie; an answer sent twice replaces itself, so it is stored
once) and redirects to the next screen, after the last to the thank-you text, the response then marked
done: the least a server can do for 15 screens in the platform's way (a GET and a POST per screen), without
the platform's guarantees (the lock against two tabs, the start key, the session, the language).

``BENCH_BARE_DB`` is a SQLite file path or a PostgreSQL conninfo (``postgresql://…`` or ``host=… dbname=…``).
Served by gunicorn: ``gunicorn bench.bare_app:app``.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

from flask import Flask, redirect, render_template, request

from bench.ceo_survey import INTRO, QUESTIONS, TITLE, options

HERE = Path(__file__).resolve().parent
SPEC = [
    {"code": code, "text": text, "options": options(kind), "allowed": {v for v, _ in options(kind)}}
    for code, kind, text in QUESTIONS
]
SECRET = os.environ.get("BENCH_BARE_SECRET", "bare-benchmark-secret").encode()
TARGET = os.environ.get("BENCH_BARE_DB", str(HERE / "out" / "bare.sqlite3"))
SCHEMA = [
    "CREATE TABLE IF NOT EXISTS bare_response (id {pk}, created TEXT NOT NULL, done INTEGER NOT NULL DEFAULT 1)",
    "CREATE TABLE IF NOT EXISTS bare_answer (id {pk}, response_id INTEGER NOT NULL REFERENCES bare_response(id), "
    "code TEXT NOT NULL, value TEXT NOT NULL)",
    "CREATE UNIQUE INDEX IF NOT EXISTS bare_answer_response ON bare_answer(response_id, code)",
]
app = Flask(__name__, template_folder=str(HERE / "templates"))
_local = threading.local()


def is_postgres(target: str = TARGET) -> bool:
    return target.startswith(("postgresql://", "postgres://")) or "dbname=" in target


def connect(target: str = TARGET):
    """One connection per worker process, opened after the fork."""
    if is_postgres(target):
        import psycopg

        return psycopg.connect(target, autocommit=True)
    conn = sqlite3.connect(target, timeout=20, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def create_schema(target: str = TARGET) -> None:
    conn = connect(target)
    pk = "SERIAL PRIMARY KEY" if is_postgres(target) else "INTEGER PRIMARY KEY"
    for statement in SCHEMA:
        conn.execute(statement.format(pk=pk))
    conn.close()


def db():
    if getattr(_local, "conn", None) is None:
        _local.conn = connect()
    return _local.conn


def sign(nonce: str) -> str:
    return hmac.new(SECRET, nonce.encode(), hashlib.sha256).hexdigest()


def page(token: str, errors: dict, values: dict, status: int = 200, screen: int | None = None):
    """The whole survey, or only question ``screen`` (1-15) posting to its own screen."""
    questions, action, first = (SPEC, "/s/", 1) if screen is None else ([SPEC[screen - 1]], f"/s/{screen}/", screen)
    return render_template(
        "bare_survey.html",
        title=TITLE,
        intro=INTRO if screen in (None, 1) else "",
        questions=questions,
        first=first,
        action=action,
        token=token,
        errors=errors,
        values=values,
    ), status


@app.get("/s/")
@app.get("/s/<int:screen>/")
def survey_page(screen: int | None = None):
    if screen is not None and not 1 <= screen <= len(SPEC):
        return "Deze vraag bestaat niet.", 404
    nonce = request.cookies.get("csrf") or secrets.token_hex(16)
    body, status = page(sign(nonce), {}, {}, screen=screen)
    response = app.make_response((body, status))
    response.set_cookie("csrf", nonce, httponly=True, samesite="Lax")
    return response


@app.post("/s/<int:screen>/")
def screen_submit(screen: int):
    if not 1 <= screen <= len(SPEC):
        return "Deze vraag bestaat niet.", 404
    form = request.form
    nonce = request.cookies.get("csrf", "")
    if not nonce or not hmac.compare_digest(form.get("csrf", ""), sign(nonce)):
        return "De pagina was te lang open. Probeer het opnieuw.", 400
    q = SPEC[screen - 1]
    value = form.get(q["code"], "").strip()
    if (q["allowed"] and value not in q["allowed"]) or len(value) > 5000:
        return page(form.get("csrf", ""), {q["code"]: "Kies een antwoord."}, {q["code"]: value}, screen=screen)
    response_id = signed_id(request.cookies.get("r", ""))
    if response_id is None and screen != 1:
        return redirect("/s/1/", code=303)
    response_id = store_screen(response_id, q["code"], value, done=screen == len(SPEC))
    response = redirect("/bedankt" if screen == len(SPEC) else f"/s/{screen + 1}/", code=303)
    response.set_cookie("r", f"{response_id}.{sign(str(response_id))}", httponly=True, samesite="Lax")
    return response


def signed_id(cookie: str) -> int | None:
    number, _, signature = cookie.partition(".")
    return int(number) if number.isdigit() and hmac.compare_digest(signature, sign(number)) else None


@app.post("/s/")
def survey_submit():
    form = request.form
    nonce = request.cookies.get("csrf", "")
    if not nonce or not hmac.compare_digest(form.get("csrf", ""), sign(nonce)):
        return "De pagina was te lang open. Probeer het opnieuw.", 400
    errors, rows = {}, []
    for q in SPEC:
        value = form.get(q["code"], "").strip()
        if q["allowed"] and value not in q["allowed"]:
            errors[q["code"]] = "Kies een antwoord."
        elif len(value) > 5000:
            errors[q["code"]] = "Gebruik hoogstens 5000 tekens."
        rows.append((q["code"], value))
    if errors:
        return page(form.get("csrf", ""), errors, dict(rows))
    store(rows)
    return redirect("/bedankt", code=303)


def store(rows: list[tuple[str, str]]) -> None:
    """The response and its answers in one transaction."""
    conn, created = db(), datetime.now(UTC).isoformat()
    if is_postgres():
        with conn.transaction():
            response_id = conn.execute(
                "INSERT INTO bare_response (created) VALUES (%s) RETURNING id", (created,)
            ).fetchone()[0]
            with conn.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO bare_answer (response_id, code, value) VALUES (%s, %s, %s)",
                    [(response_id, code, value) for code, value in rows],
                )
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        response_id = conn.execute("INSERT INTO bare_response (created) VALUES (?)", (created,)).lastrowid
        conn.executemany(
            "INSERT INTO bare_answer (response_id, code, value) VALUES (?, ?, ?)",
            [(response_id, code, value) for code, value in rows],
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def store_screen(response_id: int | None, code: str, value: str, done: bool) -> int:
    """One screen's answer (and on the first screen the response) in one transaction; the id of the response."""
    conn, created = db(), datetime.now(UTC).isoformat()
    upsert = "ON CONFLICT (response_id, code) DO UPDATE SET value = excluded.value"
    if is_postgres():
        with conn.transaction():
            if response_id is None:
                response_id = conn.execute(
                    "INSERT INTO bare_response (created, done) VALUES (%s, 0) RETURNING id", (created,)
                ).fetchone()[0]
            conn.execute(
                f"INSERT INTO bare_answer (response_id, code, value) VALUES (%s, %s, %s) {upsert}",
                (response_id, code, value),
            )
            if done:
                conn.execute("UPDATE bare_response SET done = 1 WHERE id = %s", (response_id,))
        return response_id
    conn.execute("BEGIN IMMEDIATE")
    try:
        if response_id is None:
            response_id = conn.execute("INSERT INTO bare_response (created, done) VALUES (?, 0)", (created,)).lastrowid
        conn.execute(
            f"INSERT INTO bare_answer (response_id, code, value) VALUES (?, ?, ?) {upsert}", (response_id, code, value)
        )
        if done:
            conn.execute("UPDATE bare_response SET done = 1 WHERE id = ?", (response_id,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return response_id


@app.get("/bedankt")
def thanks():
    return "Bedankt voor het invullen!"
