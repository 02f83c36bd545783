"""The bare limit: a minimal Flask handler serving the benchmark survey (bench/ceo_survey.py) on one page.

GET renders the page from one plain Jinja template with a double-submit CSRF token (cookie nonce plus
its HMAC in the form); POST checks the token and every answer, and stores one response row plus its 15
answer rows with the database driver directly (sqlite3 in WAL mode with durable commits, or psycopg)
in one transaction, then redirects to a thank-you text. ``BENCH_BARE_DB`` is a SQLite file path or a
PostgreSQL conninfo (``postgresql://…`` or ``host=… dbname=…``). Served by gunicorn: ``gunicorn bench.bare_app:app``.
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
    "CREATE TABLE IF NOT EXISTS bare_response (id {pk}, created TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS bare_answer (id {pk}, response_id INTEGER NOT NULL REFERENCES bare_response(id), "
    "code TEXT NOT NULL, value TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS bare_answer_response ON bare_answer(response_id)",
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


def page(token: str, errors: dict, values: dict, status: int = 200):
    return render_template(
        "bare_survey.html", title=TITLE, intro=INTRO, questions=SPEC, token=token, errors=errors, values=values
    ), status


@app.get("/s/")
def survey_page():
    nonce = request.cookies.get("csrf") or secrets.token_hex(16)
    body, status = page(sign(nonce), {}, {})
    response = app.make_response((body, status))
    response.set_cookie("csrf", nonce, httponly=True, samesite="Lax")
    return response


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


@app.get("/bedankt")
def thanks():
    return "Bedankt voor het invullen!"
