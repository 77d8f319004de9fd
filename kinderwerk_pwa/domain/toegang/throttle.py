"""Login throttling by exponential back-off, per account and per client address (issue 17.4).

After a few free failures every further failure doubles the wait before the next try is even
checked: 1, 2, 4, ... seconds, up to a cap. The account's cap is modest (a minute), so nobody can
lock a teamleider out for long by typing wrong passwords for her from elsewhere; the address's cap
is high (15 minutes), so one machine guessing at many accounts slows down to a crawl.

The address's wait does not hold back an account that logged in successfully from that address in
the last KNOWN_ADDRESS_DAYS: behind one office NAT or the organisation's proxy every colleague
shares an address, and a handful of typos (or a colleague guessing) must not lock the whole team
out. Such an account still has its own back-off; a stranger's address guessing at many accounts
is slowed down as before.

A try refused because of a wait is not counted as a failure (and costs no password hash): only a
real wrong answer makes the wait grow. The clock is a parameter (`now`) so tests need not sleep.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, select

from ...models import LoginAttempt, utcnow


@dataclass(frozen=True)
class BackOff:
    free: int  # failures without any wait
    base_seconds: float  # the wait after the first failure beyond `free`
    cap_seconds: float
    window: timedelta  # failures older than this no longer count

    def wait_after(self, failures: int) -> float:
        """Seconds to wait after the last of `failures` failures."""
        if failures < self.free:
            return 0.0
        return min(self.base_seconds * 2 ** (failures - self.free), self.cap_seconds)

    def remaining(self, failures: int, last_failure_at: datetime | None, now: datetime) -> float:
        wait = self.wait_after(failures)
        if last_failure_at is None or wait <= 0:
            return 0.0
        # A login running at the same time may have stored its attempt (a failure until its hash
        # says otherwise) after `now` was read: that attempt is not in the future of this one.
        elapsed = max((now - last_failure_at).total_seconds(), 0.0)
        return max(wait - elapsed, 0.0)


# Per account: counted since the account's last successful login.
ACCOUNT = BackOff(free=3, base_seconds=1, cap_seconds=60, window=timedelta(hours=24))
# Per address: not reset by a success (an attacker could log in to an account of her own), but a
# shared office address gets more free failures.
ADDRESS = BackOff(free=10, base_seconds=1, cap_seconds=15 * 60, window=timedelta(hours=1))
KNOWN_ADDRESS_DAYS = 30


def _failures(db: Session, column, value: str, since: datetime) -> tuple[int, datetime | None]:
    return tuple(db.exec(
        select(func.count(), func.max(LoginAttempt.at)).select_from(LoginAttempt).where(
            column == value, LoginAttempt.success.is_(False), LoginAttempt.at > since)
    ).one())


def _last_success(db: Session, key: str) -> datetime | None:
    return db.exec(select(func.max(LoginAttempt.at)).where(
        LoginAttempt.username == key, LoginAttempt.success.is_(True))).one()


def _known_address(db: Session, key: str, address: str, now: datetime) -> bool:
    """The account logged in successfully from this address recently."""
    return db.exec(select(func.count()).select_from(LoginAttempt).where(
        LoginAttempt.username == key, LoginAttempt.address == address, LoginAttempt.success.is_(True),
        LoginAttempt.at > now - timedelta(days=KNOWN_ADDRESS_DAYS))).one() > 0


def wait_seconds(db: Session, key: str, address: str, now: datetime | None = None) -> int:
    """Whole seconds (rounded up) before `key` may try again from `address`; 0: try now."""
    now = now or utcnow()
    since = now - ACCOUNT.window
    last_ok = _last_success(db, key)
    if last_ok is not None and last_ok > since:
        since = last_ok
    account = ACCOUNT.remaining(*_failures(db, LoginAttempt.username, key, since), now)
    by_address = 0.0 if _known_address(db, key, address, now) else ADDRESS.remaining(
        *_failures(db, LoginAttempt.address, address, now - ADDRESS.window), now)
    wait = max(account, by_address)
    return int(wait) + (wait > int(wait))


def record_attempt(db: Session, key: str, address: str, success: bool,
                   now: datetime | None = None) -> LoginAttempt:
    """Add the attempt to the caller's session (committed with the audit row)."""
    attempt = LoginAttempt(username=key, address=address, success=success, at=now or utcnow())
    db.add(attempt)
    return attempt
