"""Evaluation stage: tussenevaluaties with their chosen surveys and projects, the evaluator's texts and
statements, the workflow, and the snapshot and files frozen at publication.

Revision ID: 740af204f5a5
Revises: cade6edc52fd
Create Date: 2026-11-23 05:31:14.435040

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '740af204f5a5'
down_revision = 'cade6edc52fd'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('evaluation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('region_id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('status', sa.Enum('concept', 'goedgekeurd', 'gepubliceerd', name='evaluationstatus', native_enum=False, length=20), nullable=False),
    sa.Column('item_lines', sa.JSON(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('approved_by_id', sa.Integer(), nullable=True),
    sa.Column('approved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('published_by_id', sa.Integer(), nullable=True),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('snapshot', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('lock_version', sa.Integer(), nullable=False),
    sa.CheckConstraint("status <> 'gepubliceerd' OR (snapshot IS NOT NULL AND published_at IS NOT NULL)", name=op.f('ck_evaluation_published_has_snapshot')),
    sa.CheckConstraint('period_end >= period_start', name=op.f('ck_evaluation_period_in_order')),
    sa.ForeignKeyConstraint(['approved_by_id'], ['user_account.id'], name=op.f('fk_evaluation_approved_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_evaluation_created_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_evaluation_programme_id_programme'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['published_by_id'], ['user_account.id'], name=op.f('fk_evaluation_published_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['region_id'], ['region.id'], name=op.f('fk_evaluation_region_id_region'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluation'))
    )
    with op.batch_alter_table('evaluation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evaluation_programme_id'), ['programme_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_evaluation_region_id'), ['region_id'], unique=False)

    op.create_table('evaluation_file',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('evaluation_id', sa.Integer(), nullable=False),
    sa.Column('format', sa.String(length=8), nullable=False),
    sa.Column('filename', sa.String(length=200), nullable=False),
    sa.Column('mimetype', sa.String(length=120), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['evaluation_id'], ['evaluation.id'], name=op.f('fk_evaluation_file_evaluation_id_evaluation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluation_file')),
    sa.UniqueConstraint('evaluation_id', 'format', name=op.f('uq_evaluation_file_evaluation_id_format'))
    )
    with op.batch_alter_table('evaluation_file', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evaluation_file_evaluation_id'), ['evaluation_id'], unique=False)

    op.create_table('evaluation_survey',
    sa.Column('evaluation_id', sa.Integer(), nullable=False),
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['evaluation_id'], ['evaluation.id'], name=op.f('fk_evaluation_survey_evaluation_id_evaluation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['survey_id'], ['survey.id'], name=op.f('fk_evaluation_survey_survey_id_survey'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('evaluation_id', 'survey_id', name=op.f('pk_evaluation_survey'))
    )
    with op.batch_alter_table('evaluation_survey', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evaluation_survey_survey_id'), ['survey_id'], unique=False)

    op.create_table('evaluation_text',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('evaluation_id', sa.Integer(), nullable=False),
    sa.Column('scope', sa.String(length=30), nullable=False),
    sa.Column('section', sa.String(length=30), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['evaluation_id'], ['evaluation.id'], name=op.f('fk_evaluation_text_evaluation_id_evaluation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluation_text')),
    sa.UniqueConstraint('evaluation_id', 'scope', 'section', name=op.f('uq_evaluation_text_evaluation_id_scope_section'))
    )
    with op.batch_alter_table('evaluation_text', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evaluation_text_evaluation_id'), ['evaluation_id'], unique=False)

    op.create_table('evaluation_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('evaluation_id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('suggested_kind', sa.Enum('compliment', 'zorg', 'suggestie', 'observatie', 'vraag', name='remarkkind', native_enum=False, length=20), nullable=False),
    sa.Column('kind', sa.Enum('compliment', 'zorg', 'suggestie', 'observatie', 'vraag', name='remarkkind', native_enum=False, length=20), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['evaluation_id'], ['evaluation.id'], name=op.f('fk_evaluation_note_evaluation_id_evaluation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_evaluation_note_project_id_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluation_note'))
    )
    with op.batch_alter_table('evaluation_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evaluation_note_evaluation_id'), ['evaluation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_evaluation_note_project_id'), ['project_id'], unique=False)

    op.create_table('evaluation_project',
    sa.Column('evaluation_id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['evaluation_id'], ['evaluation.id'], name=op.f('fk_evaluation_project_evaluation_id_evaluation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_evaluation_project_project_id_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('evaluation_id', 'project_id', name=op.f('pk_evaluation_project'))
    )
    with op.batch_alter_table('evaluation_project', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evaluation_project_project_id'), ['project_id'], unique=False)



def downgrade():
    with op.batch_alter_table('evaluation_project', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evaluation_project_project_id'))

    op.drop_table('evaluation_project')
    with op.batch_alter_table('evaluation_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evaluation_note_project_id'))
        batch_op.drop_index(batch_op.f('ix_evaluation_note_evaluation_id'))

    op.drop_table('evaluation_note')
    with op.batch_alter_table('evaluation_text', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evaluation_text_evaluation_id'))

    op.drop_table('evaluation_text')
    with op.batch_alter_table('evaluation_survey', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evaluation_survey_survey_id'))

    op.drop_table('evaluation_survey')
    with op.batch_alter_table('evaluation_file', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evaluation_file_evaluation_id'))

    op.drop_table('evaluation_file')
    with op.batch_alter_table('evaluation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evaluation_region_id'))
        batch_op.drop_index(batch_op.f('ix_evaluation_programme_id'))

    op.drop_table('evaluation')
