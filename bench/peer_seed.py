"""Seed the peer (django-survey-and-report) with the benchmark survey. Runs inside the peer's own
virtualenv, from its Django project folder (copied there by bench/peer.py); never imported by the platform.

    python peer_seed.py survey.json   -> prints {"survey_id": …, "fields": {"question_<pk>": "<item code>"}}
"""

import datetime
import json
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peersite.settings")

import django  # noqa: E402

django.setup()
from django.db import transaction  # noqa: E402
from survey.models import Question, Survey  # noqa: E402


def make_survey(spec: dict) -> dict:
    today = datetime.date.today()
    fields = {}
    with transaction.atomic():
        survey = Survey.objects.create(
            name=spec["name"],
            description=spec["description"],
            is_published=True,
            need_logged_user=False,
            editable_answers=True,
            display_method=Survey.ALL_IN_ONE_PAGE,
            publish_date=today - datetime.timedelta(days=1),
            expire_date=today + datetime.timedelta(days=3650),
        )
        for order, q in enumerate(spec["questions"], start=1):
            if q["choices"]:
                question = Question.objects.create(
                    survey=survey,
                    order=order,
                    text=q["text"],
                    required=True,
                    type=Question.RADIO,
                    choices=",".join(q["choices"]),
                )
            else:
                question = Question.objects.create(
                    survey=survey, order=order, text=q["text"], required=False, type=Question.TEXT
                )
            fields[f"question_{question.pk}"] = q["code"]
    return {"survey_id": survey.pk, "fields": fields}


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        print(json.dumps(make_survey(json.load(handle))))
