"""privacy-rol en audit alleen toevoegen

The role `privacy` (privacyfunctionaris / FG) joins the allowed roles of staff_user. On PostgreSQL
the audit table becomes append-only: a trigger refuses UPDATE and DELETE for everyone, so the
application's database role cannot rewrite or remove the access log. Removing audit rows past their
retention is a separate step run by the table owner (README, "Bewaren van het logboek").
TRUNCATE is not a row operation and is not blocked; the app never truncates, and only the owner may.

Revision ID: 5e1b7c3a9d20
Revises: 100c3d2aca1f
Create Date: 2026-12-10 10:00:00.000000

"""
from typing import Sequence, Union

from alembic import op

# revision identifiers, used by Alembic.
revision: str = '5e1b7c3a9d20'
down_revision: Union[str, Sequence[str], None] = '100c3d2aca1f'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_OLD_ROLES = "role IN ('kinderwerker', 'aandachtsfunctionaris', 'teamleider', 'beheerder')"
_NEW_ROLES = "role IN ('kinderwerker', 'aandachtsfunctionaris', 'teamleider', 'beheerder', 'privacy')"

_FUNCTION = """
CREATE OR REPLACE FUNCTION audit_event_alleen_toevoegen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is alleen-toevoegen: % is niet toegestaan', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$
"""
_TRIGGER = """
CREATE TRIGGER audit_event_alleen_toevoegen
BEFORE UPDATE OR DELETE ON audit_event
FOR EACH ROW EXECUTE FUNCTION audit_event_alleen_toevoegen()
"""


def _set_roles(check: str) -> None:
    with op.batch_alter_table('staff_user', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_staff_user_role_geldig'), type_='check')
        batch_op.create_check_constraint(op.f('ck_staff_user_role_geldig'), check)


def upgrade() -> None:
    """Upgrade schema."""
    _set_roles(_NEW_ROLES)
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(_FUNCTION)
        op.execute(_TRIGGER)


def downgrade() -> None:
    """Downgrade schema."""
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('DROP TRIGGER IF EXISTS audit_event_alleen_toevoegen ON audit_event')
        op.execute('DROP FUNCTION IF EXISTS audit_event_alleen_toevoegen()')
    _set_roles(_OLD_ROLES)
