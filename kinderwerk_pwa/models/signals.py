"""Signals (zorgsignalen) and the meldcode track with its five steps."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .base import between, client_uuid_field, one_of, ts_field

SIGNAL_SOURCES = ("zelf_gezien", "kind_vertelde", "ouder", "anders")
TRACK_STATUSES = ("open", "gesloten")
STEP_STATUSES = ("gedaan", "overgeslagen")


class Signal(SQLModel, table=True):
    __table_args__ = (one_of("source", SIGNAL_SOURCES), sa.CheckConstraint("child_id IS NOT NULL OR unknown_description <> ''", name="kind_of_omschrijving"), between("unknown_age", 0, 18),
                      sa.Index("ix_signal_child_observed", "child_id", "observed_at"))
    id: int | None = Field(default=None, primary_key=True)
    client_uuid: str = client_uuid_field()
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    location_id: int = Field(foreign_key="location.id", index=True)
    # A known child, or an unknown one described ("jongen van ongeveer 8 bij het klimrek").
    child_id: int | None = Field(default=None, foreign_key="child.id", index=True)
    unknown_description: str = Field(default="", max_length=300)
    unknown_age: int | None = Field(default=None)
    author_id: int = Field(foreign_key="staff_user.id", index=True)
    observed_at: datetime = ts_field(index=True)
    place: str = Field(default="", max_length=200)
    categories: str = Field(max_length=400)  # comma-separated category codes (signal_categories data)
    facts: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    interpretation: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))
    source: str = Field(max_length=20)  # one of SIGNAL_SOURCES
    acute: bool = Field(default=False)
    track_id: int | None = Field(default=None, foreign_key="meldcode_track.id", index=True)
    version: int = Field(default=1)  # raised by each correction (SignalCorrection)
    created_at: datetime = ts_field(default_now=True)


class SignalCorrection(SQLModel, table=True):
    """A correction never overwrites: it keeps the earlier text, who changed it and why."""

    __tablename__ = "signal_correction"
    __table_args__ = (sa.UniqueConstraint("signal_id", "version", name="uq_signal_correction_version"),)
    id: int | None = Field(default=None, primary_key=True)
    client_uuid: str = client_uuid_field()
    signal_id: int = Field(foreign_key="signal.id", index=True)
    version: int
    previous_facts: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    previous_interpretation: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    previous_categories: str = Field(max_length=400)
    reason: str = Field(max_length=500)
    by_id: int = Field(foreign_key="staff_user.id")
    at: datetime = ts_field(default_now=True)


class MeldcodeTrack(SQLModel, table=True):
    __tablename__ = "meldcode_track"
    __table_args__ = (one_of("status", TRACK_STATUSES), between("current_step", 1, 5))
    id: int | None = Field(default=None, primary_key=True)
    client_uuid: str = client_uuid_field()
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    location_id: int = Field(foreign_key="location.id", index=True)
    child_id: int | None = Field(default=None, foreign_key="child.id", index=True)
    opened_by_id: int = Field(foreign_key="staff_user.id")
    owner_id: int = Field(foreign_key="staff_user.id", index=True)
    opened_at: datetime = ts_field(default_now=True)
    due_date: date
    status: str = Field(default="open", max_length=20)
    current_step: int = Field(default=1)
    # Step 5's two decisions; None while undecided.
    decision_report: bool | None = Field(default=None)
    decision_help: bool | None = Field(default=None)
    closed_at: datetime | None = ts_field(nullable=True)
    close_reason: str = Field(default="", max_length=300)


class MeldcodeStep(SQLModel, table=True):
    __tablename__ = "meldcode_step"
    __table_args__ = (one_of("status", STEP_STATUSES), between("step_no", 1, 5))
    id: int | None = Field(default=None, primary_key=True)
    client_uuid: str = client_uuid_field()
    track_id: int = Field(foreign_key="meldcode_track.id", index=True)
    step_no: int = Field(ge=1, le=5)
    status: str = Field(max_length=20)  # gedaan / overgeslagen
    by_id: int = Field(foreign_key="staff_user.id")
    at: datetime = ts_field(default_now=True)
    with_whom: str = Field(default="", max_length=300)
    conclusion: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))
    skip_reason: str = Field(default="", max_length=500)
    veilig_thuis_advice: str = Field(default="", max_length=1000)
    # Step 4: the afwegingskader answers as "1=ja;2=nee;..." in the order they were asked.
    weighing_answers: str = Field(default="", max_length=100)
