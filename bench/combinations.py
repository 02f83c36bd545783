"""k over the combination: what the rule costs. ``python -m bench.combinations``

Synthetic invitee lists (development figures, not real material): 9 gemeenten, 4 age bands, 8 kinds of
help, 2 respondent types, 5 languages (90 % Dutch), drawn at random, k = 10. Prints one table:

* the pure rule (:func:`analysis.suppression.build`) over the list, and generalising every invitee;
* ``ledger.coarse_profile`` on an SQLite file: what starting or completing one personal response adds
  (read the round's invitees, build the rule, generalise one profile);
* how many invitees keep every value.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

VARIABLES = ("gemeente", "leeftijd", "soort_hulp", "respondenttype", "taal")


def population(n: int, seed: int = 16) -> list[dict]:
    rng = random.Random(seed)
    return [
        {
            "gemeente": rng.choice([f"Gemeente {i}" for i in range(9)]),
            "leeftijd": rng.choice(["0-3", "4-11", "12-17", "18-23"]),
            "soort_hulp": rng.choice([f"hulp {i}" for i in range(8)]),
            "respondenttype": rng.choice(["ouder", "jongere"]),
            "taal": rng.choices(["nl", "en", "ar", "tr", "pl"], [90, 3, 3, 2, 2])[0],
        }
        for _ in range(n)
    ]


def pure(people: list[dict]) -> tuple[float, float, int]:
    from analysis.suppression import build

    start = time.perf_counter()
    rule = build(people, VARIABLES, 10)
    built = time.perf_counter() - start
    start = time.perf_counter()
    shown = [rule.generalise(p) for p in people]
    mapped = time.perf_counter() - start
    return built, mapped, sum(s == {v: p[v] for v in VARIABLES} for s, p in zip(shown, people, strict=True))


def in_database(people: list[dict], repeat: int = 5) -> float:
    """Median seconds of one ``coarse_profile`` call with the invitees in an SQLite file."""
    from survey import create_app
    from survey.accounts.models import Region
    from survey.extensions import db
    from survey.fieldwork import ledger
    from survey.fieldwork.models import Invitation
    from survey.questionnaires.models import AddressForm, Audience, DisplayMode, Survey, SurveyKind

    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            {
                "TESTING": True,
                "SECRET_KEY": "bench",
                "JOBS_URL": "immediate",
                "MAIL_BACKEND": "memory",
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{Path(folder) / 'bench.sqlite3'}",
            }
        )
        with app.app_context():
            db.create_all()
            region = Region(slug="bench", name="Bench")
            db.session.add(region)
            db.session.flush()
            survey = Survey(
                region_id=region.id,
                kind=SurveyKind.CEO,
                title={"nl": "Bench"},
                audience=Audience.OUDERS,
                address_form=AddressForm.U,
                display_mode=DisplayMode.ONE_PER_SCREEN,
                min_cell=10,
            )
            db.session.add(survey)
            db.session.flush()
            db.session.add_all(
                Invitation(
                    survey_id=survey.id,
                    token_hash=f"{n:064d}",
                    language=p["taal"],
                    background={v: p[v] for v in VARIABLES if v != "taal"},
                )
                for n, p in enumerate(people)
            )
            db.session.commit()
            invitation = db.session.get(Invitation, 1)
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                ledger.coarse_profile(survey, invitation, "ar")
                times.append(time.perf_counter() - start)
            return sorted(times)[len(times) // 2]


def main() -> None:
    print(
        "| invitees | build rule (ms) | generalise all (ms) | keep every value | coarse_profile per response, "
        "SQLite (ms) |"
    )
    print("|---:|---:|---:|---:|---:|")
    for n in (1_000, 10_000, 50_000):
        people = population(n)
        built, mapped, kept = pure(people)
        per_call = in_database(people)
        print(
            f"| {n:,} | {built * 1000:.0f} | {mapped * 1000:.0f} | {kept:,} ({100 * kept / n:.0f} %) | "
            f"{per_call * 1000:.0f} |"
        )


if __name__ == "__main__":
    main()
