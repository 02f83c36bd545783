"""A fresh platform database for the respondent benchmark: the schema by the migrations, one region and
the 15-question survey (bench/ceo_survey.py) published with an open link, once per display mode.

Run by the benchmark in its own process (``python -m bench.platform_setup DATABASE_URL``), with the
same environment as the server; prints ``{"all_on_one_page": "<public key>", "one_per_screen": …}``.
"""

from __future__ import annotations

import json
import os
import sys

from bench.ceo_survey import platform_exchange

MODES = ("all_on_one_page", "one_per_screen")


def build(database_url: str) -> dict[str, str]:
    from flask_migrate import upgrade

    from survey import create_app
    from survey.accounts.services import create_region
    from survey.extensions import db
    from survey.questionnaires import services, versions
    from survey.questionnaires.exchange import read_exchange
    from survey.questionnaires.models import FieldworkStatus

    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url})
    keys = {}
    with app.app_context():
        upgrade()
        region = create_region("bench", "Benchmarkregio")
        for mode in MODES:
            exchange = read_exchange(platform_exchange(mode))
            survey = services.create_survey(region, dict(exchange.settings), exchange.document)
            versions.publish(survey, versions.lock_token(survey))
            survey.status = FieldworkStatus.OPEN
            survey.public_key = f"bench-{mode.replace('_', '-')}"
            keys[mode] = survey.public_key
        db.session.commit()
    return keys


if __name__ == "__main__":
    os.environ.setdefault("SURVEY_JOBS_URL", "immediate")
    print(json.dumps(build(sys.argv[1])))
