"""A *tussenevaluatie*: the chosen sources, the evaluator's texts and statements, the workflow, and
after publication the frozen snapshot with its files.

The draft is computed afresh from the programme and the surveys each time it is shown. Approval stores
everything the report shows (figures, themes, quotes, texts) as JSON in ``snapshot``; publishing publishes
exactly that snapshot and stores the generated HTML, PDF, Word and Excel files in ``evaluation_file``;
neither changes afterwards. Going back to concept drops the approved snapshot.
"""

import enum
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from survey.accounts.models import User
from survey.coding.models import RemarkKind
from survey.database import Base, enum_column
from survey.programmes.models import Programme, Project
from survey.questionnaires.models import Survey
from survey.timeutil import utcnow

#: the scope of the texts about the programme as a whole; a project's scope is "project-<id>"
PROGRAMME_SCOPE = "programma"


def project_scope(project_id: int) -> str:
    return f"project-{project_id}"


class EvaluationStatus(enum.StrEnum):
    """Where the report is in its workflow (*status*)."""

    CONCEPT = "concept"
    APPROVED = "goedgekeurd"
    PUBLISHED = "gepubliceerd"


class Evaluation(Base):
    """A tussenevaluatie of a programme over a period."""

    __tablename__ = "evaluation"
    __table_args__ = (
        sa.CheckConstraint("period_end >= period_start", name="period_in_order"),
        sa.CheckConstraint(
            "status <> 'gepubliceerd' OR (snapshot IS NOT NULL AND published_at IS NOT NULL)",
            name="published_has_snapshot",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: the region that owns it (*regio*)
    region_id: Mapped[int] = mapped_column(sa.ForeignKey("region.id", ondelete="CASCADE"), index=True)
    #: the programme it evaluates (*programma*); kept empty when the programme is deleted later
    programme_id: Mapped[int | None] = mapped_column(sa.ForeignKey("programme.id", ondelete="SET NULL"), index=True)
    #: title on the cover (*titel*)
    title: Mapped[str] = mapped_column(sa.String(200))
    #: first day of the period it covers (*periode van*)
    period_start: Mapped[date]
    #: last day of the period it covers (*periode tot en met*)
    period_end: Mapped[date]
    #: concept, goedgekeurd or gepubliceerd (*status*)
    status: Mapped[EvaluationStatus] = mapped_column(enum_column(EvaluationStatus), default=EvaluationStatus.CONCEPT)
    #: the actielijn chosen for a CEO/PEO item code where the default does not fit (*indeling items*)
    item_lines: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    #: statements grouped under their themes, with counts beside them (*indelen naar thema*); off: one
    #: list of bullets per section
    group_by_theme: Mapped[bool] = mapped_column(default=True, server_default=sa.true())
    #: who made it
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    #: when it was made
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    #: when its content was last changed (*gewijzigd op*)
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    #: the beheerder who approved it after the stuurgroep (*goedgekeurd door*)
    approved_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    #: when it was approved (*goedgekeurd op*)
    approved_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    #: who published it (*gepubliceerd door*)
    published_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    #: when it was published (*gepubliceerd op*)
    published_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    #: everything the report shows, frozen at approval and published as it is (*momentopname*)
    snapshot: Mapped[dict | None] = mapped_column(sa.JSON(none_as_null=True))
    #: optimistic lock: two evaluators saving at once never overwrite each other silently
    lock_version: Mapped[int] = mapped_column(default=1)

    programme: Mapped[Programme | None] = relationship()
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    approved_by: Mapped[User | None] = relationship(foreign_keys=[approved_by_id])
    published_by: Mapped[User | None] = relationship(foreign_keys=[published_by_id])
    survey_links: Mapped[list["EvaluationSurvey"]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    project_links: Mapped[list["EvaluationProject"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="EvaluationProject.position"
    )
    texts: Mapped[list["EvaluationText"]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    notes: Mapped[list["EvaluationNote"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="EvaluationNote.position"
    )
    files: Mapped[list["EvaluationFile"]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    quotes: Mapped[list["EvaluationQuote"]] = relationship(cascade="all, delete-orphan", passive_deletes=True)

    __mapper_args__ = {"version_id_col": lock_version}

    def __repr__(self) -> str:
        return f"<Evaluation {self.id} {self.status}>"

    @validates("snapshot")
    def _freeze(self, key, value):
        if self.status == EvaluationStatus.PUBLISHED and self.snapshot is not None:
            raise ValueError("a published snapshot never changes")
        return value

    @property
    def is_editable(self) -> bool:
        """Only a concept can be changed."""
        return self.status == EvaluationStatus.CONCEPT

    @property
    def surveys(self) -> list[Survey]:
        return [link.survey for link in self.survey_links]

    @property
    def projects(self) -> list[Project]:
        """The chosen projects in the programme's order (set on the programme page), as every output lists them."""
        return sorted((link.project for link in self.project_links), key=lambda p: (p.position, p.id))

    def text_of(self, scope: str, section: str) -> str:
        """The evaluator's text for a section (empty when not written yet)."""
        for text in self.texts:
            if text.scope == scope and text.section == section:
                return text.text
        return ""

    def file(self, fmt: str) -> "EvaluationFile | None":
        return next((f for f in self.files if f.format == fmt), None)


class EvaluationSurvey(Base):
    """A survey round whose results the report uses (stakeholder-enquête, CEO or PEO)."""

    __tablename__ = "evaluation_survey"

    evaluation_id: Mapped[int] = mapped_column(sa.ForeignKey("evaluation.id", ondelete="CASCADE"), primary_key=True)
    survey_id: Mapped[int] = mapped_column(sa.ForeignKey("survey.id", ondelete="CASCADE"), primary_key=True, index=True)

    survey: Mapped[Survey] = relationship()

    def __repr__(self) -> str:
        return f"<EvaluationSurvey {self.evaluation_id}:{self.survey_id}>"


class EvaluationProject(Base):
    """A project the report describes, in report order."""

    __tablename__ = "evaluation_project"

    evaluation_id: Mapped[int] = mapped_column(sa.ForeignKey("evaluation.id", ondelete="CASCADE"), primary_key=True)
    project_id: Mapped[int] = mapped_column(
        sa.ForeignKey("project.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    #: place in the report (*volgorde*)
    position: Mapped[int] = mapped_column(default=0)

    project: Mapped[Project] = relationship()

    def __repr__(self) -> str:
        return f"<EvaluationProject {self.evaluation_id}:{self.project_id}>"


class EvaluationText(Base):
    """The evaluator's text for one section of the report (*toelichting*): plain text, paragraphs."""

    __tablename__ = "evaluation_text"
    __table_args__ = (sa.UniqueConstraint("evaluation_id", "scope", "section"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(sa.ForeignKey("evaluation.id", ondelete="CASCADE"), index=True)
    #: "programma" or "project-<id>" (*onderdeel*)
    scope: Mapped[str] = mapped_column(sa.String(30))
    #: the section key, e.g. "method" or "attention" (*hoofdstuk*)
    section: Mapped[str] = mapped_column(sa.String(30))
    #: the text (*tekst*)
    text: Mapped[str] = mapped_column(sa.Text, default="")

    def __repr__(self) -> str:
        return f"<EvaluationText {self.evaluation_id}:{self.scope}:{self.section}>"


class EvaluationNote(Base):
    """One statement from pasted meeting notes, scrubbed, with its kind of remark (*uitspraak*).

    The report quotes the scrubbed copy. The pasted original is kept only while the report is a
    concept, so the evaluator can undo a replacement that removed meaning; publishing erases it.
    """

    __tablename__ = "evaluation_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(sa.ForeignKey("evaluation.id", ondelete="CASCADE"), index=True)
    #: the project it is about; empty for the programme as a whole (*project*)
    project_id: Mapped[int | None] = mapped_column(sa.ForeignKey("project.id", ondelete="CASCADE"), index=True)
    #: the statement, scrubbed of names, numbers and addresses (*uitspraak*)
    text: Mapped[str] = mapped_column(sa.Text)
    #: the statement as pasted, for the evaluator's review of each replacement (undo); emptied when the
    #: report is published (*oorspronkelijke tekst*)
    raw_text: Mapped[str] = mapped_column(sa.Text, default="")
    #: the kind the classifier suggested (*voorgestelde soort*)
    suggested_kind: Mapped[RemarkKind] = mapped_column(enum_column(RemarkKind))
    #: the kind of remark the report uses; the evaluator may change it (*soort opmerking*)
    kind: Mapped[RemarkKind] = mapped_column(enum_column(RemarkKind))
    #: no heading gave the kind, so it is the classifier's guess and waits for the evaluator: on real report
    #: statements such a guess is right about half the time, a heading's kind nearly nine times in ten
    #: (``python -m bench.remarks``); saving the kinds on the statements page confirms it (*soort nakijken*)
    kind_to_check: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    #: where it was said, e.g. "Heimiddag 12 maart" (*bron*)
    source: Mapped[str] = mapped_column(sa.String(200), default="")
    #: order of entry (*volgorde*)
    position: Mapped[int] = mapped_column(default=0)
    #: the report section the heading it was pasted under gives (proud, works, attention, notable);
    #: empty when no heading said, then the kind of remark decides (*onderdeel*)
    section: Mapped[str | None] = mapped_column(sa.String(20))
    #: who said it, by role or organisation ("projectleider, gemeente Oost"); shown only when the
    #: evaluator marks it public in the quote review (*toeschrijving*)
    attribution: Mapped[str] = mapped_column(sa.String(200), default="")
    #: what the coding stage's de-identification (deduce, its rules and the region's terms) found in the
    #: pasted text, as [start, end, tag]; empty until that check has run in the background, and a
    #: statement is never quoted before it has (*gevonden persoonsgegevens*)
    detected: Mapped[list | None] = mapped_column(sa.JSON(none_as_null=True))
    #: when it was entered
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    project: Mapped[Project | None] = relationship()

    def __repr__(self) -> str:
        return f"<EvaluationNote {self.id} {self.kind}>"


class QuoteDecision(enum.StrEnum):
    """What the evaluator decided about one statement in the quote review (*beoordeling*)."""

    KEEP = "houden"
    EDIT = "ingekort"
    MERGE = "samengevoegd"
    OMIT = "weglaten"


class EvaluationQuote(Base):
    """The evaluator's decision about one statement of a section (*beoordeeld citaat*).

    Keyed on a stable hash of the statement's source text, its project and its section, so the
    decision holds when the draft is built again. Only statements kept, shortened or merged into
    another are published.
    """

    __tablename__ = "evaluation_quote"
    __table_args__ = (sa.UniqueConstraint("evaluation_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(sa.ForeignKey("evaluation.id", ondelete="CASCADE"), index=True)
    #: SHA-256 of project, section and source text (*sleutel*)
    key: Mapped[str] = mapped_column(sa.String(64))
    #: houden, ingekort, samengevoegd or weglaten (*besluit*)
    decision: Mapped[QuoteDecision] = mapped_column(enum_column(QuoteDecision))
    #: the shortened text (only for *ingekort*), scrubbed again when saved
    text: Mapped[str] = mapped_column(sa.Text, default="")
    #: the key of the statement this one was merged into (only for *samengevoegd*)
    merged_into: Mapped[str | None] = mapped_column(sa.String(64))
    #: the attribution (role, organisation) may be printed beside the quote (*toeschrijving openbaar*)
    attribution_public: Mapped[bool] = mapped_column(default=False)
    #: replaced words the evaluator put back, e.g. ["Expertteam"] (*teruggezet*)
    undone: Mapped[list] = mapped_column(sa.JSON, default=list)
    #: when it was decided
    decided_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    def __repr__(self) -> str:
        return f"<EvaluationQuote {self.evaluation_id}:{self.key[:8]} {self.decision}>"


class QuoteKeepTerm(Base):
    """A name the region's quotes may keep (*bewaarlijst*): its own name, partners, places, programme
    and project names. Scrubbing never replaces it in a quote."""

    __tablename__ = "quote_keep_term"
    __table_args__ = (sa.UniqueConstraint("region_id", "term"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(sa.ForeignKey("region.id", ondelete="CASCADE"), index=True)
    #: the word or phrase, e.g. "Expertteam Complexe Zorg" (*term*)
    term: Mapped[str] = mapped_column(sa.String(200))

    def __repr__(self) -> str:
        return f"<QuoteKeepTerm {self.region_id}:{self.term}>"


class EvaluationFile(Base):
    """A file generated at publication: the HTML report, the PDF, the Word file or the Excel appendix."""

    __tablename__ = "evaluation_file"
    __table_args__ = (sa.UniqueConstraint("evaluation_id", "format"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(sa.ForeignKey("evaluation.id", ondelete="CASCADE"), index=True)
    #: html, pdf, docx or xlsx (*formaat*)
    format: Mapped[str] = mapped_column(sa.String(8))
    #: the name it is downloaded as (*bestandsnaam*)
    filename: Mapped[str] = mapped_column(sa.String(200))
    #: the MIME type
    mimetype: Mapped[str] = mapped_column(sa.String(120))
    #: size in bytes (*grootte*)
    size: Mapped[int]
    #: SHA-256 of the content, to show that it never changed (*controlegetal*)
    sha256: Mapped[str] = mapped_column(sa.String(64))
    #: the file itself
    content: Mapped[bytes] = mapped_column(sa.LargeBinary, deferred=True)
    #: when it was generated
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    def __repr__(self) -> str:
        return f"<EvaluationFile {self.evaluation_id}:{self.format}>"
