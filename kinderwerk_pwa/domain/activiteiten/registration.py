"""The one way a field registration of an activity enters: `register_activity(actor, db, payload)`.
The online form, the offline queue (offline.sync HANDLERS["activiteit"]) and the tests all call it.

Payload (a dict; JSON from the phone):

    client_uuid   generated on the phone for this registration (idempotency: a replay returns the
                  first result and stores nothing again, also when two copies arrive at once)
    activity_id   the occurrence
    status        "gerealiseerd" | "geannuleerd" | "verplaatst"
    children      ids of registered children present (known at the activity's location)
    tally         {"4-6": {"jongen": 3, "meisje": 2, "anders": 0}, "7-9": {...}, "10-12": {...}}:
                  children who are not registered, counted (non-negative whole numbers; missing = 0)
    note          optional short note of what happened (max 1000 characters; never logged)
    observations  optional {theme code: text} for themes of this activity (max 500 characters each)
    reason        why it was cancelled (required for "geannuleerd"; optional for "verplaatst")
    new_day       the new date (required for "verplaatst"); new_start_time / new_end_time optional

Rules: an occurrence is registered once (a second, different registration is refused with a Dutch
message); realised only on or after its day; cancelled or moved without children or tally; a moved
occurrence gets a new 'gepland' occurrence on the new date (at most a year ahead). Everything is
checked before anything is written; the registration, its children, tally, observations, the
status change and the audit rows (one for the registration, one per registered child) are one
transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from ... import texts
from ...models import (
    Activity,
    ActivityChild,
    ActivityObservation,
    ActivityRegistration,
    ActivitySeriesTheme,
    ActivityTally,
    ChildLocation,
    utcnow,
)
from ...models.activities import AGE_BANDS, GENDERS, REGISTRATION_STATUSES
from ..common.cleaning import clean_text, client_uuid_of, parse_day
from ..common.clock import local_today
from ..common.errors import InvalidInput
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action, can
from .access import activity_target, authorized_activity, int_id
from .planning import check_not_far_ahead, check_times, parse_time

MAX_NOTE = 1000
MAX_OBSERVATION = 500
MAX_CELL = 500  # children in one tally cell
MAX_CHILDREN = 300


@dataclass(frozen=True)
class RegistrationResult:
    registration_id: int
    activity_id: int
    status: str
    created: bool  # False: a replay of the same client_uuid
    new_activity_id: int | None = None  # verplaatst: the occurrence on the new date


def _fail(message: str, field: str):
    raise InvalidInput(message, {field: message})


def _result(reg: ActivityRegistration, created: bool) -> RegistrationResult:
    return RegistrationResult(reg.id, reg.activity_id, reg.status, created, reg.new_activity_id)


def _replay(actor: Actor, db: Session, reg: ActivityRegistration) -> RegistrationResult:
    """The same registration again: its first result, for whoever may register at that location."""
    activity = db.get(Activity, reg.activity_id)
    if reg.by_id != actor.id and not can(actor, Action.ACTIVITEIT_REGISTREREN, activity_target(activity)):
        audit.record_denied(db, actor, str(Action.ACTIVITEIT_REGISTREREN), object_type="activiteit",
                            object_id=activity.id, location_id=activity.location_id)
        raise InvalidInput(texts.GEEN_TOEGANG)
    return _result(reg, False)


def clean_tally(value) -> dict[tuple[str, str], int]:
    """{(age band, gender): count} for the non-zero cells; InvalidInput for anything else."""
    if value in (None, "", {}):
        return {}
    if not isinstance(value, dict):
        _fail(texts.FOUT_ACTIVITEIT_TURF_ONGELDIG, "tally")
    cells: dict[tuple[str, str], int] = {}
    for band, genders in value.items():
        if band not in AGE_BANDS or not isinstance(genders, dict):
            _fail(texts.FOUT_ACTIVITEIT_TURF_ONGELDIG, "tally")
        for gender, raw in genders.items():
            if gender not in GENDERS:
                _fail(texts.FOUT_ACTIVITEIT_TURF_ONGELDIG, "tally")
            label = f"{texts.ACTIVITEIT_LEEFTIJD_LABELS[band]}, {texts.ACTIVITEIT_GESLACHT_LABELS[gender].lower()}"
            if isinstance(raw, bool) or raw is None:
                _fail(texts.FOUT_ACTIVITEIT_TURF_ONGELDIG, "tally")
            text = str(raw).strip()
            number = int(text) if text.lstrip("-").isdigit() else None
            if number is None or (isinstance(raw, float) and not raw.is_integer()):
                _fail(texts.FOUT_ACTIVITEIT_TURF_ONGELDIG, "tally")
            if number < 0:
                _fail(texts.FOUT_ACTIVITEIT_TURF_NEGATIEF.format(groep=label), "tally")
            if number > MAX_CELL:
                _fail(texts.FOUT_ACTIVITEIT_TURF_TE_GROOT.format(n=MAX_CELL), "tally")
            if number:
                cells[(band, gender)] = number
    return cells


def _clean_children(value) -> list[int]:
    if value in (None, ""):
        return []
    if not isinstance(value, list | tuple):
        _fail(texts.FOUT_ACTIVITEIT_KIND_ID, "children")
    ids: list[int] = []
    for item in value:
        child_id = int_id(item)
        if child_id < 1 or isinstance(item, bool):
            _fail(texts.FOUT_ACTIVITEIT_KIND_ID, "children")
        if child_id not in ids:
            ids.append(child_id)
    if len(ids) > MAX_CHILDREN:
        _fail(texts.FOUT_ACTIVITEIT_KIND_ID, "children")
    return ids


def _clean_observations(value, themes: set[str]) -> dict[str, str]:
    if value in (None, "", {}):
        return {}
    if not isinstance(value, dict):
        _fail(texts.FOUT_ACTIVITEIT_OBSERVATIE_THEMA.format(code="?"), "observations")
    result = {}
    for theme, text in value.items():
        cleaned = clean_text(text, "observations", MAX_OBSERVATION, veld="een observatie")
        if not cleaned:
            continue
        if theme not in themes:
            _fail(texts.FOUT_ACTIVITEIT_OBSERVATIE_THEMA.format(code=str(theme)[:40]), "observations")
        result[theme] = cleaned
    return result


def register_activity(actor: Actor, db: Session, payload: dict) -> RegistrationResult:
    """Store a field registration (see the module docstring). ACTIVITEIT_REGISTREREN at the
    activity's location; a child not known there is refused (audited). Idempotent on client_uuid."""
    client_uuid = client_uuid_of(payload)
    existing = db.exec(select(ActivityRegistration).where(ActivityRegistration.client_uuid == client_uuid)).first()
    if existing is not None:
        return _replay(actor, db, existing)
    activity = authorized_activity(actor, db, int_id(payload.get("activity_id")), Action.ACTIVITEIT_REGISTREREN)
    status = str(payload.get("status") or "").strip()
    if status not in REGISTRATION_STATUSES:
        _fail(texts.FOUT_ACTIVITEIT_STATUS, "status")
    if activity.status != "gepland":
        _fail(texts.FOUT_ACTIVITEIT_AL_GEREGISTREERD.format(
            status=texts.ACTIVITEIT_STATUS_LABELS.get(activity.status, activity.status).lower()), "activity_id")
    today = local_today()
    children = _clean_children(payload.get("children"))
    tally = clean_tally(payload.get("tally"))
    note = clean_text(payload.get("note"), "note", MAX_NOTE, veld="de notitie")
    themes = set(db.exec(select(ActivitySeriesTheme.theme)
                         .where(ActivitySeriesTheme.series_id == activity.series_id)).all())
    observations = _clean_observations(payload.get("observations"), themes)
    reason = clean_text(payload.get("reason"), "reason", 300, veld="de reden")
    new_day = None
    if status == "gerealiseerd":
        if activity.day > today:
            _fail(texts.FOUT_ACTIVITEIT_TOEKOMST, "status")
    else:
        if children or tally:
            _fail(texts.FOUT_ACTIVITEIT_AFGELAST_MET_KINDEREN, "children")
        if status == "geannuleerd" and not reason:
            _fail(texts.FOUT_ACTIVITEIT_REDEN_ANNULEREN, "reason")
    if status == "verplaatst":
        if not str(payload.get("new_day") or "").strip():
            _fail(texts.FOUT_ACTIVITEIT_NIEUWE_DATUM, "new_day")
        new_day = parse_day(payload.get("new_day"), "new_day")
        if new_day == activity.day:
            _fail(texts.FOUT_ACTIVITEIT_NIEUWE_DATUM_ZELFDE, "new_day")
        check_not_far_ahead(new_day, "new_day", today)
        new_start = parse_time(payload["new_start_time"], "new_start_time") \
            if str(payload.get("new_start_time") or "").strip() else activity.start_time
        new_end = parse_time(payload["new_end_time"], "new_end_time") \
            if str(payload.get("new_end_time") or "").strip() else activity.end_time
        check_times(new_start, new_end)
    if children:
        known = set(db.exec(select(ChildLocation.child_id).where(
            ChildLocation.location_id == activity.location_id, col(ChildLocation.child_id).in_(children))).all())
        for child_id in children:
            if child_id not in known:
                audit.record_denied(db, actor, str(Action.ACTIVITEIT_REGISTREREN), object_type="kind",
                                    object_id=child_id, location_id=activity.location_id)
                _fail(texts.FOUT_KIND_NIET_BIJ_LOCATIE, "children")

    # Everything is checked: write it all in one transaction.
    moved = None
    if new_day is not None:
        moved = Activity(series_id=activity.series_id, organisation_id=activity.organisation_id,
                         location_id=activity.location_id, day=new_day, start_time=new_start, end_time=new_end,
                         planned_children=activity.planned_children, moved_from_id=activity.id)
        db.add(moved)
        db.flush()
    registration = ActivityRegistration(
        client_uuid=client_uuid, activity_id=activity.id, status=status, reason=reason, new_day=new_day,
        new_activity_id=moved.id if moved else None, note=note, children_count=len(children),
        anonymous_count=sum(tally.values()), by_id=actor.id, at=utcnow())
    db.add(registration)
    try:
        db.flush()
    except IntegrityError:
        db.rollback()  # the same registration arrived twice at once, or another one was first
        existing = db.exec(select(ActivityRegistration)
                           .where(ActivityRegistration.client_uuid == client_uuid)).first()
        if existing is not None:
            return _replay(actor, db, existing)
        current = db.get(Activity, activity.id)
        _fail(texts.FOUT_ACTIVITEIT_AL_GEREGISTREERD.format(
            status=texts.ACTIVITEIT_STATUS_LABELS.get(current.status, current.status).lower()), "activity_id")
    db.add_all([ActivityChild(activity_id=activity.id, child_id=c) for c in children])
    db.add_all([ActivityTally(activity_id=activity.id, age_band=band, gender=gender, count=n)
                for (band, gender), n in tally.items()])
    db.add_all([ActivityObservation(activity_id=activity.id, theme=t, text=text) for t, text in observations.items()])
    activity.status = status
    db.add(activity)
    audit.record(db, actor, "activiteit.geregistreerd", object_type="activiteit", object_id=activity.id,
                 location_id=activity.location_id,
                 detail=f"registratie={registration.id};status={status};kinderen={len(children)};"
                        f"anoniem={registration.anonymous_count};observaties={len(observations)}"
                        + (f";nieuw={moved.id}" if moved else ""))
    for child_id in children:
        audit.record(db, actor, "activiteit.kind_aanwezig", object_type="activiteit", object_id=activity.id,
                     child_id=child_id, location_id=activity.location_id, detail=f"registratie={registration.id}")
    db.commit()
    return _result(registration, True)
