"""Uploads in a process of their own, to measure what they cost:
``python upload_worker.py DB USER URLS FILE NAME [FILE NAME …]``, URLS a JSON list of addresses.

Builds the app on the given database, logs the user in (by session token), posts each file as the form
field ``file`` to each address in turn and prints one JSON line per upload: the address, the status, the
page's text and the peak resident memory of this process so far (``bench.memory.peak_mb``, its own VmHWM,
in MB), which bounds what a gunicorn worker would have needed for any one of these requests.
"""

import io
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.memory import peak_mb  # noqa: E402
from tests.conftest import login_session, make_test_app  # noqa: E402  (sets the job queue to "immediate" first)


def main(database, session_token, urls, *files):
    from sqlalchemy import select

    from survey.accounts.models import User
    from survey.extensions import db

    app = make_test_app(database)
    client = app.test_client()
    with app.app_context():
        user = db.session.scalars(select(User).where(User.session_token == session_token)).one()
        keys = login_session(app, user, client.environ_base)
    with client.session_transaction() as session:
        session.update(keys)
    before = peak_mb()
    for url in json.loads(urls):
        for path, name in zip(files[::2], files[1::2], strict=True):
            with open(path, "rb") as handle:
                answer = client.post(
                    url,
                    data={"file": (io.BytesIO(handle.read()), name), "source": "GGD"},
                    content_type="multipart/form-data",
                )
            page = answer.get_data(as_text=True)
            text = " ".join(re.sub(r"<[^>]+>", " ", page).split())
            print(
                json.dumps(
                    {
                        "url": url,
                        "status": answer.status_code,
                        "text": text,
                        "rss_before_mb": round(before),
                        "peak_rss_mb": round(peak_mb()),
                    }
                )
            )


if __name__ == "__main__":
    main(*sys.argv[1:])
