"""Quote review per statement, a region keep-list for quotes; a pasted statement keeps its heading's section, an attribution and (until publication) its pasted text

Revision ID: b7e19c4d2a51
Revises: 7c1e5a9d2b40
Create Date: 2026-12-06 04:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b7e19c4d2a51'
down_revision = '7c1e5a9d2b40'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('evaluation_quote',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('evaluation_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('decision', sa.Enum('houden', 'ingekort', 'samengevoegd', 'weglaten', name='quotedecision', native_enum=False, length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('merged_into', sa.String(length=64), nullable=True),
    sa.Column('attribution_public', sa.Boolean(), nullable=False),
    sa.Column('undone', sa.JSON(), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['evaluation_id'], ['evaluation.id'], name=op.f('fk_evaluation_quote_evaluation_id_evaluation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluation_quote')),
    sa.UniqueConstraint('evaluation_id', 'key', name=op.f('uq_evaluation_quote_evaluation_id_key'))
    )
    with op.batch_alter_table('evaluation_quote', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evaluation_quote_evaluation_id'), ['evaluation_id'], unique=False)
    with op.batch_alter_table('evaluation_note', schema=None) as batch_op:
        batch_op.add_column(sa.Column('section', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('attribution', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('raw_text', sa.Text(), nullable=False, server_default=''))
    op.create_table('quote_keep_term',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('region_id', sa.Integer(), nullable=False),
    sa.Column('term', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['region_id'], ['region.id'], name=op.f('fk_quote_keep_term_region_id_region'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quote_keep_term')),
    sa.UniqueConstraint('region_id', 'term', name=op.f('uq_quote_keep_term_region_id_term'))
    )
    with op.batch_alter_table('quote_keep_term', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quote_keep_term_region_id'), ['region_id'], unique=False)


def downgrade():
    with op.batch_alter_table('quote_keep_term', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quote_keep_term_region_id'))
    op.drop_table('quote_keep_term')
    with op.batch_alter_table('evaluation_note', schema=None) as batch_op:
        batch_op.drop_column('raw_text')
        batch_op.drop_column('attribution')
        batch_op.drop_column('section')
    with op.batch_alter_table('evaluation_quote', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evaluation_quote_evaluation_id'))
    op.drop_table('evaluation_quote')
