"""Dutch word lists behind the remark cues: praise, worry, advice, findings and questions.

The lists are data files in ``analysis/remarks/data/`` (one entry a line, read once); list entries of praise,
worry, advice and findings are regular expressions matched on folded text (lower case, no accents) at word
boundaries. They are written from general Dutch usage in evaluation notes and survey answers, never from the
held-out test remarks. A few common entries also occur there without occurring in the development
remarks (helpt, onduidelijk; and dankbaar, boos, stress, "zou mooi zijn", "een kwart", which were in
these lists before the second held-out batch was written); docs/benchmarks.md says so. The sentence patterns
below stay code: they are grammar, not vocabulary.
"""

from __future__ import annotations

import re

from analysis.remarks.words import compile_terms, entries, words

__all__ = ["compile_terms"]

#: Praise, pride and "this works": points to *compliment*.
PRAISE = entries("praise")
#: Set phrases of praise that look like advice ("Ga zo door!"): they outweigh the imperative.
PRAISE_IDIOM = entries("praise_idioms")
#: Complaint, worry and "this goes wrong": points to *zorg*.
WORRY = entries("worry")
#: "This falls short" without a negative word ("kan nog beter"): makes a suggestion or observation negatief.
SHORTFALL = entries("shortfall")
#: Advice, wishes and "this needs attention": points to *suggestie*.
ADVICE = entries("advice")
#: A neutral or remarkable finding: points to *observatie*.
FINDING = entries("findings")
INTERROGATIVES = words("interrogatives")
#: Words after "hoe" that make a question of degree ("hoe lang duurt", "hoe vaak komt").
DEGREE_QUESTION = frozenset(("lang", "vaak"))
NEGATORS = words("negators")
#: Words that turn a following praise word into a complaint ("slecht bereikbaar") and back.
FLIPPERS = NEGATORS | words("flippers_extra")
NOMINALISERS = words("nominalisers")
AUXILIARIES = words("auxiliaries")
INVERTED_SUBJECTS = words("inverted_subjects")
COMPARATIVES = words("comparatives")
MODALS = words("modals")
ABILITY_MODALS = words("ability_modals")
QUESTION_SUBJECTS = words("question_subjects")
FIRST_PERSON = words("first_person")
NEUTRAL_HERE = words("neutral_here")
INTENSIFIERS = words("degree_words")
INTENSIFYING_PREFIXES = entries("intensifying_prefixes")
PLURAL_SUBJECTS = words("plural_subjects")
ARTICLES = words("articles")
DETERMINERS = words("determiners")
GOOD_WITHOUT = entries("good_without")
GENERAL_POLARITY_THRESHOLD = 0.3  # chosen on dev: 42 % of compliments/complaints covered, sign right 89 %

#: Frames that turn a word of praise into a recommendation: "lijkt me nuttig om ...", "zou heel fijn zijn".
ADVICE_FRAME = re.compile(
    r"\b(?:lijkt|lijken) (?:het )?(?:me|mij|ons)(?: \w+){1,3}"
    r"|\bzou(?:den)? (?:het |dat |wel |heel |erg |ook )*\w+ (?:zijn|vinden|wezen)\b"
)

COMPARATIVE_SUFFIX = re.compile(r"\w{3,}(?:ig|lijk|isch|baar|zaam|iev|ief)ere?$")
#: Words that show the remark answers "nothing" to the question asked.
NOTHING_ANSWER = re.compile(
    r"^(?:(?:nee|eigenlijk|helemaal|echt|verder|nou)\W+)*(?:niets|niks|nee|nvt|n\.v\.t|weinig)\b"
    r"|^(?:geen|weinig) (?:verbeterpunten|opmerkingen|klachten|aanmerkingen)\b"
    r"|^te weinig om op te noemen"
)
#: Requests phrased as a question: advice, not a request for information.
REQUEST = re.compile(
    r"^(?:kunnen|kunt|kun|zouden|zou) (?:jullie|u|je|het|ze)\b(?!.*\b(?:uitleggen|vertellen|zeggen)\b)"
    r"|^(?:zouden|zou) (?:de|er|dat|dit|die|deze)\b.*\?"
    r"|^waarom niet\b"
    r"|^(?:mag|mogen|kan|kunnen) (?!ik\b|je\b|u\b)\w+\b"
    r".*\b(?:meer|minder|vaker|eerder|later|sneller|langer|korter|voortaan)\b.*\?"
)

#: Why-questions that complain rather than ask.
RHETORICAL = re.compile(
    r"^(?:waarom|hoezo)\b.*\b(?:niet|geen|nooit|niks|niets|altijd|moet|moeten|telkens|steeds|zo lang|mag)\b"
)

#: Imperative verbs that the lemmatiser files under a noun ("zorg", "vraag", "plan", "deel").
AMBIGUOUS_IMPERATIVES = re.compile(
    r"^(?:zorg (?:voor|dat|ervoor|er voor)|vraag (?:om|naar|ouders|jongeren|na|ook|eens|even|de|het|een|hun|alle)"
    r"|plan (?!van\b)\w+"
    r"|deel (?!van\b)\w+|regel (?!van\b)\w+|werk (?:met|samen|aan)|begin (?:met|eerder|op tijd)"
    r"|denk (?:(?:ook|eens|even|goed) )?(?:mee|aan|na)|geef\b|laten (?:we|wij)\b"
    r"|onderzoek (?:of|hoe|wat|welke|waar|wie|waarom)\b)"
)

UNPREFIXED_ADJECTIVE = re.compile(r"\w{3,}(?:lijke?|bare?|eerde?|zame?|ige?|ende?)$")
