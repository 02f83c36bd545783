"""merge fieldwork and respondent heads

Revision ID: c4fcb2301459
Revises: 39a4d2429585, cade6edc52fd
Create Date: 2026-11-23 05:34:21.236314

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c4fcb2301459'
down_revision = ('39a4d2429585', 'cade6edc52fd')
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
