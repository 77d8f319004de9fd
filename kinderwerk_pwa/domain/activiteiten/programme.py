"""The programme as a worker and a teamleider see it: the week of one location (phone), a month
of several locations (desktop), her own week across her locations, one series for the edit form,
and the sheet of one occurrence with the children for tap tiles (field registration).

Lists carry no child's name; the sheet does, and is audited as a read of the location's children.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, time, timedelta

import sqlalchemy as sa
from sqlmodel import Session, col, select

from ... import texts
from ...models import (
    Activity,
    ActivityChild,
    ActivityObservation,
    ActivityRegistration,
    ActivitySeries,
    ActivitySeriesTheme,
    ActivityTally,
    Child,
    ChildLocation,
    Location,
    Partner,
    StaffUser,
    utcnow,
)
from ...models.activities import AGE_BANDS, GENDERS
from ..common.clock import local_today, to_local
from ..common.errors import InvalidInput
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action
from . import catalog
from .access import authorized_activity, authorized_location, authorized_series, may


@dataclass(frozen=True)
class ActivityItem:
    """One occurrence in a list (no child's name): what, where, when, and what became of it."""

    id: int
    series_id: int
    day: date
    start_time: time
    end_time: time
    title: str
    kind: str
    kind_label: str
    themes: tuple[str, ...]
    location_id: int
    location_name: str
    place: str  # the free place ("Schoolplein: De Regenboog") or the location's name
    neighbourhood: str  # the place's neighbourhood, else the location's
    partner_name: str
    lead_staff_id: int
    lead_name: str
    planned_children: int
    status: str  # gepland / gerealiseerd / geannuleerd / verplaatst
    status_label: str
    children_count: int  # registered children present (after registration)
    anonymous_count: int  # the tally's sum
    moved_to: date | None  # verplaatst: the new date
    not_registered: bool  # still 'gepland' although it has ended

    @property
    def contacts(self) -> int:
        return self.children_count + self.anonymous_count


@dataclass(frozen=True)
class WeekProgramme:
    location_id: int
    location_name: str
    week_start: date  # Monday
    days: list[tuple[date, list[ActivityItem]]]  # Monday .. Sunday


@dataclass(frozen=True)
class MonthProgramme:
    year: int
    month: int
    location_ids: tuple[int, ...]
    location_names: tuple[str, ...]
    items: list[ActivityItem]  # by day, start time, location

    def by_day(self) -> dict[date, list[ActivityItem]]:
        result: dict[date, list[ActivityItem]] = {}
        for item in self.items:
            result.setdefault(item.day, []).append(item)
        return result


@dataclass(frozen=True)
class ChildTile:
    child_id: int
    name: str
    regular: bool  # came to an earlier occurrence of this series
    present: bool  # registered present at this occurrence


@dataclass(frozen=True)
class ActivitySheet:
    """Everything the field screen of one occurrence needs."""

    activity: ActivityItem
    themes: list[tuple[str, str]]  # (code, label) of the series' themes: for observations
    children: list[ChildTile]  # regulars first, then by name
    tally: dict[str, dict[str, int]]  # age band -> gender -> count (all cells, 0 when none)
    note: str
    observations: dict[str, str]  # theme -> text
    registered: bool
    catalogue: dict = field(default_factory=catalog.as_dict)


@dataclass(frozen=True)
class SeriesView:
    id: int
    location_id: int
    title: str
    kind: str
    themes: tuple[str, ...]
    place_kind: str
    place_name: str
    neighbourhood: str
    partner_id: int | None
    first_day: date
    last_day: date
    repeat: str
    start_time: time
    end_time: time
    planned_children: int
    lead_staff_id: int
    occurrences: list[ActivityItem]


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _place_label(series: ActivitySeries, location_name: str) -> str:
    if not series.place_kind:
        return location_name
    kind = texts.ACTIVITEIT_PLEK_LABELS.get(series.place_kind, series.place_kind)
    return f"{kind}: {series.place_name}" if series.place_name else kind


def _now_local() -> tuple[date, time]:
    now = to_local(utcnow())
    return now.date(), now.time().replace(tzinfo=None)


def is_not_registered(status: str, day: date, end_time: time, today: date, now: time) -> bool:
    """Still 'gepland' although it is over: the teamleider's "nog niet geregistreerd"."""
    return status == "gepland" and (day < today or (day == today and end_time <= now))


def activity_items(db: Session, *conditions) -> list[ActivityItem]:
    """Occurrences matching the SQL conditions on Activity (e.g. location and day range), with
    their series, place, lead and registration counts, ordered by day, time and location."""
    lead = sa.orm.aliased(StaffUser)
    rows = db.exec(
        select(Activity, ActivitySeries, Location.name, Location.neighbourhood, lead.name, Partner.name,
               ActivityRegistration.children_count, ActivityRegistration.anonymous_count,
               ActivityRegistration.new_day)
        .join(ActivitySeries, ActivitySeries.id == Activity.series_id)
        .join(Location, Location.id == Activity.location_id)
        .join(lead, lead.id == ActivitySeries.lead_staff_id)
        .outerjoin(Partner, Partner.id == ActivitySeries.partner_id)
        .outerjoin(ActivityRegistration, ActivityRegistration.activity_id == Activity.id)
        .where(*conditions)
        .order_by(Activity.day, Activity.start_time, Location.name, Activity.id)
    ).all()
    series_ids = {s.id for _, s, *_ in rows}
    themes: dict[int, list[str]] = {}
    for series_id, theme in db.exec(select(ActivitySeriesTheme.series_id, ActivitySeriesTheme.theme)
                                    .where(col(ActivitySeriesTheme.series_id).in_(series_ids or {-1}))).all():
        themes.setdefault(series_id, []).append(theme)
    order = {code: i for i, code in enumerate(catalog.theme_codes())}
    today, now = _now_local()
    return [
        ActivityItem(
            id=a.id, series_id=s.id, day=a.day, start_time=a.start_time, end_time=a.end_time, title=s.title,
            kind=s.kind, kind_label=catalog.kind_label(s.kind),
            themes=tuple(sorted(themes.get(s.id, []), key=lambda t: (order.get(t, len(order)), t))),
            location_id=a.location_id, location_name=loc_name, place=_place_label(s, loc_name),
            neighbourhood=s.neighbourhood or loc_hood, partner_name=partner_name or "",
            lead_staff_id=s.lead_staff_id, lead_name=lead_name, planned_children=a.planned_children,
            status=a.status, status_label=texts.ACTIVITEIT_STATUS_LABELS.get(a.status, a.status),
            children_count=n_children or 0, anonymous_count=n_anonymous or 0,
            moved_to=new_day if a.status == "verplaatst" else None,
            not_registered=is_not_registered(a.status, a.day, a.end_time, today, now),
        )
        for a, s, loc_name, loc_hood, lead_name, partner_name, n_children, n_anonymous, new_day in rows
    ]


def week_programme(actor: Actor, db: Session, location_id: int, day: date | None = None) -> WeekProgramme:
    """The week (Monday to Sunday) around `day` (default today) at one location: the phone's view.
    ACTIVITEIT_LEZEN; audited 'activiteit.week_gelezen'."""
    location = authorized_location(actor, db, location_id, Action.ACTIVITEIT_LEZEN)
    monday = week_start(day or local_today())
    items = activity_items(db, Activity.location_id == location.id, Activity.day >= monday,
                           Activity.day <= monday + timedelta(days=6))
    days = [(monday + timedelta(days=i), [it for it in items if it.day == monday + timedelta(days=i)])
            for i in range(7)]
    audit.record(db, actor, "activiteit.week_gelezen", object_type="locatie", object_id=location.id,
                 location_id=location.id, detail=f"week={monday.isoformat()};activiteiten={len(items)}")
    db.commit()
    return WeekProgramme(location.id, location.name, monday, days)


def my_week(actor: Actor, db: Session, day: date | None = None) -> list[ActivityItem]:
    """This week's activities at all of the actor's locations where she may see them (Vandaag on a
    phone). Empty for roles without the right (no refusal: there is simply nothing). Audited."""
    monday = week_start(day or local_today())
    ids = [i for i in sorted(actor.location_ids) if may(actor, Action.ACTIVITEIT_LEZEN, actor.organisation_id, i)]
    if not ids:
        return []
    items = activity_items(db, col(Activity.location_id).in_(ids), Activity.organisation_id == actor.organisation_id,
                           Activity.day >= monday, Activity.day <= monday + timedelta(days=6))
    audit.record(db, actor, "activiteit.week_gelezen", object_type="medewerker", object_id=actor.id,
                 detail=f"week={monday.isoformat()};activiteiten={len(items)}")
    db.commit()
    return items


def month_programme(actor: Actor, db: Session, location_ids: list[int] | None, year: int,
                    month: int) -> MonthProgramme:
    """All activities of one calendar month at these locations (default: all of the actor's own),
    the desktop view. ACTIVITEIT_LEZEN on every location, all or nothing; audited."""
    if not (isinstance(year, int) and isinstance(month, int) and 1 <= month <= 12 and 2000 <= year <= 2100):
        raise InvalidInput(texts.FOUT_ACTIVITEIT_MAAND, {"month": texts.FOUT_ACTIVITEIT_MAAND})
    ids = sorted({int(i) for i in (location_ids or actor.location_ids)}) or [-1]
    locations = [authorized_location(actor, db, i, Action.ACTIVITEIT_LEZEN) for i in ids]
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    items = activity_items(db, col(Activity.location_id).in_(ids), Activity.day >= first, Activity.day <= last)
    audit.record(db, actor, "activiteit.maand_gelezen", object_type="activiteiten",
                 detail=f"locaties={','.join(map(str, ids))};maand={year}-{month:02d};activiteiten={len(items)}")
    db.commit()
    return MonthProgramme(year, month, tuple(ids), tuple(loc.name for loc in locations), items)


def get_series(actor: Actor, db: Session, series_id: int) -> SeriesView:
    """A series with all its occurrences, for the edit form. ACTIVITEIT_LEZEN; audited."""
    series = authorized_series(actor, db, series_id, Action.ACTIVITEIT_LEZEN)
    items = activity_items(db, Activity.series_id == series.id)
    themes = tuple(db.exec(select(ActivitySeriesTheme.theme)
                           .where(ActivitySeriesTheme.series_id == series.id)).all())
    audit.record(db, actor, "activiteit.reeks_gelezen", object_type="activiteitenreeks", object_id=series.id,
                 location_id=series.location_id)
    db.commit()
    return SeriesView(series.id, series.location_id, series.title, series.kind, themes, series.place_kind,
                      series.place_name, series.neighbourhood, series.partner_id, series.first_day,
                      series.last_day, series.repeat, series.start_time, series.end_time,
                      series.planned_children, series.lead_staff_id, items)


def _regulars(db: Session, activity: Activity) -> set[int]:
    """Children registered at an earlier occurrence of the same series."""
    return set(db.exec(
        select(ActivityChild.child_id).join(Activity, Activity.id == ActivityChild.activity_id)
        .where(Activity.series_id == activity.series_id, Activity.day < activity.day)
        .distinct()).all())


def open_activity(actor: Actor, db: Session, activity_id: int) -> ActivitySheet:
    """Open (start) one occurrence in the field: the children known at its location as tap tiles
    (those who came before first), and what was registered so far. ACTIVITEIT_REGISTREREN at the
    activity's location; audited 'activiteit.geopend' (a read of the location's children)."""
    activity = authorized_activity(actor, db, activity_id, Action.ACTIVITEIT_REGISTREREN)
    item = activity_items(db, Activity.id == activity.id)[0]
    present = set(db.exec(select(ActivityChild.child_id).where(ActivityChild.activity_id == activity.id)).all())
    known = db.exec(select(Child.id, Child.first_name, Child.last_name)
                    .join(ChildLocation, ChildLocation.child_id == Child.id)
                    .where(ChildLocation.location_id == activity.location_id,
                           sa.or_(Child.status != "uitgestroomd", col(Child.id).in_(present or {-1})))).all()
    regulars = _regulars(db, activity)
    tiles = sorted((ChildTile(cid, f"{first} {last}", cid in regulars, cid in present) for cid, first, last in known),
                   key=lambda t: (not t.regular, t.name.casefold(), t.child_id))
    tally = {band: dict.fromkeys(GENDERS, 0) for band in AGE_BANDS}
    for row in db.exec(select(ActivityTally).where(ActivityTally.activity_id == activity.id)).all():
        tally[row.age_band][row.gender] = row.count
    registration = db.exec(select(ActivityRegistration)
                           .where(ActivityRegistration.activity_id == activity.id)).first()
    observations = dict(db.exec(select(ActivityObservation.theme, ActivityObservation.text)
                                .where(ActivityObservation.activity_id == activity.id)).all())
    audit.record(db, actor, "activiteit.geopend", object_type="activiteit", object_id=activity.id,
                 location_id=activity.location_id, detail=f"kinderen={len(tiles)}")
    db.commit()
    return ActivitySheet(item, [(t, catalog.theme_label(t)) for t in item.themes], tiles, tally,
                         registration.note if registration else "", observations, registration is not None)


def offline_activities(actor: Actor, db: Session, today: date) -> list[dict]:
    """This week's activities at the actor's locations where she may register them, for the offline
    phone: ids, what/where/when and status; the ids of the regulars only where she may read the
    children (the names come with the context's children). Not audited here: the caller audits the
    whole context in one row."""
    monday = week_start(today)
    ids = [i for i in sorted(actor.location_ids)
           if may(actor, Action.ACTIVITEIT_REGISTREREN, actor.organisation_id, i)]
    if not ids:
        return []
    items = activity_items(db, col(Activity.location_id).in_(ids), Activity.organisation_id == actor.organisation_id,
                           Activity.day >= monday, Activity.day <= monday + timedelta(days=6))
    child_ok = {i for i in ids if may(actor, Action.KIND_LEZEN, actor.organisation_id, i)}
    regulars: dict[int, list[int]] = {}
    series_ids = {it.series_id for it in items if it.location_id in child_ok}
    if series_ids:
        for series_id, child_id in db.exec(
                select(Activity.series_id, ActivityChild.child_id)
                .join(Activity, Activity.id == ActivityChild.activity_id)
                .where(col(Activity.series_id).in_(series_ids), Activity.day < monday)
                .group_by(Activity.series_id, ActivityChild.child_id)).all():
            regulars.setdefault(series_id, []).append(child_id)
    return [
        {"id": it.id, "series_id": it.series_id, "day": it.day.isoformat(),
         "start_time": it.start_time.strftime("%H:%M"), "end_time": it.end_time.strftime("%H:%M"),
         "title": it.title, "kind": it.kind, "kind_label": it.kind_label, "themes": list(it.themes),
         "location_id": it.location_id, "place": it.place, "status": it.status,
         "regular_child_ids": sorted(regulars.get(it.series_id, [])) if it.location_id in child_ok else []}
        for it in items
    ]

