"""The generator's result (`DemoSummary`, row counts per table) and its internal plan objects:
locations, staff, weekday slots, guardians, families and children before they are written.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

# --------------------------------------------------------------------------------------------
# Result
# --------------------------------------------------------------------------------------------


@dataclass
class DemoSummary:
    """Rows written per table (field names are the table names) and the demo logins."""

    organisation: int = 0
    location: int = 0
    staff_user: int = 0
    staff_location: int = 0
    partner: int = 0
    family: int = 0
    guardian: int = 0
    child: int = 0
    child_location: int = 0
    child_household: int = 0
    pickup_person: int = 0
    consent: int = 0
    enrolment: int = 0
    referral_in: int = 0
    referral_out: int = 0
    goal: int = 0
    goal_progress: int = 0
    attendance_event: int = 0
    follow_up: int = 0
    signal: int = 0
    meldcode_track: int = 0
    meldcode_step: int = 0
    parent_conversation: int = 0
    conversation_child: int = 0
    conversation_guardian: int = 0
    conversation_goal: int = 0
    agreement: int = 0
    activity_series: int = 0
    activity_series_theme: int = 0
    activity: int = 0
    activity_registration: int = 0
    activity_child: int = 0
    activity_tally: int = 0
    activity_observation: int = 0
    # (email, role, name) of every demo account; all share the demo password.
    logins: list[tuple[str, str, str]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "logins"}


# --------------------------------------------------------------------------------------------
# Internal plan objects
# --------------------------------------------------------------------------------------------


@dataclass(eq=False)
class _Loc:
    idx: int
    name: str
    kind: str
    neighbourhood: str
    address: str
    capacity: int | None
    id: int = 0
    staff: list[_Staff] = field(default_factory=list)
    workers: list[_Staff] = field(default_factory=list)  # kinderwerkers linked here
    slots: list[_Slot] = field(default_factory=list)
    list_size: int = 0


@dataclass(eq=False)
class _Staff:
    name: str
    email: str
    role: str
    locs: list[_Loc] = field(default_factory=list)
    id: int = 0


@dataclass(eq=False)
class _Slot:
    """A place on a huiskamer's list; its successive occupants share the weekdays."""

    weekdays: tuple[int, ...]
    occupants: list[_Kid] = field(default_factory=list)  # newest first

    def occupant_on(self, day: date) -> _Kid | None:
        for kid in self.occupants:
            if kid.start <= day and (kid.end is None or day <= kid.end):
                return kid
        return None


@dataclass(eq=False)
class _Guardian:
    name: str
    relation: str
    phone: str
    email: str
    id: int = 0


@dataclass(eq=False)
class _Fam:
    background: str
    surname: str
    neighbourhood: str = ""
    school: str = ""
    kids: list[_Kid] = field(default_factory=list)
    guardians: list[_Guardian] = field(default_factory=list)
    id: int = 0


@dataclass(eq=False)
class _Kid:
    status: str
    home: _Loc
    dob: date
    female: bool
    weekdays: tuple[int, ...] = ()
    start: date | None = None
    end: date | None = None
    end_reason: str = ""
    received_on: date | None = None
    referral_status: str = ""
    closed_reason: str = ""
    intake_on: date | None = None
    intake_by: _Staff | None = None
    known_since: date | None = None
    referred_to: _Loc | None = None  # the huiskamer of the referral (in)
    known: list[_Loc] = field(default_factory=list)
    family: _Fam | None = None
    first: str = ""
    last: str = ""
    school: str = ""
    may_go_home_alone: bool = False
    home_alone_by: str = ""
    home_alone_on: date | None = None
    pickups: list[str] = field(default_factory=list)
    pickup_rows: list[tuple[str, str, str]] = field(default_factory=list)
    absent_prone: bool = False
    goals: list[str] = field(default_factory=list)
    id: int = 0

    @property
    def registered(self) -> bool:
        return bool(self.referral_status)

    @property
    def enrolled(self) -> bool:
        return self.status in ("actief", "uitgestroomd")
