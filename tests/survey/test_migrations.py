"""Migrations: an empty database upgrades to head, there is one head, and models and migrations agree."""

import os
import re

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade
from sqlalchemy import MetaData, create_engine, inspect

from survey.config import PROJECT_ROOT, normalise_database_url
from survey.database import Base
from survey.extensions import db as _db
from tests.conftest import PG_URL, make_test_app

MIGRATIONS = str(PROJECT_ROOT / "migrations")


def _databases(tmp_path):
    yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    if PG_URL:
        yield normalise_database_url(PG_URL)


@pytest.fixture
def empty_databases(tmp_path, database_template):
    urls = list(_databases(tmp_path))
    for url in urls:
        _wipe(url)
    yield urls
    for url in urls:
        _wipe(url)
    if PG_URL:  # give the other tests their schema back
        engine = create_engine(normalise_database_url(PG_URL))
        Base.metadata.create_all(engine)
        engine.dispose()


def _wipe(url):
    engine = create_engine(url)
    meta = MetaData()
    meta.reflect(engine)
    meta.drop_all(engine)
    engine.dispose()


def test_there_is_exactly_one_head():
    from alembic.config import Config

    config = Config(os.path.join(MIGRATIONS, "alembic.ini"))
    config.set_main_option("script_location", MIGRATIONS)
    assert len(ScriptDirectory.from_config(config).get_heads()) == 1


def test_empty_database_upgrades_to_head_and_matches_models(empty_databases):
    for url in empty_databases:
        app = make_test_app(url)
        with app.app_context():
            upgrade(directory=MIGRATIONS)
            engine = create_engine(url)
            with engine.connect() as conn:
                diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
            tables = set(inspect(engine).get_table_names())
            engine.dispose()
            _db.engine.dispose()
            assert diff == [], f"models and migrations differ on {url.split(':')[0]}: {diff}"
            assert {t.name for t in Base.metadata.sorted_tables} <= tables


def test_every_migration_downgrades(empty_databases):
    url = empty_databases[0]
    app = make_test_app(url)
    with app.app_context():
        upgrade(directory=MIGRATIONS)
        downgrade(directory=MIGRATIONS, revision="base")
        engine = create_engine(url)
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        engine.dispose()
        _db.engine.dispose()


def test_migration_files_sort_by_name_in_the_order_of_the_chain():
    from alembic.config import Config

    config = Config(os.path.join(MIGRATIONS, "alembic.ini"))
    config.set_main_option("script_location", MIGRATIONS)
    chain = [
        os.path.basename(script.path) for script in reversed(list(ScriptDirectory.from_config(config).walk_revisions()))
    ]
    assert all(re.fullmatch(r"\d{8}_\d{4}_[0-9a-f]{12}_\w+\.py", name) for name in chain), chain
    assert chain == sorted(chain)
