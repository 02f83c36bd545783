"""The experience-research platform for Dutch youth-care regions."""

import functools

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
    _remember_sync_functions(app)
    return app


def _remember_sync_functions(app: Flask) -> None:
    """Flask asks, for every hook and view of every request, whether the function is a coroutine; the
    answer for a function never changes, so it is worked out once per function (the first 512 kept)."""
    worked_out = app.ensure_sync
    known: dict = {}

    def ensure_sync(func):
        try:
            return known[func]
        except KeyError:
            result = worked_out(func)
            if len(known) < 512:  # hooks and views; a callback made per request is not kept for long
                known[func] = result
            return result
        except TypeError:  # not hashable: as Flask does it
            return worked_out(func)

    app.ensure_sync = ensure_sync


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
    _skip_limiter_hook_where_self_limited(app, limiter)
    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = None
    login_manager.session_protection = "strong"
    login_manager.user_loader(load_user)
    _lazy_current_user(app)
    register_i18n(app)
    register_static_files(app)


def _skip_limiter_hook_where_self_limited(app: Flask, limiter) -> None:
    """The limiter extension's hooks do their work for every request, also for a view it exempts; a view
    that checks its own limits (``SELF_LIMITED_ENDPOINTS``) skips them: without the before-request check
    its request has no limit of the extension's to report in headers, deduct afterwards or forget."""
    from flask import request

    from survey.extensions import SELF_LIMITED_ENDPOINTS

    hooks = app.before_request_funcs.setdefault(None, [])
    check = limiter._check_request_limit  # noqa: SLF001 - the hook the extension registered
    if check not in hooks:
        return

    def check_request_limit():
        if request.endpoint in SELF_LIMITED_ENDPOINTS:
            return None
        return check()

    hooks[hooks.index(check)] = check_request_limit
    after = app.after_request_funcs.setdefault(None, [])
    for index, hook in enumerate(after):
        if isinstance(hook, functools.partial) and hook.args == (limiter,):  # the extension's header hook
            after[index] = _unless_self_limited(hook, lambda response: response)
    teardown = app.teardown_request_funcs.setdefault(None, [])
    release = limiter._Limiter__release_context  # noqa: SLF001 - the hook the extension registered
    if release in teardown:
        teardown[teardown.index(release)] = _unless_self_limited(release, lambda error=None: None)


def _unless_self_limited(hook, instead):
    """``hook``, or ``instead`` for a view that checks its own limits."""
    from flask import request

    from survey.extensions import SELF_LIMITED_ENDPOINTS

    def run(*args):
        return (instead if request.endpoint in SELF_LIMITED_ENDPOINTS else hook)(*args)

    return run


def _lazy_current_user(app: Flask) -> None:
    """Templates get ``current_user`` as Flask-Login's proxy, loaded when a template reads it, instead of
    Flask-Login's context processor that loads it for every page. A respondent's page never reads it, so
    its session is not touched by the staff login's session protection (which otherwise cleared the
    staff keys, re-signed the session cookie and deleted the remember cookie on every respondent page)."""
    from flask_login.utils import _user_context_processor

    processors = app.template_context_processors[None]
    if _user_context_processor in processors:
        processors[processors.index(_user_context_processor)] = _current_user_proxy


def _current_user_proxy() -> dict:
    from flask_login import current_user

    return {"current_user": current_user}


def register_security_layer(app: Flask) -> None:
    from survey.security import register_security

    register_security(app)


def register_blueprints(app: Flask) -> None:
    """Every stage that serves pages has a ``blueprint.py``: its Blueprint objects, and ``blueprints()``, which
    imports the stage's view modules (so their routes attach) and returns them. They are registered here, in
    the order of the data flow, and nowhere else."""
    from survey.accounts import blueprint as accounts
    from survey.audit import blueprint as audit
    from survey.coding import blueprint as coding
    from survey.evaluations import blueprint as evaluations
    from survey.fieldwork import blueprint as fieldwork
    from survey.programmes import blueprint as programmes
    from survey.questionnaires import blueprint as questionnaires
    from survey.reports import blueprint as reports
    from survey.responses import blueprint as responses
    from survey.site import blueprint as site

    stages = (site, accounts, audit, questionnaires, programmes, fieldwork, responses, coding, evaluations, reports)
    for stage in stages:
        for blueprint in stage.blueprints():
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
