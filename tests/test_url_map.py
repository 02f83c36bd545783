"""Every URL of the application, compared with the map recorded in ``tests/data/url_map.json``.

Templates and redirects build URLs with ``url_for(endpoint)``: a rule, its methods or its endpoint
name changing by accident breaks links that no other test may click. An intended change re-records the
file (``.venv/bin/python tests/test_url_map.py``) and shows up in review as a diff of that file.
"""

import json
from pathlib import Path

RECORDED = Path(__file__).parent / "data" / "url_map.json"


def url_map(app) -> list[dict]:
    """(rule, methods, endpoint) of every route, sorted; HEAD and OPTIONS are added by Flask itself."""
    return sorted(
        (
            {"rule": rule.rule, "methods": sorted(set(rule.methods) - {"HEAD", "OPTIONS"}), "endpoint": rule.endpoint}
            for rule in app.url_map.iter_rules()
        ),
        key=lambda r: (r["rule"], r["endpoint"], r["methods"]),
    )


def test_the_url_map_is_the_recorded_one(app):
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))
    current = url_map(app)
    missing = [r for r in recorded if r not in current]
    added = [r for r in current if r not in recorded]
    assert (missing, added) == ([], [])
    assert len(current) > 100, "the map holds every stage's routes"


if __name__ == "__main__":
    import sys

    sys.path[0] = str(Path(__file__).resolve().parents[1])  # the project, not tests/ (tests/survey shadows it)
    from survey import create_app

    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "record"})
    RECORDED.write_text(json.dumps(url_map(app), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(url_map(app))} routes written to {RECORDED}")
