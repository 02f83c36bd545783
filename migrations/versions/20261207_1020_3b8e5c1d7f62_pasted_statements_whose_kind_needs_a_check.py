"""Pasted statements whose kind no heading gave are marked for the evaluator to check

A statement pasted under a heading that invites a kind ("Trots op:", "Aandachtspunten") keeps that kind;
one without such a heading gets the classifier's guess, right for about half of real report statements
(python -m bench.remarks), so it waits for the evaluator. Existing statements count as checked: their
evaluators have had the page in front of them.

Revision ID: 3b8e5c1d7f62
Revises: 1a193b44c23b
Create Date: 2026-12-07 10:20:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3b8e5c1d7f62'
down_revision = '1a193b44c23b'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('evaluation_note', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind_to_check', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade():
    with op.batch_alter_table('evaluation_note', schema=None) as batch_op:
        batch_op.drop_column('kind_to_check')
