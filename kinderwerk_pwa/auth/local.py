"""Local accounts: e-mail + password (argon2id), throttled, audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func
from sqlmodel import Session, select

from ..domain.toegang import audit
from ..domain.toegang.actor import load_actor
from ..domain.toegang.passwords import verify_password
from ..models import LoginAttempt, StaffUser, utcnow
from ..settings import get_settings

# Throttling: a window, and how many failures in it refuse further tries per account / per address.
WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_ACCOUNT = 5
MAX_FAILURES_PER_ADDRESS = 20


@dataclass(frozen=True)
class LoginResult:
    ok: bool
    staff_id: int | None = None
    reason: str = ""  # onjuist / geblokkeerd


def _failures(db: Session, column, value: str) -> int:
    since = utcnow() - WINDOW
    return db.exec(
        select(func.count()).select_from(LoginAttempt).where(
            column == value, LoginAttempt.success.is_(False), LoginAttempt.at >= since
        )
    ).one()


def is_throttled(db: Session, email: str, address: str) -> bool:
    return (
        _failures(db, LoginAttempt.username, email) >= MAX_FAILURES_PER_ACCOUNT
        or _failures(db, LoginAttempt.address, address) >= MAX_FAILURES_PER_ADDRESS
    )


def check_password(db: Session, email: str, password: str, address: str) -> LoginResult:
    """Verify e-mail and password. Writes the attempt and the audit row; commits."""
    email = (email or "").strip().lower()
    if is_throttled(db, email, address):
        db.add(LoginAttempt(username=email, address=address, success=False))
        audit.record(db, None, "login.geblokkeerd", outcome=audit.DENIED, object_type="account",
                     detail=f"adres={address}")
        db.commit()
        return LoginResult(False, reason="geblokkeerd")
    user = db.exec(select(StaffUser).where(func.lower(StaffUser.email) == email)).first()
    ok = verify_password(user.password_hash if user else None, password or "")
    # Demo accounts exist only in demo mode: a database that once ran the demo never lets them in.
    demo_blocked = user is not None and user.is_demo and not get_settings().demo_mode
    if not ok or user is None or not user.active or demo_blocked:
        db.add(LoginAttempt(username=email, address=address, success=False))
        audit.record(db, None, "login.mislukt", outcome=audit.DENIED, object_type="account",
                     object_id=user.id if user else "", detail=f"adres={address}")
        db.commit()
        return LoginResult(False, reason="onjuist")
    db.add(LoginAttempt(username=email, address=address, success=True))
    db.commit()
    return LoginResult(True, staff_id=user.id)


def record_login(db: Session, staff_id: int, method: str) -> None:
    audit.record(db, load_actor(db, staff_id), "login", object_type="account", object_id=staff_id,
                 detail=f"methode={method}")
