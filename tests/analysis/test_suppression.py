"""Small-cell protection against an attacker who knows every published number and the table's sums.

The attacker (``solutions``) is independent of the module: it enumerates every non-negative integer
filling of the hidden cells that agrees with all published numbers. A hidden cell is safe when at
least two fillings give it different values.
"""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.suppression import (
    CROSSTAB_TOTAL,
    ROUNDED,
    SIGNAL,
    Note,
    Policy,
    Reason,
    derivable,
    open_answers_allowed,
    protect_breakdown,
    protect_cells,
    protect_crosstab,
    round_public,
)


def solutions(counts, groups, hidden, limit=200_000):
    """Every value each hidden cell can take, given the visible cells and the group sums."""
    hidden = [k for k in counts if k in set(hidden)]
    bound = {
        k: min([counts[t] for t, members in groups if k in members and t not in set(hidden)] or [max(counts.values())])
        for k in hidden
    }
    eqs = [((total, *members), (1, *[-1] * len(members))) for total, members in groups]
    seen = {k: set() for k in hidden}
    value = {k: v for k, v in counts.items() if k not in set(hidden)}
    steps = 0

    def consistent():
        for keys, signs in eqs:
            if all(k in value for k in keys) and sum(s * value[k] for k, s in zip(keys, signs, strict=True)) != 0:
                return False
        return True

    def walk(i):
        nonlocal steps
        steps += 1
        assert steps < limit, "attack search too large for this test table"
        if i == len(hidden):
            for k in hidden:
                seen[k].add(value[k])
            return
        for v in range(bound[hidden[i]] + 1):
            value[hidden[i]] = v
            if consistent():
                walk(i + 1)
        del value[hidden[i]]

    walk(0)
    return seen


def assert_safe(counts, groups, protection, k=10, brute_force=True):
    hidden = set(protection.reasons)
    if brute_force:
        for key, values in solutions(counts, groups, hidden).items():
            assert len(values) >= 2, f"{key} can be derived: it must be {values}"
    for total, members in groups:
        hid = [m for m in members if m in hidden]
        if total not in hidden and hid:
            assert len(hid) >= 2, f"one hidden member in {total}"
            # fewer than k together only when all of the total is hidden (the total is public anyway)
            everything = all(m in hidden for m in members if counts[m] > 0)
            assert everything or sum(counts[m] for m in hid) >= k, f"hidden part of {total} is < {k}"


def flat(total, **members):
    counts = {"T": total, **members}
    return counts, [("T", list(members))]


def test_one_small_cell_gets_the_next_smallest_as_complement():
    counts, groups = flat(50, A=3, B=20, C=27)
    protection = protect_cells(counts, groups, fixed={"T"})
    assert protection.reasons == {"A": Reason.SMALL, "B": Reason.COMPLEMENT}
    assert_safe(counts, groups, protection)


def test_two_small_cells_that_together_are_still_small_need_a_third():
    counts, groups = flat(50, A=3, B=4, C=43)
    protection = protect_cells(counts, groups, fixed={"T"})
    # A + B = 50 - 43 = 7 would tell that 7 people are in A or B: C is hidden too
    assert protection.reasons == {"A": Reason.SMALL, "B": Reason.SMALL, "C": Reason.COMPLEMENT}
    assert_safe(counts, groups, protection)


def test_two_small_cells_that_together_reach_k_need_no_complement():
    counts, groups = flat(61, A=4, B=7, C=20, D=30)
    protection = protect_cells(counts, groups, fixed={"T"})
    assert set(protection.reasons) == {"A", "B"}
    assert_safe(counts, groups, protection)


def test_a_small_cell_is_never_derivable_from_the_total_minus_the_rest():
    counts, groups = flat(25, A=5, B=20)
    protection = protect_cells(counts, groups, fixed={"T"})
    assert protection.is_hidden("A") and protection.is_hidden("B")
    assert solutions(counts, groups, protection.reasons)["A"] == set(range(0, 26))


def test_a_zero_is_shown_and_never_used_as_complement():
    counts, groups = flat(20, A=0, B=3, C=17)
    protection = protect_cells(counts, groups, fixed={"T"})
    assert not protection.is_hidden("A")
    assert protection.reasons == {"B": Reason.SMALL, "C": Reason.COMPLEMENT}
    assert_safe(counts, groups, protection)


def test_all_zero_and_all_large_tables_hide_nothing():
    assert protect_cells(*flat(0, A=0, B=0), fixed={"T"}).hidden == ()
    assert protect_cells(*flat(60, A=10, B=20, C=30), fixed={"T"}).hidden == ()


def test_a_subtotal_is_hidden_when_nothing_else_can_protect_its_member():
    # gemeente G (a subtotal, not fixed) has one wijk W1 of 4 and an empty wijk W2
    counts = {"G": 4, "W1": 4, "W2": 0}
    protection = protect_cells(counts, [("G", ["W1", "W2"])])
    assert protection.reasons == {"G": Reason.SMALL, "W1": Reason.SMALL}


def test_nested_groups_protect_through_the_levels():
    # total 100 -> subregio N (45) and S (55) -> gemeenten
    counts = {"T": 100, "N": 45, "S": 55, "X": 4, "Y": 41, "Z": 30, "W": 25}
    groups = [("T", ["N", "S"]), ("N", ["X", "Y"]), ("S", ["Z", "W"])]
    protection = protect_cells(counts, groups, fixed={"T"})
    assert protection.reasons == {"X": Reason.SMALL, "Y": Reason.COMPLEMENT}
    assert not protection.is_hidden("N")  # N stays: X and Y are two unknowns
    assert_safe(counts, groups, protection)


def test_a_small_subregio_pulls_its_sibling_and_a_child_along():
    # S is small (8) with one gemeente W; S hidden -> N must go too, and N's gemeenten would add up to N
    counts = {"T": 60, "N": 52, "S": 8, "X": 22, "Y": 30, "W": 8}
    groups = [("T", ["N", "S"]), ("N", ["X", "Y"]), ("S", ["W"])]
    protection = protect_cells(counts, groups, fixed={"T"})
    assert protection.is_hidden("S") and protection.is_hidden("W") and protection.is_hidden("N")
    assert protection.is_hidden("X") or protection.is_hidden("Y")
    assert_safe(counts, groups, protection)


def test_overlapping_groupings_cannot_be_differenced():
    # gemeenten X (small), Y, Z; also published: cluster A = X + Y and cluster B = X + Z.
    # Group by group each looks safe after hiding Y and Z, but A + B - T = X: the audit must see it.
    counts = {"T": 55, "X": 4, "Y": 21, "Z": 30, "A": 25, "B": 34}
    groups = [("T", ["X", "Y", "Z"]), ("A", ["X", "Y"]), ("B", ["X", "Z"])]
    protection = protect_cells(counts, groups, fixed={"T"})
    assert derivable(counts, groups, protection.reasons) == set()
    assert protection.is_hidden("A") or protection.is_hidden("B")
    assert_safe(counts, groups, protection)


def test_the_audit_finds_a_difference_the_group_rules_miss():
    counts = {"T": 55, "X": 4, "Y": 21, "Z": 30, "A": 25, "B": 34}
    groups = [("T", ["X", "Y", "Z"]), ("A", ["X", "Y"]), ("B", ["X", "Z"])]
    assert derivable(counts, groups, {"X", "Y", "Z"}) == {"X", "Y", "Z"}


def test_cross_table_and_its_margins_are_protected_together():
    table = pd.DataFrame({"12-15": [3, 20, 15], "16-17": [12, 11, 14]}, index=["X", "Y", "Z"])
    result = protect_crosstab(table, total_label="Totaal")  # the caller's word for the totals
    shown = result.table
    assert pd.isna(shown.at["X", "12-15"])
    # the complements form a rectangle, so row Y stays readable
    assert shown.at["Y", "12-15"] == 20 and shown.at["Y", "16-17"] == 11
    assert shown.at["Totaal", "Totaal"] == 75
    counts = {
        (r, c): int(v)
        for r in ["X", "Y", "Z", "Totaal"]
        for c in ["12-15", "16-17", "Totaal"]
        for v in [table.loc[r, c] if r != "Totaal" and c != "Totaal" else 0]
    }
    for r in table.index:
        counts[(r, "Totaal")] = int(table.loc[r].sum())
    for c in table.columns:
        counts[("Totaal", c)] = int(table[c].sum())
    counts[("Totaal", "Totaal")] = 75
    groups = [((r, "Totaal"), [(r, c) for c in table.columns]) for r in table.index]
    groups += [(("Totaal", c), [(r, c) for r in table.index]) for c in table.columns]
    groups += [(("Totaal", "Totaal"), [(r, "Totaal") for r in table.index])]
    groups += [(("Totaal", "Totaal"), [("Totaal", c) for c in table.columns])]
    hidden = {cell.key for cell in result.hidden}
    for key, values in solutions(counts, groups, hidden).items():
        assert len(values) >= 2, key


def test_a_small_margin_in_a_cross_table_is_hidden_with_its_cells():
    table = pd.DataFrame({"a": [2, 30, 25], "b": [3, 22, 28]}, index=["X", "Y", "Z"])
    shown = protect_crosstab(table).table
    assert pd.isna(shown.at["X", CROSSTAB_TOTAL])  # row X has 5 people in total
    assert pd.isna(shown.at["X", "a"]) and pd.isna(shown.at["X", "b"])


def test_a_cross_table_has_no_words_of_its_own():
    """Without the caller's word the totals carry a key, never a Dutch label; a row or column that has the
    label of the totals is refused rather than mixed up with them."""
    table = pd.DataFrame({"a": [20, 30], "b": [25, 22]}, index=["X", "Y"])
    shown = protect_crosstab(table).table
    assert list(shown.index) == ["X", "Y", CROSSTAB_TOTAL] and list(shown.columns) == ["a", "b", CROSSTAB_TOTAL]
    assert shown.at[CROSSTAB_TOTAL, CROSSTAB_TOTAL] == 97
    with pytest.raises(ValueError, match="label of the totals"):
        protect_crosstab(table.rename(index={"Y": "Totaal"}), total_label="Totaal")


def test_a_breakdown_of_one_group_is_withheld():
    protection = protect_cells({"T": 7, "A": 7}, [("T", ["A"])], fixed={"T"})
    assert protection.reasons == {"A": Reason.WITHHELD}
    assert protection.notes() == (Note(Reason.WITHHELD),)


def test_threshold_is_configurable_but_never_below_five():
    assert Policy(k=3).k == 5 and Policy(k=0).k == 5 and Policy(k=15).k == 15
    counts, groups = flat(60, A=4, B=26, C=30)
    assert protect_cells(counts, groups, Policy(k=2), fixed={"T"}).is_hidden("A")
    counts, groups = flat(60, A=12, B=18, C=30)
    assert protect_cells(counts, groups, Policy(k=15), fixed={"T"}).is_hidden("A")
    assert not protect_cells(counts, groups, Policy(k=10), fixed={"T"}).is_hidden("A")
    assert Policy(k=40, signal_below=30).signal_below == 40


def test_bad_tables_are_refused():
    with pytest.raises(ValueError, match="do not add up"):
        protect_cells({"T": 10, "A": 3, "B": 3}, [("T", ["A", "B"])])
    with pytest.raises(ValueError, match="negative"):
        protect_cells({"T": 0, "A": -3, "B": 3}, [("T", ["A", "B"])])


def breakdown_frame():
    return pd.DataFrame(
        {
            "item_code": ["T1"] * 5 + ["T2"] * 5,
            "gemeente": [None, "A", "B", "C", "D"] * 2,
            "n": [62, 12, 13, 28, 9, 60, 12, 13, 27, 8],
            "pct": [50.0, 41.7, 53.8, 57.1, 33.3, 40.0, 25.0, 38.5, 48.1, 37.5],
        }
    )


def test_breakdown_table_hides_counts_and_percentages_per_item():
    result = protect_breakdown(breakdown_frame(), ["gemeente"], tables=["item_code"])
    table = result.table.set_index(["item_code", "gemeente"])
    for item in ("T1", "T2"):
        assert pd.isna(table.loc[(item, "D"), "n"]) and pd.isna(table.loc[(item, "D"), "pct"])
        assert table.loc[(item, "D"), "reason"] == "small"
        # the next smallest, A (12), hides with it so D is not 62 - 13 - 28 - 12
        assert table.loc[(item, "A"), "reason"] == "complement"
        assert table.loc[(item, "C"), "n"] == table.loc[(item, "C"), "n"]  # shown
    assert result.table.loc[result.table["gemeente"].isna(), "n"].tolist() == [62, 60]
    assert ("T1", "D") in {c.key for c in result.hidden}
    notes = result.notes()
    # B (13) and C (28) are signals; the words are survey.protection_notes
    assert notes == (Note(Reason.SMALL, 10), Note(Reason.COMPLEMENT), Note(SIGNAL, 30))
    assert table.loc[("T1", "B"), "signal"] and not table.loc[("T1", None), "signal"]


def test_same_table_with_and_without_rounding():
    exact = protect_breakdown(breakdown_frame(), ["gemeente"], tables=["item_code"])
    public = protect_breakdown(breakdown_frame(), ["gemeente"], tables=["item_code"], policy=Policy(public=True))
    assert exact.table["hidden"].tolist() == public.table["hidden"].tolist()
    shown = public.table["n"].dropna().astype(int).tolist()
    assert shown == [60, 15, 30, 60, 15, 25]  # 62, 13, 28 | 60, 13, 27 rounded half up to fives
    assert all(n % 5 == 0 for n in shown)
    assert Note(ROUNDED) in public.notes()
    assert Note(ROUNDED) not in exact.notes()


def test_rounding_to_fives_is_half_up():
    assert [round_public(n) for n in (0, 2, 3, 7, 8, 12, 13, 62, 63)] == [0, 0, 5, 5, 10, 10, 15, 60, 65]


def test_nested_breakdown_frame_with_missing_subtotals():
    frame = pd.DataFrame(
        {"subregio": [None, "N", "N", "S", "S"], "gemeente": [None, "X", "Y", "Z", "W"], "n": [100, 4, 41, 30, 25]}
    )
    result = protect_breakdown(frame, ["subregio", "gemeente"])
    reasons = dict(zip(result.table["gemeente"], result.table["reason"], strict=True))
    # subtotals N = 45 and S = 55 are not in the frame: they count as published, so Y must hide
    assert reasons["X"] == "small" and reasons["Y"] == "complement"
    assert reasons["Z"] is None and reasons["W"] is None


def test_a_finer_level_without_its_coarser_level_is_refused():
    frame = pd.DataFrame({"subregio": [None, None], "gemeente": [None, "X"], "n": [5, 5]})
    with pytest.raises(ValueError, match="coarser"):
        protect_breakdown(frame, ["subregio", "gemeente"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=7))
def test_random_one_level_tables_are_safe(sizes):
    counts = {"T": sum(sizes)} | {f"g{i}": n for i, n in enumerate(sizes)}
    groups = [("T", [f"g{i}" for i in range(len(sizes))])]
    protection = protect_cells(counts, groups, fixed={"T"})
    for key, n in counts.items():
        if 0 < n < 10 and key != "T":
            assert protection.is_hidden(key)
    if not any(r == Reason.WITHHELD for r in protection.reasons.values()):
        assert derivable(counts, groups, protection.reasons) == set()
        assert_safe(counts, groups, protection, brute_force=False)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.lists(st.integers(min_value=0, max_value=30), min_size=2, max_size=3), min_size=2, max_size=4).filter(
        lambda rows: len({len(r) for r in rows}) == 1
    )
)
def test_random_cross_tables_leave_nothing_derivable(rows):
    table = pd.DataFrame(
        rows, index=[f"r{i}" for i in range(len(rows))], columns=[f"c{j}" for j in range(len(rows[0]))]
    )
    result = protect_crosstab(table)
    shown = result.table
    for r in table.index:
        for c in table.columns:
            if 0 < table.at[r, c] < 10:
                assert pd.isna(shown.at[r, c])
    reasons = {cell.key: cell.reason for cell in result.hidden}
    if Reason.WITHHELD not in reasons.values():
        T = CROSSTAB_TOTAL
        counts = {(r, c): int(table.at[r, c]) for r in table.index for c in table.columns}
        counts |= {(r, T): int(table.loc[r].sum()) for r in table.index}
        counts |= {(T, c): int(table[c].sum()) for c in table.columns}
        counts[(T, T)] = int(table.to_numpy().sum())
        groups = [((r, T), [(r, c) for c in table.columns]) for r in table.index]
        groups += [((T, c), [(r, c) for r in table.index]) for c in table.columns]
        groups += [
            ((T, T), [(r, T) for r in table.index]),
            ((T, T), [(T, c) for c in table.columns]),
        ]
        assert derivable(counts, groups, reasons) == set()


def test_open_answers_only_for_groups_of_at_least_k():
    assert not open_answers_allowed(9) and open_answers_allowed(10)
    assert open_answers_allowed(5, Policy(k=3)) and not open_answers_allowed(4, Policy(k=3))  # k >= 5
    assert not open_answers_allowed(14, Policy(k=15))
