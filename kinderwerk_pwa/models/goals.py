"""Leerdoelen agreed at intake and their progress over time."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from .base import between, client_uuid_field, one_of, ts_field

GOAL_STATUSES = ("actief", "behaald", "gestopt")


class Goal(SQLModel, table=True):
    __table_args__ = (one_of("status", GOAL_STATUSES),)
    id: int | None = Field(default=None, primary_key=True)
    child_id: int = Field(foreign_key="child.id", index=True)
    location_id: int = Field(foreign_key="location.id", index=True)
    title: str = Field(max_length=200)  # "minder snel boos worden"
    start_date: date
    status: str = Field(default="actief", max_length=20)
    achieved_on: date | None = Field(default=None)
    created_by_id: int = Field(foreign_key="staff_user.id")


class GoalProgress(SQLModel, table=True):
    """A goal moment during the day (ging goed / nog niet) or a periodic evaluation (score 1-5)."""

    __tablename__ = "goal_progress"
    __table_args__ = (one_of("kind", ("moment", "evaluatie")), between("score", 1, 5))
    id: int | None = Field(default=None, primary_key=True)
    client_uuid: str = client_uuid_field()
    goal_id: int = Field(foreign_key="goal.id", index=True)
    at: datetime = ts_field()
    kind: str = Field(max_length=20)  # moment / evaluatie
    went_well: bool | None = Field(default=None)
    score: int | None = Field(default=None, ge=1, le=5)
    by_id: int = Field(foreign_key="staff_user.id")
