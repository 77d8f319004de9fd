"""The access request (AVG art. 15): one export of everything held about a child and its family,
plus who read or changed it, as a readable PDF and a machine-readable JSON.

Only the privacy officer (`inzage.maken`, her whole organisation). Third parties' data is marked
for review, not left out (third_parties.py): the officer decides what to release. The export itself
is audited (`inzage.gemaakt`) in the same transaction that reads the log, so every export appears
in its own list of readers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlmodel import Session, col, select

from ... import texts
from ...models import AuditEvent, Child, Organisation, utcnow
from ..common.clock import format_day, local_today
from ..common.errors import InvalidInput, NotFound
from ..kinderen.children import child_target
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action, Target, authorize
from .access_log import about_child, rows_of
from .inzage_collect import collect
from .inzage_document import Inzage
from .inzage_pdf import render
from .records import Section

FORMATS = ("pdf", "json")


@dataclass(frozen=True)
class InzageFile:
    filename: str
    media_type: str
    body: bytes


@dataclass(frozen=True)
class InzageSummary:
    child_id: int
    child_name: str
    counts: list[tuple[str, int]]  # (section title, records)
    review: int


def _child(actor: Actor, db: Session, child_id) -> Child:
    """The child, after the permission check; a refusal or an unknown child is audited."""
    text = str(child_id if child_id is not None else "").strip()
    if not text.isdigit() or int(text) < 1:
        raise InvalidInput(texts.FOUT_PRIVACY_KIND, {"kind": texts.FOUT_PRIVACY_KIND})
    child = db.get(Child, int(text))
    if child is None:
        # First whether she may make an inzage at all: a worker probing ids learns nothing.
        authorize(actor, db, Action.INZAGE_MAKEN, Target(actor.organisation_id if actor else -1,
                                                         object_type="kind", object_id=text))
        audit.record_denied(db, actor, str(Action.INZAGE_MAKEN), object_type="kind", object_id=text)
        raise NotFound(texts.FOUT_PRIVACY_KIND_ONBEKEND)
    authorize(actor, db, Action.INZAGE_MAKEN, child_target(db, child))
    return child


def _build(actor: Actor, db: Session, child: Child, sections: list[Section]) -> Inzage:
    events = db.exec(select(AuditEvent).where(about_child(child))
                     .order_by(col(AuditEvent.at), col(AuditEvent.id))).all()
    organisation = db.get(Organisation, child.organisation_id)
    return Inzage(child.id, child.full_name, format_day(child.date_of_birth), utcnow(), actor.name,
                  texts.ROLE_LABELS.get(actor.role, actor.role), organisation.name if organisation else "",
                  sections, rows_of(db, list(events)))


def inzage_summary(actor: Actor, db: Session, child_id) -> InzageSummary:
    """What is held, counted per section, before the officer downloads it. Audited."""
    child = _child(actor, db, child_id)
    sections = collect(db, child)
    review = sum(s.review_count() for s in sections)
    audit.record(db, actor, "inzage.overzicht_gelezen", object_type="kind", object_id=child.id,
                 child_id=child.id, detail=f"ter_beoordeling={review}")
    db.commit()
    return InzageSummary(child.id, child.full_name, [(s.title, len(s.records)) for s in sections], review)


def make_inzage(actor: Actor, db: Session, child_id, formaat: str) -> InzageFile:
    """The export as a file (formaat "pdf" or "json"), audited as `inzage.gemaakt`."""
    child = _child(actor, db, child_id)
    kind = str(formaat or "").strip().lower()
    if kind not in FORMATS:
        raise InvalidInput(texts.FOUT_PRIVACY_FORMAAT, {"formaat": texts.FOUT_PRIVACY_FORMAAT})
    sections = collect(db, child)
    records = sum(len(s.records) for s in sections)
    # Written (not yet committed) before the log is read, so this export is in its own list of readers.
    audit.record(db, actor, "inzage.gemaakt", object_type="kind", object_id=child.id, child_id=child.id,
                 detail=f"formaat={kind};records={records};ter_beoordeling={sum(s.review_count() for s in sections)}")
    db.flush()
    inzage = _build(actor, db, child, sections)
    if kind == "json":
        body = json.dumps(inzage.as_json(), ensure_ascii=False, indent=2).encode("utf-8")
        media = "application/json; charset=utf-8"
    else:
        body, media = render(inzage), "application/pdf"
    db.commit()
    return InzageFile(f"inzage-kind-{child.id}-{local_today().isoformat()}.{kind}", media, body)
