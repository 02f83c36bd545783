"""The staff menu: each blueprint registers its own entries with the permission they need."""

from dataclasses import dataclass

from flask_babel import lazy_gettext

from survey.accounts.models import Permission


@dataclass(frozen=True)
class NavItem:
    label: object  # lazy string
    endpoint: str
    permission: Permission
    order: int


_ITEMS: dict[str, NavItem] = {}


def register_nav(label: str, endpoint: str, permission: Permission, order: int) -> None:
    """Add a menu entry (label is an English msgid, translated lazily)."""
    _ITEMS[endpoint] = NavItem(lazy_gettext(label), endpoint, permission, order)


def nav_items(can) -> list[NavItem]:
    """The entries the current user may see, in menu order."""
    return sorted((i for i in _ITEMS.values() if can(i.permission)), key=lambda i: i.order)
