"""Training the theme classifier and the sentiment model on human codes, and storing their suggestions.

Runs as a background job. Themes with at least ``CODING_MIN_PER_THEME`` human codes get a model;
the others stay with the codebook rules. The checked answers of earlier rounds of the same survey series
that used the same codebook count too, with weight ``EARLIER_WEIGHT`` (a round of its own rarely reaches
the minimum per theme); the result says what the model learned from. A codebook that is the shipped
stakeholder codebook or derived from it (matched on its theme keys) also learns from the real statements
shipped with the platform, hand-labelled with its themes, with weight ``SHIPPED_WEIGHT`` (below earlier
rounds), so the model suggests from the first answer on. The threshold curve and the quality figures wait
for ``MIN_TRAINING_ANSWERS`` checked answers; they are estimated by cross-validation on this round's
human-coded answers (each answer scored by a model that never saw it) and describe what will really count:
rule codes plus model codes at or above the threshold.
"""

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from analysis.classifier import ThemeClassifier, cross_val_proba
from analysis.coding import CodebookMatcher, shipped_theme_examples
from analysis.quality import confidence
from analysis.sentiment import SentimentModel
from survey.coding.codebooks import services as codebooks
from survey.coding.models import (
    AnalysisRun,
    AnswerCode,
    CodedAnswer,
    QuestionCodebook,
    RunStatus,
    Sentiment,
    Source,
)
from survey.coding.questions import machine_text, open_question
from survey.coding.suggestions.figures import quality as _quality
from survey.coding.suggestions.figures import threshold_curve
from survey.coding.suggestions.remarks import train_kinds
from survey.coding.suggestions.runs import finish_run
from survey.extensions import db
from survey.questionnaires.models import Survey
from survey.responses.models import Answer

MIN_TRAINING_ANSWERS = 10
#: How much a checked answer of an earlier round counts against one of this round.
EARLIER_WEIGHT = 0.5
#: How much a shipped real statement counts against a checked answer of this round.
SHIPPED_WEIGHT = 0.25
#: Shipped statements a theme needs to be learned before the region's own codes reach the minimum (they are
#: labelled with care, and ``python -m bench.remarks`` trains on as few).
SHIPPED_MIN_PER_THEME = 5


def train(run: AnalysisRun) -> None:
    """Train on the human codes of one question and store model suggestions for the unchecked answers."""
    result = {"sentiment": train_sentiment(run.survey_id, run.item_code), "kinds": _train_kinds(run)}
    link = codebooks.question_codebook(run.survey_id, run.item_code)
    if link is None or not link.codebook.themes:
        finish_run(run, RunStatus.TOO_FEW, {**result, "reason": "no_codebook"})
        return
    rows = _rows(run.survey_id, run.item_code)
    keys = theme_keys(link)
    verified = [r for r in rows if r[0].verified]
    human = [frozenset(c.theme.key for c in coded.codes if c.verified and c.theme.key in keys) for coded, _ in verified]
    earlier_texts, earlier_sets, rounds = earlier_rounds(run.survey_id, link, keys)
    shipped_texts, shipped_sets = shipped_theme_examples(keys)
    plan = learning_plan(keys, human, earlier_sets, shipped_sets, current_app.config["CODING_MIN_PER_THEME"])
    trainable = plan["themes"]
    result.update(
        n_verified=len(verified),
        counts={k: plan["current"][k] + plan["earlier"][k] for k in keys},
        minimum=plan["minimum"],
        themes=trainable,
        learned_from={
            "current": len(verified),
            "earlier": len(earlier_texts),
            "rounds": rounds,
            "weight": EARLIER_WEIGHT,
            "shipped": len(shipped_texts),
            "shipped_weight": SHIPPED_WEIGHT,
        },
    )
    if not plan["trains"]:
        finish_run(run, RunStatus.TOO_FEW, result)
        return
    texts = [text for _, text in verified]
    extra_texts = earlier_texts + shipped_texts
    extra_sets = earlier_sets + shipped_sets
    extra_weights = [EARLIER_WEIGHT] * len(earlier_texts) + [SHIPPED_WEIGHT] * len(shipped_texts)
    model = ThemeClassifier(themes=trainable).fit(
        texts + extra_texts, human + extra_sets, sample_weight=[1.0] * len(texts) + extra_weights
    )
    result["suggested"] = store_suggestions(model, [r for r in rows if not r[0].verified], link.codebook)
    if len(verified) < MIN_TRAINING_ANSWERS:  # too few of this round's own to estimate how good it is
        finish_run(run, RunStatus.DONE, result)
        return
    rules = [
        frozenset(h.theme for h in hits)
        for hits in CodebookMatcher(codebooks.to_data(link.codebook)).fit().match(texts)
    ]
    # the figures are this round's: earlier rounds only help the folds learn, they are never scored
    held_out = cross_val_proba(
        texts,
        human,
        n_splits=min(5, len(texts) // 2),
        themes=trainable,
        extra_texts=extra_texts,
        extra_sets=extra_sets,
        extra_weight=extra_weights,
    )
    result.update(curve=threshold_curve(held_out, rules, human), quality=_quality(held_out, rules, human, keys))
    finish_run(run, RunStatus.DONE, result)


def theme_keys(link: QuestionCodebook) -> list[str]:
    return [t.key for t in sorted(link.codebook.themes, key=lambda t: t.position)]


def learning_plan(
    keys: list[str],
    current: list[frozenset[str]],
    earlier: list[frozenset[str]],
    shipped: list[frozenset[str]],
    minimum: int,
) -> dict:
    """What the theme model learns from, per theme, and which themes it learns: a theme is learned once this
    round's and earlier rounds' checked answers together have it ``minimum`` times, or the shipped real
    statements ``SHIPPED_MIN_PER_THEME`` times, and at least two examples lack it. The model is trained at all
    only when there is a theme to learn and this round has ``MIN_TRAINING_ANSWERS`` checked answers or there
    are shipped statements. ``needed``: checked answers this round still needs before the model trains."""
    counts = {
        name: {k: sum(k in s for s in sets) for k in keys}
        for name, sets in (("current", current), ("earlier", earlier), ("shipped", shipped))
    }
    everything = len(current) + len(earlier) + len(shipped)
    themes = [
        k
        for k in keys
        if (counts["current"][k] + counts["earlier"][k] >= minimum or counts["shipped"][k] >= SHIPPED_MIN_PER_THEME)
        and everything - counts["current"][k] - counts["earlier"][k] - counts["shipped"][k] >= 2
    ]
    needed = 0 if shipped else max(0, MIN_TRAINING_ANSWERS - len(current))
    return {**counts, "themes": themes, "minimum": minimum, "needed": needed, "trains": bool(themes) and not needed}


def theme_sources(survey_id: int, item_code: str, link: QuestionCodebook) -> dict:
    """The learning plan of this question as the next training will see it (for the model page)."""
    keys = theme_keys(link)
    human = [
        frozenset(c.theme.key for c in coded.codes if c.verified and c.theme.key in keys)
        for coded, _ in _rows(survey_id, item_code)
        if coded.verified
    ]
    _texts, earlier_sets, rounds = earlier_rounds(survey_id, link, keys)
    _shipped, shipped_sets = shipped_theme_examples(keys)
    plan = learning_plan(keys, human, earlier_sets, shipped_sets, current_app.config["CODING_MIN_PER_THEME"])
    return {**plan, "rounds": rounds, "n_earlier": len(earlier_sets), "n_shipped": len(shipped_sets)}


def earlier_rounds(
    survey_id: int, link: QuestionCodebook, keys: list[str]
) -> tuple[list[str], list[frozenset[str]], list[str]]:
    """Checked answers (text, theme keys) of the earlier rounds of this survey's series whose questions use
    the same codebook (of every other survey of the region using it, when the codebook allows that), and
    the names of those rounds."""
    survey = db.session.get(Survey, survey_id)
    stmt = (
        select(QuestionCodebook.survey_id, QuestionCodebook.item_code, Survey.round_label)
        .join(Survey, Survey.id == QuestionCodebook.survey_id)
        .where(
            QuestionCodebook.codebook_id == link.codebook_id,
            Survey.region_id == survey.region_id,
            Survey.id != survey.id,
        )
        .order_by(Survey.created_at, Survey.id)
    )
    if not link.codebook.learn_from_other_surveys:
        stmt = stmt.where(Survey.series_key == survey.series_key, Survey.created_at <= survey.created_at)
    links = db.session.execute(stmt).all()
    texts, sets, rounds = [], [], []
    for other_id, item_code, label in links:
        found = [
            (text, frozenset(c.theme.key for c in coded.codes if c.verified and c.theme.key in keys))
            for coded, text in _rows(other_id, item_code)
            if coded.verified and text
        ]
        if found:
            texts += [t for t, _ in found]
            sets += [s for _, s in found]
            rounds.append(label or f"#{other_id}")
    return texts, sets, list(dict.fromkeys(rounds))


def _train_kinds(run: AnalysisRun) -> dict:
    survey = db.session.get(Survey, run.survey_id)
    question = open_question(survey, run.item_code)
    result = train_kinds(_rows(run.survey_id, run.item_code), question.text if question else "")
    db.session.flush()
    return result


def _rows(survey_id: int, item_code: str) -> list[tuple[CodedAnswer, str]]:
    """The coded answers with their text, in the order of the text: the folds of the curve (``KFold`` over this
    order) are the same for the same answers, whatever their random ids."""
    stmt = (
        select(CodedAnswer, Answer)
        .join(Answer, Answer.id == CodedAnswer.answer_id)
        .where(CodedAnswer.survey_id == survey_id, CodedAnswer.item_code == item_code)
        .options(selectinload(CodedAnswer.codes).selectinload(AnswerCode.theme))
    )
    rows = [(coded, machine_text(answer)) for coded, answer in db.session.execute(stmt)]
    return sorted(rows, key=lambda row: (row[1], row[0].answer_id))


def store_suggestions(model: ThemeClassifier, rows: list[tuple[CodedAnswer, str]], book) -> int:
    """Replace the model suggestions of unchecked answers; returns how many suggestions were stored."""
    if not rows:
        return 0
    theme_ids = {t.key: t.id for t in book.themes}
    proba = model.predict_proba([text for _, text in rows])
    sure = confidence(proba)
    floor = current_app.config["CODING_SUGGEST_FROM"]
    stored = 0
    for i, (coded, _) in enumerate(rows):
        wanted = {theme_ids[key]: round(float(p), 4) for key, p in proba.iloc[i].items() if p >= floor}
        stored += _replace_model_codes(coded, wanted)
        coded.model_confidence = round(float(sure[i]), 4)
    db.session.flush()
    return stored


def _replace_model_codes(coded: CodedAnswer, wanted: dict[int, float]) -> int:
    """Update model codes in place (a delete and insert of one theme would clash in one flush)."""
    for code in list(coded.codes):
        if code.source == Source.MODEL and not code.verified:
            if code.theme_id in wanted:
                code.probability = wanted.pop(code.theme_id)
            else:
                coded.codes.remove(code)
        else:
            wanted.pop(code.theme_id, None)  # a rule or human code for this theme stays as it is
    coded.codes.extend(AnswerCode(theme_id=t, source=Source.MODEL, probability=p) for t, p in wanted.items())
    return sum(1 for c in coded.codes if c.source == Source.MODEL and not c.verified)


def train_sentiment(survey_id: int, item_code: str) -> dict:
    """Let a model trained on human sentiment labels take over from the rule signal when there are enough."""
    rows = _rows(survey_id, item_code)
    labelled = [(coded, text) for coded, text in rows if coded.sentiment_source == Source.HUMAN]
    model = SentimentModel(min_per_class=current_app.config["CODING_MIN_SENTIMENT"])
    model.fit([text for _, text in labelled], [coded.sentiment.value for coded, _ in labelled])
    others = [(coded, text) for coded, text in rows if coded.sentiment_source != Source.HUMAN]
    if model.ready_ and others:
        for (coded, _), label in zip(others, model.predict([text for _, text in others]), strict=True):
            coded.sentiment, coded.sentiment_source = Sentiment(label), Source.MODEL
        db.session.flush()
    return {
        "ready": bool(model.ready_),
        "counts": dict(model.counts_),
        "minimum": model.min_per_class,
        "n_labelled": len(labelled),
    }
