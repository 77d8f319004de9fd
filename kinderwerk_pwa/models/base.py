"""Shared column types and helpers for all tables."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

# Named constraints: SQLite migrations (batch mode) can only alter what has a name, and the names
# are then the same on SQLite and PostgreSQL.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator):
    """A timestamp that is always timezone-aware UTC in Python.

    SQLite forgets the offset, so we normalise on the way in and re-attach UTC on the way out.
    A naive datetime is a bug (whose clock?), so it is refused instead of guessed.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused: use aware UTC (models.base.utcnow)")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


# What the retention (domain/bewaren) leaves in a text column that may not be empty, or whose
# removed values must still count together (an uitstroom reason: "Overige redenen" in reports).
REMOVED_TEXT = "(verwijderd)"


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_uuid() -> str:
    return str(uuid.uuid4())


def ts_field(*, nullable: bool = False, index: bool = False, default_now: bool = False):
    """An aware-UTC timestamp column."""
    kwargs = {"default_factory": utcnow} if default_now else ({"default": None} if nullable else {})
    return Field(sa_column=sa.Column(UTCDateTime(), nullable=nullable, index=index), **kwargs)


def client_uuid_field():
    """The id a device generates for everything that enters from a phone: unique in the database,
    so a replayed offline queue can never store anything twice."""
    return Field(
        default_factory=new_uuid,
        sa_column=sa.Column(sa.String(36), nullable=False, unique=True),
    )


def one_of(column: str, values: tuple[str, ...], name: str | None = None) -> sa.CheckConstraint:
    """The database refuses a value outside the domain's list (statuses, kinds, roles)."""
    quoted = ", ".join("'" + v.replace("'", "''") + "'" for v in values)
    return sa.CheckConstraint(f"{column} IN ({quoted})", name=name or f"{column}_geldig")


def between(column: str, low: int, high: int, name: str | None = None) -> sa.CheckConstraint:
    return sa.CheckConstraint(f"{column} IS NULL OR ({column} >= {low} AND {column} <= {high})",
                              name=name or f"{column}_bereik")
