"""The peer: django-survey-and-report (PyPI) in its own virtualenv under bench/out/peer, a minimal Django
project around it (DEBUG off, Dutch), and the benchmark survey seeded through its ORM on one page.

Databases: SQLite (WAL with IMMEDIATE transactions and a 20 s busy timeout, like the platform's SQLite
setup) or PostgreSQL in its own schema with persistent connections (CONN_MAX_AGE 600, as the platform's
connection pool). Everything the peer needs is installed by ``ensure_installed``, pinned below.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from bench.ceo_survey import peer_spec

OUT = Path(__file__).resolve().parent / "out"
PEER_DIR = OUT / "peer"
VENV = PEER_DIR / "venv"
PROJECT = PEER_DIR / "peerproj"
PACKAGES = ("django-survey-and-report==1.5.0", "Django==5.2.19", "gunicorn==27.0.1", "psycopg[binary]==3.3.9")

SETTINGS = """

# ---- benchmark additions (everything above is `django-admin startproject` output) ----
import os

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS += ["survey"]
LANGUAGE_CODE = "nl"
TIME_ZONE = "Europe/Amsterdam"
STATIC_ROOT = BASE_DIR / "static"
# settings read by django-survey-and-report
CSV_DIRECTORY = BASE_DIR / "csv"
TEX_DIRECTORY = BASE_DIR / "tex"
USER_DID_NOT_ANSWER = "Niet beantwoord"
CHOICES_SEPARATOR = ","
EXCEL_COMPATIBLE_CSV = False
DEFAULT_SURVEY_PUBLISHING_DURATION = 365
SURVEY_DEFAULT_PIE_COLOR = "red!50"
LOGIN_URL = "/admin/login/"
if os.environ.get("PEER_DB") == "pg":
    DATABASES = {"default": {
        "ENGINE": "django.db.backends.postgresql", "NAME": os.environ["PEER_PG_NAME"],
        "USER": os.environ["PEER_PG_USER"], "PASSWORD": os.environ["PEER_PG_PASSWORD"],
        "HOST": os.environ["PEER_PG_HOST"], "PORT": os.environ["PEER_PG_PORT"], "CONN_MAX_AGE": 600,
        "OPTIONS": {"options": "-c search_path=" + os.environ["PEER_PG_SCHEMA"]},
    }}
else:
    DATABASES["default"]["NAME"] = os.environ["PEER_SQLITE"]
    DATABASES["default"]["OPTIONS"] = {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE",
                                       "timeout": 20}
LOGGING = {"version": 1, "disable_existing_loggers": False,
           "handlers": {"console": {"class": "logging.StreamHandler"}},
           "root": {"handlers": ["console"], "level": "WARNING"}}
"""

URLS = """from django.urls import include, path

urlpatterns = [path("survey/", include("survey.urls"))]
"""


def _bin(name: str) -> str:
    return str(VENV / "bin" / name)


def ensure_installed(log=print) -> None:
    """The peer's virtualenv with the pinned packages, and its Django project (made once)."""
    marker = VENV / ".bench-packages"
    if not marker.exists() or marker.read_text() != "\n".join(PACKAGES):
        log(f"Installing the peer into {VENV} ({', '.join(PACKAGES)})")
        shutil.rmtree(VENV, ignore_errors=True)
        PEER_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        done = subprocess.run(
            [_bin("pip"), "install", "-q", "--disable-pip-version-check", *PACKAGES], capture_output=True, text=True
        )
        if done.returncode:
            raise RuntimeError(f"installing the peer failed:\n{done.stdout}\n{done.stderr}")
        marker.write_text("\n".join(PACKAGES))
        shutil.rmtree(PROJECT, ignore_errors=True)
    if not (PROJECT / "manage.py").exists():
        PROJECT.mkdir(parents=True, exist_ok=True)
        subprocess.run([_bin("django-admin"), "startproject", "peersite", str(PROJECT)], check=True)
        with open(PROJECT / "peersite" / "settings.py", "a", encoding="utf-8") as handle:
            handle.write(SETTINGS)
        (PROJECT / "peersite" / "urls.py").write_text(URLS, encoding="utf-8")
        for folder in ("csv", "tex"):
            (PROJECT / folder).mkdir(exist_ok=True)
    shutil.copyfile(Path(__file__).with_name("peer_seed.py"), PROJECT / "peer_seed.py")
    (PROJECT / "survey.json").write_text(json.dumps(peer_spec(), ensure_ascii=False), encoding="utf-8")


def environment(database: dict) -> dict:
    """Environment of the peer's processes for a database: {"kind": "sqlite", "path": …} or PostgreSQL parts."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PEER_", "DJANGO_"))}
    env.update(PYTHONDONTWRITEBYTECODE="1", PYTHONWARNINGS="ignore::UserWarning")
    if database["kind"] == "pg":
        env.update(
            PEER_DB="pg",
            PEER_PG_NAME=database["name"],
            PEER_PG_USER=database["user"],
            PEER_PG_PASSWORD=database["password"],
            PEER_PG_HOST=database["host"],
            PEER_PG_PORT=str(database["port"]),
            PEER_PG_SCHEMA=database["schema"],
        )
    else:
        env.update(PEER_DB="sqlite", PEER_SQLITE=str(database["path"]))
    return env


def migrate_and_seed(database: dict) -> dict:
    """Tables by the peer's migrations and the survey; {"survey_id": …, "fields": {form field: item code}}."""
    env = environment(database)
    subprocess.run([_bin("python"), "manage.py", "migrate", "-v", "0"], cwd=PROJECT, env=env, check=True)
    seeded = subprocess.run(
        [_bin("python"), "peer_seed.py", "survey.json"],
        cwd=PROJECT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(seeded.stdout.strip().splitlines()[-1])


def server_command(workers: int, port: int) -> list[str]:
    return [
        _bin("gunicorn"),
        "-w",
        str(workers),
        "-b",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
        "peersite.wsgi:application",
    ]
