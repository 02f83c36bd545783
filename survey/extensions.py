"""Extensions, created unbound; create_app binds them."""

from flask_babel import Babel
from flask_compress import Compress
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect

from survey.database import Base

db = SQLAlchemy(model_class=Base)
migrate = Migrate()
login_manager = LoginManager()
babel = Babel()
csrf = CSRFProtect()
compress = Compress()
limiter = Limiter(key_func=get_remote_address, default_limits=[])

#: endpoints exempt from the limiter extension that check their own limits (a respondent's question screen:
#: ``survey.responses.views.refuse_guesser``); the extension's per-request hook is not run for them
SELF_LIMITED_ENDPOINTS: set[str] = set()
