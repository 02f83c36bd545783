"""Synthetic rounds for ``bench.results``: a 15-item CEO in an SQLite file, written with plain SQL.

13 statements in three groups (toegang, kwaliteit, effect), a rapportcijfer and an open question;
invitations (60 % response) and codes for the open answers (rule, model and human codes).
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from sqlalchemy import create_engine

from survey.database import Base, import_models

STATEMENTS = {
    "toegang": ["T1", "T2", "T3"],
    "kwaliteit": ["K1", "K2", "K3", "K4"],
    "effect": ["E1", "E2", "E3", "E4", "E5", "E6"],
}
GEMEENTEN = ["Rotterdam", "Schiedam", "Vlaardingen", "Maassluis", "Capelle", "Krimpen", "Lansingerland"]
WEIGHTS = [0.55, 0.12, 0.1, 0.08, 0.09, 0.054, 0.006]
CODES = ["5", "4", "3", "2", "1", "weet_niet", "nvt"]
P_CODES = [0.22, 0.38, 0.17, 0.1, 0.05, 0.05, 0.03]
THEMES = [
    ("wachttijd", "Wachttijd"),
    ("serieus", "Serieus genomen"),
    ("samenwerking", "Samenwerking"),
    ("informatie", "Informatie"),
    ("bereikbaarheid", "Bereikbaarheid"),
]
OPEN_TEXTS = [
    "Ik moest heel lang wachten op de eerste afspraak.",
    "De hulpverlener luisterde echt naar mij.",
    "=Meer overleg tussen school en jeugdhulp",
    "Het was lastig om iemand te bereiken.",
    "Goede uitleg over wat er ging gebeuren.",
]


def document() -> dict:
    questions = [
        {
            "code": f"G{domain[0].upper()}",
            "type": "stellingen",
            "domain": domain,
            "text": {"nl": domain},
            "items": [{"code": code, "text": {"nl": f"Stelling {code}"}} for code in codes],
        }
        for domain, codes in STATEMENTS.items()
    ]
    questions += [
        {"code": "R1", "type": "rapportcijfer", "text": {"nl": "Welk rapportcijfer geeft u de hulp?"}},
        {"code": "O1", "type": "open_lang", "text": {"nl": "Wat kan beter?"}, "required": False},
    ]
    return {"schema": 1, "languages": ["nl"], "sections": [{"key": "S1", "questions": questions}]}


def update_schema(path: Path) -> None:
    """Add tables that are missing in a database made by an older version of this module."""
    _schema(path)


def _schema(path: Path) -> None:
    import_models()
    engine = create_engine(f"sqlite:///{path}")
    Base.metadata.create_all(engine)
    engine.dispose()


def build(path: Path, n: int, seed: int = 2026) -> None:
    """Write a region, a user, one survey round with n completed responses and its ledger into ``path``."""
    if path.exists():
        path.unlink()
    _schema(path)
    rng = np.random.default_rng(seed)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute(
        "INSERT INTO region (id, slug, name, main_colour, created_at) VALUES "
        "(1, 'bench', 'Regio Bench', '#154273', '2026-01-01')"
    )
    con.execute(
        "INSERT INTO user_account (id, email, name, password_hash, is_superuser, active, session_token, "
        "created_at) VALUES (1, 'els@example.org', 'Els', '', 0, 1, 'bench-session', '2026-01-01')"
    )
    con.execute("INSERT INTO membership (user_id, region_id, role) VALUES (1, 1, 'onderzoeker')")
    con.execute(
        "INSERT INTO survey (id, region_id, kind, title, introduction, organiser, privacy_statement, "
        "help_text, estimated_minutes, audience, address_form, retention_months, min_cell, display_mode, "
        "show_check_page, status, series_key, round_label, created_at, lock_version) VALUES "
        "(1, 1, 'ceo', ?, '{}', '{}', '{}', '{}', 5, 'ouders', 'u', 24, 10, 'one_per_screen', 0, "
        "'closed', 'bench', '2026', '2026-01-01', 1)",
        (json.dumps({"nl": "CEO ouders"}),),
    )
    con.execute(
        "INSERT INTO survey_version (id, survey_id, number, status, document, created_at, lock_version) "
        "VALUES (1, 1, 1, 'published', ?, '2026-01-01', 1)",
        (json.dumps(document()),),
    )
    _responses(con, rng, n)
    _ledger(con, rng, n)
    _codes(con, rng)
    con.commit()
    con.execute("ANALYZE")
    con.close()


def _responses(con, rng, n: int) -> None:
    gemeente = rng.choice(GEMEENTEN, size=n, p=np.array(WEIGHTS) / sum(WEIGHTS))
    gemeente[:6] = "Rozenburg"  # a small group at every size
    language = rng.choice(["nl", "en", "ar", "tr", "pl", "uk"], size=n, p=[0.85, 0.05, 0.04, 0.03, 0.02, 0.01])
    weeks = [date(2026, 3, 2) + timedelta(weeks=int(w)) for w in rng.integers(0, 6, size=n)]
    responses, answers = [], []
    codes = [c for group in STATEMENTS.values() for c in group]
    values = rng.choice(CODES, size=(n, len(codes)), p=P_CODES)
    answered = rng.random((n, len(codes))) < 0.97
    grades = np.clip(np.rint(rng.normal(7.1, 1.5, n)), 1, 10).astype(int)
    wrote = rng.random(n) < 0.4
    for i in range(n):
        rid = secrets.token_hex(16)
        responses.append((rid, language[i], weeks[i].isoformat(), json.dumps({"gemeente": str(gemeente[i])})))
        answers += [(rid, codes[j], str(values[i, j])) for j in range(len(codes)) if answered[i, j]]
        answers.append((rid, "R1", str(grades[i])))
        if wrote[i]:
            answers.append((rid, "O1", OPEN_TEXTS[i % len(OPEN_TEXTS)] + f" ({i})"))
    con.executemany(
        "INSERT INTO response (id, survey_id, version_id, channel, language, status, week, background, "
        "position, lock_version) VALUES (?, 1, 1, 'personal', ?, 'completed', ?, ?, 0, 1)",
        responses,
    )
    con.executemany(
        "INSERT INTO answer (response_id, item_code, instance, value, scrubbed_text) "
        "VALUES (?, ?, '', ?, CASE WHEN ? = 'O1' THEN ? END)",
        [(r, c, v, c, v) for r, c, v in answers],
    )


def _ledger(con, rng, n: int) -> None:
    invited = int(n / 0.6)
    gemeente = rng.choice(GEMEENTEN, size=invited, p=np.array(WEIGHTS) / sum(WEIGHTS))
    rows, days = [], {}
    for i in range(invited):
        done = i < n
        if done:
            day = (date(2026, 3, 2) + timedelta(days=int(i % 28))).isoformat()
            days[day] = days.get(day, 0) + 1
        rows.append((secrets.token_hex(32), json.dumps({"gemeente": str(gemeente[i])}), "2026-03-02", done, done))
    con.executemany(
        "INSERT INTO invitation (survey_id, token_hash, language, background, invited_on, "
        "reminder_count, started, completed, opted_out) VALUES (1, ?, 'nl', ?, ?, 0, ?, ?, 0)",
        rows,
    )
    con.executemany(
        "INSERT INTO participation_day (survey_id, day, started, completed) VALUES (1, ?, ?, ?)",
        [(day, count, count) for day, count in sorted(days.items())],
    )


def _codes(con, rng) -> None:
    con.execute(
        "INSERT INTO codebook (id, region_id, name, description, created_at) VALUES (1, 1, 'CEO', '', '2026-01-01')"
    )
    con.executemany(
        "INSERT INTO theme (id, codebook_id, key, label, description, seed_words, examples, position) "
        "VALUES (?, 1, ?, ?, '', '[]', '[]', ?)",
        [(i, key, label, i) for i, (key, label) in enumerate(THEMES, 1)],
    )
    con.execute(
        "INSERT INTO question_codebook (survey_id, item_code, codebook_id, auto_threshold) VALUES (1, 'O1', 1, 0.8)"
    )
    ids = [row[0] for row in con.execute("SELECT id FROM answer WHERE item_code = 'O1'")]
    coded, codes = [], []
    for answer_id in ids:
        verified = bool(rng.random() < 0.2)
        coded.append((answer_id, int(verified), rng.choice(["positief", "negatief", "neutraal"])))
        for theme in rng.choice(len(THEMES), size=int(rng.integers(1, 3)), replace=False):
            source = "mens" if verified else rng.choice(["regel", "model"])
            probability = float(rng.random()) if source == "model" else None
            codes.append((answer_id, int(theme) + 1, source, probability, int(verified)))
    con.executemany(
        "INSERT INTO coded_answer (answer_id, survey_id, item_code, verified, sentiment, "
        "sentiment_source, lock_version) VALUES (?, 1, 'O1', ?, ?, 'regel', 1)",
        coded,
    )
    con.executemany(
        "INSERT INTO answer_code (answer_id, theme_id, source, probability, verified, created_at) "
        "VALUES (?, ?, ?, ?, ?, '2026-01-01')",
        codes,
    )
