"""Which parts of an inzage name someone else, so the privacy officer reviews them before release
(AVG art. 15 lid 4: the right of access must not harm the rights of others).

The rule (README, "Inzage: wat ter beoordeling staat"):
- A free text (facts, interpretation, conclusions, reasons, feedback, notes) is marked when it holds
  a name of another child of the organisation, of a guardian of another family, or of another
  child's pick-up person. Matching is by whole, capitalised name parts of at least three letters;
  the child's own name, its own family and pick-up persons, and staff names are not counted.
  It errs towards marking: a false alarm costs the reviewer a glance, a miss discloses someone.
- A brother's or sister's name is marked separately (the request may or may not cover them).
- Staff names (who recorded, who did a step, who read) are not marked: they act in their
  professional role, and who processed the data is part of what the parent may know.
- Where the information came from someone else is marked on the record itself (signal source other
  than the worker's own observation; the name of a referrer who is not the parent); so are open
  meldcode tracks (disclosure may endanger the child) and steps with a consultation or Veilig Thuis
  advice, and conversation notes that were deliberately not discussed with the parent.
"""

from __future__ import annotations

import re

from sqlmodel import Session, select

from ... import texts
from ...models import Child, Family, Guardian, PickupPerson, StaffUser
from ..kinderen.households import guardians_of

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_PARTICLES = frozenset({"van", "de", "der", "den", "het", "ten", "ter", "te", "el", "al", "la", "le",
                        "di", "da", "du", "von", "op", "bin", "ben"})


def name_parts(name: str) -> set[str]:
    return {w for w in _WORD.findall(name or "")
            if len(w) >= 3 and w[0].isupper() and w.lower() not in _PARTICLES}


class ThirdParties:
    """The names of others in the child's organisation, as whole name parts."""

    def __init__(self, db: Session, child: Child):
        org = child.organisation_id
        own: set[str] = name_parts(child.full_name)
        siblings = db.exec(select(Child).where(Child.family_id == child.family_id, Child.id != child.id)).all() \
            if child.family_id is not None else []
        for g in guardians_of(db, child):  # of every household of the child
            own |= name_parts(g.name)
        for p in db.exec(select(PickupPerson).where(PickupPerson.child_id == child.id)).all():
            own |= name_parts(p.name)
        for staff_name in db.exec(select(StaffUser.name).where(StaffUser.organisation_id == org)).all():
            own |= name_parts(staff_name)
        sibling_ids = {s.id for s in siblings}
        self.sibling_parts: set[str] = set()
        for s in siblings:
            self.sibling_parts |= name_parts(s.first_name)
        self.sibling_parts -= own
        own |= {p for s in siblings for p in name_parts(s.last_name)}  # the family's own surname
        self.child_parts: set[str] = set()
        rows = db.exec(select(Child.id, Child.first_name, Child.last_name)
                       .where(Child.organisation_id == org, Child.id != child.id)).all()
        for cid, first, last in rows:
            if cid not in sibling_ids:
                self.child_parts |= name_parts(f"{first} {last}")
        self.adult_parts: set[str] = set()
        others = db.exec(select(Guardian.name).join(Family, Family.id == Guardian.family_id)
                         .where(Family.organisation_id == org, Guardian.family_id != (child.family_id or -1))).all()
        pickups = db.exec(select(PickupPerson.name).join(Child, Child.id == PickupPerson.child_id)
                          .where(Child.organisation_id == org, PickupPerson.child_id != child.id)).all()
        for name in [*others, *pickups]:
            self.adult_parts |= name_parts(name)
        self.child_parts -= own | self.sibling_parts
        self.adult_parts -= own | self.sibling_parts

    def reasons(self, *free_texts: str) -> list[str]:
        """Why these texts need a review: the names of others they (may) hold."""
        words = set()
        for text in free_texts:
            words |= name_parts(text)
        out = []
        if found := sorted(words & self.sibling_parts):
            out.append(texts.INZAGE_REDENEN["broer_zus"].format(namen=", ".join(found)))
        if found := sorted(words & self.child_parts):
            out.append(texts.INZAGE_REDENEN["ander_kind"].format(namen=", ".join(found)))
        if found := sorted((words & self.adult_parts) - self.child_parts):
            out.append(texts.INZAGE_REDENEN["ander_gezin"].format(namen=", ".join(found)))
        return out
