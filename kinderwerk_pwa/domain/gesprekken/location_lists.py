"""The lists behind the team overview's overdue figures (domain/rapportage/overview.py), for one
location: the open agreements past their day of everyone's conversations there, and the referrals
whose feedback is late. Not the actor's own follow-up lists (agreements.my_agreements,
referrals_out.overdue_feedback) but the location's, for whoever steers it.

Needs OVERZICHT_TEAM on the location (teamleider, aandachtsfunctionaris of that location); each
row is also checked against the right to read it (GESPREK_LEZEN on the conversation, KIND_LEZEN
on the referral). A read is audited with the location and the count; a refusal is audited too.
The same selection as the figure, so the list and the count agree.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from ... import texts
from ...models import Agreement, Child, Location, ParentConversation, ReferralOut
from ..common.clock import local_today
from ..common.errors import NotFound
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action, Target, authorize, can
from .agreements import agreement_rows
from .conversation_access import _conversation_target
from .conversation_views import AgreementRow
from .referrals_out import OPEN_STATUSES, ReferralRow, _rows, _target


def _location(actor: Actor, db: Session, location_id, what: str) -> Location:
    location = db.get(Location, int(location_id)) if str(location_id or "").strip().isdigit() else None
    if location is None:
        audit.record_denied(db, actor, str(Action.OVERZICHT_TEAM), object_type="locatie", object_id=location_id,
                            detail=what)
        raise NotFound(texts.NIET_GEVONDEN)
    authorize(actor, db, Action.OVERZICHT_TEAM, Target(location.organisation_id, frozenset({location.id}),
                                                       object_type="locatie", object_id=location.id))
    return location


def location_overdue_agreements(actor: Actor, db: Session, location_id: int,
                                today: date | None = None) -> list[AgreementRow]:
    """Open agreements of conversations at the location whose due date has passed, whoever owns
    them; oldest due first. Audited 'overzicht.afspraken_te_laat'."""
    today = today or local_today()
    location = _location(actor, db, location_id, "afspraken_te_laat")
    pairs = db.exec(select(Agreement, ParentConversation)
                    .join(ParentConversation, ParentConversation.id == Agreement.conversation_id)
                    .where(ParentConversation.location_id == location.id, Agreement.status == "open",
                           Agreement.due_date < today, ParentConversation.organisation_id == actor.organisation_id)
                    .order_by(Agreement.due_date, Agreement.id)).all()
    pairs = [(a, c) for a, c in pairs if can(actor, Action.GESPREK_LEZEN, _conversation_target(c))]
    rows = agreement_rows(actor, db, pairs, today)
    audit.record(db, actor, "overzicht.afspraken_te_laat", object_type="locatie", object_id=location.id,
                 location_id=location.id, detail=f"aantal={len(rows)};dag={today.isoformat()}")
    db.commit()
    return rows


def location_late_feedback(actor: Actor, db: Session, location_id: int,
                           today: date | None = None) -> list[ReferralRow]:
    """Referrals out from the location still verstuurd / in behandeling whose feedback_due has
    passed, whoever made them; oldest due first. Audited 'overzicht.terugkoppeling_te_laat'."""
    today = today or local_today()
    location = _location(actor, db, location_id, "terugkoppeling_te_laat")
    referrals = db.exec(select(ReferralOut).join(Child, Child.id == ReferralOut.child_id)
                        .where(ReferralOut.location_id == location.id, ReferralOut.status.in_(OPEN_STATUSES),
                               ReferralOut.feedback_due < today, Child.organisation_id == actor.organisation_id)
                        .order_by(ReferralOut.feedback_due, ReferralOut.id)).all()
    visible = [r for r in referrals if can(actor, Action.KIND_LEZEN, _target(r, actor.organisation_id))]
    rows = _rows(actor, db, visible, today)
    audit.record(db, actor, "overzicht.terugkoppeling_te_laat", object_type="locatie", object_id=location.id,
                 location_id=location.id, detail=f"aantal={len(rows)};dag={today.isoformat()}")
    db.commit()
    return rows
