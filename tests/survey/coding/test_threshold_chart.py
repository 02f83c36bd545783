"""The threshold curve: thresholds that code the same answers are one point with their range as its label,
and a curve of one point is a clear sentence instead of a dot with labels printed over each other."""

from datetime import UTC, datetime

from survey.coding.models import AnalysisRun, RunKind, RunStatus
from survey.coding.suggestions.chart import curve_chart
from tests.survey.coding.helpers import base

SAME = [{"threshold": t / 10, "share": 0.4, "accuracy": 0.9, "n": 30, "n_auto": 12} for t in range(1, 10)]


def test_thresholds_on_the_same_spot_become_one_point_with_a_range(app):
    curve = [*SAME, {"threshold": 0.95, "share": 0.1, "accuracy": 1.0, "n": 30, "n_auto": 3}]
    with app.test_request_context():
        chart = curve_chart(curve)
        assert chart.drawable and [p.label for p in chart.points] == ["0,95", "0,10–0,90"]
        assert not curve_chart(SAME).drawable and len(curve_chart(SAME).points) == 1


def test_a_single_point_curve_shows_a_sentence_not_overlapping_labels(
    db, client, login, region, make_survey, researcher
):
    survey = make_survey(region, ["Goed geholpen", "Lang gewacht"])
    login(researcher)
    client.post(base(region, survey) + "/codeboek", data={"choice": "default:ceo"})
    db.session.add(
        AnalysisRun(
            survey_id=survey.id,
            item_code="O1",
            kind=RunKind.MODEL,
            status=RunStatus.DONE,
            finished_at=datetime.now(UTC),
            result={"curve": SAME, "n_verified": 30, "suggested": 1, "themes": []},
        )
    )
    db.session.commit()
    page = client.get(base(region, survey) + "/model").get_data(as_text=True)
    assert "Elke drempel geeft hier hetzelfde resultaat: 9 drempels coderen dezelfde antwoorden even goed" in page
    assert 'class="point-label"' not in page and 'class="curve"' not in page
    assert "met 30 gecontroleerde antwoorden" in page and "Er is 1 voorstel opgeslagen" in page
