"""Trend series for charts (`trends`): attendance per ISO week and the waitlist per month over a
period, for the requested locations.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy import func
from sqlmodel import Session

from ... import texts
from ...models import Goal, GoalProgress, ReferralIn, Signal
from ..common.clock import to_local
from ..signalering.signal_catalog import category_codes
from ..signalering.signal_catalog import label as category_label
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action
from .period_report import _present_rows, on_waitlist
from .report_scope import _bounds, authorize_locations, check_period, ids_detail, period_detail

# ==============================================================================================
# Trends
# ==============================================================================================

@dataclass(frozen=True)
class Series:
    label: str
    points: list[tuple[str, float | int | None]] = field(default_factory=list)  # (x label, value)


@dataclass(frozen=True)
class Trends:
    start: date
    end: date
    weeks: list[str]  # ISO weeks "2026-W05", start to end
    months: list[str]  # "2026-01", start to end
    attendance_per_week: list[Series]  # one per location (by name): child-days present per ISO week
    signals_per_month: list[Series]  # one per signal category: signals observed per month
    goals_improving: Series  # per month: share (0..1, 3 decimals) of the goals evaluated that month
    #                          whose latest score that month is above their first score; None: none
    goals_evaluated: Series  # per month: the number of goals evaluated (the share's denominator)
    waitlist_per_month: Series  # per month: waitlist length at the month end (or at `end`)


def _iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _month(day: date) -> str:
    return f"{day.year}-{day.month:02d}"


def _month_ends(start: date, end: date) -> list[tuple[str, date]]:
    result = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        nxt = date(year + (month == 12), month % 12 + 1, 1)
        result.append((f"{year}-{month:02d}", min(nxt - timedelta(days=1), end)))
        year, month = nxt.year, nxt.month
    return result


def trends(actor: Actor, db: Session, location_ids: list[int], start: date, end: date) -> Trends:
    """Series for charts over [start, end]. OVERZICHT_TEAM on every location; audited."""
    locations = authorize_locations(actor, db, Action.OVERZICHT_TEAM, location_ids, "rapportage")
    check_period(start, end)
    ids = [loc.id for loc in locations]
    lo, hi = _bounds(start, end)
    weeks = list(dict.fromkeys(_iso_week(start + timedelta(days=i)) for i in range((end - start).days + 1)))
    month_ends = _month_ends(start, end)
    months = [m for m, _ in month_ends]

    present = _present_rows(ids, start, end)
    per_week: dict[int, Counter] = defaultdict(Counter)
    for location_id, day, count in db.exec(sa.select(present.c.location_id, present.c.day, func.count())
                                           .group_by(present.c.location_id, present.c.day)).all():
        per_week[location_id][_iso_week(day)] += count
    attendance = [Series(loc.name, [(w, per_week[loc.id].get(w, 0)) for w in weeks]) for loc in locations]

    per_month: dict[str, Counter] = defaultdict(Counter)
    for observed_at, categories in db.exec(sa.select(Signal.observed_at, Signal.categories)
                                           .where(Signal.location_id.in_(ids), Signal.observed_at >= lo,
                                                  Signal.observed_at < hi)).all():
        month = _month(to_local(observed_at).date())
        for code in dict.fromkeys(c.strip() for c in categories.split(",") if c.strip()):
            per_month[code][month] += 1
    codes = [*category_codes(), *sorted(set(per_month) - set(category_codes()))]
    signals = [Series(category_label(c), [(m, per_month[c].get(m, 0)) for m in months]) for c in codes]

    # Goals: the first score ever, and the latest score within each month of the period.
    evaluations = db.exec(sa.select(GoalProgress.goal_id, GoalProgress.at, GoalProgress.id, GoalProgress.score)
                          .join(Goal, Goal.id == GoalProgress.goal_id)
                          .where(Goal.location_id.in_(ids), GoalProgress.kind == "evaluatie",
                                 GoalProgress.score.is_not(None), GoalProgress.at < hi)
                          .order_by(GoalProgress.goal_id, GoalProgress.at, GoalProgress.id)).all()
    first: dict[int, int] = {}
    latest: dict[tuple[int, str], int] = {}
    for goal_id, at, _, score in evaluations:
        first.setdefault(goal_id, score)
        if at >= lo:
            latest[(goal_id, _month(to_local(at).date()))] = score  # ordered by time: the last wins
    evaluated: Counter = Counter()
    improving: Counter = Counter()
    for (goal_id, month), score in latest.items():
        evaluated[month] += 1
        improving[month] += score > first[goal_id]
    goals_improving = Series(texts.RAPPORT_TREND_LEERDOELEN, [
        (m, round(improving[m] / evaluated[m], 3) if evaluated[m] else None) for m in months])
    goals_evaluated = Series(texts.RAPPORT_TREND_LEERDOELEN_GEEVALUEERD, [(m, evaluated[m]) for m in months])

    referrals = db.exec(sa.select(ReferralIn.received_on, ReferralIn.intake_on, ReferralIn.status)
                        .where(ReferralIn.location_id.in_(ids), ReferralIn.received_on <= end)).all()
    waitlist = Series(texts.RAPPORT_TREND_WACHTLIJST, [
        (m, sum(on_waitlist(r, i, s, day) for r, i, s in referrals)) for m, day in month_ends])

    audit.record(db, actor, "rapportage.trends_bekeken", object_type="rapportage",
                 detail=f"locaties={ids_detail(locations)};periode={period_detail(start, end)}")
    db.commit()
    return Trends(start, end, weeks, months, attendance, signals, goals_improving, goals_evaluated, waitlist)
