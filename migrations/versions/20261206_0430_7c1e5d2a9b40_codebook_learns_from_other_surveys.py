"""A codebook may let the theme model learn from every survey of the region that uses it

Revision ID: 7c1e5d2a9b40
Revises: d7b2e4f6a812
Create Date: 2026-12-06 04:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7c1e5d2a9b40'
down_revision = 'd7b2e4f6a812'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('codebook', schema=None) as batch_op:
        batch_op.add_column(sa.Column('learn_from_other_surveys', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def downgrade():
    with op.batch_alter_table('codebook', schema=None) as batch_op:
        batch_op.drop_column('learn_from_other_surveys')
