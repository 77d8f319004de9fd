"""The account behind a pending login that is setting up its second factor (TOTP).

No actor: the user has only passed the password step; the signed, short-lived pending cookie names
the account. The secret is kept at the first visit, so reopening the page shows the same QR code.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from ...models import StaffUser


@dataclass(frozen=True)
class PendingSetup:
    email: str
    role: str
    secret: str


def pending_setup(db: Session, staff_id: int, new_secret: str) -> PendingSetup | None:
    """The account and the secret its authenticator app should hold: the one kept earlier, else
    `new_secret`, kept now. None when the account is gone or already has a second factor."""
    user = db.get(StaffUser, staff_id)
    if user is None or user.totp_enabled:
        return None
    if not user.totp_secret:
        user.totp_secret = new_secret
        db.add(user)
        db.commit()
    return PendingSetup(email=user.email, role=user.role, secret=user.totp_secret)
