"""Entry point for a job consumer process: ``huey_consumer survey.worker.huey``.

This process is the consumer: an embedded one (SURVEY_JOBS_EMBEDDED=1 left in the environment) would run
the same jobs twice and hold the signals that stop it."""

import gc

from survey import create_app
from survey.jobs import huey

app = create_app({"JOBS_EMBEDDED": False})
# Everything loaded at start lives as long as the consumer (as in wsgi.py): keep it out of every later garbage
# collection, and out of the last one at exit, which otherwise walks it all again after the consumer has stopped
# (0.8 s on an idle machine, more than 3 s on a busy one, between "Consumer exiting" and the process's end).
gc.freeze()

__all__ = ["app", "huey"]
