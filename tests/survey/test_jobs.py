"""Background jobs run after the commit that made their work visible, and never on rollback."""

from survey import mail
from survey.accounts.services import send_mail_job
from survey.jobs import enqueue_after_commit, huey


def test_tests_run_jobs_immediately(app):
    assert huey.immediate


def test_job_runs_only_after_commit(app, db):
    enqueue_after_commit(db.session(), send_mail_job, "a@example.org", "Onderwerp", "Tekst")
    assert mail.outbox == []
    db.session.commit()
    assert [m["To"] for m in mail.outbox] == ["a@example.org"]


def test_job_is_dropped_on_rollback(app, db):
    enqueue_after_commit(db.session(), send_mail_job, "a@example.org", "Onderwerp", "Tekst")
    db.session.rollback()
    db.session.commit()
    assert mail.outbox == []


def test_huey_queue_is_chosen_from_the_environment(tmp_path):
    import subprocess
    import sys

    code = "from survey.jobs import huey; print(type(huey).__name__, huey.storage.filename)"
    env = {"SURVEY_JOBS_URL": f"sqlite:///{tmp_path}/jobs.sqlite3", "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=str(__import__("survey.config").config.PROJECT_ROOT),
    )
    assert out.stdout.split() == ["SqliteHuey", f"{tmp_path}/jobs.sqlite3"]
