"""The rapportage over a period for the municipality (`report`, `build_report`): aggregate tables
computed with SQL aggregation, each breakdown passed through small-cell suppression.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy import func
from sqlmodel import Session

from ... import texts
from ...models import (
    AttendanceEvent,
    Child,
    Enrolment,
    Goal,
    Location,
    MeldcodeTrack,
    Partner,
    ReferralIn,
    ReferralOut,
    Signal,
)
from ...models.base import REMOVED_TEXT
from ...models.referrals import REFERRER_KINDS
from ..huiskamer.attendance import PRESENT
from ..kinderen.children import age_on
from ..signalering.signal_catalog import category_codes
from ..signalering.signal_catalog import label as category_label
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action
from .report_scope import _bounds, authorize_locations, check_period, ids_detail, period_detail
from .small_cells import HIDDEN, Cell, is_suppressed, suppress_counts

MIN_FREE_TEXT_LABEL = 5  # free-text labels rarer than this are merged into "Overige redenen"
AGE_GROUPS = ((4, 6), (7, 9), (10, 12))


# ==============================================================================================
# Report
# ==============================================================================================

@dataclass(frozen=True)
class Table:
    """A table for the screen and the exports: Dutch title and column headers; each row starts
    with its label, the last row of a breakdown is the total ("Totaal"). Cells are display
    values: int or float (numbers), "<5" (suppressed), "–" (hidden: secondary suppression or
    derived from a suppressed count) or None (empty)."""

    title: str
    columns: list[str]
    rows: list[tuple[Cell, ...]]


@dataclass(frozen=True)
class Breakdown:
    """Display rows (label, value, ...) after suppression, and the values of the total row."""

    rows: list[tuple[Cell, ...]]
    total: tuple[Cell, ...]


@dataclass(frozen=True)
class Report:
    start: date
    end: date
    location_ids: tuple[int, ...]
    location_names: tuple[str, ...]
    # (wijk, kinderen); total = bereik
    bereik_by_neighbourhood: Breakdown
    # (leeftijdsgroep, kinderen), groups 4-6, 7-9, 10-12, overig; total = bereik
    bereik_by_age: Breakdown
    # (locatie, aanwezigheidsdagen, dagen met aanwezigheid, gemiddeld per dag, capaciteit, bezetting %)
    attendance: Breakdown
    # (verwijzer, aanmeldingen): received_on in the period
    referrals_in: Breakdown
    # (locatie, intakes): intake_on in the period
    intakes: Breakdown
    # (reden, beëindigde plaatsingen): Enrolment.end_date in the period
    outflow: Breakdown
    # (locatie, op de wachtlijst) at the period end
    waitlist: Breakdown
    # (categorie, signalen); total = signals (each once)
    signals: Breakdown
    # (uitkomst, trajecten); total = tracks closed in the period
    meldcode: Breakdown
    # (ketenpartner, doorverwijzingen, terugkoppeling ontvangen): sent_on in the period
    referrals_out: Breakdown
    # (locatie, gestart, behaald): start_date / achieved_on in the period
    goals: Breakdown

    def key_figures(self) -> list[tuple[str, Cell]]:
        """The totals, exactly as shown under their breakdowns."""
        return [
            (texts.RAPPORT_R_BEREIK, self.bereik_by_neighbourhood.total[0]),
            (texts.RAPPORT_R_AANWEZIGHEIDSDAGEN, self.attendance.total[0]),
            (texts.RAPPORT_R_AANMELDINGEN, self.referrals_in.total[0]),
            (texts.RAPPORT_R_INTAKES, self.intakes.total[0]),
            (texts.RAPPORT_R_UITSTROOM, self.outflow.total[0]),
            (texts.RAPPORT_R_WACHTLIJST, self.waitlist.total[0]),
            (texts.RAPPORT_R_SIGNALEN, self.signals.total[0]),
            (texts.RAPPORT_R_TRAJECTEN, self.meldcode.total[0]),
            (texts.RAPPORT_R_DOORVERWIJZINGEN, self.referrals_out.total[0]),
            (texts.RAPPORT_R_TERUGKOPPELING, self.referrals_out.total[1]),
            (texts.RAPPORT_R_LEERDOELEN_GESTART, self.goals.total[0]),
            (texts.RAPPORT_R_LEERDOELEN_BEHAALD, self.goals.total[1]),
        ]

    def tables(self) -> list[Table]:
        """All tables in Dutch, in a fixed order: Kerncijfers first, then one per breakdown."""
        def table(title: str, columns: list[str], breakdown: Breakdown) -> Table:
            return Table(title, columns, [*breakdown.rows, (texts.RAPPORT_TOTAAL, *breakdown.total)])

        return [
            Table(texts.RAPPORT_T_KERNCIJFERS, [texts.RAPPORT_K_ONDERWERP, texts.RAPPORT_K_AANTAL],
                  list(self.key_figures())),
            table(texts.RAPPORT_T_BEREIK_WIJK, [texts.RAPPORT_K_WIJK, texts.RAPPORT_K_KINDEREN],
                  self.bereik_by_neighbourhood),
            table(texts.RAPPORT_T_BEREIK_LEEFTIJD, [texts.RAPPORT_K_LEEFTIJD, texts.RAPPORT_K_KINDEREN],
                  self.bereik_by_age),
            table(texts.RAPPORT_T_AANWEZIGHEID,
                  [texts.RAPPORT_K_LOCATIE, texts.RAPPORT_K_AANWEZIGHEIDSDAGEN, texts.RAPPORT_K_OPENDAGEN,
                   texts.RAPPORT_K_GEMIDDELD, texts.RAPPORT_K_CAPACITEIT, texts.RAPPORT_K_BEZETTING],
                  self.attendance),
            table(texts.RAPPORT_T_AANMELDINGEN, [texts.RAPPORT_K_VERWIJZER, texts.RAPPORT_K_AANMELDINGEN],
                  self.referrals_in),
            table(texts.RAPPORT_T_INTAKES, [texts.RAPPORT_K_LOCATIE, texts.RAPPORT_K_INTAKES], self.intakes),
            table(texts.RAPPORT_T_UITSTROOM, [texts.RAPPORT_K_REDEN, texts.RAPPORT_K_PLAATSINGEN], self.outflow),
            table(texts.RAPPORT_T_WACHTLIJST, [texts.RAPPORT_K_LOCATIE, texts.RAPPORT_K_WACHTLIJST],
                  self.waitlist),
            table(texts.RAPPORT_T_SIGNALEN, [texts.RAPPORT_K_CATEGORIE, texts.RAPPORT_K_SIGNALEN], self.signals),
            table(texts.RAPPORT_T_MELDCODE, [texts.RAPPORT_K_UITKOMST, texts.RAPPORT_K_TRAJECTEN], self.meldcode),
            table(texts.RAPPORT_T_DOORVERWIJZINGEN,
                  [texts.RAPPORT_K_PARTNER, texts.RAPPORT_K_DOORVERWIJZINGEN, texts.RAPPORT_K_TERUGKOPPELING],
                  self.referrals_out),
            table(texts.RAPPORT_T_LEERDOELEN,
                  [texts.RAPPORT_K_LOCATIE, texts.RAPPORT_K_GESTART, texts.RAPPORT_K_BEHAALD], self.goals),
        ]


def _breakdown(labels: list[str], columns: list[list[int]], totals: list[int]) -> Breakdown:
    """Rows label + one suppressed cell per column; each column is its own breakdown."""
    shown_columns, shown_totals = [], []
    for values, total in zip(columns, totals, strict=True):
        cells, shown_total = suppress_counts(values, total)
        shown_columns.append(cells)
        shown_totals.append(shown_total)
    rows = [(label, *(column[i] for column in shown_columns)) for i, label in enumerate(labels)]
    return Breakdown(rows, tuple(shown_totals))


def _simple(counts: list[tuple[str, int]], total: int | None = None) -> Breakdown:
    values = [v for _, v in counts]
    return _breakdown([label for label, _ in counts], [values], [sum(values) if total is None else total])


def age_group(age: int) -> str:
    for low, high in AGE_GROUPS:
        if low <= age <= high:
            return texts.RAPPORT_LEEFTIJDSGROEP.format(van=low, tot=high)
    return texts.RAPPORT_LEEFTIJD_OVERIG


def _present_rows(ids: list[int], start: date, end: date):
    """Subquery: distinct (location_id, child_id, day) with an 'aanwezig' event that was not
    undone, at these locations in [start, end]. An undo is always of the same day, so the undone
    ids are looked up in the same period only."""
    undo = AttendanceEvent.__table__.alias("undo")  # not auto-correlated with the outer query
    undone = (sa.select(undo.c.undoes_id)
              .where(undo.c.kind == "ongedaan", undo.c.undoes_id.is_not(None),
                     undo.c.day >= start, undo.c.day <= end, undo.c.location_id.in_(ids)))
    return (sa.select(AttendanceEvent.location_id, AttendanceEvent.child_id, AttendanceEvent.day)
            .where(AttendanceEvent.kind == PRESENT, AttendanceEvent.day >= start, AttendanceEvent.day <= end,
                   AttendanceEvent.location_id.in_(ids), AttendanceEvent.id.not_in(undone))
            .distinct().subquery("present"))


def _waitlist_condition(day: date):
    """SQL: the aanmelding was on the waitlist on `day` (see the module docstring)."""
    return sa.and_(
        ReferralIn.received_on <= day,
        sa.or_(sa.and_(ReferralIn.intake_on.is_(None), ReferralIn.status == "wachtlijst"),
               ReferralIn.intake_on > day),
    )


def on_waitlist(received_on: date, intake_on: date | None, status: str, day: date) -> bool:
    """Python twin of _waitlist_condition (for the monthly trend)."""
    if received_on > day:
        return False
    return (intake_on is None and status == "wachtlijst") or (intake_on is not None and intake_on > day)


def _merge_rare(counts: Counter, key_labels: dict[str, str], also_rare: int = 0) -> list[tuple[str, int]]:
    """Free-text labels: those occurring fewer than MIN_FREE_TEXT_LABEL times become one row, with
    `also_rare` (labels removed by the retention, which were rare when they were removed)."""
    common = sorted(((key_labels[k], v) for k, v in counts.items() if v >= MIN_FREE_TEXT_LABEL),
                    key=lambda kv: kv[0].casefold())
    rare = sum(v for v in counts.values() if v < MIN_FREE_TEXT_LABEL) + also_rare
    return [*common, (texts.RAPPORT_OVERIGE_REDENEN, rare)] if rare else common


def build_report(db: Session, locations: list[Location], start: date, end: date) -> Report:
    """All figures for these (already authorised) locations, aggregated in SQL."""
    ids = [loc.id for loc in locations]
    names = {loc.id: loc.name for loc in locations}
    lo, hi = _bounds(start, end)
    present = _present_rows(ids, start, end)

    # Bereik: unique children present in the period.
    neighbourhoods: Counter = Counter()
    hood_labels: dict[str, str] = {}
    ages: Counter = Counter()
    children = db.exec(sa.select(Child.neighbourhood, Child.date_of_birth)
                       .where(Child.id.in_(sa.select(present.c.child_id)))).all()
    for neighbourhood, born in children:
        label = (neighbourhood or "").strip() or texts.RAPPORT_ONBEKEND
        neighbourhoods[label.casefold()] += 1
        hood_labels.setdefault(label.casefold(), label)
        ages[age_group(age_on(born, end))] += 1
    bereik = len(children)
    hood_rows = sorted(((hood_labels[k], v) for k, v in neighbourhoods.items()), key=lambda kv: kv[0].casefold())
    age_labels = [age_group(low) for low, _ in AGE_GROUPS] + [texts.RAPPORT_LEEFTIJD_OVERIG]

    # Attendance per location: child-days and days with any attendance.
    per_location = {loc_id: (child_days, days) for loc_id, child_days, days in db.exec(
        sa.select(present.c.location_id, func.count(), func.count(sa.distinct(present.c.day)))
        .group_by(present.c.location_id)).all()}
    child_days = [per_location.get(loc.id, (0, 0))[0] for loc in locations]
    day_cells, day_total = suppress_counts(child_days, sum(child_days))
    attendance_rows = []
    for loc, raw, shown in zip(locations, child_days, day_cells, strict=True):
        open_days = per_location.get(loc.id, (0, 0))[1]
        average = round(raw / open_days, 1) if open_days else None
        occupancy = round(100 * raw / open_days / loc.capacity, 1) if open_days and loc.capacity else None
        if is_suppressed(shown):
            average = HIDDEN if average is not None else None
            occupancy = HIDDEN if occupancy is not None else None
        attendance_rows.append((loc.name, shown, open_days, average, loc.capacity, occupancy))
    attendance = Breakdown(attendance_rows, (day_total, None, None, None, None))

    # Referrals in by referrer kind; intakes per location.
    by_kind = dict(db.exec(sa.select(ReferralIn.referrer_kind, func.count())
                           .where(ReferralIn.location_id.in_(ids), ReferralIn.received_on >= start,
                                  ReferralIn.received_on <= end)
                           .group_by(ReferralIn.referrer_kind)).all())
    kinds = [*REFERRER_KINDS, *sorted(set(by_kind) - set(REFERRER_KINDS))]
    referrals_in = _simple([(texts.REFERRER_KIND_LABELS.get(k, k), by_kind.get(k, 0)) for k in kinds])
    intakes_by_loc = dict(db.exec(sa.select(ReferralIn.location_id, func.count())
                                  .where(ReferralIn.location_id.in_(ids), ReferralIn.intake_on >= start,
                                         ReferralIn.intake_on <= end)
                                  .group_by(ReferralIn.location_id)).all())
    intakes = _simple([(loc.name, intakes_by_loc.get(loc.id, 0)) for loc in locations])

    # Uitstroom by reason (free text: normalised, rare ones merged).
    reasons: Counter = Counter()
    reason_labels: dict[str, str] = {}
    removed = 0  # reasons the retention removed (domain/bewaren/erase.py): they were rare
    for reason, count in db.exec(sa.select(Enrolment.end_reason, func.count())
                                 .where(Enrolment.location_id.in_(ids), Enrolment.end_date >= start,
                                        Enrolment.end_date <= end)
                                 .group_by(Enrolment.end_reason)).all():
        if reason == REMOVED_TEXT:
            removed += count
            continue
        label = " ".join((reason or "").split()) or texts.RAPPORT_ONBEKEND
        key = label.casefold()
        reasons[key] += count
        reason_labels[key] = min(reason_labels.get(key, label), label)
    outflow = _simple(_merge_rare(reasons, reason_labels, removed), sum(reasons.values()) + removed)

    # Waitlist at the period end, per location.
    waiting = dict(db.exec(sa.select(ReferralIn.location_id, func.count())
                           .where(ReferralIn.location_id.in_(ids), _waitlist_condition(end))
                           .group_by(ReferralIn.location_id)).all())
    waitlist = _simple([(loc.name, waiting.get(loc.id, 0)) for loc in locations])

    # Signals by category (a signal counts in each of its categories).
    per_category: Counter = Counter()
    n_signals = 0
    for (categories,) in db.exec(sa.select(Signal.categories)
                                 .where(Signal.location_id.in_(ids), Signal.observed_at >= lo,
                                        Signal.observed_at < hi)).all():
        n_signals += 1
        for code in dict.fromkeys(c.strip() for c in categories.split(",") if c.strip()):
            per_category[code] += 1
    codes = [*category_codes(), *sorted(set(per_category) - set(category_codes()))]
    signals = _simple([(category_label(c), per_category.get(c, 0)) for c in codes], n_signals)

    # Meldcode tracks closed in the period, by decision.
    closed = db.exec(sa.select(MeldcodeTrack.decision_report, MeldcodeTrack.decision_help)
                     .where(MeldcodeTrack.location_id.in_(ids), MeldcodeTrack.status == "gesloten",
                            MeldcodeTrack.closed_at >= lo, MeldcodeTrack.closed_at < hi)).all()
    meldcode = _simple([
        (texts.RAPPORT_MELDCODE_GEMELD, sum(1 for report, _ in closed if report)),
        (texts.RAPPORT_MELDCODE_HULP, sum(1 for _, help_ in closed if help_)),
        (texts.RAPPORT_MELDCODE_GEEN, sum(1 for report, help_ in closed if not report and not help_)),
    ], len(closed))

    # Referrals out by partner, with feedback received.
    feedback_received = sa.or_(ReferralOut.status == "afgerond", ReferralOut.feedback_on.is_not(None))
    partner_rows = db.exec(
        sa.select(Partner.id, Partner.name, func.count(),
                  func.coalesce(func.sum(sa.case((feedback_received, 1), else_=0)), 0))
        .join(Partner, Partner.id == ReferralOut.partner_id)
        .where(ReferralOut.location_id.in_(ids), ReferralOut.sent_on >= start, ReferralOut.sent_on <= end)
        .group_by(Partner.id, Partner.name)).all()
    partner_rows = sorted(partner_rows, key=lambda r: (r[1].casefold(), r[0]))
    sent = [int(r[2]) for r in partner_rows]
    answered = [int(r[3]) for r in partner_rows]
    referrals_out = _breakdown([r[1] for r in partner_rows], [sent, answered], [sum(sent), sum(answered)])

    # Leerdoelen started and achieved, per location.
    started = dict(db.exec(sa.select(Goal.location_id, func.count())
                           .where(Goal.location_id.in_(ids), Goal.start_date >= start, Goal.start_date <= end)
                           .group_by(Goal.location_id)).all())
    achieved = dict(db.exec(sa.select(Goal.location_id, func.count())
                            .where(Goal.location_id.in_(ids), Goal.achieved_on >= start, Goal.achieved_on <= end)
                            .group_by(Goal.location_id)).all())
    started_values = [started.get(loc.id, 0) for loc in locations]
    achieved_values = [achieved.get(loc.id, 0) for loc in locations]
    goals = _breakdown([loc.name for loc in locations], [started_values, achieved_values],
                       [sum(started_values), sum(achieved_values)])

    return Report(
        start=start, end=end, location_ids=tuple(ids), location_names=tuple(names[i] for i in ids),
        bereik_by_neighbourhood=_simple(hood_rows, bereik),
        bereik_by_age=_simple([(label, ages.get(label, 0)) for label in age_labels], bereik),
        attendance=attendance, referrals_in=referrals_in, intakes=intakes, outflow=outflow,
        waitlist=waitlist, signals=signals, meldcode=meldcode, referrals_out=referrals_out, goals=goals,
    )


def report(actor: Actor, db: Session, location_ids: list[int], start: date, end: date) -> Report:
    """The rapportage over [start, end] (inclusive) for these locations, to view on screen.
    OVERZICHT_TEAM on every location; audited 'rapportage.bekeken' with ids and period."""
    locations = authorize_locations(actor, db, Action.OVERZICHT_TEAM, location_ids, "rapportage")
    check_period(start, end)
    result = build_report(db, locations, start, end)
    audit.record(db, actor, "rapportage.bekeken", object_type="rapportage",
                 detail=f"locaties={ids_detail(locations)};periode={period_detail(start, end)}")
    db.commit()
    return result
