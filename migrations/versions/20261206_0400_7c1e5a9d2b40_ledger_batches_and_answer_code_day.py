"""Ledger flags change in batches (pending entries keyed by an HMAC, the route an invitee started by);
answer_code keeps a day instead of a time

Revision ID: 7c1e5a9d2b40
Revises: 5fb8560aa3e1
Create Date: 2026-12-06 04:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7c1e5a9d2b40'
down_revision = '5fb8560aa3e1'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('ledger_pending',
    sa.Column('entry', sa.String(length=64), nullable=False),
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('started_route', sa.String(length=8), nullable=True),
    sa.Column('completed', sa.Boolean(), nullable=False),
    sa.Column('finishing', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['survey_id'], ['survey.id'], name=op.f('fk_ledger_pending_survey_id_survey'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('entry', name=op.f('pk_ledger_pending'))
    )
    with op.batch_alter_table('ledger_pending', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ledger_pending_survey_id'), ['survey_id'], unique=False)
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('started_route', sa.String(length=8), nullable=True))
    # answer_code keeps the day a code was given, not the time (no time finer than a day beside an answer)
    with op.batch_alter_table('answer_code', schema=None) as batch_op:
        batch_op.add_column(sa.Column('created_on', sa.Date(), nullable=True))
    if op.get_bind().dialect.name == 'sqlite':
        op.execute("UPDATE answer_code SET created_on = date(created_at)")
    else:
        op.execute("UPDATE answer_code SET created_on = CAST(created_at AS DATE)")
    op.execute("UPDATE answer_code SET created_on = CURRENT_DATE WHERE created_on IS NULL")
    with op.batch_alter_table('answer_code', schema=None) as batch_op:
        batch_op.alter_column('created_on', nullable=False)
        batch_op.drop_column('created_at')


def downgrade():
    with op.batch_alter_table('answer_code', schema=None) as batch_op:
        batch_op.add_column(sa.Column('created_at', sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE answer_code SET created_at = created_on")
    with op.batch_alter_table('answer_code', schema=None) as batch_op:
        batch_op.alter_column('created_at', nullable=False)
        batch_op.drop_column('created_on')
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.drop_column('started_route')
    with op.batch_alter_table('ledger_pending', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ledger_pending_survey_id'))
    op.drop_table('ledger_pending')
