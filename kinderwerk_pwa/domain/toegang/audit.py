"""The audit writer. Rows are added to the caller's session so they commit (or roll back) together
with the change they describe. Refusals are committed on their own, because the refused action
never commits anything.

`detail` is for ids, counts and reason codes only: note text about a child must never reach the
audit log or the application log.
"""

from __future__ import annotations

import logging

from sqlmodel import Session

from ...models import AuditEvent, utcnow
from .actor import Actor

log = logging.getLogger("kinderwerk.audit")

ALLOWED = "toegestaan"
DENIED = "geweigerd"
FAILED = "mislukt"

_MAX_DETAIL = 300


def record(
    db: Session,
    actor: Actor | None,
    action: str,
    *,
    outcome: str = ALLOWED,
    object_type: str = "",
    object_id: object = "",
    child_id: int | None = None,
    location_id: int | None = None,
    detail: str = "",
) -> AuditEvent:
    event = AuditEvent(
        at=utcnow(),
        actor_id=actor.id if actor else None,
        actor_role=actor.role if actor else "",
        action=action,
        object_type=object_type,
        object_id=str(object_id or ""),
        child_id=child_id,
        location_id=location_id,
        outcome=outcome,
        detail=detail[:_MAX_DETAIL],
    )
    db.add(event)
    return event


def record_denied(db: Session, actor: Actor | None, action: str, **kwargs) -> None:
    """Write a refusal in its own transaction, leaving the caller's session untouched."""
    with Session(db.get_bind()) as own:
        record(own, actor, action, outcome=DENIED, **kwargs)
        own.commit()
    # Ids only; safe for the application log.
    log.info("geweigerd: actor=%s action=%s object=%s:%s", actor.id if actor else None, action,
             kwargs.get("object_type", ""), kwargs.get("object_id", ""))
