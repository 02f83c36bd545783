"""Dutch sentence form without a POS tagger: finite verbs, and the bare infinitive phrase that advises
("Kennis breder delen", "Afspraken maken over de overdracht") as against a statement with a plural verb
("Signalen blijven op de plank liggen", "Jongeren gaan vaker naar de stad")."""

from __future__ import annotations

from analysis.remarks import lexicon as lex
from analysis.remarks.verbs import FINITE, is_finite, is_infinitive, is_participle, verb_lemma
from analysis.remarks.words import words

#: Prepositions that may follow the infinitive of advice ("afspraken maken over", "beperken tot").
PREPOSITIONS = words("prepositions")


def finite_verbs(clause: list[str]) -> list[str]:
    """Conjugated verbs in a clause, also a plural verb in second position ("Ouders haken af") or
    before its object ("beoordelen de veiligheid"). A bare stem ("twijfel", "plan") counts only next to
    "ik": elsewhere it is a noun."""
    found = [
        w
        for i, w in enumerate(clause)
        if is_finite(w)
        and (w in FINITE or w.endswith(("t", "de", "te", "den", "ten")) or "ik" in clause[max(i - 1, 0) : i + 2])
    ]
    for i, word in enumerate(clause):
        if i == 0 or i == len(clause) - 1 or not is_infinitive(word):
            continue
        after = clause[i + 1]
        if (
            after in lex.INVERTED_SUBJECTS
            or after in lex.ARTICLES
            or clause[i - 1] in lex.PLURAL_SUBJECTS
            or (word in lex.AUXILIARIES and any(is_infinitive(w) for w in clause[i + 1 : i + 4]))
        ):
            found.append(word)
        elif i <= 3 and in_second_position(clause, i):
            found.append(word)
    return found


def in_second_position(clause: list[str], i: int) -> bool:
    """The word follows one constituent (a noun, or article + noun), as a finite verb does."""
    before = clause[:i]
    if any(w in lex.COMPARATIVES or w in ("ook", "nog", "samen", "vaker", "eerder") for w in before):
        return False
    if is_infinitive(clause[i + 1]) or before[-1] in lex.NOMINALISERS | lex.DETERMINERS:
        return False
    if i == 1:
        return True
    return before[0] in lex.DETERMINERS


def bare_infinitive_phrase(main: list[str]) -> bool:
    """An infinitive not after "te" and no finite verb: "Kennis breder delen", "Vaker terugkoppelen".

    In advice the infinitive closes the phrase, or only a prepositional phrase follows it ("Afspraken
    maken over ..."); a plural verb followed by other words ("Jongeren gaan vaker naar de stad") or by
    a verb at the end ("Signalen blijven op de plank liggen") states something."""
    if not main or main[0] in lex.INTERROGATIVES or finite_verbs(main):
        return False
    last = len(main) - 1
    for i, word in enumerate(main):
        if not is_infinitive(word) or (i and main[i - 1] in lex.NOMINALISERS | lex.DETERMINERS | {"te"}):
            continue
        if i == last or i == 0 or main[i + 1] in PREPOSITIONS or (is_infinitive(main[i + 1]) and i + 1 == last):
            return not (i < last - 1 and verb_at_end(main))
    return False


def verb_at_end(clause: list[str]) -> bool:
    """The clause closes on an infinitive or a participle, as after a plural finite verb."""
    word = clause[-1]
    if is_infinitive(word):
        return True
    base = verb_lemma(word)
    return base is not None and base != word and is_participle(word, base)
