"""Measurements keep the row of their upload, and conflicting values are chosen, never summed

A value that was not chosen stays, marked as not counted; a chosen value may be marked as the
correction of another. Existing values are all counted, as before.

Revision ID: d7b2e4f6a812
Revises: c7a1e2d9b4f3
Create Date: 2026-12-06 04:20:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd7b2e4f6a812'
down_revision = 'c7a1e2d9b4f3'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('measurement', schema=None) as batch_op:
        batch_op.add_column(sa.Column('upload_row', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('counted', sa.Boolean(), server_default=sa.true(), nullable=False))
        batch_op.add_column(sa.Column('corrects_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('resolved_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_measurement_corrects_id_measurement'), 'measurement',
                                    ['corrects_id'], ['id'], ondelete='SET NULL')
        batch_op.create_foreign_key(batch_op.f('fk_measurement_resolved_by_id_user_account'), 'user_account',
                                    ['resolved_by_id'], ['id'], ondelete='SET NULL')


def downgrade():
    with op.batch_alter_table('measurement', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_measurement_resolved_by_id_user_account'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_measurement_corrects_id_measurement'), type_='foreignkey')
        batch_op.drop_column('resolved_at')
        batch_op.drop_column('resolved_by_id')
        batch_op.drop_column('corrects_id')
        batch_op.drop_column('counted')
        batch_op.drop_column('upload_row')
