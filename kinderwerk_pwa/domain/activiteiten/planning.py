"""Planning the programme: one activity, or a weekly series for a period, with its occurrences
materialised (one `Activity` row per date) so each can be registered, cancelled or moved on its own.

Payload of `plan_series` / `update_series` (a dict, as from a form or JSON):

    client_uuid       the form's id (plan_series only; a replay returns the same series)
    location_id       the location (team) the activity belongs to (plan_series only; fixed after)
    title             "Voetbal op het Cruijffcourt"
    kind              a code of catalog.kinds()
    themes            a list of codes of catalog.themes() (may be empty)
    place_kind        "" (at the location) or schoolplein/speeltuin/plein/sporthal/buurthuis/jeugdland/anders
    place_name        name or address of that place (required with a place_kind)
    neighbourhood     the place's neighbourhood ("" = the location's)
    partner_id        optional school / ketenpartner of the organisation
    first_day         ISO date; last_day: ISO date (weekly only; once: = first_day)
    repeat            "eenmalig" or "wekelijks" (every week on first_day's weekday until last_day)
    start_time, end_time  "15:00", "16:30"
    planned_children  0..500
    lead_staff_id     who runs it: a colleague at the location (default: the actor)

Dates at most a year ahead, a series at most a year long. Everything is checked before anything is
written; the series, its occurrences and the audit row are one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from ... import texts
from ...models import (
    Activity,
    ActivityRegistration,
    ActivitySeries,
    ActivitySeriesTheme,
    Partner,
    StaffLocation,
    StaffUser,
    utcnow,
)
from ...models.activities import PLACE_KINDS, SERIES_REPEATS
from ...models.staff import NON_FIELD_ROLES
from ..common.cleaning import clean_text, client_uuid_of, parse_day
from ..common.clock import local_today
from ..common.errors import InvalidInput
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action
from . import catalog
from .access import authorized_location, authorized_series, int_id

MAX_AHEAD = timedelta(days=365)  # plan (or move to) at most a year ahead
MAX_SERIES = timedelta(days=366)  # a series runs at most a year
MAX_PLANNED = 500


@dataclass(frozen=True)
class SeriesResult:
    series_id: int
    activity_ids: tuple[int, ...]  # the occurrences (plan: all; update: those added)
    created: bool  # False: a replay of the same client_uuid (plan) / nothing new (update)
    removed: int = 0  # update: unregistered future occurrences removed (outside the new period)


@dataclass(frozen=True)
class _Plan:
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


def _fail(message: str, field: str):
    raise InvalidInput(message, {field: message})


def parse_time(value, field: str) -> time:
    """A time from a time object or "HH:MM" (also "HH:MM:SS")."""
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    text = str(value or "").strip()
    try:
        parsed = time.fromisoformat(text)
    except ValueError:
        _fail(texts.FOUT_ACTIVITEIT_TIJD, field)
    if len(text) < 4:
        _fail(texts.FOUT_ACTIVITEIT_TIJD, field)
    return parsed.replace(second=0, microsecond=0, tzinfo=None)


def check_times(start: time, end: time) -> None:
    if end <= start:
        _fail(texts.FOUT_ACTIVITEIT_EIND_VOOR_BEGIN, "end_time")


def check_not_far_ahead(day: date, field: str, today: date) -> None:
    if day > today + MAX_AHEAD:
        _fail(texts.FOUT_ACTIVITEIT_VER_VOORUIT, field)


def clean_themes(value) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    items = value.split(",") if isinstance(value, str) else list(value) if isinstance(value, list | tuple) else None
    if items is None:
        _fail(texts.FOUT_ACTIVITEIT_THEMA.format(code="?"), "themes")
    known = catalog.theme_codes()
    result = []
    for item in items:
        code = str(item).strip()
        if not code:
            continue
        if code not in known:
            _fail(texts.FOUT_ACTIVITEIT_THEMA.format(code=code[:40]), "themes")
        if code not in result:
            result.append(code)
    return tuple(result)


def _clean_plan(actor: Actor, db: Session, payload: dict, organisation_id: int, location_id: int,
                today: date) -> _Plan:
    title = clean_text(payload.get("title"), "title", 200, required=True,
                       required_message=texts.FOUT_ACTIVITEIT_TITEL, veld="de naam")
    kind = str(payload.get("kind") or "").strip()
    if kind not in catalog.kind_codes():
        _fail(texts.FOUT_ACTIVITEIT_SOORT, "kind")
    themes = clean_themes(payload.get("themes"))
    place_kind = str(payload.get("place_kind") or "").strip()
    if place_kind not in PLACE_KINDS:
        _fail(texts.FOUT_ACTIVITEIT_PLEK, "place_kind")
    place_name = clean_text(payload.get("place_name"), "place_name", 200, veld="de plek")
    if place_kind and not place_name:
        _fail(texts.FOUT_ACTIVITEIT_PLEK_NAAM, "place_name")
    neighbourhood = clean_text(payload.get("neighbourhood"), "neighbourhood", 100, veld="de wijk")
    partner_id = None
    if str(payload.get("partner_id") or "").strip():
        partner = db.get(Partner, int_id(payload.get("partner_id")))
        if partner is None or partner.organisation_id != organisation_id:
            _fail(texts.FOUT_ACTIVITEIT_PARTNER, "partner_id")
        partner_id = partner.id
    repeat = str(payload.get("repeat") or "eenmalig").strip()
    if repeat not in SERIES_REPEATS:
        _fail(texts.FOUT_ACTIVITEIT_HERHALING, "repeat")
    first_day = parse_day(payload.get("first_day"), "first_day")
    last_day = parse_day(payload.get("last_day"), "last_day", default=first_day) if repeat == "wekelijks" \
        else first_day
    if last_day < first_day:
        _fail(texts.FOUT_ACTIVITEIT_TOT_VOOR_VAN, "last_day")
    check_not_far_ahead(first_day, "first_day", today)
    check_not_far_ahead(last_day, "last_day", today)
    if last_day - first_day > MAX_SERIES:
        _fail(texts.FOUT_ACTIVITEIT_PERIODE_TE_LANG, "last_day")
    start_time = parse_time(payload.get("start_time"), "start_time")
    end_time = parse_time(payload.get("end_time"), "end_time")
    check_times(start_time, end_time)
    planned_raw = payload.get("planned_children", 0)
    planned_text = str(planned_raw if planned_raw is not None else "0").strip() or "0"
    if isinstance(planned_raw, bool) or not planned_text.isdigit() or int(planned_text) > MAX_PLANNED:
        _fail(texts.FOUT_ACTIVITEIT_AANTAL_GEPLAND.format(n=MAX_PLANNED), "planned_children")
    lead_id = int_id(payload.get("lead_staff_id")) if str(payload.get("lead_staff_id") or "").strip() \
        else actor.id
    lead = db.get(StaffUser, lead_id)
    works_here = lead is not None and lead.active and lead.organisation_id == organisation_id \
        and lead.role not in NON_FIELD_ROLES and db.exec(select(StaffLocation).where(
            StaffLocation.staff_id == lead_id, StaffLocation.location_id == location_id)).first() is not None
    if not works_here:
        _fail(texts.FOUT_ACTIVITEIT_UITVOERDER, "lead_staff_id")
    return _Plan(title, kind, themes, place_kind, place_name, neighbourhood, partner_id, first_day, last_day,
                 repeat, start_time, end_time, int(planned_text), lead_id)


def occurrence_days(first_day: date, last_day: date, repeat: str) -> list[date]:
    """The dates of a series: first_day, and every 7 days after it up to last_day when weekly."""
    if repeat != "wekelijks":
        return [first_day]
    days, day = [], first_day
    while day <= last_day:
        days.append(day)
        day += timedelta(days=7)
    return days


def _apply(series: ActivitySeries, plan: _Plan) -> None:
    for name in ("title", "kind", "place_kind", "place_name", "neighbourhood", "partner_id", "first_day",
                 "last_day", "repeat", "start_time", "end_time", "planned_children", "lead_staff_id"):
        setattr(series, name, getattr(plan, name))


def _occurrence(series: ActivitySeries, day: date) -> Activity:
    return Activity(series_id=series.id, organisation_id=series.organisation_id, location_id=series.location_id,
                    day=day, start_time=series.start_time, end_time=series.end_time,
                    planned_children=series.planned_children)


def plan_series(actor: Actor, db: Session, payload: dict) -> SeriesResult:
    """Plan one activity or a weekly series (see the module docstring for the payload).
    ACTIVITEIT_PLANNEN at the location. Idempotent on client_uuid. Audited 'activiteit.gepland'."""
    client_uuid = client_uuid_of(payload)
    existing = db.exec(select(ActivitySeries).where(ActivitySeries.client_uuid == client_uuid)).first()
    if existing is not None:
        authorized_series(actor, db, existing.id, Action.ACTIVITEIT_PLANNEN)
        ids = db.exec(select(Activity.id).where(Activity.series_id == existing.id).order_by(Activity.day)).all()
        return SeriesResult(existing.id, tuple(ids), False)
    location = authorized_location(actor, db, int_id(payload.get("location_id")), Action.ACTIVITEIT_PLANNEN)
    plan = _clean_plan(actor, db, payload, location.organisation_id, location.id, local_today())
    series = ActivitySeries(client_uuid=client_uuid, organisation_id=location.organisation_id,
                            location_id=location.id, created_by_id=actor.id, **{
                                k: getattr(plan, k) for k in ("title", "kind", "place_kind", "place_name",
                                                              "neighbourhood", "partner_id", "first_day",
                                                              "last_day", "repeat", "start_time", "end_time",
                                                              "planned_children", "lead_staff_id")})
    db.add(series)
    try:
        db.flush()
    except IntegrityError:
        db.rollback()  # the same form arrived twice at once: keep the first
        existing = db.exec(select(ActivitySeries).where(ActivitySeries.client_uuid == client_uuid)).one()
        ids = db.exec(select(Activity.id).where(Activity.series_id == existing.id).order_by(Activity.day)).all()
        return SeriesResult(existing.id, tuple(ids), False)
    db.add_all([ActivitySeriesTheme(series_id=series.id, theme=t) for t in plan.themes])
    occurrences = [_occurrence(series, day) for day in occurrence_days(plan.first_day, plan.last_day, plan.repeat)]
    db.add_all(occurrences)
    db.flush()
    audit.record(db, actor, "activiteit.gepland", object_type="activiteitenreeks", object_id=series.id,
                 location_id=location.id,
                 detail=f"soort={plan.kind};herhaling={plan.repeat};keren={len(occurrences)};"
                        f"van={plan.first_day.isoformat()};tot={plan.last_day.isoformat()}")
    db.commit()
    return SeriesResult(series.id, tuple(o.id for o in occurrences), True)


def update_series(actor: Actor, db: Session, series_id: int, payload: dict) -> SeriesResult:
    """Change a planned series (same payload keys as plan_series, without client_uuid/location_id).

    The series takes all new values. Occurrences from today on that are still 'gepland' (not
    registered) take the new times and planned number; those whose date falls outside the new period
    or pattern are removed, and dates of the new pattern from today on get an occurrence. The past
    and everything registered stay as they were. ACTIVITEIT_PLANNEN; audited 'activiteit.gewijzigd'."""
    series = authorized_series(actor, db, series_id, Action.ACTIVITEIT_PLANNEN)
    today = local_today()
    plan = _clean_plan(actor, db, payload, series.organisation_id, series.location_id, today)
    _apply(series, plan)
    series.updated_at = utcnow()
    db.add(series)
    old_themes = db.exec(select(ActivitySeriesTheme).where(ActivitySeriesTheme.series_id == series.id)).all()
    for link in old_themes:
        if link.theme not in plan.themes:
            db.delete(link)
    kept = {link.theme for link in old_themes}
    db.add_all([ActivitySeriesTheme(series_id=series.id, theme=t) for t in plan.themes if t not in kept])
    wanted = {d for d in occurrence_days(plan.first_day, plan.last_day, plan.repeat) if d >= today}
    occurrences = db.exec(select(Activity).where(Activity.series_id == series.id)).all()
    registered = set(db.exec(select(ActivityRegistration.activity_id).where(
        col(ActivityRegistration.activity_id).in_([o.id for o in occurrences] or [-1]))).all())
    removed = 0
    for occ in occurrences:
        if occ.day < today or occ.status != "gepland" or occ.id in registered:
            continue
        if occ.moved_from_id is None and occ.day not in wanted:
            db.delete(occ)
            removed += 1
            continue
        occ.start_time, occ.end_time, occ.planned_children = plan.start_time, plan.end_time, plan.planned_children
        db.add(occ)
    pattern_days = {o.day for o in occurrences if o.moved_from_id is None}
    added = [_occurrence(series, d) for d in sorted(wanted - pattern_days)]
    db.add_all(added)
    db.flush()
    audit.record(db, actor, "activiteit.gewijzigd", object_type="activiteitenreeks", object_id=series.id,
                 location_id=series.location_id, detail=f"toegevoegd={len(added)};verwijderd={removed}")
    db.commit()
    return SeriesResult(series.id, tuple(o.id for o in added), bool(added or removed), removed)
