"""Targets get a direction (increase, decrease, keep at or below/above, reach zero)

Existing targets: a baseline above the target value is a decrease (to 0: reach zero), anything else an
increase, the same rule as ``analysis.programmes.targets.infer_direction``.

Revision ID: c4a1d2e3f501
Revises: b7e19c4d2a51
Create Date: 2026-12-06 04:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c4a1d2e3f501'
down_revision = 'b7e19c4d2a51'
branch_labels = None
depends_on = None

DIRECTION = sa.Enum('increase', 'decrease', 'at_most', 'at_least', 'zero', name='direction', native_enum=False,
                    length=20)


def upgrade():
    with op.batch_alter_table('target', schema=None) as batch_op:
        batch_op.add_column(sa.Column('direction', DIRECTION, nullable=False, server_default='increase'))
    op.execute("UPDATE target SET direction = 'zero' WHERE baseline IS NOT NULL AND baseline > 0 "
               "AND target_value = 0")
    op.execute("UPDATE target SET direction = 'decrease' WHERE baseline IS NOT NULL AND baseline > target_value "
               "AND target_value <> 0")
    with op.batch_alter_table('target', schema=None) as batch_op:
        batch_op.alter_column('direction', server_default=None)


def downgrade():
    with op.batch_alter_table('target', schema=None) as batch_op:
        batch_op.drop_column('direction')
