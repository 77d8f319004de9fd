"""Requests of a parent (or the child) about the child's data under the AVG: rectification
(art. 16, correctie) and erasure (art. 17, verwijdering). The request, the decision and its reason;
an accepted erasure is carried out by the retention machinery (domain/bewaren)."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .base import client_uuid_field, one_of, ts_field

REQUEST_KINDS = ("correctie", "verwijdering")
REQUEST_STATUSES = ("open", "toegewezen", "afgewezen")


class SubjectRequest(SQLModel, table=True):
    __tablename__ = "subject_request"
    __table_args__ = (
        one_of("kind", REQUEST_KINDS),
        one_of("status", REQUEST_STATUSES),
        sa.CheckConstraint("status = 'open' OR decided_at IS NOT NULL", name="besluit_met_datum"),
    )
    id: int | None = Field(default=None, primary_key=True)
    client_uuid: str = client_uuid_field()
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    child_id: int = Field(foreign_key="child.id", index=True)
    kind: str = Field(max_length=20)  # one of REQUEST_KINDS
    requested_by: str = Field(max_length=200)  # who asked: the parent's (or child's) name
    received_on: date
    # What is asked: which data, what is wrong, what should it be. Removed with the child's data.
    description: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))
    recorded_by_id: int = Field(foreign_key="staff_user.id")
    recorded_at: datetime = ts_field(default_now=True)
    status: str = Field(default="open", max_length=20)
    decision_reason: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))
    decided_by_id: int | None = Field(default=None, foreign_key="staff_user.id")
    decided_at: datetime | None = ts_field(nullable=True)
    carried_out_at: datetime | None = ts_field(nullable=True)  # an accepted erasure: when it was done
