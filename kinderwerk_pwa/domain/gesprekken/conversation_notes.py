"""Recording a conversation note (`record_conversation`, idempotent on its client_uuid, possibly
completing meldcode step 3) and showing conversations on a child's timeline.
"""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ... import texts
from ...models import (
    Agreement,
    Child,
    ConversationChild,
    ConversationGoal,
    ConversationGuardian,
    Family,
    Goal,
    Guardian,
    Location,
    MeldcodeTrack,
    ParentConversation,
)
from ..common.cleaning import client_uuid_of
from ..common.errors import DomainError, InvalidInput, PermissionDenied
from ..kinderen.households import household_ids
from ..kinderen.timeline_item import TimelineItem
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action, Target, authorize, can
from .conversation_access import (
    MELDCODE_STEP,
    _conversation_target,
    _locations_of,
    _names,
    _track_target,
)
from .conversation_input import (
    MAX_OWNER_NAME,
    MAX_WITH_WHOM,
    step3_client_uuid,
    validate_conversation,
)
from .conversation_views import ConversationResult


def _refuse(db: Session, actor: Actor, *, message: str, field_name: str, detail: str,
            object_type: str = "gezin", object_id: object = "", child_id: int | None = None,
            location_id: int | None = None) -> None:
    """Audit a refusal (own transaction) and raise InvalidInput: nothing is stored."""
    audit.record_denied(db, actor, str(Action.GESPREK_VASTLEGGEN), object_type=object_type, object_id=object_id,
                        child_id=child_id, location_id=location_id, detail=detail)
    raise InvalidInput(message, {field_name: message})


def record_conversation(actor: Actor, db: Session, payload: dict) -> ConversationResult:
    """The one way a conversation with parents enters. Idempotent on payload['client_uuid']: a
    replay returns the stored conversation (created=False) and writes nothing.

    Payload: client_uuid, family_id, location_id (optional when the actor shares exactly the
    obvious location with the children: default is the lowest shared one), guardian_ids,
    child_ids, kind, held_at (aware ISO datetime or datetime, default now), place, topics (list or
    comma string), facts, interpretation, discussed_with_parent (default True),
    not_discussed_reason, track_id, goal_ids, agreements (list of dicts: client_uuid, description,
    owner_kind, owner_name, owner_staff_id, due_date).
    """
    client_uuid = client_uuid_of(payload)
    existing = db.exec(select(ParentConversation).where(ParentConversation.client_uuid == client_uuid)).first()
    if existing is not None:
        return _replay(actor, db, existing)
    clean = validate_conversation(actor, db, payload)

    # Family, location, children and guardians: who may record what about whom.
    family = db.get(Family, clean.family_id)
    if family is None or family.organisation_id != actor.organisation_id:
        audit.record_denied(db, actor, str(Action.GESPREK_VASTLEGGEN), object_type="gezin",
                            object_id=clean.family_id)
        raise PermissionDenied(texts.GEEN_TOEGANG)
    children = db.exec(select(Child).where(Child.id.in_(clean.child_ids))).all()
    # A child of this household: its main one or a further one (a parent living apart, issue 16.3).
    if len(children) != len(clean.child_ids) or any(family.id not in household_ids(db, c) for c in children):
        _refuse(db, actor, message=texts.FOUT_GESPREK_KIND_ANDER_GEZIN, field_name="child_ids",
                detail="kind_niet_van_gezin", object_id=family.id)
    guardians = db.exec(select(Guardian).where(Guardian.id.in_(clean.guardian_ids))).all()
    if len(guardians) != len(clean.guardian_ids) or any(g.family_id != family.id for g in guardians):
        _refuse(db, actor, message=texts.FOUT_GESPREK_OUDER_ANDER_GEZIN, field_name="guardian_ids",
                detail="ouder_niet_van_gezin", object_id=family.id)
    children_locations = _locations_of(db, clean.child_ids)
    location_id = clean.location_id
    if location_id is None:
        shared = children_locations & actor.location_ids
        location_id = min(shared) if shared else None
    if location_id is None:
        # The actor shares no location with any of these children.
        authorize(actor, db, Action.GESPREK_VASTLEGGEN,
                  Target(family.organisation_id, frozenset(children_locations), object_type="gezin",
                         object_id=family.id, child_id=clean.child_ids[0]))
        raise PermissionDenied(texts.GEEN_TOEGANG)  # not reached: the actor shares no location
    location = db.get(Location, location_id)
    authorize(actor, db, Action.GESPREK_VASTLEGGEN,
              Target(location.organisation_id if location else -1, frozenset({location_id}),
                     object_type="gezin", object_id=family.id, child_id=clean.child_ids[0]))
    if location_id not in children_locations:
        _refuse(db, actor, message=texts.FOUT_GESPREK_LOCATIE, field_name="location_id",
                detail="locatie_kent_kinderen_niet", object_id=family.id, location_id=location_id)

    # Leerdoelen it evaluates: goals of the conversation's children, stored as conversation_goal
    # links below (shown on the goal, domain/kinderen/goals.py).
    if clean.goal_ids:
        goal_children = db.exec(select(Goal.child_id).where(Goal.id.in_(clean.goal_ids))).all()
        if len(goal_children) != len(clean.goal_ids) or any(c not in clean.child_ids for c in goal_children):
            raise InvalidInput(texts.FOUT_GESPREK_LEERDOEL, {"goal_ids": texts.FOUT_GESPREK_LEERDOEL})

    # A meldcode track of one of the children, open and at step 3 or later.
    track = None
    completes_step3 = False
    if clean.track_id is not None:
        track = db.get(MeldcodeTrack, clean.track_id)
        if (track is None or track.organisation_id != actor.organisation_id or track.child_id not in clean.child_ids
                or track.status != "open" or track.current_step < MELDCODE_STEP):
            raise InvalidInput(texts.FOUT_GESPREK_TRAJECT, {"track_id": texts.FOUT_GESPREK_TRAJECT})
        track_target = _track_target(track)
        if not can(actor, Action.SIGNAAL_BESTAAN_ZIEN, track_target):
            _refuse(db, actor, message=texts.FOUT_GESPREK_TRAJECT, field_name="track_id",
                    detail="traject_niet_zichtbaar", object_type="meldcodetraject", object_id=track.id,
                    child_id=track.child_id, location_id=track.location_id)
        completes_step3 = track.current_step == MELDCODE_STEP
        if completes_step3 and not can(actor, Action.MELDCODE_STAP, track_target):
            audit.record_denied(db, actor, f"meldcode.stap{MELDCODE_STEP}", object_type="meldcodetraject",
                                object_id=track.id, child_id=track.child_id, location_id=track.location_id,
                                detail="via_oudergesprek")
            raise InvalidInput(texts.FOUT_GESPREK_STAP3_NIET_TOEGESTAAN,
                               {"track_id": texts.FOUT_GESPREK_STAP3_NIET_TOEGESTAAN})

    # An agreement id that is already stored (for another conversation) cannot be reused.
    agreement_uuids = [a.client_uuid for a in clean.agreements]
    if agreement_uuids and db.exec(select(Agreement.id).where(Agreement.client_uuid.in_(agreement_uuids))).first():
        raise InvalidInput(texts.FOUT_AFSPRAAK_KENMERK_DUBBEL, {"agreements": texts.FOUT_AFSPRAAK_KENMERK_DUBBEL})

    conversation = ParentConversation(
        client_uuid=clean.client_uuid, organisation_id=family.organisation_id, family_id=family.id,
        location_id=location_id, author_id=actor.id, kind=clean.kind, held_at=clean.held_at,
        place=clean.place or (location.name if location else ""), topics=clean.topics, facts=clean.facts,
        interpretation=clean.interpretation, discussed_with_parent=clean.discussed,
        not_discussed_reason=clean.not_discussed_reason, track_id=track.id if track else None,
    )
    db.add(conversation)
    try:
        db.flush()
    except IntegrityError:
        # The same conversation arrived twice at once (online form and offline queue): keep the first.
        db.rollback()
        existing = db.exec(select(ParentConversation).where(ParentConversation.client_uuid == clean.client_uuid)).one()
        return ConversationResult(existing.id, created=False)
    for child_id in clean.child_ids:
        db.add(ConversationChild(conversation_id=conversation.id, child_id=child_id))
    for guardian_id in clean.guardian_ids:
        db.add(ConversationGuardian(conversation_id=conversation.id, guardian_id=guardian_id))
    for goal_id in clean.goal_ids:
        db.add(ConversationGoal(conversation_id=conversation.id, goal_id=goal_id))
    guardian_names = ", ".join(g.name for g in sorted(guardians, key=lambda g: clean.guardian_ids.index(g.id)))
    for item in clean.agreements:
        owner_name = item.owner_name
        if item.owner_kind == "ouder" and not owner_name:
            owner_name = guardian_names[:MAX_OWNER_NAME]
        db.add(Agreement(client_uuid=item.client_uuid, conversation_id=conversation.id, description=item.description,
                         owner_kind=item.owner_kind, owner_name=owner_name, owner_staff_id=item.owner_staff_id,
                         due_date=item.due_date, status="open"))
    audit.record(db, actor, "gesprek.vastgelegd", object_type="gesprek", object_id=conversation.id,
                 child_id=clean.child_ids[0], location_id=location_id,
                 detail=(f"gezin={family.id};soort={clean.kind};kinderen={','.join(map(str, clean.child_ids))};"
                         f"ouders={len(clean.guardian_ids)};afspraken={len(clean.agreements)};"
                         f"besproken={int(clean.discussed)};leerdoelen={len(clean.goal_ids)};"
                         f"traject={track.id if track else ''};stap3={int(completes_step3)}"))
    if completes_step3:
        # Step 3 of the meldcode, recorded by the meldcode module itself. It commits the session,
        # so the conversation, its agreements and goal links, both audit rows and the step commit together.
        from ..signalering import meldcode

        try:
            meldcode.record_step(actor, db, track.id, {
                "client_uuid": step3_client_uuid(clean.client_uuid), "step_no": MELDCODE_STEP,
                "with_whom": guardian_names[:MAX_WITH_WHOM], "conclusion": texts.GESPREK_STAP3_CONCLUSIE,
            })
        except DomainError:
            db.rollback()
            raise
    else:
        db.commit()
    return ConversationResult(conversation.id, created=True, meldcode_step_recorded=completes_step3)


def _replay(actor: Actor, db: Session, existing: ParentConversation) -> ConversationResult:
    if existing.author_id != actor.id:
        # Someone else's id: never reveal or touch that conversation.
        audit.record_denied(db, actor, str(Action.GESPREK_VASTLEGGEN), object_type="gesprek", object_id=existing.id,
                            detail="kenmerk_van_ander")
        raise PermissionDenied(texts.GEEN_TOEGANG)
    return ConversationResult(existing.id, created=False)


# ---- the child's timeline ------------------------------------------------------------------

def timeline_items(actor: Actor, db: Session, child: Child) -> list[TimelineItem]:
    """Conversations about this child that the actor may read (GESPREK_LEZEN on the conversation's
    location), as TimelineItems. Used by timeline.child_timeline (which audits the read)."""
    conversations = db.exec(select(ParentConversation)
                            .join(ConversationChild, ConversationChild.conversation_id == ParentConversation.id)
                            .where(ConversationChild.child_id == child.id)).all()
    readable = [c for c in conversations if can(actor, Action.GESPREK_LEZEN, _conversation_target(c))]
    names = _names(db, {c.author_id for c in readable})
    # A child living in two households: say with which household each conversation was held.
    homes = household_ids(db, child)
    home_names = dict(db.exec(select(Family.id, Family.name).where(Family.id.in_(homes))).all()) if len(homes) > 1 else {}
    items = []
    for c in readable:
        body = c.facts
        if c.interpretation:
            body += f"\n{texts.SIGNAAL_INTERPRETATIE_VAN.format(naam=names.get(c.author_id, ''))}: {c.interpretation}"
        if not c.discussed_with_parent and c.not_discussed_reason:
            body += "\n" + texts.GESPREK_NIET_BESPROKEN.format(reden=c.not_discussed_reason)
        items.append(TimelineItem(
            at=c.held_at, kind="gesprek",
            title=texts.GESPREK_TIJDLIJN_TITEL.format(soort=texts.CONVERSATION_KIND_LABELS.get(c.kind, c.kind))
            + (texts.GESPREK_TIJDLIJN_HUISHOUDEN.format(huishouden=home_names[c.family_id])
               if c.family_id in home_names else ""),
            body=body, link=f"/gezin/{c.family_id}"))
    return items
