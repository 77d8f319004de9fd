"""The state lock's wake-up is passed on when a woken waiter is cancelled (state/lock_wakeups.py):
otherwise the next waiter of that tab sleeps until the lock's 10-second expiry."""

from __future__ import annotations

import asyncio

import pytest
from redis.asyncio import Redis
from reflex.istate.manager.redis import StateManagerRedis

from kinderwerk_pwa.state import lock_wakeups
from tests.loops import run_in_own_loop

KEY = b"token_lock"




def _manager() -> StateManagerRedis:
    # Made outside a running loop: no subscriber task, and no connection is ever opened here.
    return StateManagerRedis(redis=Redis.from_url("redis://127.0.0.1:1/0"))


async def _woken_waiter_cancelled(manager: StateManagerRedis) -> bool:
    """Two waiters for one lock; the first is woken and cancelled before it can take the lock.
    Returns whether the second was woken."""
    registered = [asyncio.Event(), asyncio.Event()]
    events: list[asyncio.Event] = []

    async def waiter(n: int):
        async with manager._lock_waiter(KEY) as event:
            events.append(event)
            registered[n].set()
            await asyncio.Event().wait()  # the wait for the lock; never ends by itself

    first = asyncio.create_task(waiter(0))
    await registered[0].wait()
    second = asyncio.create_task(waiter(1))
    await registered[1].wait()
    manager._notify_next_waiter(KEY)  # the lock was released: the first waiter is woken...
    assert events[0].is_set() and not events[1].is_set()
    first.cancel()  # ...and its tab disconnects before it runs
    await asyncio.gather(first, return_exceptions=True)
    woken = events[1].is_set()
    second.cancel()
    await asyncio.gather(second, return_exceptions=True)
    return woken


@pytest.fixture
def original_lock_waiter(monkeypatch):
    monkeypatch.setattr(StateManagerRedis, "_lock_waiter", lock_wakeups._original_lock_waiter)
    monkeypatch.setattr(StateManagerRedis, "_wait_lock", lock_wakeups._original_wait_lock)


def test_without_the_fix_the_wakeup_is_lost(original_lock_waiter):
    """What the fix is for: Reflex's own waiter loses the wake-up (if Reflex fixes this, this test
    says so, and the fix can go)."""
    assert run_in_own_loop(_woken_waiter_cancelled(_manager())) is False


def test_a_cancelled_waiter_passes_its_wakeup_on(original_lock_waiter):
    lock_wakeups.install()
    assert run_in_own_loop(_woken_waiter_cancelled(_manager())) is True


def test_the_app_installs_the_fix():
    from kinderwerk_pwa import kinderwerk_pwa  # noqa: F401 - importing the app installs it

    assert StateManagerRedis._lock_waiter is lock_wakeups._lock_waiter_passing_wakeups
    assert StateManagerRedis._wait_lock is lock_wakeups._wait_lock_giving_back
