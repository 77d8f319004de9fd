"""Demo: children whose parents live apart (issue 16.4). A few families where only the mother is
known get a second household: the father's, with its own address and phone. In one of them the
father may not collect the children (a court order); in the others he allowed his mother (oma) to
collect them. With its own random stream, after the children are written: the rest of the demo
data stays the same."""

from __future__ import annotations

import random

from ..domain.common.search import search_key
from ..models import ChildHousehold, Family, Guardian, PickupPerson
from . import names as N
from .demo_dates import _at
from .plan import _Fam

SECOND_HOUSEHOLDS = 4  # families with a second household; the first has a barred father
BARRED_NOTE = "rechterlijke uitspraak"


class _HouseholdsMixin:
    def _second_household_families(self, hrng: random.Random) -> list[_Fam]:
        """Families with only a mother known, whose children are all active and placed, with room
        for one more pick-up person."""
        fams = []
        for fam in self.families:
            if len(fam.guardians) != 1 or fam.guardians[0].relation != "moeder" or not fam.kids:
                continue
            if all(k.status == "actief" and len(k.pickup_rows) <= 2 for k in fam.kids):
                fams.append(fam)
        fams.sort(key=lambda f: f.id)
        return hrng.sample(fams, min(SECOND_HOUSEHOLDS, len(fams)))

    def make_second_households(self) -> None:
        hrng = random.Random(f"huishoudens-{self.seed}")
        chosen = self._second_household_families(hrng)
        streets = list(N.STREETS)

        def address() -> str:
            return f"{hrng.choice(streets)} {hrng.randint(1, 180)}, Almere"

        fathers, omas = [], []
        for fam in chosen:
            pool = N.BACKGROUNDS[fam.background]
            fathers.append(f"{hrng.choice(pool['men'])} {N.surname_form(fam.surname, female=False, background=fam.background)}")
            omas.append(f"Oma {hrng.choice(pool['women'])}")
        # The main households get an address too (only these: the rest keep theirs empty).
        for fam in chosen:
            self.db.execute(Family.__table__.update().where(Family.__table__.c.id == fam.id)
                            .values(address=address()))
        family_rows = [{"organisation_id": self.org_id, "name": f"Gezin {father}", "address": address(),
                        "search_key": search_key(f"Gezin {father}")} for father in fathers]
        family_ids = self.insert_ids(Family, family_rows)
        guardian_rows = []
        for n, (father, family_id) in enumerate(zip(fathers, family_ids, strict=True)):
            barred = n == 0
            guardian_rows.append({
                "family_id": family_id, "name": father, "relation": "vader",
                "phone": f"06-{hrng.randint(10000000, 99999999)}", "email": "", "search_key": search_key(father),
                "parental_authority": True, "may_collect": not barred, "collect_note": BARRED_NOTE if barred else ""})
        father_ids = self.insert_ids(Guardian, guardian_rows)
        links, pickups = [], []
        for n, fam in enumerate(chosen):
            for kid in fam.kids:
                links.append({"child_id": kid.id, "family_id": family_ids[n], "created_by_id": None,
                              "created_at": _at(kid.start or self.history_start, 11, 0)})
                if n == 0:
                    continue
                pickups.append({"child_id": kid.id, "name": omas[n], "relation": "oma",
                                "phone": f"06-{hrng.randint(10000000, 99999999)}",
                                "allowed_by_guardian_id": father_ids[n], "allowed_on": kid.start})
        self.insert(ChildHousehold, links)
        self.insert(PickupPerson, pickups)
