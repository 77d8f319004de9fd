"""Shared lookups for conversations and families: staff names, permission targets (conversation,
family, meldcode track), loading a family with authorisation, and agreement owner labels.
"""

from __future__ import annotations

from sqlmodel import Session, select

from ... import texts
from ...models import Child, ChildLocation, Family, MeldcodeTrack, ParentConversation, StaffUser
from ..common.errors import NotFound
from ..kinderen.households import children_of_household
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action, Target, authorize

MELDCODE_STEP = 3  # gesprek met ouders (en kind)


def _names(db: Session, ids) -> dict[int, str]:
    ids = {i for i in ids if i}
    if not ids:
        return {}
    return dict(db.exec(select(StaffUser.id, StaffUser.name).where(StaffUser.id.in_(ids))).all())


def _conversation_target(conversation: ParentConversation, action_object: str = "gesprek",
                         object_id: object = None) -> Target:
    return Target(conversation.organisation_id, frozenset({conversation.location_id}), author_id=conversation.author_id,
                  object_type=action_object, object_id=conversation.id if object_id is None else object_id)


def _locations_of(db: Session, child_ids) -> set[int]:
    ids = list(child_ids)
    if not ids:
        return set()
    return set(db.exec(select(ChildLocation.location_id).where(ChildLocation.child_id.in_(ids))).all())


def _family_children(db: Session, family: Family) -> list[Child]:
    """The household's children: those who mainly live there and those who also do (issue 16.3)."""
    return [c for c in children_of_household(db, family.id) if c.organisation_id == family.organisation_id]


def _family_target(db: Session, family: Family) -> Target:
    children = _family_children(db, family)
    return Target(family.organisation_id, frozenset(_locations_of(db, [c.id for c in children])),
                  object_type="gezin", object_id=family.id)


def _load_family(actor: Actor, db: Session, family_id, action: Action) -> Family:
    family = db.get(Family, int(family_id)) if str(family_id or "").strip().isdigit() else None
    if family is None:
        audit.record_denied(db, actor, str(action), object_type="gezin", object_id=family_id)
        raise NotFound(texts.NIET_GEVONDEN)
    authorize(actor, db, action, _family_target(db, family))
    return family


def _owner_label(actor: Actor | None, owner_kind: str, owner_name: str, owner_staff_id: int | None) -> str:
    if owner_kind == "kinderwerker" and actor is not None and owner_staff_id == actor.id:
        return texts.AFSPRAAK_EIGENAAR_JIJ
    kind_label = texts.AGREEMENT_OWNER_LABELS.get(owner_kind, owner_kind)
    return texts.AFSPRAAK_EIGENAAR.format(soort=kind_label, naam=owner_name) if owner_name else kind_label


def _track_target(track: MeldcodeTrack) -> Target:
    return Target(track.organisation_id, frozenset({track.location_id}), author_id=track.opened_by_id,
                  object_type="meldcodetraject", object_id=track.id, child_id=track.child_id)
