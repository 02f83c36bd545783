"""Small-cell protection in one place: every page and export asks this package what may be shown.

Rules (docs/domain.md, "Reporting rules"), implemented and applied to breakdown frames and cross tables in
:mod:`analysis.suppression.core`, to tracking and live polls in :mod:`analysis.suppression.fieldwork`:

1. **Threshold.** A breakdown cell with 0 < n < k is hidden (reason ``small``, :func:`below_k`). k defaults to 10 and
   is clamped to at least 5, whatever a setting asks (``Policy(k=3).k == 5``). Cells with n = 0 stay
   visible: they say nothing about a person, and hiding them protects nothing, so they are never
   picked as a complement either. The grand total is never hidden: the response figures publish it.
2. **Complementary suppression.** A published total and its visible members must not reveal a hidden
   member. In every group (a total and the cells that add up to it) the next smallest visible member
   is hidden, or else the total itself, while (a) exactly one member is hidden, or (b) the hidden
   members together (total minus the visible ones) are fewer than k, or (c) the total is hidden but
   every member is visible. Groups nest (total -> subregio -> gemeente) and cross (rows and columns of
   a cross table, overlapping groupings); the rules run until nothing changes. Among candidates the
   one that creates no new exposed group elsewhere wins (so cross tables get rectangles).
3. **Audit.** Then every hidden cell is checked against *all* published numbers at once: a cell is
   derivable when its value follows from the group equations by any linear combination (it is fixed
   in the null space of the system). Such a cell gets another complement, also from overlapping
   groups, and the check runs again. What stays derivable (a breakdown with one group, whose
   total is public) is hidden as a whole (reason ``withheld``).
4. **Rounding.** With ``public=True`` shown counts are rounded half up to multiples of 5; which cells
   are hidden is decided on the exact counts, so the same cells are hidden with or without rounding.
5. **Signals.** A shown cell with n below ``signal_below`` (default 30, never below k) is flagged as a
   *signaal*: indicative, not a conclusion. Open answers need a group of at least k
   (:func:`open_answers_allowed`).

6. **k over the combination.** The background values kept on an answer (gemeente, age band, kind of
   help, respondent type, answer language) are kept only as a combination shared by ≥ k people of the
   population an attacker can join on (the invitees; for an open link the respondents): values are
   dropped in a fixed order until it is (:mod:`analysis.suppression.combinations`). One-way counts
   whose total is published (tracking, live polls) use :func:`protect_counts`, applied to the
   participation ledger and poll answers in :mod:`analysis.suppression.fieldwork`.

What is protected: the exact value of every hidden count, and (rule 2b) the sum of the hidden members
of a group below k unless the whole group total is hidden with them, against someone who knows every
number published *in the tables protected together*. Tables that share cells (a gemeente table and a
gemeente x age table) must be protected together, e.g. with :func:`protect_crosstab`, whose margins
are the one-way tables. Not protected: bounds (a hidden cell lies between 0 and its group's hidden
sum), outside knowledge, attribute disclosure inside a shown cell (a group of 12 where 100 % agrees),
and exact n recovered from a percentage with decimals next to a rounded count: public tables show
whole percentages. Breakdowns publish n, positive and % only; escape counts stay in the total table.
"""

from analysis.suppression.combinations import DEFAULT_ORDER, Generaliser, build, parse_order
from analysis.suppression.core import (
    CROSSTAB_TOTAL,
    DEFAULT_K,
    DEFAULT_SIGNAL,
    MIN_K,
    ROUNDED,
    SIGNAL,
    HiddenCell,
    Note,
    Policy,
    Protection,
    Reason,
    below_k,
    derivable,
    is_signal,
    open_answers_allowed,
    protect_cells,
    protect_counts,
    protect_one_way,
    round_public,
    shown_count,
)
from analysis.suppression.tables import Suppressed, protect_breakdown, protect_crosstab

__all__ = [
    "CROSSTAB_TOTAL",
    "DEFAULT_K",
    "DEFAULT_ORDER",
    "DEFAULT_SIGNAL",
    "MIN_K",
    "ROUNDED",
    "SIGNAL",
    "Generaliser",
    "HiddenCell",
    "Note",
    "Policy",
    "Protection",
    "build",
    "parse_order",
    "Reason",
    "Suppressed",
    "below_k",
    "derivable",
    "is_signal",
    "open_answers_allowed",
    "protect_breakdown",
    "protect_cells",
    "protect_counts",
    "protect_crosstab",
    "protect_one_way",
    "round_public",
    "shown_count",
]
