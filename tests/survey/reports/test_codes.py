"""The final-code rule counted in the database agrees with survey.coding.queries on every combination."""

import itertools

from survey.coding.models import AnswerCode, Codebook, CodedAnswer, QuestionCodebook, Theme
from survey.coding.queries import final_codings
from survey.reports.codes import codings, theme_counts
from tests.survey.reports import builders


def test_database_count_and_export_codes_follow_is_final(db, region):
    survey = builders.make_survey(db, region)
    book = Codebook(region_id=region.id, name="alles")
    db.session.add(book)
    db.session.flush()
    db.session.add(QuestionCodebook(survey_id=survey.id, item_code="O1", codebook_id=book.id, auto_threshold=0.7))
    combos = list(
        itertools.product([True, False], ["regel", "model", "mens"], [True, False], [None, 0.5, 0.7, 0.9], ["O1", "O2"])
    )
    answers = []
    for i, (coded_verified, source, code_verified, probability, item) in enumerate(combos):
        theme = Theme(codebook_id=book.id, key=f"t{i}", label=f"Thema {i}", position=i)
        db.session.add(theme)
        response = builders.add_response(db, survey, {item: f"antwoord {i}"})
        db.session.flush()
        answer = builders.answer_of(response, item)
        db.session.add_all(
            [
                CodedAnswer(answer_id=answer.id, survey_id=survey.id, item_code=item, verified=coded_verified),
                AnswerCode(
                    answer_id=answer.id,
                    theme_id=theme.id,
                    source=source,
                    probability=probability,
                    verified=code_verified,
                ),
            ]
        )
        answers.append(answer)
    db.session.commit()
    expected = {f"t{i}" for i, a in enumerate(answers) if final_codings(survey.id)[a.id].themes}
    counted = {key for *_profile, key, _label, _position, n in theme_counts(survey.id) if n}
    assert counted == expected
    assert 0 < len(expected) < len(combos)
    exported = codings(survey.id, [a.id for a in answers])
    assert {f"t{i}" for i, a in enumerate(answers) if exported[a.id].final} == expected
