"""Aanmeldingen (incoming referrals) of a child for a huiskamer: registering one, the wachtlijst
of a location and withdrawing a referral. Needs AANMELDING_BEHEREN on the location; audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ... import texts
from ...models import Child, ChildLocation, Family, Goal, Guardian, Location, ReferralIn
from ...models.referrals import REFERRER_KINDS
from ..common.cleaning import clean_phone, clean_text, client_uuid_of, parse_day
from ..common.clock import local_today
from ..common.errors import InvalidInput, NotFound, PermissionDenied
from ..kinderen.child_status import OPEN_STATUSES, active_enrolments, settle_child_status
from ..kinderen.children import age_on
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action, Target, authorize

MIN_AGE, MAX_AGE = 4, 12  # the dagarrangement is for children of 4 up to and including 12
MAX_REASON = 2000
MAX_REFERRER_NAME = 200
MAX_WITHDRAW_REASON = 300  # ReferralIn.closed_reason

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
        # An anonymised child (retention, domain/bewaren) cannot be referred again: a new record.
        if child is None or child.organisation_id != actor.organisation_id or child.anonymised_at is not None:
            audit.record_denied(db, actor, str(Action.AANMELDING_BEHEREN), object_type="kind",
                                object_id=child_raw, location_id=location_id)
            raise PermissionDenied(texts.GEEN_TOEGANG)
        # Need-to-know: an existing child can be referred only by someone who may already see the
        # child (a colleague at one of the child's locations), not by guessing ids.
        from ..kinderen.children import child_target

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
