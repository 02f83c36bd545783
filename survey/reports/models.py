"""The reports' own state: the grouped answer counts of a round (``ResultsCache``) and the researcher's
judgement that a changed wording is cosmetic (``CosmeticWording``). API tokens: ``api/models.py``.
"""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from survey.database import Base
from survey.timeutil import utcnow


class ResultsCache(Base):
    """The answer counts of a round, grouped by respondent profile, kept until the round's data change.

    Counting a large round means reading every answer row; the grouped counts are small (profiles x items
    x answer codes) and serve every view of the round: filters, breakdowns, the factsheet and the API.
    ``fingerprint`` summarises the completed responses and the questionnaire version; a different
    fingerprint means the counts are made again. The counts hold no text and nothing per person.
    """

    __tablename__ = "results_cache"

    survey_id: Mapped[int] = mapped_column(sa.ForeignKey("survey.id", ondelete="CASCADE"), primary_key=True)
    #: what the counts were made from (number of completed responses, their versions, the document)
    fingerprint: Mapped[str] = mapped_column(sa.String(200))
    #: the grouped counts: [[language, background, item code, instance, answer code, count], ...]
    counts: Mapped[list] = mapped_column(sa.JSON, default=list)
    #: when the counts were made
    built_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    def __repr__(self) -> str:
        return f"<ResultsCache survey={self.survey_id}>"


class CosmeticWording(Base):
    """A researcher's judgement that an item's changed wording in this round is cosmetic: the trend then
    tests it against the round before as before (*wijziging is cosmetisch*)."""

    __tablename__ = "cosmetic_wording"

    survey_id: Mapped[int] = mapped_column(sa.ForeignKey("survey.id", ondelete="CASCADE"), primary_key=True)
    #: the item code whose new wording asks the same thing
    item_code: Mapped[str] = mapped_column(sa.String(60), primary_key=True)
    #: who judged it, and when
    marked_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    marked_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    def __repr__(self) -> str:
        return f"<CosmeticWording {self.survey_id}:{self.item_code}>"
