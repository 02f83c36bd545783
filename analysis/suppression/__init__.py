"""Small-cell protection, the one place every page and export asks what may be shown.

The rules, their reasons and what they protect are described in :mod:`analysis.suppression.core`;
:mod:`analysis.suppression.tables` applies them to breakdown frames and cross tables.
"""

from analysis.suppression.core import (
    DEFAULT_K,
    DEFAULT_SIGNAL,
    MIN_K,
    NOTES,
    HiddenCell,
    Policy,
    Protection,
    Reason,
    derivable,
    is_signal,
    open_answers_allowed,
    protect_cells,
    round_public,
    shown_count,
)
from analysis.suppression.tables import TOTAL_LABEL, Suppressed, protect_breakdown, protect_crosstab

__all__ = [
    "DEFAULT_K", "DEFAULT_SIGNAL", "MIN_K", "NOTES", "TOTAL_LABEL", "HiddenCell", "Policy", "Protection",
    "Reason", "Suppressed", "derivable", "is_signal", "open_answers_allowed", "protect_breakdown",
    "protect_cells", "protect_crosstab", "round_public", "shown_count",
]
