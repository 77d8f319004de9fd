"""A child's timeline: signals, meldcode steps and (later) conversations in order, each shown only
to those allowed to see it; others see that something exists and whom to ask."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from .. import texts
from ..models import Child, ChildLocation, MeldcodeStep, MeldcodeTrack, Signal, StaffUser
from . import audit
from .actor import Actor
from .errors import NotFound
from .permissions import Action, Target, authorize, can
from .signal_catalog import label


@dataclass(frozen=True)
class TimelineItem:
    at: datetime
    kind: str  # signaal / signaal_afgeschermd / meldcode_stap / traject_afgeschermd / gesprek
    title: str
    body: str
    link: str  # where to open it, "" if not allowed
    acute: bool = False


def child_locations(db: Session, child_id: int) -> frozenset[int]:
    return frozenset(db.exec(select(ChildLocation.location_id).where(ChildLocation.child_id == child_id)).all())


def child_target(db: Session, child: Child) -> Target:
    return Target(child.organisation_id, child_locations(db, child.id), object_type="kind",
                  object_id=child.id, child_id=child.id)


def load_child(actor: Actor, db: Session, child_id: int) -> Child:
    child = db.get(Child, child_id)
    if child is None:
        audit.record_denied(db, actor, str(Action.KIND_LEZEN), object_type="kind", object_id=child_id)
        raise NotFound(texts.NIET_GEVONDEN)
    authorize(actor, db, Action.KIND_LEZEN, child_target(db, child))
    return child


def child_timeline(actor: Actor, db: Session, child_id: int) -> list[TimelineItem]:
    child = load_child(actor, db, child_id)
    names = dict(db.exec(select(StaffUser.id, StaffUser.name)).all())
    items: list[TimelineItem] = []
    for signal in db.exec(select(Signal).where(Signal.child_id == child.id)).all():
        target = Target(signal.organisation_id, frozenset({signal.location_id}), author_id=signal.author_id)
        if can(actor, Action.SIGNAAL_INHOUD_LEZEN, target):
            cats = ", ".join(label(c) for c in signal.categories.split(",") if c)
            body = signal.facts + (f"\n{texts.SIGNAAL_INTERPRETATIE_VAN.format(naam=names.get(signal.author_id, ''))}: "
                                   f"{signal.interpretation}" if signal.interpretation else "")
            items.append(TimelineItem(signal.observed_at, "signaal", f"Signaal: {cats}", body,
                                      f"/signalen/{signal.id}", signal.acute))
        elif can(actor, Action.SIGNAAL_BESTAAN_ZIEN, target):
            items.append(TimelineItem(signal.observed_at, "signaal_afgeschermd", "Zorgsignaal",
                                      texts.SIGNAAL_INHOUD_AFGESCHERMD, ""))
    for track in db.exec(select(MeldcodeTrack).where(MeldcodeTrack.child_id == child.id)).all():
        target = Target(track.organisation_id, frozenset({track.location_id}), author_id=track.opened_by_id)
        if can(actor, Action.SIGNAAL_INHOUD_LEZEN, target):
            for step in db.exec(select(MeldcodeStep).where(MeldcodeStep.track_id == track.id)).all():
                body = (texts.MELDCODE_OVERGESLAGEN.format(reden=step.skip_reason) if step.status == "overgeslagen"
                        else step.conclusion)
                who = names.get(step.by_id, "")
                items.append(TimelineItem(step.at, "meldcode_stap",
                                          f"Meldcode stap {step.step_no}: {texts.MELDCODE_STAPPEN[step.step_no]}",
                                          f"{body} ({who}{', met ' + step.with_whom if step.with_whom else ''})",
                                          f"/meldcode/{track.id}"))
        elif track.status == "open" and can(actor, Action.SIGNAAL_BESTAAN_ZIEN, target):
            items.append(TimelineItem(track.opened_at, "traject_afgeschermd", "Meldcodetraject",
                                      texts.SIGNAAL_OPEN_TRAJECT.format(eigenaar=names.get(track.owner_id, "")), ""))
    for extra in _conversation_items(actor, db, child):
        items.append(extra)
    audit.record(db, actor, "kind.tijdlijn", object_type="kind", object_id=child.id, child_id=child.id,
                 detail=f"items={len(items)}")
    db.commit()
    return sorted(items, key=lambda i: i.at, reverse=True)


def _conversation_items(actor: Actor, db: Session, child: Child) -> list[TimelineItem]:
    """Parent conversations about the child that the actor may read (GESPREK_LEZEN on the
    conversation's location), linking to the family page."""
    from .conversations import timeline_items  # local: conversations imports this module

    return timeline_items(actor, db, child)
