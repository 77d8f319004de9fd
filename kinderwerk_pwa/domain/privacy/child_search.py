"""Finding a child anywhere in the organisation, for the privacy officer's two tasks only: an access
request (`inzage.maken`) or the log of one child (`audit.lezen`). Names, birth dates and status;
nothing else. Every search is audited (`privacy.kind_gezocht`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, select

from ... import texts
from ...models import Child
from ..common.clock import format_day
from ..common.errors import InvalidInput
from ..common.search import matches
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action, Target, authorize

PURPOSES = (Action.INZAGE_MAKEN, Action.AUDIT_LEZEN)


@dataclass(frozen=True)
class ChildHit:
    id: int
    name: str
    born: date
    line: str  # "nr. 12 · geboren 3 mei 2017 · Actief"


def find_children(actor: Actor, db: Session, query: str, *, purpose: Action = Action.INZAGE_MAKEN,
                  limit: int = 20) -> list[ChildHit]:
    if purpose not in PURPOSES:
        raise ValueError(purpose)
    authorize(actor, db, purpose, Target(actor.organisation_id, object_type="kind"))
    text = str(query or "").strip()
    if len(text) < 2 and not text.isdigit():
        raise InvalidInput(texts.FOUT_PRIVACY_ZOEK_KORT, {"zoek": texts.FOUT_PRIVACY_ZOEK_KORT})
    stmt = select(Child).where(Child.organisation_id == actor.organisation_id)
    if text.isdigit():
        stmt = stmt.where(Child.id == int(text))
    else:
        found = matches(Child.search_key, text)
        stmt = stmt.where(found if found is not None else sa.false())
    children = db.exec(stmt.order_by(Child.first_name, Child.last_name, Child.id).limit(limit)).all()
    audit.record(db, actor, "privacy.kind_gezocht", object_type="kind", detail=f"doel={purpose};aantal={len(children)}")
    db.commit()
    return [ChildHit(c.id, c.full_name, c.date_of_birth, texts.PRIVACY_KIND_REGEL.format(
        id=c.id, geboren=format_day(c.date_of_birth), status=texts.CHILD_STATUS_LABELS.get(c.status, c.status)))
        for c in children]


def may_search(actor: Actor, db: Session, purpose: Action = Action.INZAGE_MAKEN) -> None:
    """Whether the page may open at all (a refusal is audited); reads nothing."""
    if purpose not in PURPOSES:
        raise ValueError(purpose)
    authorize(actor, db, purpose, Target(actor.organisation_id, object_type="kind"))
