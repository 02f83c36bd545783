"""The response tables the results page reads from the invitations are kept at the close of fieldwork as
plain JSON values and read back as the same protected tables (the page shows them unchanged)."""

import json

import pandas as pd

from analysis.suppression import Policy
from survey.reports.pages.response import frozen_tables, protect_category, thawed_tables


def test_kept_response_tables_read_back_as_they_were():
    policy = Policy(k=5)
    tables = {
        "gemeente": protect_category(
            pd.Series(["Delft", "Delft", "Schiedam", None]),
            pd.Series([True, False, True, False]),
            pd.Series([6, 5, 2, 3]),
            "gemeente",
            policy,
        ),
        "leeftijd": protect_category(
            pd.Series(["12–17", "4–11"]), pd.Series([True, True]), pd.Series([7, 9]), "leeftijd", policy
        ),
    }
    assert any(t.hidden for t in tables.values())  # a small count and its complement are hidden
    kept = json.loads(json.dumps(frozen_tables(tables, policy)))  # as the JSON column stores them
    back = thawed_tables(kept, policy)
    assert list(back) == list(tables)
    for variable, table in tables.items():
        pd.testing.assert_frame_equal(back[variable].table, table.table)
        assert back[variable].hidden == table.hidden
        assert back[variable].notes() == table.notes()


def test_kept_tables_are_not_shown_with_a_higher_k_or_on_a_public_page():
    policy = Policy(k=5)
    table = protect_category(pd.Series(["Delft"]), pd.Series([True]), pd.Series([6]), "gemeente", policy)
    kept = json.loads(json.dumps(frozen_tables({"gemeente": table}, policy)))
    assert thawed_tables(kept, Policy(k=10)) == {}
    assert thawed_tables(kept, Policy(k=5, public=True)) == {}
    assert list(thawed_tables(kept, Policy(k=5))) == ["gemeente"]
