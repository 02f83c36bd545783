"""What building a report reads, once: the chosen surveys (through :mod:`survey.evaluations.draft.sources`), the
small-cell threshold, the names a quote must never show and the words it may keep, and the programme's notes.

Read-only. Open answers are read through their scrubbed copy only, never the raw text.
"""

from functools import cached_property

from sqlalchemy import select

from analysis.privacy.quotes import QuoteScrubber, shorten
from analysis.suppression import Policy
from survey.accounts.models import Membership, User
from survey.coding.models import ScrubKind
from survey.coding.scrubbing.services import region_terms
from survey.evaluations.draft.sources import (
    StakeholderSurvey,
    document_of,
    grade_codes,
    open_questions,
    project_keys,
    remarks_by_item,
    response_of,
)
from survey.evaluations.models import Evaluation, QuoteKeepTerm
from survey.extensions import db
from survey.programmes.progress_reports.models import Note
from survey.questionnaires.models import Survey, SurveyKind


class ReportContext:
    """The evaluation and everything read once for it."""

    def __init__(self, evaluation: Evaluation):
        self.evaluation = evaluation
        self.surveys = sorted(evaluation.surveys, key=lambda s: s.id)
        self.projects = evaluation.projects

    @cached_property
    def policy(self) -> Policy:
        """k is the strictest minimum cell size of the chosen surveys (never below 5; 10 by default)."""
        return Policy(k=max([s.min_cell for s in self.surveys] or [Policy().k]))

    @property
    def k(self) -> int:
        return self.policy.k

    @cached_property
    def stakeholder(self) -> list[StakeholderSurvey]:
        found = []
        for survey in self.surveys:
            document = document_of(survey) if survey.kind == SurveyKind.STAKEHOLDER else None
            if document is None:
                continue
            questions = open_questions(document)
            found.append(
                StakeholderSurvey(
                    survey,
                    document,
                    questions,
                    grade_codes(document),
                    remarks_by_item(survey, sorted({q.code for q in questions})),
                    project_keys(document, self.projects),
                    response_of(survey).completed,
                )
            )
        return found

    @cached_property
    def experience(self) -> list[Survey]:
        """The chosen CEO and PEO rounds."""
        return [s for s in self.surveys if s.kind in (SurveyKind.CEO, SurveyKind.PEO)]

    @cached_property
    def names(self) -> tuple[str, ...]:
        """Full and first names of the region's staff: never shown in a quote."""
        stmt = (
            select(User.name)
            .join(Membership, Membership.user_id == User.id)
            .where(Membership.region_id == self.evaluation.region_id)
        )
        names = set()
        for full in db.session.scalars(stmt):
            names.add(full)
            first = full.split()[0] if full.split() else ""
            if len(first) >= 3:
                names.add(first)
        return tuple(sorted(names))

    @cached_property
    def vocabulary(self) -> tuple[str, ...]:
        """Names of the programme's own things, which a quote may keep: region, programme, projects,
        gemeenten and principles."""
        programme = self.evaluation.programme
        words = [self.evaluation.title]
        if programme is not None:
            words += [programme.region.name, programme.name, *programme.gemeenten]
            words += [p.name for p in programme.projects] + [p.title for p in programme.principles]
        return tuple(words)

    @cached_property
    def keep_terms(self) -> tuple[str, ...]:
        """What a quote may keep: the region's keep-list and the programme's own vocabulary."""
        stmt = select(QuoteKeepTerm.term).where(QuoteKeepTerm.region_id == self.evaluation.region_id)
        return (*db.session.scalars(stmt), *self.vocabulary)

    @cached_property
    def quote_scrubber(self) -> QuoteScrubber:
        """The quote pass of this region: staff names, the region's own terms and its keep-list."""
        terms = region_terms(self.evaluation.region_id)
        return QuoteScrubber(
            self.names,
            self.keep_terms,
            places=terms[ScrubKind.PLACE],
            organisations=terms[ScrubKind.PROVIDER],
            schools=terms[ScrubKind.SCHOOL],
            other_names=terms[ScrubKind.OTHER],
        )

    def quote(self, text: str, undo=(), detected=()) -> str:
        """A report quote from a text: scrubbed by the region's quote pass with what the coding stage's
        de-identification ``detected`` in it (minus what was undone), shortened."""
        return shorten(self.quote_scrubber.scrub(text, undo, detected))

    @cached_property
    def programme_notes(self) -> list[Note]:
        """The programme's statements noted within the period."""
        programme = self.evaluation.programme
        if programme is None:
            return []
        stmt = (
            select(Note)
            .where(
                Note.programme_id == programme.id,
                Note.noted_on.between(self.evaluation.period_start, self.evaluation.period_end),
            )
            .order_by(Note.noted_on, Note.id)
        )
        return list(db.session.scalars(stmt))
