"""zoeksleutels

Issue 15, point 1. Child, family and guardian get a `search_key`: the name(s) in lower case with
accents, punctuation and hyphens folded away (kinderwerk_pwa/domain/common/search.py), so a search
for `zoe`, `cagla` or `oneill` finds Zoë, Çağla and O'Neill in the database on SQLite and
PostgreSQL alike. Existing rows are filled here in Python, in batches.

No index: the search is a substring match (`LIKE '%woord%'`), which a B-tree index cannot serve,
and the lists searched are those of one location or one organisation.

Revision ID: 68140980ce25
Revises: 7a4c2e91b0d3
Create Date: 2026-12-16 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel

from kinderwerk_pwa.domain.common.search import search_key

# revision identifiers, used by Alembic.
revision: str = '68140980ce25'
down_revision: Union[str, Sequence[str], None] = '7a4c2e91b0d3'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

BATCH = 1000
# table -> the name columns its key is made of, in order
NAMES = {"child": ("first_name", "last_name"), "family": ("name",), "guardian": ("name",)}


def _backfill(conn: sa.Connection, table_name: str, columns: tuple[str, ...]) -> None:
    table = sa.table(table_name, sa.column("id", sa.Integer), sa.column("search_key", sa.String),
                     *(sa.column(c, sa.String) for c in columns))
    update = (sa.update(table).where(table.c.id == sa.bindparam("row_id"))
              .values(search_key=sa.bindparam("key")))
    last = 0
    while True:
        rows = conn.execute(sa.select(table.c.id, *(table.c[c] for c in columns))
                            .where(table.c.id > last).order_by(table.c.id).limit(BATCH)).all()
        if not rows:
            return
        conn.execute(update, [{"row_id": row[0], "key": search_key(*row[1:])} for row in rows])
        last = rows[-1][0]


def upgrade() -> None:
    """Upgrade schema."""
    for table_name in NAMES:
        with op.batch_alter_table(table_name, schema=None) as batch_op:
            batch_op.add_column(sa.Column('search_key', sqlmodel.sql.sqltypes.AutoString(length=400),
                                          server_default='', nullable=False))
    conn = op.get_bind()
    for table_name, columns in NAMES.items():
        _backfill(conn, table_name, columns)


def downgrade() -> None:
    """Downgrade schema."""
    for table_name in NAMES:
        with op.batch_alter_table(table_name, schema=None) as batch_op:
            batch_op.drop_column('search_key')
