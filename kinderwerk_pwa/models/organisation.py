"""Organisation, its locations and the partner organisations (ketenpartners) it works with."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .base import one_of

LOCATION_KINDS = ("huiskamer", "school", "speelpleinroute")
PARTNER_KINDS = ("school", "wijkteam", "jeugdhulp", "ggd", "jeugd_ggz", "wijkagent", "veilig_thuis", "anders")


class Organisation(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)


class LocationBase(SQLModel):
    name: str = Field(max_length=200)
    kind: str = Field(max_length=20)  # one of LOCATION_KINDS
    neighbourhood: str = Field(max_length=100)
    address: str = Field(default="", max_length=200)
    capacity: int | None = Field(default=None)  # children per day, for huiskamers
    active: bool = Field(default=True)


class Location(LocationBase, table=True):
    __table_args__ = (one_of("kind", LOCATION_KINDS), sa.CheckConstraint("capacity IS NULL OR capacity > 0", name="capaciteit_positief"),)
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)


class PartnerBase(SQLModel):
    name: str = Field(max_length=200)
    kind: str = Field(max_length=20)  # one of PARTNER_KINDS
    contact_name: str = Field(default="", max_length=200)
    contact_phone: str = Field(default="", max_length=40)
    contact_email: str = Field(default="", max_length=200)


class Partner(PartnerBase, table=True):
    __table_args__ = (one_of("kind", PARTNER_KINDS),)
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
