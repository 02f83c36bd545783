"""The pre-commit hooks run the same ruff as `make lint` and CI (requirements-dev.txt)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def pinned_ruff() -> str:
    text = (ROOT / "requirements-dev.txt").read_text(encoding="utf-8")
    return re.search(r"^ruff==(\S+)", text, re.MULTILINE).group(1)


def test_pre_commit_runs_ruff_check_and_format_with_the_pinned_version():
    config = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    entries = re.findall(r"^\s+entry: (ruff \w+)", config, re.MULTILINE)
    assert entries == ["ruff check", "ruff format"]
    pins = re.findall(r'additional_dependencies: \["ruff==([^"]+)"\]', config)
    assert pins == [pinned_ruff()] * 2
