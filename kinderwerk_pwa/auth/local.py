"""Local accounts: e-mail + password (argon2id), throttled by back-off (domain/toegang/throttle.py),
audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, select

from ..domain.toegang import audit, throttle
from ..domain.toegang.actor import load_actor
from ..domain.toegang.passwords import HashQueueFull, hash_password, needs_rehash, verify_password
from ..models import StaffUser
from ..settings import get_settings


@dataclass(frozen=True)
class LoginResult:
    ok: bool
    staff_id: int | None = None
    reason: str = ""  # onjuist / wachten / druk (the hash queue is full)
    wait_seconds: int = 0


def check_password(db: Session, email: str, password: str, address: str,
                   now: datetime | None = None) -> LoginResult:
    """Verify e-mail and password. Writes the attempt and the audit row; commits."""
    email = (email or "").strip().lower()
    wait = throttle.wait_seconds(db, email, address, now)
    if wait:
        # Refused before the password is even hashed; not a failure of its own (throttle.py).
        audit.record(db, None, "login.geblokkeerd", outcome=audit.DENIED, object_type="account",
                     detail=f"adres={address};wacht={wait}")
        db.commit()
        return LoginResult(False, reason="wachten", wait_seconds=wait)
    user = db.exec(select(StaffUser).where(func.lower(StaffUser.email) == email)).first()
    password_hash = user.password_hash if user else None
    # Counted as a failure until the hash says otherwise: requests sent at once do not all get past
    # the wait while the first ones are still being hashed. The commit also ends the transaction, so
    # a login waiting for its turn to hash (passwords.py) holds no pooled connection.
    attempt = throttle.record_attempt(db, email, address, False, now)
    db.commit()
    try:
        ok = verify_password(password_hash, password or "")
    except HashQueueFull:
        # Many logins at once (passwords.py): nothing was checked, so nothing counts against the
        # account or the address; the person tries again in a moment.
        db.delete(attempt)
        audit.record(db, None, "login.druk", outcome=audit.DENIED, object_type="account",
                     detail=f"adres={address}")
        db.commit()
        return LoginResult(False, reason="druk")
    # Demo accounts exist only in demo mode: a database that once ran the demo never lets them in.
    demo_blocked = user is not None and user.is_demo and not get_settings().demo_mode
    if not ok or user is None or not user.active or demo_blocked:
        audit.record(db, None, "login.mislukt", outcome=audit.DENIED, object_type="account",
                     object_id=user.id if user else "", detail=f"adres={address}")
        db.commit()
        return LoginResult(False, reason="onjuist")
    attempt.success = True
    db.add(attempt)
    if needs_rehash(user.password_hash):
        # An older hash (four lanes, see passwords.py) is replaced now that the password is known;
        # only the hash changes, in the same commit as the successful attempt.
        user.password_hash = hash_password(password)
        db.add(user)
    db.commit()
    return LoginResult(True, staff_id=user.id)


def record_login(db: Session, staff_id: int, method: str) -> None:
    audit.record(db, load_actor(db, staff_id), "login", object_type="account", object_id=staff_id,
                 detail=f"methode={method}")
