"""Two holes in Reflex's Redis state lock under cancellation, closed (issue 14).

Reflex cancels a tab's pending page load when the tab disconnects or loads another page. Under
load (tests/benchmarks/load_checkins.py, saturation runs) a phone then froze for 10-15 s after it
moved from the huiskamer to the signaal page, the lock's expiry of 10 seconds:

1. A lost wake-up. Reflex wakes one waiter per released lock (`_notify_next_waiter`). A waiter that
   is woken and then cancelled before it takes the lock takes the wake-up with it, and the next
   waiter for that tab sleeps until its wait times out. Now a waiter that leaves by an exception
   wakes the next one (a wake-up too many only makes it try the lock once more).
2. A leaked lock. A wait cancelled while Redis is already setting the lock for it (the SET is on
   its way, or the waiter is tidying up after it) leaves the lock taken by nobody until it
   expires. Now a cancelled wait gives its lock back if it got it after all.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from reflex.istate.manager.redis import StateManagerRedis

_original_lock_waiter = StateManagerRedis._lock_waiter
_original_wait_lock = StateManagerRedis._wait_lock

# Delete the lock only while it is still this wait's (an expired one may be someone else's now).
_GIVE_BACK = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
    return redis.call('DEL', KEYS[1])
end
return 0
"""

_giving_back: set[asyncio.Task] = set()  # strong references until each give-back is done


@contextlib.asynccontextmanager
async def _lock_waiter_passing_wakeups(self: StateManagerRedis, lock_key: bytes) -> AsyncIterator:
    try:
        async with _original_lock_waiter(self, lock_key) as event:
            yield event
    except BaseException:
        self._notify_next_waiter(lock_key)
        raise


async def _give_back(self: StateManagerRedis, wait: asyncio.Future, lock_key: bytes, lock_id: bytes) -> None:
    with contextlib.suppress(BaseException):
        await wait  # let the cancelled wait end: with the lock, or without it
    with contextlib.suppress(Exception):  # Redis away: the lock expires by itself
        if await self.redis.eval(_GIVE_BACK, 1, lock_key, lock_id):
            self._notify_next_waiter(lock_key)


async def _wait_lock_giving_back(self: StateManagerRedis, lock_key: bytes, lock_id: bytes) -> None:
    wait = asyncio.ensure_future(_original_wait_lock(self, lock_key, lock_id))
    try:
        await asyncio.shield(wait)
    except asyncio.CancelledError:
        wait.cancel()
        task = asyncio.ensure_future(_give_back(self, wait, lock_key, lock_id))
        _giving_back.add(task)
        task.add_done_callback(_giving_back.discard)
        raise


def install() -> None:
    """Idempotent; called when the app module is imported (every worker)."""
    StateManagerRedis._lock_waiter = _lock_waiter_passing_wakeups
    StateManagerRedis._wait_lock = _wait_lock_giving_back
