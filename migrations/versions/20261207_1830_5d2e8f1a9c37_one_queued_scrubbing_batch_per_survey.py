"""One queued de-identification batch per survey

A completion queued a scrubbing batch whenever at least k completed responses waited, so a busy survey
queued one batch per completion until the first one ran. A row per survey with a queued batch that has not
started lets the respondent's request skip both the count and the queue; the batch removes it when it starts.

Revision ID: 5d2e8f1a9c37
Revises: 3b8e5c1d7f62
Create Date: 2026-12-07 18:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5d2e8f1a9c37'
down_revision = '3b8e5c1d7f62'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'scrub_queued',
        sa.Column('survey_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ['survey_id'], ['survey.id'], name=op.f('fk_scrub_queued_survey_id_survey'), ondelete='CASCADE'
        ),
        sa.PrimaryKeyConstraint('survey_id', name=op.f('pk_scrub_queued')),
    )


def downgrade():
    op.drop_table('scrub_queued')
