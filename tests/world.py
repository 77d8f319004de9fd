"""A small hand-built world for unit and handler tests: one organisation, two locations, staff of
every role at location A (and one kinderwerker at B), children at both. Independent of the demo
generator, so tests can compute expected figures by hand."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from kinderwerk_pwa.domain.toegang.passwords import hash_password
from kinderwerk_pwa.models import (
    Child,
    ChildLocation,
    Enrolment,
    Family,
    Guardian,
    Location,
    Organisation,
    StaffLocation,
    StaffUser,
)

PASSWORD = "Zandbak-Glijbaan-42"
_HASH = None


@dataclass
class World:
    org_id: int = 0
    other_org_id: int = 0
    loc_a: int = 0
    loc_b: int = 0
    staff: dict[str, int] = field(default_factory=dict)  # role (and "kinderwerker_b") -> id
    child_a: int = 0
    child_b: int = 0
    family_a: int = 0


def build_world(db: Session) -> World:
    global _HASH
    _HASH = _HASH or hash_password(PASSWORD)
    w = World()
    org = Organisation(name="Stichting Testkinderwerk")
    other = Organisation(name="Andere organisatie")
    db.add_all([org, other])
    db.flush()
    w.org_id, w.other_org_id = org.id, other.id
    a = Location(organisation_id=org.id, name="Huiskamer De Vlieger", kind="huiskamer",
                 neighbourhood="Stedenwijk", capacity=20)
    b = Location(organisation_id=org.id, name="Huiskamer Het Anker", kind="huiskamer",
                 neighbourhood="Haven", capacity=30)
    db.add_all([a, b])
    db.flush()
    w.loc_a, w.loc_b = a.id, b.id
    for key, role, loc in [
        ("kinderwerker", "kinderwerker", a.id),
        ("aandachtsfunctionaris", "aandachtsfunctionaris", a.id),
        ("teamleider", "teamleider", a.id),
        ("beheerder", "beheerder", a.id),
        ("kinderwerker_b", "kinderwerker", b.id),
    ]:
        user = StaffUser(organisation_id=org.id, name=f"Test {key}", email=f"{key}@test.nl", role=role,
                         password_hash=_HASH)
        db.add(user)
        db.flush()
        db.add(StaffLocation(staff_id=user.id, location_id=loc))
        w.staff[key] = user.id
    fam = Family(organisation_id=org.id, name="Gezin Jansen")
    db.add(fam)
    db.flush()
    w.family_a = fam.id
    db.add(Guardian(family_id=fam.id, name="Petra Jansen", relation="moeder", phone="06-11112222"))
    ca = Child(organisation_id=org.id, family_id=fam.id, first_name="Sem", last_name="Jansen",
               date_of_birth=date(2017, 5, 3), status="actief", school_group="groep 4")
    cb = Child(organisation_id=org.id, first_name="Noor", last_name="Bakker",
               date_of_birth=date(2016, 9, 12), status="actief", school_group="groep 5")
    db.add_all([ca, cb])
    db.flush()
    w.child_a, w.child_b = ca.id, cb.id
    db.add_all([
        ChildLocation(child_id=ca.id, location_id=a.id),
        ChildLocation(child_id=cb.id, location_id=b.id),
        Enrolment(child_id=ca.id, location_id=a.id, weekdays="1,2,3,4,5", start_date=date(2026, 1, 5)),
        Enrolment(child_id=cb.id, location_id=b.id, weekdays="1,3", start_date=date(2026, 1, 5)),
    ])
    db.commit()
    return w
