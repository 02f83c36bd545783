"""The questionnaire templates shipped with the platform (data files in ``templates/``).

Each file is a questionnaire in the exchange format (docs/questionnaire-format.md) with an extra
``template`` part: its name, a description for the author and, for the CEO lists, the note that the
items are based on the themes of the MCJO. A region always gets an editable copy.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from survey.questionnaires.exchange.json_file import Exchange, read_exchange

TEMPLATE_DIR = Path(__file__).resolve().parent / "shipped"
KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
#: the languages every shipped template speaks in full (DOMAIN.md: the largest groups of parents in the regions);
#: each has page chrome too (survey.i18n.UI_LOCALES)
TEMPLATE_LANGUAGES = ("nl", "en", "ar", "tr", "pl", "uk")
#: the order in which templates are offered
ORDER = ("ceo_ouders", "ceo_jongeren", "ceo_kind", "peo", "peiling", "stakeholder")


@dataclass(frozen=True)
class TemplateInfo:
    key: str
    name: str
    description: str
    basis: str  # e.g. "Gebaseerd op de thema's van de MCJO"; empty when not applicable
    kind: str
    audience: str
    languages: tuple[str, ...]
    item_codes: tuple[str, ...]
    #: languages translated without a native speaker yet: to be checked before the questionnaire goes out
    draft_languages: tuple[str, ...] = ()

    @property
    def draft_language_names(self) -> str:
        """ "Arabisch, Turks, Pools": the draft languages by their Dutch names."""
        from survey.questionnaires.languages.services import language_name

        return ", ".join(language_name(code) for code in self.draft_languages)


class UnknownTemplate(LookupError):
    pass


def list_templates() -> list[TemplateInfo]:
    """Every shipped template, in the order they are offered."""
    keys = sorted(
        (p.stem for p in TEMPLATE_DIR.glob("*.json")), key=lambda k: (ORDER.index(k) if k in ORDER else len(ORDER), k)
    )
    return [template_info(key) for key in keys]


def template_info(key: str) -> TemplateInfo:
    raw, exchange = _load(key)
    meta = raw.get("template") or {}
    return TemplateInfo(
        key=key,
        name=_nl(meta.get("name")) or key,
        description=_nl(meta.get("description")),
        basis=_nl(meta.get("basis")),
        kind=exchange.settings["kind"].value,
        audience=exchange.settings["audience"].value,
        languages=tuple(exchange.document.languages),
        item_codes=tuple(exchange.document.item_codes()),
        draft_languages=tuple(meta.get("draft_languages") or ()),
    )


def load_template(key: str) -> Exchange:
    """The template's survey settings and validated document (a fresh copy each time)."""
    return _load(key)[1].copy()


@cache
def _load(key: str) -> tuple[dict, Exchange]:
    if not KEY_PATTERN.match(key or "") or not (TEMPLATE_DIR / f"{key}.json").is_file():
        raise UnknownTemplate(key)
    raw = json.loads((TEMPLATE_DIR / f"{key}.json").read_text(encoding="utf-8"))
    return raw, read_exchange(raw)


def _nl(value) -> str:
    if isinstance(value, dict):
        return str(value.get("nl") or "")
    return str(value or "")
