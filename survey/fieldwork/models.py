"""The participation ledger: who was invited, reminded, started and finished — kept apart from answers.

An invitation never points at a response and a response never points at an invitation. The
personal token itself is not stored: only its hash, for looking it up when the respondent comes in.
Contact data are deleted when fieldwork closes, and with them everything the ledger says per invitee (see
``survey.closing``): only the survey and the hashes of the link and code stay.
"""

import enum
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from survey.database import RANDOM_ORDER, Base, enum_column
from survey.timeutil import utcnow


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
    #: the invitee sent at least one step (*gestart*); no date, so the ledger cannot be lined up with
    #: the order in which responses were stored (the days are counted in ``participation_day``)
    started: Mapped[bool] = mapped_column(default=False)
    #: the invitee finished (*afgerond*); no date, as for ``started``
    completed: Mapped[bool] = mapped_column(default=False)
    #: the way the invitee started: "link" or "code" (*gestart via*); the other way then says "use the
    #: first one". Set together with ``started`` by a ledger batch.
    started_route: Mapped[str | None] = mapped_column(sa.String(8))
    #: the invitee asked for no more mail (*afgemeld*)
    opted_out: Mapped[bool] = mapped_column(default=False)
    #: day the contact data were deleted (*contactgegevens verwijderd op*)
    contact_deleted_on: Mapped[date | None]

    def __repr__(self) -> str:
        return f"<Invitation {self.id} survey={self.survey_id}>"

    @property
    def can_respond(self) -> bool:
        """Not finished, and fieldwork not closed (the close clears ``completed`` with every other flag)."""
        return not self.completed and self.contact_deleted_on is None


class ParticipationDay(Base):
    """How many invitees of a survey started and finished on one day: counts only, no invitee.

    Response tracking per day reads these counters; the invitations themselves keep only yes/no, so a
    day with a single starter never points at that starter's row in the ledger.
    """

    __tablename__ = "participation_day"
    __table_args__ = (sa.CheckConstraint("started >= 0 AND completed >= 0", name="counts_not_negative"),)

    survey_id: Mapped[int] = mapped_column(sa.ForeignKey("survey.id", ondelete="CASCADE"), primary_key=True)
    #: the day (*dag*)
    day: Mapped[date] = mapped_column(primary_key=True)
    #: invitees who sent their first step that day (*gestart*)
    started: Mapped[int] = mapped_column(default=0)
    #: invitees who finished that day (*afgerond*)
    completed: Mapped[int] = mapped_column(default=0)

    def __repr__(self) -> str:
        return f"<ParticipationDay survey={self.survey_id} {self.day} {self.started}/{self.completed}>"


class LedgerPending(Base):
    """A start or completion not yet written on the invitation: the bridge until the next ledger batch.

    ``entry`` is an HMAC of the invitation under the ledger key (``LEDGER_KEY``, from the environment in
    production), so the database alone cannot say whose entry it is. It is written in a short transaction
    of its own, never in the one that stores answers, and it keeps no time. A batch moves the entries of at
    least k invitees onto their invitations at once, in random order, and deletes them (see
    ``survey.fieldwork.ledger``).
    """

    __tablename__ = "ledger_pending"
    #: stored in the order of the HMAC, not in a rowid that counts up entry after entry
    __table_args__ = (RANDOM_ORDER,)

    entry: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    survey_id: Mapped[int] = mapped_column(sa.ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    #: the invitee started by "link" or "code" (None: the start is already on the invitation)
    started_route: Mapped[str | None] = mapped_column(sa.String(8))
    #: the invitee finished
    completed: Mapped[bool] = mapped_column(default=False)
    #: the invitee sent the last step or the check page (set before the completion is committed): if the
    #: request dies after that commit, the next visit of the same link sees no unfinished response and
    #: marks the completion then
    finishing: Mapped[bool] = mapped_column(default=False)

    def __repr__(self) -> str:
        return f"<LedgerPending survey={self.survey_id}>"


class LetterKind(enum.StrEnum):
    INVITATION = "invitation"  # *uitnodiging*
    REMINDER = "reminder"  # *herinnering*


class FieldworkSettings(Base):
    """How fieldwork of one survey runs: reminders, mail and letter texts, and when it closed."""

    __tablename__ = "fieldwork_settings"
    __table_args__ = (
        sa.CheckConstraint("max_reminders >= 0 AND max_reminders <= 5", name="max_reminders_range"),
        sa.CheckConstraint("reminder_interval_days >= 1", name="reminder_interval_positive"),
    )

    survey_id: Mapped[int] = mapped_column(sa.ForeignKey("survey.id", ondelete="CASCADE"), primary_key=True)
    #: at most this many reminders per invitee (*maximaal aantal herinneringen*)
    max_reminders: Mapped[int] = mapped_column(default=2)
    #: at least this many days between invitation and reminder, and between reminders (*dagen tussen herinneringen*)
    reminder_interval_days: Mapped[int] = mapped_column(default=7)
    #: texts per kind (invitation, reminder, letter) and language: {"invitation": {"nl": {"subject", "body"}}}
    #: (*teksten*); missing entries use the built-in texts
    templates: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    #: also send a printed letter to invitees who have an e-mail address (*ook een brief bij e-mail*)
    letters_for_email_invitees: Mapped[bool] = mapped_column(default=False)
    #: day fieldwork closed and contact data were deleted (*veldwerk gesloten op*)
    closed_on: Mapped[date | None]
    #: day the answers were deleted after the retention period (*antwoorden verwijderd op*)
    answers_purged_on: Mapped[date | None]
    #: the round's figures as they stood at the close (*cijfers bij het sluiten*): the tracking tables, the
    #: response totals and per category, as the pages showed them (protected, counts only). Once the close
    #: has cleared the invitation rows the pages read these; each stage keeps its own key (``survey.closing``)
    closing_figures: Mapped[dict | None] = mapped_column(sa.JSON(none_as_null=True))

    def __repr__(self) -> str:
        return f"<FieldworkSettings survey={self.survey_id}>"


class LetterBatch(Base):
    """A printable PDF of letters with personal QR codes: a temporary download, deleted when fieldwork closes.

    The letters hold the personal codes in readable form, so the file is kept only until staff delete it
    or fieldwork closes. Making letters again gives the invitees new codes; the old letters stop working.
    """

    __tablename__ = "letter_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(sa.ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    #: invitation or reminder letters (*soort*)
    kind: Mapped[LetterKind] = mapped_column(enum_column(LetterKind))
    #: when the batch was made (*gemaakt op*)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    #: number of letters (*aantal brieven*)
    letter_count: Mapped[int] = mapped_column(default=0)
    #: all letters in one PDF, one A4 page each (*alle brieven*)
    pdf: Mapped[bytes | None] = mapped_column(sa.LargeBinary, deferred=True)
    #: a zip with one PDF per invitee (*brieven los*)
    archive: Mapped[bytes | None] = mapped_column(sa.LargeBinary, deferred=True)

    def __repr__(self) -> str:
        return f"<LetterBatch {self.id} survey={self.survey_id} {self.kind} n={self.letter_count}>"
