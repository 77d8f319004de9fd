"""Locations as a worker sees them: her own locations and what today holds there."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_
from sqlmodel import Session, select

from ...models import ChildLocation, Enrolment, Location
from .actor import Actor


@dataclass(frozen=True)
class LocationToday:
    id: int
    name: str
    kind: str
    neighbourhood: str
    capacity: int | None
    expected_today: int  # children enrolled on today's weekday (huiskamers)
    known_children: int


def enrolments_on(day: date):
    """SQL condition: enrolments that run on this calendar day (weekday and period)."""
    weekday = str(day.isoweekday())
    return (
        Enrolment.start_date <= day,
        or_(Enrolment.end_date.is_(None), Enrolment.end_date >= day),
        # weekdays is "1,3,5": match the digit as a whole item
        or_(
            Enrolment.weekdays == weekday,
            Enrolment.weekdays.like(f"{weekday},%"),
            Enrolment.weekdays.like(f"%,{weekday}"),
            Enrolment.weekdays.like(f"%,{weekday},%"),
        ),
    )


def my_locations_today(actor: Actor, db: Session, day: date) -> list[LocationToday]:
    """The actor's own locations with today's expected numbers. Aggregates only: no child's data
    is read, so nothing needs auditing here."""
    if not actor.location_ids:
        return []
    locations = db.exec(
        select(Location)
        .where(Location.id.in_(actor.location_ids), Location.organisation_id == actor.organisation_id)
        .order_by(Location.kind, Location.name)
    ).all()
    ids = [loc.id for loc in locations]
    expected = dict(
        db.exec(
            select(Enrolment.location_id, func.count(func.distinct(Enrolment.child_id)))
            .where(Enrolment.location_id.in_(ids), *enrolments_on(day))
            .group_by(Enrolment.location_id)
        ).all()
    )
    known = dict(
        db.exec(
            select(ChildLocation.location_id, func.count())
            .where(ChildLocation.location_id.in_(ids))
            .group_by(ChildLocation.location_id)
        ).all()
    )
    return [
        LocationToday(
            id=loc.id,
            name=loc.name,
            kind=loc.kind,
            neighbourhood=loc.neighbourhood,
            capacity=loc.capacity,
            expected_today=expected.get(loc.id, 0),
            known_children=known.get(loc.id, 0),
        )
        for loc in locations
    ]
