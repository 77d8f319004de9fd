"""Server-side sessions. The browser holds only a random token in an HttpOnly cookie; the database
holds its SHA-256, the account, and the idle and absolute expiry."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from http.cookies import SimpleCookie

from sqlmodel import Session, select

from ..domain.toegang.actor import Actor, actor_for
from ..models import StaffLocation, StaffUser, UserSession, utcnow
from ..settings import get_settings

COOKIE_NAME = "kw_sessie"
_TOUCH_EVERY = timedelta(seconds=60)  # don't write on every event; a minute is precise enough for idling


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_session(db: Session, staff_id: int, method: str = "lokaal") -> str:
    """Start a new session (a new id at every login) and return the token for the cookie."""
    settings = get_settings()
    token = secrets.token_urlsafe(32)
    now = utcnow()
    db.add(
        UserSession(
            token_hash=_hash(token),
            staff_id=staff_id,
            created_at=now,
            last_seen_at=now,
            expires_at=now + timedelta(hours=settings.session_max_hours),
            method=method,
        )
    )
    return token


def _live_session(db: Session, token: str | None) -> UserSession | None:
    found = _live_session_account_and_locations(db, token)
    return found[0] if found else None


def _live_session_account_and_locations(db: Session, token: str | None) -> tuple[UserSession, StaffUser, list[int]] | None:
    """The live session behind a token, its account and the account's locations, in one query:
    every event handler resolves its user (a row per location; none has no location)."""
    if not token:
        return None
    rows = db.exec(select(UserSession, StaffUser, StaffLocation.location_id)
                   .join(StaffUser, StaffUser.id == UserSession.staff_id)
                   .outerjoin(StaffLocation, StaffLocation.staff_id == StaffUser.id)
                   .where(UserSession.token_hash == _hash(token))).all()
    if not rows or rows[0][0].ended_at is not None:
        return None
    row = rows[0][0]
    now = utcnow()
    idle = timedelta(minutes=get_settings().session_idle_minutes)
    if now >= row.expires_at or now - row.last_seen_at >= idle:
        row.ended_at = now
        db.add(row)
        db.commit()
        return None
    return row, rows[0][1], [r[2] for r in rows if r[2] is not None]


def resolve(db: Session, token: str | None) -> Actor | None:
    """The actor behind a session token, or None when the session is unknown, ended, idle too
    long, past its lifetime, or its account is disabled."""
    found = _live_session_account_and_locations(db, token)
    if found is None:
        return None
    row, account, location_ids = found
    actor = actor_for(account, location_ids)
    if actor is None:
        return None
    now = utcnow()
    if now - row.last_seen_at >= _TOUCH_EVERY:
        row.last_seen_at = now
        db.add(row)
        db.commit()
    return actor


def end_session(db: Session, token: str | None) -> int | None:
    """End a session on the server; returns its staff id (for the audit log)."""
    row = _live_session(db, token)
    if row is None:
        return None
    row.ended_at = utcnow()
    db.add(row)
    return row.staff_id


def token_from_cookie_header(cookie_header: str | None) -> str | None:
    if not cookie_header:
        return None
    jar = SimpleCookie()
    try:
        jar.load(cookie_header)
    except Exception:  # a malformed cookie header means: no session
        return None
    morsel = jar.get(COOKIE_NAME)
    return morsel.value if morsel else None
