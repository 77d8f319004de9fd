"""The meldcode track: five steps, each recorded with who, when, with whom and what was concluded,
and the afwegingskader (step 4) with the consequence the meldcode prescribes for each answer."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, select

from ... import texts
from ...models import (
    Location,
    MeldcodeStep,
    MeldcodeTrack,
    Signal,
    StaffLocation,
    StaffUser,
    utcnow,
)
from ...models.staff import NON_FIELD_ROLES
from ..common.clock import local_today
from ..common.errors import InvalidInput, NotFound
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action, Target, authorize

STEP_DAYS = 14  # a new due date two weeks after each step; the owner can change it
SKIPPABLE = {2, 3}  # consultation and the talk with parents may be skipped, with a reason
LEAD_ROLES = {"aandachtsfunctionaris", "teamleider"}
LEAD_STEPS = {4, 5}  # weighing and deciding: aandachtsfunctionaris or teamleider


# ---- afwegingskader -------------------------------------------------------------------------

@dataclass(frozen=True)
class Weighing:
    outcome: str | None  # afsluiten / melden / hulp; None while undecided
    next_question: int | None  # 1..5 while undecided


def weigh(answers: list[bool]) -> Weighing:
    """Walk the five questions in order. Each answer either decides or leads to the next question:
    1 nee -> afsluiten; 2 ja -> melden; 3 nee -> melden; 4 nee -> melden; 5 nee -> melden;
    5 ja -> hulp. Answers after the deciding one are an error."""
    decisive = {1: (False, "afsluiten"), 2: (True, "melden"), 3: (False, "melden"), 4: (False, "melden"),
                5: (False, "melden")}
    for index, answer in enumerate(answers, start=1):
        deciding_answer, outcome = decisive[index]
        if answer == deciding_answer or index == 5:
            if index < len(answers):
                raise InvalidInput(texts.FOUT_AFWEGING_TE_VEEL)
            return Weighing(outcome if answer == deciding_answer else "hulp", None)
    return Weighing(None, len(answers) + 1)


def parse_answers(text: str) -> list[bool]:
    """'1=ja;2=nee' -> [True, False] (the stored form, in question order)."""
    answers = []
    for index, part in enumerate([p for p in (text or "").split(";") if p], start=1):
        number, _, value = part.partition("=")
        if number != str(index) or value not in ("ja", "nee"):
            raise InvalidInput(texts.FOUT_AFWEGING_ONVOLLEDIG)
        answers.append(value == "ja")
    return answers


def format_answers(answers: list[bool]) -> str:
    return ";".join(f"{i}={'ja' if a else 'nee'}" for i, a in enumerate(answers, start=1))


# ---- tracks --------------------------------------------------------------------------------

def _target(track: MeldcodeTrack) -> Target:
    return Target(track.organisation_id, frozenset({track.location_id}), author_id=track.opened_by_id,
                  object_type="meldcodetraject", object_id=track.id, child_id=track.child_id)


def default_owner(db: Session, location_id: int, fallback: int) -> int:
    """The aandachtsfunctionaris of the location, else the teamleider, else whoever starts it."""
    for role in ("aandachtsfunctionaris", "teamleider"):
        owner = db.exec(select(StaffUser.id).join(StaffLocation, StaffLocation.staff_id == StaffUser.id)
                        .where(StaffLocation.location_id == location_id, StaffUser.role == role,
                               StaffUser.active.is_(True)).order_by(StaffUser.id)).first()
        if owner:
            return owner
    return fallback


def _uuid(payload: dict) -> str:
    try:
        return str(uuid.UUID(str(payload.get("client_uuid", ""))))
    except ValueError as exc:
        raise InvalidInput(texts.FOUT_CLIENT_UUID) from exc


def start_track(actor: Actor, db: Session, signal_id: int, payload: dict) -> int:
    """Open a track from a signal (step 1 'signalen in kaart brengen' is done by that signal and any
    other open signals about the child). Idempotent on client_uuid; one open track per child."""
    client_uuid = _uuid(payload)
    signal = db.get(Signal, signal_id)
    if signal is None:
        raise NotFound(texts.NIET_GEVONDEN)
    authorize(actor, db, Action.SIGNAAL_INHOUD_LEZEN,
              Target(signal.organisation_id, frozenset({signal.location_id}), author_id=signal.author_id,
                     object_type="signaal", object_id=signal.id, child_id=signal.child_id))
    existing = db.exec(select(MeldcodeTrack).where(MeldcodeTrack.client_uuid == client_uuid)).first()
    if existing:
        return existing.id
    if signal.track_id:
        return signal.track_id
    if signal.child_id:
        open_track = db.exec(select(MeldcodeTrack).where(MeldcodeTrack.child_id == signal.child_id,
                                                         MeldcodeTrack.status == "open")).first()
        if open_track:
            signal.track_id = open_track.id
            db.add(signal)
            audit.record(db, actor, "meldcode.signaal_gekoppeld", object_type="meldcodetraject",
                         object_id=open_track.id, child_id=signal.child_id, location_id=signal.location_id)
            db.commit()
            return open_track.id
    now = utcnow()
    track = MeldcodeTrack(
        client_uuid=client_uuid, organisation_id=signal.organisation_id, location_id=signal.location_id,
        child_id=signal.child_id, opened_by_id=actor.id,
        owner_id=default_owner(db, signal.location_id, actor.id), opened_at=now,
        due_date=local_today(now) + timedelta(days=STEP_DAYS), current_step=2,
    )
    db.add(track)
    db.flush()
    linked = [signal]
    if signal.child_id:
        linked += db.exec(select(Signal).where(Signal.child_id == signal.child_id, Signal.track_id.is_(None),
                                               Signal.id != signal.id)).all()
    for item in linked:
        item.track_id = track.id
        db.add(item)
    db.add(MeldcodeStep(
        client_uuid=str(uuid.uuid5(uuid.UUID(client_uuid), "stap1")), track_id=track.id, step_no=1,
        status="gedaan", by_id=actor.id, at=now,
        conclusion=f"{len(linked)} signa{'al' if len(linked) == 1 else 'len'} vastgelegd en gekoppeld.",
    ))
    audit.record(db, actor, "meldcode.gestart", object_type="meldcodetraject", object_id=track.id,
                 child_id=track.child_id, location_id=track.location_id, detail=f"signalen={len(linked)}")
    db.commit()
    return track.id


def record_step(actor: Actor, db: Session, track_id: int, payload: dict) -> MeldcodeStep:
    """Record the current step (or skip 2/3 with a reason). Step 4 takes `answers` (list of bools in
    question order) and must reach an outcome; step 5 takes `report` and `help` (bools) and `close`.
    Idempotent on client_uuid."""
    client_uuid = _uuid(payload)
    track = db.get(MeldcodeTrack, track_id)
    if track is None:
        raise NotFound(texts.NIET_GEVONDEN)
    authorize(actor, db, Action.MELDCODE_STAP, _target(track))
    done = db.exec(select(MeldcodeStep).where(MeldcodeStep.client_uuid == client_uuid)).first()
    if done is not None:
        return done
    if track.status != "open":
        raise InvalidInput(texts.FOUT_TRAJECT_GESLOTEN)
    raw_step = str(payload.get("step_no") or "")
    step_no = int(raw_step) if raw_step.isdigit() else 0
    if step_no != track.current_step:
        raise InvalidInput(texts.FOUT_STAP_VOLGORDE.format(n=track.current_step))
    if step_no in LEAD_STEPS and actor.role not in LEAD_ROLES:
        audit.record_denied(db, actor, f"meldcode.stap{step_no}", object_type="meldcodetraject",
                            object_id=track.id, child_id=track.child_id, location_id=track.location_id)
        raise InvalidInput(texts.FOUT_STAP_ROL)
    skip = bool(payload.get("skip"))
    with_whom = str(payload.get("with_whom") or "").strip()[:300]
    conclusion = str(payload.get("conclusion") or "").strip()
    skip_reason = str(payload.get("skip_reason") or "").strip()
    advice = str(payload.get("veilig_thuis_advice") or "").strip()
    for value, limit, name, veld in ((conclusion, 4000, "conclusion", "de conclusie"),
                                     (skip_reason, 500, "skip_reason", "de reden"),
                                     (advice, 1000, "veilig_thuis_advice", "het advies van Veilig Thuis")):
        if len(value) > limit:
            message = texts.FOUT_TE_LANG.format(n=limit, veld=veld)
            raise InvalidInput(message, {name: message})
    follow_up_date = None
    if step_no == 5 and not payload.get("close", True) and payload.get("follow_up_date"):
        try:
            follow_up_date = date.fromisoformat(str(payload["follow_up_date"]))
        except ValueError as exc:
            raise InvalidInput(texts.FOUT_DATUM, {"follow_up_date": texts.FOUT_DATUM}) from exc
    step = MeldcodeStep(client_uuid=client_uuid, track_id=track.id, step_no=step_no, by_id=actor.id,
                        at=utcnow(), with_whom=with_whom, status="gedaan")
    if skip:
        if step_no not in SKIPPABLE:
            raise InvalidInput(texts.FOUT_STAP_NIET_OVERSLAAN)
        if not skip_reason:
            raise InvalidInput(texts.FOUT_REDEN_NODIG, {"skip_reason": texts.FOUT_REDEN_NODIG})
        step.status, step.skip_reason = "overgeslagen", skip_reason
    elif step_no == 4:
        answers = [bool(a) for a in payload.get("answers") or []]
        result = weigh(answers)
        if result.outcome is None:
            raise InvalidInput(texts.FOUT_AFWEGING_ONVOLLEDIG)
        step.weighing_answers = format_answers(answers)
        step.conclusion = conclusion or texts.MELDCODE_UITKOMSTEN[result.outcome]
    elif step_no == 5:
        report, help_ = payload.get("report"), payload.get("help")
        if report is None or help_ is None:
            raise InvalidInput(texts.FOUT_BESLUIT_NODIG)
        outcome = weighing_outcome(db, track.id)
        if outcome == "melden" and not report:
            raise InvalidInput(texts.FOUT_MELDEN_VERPLICHT)
        track.decision_report, track.decision_help = bool(report), bool(help_)
        step.conclusion = conclusion
    else:
        if not conclusion:
            raise InvalidInput(texts.FOUT_CONCLUSIE_NODIG, {"conclusion": texts.FOUT_CONCLUSIE_NODIG})
        step.conclusion = conclusion
        step.veilig_thuis_advice = advice if step_no == 2 else ""
    db.add(step)
    if step_no < 5:
        track.current_step = step_no + 1
        track.due_date = local_today() + timedelta(days=STEP_DAYS)
    elif payload.get("close", True):
        track.status, track.closed_at = "gesloten", utcnow()
        track.close_reason = step.conclusion[:300] or ("melding gedaan" if track.decision_report else "afgesloten")
    else:
        track.due_date = follow_up_date or local_today() + timedelta(days=42)
    db.add(track)
    audit.record(db, actor, f"meldcode.stap{step_no}", object_type="meldcodetraject", object_id=track.id,
                 child_id=track.child_id, location_id=track.location_id,
                 detail=f"status={step.status};traject={track.status}")
    db.commit()
    return step


def weighing_outcome(db: Session, track_id: int) -> str | None:
    step = db.exec(select(MeldcodeStep).where(MeldcodeStep.track_id == track_id, MeldcodeStep.step_no == 4)).first()
    if step is None or not step.weighing_answers:
        return None
    return weigh(parse_answers(step.weighing_answers)).outcome


@dataclass(frozen=True)
class TrackView:
    id: int
    child_id: int | None
    child_label: str
    location_name: str
    owner_id: int
    owner_name: str
    opened_by_name: str
    status: str
    current_step: int
    due_date: date
    decision_report: bool | None
    decision_help: bool | None
    steps: list[dict]
    signal_ids: list[int]
    weighing: str | None


def get_track(actor: Actor, db: Session, track_id: int) -> TrackView:
    """The whole track with its steps. Content: as for signals (author = who opened it, and the
    aandachtsfunctionaris and teamleider of the location)."""
    track = db.get(MeldcodeTrack, track_id)
    if track is None:
        raise NotFound(texts.NIET_GEVONDEN)
    authorize(actor, db, Action.SIGNAAL_INHOUD_LEZEN, _target(track))
    steps = db.exec(select(MeldcodeStep).where(MeldcodeStep.track_id == track.id)
                    .order_by(MeldcodeStep.step_no, MeldcodeStep.at)).all()
    signals = db.exec(select(Signal.id).where(Signal.track_id == track.id).order_by(Signal.observed_at)).all()
    names = dict(db.exec(select(StaffUser.id, StaffUser.name).where(
        StaffUser.id.in_({track.owner_id, track.opened_by_id, *(s.by_id for s in steps)}))).all())
    from .signals import child_label as _label  # local: signals imports nothing from here

    first_signal = db.get(Signal, signals[0]) if signals else None
    location = db.get(Location, track.location_id)
    audit.record(db, actor, "meldcode.gelezen", object_type="meldcodetraject", object_id=track.id,
                 child_id=track.child_id, location_id=track.location_id)
    db.commit()
    return TrackView(
        id=track.id, child_id=track.child_id, child_label=_label(db, first_signal) if first_signal else "",
        location_name=location.name if location else "", owner_id=track.owner_id,
        owner_name=names.get(track.owner_id, ""), opened_by_name=names.get(track.opened_by_id, ""),
        status=track.status, current_step=track.current_step, due_date=track.due_date,
        decision_report=track.decision_report, decision_help=track.decision_help,
        steps=[{"step_no": s.step_no, "status": s.status, "by": names.get(s.by_id, ""), "at": s.at,
                "with_whom": s.with_whom, "conclusion": s.conclusion, "skip_reason": s.skip_reason,
                "veilig_thuis_advice": s.veilig_thuis_advice, "answers": s.weighing_answers} for s in steps],
        signal_ids=list(signals), weighing=weighing_outcome(db, track.id),
    )


def owner_options(actor: Actor, db: Session, track_id: int) -> list[tuple[int, str]]:
    """Who can own this track: active staff of its location except beheerder and privacy."""
    track = db.get(MeldcodeTrack, track_id)
    if track is None:
        raise NotFound(texts.NIET_GEVONDEN)
    authorize(actor, db, Action.OVERZICHT_TEAM, _target(track))
    rows = db.exec(select(StaffUser.id, StaffUser.name).join(StaffLocation, StaffLocation.staff_id == StaffUser.id)
                   .where(StaffLocation.location_id == track.location_id, StaffUser.active.is_(True),
                          StaffUser.role.not_in(NON_FIELD_ROLES)).order_by(StaffUser.name)).all()
    return [(staff_id, name) for staff_id, name in rows]


def set_owner(actor: Actor, db: Session, track_id: int, owner_id: int, due_date: date) -> None:
    """Hand a track to another owner and/or set its due date (aandachtsfunctionaris, teamleider)."""
    track = db.get(MeldcodeTrack, track_id)
    if track is None:
        raise NotFound(texts.NIET_GEVONDEN)
    authorize(actor, db, Action.OVERZICHT_TEAM, _target(track))  # aandachtsfunctionaris / teamleider
    if track.status != "open":
        raise InvalidInput(texts.FOUT_TRAJECT_GESLOTEN)
    if due_date < local_today():
        raise InvalidInput(texts.FOUT_DATUM_VERLEDEN, {"due_date": texts.FOUT_DATUM_VERLEDEN})
    if owner_id not in {staff_id for staff_id, _ in owner_options(actor, db, track_id)}:
        raise InvalidInput(texts.FOUT_EIGENAAR, {"owner_id": texts.FOUT_EIGENAAR})
    owner = db.get(StaffUser, owner_id)
    track.owner_id, track.due_date = owner.id, due_date
    db.add(track)
    audit.record(db, actor, "meldcode.eigenaar", object_type="meldcodetraject", object_id=track.id,
                 child_id=track.child_id, location_id=track.location_id, detail=f"eigenaar={owner.id}")
    db.commit()


@dataclass(frozen=True)
class TrackRow:
    id: int
    child_label: str
    current_step: int
    owner_name: str
    due_date: date
    acute: bool
    overdue: bool


def open_tracks(actor: Actor, db: Session, today: date | None = None) -> list[TrackRow]:
    """Open tracks whose content the actor may see: acute first, then overdue, then by due date."""
    today = today or local_today()
    tracks = db.exec(select(MeldcodeTrack).where(MeldcodeTrack.status == "open",
                                                 MeldcodeTrack.organisation_id == actor.organisation_id)).all()
    from ..toegang.permissions import can
    from .signals import child_label as _label

    rows = []
    for track in tracks:
        if not can(actor, Action.SIGNAAL_INHOUD_LEZEN, _target(track)) and track.owner_id != actor.id:
            continue
        signals = db.exec(select(Signal).where(Signal.track_id == track.id)).all()
        owner = db.get(StaffUser, track.owner_id)
        rows.append(TrackRow(track.id, _label(db, signals[0]) if signals else "", track.current_step,
                             owner.name if owner else "", track.due_date, any(s.acute for s in signals),
                             track.due_date < today))
    if rows:
        audit.record(db, actor, "meldcode.lijst", object_type="overzicht", detail=f"aantal={len(rows)}")
        db.commit()
    return sorted(rows, key=lambda r: (not r.acute, not r.overdue, r.due_date))
