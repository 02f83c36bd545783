"""Demo data for `flask demo load`: a demo region with one user per role, then each stage's content."""

import importlib

from sqlalchemy import select

from survey.accounts import services
from survey.accounts.models import Membership, Region, Role
from survey.database import refresh_statistics
from survey.extensions import db

DEMO_REGION = "demo"
DEMO_PASSWORD = "demo-wachtwoord"  # noqa: S105 - documented demo credential, demo region only
DEMO_USERS = [
    ("beheerder@demo.example", "Bea Beheer", Role.BEHEERDER),
    ("onderzoeker@demo.example", "Els Onderzoek", Role.ONDERZOEKER),
    ("codeur@demo.example", "Cor Codeer", Role.CODEUR),
    ("projectleider@demo.example", "Fatima Project", Role.PROJECTLEIDER),
    ("lezer@demo.example", "Lex Lezer", Role.LEZER),
]

#: modules with a ``load(region)`` function that adds demo content, in order
DEMO_MODULES: list[str] = [
    "survey.questionnaires.demo",
    "survey.programmes.demo",
    "survey.coding.demo",
    "survey.reports.demo",
    "survey.evaluations.demo",
]


def load_demo() -> list[str]:
    """Create or refresh the demo region; returns lines to print."""
    region = db.session.scalar(select(Region).where(Region.slug == DEMO_REGION))
    if region is None:
        region = services.create_region(DEMO_REGION, "Jeugdhulpregio Demo")
    lines = [f"Regio: {region.name} (/beheer/{region.slug}/)"]
    for email, name, role in DEMO_USERS:
        user = services.find_user(email) or services.create_user(email, name, DEMO_PASSWORD)
        if user.role_in(region) is None:
            db.session.add(Membership(user=user, region=region, role=role))
        lines.append(f"  {role.value:<14} {email}  wachtwoord: {DEMO_PASSWORD}")
    db.session.flush()
    for name in DEMO_MODULES:
        lines.extend(importlib.import_module(name).load(region) or [])
    lines.extend(_close_as_the_platform_does(region))
    db.session.commit()
    refresh_statistics(db.session)
    return lines


def _close_as_the_platform_does(region: Region) -> list[str]:
    """The demo's closed rounds are made closed; their close then does what every close does (figures kept,
    the ledger cleared, unfinished responses deleted, backgrounds as the results show them)."""
    from survey.closing import complete_earlier_close, earlier_closes
    from survey.timeutil import local_today

    closes = [survey for survey in earlier_closes() if survey.region_id == region.id]
    for survey in closes:
        complete_earlier_close(survey, local_today())
    return [f"  gesloten metingen afgerond: {len(closes)}"] if closes else []
