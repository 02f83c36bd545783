"""The quote review form: per statement of a section a decision (keep, shorten, merge, leave out),
the shortened text, the statement to merge with and whether its attribution is public.

Forms validate and never write; the view hands the checked values to ``survey.evaluations.statements.review``.
"""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, TextAreaField
from wtforms.fields import SelectChoice
from wtforms.validators import Length, Optional

from analysis.evaluation.quote_review import EDIT, KEEP, MERGE, OMIT, near_duplicates
from analysis.privacy.quotes import shorten

DECISION_LABELS = {
    "": _l("Not reviewed yet"),
    KEEP: _l("Keep"),
    EDIT: _l("Keep shortened"),
    MERGE: _l("Merge with"),
    OMIT: _l("Leave out"),
}


def field_id(key: str) -> str:
    """The part of a field name that stands for a statement (its key is 64 hex characters)."""
    return key[:16]


def review_form(sections: dict[str, list], decisions: dict, **kwargs) -> FlaskForm:
    """Fields for every statement of the sections ({section: [Statement]}), filled with earlier decisions;
    a near-duplicate earlier in the section is offered as the merge target."""

    class QuoteReviewForm(FlaskForm):
        pass

    choices = [SelectChoice(value, label) for value, label in DECISION_LABELS.items()]
    suggestions, undo_items = {}, {}
    for statements in sections.values():
        suggestions.update(near_duplicates(statements))
        targets = [SelectChoice("", _l("Choose a statement"))] + [
            SelectChoice(field_id(s.key), shorten(s.text, 80)) for s in statements
        ]
        for statement in statements:
            done = decisions.get(statement.key)
            fid = field_id(statement.key)
            merge_default = (
                field_id(done.merged_into)
                if done and done.merged_into
                else field_id(suggestions[statement.key])
                if statement.key in suggestions
                else ""
            )
            setattr(
                QuoteReviewForm,
                f"decision_{fid}",
                SelectField(
                    _l("Decision"), choices=choices, default=done.decision if done else "", validators=[Optional()]
                ),
            )
            setattr(
                QuoteReviewForm,
                f"text_{fid}",
                TextAreaField(
                    _l("Shortened text"),
                    default=done.text if done and done.text else statement.text,
                    validators=[Optional(), Length(max=1000)],
                ),
            )
            setattr(
                QuoteReviewForm,
                f"merge_{fid}",
                SelectField(
                    _l("Merge with"),
                    choices=[c for c in targets if c.value != fid],
                    default=merge_default,
                    validators=[Optional()],
                ),
            )
            undo = [(o, lbl, False) for o, lbl in statement.replacements] + [(o, "", True) for o in statement.undone]
            for i, (original, label, done_before) in enumerate(undo):
                text = (
                    _l("Put back “%(word)s” (now %(label)s)", word=original, label=label)
                    if label
                    else _l("Put back “%(word)s”", word=original)
                )
                setattr(QuoteReviewForm, f"undo_{fid}_{i}", BooleanField(text, default=done_before))
            undo_items[statement.key] = undo
            if statement.attribution:
                setattr(
                    QuoteReviewForm,
                    f"public_{fid}",
                    BooleanField(_l("Print who said it"), default=bool(done and done.attribution_public)),
                )
    form = QuoteReviewForm(**kwargs)
    form.sections = sections
    form.suggestions = suggestions
    form.undo_items = undo_items
    return form


def chosen_decisions(form, keep_rest: bool = False) -> tuple[dict[str, dict], list[str]]:
    """({key: {decision, text, merged_into, public}}, error messages) from a submitted review form.
    ``keep_rest`` keeps every statement that has no decision yet."""
    chosen, errors = {}, []
    for statements in form.sections.values():
        by_field = {field_id(s.key): s.key for s in statements}
        for statement in statements:
            fid = field_id(statement.key)
            decision = form[f"decision_{fid}"].data or (KEEP if keep_rest else "")
            values = {
                "decision": decision,
                "text": form[f"text_{fid}"].data or "",
                "merged_into": by_field.get(form[f"merge_{fid}"].data or ""),
                "public": bool(form[f"public_{fid}"].data) if f"public_{fid}" in form else False,
                "undone": [
                    original
                    for i, (original, _label, _was) in enumerate(form.undo_items[statement.key])
                    if form[f"undo_{fid}_{i}"].data
                ],
            }
            if decision == EDIT and not values["text"].strip():
                form[f"text_{fid}"].errors.append(str(_l("Write the shortened text.")))
                errors.append(fid)
            if decision == MERGE and not values["merged_into"]:
                form[f"merge_{fid}"].errors.append(str(_l("Choose the statement to merge it with.")))
                errors.append(fid)
            chosen[statement.key] = values
    return chosen, errors


class KeepListForm(FlaskForm):
    """The region's keep-list for quotes: one name per line."""

    terms = TextAreaField(
        _l("Names quotes may keep"),
        validators=[Optional(), Length(max=20_000)],
        description=_l(
            "One per line: the region's own name, partner organisations, places, programme and "
            "team names, such as Expertteam Complexe Zorg. Scrubbing never replaces them in a quote. "
            "Names of people do not belong here."
        ),
    )
