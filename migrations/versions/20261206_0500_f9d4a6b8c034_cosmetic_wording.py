"""A researcher can mark an item's changed wording as cosmetic, so the trend still tests it

Revision ID: f9d4a6b8c034
Revises: e8c3f5a7b923
Create Date: 2026-12-06 05:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f9d4a6b8c034'
down_revision = 'e8c3f5a7b923'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('cosmetic_wording',
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('item_code', sa.String(length=60), nullable=False),
    sa.Column('marked_by_id', sa.Integer(), nullable=True),
    sa.Column('marked_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['marked_by_id'], ['user_account.id'], name=op.f('fk_cosmetic_wording_marked_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['survey_id'], ['survey.id'], name=op.f('fk_cosmetic_wording_survey_id_survey'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('survey_id', 'item_code', name=op.f('pk_cosmetic_wording'))
    )


def downgrade():
    op.drop_table('cosmetic_wording')
