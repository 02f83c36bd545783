"""Which kind of remark a question or heading invites: the prior for classifying its answers."""

from __future__ import annotations

import re

from analysis.remark_cues import COMPLIMENT, KINDS, OBSERVATIE, SUGGESTIE, VRAAG, ZORG
from analysis.remark_text import fold

#: Checked in this order; a matched span is removed before the next kind is tried, so
#: "Wat gaat niet goed?" is a worry prompt and does not also count as "gaat goed".
PROMPT_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        (ZORG, r"\b(?:gaat|ging|gingen|liep|loopt|werkt|vond \w+) (?:er )?niet goed\b|\bzorgen\b|\bknelpunt"
               r"|\bging (?:er )?mis\b|\bgaat (?:er )?mis\b|\bminpunt|\bklacht|\bproblemen\b|\bergernis"
               r"|\btegenviel|\btegenvallers?\b|\bniet tevreden\b|\bwat was (?:er )?(?:lastig|moeilijk)"
               r"|\bhobbels?\b|\buitdaging|\bbelemmer|\bzorgpunt|\brisico"),
        (SUGGESTIE, r"\baandacht|\bkan (?:het )?beter\b|\bkunnen (?:\w+ )?beter\b|\bverbeter|\btips?\b"
                    r"|\badvie[sz]|\bsuggesties?\b|\bwens|\bmoet(?:en)? (?:er )?anders\b"
                    r"|\banders (?:moeten|kunnen)\b|\bkan (?:er )?anders\b|\bwat mist\b|\bwat heeft u nodig\b"
                    r"|\bidee(?:en|n)?\b|\bwat zou|\baanbeveling|\bleerpunt|\bkansen\b"
                    # "Wat heeft het programma nodig om een succes te worden?": the rest is no praise
                    r"|\bwat (?:is|zijn|heeft|hebben) (?:er |\w+ |het \w+ |de \w+ )?nodig\b.*"),
        (COMPLIMENT, r"\btrots\b|\b(?:gaat|ging|gingen|werkt|werken|liep|loopt) (?:er )?goed\b|\bgoed gaat\b"
                     r"|\btops?\b|\bcomplimenten?\b|\bsterke punten\b|\bsucces|\btevreden\b|\bpluspunt"
                     r"|\bwat vond (?:u|je|jij) goed\b|\bwaardeer|\bwat werkt\b"),
        (OBSERVATIE, r"\bvalt (?:\w+ )?op\b|\bviel (?:\w+ )?op\b|\bopvallend|\bopvalt\b|\bbevinding"
                     r"|\bwat (?:zag|ziet|zien|merkt|merkte)\b|\bobservatie"),
        (VRAAG, r"\bvragen\b"),
    )
)


def prompt_kind(prompt: str | None) -> str | None:
    """The kind a question or heading invites ("Waar bent u trots op?" -> compliment), or None.

    A kind name is returned as is. A prompt that invites two kinds ("Tips en tops", "Wat gaat goed en
    wat kan beter?") or none ("Heeft u nog opmerkingen?") gives no prior.
    """
    if not prompt:
        return None
    text = fold(prompt).strip().rstrip(":?. ")
    if text in KINDS:
        return text
    found = []
    for kind, pattern in PROMPT_PATTERNS:
        if pattern.search(text):
            found.append(kind)
            text = pattern.sub(" ", text)
    return found[0] if len(found) == 1 else None
