"""analysis/ has no language: the words a reader sees beside its figures (the total of a cross table, a trend's
verdict, the head of a chart's table, the marks and sentence of a target chart) and the problems of an imported
codebook come from the caller, through the Babel catalog. This reads the string literals of those modules
(docstrings and comments left out) and fails on a Dutch word that used to be written there. The codebook's
Dutch column names (``FIELD_NAMES``) are the import file's format, not words of a message."""

import ast
import re
from pathlib import Path

ANALYSIS = Path(__file__).resolve().parents[2] / "analysis"
#: the modules whose output a page, a PDF/DOCX/XLSX or a CSV shows as it is
OUTPUT_MODULES = [
    *sorted((ANALYSIS / "charts").glob("*.py")),
    *sorted((ANALYSIS / "suppression").glob("*.py")),
    ANALYSIS / "scores" / "trends.py",
    ANALYSIS / "codebook.py",
]
#: words that belong in the catalog (whole words, any case)
DUTCH = re.compile(
    r"\b(totaal|stelling|duidelijk|verschil|vergelijken|verloop|periode|nulmeting|doel|beter|nu|stand"
    r"|bekend|weg|naar|waarde|effen|stippen|lijnen|ruitjes|kruisjes|rondjes|blokjes|niet getoond"
    r"|het|geen|moet|leeg|bestaat|kring|bevatten|geldige|regel|rij|codeboek is|thema \d)\b",
    re.IGNORECASE,
)


def literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string constant but the docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_the_modules_behind_tables_and_charts_write_no_dutch_words():
    assert all(path.exists() for path in OUTPUT_MODULES) and len(OUTPUT_MODULES) > 5
    found = [
        f"{path.relative_to(ANALYSIS.parent)}:{line} {text!r}"
        for path in OUTPUT_MODULES
        for line, text in literals(path)
        if DUTCH.search(text)
    ]
    assert found == []


def test_the_check_sees_a_dutch_word(tmp_path):
    module = tmp_path / "chart.py"
    module.write_text('"""Een grafiek met een totaal."""\nLABEL = "Totaal"\nKEY = "total"\n', encoding="utf-8")
    assert [text for _line, text in literals(module) if DUTCH.search(text)] == ["Totaal"]
