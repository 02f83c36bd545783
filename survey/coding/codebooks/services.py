"""Codebooks and their themes: which codebook codes a question, the shipped defaults, theme editing.

A codebook belongs to a region and may code several questions. A question in a later round of the
same survey series with the same item code gets the codebook of the earlier round, so themes and
trends stay comparable.
"""

import re
import unicodedata

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from analysis.codebook import Codebook as CodebookData
from analysis.codebook import Theme as ThemeData
from analysis.codebook import default_codebook
from survey.coding.models import Codebook, QuestionCodebook, Theme
from survey.extensions import db
from survey.questionnaires.models import Survey, SurveyKind

DEFAULT_KINDS = ("ceo", "stakeholder")


class ThemeProblem(ValueError):
    """A theme change that cannot be made; ``field`` names the form field, ``message`` is translated."""

    def __init__(self, field: str, message):
        super().__init__(str(message))
        self.field = field
        self.message = message


def region_codebooks(region_id: int) -> list[Codebook]:
    return list(
        db.session.scalars(select(Codebook).where(Codebook.region_id == region_id).order_by(Codebook.name, Codebook.id))
    )


def question_codebook(survey_id: int, item_code: str) -> QuestionCodebook | None:
    return db.session.scalar(
        select(QuestionCodebook).where(QuestionCodebook.survey_id == survey_id, QuestionCodebook.item_code == item_code)
    )


def codebook_of_earlier_round(survey: Survey, item_code: str) -> Codebook | None:
    """The codebook the same item code had in an earlier round of this survey series."""
    row = db.session.scalar(
        select(QuestionCodebook)
        .join(Survey, Survey.id == QuestionCodebook.survey_id)
        .where(
            Survey.region_id == survey.region_id,
            Survey.series_key == survey.series_key,
            Survey.id != survey.id,
            QuestionCodebook.item_code == item_code,
        )
        .order_by(Survey.created_at.desc(), Survey.id.desc())
    )
    return row.codebook if row is not None else None


def ensure_question_codebook(survey: Survey, item_code: str) -> QuestionCodebook | None:
    """The question's codebook link; made from an earlier round's when there is one, else None."""
    link = question_codebook(survey.id, item_code)
    if link is None:
        earlier = codebook_of_earlier_round(survey, item_code)
        if earlier is not None:
            link = attach_codebook(survey, item_code, earlier)
    return link


def attach_codebook(survey: Survey, item_code: str, codebook: Codebook) -> QuestionCodebook:
    """Let this codebook code the question (replacing another one; codes of old themes stay)."""
    link = question_codebook(survey.id, item_code)
    if link is None:
        link = QuestionCodebook(survey_id=survey.id, item_code=item_code, codebook_id=codebook.id)
        db.session.add(link)
    else:
        link.codebook_id = codebook.id
        link.auto_threshold = None  # a threshold chosen for other themes means nothing here
    db.session.flush()
    db.session.refresh(link)
    return link


def default_kind(survey: Survey) -> str:
    return "stakeholder" if survey.kind == SurveyKind.STAKEHOLDER else "ceo"


def create_from_default(region_id: int, kind: str) -> Codebook:
    """A region's own editable copy of a shipped codebook (CEO or stakeholder)."""
    return create_from_data(region_id, default_codebook(kind))


def create_from_data(region_id: int, data: CodebookData, name: str | None = None) -> Codebook:
    """Store a checked codebook (from the defaults or an import) as a new codebook of the region."""
    book = Codebook(
        region_id=region_id, name=_free_name(region_id, name or data.label)[:120], description=data.description
    )
    db.session.add(book)
    themes = {}
    for position, item in enumerate(data.themes, start=1):
        themes[item.key] = Theme(
            codebook=book,
            key=item.key,
            label=item.label[:120],
            description=item.description,
            seed_words=list(item.seeds),
            examples=list(item.examples),
            position=position,
        )
    db.session.add_all(themes.values())
    db.session.flush()
    for item in data.themes:
        if item.parent:
            themes[item.key].parent_id = themes[item.parent].id
    db.session.flush()
    return book


def create_empty(region_id: int, name: str) -> Codebook:
    book = Codebook(region_id=region_id, name=_free_name(region_id, name.strip())[:120])
    db.session.add(book)
    db.session.flush()
    return book


def _free_name(region_id: int, name: str) -> str:
    """The name, or the name with (2), (3) … when the region already has a codebook with it."""
    taken = set(db.session.scalars(select(Codebook.name).where(Codebook.region_id == region_id)))
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name} ({n})"
    return candidate


def to_data(book: Codebook) -> CodebookData:
    """The codebook as analysis dataclasses (for rules, export and the classifier's theme list)."""
    by_id = {t.id: t for t in book.themes}
    themes = tuple(
        ThemeData(
            key=t.key,
            label=t.label,
            description=t.description or "",
            parent=by_id[t.parent_id].key if t.parent_id in by_id else None,
            seeds=tuple(t.seed_words or ()),
            examples=tuple(t.examples or ()),
        )
        for t in sorted(book.themes, key=lambda t: (t.position, t.id))
    )
    return CodebookData(
        key=slug(book.name) or "codeboek", label=book.name, description=book.description or "", themes=themes
    )


def slug(text: str) -> str:
    """A theme key from a label: lower case, no accents, words joined by _ (at most 60 characters)."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", plain).strip("_")[:60]


def _free_key(book: Codebook, label: str) -> str:
    base = slug(label) or "thema"
    taken = {t.key for t in book.themes}
    key, n = base, 1
    while key in taken:
        n += 1
        key = f"{base[:56]}_{n}"
    return key


def add_theme(
    book: Codebook,
    label: str,
    description: str = "",
    parent_id: int | None = None,
    seeds: list[str] | None = None,
    examples: list[str] | None = None,
) -> Theme:
    """A new theme at the end of the codebook."""
    last = db.session.scalar(select(func.max(Theme.position)).where(Theme.codebook_id == book.id)) or 0
    theme = Theme(
        codebook=book,
        key=_free_key(book, label),
        label=label.strip()[:120],
        description=description.strip(),
        seed_words=list(seeds or []),
        examples=list(examples or []),
        position=last + 1,
    )
    db.session.add(theme)
    db.session.flush()
    if parent_id:
        set_parent(theme, parent_id)
    return theme


def update_theme(
    theme: Theme, label: str, description: str, parent_id: int | None, seeds: list[str], examples: list[str]
) -> None:
    theme.label = label.strip()[:120]
    theme.description = description.strip()
    theme.seed_words = list(seeds)
    theme.examples = list(examples)
    set_parent(theme, parent_id)
    db.session.flush()


def set_parent(theme: Theme, parent_id: int | None) -> None:
    """Set the parent theme; refuse other codebooks, itself and its own descendants."""
    if not parent_id:
        theme.parent_id = None
        return
    parent = db.session.get(Theme, parent_id)
    if parent is None or parent.codebook_id != theme.codebook_id:
        raise ThemeProblem("parent_id", _l("Choose a main theme from this codebook."))
    current = parent
    while current is not None:
        if current.id == theme.id:
            raise ThemeProblem("parent_id", _l("A theme cannot fall under itself or under one of its sub-themes."))
        current = db.session.get(Theme, current.parent_id) if current.parent_id else None
    theme.parent_id = parent.id


def move_theme(theme: Theme, step: int) -> None:
    """Move a theme one place up (-1) or down (+1); the place is also its number key when coding."""
    themes = sorted(theme.codebook.themes, key=lambda t: (t.position, t.id))
    index = themes.index(theme)
    target = index + step
    if 0 <= target < len(themes):
        themes[index], themes[target] = themes[target], themes[index]
    for position, item in enumerate(themes, start=1):
        item.position = position
    db.session.flush()


def delete_theme(theme: Theme) -> None:
    """Remove a theme and the codes given with it; the other themes close up."""
    book = theme.codebook
    for child in book.themes:
        if child.parent_id == theme.id:
            child.parent_id = None
    book.themes.remove(theme)
    db.session.delete(theme)
    for position, item in enumerate(sorted(book.themes, key=lambda t: (t.position, t.id)), start=1):
        item.position = position
    db.session.flush()


def split_lines(text: str, separators: str = r"[;\n]") -> list[str]:
    """Seed words from a text area (one per line or separated by ;), without empties or repeats."""
    return list(dict.fromkeys(part.strip() for part in re.split(separators, text or "") if part.strip()))


def questions_using(book: Codebook) -> list[QuestionCodebook]:
    return list(db.session.scalars(select(QuestionCodebook).where(QuestionCodebook.codebook_id == book.id)))
