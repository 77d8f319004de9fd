"""Password hashing with argon2id (argon2-cffi's defaults are argon2id).

A hash costs a core for tens of milliseconds by design. At most KINDERWERK_HASH_CONCURRENCY hashes
run at once (default 1); further logins wait their turn, so five logins at once on a two-core
server leave a core for the check-in taps instead of taking both.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from ...settings import get_settings

_hasher = PasswordHasher()
_slots: threading.BoundedSemaphore | None = None
_slots_lock = threading.Lock()


@contextmanager
def _hash_slot() -> Iterator[None]:
    global _slots
    if _slots is None:
        with _slots_lock:
            if _slots is None:
                _slots = threading.BoundedSemaphore(get_settings().hash_concurrency)
    with _slots:
        yield


def hash_password(password: str) -> str:
    with _hash_slot():
        return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    if not password_hash:
        # Spend the same time as a real check so a missing account is not visible by timing.
        _safe_dummy(password)
        return False
    try:
        with _hash_slot():
            return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


_DUMMY_HASH = _hasher.hash("kinderwerk-dummy-wachtwoord")


def _safe_dummy(password: str) -> None:
    try:
        with _hash_slot():
            _hasher.verify(_DUMMY_HASH, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        pass
