"""The access log (in the spirit of NEN 7513): who did what to which record, and the outcome."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from .base import one_of, ts_field

OUTCOMES = ("toegestaan", "geweigerd", "mislukt")


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"
    __table_args__ = (one_of("outcome", OUTCOMES),)
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = ts_field(default_now=True, index=True)
    # No foreign key on the actor: failed logins name no account, and the log must outlive accounts.
    actor_id: int | None = Field(default=None, index=True)
    actor_role: str = Field(default="", max_length=30)
    action: str = Field(max_length=60, index=True)
    object_type: str = Field(default="", max_length=40)
    object_id: str = Field(default="", max_length=64)
    child_id: int | None = Field(default=None, index=True)
    location_id: int | None = Field(default=None)
    outcome: str = Field(max_length=20)
    # Short, structured context (ids, counts, reason codes). Never note text: see domain/toegang/audit.py.
    detail: str = Field(default="", max_length=300)
