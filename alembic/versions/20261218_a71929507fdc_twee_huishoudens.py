"""twee huishoudens

Issue 16, points 3 and 4. Parents who live apart each have their own household: a child keeps
`child.family_id` as the household where it mainly lives (hoofdverblijf) and gets further ones in
`child_household`. A household (family) gets an address; a guardian gets `parental_authority`,
`may_collect` (False: a court order says this parent may not collect) and `collect_note`. A pick-up
person records which guardian allowed them and on which day (`allowed_by_guardian_id`,
`allowed_on`), and the child which guardian allowed going home alone (`home_alone_guardian_id`,
filled here from the current consent where it named a guardian).

Nothing is lost: every family, guardian and pick-up person stays as it was. Pick-up persons from
before have no guardian: they were allowed by the family as recorded then, and stay allowed (the
check-out shows "toestemming van het gezin (vastgelegd vóór december 2026)"). Every guardian keeps
authority and may collect (the defaults) until a worker records otherwise.

Revision ID: a71929507fdc
Revises: 9b3b0c889b6f
Create Date: 2026-12-18 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel
import kinderwerk_pwa.models.base

# revision identifiers, used by Alembic.
revision: str = 'a71929507fdc'
down_revision: Union[str, Sequence[str], None] = '9b3b0c889b6f'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('child_household',
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('created_at', kinderwerk_pwa.models.base.UTCDateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_child_household_child_id_child')),
    sa.ForeignKeyConstraint(['created_by_id'], ['staff_user.id'], name=op.f('fk_child_household_created_by_id_staff_user')),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_child_household_family_id_family')),
    sa.PrimaryKeyConstraint('child_id', 'family_id', name=op.f('pk_child_household'))
    )
    with op.batch_alter_table('child_household', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_child_household_family_id'), ['family_id'], unique=False)

    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.add_column(sa.Column('home_alone_guardian_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_child_home_alone_guardian_id_guardian'), 'guardian', ['home_alone_guardian_id'], ['id'])

    with op.batch_alter_table('family', schema=None) as batch_op:
        batch_op.add_column(sa.Column('address', sqlmodel.sql.sqltypes.AutoString(length=200), server_default='', nullable=False))

    with op.batch_alter_table('guardian', schema=None) as batch_op:
        batch_op.add_column(sa.Column('parental_authority', sa.Boolean(), server_default=sa.true(), nullable=False))
        batch_op.add_column(sa.Column('may_collect', sa.Boolean(), server_default=sa.true(), nullable=False))
        batch_op.add_column(sa.Column('collect_note', sqlmodel.sql.sqltypes.AutoString(length=200), server_default='', nullable=False))

    with op.batch_alter_table('pickup_person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('allowed_by_guardian_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('allowed_on', sa.Date(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_pickup_person_allowed_by_guardian_id_guardian'), 'guardian', ['allowed_by_guardian_id'], ['id'])

    _home_alone_guardians(op.get_bind())


def _home_alone_guardians(conn: sa.Connection) -> None:
    """child.home_alone_guardian_id from the current, not withdrawn home-alone consent that named
    a guardian (a consent typed as a name only leaves it empty)."""
    consent = sa.table("consent", sa.column("id", sa.Integer), sa.column("child_id", sa.Integer),
                       sa.column("kind", sa.String), sa.column("given", sa.Boolean),
                       sa.column("given_on", sa.Date), sa.column("guardian_id", sa.Integer),
                       sa.column("withdrawn_on", sa.Date))
    child = sa.table("child", sa.column("id", sa.Integer), sa.column("may_go_home_alone", sa.Boolean),
                     sa.column("home_alone_guardian_id", sa.Integer))
    latest: dict[int, tuple] = {}
    for row in conn.execute(sa.select(consent.c.child_id, consent.c.given_on, consent.c.id, consent.c.given,
                                      consent.c.guardian_id, consent.c.withdrawn_on)
                            .where(consent.c.kind == "zelfstandig_naar_huis")).all():
        if row[0] not in latest or (row[1], row[2]) > (latest[row[0]][1], latest[row[0]][2]):
            latest[row[0]] = tuple(row)
    updates = [{"cid": cid, "gid": row[4]} for cid, row in latest.items()
               if row[3] and row[4] is not None and row[5] is None]
    if updates:
        conn.execute(sa.update(child).where(child.c.id == sa.bindparam("cid"), child.c.may_go_home_alone.is_(True))
                     .values(home_alone_guardian_id=sa.bindparam("gid")), updates)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('pickup_person', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_pickup_person_allowed_by_guardian_id_guardian'), type_='foreignkey')
        batch_op.drop_column('allowed_on')
        batch_op.drop_column('allowed_by_guardian_id')

    with op.batch_alter_table('guardian', schema=None) as batch_op:
        batch_op.drop_column('collect_note')
        batch_op.drop_column('may_collect')
        batch_op.drop_column('parental_authority')

    with op.batch_alter_table('family', schema=None) as batch_op:
        batch_op.drop_column('address')

    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_child_home_alone_guardian_id_guardian'), type_='foreignkey')
        batch_op.drop_column('home_alone_guardian_id')

    with op.batch_alter_table('child_household', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_child_household_family_id'))

    op.drop_table('child_household')
