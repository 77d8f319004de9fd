"""Demo activities of the open work (the programme, what became of each occurrence, who came) as a
mixin of the demo generator (see generator.py).

The programme follows the school year in blocks (ISO weeks 2-7, 9-17, 19-29, 34-42 and 44-51) and
holidays (voorjaarsvakantie week 8, meivakantie 18, zomervakantie 30-33, herfstvakantie 43); the
Christmas weeks have none. Every location gets weekly series per block, from the start of the
history until the end of the block that runs today (and the next one when it starts within four
weeks):

- speelpleinroute: sport en spel on a square (in winter: a sportinstuif in the gym), the
  Droomspeelbus in a playground, football on a trapveld in another neighbourhood; in the holidays
  vakantiespelen, in summer the jeugdland (building huts) and an outing to the beach.
- school (brede school, the school as partner): huiswerkklas, sport on the schoolyard, a Thursday
  block that rotates (creatief, kookclub, voorleesclub, theater, geldwijs) and a parents' coffee
  morning per block.
- huiskamer: cooking together on Wednesdays, a parent meeting per block and outings in the holidays.

Past occurrences are mostly realised, with registered children known at the location (regulars of
the series first) and an anonymous tally per age band and gender; some are cancelled with a reason
(public holiday, rain, illness, a school day off), a few are moved (the original 'verplaatst' with a
new occurrence on the new date pointing back), and some of the last ten days are not registered yet.
Today every speelpleinroute has an activity (so a kinderwerker sees it on Vandaag).

Rows go straight to the tables in bulk, like the other builders, keeping the domain's invariants:
a registration's counts equal the rows they count, a child present is known at the location, tally
cells are positive, only non-future occurrences are realised, a cancellation has a reason. Its
randomness comes from its own `random.Random` seeded from the generator's seed, so the rest of the
demo data is the same with or without activities.
"""

from __future__ import annotations

import random
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from kinderwerk_pwa.models import (
    Activity,
    ActivityChild,
    ActivityObservation,
    ActivityRegistration,
    ActivitySeries,
    ActivitySeriesTheme,
    ActivityTally,
)
from kinderwerk_pwa.models.activities import AGE_BANDS, GENDERS
from kinderwerk_pwa.models.staff import NON_FIELD_ROLES

from . import activity_texts as T
from . import names as N
from .demo_dates import _add_years, _age, _at, _easter
from .plan import _Kid, _Loc, _Staff

LOOKAHEAD = timedelta(days=28)  # the next block is planned when it starts within four weeks
RECENT = timedelta(days=10)  # occurrences this recent may still wait for their registration

# (kind, first ISO week, last ISO week) of the school year; the index rotates the Thursday block.
_PERIODS = (("blok", 2, 7), ("vakantie", 8, 8), ("blok", 9, 17), ("vakantie", 18, 18), ("blok", 19, 29),
            ("zomer", 30, 33), ("blok", 34, 42), ("vakantie", 43, 43), ("blok", 44, 51))


@dataclass(frozen=True)
class _Period:
    kind: str  # blok / vakantie / zomer
    first: date  # Monday
    last: date  # Sunday
    index: int  # in _PERIODS
    number: int  # running number (rotates what a block offers)

    @property
    def winter(self) -> bool:
        return self.index in (0, len(_PERIODS) - 1)  # January-February, November-December


@dataclass(eq=False)
class _Series:
    loc: _Loc
    tpl: T.Template
    title: str
    themes: tuple[str, ...]
    place_kind: str
    place_name: str
    neighbourhood: str
    partner_id: int | None
    days: list[date]
    lead: _Staff
    created: date
    planned: int
    pool: list[tuple[_Kid, date, date]] = field(default_factory=list)
    regulars: list[_Kid] = field(default_factory=list)
    id: int = 0


@dataclass(eq=False)
class _Occ:
    series: _Series
    day: date
    status: str = "gepland"
    reason: str = ""
    holiday: bool = False  # a public holiday: cancelled ahead, never moved or left open
    moved_from: _Occ | None = None
    moved_to: _Occ | None = None
    children: list[_Kid] = field(default_factory=list)
    tally: dict[tuple[str, str], int] = field(default_factory=dict)
    id: int = 0


def _periods(first: date, last: date) -> list[_Period]:
    """The blocks and holidays overlapping [first, last], in order."""
    found = []
    for year in range(first.year - 1, last.year + 2):
        for i, (kind, week_a, week_b) in enumerate(_PERIODS):
            start = date.fromisocalendar(year, week_a, 1)
            end = date.fromisocalendar(year, week_b, 7)
            if end >= first and start <= last:
                found.append(_Period(kind, start, end, i, year * len(_PERIODS) + i))
    return found


def _public_holidays(first: date, last: date) -> dict[date, str]:
    days: dict[date, str] = {}
    for year in range(first.year - 1, last.year + 2):
        easter = _easter(year)
        koningsdag = date(year, 4, 27) if date(year, 4, 27).isoweekday() != 7 else date(year, 4, 26)
        days.update({easter + timedelta(days=1): "Tweede paasdag", koningsdag: "Koningsdag",
                     easter + timedelta(days=39): "Hemelvaartsdag",
                     easter + timedelta(days=40): "vrije dag na Hemelvaart",
                     easter + timedelta(days=50): "Tweede pinksterdag"})
    return days


def _weekly(first: date, last: date, weekday: int) -> list[date]:
    """Every `weekday` (ISO) from first to last."""
    day = first + timedelta(days=(weekday - first.isoweekday()) % 7)
    days = []
    while day <= last:
        days.append(day)
        day += timedelta(days=7)
    return days


def _article(street: str) -> str:
    return "het" if street.endswith(("pad", "hof", "plein", "erf")) else "de"


class _ActivitiesMixin:
    # ---------------------------------------------------------------- entry

    def make_activities(self) -> None:
        self.arng = random.Random(f"activiteiten-{self.seed}")
        self.act_end = self.today + LOOKAHEAD
        self.public_holidays = _public_holidays(self.history_start, self.act_end)
        self.school_partner = {p["name"]: p["id"] for p in self.partners if p["kind"] == "school"}
        self.act_pools = self._activity_pools()
        self.act_stops: dict[int, dict[str, tuple[str, str, str, str]]] = {}
        series: list[_Series] = []
        periods = _periods(self.history_start, self.act_end)
        for loc in self.locs:
            own: list[_Series] = []
            for period in periods:
                if period.first > self.act_end:
                    continue
                if loc.kind == "speelpleinroute":
                    own += self._route_series(loc, period)
                elif loc.kind == "school":
                    own += self._school_series(loc, period)
                else:
                    own += self._huiskamer_series(loc, period)
            series += own
            if loc.kind == "speelpleinroute" and not any(self.today in s.days for s in own):
                series.append(self._today_series(loc, periods))
        if not any(loc.kind == "speelpleinroute" for loc in self.locs):  # small demo: still one today
            loc = (self.outreach or self.locs)[0]
            if not any(self.today in s.days for s in series if s.loc is loc):
                series.append(self._today_series(loc, periods))
        occurrences = self._decide(series)
        self._write_activities(series, occurrences)

    # ---------------------------------------------------------------- who can come

    def _activity_pools(self) -> dict[int, list[tuple[_Kid, date, date]]]:
        """Per location: (child, first day, last day) of the children known there who can come then
        (age 4-12; at a huiskamer only the enrolled children, while enrolled)."""
        pools: dict[int, list[tuple[_Kid, date, date]]] = {loc.idx: [] for loc in self.locs}
        for kid in self.kids:
            for loc in kid.known:
                if loc.kind == "huiskamer":
                    if not (kid.enrolled and loc is kid.home):
                        continue
                    first, last = kid.start, kid.end or date.max
                else:
                    first = kid.known_since or kid.received_on or kid.start or self.history_start
                    last = date.max
                first = max(first, _add_years(kid.dob, 4))
                last = min(last, _add_years(kid.dob, 13) - timedelta(days=1))
                if first <= last:
                    pools[loc.idx].append((kid, first, last))
        return pools

    # ---------------------------------------------------------------- series

    def _stops(self, loc: _Loc) -> dict[str, tuple[str, str, str, str]]:
        """The places of a location's route: key -> (place_kind, place_name, neighbourhood, text)."""
        if loc.idx not in self.act_stops:
            rng = self.arng
            plazas = [s for s in N.STREETS if s.endswith("plein")]
            streets = [s for s in N.STREETS if not s.endswith("plein")]
            plaza, park, field_street = rng.choice(plazas), rng.choice(streets), rng.choice(streets)
            school = rng.choice(N.SCHOOLS)
            other = rng.choice([h for h in N.NEIGHBOURHOODS if h != loc.neighbourhood])
            self.act_stops[loc.idx] = {
                "plein": ("plein", plaza, "", f"het {plaza}"),
                "speeltuin": ("speeltuin", f"Speeltuin {park}", "", f"de speeltuin aan {_article(park)} {park}"),
                "schoolplein": ("schoolplein", f"Schoolplein {school}", other, f"het schoolplein van {school}"),
                "trapveld": ("plein", f"Trapveld {field_street}", other,
                             f"het trapveld aan {_article(field_street)} {field_street}"),
                "gymzaal": ("sporthal", f"Gymzaal {school}", other, f"de gymzaal van {school}"),
                "jeugdland": ("jeugdland", f"Jeugdland {loc.neighbourhood}", "", f"jeugdland {loc.neighbourhood}"),
            }
        return self.act_stops[loc.idx]

    def _lead(self, loc: _Loc) -> _Staff:
        return self.arng.choice(loc.workers or [s for s in loc.staff if s.role not in NON_FIELD_ROLES])

    def _series(self, loc: _Loc, tpl: T.Template, days: list[date], *, stop: str = "",
                place: tuple[str, str, str, str] | None = None, extra_theme: str = "",
                partner_id: int | None = None, planned: int | None = None, **fmt: str) -> _Series | None:
        """A series of `tpl` at `loc` on `days` (those in the history or later), held at the
        route's `stop` or at `place` (place_kind, place_name, neighbourhood, text), else at the
        location itself; with its pool of children who can come and its regulars."""
        days = [d for d in days if self.history_start <= d]
        if not days:
            return None
        rng = self.arng
        if place is None:
            place = self._stops(loc)[stop] if stop else ("", "", "", loc.name)
        place_kind, place_name, hood, text = place
        title = tpl.title.format(place=text, hood=loc.neighbourhood, **fmt)
        themes = tpl.themes + ((extra_theme,) if extra_theme and extra_theme not in tpl.themes else ())
        # Planned some weeks ahead; at the latest the day before yesterday (registrations follow).
        created = min(days[0] - timedelta(days=rng.randint(7, 28)), self.today - timedelta(days=2))
        s = _Series(loc, tpl, title, themes, place_kind, place_name, hood, partner_id, days, self._lead(loc),
                    created, tpl.planned if planned is None else planned)
        # Who can come: known at the location during the series, of the right age (and at a
        # huiskamer on that weekday); a share of them are its regulars.
        first, last, weekday = days[0], days[-1], days[0].isoweekday()
        for kid, a, b in self.act_pools[loc.idx]:
            if a > last or b < first or not tpl.min_age <= _age(kid.dob, first) <= tpl.max_age:
                continue
            if loc.kind == "huiskamer" and len(days) > 1 and weekday not in kid.weekdays:
                continue
            s.pool.append((kid, a, b))
        n_regulars = min(len(s.pool), max(3, round(0.6 * tpl.registered[1])))
        s.regulars = [kid for kid, _, _ in rng.sample(s.pool, n_regulars)]
        return s

    def _route_series(self, loc: _Loc, p: _Period) -> list[_Series]:
        rng = self.arng
        if p.kind == "blok":
            specs = [(2, T.ROUTE_TUESDAY_WINTER if p.winter else T.ROUTE_TUESDAY, "gymzaal" if p.winter else "plein"),
                     (3, T.ROUTE_WEDNESDAY, "speeltuin"), (5, T.ROUTE_FRIDAY, "trapveld")]
        elif p.kind == "zomer":
            specs = [(1, T.ROUTE_HOLIDAY, "plein"), (2, T.ROUTE_JEUGDLAND, "jeugdland"),
                     (3, T.ROUTE_HOLIDAY, "speeltuin"), (4, T.ROUTE_JEUGDLAND, "jeugdland")]
        else:
            specs = [(1, T.ROUTE_HOLIDAY, "plein"), (3, T.ROUTE_HOLIDAY, "speeltuin"),
                     (4, T.ROUTE_HOLIDAY, "trapveld")]
        found = [self._series(loc, tpl, _weekly(p.first, p.last, wd), stop=stop) for wd, tpl, stop in specs]
        if p.kind == "zomer":
            outing = p.first + timedelta(days=7 + 4)  # Friday of the second week
            found.append(self._series(loc, T.ROUTE_OUTING, [outing], extra_theme=rng.choice(("samenwerken", ""))))
        return [s for s in found if s]

    def _school_series(self, loc: _Loc, p: _Period) -> list[_Series]:
        if p.kind != "blok":
            return []
        rng = self.arng
        partner = self.school_partner.get(loc.name)
        thursday = T.SCHOOL_THURSDAY[p.number % len(T.SCHOOL_THURSDAY)]
        middle = p.first + timedelta(days=7 * ((p.last - p.first).days // 14))
        found = [
            self._series(loc, T.SCHOOL_MONDAY, _weekly(p.first, p.last, 1), partner_id=partner),
            self._series(loc, T.SCHOOL_WEDNESDAY, _weekly(p.first, p.last, 3), place=self._schoolyard(loc),
                         partner_id=partner),
            self._series(loc, thursday, _weekly(p.first, p.last, 4), partner_id=partner),
            self._series(loc, T.SCHOOL_PARENTS, [middle + timedelta(days=1)], partner_id=partner,
                         extra_theme=rng.choice(T.PARENT_TOPICS)[1]),
        ]
        return [s for s in found if s]

    @staticmethod
    def _schoolyard(loc: _Loc) -> tuple[str, str, str, str]:
        return ("schoolplein", f"Schoolplein {loc.name}", "", "het schoolplein")

    def _huiskamer_series(self, loc: _Loc, p: _Period) -> list[_Series]:
        rng = self.arng
        found: list[_Series | None] = []
        if p.kind == "blok":
            planned = 8 if (loc.capacity or 20) <= 25 else 12
            found.append(self._series(loc, T.HUIS_COOKING, _weekly(p.first, p.last, 3), planned=planned))
            topic, theme = rng.choice(T.PARENT_TOPICS)
            tpl = T.HUIS_PARENT_MORNING if (p.first.year + p.index // 2 + loc.idx) % 2 else T.HUIS_PARENT_CHILD
            middle = p.first + timedelta(days=7 * ((p.last - p.first).days // 14) + rng.choice((1, 3)))
            found.append(self._series(loc, tpl, [middle], extra_theme=theme, topic=topic))
        else:
            weeks = (0, 2) if p.kind == "zomer" else (0,)
            for week in weeks:
                destination, theme = rng.choice(T.DESTINATIONS)
                day = p.first + timedelta(days=7 * week + rng.choice((1, 2, 3)))
                found.append(self._series(loc, T.HUIS_OUTING, [day], extra_theme=theme, destination=destination))
        return [s for s in found if s]

    def _today_series(self, loc: _Loc, periods: list[_Period]) -> _Series:
        """An extra weekly afternoon on today's weekday over the current block (or just today)."""
        wd = self.today.isoweekday()
        tpl = T.ROUTE_EXTRA.get(wd, T.ROUTE_EXTRA[1])
        current = next((p for p in periods if p.first <= self.today <= p.last), None)
        days = _weekly(current.first, current.last, wd) if current else [self.today]
        if loc.kind == "school":
            return self._series(loc, tpl, days, place=self._schoolyard(loc))
        return self._series(loc, tpl, days, stop="schoolplein" if loc.kind == "speelpleinroute" else "speeltuin")

    # ---------------------------------------------------------------- what became of each occurrence

    def _decide(self, series: list[_Series]) -> list[_Occ]:
        rng, today = self.arng, self.today
        occs = sorted((_Occ(s, d) for s in series for d in s.days),
                      key=lambda o: (o.day, o.series.tpl.start, o.series.loc.idx, o.series.title))
        for o in occs:
            holiday = self.public_holidays.get(o.day)
            if holiday and o.day != today:
                o.status, o.holiday = "geannuleerd", True
                o.reason = T.PUBLIC_HOLIDAY_REASON.format(name=holiday)
            elif o.day < today:
                self._past_fate(o)
        past = [o for o in occs if o.day < today and not o.holiday]
        # A few moved: the original 'verplaatst', a new occurrence a day or two later.
        movable = [o for o in past if o.day <= today - timedelta(days=4)]
        moved = rng.sample(movable, min(len(movable), max(1, round(0.005 * len(past)))))
        # ... and one coming up at a school, for a study day.
        future = [o for o in occs if today + timedelta(days=2) <= o.day <= today + timedelta(days=21)
                  and not o.holiday and o.series.loc.kind == "school" and o.day.isoweekday() <= 4]
        new: list[_Occ] = []
        for o in moved:
            if o.series.place_kind == "sporthal":
                reason = T.MOVE_REASON_SPORTHAL
            else:
                reason = rng.choice(T.MOVE_REASONS_OUTDOOR if o.series.tpl.outdoor else T.MOVE_REASONS_INDOOR)
            new.append(self._move(o, reason, 2 if "twee dagen" in reason else 1))
        if future:
            new.append(self._move(rng.choice(future), T.FUTURE_MOVE_REASON, 1))
        # Not yet registered: part of the last ten days (more of this week), at least two.
        recent = [o for o in past if o.day >= today - RECENT and o.status != "verplaatst"]
        monday = today - timedelta(days=today.weekday())
        waiting = [o for o in recent if rng.random() < (0.5 if o.day >= monday else 0.2)]
        for o in sorted(recent, key=lambda o: o.day, reverse=True):
            this_week = [w for w in waiting if w.day >= monday]
            if len(waiting) >= 2 and (this_week or not any(r.day >= monday for r in recent)):
                break
            if o not in waiting:
                waiting.append(o)
        # ... and now and then one that was forgotten earlier.
        waiting += [o for o in past if o.day < today - RECENT and o.status != "verplaatst" and rng.random() < 0.003]
        for o in waiting:
            o.status, o.reason, o.children, o.tally = "gepland", "", [], {}
        return occs + new

    def _past_fate(self, o: _Occ) -> None:
        rng, loc, tpl = self.arng, o.series.loc, o.series.tpl
        month = o.day.month
        if tpl.outdoor:
            p_weather = 0.14 if month in (12, 1, 2) else 0.10 if month in (3, 4, 10, 11) else 0.05
            if rng.random() < p_weather:
                reasons = T.RAIN_REASONS + (T.WINTER_REASONS if month in (12, 1, 2) else
                                            T.HEAT_REASONS if month in (6, 7, 8) else ())
                o.status, o.reason = "geannuleerd", rng.choice(reasons)
                return
        if rng.random() < 0.025:
            o.status, o.reason = "geannuleerd", rng.choice(T.ILLNESS_REASONS)
            return
        if loc.kind == "school" and tpl.kind != "ouderactiviteit" and rng.random() < 0.015:
            o.status, o.reason = "geannuleerd", rng.choice(T.SCHOOL_REASONS)
            return
        self._realise(o)

    def _realise(self, o: _Occ) -> None:
        rng, s, tpl = self.arng, o.series, o.series.tpl
        o.status = "gerealiseerd"
        available = [kid for kid, a, b in s.pool if a <= o.day <= b]
        ids = {id(k) for k in available}
        want = min(len(available), rng.randint(*tpl.registered))
        chosen = [k for k in s.regulars if id(k) in ids and rng.random() < 0.75][:want]
        taken = {id(k) for k in chosen}
        rest = [k for k in available if id(k) not in taken]
        chosen += rng.sample(rest, min(len(rest), want - len(chosen)))
        o.children = chosen
        lo, hi = tpl.anonymous
        if tpl.outdoor:
            factor = 0.6 if o.day.month in (12, 1, 2) else 0.8 if o.day.month in (3, 11) else \
                1.2 if o.day.month in (6, 7, 8) else 1.0
            lo, hi = round(lo * factor), round(hi * factor)
        n = rng.randint(lo, hi)
        bands = rng.choices(AGE_BANDS, tpl.ages, k=n)
        genders = rng.choices(GENDERS, tpl.genders, k=n)
        o.tally = dict(Counter(zip(bands, genders, strict=True)))

    def _move(self, o: _Occ, reason: str, days: int) -> _Occ:
        new = _Occ(o.series, o.day + timedelta(days=days), moved_from=o)
        o.status, o.reason, o.moved_to, o.children, o.tally = "verplaatst", reason, new, [], {}
        if new.day < self.today:
            self._realise(new)
        return new

    # ---------------------------------------------------------------- write

    def _write_activities(self, series: list[_Series], occs: list[_Occ]) -> None:
        rng = self.arng

        def new_uuid() -> str:
            return str(uuid.UUID(int=rng.getrandbits(128), version=4))

        leaders = self.teamleiders or [s for s in self.staff if s.role not in NON_FIELD_ROLES]
        rows = []
        for s in series:
            creator = s.lead if rng.random() < 0.5 else rng.choice(leaders)
            rows.append({
                "client_uuid": new_uuid(), "organisation_id": self.org_id, "location_id": s.loc.id,
                "title": s.title, "kind": s.tpl.kind, "place_kind": s.place_kind, "place_name": s.place_name,
                "neighbourhood": s.neighbourhood, "partner_id": s.partner_id,
                "start_time": time.fromisoformat(s.tpl.start), "end_time": time.fromisoformat(s.tpl.end),
                "first_day": s.days[0], "last_day": s.days[-1],
                "repeat": "wekelijks" if len(s.days) > 1 else "eenmalig", "planned_children": s.planned,
                "lead_staff_id": s.lead.id, "created_by_id": creator.id,
                "created_at": _at(s.created, 10, rng.randint(0, 300)),
            })
        for s, id_ in zip(series, self.insert_ids(ActivitySeries, rows), strict=True):
            s.id = id_
        self.insert(ActivitySeriesTheme, [{"series_id": s.id, "theme": t} for s in series for t in s.themes])

        created_at = {id(s): row["created_at"] for s, row in zip(series, rows, strict=True)}
        reg_at = {id(o): self._registered_at(o) for o in occs if o.status != "gepland"}

        def activity_row(o: _Occ) -> dict:
            s = o.series
            return {"client_uuid": new_uuid(), "series_id": s.id, "organisation_id": self.org_id,
                    "location_id": s.loc.id, "day": o.day, "start_time": time.fromisoformat(s.tpl.start),
                    "end_time": time.fromisoformat(s.tpl.end), "planned_children": s.planned,
                    "status": o.status, "moved_from_id": o.moved_from.id if o.moved_from else None,
                    "created_at": reg_at[id(o.moved_from)] if o.moved_from else created_at[id(s)]}

        originals = [o for o in occs if o.moved_from is None]
        for o, id_ in zip(originals, self.insert_ids(Activity, [activity_row(o) for o in originals]), strict=True):
            o.id = id_
        moved = [o for o in occs if o.moved_from is not None]
        for o, id_ in zip(moved, self.insert_ids(Activity, [activity_row(o) for o in moved]), strict=True):
            o.id = id_

        registrations, children, tallies, observations = [], [], [], []
        for o in sorted((o for o in occs if o.status != "gepland"), key=lambda o: (reg_at[id(o)], o.id)):
            s = o.series
            note = ""
            if o.status == "gerealiseerd":
                if s.tpl.kind == "ouderactiviteit" or rng.random() < 0.45:
                    note = rng.choice(T.NOTES[s.tpl.kind]).format(n=rng.randint(6, 14))
                if s.themes and rng.random() < 0.3:
                    theme = rng.choice(s.themes)
                    observations.append({"activity_id": o.id, "theme": theme,
                                         "text": rng.choice(T.OBSERVATIONS[theme])})
                children += [{"activity_id": o.id, "child_id": k.id} for k in o.children]
                tallies += [{"activity_id": o.id, "age_band": band, "gender": gender, "count": n}
                            for (band, gender), n in sorted(o.tally.items()) if n > 0]
            others = [w for w in s.loc.workers if w is not s.lead]
            by = s.lead if not others or rng.random() < 0.8 else rng.choice(others)
            registrations.append({
                "client_uuid": new_uuid(), "activity_id": o.id, "status": o.status, "reason": o.reason,
                "new_day": o.moved_to.day if o.moved_to else None,
                "new_activity_id": o.moved_to.id if o.moved_to else None, "note": note,
                "children_count": len(o.children), "anonymous_count": sum(o.tally.values()),
                "by_id": by.id, "at": reg_at[id(o)],
            })
        self.insert(ActivityRegistration, registrations)
        self.insert(ActivityChild, children)
        self.insert(ActivityTally, tallies)
        self.insert(ActivityObservation, observations)

    def _registered_at(self, o: _Occ):
        """When the registration was entered: after the activity (realised), that day (weather,
        illness), or days ahead (holiday, school, moved); never after yesterday for those ahead."""
        rng, tpl = self.arng, o.series.tpl
        start, end = time.fromisoformat(tpl.start), time.fromisoformat(tpl.end)
        if o.status == "gerealiseerd":
            if o.day + timedelta(days=1) < self.today and rng.random() < 0.2:
                return _at(o.day + timedelta(days=1), 9, rng.randint(0, 150))
            return _at(o.day, end.hour, end.minute + rng.randint(5, 50))
        if o.holiday or o.status == "verplaatst" or o.reason in T.SCHOOL_REASONS:
            day = max(o.series.created + timedelta(days=1), min(o.day - timedelta(days=rng.randint(1, 10)),
                                                                self.yesterday))
            return _at(day, 11, rng.randint(0, 300))
        if o.reason in T.ILLNESS_REASONS:
            return _at(o.day, 8, rng.randint(0, 180))
        return _at(o.day, max(7, start.hour - rng.randint(1, 3)), rng.randint(0, 59))  # the weather
