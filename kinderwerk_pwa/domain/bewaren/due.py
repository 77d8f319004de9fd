"""What is past its bewaartermijn on a given day, and what stands in the way of erasing a child.

A child's record is due `record_years` after the end of the involvement: the latest of the day the
child left (uitstroom), its last attendance, activity, signal, conversation, referral, placement,
goal or consent, and the day it was registered. Never while the child is in a running process
(aangemeld, wachtlijst, intake, actief, or a placement without an end). A child with a meldcode
track is kept as long as the track: never while it is open, and `meldcode_years` after it closed and
in any case until the child is `meldcode_until_age`.

A signal without a meldcode track loses its content `signal_years` after its date, also while the
child is still involved (its category, date and location stay for the figures). Signals and tracks
about an unknown child follow the same terms on their own. The note and observations of an
activity go `activity_years` after its day.

Nothing here changes anything or checks permissions: retention.py and requests.py do.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from sqlalchemy import func
from sqlmodel import Session, select

from ... import texts
from ...models import (
    Activity,
    ActivityChild,
    ActivityObservation,
    ActivityRegistration,
    AttendanceEvent,
    AuditEvent,
    Child,
    Consent,
    ConversationChild,
    Enrolment,
    Goal,
    Location,
    MeldcodeTrack,
    ParentConversation,
    ReferralIn,
    ReferralOut,
    Signal,
)
from ...models.base import REMOVED_TEXT
from ..common.clock import AMSTERDAM, format_day, to_local
from .terms import Terms, add_years

RUNNING_STATUSES = ("aangemeld", "wachtlijst", "intake", "actief")


@dataclass(frozen=True)
class DueItem:
    """One thing to remove or anonymise, in one transaction.

    kind: "kind" (the child's record), "signalen" (content of a child's signals without a track),
    "signaal_onbekend" (a signal about an unknown child), "meldcode_onbekend" (a track about an
    unknown child with its signals), "activiteit" (note and observations of an activity)."""

    kind: str
    organisation_id: int
    object_id: int  # child, signal, track or activity id
    child_id: int | None
    label: str
    reason: str
    due_on: date
    signal_ids: tuple[int, ...] = field(default=())


def _local_day(value) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return to_local(value).date()
    return value


def _day_start(day: date) -> datetime:
    """The first moment of an Amsterdam day, for comparing with stored timestamps."""
    return datetime.combine(day, time(0), tzinfo=AMSTERDAM)


def child_label(child: Child) -> str:
    return texts.BEWAREN_KIND_LABEL.format(voornaam=child.first_name, letter=child.last_name[:1], id=child.id)


def _children(db: Session, organisation_id: int | None) -> list[Child]:
    stmt = select(Child).where(Child.anonymised_at.is_(None))
    if organisation_id is not None:
        stmt = stmt.where(Child.organisation_id == organisation_id)
    return list(db.exec(stmt.order_by(Child.id)).all())


def last_involvement(db: Session, children: list[Child]) -> dict[int, date]:
    """Per child the last day anything happened with it (see the module docstring)."""
    ids = [c.id for c in children]
    last: dict[int, date] = {}

    def bump(rows) -> None:
        for child_id, value in rows:
            day = _local_day(value)
            if child_id is not None and day is not None and (child_id not in last or day > last[child_id]):
                last[child_id] = day

    for child in children:
        bump([(child.id, child.created_at), (child.id, child.left_on)])
    if not ids:
        return last
    sources = [
        (AttendanceEvent.child_id, AttendanceEvent.day),
        (Signal.child_id, Signal.observed_at),
        (ReferralIn.child_id, ReferralIn.received_on),
        (ReferralIn.child_id, ReferralIn.intake_on),
        (ReferralIn.child_id, ReferralIn.placed_on),
        (ReferralOut.child_id, ReferralOut.sent_on),
        (ReferralOut.child_id, ReferralOut.feedback_on),
        (Enrolment.child_id, Enrolment.start_date),
        (Enrolment.child_id, Enrolment.end_date),
        (Goal.child_id, Goal.start_date),
        (Goal.child_id, Goal.achieved_on),
        (Consent.child_id, Consent.given_on),
        (Consent.child_id, Consent.withdrawn_on),
    ]
    for key, value in sources:
        bump(db.exec(select(key, func.max(value)).where(key.in_(ids)).group_by(key)).all())
    bump(db.exec(select(ConversationChild.child_id, func.max(ParentConversation.held_at))
                 .join(ParentConversation, ParentConversation.id == ConversationChild.conversation_id)
                 .where(ConversationChild.child_id.in_(ids)).group_by(ConversationChild.child_id)).all())
    bump(db.exec(select(ActivityChild.child_id, func.max(Activity.day))
                 .join(Activity, Activity.id == ActivityChild.activity_id)
                 .where(ActivityChild.child_id.in_(ids)).group_by(ActivityChild.child_id)).all())
    return last


def _running_placements(db: Session, ids: list[int], today: date) -> dict[int, list[int]]:
    """Child id -> locations where a placement has not ended (before today)."""
    result: dict[int, list[int]] = defaultdict(list)
    for child_id, location_id in db.exec(select(Enrolment.child_id, Enrolment.location_id).where(
            Enrolment.child_id.in_(ids or [-1]), sa.or_(Enrolment.end_date.is_(None), Enrolment.end_date >= today))):
        result[child_id].append(location_id)
    return result


def _tracks(db: Session, ids: list[int]) -> dict[int, list[MeldcodeTrack]]:
    result: dict[int, list[MeldcodeTrack]] = defaultdict(list)
    for track in db.exec(select(MeldcodeTrack).where(MeldcodeTrack.child_id.in_(ids or [-1]))).all():
        result[track.child_id].append(track)
    return result


def track_kept_until(track: MeldcodeTrack, child: Child | None, terms: Terms) -> date | None:
    """The last day a closed track must be kept; None while it is open."""
    if track.status != "gesloten" or track.closed_at is None:
        return None
    until = add_years(_local_day(track.closed_at), terms.meldcode_years)
    if child is not None:
        until = max(until, add_years(child.date_of_birth, terms.meldcode_until_age))
    return until


def record_due_on(child: Child, last: date, tracks: list[MeldcodeTrack], terms: Terms) -> date | None:
    """The day the child's record is past its term; None while a track is open."""
    due = add_years(last, terms.record_years)
    for track in tracks:
        until = track_kept_until(track, child, terms)
        if until is None:
            return None
        due = max(due, until)
    return due


def blockers(db: Session, child: Child, terms: Terms, today: date) -> list[str]:
    """Why the child's data cannot be erased today (a request for erasure): an open meldcode track,
    a closed one still within its term (AVG art. 17(3)), a placement that has not ended."""
    reasons = []
    for track in _tracks(db, [child.id]).get(child.id, []):
        until = track_kept_until(track, child, terms)
        if until is None:
            reasons.append(texts.BELEMMERING_OPEN_TRAJECT.format(datum=format_day(_local_day(track.opened_at))))
        elif until > today:
            reasons.append(texts.BELEMMERING_TRAJECT_TERMIJN.format(datum=format_day(until)))
    for location_id in _running_placements(db, [child.id], today).get(child.id, []):
        location = db.get(Location, location_id)
        reasons.append(texts.BELEMMERING_PLAATSING.format(locatie=location.name if location else location_id))
    return reasons


def _has_content():
    return sa.or_(Signal.facts != "", Signal.interpretation != "", Signal.place != "")


def due_items(db: Session, terms: Terms, today: date, organisation_id: int | None = None) -> list[DueItem]:
    """Everything past its term on `today`, children first."""
    children = _children(db, organisation_id)
    by_id = {c.id: c for c in children}
    ids = list(by_id)
    last = last_involvement(db, children)
    running = _running_placements(db, ids, today)
    tracks = _tracks(db, ids)
    items: list[DueItem] = []
    whole: set[int] = set()
    for child in children:
        if child.status in RUNNING_STATUSES or child.id in running:
            continue
        due = record_due_on(child, last.get(child.id, today), tracks.get(child.id, []), terms)
        if due is None or due > today:
            continue
        whole.add(child.id)
        reason = texts.BEWAREN_REDEN_DOSSIER.format(jaren=terms.record_years, datum=format_day(last[child.id]))
        if due > add_years(last[child.id], terms.record_years):
            reason += "; " + texts.BEWAREN_REDEN_MELDCODE.format(datum=format_day(due))
        items.append(DueItem("kind", child.organisation_id, child.id, child.id, child_label(child), reason, due))

    # Signals without a track of children who stay: their content only.
    signal_cutoff = _day_start(add_years(today, -terms.signal_years) + timedelta(days=1))
    stmt = (select(Signal.id, Signal.child_id, Signal.observed_at)
            .join(Child, Child.id == Signal.child_id)
            .where(Signal.track_id.is_(None), Signal.observed_at < signal_cutoff, _has_content(),
                   Child.anonymised_at.is_(None)))
    if organisation_id is not None:
        stmt = stmt.where(Signal.organisation_id == organisation_id)
    per_child: dict[int, list[tuple[int, date]]] = defaultdict(list)
    for signal_id, child_id, observed_at in db.exec(stmt.order_by(Signal.id)).all():
        if child_id not in whole and child_id in by_id:
            per_child[child_id].append((signal_id, _local_day(observed_at)))
    for child_id, rows in sorted(per_child.items()):
        child = by_id[child_id]
        newest = max(day for _, day in rows)
        items.append(DueItem("signalen", child.organisation_id, child_id, child_id, child_label(child),
                             texts.BEWAREN_REDEN_SIGNALEN.format(n=len(rows), datum=format_day(newest + timedelta(days=1))),
                             add_years(newest, terms.signal_years), tuple(i for i, _ in rows)))

    items.extend(_unknown_child_items(db, terms, today, organisation_id, signal_cutoff))
    items.extend(_activity_items(db, terms, today, organisation_id))
    return items


def _unknown_child_items(db: Session, terms: Terms, today: date, organisation_id: int | None,
                         signal_cutoff: datetime) -> list[DueItem]:
    content = sa.or_(_has_content(), Signal.unknown_description != REMOVED_TEXT)
    stmt = select(Signal).where(Signal.child_id.is_(None), content)
    if organisation_id is not None:
        stmt = stmt.where(Signal.organisation_id == organisation_id)
    items = []
    by_track: dict[int, list[Signal]] = defaultdict(list)
    for signal in db.exec(stmt.order_by(Signal.id)).all():
        if signal.track_id is not None:
            by_track[signal.track_id].append(signal)
        elif signal.observed_at < signal_cutoff:
            day = _local_day(signal.observed_at)
            items.append(DueItem("signaal_onbekend", signal.organisation_id, signal.id, None,
                                 texts.BEWAREN_ONBEKEND_KIND, format_day(day),
                                 add_years(day, terms.signal_years), (signal.id,)))
    for track_id, signals in sorted(by_track.items()):
        track = db.get(MeldcodeTrack, track_id)
        until = track_kept_until(track, None, terms) if track is not None and track.child_id is None else None
        if until is None or until > today:
            continue
        items.append(DueItem("meldcode_onbekend", track.organisation_id, track.id, None, texts.BEWAREN_ONBEKEND_KIND,
                             texts.BEWAREN_REDEN_MELDCODE.format(datum=format_day(until)), until,
                             tuple(s.id for s in signals)))
    return items


def _activity_items(db: Session, terms: Terms, today: date, organisation_id: int | None) -> list[DueItem]:
    cutoff = add_years(today, -terms.activity_years)
    with_note = select(ActivityRegistration.activity_id).where(ActivityRegistration.note != "")
    with_text = select(ActivityObservation.activity_id).where(ActivityObservation.text != "")
    stmt = select(Activity).where(Activity.day <= cutoff, sa.or_(Activity.id.in_(with_note), Activity.id.in_(with_text)))
    if organisation_id is not None:
        stmt = stmt.where(Activity.organisation_id == organisation_id)
    return [DueItem("activiteit", a.organisation_id, a.id, None, texts.BEWAREN_ACTIVITEIT,
                    texts.BEWAREN_REDEN_ACTIVITEIT.format(datum=format_day(a.day)),
                    add_years(a.day, terms.activity_years))
            for a in db.exec(stmt.order_by(Activity.day, Activity.id)).all()]


def audit_rows_due(db: Session, terms: Terms, today: date) -> int:
    """How many rows of the access log are older than its term (removed in a separate step)."""
    cutoff = _day_start(add_years(today, -terms.audit_years))
    return db.exec(select(func.count()).select_from(AuditEvent).where(AuditEvent.at < cutoff)).one()
