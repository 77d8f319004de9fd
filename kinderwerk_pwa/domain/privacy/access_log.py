"""The access log viewer (NEN 7513): who read or changed what, when, with what outcome.

Only the privacy officer (`audit.lezen`, her whole organisation). A search is filtered by child (and
the child's family), staff member, period (Amsterdam days) and action (an exact code, or a group
such as "signaal"), and by outcome, refusals included; it is paged, newest first. Every search is
itself written to the log as `audit.gelezen`, with the filters used.

The audit table has no organisation column: a row belongs to the organisation of its actor, its
child or its location. Failed logins under an unknown name belong to none and are not shown here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, func, or_
from sqlmodel import Session, col, select

from ... import texts
from ...models import AuditEvent, Child, Location, StaffUser
from ...models.audit import OUTCOMES
from ..common.clock import AMSTERDAM, format_moment
from ..common.errors import InvalidInput
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action, Target, authorize

PAGE_SIZE = 50
_ACTION = re.compile(r"^[a-z_.]{1,60}$")


@dataclass(frozen=True)
class LogFilter:
    child_id: int | None = None
    staff_id: int | None = None
    start: date | None = None
    end: date | None = None
    action: str = ""
    outcome: str = ""

    def detail(self) -> str:
        parts = [f"kind={self.child_id or ''}", f"medewerker={self.staff_id or ''}",
                 f"van={self.start or ''}", f"tot={self.end or ''}", f"actie={self.action}",
                 f"uitkomst={self.outcome}"]
        return ";".join(parts)


@dataclass(frozen=True)
class LogRow:
    id: int
    at: datetime
    at_text: str
    actor_id: int | None
    actor_name: str
    role: str
    role_label: str
    action: str
    object_text: str
    child_id: int | None
    child_name: str
    location_name: str
    outcome: str
    outcome_label: str
    detail: str


@dataclass(frozen=True)
class LogPage:
    rows: list[LogRow]
    total: int
    page: int
    pages: int
    filter: LogFilter
    child_name: str


@dataclass(frozen=True)
class LogChoices:
    staff: list[tuple[int, str]]  # (id, "name (role)"), the organisation's accounts, also disabled ones
    actions: list[str]


def _org_target(actor: Actor) -> Target:
    return Target(actor.organisation_id, object_type="logboek")


def _int(value, field: str, message: str) -> int | None:
    text = str(value if value is not None else "").strip()
    if not text:
        return None
    if not text.isdigit():
        raise InvalidInput(message, {field: message})
    return int(text)


def _day(value, field: str) -> date | None:
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise InvalidInput(texts.FOUT_LOGBOEK_DATUM, {field: texts.FOUT_LOGBOEK_DATUM}) from exc


def read_filter(actor: Actor, db: Session, data: dict) -> LogFilter:
    """The filter from a form or query string ("kind", "medewerker", "van", "tot", "actie",
    "uitkomst"); bad input raises InvalidInput with a Dutch message per field."""
    flt = LogFilter(
        child_id=_int(data.get("kind"), "kind", texts.FOUT_LOGBOEK_KIND),
        staff_id=_int(data.get("medewerker"), "medewerker", texts.FOUT_LOGBOEK_MEDEWERKER),
        start=_day(data.get("van"), "van"), end=_day(data.get("tot"), "tot"),
        action=str(data.get("actie") or "").strip(), outcome=str(data.get("uitkomst") or "").strip())
    if flt.start and flt.end and flt.start > flt.end:
        raise InvalidInput(texts.FOUT_LOGBOEK_PERIODE, {"van": texts.FOUT_LOGBOEK_PERIODE})
    if flt.action and not _ACTION.match(flt.action):
        raise InvalidInput(texts.FOUT_LOGBOEK_ACTIE, {"actie": texts.FOUT_LOGBOEK_ACTIE})
    if flt.outcome and flt.outcome not in OUTCOMES:
        raise InvalidInput(texts.FOUT_LOGBOEK_UITKOMST, {"uitkomst": texts.FOUT_LOGBOEK_UITKOMST})
    if flt.child_id is not None:
        child = db.get(Child, flt.child_id)
        if child is None or child.organisation_id != actor.organisation_id:
            raise InvalidInput(texts.FOUT_LOGBOEK_KIND, {"kind": texts.FOUT_LOGBOEK_KIND})
    if flt.staff_id is not None:
        staff = db.get(StaffUser, flt.staff_id)
        if staff is None or staff.organisation_id != actor.organisation_id:
            raise InvalidInput(texts.FOUT_LOGBOEK_MEDEWERKER, {"medewerker": texts.FOUT_LOGBOEK_MEDEWERKER})
    return flt


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=AMSTERDAM)


def about_child(child: Child):
    """The rows about a child: its own, and those about its family (the family page)."""
    own = AuditEvent.child_id == child.id
    if child.family_id is None:
        return own
    return or_(own, and_(AuditEvent.object_type == "gezin", AuditEvent.object_id == str(child.family_id)))


def _where(db: Session, organisation_id: int, flt: LogFilter) -> list:
    conditions = [or_(
        col(AuditEvent.actor_id).in_(select(StaffUser.id).where(StaffUser.organisation_id == organisation_id)),
        col(AuditEvent.child_id).in_(select(Child.id).where(Child.organisation_id == organisation_id)),
        col(AuditEvent.location_id).in_(select(Location.id).where(Location.organisation_id == organisation_id)),
    )]
    if flt.child_id is not None:
        conditions.append(about_child(db.get(Child, flt.child_id)))
    if flt.staff_id is not None:
        conditions.append(AuditEvent.actor_id == flt.staff_id)
    if flt.start is not None:
        conditions.append(AuditEvent.at >= _start_of(flt.start))
    if flt.end is not None:
        conditions.append(AuditEvent.at < _start_of(flt.end + timedelta(days=1)))
    if flt.action:
        if "." in flt.action:
            conditions.append(AuditEvent.action == flt.action)
        else:  # a group: "signaal" is every signaal.* action
            conditions.append(or_(AuditEvent.action == flt.action, col(AuditEvent.action).startswith(flt.action + ".")))
    if flt.outcome:
        conditions.append(AuditEvent.outcome == flt.outcome)
    return conditions


def rows_of(db: Session, events: list[AuditEvent]) -> list[LogRow]:
    """Events as the log shows them: names for the ids (a deleted account shows its number)."""
    staff = {i: n for i, n in db.exec(select(StaffUser.id, StaffUser.name).where(
        col(StaffUser.id).in_({e.actor_id for e in events if e.actor_id is not None}))).all()}
    children = {c.id: c.full_name for c in db.exec(select(Child).where(
        col(Child.id).in_({e.child_id for e in events if e.child_id is not None}))).all()}
    places = {i: n for i, n in db.exec(select(Location.id, Location.name).where(
        col(Location.id).in_({e.location_id for e in events if e.location_id is not None}))).all()}
    return [LogRow(
        id=e.id, at=e.at, at_text=format_moment(e.at), actor_id=e.actor_id,
        actor_name=staff.get(e.actor_id, f"nr. {e.actor_id}") if e.actor_id is not None else texts.LOGBOEK_ONBEKEND,
        role=e.actor_role, role_label=texts.ROLE_LABELS.get(e.actor_role, e.actor_role), action=e.action,
        object_text=f"{e.object_type} {e.object_id}".strip(), child_id=e.child_id,
        child_name=children.get(e.child_id, f"nr. {e.child_id}") if e.child_id is not None else "",
        location_name=places.get(e.location_id, "") if e.location_id is not None else "",
        outcome=e.outcome, outcome_label=texts.AUDIT_UITKOMST_LABELS.get(e.outcome, e.outcome), detail=e.detail,
    ) for e in events]


def search_log(actor: Actor, db: Session, data: dict | LogFilter, *, page: int = 1,
               page_size: int = PAGE_SIZE) -> LogPage:
    """One page of the log, newest first. Audited as `audit.gelezen`, with the filters used."""
    authorize(actor, db, Action.AUDIT_LEZEN, _org_target(actor))
    if isinstance(data, LogFilter):  # checked like a form: the child and staff member must be ours
        data = {"kind": data.child_id, "medewerker": data.staff_id, "van": data.start, "tot": data.end,
                "actie": data.action, "uitkomst": data.outcome}
    flt = read_filter(actor, db, data)
    if not isinstance(page, int) or page < 1:
        raise InvalidInput(texts.FOUT_LOGBOEK_PAGINA, {"pagina": texts.FOUT_LOGBOEK_PAGINA})
    conditions = _where(db, actor.organisation_id, flt)
    total = db.exec(select(func.count()).select_from(AuditEvent).where(*conditions)).one()
    pages = max(1, math.ceil(total / page_size))
    if page > pages:
        raise InvalidInput(texts.FOUT_LOGBOEK_PAGINA, {"pagina": texts.FOUT_LOGBOEK_PAGINA})
    events = db.exec(select(AuditEvent).where(*conditions)
                     .order_by(col(AuditEvent.at).desc(), col(AuditEvent.id).desc())
                     .offset((page - 1) * page_size).limit(page_size)).all()
    rows = rows_of(db, list(events))
    child = db.get(Child, flt.child_id) if flt.child_id is not None else None
    audit.record(db, actor, "audit.gelezen", object_type="logboek", child_id=flt.child_id,
                 detail=f"{flt.detail()};pagina={page};aantal={len(rows)};totaal={total}")
    db.commit()
    return LogPage(rows, total, page, pages, flt, child.full_name if child else "")


def log_choices(actor: Actor, db: Session) -> LogChoices:
    """What the filter form offers: the organisation's staff and the action codes in the log. No
    child's data, so no audit row; the permission is checked (and a refusal audited) all the same."""
    authorize(actor, db, Action.AUDIT_LEZEN, _org_target(actor))
    staff = db.exec(select(StaffUser).where(StaffUser.organisation_id == actor.organisation_id)
                    .order_by(StaffUser.name, StaffUser.id)).all()
    actions = db.exec(select(AuditEvent.action).distinct().order_by(AuditEvent.action)).all()
    return LogChoices([(s.id, f"{s.name} ({texts.ROLE_LABELS.get(s.role, s.role)})") for s in staff], list(actions))
