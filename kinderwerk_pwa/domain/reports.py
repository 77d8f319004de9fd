"""The teamleider's desk: the team overview of today, the rapportage over a period (for the
municipality) and trend series for charts.

Every function takes the actor first, then the session, and is authorised on every location it
covers: each requested location must be one of the actor's own, otherwise the request is refused
(PermissionDenied, audited as refused) - asking for one other location never yields a partial
report. Viewing needs OVERZICHT_TEAM (aandachtsfunctionaris, teamleider); exporting
(domain/exports.py) needs RAPPORTAGE_EXPORTEREN (teamleider). Each view is audited with ids and
the period only.

The overview holds counts and ids (for "open the list behind this figure"), never names. The
report holds aggregates only, computed with SQL aggregation.

Small-cell suppression (rapportage only)
----------------------------------------
Report figures leave the organisation (exports to the municipality), and a count of 1 to 4
children in a neighbourhood or an age group can point at a child. So, in every breakdown (a
column of counts over the rows of a table, with its total row):

1. Primary: a count from 1 up to and including 4 is shown as "<5". 0 stays 0; 5 and more are
   shown as the number. The raw value of a suppressed cell is not kept anywhere in the Report:
   its rows hold the display value (an int, or the text "<5").
2. Secondary: every breakdown shows its total. When exactly one cell of a breakdown is
   suppressed, the total minus the other cells would give it away, so the next-smallest cell
   (the smallest count above 0 that was not suppressed yet; on a tie the first row) is hidden
   too, shown as "–" (texts.RAPPORT_VERBORGEN): not as "<5", because it is 5 or more. When
   there is no such cell, the total is suppressed instead.
3. A total from 1 up to and including 4 is itself shown as "<5"; the key figures
   (Kerncijfers) repeat the totals exactly as shown under their breakdown.
4. Derived cells of a suppressed row (average per day, occupancy) are shown as "–"; counts that
   are not about children (days with attendance, capacity) are shown as they are.
5. Free-text labels (the reason of an uitstroom, typed by a worker) that occur fewer than 5
   times are merged into "Overige redenen", so a typed name never reaches the report.

Trend series (`trends`) are for the screen of those who may see the underlying lists anyway;
they are not suppressed and not exported.

Definitions
-----------
- bereik: unique children with at least one 'aanwezig' attendance event (not undone by an
  'ongedaan' event) at the locations in the period; by neighbourhood (Child.neighbourhood,
  empty = "Onbekend") and by age group at the period end (4-6, 7-9, 10-12, overig).
- aanwezigheidsdagen: child-days present (child, location, day with such an event); the average
  per day is over the days on which the location had any attendance, against its capacity.
- waitlist at a date D: aanmeldingen received on or before D and not yet through intake on D
  (status wachtlijst, or intake_on after D). Aanmeldingen withdrawn or refused before an intake
  carry no date of that step and are not counted in the past.
- signals by category: observed in the period (Amsterdam days); a signal with two categories
  counts in both, the total counts each signal once.
- meldcode: tracks closed in the period; "gemeld" = decision_report, "hulp" = decision_help (a
  track can be both), "zonder melding of hulp" = neither; the total counts each track once.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa
from sqlalchemy import func
from sqlmodel import Session, select

from .. import texts
from ..models import (
    Agreement,
    AttendanceEvent,
    Child,
    Enrolment,
    Goal,
    GoalProgress,
    Location,
    MeldcodeTrack,
    ParentConversation,
    Partner,
    ReferralIn,
    ReferralOut,
    Signal,
)
from ..models.referrals import REFERRER_KINDS
from . import audit
from .actor import Actor
from .attendance import GONE, PRESENT, fold
from .children import age_on
from .clock import AMSTERDAM, local_today, to_local
from .errors import InvalidInput
from .locations import enrolments_on
from .permissions import Action, Target, authorize
from .signal_catalog import category_codes
from .signal_catalog import label as category_label

SMALL_MIN, SMALL_MAX = 1, 4  # counts in this range are shown as SUPPRESSED
SUPPRESSED = texts.RAPPORT_KLEIN_AANTAL
HIDDEN = texts.RAPPORT_VERBORGEN  # "–": hidden to protect a suppressed cell, or derived from one
MIN_FREE_TEXT_LABEL = 5  # free-text labels rarer than this are merged into "Overige redenen"
ACUTE_DAYS = 30
AGE_GROUPS = ((4, 6), (7, 9), (10, 12))
FEEDBACK_OPEN = ("verstuurd", "in_behandeling")

Cell = int | float | str | None


# ---- authorisation and time helpers ----------------------------------------------------------

def authorize_locations(actor: Actor | None, db: Session, action: Action, location_ids: Iterable[int],
                         object_type: str) -> list[Location]:
    """Every requested location must be one of the actor's own (with the right for `action`);
    the first one that is not is refused (audited) and nothing is returned. Locations by name."""
    ids = sorted({int(i) for i in location_ids})
    if not ids:
        # Roles without the right are refused (audited) before being told to pick a location.
        authorize(actor, db, action, Target(actor.organisation_id if actor else -1,
                                            frozenset(actor.location_ids) if actor else frozenset(),
                                            object_type=object_type))
        raise InvalidInput(texts.RAPPORT_GEEN_LOCATIES, {"location_ids": texts.RAPPORT_GEEN_LOCATIES})
    locations = {loc.id: loc for loc in db.exec(select(Location).where(Location.id.in_(ids))).all()}
    for id_ in ids:
        location = locations.get(id_)
        authorize(actor, db, action, Target(location.organisation_id if location else -1, frozenset({id_}),
                                            object_type=object_type, object_id=id_))
    return sorted(locations.values(), key=lambda loc: (loc.name, loc.id))


def check_period(start: date, end: date) -> None:
    if not isinstance(start, date) or not isinstance(end, date) or end < start:
        raise InvalidInput(texts.RAPPORT_PERIODE_ONGELDIG, {"end": texts.RAPPORT_PERIODE_ONGELDIG})


def _midnight(day: date) -> datetime:
    """The start of an Amsterdam calendar day, as aware UTC."""
    return datetime.combine(day, time(0), tzinfo=AMSTERDAM).astimezone(UTC)


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """[start 00:00, day after end 00:00) in Amsterdam time, as UTC: for timestamp columns."""
    return _midnight(start), _midnight(end + timedelta(days=1))


def ids_detail(locations: list[Location]) -> str:
    return ",".join(str(loc.id) for loc in sorted(locations, key=lambda loc: loc.id))


def period_detail(start: date, end: date) -> str:
    return f"{start.isoformat()}..{end.isoformat()}"


# ==============================================================================================
# Team overview (today)
# ==============================================================================================

@dataclass(frozen=True)
class Figure:
    """A count and the ids of the records behind it (to open the list), never names."""

    count: int
    ids: tuple[int, ...] = ()


def _figure(ids: Iterable[int]) -> Figure:
    ids = tuple(ids)
    return Figure(len(ids), ids)


@dataclass(frozen=True)
class TrackAge:
    track_id: int
    step: int
    age_days: int  # days since the track was opened (Amsterdam days)
    due_date: date
    overdue: bool  # due_date < today


@dataclass(frozen=True)
class StepGroup:
    step: int  # 1..5
    label: str  # texts.MELDCODE_STAPPEN
    tracks: tuple[TrackAge, ...]  # overdue first, then the oldest first


@dataclass(frozen=True)
class LocationOverview:
    location_id: int
    name: str
    kind: str
    capacity: int | None
    expected: Figure  # child ids expected today (enrolled today, or an extra day / any event)
    present: Figure  # child ids checked in and not yet gone (attendance.fold)
    came: Figure  # child ids present today at some moment (also those already gone home)
    open_tracks: tuple[StepGroup, ...]  # steps 1..5, each possibly empty
    overdue_tracks: Figure  # track ids with due_date < today
    acute_signals: Figure  # signal ids: acute, last 30 days, not in a closed track
    accumulation_alerts: Figure  # child ids (signals.accumulation_alerts)
    overdue_agreements: Figure  # agreement ids: open, due_date < today, conversation here
    overdue_feedback: Figure  # referral-out ids: verstuurd/in behandeling, feedback_due < today
    waitlist: Figure  # referral-in ids with status wachtlijst, longest waiting first
    longest_wait_days: int | None  # None when nobody waits

    @property
    def open_track_count(self) -> int:
        return sum(len(group.tracks) for group in self.open_tracks)

    @property
    def open_track_ids(self) -> tuple[int, ...]:
        return tuple(t.track_id for group in self.open_tracks for t in group.tracks)


_SUMMABLE = ("expected", "present", "came", "overdue_tracks", "acute_signals", "accumulation_alerts",
             "overdue_agreements", "overdue_feedback", "waitlist")


@dataclass(frozen=True)
class Overview:
    today: date
    locations: tuple[LocationOverview, ...]  # the actor's locations, by name

    def total(self, figure: str) -> int:
        """The sum over the locations of one Figure field (e.g. "waitlist"), or "open_tracks"."""
        if figure == "open_tracks":
            return sum(loc.open_track_count for loc in self.locations)
        if figure not in _SUMMABLE:
            raise KeyError(figure)
        return sum(getattr(loc, figure).count for loc in self.locations)


def team_overview(actor: Actor, db: Session, today: date | None = None) -> Overview:
    """Today at each of the actor's locations: attendance, open meldcode tracks by step, acute
    signals, accumulation alerts, overdue agreements and feedback, and the waitlist.
    OVERZICHT_TEAM on all of the actor's locations; audited as one read."""
    today = today or local_today()
    if actor is None or not actor.location_ids:
        authorize(actor, db, Action.OVERZICHT_TEAM,
                  Target(actor.organisation_id if actor else -1, frozenset(), object_type="overzicht"))
    locations = authorize_locations(actor, db, Action.OVERZICHT_TEAM, actor.location_ids, "overzicht")
    ids = [loc.id for loc in locations]
    end_of_today = _midnight(today + timedelta(days=1))

    # Attendance today, derived from the day's events like the Vandaag screen does.
    enrolled: dict[int, set[int]] = defaultdict(set)
    for location_id, child_id in db.exec(select(Enrolment.location_id, Enrolment.child_id)
                                         .where(Enrolment.location_id.in_(ids), *enrolments_on(today))).all():
        enrolled[location_id].add(child_id)
    events: dict[int, list[AttendanceEvent]] = defaultdict(list)
    for event in db.exec(select(AttendanceEvent).where(AttendanceEvent.location_id.in_(ids),
                                                       AttendanceEvent.day == today)).all():
        events[event.location_id].append(event)

    # Open meldcode tracks.
    tracks: dict[int, list[TrackAge]] = defaultdict(list)
    for track in db.exec(select(MeldcodeTrack).where(MeldcodeTrack.location_id.in_(ids),
                                                     MeldcodeTrack.status == "open")).all():
        opened = to_local(track.opened_at).date()
        tracks[track.location_id].append(TrackAge(track.id, track.current_step, (today - opened).days,
                                                  track.due_date, track.due_date < today))

    # Acute signals of the last 30 days that are not in a closed track.
    since = end_of_today - timedelta(days=ACUTE_DAYS)
    acute: dict[int, list[int]] = defaultdict(list)
    for signal_id, location_id in db.exec(
        select(Signal.id, Signal.location_id)
        .outerjoin(MeldcodeTrack, MeldcodeTrack.id == Signal.track_id)
        .where(Signal.location_id.in_(ids), Signal.acute.is_(True), Signal.observed_at >= since,
               Signal.observed_at < end_of_today,
               sa.or_(Signal.track_id.is_(None), MeldcodeTrack.status == "open"))
        .order_by(Signal.observed_at.desc(), Signal.id)
    ).all():
        acute[location_id].append(signal_id)

    # Accumulation alerts: the signals module decides (threshold from the settings).
    from .signals import accumulation_alerts

    alerts: dict[int, list[int]] = defaultdict(list)
    for alert in accumulation_alerts(actor, db, now=end_of_today):
        if alert.location_id in ids:
            alerts[alert.location_id].append(alert.child_id)

    agreements: dict[int, list[int]] = defaultdict(list)
    for agreement_id, location_id in db.exec(
        select(Agreement.id, ParentConversation.location_id)
        .join(ParentConversation, ParentConversation.id == Agreement.conversation_id)
        .where(ParentConversation.location_id.in_(ids), Agreement.status == "open", Agreement.due_date < today)
        .order_by(Agreement.due_date, Agreement.id)
    ).all():
        agreements[location_id].append(agreement_id)

    feedback: dict[int, list[int]] = defaultdict(list)
    for referral_id, location_id in db.exec(
        select(ReferralOut.id, ReferralOut.location_id)
        .where(ReferralOut.location_id.in_(ids), ReferralOut.status.in_(FEEDBACK_OPEN),
               ReferralOut.feedback_due < today)
        .order_by(ReferralOut.feedback_due, ReferralOut.id)
    ).all():
        feedback[location_id].append(referral_id)

    waiting: dict[int, list[tuple[int, date]]] = defaultdict(list)
    for referral_id, location_id, received_on in db.exec(
        select(ReferralIn.id, ReferralIn.location_id, ReferralIn.received_on)
        .where(ReferralIn.location_id.in_(ids), ReferralIn.status == "wachtlijst")
        .order_by(ReferralIn.received_on, ReferralIn.id)
    ).all():
        waiting[location_id].append((referral_id, received_on))

    result = []
    for loc in locations:
        folded = fold(events.get(loc.id, []))
        expected = sorted(enrolled.get(loc.id, set()) | set(folded))
        present = sorted(c for c, state in folded.items() if state.status == PRESENT)
        came = sorted(c for c, state in folded.items() if state.status == PRESENT or state.status in GONE)
        by_step: dict[int, list[TrackAge]] = defaultdict(list)
        for track in tracks.get(loc.id, []):
            by_step[track.step].append(track)
        groups = tuple(
            StepGroup(step, texts.MELDCODE_STAPPEN[step],
                      tuple(sorted(by_step.get(step, []), key=lambda t: (not t.overdue, -t.age_days, t.track_id))))
            for step in range(1, 6)
        )
        overdue = sorted((t for t in tracks.get(loc.id, []) if t.overdue), key=lambda t: (t.due_date, t.track_id))
        wait = waiting.get(loc.id, [])
        result.append(LocationOverview(
            location_id=loc.id, name=loc.name, kind=loc.kind, capacity=loc.capacity,
            expected=_figure(expected), present=_figure(present), came=_figure(came),
            open_tracks=groups, overdue_tracks=_figure(t.track_id for t in overdue),
            acute_signals=_figure(acute.get(loc.id, [])),
            accumulation_alerts=_figure(dict.fromkeys(alerts.get(loc.id, []))),
            overdue_agreements=_figure(agreements.get(loc.id, [])),
            overdue_feedback=_figure(feedback.get(loc.id, [])),
            waitlist=_figure(r for r, _ in wait),
            longest_wait_days=max(((today - received).days for _, received in wait), default=None),
        ))
    overview = Overview(today, tuple(result))
    audit.record(db, actor, "overzicht.team_gelezen", object_type="overzicht",
                 detail=f"locaties={ids_detail(locations)};dag={today.isoformat()}")
    db.commit()
    return overview


# ==============================================================================================
# Small-cell suppression
# ==============================================================================================

def _small(value: int) -> bool:
    return SMALL_MIN <= value <= SMALL_MAX


def suppress_counts(values: list[int], total: int | None = None) -> tuple[list[Cell], Cell]:
    """Apply the module's suppression rule to one breakdown: the display cells and the display
    total (None when no total is given). See the module docstring."""
    primary = [_small(v) for v in values]
    secondary = [False] * len(values)
    hide_total = total is not None and _small(total)
    if total is not None and sum(primary) == 1:
        candidates = [i for i, v in enumerate(values) if not primary[i] and v > 0]
        if candidates:
            secondary[min(candidates, key=lambda i: (values[i], i))] = True
        else:
            hide_total = True
    cells: list[Cell] = [SUPPRESSED if p else HIDDEN if s else v
                         for v, p, s in zip(values, primary, secondary, strict=True)]
    if total is None:
        return cells, None
    return cells, (SUPPRESSED if _small(total) else HIDDEN) if hide_total else total


def is_suppressed(cell: Cell) -> bool:
    return cell in (SUPPRESSED, HIDDEN)


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


def _merge_rare(counts: Counter, key_labels: dict[str, str]) -> list[tuple[str, int]]:
    """Free-text labels: those occurring fewer than MIN_FREE_TEXT_LABEL times become one row."""
    common = sorted(((key_labels[k], v) for k, v in counts.items() if v >= MIN_FREE_TEXT_LABEL),
                    key=lambda kv: kv[0].casefold())
    rare = sum(v for v in counts.values() if v < MIN_FREE_TEXT_LABEL)
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
    for reason, count in db.exec(sa.select(Enrolment.end_reason, func.count())
                                 .where(Enrolment.location_id.in_(ids), Enrolment.end_date >= start,
                                        Enrolment.end_date <= end)
                                 .group_by(Enrolment.end_reason)).all():
        label = " ".join((reason or "").split()) or texts.RAPPORT_ONBEKEND
        key = label.casefold()
        reasons[key] += count
        reason_labels[key] = min(reason_labels.get(key, label), label)
    outflow = _simple(_merge_rare(reasons, reason_labels), sum(reasons.values()))

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

