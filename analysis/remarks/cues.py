"""Transparent Dutch cues for the kind of a remark, and the rule scores built from them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.remarks import lexicon as lex
from analysis.remarks.grammar import bare_infinitive_phrase, finite_verbs
from analysis.remarks.polarity import general_matches
from analysis.remarks.verbs import (
    fold,
    is_finite,
    is_imperative,
    is_infinitive,
    main_clause,
    tokens,
)

COMPLIMENT, ZORG, SUGGESTIE, OBSERVATIE, VRAAG = "compliment", "zorg", "suggestie", "observatie", "vraag"
KINDS = (COMPLIMENT, ZORG, SUGGESTIE, OBSERVATIE, VRAAG)

#: key -> (Dutch label shown to coders, kind the cue points to, weight in the rules)
CUES: dict[str, tuple[str, str, float]] = {
    "lof": ("lovend woord", COMPLIMENT, 2.0),
    "lofuiting": ("vaste uitdrukking van lof", COMPLIMENT, 4.0),
    "positief_woord": ("positief woord (algemeen lexicon)", COMPLIMENT, 1.5),
    "negatief_woord": ("negatief woord (algemeen lexicon)", ZORG, 1.5),
    "zorgwoord": ("zorg- of klachtwoord", ZORG, 2.0),
    "ontkende_lof": ("ontkenning van iets positiefs", ZORG, 2.5),
    "ontkende_zorg": ("ontkenning van een probleem", COMPLIMENT, 2.5),
    "verbetering": ("verbetering benoemd", COMPLIMENT, 2.0),
    "advieswoord": ("wens of advies", SUGGESTIE, 2.0),
    "gebiedende_wijs": ("gebiedende wijs", SUGGESTIE, 3.0),
    "infinitief": ("infinitiefzin zonder persoonsvorm", SUGGESTIE, 2.5),
    "modaal": ("modaal werkwoord", SUGGESTIE, 1.0),
    "vergrotende_trap": ("vergrotende trap", SUGGESTIE, 1.0),
    "ontkenning": ("ontkenning", ZORG, 1.0),
    "te_bijvoeglijk": ("te + bijvoeglijk naamwoord", ZORG, 1.5),
    "bevinding": ("bevinding of getal", OBSERVATIE, 1.5),
    "vergelijking": ("vergelijking (meer/vaker ... dan)", OBSERVATIE, 1.5),
    "vraagteken": ("vraagteken", VRAAG, 3.0),
    "vraagwoord": ("vraagwoord", VRAAG, 2.5),
    "vraagzin": ("werkwoord vooraan (vraagzin)", VRAAG, 1.5),
    "verzoek": ("verzoek in vraagvorm", SUGGESTIE, 4.0),
    "retorische_vraag": ("verwijtende waarom-vraag", ZORG, 4.0),
    "niets_te_melden": ("antwoord 'niets'", COMPLIMENT, 3.0),
    "prior": ("vraag in de vragenlijst", OBSERVATIE, 1.25),
}
BASELINE = {OBSERVATIE: 0.5}
EARLIER_SEGMENT = 0.6  # before "maar", the remark usually concedes; the point comes after
PER_KEY_CAP = 1.5  # several praise words count more than one, but not without limit
PATTERNS = {
    "lofuiting": lex.compile_terms(lex.PRAISE_IDIOM),
    "lof": lex.compile_terms(lex.PRAISE),
    "zorgwoord": lex.compile_terms(lex.WORRY),
    "advieswoord": lex.compile_terms(lex.ADVICE),
    "bevinding": lex.compile_terms(lex.FINDING),
}
FLIPPED = {
    "lof": "ontkende_lof",
    "zorgwoord": "ontkende_zorg",
    "positief_woord": "negatief_woord",
    "negatief_woord": "positief_woord",
}
IMPROVEMENT = re.compile(
    r"\b(?:gaat|ging|gaan|zit|loopt|verloopt) (?:\w+ ){0,3}beter\b|\bsteeds beter\b"
    r"|\b(?:kan|kunnen|kon|konden) (?:\w+ )?nu (?:veel |een stuk )?(?:beter|makkelijker)\b"
    r"|\b(?:is|zijn|werd) (?:\w+ ){0,3}\w+(?:er|ker|der) geworden\b"
)
#: "Nooit het gevoel gehad dat ik lastig was": the judgement in the dat-clause is denied.
NEGATED_FEELING = re.compile(
    r"\b(?:nooit|niet)\b(?:\s+\w+){0,3}\s+het gevoel\b(?:\s+\w+){0,2}\s+dat"
    r"(?:\s+\w+){0,4}\s*$"
)
WORSENING = re.compile(r"\b(?:langer|slechter|erger|moeilijker|drukker|zwaarder)\b")


@dataclass(frozen=True)
class Cue:
    """One piece of evidence: which cue fired, on which words, pointing to which kind."""

    key: str
    kind: str
    weight: float
    words: str = ""

    @property
    def label(self) -> str:
        """Dutch name of the cue for display ("gebiedende wijs")."""
        return CUES[self.key][0]


def make(key: str, words: str = "", factor: float = 1.0, kind: str | None = None) -> Cue:
    label_kind, weight = CUES[key][1], CUES[key][2]
    return Cue(key, kind or label_kind, weight * factor, words)


def segments(text: str) -> list[tuple[str, float]]:
    """Parts of the remark split at "maar", with the weight each part carries."""
    parts = [p for p in re.split(r"\bmaar\b", fold(text)) if p.strip()]
    if len(parts) < 2:
        return [(fold(text), 1.0)]
    return [(p, 1.0 if i == len(parts) - 1 else EARLIER_SEGMENT) for i, p in enumerate(parts)]


def flipped(segment: str, start: int, key: str, end: int | None = None) -> bool:
    """A negator (or "slecht", "weinig") among the three words before ``start`` in the same clause, or
    right after a verb ("werkt niet", "hielp me niet"); "te" right before a word of praise also turns it
    ("te snel"), but leaves a complaint one; "niets dan" only stresses ("niets dan goede ...")."""
    before = re.split(r"[,;:.!?]", segment[:start])[-1].split()[-3:]
    if before and before[-1] == "te":
        return key in ("lof", "positief_woord")
    if before[-2:] in (["niets", "dan"], ["niks", "dan"]):
        return False
    if NEGATED_FEELING.search(segment[:start]):
        return True
    if any(w in lex.FLIPPERS for w in before):
        return True
    if key == "zorgwoord" and end is not None and re.match(r"\s+weg\b", segment[end:]):
        return True  # "nam mijn zorgen weg"
    if end is None or not is_finite(segment[start:end].split()[-1]):
        return False
    after = re.split(r"[,;:.!?]", segment[end:])[0].split()[:3]
    return any(w in lex.NEGATORS for w in after) and "maar" not in after


def lexical_matches(segment: str) -> list[tuple[str, re.Match[str]]]:
    """Word-list matches; where two overlap, the longer phrase wins ("lijkt me goed" over "goed")."""
    found = [(key, m) for key, pattern in PATTERNS.items() for m in pattern.finditer(segment)]
    found.sort(key=lambda km: km[1].end() - km[1].start(), reverse=True)
    kept: list[tuple[str, re.Match[str]]] = []
    for key, match in found:
        if all(match.end() <= m.start() or match.start() >= m.end() for _, m in kept):
            kept.append((key, match))
    return sorted(kept, key=lambda km: km[1].start())


def lexical_cues(segment: str, factor: float) -> tuple[list[Cue], bool]:
    """Word-list cues, a negated praise or worry word flipped; also whether a negator was used up."""
    found: list[Cue] = []
    used = False
    listed = lexical_matches(segment)
    frames = [m.span() for m in lex.ADVICE_FRAME.finditer(segment)]
    for key, match in listed + general_matches(segment, [m for _, m in listed]):
        words = match.group()
        if key in ("lof", "positief_woord") and any(a <= match.start() < b for a, b in frames):
            found.append(make("advieswoord", words, factor))  # "lijkt me nuttig", "zou heel fijn zijn"
        elif key in FLIPPED and flipped(segment, match.start(), key, match.end()):
            found.append(make(FLIPPED[key], words, factor))
            used = True
        else:
            found.append(make(key, words, factor))
            used = used or bool(set(words.split()) & lex.NEGATORS)
    return found, used


def grammar_cues(segment: str, factor: float) -> list[Cue]:
    """Imperative, bare infinitive phrase, modal, comparative, "te + adjective", improvement."""
    main = main_clause(segment)
    found = imperative_cues(segment, factor)
    if bare_infinitive_phrase(main):
        found.append(make("infinitief", " ".join(main), factor))
    asks = bool(main) and main[0] in lex.INTERROGATIVES  # "waar moet ik heen": a question, not advice
    asks = asks or bool({"heb", "had", "hebben", "hadden"} & set(main))  # "heb ... moeten regelen": past
    modals = [
        w for w in main if w in lex.MODALS and not asks and (w not in lex.ABILITY_MODALS or advising_ability(main, w))
    ]
    if modals:
        found.append(make("modaal", modals[0], factor))
    comparatives = [w for w in main if w in lex.COMPARATIVES or lex.COMPARATIVE_SUFFIX.match(w)]
    words = tokens(segment)
    if comparatives and (modals or not finite_verbs(main)):
        opening = 2.0 if main and main[0] == comparatives[0] else 1.0  # "Meer leuke activiteiten"
        found.append(make("vergrotende_trap", comparatives[0], factor * opening))
    elif comparatives and "dan" in words[words.index(comparatives[0]) if comparatives[0] in words else 0 :]:
        found.append(make("vergelijking", f"{comparatives[0]} ... dan", factor))
    for i, word in enumerate(words[:-1]):
        if (
            word == "te"
            and not is_infinitive(words[i + 1])
            and words[i + 1] not in ("veel", "weinig")
            and (i == 0 or words[i - 1] != "om")
        ):
            found.append(make("te_bijvoeglijk", f"te {words[i + 1]}", factor))
    improvement = IMPROVEMENT.search(segment)
    if improvement:
        kind = ZORG if WORSENING.search(improvement.group()) else COMPLIMENT
        found.append(make("verbetering", improvement.group(), factor, kind=kind))
    return found


def advising_ability(main: list[str], modal: str) -> bool:
    """ "Kan"/"mag" advise only before a comparative ("kan beter", "mag vaker"), after "zou", or at the
    start; "Onze zoon kan nu zelf zijn emoties benoemen" states an ability."""
    i = main.index(modal)
    if "nu" in main[i + 1 : i + 4]:  # "ik kan nu beter praten": a change that happened
        return False
    return i == 0 or "zou" in main or "zouden" in main or any(w in lex.COMPARATIVES for w in main[i + 1 : i + 4])


def imperative_cues(segment: str, factor: float) -> list[Cue]:
    """A sentence (or a part after "Tip:") that opens with a verb stem and has no other finite verb."""
    for chunk in re.split(r"[,;:.!?]", segment):
        words = tokens(chunk)
        if not words:
            continue
        rest = main_clause(chunk)[1:]
        if lex.AMBIGUOUS_IMPERATIVES.match(chunk.strip()) or (
            is_imperative(words[0]) and not any(is_finite(w) for w in rest)
        ):
            return [make("gebiedende_wijs", words[0], factor)]
    return []


def question_cues(text: str) -> list[Cue]:
    """Question mark, question word, verb-first question; requests and reproachful why-questions."""
    folded = fold(text).strip()
    words = tokens(folded)
    found: list[Cue] = []
    request = lex.REQUEST.search(folded)
    rhetorical = not request and lex.RHETORICAL.search(folded)
    if rhetorical:
        found.append(make("retorische_vraag", words[0]))
    if request:
        found.append(make("verzoek", " ".join(words[:2])))
    if "?" in folded:
        found.append(make("vraagteken", "?"))
    if (
        words
        and words[0] in lex.INTERROGATIVES
        and not rhetorical
        and (
            "?" in folded
            or (
                ":" not in folded[:30]
                and any(is_finite(w) for w in words[1:3])
                and (is_finite(words[1]) or words[1] in lex.DEGREE_QUESTION)
            )
        )
    ):
        found.append(make("vraagwoord", words[0]))
    elif (
        not request
        and not rhetorical
        and (
            verb_first_question(words)
            or folded.startswith("vraag:")
            or re.search(r"\b(?:vroeg|vraag) (?:me|mij|ik me) af\b", folded)
        )
    ):
        found.append(make("vraagzin", " ".join(words[:2])))
    return found


def verb_first_question(words: list[str]) -> bool:
    """ "Kan ik …", "Is er …", "Worden mijn …": a finite verb, then a subject."""
    if len(words) < 2 or words[:2] == ["weet", "ik"]:
        return False
    return is_finite(words[0]) and words[1] in lex.QUESTION_SUBJECTS and not is_imperative(words[0])


def nothing_answer(text: str, prompt_kind: str | None) -> list[Cue]:
    """ "Niets" to "Wat kan beter?" praises; "Weinig" to "Wat gaat goed?" complains."""
    if not lex.NOTHING_ANSWER.search(fold(text).strip()):
        return []
    if prompt_kind in (SUGGESTIE, ZORG):
        return [make("niets_te_melden", "niets", kind=COMPLIMENT)]
    if prompt_kind == COMPLIMENT:
        return [make("niets_te_melden", "niets", kind=ZORG)]
    return []


def find_cues(text: str, prompt_kind: str | None = None) -> list[Cue]:
    """Every cue that fires on ``text``, with the question's kind as a prior when given."""
    found: list[Cue] = []
    for segment, factor in segments(text):
        lexical, used = lexical_cues(segment, factor)
        found += lexical + grammar_cues(segment, factor)
        negators = [w for w in tokens(segment) if w in lex.NEGATORS]
        if negators and not used:
            found.append(make("ontkenning", negators[0], factor))
    found += question_cues(text)
    nothing = nothing_answer(text, prompt_kind)
    if nothing:  # "Niets, …" answers the question; it is not a negation inside a complaint
        found = [c for c in found if c.key != "ontkenning"] + nothing
    if prompt_kind and not nothing:
        found.append(make("prior", prompt_kind, kind=prompt_kind))
    return found


def evidence(cues: list[Cue]) -> dict[str, float]:
    """Per kind, the weight of the remark's own words (no prior, no baseline): for secondary kinds."""
    scores = rule_scores([c for c in cues if c.key != "prior"])
    return {kind: score - BASELINE.get(kind, 0.0) for kind, score in scores.items()}


def rule_scores(cues: list[Cue]) -> dict[str, float]:
    """Sum of cue weights per kind (each cue key capped), on top of a small neutral baseline."""
    per_key: dict[tuple[str, str], float] = {}
    for cue in cues:
        per_key[(cue.key, cue.kind)] = per_key.get((cue.key, cue.kind), 0.0) + cue.weight
    scores = {kind: BASELINE.get(kind, 0.0) for kind in KINDS}
    for (key, kind), total in per_key.items():
        scores[kind] += min(total, CUES[key][2] * PER_KEY_CAP)
    return scores
