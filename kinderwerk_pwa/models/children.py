"""Children, their families, guardians, pick-up persons, consents and weekday enrolments."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from ..domain.common.search import MAX_KEY, search_key
from .base import one_of, ts_field

# bekend: met at a playground/school without registration; the rest is the dagarrangement path.
CHILD_STATUSES = ("bekend", "aangemeld", "wachtlijst", "intake", "actief", "uitgestroomd")
# gegevens_delen: sharing with one named ketenpartner (partner_id; rows from before issue 13 may
# name none); delen_school: sharing with the child's school; zelfstandig_naar_huis: going home alone.
CONSENT_KINDS = ("registratie", "foto", "delen_school", "gegevens_delen", "zelfstandig_naar_huis")


class Family(SQLModel, table=True):
    """A household: siblings and their parents/guardians are grouped through it."""

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    name: str = Field(max_length=200)  # e.g. "Gezin El Amrani"
    address: str = Field(default="", max_length=200, sa_column_kwargs={"server_default": ""})
    search_key: str = Field(default="", max_length=MAX_KEY, sa_column_kwargs={"server_default": ""})


class GuardianBase(SQLModel):
    name: str = Field(max_length=200)
    relation: str = Field(max_length=40)  # moeder, vader, verzorger, oma, ...
    phone: str = Field(default="", max_length=40)
    email: str = Field(default="", max_length=200)


class Guardian(GuardianBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    family_id: int = Field(foreign_key="family.id", index=True)
    # Gezag (parental authority), and whether this guardian may collect the child: False when a
    # court order (or an agreed omgangsregeling) says not; collect_note says why.
    parental_authority: bool = Field(default=True, sa_column_kwargs={"server_default": sa.true()})
    may_collect: bool = Field(default=True, sa_column_kwargs={"server_default": sa.true()})
    collect_note: str = Field(default="", max_length=200, sa_column_kwargs={"server_default": ""})
    search_key: str = Field(default="", max_length=MAX_KEY, sa_column_kwargs={"server_default": ""})


class ChildBase(SQLModel):
    first_name: str = Field(max_length=100)
    last_name: str = Field(max_length=100)
    date_of_birth: date
    school_name: str = Field(default="", max_length=200)
    school_group: str = Field(default="", max_length=20)  # "groep 5"
    neighbourhood: str = Field(default="", max_length=100)
    status: str = Field(default="bekend", max_length=20)  # one of CHILD_STATUSES


class Child(ChildBase, table=True):
    __table_args__ = (one_of("status", CHILD_STATUSES),)
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    family_id: int | None = Field(default=None, foreign_key="family.id", index=True)
    # "Zelfstandig naar huis": only with the parents' permission, recorded with who and when.
    may_go_home_alone: bool = Field(default=False)
    home_alone_allowed_by: str = Field(default="", max_length=200)
    home_alone_allowed_on: date | None = Field(default=None)
    home_alone_guardian_id: int | None = Field(default=None, foreign_key="guardian.id")  # when known
    left_on: date | None = Field(default=None)
    left_reason: str = Field(default="", max_length=200)
    created_at: datetime = ts_field(default_now=True)
    # Set when the retention (domain/bewaren) removed the child's personal data: the row stays for
    # the figures of past periods, without name, school or free text.
    anonymised_at: datetime | None = ts_field(nullable=True)
    # First and last name, normalised for search (domain/common/search.py); kept by the listeners below.
    search_key: str = Field(default="", max_length=MAX_KEY, sa_column_kwargs={"server_default": ""})

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


# The search keys follow the names on every ORM insert and update (a bulk insert or update fills
# them itself: the demo generator, the retention, the migration).
def _child_key(_mapper, _connection, child: Child) -> None:
    child.search_key = search_key(child.first_name, child.last_name)


def _name_key(_mapper, _connection, row: Family | Guardian) -> None:
    row.search_key = search_key(row.name)


for _model, _listener in ((Child, _child_key), (Family, _name_key), (Guardian, _name_key)):
    sa.event.listen(_model, "before_insert", _listener)
    sa.event.listen(_model, "before_update", _listener)


class ChildLocation(SQLModel, table=True):
    """Which locations know a child. Need-to-know: a kinderwerker sees the children of her own
    locations, registered (enrolled) or only known there (playground, school)."""

    __tablename__ = "child_location"
    child_id: int = Field(foreign_key="child.id", primary_key=True)
    location_id: int = Field(foreign_key="location.id", primary_key=True)


class PickupPerson(SQLModel, table=True):
    __tablename__ = "pickup_person"
    id: int | None = Field(default=None, primary_key=True)
    child_id: int = Field(foreign_key="child.id", index=True)
    name: str = Field(max_length=200)
    relation: str = Field(default="", max_length=40)
    phone: str = Field(default="", max_length=40)
    # Which guardian allowed this person, and on which day. Rows from before two households
    # (migration a71929507fdc) have neither: the family's permission as it was recorded then.
    allowed_by_guardian_id: int | None = Field(default=None, foreign_key="guardian.id")
    allowed_on: date | None = Field(default=None)


class ChildHousehold(SQLModel, table=True):
    """A further household of a child: parents who live apart each have their own (Family, with
    its guardians, address and phones). Child.family_id stays the household where the child mainly
    lives (hoofdverblijf); domain/kinderen/households.py gives them together."""

    __tablename__ = "child_household"
    child_id: int = Field(foreign_key="child.id", primary_key=True)
    family_id: int = Field(foreign_key="family.id", primary_key=True, index=True)
    created_at: datetime = ts_field(default_now=True)
    created_by_id: int | None = Field(default=None, foreign_key="staff_user.id")


class Consent(SQLModel, table=True):
    """One answer of a parent/guardian to one question of consent, and its withdrawal.

    The current consent of a kind (per ketenpartner for gegevens_delen) is its latest row by
    (given_on, id); `given` False is a refusal. Withdrawing fills the withdrawn_* fields of that
    row: the row (and so the history) is never overwritten. Recorded through one idempotent domain
    function (domain/kinderen/consents.py) with the phone's client_uuid; rows from before have none.
    """

    __table_args__ = (
        one_of("kind", CONSENT_KINDS),
        sa.CheckConstraint("withdrawn_on IS NULL OR given", name="intrekken_na_toestemming"),
    )
    id: int | None = Field(default=None, primary_key=True)
    client_uuid: str | None = Field(default=None, sa_column=sa.Column(sa.String(36), nullable=True, unique=True))
    child_id: int = Field(foreign_key="child.id", index=True)
    kind: str = Field(max_length=30)  # one of CONSENT_KINDS
    partner_id: int | None = Field(default=None, foreign_key="partner.id")  # gegevens_delen: with whom
    given: bool
    given_by: str = Field(max_length=200)  # name of the parent/guardian
    guardian_id: int | None = Field(default=None, foreign_key="guardian.id")  # the guardian, when known
    given_on: date
    recorded_by_id: int | None = Field(default=None, foreign_key="staff_user.id")
    recorded_at: datetime | None = ts_field(nullable=True)
    withdrawn_on: date | None = Field(default=None)
    withdrawn_by: str = Field(default="", max_length=200)
    withdrawn_guardian_id: int | None = Field(default=None, foreign_key="guardian.id")
    withdrawn_recorded_by_id: int | None = Field(default=None, foreign_key="staff_user.id")
    withdrawn_recorded_at: datetime | None = ts_field(nullable=True)


class Enrolment(SQLModel, table=True):
    """A child's placement at a huiskamer on fixed weekdays (ISO 1=maandag .. 5=vrijdag)."""

    __table_args__ = (sa.CheckConstraint("weekdays <> ''", name="weekdagen_niet_leeg"),)
    id: int | None = Field(default=None, primary_key=True)
    child_id: int = Field(foreign_key="child.id", index=True)
    location_id: int = Field(foreign_key="location.id", index=True)
    weekdays: str = Field(max_length=20)  # "1,3,4"
    start_date: date
    end_date: date | None = Field(default=None)
    end_reason: str = Field(default="", max_length=200)

    def weekday_set(self) -> set[int]:
        return {int(d) for d in self.weekdays.split(",") if d}
