"""A fresh platform database for the respondent benchmark: the schema by the migrations, one region and
the 15-question survey (bench/ceo_survey.py) published with an open link, once per display mode.

Run by the benchmark as a script in its own process, with the platform's checkout on PYTHONPATH (so an
older checkout can be measured too) and the same environment as the server:
``python bench/platform_setup.py DATABASE_URL SURVEYS.json`` where SURVEYS.json maps each display mode
to the survey in the exchange format; prints ``{"all_on_one_page": "<public key>", …}``. It imports only
the platform, never the rest of bench.
"""

from __future__ import annotations

import json
import os
import sys


def build(database_url: str, exchanges: dict[str, dict]) -> dict[str, str]:
    """Migrate the database, then create and open one survey per display mode; their public keys."""
    from flask_migrate import upgrade

    from survey import create_app
    from survey.accounts.services import create_region
    from survey.extensions import db
    from survey.questionnaires import services, versions
    from survey.questionnaires.exchange.json_file import read_exchange
    from survey.questionnaires.models import FieldworkStatus

    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url})
    keys = {}
    with app.app_context():
        upgrade()
        region = create_region("bench", "Benchmarkregio")
        for mode, data in exchanges.items():
            exchange = read_exchange(data)
            survey = services.create_survey(region, dict(exchange.settings), exchange.document)
            versions.publish(survey, versions.lock_token(survey))
            survey.status = FieldworkStatus.OPEN
            survey.public_key = f"bench-{mode.replace('_', '-')}"
            keys[mode] = survey.public_key
        db.session.commit()
    return keys


if __name__ == "__main__":
    os.environ.setdefault("SURVEY_JOBS_URL", "immediate")
    with open(sys.argv[2], encoding="utf-8") as handle:
        print(json.dumps(build(sys.argv[1], json.load(handle))))
