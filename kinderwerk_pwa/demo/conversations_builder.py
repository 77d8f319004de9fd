"""Demo parent conversations with their children, guardians and agreements, as a mixin of the
demo generator (see generator.py).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from kinderwerk_pwa.models import (
    Agreement,
    ConversationChild,
    ConversationGoal,
    ConversationGuardian,
    ParentConversation,
)

from .constants import AMS
from .demo_dates import _at
from .plan import _Kid, _Loc, _Staff
from .text_banks import (
    AGREEMENTS,
    CONVERSATION_INTERPRETATIONS,
    CONVERSATION_PLACES,
    CONVERSATION_TEXTS,
    CONVERSATION_TOPICS,
    GOAL_TITLES,
    INTAKE_FACTS,
    PARTNER_AGREEMENT_KINDS,
)


class _ConversationsMixin:
    # ---------------------------------------------------------------- conversations

    def make_conversations(self, tracks: list[dict]) -> None:
        rng = self.rng
        target = max(min(6, self.n_children), round(60 * self.scale))
        convs: list[dict] = []  # each with _kids, _guardians, _agreements

        def add(kind: str, kid: _Kid, loc: _Loc, when: datetime, author: _Staff, *, track_id=None,
                facts: str | None = None, doel: str = "") -> None:
            fam = kid.family
            parents = fam.guardians if len(fam.guardians) == 1 or rng.random() < 0.35 else [rng.choice(fam.guardians)]
            parent = parents[0]
            kids = [kid] + [k for k in fam.kids if k is not kid and loc in k.known and rng.random() < 0.4]
            text = facts or rng.choice(CONVERSATION_TEXTS[kind])
            discussed = not (kind == "zorg" and track_id is None and rng.random() < 0.1)
            convs.append({
                "client_uuid": self.uuid(), "organisation_id": self.org_id, "family_id": fam.id,
                "location_id": loc.id, "author_id": author.id, "kind": kind, "held_at": when,
                "place": CONVERSATION_PLACES[kind] if loc.kind == "huiskamer" or kind in ("huisbezoek", "informeel")
                else f"{loc.name}, spreekkamer",
                "topics": CONVERSATION_TOPICS[kind],
                "facts": self.fill(text, kid, ouder=parent.name, doel=doel),
                "interpretation": self.fill(rng.choice(CONVERSATION_INTERPRETATIONS), kid, ouder=parent.name)
                if rng.random() < 0.25 else "",
                "discussed_with_parent": discussed,
                "not_discussed_reason": "" if discussed else
                "Nog niet besproken: eerst overleg met de aandachtsfunctionaris (meldcode).",
                "track_id": track_id, "created_at": when + timedelta(minutes=rng.randint(30, 240)),
                "_kids": kids, "_guardians": parents, "_kid": kid, "_parent": parent, "_author": author,
            })

        # Intake conversations for the intakes held within the history.
        for kid in self.kids:
            if kid.intake_on and kid.intake_by and self.history_start <= kid.intake_on < self.today \
                    and kid.status in ("actief", "uitgestroomd", "intake"):
                d = kid.intake_on
                if d.isoweekday() > 5:
                    d -= timedelta(days=d.isoweekday() - 5)
                doel = kid.goals[0] if kid.goals else rng.choice(GOAL_TITLES)
                add("intake", kid, kid.home, _at(d, 9, rng.randint(30, 390)), kid.intake_by,
                    facts=rng.choice(INTAKE_FACTS), doel=doel)
        # Meldcode step 3: the conversation with the parents.
        for t in tracks:
            if 3 in t["_steps"] and not t["_skip3"]:
                kid = t["_kid"]
                when = t["_steps"][3]
                add("zorg", kid, self.loc_by_id(t["location_id"]), when, self.staff_by_id(t["opened_by_id"]),
                    track_id=t["id"])
        # Fill up with evaluations, informal talks at the door, home visits and worries.
        enrolled = [k for k in self.kids if k.status == "actief" or (k.status == "uitgestroomd" and k.end >= self.history_start)]
        fill = max(round(0.3 * target), target - len(convs))
        for _ in range(fill):
            if not enrolled:
                break
            kind = rng.choices(("evaluatie", "informeel", "huisbezoek", "zorg"), (45, 35, 8, 12))[0]
            kid = rng.choice(self.signal_kids) if kind == "zorg" and self.signal_kids else rng.choice(enrolled)
            w = self.presence(kid)
            if w is None:
                continue
            first, last = w
            if kind == "evaluatie" and kid.start:
                first = max(first, kid.start + timedelta(days=30))
                if first > last:
                    kind, first = "informeel", w[0]
            d = self.open_day_between(first, last)
            hour = {"informeel": 17, "huisbezoek": 10}.get(kind, 13)
            add(kind, kid, kid.home, _at(d, hour, rng.randint(0, 40 if kind == "informeel" else 150)),
                self.worker(kid.home))

        convs.sort(key=lambda c: (c["held_at"], c["client_uuid"]))
        ids = self.insert_ids(ParentConversation, [{k: v for k, v in c.items() if not k.startswith("_")} for c in convs])
        cc, cg, agreements, goal_links = [], [], [], []
        partners = [p for p in self.partners if p["kind"] in ("wijkteam", "jeugdhulp", "school", "ggd")]
        for c, id_ in zip(convs, ids, strict=True):
            seen = []
            for k in c["_kids"]:
                if k.id not in seen:
                    seen.append(k.id)
                    cc.append({"conversation_id": id_, "child_id": k.id})
            for g in c["_guardians"]:
                cg.append({"conversation_id": id_, "guardian_id": g.id})
            held_day = c["held_at"].astimezone(AMS).date()
            if c["kind"] == "evaluatie":  # the goals of the child that ran on that day (no random draw)
                kid_ids = set(seen)
                goal_links.extend({"conversation_id": id_, "goal_id": goal_id}
                                  for goal_id, child_id, start, end in getattr(self, "goal_spans", [])
                                  if child_id in kid_ids and start <= held_day <= end)
            n_agr = rng.choices((1, 2, 3), (45, 40, 15))[0]
            owner_kinds = rng.sample(("ouder", "kinderwerker", "partner"), min(3, n_agr)) if n_agr > 1 else \
                [rng.choice(("ouder", "kinderwerker", "ouder"))]
            for owner_kind in owner_kinds:
                kid, parent, author = c["_kid"], c["_parent"], c["_author"]
                template = rng.choice(AGREEMENTS[owner_kind])
                partner = {"name": ""}
                if owner_kind == "partner":
                    fits = PARTNER_AGREEMENT_KINDS[AGREEMENTS["partner"].index(template)]
                    options = [p for p in partners if p["kind"] in fits] or partners
                    partner = rng.choice(options)
                    if partner["kind"] == "school":
                        partner = next((p for p in options if p["name"] == kid.school), partner)
                text = self.fill(template, kid, ouder=parent.name, partner=partner["name"])
                due = held_day + timedelta(days=rng.randint(7, 42))
                if due < self.today:
                    status = rng.choices(("gedaan", "open", "vervallen"), (80, 15, 5))[0]
                else:
                    status = "gedaan" if rng.random() < 0.15 else "open"
                owner_staff = author if owner_kind == "kinderwerker" else None
                done_at = None
                if status == "gedaan":
                    latest = min(due, self.yesterday)
                    done_day = self.day_between(min(held_day + timedelta(days=1), latest), latest)
                    done_at = _at(done_day, 11, rng.randint(0, 300))
                agreements.append({
                    "client_uuid": self.uuid(), "conversation_id": id_, "description": text,
                    "owner_kind": owner_kind,
                    "owner_name": {"ouder": parent.name, "kinderwerker": author.name,
                                   "partner": partner["name"]}[owner_kind],
                    "owner_staff_id": owner_staff.id if owner_staff else None, "due_date": due,
                    "status": status, "done_at": done_at,
                    "done_by_id": (owner_staff or author).id if status == "gedaan" else None,
                })
        self.insert(ConversationChild, cc)
        self.insert(ConversationGuardian, cg)
        self.insert(ConversationGoal, goal_links)
        self.insert(Agreement, agreements)
