"""A child's record (dossier) for the child's page: personal details, family, who may pick the
child up, going home alone, consents, placements and siblings. Reading needs KIND_LEZEN on the
child's locations, changing KIND_WIJZIGEN; both audited in the same transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, select

from ... import texts
from ...models import Child, ChildLocation, Location, PickupPerson
from ..common.cleaning import clean_phone, clean_text, parse_day, weekdays_label
from ..common.clock import local_today
from ..common.search import search_key
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action, can
from . import consents as consent_domain
from . import households
from .child_status import active_enrolments
from .children import age_on, child_for_change, child_target, load_child
from .consents import ConsentEntry


@dataclass(frozen=True)
class PersonView:
    """A guardian or a pickup person (id is the Guardian or PickupPerson id)."""

    id: int
    name: str
    relation: str
    phone: str
    line: str = ""  # a pickup person: "... — toestemming van ... (vader), 3 november 2026"


@dataclass(frozen=True)
class GuardianView:
    id: int
    name: str
    relation: str
    phone: str
    email: str
    parental_authority: bool
    may_collect: bool
    collect_note: str


@dataclass(frozen=True)
class HouseholdView:
    """One of the child's households: the main one (hoofdverblijf) first."""

    id: int
    name: str
    address: str
    main: bool
    guardians: list[GuardianView] = field(default_factory=list)


# A consent on the child's record: see domain/kinderen/consents.py.
ConsentView = ConsentEntry


@dataclass(frozen=True)
class PlacementView:
    location_id: int
    location_name: str
    location_kind: str
    weekdays: list[int]  # of the running placement; [] when only known there
    weekdays_label: str  # "maandag, woensdag"; "" when not placed
    start_date: date | None


@dataclass(frozen=True)
class SiblingView:
    id: int
    name: str
    can_open: bool  # the actor may open the sibling's record (shares a location with it)


@dataclass(frozen=True)
class ChildRecord:
    id: int
    name: str
    first_name: str
    last_name: str
    date_of_birth: date
    age: int
    school_name: str
    school_group: str
    neighbourhood: str
    status: str
    status_label: str
    may_go_home_alone: bool
    home_alone_allowed_by: str
    home_alone_allowed_on: date | None
    left_on: date | None
    left_reason: str
    guardians: list[PersonView] = field(default_factory=list)
    pickup_persons: list[PersonView] = field(default_factory=list)
    # The current answer per kind first, then the earlier ones newest first (consents.entries).
    consents: list[ConsentView] = field(default_factory=list)
    consent_warnings: list[str] = field(default_factory=list)  # registration or home alone withdrawn
    home_alone_withdrawn_on: date | None = None
    locations: list[PlacementView] = field(default_factory=list)
    siblings: list[SiblingView] = field(default_factory=list)
    households: list[HouseholdView] = field(default_factory=list)
    collect_warnings: list[str] = field(default_factory=list)  # a guardian barred from collecting
    home_alone_guardian_id: int | None = None


def child_record(actor: Actor, db: Session, child_id: int, today: date | None = None) -> ChildRecord:
    """Everything on the child's page except timeline and goals. Audited 'kind.dossier_gelezen'."""
    today = today or local_today()
    child = load_child(actor, db, child_id)
    all_guardians = households.guardians_of(db, child)
    guardians = [PersonView(g.id, g.name, g.relation, g.phone) for g in all_guardians]
    homes = [HouseholdView(f.id, f.name, f.address, f.id == child.family_id, [
        GuardianView(g.id, g.name, g.relation, g.phone, g.email, g.parental_authority, g.may_collect, g.collect_note)
        for g in all_guardians if g.family_id == f.id]) for f in households.households_of(db, child)]
    siblings, seen = [], {child.id}
    for home in homes:
        for sibling in households.children_of_household(db, home.id):
            if sibling.id in seen or sibling.organisation_id != child.organisation_id:
                continue
            seen.add(sibling.id)
            siblings.append(SiblingView(sibling.id, sibling.full_name,
                                        can(actor, Action.KIND_LEZEN, child_target(db, sibling))))
    rules = households.collect_rules(db, [child])[child.id]
    lines = {search_key(c.name): c.line for c in rules.collectors}
    pickups = [PersonView(p.id, p.name, p.relation, p.phone, lines.get(search_key(p.name), ""))
               for p in db.exec(select(PickupPerson).where(PickupPerson.child_id == child.id)
                                .order_by(PickupPerson.id)).all()]
    consents = consent_domain.entries(db, child.id)
    running = {e.location_id: e for e in active_enrolments(db, child.id)}
    placements = []
    for location in db.exec(select(Location).join(ChildLocation, ChildLocation.location_id == Location.id)
                            .where(ChildLocation.child_id == child.id).order_by(Location.name)).all():
        enrolment = running.get(location.id)
        days = sorted(enrolment.weekday_set()) if enrolment else []
        placements.append(PlacementView(location.id, location.name, location.kind, days,
                                        weekdays_label(days) if days else "",
                                        enrolment.start_date if enrolment else None))
    record = ChildRecord(
        id=child.id, name=child.full_name, first_name=child.first_name, last_name=child.last_name,
        date_of_birth=child.date_of_birth, age=age_on(child.date_of_birth, today),
        school_name=child.school_name, school_group=child.school_group, neighbourhood=child.neighbourhood,
        status=child.status, status_label=texts.CHILD_STATUS_LABELS.get(child.status, child.status),
        may_go_home_alone=child.may_go_home_alone, home_alone_allowed_by=child.home_alone_allowed_by,
        home_alone_allowed_on=child.home_alone_allowed_on, left_on=child.left_on, left_reason=child.left_reason,
        guardians=guardians, pickup_persons=pickups, consents=consents, locations=placements, siblings=siblings,
        consent_warnings=consent_domain.warnings([c for c in consents if c.current]),
        home_alone_withdrawn_on=consent_domain.home_alone_withdrawn(db, [child.id]).get(child.id),
        households=homes, collect_warnings=rules.warnings, home_alone_guardian_id=child.home_alone_guardian_id,
    )
    audit.record(db, actor, "kind.dossier_gelezen", object_type="kind", object_id=child.id, child_id=child.id)
    db.commit()
    return record


def _load_for_change(actor: Actor, db: Session, child_id: int) -> Child:
    # The same rule as every other change: an anonymised child (retention) is no one's record.
    return child_for_change(actor, db, child_id, Action.KIND_WIJZIGEN)


def set_home_alone(actor: Actor, db: Session, child_id: int, allowed: bool, allowed_by: str = "",
                   allowed_on: date | str | None = None) -> None:
    """Record whether the child may go home alone. Allowing needs the name of the parent/guardian
    who gave permission (allowed_by) and the date (default today, not in the future); withdrawing
    clears both on the child. Either is also an answer on the consent history
    (consents.py, kind zelfstandig_naar_huis): allowing adds one, withdrawing withdraws the current
    one today. The audit log keeps who changed it and when."""
    child = _load_for_change(actor, db, child_id)
    today = local_today()
    if allowed:
        by = clean_text(allowed_by, "allowed_by", 200, required=True, veld="de naam",
                        required_message=texts.FOUT_ZELFSTANDIG_WIE)
        on = parse_day(allowed_on, "allowed_on", default=today, not_after=today)
        consent_domain.add_answer(db, actor, child, kind=consent_domain.HOME_ALONE, given=True, given_by=by,
                                  given_on=on)
    else:
        current = consent_domain.current_consent(db, child.id, consent_domain.HOME_ALONE)
        if current is not None and consent_domain.status_of(current) == "gegeven":
            consent_domain.withdraw_answer(db, actor, child, current, withdrawn_on=max(today, current.given_on),
                                           withdrawn_by="")
        consent_domain.sync_home_alone(db, child)
    db.add(child)
    audit.record(db, actor, "kind.zelfstandig_naar_huis", object_type="kind", object_id=child.id,
                 child_id=child.id, detail=f"toegestaan={int(bool(allowed))}")
    db.commit()


def add_pickup_person(actor: Actor, db: Session, child_id: int, name: str, relation: str = "",
                      phone: str = "", allowed_by: int | str | None = None,
                      allowed_on: date | str | None = None) -> int:
    """Add someone who may pick the child up, with the guardian who allowed it (one of the child's
    households, with authority and not barred from collecting) and the day (default today).
    Returns the PickupPerson id; a person of the same name already on the list is returned as is
    (a double tap stores nothing twice)."""
    child = _load_for_change(actor, db, child_id)
    name = clean_text(name, "name", 200, required=True, veld="de naam")
    relation = clean_text(relation, "relation", 40, veld="de relatie")
    phone = clean_phone(phone, "phone")
    guardian = households.allowing_guardian(db, child, allowed_by)
    on = households.allowed_day(allowed_on, local_today())
    for person in db.exec(select(PickupPerson).where(PickupPerson.child_id == child.id)).all():
        if person.name.casefold() == name.casefold():
            return person.id
    person = PickupPerson(child_id=child.id, name=name, relation=relation, phone=phone,
                          allowed_by_guardian_id=guardian.id, allowed_on=on)
    db.add(person)
    db.flush()
    audit.record(db, actor, "kind.ophaler_toegevoegd", object_type="kind", object_id=child.id,
                 child_id=child.id, detail=f"ophaler={person.id};toestemming={guardian.id}")
    db.commit()
    return person.id
