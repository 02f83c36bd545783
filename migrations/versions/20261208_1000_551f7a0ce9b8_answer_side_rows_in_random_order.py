"""Answer-side rows in random order: answers and the coding rows of open answers get random 63-bit ids (no
sequence), and on SQLite the tables with a random key are stored WITHOUT ROWID

A response had a random id, but SQLite kept it in a hidden rowid that counted up, so ``SELECT rowid`` (and the
order of the rows in the file) was the order in which respondents started; answer ids counted up the same
way, and so did the ids of the coding rows made batch after batch as responses completed; pending ledger
entries, keyed by an HMAC, were stored in the order they were written. Existing rows get new random ids here
(the rows that refer to them follow), so the old order is gone from the data as well.

Revision ID: 551f7a0ce9b8
Revises: 7c4e2a9d1b58
Create Date: 2026-12-08 10:00:00

"""
import secrets

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '551f7a0ce9b8'
down_revision = '7c4e2a9d1b58'
branch_labels = None
depends_on = None

#: tables whose key is random, parents first
RANDOM_KEYED = ('response', 'answer', 'coded_answer', 'answer_code', 'answer_kind', 'second_coding', 'ledger_pending')
#: integer columns that hold an answer-side id: table -> columns
ID_COLUMNS = {
    'answer': ('id',),
    'coded_answer': ('answer_id',),
    'answer_code': ('id', 'answer_id'),
    'answer_kind': ('id', 'answer_id'),
    'second_coding': ('id', 'answer_id'),
}
#: tables with an id of their own that counted up
COUNTED = ('answer', 'answer_code', 'answer_kind', 'second_coding')
#: foreign keys on an answer id: (table, column, referred table, referred column)
ANSWER_KEYS = (
    ('coded_answer', 'answer_id', 'answer', 'id'),
    ('answer_code', 'answer_id', 'coded_answer', 'answer_id'),
    ('answer_kind', 'answer_id', 'coded_answer', 'answer_id'),
    ('second_coding', 'answer_id', 'coded_answer', 'answer_id'),
)
#: where an answer's id is kept besides the answer itself
ANSWER_ID_IN = (('coded_answer', 'answer_id'), ('answer_code', 'answer_id'), ('answer_kind', 'answer_id'),
                ('second_coding', 'answer_id'))


def upgrade():
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        with _foreign_keys_off(bind):
            _rekey_all(bind, random=True)
            for table in RANDOM_KEYED:
                _rebuild(table, with_rowid=False, kind=sa.BigInteger())
        return
    with _answer_keys_dropped():
        for table, columns in ID_COLUMNS.items():
            for column in columns:
                op.alter_column(table, column, type_=sa.BigInteger(), existing_nullable=False)
        for table in COUNTED:
            sequence = bind.scalar(sa.text(f"SELECT pg_get_serial_sequence('{table}', 'id')"))
            op.execute(f'ALTER TABLE {table} ALTER COLUMN id DROP DEFAULT')
            if sequence:
                op.execute(f'DROP SEQUENCE {sequence}')
        _rekey_all(bind, random=True)


def downgrade():
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        with _foreign_keys_off(bind):
            _rekey_all(bind, random=False)
            for table in RANDOM_KEYED:
                _rebuild(table, with_rowid=True, kind=sa.Integer())
        return
    with _answer_keys_dropped():
        _rekey_all(bind, random=False)
        for table, columns in ID_COLUMNS.items():
            for column in columns:
                op.alter_column(table, column, type_=sa.Integer(), existing_nullable=False)
        for table in COUNTED:
            op.execute(f'CREATE SEQUENCE {table}_id_seq OWNED BY {table}.id')
            op.execute(f"SELECT setval('{table}_id_seq', COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)")
            op.execute(f"ALTER TABLE {table} ALTER COLUMN id SET DEFAULT nextval('{table}_id_seq')")


def _rebuild(table, *, with_rowid, kind):
    """SQLite: the table made again (batch mode), with or without a rowid, its answer-side ids of ``kind``."""
    with op.batch_alter_table(table, recreate='always', table_kwargs={'sqlite_with_rowid': with_rowid}) as batch:
        for column in ID_COLUMNS.get(table, ()):
            batch.alter_column(column, type_=kind, existing_nullable=False, autoincrement=False)


def _rekey_all(bind, *, random):
    """New ids for every table whose id counted up: random ones (upgrade) or 1, 2, 3 … (downgrade, in the order
    of the random ids, so the numbers fit an INTEGER again). An answer's new id reaches every row that holds it."""
    for table in COUNTED:
        _rekey(bind, table, ANSWER_ID_IN if table == 'answer' else (), random)


def _rekey(bind, table, referring, random):
    old = bind.execute(sa.text(f'SELECT id FROM {table} ORDER BY id')).scalars().all()
    if not old:
        return
    if random:
        taken, new = set(old), []
        for _ in old:
            number = secrets.randbits(63) or 1
            while number in taken:  # never an id another row still has: the update goes row by row
                number = secrets.randbits(63) or 1
            taken.add(number)
            new.append(number)
    else:
        new = list(range(1, len(old) + 1))
        clash = set(new) & set(old)
        if clash:  # first out of the way (negative ids are never given), then to their numbers
            _move(bind, table, referring, [(o, -o) for o in old])
            old = [-o for o in old]
    _move(bind, table, referring, list(zip(old, new)))


def _move(bind, table, referring, pairs):
    """Give the rows of ``table`` new ids through a map of (old, new), and the rows that refer to them too."""
    id_map = op.create_table(
        'rekey_map', sa.Column('old', sa.BigInteger(), primary_key=True), sa.Column('new', sa.BigInteger())
    )
    op.bulk_insert(id_map, [{'old': o, 'new': n} for o, n in pairs])
    for target, column in ((table, 'id'), *referring):
        op.execute(
            f'UPDATE {target} SET {column} = (SELECT new FROM rekey_map WHERE rekey_map.old = {target}.{column})'
        )
    op.drop_table('rekey_map')


class _foreign_keys_off:
    """SQLite: no foreign key enforcement while tables are made again and ids change. Dropping the old copy of
    a table would otherwise delete every row that refers to it (ON DELETE CASCADE). The pragma does nothing
    inside a transaction, so an earlier migration's open transaction is committed first (SQLite's DDL is not
    transactional for Alembic either). Afterwards every reference is checked."""

    def __init__(self, bind):
        self.raw = bind.connection.dbapi_connection

    def __enter__(self):
        if self.raw.in_transaction:
            self.raw.commit()
        self.raw.execute('PRAGMA foreign_keys=OFF')
        if self.raw.execute('PRAGMA foreign_keys').fetchone()[0]:
            raise RuntimeError('foreign keys could not be switched off for the rebuild')

    def __exit__(self, *exc):
        if exc[0] is None:
            broken = self.raw.execute('PRAGMA foreign_key_check').fetchall()
            if broken:
                raise RuntimeError(f'rows refer to rows that do not exist: {broken[:5]}')
        if self.raw.in_transaction:
            self.raw.commit() if exc[0] is None else self.raw.rollback()
        self.raw.execute('PRAGMA foreign_keys=ON')
        return False


class _answer_keys_dropped:
    """PostgreSQL: the foreign keys on answer ids dropped while the ids change, and made again afterwards."""

    def __enter__(self):
        for table, column, referred, _referred_column in ANSWER_KEYS:
            op.drop_constraint(op.f(_fk_name(table, column, referred)), table, type_='foreignkey')

    def __exit__(self, *exc):
        if exc[0] is None:
            for table, column, referred, referred_column in ANSWER_KEYS:
                op.create_foreign_key(
                    op.f(_fk_name(table, column, referred)), table, referred, [column], [referred_column],
                    ondelete='CASCADE',
                )
        return False


def _fk_name(table, column, referred):
    return f'fk_{table}_{column}_{referred}'
