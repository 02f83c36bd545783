"""Figures frozen at the close of fieldwork

At the close the invitation rows are cleared of everything they say per invitee (started, completed, way in,
reminders, opt-out, invitation day, background). The tracking page, its CSV and the response figures of the
results page then read the figures as they stood at the close from this column.

Rounds closed before this revision are completed by ``flask fieldwork close-due`` (the daily cron), with the
same code as a close: a migration cannot run the application's current code against an older schema.

Revision ID: 7c4e2a9d1b58
Revises: 5d2e8f1a9c37
Create Date: 2026-12-08 09:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7c4e2a9d1b58'
down_revision = '5d2e8f1a9c37'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('fieldwork_settings') as batch_op:
        batch_op.add_column(sa.Column('closing_figures', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('fieldwork_settings') as batch_op:
        batch_op.drop_column('closing_figures')
