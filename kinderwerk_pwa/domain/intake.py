"""The dagarrangement path of a child: aanmelding -> wachtlijst -> intake -> actief (geplaatst)
-> uitgestroomd, or ingetrokken on the way.

Every function takes the actor first and checks AANMELDING_BEHEREN on the huiskamer concerned.
Every read or write of a child's data is audited in the same transaction as the change.

The child's status follows from its referrals and placements (see `settle_child_status`): one
child can be known at several locations, so the status is derived from all of them rather than
overwritten by whichever step happened last.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from .. import texts
from ..models import Child, ChildLocation, Enrolment, Family, Goal, Guardian, Location, ReferralIn
from ..models.referrals import REFERRER_KINDS
from . import audit
from .actor import Actor
from .children import age_on
from .clock import local_today
from .errors import InvalidInput, NotFound, PermissionDenied
from .permissions import Action, Target, authorize

MIN_AGE, MAX_AGE = 4, 12  # the dagarrangement is for children of 4 up to and including 12
MAX_REASON = 2000
MAX_REFERRER_NAME = 200
MAX_GOALS_AT_INTAKE = 5
MAX_GOAL_TITLE = 200
MAX_END_REASON = 200  # Enrolment.end_reason and Child.left_reason
MAX_WITHDRAW_REASON = 300  # ReferralIn.closed_reason
OPEN_STATUSES = ("wachtlijst", "intake")
WEEKDAYS_ALLOWED = range(1, 6)  # maandag .. vrijdag
_PHONE = re.compile(r"^[0-9 +()\-]*$")

# New-child fields: payload key -> (max length, required, Dutch field name for messages)
_CHILD_FIELDS = {
    "first_name": (100, True, "de voornaam"),
    "last_name": (100, True, "de achternaam"),
    "school_name": (200, False, "de school"),
    "school_group": (20, False, "de groep"),
    "neighbourhood": (100, False, "de wijk"),
    "guardian_name": (200, True, "de naam van de ouder of verzorger"),
    "guardian_relation": (40, False, "de relatie van de ouder of verzorger"),
    "guardian_phone": (40, False, "het telefoonnummer"),
}


# ---- small shared helpers (also used by goals.py and child_record.py) ----------------------

def client_uuid_of(payload: dict) -> str:
    try:
        return str(uuid.UUID(str(payload.get("client_uuid", ""))))
    except ValueError as exc:
        raise InvalidInput(texts.FOUT_KENMERK, {"client_uuid": texts.FOUT_KENMERK}) from exc


def parse_day(value, field: str, *, default: date | None = None, not_after: date | None = None) -> date:
    """A date from a date object or an ISO string ('2026-11-27'); empty -> default.
    Raises InvalidInput (for `field`) when unreadable, missing without default, or after `not_after`."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if default is None:
            raise InvalidInput(texts.FOUT_DATUM, {field: texts.FOUT_DATUM})
        day = default
    elif isinstance(value, date) and not hasattr(value, "hour"):
        day = value
    else:
        try:
            day = date.fromisoformat(str(value).strip())
        except ValueError as exc:
            raise InvalidInput(texts.FOUT_DATUM, {field: texts.FOUT_DATUM}) from exc
    if not_after is not None and day > not_after:
        raise InvalidInput(texts.FOUT_DATUM_TOEKOMST, {field: texts.FOUT_DATUM_TOEKOMST})
    return day


def clean_text(value, field: str, limit: int, *, required: bool = False, veld: str = "",
               required_message: str | None = None) -> str:
    text = str(value or "").strip()
    if required and not text:
        message = required_message or texts.FOUT_VERPLICHT.format(veld=veld)
        raise InvalidInput(message, {field: message})
    if len(text) > limit:
        message = texts.FOUT_TE_LANG.format(n=limit, veld=veld)
        raise InvalidInput(message, {field: message})
    return text


def clean_phone(value, field: str) -> str:
    phone = clean_text(value, field, 40, veld="het telefoonnummer")
    if not _PHONE.match(phone):
        raise InvalidInput(texts.FOUT_TELEFOON, {field: texts.FOUT_TELEFOON})
    return phone


def weekdays_label(weekdays: str | set[int] | list[int]) -> str:
    """'1,3' -> 'maandag, woensdag'."""
    days = sorted({int(d) for d in weekdays.split(",") if d} if isinstance(weekdays, str) else set(weekdays))
    return ", ".join(texts.WEEKDAYS[d] for d in days)


def active_enrolments(db: Session, child_id: int, location_id: int | None = None) -> list[Enrolment]:
    """Placements that have not been ended."""
    stmt = select(Enrolment).where(Enrolment.child_id == child_id, Enrolment.end_date.is_(None))
    if location_id is not None:
        stmt = stmt.where(Enrolment.location_id == location_id)
    return list(db.exec(stmt.order_by(Enrolment.start_date, Enrolment.id)).all())


def settle_child_status(db: Session, child: Child) -> str:
    """Derive child.status from all its placements and referrals:
    a running placement -> actief; else an open referral after intake -> intake; else one on the
    waitlist -> wachtlijst; else once left (left_on set) -> uitgestroomd; else bekend."""
    if active_enrolments(db, child.id):
        status = "actief"
    else:
        open_statuses = set(db.exec(select(ReferralIn.status).where(
            ReferralIn.child_id == child.id, ReferralIn.status.in_(OPEN_STATUSES))).all())
        if "intake" in open_statuses:
            status = "intake"
        elif "wachtlijst" in open_statuses:
            status = "wachtlijst"
        elif child.left_on is not None:
            status = "uitgestroomd"
        else:
            status = "bekend"
    child.status = status
    db.add(child)
    return status


def _referral_target(db: Session, referral: ReferralIn) -> Target:
    location = db.get(Location, referral.location_id)
    return Target(location.organisation_id if location else -1, frozenset({referral.location_id}),
                  object_type="aanmelding", object_id=referral.id, child_id=referral.child_id)


def _load_referral(actor: Actor, db: Session, referral_id: int) -> ReferralIn:
    referral = db.get(ReferralIn, referral_id)
    if referral is None:
        audit.record_denied(db, actor, str(Action.AANMELDING_BEHEREN), object_type="aanmelding",
                            object_id=referral_id)
        raise NotFound(texts.NIET_GEVONDEN)
    authorize(actor, db, Action.AANMELDING_BEHEREN, _referral_target(db, referral))
    return referral


def _closed_message(referral: ReferralIn) -> str:
    return texts.FOUT_AANMELDING_GESLOTEN.format(
        status=texts.REFERRAL_STATUS_LABELS.get(referral.status, referral.status).lower())


# ---- aanmelding ----------------------------------------------------------------------------

def register_referral(actor: Actor, db: Session, payload: dict) -> int:
    """Register an aanmelding for the dagarrangement at one of the actor's huiskamers; returns the
    ReferralIn id. Either `child_id` (an existing child of the organisation) or the new-child
    fields (first_name, last_name, date_of_birth, school_name, school_group, neighbourhood,
    guardian_name, guardian_relation, guardian_phone), which create Family + Guardian + Child.
    Idempotent on client_uuid: a replay returns the stored referral and writes nothing."""
    client_uuid = client_uuid_of(payload)
    existing = db.exec(select(ReferralIn).where(ReferralIn.client_uuid == client_uuid)).first()
    if existing is not None:
        authorize(actor, db, Action.AANMELDING_BEHEREN, _referral_target(db, existing))
        return existing.id
    location_raw = payload.get("location_id")
    location_id = int(location_raw) if str(location_raw or "").isdigit() else None
    if location_id is None:
        raise InvalidInput(texts.FOUT_LOCATIE, {"location_id": texts.FOUT_LOCATIE})
    location = db.get(Location, location_id)
    authorize(actor, db, Action.AANMELDING_BEHEREN,
              Target(location.organisation_id if location else -1, frozenset({location_id}),
                     object_type="aanmelding"))
    if location.kind != "huiskamer" or not location.active:
        raise InvalidInput(texts.FOUT_GEEN_HUISKAMER, {"location_id": texts.FOUT_GEEN_HUISKAMER})

    today = local_today()
    errors: dict[str, str] = {}

    def check(fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except InvalidInput as exc:
            errors.update(exc.fields or {"_": exc.message})
            return None

    referrer_kind = str(payload.get("referrer_kind") or "")
    if referrer_kind not in REFERRER_KINDS:
        errors["referrer_kind"] = texts.FOUT_VERWIJZER
    referrer_name = check(clean_text, payload.get("referrer_name"), "referrer_name", MAX_REFERRER_NAME,
                          veld="de naam van de aanmelder")
    reason = check(clean_text, payload.get("reason"), "reason", MAX_REASON, required=True,
                   veld="de reden van aanmelding", required_message=texts.FOUT_REDEN_AANMELDING)
    received_on = check(parse_day, payload.get("received_on"), "received_on", default=today, not_after=today)

    child_raw = payload.get("child_id")
    child: Child | None = None
    new_child: dict[str, str] = {}
    birth: date | None = None
    if child_raw not in (None, ""):
        child = db.get(Child, int(child_raw)) if str(child_raw).isdigit() else None
        if child is None or child.organisation_id != actor.organisation_id:
            audit.record_denied(db, actor, str(Action.AANMELDING_BEHEREN), object_type="kind",
                                object_id=child_raw, location_id=location_id)
            raise PermissionDenied(texts.GEEN_TOEGANG)
        # Need-to-know: an existing child can be referred only by someone who may already see the
        # child (a colleague at one of the child's locations), not by guessing ids.
        from .timeline import child_target

        authorize(actor, db, Action.KIND_LEZEN, child_target(db, child))
        birth = child.date_of_birth
    else:
        for key, (limit, required, veld) in _CHILD_FIELDS.items():
            value = check(clean_text, payload.get(key), key, limit, required=required, veld=veld)
            new_child[key] = value or ""
        if not errors.get("guardian_phone"):
            check(clean_phone, new_child["guardian_phone"], "guardian_phone")
        birth = check(parse_day, payload.get("date_of_birth"), "date_of_birth", not_after=today)
        if birth is None and "date_of_birth" in errors:
            errors["date_of_birth"] = texts.FOUT_GEBOORTEDATUM
    if birth is not None and received_on is not None:
        age = age_on(birth, received_on)
        if not MIN_AGE <= age <= MAX_AGE:
            errors["date_of_birth"] = texts.FOUT_LEEFTIJD_DAGARRANGEMENT.format(leeftijd=age)
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors)

    if child is not None:
        if active_enrolments(db, child.id, location_id):
            raise InvalidInput(texts.FOUT_KIND_AL_GEPLAATST, {"child_id": texts.FOUT_KIND_AL_GEPLAATST})
        already = db.exec(select(ReferralIn.id).where(
            ReferralIn.child_id == child.id, ReferralIn.location_id == location_id,
            ReferralIn.status.in_(OPEN_STATUSES))).first()
        if already is not None:
            raise InvalidInput(texts.FOUT_KIND_AL_AANGEMELD, {"child_id": texts.FOUT_KIND_AL_AANGEMELD})
    else:
        family = Family(organisation_id=actor.organisation_id,
                        name=texts.FAMILY_NAME.format(achternaam=new_child["last_name"]))
        db.add(family)
        db.flush()
        db.add(Guardian(family_id=family.id, name=new_child["guardian_name"],
                        relation=new_child["guardian_relation"] or texts.GUARDIAN_RELATION_DEFAULT,
                        phone=new_child["guardian_phone"]))
        child = Child(organisation_id=actor.organisation_id, family_id=family.id,
                      first_name=new_child["first_name"], last_name=new_child["last_name"],
                      date_of_birth=birth, school_name=new_child["school_name"],
                      school_group=new_child["school_group"], neighbourhood=new_child["neighbourhood"],
                      status="wachtlijst")
        db.add(child)
        db.flush()
    if db.get(ChildLocation, (child.id, location_id)) is None:
        db.add(ChildLocation(child_id=child.id, location_id=location_id))
    referral = ReferralIn(client_uuid=client_uuid, child_id=child.id, location_id=location_id,
                          referrer_kind=referrer_kind, referrer_name=referrer_name, reason=reason,
                          received_on=received_on, status="wachtlijst", created_by_id=actor.id)
    db.add(referral)
    try:
        db.flush()
    except IntegrityError:
        # The same aanmelding arrived twice at once: keep the first.
        db.rollback()
        return db.exec(select(ReferralIn).where(ReferralIn.client_uuid == client_uuid)).one().id
    settle_child_status(db, child)
    audit.record(db, actor, "aanmelding.geregistreerd", object_type="aanmelding", object_id=referral.id,
                 child_id=child.id, location_id=location_id,
                 detail=f"verwijzer={referrer_kind};nieuw_kind={int(not child_raw)}")
    db.commit()
    return referral.id


# ---- wachtlijst ----------------------------------------------------------------------------

@dataclass(frozen=True)
class WaitRow:
    referral_id: int
    child_id: int
    name: str
    age: int
    referrer_kind: str
    referrer_label: str
    received_on: date
    waiting_days: int
    status: str  # wachtlijst / intake
    status_label: str


def waitlist(actor: Actor, db: Session, location_id: int, today: date | None = None) -> list[WaitRow]:
    """Open aanmeldingen of a huiskamer (waiting, or intake held but not yet placed), oldest
    first. Audited as one read."""
    today = today or local_today()
    location = db.get(Location, location_id)
    authorize(actor, db, Action.AANMELDING_BEHEREN,
              Target(location.organisation_id if location else -1, frozenset({location_id}),
                     object_type="wachtlijst", object_id=location_id))
    rows = db.exec(
        select(ReferralIn, Child)
        .join(Child, Child.id == ReferralIn.child_id)
        .where(ReferralIn.location_id == location_id, ReferralIn.status.in_(OPEN_STATUSES))
        .order_by(ReferralIn.received_on, ReferralIn.id)
    ).all()
    result = [
        WaitRow(
            referral_id=referral.id, child_id=child.id, name=child.full_name,
            age=age_on(child.date_of_birth, today), referrer_kind=referral.referrer_kind,
            referrer_label=texts.REFERRER_KIND_LABELS.get(referral.referrer_kind, referral.referrer_kind),
            received_on=referral.received_on, waiting_days=(today - referral.received_on).days,
            status=referral.status, status_label=texts.REFERRAL_STATUS_LABELS[referral.status],
        )
        for referral, child in rows
    ]
    audit.record(db, actor, "aanmelding.wachtlijst_gelezen", object_type="wachtlijst", object_id=location_id,
                 location_id=location_id, detail=f"aantal={len(result)}")
    db.commit()
    return result


# ---- intake --------------------------------------------------------------------------------

def clean_goal_title(value, field: str = "title") -> str:
    title = str(value or "").strip()
    if not title:
        raise InvalidInput(texts.FOUT_LEERDOEL_LEEG, {field: texts.FOUT_LEERDOEL_LEEG})
    if len(title) > MAX_GOAL_TITLE:
        message = texts.FOUT_LEERDOEL_TE_LANG.format(n=MAX_GOAL_TITLE)
        raise InvalidInput(message, {field: message})
    return title


def _clean_goal_titles(raw) -> list[str]:
    if isinstance(raw, str):
        raw = raw.splitlines()
    raw = list(raw or [])
    if not raw:
        raise InvalidInput(texts.FOUT_GEEN_LEERDOELEN, {"goals": texts.FOUT_GEEN_LEERDOELEN})
    titles: dict[str, str] = {}  # case-insensitive de-duplication, first spelling kept
    for value in raw:
        title = clean_goal_title(value, "goals")
        titles.setdefault(title.casefold(), title)
    if len(titles) > MAX_GOALS_AT_INTAKE:
        message = texts.FOUT_TE_VEEL_LEERDOELEN.format(n=MAX_GOALS_AT_INTAKE)
        raise InvalidInput(message, {"goals": message})
    return list(titles.values())


def record_intake(actor: Actor, db: Session, referral_id: int, payload: dict) -> list[int]:
    """Record the intakegesprek: the date and 1..5 leerdoelen agreed with parent and child.
    Returns the ids of the goals, in the order given.

    Idempotency: Goal has no client_uuid column, and an intake happens once per aanmelding. So a
    second call for a referral that already has intake_on is a replay when the intake date is the
    same and every goal title is already a goal of this child at this location starting on that
    date; it then returns those goals and writes nothing. Any other second intake is refused
    (extra goals go through goals.add_goal)."""
    client_uuid_of(payload)  # must be well-formed, like every write from a device
    referral = _load_referral(actor, db, referral_id)
    today = local_today()
    intake_on = parse_day(payload.get("intake_on"), "intake_on", default=today, not_after=today)
    titles = _clean_goal_titles(payload.get("goals"))
    if referral.intake_on is not None:
        existing = {g.title.casefold(): g.id for g in db.exec(select(Goal).where(
            Goal.child_id == referral.child_id, Goal.location_id == referral.location_id,
            Goal.start_date == referral.intake_on)).all()}
        if referral.intake_on == intake_on and all(t.casefold() in existing for t in titles):
            return [existing[t.casefold()] for t in titles]
        raise InvalidInput(texts.FOUT_INTAKE_AL_GEDAAN)
    if referral.status != "wachtlijst":
        raise InvalidInput(_closed_message(referral))
    if intake_on < referral.received_on:
        message = texts.FOUT_INTAKE_VOOR_AANMELDING.format(datum=referral.received_on.strftime("%d-%m-%Y"))
        raise InvalidInput(message, {"intake_on": message})
    goals = [Goal(child_id=referral.child_id, location_id=referral.location_id, title=title,
                  start_date=intake_on, status="actief", created_by_id=actor.id) for title in titles]
    db.add_all(goals)
    referral.status, referral.intake_on, referral.intake_by_id = "intake", intake_on, actor.id
    db.add(referral)
    db.flush()
    child = db.get(Child, referral.child_id)
    settle_child_status(db, child)
    audit.record(db, actor, "aanmelding.intake", object_type="aanmelding", object_id=referral.id,
                 child_id=referral.child_id, location_id=referral.location_id,
                 detail=f"leerdoelen={','.join(str(g.id) for g in goals)}")
    db.commit()
    return [g.id for g in goals]


# ---- plaatsing -----------------------------------------------------------------------------

def _clean_weekdays(raw) -> list[int]:
    if isinstance(raw, str):
        raw = [p for p in raw.replace(" ", "").split(",") if p]
    days: set[int] = set()
    for value in list(raw or []):
        if isinstance(value, bool) or not str(value).strip().isdigit():
            raise InvalidInput(texts.FOUT_WEEKDAG, {"weekdays": texts.FOUT_WEEKDAG})
        day = int(str(value).strip())
        if day not in WEEKDAYS_ALLOWED:
            raise InvalidInput(texts.FOUT_WEEKDAG, {"weekdays": texts.FOUT_WEEKDAG})
        days.add(day)
    if not days:
        raise InvalidInput(texts.FOUT_GEEN_WEEKDAGEN, {"weekdays": texts.FOUT_GEEN_WEEKDAGEN})
    return sorted(days)


def place_child(actor: Actor, db: Session, referral_id: int, payload: dict) -> int:
    """Place the child at the referral's huiskamer on fixed weekdays (1=maandag .. 5=vrijdag) from
    start_date (default today; may lie in the future). Returns the Enrolment id. Refused when the
    child already has a running placement there, or before the intake."""
    referral = _load_referral(actor, db, referral_id)
    weekdays = _clean_weekdays(payload.get("weekdays"))
    start_date = parse_day(payload.get("start_date"), "start_date", default=local_today())
    if active_enrolments(db, referral.child_id, referral.location_id):
        raise InvalidInput(texts.FOUT_KIND_AL_GEPLAATST)
    if referral.status == "wachtlijst":
        raise InvalidInput(texts.FOUT_EERST_INTAKE)
    if referral.status != "intake":
        raise InvalidInput(_closed_message(referral))
    if referral.intake_on and start_date < referral.intake_on:
        message = texts.FOUT_START_VOOR_INTAKE.format(datum=referral.intake_on.strftime("%d-%m-%Y"))
        raise InvalidInput(message, {"start_date": message})
    enrolment = Enrolment(child_id=referral.child_id, location_id=referral.location_id,
                          weekdays=",".join(str(d) for d in weekdays), start_date=start_date)
    db.add(enrolment)
    referral.status, referral.placed_on = "geplaatst", start_date
    db.add(referral)
    if db.get(ChildLocation, (referral.child_id, referral.location_id)) is None:
        db.add(ChildLocation(child_id=referral.child_id, location_id=referral.location_id))
    db.flush()
    child = db.get(Child, referral.child_id)
    child.left_on, child.left_reason = None, ""  # a child that comes back is no longer uitgestroomd
    settle_child_status(db, child)
    audit.record(db, actor, "aanmelding.geplaatst", object_type="aanmelding", object_id=referral.id,
                 child_id=referral.child_id, location_id=referral.location_id,
                 detail=f"plaatsing={enrolment.id};dagen={enrolment.weekdays}")
    db.commit()
    return enrolment.id


def end_placement(actor: Actor, db: Session, child_id: int, location_id: int, payload: dict) -> None:
    """End the child's running placement at a huiskamer (uitstroom): `reason` (required) and
    `end_date` (default today, not in the future, not before the start). Without another running
    placement the child becomes uitgestroomd, with left_on and left_reason."""
    child = db.get(Child, child_id)
    if child is None:
        audit.record_denied(db, actor, str(Action.AANMELDING_BEHEREN), object_type="kind", object_id=child_id,
                            location_id=location_id)
        raise NotFound(texts.NIET_GEVONDEN)
    known_at = set(db.exec(select(ChildLocation.location_id).where(ChildLocation.child_id == child.id)).all())
    # Only a location the child belongs to counts: another id never grants anything.
    authorize(actor, db, Action.AANMELDING_BEHEREN,
              Target(child.organisation_id, frozenset({location_id} & known_at), object_type="kind",
                     object_id=child.id, child_id=child.id))
    reason = clean_text(payload.get("reason"), "reason", MAX_END_REASON, required=True,
                        veld="de reden van uitstroom", required_message=texts.FOUT_REDEN_UITSTROOM)
    today = local_today()
    end_date = parse_day(payload.get("end_date"), "end_date", default=today, not_after=today)
    running = active_enrolments(db, child.id, location_id)
    if not running:
        raise InvalidInput(texts.FOUT_GEEN_PLAATSING)
    for enrolment in running:
        if end_date < enrolment.start_date:
            message = texts.FOUT_EINDE_VOOR_START.format(datum=enrolment.start_date.strftime("%d-%m-%Y"))
            raise InvalidInput(message, {"end_date": message})
    for enrolment in running:
        enrolment.end_date, enrolment.end_reason = end_date, reason
        db.add(enrolment)
    db.flush()
    if not active_enrolments(db, child.id):
        child.left_on, child.left_reason = end_date, reason
    settle_child_status(db, child)
    audit.record(db, actor, "aanmelding.uitgestroomd", object_type="kind", object_id=child.id,
                 child_id=child.id, location_id=location_id,
                 detail=f"plaatsingen={','.join(str(e.id) for e in running)};status={child.status}")
    db.commit()


def withdraw_referral(actor: Actor, db: Session, referral_id: int, reason: str) -> None:
    """Withdraw an open aanmelding (wachtlijst or after intake, before placement). Goals agreed at
    the intake stop when the child has no running placement at that huiskamer; the child's status
    falls back to what else there is (usually 'bekend')."""
    referral = _load_referral(actor, db, referral_id)
    reason = clean_text(reason, "reason", MAX_WITHDRAW_REASON, required=True, veld="de reden",
                        required_message=texts.FOUT_REDEN_INTREKKEN)
    if referral.status not in OPEN_STATUSES:
        raise InvalidInput(_closed_message(referral))
    referral.status, referral.closed_reason = "ingetrokken", reason
    db.add(referral)
    stopped = []
    if not active_enrolments(db, referral.child_id, referral.location_id):
        for goal in db.exec(select(Goal).where(Goal.child_id == referral.child_id,
                                               Goal.location_id == referral.location_id,
                                               Goal.status == "actief")).all():
            goal.status = "gestopt"
            db.add(goal)
            stopped.append(goal.id)
    db.flush()
    child = db.get(Child, referral.child_id)
    settle_child_status(db, child)
    audit.record(db, actor, "aanmelding.ingetrokken", object_type="aanmelding", object_id=referral.id,
                 child_id=referral.child_id, location_id=referral.location_id,
                 detail=f"leerdoelen_gestopt={len(stopped)};status={child.status}")
    db.commit()
