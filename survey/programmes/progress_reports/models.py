"""What happens in the projects: progress reports on the programme's schedule, the reminders sent for
them, and qualitative statements from interviews, a heimiddag or an effectenarena."""

import enum
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey.accounts.models import User
from survey.database import Base, enum_column
from survey.programmes.models import Programme, Project
from survey.timeutil import utcnow


class ProgressStatus(enum.StrEnum):
    """The project leader's verdict on a report round (*status*)."""

    ON_TRACK = "op_koers"
    ATTENTION = "aandacht_nodig"
    RISK = "risico"


class ProgressReport(Base):
    """A *voortgangsrapportage*: one per project per report round (e.g. round "2026-04")."""

    __tablename__ = "progress_report"
    __table_args__ = (sa.UniqueConstraint("project_id", "round"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(sa.ForeignKey("project.id", ondelete="CASCADE"), index=True)
    #: the scheduled month it reports for, "2026-04" (*rapportageronde*)
    round: Mapped[str] = mapped_column(sa.String(7))
    #: on track, needs attention or at risk (*status*)
    status: Mapped[ProgressStatus] = mapped_column(enum_column(ProgressStatus))
    #: results since the last report (*resultaten*)
    results: Mapped[str] = mapped_column(sa.Text, default="")
    #: successes (*successen*)
    successes: Mapped[str] = mapped_column(sa.Text, default="")
    #: obstacles, and why the status is what it is (*knelpunten*)
    obstacles: Mapped[str] = mapped_column(sa.Text, default="")
    #: next steps (*volgende stappen*)
    next_steps: Mapped[str] = mapped_column(sa.Text, default="")
    #: who filled it in
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    #: first submitted (*ingediend op*)
    submitted_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    #: last changed (*gewijzigd op*)
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    project: Mapped[Project] = relationship()
    author: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<ProgressReport {self.project_id}:{self.round}>"

    @property
    def region_id(self) -> int:
        return self.project.region_id


class ProgressReminder(Base):
    """A reminder e-mail sent for a missing report: at most one per project per round."""

    __tablename__ = "progress_reminder"
    __table_args__ = (sa.UniqueConstraint("project_id", "round"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(sa.ForeignKey("project.id", ondelete="CASCADE"), index=True)
    #: the report round it was about (*rapportageronde*)
    round: Mapped[str] = mapped_column(sa.String(7))
    #: the project leader it went to
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    #: when (*verstuurd op*)
    sent_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    def __repr__(self) -> str:
        return f"<ProgressReminder {self.project_id}:{self.round}>"


class NoteKind(enum.StrEnum):
    """What a statement says (*soort*), as in the stakeholder-enquête."""

    PROUD = "trots_op"
    WORKS = "werkt_goed"
    ATTENTION = "aandacht"
    NOTABLE = "opvallend"


class NoteSource(enum.StrEnum):
    """Where a statement was heard (*bron*)."""

    INTERVIEW = "interview"
    AFTERNOON = "heimiddag"
    ARENA = "effectenarena"
    OTHER = "overig"


class Note(Base):
    """A qualitative statement about a project or the whole programme (*uitspraak*)."""

    __tablename__ = "programme_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(sa.ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    #: the project it is about; empty for the programme as a whole (*project*)
    project_id: Mapped[int | None] = mapped_column(sa.ForeignKey("project.id", ondelete="CASCADE"), index=True)
    #: proud of, works well, needs attention, notable (*soort*)
    kind: Mapped[NoteKind] = mapped_column(enum_column(NoteKind))
    #: the statement (*uitspraak*); raw text, may hold names: scrub before quoting in a report
    text: Mapped[str] = mapped_column(sa.Text)
    #: kind of session (*bron*)
    source_type: Mapped[NoteSource] = mapped_column(enum_column(NoteSource))
    #: which session, e.g. "Heimiddag projectleiders" (*bijeenkomst*)
    source: Mapped[str] = mapped_column(sa.String(200), default="")
    #: the day it was said (*datum*)
    noted_on: Mapped[date]
    #: who entered it
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    #: when it was entered
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    programme: Mapped[Programme] = relationship()
    project: Mapped[Project | None] = relationship()

    def __repr__(self) -> str:
        return f"<Note {self.id} {self.kind}>"

    @property
    def region_id(self) -> int:
        return self.programme.region_id
