"""analysis/ is pure: no Flask, SQLAlchemy or survey imports, so it runs in a batch job or a notebook."""

import ast
from pathlib import Path

FORBIDDEN = ("flask", "flask_", "sqlalchemy", "survey", "werkzeug")
ANALYSIS = Path(__file__).resolve().parents[2] / "analysis"


def imported_modules(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def test_analysis_imports_nothing_from_the_web_or_database_layers():
    files = sorted(ANALYSIS.rglob("*.py"))
    assert files, "analysis/ has no modules"
    offenders = [(f.name, m) for f in files for m in imported_modules(f)
                 if m.split(".")[0] in FORBIDDEN or m.startswith("flask_")]
    assert offenders == []
