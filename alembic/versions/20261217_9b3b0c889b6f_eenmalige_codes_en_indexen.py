"""eenmalige codes en indexen

Issues 16 and 17.6.
- staff_user.totp_last_step: the time step of the last accepted TOTP code (a code is good once).
- staff_user.totp_secret: encrypted with the app's secret key (Fernet, key by HKDF from
  KINDERWERK_SECRET_KEY; kinderwerk_pwa/domain/toegang/secret_box.py). Existing plain secrets are
  encrypted here; the downgrade decrypts them again. Run it with the production secret key set.
- One account per e-mail address whatever its case: a unique index on lower(email) replaces the
  case-sensitive unique constraint. Addresses that differ only in case stop the upgrade with a
  message (a beheerder merges or renames them first).
- Composite indexes for the hot reads: attendance_event(location_id, day),
  signal(child_id, observed_at), login_attempt(username, at).

Revision ID: 9b3b0c889b6f
Revises: 68140980ce25
Create Date: 2026-12-17 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel

from kinderwerk_pwa.domain.toegang import secret_box

# revision identifiers, used by Alembic.
revision: str = '9b3b0c889b6f'
down_revision: Union[str, Sequence[str], None] = '68140980ce25'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

PLAIN_MAX = 64  # a plain base32 secret fits the old column; an encrypted one never does
INDEXES = (
    ("ix_attendance_event_location_day", "attendance_event", ["location_id", "day"]),
    ("ix_signal_child_observed", "signal", ["child_id", "observed_at"]),
    ("ix_login_attempt_username_at", "login_attempt", ["username", "at"]),
)
STAFF = sa.table("staff_user", sa.column("id", sa.Integer), sa.column("totp_secret", sa.String))


def _rewrite_secrets(conn: sa.Connection, convert) -> None:
    rows = conn.execute(sa.select(STAFF.c.id, STAFF.c.totp_secret)
                        .where(STAFF.c.totp_secret.is_not(None), STAFF.c.totp_secret != "")).all()
    changed = [{"row_id": row_id, "secret": new} for row_id, old in rows
               if (new := convert(old)) is not None]
    if changed:
        conn.execute(sa.update(STAFF).where(STAFF.c.id == sa.bindparam("row_id"))
                     .values(totp_secret=sa.bindparam("secret")), changed)


def _encrypt(value: str) -> str | None:
    try:
        secret_box.decrypt(value)
        return None  # encrypted already
    except secret_box.UnreadableSecret:
        return secret_box.encrypt(value)


def _decrypt(value: str) -> str | None:
    try:
        return secret_box.decrypt(value)
    except secret_box.UnreadableSecret:
        if len(value) <= PLAIN_MAX:
            return None  # plain already
        raise RuntimeError("Een tweede-factorsleutel is niet te ontsleutelen: draai de downgrade met "
                           "dezelfde KINDERWERK_SECRET_KEY als de upgrade.") from None


def upgrade() -> None:
    """Upgrade schema."""
    conn = op.get_bind()
    twins = conn.execute(sa.text(
        "SELECT lower(email) FROM staff_user GROUP BY lower(email) HAVING count(*) > 1")).scalars().all()
    if twins:
        raise RuntimeError(
            f"{len(twins)} e-mailadres(sen) staan bij meer dan één account, alleen in hoofdletters "
            "verschillend. Pas die accounts eerst aan (beheer), dan opnieuw migreren.")
    with op.batch_alter_table('staff_user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('totp_last_step', sa.BigInteger(), nullable=True))
        batch_op.alter_column('totp_secret', existing_type=sqlmodel.sql.sqltypes.AutoString(length=64),
                              type_=sqlmodel.sql.sqltypes.AutoString(length=300), existing_nullable=True)
        batch_op.drop_constraint('uq_staff_user_email', type_='unique')
    # Outside the batch: SQLite's table copy would not carry an expression index along.
    op.create_index('uq_staff_user_email_lower', 'staff_user', [sa.text('lower(email)')], unique=True)
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)
    _rewrite_secrets(conn, _encrypt)


def downgrade() -> None:
    """Downgrade schema."""
    conn = op.get_bind()
    _rewrite_secrets(conn, _decrypt)
    for name, table, _columns in INDEXES:
        op.drop_index(name, table_name=table)
    op.drop_index('uq_staff_user_email_lower', table_name='staff_user')
    with op.batch_alter_table('staff_user', schema=None) as batch_op:
        batch_op.create_unique_constraint('uq_staff_user_email', ['email'])
        batch_op.alter_column('totp_secret', existing_type=sqlmodel.sql.sqltypes.AutoString(length=300),
                              type_=sqlmodel.sql.sqltypes.AutoString(length=64), existing_nullable=True)
        batch_op.drop_column('totp_last_step')
