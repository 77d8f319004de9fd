"""Demo signals and meldcode tracks (with their steps and follow-ups), as a mixin of the demo
generator (see generator.py).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from kinderwerk_pwa.models import MeldcodeStep, MeldcodeTrack, Signal

from .constants import AMS
from .demo_dates import _at
from .plan import _Kid, _Loc
from .text_banks import (
    ACUTE_ADVICE,
    ACUTE_SIGNAL_TEXTS,
    CLOSE_REASONS,
    SIGNAL_PLACES,
    SIGNAL_TEXTS,
    SKIP_REASON,
    STEP3_ANSWERS,
    STEP_TEXTS,
    UNKNOWN_SIGNALS,
    VEILIG_THUIS_ADVICE,
    WEIGHINGS,
)


class _SignalsMixin:
    # ---------------------------------------------------------------- signals and meldcode

    def presence(self, kid: _Kid) -> tuple[date, date] | None:
        """The days (within the history) on which the child is seen at its home location."""
        if kid.status in ("actief", "uitgestroomd"):
            first, last = kid.start, kid.end or self.yesterday
        elif kid.status == "bekend":
            first, last = kid.known_since, self.yesterday
        else:
            return None
        first, last = max(first, self.history_start), min(last, self.yesterday)
        return (first, last) if first <= last else None

    def signal_time(self, loc: _Loc, day: date) -> datetime:
        rng = self.rng
        if loc.kind == "school":
            return _at(day, 8, rng.randint(20, 400))
        if loc.kind == "speelpleinroute":
            return _at(day, 14, rng.randint(0, 330))
        return _at(day, 14, rng.randint(40, 180))

    def make_signals_and_tracks(self) -> list[dict]:
        rng = self.rng
        n_signals = max(min(12, 2 * self.n_children), round(40 * self.scale))
        n_tracks = max(3, round(n_signals / 4))
        n_unknown = max(2, round(0.07 * n_signals))
        n_cluster_only = max(1, round(0.3 * n_tracks))
        n_acute = max(1, round(0.06 * n_signals))

        windows = {}
        for kid in self.kids:
            w = self.presence(kid)
            if w is not None:
                windows[kid.id] = w
        candidates = [k for k in self.kids if k.id in windows]
        used: set[int] = set()

        def pick(day: date, lead: int, fresh: bool = True) -> _Kid | None:
            """A child seen at its location on ``day`` and already ``lead`` days before."""
            for _ in range(300):
                kid = rng.choice(candidates)
                first, last = windows[kid.id]
                if (not fresh or kid.id not in used) and first <= day - timedelta(days=lead) and day <= last:
                    return kid
            return None

        signals: list[dict] = []  # with "_track" (index) for linking later

        def loc_for(kid: _Kid) -> _Loc:
            return kid.home if rng.random() < 0.8 else rng.choice(kid.known)

        def add_signal(kid: _Kid | None, loc: _Loc, when: datetime, text, acute=False, track=None,
                       unknown=("", None)):
            cats, facts, source, interp = text
            author = self.worker(loc)
            signals.append({
                "client_uuid": self.uuid(), "organisation_id": self.org_id, "location_id": loc.id,
                "child_id": kid.id if kid else None, "unknown_description": unknown[0], "unknown_age": unknown[1],
                "author_id": author.id, "observed_at": when,
                "place": rng.choice(SIGNAL_PLACES[loc.kind]), "categories": cats,
                "facts": self.fill(facts, kid), "interpretation": self.fill(interp, kid) if interp and rng.random() < 0.6 else "",
                "source": source, "acute": acute, "_track": track,
                "created_at": when + timedelta(minutes=rng.randint(5, 150)),
            })
            return author

        # Tracks: open at different steps, recent ones early in the process, old ones closed.
        # Spread over the whole history: pick the day first, then a child seen around then.
        plans = []
        for _ in range(n_tracks if candidates else 0):
            opened_day = self.day_between(self.history_start + timedelta(days=20), self.yesterday)
            kid = pick(opened_day, 20)
            if kid is not None:
                used.add(kid.id)
                plans.append((opened_day, kid))
        plans.sort(key=lambda p: (p[0], p[1].id))
        template = ["melden", "hulp", 5, "geen", 4, 3, 3, 2, 2, 1]
        recent = [p for p in plans if (self.today - p[0]).days <= 120]
        old = [p for p in plans if (self.today - p[0]).days > 120]
        states = {}
        for p in old:  # an old track is almost always closed; a few got stuck at step 5
            stuck = 8 if (self.today - p[0]).days <= 365 else 2
            states[id(p)] = rng.choices(("melden", "hulp", "geen", 5), (33, 42, 17, stuck))[0]
        for i, p in enumerate(recent):
            states[id(p)] = template[min(len(template) - 1, i * len(template) // max(1, len(recent)))]

        tracks: list[dict] = []
        steps: list[tuple[int, dict]] = []
        acute_left = n_acute
        now_limit = _at(self.yesterday, 20)
        for p in plans:
            opened_day, kid = p
            state = states[id(p)]
            loc = kid.home
            first_day = windows[kid.id][0]
            acute = acute_left > 0 and state in ("melden", 5, 4, 3)
            texts = rng.sample(SIGNAL_TEXTS, 4)
            if acute:
                acute_left -= 1
                n_sig = rng.randint(1, 2)
            else:
                n_sig = rng.choice((1, 2, 3, 3, 4, 4))
            days = sorted(self.day_between(max(first_day, opened_day - timedelta(days=28)), opened_day)
                          for _ in range(n_sig - 1)) + [opened_day]
            t_idx = len(tracks)
            author = None
            for j, d in enumerate(days):
                is_acute = acute and j == len(days) - 1
                text = rng.choice(ACUTE_SIGNAL_TEXTS) if is_acute else texts[j]
                author = add_signal(kid, loc, self.signal_time(loc, d), text, acute=is_acute, track=t_idx)
            opened_at = signals[-1]["observed_at"] + timedelta(minutes=rng.randint(20, 180))
            owner = rng.choice(self.af) if rng.random() < 0.7 else rng.choice(self.teamleiders)
            closed = state in ("melden", "hulp", "geen")
            done_steps = [1, 2, 3, 4, 5] if state in ("melden", "hulp") else [1, 2, 3, 4] if state == "geen" \
                else list(range(1, state))
            outcome = state if closed else rng.choice(("melden", "hulp"))
            weighing, report, help_ = rng.choice(WEIGHINGS[outcome])
            # Step moments: a few days apart, squeezed when the track is recent.
            offsets, total = [], 0.0
            for step in done_steps:
                total += 0.01 if step == 1 else rng.uniform(1.5, 7.0)
                offsets.append(total)
            room = (now_limit - opened_at).total_seconds() / 86400
            if closed:
                total_needed = total + 0.5
            else:
                total_needed = total + 1.0
            factor = max(0.0, min(1.0, room / total_needed))
            if acute:
                factor = min(factor, 0.15)
            step_times, prev = [], opened_at
            for o in offsets:
                d = opened_day + timedelta(days=round(o * factor))
                while d.isoweekday() > 5 and d < self.yesterday:  # office work happens on weekdays
                    d += timedelta(days=1)
                t = _at(d, 9, rng.randint(0, 480))
                if t <= prev:
                    t = prev + timedelta(minutes=rng.randint(10, 90))
                step_times.append(t)
                prev = t
            parent = kid.family.guardians[0]
            skip3 = (acute or outcome == "melden") and rng.random() < 0.5
            partner = rng.choice([pt for pt in self.partners if pt["kind"] in ("wijkteam", "jeugdhulp")])
            for step, t in zip(done_steps, step_times, strict=True):
                row = {"client_uuid": self.uuid(), "step_no": step, "status": "gedaan", "by_id": author.id,
                       "at": t, "with_whom": "", "conclusion": "", "skip_reason": "", "veilig_thuis_advice": "",
                       "weighing_answers": ""}
                if step == 1:
                    row["conclusion"] = STEP_TEXTS[1].format(
                        n="1 signaal" if len(days) == 1 else f"{len(days)} signalen", first=days[0].strftime("%d-%m-%Y"), last=days[-1].strftime("%d-%m-%Y"))
                elif step == 2:
                    af = self.af[0]
                    row["with_whom"] = f"{af.name} (aandachtsfunctionaris)"
                    row["conclusion"] = STEP_TEXTS[2]
                    if acute:
                        row["veilig_thuis_advice"] = ACUTE_ADVICE
                    elif rng.random() < 0.4:
                        row["veilig_thuis_advice"] = rng.choice(VEILIG_THUIS_ADVICE)
                elif step == 3:
                    if skip3:
                        row["status"] = "overgeslagen"
                        row["skip_reason"] = SKIP_REASON
                    else:
                        row["with_whom"] = f"{parent.name} ({parent.relation})"
                        answer = STEP3_ANSWERS[1] if outcome == "melden" and rng.random() < 0.5 else rng.choice(
                            (STEP3_ANSWERS[0], STEP3_ANSWERS[2]))
                        row["conclusion"] = STEP_TEXTS[3].format(ouder=parent.name, relatie=parent.relation,
                                                                 answer=answer)
                elif step == 4:
                    row["by_id"] = owner.id
                    row["with_whom"] = author.name
                    row["weighing_answers"] = weighing
                    row["conclusion"] = STEP_TEXTS[4].format(answers=weighing.replace(";", ", "))
                else:
                    row["by_id"] = owner.id
                    row["conclusion"] = STEP_TEXTS[5].format(
                        report="melden bij Veilig Thuis" if report else "niet melden",
                        help="hulp organiseren" if help_ else "geen hulp via ons")
                steps.append((t_idx, row))
            closed_at = step_times[-1] + timedelta(hours=1) if closed else None
            close_day = (closed_at.astimezone(AMS).date() if closed_at else None)
            tracks.append({
                "client_uuid": self.uuid(), "organisation_id": self.org_id, "location_id": loc.id,
                "child_id": kid.id, "opened_by_id": author.id, "owner_id": owner.id, "opened_at": opened_at,
                "due_date": opened_day + timedelta(days=28), "status": "gesloten" if closed else "open",
                "current_step": 5 if state in ("melden", "hulp") else 4 if state == "geen" else state,
                "decision_report": report if closed else None, "decision_help": help_ if closed else None,
                "closed_at": closed_at,
                "close_reason": CLOSE_REASONS[state].format(date=close_day.strftime("%d-%m-%Y") if close_day else "",
                                                            partner=partner["name"]) if closed else "",
                "_kid": kid, "_outcome": outcome, "_steps": dict(zip(done_steps, step_times, strict=True)),
                "_skip3": skip3, "_partner": partner,
            })

        track_ids = self.insert_ids(MeldcodeTrack, [{k: v for k, v in t.items() if not k.startswith("_")}
                                                    for t in tracks])
        for t, id_ in zip(tracks, track_ids, strict=True):
            t["id"] = id_
        self.insert(MeldcodeStep, [{**row, "track_id": tracks[t_idx]["id"]} for t_idx, row in steps])

        # Clusters without a track: three or more signals within 30 days (two of them recent: "needs a look").
        for i in range(n_cluster_only if candidates else 0):
            if i < 2:
                end = self.day_between(max(self.history_start, self.yesterday - timedelta(days=40)), self.yesterday)
            else:
                end = self.day_between(self.history_start, self.yesterday)
            kid = pick(end, 28)
            if kid is None:
                continue
            used.add(kid.id)
            first, last = windows[kid.id]
            texts = rng.sample(SIGNAL_TEXTS, 4)
            n_sig = rng.choice((3, 3, 4))
            days = sorted(self.day_between(max(first, end - timedelta(days=28)), end) for _ in range(n_sig))
            for j, d in enumerate(days):
                loc = kid.home
                add_signal(kid, loc, self.signal_time(loc, d), texts[j])

        # Unknown children, at playgrounds (or wherever the kinderwerkers go).
        outreach = [loc for loc in self.locs if loc.kind == "speelpleinroute"] or self.outreach or self.locs
        for i in range(n_unknown):
            desc, age, cats, facts = UNKNOWN_SIGNALS[i % len(UNKNOWN_SIGNALS)]
            loc = rng.choice(outreach)
            d = self.day_between(self.history_start, self.yesterday)
            add_signal(None, loc, _at(d, 18, rng.randint(0, 150)), (cats, facts, "zelf_gezien", ""),
                       unknown=(desc, age))

        # Single signals about other known children.
        misses = 0
        while len(signals) < n_signals and candidates and misses < 1000:
            d = self.day_between(self.history_start, self.yesterday)
            kid = pick(d, 0, fresh=False)
            if kid is None:
                misses += 1
                continue
            loc = loc_for(kid)
            add_signal(kid, loc, self.signal_time(loc, d), rng.choice(SIGNAL_TEXTS))

        signals.sort(key=lambda s: (s["observed_at"], s["client_uuid"]))
        for s in signals:
            t = s.pop("_track")
            s["track_id"] = tracks[t]["id"] if t is not None else None
            s["version"] = 1
        self.insert(Signal, signals)
        self.signal_kids = [self.kid_by_id(s["child_id"]) for s in signals if s["child_id"] is not None]
        return tracks
