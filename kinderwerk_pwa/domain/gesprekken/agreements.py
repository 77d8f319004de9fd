"""The afspraken (agreements) made in conversations, as the actor's follow-up list: my open
agreements, those due today, and closing one (`set_agreement_status`).
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from ... import texts
from ...models import Agreement, Child, ConversationChild, Family, ParentConversation, utcnow
from ...models.conversations import AGREEMENT_STATUSES
from ..common.clock import local_today
from ..common.errors import InvalidInput, NotFound
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action, authorize, can
from .conversation_access import _conversation_target, _owner_label
from .conversation_views import AgreementRow


def my_agreements(actor: Actor, db: Session, today: date | None = None) -> list[AgreementRow]:
    """Open agreements for the actor to follow up: those the actor owns (owner_staff_id), plus
    those owned by a parent or a partner from conversations at the actor's locations (readable
    there). Overdue first, then by due date. Audited 'afspraak.lijst' when not empty."""
    today = today or local_today()
    own = db.exec(select(Agreement, ParentConversation)
                  .join(ParentConversation, ParentConversation.id == Agreement.conversation_id)
                  .where(Agreement.status == "open", Agreement.owner_staff_id == actor.id,
                         ParentConversation.organisation_id == actor.organisation_id)).all()
    others = db.exec(select(Agreement, ParentConversation)
                     .join(ParentConversation, ParentConversation.id == Agreement.conversation_id)
                     .where(Agreement.status == "open", Agreement.owner_kind.in_(("ouder", "partner")),
                            ParentConversation.location_id.in_(actor.location_ids or {-1}),
                            ParentConversation.organisation_id == actor.organisation_id)).all()
    others = [(a, c) for a, c in others if can(actor, Action.GESPREK_LEZEN, _conversation_target(c))]
    pairs = {a.id: (a, c) for a, c in [*own, *others]}
    rows = agreement_rows(actor, db, list(pairs.values()), today)
    rows.sort(key=lambda r: (not r.overdue, r.due_date, r.id))
    if rows:
        audit.record(db, actor, "afspraak.lijst", object_type="overzicht", detail=f"aantal={len(rows)}")
        db.commit()
    return rows


def agreement_rows(actor: Actor, db: Session, pairs: list[tuple[Agreement, ParentConversation]],
                   today: date) -> list[AgreementRow]:
    """(agreement, conversation) pairs as AgreementRows with the family's name and the children's
    names, in the given order. Reads only; the caller checks access and audits."""
    conversation_ids = {c.id for _, c in pairs} or {-1}
    family_ids = {c.family_id for _, c in pairs} or {-1}
    families = dict(db.exec(select(Family.id, Family.name).where(Family.id.in_(family_ids))).all())
    kid_rows = db.exec(select(ConversationChild.conversation_id, Child)
                       .join(Child, Child.id == ConversationChild.child_id)
                       .where(ConversationChild.conversation_id.in_(conversation_ids))
                       .order_by(Child.date_of_birth, Child.id)).all()
    kids: dict[int, list[str]] = {}
    for conversation_id, child in kid_rows:
        kids.setdefault(conversation_id, []).append(child.full_name)
    return [
        AgreementRow(
            id=a.id, conversation_id=c.id, description=a.description, owner_kind=a.owner_kind,
            owner_label=_owner_label(actor, a.owner_kind, a.owner_name, a.owner_staff_id), due_date=a.due_date,
            overdue=a.due_date < today, family_id=c.family_id, family_name=families.get(c.family_id, ""),
            child_names=", ".join(kids.get(c.id, [])), location_id=c.location_id,
        )
        for a, c in pairs
    ]


def due_agreements_today(actor: Actor, db: Session, today: date | None = None) -> list[AgreementRow]:
    """The agreements of `my_agreements` that are due today or overdue (for the Vandaag page)."""
    today = today or local_today()
    return [r for r in my_agreements(actor, db, today) if r.due_date <= today]


def set_agreement_status(actor: Actor, db: Session, agreement_id: int, status: str) -> None:
    """Set an agreement to gedaan (done_at/done_by recorded), vervallen or back to open. Needs
    GESPREK_VASTLEGGEN on the conversation's location. Audited 'afspraak.status'."""
    agreement = db.get(Agreement, int(agreement_id)) if str(agreement_id or "").strip().isdigit() else None
    conversation = db.get(ParentConversation, agreement.conversation_id) if agreement else None
    if agreement is None or conversation is None:
        audit.record_denied(db, actor, str(Action.GESPREK_VASTLEGGEN), object_type="afspraak", object_id=agreement_id)
        raise NotFound(texts.NIET_GEVONDEN)
    authorize(actor, db, Action.GESPREK_VASTLEGGEN, _conversation_target(conversation, "afspraak", agreement.id))
    status = str(status or "").strip()
    if status not in AGREEMENT_STATUSES:
        raise InvalidInput(texts.FOUT_AFSPRAAK_STATUS, {"status": texts.FOUT_AFSPRAAK_STATUS})
    if agreement.status == status:
        return  # a double tap changes nothing
    agreement.status = status
    if status == "gedaan":
        agreement.done_at, agreement.done_by_id = utcnow(), actor.id
    else:
        agreement.done_at, agreement.done_by_id = None, None
    db.add(agreement)
    audit.record(db, actor, "afspraak.status", object_type="afspraak", object_id=agreement.id,
                 location_id=conversation.location_id, detail=f"gesprek={conversation.id};status={status}")
    db.commit()
