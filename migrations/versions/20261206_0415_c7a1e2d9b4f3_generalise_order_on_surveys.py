"""A survey sets which background value is left out first (k over the combination)

Revision ID: c7a1e2d9b4f3
Revises: c4a1d2e3f501
Create Date: 2026-12-06 04:15:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c7a1e2d9b4f3'
down_revision = 'c4a1d2e3f501'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('survey', schema=None) as batch_op:
        batch_op.add_column(sa.Column('generalise_order', sa.String(length=40), nullable=False, server_default=''))


def downgrade():
    with op.batch_alter_table('survey', schema=None) as batch_op:
        batch_op.drop_column('generalise_order')
