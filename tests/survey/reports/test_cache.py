"""The grouped answer counts are kept per round and made again as soon as the round's data change."""

from sqlalchemy import select

from survey.reports.models import ResultsCache
from survey.responses.models import Response, ResponseStatus
from tests.survey.reports import builders
from tests.survey.reports.pagetext import cells_of_row

T1 = "T1 Ik wist waar ik terecht kon met mijn vraag."


def test_counts_follow_new_completed_and_purged_responses(client, db, region, example, researcher):
    url = f"/beheer/{region.slug}/resultaten/{example.id}/"
    assert cells_of_row(client.get(url).get_data(as_text=True), T1)[:2] == ["63 %*", "8"]
    cache = db.session.get(ResultsCache, example.id)
    assert cache is not None
    builders.add_response(db, example, {"T1": "5"})
    db.session.commit()
    assert cells_of_row(client.get(url).get_data(as_text=True), T1)[:2] == ["67 %*", "9"]  # 6 of 9
    waiting = db.session.scalars(select(Response).where(Response.status == ResponseStatus.IN_PROGRESS)).one()
    waiting.status = ResponseStatus.COMPLETED  # the in-progress response (T1 = 1) is finished
    db.session.commit()
    assert cells_of_row(client.get(url).get_data(as_text=True), T1)[:2] == ["60 %*", "10"]
    db.session.delete(waiting)
    db.session.commit()
    assert cells_of_row(client.get(url).get_data(as_text=True), T1)[:2] == ["67 %*", "9"]


def test_cache_holds_counts_only_never_text(client, db, region, example, researcher):
    client.get(f"/beheer/{region.slug}/resultaten/{example.id}/")
    counts = db.session.get(ResultsCache, example.id).counts
    open_rows = [row for row in counts if row[2] == "O1"]
    assert open_rows and all(row[4] == "" for row in open_rows)
    dumped = repr(counts)
    for text in ("Jan de Vries", "PERSOON", "HYPERLINK", "Geheim", "Bij oma"):
        assert text not in dumped
