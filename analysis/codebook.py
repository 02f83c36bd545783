"""Codebooks: themes with seed words and examples, as frozen dataclasses that round-trip through dicts."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

KINDS = ("ceo", "stakeholder")
_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


#: a theme's fields as the import template (the Excel columns) names them in Dutch; messages use these names
FIELD_NAMES = {
    "key": "sleutel",
    "label": "thema",
    "description": "omschrijving",
    "parent": "hoofdthema",
    "seeds": "zoekwoorden",
    "examples": "voorbeelden",
}


def field_name(name: str) -> str:
    return FIELD_NAMES.get(name, name)


class CodebookError(ValueError):
    """A codebook dict that cannot be used; ``theme`` and ``field`` name the place, the message is Dutch."""

    def __init__(self, message: str, *, theme: int | None = None, field: str | None = None):
        super().__init__(message)
        self.theme = theme  #: 1-based position of the theme in the list, when the error is in a theme
        self.field = field  #: the dict key that is wrong


@dataclass(frozen=True)
class Theme:
    """One code of a codebook; seeds are words or phrases matched on lemmas."""

    key: str
    label: str
    description: str = ""
    parent: str | None = None
    seeds: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able dict with lists instead of tuples."""
        return {
            "key": self.key,
            "label": self.label,
            "description": self.description,
            "parent": self.parent,
            "seeds": list(self.seeds),
            "examples": list(self.examples),
        }

    @classmethod
    def from_dict(cls, data: Any, position: int = 1) -> Theme:
        """Build a theme from a dict; raises CodebookError naming the position and field."""
        if not isinstance(data, dict):
            raise CodebookError(f"Thema {position} is geen object met velden.", theme=position)
        key = _text(data, "key", position, required=True).lower()
        if not _KEY.match(key):
            raise CodebookError(
                f"Thema {position}: de sleutel '{key}' mag alleen kleine letters, cijfers, "
                "- en _ bevatten (hoogstens 64 tekens).",
                theme=position,
                field="key",
            )
        parent = data.get("parent") or None
        if parent is not None and not isinstance(parent, str):
            raise CodebookError(
                f"Thema {position}: '{field_name('parent')}' moet een sleutel zijn.", theme=position, field="parent"
            )
        return cls(
            key=key,
            label=_text(data, "label", position, required=True),
            description=_text(data, "description", position),
            parent=parent.strip().lower() if parent else None,
            seeds=_words(data, "seeds" if "seeds" in data else "seed_words", position, r"[;\n]"),
            examples=_words(data, "examples", position, r"\n"),
        )


@dataclass(frozen=True)
class Codebook:
    """An ordered set of themes for one question or survey kind."""

    key: str
    label: str
    themes: tuple[Theme, ...]
    description: str = ""
    _by_key: dict[str, Theme] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self):
        by_key: dict[str, Theme] = {}
        for position, theme in enumerate(self.themes, start=1):
            if theme.key in by_key:
                raise CodebookError(
                    f"Thema {position}: de sleutel '{theme.key}' komt twee keer voor.", theme=position, field="key"
                )
            by_key[theme.key] = theme
        for position, theme in enumerate(self.themes, start=1):
            if theme.parent is not None and (theme.parent not in by_key or theme.parent == theme.key):
                message = f"Thema {position}: het bovenliggende thema '{theme.parent}' bestaat niet."
                raise CodebookError(message, theme=position, field="parent")
        object.__setattr__(self, "_by_key", by_key)
        self._check_cycles()

    def _check_cycles(self) -> None:
        for position, theme in enumerate(self.themes, start=1):
            seen, current = {theme.key}, theme.parent
            while current is not None:
                if current in seen:
                    raise CodebookError(
                        f"Thema {position}: de bovenliggende thema's vormen een kring.", theme=position, field="parent"
                    )
                seen.add(current)
                current = self._by_key[current].parent

    @property
    def keys(self) -> tuple[str, ...]:
        """Theme keys in codebook order."""
        return tuple(t.key for t in self.themes)

    def theme(self, key: str) -> Theme:
        """The theme with this key (KeyError when absent)."""
        return self._by_key[key]

    def children(self, key: str) -> tuple[Theme, ...]:
        """Themes whose parent is ``key``."""
        return tuple(t for t in self.themes if t.parent == key)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able dict (the import/export format)."""
        return {
            "key": self.key,
            "label": self.label,
            "description": self.description,
            "themes": [t.to_dict() for t in self.themes],
        }

    @classmethod
    def from_dict(cls, data: Any) -> Codebook:
        """Build and check a codebook from a dict; raises CodebookError with a Dutch message."""
        if not isinstance(data, dict):
            raise CodebookError("Het codeboek is geen object met velden.")
        themes = data.get("themes")
        if not isinstance(themes, list) or not themes:
            raise CodebookError("Het codeboek heeft geen lijst met thema's.", field="themes")
        return cls(
            key=str(data.get("key") or "codeboek").strip().lower(),
            label=str(data.get("label") or data.get("key") or "Codeboek").strip(),
            description=str(data.get("description") or "").strip(),
            themes=tuple(Theme.from_dict(t, i) for i, t in enumerate(themes, start=1)),
        )

    def to_rows(self) -> list[dict[str, str]]:
        """One flat row per theme (seeds joined by '; ', examples by newlines), for a spreadsheet."""
        return [
            {
                "key": t.key,
                "label": t.label,
                "description": t.description,
                "parent": t.parent or "",
                "seeds": "; ".join(t.seeds),
                "examples": "\n".join(t.examples),
            }
            for t in self.themes
        ]

    @classmethod
    def from_rows(cls, rows: list[dict], key: str = "codeboek", label: str = "Codeboek") -> Codebook:
        """Build a codebook from spreadsheet rows with the columns of ``to_rows``; empty rows are skipped."""
        for position, row in enumerate(rows, start=1):
            if not isinstance(row, dict):
                raise CodebookError(f"Rij {position} is geen rij met kolommen.", theme=position)
        themes = [r for r in rows if any(str(v or "").strip() for v in r.values())]
        return cls.from_dict({"key": key, "label": label, "themes": themes})

    def to_json(self) -> str:
        """The codebook as indented JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> Codebook:
        """Parse JSON text into a codebook; invalid JSON becomes a CodebookError."""
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise CodebookError(f"Het bestand is geen geldige JSON (regel {getattr(exc, 'lineno', '?')}).") from exc
        return cls.from_dict(data)


def default_codebook(kind: str) -> Codebook:
    """The shipped starting codebook for a survey kind: 'ceo' or 'stakeholder'."""
    if kind not in KINDS:
        raise KeyError(f"no default codebook for {kind!r}; choose from {KINDS}")
    text = resources.files("analysis").joinpath("data", "codebooks", f"{kind}.json").read_text("utf-8")
    return Codebook.from_json(text)


def _text(data: dict, name: str, position: int, required: bool = False) -> str:
    value = data.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise CodebookError(f"Thema {position}: het veld '{field_name(name)}' is leeg.", theme=position, field=name)
        return ""
    if not isinstance(value, str | int | float):
        raise CodebookError(
            f"Thema {position}: het veld '{field_name(name)}' moet tekst zijn.", theme=position, field=name
        )
    return str(value).strip()


def _words(data: dict, name: str, position: int, separator: str) -> tuple[str, ...]:
    """Accept a list or a separated string (a spreadsheet cell) and drop empties and repeats."""
    value = data.get(name) or []
    if isinstance(value, str):
        value = re.split(separator, value)
    if not isinstance(value, list | tuple):
        raise CodebookError(
            f"Thema {position}: het veld '{field_name(name)}' moet een lijst zijn.", theme=position, field=name
        )
    return tuple(dict.fromkeys(str(v).strip() for v in value if str(v).strip()))
