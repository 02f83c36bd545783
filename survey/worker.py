"""Entry point for a job consumer process: ``huey_consumer survey.worker.huey``.

This process is the consumer: an embedded one (SURVEY_JOBS_EMBEDDED=1 left in the environment) would run
the same jobs twice and hold the signals that stop it."""

from survey import create_app
from survey.jobs import huey

app = create_app({"JOBS_EMBEDDED": False})

__all__ = ["app", "huey"]
