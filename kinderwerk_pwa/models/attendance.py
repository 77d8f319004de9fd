"""Attendance at a huiskamer as append-only events; the day's state is derived from them."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .base import between, client_uuid_field, one_of, ts_field

# aanwezig: checked in; opgehaald / zelfstandig: checked out; afgemeld: excused (reason);
# afwezig: absent without notice; extra: expected today although not on an enrolled weekday;
# stemming: "hoe gaat het vandaag?" (1-5); ongedaan: undoes an earlier event of the same day.
ATTENDANCE_KINDS = ("aanwezig", "opgehaald", "zelfstandig", "afgemeld", "afwezig", "extra", "stemming", "ongedaan")


class AttendanceEvent(SQLModel, table=True):
    __tablename__ = "attendance_event"
    __table_args__ = (one_of("kind", ATTENDANCE_KINDS), between("mood", 1, 5),
                      sa.Index("ix_attendance_event_location_day", "location_id", "day"))
    id: int | None = Field(default=None, primary_key=True)
    client_uuid: str = client_uuid_field()
    child_id: int = Field(foreign_key="child.id", index=True)
    location_id: int = Field(foreign_key="location.id", index=True)
    day: date = Field(index=True)
    kind: str = Field(max_length=20)
    at: datetime = ts_field()
    by_id: int = Field(foreign_key="staff_user.id")
    picked_up_by: str = Field(default="", max_length=200)
    reason: str = Field(default="", max_length=300)
    mood: int | None = Field(default=None, ge=1, le=5)
    undoes_id: int | None = Field(default=None, foreign_key="attendance_event.id")


class FollowUp(SQLModel, table=True):
    """A vervolgactie that is not a parent agreement, e.g. 'ouder bellen' after an unexplained absence."""

    __tablename__ = "follow_up"
    __table_args__ = (one_of("status", ("open", "gedaan")),)
    id: int | None = Field(default=None, primary_key=True)
    child_id: int = Field(foreign_key="child.id", index=True)
    location_id: int = Field(foreign_key="location.id", index=True)
    title: str = Field(max_length=200)
    due_date: date
    status: str = Field(default="open", max_length=20)  # open / gedaan
    created_at: datetime = ts_field(default_now=True)
    created_by_id: int = Field(foreign_key="staff_user.id")
    source_event_id: int | None = Field(default=None, foreign_key="attendance_event.id")
    done_at: datetime | None = ts_field(nullable=True)
