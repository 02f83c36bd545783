"""Programme stage: programmes, principles, projects, actielijnen, targets, budget, indicators,
measurements and uploads, pseudonym keys, progress reports and reminders, qualitative notes.

Revision ID: b8e22951083a
Revises: e494d1ef7779
Create Date: 2026-11-23 04:41:47.133432

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b8e22951083a'
down_revision = 'e494d1ef7779'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('programme',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('region_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('start_year', sa.Integer(), nullable=False),
    sa.Column('end_year', sa.Integer(), nullable=False),
    sa.Column('report_months', sa.JSON(), nullable=False),
    sa.Column('gemeenten', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('end_year >= start_year', name=op.f('ck_programme_years_in_order')),
    sa.CheckConstraint('start_year BETWEEN 2000 AND 2100', name=op.f('ck_programme_start_year_range')),
    sa.ForeignKeyConstraint(['region_id'], ['region.id'], name=op.f('fk_programme_region_id_region'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programme')),
    sa.UniqueConstraint('region_id', 'name', name=op.f('uq_programme_region_id_name'))
    )
    with op.batch_alter_table('programme', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_programme_region_id'), ['region_id'], unique=False)

    op.create_table('pseudonym_key',
    sa.Column('region_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.LargeBinary(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['region_id'], ['region.id'], name=op.f('fk_pseudonym_key_region_id_region'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('region_id', name=op.f('pk_pseudonym_key'))
    )
    op.create_table('indicator_set',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('pseudonym_column', sa.String(length=60), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_indicator_set_programme_id_programme'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator_set')),
    sa.UniqueConstraint('programme_id', 'name', name=op.f('uq_indicator_set_programme_id_name'))
    )
    with op.batch_alter_table('indicator_set', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicator_set_programme_id'), ['programme_id'], unique=False)

    op.create_table('principle',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_principle_programme_id_programme'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_principle')),
    sa.UniqueConstraint('programme_id', 'title', name=op.f('uq_principle_programme_id_title'))
    )
    with op.batch_alter_table('principle', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_principle_programme_id'), ['programme_id'], unique=False)

    op.create_table('indicator',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('indicator_set_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('unit', sa.String(length=40), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('period_type', sa.Enum('month', 'quarter', name='periodtype', native_enum=False, length=20), nullable=False),
    sa.Column('per_gemeente', sa.Boolean(), nullable=False),
    sa.Column('aggregation', sa.Enum('sum', 'mean', 'distinct', name='aggregation', native_enum=False, length=20), nullable=False),
    sa.ForeignKeyConstraint(['indicator_set_id'], ['indicator_set.id'], name=op.f('fk_indicator_indicator_set_id_indicator_set'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator')),
    sa.UniqueConstraint('indicator_set_id', 'name', name=op.f('uq_indicator_indicator_set_id_name'))
    )
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicator_indicator_set_id'), ['indicator_set_id'], unique=False)

    op.create_table('measurement_upload',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('indicator_set_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=200), nullable=False),
    sa.Column('source', sa.String(length=120), nullable=False),
    sa.Column('row_count', sa.Integer(), nullable=False),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
    sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['indicator_set_id'], ['indicator_set.id'], name=op.f('fk_measurement_upload_indicator_set_id_indicator_set'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['user_account.id'], name=op.f('fk_measurement_upload_uploaded_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measurement_upload'))
    )
    with op.batch_alter_table('measurement_upload', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_measurement_upload_indicator_set_id'), ['indicator_set_id'], unique=False)

    op.create_table('project',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('ambition', sa.Text(), nullable=False),
    sa.Column('principle_id', sa.Integer(), nullable=True),
    sa.Column('leader_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('in_voorbereiding', 'lopend', 'afgerond', 'gestopt', name='projectstatus', native_enum=False, length=20), nullable=False),
    sa.Column('next_year_goals', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['leader_id'], ['user_account.id'], name=op.f('fk_project_leader_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['principle_id'], ['principle.id'], name=op.f('fk_project_principle_id_principle'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_project_programme_id_programme'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project')),
    sa.UniqueConstraint('programme_id', 'name', name=op.f('uq_project_programme_id_name'))
    )
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_leader_id'), ['leader_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_programme_id'), ['programme_id'], unique=False)

    op.create_table('activity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_activity_project_id_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity'))
    )
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_project_id'), ['project_id'], unique=False)

    op.create_table('budget_line',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('budgeted', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('spent', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.CheckConstraint('budgeted >= 0', name=op.f('ck_budget_line_budgeted_not_negative')),
    sa.CheckConstraint('spent IS NULL OR spent >= 0', name=op.f('ck_budget_line_spent_not_negative')),
    sa.CheckConstraint('year BETWEEN 2000 AND 2100', name=op.f('ck_budget_line_year_range')),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_budget_line_project_id_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_budget_line')),
    sa.UniqueConstraint('project_id', 'year', name=op.f('uq_budget_line_project_id_year'))
    )
    with op.batch_alter_table('budget_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budget_line_project_id'), ['project_id'], unique=False)

    op.create_table('programme_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.Enum('trots_op', 'werkt_goed', 'aandacht', 'opvallend', name='notekind', native_enum=False, length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('source_type', sa.Enum('interview', 'heimiddag', 'effectenarena', 'overig', name='notesource', native_enum=False, length=20), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('noted_on', sa.Date(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_programme_note_created_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_programme_note_programme_id_programme'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_programme_note_project_id_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programme_note'))
    )
    with op.batch_alter_table('programme_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_programme_note_programme_id'), ['programme_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_programme_note_project_id'), ['project_id'], unique=False)

    op.create_table('progress_reminder',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('round', sa.String(length=7), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_progress_reminder_project_id_project'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_progress_reminder_user_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_progress_reminder')),
    sa.UniqueConstraint('project_id', 'round', name=op.f('uq_progress_reminder_project_id_round'))
    )
    with op.batch_alter_table('progress_reminder', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_progress_reminder_project_id'), ['project_id'], unique=False)

    op.create_table('progress_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('round', sa.String(length=7), nullable=False),
    sa.Column('status', sa.Enum('op_koers', 'aandacht_nodig', 'risico', name='progressstatus', native_enum=False, length=20), nullable=False),
    sa.Column('results', sa.Text(), nullable=False),
    sa.Column('successes', sa.Text(), nullable=False),
    sa.Column('obstacles', sa.Text(), nullable=False),
    sa.Column('next_steps', sa.Text(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['user_account.id'], name=op.f('fk_progress_report_author_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_progress_report_project_id_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_progress_report')),
    sa.UniqueConstraint('project_id', 'round', name=op.f('uq_progress_report_project_id_round'))
    )
    with op.batch_alter_table('progress_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_progress_report_project_id'), ['project_id'], unique=False)

    op.create_table('project_action_line',
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.CheckConstraint('number BETWEEN 1 AND 6', name=op.f('ck_project_action_line_number_range')),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_project_action_line_project_id_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('project_id', 'number', name=op.f('pk_project_action_line'))
    )
    op.create_table('target',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('indicator_id', sa.Integer(), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('baseline', sa.Numeric(precision=14, scale=4), nullable=True),
    sa.Column('target_value', sa.Numeric(precision=14, scale=4), nullable=False),
    sa.Column('unit', sa.String(length=40), nullable=False),
    sa.Column('target_date', sa.Date(), nullable=False),
    sa.Column('cumulative', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicator.id'], name=op.f('fk_target_indicator_id_indicator')),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_target_project_id_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_target'))
    )
    with op.batch_alter_table('target', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_target_indicator_id'), ['indicator_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_target_project_id'), ['project_id'], unique=False)

    op.create_table('measurement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('indicator_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('gemeente', sa.String(length=80), nullable=False),
    sa.Column('source', sa.String(length=120), nullable=False),
    sa.Column('pseudonym', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Numeric(precision=14, scale=4), nullable=False),
    sa.Column('remark', sa.String(length=500), nullable=False),
    sa.Column('upload_id', sa.Integer(), nullable=True),
    sa.Column('progress_report_id', sa.Integer(), nullable=True),
    sa.Column('entered_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('length(period) = 7', name=op.f('ck_measurement_period_format')),
    sa.ForeignKeyConstraint(['entered_by_id'], ['user_account.id'], name=op.f('fk_measurement_entered_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicator.id'], name=op.f('fk_measurement_indicator_id_indicator'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['progress_report_id'], ['progress_report.id'], name=op.f('fk_measurement_progress_report_id_progress_report'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['upload_id'], ['measurement_upload.id'], name=op.f('fk_measurement_upload_id_measurement_upload'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measurement')),
    sa.UniqueConstraint('indicator_id', 'period', 'gemeente', 'source', 'pseudonym', name=op.f('uq_measurement_indicator_id_period_gemeente_source_pseudonym'))
    )
    with op.batch_alter_table('measurement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_measurement_indicator_id'), ['indicator_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_measurement_progress_report_id'), ['progress_report_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_measurement_upload_id'), ['upload_id'], unique=False)



def downgrade():
    with op.batch_alter_table('measurement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_measurement_upload_id'))
        batch_op.drop_index(batch_op.f('ix_measurement_progress_report_id'))
        batch_op.drop_index(batch_op.f('ix_measurement_indicator_id'))

    op.drop_table('measurement')
    with op.batch_alter_table('target', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_target_project_id'))
        batch_op.drop_index(batch_op.f('ix_target_indicator_id'))

    op.drop_table('target')
    op.drop_table('project_action_line')
    with op.batch_alter_table('progress_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_progress_report_project_id'))

    op.drop_table('progress_report')
    with op.batch_alter_table('progress_reminder', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_progress_reminder_project_id'))

    op.drop_table('progress_reminder')
    with op.batch_alter_table('programme_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_programme_note_project_id'))
        batch_op.drop_index(batch_op.f('ix_programme_note_programme_id'))

    op.drop_table('programme_note')
    with op.batch_alter_table('budget_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budget_line_project_id'))

    op.drop_table('budget_line')
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_project_id'))

    op.drop_table('activity')
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_programme_id'))
        batch_op.drop_index(batch_op.f('ix_project_leader_id'))

    op.drop_table('project')
    with op.batch_alter_table('measurement_upload', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_measurement_upload_indicator_set_id'))

    op.drop_table('measurement_upload')
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicator_indicator_set_id'))

    op.drop_table('indicator')
    with op.batch_alter_table('principle', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_principle_programme_id'))

    op.drop_table('principle')
    with op.batch_alter_table('indicator_set', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicator_set_programme_id'))

    op.drop_table('indicator_set')
    op.drop_table('pseudonym_key')
    with op.batch_alter_table('programme', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_programme_region_id'))

    op.drop_table('programme')
