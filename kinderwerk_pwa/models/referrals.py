"""Referrals in (aanmelding -> wachtlijst -> intake -> plaatsing) and out (doorverwijzing)."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .base import client_uuid_field, one_of, ts_field

REFERRER_KINDS = ("ouder", "school", "ggd", "jeugd_ggz", "wijkagent", "wijkteam", "anders")
REFERRAL_IN_STATUSES = ("wachtlijst", "intake", "geplaatst", "afgewezen", "ingetrokken")
REFERRAL_OUT_STATUSES = ("verstuurd", "in_behandeling", "afgerond", "geweigerd")


class ReferralIn(SQLModel, table=True):
    __tablename__ = "referral_in"
    __table_args__ = (one_of("referrer_kind", REFERRER_KINDS), one_of("status", REFERRAL_IN_STATUSES))
    id: int | None = Field(default=None, primary_key=True)
    client_uuid: str = client_uuid_field()
    child_id: int = Field(foreign_key="child.id", index=True)
    location_id: int = Field(foreign_key="location.id", index=True)
    referrer_kind: str = Field(max_length=20)
    referrer_name: str = Field(default="", max_length=200)
    reason: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    received_on: date = Field(index=True)
    status: str = Field(default="wachtlijst", max_length=20)
    intake_on: date | None = Field(default=None)
    intake_by_id: int | None = Field(default=None, foreign_key="staff_user.id")
    placed_on: date | None = Field(default=None)
    closed_reason: str = Field(default="", max_length=300)
    created_by_id: int = Field(foreign_key="staff_user.id")
    created_at: datetime = ts_field(default_now=True)


class ReferralOut(SQLModel, table=True):
    __tablename__ = "referral_out"
    __table_args__ = (one_of("status", REFERRAL_OUT_STATUSES),)
    id: int | None = Field(default=None, primary_key=True)
    client_uuid: str = client_uuid_field()
    child_id: int = Field(foreign_key="child.id", index=True)
    location_id: int = Field(foreign_key="location.id", index=True)
    partner_id: int = Field(foreign_key="partner.id", index=True)
    contact_name: str = Field(default="", max_length=200)
    reason: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    consent_given: bool = Field(default=False)
    consent_by: str = Field(default="", max_length=200)
    consent_on: date | None = Field(default=None)
    # Sharing without consent is allowed only when it follows a meldcode decision to report.
    meldcode_track_id: int | None = Field(default=None, foreign_key="meldcode_track.id")
    sent_on: date
    feedback_due: date
    status: str = Field(default="verstuurd", max_length=20)
    feedback: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))
    feedback_on: date | None = Field(default=None)
    created_by_id: int = Field(foreign_key="staff_user.id")
    created_at: datetime = ts_field(default_now=True)
