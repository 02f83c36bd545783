"""Codebooks: themes with seed words and examples, as frozen dataclasses that round-trip through dicts."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

KINDS = ("ceo", "stakeholder")
_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


#: a theme's fields as the import template (the Excel columns) names them in Dutch, a file format the import
#: reads back (``survey.coding.codebooks.transfer``); the problems below name a field by these names
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
    """A codebook dict that cannot be used. Analysis has no language: ``msgid`` is an English message with
    ``params`` for the caller to translate (``survey.coding.codebooks.transfer``); ``theme`` and ``field`` name the
    place, for the caller to put before it ("Thema 2: …", "Rij 3, kolom thema: …")."""

    def __init__(self, msgid: str, params: dict | None = None, *, theme: int | None = None, field: str | None = None):
        self.msgid, self.params = msgid, dict(params or {})
        super().__init__(msgid % self.params if self.params else msgid)
        self.theme = theme  #: 1-based position of the theme in the list, when a field of a theme is wrong
        self.field = field  #: the dict key that is wrong


def flag(theme: int | None, msgid: str, field: str | None = None, **params) -> CodebookError:
    """A problem with a codebook; the msgid is extracted for translation with the "flag:2" keyword."""
    return CodebookError(msgid, params, theme=theme, field=field)


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
        if not isinstance(data, dict):  # no theme to put a field's problem in: the message names the place
            raise flag(None, "Theme %(position)s is not an object with fields.", position=position)
        key = _text(data, "key", position, required=True).lower()
        if not _KEY.match(key):
            raise flag(
                position,
                "the key '%(key)s' may only contain lower-case letters, digits, - and _ (at most 64 characters).",
                "key",
                key=key,
            )
        parent = data.get("parent") or None
        if parent is not None and not isinstance(parent, str):
            raise flag(position, "'%(name)s' must be a key.", "parent", name=field_name("parent"))
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
                raise flag(position, "the key '%(key)s' occurs twice.", "key", key=theme.key)
            by_key[theme.key] = theme
        for position, theme in enumerate(self.themes, start=1):
            if theme.parent is not None and (theme.parent not in by_key or theme.parent == theme.key):
                raise flag(position, "the parent theme '%(parent)s' does not exist.", "parent", parent=theme.parent)
        object.__setattr__(self, "_by_key", by_key)
        self._check_cycles()

    def _check_cycles(self) -> None:
        for position, theme in enumerate(self.themes, start=1):
            seen, current = {theme.key}, theme.parent
            while current is not None:
                if current in seen:
                    raise flag(position, "the parent themes form a circle.", "parent")
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
    def from_dict(cls, data: Any, *, default_label: str = "") -> Codebook:
        """Build and check a codebook from a dict; raises CodebookError naming the problem and its place. Without
        a label or key the codebook is called ``default_label`` (the caller's word)."""
        if not isinstance(data, dict):
            raise flag(None, "The codebook is not an object with fields.")
        themes = data.get("themes")
        if not isinstance(themes, list) or not themes:
            raise flag(None, "The codebook has no list of themes.", "themes")
        return cls(
            key=str(data.get("key") or "codeboek").strip().lower(),
            label=str(data.get("label") or data.get("key") or default_label).strip(),
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
    def from_rows(cls, rows: list[dict], key: str = "codeboek", label: str = "") -> Codebook:
        """Build a codebook from spreadsheet rows with the columns of ``to_rows``; empty rows are skipped."""
        for position, row in enumerate(rows, start=1):
            if not isinstance(row, dict):
                raise flag(None, "Row %(position)s is not a row with columns.", position=position)
        themes = [r for r in rows if any(str(v or "").strip() for v in r.values())]
        return cls.from_dict({"key": key, "label": label, "themes": themes})

    def to_json(self) -> str:
        """The codebook as indented JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str, *, default_label: str = "") -> Codebook:
        """Parse JSON text into a codebook; invalid JSON becomes a CodebookError."""
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise flag(None, "The file is not valid JSON (line %(line)s).", line=getattr(exc, "lineno", "?")) from exc
        return cls.from_dict(data, default_label=default_label)


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
            raise flag(position, "the field '%(name)s' is empty.", name, name=field_name(name))
        return ""
    if not isinstance(value, str | int | float):
        raise flag(position, "the field '%(name)s' must be text.", name, name=field_name(name))
    return str(value).strip()


def _words(data: dict, name: str, position: int, separator: str) -> tuple[str, ...]:
    """Accept a list or a separated string (a spreadsheet cell) and drop empties and repeats."""
    value = data.get(name) or []
    if isinstance(value, str):
        value = re.split(separator, value)
    if not isinstance(value, list | tuple):
        raise flag(position, "the field '%(name)s' must be a list.", name, name=field_name(name))
    return tuple(dict.fromkeys(str(v).strip() for v in value if str(v).strip()))
