import gc
import threading
from pathlib import Path

import pytest

from analysis.privacy import scrub
from analysis.privacy.scrub import Scrubber, cache_dir, get_deduce

REGION = {"places": ["Zwolle", "Kampen"], "organisations": ["Jeugdteam Oost"], "schools": ["Het Stedelijk Lyceum"]}


def test_cache_folder_comes_from_argument_then_environment_then_project(monkeypatch, tmp_path):
    monkeypatch.delenv("SURVEY_DEDUCE_CACHE", raising=False)
    assert cache_dir() == Path(scrub.__file__).resolve().parents[2] / ".cache" / "deduce"
    monkeypatch.setenv("SURVEY_DEDUCE_CACHE", str(tmp_path / "env"))
    assert cache_dir() == tmp_path / "env"
    assert cache_dir(tmp_path / "arg") == tmp_path / "arg"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Daan (12) zit op Het Stedelijk Lyceum", "Daan ([LEEFTIJD]) zit op [SCHOOL]"),
        ("ze is 15 en haar broertje van 9", "ze is [LEEFTIJD] en haar broertje van [LEEFTIJD]"),
        ("mijn 14-jarige zoon", "mijn [LEEFTIJD]-jarige zoon"),
        ("we wachtten 3 maanden, het is 8 van de 10", "we wachtten 3 maanden, het is 8 van de 10"),
        ("hij is 3 keer verhuisd", "hij is 3 keer verhuisd"),
        ("Bij Lindenhout en de Bascule in Kampen", "Bij [ORGANISATIE] en [ORGANISATIE] in [PLAATS]"),
        ("Jeugdbescherming Gelderland deed niks", "[ORGANISATIE] deed niks"),
        ("bel 06-12345678 of 038 456 7890", "bel [TELEFOON] of [TELEFOON]"),
        ("mail naar a.jansen@example.org", "mail naar [E-MAIL]"),
        ("postcode 8261 AB", "postcode [POSTCODE]"),
    ],
)
def test_rules_and_region_lists_catch_what_deduce_misses(text, expected):
    assert Scrubber(use_deduce=False, **REGION).scrub(text).text == expected


@pytest.mark.slow
def test_deduce_removes_names_places_phones_and_bare_ages(deduce_ready):
    result = Scrubber(**REGION).scrub(
        "Mijn zoon Daan (12) woont in Zwolle, bel 06-12345678 of mail jan@example.org. Mevrouw de Vries van "
        "Jeugdzorg Oost was top."
    )
    assert result.text == (
        "Mijn zoon [NAAM] ([LEEFTIJD]) woont in [PLAATS], bel [TELEFOON] of mail "
        "[E-MAIL]. [NAAM] van [ORGANISATIE] was top."
    )
    assert result.tags == ("NAAM", "LEEFTIJD", "PLAATS", "TELEFOON", "E-MAIL", "NAAM", "ORGANISATIE")


def test_the_verb_that_opens_a_sentence_stays_before_the_name(deduce_ready):
    # deduce takes "Bel Henk Jansen" as one name: the quote would lose what the note asks
    scrubber = Scrubber(**REGION)
    assert scrubber.scrub("Bel Henk Jansen op 06-23456789 over de wachtlijst.").text == (
        "Bel [NAAM] op [TELEFOON] over de wachtlijst."
    )
    assert scrubber.scrub("- Mail Henk Jansen over de cijfers.").text == "- Mail [NAAM] over de cijfers."
    assert scrubber.scrub("Henk Jansen belde gisteren.").text == "[NAAM] belde gisteren."
    assert scrubber.scrub("Anne Marie de Vries was er ook.").text == "[NAAM] was er ook."


@pytest.mark.slow
def test_scrubbed_sentences_stay_readable(deduce_ready):
    scrubber = Scrubber(**REGION)
    plain = "De wachttijd was veel te lang, maar de begeleider luisterde goed naar ons."
    assert scrubber.scrub(plain).text == plain and not scrubber.scrub(plain).changed
    result = scrubber.scrub("Op 12 maart 2023 belde Fatima van Lindenhout. Ze is 15 jaar. Geluk gehad.")
    assert result.text == "Op [DATUM] belde [NAAM] van [ORGANISATIE]. Ze is [LEEFTIJD] jaar. Geluk gehad."


@pytest.mark.slow
def test_one_deduce_instance_per_process(deduce_ready):
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(get_deduce())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(x) for x in seen}) == 1 and seen[0] is get_deduce()
    assert gc.isenabled()


@pytest.mark.slow
def test_scrubbing_many_answers_is_quick(deduce_ready):
    import time

    texts = ["De hulpverlener Jan luisterde goed naar mij en mijn dochter van 9"] * 500
    start = time.process_time()
    results = Scrubber(**REGION).scrub_many(texts)
    assert time.process_time() - start < 2
    assert results[0].text == "De hulpverlener [NAAM] luisterde goed naar mij en mijn dochter van [LEEFTIJD]"


def test_loading_deduce_leaves_the_logging_of_the_process_as_it_was():
    """deduce's import calls logging.basicConfig(level=DEBUG) on stdout: from the first scrubbing job on, the
    server's console under `make run` filled with the job scheduler's debug line every second."""
    import subprocess
    import sys

    program = (
        "import logging\n"
        "from analysis.privacy.scrub import _import_deduce\n"
        "_import_deduce()\n"
        "root = logging.getLogger()\n"
        "print(logging.getLevelName(root.level), len(root.handlers))\n"
    )
    shown = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True, timeout=120)
    assert shown.stdout.split() == ["WARNING", "0"]
