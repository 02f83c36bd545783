"""The kind of remark (compliment, zorg, suggestie, observatie, vraag) suggested for open answers.

``analysis.remarks.shipped`` decides from Dutch cues, the question asked and a model trained on the
labelled remarks shipped with the platform; when coders retrain, the kinds they checked are added to
those labels. Suggestions are
unverified rows; what a coder ticks is kept and never replaced.
"""

from analysis.remarks import RemarkClassifier, remark_sentiment, shipped_classifier, train
from survey.coding.models import AnswerKind, CodedAnswer, RemarkKind, Sentiment, Source


def suggest_kinds(
    rows: list[tuple[CodedAnswer, str]], question: str, classifier: RemarkClassifier | None = None
) -> None:
    """Replace the unverified kind suggestions of unchecked answers with the classifier's."""
    todo = [(coded, text) for coded, text in rows if not coded.verified]
    if not todo:
        return
    classifier = classifier or shipped_classifier()
    predictions = classifier.classify([text for _, text in todo], [question] * len(todo))
    for (coded, text), prediction in zip(todo, predictions, strict=True):
        _replace(coded, prediction)
        if coded.sentiment_source in (None, Source.RULE):  # a coder's or a model's sentiment stays
            # the sentiment of an evaluative remark follows from its kind (see analysis.remarks)
            coded.sentiment = Sentiment(remark_sentiment(text, prediction.kind, prompt=question))
            coded.sentiment_source = Source.RULE


def _replace(coded: CodedAnswer, prediction) -> None:
    """Update suggestions in place (a delete and insert of the same kind would clash in one flush)."""
    wanted = {
        RemarkKind(kind): (
            Source(prediction.sources.get(kind, "regel")),
            round(float(prediction.probabilities.get(kind, 0.0)), 4),
        )
        for kind in prediction.kinds
    }
    for row in list(coded.kinds):
        if row.verified or row.source == Source.HUMAN:
            wanted.pop(row.kind, None)
        elif row.kind in wanted:
            row.source, row.probability = wanted.pop(row.kind)
        else:
            coded.kinds.remove(row)
    coded.kinds.extend(AnswerKind(kind=kind, source=source, probability=p) for kind, (source, p) in wanted.items())


def train_kinds(rows: list[tuple[CodedAnswer, str]], question: str) -> dict:
    """Learn from the kinds coders confirmed, then suggest kinds for the unchecked answers."""
    order = list(RemarkKind)
    labelled = [
        (text, sorted((k.kind for k in coded.kinds if k.verified), key=order.index))
        for coded, text in rows
        if coded.verified
    ]
    labelled = [(text, [k.value for k in kinds]) for text, kinds in labelled if kinds]
    classifier = train([t for t, _ in labelled], [k for _, k in labelled], [question] * len(labelled))
    suggest_kinds(rows, question, classifier)
    return {
        "n_labelled": len(labelled),
        "model_weight": round(float(classifier.model_weight_), 3),
        "n_training": int(classifier.n_labels_),
    }
