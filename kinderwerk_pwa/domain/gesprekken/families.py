"""A family as seen from the conversations: the family page (`family_view`), finding a family,
the family of a child, and the conversation form's choices for a family.
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, select

from ... import texts
from ...models import (
    Agreement,
    Child,
    ChildHousehold,
    ChildLocation,
    ConversationChild,
    ConversationGuardian,
    Family,
    Goal,
    Guardian,
    Location,
    MeldcodeTrack,
    ParentConversation,
)
from ...models.conversations import CONVERSATION_KINDS
from ..common.clock import local_today
from ..common.search import matches
from ..kinderen.children import age_on, child_target, load_child
from ..kinderen.households import households_of
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action, Target, authorize, can
from .conversation_access import (
    MELDCODE_STEP,
    _conversation_target,
    _family_children,
    _family_target,
    _load_family,
    _locations_of,
    _names,
    _owner_label,
    _track_target,
)
from .conversation_views import (
    AgreementView,
    Choice,
    ConversationOptions,
    ConversationView,
    FamilyChild,
    FamilyChoice,
    FamilyGuardian,
    FamilyView,
    GoalChoice,
    TrackChoice,
)

# ---- the form's choices --------------------------------------------------------------------

def conversation_options(actor: Actor, db: Session, family_id: int) -> ConversationOptions:
    """What the conversation form offers for one family. Needs GESPREK_VASTLEGGEN on a location of
    the family's children. Audited 'gesprek.formulier'."""
    family = _load_family(actor, db, family_id, Action.GESPREK_VASTLEGGEN)
    children = [c for c in _family_children(db, family) if can(actor, Action.KIND_LEZEN, child_target(db, c))]
    child_ids = [c.id for c in children]
    names = {c.id: c.full_name for c in children}
    guardians = db.exec(select(Guardian).where(Guardian.family_id == family.id).order_by(Guardian.id)).all()
    known = _locations_of(db, child_ids) & actor.location_ids
    locations = db.exec(select(Location).where(Location.id.in_(known or {-1})).order_by(Location.name)).all()
    tracks = []
    for track in db.exec(select(MeldcodeTrack).where(MeldcodeTrack.child_id.in_(child_ids or [-1]),
                                                     MeldcodeTrack.status == "open",
                                                     MeldcodeTrack.current_step >= MELDCODE_STEP)
                         .order_by(MeldcodeTrack.opened_at)).all():
        target = _track_target(track)
        if not can(actor, Action.SIGNAAL_BESTAAN_ZIEN, target):
            continue
        at_step3 = track.current_step == MELDCODE_STEP
        tracks.append(TrackChoice(
            track.id, texts.GESPREK_TRAJECT_KEUZE.format(kind=names.get(track.child_id, ""), stap=track.current_step),
            track.child_id, track.current_step, at_step3,
            (not at_step3) or can(actor, Action.MELDCODE_STAP, target)))
    goals = db.exec(select(Goal).where(Goal.child_id.in_(child_ids or [-1]), Goal.status == "actief")
                    .order_by(Goal.child_id, Goal.start_date, Goal.id)).all()
    audit.record(db, actor, "gesprek.formulier", object_type="gezin", object_id=family.id,
                 detail=f"kinderen={len(children)}")
    db.commit()
    return ConversationOptions(
        family_id=family.id, family_name=family.name,
        children=[Choice(c.id, c.full_name) for c in children],
        guardians=[Choice(g.id, f"{g.name} ({g.relation})" if g.relation else g.name) for g in guardians],
        locations=[Choice(loc.id, loc.name) for loc in locations],
        tracks=tracks,
        goals=[GoalChoice(g.id, g.child_id, f"{names.get(g.child_id, '')}: {g.title}") for g in goals],
        kinds=[(k, texts.CONVERSATION_KIND_LABELS[k]) for k in CONVERSATION_KINDS],
    )


def find_families(actor: Actor, db: Session, query: str = "", limit: int = 20) -> list[FamilyChoice]:
    """Families with a child at one of the actor's locations (for starting a conversation), by
    the family's name, a child's (at those locations) or a guardian's, searched in the database
    (common/search.py). Audited 'gezin.keuzelijst' (ids/counts only)."""
    if not actor.location_ids:
        return []
    authorize(actor, db, Action.GESPREK_LEZEN,
              Target(actor.organisation_id, actor.location_ids, object_type="gezinnen"))
    here = (select(Child.family_id).join(ChildLocation, ChildLocation.child_id == Child.id)
            .where(ChildLocation.location_id.in_(actor.location_ids)))
    # A further household of a child here (issue 16.3) is found too.
    also = (select(ChildHousehold.family_id).join(ChildLocation, ChildLocation.child_id == ChildHousehold.child_id)
            .where(ChildLocation.location_id.in_(actor.location_ids)))
    stmt = select(Family).where(Family.organisation_id == actor.organisation_id,
                                sa.or_(Family.id.in_(here), Family.id.in_(also)))
    if (by_family := matches(Family.search_key, query)) is not None:
        also_named = also.join(Child, Child.id == ChildHousehold.child_id).where(matches(Child.search_key, query))
        stmt = stmt.where(sa.or_(by_family,
                                 Family.id.in_(here.where(matches(Child.search_key, query))),
                                 Family.id.in_(also_named),
                                 Family.id.in_(select(Guardian.family_id)
                                               .where(matches(Guardian.search_key, query)))))
    families = db.exec(stmt.order_by(Family.name, Family.id).limit(limit)).all()
    rows = db.exec(select(Child).join(ChildLocation, ChildLocation.child_id == Child.id)
                   .where(ChildLocation.location_id.in_(actor.location_ids),
                          Child.family_id.in_([f.id for f in families] or [-1]))
                   .order_by(Child.first_name, Child.last_name, Child.id)).all()
    child_names: dict[int, list[str]] = {}
    for child in rows:
        names = child_names.setdefault(child.family_id, [])
        if child.full_name not in names:
            names.append(child.full_name)
    result = [FamilyChoice(f.id, f.name, ", ".join(child_names.get(f.id, []))) for f in families]
    audit.record(db, actor, "gezin.keuzelijst", object_type="gezinnen", detail=f"aantal={len(result)}")
    db.commit()
    return result


def family_of_child(actor: Actor, db: Session, child_id: int) -> int | None:
    """The family id of a child the actor may read (KIND_LEZEN), for a link to /gezin/<id>."""
    return load_child(actor, db, child_id).family_id


# ---- reading -------------------------------------------------------------------------------

def _agreement_views(actor: Actor, db: Session, conversations: list[ParentConversation],
                     today: date) -> dict[int, list[AgreementView]]:
    ids = [c.id for c in conversations]
    if not ids:
        return {}
    by_id = {c.id: c for c in conversations}
    agreements = db.exec(select(Agreement).where(Agreement.conversation_id.in_(ids))
                         .order_by(Agreement.due_date, Agreement.id)).all()
    names = _names(db, {a.done_by_id for a in agreements})
    result: dict[int, list[AgreementView]] = {}
    for a in agreements:
        conversation = by_id[a.conversation_id]
        result.setdefault(a.conversation_id, []).append(AgreementView(
            id=a.id, conversation_id=a.conversation_id, description=a.description, owner_kind=a.owner_kind,
            owner_label=_owner_label(actor, a.owner_kind, a.owner_name, a.owner_staff_id), owner_name=a.owner_name,
            owner_staff_id=a.owner_staff_id, due_date=a.due_date, status=a.status,
            status_label=texts.AGREEMENT_STATUS_LABELS.get(a.status, a.status),
            overdue=a.status == "open" and a.due_date < today, done_at=a.done_at,
            done_by_name=names.get(a.done_by_id, ""),
            can_change=can(actor, Action.GESPREK_VASTLEGGEN, _conversation_target(conversation)),
        ))
    return result


def _guardian_note(guardian: Guardian) -> str:
    parts = [] if guardian.parental_authority else [texts.HUISHOUDEN_GEEN_GEZAG]
    if not guardian.may_collect:
        parts.append(texts.HUISHOUDEN_NIET_OPHALEN + (f" ({guardian.collect_note})" if guardian.collect_note else ""))
    return ", ".join(parts)


def _other_households(db: Session, family: Family, children: list[Child]) -> list[tuple[str, int, str]]:
    result = []
    for child in children:
        for other in households_of(db, child):
            if other.id != family.id:
                result.append((child.full_name, other.id, other.name))
    return result


def family_view(actor: Actor, db: Session, family_id: int, today: date | None = None) -> FamilyView:
    """A family: children, guardians, the conversations the actor may read (GESPREK_LEZEN on the
    conversation's location), newest first, and their agreements. Needs GESPREK_LEZEN on a location
    of one of the family's children. Audited 'gezin.gelezen'."""
    today = today or local_today()
    family = _load_family(actor, db, family_id, Action.GESPREK_LEZEN)
    children = _family_children(db, family)
    child_by_id = {c.id: c for c in children}
    guardians = db.exec(select(Guardian).where(Guardian.family_id == family.id).order_by(Guardian.id)).all()
    guardian_by_id = {g.id: g for g in guardians}
    all_conversations = db.exec(select(ParentConversation).where(ParentConversation.family_id == family.id)
                                .order_by(ParentConversation.held_at.desc(), ParentConversation.id.desc())).all()
    readable = [c for c in all_conversations if can(actor, Action.GESPREK_LEZEN, _conversation_target(c))]
    ids = [c.id for c in readable] or [-1]
    links_children = db.exec(select(ConversationChild).where(ConversationChild.conversation_id.in_(ids))).all()
    links_guardians = db.exec(select(ConversationGuardian).where(ConversationGuardian.conversation_id.in_(ids))).all()
    kids_of: dict[int, list[int]] = {}
    for link in links_children:
        kids_of.setdefault(link.conversation_id, []).append(link.child_id)
    parents_of: dict[int, list[int]] = {}
    for link in links_guardians:
        parents_of.setdefault(link.conversation_id, []).append(link.guardian_id)
    names = _names(db, {c.author_id for c in readable})
    location_names = dict(db.exec(select(Location.id, Location.name).where(
        Location.id.in_({c.location_id for c in readable} or {-1}))).all())
    agreements = _agreement_views(actor, db, readable, today)
    views = []
    for c in readable:
        child_ids = sorted(kids_of.get(c.id, []), key=lambda i: (
            child_by_id[i].date_of_birth if i in child_by_id else date.max, i))
        author = names.get(c.author_id, "")
        views.append(ConversationView(
            id=c.id, held_at=c.held_at, kind=c.kind, kind_label=texts.CONVERSATION_KIND_LABELS.get(c.kind, c.kind),
            location_id=c.location_id, location_name=location_names.get(c.location_id, ""),
            author_id=c.author_id, author_name=author, place=c.place,
            topics=[t.strip() for t in c.topics.split(",") if t.strip()], facts=c.facts,
            interpretation=c.interpretation,
            interpretation_label=texts.SIGNAAL_INTERPRETATIE_VAN.format(naam=author) if c.interpretation else "",
            discussed_with_parent=c.discussed_with_parent, not_discussed_reason=c.not_discussed_reason,
            child_ids=child_ids, child_names=[child_by_id[i].full_name for i in child_ids if i in child_by_id],
            guardian_names=[guardian_by_id[i].name for i in sorted(parents_of.get(c.id, [])) if i in guardian_by_id],
            track_id=c.track_id, agreements=agreements.get(c.id, []),
        ))
    all_agreements = [a for v in views for a in v.agreements]
    all_agreements.sort(key=lambda a: (a.status != "open", not a.overdue, a.due_date, a.id))
    result = FamilyView(
        id=family.id, name=family.name,
        children=[FamilyChild(c.id, c.full_name, age_on(c.date_of_birth, today),
                              can(actor, Action.KIND_LEZEN, child_target(db, c))) for c in children],
        guardians=[FamilyGuardian(g.id, g.name, g.relation, g.phone, _guardian_note(g)) for g in guardians],
        address=family.address, other_households=_other_households(db, family, children),
        conversations=views, agreements=all_agreements,
        hidden_conversations=len(all_conversations) - len(readable),
        can_record=can(actor, Action.GESPREK_VASTLEGGEN, _family_target(db, family)),
    )
    audit.record(db, actor, "gezin.gelezen", object_type="gezin", object_id=family.id,
                 detail=f"gesprekken={len(views)};afspraken={len(all_agreements)}")
    db.commit()
    return result
