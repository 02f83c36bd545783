"""Configuration: defaults, then instance/config.py, then SURVEY_* environment variables.

Every setting is documented in README.md (section "Instellingen").
"""

import os
import secrets
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Defaults:
    SECRET_KEY = None  # filled from the environment or instance/secret_key
    LEDGER_KEY = None  # key of the pending ledger entries; None: derived from SECRET_KEY (set both in production)
    DATABASE_URL = None  # None means SQLite in the instance folder
    HTTPS = False  # always mark cookies Secure (otherwise only on HTTPS requests)
    PROXY_FIX = 0  # number of trusted proxies in front (X-Forwarded-*)
    BASE_URL = "http://127.0.0.1:5000"  # used in links inside e-mails
    MAX_CONTENT_LENGTH = 20 * 1024 * 1024
    MAX_FORM_MEMORY_SIZE = 2 * 1024 * 1024
    MAIL_BACKEND = "console"  # console | smtp | memory
    MAIL_SERVER = "localhost"
    MAIL_PORT = 25
    MAIL_USERNAME = None
    MAIL_PASSWORD = None
    MAIL_USE_TLS = False
    MAIL_USE_SSL = False
    MAIL_SENDER = "Ervaringsonderzoek <noreply@localhost>"
    RATELIMIT_STORAGE_URI = "memory://"
    LOGIN_RATE_LIMIT = "10 per minute;50 per hour"
    RESET_RATE_LIMIT = "5 per minute;20 per hour"
    CODE_RATE_LIMIT = "10 per minute;50 per hour"  # failed code and link attempts per IP address
    API_RATE_LIMIT = "120 per minute;2000 per hour"  # per API token
    JOBS_URL = None  # None: SQLite file in the instance folder; redis://… ; "immediate"
    JOBS_EMBEDDED = False  # run a job consumer thread inside the web process
    PASSWORD_RESET_MAX_AGE = 3600
    CODING_MIN_PER_THEME = 25  # human codes a theme needs before the classifier learns it
    CODING_MIN_SENTIMENT = 30  # human sentiment labels per class before a model replaces the rule signal
    CODING_RETRAIN_EVERY = 25  # train again in the background after this many more checked answers (0: never)
    CODING_SUGGEST_FROM = 0.35  # model probability from which a theme is shown as a suggestion
    CODING_SCRUBBER = None  # None: deduce via analysis.privacy.scrub; tests put a stand-in object here
    DEDUCE_CACHE = None  # deduce's lookup cache folder; None: .cache/deduce (see analysis/privacy/scrub.py)
    BABEL_DEFAULT_LOCALE = "nl"
    BABEL_DEFAULT_TIMEZONE = "Europe/Amsterdam"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_NAME = "sessie"
    REMEMBER_COOKIE_HTTPONLY = True
    PERMANENT_SESSION_LIFETIME = 8 * 3600
    WTF_CSRF_TIME_LIMIT = 8 * 3600
    #: no ``pool_pre_ping``: survey.database asks a pooled connection only when it may be dead
    SQLALCHEMY_ENGINE_OPTIONS = {}
    TAALCHECK_MAX_WORDS = 15  # the taalcheck flags longer sentences
    TAALCHECK_MAX_WORD_LENGTH = 15  # … and longer words (letters)


def load_config(app, test_config=None):
    """Fill app.config from defaults, the instance folder, the environment and test_config."""
    app.config.from_object(Defaults)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env(prefix="SURVEY")
    if test_config:
        app.config.update(test_config)
    os.makedirs(app.instance_path, exist_ok=True)
    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = _instance_secret(Path(app.instance_path) / "secret_key")
    url = app.config.get("SQLALCHEMY_DATABASE_URI") or app.config["DATABASE_URL"]
    if not url:
        url = "sqlite:///" + str(Path(app.instance_path) / "survey.sqlite3")
    app.config["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(url)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(PROJECT_ROOT / "translations")
    app.config["RATELIMIT_HEADERS_ENABLED"] = False


def normalise_database_url(url: str) -> str:
    """Accept postgres:// and postgresql:// and use the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _instance_secret(path: Path) -> str:
    """A random key kept in the instance folder, so a laptop setup needs no configuration."""
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()
