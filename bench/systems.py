"""The systems of the respondent benchmark (the platform, the peer, the bare handler) on SQLite or
PostgreSQL: a fresh database for each, the gunicorn command that serves it, and what it stored.

PostgreSQL: each system gets its own schema in the benchmark's database (``bench_platform``,
``bench_peer``, ``bench_bare``), chosen with ``search_path``; SQLite: a file in bench/out/run.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from bench import peer
from bench.ceo_survey import platform_exchange
from bench.servers import Server, free_port

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
RUN = OUT / "run"
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
MODES = ("all_on_one_page", "one_per_screen")
#: the platform's screens of one question, each step sent as the page's script sends it (the same survey)
BY_SCRIPT = "one_per_screen_script"
#: signs the benchmark server's sessions: new for every run
BENCH_SECRET = secrets.token_hex(32)


@dataclass
class Postgres:
    """The benchmark's PostgreSQL database (postgresql://user:password@host:port/name)."""

    url: str

    @property
    def parts(self) -> dict:
        u = urlparse(self.url.replace("postgresql+psycopg://", "postgresql://"))
        return {
            "user": unquote(u.username or ""),
            "password": unquote(u.password or ""),
            "host": u.hostname,
            "port": u.port or 5432,
            "name": u.path.lstrip("/"),
        }

    def conninfo(self, schema: str) -> str:
        p = self.parts
        return (
            f"host={p['host']} port={p['port']} dbname={p['name']} user={p['user']} "
            f"password={p['password']} options='-c search_path={schema}'"
        )

    def backend_title(self) -> str:
        return f": {self.parts['user']} {self.parts['name']} "

    def execute(self, schema: str, *statements: str) -> None:
        import psycopg

        with psycopg.connect(self.conninfo("public"), autocommit=True) as conn:
            conn.execute(f"SET search_path TO {schema}")
            for statement in statements:
                conn.execute(statement)

    def fresh_schema(self, schema: str) -> None:
        self.execute("public", f"DROP SCHEMA IF EXISTS {schema} CASCADE", f"CREATE SCHEMA {schema}")


@dataclass
class Stored:
    """What a system holds for one survey: completed responses, answers by (item code, value), and
    the rows that should not exist (an answer stored twice, a completed response without 15 answers)."""

    completed: int
    answers: Counter
    duplicates: int
    incomplete: int


@dataclass
class System:
    name: str  # platform | platform_before | peer | bare
    database: str  # sqlite | pg
    pg: Postgres | None = None
    #: the platform checkout served (another one than this tree measures an older version)
    root: Path = ROOT
    info: dict = field(default_factory=dict)

    @property
    def kind(self) -> str:
        """platform_before is the platform served from another checkout (``--platform-root``)."""
        return "platform" if self.name.startswith("platform") else self.name

    @property
    def modes(self) -> tuple[str, ...]:
        if self.name == "platform":
            return (*MODES, BY_SCRIPT)
        return ("all_on_one_page",) if self.name == "peer" else MODES

    @property
    def schema(self) -> str:
        return f"bench_{self.name}"

    @property
    def sqlite_path(self) -> Path:
        return RUN / f"{self.name}.sqlite3"

    @property
    def template_path(self) -> Path:
        return RUN / f"{self.name}-template.sqlite3"

    # -- setting up ------------------------------------------------------------------------------
    def prepare(self, log=print) -> None:
        """Once per benchmark run: the database with the survey (a template file for SQLite)."""
        RUN.mkdir(parents=True, exist_ok=True)
        if self.database == "pg":
            self.pg.fresh_schema(self.schema)
        else:
            for path in RUN.glob(f"{self.template_path.name}*"):
                path.unlink()
        if self.kind == "platform":
            self.info["keys"] = self._platform_setup()
        elif self.name == "peer":
            peer.ensure_installed(log)
            self.info.update(peer.migrate_and_seed(self._peer_database(self.template_path)))
        else:
            from bench.bare_app import create_schema

            create_schema(self._bare_target(self.template_path))

    def _platform_setup(self) -> dict[str, str]:
        """Run bench/platform_setup.py against the platform checkout in ``root`` (a copy of the script in
        bench/out/run, so nothing but the platform is importable next to it)."""
        script, surveys = RUN / "platform_setup.py", RUN / "surveys.json"
        shutil.copyfile(Path(__file__).with_name("platform_setup.py"), script)
        surveys.write_text(json.dumps({mode: platform_exchange(mode) for mode in MODES}), encoding="utf-8")
        env = {**self.environment(), "PYTHONPATH": str(self.root)}
        done = subprocess.run(
            [sys.executable, str(script), self._platform_url(self.template_path), str(surveys)],
            cwd=self.root,
            env=env,
            check=False,
            capture_output=True,
            text=True,
        )
        if done.returncode:
            raise RuntimeError(f"platform setup failed:\n{done.stderr[-3000:]}")
        keys = json.loads(done.stdout.strip().splitlines()[-1])
        return {**keys, BY_SCRIPT: keys["one_per_screen"]}

    def reset(self) -> None:
        """Before each series: the survey without any answers."""
        if self.kind == "platform":  # the queue of background jobs (scrubbing completed responses) starts empty
            for path in RUN.glob("jobs.sqlite3*"):
                path.unlink()
        if self.database == "sqlite":
            for path in RUN.glob(f"{self.sqlite_path.name}*"):
                path.unlink()
            source, target = sqlite3.connect(self.template_path), sqlite3.connect(self.sqlite_path)
            try:
                source.backup(target)  # the backup API also copies what is still in the template's WAL
            finally:
                source.close()
                target.close()
            return
        tables = {
            "platform": "answer, response",
            "peer": "survey_answer, survey_response, django_session",
            "bare": "bare_answer, bare_response",
        }[self.kind]
        self.pg.execute(self.schema, f"TRUNCATE {tables} RESTART IDENTITY CASCADE")

    def _platform_url(self, path: Path) -> str:
        if self.database == "pg":
            p = self.pg.parts
            return f"postgresql+psycopg://{p['user']}:{p['password']}@{p['host']}:{p['port']}/{p['name']}"
        return f"sqlite:///{path}"

    def _peer_database(self, path: Path) -> dict:
        if self.database == "pg":
            return {"kind": "pg", "schema": self.schema, **self.pg.parts}
        return {"kind": "sqlite", "path": path}

    def _bare_target(self, path: Path) -> str:
        return self.pg.conninfo(self.schema) if self.database == "pg" else str(path)

    # -- serving ---------------------------------------------------------------------------------
    def environment(self) -> dict:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SURVEY_", "PGOPTIONS", "BENCH_"))}
        if self.name == "peer":
            return peer.environment(self._peer_database(self.sqlite_path))
        if self.name == "bare":
            env["BENCH_BARE_DB"] = self._bare_target(self.sqlite_path)
            return env
        env.update(
            SURVEY_DATABASE_URL=self._platform_url(self.sqlite_path),
            SURVEY_SECRET_KEY=BENCH_SECRET,
            SURVEY_JOBS_URL=f"sqlite:///{RUN / 'jobs.sqlite3'}",
        )
        if self.database == "pg":
            env["PGOPTIONS"] = f"-c search_path={self.schema}"
        return env

    def server(self, workers: int, mode: str, log_name: str) -> tuple[Server, str]:
        """(a gunicorn server for this system on a free loopback port, not started yet, its base URL); ready
        when ``mode``'s first page answers."""
        port = free_port()
        argv, cwd = self.server_command(workers, port)
        base_url = f"http://127.0.0.1:{port}/"
        server = Server(
            argv,
            env=self.environment(),
            cwd=cwd,
            log=RUN / "logs" / log_name,
            ready_url=base_url.rstrip("/") + self.start_path(mode),
            pg_backend_title=self.pg.backend_title() if self.database == "pg" else None,
        )
        return server, base_url

    def server_command(self, workers: int, port: int) -> tuple[list[str], Path]:
        if self.name == "peer":
            return peer.server_command(workers, port), peer.PROJECT
        app = "wsgi:app" if self.kind == "platform" else "bench.bare_app:app"
        extra = ["--logger-class", "survey.logs.RedactingGunicornLogger"] if self.kind == "platform" else []
        cwd = self.root if self.kind == "platform" else ROOT
        return [GUNICORN, "-w", str(workers), "-b", f"127.0.0.1:{port}", "--log-level", "warning", *extra, app], cwd

    def start_path(self, mode: str) -> str:
        if self.kind == "platform":
            return f"/v/{self.info['keys'][mode]}/vraag/1"
        if self.name == "peer":
            return f"/survey/{self.info['survey_id']}/"
        return "/s/1/" if mode == "one_per_screen" else "/s/"

    def done_pattern(self) -> re.Pattern:
        return re.compile({"platform": r"/klaar$", "peer": r"/confirm/", "bare": r"^/bedankt$"}[self.kind])

    def item_code(self, field_name: str) -> str:
        if self.kind == "platform":
            return field_name.removeprefix("v-")
        return self.info["fields"].get(field_name, field_name) if self.name == "peer" else field_name

    # -- what was stored -------------------------------------------------------------------------
    def stored(self, mode: str, per_survey: int) -> Stored:
        queries = self._queries(mode, per_survey)
        if self.database == "pg":
            import psycopg

            with psycopg.connect(self.pg.conninfo(self.schema)) as conn:
                rows = [conn.execute(q, params).fetchall() for q, params in queries]
        else:
            conn = sqlite3.connect(self.sqlite_path, timeout=30)
            try:
                rows = [conn.execute(q.replace("%s", "?"), params).fetchall() for q, params in queries]
            finally:
                conn.close()
        completed, answers, duplicates, incomplete = rows
        if self.name == "peer":
            codes = {int(name.removeprefix("question_")): code for name, code in self.info["fields"].items()}
            answers = [(codes.get(q, str(q)), v, n) for q, v, n in answers]
        return Stored(completed[0][0], Counter({(c, v): n for c, v, n in answers}), duplicates[0][0], incomplete[0][0])

    def _queries(self, mode: str, per_survey: int) -> list[tuple[str, tuple]]:
        """completed, answers by (question, value), duplicated answers, completed without all answers."""
        if self.kind == "platform":
            key = (self.info["keys"][mode],)
            mine = "JOIN survey s ON s.id = r.survey_id WHERE s.public_key = %s"
            return [
                (f"SELECT count(*) FROM response r {mine} AND r.status = 'completed'", key),
                (
                    "SELECT a.item_code, a.value, count(*) FROM answer a JOIN response r ON r.id = a.response_id "
                    f"{mine} GROUP BY 1, 2",
                    key,
                ),
                (
                    "SELECT count(*) FROM (SELECT 1 FROM answer GROUP BY response_id, item_code, instance "
                    "HAVING count(*) > 1) x",
                    (),
                ),
                (
                    f"SELECT count(*) FROM response r {mine} AND r.status = 'completed' AND "
                    f"(SELECT count(*) FROM answer a WHERE a.response_id = r.id) <> {per_survey}",
                    key,
                ),
            ]
        response, answer, question, value = {
            "peer": ("survey_response", "survey_answer", "question_id", "body"),
            "bare": ("bare_response", "bare_answer", "code", "value"),
        }[self.name]
        done = "done = 1" if self.name == "bare" else "1 = 1"  # one question per screen: the completed ones
        return [
            (f"SELECT count(*) FROM {response} WHERE {done}", ()),
            (f"SELECT {question}, {value}, count(*) FROM {answer} GROUP BY 1, 2", ()),
            (
                f"SELECT count(*) FROM (SELECT 1 FROM {answer} GROUP BY response_id, {question} HAVING count(*) > 1) x",
                (),
            ),
            (
                f"SELECT count(*) FROM {response} r WHERE {done} AND "
                f"(SELECT count(*) FROM {answer} a WHERE a.response_id = r.id) <> {per_survey}",
                (),
            ),
        ]
