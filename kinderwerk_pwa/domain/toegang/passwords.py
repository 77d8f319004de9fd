"""Password hashing with argon2id (argon2-cffi's defaults are argon2id).

A hash costs a core for a good part of a second by design. Hashes run on their own small pool of
KINDERWERK_HASH_CONCURRENCY threads (default 1) at the lowest CPU priority (nice 19; Linux sets it
per thread, argon2's own lane threads inherit it, and argon2-cffi releases the GIL while it
hashes): further logins wait their turn, and while one is hashed the check-in taps of the same
worker still get the CPU first. After each hash its thread rests, so hashing takes at most
KINDERWERK_HASH_SHARE of a core on average (`_paced`).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from ...settings import get_settings

T = TypeVar("T")
# The weakest nice level rather than SCHED_IDLE: the pool thread holds the GIL for a moment before
# and after each hash, and a thread that can starve could stall the event loop waiting for it.
HASH_NICE = 19

# argon2-cffi's defaults in memory and passes (RFC 9106's second recommendation: 64 MiB, t=3) but
# one lane instead of four. Lanes let a defender spread one hash over cores; they add nothing
# against an attacker. Four lanes took both cores of a small server for each login and slowed the
# check-in taps of everybody else (bench_login_load: p95 1.25x with logins in progress, 1.13x with
# one lane). Hashes made with other parameters are replaced at the account's next right password.
_hasher = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=1)
_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()
# Per pool thread: when it may start its next hash (see _paced). Clock and sleep are module
# attributes so a test can drive them.
_rest = threading.local()
_clock = time.monotonic
_sleep = time.sleep
# Logins waiting for (or in) a hash of this worker. Each holds a thread of the web server's pool
# (shared with exports and offline sync) while it waits, so the queue is bounded.
_waiting = 0
_waiting_lock = threading.Lock()


class HashQueueFull(Exception):
    """KINDERWERK_HASH_QUEUE logins already wait for a hash: answer "try again" at once."""


def _forget_pool() -> None:
    global _pool
    _pool = None  # a forked worker has none of the parent's threads: it starts its own pool


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_pool)


def _lower_priority() -> None:
    try:  # on Linux the "process" priority of a thread id is that thread's own
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), HASH_NICE)
    except (AttributeError, OSError):
        pass  # elsewhere: the pool's size still bounds the hashing


def _in_pool(fn: Callable[..., T], *args, bounded: bool = False) -> T:
    """Run `fn` on the hashing pool. `bounded` (a login's check): refused with HashQueueFull when
    the queue is full, instead of holding a server thread for a long wait."""
    global _pool, _waiting
    if _pool is None:
        with _pool_lock:
            if _pool is None:
                _pool = ThreadPoolExecutor(get_settings().hash_concurrency, thread_name_prefix="argon2",
                                           initializer=_lower_priority)
    if bounded:
        with _waiting_lock:
            if _waiting >= get_settings().hash_queue:
                raise HashQueueFull
            _waiting += 1
    try:
        return _pool.submit(_paced, fn, *args).result()
    finally:
        if bounded:
            with _waiting_lock:
                _waiting -= 1


def _paced(fn: Callable[..., T], *args) -> T:
    """Run one hash, keeping this thread's hashing to KINDERWERK_HASH_SHARE of a core on average.

    Nice 19 alone did not do it: a hash computing next to the check-in taps still slowed them (p95
    1.13-1.23x in bench_login_load; on a small VM the other core is a hyperthread or shares its
    caches, which no scheduler priority hands back). So after a hash of d seconds the thread rests
    d * (1/share - 1) before its next one. The rest comes after the answer: a login alone is as fast
    as before; only back-to-back logins queue (at 0.25, five at once take about 5 s). It also keeps
    a flood of login attempts from taking more than that share of the server."""
    wait = getattr(_rest, "not_before", 0.0) - _clock()
    if wait > 0:
        _sleep(wait)
    start = _clock()
    try:
        return fn(*args)
    finally:
        end = _clock()
        _rest.not_before = end + (end - start) * (1 / get_settings().hash_share - 1)


def hash_password(password: str) -> str:
    return _in_pool(_hasher.hash, password)


def verify_password(password_hash: str | None, password: str) -> bool:
    if not password_hash:
        # Spend the same time as a real check so a missing account is not visible by timing.
        _safe_dummy(password)
        return False
    try:
        return _in_pool(_hasher.verify, password_hash, password, bounded=True)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str | None) -> bool:
    """The hash was made with other parameters than today's (cheap: it only reads the header)."""
    if not password_hash:
        return False
    try:
        return _hasher.check_needs_rehash(password_hash)
    except InvalidHashError:
        return False


_DUMMY_HASH = _hasher.hash("kinderwerk-dummy-wachtwoord")


def _safe_dummy(password: str) -> None:
    try:
        # Bounded like a real check: a full queue must not tell a missing account from a real one.
        _in_pool(_hasher.verify, _DUMMY_HASH, password, bounded=True)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        pass
