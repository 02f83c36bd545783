"""The participation ledger: who was invited, reminded, started and finished — kept apart from answers.

An invitation never points at a response and a response never points at an invitation. The
personal token itself is not stored: only its hash, for looking it up when the respondent comes in.
Contact data are deleted when fieldwork closes.
"""

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from survey.database import Base


class Invitation(Base):
    """One invitee of one survey."""

    __tablename__ = "invitation"

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(sa.ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    #: SHA-256 of the personal link token (the token itself is only in the mail or letter)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    #: SHA-256 of the short code printed on the letter, typed by hand
    short_code_hash: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    #: e-mail address (*e-mailadres*); deleted when fieldwork closes
    email: Mapped[str | None] = mapped_column(sa.String(254))
    #: postal address lines (*postadres*); deleted when fieldwork closes
    postal_address: Mapped[str | None] = mapped_column(sa.Text)
    #: preferred language of the invitee (*taal*)
    language: Mapped[str] = mapped_column(sa.String(8), default="nl")
    #: coarse background variables from the contact file (gemeente, kind of help, age band, role)
    background: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    #: day the invitation was sent (*uitgenodigd op*)
    invited_on: Mapped[date | None]
    #: number of reminders sent (*herinneringen*)
    reminder_count: Mapped[int] = mapped_column(default=0)
    #: day of the last reminder (*laatste herinnering*)
    last_reminded_on: Mapped[date | None]
    #: day the invitee first answered (*gestart op*)
    started_on: Mapped[date | None]
    #: day the invitee finished (*afgerond op*)
    completed_on: Mapped[date | None]
    #: the invitee asked for no more mail (*afgemeld*)
    opted_out: Mapped[bool] = mapped_column(default=False)
    #: day the contact data were deleted (*contactgegevens verwijderd op*)
    contact_deleted_on: Mapped[date | None]

    def __repr__(self) -> str:
        return f"<Invitation {self.id} survey={self.survey_id}>"

    @property
    def can_respond(self) -> bool:
        return self.completed_on is None
