"""From referral to placement and out: recording the intake (with its first goals), placing the
child on weekdays (an Enrolment) and ending a placement. Needs AANMELDING_BEHEREN; audited.
"""

from __future__ import annotations

from sqlmodel import Session, select

from ... import texts
from ...models import Child, ChildLocation, Enrolment, Goal
from ..common.cleaning import (
    WEEKDAYS_ALLOWED,
    clean_goal_title,
    clean_text,
    client_uuid_of,
    parse_day,
)
from ..common.clock import local_today
from ..common.errors import InvalidInput, NotFound
from ..kinderen.child_status import active_enrolments, settle_child_status
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action, Target, authorize
from .referrals_in import _closed_message, _load_referral

MAX_GOALS_AT_INTAKE = 5
MAX_END_REASON = 200  # Enrolment.end_reason and Child.left_reason


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
    if child is None or child.anonymised_at is not None:
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
