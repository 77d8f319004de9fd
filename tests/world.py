"""A small hand-built world for unit and handler tests: one organisation, two locations, staff of
every role at location A (and one kinderwerker at B), children at both. Independent of the demo
generator, so tests can compute expected figures by hand. Below it, the small helpers the tests
share: an actor by role, a colleague, the audit rows, a row count, a signal and a meldcode track."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, func, select

from kinderwerk_pwa.domain.signalering import meldcode, signals
from kinderwerk_pwa.domain.toegang.actor import Actor, load_actor
from kinderwerk_pwa.domain.toegang.passwords import hash_password
from kinderwerk_pwa.models import (
    AuditEvent,
    Child,
    ChildLocation,
    Enrolment,
    Family,
    Guardian,
    Location,
    MeldcodeTrack,
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


# ---- helpers the tests share --------------------------------------------------------------------

def actor(db: Session, world: World, key: str = "kinderwerker") -> Actor:
    """The actor of one of the world's staff: a role, "kinderwerker_b" or a key add_colleague gave."""
    return load_actor(db, world.staff[key])


def add_colleague(db: Session, world: World, key: str = "collega", location: int | None = None) -> Actor:
    """Another kinderwerker (at location A unless told), the author of nothing; kept in world.staff[key]."""
    user = StaffUser(organisation_id=world.org_id, name=f"Test {key}", email=f"{key}@test.nl", role="kinderwerker")
    db.add(user)
    db.flush()
    db.add(StaffLocation(staff_id=user.id, location_id=location or world.loc_a))
    db.commit()
    world.staff[key] = user.id
    return load_actor(db, user.id)


def audits(db: Session, action: str, *, actor_id: int | None = None,
           outcome: str | None = None) -> list[AuditEvent]:
    """The audit rows of this action (freshly read), optionally of one actor and/or one outcome."""
    db.expire_all()
    stmt = select(AuditEvent).where(AuditEvent.action == action)
    if actor_id is not None:
        stmt = stmt.where(AuditEvent.actor_id == actor_id)
    if outcome is not None:
        stmt = stmt.where(AuditEvent.outcome == outcome)
    return db.exec(stmt).all()


def expect_every_day(db: Session, child_id: int) -> None:
    """The child is expected at its locations on every weekday: tests that check in today must also
    pass on a Saturday or Sunday (the world's children come on weekdays)."""
    for enrolment in db.exec(select(Enrolment).where(Enrolment.child_id == child_id)).all():
        enrolment.weekdays = "1,2,3,4,5,6,7"
        db.add(enrolment)
    db.commit()


def row_count(db: Session, model) -> int:
    """How many rows the model's table holds now (freshly read)."""
    db.expire_all()
    return db.exec(select(func.count()).select_from(model)).one()


def capture_signal(db: Session, world: World, key: str = "kinderwerker", **fields) -> int:
    """A signal by `key` about child A (unless `child_id` says otherwise): the id. `fields` hold the
    rest of the payload (categories, facts, source, ...)."""
    data = {"client_uuid": str(uuid.uuid4()), "child_id": world.child_a, **fields}
    return signals.capture_signal(actor(db, world, key), db, data).signal_id


def start_track(db: Session, world: World, signal_id: int, key: str = "kinderwerker",
                client_uuid: str | None = None) -> int:
    """A meldcode track started by `key` from the signal: the id."""
    data = {"client_uuid": client_uuid or str(uuid.uuid4())}
    return meldcode.start_track(actor(db, world, key), db, signal_id, data)


def meldcode_step(db: Session, world: World, key: str, track_id: int, step_no: int, **payload):
    """Step `step_no` of the track, recorded by `key` with a fresh client_uuid."""
    data = {"client_uuid": str(uuid.uuid4()), "step_no": step_no}
    data.update(payload)
    return meldcode.record_step(actor(db, world, key), db, track_id, data)


def track_of(db: Session, track_id: int) -> MeldcodeTrack:
    """The track as stored now (freshly read)."""
    db.expire_all()
    return db.get(MeldcodeTrack, track_id)
