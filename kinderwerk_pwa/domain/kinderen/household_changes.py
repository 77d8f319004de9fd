"""Changing a child's households (issue 16.3): add a further household with its guardians, and
record that a guardian may not collect the child (a court order). Needs KIND_WIJZIGEN on the child;
audited in the same transaction."""

from __future__ import annotations

from collections import defaultdict

from sqlmodel import Session, select

from ... import texts
from ...models import Child, ChildHousehold, ChildLocation, Family, Guardian
from ..common.cleaning import clean_phone, clean_text
from ..common.errors import InvalidInput, NotFound
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action, Target, can
from .children import child_for_change, child_target
from .households import children_of_household, household_ids


def _load_for_change(actor: Actor, db: Session, child_id) -> Child:
    return child_for_change(actor, db, child_id, Action.KIND_WIJZIGEN)


def may_see_household(actor: Actor, db: Session, family_id: int) -> bool:
    """Need-to-know: a household is the actor's to link only when the actor may already read one of
    its children (a brother or sister at one of the actor's locations). Linking shows its guardians,
    address and phones on the child's page, so an id alone must not open a stranger's household."""
    return any(c.anonymised_at is None and can(actor, Action.KIND_LEZEN, child_target(db, c))
               for c in children_of_household(db, family_id))


def linkable_households(actor: Actor, db: Session, child_id) -> list[tuple[int, str, str]]:
    """The households the actor may link to the child: those of the other children the actor may
    read at the child's locations, not yet the child's; none without KIND_WIJZIGEN on the child
    (the page shows no form then). (id, household name, its children's first names.) Audited as a
    read when not empty."""
    child = db.get(Child, int(child_id))
    if child is None or child.anonymised_at is not None:
        return []
    target = child_target(db, child)
    if not can(actor, Action.KIND_WIJZIGEN, target):
        return []
    own = set(household_ids(db, child))
    # A handful of queries for the whole list, not a few per child: it is part of the page load.
    others = db.exec(select(Child).join(ChildLocation, ChildLocation.child_id == Child.id).where(
        ChildLocation.location_id.in_(target.location_ids or [-1]), Child.id != child.id,
        Child.anonymised_at.is_(None)).distinct()).all()
    places: dict[int, set[int]] = defaultdict(set)
    for cid, lid in db.exec(select(ChildLocation.child_id, ChildLocation.location_id)
                            .where(ChildLocation.child_id.in_([c.id for c in others] or [-1]))).all():
        places[cid].add(lid)
    readable = {c.id: c for c in others if can(actor, Action.KIND_LEZEN, Target(
        c.organisation_id, frozenset(places[c.id]), object_type="kind", object_id=c.id, child_id=c.id))}
    homes: dict[int, set[str]] = defaultdict(set)  # household -> first names of its children
    for c in readable.values():
        if c.family_id is not None:
            homes[c.family_id].add(c.first_name)
    for cid, fid in db.exec(select(ChildHousehold.child_id, ChildHousehold.family_id)
                            .where(ChildHousehold.child_id.in_(list(readable) or [-1]))).all():
        homes[fid].add(readable[cid].first_name)
    wanted = [fid for fid in homes if fid not in own]
    families = db.exec(select(Family).where(Family.id.in_(wanted or [-1]))).all()
    found = sorted(((f.id, f.name, ", ".join(sorted(homes[f.id]))) for f in families),
                   key=lambda r: (r[1].lower(), r[0]))
    if found:
        audit.record(db, actor, "kind.huishoudens_koppelbaar_gelezen", object_type="kind", object_id=child.id,
                     child_id=child.id, detail=f"gezinnen={','.join(str(r[0]) for r in found)}"[:300])
        db.commit()
    return found


def _guardian(family_id: int, data: dict, n: int) -> Guardian:
    return Guardian(
        family_id=family_id,
        name=clean_text(data.get("name"), f"guardian_{n}_name", 200, required=True, veld="de naam"),
        relation=clean_text(data.get("relation"), f"guardian_{n}_relation", 40, veld="de relatie"),
        phone=clean_phone(data.get("phone"), f"guardian_{n}_phone"),
        email=clean_text(data.get("email"), f"guardian_{n}_email", 200, veld="het e-mailadres"),
        parental_authority=bool(data.get("parental_authority", True)),
        may_collect=bool(data.get("may_collect", True)),
        collect_note=clean_text(data.get("collect_note"), f"guardian_{n}_note", 200, veld="de reden"),
    )


def add_household(actor: Actor, db: Session, child_id, payload: dict) -> int:
    """Add a further household to the child: a new one (payload name, address, guardians: a list
    of dicts with name, relation, phone, parental_authority, may_collect, collect_note), or an
    existing household of the organisation (payload family_id). A child without a household gets
    it as its main one. Returns the family id."""
    child = _load_for_change(actor, db, child_id)
    raw = str(payload.get("family_id") or "").strip()
    if "family_id" in payload and not raw:  # the link form sent without a choice
        raise InvalidInput(texts.FOUT_KIES_HUISHOUDEN, {"family_id": texts.FOUT_KIES_HUISHOUDEN})
    if raw:
        family = db.get(Family, int(raw)) if raw.isdigit() else None
        if (family is None or family.organisation_id != child.organisation_id
                or not may_see_household(actor, db, family.id)):
            audit.record_denied(db, actor, str(Action.KIND_WIJZIGEN), object_type="gezin", object_id=raw,
                                child_id=child.id, detail="huishouden_koppelen")
            raise NotFound(texts.NIET_GEVONDEN)
    else:
        name = clean_text(payload.get("name"), "name", 200, required=True, veld="de naam",
                          required_message=texts.FOUT_HUISHOUDEN_NAAM)
        address = clean_text(payload.get("address"), "address", 200, veld="het adres")
        # Everything is checked before anything is added: a refused form stores nothing.
        guardians = [_guardian(0, g, n) for n, g in enumerate(payload.get("guardians") or [])]
        if not guardians:
            message = texts.FOUT_VERPLICHT.format(veld="een ouder of verzorger")
            raise InvalidInput(message, {"guardian_0_name": message})
        family = Family(organisation_id=child.organisation_id, name=name, address=address)
        db.add(family)
        db.flush()
        for guardian in guardians:
            guardian.family_id = family.id
        db.add_all(guardians)
    if family.id in household_ids(db, child):
        return family.id
    if child.family_id is None:
        child.family_id = family.id
        db.add(child)
    else:
        db.add(ChildHousehold(child_id=child.id, family_id=family.id, created_by_id=actor.id))
    db.flush()
    audit.record(db, actor, "kind.huishouden_toegevoegd", object_type="kind", object_id=child.id,
                 child_id=child.id, detail=f"gezin={family.id}")
    db.commit()
    return family.id


def set_may_collect(actor: Actor, db: Session, child_id, guardian_id, may_collect: bool, note: str = "") -> None:
    """Record whether a guardian of one of the child's households may collect the child (False:
    a court order or agreed arrangement; `note`, required then, says which). Applies to the household's guardian,
    so to every child of that household."""
    child = _load_for_change(actor, db, child_id)
    raw = str(guardian_id or "").strip()
    guardian = db.get(Guardian, int(raw)) if raw.isdigit() else None
    if guardian is None or guardian.family_id not in household_ids(db, child):
        raise InvalidInput(texts.FOUT_TOESTEMMING_OUDER, {"guardian_id": texts.FOUT_TOESTEMMING_OUDER})
    # Barring needs its reason (a court order, an omgangsregeling): the check-out warning shows it.
    reason = "" if may_collect else clean_text(note, "note", 200, required=True, veld="de reden",
                                                 required_message=texts.FOUT_REDEN_NIET_OPHALEN)
    guardian.may_collect = bool(may_collect)
    guardian.collect_note = reason
    db.add(guardian)
    audit.record(db, actor, "kind.ophalen_ouder", object_type="kind", object_id=child.id, child_id=child.id,
                 detail=f"ouder={guardian.id};mag_ophalen={int(bool(may_collect))}")
    db.commit()
