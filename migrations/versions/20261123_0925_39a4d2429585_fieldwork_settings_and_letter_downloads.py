"""fieldwork settings (reminders, texts, closing day) and temporary letter downloads

Revision ID: 39a4d2429585
Revises: 82b995f49620
Create Date: 2026-11-23 04:42:59.903915

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '39a4d2429585'
down_revision = '82b995f49620'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('fieldwork_settings',
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('max_reminders', sa.Integer(), nullable=False),
    sa.Column('reminder_interval_days', sa.Integer(), nullable=False),
    sa.Column('templates', sa.JSON(), nullable=False),
    sa.Column('letters_for_email_invitees', sa.Boolean(), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('answers_purged_on', sa.Date(), nullable=True),
    sa.CheckConstraint('max_reminders >= 0 AND max_reminders <= 5', name=op.f('ck_fieldwork_settings_max_reminders_range')),
    sa.CheckConstraint('reminder_interval_days >= 1', name=op.f('ck_fieldwork_settings_reminder_interval_positive')),
    sa.ForeignKeyConstraint(['survey_id'], ['survey.id'], name=op.f('fk_fieldwork_settings_survey_id_survey'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('survey_id', name=op.f('pk_fieldwork_settings'))
    )
    op.create_table('letter_batch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('invitation', 'reminder', name='letterkind', native_enum=False, length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('letter_count', sa.Integer(), nullable=False),
    sa.Column('pdf', sa.LargeBinary(), nullable=True),
    sa.Column('archive', sa.LargeBinary(), nullable=True),
    sa.ForeignKeyConstraint(['survey_id'], ['survey.id'], name=op.f('fk_letter_batch_survey_id_survey'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_letter_batch'))
    )
    with op.batch_alter_table('letter_batch', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_letter_batch_survey_id'), ['survey_id'], unique=False)



def downgrade():
    with op.batch_alter_table('letter_batch', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_letter_batch_survey_id'))

    op.drop_table('letter_batch')
    op.drop_table('fieldwork_settings')
