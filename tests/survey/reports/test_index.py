"""The results index: every round of the region with its number of completed responses."""

import re

from tests.survey.reports import builders


def test_each_round_shows_its_completed_responses_only(client, db, region, example, researcher):
    empty = builders.make_survey(db, region, min_cell=5)
    db.session.commit()
    html = client.get(f"/beheer/{region.slug}/resultaten/").get_data(as_text=True)
    completed = {
        int(survey_id): int(n)
        for survey_id, n in re.findall(
            r'resultaten/(\d+)/">.*?</a></th>\s*<td>[^<]*</td>\s*<td class="num">(\d+)</td>', html, re.DOTALL
        )
    }
    # 12 completed in the example round; the response still in progress is not counted
    assert completed == {example.id: 12, empty.id: 0}
