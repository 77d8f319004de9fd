"""A wait for a tab's state lock that is cancelled while Redis is setting the lock for it gives
the lock back (state/lock_wakeups.py); otherwise the tab is locked for the lock's 10-second
expiry. Against the Redis of the production setup."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from redis.asyncio import Redis
from reflex.istate.manager.redis import StateManagerRedis

from kinderwerk_pwa.state import lock_wakeups
from tests.e2e.services import REDIS, require_redis
from tests.loops import run_in_own_loop


async def _cancelled_while_taking() -> bytes | None:
    """Cancel a wait after Redis set the lock, before the reply reached it; return who holds the
    lock once the cancelled wait has been dealt with."""
    manager = StateManagerRedis(redis=Redis.from_url(REDIS))
    key = f"kw-test-{uuid.uuid4().hex}_lock".encode()
    real_set = manager.redis.set
    taken = asyncio.Event()

    async def set_with_slow_reply(*args, **kwargs):
        result = await real_set(*args, **kwargs)
        taken.set()
        await asyncio.sleep(3600)  # the reply is still on its way when the tab goes
        return result

    manager.redis.set = set_with_slow_reply
    try:
        wait = asyncio.ensure_future(manager._wait_lock(key, b"deze-wacht"))
        await taken.wait()
        wait.cancel()
        await asyncio.gather(wait, return_exceptions=True)
        await asyncio.gather(*lock_wakeups._giving_back, return_exceptions=True)
        return await manager.redis.get(key)
    finally:
        await manager.redis.delete(key)
        await manager.close()


@pytest.fixture
def reflex_lock(monkeypatch):
    require_redis()
    monkeypatch.setattr(StateManagerRedis, "_lock_waiter", lock_wakeups._original_lock_waiter)
    monkeypatch.setattr(StateManagerRedis, "_wait_lock", lock_wakeups._original_wait_lock)


def test_without_the_fix_the_lock_stays_taken(reflex_lock):
    """What the fix is for (if Reflex fixes this, this test says so, and the fix can go)."""
    assert run_in_own_loop(_cancelled_while_taking()) == b"deze-wacht"


def test_a_cancelled_wait_gives_the_lock_back(reflex_lock):
    lock_wakeups.install()
    assert run_in_own_loop(_cancelled_while_taking()) is None
