"""A child's households and who may collect the child (issue 16.3).

Parents who live apart each have their own household (a Family, with its guardians, address and
phones). `Child.family_id` is the household where the child mainly lives (hoofdverblijf); further
households are linked in `child_household`. Everything that shows or checks households goes
through `households_of` / `guardians_of`.

Who may collect a child at check-out:
- a guardian of one of its households with parental authority who is not barred (`may_collect`);
- a pick-up person allowed by such a guardian (`allowed_by_guardian_id`, `allowed_on`), as long as
  that guardian still belongs to one of the child's households, has authority and may collect;
- a pick-up person recorded before households (no guardian): allowed by the family as recorded then.
Anyone else is refused. A guardian barred from collecting (a court order) gives a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, select

from ... import texts
from ...models import Child, ChildHousehold, Family, Guardian, PickupPerson
from ..common.cleaning import parse_day
from ..common.clock import format_day
from ..common.errors import InvalidInput
from ..common.search import search_key


def household_ids(db: Session, child: Child) -> list[int]:
    """The child's households: the main one first, then the others in the order they were added."""
    ids = [child.family_id] if child.family_id is not None else []
    for family_id in db.exec(select(ChildHousehold.family_id).where(ChildHousehold.child_id == child.id)
                             .order_by(ChildHousehold.created_at, ChildHousehold.family_id)).all():
        if family_id not in ids:
            ids.append(family_id)
    return ids


def households_of(db: Session, child: Child) -> list[Family]:
    """The child's households (Family rows), the main one (hoofdverblijf) first."""
    ids = household_ids(db, child)
    rows = {f.id: f for f in db.exec(select(Family).where(Family.id.in_(ids or [-1]))).all()}
    return [rows[i] for i in ids if i in rows]


def guardians_of(db: Session, child: Child) -> list[Guardian]:
    """The guardians of all the child's households, household by household (main first)."""
    ids = household_ids(db, child)
    rows = db.exec(select(Guardian).where(Guardian.family_id.in_(ids or [-1])).order_by(Guardian.id)).all()
    order = {family_id: n for n, family_id in enumerate(ids)}
    return sorted(rows, key=lambda g: (order.get(g.family_id, 99), g.id))


def children_of_household(db: Session, family_id: int) -> list[Child]:
    """The children of a household: those who mainly live there and those who also live there."""
    linked = select(ChildHousehold.child_id).where(ChildHousehold.family_id == family_id)
    return list(db.exec(select(Child).where((Child.family_id == family_id) | Child.id.in_(linked))
                        .order_by(Child.date_of_birth, Child.id)).all())


def guardian_label(guardian: Guardian) -> str:
    return f"{guardian.name} ({guardian.relation})" if guardian.relation else guardian.name


def may_allow(guardian: Guardian) -> bool:
    """A guardian whose permission counts: with parental authority and not barred from collecting."""
    return guardian.parental_authority and guardian.may_collect


@dataclass(frozen=True)
class Collector:
    """Someone who may collect the child, and who allowed it."""

    name: str
    relation: str
    line: str  # "Oma Fatma (oma) — toestemming van Mohamed El Amrani (vader), 3 november 2026"
    is_guardian: bool = False


@dataclass
class CollectRules:
    collectors: list[Collector] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # guardians barred from collecting
    barred: dict[str, Guardian] = field(default_factory=dict)  # search key -> barred guardian
    home_alone_line: str = ""  # "Toestemming van ... op ..." when allowed

    def find(self, name: str) -> Collector | None:
        key = search_key(name)
        return next((c for c in self.collectors if search_key(c.name) == key), None) if key else None


def _allowed_line(person: PickupPerson, guardian: Guardian | None) -> str:
    who = f"{person.name} ({person.relation})" if person.relation else person.name
    if guardian is None:
        return texts.OPHALEN_TOESTEMMING_GEZIN.format(wie=who)
    when = f", {format_day(person.allowed_on)}" if person.allowed_on else ""
    return texts.OPHALEN_TOESTEMMING_VAN.format(wie=who, ouder=guardian_label(guardian), datum=when)


def barred_warning(guardian: Guardian, child_first_name: str) -> str:
    reason = f" ({guardian.collect_note})" if guardian.collect_note else ""
    return texts.OPHALEN_NIET_TOEGESTAAN.format(ouder=guardian_label(guardian), kind=child_first_name, reden=reason)


def collect_rules(db: Session, children: list[Child]) -> dict[int, CollectRules]:
    """Who may collect each child, who allowed it, and the warnings: for the check-out screen."""
    links: dict[int, list[int]] = {c.id: ([c.family_id] if c.family_id is not None else []) for c in children}
    for row in db.exec(select(ChildHousehold).where(ChildHousehold.child_id.in_(list(links) or [-1]))
                       .order_by(ChildHousehold.created_at, ChildHousehold.family_id)).all():
        if row.family_id not in links[row.child_id]:
            links[row.child_id].append(row.family_id)
    family_ids = {f for ids in links.values() for f in ids}
    guardians = {g.id: g for g in db.exec(select(Guardian).where(Guardian.family_id.in_(family_ids or {-1}))
                                          .order_by(Guardian.id)).all()}
    by_family: dict[int, list[Guardian]] = {}
    for g in guardians.values():
        by_family.setdefault(g.family_id, []).append(g)
    persons: dict[int, list[PickupPerson]] = {}
    for p in db.exec(select(PickupPerson).where(PickupPerson.child_id.in_(list(links) or [-1]))
                     .order_by(PickupPerson.id)).all():
        persons.setdefault(p.child_id, []).append(p)
    result = {}
    for child in children:
        rules = CollectRules()
        own = [g for f in links[child.id] for g in by_family.get(f, [])]
        own_ids = {g.id for g in own}
        for g in own:
            if not g.may_collect:
                rules.warnings.append(barred_warning(g, child.first_name))
                rules.barred[search_key(g.name)] = g
            elif g.parental_authority:
                rules.collectors.append(Collector(g.name, g.relation, texts.OPHALEN_OUDER.format(
                    wie=guardian_label(g)), is_guardian=True))
        seen = {search_key(c.name) for c in rules.collectors} | set(rules.barred)
        for p in persons.get(child.id, []):
            if search_key(p.name) in seen:
                continue  # a guardian on the list too, or one barred from collecting
            if p.allowed_by_guardian_id is None:
                rules.collectors.append(Collector(p.name, p.relation, _allowed_line(p, None)))
                seen.add(search_key(p.name))
                continue
            g = guardians.get(p.allowed_by_guardian_id)
            if g is not None and g.id in own_ids and may_allow(g):
                rules.collectors.append(Collector(p.name, p.relation, _allowed_line(p, g)))
                seen.add(search_key(p.name))
        if child.may_go_home_alone and child.home_alone_allowed_on:
            g = guardians.get(child.home_alone_guardian_id or -1)
            rules.home_alone_line = texts.OPHALEN_ZELFSTANDIG_VAN.format(
                ouder=guardian_label(g) if g else child.home_alone_allowed_by,
                datum=format_day(child.home_alone_allowed_on))
        result[child.id] = rules
    return result


def check_collector(db: Session, child: Child, name: str) -> Collector:
    """The person collecting the child, if allowed; otherwise InvalidInput with a clear message
    (a barred guardian, or someone no guardian allowed). The caller audits the refusal."""
    rules = collect_rules(db, [child])[child.id]
    barred = rules.barred.get(search_key(name))
    found = rules.find(name)
    if barred is not None and (found is None or found.is_guardian):
        message = barred_warning(barred, child.first_name)
        raise InvalidInput(message, {"picked_up_by": message, "kind": "niet_toegestaan"})
    if found is None:
        message = texts.FOUT_OPHALER_GEEN_TOESTEMMING.format(naam=name, kind=child.first_name)
        raise InvalidInput(message, {"picked_up_by": message, "kind": "geen_toestemming"})
    return found


def allowing_guardian(db: Session, child: Child, guardian_id, field_name: str = "allowed_by") -> Guardian:
    """The guardian named as giving permission: one of the child's households, with authority and
    not barred from collecting; otherwise InvalidInput."""
    raw = str(guardian_id or "").strip()
    guardian = db.get(Guardian, int(raw)) if raw.isdigit() else None
    if guardian is None or guardian.family_id not in household_ids(db, child):
        raise InvalidInput(texts.FOUT_TOESTEMMING_OUDER_KIEZEN, {field_name: texts.FOUT_TOESTEMMING_OUDER_KIEZEN})
    if not may_allow(guardian):
        message = texts.FOUT_OUDER_MAG_GEEN_TOESTEMMING.format(ouder=guardian_label(guardian))
        raise InvalidInput(message, {field_name: message})
    return guardian


def allowed_day(value, today: date) -> date:
    return parse_day(value, "allowed_on", default=today, not_after=today)
