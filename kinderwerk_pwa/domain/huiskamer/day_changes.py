"""What changed at a huiskamer's day since an open screen last saw it (issue 14).

Every open Vandaag screen of a location watches the day's version. When another phone taps, each
of those screens used to load the whole day again (every child, their pick-up rules and goals, and
an audit row): with eight phones at one huiskamer a tap cost eight day loads. Most taps change one
child's status, and the screen needs only that child's new state: the events after the last one
it knew, folded per child. When that is not enough the answer says so, and the screen loads the
day as before: an event that committed after a newer one (the count does not add up), or one that
changes more than a tile (an extra day, absent with its follow-up, or an undo of either).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, select

from ...models import AttendanceEvent
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action
from .attendance import (
    ChildDay,
    _child_events,
    _fingerprint,
    _location,
    day_version,
    fold,
    tile_only,
)


@dataclass(frozen=True)
class DayChanges:
    version: str  # the day's version these changes bring the screen to
    complete: bool  # False: apply nothing, load the whole day
    children: list[ChildDay] = field(default_factory=list)  # each changed child's state now
    tiles_only: bool = True  # False: the list or the follow-ups changed too (load the day)


def _parse(version: str) -> tuple[int, int] | None:
    count, _, top = version.partition(":")
    return (int(count), int(top)) if count.isdigit() and top.isdigit() else None


def day_changes(actor: Actor, db: Session, location_id: int, day: date, known: str) -> DayChanges:
    """The children whose state changed at `location_id` on `day` since the screen knew the day
    as `known` (a day_version). Authorized like the day itself; audited as a read of the day."""
    _location(actor, db, location_id, Action.AANWEZIGHEID_REGISTREREN)
    now = day_version(db, location_id, day)
    seen = _parse(known)
    if seen is None:
        return DayChanges(now, False)
    count, top = seen
    new = list(db.exec(select(AttendanceEvent).where(
        AttendanceEvent.day == day, AttendanceEvent.location_id == location_id,
        AttendanceEvent.id > top).order_by(AttendanceEvent.id)).all())
    # Each new event is newer than `top`, so the count adds up unless an older id committed late
    # (or something was removed): then only the whole day is right.
    if _fingerprint(count + len(new), max([top, *(e.id for e in new)])) != now:
        return DayChanges(now, False)
    undone = {e.undoes_id for e in new if e.kind == "ongedaan" and e.undoes_id}
    undone_kinds = dict(db.exec(select(AttendanceEvent.id, AttendanceEvent.kind)
                                .where(AttendanceEvent.id.in_(undone))).all()) if undone else {}
    if not all(tile_only(e.kind, undone_kinds.get(e.undoes_id)) for e in new):
        return DayChanges(now, True, tiles_only=False)
    changed = sorted({e.child_id for e in new})
    children = [fold(_child_events(db, location_id, day, child_id)).get(child_id) or ChildDay(child_id, "")
                for child_id in changed]
    if changed:
        audit.record(db, actor, "aanwezigheid.dag_gelezen", object_type="locatie", object_id=location_id,
                     location_id=location_id, detail=f"dag={day.isoformat()};bijgewerkt={len(changed)}")
        db.commit()
    return DayChanges(now, True, children)
