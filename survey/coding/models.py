"""Codebooks, themes and the codes given to open answers, each with its provenance.

Provenance: ``regel`` (a codebook seed word matched), ``model`` (a classifier, with its probability)
or ``mens`` (a human coder). A code a human confirmed is ``verified``; human codes always win.
"""

import enum
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey.database import RANDOM_ORDER, Base, enum_column, random_id_column
from survey.timeutil import utcnow


class Source(enum.StrEnum):
    RULE = "regel"
    MODEL = "model"
    HUMAN = "mens"


class Sentiment(enum.StrEnum):
    POSITIVE = "positief"
    NEGATIVE = "negatief"
    MIXED = "gemengd"
    NEUTRAL = "neutraal"
    UNKNOWN = "onbekend"


class RemarkKind(enum.StrEnum):
    COMPLIMENT = "compliment"
    CONCERN = "zorg"
    SUGGESTION = "suggestie"
    OBSERVATION = "observatie"
    QUESTION = "vraag"


class Codebook(Base):
    """A set of themes, used by one or more open questions and reusable in later rounds."""

    __tablename__ = "codebook"

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(sa.ForeignKey("region.id", ondelete="CASCADE"), index=True)
    #: name (*codeboek*)
    name: Mapped[str] = mapped_column(sa.String(120))
    #: what it is for, free text (*omschrijving*)
    description: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    #: the region lets the theme model learn from the checked answers of every survey using this codebook,
    #: not only from earlier rounds of the same series (*leren van andere vragenlijsten*)
    learn_from_other_surveys: Mapped[bool] = mapped_column(default=False, server_default=sa.false())

    themes: Mapped[list["Theme"]] = relationship(
        back_populates="codebook", cascade="all, delete-orphan", order_by="Theme.position"
    )

    def __repr__(self) -> str:
        return f"<Codebook {self.id} {self.name!r}>"


class QuestionCodebook(Base):
    """Which codebook codes the answers to an open question (item code) of a survey."""

    __tablename__ = "question_codebook"
    __table_args__ = (sa.UniqueConstraint("survey_id", "item_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(sa.ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    #: the open question's item code (*itemcode*)
    item_code: Mapped[str] = mapped_column(sa.String(20))
    codebook_id: Mapped[int] = mapped_column(sa.ForeignKey("codebook.id", ondelete="CASCADE"), index=True)
    #: probability from which model suggestions are accepted automatically (*drempel*); empty: never
    auto_threshold: Mapped[float | None]

    codebook: Mapped[Codebook] = relationship()


class Theme(Base):
    """A theme of a codebook."""

    __tablename__ = "theme"
    __table_args__ = (sa.UniqueConstraint("codebook_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    codebook_id: Mapped[int] = mapped_column(sa.ForeignKey("codebook.id", ondelete="CASCADE"), index=True)
    #: short stable key, e.g. wachttijd (*code*)
    key: Mapped[str] = mapped_column(sa.String(60))
    #: label shown to coders and in reports (*thema*)
    label: Mapped[str] = mapped_column(sa.String(120))
    #: what belongs to it (*omschrijving*)
    description: Mapped[str] = mapped_column(sa.Text, default="")
    #: optional parent theme (*hoofdthema*)
    parent_id: Mapped[int | None] = mapped_column(sa.ForeignKey("theme.id", ondelete="SET NULL"))
    #: seed words matched on lemmas (*zoekwoorden*)
    seed_words: Mapped[list] = mapped_column(sa.JSON, default=list)
    #: example answers (*voorbeelden*)
    examples: Mapped[list] = mapped_column(sa.JSON, default=list)
    #: order in the codebook; also the number key in the coding screen
    position: Mapped[int] = mapped_column(default=0)

    codebook: Mapped[Codebook] = relationship(back_populates="themes")

    def __repr__(self) -> str:
        return f"<Theme {self.key}>"


class CodedAnswer(Base):
    """The coding state of one open answer: verified or not, its sentiment and its kind of remark."""

    __tablename__ = "coded_answer"
    #: the rows of one scrubbing batch are made together, batch after batch as responses complete: stored in
    #: the order of the (random) answer id, not in the order they were made
    __table_args__ = (RANDOM_ORDER,)

    answer_id: Mapped[int] = mapped_column(
        sa.BigInteger, sa.ForeignKey("answer.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    survey_id: Mapped[int] = mapped_column(sa.ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    #: the open question's item code, repeated here for fast filtering
    item_code: Mapped[str] = mapped_column(sa.String(20), index=True)
    #: a human confirmed the set of themes (*gecontroleerd*)
    verified: Mapped[bool] = mapped_column(default=False)
    #: who confirmed it
    verified_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    #: sentiment of the answer (*sentiment*)
    sentiment: Mapped[Sentiment] = mapped_column(enum_column(Sentiment), default=Sentiment.UNKNOWN)
    #: where the sentiment came from
    sentiment_source: Mapped[Source] = mapped_column(enum_column(Source), default=Source.RULE)
    #: the model's probability for the sentiment, if a model gave it
    sentiment_probability: Mapped[float | None]
    #: how sure the model is of the whole set of themes: its least sure theme decision (*zekerheid model*)
    model_confidence: Mapped[float | None]
    #: optimistic lock: two coders on the same answer never overwrite each other silently
    lock_version: Mapped[int] = mapped_column(default=1)

    codes: Mapped[list["AnswerCode"]] = relationship(cascade="all, delete-orphan", back_populates="coded")
    kinds: Mapped[list["AnswerKind"]] = relationship(cascade="all, delete-orphan", back_populates="coded")

    __mapper_args__ = {"version_id_col": lock_version}


class AnswerCode(Base):
    """A theme given to an open answer, with provenance."""

    __tablename__ = "answer_code"
    __table_args__ = (sa.UniqueConstraint("answer_id", "theme_id"), RANDOM_ORDER)

    id: Mapped[int] = random_id_column()  # random: rows are made batch after batch as responses complete
    answer_id: Mapped[int] = mapped_column(
        sa.BigInteger, sa.ForeignKey("coded_answer.answer_id", ondelete="CASCADE"), index=True
    )
    theme_id: Mapped[int] = mapped_column(sa.ForeignKey("theme.id", ondelete="CASCADE"), index=True)
    #: regel, model or mens (*herkomst*)
    source: Mapped[Source] = mapped_column(enum_column(Source))
    #: the model's probability (source model only)
    probability: Mapped[float | None]
    #: a human confirmed this code (*gecontroleerd*)
    verified: Mapped[bool] = mapped_column(default=False)
    #: the human who gave or confirmed it
    coder_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    #: the day the code was given (*gegeven op*): a day, never a time, as everywhere beside an answer
    created_on: Mapped[date] = mapped_column(default=lambda: utcnow().date())

    coded: Mapped[CodedAnswer] = relationship(back_populates="codes")
    theme: Mapped[Theme] = relationship()


class AnswerKind(Base):
    """A kind of remark (compliment, zorg, suggestie, observatie, vraag) of an open answer."""

    __tablename__ = "answer_kind"
    __table_args__ = (sa.UniqueConstraint("answer_id", "kind"), RANDOM_ORDER)

    id: Mapped[int] = random_id_column()  # random: rows are made batch after batch as responses complete
    answer_id: Mapped[int] = mapped_column(
        sa.BigInteger, sa.ForeignKey("coded_answer.answer_id", ondelete="CASCADE"), index=True
    )
    #: the kind of remark (*soort opmerking*)
    kind: Mapped[RemarkKind] = mapped_column(enum_column(RemarkKind))
    source: Mapped[Source] = mapped_column(enum_column(Source))
    probability: Mapped[float | None]
    verified: Mapped[bool] = mapped_column(default=False)

    coded: Mapped[CodedAnswer] = relationship(back_populates="kinds")


class SecondCoding(Base):
    """A second coder's independent themes for an answer in the double-coding sample."""

    __tablename__ = "second_coding"
    __table_args__ = (sa.UniqueConstraint("answer_id", "coder_id"), RANDOM_ORDER)

    id: Mapped[int] = random_id_column()  # random: rows are made batch after batch as responses complete
    answer_id: Mapped[int] = mapped_column(
        sa.BigInteger, sa.ForeignKey("coded_answer.answer_id", ondelete="CASCADE"), index=True
    )
    coder_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    #: keys of the themes the second coder chose; empty until coded
    theme_keys: Mapped[list] = mapped_column(sa.JSON, default=list)
    #: whether the second coder has coded it
    done: Mapped[bool] = mapped_column(default=False)
    #: the first coder's theme keys when the second coder finished, so agreement stays what it was
    first_theme_keys: Mapped[list | None] = mapped_column(sa.JSON)
    #: a disagreement between the coders has been discussed and settled (*opgelost*)
    resolved: Mapped[bool] = mapped_column(default=False)


class ScrubKind(enum.StrEnum):
    PROVIDER = "zorgaanbieder"
    SCHOOL = "school"
    PLACE = "plaats"
    OTHER = "overig"


class ScrubTerm(Base):
    """A local name that scrubbing removes from open answers in one region (provider, school, place)."""

    __tablename__ = "scrub_term"
    __table_args__ = (sa.UniqueConstraint("region_id", "kind", "term"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(sa.ForeignKey("region.id", ondelete="CASCADE"), index=True)
    #: what kind of name it is (*soort*)
    kind: Mapped[ScrubKind] = mapped_column(enum_column(ScrubKind))
    #: the name as people write it (*naam*)
    term: Mapped[str] = mapped_column(sa.String(120))

    def __repr__(self) -> str:
        return f"<ScrubTerm {self.kind} {self.term!r}>"


class ScrubQueued(Base):
    """A survey whose de-identification batch is queued and has not started: a completion queues no second
    batch meanwhile (``survey.coding.jobs.queue_scrub``). It names the survey only, never a response."""

    __tablename__ = "scrub_queued"

    survey_id: Mapped[int] = mapped_column(sa.ForeignKey("survey.id", ondelete="CASCADE"), primary_key=True)


class RunKind(enum.StrEnum):
    MODEL = "model"
    TOPICS = "themas"


class RunStatus(enum.StrEnum):
    QUEUED = "wachtrij"
    DONE = "klaar"
    TOO_FEW = "te_weinig"
    FAILED = "mislukt"


class AnalysisRun(Base):
    """One background run for an open question: training the model, or looking for new themes."""

    __tablename__ = "coding_run"
    __table_args__ = (sa.Index("ix_coding_run_question", "survey_id", "item_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(sa.ForeignKey("survey.id", ondelete="CASCADE"))
    #: the open question's item code (*itemcode*)
    item_code: Mapped[str] = mapped_column(sa.String(20))
    #: model training or new-theme suggestions (*soort*)
    kind: Mapped[RunKind] = mapped_column(enum_column(RunKind))
    #: queued, done, too few human codes, or failed (*status*)
    status: Mapped[RunStatus] = mapped_column(enum_column(RunStatus), default=RunStatus.QUEUED)
    #: who asked for it; empty for a scheduled run
    requested_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    #: figures only (counts, curve, precision and recall, topic terms and scrubbed examples)
    result: Mapped[dict] = mapped_column(sa.JSON, default=dict)

    def __repr__(self) -> str:
        return f"<AnalysisRun {self.id} {self.kind} {self.status}>"
