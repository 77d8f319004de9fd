"""The team overview of today (`team_overview`): per location, counts with the ids behind each
figure (expected and present children, overdue tracks and agreements, acute signals, the
waitlist, ...), never names. Needs OVERZICHT_TEAM on every location; audited.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from ... import texts
from ...models import (
    Agreement,
    AttendanceEvent,
    Enrolment,
    MeldcodeTrack,
    ParentConversation,
    ReferralIn,
    ReferralOut,
    Signal,
)
from ..common.clock import local_today, to_local
from ..huiskamer.attendance import GONE, PRESENT, fold
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.locations import enrolments_on
from ..toegang.permissions import Action, Target, authorize
from .report_scope import _midnight, authorize_locations, ids_detail

ACUTE_DAYS = 30
FEEDBACK_OPEN = ("verstuurd", "in_behandeling")


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
    from ..signalering.signals import accumulation_alerts

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
