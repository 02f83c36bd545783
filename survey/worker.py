"""Entry point for a job consumer process: ``huey_consumer survey.worker.huey``."""

from survey import create_app
from survey.jobs import huey

app = create_app()

__all__ = ["app", "huey"]
