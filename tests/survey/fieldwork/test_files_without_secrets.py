"""After sending, nothing on disk holds a personal link, a short code or (in the job storage, and anywhere once
fieldwork closed) an e-mail address: the job file, the database with its -wal and -journal, and every file
in the instance folder are read byte by byte. The jobs run from a real SQLite job file, as with a separate
consumer in production."""

import re
from datetime import date
from pathlib import Path

import pytest

from survey import closing, mail
from survey.database import truncate_wal
from survey.fieldwork import sending
from survey.fieldwork.models import Invitation
from survey.jobs import ForgetfulSqliteStorage, huey

LINK = re.compile(r"/r/(\S+)")
CODE = re.compile(r"code: ([A-Z0-9]{5}-[A-Z0-9]{5})")


@pytest.fixture
def job_file(tmp_path):
    """The application's job queue in a SQLite file of its own for the length of the test."""
    before = huey.immediate
    huey.immediate = False
    memory = huey.storage
    (tmp_path / "jobs").mkdir(exist_ok=True)
    huey.storage = ForgetfulSqliteStorage(
        "survey", filename=str(tmp_path / "jobs" / "jobs.sqlite3"), journal_mode="delete"
    )
    yield tmp_path / "jobs"
    huey.storage = memory
    huey.immediate = before


def files_of(app, db, jobs: Path) -> dict[str, bytes]:
    database = Path(db.engine.url.database)
    paths = [p for p in jobs.iterdir() if p.is_file()]
    paths += [Path(f"{database}{suffix}") for suffix in ("", "-wal", "-journal", "-shm")]
    paths += [p for p in Path(app.instance_path).rglob("*") if p.is_file()]
    return {str(p): p.read_bytes() for p in paths if p.exists()}


def found(files: dict[str, bytes], secrets: list[str]) -> list[tuple[str, str]]:
    return [(name, s) for name, data in files.items() for s in secrets if s.encode() in data]


def test_after_sending_no_file_holds_a_link_a_code_or_an_address(app, db, make_survey, job_file):
    survey = make_survey(min_cell=5)
    addresses = [f"ouder.{n}.{survey.id}@voorbeeld.nl" for n in range(6)]
    for address in addresses:
        db.session.add(
            Invitation(
                survey_id=survey.id,
                token_hash=sending.unissued_token_hash(),
                email=address,
                language="nl",
                background={},
            )
        )
    db.session.commit()
    mail.outbox.clear()
    sending.invite(survey, date(2026, 3, 2))
    db.session.commit()
    queued = files_of(app, db, job_file)
    assert any(name.startswith(str(job_file)) for name in queued)
    assert found({n: d for n, d in queued.items() if n.startswith(str(job_file))}, addresses) == []
    while (task := huey.dequeue()) is not None:  # the consumer's work: the mails are made and sent
        huey.execute(task)
    bodies = [m.get_content() for m in mail.outbox]
    links = [LINK.search(b).group(1) for b in bodies]
    codes = [CODE.search(b).group(1) for b in bodies]
    assert len(links) == len(codes) == 6
    after = files_of(app, db, job_file)
    assert found(after, links + codes) == []
    assert found({n: d for n, d in after.items() if n.startswith(str(job_file))}, addresses) == []
    if db.engine.dialect.name == "sqlite":  # addresses are in the database until fieldwork closes …
        assert found(after, addresses)
    closing.close_fieldwork(survey, date(2026, 4, 1))
    db.session.commit()
    truncate_wal(db.session)
    db.session.commit()
    closed = files_of(app, db, job_file)  # … and gone from every file afterwards, old row images included
    assert found(closed, addresses + links + codes) == []
