"""Projects in the programme's order, with several principles and the region's own actielijnen;
themes as an optional grouping in a tussenevaluatie; pasted statements remember what the coding stage's
de-identification found

Existing projects keep their order of entry (position = id) and their one principle (copied to the link
table). Existing pasted statements have not been through the check yet (detected stays empty), so they
wait for it before they can be quoted.

Revision ID: 1a193b44c23b
Revises: f9d4a6b8c034
Create Date: 2026-12-06 08:10:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '1a193b44c23b'
down_revision = 'f9d4a6b8c034'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('regional_action_line',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_regional_action_line_programme_id_programme'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_regional_action_line')),
    sa.UniqueConstraint('programme_id', 'title', name=op.f('uq_regional_action_line_programme_id_title'))
    )
    with op.batch_alter_table('regional_action_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_regional_action_line_programme_id'), ['programme_id'], unique=False)

    op.create_table('project_principle',
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('principle_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['principle_id'], ['principle.id'], name=op.f('fk_project_principle_principle_id_principle'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_project_principle_project_id_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('project_id', 'principle_id', name=op.f('pk_project_principle'))
    )
    with op.batch_alter_table('project_principle', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_principle_principle_id'), ['principle_id'], unique=False)

    op.create_table('project_regional_line',
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['line_id'], ['regional_action_line.id'], name=op.f('fk_project_regional_line_line_id_regional_action_line'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_project_regional_line_project_id_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('project_id', 'line_id', name=op.f('pk_project_regional_line'))
    )
    with op.batch_alter_table('project_regional_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_regional_line_line_id'), ['line_id'], unique=False)

    with op.batch_alter_table('evaluation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('group_by_theme', sa.Boolean(), server_default=sa.true(), nullable=False))

    with op.batch_alter_table('evaluation_note', schema=None) as batch_op:
        batch_op.add_column(sa.Column('detected', sa.JSON(none_as_null=True), nullable=True))

    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.add_column(sa.Column('position', sa.Integer(), server_default='0', nullable=False))
    op.execute("UPDATE project SET position = id")
    op.execute("INSERT INTO project_principle (project_id, principle_id) "
               "SELECT id, principle_id FROM project WHERE principle_id IS NOT NULL")
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.alter_column('position', existing_type=sa.Integer(), server_default=None)
        batch_op.drop_constraint(batch_op.f('fk_project_principle_id_principle'), type_='foreignkey')
        batch_op.drop_column('principle_id')



def downgrade():
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.add_column(sa.Column('principle_id', sa.INTEGER(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_project_principle_id_principle'), 'principle', ['principle_id'], ['id'], ondelete='SET NULL')
        batch_op.drop_column('position')
    op.execute("UPDATE project SET principle_id = (SELECT MIN(principle_id) FROM project_principle "
               "WHERE project_principle.project_id = project.id)")

    with op.batch_alter_table('evaluation_note', schema=None) as batch_op:
        batch_op.drop_column('detected')

    with op.batch_alter_table('evaluation', schema=None) as batch_op:
        batch_op.drop_column('group_by_theme')

    with op.batch_alter_table('project_regional_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_regional_line_line_id'))

    op.drop_table('project_regional_line')
    with op.batch_alter_table('project_principle', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_principle_principle_id'))

    op.drop_table('project_principle')
    with op.batch_alter_table('regional_action_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_regional_action_line_programme_id'))

    op.drop_table('regional_action_line')
