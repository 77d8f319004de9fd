"""Domain reads that run before or beside a login, so without an actor: the huiskamer's change
fingerprint (polled every second; it holds no child data) and the account of a pending second
factor (proved by its signed cookie). Pages hold no session handling; this is where they get one."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from ..db import session_scope

T = TypeVar("T")


def call(fn: Callable[..., T], *args) -> T:
    """`fn(db, *args)` in a session of its own."""
    with session_scope() as db:
        return fn(db, *args)
