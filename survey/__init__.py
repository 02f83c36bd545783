"""The experience-research platform for Dutch youth-care regions."""

from flask import Flask


def create_app(test_config=None) -> Flask:
    """Build the application: configuration, extensions, security, blueprints, commands."""
    app = Flask(__name__, instance_relative_config=True)
    from survey.config import load_config

    load_config(app, test_config)
    register_extensions(app)
    register_security_layer(app)
    register_blueprints(app)
    register_errors(app)
    register_templates(app)
    register_commands(app)
    register_jobs(app)
    return app


def register_extensions(app: Flask) -> None:
    from survey.accounts.services import load_user
    from survey.database import import_models
    from survey.extensions import csrf, db, limiter, login_manager, migrate
    from survey.i18n import register_i18n
    from survey.static_files import register_static_files

    import_models()
    db.init_app(app)
    migrate.init_app(app, db, directory=str(_migrations_dir()), render_as_batch=True)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = None
    login_manager.session_protection = "strong"
    login_manager.user_loader(load_user)
    register_i18n(app)
    register_static_files(app)


def register_security_layer(app: Flask) -> None:
    from survey.security import register_security

    register_security(app)


def register_blueprints(app: Flask) -> None:
    from survey.accounts.views import bp as accounts_public
    from survey.accounts.views import staff as accounts_staff
    from survey.audit.views import bp as audit
    from survey.coding.views import bp as coding
    from survey.evaluations import blueprints as evaluation_blueprints
    from survey.fieldwork.letter_views import bp as letters
    from survey.fieldwork.poll_views import bp as polls
    from survey.fieldwork.poll_views import public as poll_link
    from survey.fieldwork.public import bp as optout
    from survey.fieldwork.views import bp as fieldwork
    from survey.programmes import blueprint as programmes_blueprint
    from survey.questionnaires import views_builder, views_exchange, views_languages, views_lists, views_series  # noqa: F401
    from survey.questionnaires.views import bp as questionnaires
    from survey.reports import odata  # noqa: F401 - OData routes on the API blueprint
    from survey.reports.api import bp as api
    from survey.reports.export_views import bp as exports
    from survey.reports.token_views import bp as api_tokens
    from survey.reports.views import bp as reports
    from survey.responses import keep_views, staff_views, step_views  # noqa: F401 - routes on the responses blueprint
    from survey.responses.views import bp as responses
    from survey.site.views import bp as site

    for blueprint in (site, accounts_public, accounts_staff, audit, questionnaires, programmes_blueprint(),
                      fieldwork, letters, polls, poll_link, optout, responses, coding,
                      *evaluation_blueprints(), reports, exports, api_tokens, api):
        app.register_blueprint(blueprint)


def register_errors(app: Flask) -> None:
    from survey.site.errors import register_error_handlers

    register_error_handlers(app)


def register_templates(app: Flask) -> None:
    from survey.site.context import register_template_context

    register_template_context(app)


def register_commands(app: Flask) -> None:
    from survey.cli import register_cli

    register_cli(app)


def register_jobs(app: Flask) -> None:
    from survey import jobs

    jobs.init_app(app)


def _migrations_dir():
    from survey.config import PROJECT_ROOT

    return PROJECT_ROOT / "migrations"
