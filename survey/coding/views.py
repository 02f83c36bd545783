"""The coding stage's staff blueprint: importing the view modules registers their routes on it."""

from survey.coding import views_agreement, views_answers, views_codebooks, views_models  # noqa: F401 (routes)
from survey.coding.blueprint import bp

__all__ = ["bp"]
