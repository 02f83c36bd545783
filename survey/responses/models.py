"""Anonymous responses and their answers.

A response holds no token, invitation id, contact, IP address, user agent or exact time: only the
week it was started, the channel, the language, the version it answered and coarse background
categories. Resuming uses a keyed hash of a secret only the respondent holds (the personal link or a
browser cookie in ``resume_hash``, a resume code in ``resume_code_hash``); both are erased when the
response is completed.
"""

import enum
import secrets
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey.database import RANDOM_ORDER, Base, enum_column, random_id_column


class Channel(enum.StrEnum):
    OPEN_LINK = "open"  # anyone with the open link
    PERSONAL = "personal"  # a personal invitation token
    INTERVIEWER = "interviewer"  # entered by a staff member (telephone interview)
    POLL = "poll"  # live poll


class ResponseStatus(enum.StrEnum):
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"


def new_response_id() -> str:
    """Random ids, so the order of responses says nothing about who answered when (the table is stored in
    the order of its ids: ``RANDOM_ORDER``)."""
    return secrets.token_hex(16)


class Response(Base):
    """One respondent's answers to one survey version."""

    __tablename__ = "response"
    __table_args__ = (RANDOM_ORDER,)

    id: Mapped[str] = mapped_column(sa.String(32), primary_key=True, default=new_response_id)
    survey_id: Mapped[int] = mapped_column(sa.ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    version_id: Mapped[int] = mapped_column(sa.ForeignKey("survey_version.id", ondelete="CASCADE"), index=True)
    #: how the respondent came in (*kanaal*)
    channel: Mapped[Channel] = mapped_column(enum_column(Channel))
    #: language the respondent answered in (*taal*)
    language: Mapped[str] = mapped_column(sa.String(8), default="nl")
    #: in progress or completed (*status*)
    status: Mapped[ResponseStatus] = mapped_column(enum_column(ResponseStatus), default=ResponseStatus.IN_PROGRESS)
    #: Monday of the week the response was started: never an exact date or time (*week*)
    week: Mapped[date]
    #: coarse background categories (gemeente, age band …), only those shared by ≥ k invitees
    background: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    #: keyed hash of the respondent's resume secret; erased on completion
    resume_hash: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    #: keyed hash of the resume code shown to an open-link respondent (*herstelcode*); erased on completion
    resume_code_hash: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    #: keyed hash of the form's start key, so a double-submitted first step makes one response
    start_hash: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    #: index of the next step to show, for resuming where the respondent stopped
    position: Mapped[int] = mapped_column(default=0)
    #: optimistic lock: two tabs on the same link never overwrite each other silently
    lock_version: Mapped[int] = mapped_column(default=1)

    answers: Mapped[list["Answer"]] = relationship(
        back_populates="response", cascade="all, delete-orphan", passive_deletes=True
    )

    __mapper_args__ = {"version_id_col": lock_version}

    def __repr__(self) -> str:
        return f"<Response {self.id[:8]} {self.status}>"


class Answer(Base):
    """The answer to one item (or one statement of a group, or one repetition of a block)."""

    __tablename__ = "answer"
    __table_args__ = (sa.UniqueConstraint("response_id", "item_code", "instance"), RANDOM_ORDER)

    #: random, not a counter: answers are made in the order respondents start (``random_id``)
    id: Mapped[int] = random_id_column()
    response_id: Mapped[str] = mapped_column(sa.ForeignKey("response.id", ondelete="CASCADE"), index=True)
    #: the stable item code, e.g. T1 (*itemcode*)
    item_code: Mapped[str] = mapped_column(sa.String(20), index=True)
    #: the list item of a repeated block (e.g. a project key); empty otherwise
    instance: Mapped[str] = mapped_column(sa.String(40), default="")
    #: the stored answer: an option code, a number, a JSON list of codes, or the open text (raw)
    value: Mapped[str] = mapped_column(sa.Text)
    #: the free text of "anders, namelijk" (raw)
    other_text: Mapped[str | None] = mapped_column(sa.Text)
    #: de-identified copy of the open text; what coders, reports and exports see (*geschoond*)
    scrubbed_text: Mapped[str | None] = mapped_column(sa.Text)

    response: Mapped[Response] = relationship(back_populates="answers")

    def __repr__(self) -> str:
        return f"<Answer {self.item_code}{'/' + self.instance if self.instance else ''}>"
