"""Journey of Els: 300 open answers from raw to coded in one sitting over HTTP.

Scrubbed in a batch job, rule-coded by the standard codebook, corrected by hand, a model trained, the
rest coded automatically above the threshold she picks from the curve, new themes proposed and one
added, and a colleague double-codes a blind sample so kappa is shown. The figures are printed (-s).
"""

import re

import pytest
from sqlalchemy import select

from survey.accounts.models import Role
from survey.coding.models import AnalysisRun, CodedAnswer, QuestionCodebook, RunKind, RunStatus, SecondCoding, Theme
from survey.coding.queries import final_codings
from tests.survey.coding.helpers import answers_in_order, base, staff

N_ANSWERS = 300
N_BY_HAND = 175


def exact(predicted: set, truth: set) -> bool:
    return predicted == truth


@pytest.mark.slow
def test_three_hundred_answers_from_raw_to_coded(
    app, db, client, login, region, make_survey, make_user, gold, researcher
):
    rows = gold[:N_ANSWERS]
    texts = [("Daan zegt: " if i % 10 == 0 else "") + r["text"] for i, r in enumerate(rows)]
    survey = make_survey(region, texts)
    login(researcher)
    url = base(region, survey)

    # scrubbed in a batch job: names gone from what coders see, raw kept
    result = app.test_cli_runner().invoke(args=["coding", "scrub", "--survey", str(survey.id)])
    assert f"{N_ANSWERS} antwoorden geschoond" in result.output
    answers = answers_in_order(db, texts)
    assert answers[0].scrubbed_text.startswith("[NAAM] zegt:") and answers[0].value.startswith("Daan zegt:")
    truth = {a.id: set(r["themes"]) for a, r in zip(answers, rows, strict=True)}
    sentiment = {a.id: r["sentiment"] for a, r in zip(answers, rows, strict=True)}

    # the standard codebook codes by rule from the first answer
    client.post(url + "/codeboek", data={"choice": "default:ceo"})
    themes = {t.key: t for t in db.session.scalars(select(Theme))}
    key_of = {t.id: k for k, t in themes.items()}
    rule_sets = {c.answer_id: {key_of[x.theme_id] for x in c.codes} for c in db.session.scalars(select(CodedAnswer))}
    rule_exact = sum(exact(rule_sets[i], truth[i]) for i in truth) / N_ANSWERS
    assert "0 van 300 gecontroleerd" in client.get(url + "/").get_data(as_text=True)

    # corrected by hand, one answer after the other, as the keyboard flow posts them
    for answer in answers[:N_BY_HAND]:
        coded = db.session.get(CodedAnswer, answer.id)
        response = client.post(
            staff(region) + f"/antwoorden/{answer.id}",
            data={
                "themes": [str(themes[k].id) for k in truth[answer.id]],
                "lock_version": str(coded.lock_version),
                "sentiment": sentiment[answer.id] if sentiment[answer.id] != "onbekend" else "",
            },
        )
        assert response.status_code == 302
    assert f"{N_BY_HAND} van 300 gecontroleerd" in client.get(url + "/").get_data(as_text=True)
    # once themes had 25 human codes, the model trained by itself every 25 checked answers
    automatic = list(db.session.scalars(select(AnalysisRun).where(AnalysisRun.kind == RunKind.MODEL)))
    assert automatic and all(r.status == RunStatus.DONE for r in automatic)

    # a model trains in the background and the curve is shown as a chart with a data table
    client.post(url + "/model/trainen")
    run = db.session.scalar(
        select(AnalysisRun).where(AnalysisRun.kind == RunKind.MODEL).order_by(AnalysisRun.id.desc())
    )
    assert run.status == RunStatus.DONE, run.result
    page = client.get(url + "/model").get_data(as_text=True)
    assert "<svg viewBox" in page and 'role="img"' in page and "<caption>Drempel, deel automatisch" in page
    curve = run.result["curve"]
    good = [row for row in curve if row["accuracy"] is not None and row["accuracy"] >= 0.8]
    chosen = (
        min(good, key=lambda row: row["threshold"])
        if good
        else max((r for r in curve if r["accuracy"] is not None), key=lambda r: r["accuracy"])
    )
    client.post(url + "/model/drempel", data={"threshold": str(chosen["threshold"])})
    link = db.session.scalar(select(QuestionCodebook))
    assert link.auto_threshold == chosen["threshold"]

    # the rest: how much the model codes at that threshold, and how often it matches the hand codes
    rest = [a.id for a in answers[N_BY_HAND:]]
    auto = [i for i in rest if (db.session.get(CodedAnswer, i).model_confidence or 0) >= link.auto_threshold]
    final = final_codings(survey.id, rest)
    auto_right = sum(exact({c.theme_key for c in final[i].themes}, truth[i]) for i in auto)
    share, accuracy = len(auto) / len(rest), auto_right / max(1, len(auto))
    all_right = sum(exact({c.theme_key for c in final[i].themes}, truth[i]) for i in rest) / len(rest)
    print(
        f"\nrules exact {rule_exact:.2f}; threshold {chosen['threshold']}: curve share {chosen['share']:.2f} "
        f"accuracy {chosen['accuracy']:.2f}; on the rest: auto-coded {len(auto)}/{len(rest)} = {share:.2f}, "
        f"exact {accuracy:.2f}; all final codes of the rest exact {all_right:.2f}"
    )
    assert share >= 0.3
    assert accuracy >= 0.7
    assert f"{len(auto)} automatisch gecodeerd boven de drempel" in client.get(url + "/").get_data(as_text=True)
    quality = client.get(url + "/kwaliteit").get_data(as_text=True)
    assert "Precisie" in quality and "Wachttijd en snelheid" in quality
    assert run.result["sentiment"]["ready"]  # enough human sentiment labels: the trained model took over

    # new themes from the uncoded remainder, one added as a theme
    client.post(url + "/nieuwe-themas/zoeken")
    topics = db.session.scalar(select(AnalysisRun).where(AnalysisRun.kind == RunKind.TOPICS))
    assert topics.status in (RunStatus.DONE, RunStatus.TOO_FEW)
    if topics.status == RunStatus.DONE and topics.result["candidates"]:
        page = client.get(url + "/nieuwe-themas").get_data(as_text=True)
        assert "Toevoegen als thema" in page
        client.post(url + "/nieuwe-themas/0/toevoegen")
        assert db.session.scalar(select(Theme).where(Theme.position == 11)) is not None

    # a colleague double-codes 60 answers blind; kappa is shown
    colleague = make_user(region, Role.CODEUR, name="Collega")
    client.post(url + "/overeenstemming/steekproef", data={"size": "60", "coder": str(colleague.id)})
    sample = list(db.session.scalars(select(SecondCoding)))
    assert len(sample) == 60
    other = app.test_client()
    login(colleague, on=other)
    first = sample[0].answer_id
    blind = other.get(staff(region) + f"/antwoorden/{first}", follow_redirects=True).get_data(as_text=True)
    assert "U codeert dit antwoord blind" in blind and not re.search(r'id="theme-\d+"[^>]*checked', blind)
    for n, item in enumerate(sample):
        keys = set(truth[item.answer_id])
        if n % 6 == 0:  # the colleague sees some answers differently
            keys ^= {"informatie"}
        other.post(staff(region) + f"/dubbel/{item.answer_id}", data={"themes": [str(themes[k].id) for k in keys]})
    page = client.get(url + "/overeenstemming").get_data(as_text=True)
    assert "60 van de 60 antwoorden" in page and "Cohens kappa" in page
    kappa = float(re.search(r"Cohens kappa</dt><dd>([\d,]+)</dd>", page).group(1).replace(",", "."))
    print(f"kappa {kappa:.2f}")
    assert 0.6 < kappa < 1.0
    assert "Markeren als opgelost" in page
