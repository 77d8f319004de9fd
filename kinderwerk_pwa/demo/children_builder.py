"""Demo children: planning them over the locations and weekdays, families, guardians and names,
and writing children with their referrals in, enrolments, pick-up persons and consents. A mixin
of the demo generator (see generator.py).
"""

from __future__ import annotations

from datetime import date, timedelta

from kinderwerk_pwa.domain.common.search import search_key
from kinderwerk_pwa.models import (
    Child,
    ChildLocation,
    Consent,
    Enrolment,
    Family,
    Guardian,
    PickupPerson,
    ReferralIn,
)

from . import names as N
from .demo_dates import _add_years, _age, _at, _groep
from .plan import _Fam, _Guardian, _Kid, _Slot
from .text_banks import END_REASONS, REFERRAL_REASONS, REFERRER_WEIGHTS, REJECTED_REASONS


class _ChildrenMixin:
    # ---------------------------------------------------------------- children (plans)

    def sample_dob(self, min_age: int = 4, max_age: int = 12) -> date:
        ages = list(range(min_age, max_age + 1))
        weights = [{4: 3, 5: 6, 6: 9, 7: 11, 8: 12, 9: 12, 10: 11, 11: 9, 12: 5}[a] for a in ages]
        age = self.rng.choices(ages, weights)[0]
        hi = _add_years(self.today, -age)
        lo = _add_years(self.today, -(age + 1)) + timedelta(days=1)
        return self.day_between(lo, hi)

    def plan_children(self) -> None:
        rng, today = self.rng, self.today
        n = self.n_children
        huis = self.huiskamers
        targets = [2 * h.capacity if i == 0 else round(1.5 * h.capacity) for i, h in enumerate(huis)]
        a_total = min(sum(targets), round(0.8 * n))
        # Split the active list over the huiskamers in proportion to their target (largest remainder).
        raw = [a_total * t / sum(targets) for t in targets]
        sizes = [int(x) for x in raw]
        for i in sorted(range(len(raw)), key=lambda i: raw[i] - sizes[i], reverse=True)[: a_total - sum(sizes)]:
            sizes[i] += 1
        n_wait = min(round(0.075 * n), max(len(huis), round(0.12 * a_total)), n - a_total)
        n_intake = min(max(1, round(0.02 * n)), max(1, round(0.03 * a_total)), n - a_total - n_wait)
        rest = max(0, n - a_total - n_wait - n_intake)
        n_out = min(round(a_total * self.months / 20), round(0.7 * rest))

        # Active children fill the slots; weekdays balanced so a weekday stays within capacity.
        for h, size in zip(huis, sizes, strict=True):
            h.list_size = size
            loads = [0] * 5
            for _ in range(size):
                k = rng.choices((2, 3, 4), (50, 35, 15))[0]
                order = sorted(range(5), key=lambda d: loads[d] + rng.random() * 2)
                chosen = [d for d in order if loads[d] < h.capacity][:k]
                if len(chosen) < 2:
                    chosen = order[:2]
                for d in chosen:
                    loads[d] += 1
                h.slots.append(_Slot(tuple(sorted(d + 1 for d in chosen))))
            for slot in h.slots:
                dob = self.sample_dob(5, 12)
                earliest = _add_years(dob, 4)
                latest = today - timedelta(days=7)
                span = min(730, (latest - earliest).days)
                start = latest - timedelta(days=rng.randint(0, max(0, span)))
                kid = _Kid("actief", h, dob, rng.random() < 0.5, weekdays=slot.weekdays, start=start)
                slot.occupants.append(kid)
                self.kids.append(kid)

        # Children who left: earlier occupants of the slots, most recent generation first.
        budget = n_out
        open_slots = [s for h in huis for s in h.slots]
        slot_home = {id(s): h for h in huis for s in h.slots}
        lo_dob = _add_years(today, -13) + timedelta(days=1)
        while budget > 0 and open_slots:
            rng.shuffle(open_slots)
            still_open = []
            for slot in open_slots:
                if budget <= 0:
                    break
                end = slot.occupants[-1].start - timedelta(days=rng.randint(1, 21))
                if end <= self.history_start:
                    continue
                start = end - timedelta(days=rng.randint(180, 1100))
                hi_dob = min(_add_years(today, -4), _add_years(start, -4))
                if hi_dob < lo_dob:
                    continue
                kid = _Kid("uitgestroomd", slot_home[id(slot)], self.day_between(lo_dob, hi_dob),
                           rng.random() < 0.5, weekdays=slot.weekdays, start=start, end=end,
                           end_reason=rng.choice(END_REASONS))
                slot.occupants.append(kid)
                self.kids.append(kid)
                budget -= 1
                still_open.append(slot)
            open_slots = still_open

        for kid in self.kids:  # placed: referral -> intake -> start
            kid.referral_status = "geplaatst"
            kid.intake_on = kid.start - timedelta(days=rng.randint(5, 21))
            kid.received_on = kid.intake_on - timedelta(days=rng.randint(10, 120))
            kid.intake_by = self.worker(kid.home)

        # Waitlist: every huiskamer gets some, more at the big ones.
        spread = max(30, min(300, (today - self.history_start).days))
        wait_homes = list(huis[:n_wait]) + rng.choices(huis, weights=[max(1, s) for s in sizes],
                                                        k=max(0, n_wait - len(huis)))
        for h in wait_homes:
            kid = _Kid("wachtlijst", h, self.sample_dob(4, 11), rng.random() < 0.5)
            kid.referral_status = "wachtlijst"
            kid.received_on = today - timedelta(days=rng.randint(3, spread))
            self.kids.append(kid)
        for _ in range(n_intake):
            h = rng.choices(huis, weights=[max(1, s) for s in sizes])[0]
            kid = _Kid("intake", h, self.sample_dob(4, 11), rng.random() < 0.5)
            kid.referral_status = "intake"
            kid.received_on = today - timedelta(days=rng.randint(20, 150))
            kid.intake_on = today + timedelta(days=rng.randint(-5, 14))
            kid.intake_by = self.worker(h)
            self.kids.append(kid)

        # Known only at a school or playground (bereik): the rest. A few had a referral that did not go on.
        n_known = max(0, n - len(self.kids))
        homes = self.outreach or huis
        n_rejected = min(n_known, max(1, round(0.015 * n)))
        for i in range(n_known):
            home = rng.choice(homes)
            kid = _Kid("bekend", home, self.sample_dob(), rng.random() < 0.5)
            kid.known_since = today - timedelta(days=rng.randint(10, max(60, spread + 200)))
            if i < n_rejected:
                status, reason = rng.choice(REJECTED_REASONS)
                kid.referral_status = status
                kid.closed_reason = reason
                kid.received_on = today - timedelta(days=rng.randint(20, max(40, spread)))
                kid.referred_to = rng.choice(huis)
                kid.known.append(kid.referred_to)
            self.kids.append(kid)

        for kid in self.kids:
            if kid.home in kid.known:
                kid.known.remove(kid.home)
            kid.known.insert(0, kid.home)
            if kid.referral_status and kid.referred_to is None:
                kid.referred_to = kid.home
            if kid.known_since is None:
                kid.known_since = kid.received_on
            kid.absent_prone = rng.random() < 0.1

    # ---------------------------------------------------------------- families and names

    def make_families_and_names(self) -> None:
        rng = self.rng
        order = list(self.kids)
        rng.shuffle(order)
        pools: dict[int, list[_Kid]] = {}
        for kid in order:
            pools.setdefault(kid.home.idx, []).append(kid)
        bgs, bg_weights = list(N.BACKGROUND_WEIGHTS), list(N.BACKGROUND_WEIGHTS.values())
        school_locs = [loc for loc in self.locs if loc.kind == "school"]
        showcase = list(N.SHOWCASE_NAMES)  # given to the first fitting families; draws no randomness
        for kid in order:
            if kid.family is not None:
                continue
            members = [kid]
            if rng.random() < 0.2:
                want = 2 if rng.random() < 0.7 else 3
                for cand in pools[kid.home.idx]:
                    if cand.family is not None or cand is kid:
                        continue
                    if all(abs((cand.dob - m.dob).days) >= 330 for m in members):
                        members.append(cand)
                        if len(members) == want:
                            break
            bg = rng.choices(bgs, bg_weights)[0]
            names = N.BACKGROUNDS[bg]
            fam = _Fam(bg, rng.choice(names["surnames"]))
            shown = next((s for s in showcase if s[0] == bg and any(m.female == s[1] for m in members)), None)
            if shown is not None:
                showcase.remove(shown)
                fam.surname = shown[3] or fam.surname
            fam.neighbourhood = kid.home.neighbourhood if rng.random() < 0.75 else rng.choice(N.NEIGHBOURHOODS)
            school_homes = [m.home for m in members if m.home.kind == "school"]
            if school_homes:
                fam.school = school_homes[0].name
            elif school_locs and rng.random() < 0.3:
                fam.school = rng.choice(school_locs).name
            else:
                fam.school = rng.choice(N.SCHOOLS)
            used_first: list[str] = []
            for m in members:
                m.family = fam
                fam.kids.append(m)
                pool = names["girls"] if m.female else names["boys"]
                choices = [f for f in pool if f not in used_first] or list(pool)
                m.first = rng.choice(choices)
                if shown is not None and shown[2] and m.female == shown[1]:
                    m.first, shown = shown[2], None
                used_first.append(m.first)
                m.last = N.surname_form(fam.surname, female=m.female, background=bg)
                if m.home.kind == "school":
                    m.school = m.home.name
                else:
                    m.school = fam.school if rng.random() < 0.85 else rng.choice(N.SCHOOLS)
            self.make_guardians(fam)
            self.families.append(fam)

        by_school = {loc.name: loc for loc in school_locs}
        playgrounds = [loc for loc in self.locs if loc.kind == "speelpleinroute"]
        for kid in self.kids:
            loc = by_school.get(kid.school)
            if loc is not None and loc not in kid.known and rng.random() < 0.8:
                kid.known.append(loc)
            for pg in playgrounds:
                near = pg.neighbourhood == kid.family.neighbourhood
                if pg not in kid.known and rng.random() < (0.4 if near else 0.1):
                    kid.known.append(pg)

        # Pick-up persons, home-alone permission.
        for kid in self.kids:
            if not kid.enrolled:
                continue
            fam = kid.family
            want = rng.choice((1, 2, 2, 3))
            people = [(g.name, g.relation, g.phone) for g in fam.guardians][:want]
            names = N.BACKGROUNDS[fam.background]
            while len(people) < want:
                rel = rng.choice(N.PICKUP_EXTRA_RELATIONS)
                if rel in ("oma", "tante", "buurvrouw", "zus"):
                    female = True
                else:
                    female = False
                if rel in ("broer", "zus"):
                    first = rng.choice(names["girls"] if female else names["boys"])
                    name = f"{first} {N.surname_form(fam.surname, female=female, background=fam.background)}"
                    rel = f"{rel}, {rng.randint(15, 19)} jaar"
                else:
                    bg = fam.background if rel != "buurvrouw" else rng.choice(list(N.BACKGROUNDS))
                    pool = N.BACKGROUNDS[bg]
                    first = rng.choice(pool["women"] if female else pool["men"])
                    name = f"{first} {N.surname_form(rng.choice(pool['surnames']), female=female, background=bg)}"
                people.append((name, rel, self.phone()))
            kid.pickups = [p[0] for p in people]
            kid.pickup_rows = people
            # Parents allow it at the intake, or later when the child turns nine.
            allowed_on = max(kid.intake_on, _add_years(kid.dob, 9))
            if _age(kid.dob, self.today) >= 9 and allowed_on <= (kid.end or self.yesterday) \
                    and rng.random() < 0.3:
                kid.may_go_home_alone = True
                kid.home_alone_by = fam.guardians[0].name
                kid.home_alone_on = allowed_on

    def make_guardians(self, fam: _Fam) -> None:
        rng = self.rng
        names = N.BACKGROUNDS[fam.background]
        bg = fam.background

        def person(female: bool, own_surname: bool) -> str:
            first = rng.choice(names["women"] if female else names["men"])
            surname = rng.choice(names["surnames"]) if own_surname else fam.surname
            return f"{first} {N.surname_form(surname, female=female, background=bg)}"

        r = rng.random()
        first_rel = "moeder" if r < 0.85 else "vader" if r < 0.93 else "oma" if r < 0.97 else "verzorger"
        rels = [first_rel]
        if rng.random() < 0.6:
            if first_rel == "moeder":
                r = rng.random()
                rels.append("vader" if r < 0.8 else "stiefvader" if r < 0.9 else "oma")
            else:
                rels.append("moeder")
        for rel in rels:
            female = rel in ("moeder", "oma") or (rel == "verzorger" and rng.random() < 0.7)
            own = rel in ("oma", "stiefvader", "verzorger") or (
                female and bg in N.OWN_SURNAME_BACKGROUNDS and rng.random() < 0.6)
            name = person(female, own)
            email = ""
            if rng.random() < 0.7:
                email = f"{N.ascii_slug(name, '.')}@example.com"
            fam.guardians.append(_Guardian(name, rel, self.phone(), email))

    # ---------------------------------------------------------------- write children & co

    def write_children(self) -> None:
        rng = self.rng
        fam_ids = self.insert_ids(Family, [
            {"organisation_id": self.org_id, "name": f"Gezin {fam.surname}",
             "search_key": search_key(f"Gezin {fam.surname}")} for fam in self.families
        ])
        for fam, id_ in zip(self.families, fam_ids, strict=True):
            fam.id = id_
        guardians = [(fam, g) for fam in self.families for g in fam.guardians]
        g_ids = self.insert_ids(Guardian, [
            {"name": g.name, "relation": g.relation, "phone": g.phone, "email": g.email, "family_id": fam.id,
             "search_key": search_key(g.name)} for fam, g in guardians
        ])
        for (_, g), id_ in zip(guardians, g_ids, strict=True):
            g.id = id_

        self.kids.sort(key=lambda k: (k.family.id, k.dob))
        rows = []
        for kid in self.kids:
            created_day = kid.received_on or kid.known_since or self.history_start
            rows.append({
                "first_name": kid.first, "last_name": kid.last, "search_key": search_key(kid.first, kid.last),
                "date_of_birth": kid.dob,
                "school_name": kid.school, "school_group": _groep(kid.dob, self.today),
                "neighbourhood": kid.family.neighbourhood, "status": kid.status,
                "organisation_id": self.org_id, "family_id": kid.family.id,
                "may_go_home_alone": kid.may_go_home_alone, "home_alone_allowed_by": kid.home_alone_by,
                "home_alone_allowed_on": kid.home_alone_on,
                "left_on": kid.end if kid.status == "uitgestroomd" else None,
                "left_reason": kid.end_reason if kid.status == "uitgestroomd" else "",
                "created_at": _at(created_day, 10, rng.randint(0, 300)),
            })
        for kid, id_ in zip(self.kids, self.insert_ids(Child, rows), strict=True):
            kid.id = id_

        self.insert(ChildLocation, [{"child_id": k.id, "location_id": loc.id} for k in self.kids for loc in k.known])
        self.insert(Enrolment, [
            {"child_id": k.id, "location_id": k.home.id, "weekdays": ",".join(map(str, k.weekdays)),
             "start_date": k.start, "end_date": k.end, "end_reason": k.end_reason}
            for k in self.kids if k.enrolled
        ])
        # Each pick-up person with the guardian who allowed it (a guardian allows themself; the
        # others were allowed by the first guardian at the intake or the start).
        self.insert(PickupPerson, [
            {"child_id": k.id, "name": name, "relation": rel, "phone": phone,
             "allowed_by_guardian_id": next((g.id for g in k.family.guardians if g.name == name),
                                            k.family.guardians[0].id),
             "allowed_on": k.intake_on or k.start}
            for k in self.kids if k.enrolled for name, rel, phone in k.pickup_rows
        ])

        consents, referrals = [], []
        for kid in self.kids:
            if not kid.registered:
                continue
            ref_loc = kid.referred_to
            parent = kid.family.guardians[0].name
            recorder = self.worker(ref_loc)
            consents.append({"child_id": kid.id, "kind": "registratie", "given": True, "given_by": parent,
                             "given_on": kid.received_on, "recorded_by_id": recorder.id})
            if kid.may_go_home_alone:  # going home alone is a consent too (domain/kinderen/consents.py)
                consents.append({"child_id": kid.id, "kind": "zelfstandig_naar_huis", "given": True,
                                 "given_by": kid.home_alone_by, "given_on": kid.home_alone_on,
                                 "recorded_by_id": recorder.id})
            if kid.status in ("actief", "uitgestroomd", "intake") and rng.random() < 0.9:
                held = kid.intake_on if kid.intake_on and kid.intake_on < self.today else kid.received_on
                consents.append({"child_id": kid.id, "kind": "foto", "given": rng.random() < 0.82,
                                 "given_by": parent, "given_on": held,
                                 "recorded_by_id": recorder.id})
            kind = rng.choices(list(REFERRER_WEIGHTS), list(REFERRER_WEIGHTS.values()))[0]
            referrals.append({
                "client_uuid": self.uuid(), "child_id": kid.id, "location_id": ref_loc.id,
                "referrer_kind": kind, "referrer_name": self.referrer_name(kind, kid),
                "reason": self.fill(rng.choice(REFERRAL_REASONS[kind]), kid),
                "received_on": kid.received_on, "status": kid.referral_status,
                "intake_on": kid.intake_on, "intake_by_id": kid.intake_by.id if kid.intake_on else None,
                "placed_on": kid.start if kid.referral_status == "geplaatst" else None,
                "closed_reason": kid.closed_reason, "created_by_id": recorder.id,
                "created_at": _at(kid.received_on, 9, rng.randint(0, 420)),
            })
        self.insert(Consent, consents)
        self.insert(ReferralIn, referrals)

    def referrer_name(self, kind: str, kid: _Kid) -> str:
        rng = self.rng
        if kind == "ouder":
            return kid.family.guardians[0].name
        if kind == "school":
            bg = N.BACKGROUNDS["nl"]
            return f"{rng.choice(bg['women'])} {rng.choice(bg['surnames'])}, intern begeleider {kid.school}"
        return {
            "wijkteam": "Wijkteam Almere Stad", "ggd": "Jeugdverpleegkundige GGD Flevoland (demo)",
            "jeugd_ggz": "Jeugd-GGZ Kompas Flevoland (demo)", "wijkagent": f"Wijkagent {kid.family.neighbourhood}",
            "anders": rng.choice(("Voedselbank Almere (demo)", "Buurthuis De Ontmoeting (demo)")),
        }[kind]
