"""What a teamleider report covers: authorising every requested location (all or nothing, refusals
audited), checking a period, the period's datetime bounds and the ids/period audit details.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import Session, select

from ... import texts
from ...models import Location
from ..common.clock import AMSTERDAM
from ..common.errors import InvalidInput
from ..toegang.actor import Actor
from ..toegang.permissions import Action, Target, authorize

# ---- authorisation and time helpers ----------------------------------------------------------

def authorize_locations(actor: Actor | None, db: Session, action: Action, location_ids: Iterable[int],
                         object_type: str) -> list[Location]:
    """Every requested location must be one of the actor's own (with the right for `action`);
    the first one that is not is refused (audited) and nothing is returned. Locations by name."""
    ids = sorted({int(i) for i in location_ids})
    if not ids:
        # Roles without the right are refused (audited) before being told to pick a location.
        authorize(actor, db, action, Target(actor.organisation_id if actor else -1,
                                            frozenset(actor.location_ids) if actor else frozenset(),
                                            object_type=object_type))
        raise InvalidInput(texts.RAPPORT_GEEN_LOCATIES, {"location_ids": texts.RAPPORT_GEEN_LOCATIES})
    locations = {loc.id: loc for loc in db.exec(select(Location).where(Location.id.in_(ids))).all()}
    for id_ in ids:
        location = locations.get(id_)
        authorize(actor, db, action, Target(location.organisation_id if location else -1, frozenset({id_}),
                                            object_type=object_type, object_id=id_))
    return sorted(locations.values(), key=lambda loc: (loc.name, loc.id))


def check_period(start: date, end: date) -> None:
    if not isinstance(start, date) or not isinstance(end, date) or end < start:
        raise InvalidInput(texts.RAPPORT_PERIODE_ONGELDIG, {"end": texts.RAPPORT_PERIODE_ONGELDIG})


def _midnight(day: date) -> datetime:
    """The start of an Amsterdam calendar day, as aware UTC."""
    return datetime.combine(day, time(0), tzinfo=AMSTERDAM).astimezone(UTC)


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """[start 00:00, day after end 00:00) in Amsterdam time, as UTC: for timestamp columns."""
    return _midnight(start), _midnight(end + timedelta(days=1))


def ids_detail(locations: list[Location]) -> str:
    return ",".join(str(loc.id) for loc in sorted(locations, key=lambda loc: loc.id))


def period_detail(start: date, end: date) -> str:
    return f"{start.isoformat()}..{end.isoformat()}"
