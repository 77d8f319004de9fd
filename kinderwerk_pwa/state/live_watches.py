"""How many live watches (huiskamer screens kept up to date from other devices) this worker runs.

Reported by /api/health, so an operator (and the tests) can see that the watch of a closed tab
ends instead of polling the database for the rest of the day. Plain Python: no Reflex here."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_running = 0


@contextmanager
def counted() -> Iterator[None]:
    """Count one running watch for as long as the block runs."""
    global _running
    with _lock:
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1


def running() -> int:
    return _running
