"""A child's timeline: signals, meldcode steps and (later) conversations in order, each shown only
to those allowed to see it; others see that something exists and whom to ask."""

from __future__ import annotations

from sqlmodel import Session, select

from ... import texts
from ...models import MeldcodeStep, MeldcodeTrack, Signal, StaffUser
from ..gesprekken.conversation_notes import timeline_items
from ..kinderen.children import load_child
from ..kinderen.timeline_item import TimelineItem
from ..signalering.signal_catalog import label
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action, Target, can


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
            # Past its bewaartermijn (domain/bewaren) a signal keeps its category and date only.
            body = body or texts.BEWAREN_INHOUD_VERWIJDERD
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
    # Parent conversations about the child that the actor may read, linking to the family page.
    items.extend(timeline_items(actor, db, child))
    audit.record(db, actor, "kind.tijdlijn", object_type="kind", object_id=child.id, child_id=child.id,
                 detail=f"items={len(items)}")
    db.commit()
    return sorted(items, key=lambda i: i.at, reverse=True)

