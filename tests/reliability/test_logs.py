"""No log line of a whole round holds a personal link token, a short code, an e-mail address or answer
text: import and invitations (the application's and the job queue's loggers), answers through gunicorn
with the documented ``gunicorn.conf.py`` and through the development server (werkzeug), a reminder, and
closing fieldwork by a staff member."""

import logging
import re
import threading
from datetime import date, timedelta

import pytest
from werkzeug.serving import make_server

from bench.load import answer_all
from tests.helpers import TEST_PASSWORD
from tests.reliability.browser import Browser, forms_of
from tests.reliability.server import add_staff, app_for, free_port, seed_ceo

SHORT_CODE = re.compile(r"\b[A-Z2-9]{5}-[A-Z2-9]{5}\b")


class Capture(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record):
        self.lines.append(self.format(record))


@pytest.fixture
def captured():
    """Every log record of this process at INFO and above, as production logs it (no SQL echo)."""
    handler = Capture()
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    yield handler
    root.removeHandler(handler)
    root.setLevel(old_level)


def dev_server(database_url):
    """The development server (werkzeug) on a free port, for a few of the respondents."""
    app = app_for(database_url)
    server = make_server("127.0.0.1", free_port(), app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.mark.slow
def test_no_log_line_of_a_whole_round_holds_a_token_an_address_or_an_answer(live_database, start_server, captured):
    from survey import mail
    from survey.extensions import db
    from survey.fieldwork import sending
    from survey.questionnaires.models import Survey

    seed = seed_ceo(live_database, 8, display_mode="all_on_one_page")
    server = start_server(live_database, workers=2)
    dev = dev_server(live_database)
    try:
        base_dev = f"http://127.0.0.1:{dev.server_port}"
        answered = answer_all(server.url, seed.links[:4], timeout=120)
        answered += answer_all(base_dev, seed.links[4:6], timeout=120, seed=7)
    finally:
        dev.shutdown()
        with dev.app.app_context():
            db.engine.dispose()
    assert all(r.completed for r in answered)

    app = app_for(live_database)  # the daily reminder job, a week later, with the real job code
    with app.app_context(), app.test_request_context():
        mail.outbox.clear()
        survey = db.session.get(Survey, seed.survey_id)
        survey.min_cell = 5  # the six who finished are one ledger batch, applied before the reminders go out
        sending.remind(survey, date.today() + timedelta(days=8))
        db.session.commit()
        reminders = [m.get_content() for m in mail.outbox]
        mail.outbox.clear()
        db.session.remove()
        db.engine.dispose()
    assert len(reminders) == 2  # the two who did not answer

    staff = Browser(server.url)
    staff.login(add_staff(live_database, "onderzoeker@example.org"), TEST_PASSWORD)
    close = staff.get(f"/beheer/{seed.region_slug}/vragenlijsten/{seed.survey_id}/veldwerk/sluiten")
    done = staff.submit(close, forms_of(close.body)[-1])
    assert done.status == 302

    logs = "\n".join(captured.lines)
    logs += server.access_log.read_text() + server.error_log.read_text()
    assert "GET /r/…" in logs and "POST /r/…" in logs  # gunicorn's access log
    assert re.search(r'werkzeug INFO .*"GET /r/… HTTP', logs)  # the development server's
    assert "mail_invitee_job" in logs  # the job queue's
    secrets = [link[3:] for link in seed.links] + re.findall(r"/r/(\S+)", " ".join(reminders))
    assert len(secrets) == 10 and not [s for s in secrets if s in logs]
    assert not SHORT_CODE.search(logs)
    assert "@example.nl" not in logs and not [e for e in seed.emails if e in logs]
    assert "respondent-" not in logs and "de hulp was" not in logs  # the answers' text
