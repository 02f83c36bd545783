"""coding screens: scrub terms, runs, model confidence, second-coding snapshot

Revision ID: 87d525d418c2
Revises: 740af204f5a5
Create Date: 2026-11-23 04:46:13.825371

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '87d525d418c2'
down_revision = '740af204f5a5'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('scrub_term',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('region_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('zorgaanbieder', 'school', 'plaats', 'overig', name='scrubkind', native_enum=False, length=20), nullable=False),
    sa.Column('term', sa.String(length=120), nullable=False),
    sa.ForeignKeyConstraint(['region_id'], ['region.id'], name=op.f('fk_scrub_term_region_id_region'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scrub_term')),
    sa.UniqueConstraint('region_id', 'kind', 'term', name=op.f('uq_scrub_term_region_id_kind_term'))
    )
    with op.batch_alter_table('scrub_term', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scrub_term_region_id'), ['region_id'], unique=False)

    op.create_table('coding_run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('item_code', sa.String(length=20), nullable=False),
    sa.Column('kind', sa.Enum('model', 'themas', name='runkind', native_enum=False, length=20), nullable=False),
    sa.Column('status', sa.Enum('wachtrij', 'klaar', 'te_weinig', 'mislukt', name='runstatus', native_enum=False, length=20), nullable=False),
    sa.Column('requested_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('result', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['requested_by_id'], ['user_account.id'], name=op.f('fk_coding_run_requested_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['survey_id'], ['survey.id'], name=op.f('fk_coding_run_survey_id_survey'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coding_run'))
    )
    with op.batch_alter_table('coding_run', schema=None) as batch_op:
        batch_op.create_index('ix_coding_run_question', ['survey_id', 'item_code'], unique=False)

    with op.batch_alter_table('coded_answer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('model_confidence', sa.Double(), nullable=True))

    with op.batch_alter_table('second_coding', schema=None) as batch_op:
        batch_op.add_column(sa.Column('first_theme_keys', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('resolved', sa.Boolean(), nullable=False, server_default=sa.false()))



def downgrade():
    with op.batch_alter_table('second_coding', schema=None) as batch_op:
        batch_op.drop_column('resolved')
        batch_op.drop_column('first_theme_keys')

    with op.batch_alter_table('coded_answer', schema=None) as batch_op:
        batch_op.drop_column('model_confidence')

    with op.batch_alter_table('coding_run', schema=None) as batch_op:
        batch_op.drop_index('ix_coding_run_question')

    op.drop_table('coding_run')
    with op.batch_alter_table('scrub_term', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scrub_term_region_id'))

    op.drop_table('scrub_term')
