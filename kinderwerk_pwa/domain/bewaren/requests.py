"""Requests for rectification (correctie, AVG art. 16) and erasure (verwijdering, art. 17).

The privacy officer records a request (who asked, for which child, what), then decides it with a
reason. An accepted erasure is carried out at once with the retention machinery (erase.py), in the
same transaction as the decision; it is refused, with the reasons in Dutch, while something stands
in the way (an open meldcode track, a track within its term, a placement that has not ended): the
officer then rejects the request and says why. An accepted rectification is carried out in the
record by the team (a signal through its correction, the rest through the child's page); the
decision says what was corrected.

Everything needs VERZOEK_BEHANDELEN (the privacy role, her organisation) and is audited in the same
transaction with ids and codes only. `record_request` is idempotent on the payload's client_uuid.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import false
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ... import texts
from ...models import Child, StaffUser, SubjectRequest, utcnow
from ...models.subject_requests import REQUEST_KINDS
from ..common.cleaning import clean_text, client_uuid_of, parse_day
from ..common.clock import format_day, local_today
from ..common.errors import InvalidInput, NotFound
from ..common.search import matches
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action, Target, authorize
from . import erase
from .due import DueItem, blockers, child_label
from .retention import carry_out
from .terms import Terms, terms_from_settings

MAX_DESCRIPTION = 2000
MAX_REASON = 2000


@dataclass(frozen=True)
class RequestRow:
    id: int
    kind: str
    kind_label: str
    child_id: int
    child_label: str
    requested_by: str
    received_on: date
    description: str
    status: str
    status_label: str
    decision_reason: str
    decided_by: str
    decided_at: datetime | None
    carried_out_at: datetime | None
    blockers: list[str] = field(default_factory=list)  # open erasure requests: what is in the way


def _authorize(actor: Actor, db: Session, child_id: int | None = None, object_id: object = "") -> None:
    authorize(actor, db, Action.VERZOEK_BEHANDELEN,
              Target(actor.organisation_id, object_type="verzoek", object_id=object_id, child_id=child_id))


def _label(child: Child | None) -> str:
    if child is None:
        return ""
    if child.anonymised_at is not None:
        return texts.BEWAREN_KIND_NUMMER.format(id=child.id) + " " + texts.VERZOEK_KIND_GEANONIMISEERD
    return child_label(child)


def find_children(actor: Actor, db: Session, query: str, limit: int = 20) -> list[tuple[int, str]]:
    """Children of the organisation by name or number, to choose the one a request is about.
    Audited 'verzoek.kind_gezocht' (the count only)."""
    _authorize(actor, db)
    text = str(query or "").strip()
    if not text:
        return []
    stmt = select(Child).where(Child.organisation_id == actor.organisation_id, Child.anonymised_at.is_(None))
    if text.isdigit():
        stmt = stmt.where(Child.id == int(text))
    else:
        found = matches(Child.search_key, text)
        stmt = stmt.where(found if found is not None else false())
    children = db.exec(stmt.order_by(Child.first_name, Child.last_name, Child.id).limit(limit)).all()
    audit.record(db, actor, "verzoek.kind_gezocht", object_type="kind", detail=f"aantal={len(children)}")
    db.commit()
    return [(c.id, f"{c.full_name} · {format_day(c.date_of_birth)} (nr. {c.id})") for c in children]


def list_requests(actor: Actor, db: Session, now: datetime | None = None,
                  terms: Terms | None = None) -> list[RequestRow]:
    """All requests of the organisation, open ones first, newest first. Audited 'verzoek.lijst'."""
    _authorize(actor, db)
    terms = terms or terms_from_settings()
    today = local_today(now)
    rows = db.exec(select(SubjectRequest).where(SubjectRequest.organisation_id == actor.organisation_id)
                   .order_by(SubjectRequest.received_on.desc(), SubjectRequest.id.desc())).all()
    children = {c.id: c for c in db.exec(select(Child).where(Child.id.in_({r.child_id for r in rows} or {-1}))).all()}
    staff = dict(db.exec(select(StaffUser.id, StaffUser.name).where(
        StaffUser.id.in_({r.decided_by_id for r in rows if r.decided_by_id} or {-1}))).all())
    result = []
    for r in rows:
        child = children.get(r.child_id)
        in_the_way = (blockers(db, child, terms, today)
                      if r.status == "open" and r.kind == "verwijdering" and child and child.anonymised_at is None else [])
        result.append(RequestRow(
            id=r.id, kind=r.kind, kind_label=texts.VERZOEK_SOORTEN.get(r.kind, r.kind), child_id=r.child_id,
            child_label=_label(child), requested_by=r.requested_by, received_on=r.received_on,
            description=r.description, status=r.status, status_label=texts.VERZOEK_STATUS.get(r.status, r.status),
            decision_reason=r.decision_reason, decided_by=staff.get(r.decided_by_id or -1, ""),
            decided_at=r.decided_at, carried_out_at=r.carried_out_at, blockers=in_the_way))
    result.sort(key=lambda row: row.status != "open")
    audit.record(db, actor, "verzoek.lijst", object_type="verzoek", detail=f"aantal={len(result)}")
    db.commit()
    return result


def record_request(actor: Actor, db: Session, payload: dict, now: datetime | None = None) -> int:
    """Record a request; returns its id. Payload: client_uuid, child_id, kind (correctie /
    verwijdering), requested_by, received_on (default today, not in the future), description.
    Audited 'verzoek.vastgelegd'."""
    _authorize(actor, db)
    client_uuid = client_uuid_of(payload)
    existing = db.exec(select(SubjectRequest).where(SubjectRequest.client_uuid == client_uuid)).first()
    if existing is not None and existing.organisation_id == actor.organisation_id:
        return existing.id
    today = local_today(now)
    errors: dict[str, str] = {}

    def check(fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except InvalidInput as exc:
            errors.update(exc.fields or {"_": exc.message})
            return None

    raw = str(payload.get("child_id") or "").strip()
    child = db.get(Child, int(raw)) if raw.isdigit() else None
    if child is None or child.organisation_id != actor.organisation_id or child.anonymised_at is not None:
        errors["child_id"] = texts.FOUT_VERZOEK_KIND
    kind = str(payload.get("kind") or "").strip()
    if kind not in REQUEST_KINDS:
        errors["kind"] = texts.FOUT_VERZOEK_SOORT
    who = check(clean_text, payload.get("requested_by"), "requested_by", 200, required=True, veld="de naam",
                required_message=texts.FOUT_VERZOEK_WIE)
    received = check(parse_day, payload.get("received_on"), "received_on", default=today, not_after=today)
    description = check(clean_text, payload.get("description"), "description", MAX_DESCRIPTION, veld="de omschrijving")
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors)
    request = SubjectRequest(client_uuid=client_uuid, organisation_id=actor.organisation_id, child_id=child.id,
                             kind=kind, requested_by=who, received_on=received, description=description or "",
                             recorded_by_id=actor.id, recorded_at=now or utcnow())
    db.add(request)
    try:
        db.flush()
    except IntegrityError:
        db.rollback()  # the same request arrived twice at once: keep the first
        return db.exec(select(SubjectRequest).where(SubjectRequest.client_uuid == client_uuid)).one().id
    audit.record(db, actor, "verzoek.vastgelegd", object_type="verzoek", object_id=request.id, child_id=child.id,
                 detail=f"soort={kind}")
    db.commit()
    return request.id


def decide_request(actor: Actor, db: Session, request_id, accept: bool, reason: str,
                   now: datetime | None = None, terms: Terms | None = None) -> str:
    """Accept or reject an open request with a reason; returns the new status. An accepted erasure
    is carried out now; while something stands in the way it is refused (InvalidInput naming it,
    audited as geweigerd) and nothing changes. Audited 'verzoek.besloten'."""
    raw = str(request_id or "").strip()
    request = db.get(SubjectRequest, int(raw)) if raw.isdigit() else None
    if request is None or request.organisation_id != actor.organisation_id:
        _authorize(actor, db, object_id=raw)
        audit.record_denied(db, actor, str(Action.VERZOEK_BEHANDELEN), object_type="verzoek", object_id=raw)
        raise NotFound(texts.NIET_GEVONDEN)
    _authorize(actor, db, request.child_id, request.id)
    status = "toegewezen" if accept else "afgewezen"
    if request.status != "open":
        if request.status == status:
            return status  # the same decision twice (a double tap): nothing changes
        raise InvalidInput(texts.FOUT_VERZOEK_AL_BESLOTEN, {"_": texts.FOUT_VERZOEK_AL_BESLOTEN})
    text = clean_text(reason, "decision_reason", MAX_REASON, required=True, veld="de reden",
                      required_message=texts.FOUT_VERZOEK_REDEN)
    now = now or utcnow()
    child = db.get(Child, request.child_id)
    erase_now = accept and request.kind == "verwijdering" and child is not None and child.anonymised_at is None
    if erase_now:
        in_the_way = blockers(db, child, terms or terms_from_settings(), local_today(now))
        if in_the_way:
            audit.record_denied(db, actor, "verzoek.besloten", object_type="verzoek", object_id=request.id,
                                child_id=child.id, detail="reden=belemmering")
            message = texts.FOUT_VERWIJDEREN_KAN_NIET.format(redenen="; ".join(in_the_way))
            raise InvalidInput(message, {"decision_reason": message})
        item = DueItem("kind", child.organisation_id, child.id, child.id, child_label(child), "", local_today(now))
        carry_out(db, actor, item, now, f"verzoek-{request.id}",
                  {child.organisation_id: erase.common_end_reasons(db, child.organisation_id)})
        request.carried_out_at = now
    request.status, request.decision_reason, request.decided_by_id, request.decided_at = status, text, actor.id, now
    db.add(request)
    audit.record(db, actor, "verzoek.besloten", object_type="verzoek", object_id=request.id, child_id=request.child_id,
                 detail=f"soort={request.kind};besluit={status};uitgevoerd={int(erase_now)}")
    db.commit()
    return status
