"""k over the combination: background values kept on an answer only as a combination shared by ≥ k people.

A response may carry gemeente, age band, kind of help, respondent type and the language it was answered
in. Each value alone can be common while the combination is unique (the only Arabic-speaking parent of
a 4-to-11-year-old with jeugd-GGZ in Maassluis). Someone holding the contact file and a per-respondent
export joins on exactly that combination, so the rule is checked on the combination against the
*population* that person holds: the invitees of the round (contact file columns), or, for an open
link, the respondents themselves.

The rule is a cascade. Level 0 is the full combination; every next level drops one more variable, in
the survey's order (default :data:`DEFAULT_ORDER`: kind of help, age band, respondent type, gemeente,
language); variables not in the order are dropped before all others. A member of the population whose
combination at a level is shared by ≥ k members *not yet settled at an earlier level* is settled
there. Counting only unsettled members matters: someone who knows the rule and sees "kind of help:
onbekend" knows the full combination was rare, so the group that row points to is the unsettled one.
Whoever is left at the end (everything dropped) forms one group; when it has 1 to k-1 members, the
smallest settled groups are moved into it until it has ≥ k. Every shown combination therefore points
to at least k members of the population, also for an attacker who knows this rule.

A record (a respondent) gets the first level whose combination is a settled group of ≥ k members; a
respondent who answered in another language than the invitee list says is matched on the language
actually used, so a switch to a rare language is generalised like any rare value.

Missing values ("onbekend" in the contact file) are a value of their own when matching: an attacker
can match on "no gemeente" too. Dropped values are returned as None (shown as "onbekend").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from analysis.suppression.core import MIN_K

#: the key of the answer language in a combination
LANGUAGE = "taal"
#: variables in the order they are dropped: kind of help first, language last
DEFAULT_ORDER = ("soort_hulp", "leeftijd", "respondenttype", "gemeente", LANGUAGE)
#: the variables a survey may put in its own order
KNOWN_VARIABLES = frozenset(DEFAULT_ORDER)

Profile = Mapping[str, Hashable | None]


def parse_order(text: str | None) -> tuple[str, ...]:
    """A survey's order setting ("leeftijd, soort_hulp, …") as a full order: the named known variables
    first, then the rest of :data:`DEFAULT_ORDER`. Unknown names are ignored; empty gives the default."""
    named = [part.strip().lower() for part in (text or "").replace(";", ",").split(",")]
    chosen = list(dict.fromkeys(n for n in named if n in KNOWN_VARIABLES))
    return tuple(chosen + [v for v in DEFAULT_ORDER if v not in chosen])


def _value(value) -> Hashable | None:
    return None if value in (None, "") else str(value)


@dataclass
class Generaliser:
    """The cascade for one population (see the module docstring); ``generalise`` maps a record."""

    #: the variables in the order they are dropped
    order: tuple[str, ...]
    k: int
    #: per level: projection (values of ``order[level:]``) -> members in that settled group
    groups: list[dict[tuple, int]] = field(default_factory=list)
    #: members of the final group (every value dropped)
    final: int = 0
    _memo: dict = field(default_factory=dict, repr=False)

    def generalise(self, record: Profile) -> dict[str, Hashable | None]:
        """The record with every value its settled group does not share set to None."""
        values = tuple(_value(record.get(v)) for v in self.order)
        if values not in self._memo:
            result = dict.fromkeys(self.order)
            for level, groups in enumerate(self.groups):
                if values[level:] in groups:
                    result.update(zip(self.order[level:], values[level:], strict=True))
                    break
            self._memo[values] = result
        return dict(self._memo[values])

    @property
    def generalised(self) -> int:
        """Members of the population whose combination lost at least one value."""
        return sum(sum(g.values()) for g in self.groups[1:]) + self.final


def build(
    population: Iterable[Profile], variables: Sequence[str], k: int, order: Sequence[str] = DEFAULT_ORDER
) -> Generaliser:
    """The cascade of ``variables`` over ``population`` (invitees, or the respondents of an open link)."""
    k = max(MIN_K, int(k))
    known = [v for v in order if v in variables]
    drop = tuple(dict.fromkeys([v for v in variables if v not in known] + known))  # unknown ones first
    members = Counter(tuple(_value(p.get(v)) for v in drop) for p in population)
    forbidden: set[tuple[int, tuple]] = set()
    while True:
        groups, left = _cascade(members, len(drop), k, forbidden)
        final = sum(left.values())
        if not 0 < final < k:
            break
        choice = _release(groups, left)
        if choice is None:
            break
        forbidden.add(choice)  # it may settle one level on with the ones left over (or alone, the same)
    return Generaliser(order=drop, k=k, groups=groups, final=final)


def _cascade(members: Counter, depth: int, k: int, forbidden: set) -> tuple[list[dict[tuple, int]], Counter]:
    """Settle members level by level; a (level, projection) in ``forbidden`` never settles."""
    groups, remaining = [], members
    for level in range(depth):
        counts: Counter = Counter()
        for combination, n in remaining.items():
            counts[combination[level:]] += n
        settled = {p: n for p, n in counts.items() if n >= k and (level, p) not in forbidden}
        groups.append(settled)
        remaining = Counter({c: n for c, n in remaining.items() if c[level:] not in settled})
    return groups, remaining


def _release(groups: list[dict[tuple, int]], left: Counter) -> tuple[int, tuple] | None:
    """The settled group to release when the final group has 1 to k-1 members: the one that shares the
    most trailing values (language, gemeente, …) with someone left over, so they can settle together one
    level up instead of losing everything; then the smallest."""
    best = None
    for level, settled in enumerate(groups):
        for projection, n in settled.items():
            shared = max(_shared_tail(projection, combination[level:]) for combination in left)
            rank = (-shared, n, -level, tuple(str(v) for v in projection))
            if best is None or rank < best[0]:
                best = (rank, (level, projection))
    return None if best is None else best[1]


def _shared_tail(a: tuple, b: tuple) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


__all__ = ["DEFAULT_ORDER", "KNOWN_VARIABLES", "LANGUAGE", "Generaliser", "build", "parse_order"]
