"""Ketenpartners: the organisations kinderwerk refers children to (school, wijkteam, jeugdhulp,
GGD, jeugd-GGZ, wijkagent, Veilig Thuis). Everyone in the organisation may read the list
(PARTNER_LEZEN); the teamleider and the beheerder maintain it (PARTNER_BEHEREN), audited."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from ... import texts
from ...models import Partner
from ...models.organisation import PARTNER_KINDS
from ..common.cleaning import clean_phone, clean_text
from ..common.errors import InvalidInput, NotFound
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action, Target, authorize

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class PartnerRow:
    id: int
    name: str
    kind: str  # one of PARTNER_KINDS
    kind_label: str
    contact_name: str
    contact_phone: str
    contact_email: str


def _target(actor: Actor, object_id: object = "") -> Target:
    return Target(actor.organisation_id, object_type="ketenpartner", object_id=object_id)


def list_partners(actor: Actor, db: Session, kind: str | None = None) -> list[PartnerRow]:
    """The organisation's partners by kind label and name; optionally one kind only."""
    authorize(actor, db, Action.PARTNER_LEZEN, _target(actor))
    stmt = select(Partner).where(Partner.organisation_id == actor.organisation_id)
    if kind:
        stmt = stmt.where(Partner.kind == kind)
    partners = db.exec(stmt).all()
    rows = [PartnerRow(p.id, p.name, p.kind, texts.PARTNER_KIND_LABELS.get(p.kind, p.kind), p.contact_name,
                       p.contact_phone, p.contact_email) for p in partners]
    return sorted(rows, key=lambda r: (r.kind_label.casefold(), r.name.casefold(), r.id))


def save_partner(actor: Actor, db: Session, payload: dict, partner_id: int | None = None) -> int:
    """Create (partner_id None) or update a partner; returns its id. Payload: name (required),
    kind (one of PARTNER_KINDS), contact_name, contact_phone, contact_email. Audited
    'ketenpartner.opgeslagen'."""
    authorize(actor, db, Action.PARTNER_BEHEREN, _target(actor, partner_id or ""))
    partner = None
    if partner_id is not None:
        partner = db.get(Partner, int(partner_id)) if str(partner_id).strip().isdigit() else None
        if partner is None or partner.organisation_id != actor.organisation_id:
            raise NotFound(texts.NIET_GEVONDEN)
    errors: dict[str, str] = {}

    def check(fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except InvalidInput as exc:
            errors.update(exc.fields or {"_": exc.message})
            return None

    name = check(clean_text, payload.get("name"), "name", 200, required=True, veld="de naam")
    kind = str(payload.get("kind") or "").strip()
    if kind not in PARTNER_KINDS:
        errors["kind"] = texts.FOUT_PARTNER_SOORT
    contact_name = check(clean_text, payload.get("contact_name"), "contact_name", 200, veld="de contactpersoon")
    contact_phone = check(clean_phone, payload.get("contact_phone"), "contact_phone")
    contact_email = check(clean_text, payload.get("contact_email"), "contact_email", 200, veld="het e-mailadres")
    if contact_email and not _EMAIL.match(contact_email):
        errors["contact_email"] = texts.FOUT_EMAIL_ONGELDIG
    if name and kind in PARTNER_KINDS:
        same = db.exec(select(Partner.id).where(Partner.organisation_id == actor.organisation_id,
                                                Partner.kind == kind,
                                                func.lower(Partner.name) == name.lower(),
                                                Partner.id != (partner.id if partner else -1))).first()
        if same is not None:
            errors["name"] = texts.FOUT_PARTNER_BESTAAT
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors)
    created = partner is None
    if partner is None:
        partner = Partner(organisation_id=actor.organisation_id, name=name, kind=kind)
    partner.name, partner.kind = name, kind
    partner.contact_name, partner.contact_phone, partner.contact_email = (
        contact_name or "", contact_phone or "", contact_email or "")
    db.add(partner)
    db.flush()
    audit.record(db, actor, "ketenpartner.opgeslagen", object_type="ketenpartner", object_id=partner.id,
                 detail=f"nieuw={int(created)};soort={kind}")
    db.commit()
    return partner.id
