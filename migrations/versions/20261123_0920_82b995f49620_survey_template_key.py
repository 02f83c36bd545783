"""questionnaires: the template a survey was made from (survey.template_key)

Revision ID: 82b995f49620
Revises: b8e22951083a
Create Date: 2026-11-23 04:47:15.388901

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '82b995f49620'
down_revision = 'b8e22951083a'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('survey', schema=None) as batch_op:
        batch_op.add_column(sa.Column('template_key', sa.String(length=40), nullable=True))


def downgrade():
    with op.batch_alter_table('survey', schema=None) as batch_op:
        batch_op.drop_column('template_key')
