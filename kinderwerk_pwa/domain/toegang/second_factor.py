"""The second factor (TOTP, RFC 6238) of an account: setting it up, checking a code once, resetting.

Secrets are stored encrypted (secret_box.py). A code is accepted once: the account remembers the
time step of the last accepted code (`totp_last_step`), and a code of that step or an earlier one
is refused, also within its 30 seconds (issue 16.1). Every change of the second factor writes an
audit row in the same transaction.

The pending login has no actor: the user has only passed the password step; the signed, short-lived
pending cookie names the account.
"""

from __future__ import annotations

import hmac
import logging
from dataclasses import dataclass
from datetime import datetime

import pyotp
import sqlalchemy as sa
from sqlmodel import Session

from ... import texts
from ...models import StaffUser, utcnow
from ..common.errors import NotFound
from . import audit, secret_box, throttle
from .actor import Actor, load_actor
from .permissions import Action, Target, authorize
from .staff_sessions import end_all_sessions

log = logging.getLogger("kinderwerk.auth")

STEP_SECONDS = 30
DRIFT_STEPS = 1  # one step of clock drift either way, as authenticator apps expect


@dataclass(frozen=True)
class PendingSetup:
    email: str
    role: str
    secret: str  # plain, for the QR code; never logged


@dataclass(frozen=True)
class CodeCheck:
    ok: bool
    reason: str = ""  # onjuist / hergebruikt / wachten
    wait_seconds: int = 0


def current_step(now: datetime | None = None) -> int:
    return int((now or utcnow()).timestamp()) // STEP_SECONDS


def matching_step(secret: str | None, code: str, now: datetime | None = None) -> int | None:
    """The time step whose code `code` is (within the drift), else None."""
    code = "".join(ch for ch in (code or "") if ch.isdigit())
    if not secret or len(code) != 6:
        return None
    otp = pyotp.TOTP(secret)
    now_step = current_step(now)
    for step in range(now_step + DRIFT_STEPS, now_step - DRIFT_STEPS - 1, -1):
        if hmac.compare_digest(otp.generate_otp(step), code):
            return step
    return None


def _plain_secret(user: StaffUser) -> str | None:
    if not user.totp_secret:
        return None
    try:
        return secret_box.decrypt(user.totp_secret)
    except secret_box.UnreadableSecret:
        # The id only; never the secret. A beheerder removes the second factor, the user sets it up.
        log.warning("tweede-factorsleutel van account %s niet te ontsleutelen (andere geheime sleutel?)",
                    user.id)
        return None


def pending_setup(db: Session, staff_id: int, new_secret: str) -> PendingSetup | None:
    """The account and the secret its authenticator app should hold: the one kept earlier, else
    `new_secret`, kept now (encrypted, audited). None when the account is gone or already has a
    second factor."""
    user = db.get(StaffUser, staff_id)
    if user is None or user.totp_enabled:
        return None
    secret = _plain_secret(user)
    if secret is None:
        secret = new_secret
        user.totp_secret, user.totp_last_step = secret_box.encrypt(secret), None
        db.add(user)
        audit.record(db, None, "account.tweede_factor_sleutel_aangemaakt", object_type="account",
                     object_id=user.id)
        db.commit()
    return PendingSetup(email=user.email, role=user.role, secret=secret)


def _claim_step(db: Session, staff_id: int, step: int) -> bool:
    """Remember `step` as the last accepted one, unless it (or a later one) was used: atomic, so two
    requests with the same code cannot both win."""
    result = db.execute(
        sa.update(StaffUser)
        .where(StaffUser.id == staff_id,
               sa.or_(StaffUser.totp_last_step.is_(None), StaffUser.totp_last_step < step))
        .values(totp_last_step=step)
        .execution_options(synchronize_session=False))
    return result.rowcount == 1


def check_code(db: Session, staff_id: int, code: str, address: str,
               now: datetime | None = None) -> CodeCheck:
    """The code of a pending login. A refusal is recorded (attempt + audit) and committed; an
    accepted code's step is claimed in the caller's transaction (it commits with the session)."""
    key = f"totp:{staff_id}"
    wait = throttle.wait_seconds(db, key, address, now)
    if wait:
        audit.record(db, None, "login.geblokkeerd", outcome=audit.DENIED, object_type="account",
                     object_id=staff_id, detail=f"tweede stap;wacht={wait}")
        db.commit()
        return CodeCheck(False, "wachten", wait)
    user = db.get(StaffUser, staff_id)
    step = matching_step(_plain_secret(user), code, now) if user else None
    reused = step is not None and not _claim_step(db, staff_id, step)
    if step is None or reused:
        throttle.record_attempt(db, key, address, False, now)
        audit.record(db, None, "login.code_hergebruikt" if reused else "login.code_onjuist",
                     outcome=audit.DENIED, object_type="account", object_id=staff_id)
        db.commit()
        return CodeCheck(False, "hergebruikt" if reused else "onjuist")
    throttle.record_attempt(db, key, address, True, now)
    return CodeCheck(True)


def confirm_setup(db: Session, staff_id: int) -> None:
    """The first accepted code switches the second factor on (caller commits)."""
    user = db.get(StaffUser, staff_id)
    if user is not None and not user.totp_enabled:
        user.totp_enabled = True
        db.add(user)
        audit.record(db, load_actor(db, user.id), "account.tweede_factor_ingesteld",
                     object_type="account", object_id=user.id)


def reset_second_factor(actor: Actor, db: Session, staff_id: int) -> None:
    """Beheer: remove an account's second factor (lost phone, changed secret key). Its sessions end;
    at the next login a role that needs one sets up a new one."""
    authorize(actor, db, Action.MEDEWERKER_BEHEREN,
              Target(actor.organisation_id, object_type="account", object_id=staff_id))
    user = db.get(StaffUser, staff_id)
    if user is None or user.organisation_id != actor.organisation_id:
        raise NotFound(texts.NIET_GEVONDEN)
    user.totp_secret, user.totp_enabled, user.totp_last_step = None, False, None
    db.add(user)
    ended = end_all_sessions(db, user.id)
    audit.record(db, actor, "account.tweede_factor_verwijderd", object_type="account", object_id=user.id,
                 detail=f"sessies_beeindigd={ended}")
    db.commit()
