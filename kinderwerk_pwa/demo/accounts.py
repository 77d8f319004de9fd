"""The demo logins shown on the login page and printed at start-up (demo mode only)."""

from __future__ import annotations

from sqlmodel import select

from .. import texts
from ..db import session_scope
from ..models import StaffUser


def demo_logins() -> tuple[list[dict[str, str]], str]:
    from .generator import DEMO_PASSWORD

    with session_scope() as db:
        users = db.exec(
            select(StaffUser).where(StaffUser.is_demo.is_(True), StaffUser.active.is_(True))
            .order_by(StaffUser.role, StaffUser.email)
        ).all()
        rows = [{"email": u.email, "role": texts.ROLE_LABELS.get(u.role, u.role), "name": u.name} for u in users]
    return rows, DEMO_PASSWORD
