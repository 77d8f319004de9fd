"""Activities and their reach for a period and a set of locations (`activity_reach`,
`build_activity_reach`), and this week's activities with what was not yet registered for the
teamleider's overview (`week_activities`).

Definitions (also in texts.BEREIK_ACT_UITLEG, shown under the tables):
- An occurrence belongs to the period by its day; to a location by the location it belongs to; to
  a neighbourhood by its free place's neighbourhood, else its location's.
- Gepland: every occurrence in the period except the moved ones (a moved activity counts once, on
  its new date, as the new occurrence). Gerealiseerd / geannuleerd by status. Nog niet
  geregistreerd: still 'gepland' although it has ended. Kinderen gepland: the sum of the planned
  numbers of the planned occurrences.
- Reach comes from realised occurrences only. A contact is one child at one activity: registered
  (activity_child) or counted on the tally (activity_tally). Unique children: registered children,
  each once (in a breakdown, once per row; a child can appear in several rows, so rows do not add up
  to the total). An activity counts in each of its themes; the theme total counts it once.

Everything is aggregated in SQL (GROUP BY); no row per child or activity is loaded. Counts of
children pass the small-cell rule (small_cells.suppress_counts, each column its own breakdown);
counts of activities and planned numbers are not about persons and are shown as they are.
Needs OVERZICHT_TEAM on every location (like the period report); audited with ids and period only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

import sqlalchemy as sa
from sqlalchemy import func
from sqlmodel import Session

from ... import texts
from ...models import (
    Activity,
    ActivityChild,
    ActivityRegistration,
    ActivitySeries,
    ActivitySeriesTheme,
    ActivityTally,
    Location,
    utcnow,
)
from ...models.activities import AGE_BANDS, GENDERS
from ..activiteiten import catalog
from ..activiteiten.programme import ActivityItem, activity_items, week_start
from ..common.clock import local_today, to_local
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action
from .period_report import Breakdown, Table
from .report_scope import authorize_locations, check_period, ids_detail, period_detail
from .small_cells import Cell, suppress_counts

REALISED, CANCELLED, MOVED, PLANNED = "gerealiseerd", "geannuleerd", "verplaatst", "gepland"
NOT_REGISTERED_LOOKBACK = timedelta(days=84)  # the overview lists open registrations of 12 weeks


@dataclass(frozen=True)
class ActivityReach:
    start: date
    end: date
    location_ids: tuple[int, ...]
    location_names: tuple[str, ...]
    # Raw activity counts and planned children (not about persons: never suppressed).
    planned: int
    realised: int
    cancelled: int
    moved: int
    not_registered: int
    children_planned: int
    # Display cells (small-cell rule) of the person counts; the same cells as the table totals.
    unique_children: Cell
    registered_contacts: Cell
    anonymous_contacts: Cell
    contacts: Cell
    # (leeftijd, jongen, meisje, anders/onbekend); total row per gender
    anonymous_by_age_gender: Breakdown
    # (label, activiteiten gerealiseerd, unieke kinderen, niet-geregistreerde kinderen, contacten)
    by_neighbourhood: Breakdown
    by_kind: Breakdown
    by_theme: Breakdown
    # (label, gepland, gerealiseerd, geannuleerd, nog niet geregistreerd, kinderen gepland,
    #  kinderen bereikt (contacten))
    planned_by_location: Breakdown
    planned_by_kind: Breakdown
    planned_by_month: Breakdown

    def key_figures(self) -> list[tuple[str, Cell]]:
        return [
            (texts.BEREIK_ACT_R_GEPLAND, self.planned),
            (texts.BEREIK_ACT_R_GEREALISEERD, self.realised),
            (texts.BEREIK_ACT_R_GEANNULEERD, self.cancelled),
            (texts.BEREIK_ACT_R_VERPLAATST, self.moved),
            (texts.BEREIK_ACT_R_NIET_GEREGISTREERD, self.not_registered),
            (texts.BEREIK_ACT_R_KINDEREN_GEPLAND, self.children_planned),
            (texts.BEREIK_ACT_R_UNIEK, self.unique_children),
            (texts.BEREIK_ACT_R_CONTACTEN_GEREGISTREERD, self.registered_contacts),
            (texts.BEREIK_ACT_R_CONTACTEN_ANONIEM, self.anonymous_contacts),
            (texts.BEREIK_ACT_R_CONTACTEN, self.contacts),
        ]

    def tables(self) -> list[Table]:
        """All tables in Dutch, key figures first; each breakdown ends with its "Totaal" row."""
        def table(title: str, first: str, columns: list[str], breakdown: Breakdown) -> Table:
            return Table(title, [first, *columns], [*breakdown.rows, (texts.RAPPORT_TOTAAL, *breakdown.total)])

        reach = [texts.BEREIK_ACT_K_ACTIVITEITEN, texts.BEREIK_ACT_K_UNIEK, texts.BEREIK_ACT_K_ANONIEM,
                 texts.BEREIK_ACT_K_CONTACTEN]
        planned = [texts.BEREIK_ACT_K_GEPLAND, texts.BEREIK_ACT_K_GEREALISEERD, texts.BEREIK_ACT_K_GEANNULEERD,
                   texts.BEREIK_ACT_K_NIET_GEREGISTREERD, texts.BEREIK_ACT_K_KINDEREN_GEPLAND,
                   texts.BEREIK_ACT_K_KINDEREN_BEREIKT]
        return [
            Table(texts.BEREIK_ACT_T_KERNCIJFERS, [texts.RAPPORT_K_ONDERWERP, texts.RAPPORT_K_AANTAL],
                  list(self.key_figures())),
            table(texts.BEREIK_ACT_T_TURF, texts.BEREIK_ACT_K_LEEFTIJD,
                  [texts.ACTIVITEIT_GESLACHT_LABELS[g] for g in GENDERS], self.anonymous_by_age_gender),
            table(texts.BEREIK_ACT_T_WIJK, texts.BEREIK_ACT_K_WIJK, reach, self.by_neighbourhood),
            table(texts.BEREIK_ACT_T_SOORT, texts.BEREIK_ACT_K_SOORT, reach, self.by_kind),
            table(texts.BEREIK_ACT_T_THEMA, texts.BEREIK_ACT_K_THEMA, reach, self.by_theme),
            table(texts.BEREIK_ACT_T_PVR_LOCATIE, texts.BEREIK_ACT_K_LOCATIE, planned, self.planned_by_location),
            table(texts.BEREIK_ACT_T_PVR_SOORT, texts.BEREIK_ACT_K_SOORT, planned, self.planned_by_kind),
            table(texts.BEREIK_ACT_T_PVR_MAAND, texts.BEREIK_ACT_K_MAAND, planned, self.planned_by_month),
        ]


# ==============================================================================================
# SQL building blocks
# ==============================================================================================

def _in_scope(ids: list[int], start: date, end: date) -> list:
    return [Activity.location_id.in_(ids), Activity.day >= start, Activity.day <= end]


def _neighbourhood_key():
    """The place's neighbourhood, else the location's, normalised for grouping."""
    hood = func.coalesce(func.nullif(func.trim(ActivitySeries.neighbourhood), ""), Location.neighbourhood)
    return func.lower(func.trim(hood)), func.min(func.trim(hood))


def _realised(stmt, scope: list, theme: bool):
    stmt = (stmt.join(ActivitySeries, ActivitySeries.id == Activity.series_id)
            .join(Location, Location.id == Activity.location_id))
    if theme:
        stmt = stmt.join(ActivitySeriesTheme, ActivitySeriesTheme.series_id == Activity.series_id)
    return stmt.where(*scope, Activity.status == REALISED)


def _reach_columns():
    return (func.count(Activity.id), func.coalesce(func.sum(ActivityRegistration.anonymous_count), 0),
            func.coalesce(func.sum(ActivityRegistration.children_count + ActivityRegistration.anonymous_count), 0))


def _reach_totals(db: Session, scope: list) -> tuple[int, int, int, int]:
    """(activities realised, unique registered children, anonymous, contacts) over the scope."""
    n, anonymous, contacts = db.exec(_realised(
        sa.select(*_reach_columns()).select_from(Activity)
        .join(ActivityRegistration, ActivityRegistration.activity_id == Activity.id), scope, False)).one()
    unique = db.exec(_realised(
        sa.select(func.count(sa.distinct(ActivityChild.child_id))).select_from(Activity)
        .join(ActivityChild, ActivityChild.activity_id == Activity.id), scope, False)).scalar_one()
    return int(n), int(unique), int(anonymous), int(contacts)


def _reach_rows(db: Session, key, scope: list, *, theme: bool = False, label=None) -> dict:
    """Per key: (label, activities realised, unique registered children, anonymous, contacts)."""
    label = label if label is not None else func.min(key)
    counts = db.exec(_realised(
        sa.select(key, label, *_reach_columns()).select_from(Activity)
        .join(ActivityRegistration, ActivityRegistration.activity_id == Activity.id), scope, theme)
        .group_by(key)).all()
    unique = dict(db.exec(_realised(
        sa.select(key, func.count(sa.distinct(ActivityChild.child_id))).select_from(Activity)
        .join(ActivityChild, ActivityChild.activity_id == Activity.id), scope, theme)
        .group_by(key)).all())
    return {k: (lbl, int(n), int(unique.get(k, 0)), int(anon), int(contacts))
            for k, lbl, n, anon, contacts in counts}


def _reach_breakdown(labels: list[str], rows: list[tuple[int, int, int, int]],
                     totals: tuple[int, int, int, int]) -> Breakdown:
    """Activities as they are; unique children, anonymous and contacts through the small-cell rule."""
    columns = [list(col) for col in zip(*rows, strict=True)] if rows else [[], [], [], []]
    shown = [columns[0]]
    shown_totals: list[Cell] = [totals[0]]
    for i in (1, 2, 3):
        cells, total = suppress_counts(columns[i], totals[i])
        shown.append(cells)
        shown_totals.append(total)
    return Breakdown([(label, *(c[j] for c in shown)) for j, label in enumerate(labels)], tuple(shown_totals))


def _planned_rows(db: Session, keys: list, scope: list, today: date, now: time) -> dict:
    """Per key tuple: (planned, realised, cancelled, not registered, children planned, reached)."""
    not_moved = Activity.status != MOVED
    ended = sa.or_(Activity.day < today, sa.and_(Activity.day == today, Activity.end_time <= now))

    def count_if(condition):
        return func.coalesce(func.sum(sa.case((condition, 1), else_=0)), 0)

    reached = sa.case((Activity.status == REALISED,
                       func.coalesce(ActivityRegistration.children_count, 0)
                       + func.coalesce(ActivityRegistration.anonymous_count, 0)), else_=0)
    rows = db.exec(
        sa.select(*keys, count_if(not_moved), count_if(Activity.status == REALISED),
                  count_if(Activity.status == CANCELLED), count_if(sa.and_(Activity.status == PLANNED, ended)),
                  func.coalesce(func.sum(sa.case((not_moved, Activity.planned_children), else_=0)), 0),
                  func.coalesce(func.sum(reached), 0))
        .select_from(Activity)
        .join(ActivitySeries, ActivitySeries.id == Activity.series_id)
        .outerjoin(ActivityRegistration, ActivityRegistration.activity_id == Activity.id)
        .where(*scope).group_by(*keys)).all()
    return {tuple(row[:len(keys)]): tuple(int(v) for v in row[len(keys):]) for row in rows}


def _planned_breakdown(labels: list[str], rows: list[tuple[int, ...]]) -> Breakdown:
    """Planned/realised/cancelled/open/children planned as they are; children reached suppressed."""
    totals = tuple(sum(r[i] for r in rows) for i in range(6)) if rows else (0,) * 6
    reached, reached_total = suppress_counts([r[5] for r in rows], totals[5])
    return Breakdown([(label, *r[:5], reached[j]) for j, (label, r) in enumerate(zip(labels, rows, strict=True))],
                     (*totals[:5], reached_total))


def _months(start: date, end: date) -> list[tuple[int, int]]:
    months, (year, month) = [], (start.year, start.month)
    while (year, month) <= (end.year, end.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _local_now() -> tuple[date, time]:
    now = to_local(utcnow())
    return now.date(), now.time().replace(tzinfo=None)


# ==============================================================================================
# The reach report
# ==============================================================================================

def build_activity_reach(db: Session, locations: list[Location], start: date, end: date,
                         now: tuple[date, time] | None = None) -> ActivityReach:
    """All figures for these (already authorised) locations over [start, end], aggregated in SQL.
    `now` (Amsterdam day and time) decides what is "not yet registered"; default: the clock."""
    today, now_time = now or _local_now()
    ids = [loc.id for loc in locations] or [-1]
    scope = _in_scope(ids, start, end)

    # Totals over all realised occurrences.
    totals = _reach_totals(db, scope)
    registered = totals[3] - totals[2]

    # Anonymous contacts by age band x gender.
    tally = {(band, gender): int(n) for band, gender, n in db.exec(
        sa.select(ActivityTally.age_band, ActivityTally.gender, func.sum(ActivityTally.count))
        .join(Activity, Activity.id == ActivityTally.activity_id)
        .where(*scope, Activity.status == REALISED)
        .group_by(ActivityTally.age_band, ActivityTally.gender)).all()}
    gender_columns = []
    gender_totals = []
    for gender in GENDERS:
        values = [tally.get((band, gender), 0) for band in AGE_BANDS]
        cells, total = suppress_counts(values, sum(values))
        gender_columns.append(cells)
        gender_totals.append(total)
    by_age_gender = Breakdown([(texts.ACTIVITEIT_LEEFTIJD_LABELS[band], *(c[i] for c in gender_columns))
                               for i, band in enumerate(AGE_BANDS)], tuple(gender_totals))

    # By neighbourhood (only those with realised activities).
    hood_key, hood_label = _neighbourhood_key()
    hoods = _reach_rows(db, hood_key, scope, label=hood_label)
    hood_order = sorted(hoods, key=lambda k: ((k or "") == "", k or ""))
    by_hood = _reach_breakdown([(hoods[k][0] or texts.RAPPORT_ONBEKEND) for k in hood_order],
                               [hoods[k][1:] for k in hood_order], totals)

    # By kind and by theme: every catalogue entry (zeros too), then unknown codes.
    def by_codes(rows: dict, codes: list[str], label_of) -> Breakdown:
        ordered = [*codes, *sorted(set(rows) - set(codes))]
        values = [rows[c][1:] if c in rows else (0, 0, 0, 0) for c in ordered]
        return _reach_breakdown([label_of(c) for c in ordered], values, totals)

    by_kind = by_codes(_reach_rows(db, ActivitySeries.kind, scope), catalog.kind_codes(), catalog.kind_label)
    by_theme = by_codes(_reach_rows(db, ActivitySeriesTheme.theme, scope, theme=True), catalog.theme_codes(),
                        catalog.theme_label)

    # Planned against realised per location, kind and month.
    per_location = _planned_rows(db, [Activity.location_id], scope, today, now_time)
    planned_by_location = _planned_breakdown([loc.name for loc in locations],
                                             [per_location.get((loc.id,), (0,) * 6) for loc in locations])
    per_kind = _planned_rows(db, [ActivitySeries.kind], scope, today, now_time)
    kind_codes = [*catalog.kind_codes(), *sorted({k for (k,) in per_kind} - set(catalog.kind_codes()))]
    planned_by_kind = _planned_breakdown([catalog.kind_label(k) for k in kind_codes],
                                         [per_kind.get((k,), (0,) * 6) for k in kind_codes])
    per_month = {(int(y), int(m)): v for (y, m), v in _planned_rows(
        db, [func.extract("year", Activity.day), func.extract("month", Activity.day)], scope, today,
        now_time).items()}
    months = _months(start, end)
    planned_by_month = _planned_breakdown(
        [texts.BEREIK_ACT_MAAND.format(maand=texts.MONTHS[m], jaar=y) for y, m in months],
        [per_month.get((y, m), (0,) * 6) for y, m in months])

    status_totals = planned_by_location.total
    moved = db.exec(sa.select(func.count(Activity.id)).where(*scope, Activity.status == MOVED)).scalar_one()
    _, registered_cell = suppress_counts([], registered)
    return ActivityReach(
        start=start, end=end, location_ids=tuple(loc.id for loc in locations),
        location_names=tuple(loc.name for loc in locations),
        planned=int(status_totals[0]), realised=int(status_totals[1]), cancelled=int(status_totals[2]),
        moved=int(moved), not_registered=int(status_totals[3]), children_planned=int(status_totals[4]),
        unique_children=by_hood.total[1], registered_contacts=registered_cell,
        anonymous_contacts=by_hood.total[2], contacts=by_hood.total[3],
        anonymous_by_age_gender=by_age_gender, by_neighbourhood=by_hood, by_kind=by_kind, by_theme=by_theme,
        planned_by_location=planned_by_location, planned_by_kind=planned_by_kind,
        planned_by_month=planned_by_month,
    )


def activity_reach(actor: Actor, db: Session, location_ids: list[int], start: date, end: date) -> ActivityReach:
    """Activities and reach over [start, end] (inclusive) for these locations. OVERZICHT_TEAM on
    every location (all or nothing); audited 'activiteit.bereik_bekeken' with ids and period."""
    locations = authorize_locations(actor, db, Action.OVERZICHT_TEAM, location_ids, "activiteiten")
    check_period(start, end)
    result = build_activity_reach(db, locations, start, end)
    audit.record(db, actor, "activiteit.bereik_bekeken", object_type="activiteiten",
                 detail=f"locaties={ids_detail(locations)};periode={period_detail(start, end)}")
    db.commit()
    return result


# ==============================================================================================
# This week, for the teamleider's overview
# ==============================================================================================

@dataclass(frozen=True)
class WeekActivities:
    week_start: date  # Monday of the current week
    items: list[ActivityItem]  # this week's occurrences at the locations (no child's name)
    not_registered: list[ActivityItem]  # ended but still 'gepland' (last 12 weeks), oldest first


def week_activities(actor: Actor, db: Session, location_ids: list[int], today: date | None = None) -> WeekActivities:
    """This week's activities at these locations and the ones not yet registered. OVERZICHT_TEAM
    on every location; audited 'activiteit.overzicht_bekeken'."""
    locations = authorize_locations(actor, db, Action.OVERZICHT_TEAM, location_ids, "activiteiten")
    ids = [loc.id for loc in locations]
    today = today or local_today()
    monday = week_start(today)
    items = activity_items(db, Activity.location_id.in_(ids), Activity.day >= monday,
                           Activity.day <= monday + timedelta(days=6))
    open_items = [it for it in activity_items(db, Activity.location_id.in_(ids), Activity.status == PLANNED,
                                              Activity.day >= today - NOT_REGISTERED_LOOKBACK, Activity.day <= today)
                  if it.not_registered]
    audit.record(db, actor, "activiteit.overzicht_bekeken", object_type="activiteiten",
                 detail=f"locaties={ids_detail(locations)};week={monday.isoformat()};"
                        f"activiteiten={len(items)};open={len(open_items)}")
    db.commit()
    return WeekActivities(monday, items, open_items)
