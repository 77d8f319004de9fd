"""Demo partners (wijkteam, school, ggd, ...) and referrals out to them with feedback, as a mixin
of the demo generator (see generator.py).
"""

from __future__ import annotations

from datetime import date, timedelta

from kinderwerk_pwa.models import Consent, Partner, ReferralOut

from . import names as N
from .constants import AMS
from .demo_dates import _at
from .plan import _Kid, _Loc
from .text_banks import PARTNER_FEEDBACK, PARTNER_REFERRALS, TRACK_REFERRAL_REASONS


class _PartnersMixin:
    # ---------------------------------------------------------------- partners

    def make_partners(self) -> None:
        rng = self.rng
        school_names = [loc.name for loc in self.locs if loc.kind == "school"]
        for s in N.SCHOOLS:
            if len(school_names) >= 3:
                break
            if s not in school_names:
                school_names.append(s)
        specs = [(s, "school") for s in school_names]
        specs += [("Wijkteam Almere Stad", "wijkteam"), ("Jeugdhulp Flevoland (demo)", "jeugdhulp"),
                  ("GGD Flevoland (demo)", "ggd"), ("Jeugd-GGZ Kompas Flevoland (demo)", "jeugd_ggz"),
                  ("Veilig Thuis Flevoland (demo)", "veilig_thuis")]
        hoods = []
        for h in self.huiskamers:
            if h.neighbourhood not in hoods:
                hoods.append(h.neighbourhood)
        specs += [(f"Wijkagent {hood}", "wijkagent") for hood in hoods]
        rows = []
        for name, kind in specs:
            bg = N.BACKGROUNDS[rng.choices(("nl", "ma", "tr", "sr"), (6, 2, 1, 1))[0]]
            female = rng.random() < 0.7
            contact = f"{rng.choice(bg['women'] if female else bg['men'])} {rng.choice(bg['surnames'])}"
            if kind == "school":
                contact += " (intern begeleider)"
            rows.append({"name": name, "kind": kind, "contact_name": contact,
                         "contact_phone": f"036-{rng.randint(1000000, 9999999)}",
                         "contact_email": f"{N.ascii_slug(contact.split(' (')[0], '.')}@example.org",
                         "organisation_id": self.org_id})
        for row, id_ in zip(rows, self.insert_ids(Partner, rows), strict=True):
            self.partners.append({**row, "id": id_})

    # ---------------------------------------------------------------- referrals out

    def make_referrals_out(self, tracks: list[dict]) -> None:
        rng = self.rng
        target = max(3, round(15 * self.scale))
        by_kind = {}
        for p in self.partners:
            by_kind.setdefault(p["kind"], []).append(p)
        rows, consents = [], []

        def add(kid: _Kid, loc: _Loc, sent: date, partner: dict, track: dict | None, consent: bool) -> None:
            kind = partner["kind"] if partner["kind"] in PARTNER_REFERRALS else "wijkteam"
            parent = kid.family.guardians[0].name
            age = (self.today - sent).days
            if age < 14:
                status = rng.choice(("verstuurd", "in_behandeling"))
            else:
                status = rng.choices(("afgerond", "in_behandeling", "verstuurd", "geweigerd"), (55, 25, 12, 8))[0]
            feedback, feedback_on = "", None
            if status == "afgerond":
                feedback = self.fill(PARTNER_FEEDBACK[kind], kid, ouder=parent)
                feedback_on = sent + timedelta(days=rng.randint(10, max(10, min(age - 1, 90))))
            elif status == "in_behandeling" and age >= 3 and rng.random() < 0.5:
                feedback = "Aanmelding ontvangen; intake wordt gepland."
                feedback_on = sent + timedelta(days=rng.randint(1, min(age - 1, 14)))
            elif status == "geweigerd":
                feedback = "Geen passend aanbod op dit moment; in overleg met ouders andere hulp gezocht."
                feedback_on = sent + timedelta(days=rng.randint(3, max(3, min(age, 30))))
            author = self.worker(loc)
            consent_on = sent - timedelta(days=rng.randint(0, 7)) if consent else None
            reason = rng.choice(PARTNER_REFERRALS[kind]) if track is None else TRACK_REFERRAL_REASONS[not consent]
            rows.append({
                "client_uuid": self.uuid(), "child_id": kid.id, "location_id": loc.id, "partner_id": partner["id"],
                "contact_name": partner["contact_name"],
                "reason": self.fill(reason, kid, ouder=parent),
                "consent_given": consent, "consent_by": parent if consent else "", "consent_on": consent_on,
                "meldcode_track_id": track["id"] if track is not None and not consent else None,
                "sent_on": sent, "feedback_due": sent + timedelta(days=42), "status": status,
                "feedback": feedback, "feedback_on": feedback_on, "created_by_id": author.id,
                "created_at": _at(sent, 13, rng.randint(0, 200)),
            })
            if consent:
                consents.append({"child_id": kid.id, "kind": "gegevens_delen", "partner_id": partner["id"],
                                 "given": True, "given_by": parent, "given_on": consent_on,
                                 "recorded_by_id": author.id})

        # Tracks that decided to organise help or to report lead to a referral.
        for t in tracks:
            if len(rows) >= target:
                break
            if t["status"] == "gesloten" and t["decision_help"]:
                sent = min(t["closed_at"].astimezone(AMS).date() + timedelta(days=rng.randint(0, 3)), self.yesterday)
                no_consent = bool(t["decision_report"]) and rng.random() < 0.5
                add(t["_kid"], self.loc_by_id(t["location_id"]), sent, t["_partner"], t, consent=not no_consent)
        pool = [k for k in self.signal_kids] + [k for k in self.kids if k.status == "actief"]
        kinds = [k for k in ("wijkteam", "jeugdhulp", "ggd", "jeugd_ggz", "school") if k in by_kind]
        guard = 0
        while len(rows) < target and pool and guard < target * 20:
            guard += 1
            kid = rng.choice(pool)
            w = self.presence(kid)
            if w is None:
                continue
            kind = rng.choices(kinds, [{"wijkteam": 35, "jeugdhulp": 25, "ggd": 10, "jeugd_ggz": 15,
                                        "school": 15}[k] for k in kinds])[0]
            partner = rng.choice(by_kind[kind])
            if kind == "school":
                partner = next((p for p in by_kind[kind] if p["name"] == kid.school), partner)
            # Without a meldcode decision to report, sharing needs the parents' consent.
            add(kid, kid.home, self.open_day_between(*w), partner, None, consent=True)
        self.insert(ReferralOut, rows)
        self.insert(Consent, consents)
