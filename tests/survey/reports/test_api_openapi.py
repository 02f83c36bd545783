"""schemathesis against /api/v1/openapi.json: every answer of the API matches its own description.

Every described operation is called with a real token of each scope, in positive and negative mode:
first schemathesis's coverage cases (boundary values, missing and unknown parameters, methods the
address does not offer), then a bounded, derandomized fuzzing run. A positive case with a survey
number is called twice: as generated (an unknown survey, 404) and for the worked example's survey.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode

from survey.reports.api.models import ApiScope
from survey.reports.api.tokens import create_token

#: taal, groep and uitsplitsing are valid only for a value the round offers (a group with enough
#: respondents): a well-formed but unknown one is the documented 400, not a rejected valid request.
CONFIG = schemathesis.config.SchemathesisConfig.from_dict(
    {
        "operations": [
            {
                "include-path": "/vragenlijsten/{survey_id}/resultaten",
                "checks": {"positive_data_acceptance": {"expected-statuses": ["2xx", "400", "401", "403", "404"]}},
            }
        ]
    }
)
MODES = list(GenerationMode)


@pytest.mark.slow
def test_api_answers_match_the_openapi_description(app, client, db, region, example):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app, config=CONFIG)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} == {
        "/vragenlijsten",
        "/vragenlijsten/{survey_id}/resultaten",
        "/vragenlijsten/{survey_id}/codeboek",
        "/vragenlijsten/{survey_id}/antwoorden",
    }
    tokens = [create_token(region, f"schemathesis {scope}", scope, None)[1] for scope in ApiScope]
    db.session.commit()
    calls = []

    def call(case):
        surveys = [None]
        if "survey_id" in (case.path_parameters or {}) and case.meta.generation.mode.is_positive:
            surveys.append(example.id)
        for survey_id in surveys:
            if survey_id is not None:
                case.path_parameters["survey_id"] = survey_id
            for text in tokens:
                # identity: the in-process client does not undo Flask-Compress as an HTTP client would;
                # buffered: streamed answers are read inside their own app context (IsolatedClient)
                headers = {"Authorization": f"Bearer {text}", "Accept-Encoding": "identity"}
                response = case.call_and_validate(session=client, headers=headers, buffered=True)
                calls.append((case.operation.path, response.status_code))

    for operation in operations:
        generation = schema.config.generation_for(operation=operation, phase="coverage")
        for case in schema.iter_coverage_cases(operation, generation_modes=MODES, generation_config=generation):
            call(case)

    @settings(max_examples=40, derandomize=True, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(case=st.one_of([op.as_strategy(mode) for op in operations for mode in MODES]))
    def fuzz(case):
        call(case)

    fuzz()
    # the run reached every kind of answer, and every operation answered the worked example's survey
    assert {status for _path, status in calls} >= {200, 400, 401, 403, 404, 405}
    assert {path for path, status in calls if status == 200} == {op.path for op in operations}
