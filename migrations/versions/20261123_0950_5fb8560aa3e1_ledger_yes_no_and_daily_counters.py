"""The ledger keeps started and completed as yes/no; the days become counters per survey

Revision ID: 5fb8560aa3e1
Revises: a30675bebfc0
Create Date: 2026-11-23 05:41:19.366873

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5fb8560aa3e1'
down_revision = 'a30675bebfc0'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('participation_day',
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('started', sa.Integer(), nullable=False),
    sa.Column('completed', sa.Integer(), nullable=False),
    sa.CheckConstraint('started >= 0 AND completed >= 0', name=op.f('ck_participation_day_counts_not_negative')),
    sa.ForeignKeyConstraint(['survey_id'], ['survey.id'], name=op.f('fk_participation_day_survey_id_survey'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('survey_id', 'day', name=op.f('pk_participation_day'))
    )
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('started', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('completed', sa.Boolean(), nullable=False, server_default=sa.false()))
    # existing days become counters, then the per-invitee days go
    op.execute("INSERT INTO participation_day (survey_id, day, started, completed) "
               "SELECT survey_id, day, SUM(s), SUM(c) FROM ("
               " SELECT survey_id, started_on AS day, 1 AS s, 0 AS c FROM invitation WHERE started_on IS NOT NULL"
               " UNION ALL"
               " SELECT survey_id, completed_on AS day, 0 AS s, 1 AS c FROM invitation WHERE completed_on IS NOT NULL"
               ") AS days GROUP BY survey_id, day")
    op.execute("UPDATE invitation SET started = (started_on IS NOT NULL), completed = (completed_on IS NOT NULL)")
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.drop_column('completed_on')
        batch_op.drop_column('started_on')


def downgrade():
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('started_on', sa.DATE(), nullable=True))
        batch_op.add_column(sa.Column('completed_on', sa.DATE(), nullable=True))
    # the days per invitee are gone: the invitation day stands in for them
    op.execute("UPDATE invitation SET started_on = CASE WHEN started THEN COALESCE(invited_on, CURRENT_DATE) END, "
               "completed_on = CASE WHEN completed THEN COALESCE(invited_on, CURRENT_DATE) END")
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.drop_column('completed')
        batch_op.drop_column('started')
    op.drop_table('participation_day')
