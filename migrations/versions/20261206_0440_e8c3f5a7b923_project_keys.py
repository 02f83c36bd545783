"""Projects get a stable key for survey lists, never a database id

Existing projects keep answers stored under "project-<id>" (the key the platform's own lists used) by
getting exactly that key; it never changes afterwards. `flask programmes check-list-keys` reports
surveys whose list keys could be mistaken for another project.

Revision ID: e8c3f5a7b923
Revises: 7c1e5d2a9b40
Create Date: 2026-12-06 04:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e8c3f5a7b923'
down_revision = '7c1e5d2a9b40'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.add_column(sa.Column('key', sa.String(length=60), nullable=True))
    op.execute("UPDATE project SET key = 'project-' || CAST(id AS VARCHAR(20))")
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.alter_column('key', existing_type=sa.String(length=60), nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_project_programme_id_key'), ['programme_id', 'key'])


def downgrade():
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_project_programme_id_key'), type_='unique')
        batch_op.drop_column('key')
