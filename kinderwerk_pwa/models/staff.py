"""Staff accounts, their locations, server-side sessions and login attempts."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .base import one_of, ts_field

ROLES = ("kinderwerker", "aandachtsfunctionaris", "teamleider", "beheerder", "privacy")
# Roles that do no field work: never a child's worker, track owner or activity lead.
NON_FIELD_ROLES = ("beheerder", "privacy")


class StaffUserBase(SQLModel):
    name: str = Field(max_length=200)
    email: str = Field(max_length=200)
    role: str = Field(max_length=30)  # one of ROLES


class StaffUser(StaffUserBase, table=True):
    __tablename__ = "staff_user"
    __table_args__ = (
        # One account per e-mail address, whatever its case (on SQLite and PostgreSQL alike).
        sa.Index("uq_staff_user_email_lower", sa.text("lower(email)"), unique=True),
        sa.UniqueConstraint("oidc_issuer", "oidc_subject", name="uq_staff_user_oidc"),
        one_of("role", ROLES),
    )
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    password_hash: str | None = Field(default=None, max_length=300)
    # Encrypted with the app's secret key (domain/toegang/secret_box.py), never the plain secret.
    totp_secret: str | None = Field(default=None, max_length=300)
    totp_enabled: bool = Field(default=False)
    # The time step of the last accepted code: a code is good once (domain/toegang/second_factor.py).
    totp_last_step: int | None = Field(default=None, sa_type=sa.BigInteger)
    oidc_issuer: str | None = Field(default=None, max_length=300)
    oidc_subject: str | None = Field(default=None, max_length=300)
    active: bool = Field(default=True)
    is_demo: bool = Field(default=False)
    created_at: datetime = ts_field(default_now=True)


class StaffLocation(SQLModel, table=True):
    __tablename__ = "staff_location"
    staff_id: int = Field(foreign_key="staff_user.id", primary_key=True)
    location_id: int = Field(foreign_key="location.id", primary_key=True)


class UserSession(SQLModel, table=True):
    """A login. The cookie holds a random token; only its SHA-256 is stored here, so a copy of
    the database does not hand out sessions."""

    __tablename__ = "user_session"
    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    staff_id: int = Field(foreign_key="staff_user.id", index=True)
    created_at: datetime = ts_field(default_now=True)
    last_seen_at: datetime = ts_field(default_now=True)
    expires_at: datetime = ts_field()
    ended_at: datetime | None = ts_field(nullable=True)
    method: str = Field(default="lokaal", max_length=20)  # lokaal / oidc


class LoginAttempt(SQLModel, table=True):
    __tablename__ = "login_attempt"
    # The back-off counts an account's recent failures (domain/toegang/throttle.py).
    __table_args__ = (sa.Index("ix_login_attempt_username_at", "username", "at"),)
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = ts_field(default_now=True, index=True)
    username: str = Field(max_length=200, index=True)
    address: str = Field(max_length=64, index=True)
    success: bool = Field(default=False)
