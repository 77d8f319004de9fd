"""Demo organisation, locations (huiskamers, schools, speelpleinroute) and staff in every role,
as a mixin of the demo generator (see generator.py).
"""

from __future__ import annotations

import random
from datetime import timedelta

from kinderwerk_pwa.domain.toegang.passwords import hash_password
from kinderwerk_pwa.models import Location, Organisation, StaffLocation, StaffUser
from kinderwerk_pwa.models.staff import NON_FIELD_ROLES

from . import names as N
from .constants import DEMO_EMAIL_DOMAIN, ORGANISATION_NAME
from .demo_dates import _at
from .plan import _Loc, _Staff


class _OrganisationMixin:
    # ---------------------------------------------------------------- organisation, locations

    def make_organisation_and_locations(self) -> None:
        rng = self.rng
        self.org_id = self.insert_ids(Organisation, [{"name": ORGANISATION_NAME}])[0]
        n = self.n_locations
        n_huis = max(1, n // 2)
        hoods = list(N.NEIGHBOURHOODS)
        rng.shuffle(hoods)
        # Stedenwijk hosts the big huiskamer, like in the domain brief's example town.
        hoods.remove("Stedenwijk")
        hoods.insert(0, "Stedenwijk")
        streets = list(N.STREETS)
        rng.shuffle(streets)
        schools = list(N.SCHOOLS)
        rng.shuffle(schools)
        for i in range(n):
            hood = hoods[i % len(hoods)]
            address = f"{streets[i % len(streets)]} {rng.randint(1, 140)}, Almere"
            if i < n_huis:
                kind = "huiskamer"
                capacity = 70 if i == 0 else 20 if i == 1 else rng.choice((20, 25, 30, 40, 50, 60, 70))
                name = f"Huiskamer {hood}"
            else:
                j = i - n_huis
                kind = "speelpleinroute" if j % 3 == 1 else "school"
                capacity = None
                name = schools[j % len(schools)] if kind == "school" else f"Speelpleinroute {hood}"
                if kind == "school" and j >= len(schools):
                    name = f"{name} ({hood})"
            self.locs.append(_Loc(i, name, kind, hood, address, capacity))
        ids = self.insert_ids(Location, [
            {"name": loc.name, "kind": loc.kind, "neighbourhood": loc.neighbourhood, "address": loc.address,
             "capacity": loc.capacity, "active": True, "organisation_id": self.org_id}
            for loc in self.locs
        ])
        for loc, id_ in zip(self.locs, ids, strict=True):
            loc.id = id_

    def _privacy_officer(self, used_emails: set[str]) -> _Staff:
        """The privacyfunctionaris, drawn from her own random stream so adding her left every other
        demo name and record as it was."""
        rng = random.Random(f"{self.seed}-privacy")
        first = rng.choice([f for f in N.STAFF_FIRST_NAMES
                            if f"{N.ascii_slug(f)}@{DEMO_EMAIL_DOMAIN}" not in used_emails])
        email = f"{N.ascii_slug(first)}@{DEMO_EMAIL_DOMAIN}"
        used_emails.add(email)
        return _Staff(f"{first} {rng.choice(N.STAFF_SURNAMES)}", email, "privacy")

    @property
    def huiskamers(self) -> list[_Loc]:
        return [loc for loc in self.locs if loc.kind == "huiskamer"]

    @property
    def outreach(self) -> list[_Loc]:
        """Schools and playgrounds: where children are known without registration."""
        return [loc for loc in self.locs if loc.kind != "huiskamer"]

    # ---------------------------------------------------------------- staff

    def make_staff(self) -> None:
        rng = self.rng
        n_staff = max(4, 3 * self.n_locations)
        roles = ["beheerder"] + ["teamleider"] * max(1, self.n_locations // 6) \
            + ["aandachtsfunctionaris"] * max(1, self.n_locations // 8)
        roles += ["kinderwerker"] * (n_staff - len(roles))
        firsts = list(N.STAFF_FIRST_NAMES)
        rng.shuffle(firsts)
        used_emails: set[str] = set()
        for i, role in enumerate(roles):
            first = firsts[i % len(firsts)]
            last = rng.choice(N.STAFF_SURNAMES)
            email = f"{N.ascii_slug(first)}@{DEMO_EMAIL_DOMAIN}"
            if email in used_emails:
                email = f"{N.ascii_slug(first)}.{N.ascii_slug(last)}@{DEMO_EMAIL_DOMAIN}"
            k = 2
            while email in used_emails:
                email = f"{N.ascii_slug(first)}.{N.ascii_slug(last)}{k}@{DEMO_EMAIL_DOMAIN}"
                k += 1
            used_emails.add(email)
            self.staff.append(_Staff(f"{first} {last}", email, role))
        self.staff.append(self._privacy_officer(used_emails))

        # Kinderwerkers: at least one per location, the rest by weight (big huiskamers get more).
        workers = [s for s in self.staff if s.role == "kinderwerker"]
        weight = {loc.idx: (loc.capacity / 20 if loc.kind == "huiskamer" else 1.5) for loc in self.locs}
        seats = {loc.idx: 0 for loc in self.locs}
        for s in workers:
            loc = max(self.locs, key=lambda lc: (weight[lc.idx] / (seats[lc.idx] + 1) if seats[lc.idx] else 1e9,
                                                 -lc.idx))
            seats[loc.idx] += 1
            s.locs.append(loc)
        for s in workers:
            if len(self.locs) > 1 and rng.random() < 0.35:
                other = rng.choice([lc for lc in self.locs if lc is not s.locs[0]])
                s.locs.append(other)
        for s in self.staff:
            if s.role in ("teamleider", "aandachtsfunctionaris"):
                s.locs = list(self.locs)
            elif s.role in NON_FIELD_ROLES:
                s.locs = [self.locs[0]]

        pw_hash = hash_password(self.password)
        created = _at(self.history_start - timedelta(days=30), 9)
        ids = self.insert_ids(StaffUser, [
            {"name": s.name, "email": s.email, "role": s.role, "organisation_id": self.org_id,
             "password_hash": pw_hash, "totp_secret": None, "totp_enabled": False, "oidc_issuer": None,
             "oidc_subject": None, "active": True, "is_demo": True, "created_at": created}
            for s in self.staff
        ])
        rows = []
        for s, id_ in zip(self.staff, ids, strict=True):
            s.id = id_
            for loc in s.locs:
                rows.append({"staff_id": s.id, "location_id": loc.id})
                loc.staff.append(s)
                if s.role == "kinderwerker":
                    loc.workers.append(s)
        self.insert(StaffLocation, rows)
        self.summary.logins = [(s.email, s.role, s.name) for s in self.staff]
        self.af = [s for s in self.staff if s.role == "aandachtsfunctionaris"]
        self.teamleiders = [s for s in self.staff if s.role == "teamleider"]
