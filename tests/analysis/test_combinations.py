"""k over the combination: kept background values point to at least k people, also for someone who knows
the rule."""

import itertools
import random

from analysis.suppression.combinations import DEFAULT_ORDER, build, parse_order

VARIABLES = ("gemeente", "leeftijd", "soort_hulp", "respondenttype", "taal")


def invitee(gemeente, leeftijd="12-17", soort_hulp="ambulant", respondenttype="ouder", taal="nl"):
    return {
        "gemeente": gemeente,
        "leeftijd": leeftijd,
        "soort_hulp": soort_hulp,
        "respondenttype": respondenttype,
        "taal": taal,
    }


def consistent(population, shown, generaliser):
    """The invitees an attacker who knows the rule cannot tell apart from a shown row."""
    return [p for p in population if generaliser.generalise(p) == shown]


def test_common_values_that_are_a_rare_combination_are_generalised():
    population = (
        [invitee("Delft")] * 6
        + [invitee("Delft", soort_hulp="ggz")] * 6
        + [invitee("Delft", leeftijd="4-11", soort_hulp="ggz")]
    )
    generaliser = build(population, VARIABLES, 5)
    rare = generaliser.generalise(invitee("Delft", leeftijd="4-11", soort_hulp="ggz"))
    assert rare == {**invitee("Delft"), "soort_hulp": None, "leeftijd": None}  # gemeente and language stay
    # one group of 6 is generalised with the rare one (else "everything but me" gives it away), the other not
    kept = [generaliser.generalise(p) for p in (invitee("Delft"), invitee("Delft", soort_hulp="ggz"))]
    assert sorted(
        s == p for s, p in zip(kept, (invitee("Delft"), invitee("Delft", soort_hulp="ggz")), strict=True)
    ) == [False, True]
    assert all(len(consistent(population, generaliser.generalise(p), generaliser)) >= 5 for p in population)


def test_a_switch_to_a_rare_language_is_not_kept():
    population = [invitee("Delft")] * 20 + [invitee("Delft", taal="ar")] * 2
    generaliser = build(population, VARIABLES, 5)
    switched = generaliser.generalise(invitee("Delft", taal="ar"))
    assert switched["taal"] is None
    assert len(consistent(population, switched, generaliser)) >= 5


def test_thirty_invitees_each_unique_all_generalised_and_every_group_has_k():
    gemeenten, ages, helps = (
        ["Delft", "Schiedam", "Vlaardingen"],
        ["0-3", "4-11", "12-17", "18-23", "24+"],
        ["ambulant", "ggz"],
    )
    population = [invitee(g, a, h) for g, a, h in itertools.product(gemeenten, ages, helps)]
    assert len(population) == 30 and len({tuple(p.values()) for p in population}) == 30
    generaliser = build(population, VARIABLES, 5)
    shown = [generaliser.generalise(p) for p in population]
    assert all(s != p for s, p in zip(shown, population, strict=True))
    assert generaliser.generalised == 30
    assert all(len(consistent(population, s, generaliser)) >= 5 for s in shown)
    assert shown[0]["soort_hulp"] is None  # the first to go


def test_the_group_left_at_the_end_is_never_smaller_than_k():
    population = [invitee("Delft")] * 8 + [invitee("Delft", taal="ar")] * 6 + [invitee("Schiedam", taal="tr")] * 2
    generaliser = build(population, VARIABLES, 5)
    rows = [generaliser.generalise(p) for p in population]
    everything_dropped = [r for r in rows if all(v is None for v in r.values())]
    assert len(everything_dropped) >= 5
    assert all(len(consistent(population, r, generaliser)) >= 5 for r in rows)


def test_random_rounds_never_show_a_combination_of_fewer_than_k():
    rng = random.Random(16)
    for _ in range(40):
        population = [
            invitee(
                rng.choice("ABCD"),
                rng.choice(["0-3", "4-11", "12-17"]),
                rng.choice(["a", "b", ""]),
                rng.choice(["ouder", "jongere"]),
                rng.choice(["nl", "nl", "nl", "ar", "en"]),
            )
            for _ in range(rng.randint(3, 80))
        ]
        k = rng.choice([5, 10])
        generaliser = build(population, VARIABLES, k)
        for person in population:
            shown = generaliser.generalise(person)
            assert len(consistent(population, shown, generaliser)) >= min(k, len(population))
            assert all(v is None or shown[n] == (person[n] or None) for n, v in shown.items())


def test_the_survey_sets_the_order():
    population = [
        invitee("Delft", leeftijd=a, soort_hulp=h)
        for a in ["4-11", "12-17"]
        for h in ["ambulant", "ggz"]
        for _ in range(3)
    ]
    by_default = build(population, VARIABLES, 5).generalise(population[0])
    assert by_default["soort_hulp"] is None and by_default["leeftijd"] == "4-11"
    order = parse_order("leeftijd; onzin")
    assert order[0] == "leeftijd" and set(order) == set(DEFAULT_ORDER)
    age_first = build(population, VARIABLES, 5, order).generalise(population[0])
    assert age_first["leeftijd"] is None and age_first["soort_hulp"] == "ambulant"


def test_k_below_five_is_raised_to_five():
    population = [invitee("Delft")] * 4 + [invitee("Schiedam")] * 30
    assert build(population, VARIABLES, 3).generalise(invitee("Delft"))["gemeente"] is None


def test_a_released_group_takes_the_rare_one_in_one_level_up_and_keeps_the_gemeente():
    population = [invitee("Rotterdam", leeftijd=None)] * 12 + [invitee("Rotterdam", leeftijd="12-15")]
    generaliser = build(population, VARIABLES, 5)
    # the order is fixed: kind of help goes before age band, even where it is shared
    assert generaliser.generalise(population[-1]) == {**invitee("Rotterdam"), "soort_hulp": None, "leeftijd": None}
    assert generaliser.final == 0
