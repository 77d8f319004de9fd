"""Signals: capture (one idempotent way in), reading with need-to-know, corrections as versions,
and the accumulation alert."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ... import texts
from ...models import (
    AttendanceEvent,
    Child,
    ChildLocation,
    Location,
    MeldcodeTrack,
    Signal,
    SignalCorrection,
    StaffUser,
    utcnow,
)
from ...models.signals import SIGNAL_SOURCES
from ...settings import get_settings
from ..common.errors import InvalidInput, NotFound, PermissionDenied
from ..common.search import matches
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action, Target, authorize, can
from .signal_catalog import category_codes

MAX_FACTS = 2000
MAX_INTERPRETATION = 1000
MAX_PLACE = 200
MAX_DESCRIPTION = 300
FUTURE_TOLERANCE = timedelta(minutes=5)  # phone clocks drift a little


@dataclass(frozen=True)
class CaptureResult:
    signal_id: int
    created: bool
    accumulation: int = 0  # signals about this child in the alert period, when at the threshold


def _parse_time(value) -> datetime:
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value))
        except ValueError as exc:
            raise InvalidInput(texts.FOUT_TIJD_ONGELDIG, {"observed_at": texts.FOUT_TIJD_ONGELDIG}) from exc
    if moment.tzinfo is None:
        raise InvalidInput(texts.FOUT_TIJD_ONGELDIG, {"observed_at": texts.FOUT_TIJD_ONGELDIG})
    return moment


@dataclass
class _Clean:
    client_uuid: str
    child_id: int | None
    location_id: int | None
    unknown_description: str
    unknown_age: int | None
    categories: list[str]
    facts: str
    interpretation: str
    source: str
    observed_at: datetime
    place: str
    acute: bool
    errors: dict[str, str] = field(default_factory=dict)


def validate_capture(payload: dict, now: datetime | None = None) -> _Clean:
    """Check a capture payload; raise InvalidInput with Dutch messages per field."""
    now = now or utcnow()
    errors: dict[str, str] = {}
    try:
        client_uuid = str(uuid.UUID(str(payload.get("client_uuid", ""))))
    except ValueError:
        client_uuid = ""
        errors["client_uuid"] = texts.FOUT_CLIENT_UUID
    child_raw = payload.get("child_id")
    child_id = int(child_raw) if str(child_raw or "").isdigit() else None
    description = str(payload.get("unknown_description") or "").strip()
    age_raw = str(payload.get("unknown_age") if payload.get("unknown_age") is not None else "").strip()
    age = None
    if child_id is None:
        if not description:
            errors["child"] = texts.FOUT_GEEN_KIND
        elif len(description) > MAX_DESCRIPTION:
            errors["unknown_description"] = texts.FOUT_TE_LANG.format(n=MAX_DESCRIPTION, veld="de omschrijving")
        if age_raw:
            if not age_raw.isdigit() or not 0 <= int(age_raw) <= 18:
                errors["unknown_age"] = texts.FOUT_LEEFTIJD
            else:
                age = int(age_raw)
    categories = payload.get("categories") or []
    if isinstance(categories, str):
        categories = [c for c in categories.split(",") if c]
    categories = list(dict.fromkeys(str(c) for c in categories))
    known = set(category_codes())
    if not categories:
        errors["categories"] = texts.FOUT_GEEN_CATEGORIE
    elif unknown := [c for c in categories if c not in known]:
        errors["categories"] = texts.FOUT_ONBEKENDE_CATEGORIE.format(code=unknown[0][:40])
    facts = str(payload.get("facts") or "").strip()
    if not facts:
        errors["facts"] = texts.FOUT_FEITEN_LEEG
    elif len(facts) > MAX_FACTS:
        errors["facts"] = texts.FOUT_FEITEN_TE_LANG.format(n=MAX_FACTS)
    interpretation = str(payload.get("interpretation") or "").strip()
    if len(interpretation) > MAX_INTERPRETATION:
        errors["interpretation"] = texts.FOUT_INTERPRETATIE_TE_LANG.format(n=MAX_INTERPRETATION)
    source = str(payload.get("source") or "zelf_gezien")
    if source not in SIGNAL_SOURCES:
        errors["source"] = texts.FOUT_BRON
    place = str(payload.get("place") or "").strip()
    if len(place) > MAX_PLACE:
        errors["place"] = texts.FOUT_TE_LANG.format(n=MAX_PLACE, veld="de plaats")
    observed_at = now
    if payload.get("observed_at"):
        try:
            observed_at = _parse_time(payload["observed_at"])
            if observed_at > now + FUTURE_TOLERANCE:
                errors["observed_at"] = texts.FOUT_TOEKOMST
        except InvalidInput as exc:
            errors.update(exc.fields)
    location_raw = payload.get("location_id")
    location_id = int(location_raw) if str(location_raw or "").isdigit() else None
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors)
    return _Clean(client_uuid, child_id, location_id, description, age, categories, facts, interpretation,
                  source, observed_at, place, bool(payload.get("acute")))


def _child_location_for(actor: Actor, db: Session, child_id: int, preferred: int | None) -> int | None:
    """The location under which a signal about this child is filed: one that both the child and
    the actor belong to (the preferred one if it qualifies)."""
    locations = set(db.exec(select(ChildLocation.location_id).where(ChildLocation.child_id == child_id)).all())
    shared = locations & actor.location_ids
    if preferred in shared:
        return preferred
    return min(shared) if shared else (min(locations) if locations else None)


def capture_signal(actor: Actor, db: Session, payload: dict) -> CaptureResult:
    """The one way a signal enters (online form, offline queue, tests). Idempotent on client_uuid:
    a replay returns the stored signal and writes nothing."""
    clean = validate_capture(payload)
    existing = db.exec(select(Signal).where(Signal.client_uuid == clean.client_uuid)).first()
    if existing is not None:
        if existing.author_id != actor.id:
            # Someone else's id: never reveal or touch that signal.
            audit.record_denied(db, actor, "signaal.vastleggen", object_type="signaal", object_id=existing.id)
            raise PermissionDenied(texts.GEEN_TOEGANG)
        return CaptureResult(existing.id, created=False)
    if clean.child_id is not None:
        child = db.get(Child, clean.child_id)
        # An anonymised child (retention) is no one's record any more: nothing new is added to it.
        if child is None or child.organisation_id != actor.organisation_id or child.anonymised_at is not None:
            audit.record_denied(db, actor, "signaal.vastleggen", object_type="kind", object_id=clean.child_id)
            raise PermissionDenied(texts.GEEN_TOEGANG)
        location_id = _child_location_for(actor, db, child.id, clean.location_id)
        if location_id is None or location_id not in actor.location_ids:
            audit.record_denied(db, actor, "signaal.vastleggen", object_type="kind", object_id=child.id,
                                child_id=child.id)
            raise PermissionDenied(texts.FOUT_KIND_NIET_BIJ_LOCATIE)
    else:
        location_id = clean.location_id
        if location_id is None:
            raise InvalidInput(texts.FOUT_LOCATIE, {"location_id": texts.FOUT_LOCATIE})
    location = db.get(Location, location_id)
    authorize(actor, db, Action.SIGNAAL_VASTLEGGEN,
              Target(location.organisation_id if location else -1, frozenset({location_id}),
                     object_type="signaal", child_id=clean.child_id))
    signal = Signal(
        client_uuid=clean.client_uuid, organisation_id=actor.organisation_id, location_id=location_id,
        child_id=clean.child_id, unknown_description=clean.unknown_description if clean.child_id is None else "",
        unknown_age=clean.unknown_age if clean.child_id is None else None, author_id=actor.id,
        observed_at=clean.observed_at, place=clean.place or (location.name if location else ""),
        categories=",".join(clean.categories), facts=clean.facts, interpretation=clean.interpretation,
        source=clean.source, acute=clean.acute,
    )
    db.add(signal)
    try:
        db.flush()
    except IntegrityError:
        # The same capture arrived twice at once (online form and offline queue): keep the first.
        db.rollback()
        existing = db.exec(select(Signal).where(Signal.client_uuid == clean.client_uuid)).one()
        return CaptureResult(existing.id, created=False)
    audit.record(db, actor, "signaal.vastgelegd", object_type="signaal", object_id=signal.id,
                 child_id=signal.child_id, location_id=location_id,
                 detail=f"acuut={int(signal.acute)};categorieen={signal.categories}"[:300])
    db.commit()
    count = accumulation_count(db, signal.child_id) if signal.child_id else 0
    threshold = get_settings().signal_alert_count
    return CaptureResult(signal.id, created=True, accumulation=count if count >= threshold else 0)


def accumulation_count(db: Session, child_id: int, now: datetime | None = None) -> int:
    days = get_settings().signal_alert_days
    since = (now or utcnow()) - timedelta(days=days)
    return db.exec(select(func.count()).select_from(Signal).where(
        Signal.child_id == child_id, Signal.observed_at >= since)).one()


@dataclass(frozen=True)
class AccumulationAlert:
    child_id: int
    child_name: str
    location_id: int
    count: int
    days: int
    has_open_track: bool


def accumulation_alerts(actor: Actor, db: Session, now: datetime | None = None) -> list[AccumulationAlert]:
    """Children at the actor's locations with several signals in the period (default 3 in 30 days):
    a prompt for collegiale consultatie. For those who may see signal content there."""
    settings = get_settings()
    since = (now or utcnow()) - timedelta(days=settings.signal_alert_days)
    rows = db.exec(
        select(Signal.child_id, Signal.location_id, func.count())
        .where(Signal.child_id.is_not(None), Signal.observed_at >= since,
               Signal.location_id.in_(actor.location_ids or {-1}),
               Signal.organisation_id == actor.organisation_id)
        .group_by(Signal.child_id, Signal.location_id)
        .having(func.count() >= settings.signal_alert_count)
    ).all()
    alerts = []
    for child_id, location_id, count in rows:
        target = Target(actor.organisation_id, frozenset({location_id}), object_type="kind", child_id=child_id)
        if not can(actor, Action.SIGNAAL_INHOUD_LEZEN, target):
            continue
        child = db.get(Child, child_id)
        open_track = db.exec(select(MeldcodeTrack.id).where(MeldcodeTrack.child_id == child_id,
                                                            MeldcodeTrack.status == "open")).first()
        alerts.append(AccumulationAlert(child_id, child.full_name, location_id, count,
                                        settings.signal_alert_days, open_track is not None))
    if alerts:
        audit.record(db, actor, "signaal.stapeling_gelezen", object_type="overzicht",
                     detail=f"kinderen={','.join(str(a.child_id) for a in alerts)}"[:300])
        db.commit()
    return sorted(alerts, key=lambda a: (a.has_open_track, -a.count, a.child_name))


@dataclass(frozen=True)
class SignalView:
    id: int
    child_id: int | None
    child_label: str
    location_id: int
    location_name: str
    author_id: int
    author_name: str
    observed_at: datetime
    place: str
    categories: list[str]
    facts: str
    interpretation: str
    source: str
    acute: bool
    version: int
    track_id: int | None
    corrections: list[dict]


def _target_for(signal: Signal) -> Target:
    return Target(signal.organisation_id, frozenset({signal.location_id}), author_id=signal.author_id,
                  object_type="signaal", object_id=signal.id, child_id=signal.child_id)


def child_label(db: Session, signal: Signal) -> str:
    if signal.child_id:
        child = db.get(Child, signal.child_id)
        return child.full_name if child else ""
    return texts.SIGNAAL_KIND_ONBEKEND.format(omschrijving=signal.unknown_description)


def get_signal(actor: Actor, db: Session, signal_id: int) -> SignalView:
    """A signal's content, for its author and the aandachtsfunctionaris and teamleider of its
    location. Audited as a read."""
    signal = db.get(Signal, signal_id)
    if signal is None:
        audit.record_denied(db, actor, str(Action.SIGNAAL_INHOUD_LEZEN), object_type="signaal", object_id=signal_id)
        raise NotFound(texts.NIET_GEVONDEN)
    authorize(actor, db, Action.SIGNAAL_INHOUD_LEZEN, _target_for(signal))
    corrections = db.exec(select(SignalCorrection).where(SignalCorrection.signal_id == signal.id)
                          .order_by(SignalCorrection.version)).all()
    names = _names(db, {signal.author_id, *(c.by_id for c in corrections)})
    location = db.get(Location, signal.location_id)
    audit.record(db, actor, "signaal.gelezen", object_type="signaal", object_id=signal.id,
                 child_id=signal.child_id, location_id=signal.location_id)
    db.commit()
    return SignalView(
        id=signal.id, child_id=signal.child_id, child_label=child_label(db, signal),
        location_id=signal.location_id, location_name=location.name if location else "",
        author_id=signal.author_id, author_name=names.get(signal.author_id, ""), observed_at=signal.observed_at,
        place=signal.place, categories=signal.categories.split(","), facts=signal.facts,
        interpretation=signal.interpretation, source=signal.source, acute=signal.acute, version=signal.version,
        track_id=signal.track_id,
        corrections=[{"version": c.version, "by": names.get(c.by_id, ""), "at": c.at, "reason": c.reason,
                      "previous_facts": c.previous_facts, "previous_interpretation": c.previous_interpretation,
                      "previous_categories": c.previous_categories} for c in corrections],
    )


def _names(db: Session, ids) -> dict[int, str]:
    ids = {i for i in ids if i}
    if not ids:
        return {}
    return dict(db.exec(select(StaffUser.id, StaffUser.name).where(StaffUser.id.in_(ids))).all())


def correct_signal(actor: Actor, db: Session, signal_id: int, payload: dict) -> int:
    """A correction is a new version: the earlier text, who changed it and why stay readable.
    Idempotent on the correction's client_uuid. Returns the new version number."""
    signal = db.get(Signal, signal_id)
    if signal is None:
        raise NotFound(texts.NIET_GEVONDEN)
    authorize(actor, db, Action.SIGNAAL_CORRIGEREN, _target_for(signal))
    try:
        client_uuid = str(uuid.UUID(str(payload.get("client_uuid", ""))))
    except ValueError as exc:
        raise InvalidInput(texts.FOUT_CLIENT_UUID) from exc
    done = db.exec(select(SignalCorrection).where(SignalCorrection.client_uuid == client_uuid)).first()
    if done is not None:
        return done.version
    reason = str(payload.get("reason") or "").strip()
    if not reason:
        raise InvalidInput(texts.FOUT_REDEN_NODIG, {"reason": texts.FOUT_REDEN_NODIG})
    if len(reason) > 500:
        raise InvalidInput(texts.FOUT_TE_LANG.format(n=500, veld="de reden"), {"reason": "te lang"})
    clean = validate_capture({
        "client_uuid": client_uuid, "child_id": signal.child_id or "",
        "unknown_description": signal.unknown_description or "-",
        "categories": payload.get("categories") or signal.categories,
        "facts": payload.get("facts"), "interpretation": payload.get("interpretation", signal.interpretation),
        "source": signal.source, "observed_at": signal.observed_at,
    })
    db.add(SignalCorrection(
        client_uuid=client_uuid, signal_id=signal.id, version=signal.version + 1,
        previous_facts=signal.facts, previous_interpretation=signal.interpretation,
        previous_categories=signal.categories, reason=reason, by_id=actor.id,
    ))
    signal.version += 1
    signal.facts, signal.interpretation = clean.facts, clean.interpretation
    signal.categories = ",".join(clean.categories)
    db.add(signal)
    audit.record(db, actor, "signaal.gecorrigeerd", object_type="signaal", object_id=signal.id,
                 child_id=signal.child_id, location_id=signal.location_id, detail=f"versie={signal.version}")
    db.commit()
    return signal.version


@dataclass(frozen=True)
class ChildChoice:
    id: int
    name: str
    detail: str
    location_id: int


def capture_choices(actor: Actor, db: Session, query: str = "", today: date | None = None,
                    limit: int = 8) -> list[ChildChoice]:
    """Children to pick for a signal: recently seen at the actor's locations first (attendance
    in the last week and the actor's own recent signals), or name matches when typing."""
    if not actor.location_ids:
        return []
    authorize(actor, db, Action.SIGNAAL_VASTLEGGEN,
              Target(actor.organisation_id, actor.location_ids, object_type="kinderen"))
    base = (select(Child, ChildLocation.location_id)
            .join(ChildLocation, ChildLocation.child_id == Child.id)
            .where(ChildLocation.location_id.in_(actor.location_ids), Child.status != "uitgestroomd"))
    found = matches(Child.search_key, query)
    if found is not None:
        stmt = base.where(found)
        rows = db.exec(stmt.order_by(Child.first_name, Child.last_name).limit(limit * 3)).all()
    else:
        since = utcnow() - timedelta(days=7)
        seen = db.exec(
            select(AttendanceEvent.child_id, func.max(AttendanceEvent.at))
            # The day bound lets the (location_id, day) index skip a location's years of events;
            # a day early, so no event of the last 7 x 24 hours falls outside it in any time zone.
            .where(AttendanceEvent.location_id.in_(actor.location_ids),
                   AttendanceEvent.day >= (since - timedelta(days=1)).date(), AttendanceEvent.at >= since)
            .group_by(AttendanceEvent.child_id)).all()
        own = db.exec(select(Signal.child_id, func.max(Signal.created_at))
                      .where(Signal.author_id == actor.id, Signal.child_id.is_not(None), Signal.created_at >= since)
                      .group_by(Signal.child_id)).all()
        last: dict[int, datetime] = {}
        for child_id, moment in [*seen, *own]:
            if moment and (child_id not in last or moment > last[child_id]):
                last[child_id] = moment
        recent_ids = sorted(last, key=lambda c: last[c], reverse=True)[: limit * 3]
        rows = db.exec(base.where(Child.id.in_(recent_ids or [-1]))).all()
        rows = sorted(rows, key=lambda r: last.get(r[0].id, datetime.min), reverse=True)
        if len({r[0].id for r in rows}) < limit:
            extra = db.exec(base.order_by(Child.first_name).limit(limit * 2)).all()
            rows = [*rows, *extra]
    seen_ids: set[int] = set()
    result = []
    today = today or utcnow().date()
    for child, location_id in rows:
        if child.id in seen_ids:
            continue
        seen_ids.add(child.id)
        years = today.year - child.date_of_birth.year - (
            (today.month, today.day) < (child.date_of_birth.month, child.date_of_birth.day))
        result.append(ChildChoice(child.id, child.full_name, f"{years} jaar", location_id))
        if len(result) >= limit:
            break
    audit.record(db, actor, "kind.keuzelijst", object_type="kinderen", detail=f"aantal={len(result)}")
    db.commit()
    return result


@dataclass(frozen=True)
class AcuteRow:
    signal_id: int
    child_label: str
    observed_at: datetime
    author_name: str
    track_id: int | None


def acute_signals(actor: Actor, db: Session, days: int = 30) -> list[AcuteRow]:
    """Acute signals of the last weeks that are not in a closed track, for those who may read
    them (author, aandachtsfunctionaris, teamleider): they go on top of the worklist."""
    since = utcnow() - timedelta(days=days)
    signals = db.exec(select(Signal).where(Signal.acute.is_(True), Signal.observed_at >= since,
                                           Signal.organisation_id == actor.organisation_id)
                      .order_by(Signal.observed_at.desc())).all()
    rows = []
    for signal in signals:
        if not can(actor, Action.SIGNAAL_INHOUD_LEZEN, _target_for(signal)):
            continue
        if signal.track_id:
            track = db.get(MeldcodeTrack, signal.track_id)
            if track and track.status != "open":
                continue
        rows.append(AcuteRow(signal.id, child_label(db, signal), signal.observed_at,
                             _names(db, {signal.author_id}).get(signal.author_id, ""), signal.track_id))
    if rows:
        audit.record(db, actor, "signaal.acuut_lijst", object_type="overzicht", detail=f"aantal={len(rows)}")
        db.commit()
    return rows
