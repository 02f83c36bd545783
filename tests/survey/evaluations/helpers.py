"""Making and publishing reports in tests without going through every page."""

import re
from datetime import date

from survey.evaluations import services
from survey.evaluations.files import outputs
from survey.extensions import db

ARTICLE = re.compile(r'<article class="report">.*</article>', re.S)


def make_report(demo, surveys, *, title="Tussenevaluatie", projects=None):
    evaluation = services.create_evaluation(
        demo.region,
        demo.programme,
        demo.user("onderzoeker"),
        title=title,
        period_start=date(demo.programme.start_year, 1, 1),
        period_end=date.today(),
        surveys=list(surveys),
        projects=list(demo.programme.projects if projects is None else projects),
    )
    db.session.commit()
    return evaluation


def paste_notes(client, login, demo, block: str):
    """As an onderzoeker, a new report with notes pasted on its statements page (for the programme as a whole,
    said at a heimiddag); returns the report and its address."""
    login(demo.user("onderzoeker"))
    evaluation = make_report(demo, [demo.survey])
    url = f"{demo.base}/tussenevaluaties/{evaluation.id}"
    pasted = client.post(url + "/uitspraken", data={"block": block, "project": "", "source": "Heimiddag"})
    assert pasted.status_code == 302
    return evaluation, url


def publish_report(demo, evaluation):
    outputs.approve(evaluation, demo.user("beheerder"))
    outputs.publish(evaluation, demo.user("onderzoeker"))
    db.session.commit()
    return evaluation


def article(page: str) -> str:
    """The report itself from a page (the rest holds per-request tokens)."""
    found = ARTICLE.search(page)
    assert found, "no report on the page"
    return found.group(0)


def keep_every_statement(evaluation) -> int:
    """Review as an evaluator who keeps every statement of every section (returns how many)."""
    from survey.evaluations.draft.context import ReportContext
    from survey.evaluations.labels import PROGRAMME_THEME_SECTIONS, PROJECT_THEME_SECTIONS
    from survey.evaluations.statements import review

    context = ReportContext(evaluation)
    found = [s for key in PROGRAMME_THEME_SECTIONS for s in review.candidates(context, key)]
    found += [
        s
        for project in evaluation.projects
        for key in PROJECT_THEME_SECTIONS
        for s in review.candidates(context, key, project)
    ]
    review.save_decisions(evaluation, {s.key: {"decision": "houden"} for s in found}, context)
    db.session.commit()
    return len(found)
