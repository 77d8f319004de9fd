"""gesprek leerdoelen

Issue 15. A conversation note says which leerdoelen of its children it evaluates; until now that
was checked but not stored. One link table, conversation_goal (conversation_id, goal_id).

Revision ID: 7a4c2e91b0d3
Revises: cf6acc7609ce
Create Date: 2026-12-15 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision: str = '7a4c2e91b0d3'
down_revision: Union[str, Sequence[str], None] = 'cf6acc7609ce'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('conversation_goal',
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['conversation_id'], ['parent_conversation.id'], name=op.f('fk_conversation_goal_conversation_id_parent_conversation')),
    sa.ForeignKeyConstraint(['goal_id'], ['goal.id'], name=op.f('fk_conversation_goal_goal_id_goal')),
    sa.PrimaryKeyConstraint('conversation_id', 'goal_id', name=op.f('pk_conversation_goal'))
    )
    with op.batch_alter_table('conversation_goal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conversation_goal_goal_id'), ['goal_id'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('conversation_goal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conversation_goal_goal_id'))
    op.drop_table('conversation_goal')
