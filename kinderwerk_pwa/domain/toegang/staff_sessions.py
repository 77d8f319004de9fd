"""Ending a staff member's sessions. It lives in the domain because the beheer of accounts
(disable, role or password change) must end them in the same transaction; `auth.sessions`, which
creates and resolves sessions, uses it too."""

from __future__ import annotations

from sqlmodel import Session, select

from ...models import UserSession, utcnow


def end_all_sessions(db: Session, staff_id: int) -> int:
    rows = db.exec(
        select(UserSession).where(UserSession.staff_id == staff_id, UserSession.ended_at.is_(None))
    ).all()
    now = utcnow()
    for row in rows:
        row.ended_at = now
        db.add(row)
    return len(rows)
