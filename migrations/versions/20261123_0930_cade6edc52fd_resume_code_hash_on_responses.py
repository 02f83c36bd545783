"""resume code hash on responses (open-link respondents resume with a code)

Revision ID: cade6edc52fd
Revises: 39a4d2429585
Create Date: 2026-11-23 04:36:55.424037

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'cade6edc52fd'
down_revision = '39a4d2429585'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.add_column(sa.Column('resume_code_hash', sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_response_resume_code_hash'), ['resume_code_hash'])


def downgrade():
    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_response_resume_code_hash'), type_='unique')
        batch_op.drop_column('resume_code_hash')
