"""Kind of remark in Dutch open answers and notes (compliment, zorg, suggestie, observatie, vraag), the
sentiment that follows from it, and the splitting of pasted notes under their headings.

Modules: ``classifier`` (cue rules + question rule + trained model), ``cues`` and ``lexicon`` (the Dutch cues;
word lists in ``data/``), ``verbs`` and ``grammar`` (sentence form without a tagger), ``polarity`` (a general
adjective lexicon), ``features`` (sentence-form columns for the model), ``prompts`` (the kind a question or
heading invites), ``split`` (notes into remarks), ``shipped`` (the classifier trained on the shipped labels),
``prediction`` (what the classifier says of one remark), ``documents`` (the mix of kinds of statements classified
together).
Text normalisation is ``analysis.text``.
"""

from analysis.remarks.classifier import (
    KIND_LABELS,
    KINDS,
    Cue,
    RemarkClassifier,
    RemarkPrediction,
    is_short,
    kind_of,
)
from analysis.remarks.prompts import prompt_kind
from analysis.remarks.shipped import public_statements, real_statements, shipped_classifier, shipped_examples, train
from analysis.remarks.shortfall import remark_sentiment
from analysis.remarks.split import SplitRemark, split_notes, split_remarks

__all__ = [
    "KINDS",
    "KIND_LABELS",
    "Cue",
    "RemarkClassifier",
    "RemarkPrediction",
    "SplitRemark",
    "is_short",
    "kind_of",
    "prompt_kind",
    "public_statements",
    "real_statements",
    "remark_sentiment",
    "shipped_classifier",
    "shipped_examples",
    "split_notes",
    "split_remarks",
    "train",
]
