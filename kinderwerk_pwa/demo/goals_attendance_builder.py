"""Demo leerdoelen (goals) with their progress, and months of attendance history, as a mixin of
the demo generator (see generator.py).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from kinderwerk_pwa.models import AttendanceEvent, FollowUp, Goal, GoalProgress

from .constants import CHUNK
from .demo_dates import _at
from .plan import _Kid, _Loc, _Staff
from .text_banks import AFMELD_REASONS, GOAL_TITLES


class _GoalsAttendanceMixin:
    # ---------------------------------------------------------------- goals

    def make_goals(self) -> None:
        rng = self.rng
        goal_rows, goal_meta = [], []
        for kid in self.kids:
            if not kid.enrolled:
                continue
            n_goals = rng.choices((1, 2, 3), (35, 45, 20))[0]
            titles = rng.sample(GOAL_TITLES, n_goals)
            kid.goals = titles
            last = min(kid.end or self.yesterday, self.yesterday)
            for title in titles:
                start = kid.start + timedelta(days=rng.randint(0, 14))
                if start > last:
                    start = kid.start
                status, achieved = "actief", None
                evaluations = []
                score = rng.choice((1, 2, 2, 3))
                improving = rng.random() < 0.78
                d = start + timedelta(days=rng.randint(42, 84))
                while d <= last:
                    evaluations.append((d, score))
                    if improving and score >= 4 and rng.random() < (0.1 if score == 4 else 0.4):
                        status, achieved = "behaald", d
                        break
                    r = rng.random()
                    if improving:
                        score += 1 if r < 0.45 else -1 if r < 0.52 else 0
                    else:
                        score += 1 if r < 0.2 else -1 if r < 0.4 else 0
                    score = max(1, min(5, score))
                    d += timedelta(days=rng.randint(56, 84))
                if status == "actief" and kid.status == "uitgestroomd":
                    status = "gestopt"
                goal_rows.append({"child_id": kid.id, "location_id": kid.home.id, "title": title,
                                  "start_date": start, "status": status, "achieved_on": achieved,
                                  "created_by_id": kid.intake_by.id})
                goal_meta.append((kid, start, achieved or last, evaluations, improving))
        ids = self.insert_ids(Goal, goal_rows)
        # (goal id, child id, start, end): an evaluation conversation links the goals it evaluates.
        self.goal_spans = [(goal_id, kid.id, start, end)
                           for goal_id, (kid, start, end, _, _) in zip(ids, goal_meta, strict=True)]
        progress = []
        for goal_id, (kid, start, last, evaluations, improving) in zip(ids, goal_meta, strict=True):
            for d, score in evaluations:
                progress.append({"client_uuid": self.uuid(), "goal_id": goal_id,
                                 "at": _at(d, 17, rng.randint(30, 90)), "kind": "evaluatie",
                                 "went_well": None, "score": score, "by_id": self.worker(kid.home).id})
            first = max(start, self.history_start)
            total = max(1, (last - start).days)
            week = first - timedelta(days=first.weekday())
            while week <= last:
                if rng.random() < 0.5:
                    d = week + timedelta(days=rng.choice(kid.weekdays) - 1)
                    if first <= d <= last and d not in self.closed:
                        frac = (d - start).days / total
                        p_well = 0.4 + (0.4 if improving else 0.1) * frac
                        progress.append({"client_uuid": self.uuid(), "goal_id": goal_id,
                                         "at": _at(d, 15, rng.randint(20, 110)), "kind": "moment",
                                         "went_well": rng.random() < p_well, "score": None,
                                         "by_id": self.worker(kid.home).id})
                week += timedelta(days=7)
        self.insert(GoalProgress, progress)

    # ---------------------------------------------------------------- attendance

    def make_attendance(self) -> None:
        rng = self.rng
        buf: list[dict] = []
        need: list[tuple[dict, str, dict | None]] = []  # rows whose id is needed: (row, tag, follow row)
        followups: list[dict] = []
        stale_before = self.today - timedelta(days=3)
        moods, mood_w = (1, 2, 3, 4, 5), (5, 10, 25, 35, 25)

        def event(kid, loc, day, kind, at, by, picked="", reason="", mood=None, undoes=None):
            return {"client_uuid": self.uuid(), "child_id": kid.id, "location_id": loc.id, "day": day,
                    "kind": kind, "at": at, "by_id": by, "picked_up_by": picked, "reason": reason,
                    "mood": mood, "undoes_id": undoes}

        def flush_need() -> None:
            ids = self.insert_ids(AttendanceEvent, [row for row, _, _ in need])
            for id_, (row, tag, extra) in zip(ids, need, strict=True):
                if tag == "late":
                    extra["undoes_id"] = id_
                    buf.append(extra)
                else:
                    day = row["day"]
                    done = day < stale_before and rng.random() < 0.92
                    due = day + timedelta(days=3 if day.isoweekday() == 5 else 1)
                    done_day = day + timedelta(days=rng.choice((0, 1)))
                    done_hour = 17 if done_day == day else rng.choice((10, 17))
                    followups.append({
                        "child_id": row["child_id"], "location_id": row["location_id"], "title": "Ouder bellen",
                        "due_date": due, "status": "gedaan" if done else "open",
                        "created_at": row["at"], "created_by_id": row["by_id"], "source_event_id": id_,
                        "done_at": _at(done_day, done_hour, rng.randint(40, 110)) if done else None,
                    })
            need.clear()

        def child_day(kid: _Kid, loc: _Loc, day: date, base: datetime, on_duty: list[_Staff], extra: bool) -> None:
            by = rng.choice(on_duty).id
            if extra:
                buf.append(event(kid, loc, day, "extra", base + timedelta(minutes=rng.randint(11 * 60, 13 * 60)),
                                 by, reason="Ouder vroeg om een extra middag"))
            r = rng.random()
            p_excused, p_absent = (0.12, 0.07) if kid.absent_prone else (0.06, 0.025)
            if not extra and r < p_excused:
                buf.append(event(kid, loc, day, "afgemeld", base + timedelta(minutes=rng.randint(8 * 60, 14 * 60)),
                                 by, reason=rng.choice(AFMELD_REASONS)))
                return
            if not extra and r < p_excused + p_absent:
                row = event(kid, loc, day, "afwezig", base + timedelta(minutes=rng.randint(14 * 60 + 45, 15 * 60 + 20)), by)
                need.append((row, "followup", None))
                return
            if rng.random() < 0.012:  # marked absent, then arrived late: the absence is undone
                arrive = base + timedelta(minutes=rng.randint(15 * 60 + 20, 15 * 60 + 45))
                row = event(kid, loc, day, "afwezig", base + timedelta(minutes=rng.randint(14 * 60 + 40, 15 * 60 + 5)), by)
                need.append((row, "late", event(kid, loc, day, "ongedaan", arrive, by)))
            else:
                arrive = base + timedelta(minutes=rng.randint(14 * 60 + 25, 15 * 60 + 10))
            buf.append(event(kid, loc, day, "aanwezig", arrive, by))
            if rng.random() < 0.2:
                buf.append(event(kid, loc, day, "stemming", arrive + timedelta(minutes=rng.randint(1, 20)), by,
                                 mood=rng.choices(moods, mood_w)[0]))
            leave_min = rng.randint(16 * 60, 17 * 60) if rng.random() < 0.1 else rng.randint(17 * 60, 17 * 60 + 35)
            leave = base + timedelta(minutes=leave_min)
            by = rng.choice(on_duty).id
            if kid.may_go_home_alone and day >= kid.home_alone_on and rng.random() < 0.75:
                buf.append(event(kid, loc, day, "zelfstandig", leave, by))
            else:
                buf.append(event(kid, loc, day, "opgehaald", leave, by, picked=rng.choice(kid.pickups)))

        huis = self.huiskamers
        by_weekday = {h.idx: {wd: [s for s in h.slots if wd in s.weekdays] for wd in range(1, 6)} for h in huis}
        day = self.history_start
        while day < self.today:
            wd = day.isoweekday()
            if wd <= 5 and day not in self.closed:
                base = _at(day, 0)
                for h in huis:
                    on_duty = rng.sample(h.staff, min(2, len(h.staff)))
                    workers = [s for s in on_duty if s.role == "kinderwerker"] or on_duty
                    for slot in by_weekday[h.idx][wd]:
                        kid = slot.occupant_on(day)
                        if kid is not None:
                            child_day(kid, h, day, base, workers, extra=False)
                    if rng.random() < 0.12:
                        others = [s for s in h.slots if wd not in s.weekdays]
                        kid = rng.choice(others).occupant_on(day) if others else None
                        if kid is not None:
                            child_day(kid, h, day, base, workers, extra=True)
                if len(need) >= 1000:
                    flush_need()
                if len(buf) >= CHUNK:
                    self.insert(AttendanceEvent, buf)
                    buf.clear()
                if len(followups) >= CHUNK:
                    self.insert(FollowUp, followups)
                    followups.clear()
            day += timedelta(days=1)
        flush_need()
        self.insert(AttendanceEvent, buf)
        self.insert(FollowUp, followups)
