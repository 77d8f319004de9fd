"""The shared version poll of the huiskamer watches (state/shared_poll.py): one read per key per
max_age for all callers of a worker, fresh again after it, and a failure shared but not kept."""

from __future__ import annotations

import asyncio
import threading

import pytest

from kinderwerk_pwa.pages.huiskamer import live
from kinderwerk_pwa.state.shared_poll import SharedPoll
from tests.loops import run_in_own_loop


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


class Fetch:
    """Counts the reads; `gate` holds them until released, so callers overlap a running read."""

    def __init__(self):
        self.calls: list[tuple] = []
        self.gate = threading.Event()
        self.gate.set()
        self.fail = False

    def __call__(self, location_id, day):
        self.calls.append((location_id, day))
        self.gate.wait(5)
        if self.fail:
            raise ConnectionError("database weg")
        return f"v{location_id}-{len(self.calls)}"


def test_callers_at_the_same_time_share_one_read():
    fetch, clock = Fetch(), Clock()
    poll = SharedPoll(fetch, max_age=0.5, clock=clock)

    async def main():
        fetch.gate.clear()
        waiting = [asyncio.create_task(poll.get(7, "2026-12-07")) for _ in range(20)]
        await asyncio.sleep(0.05)  # all twenty are waiting on the one running read
        fetch.gate.set()
        return await asyncio.gather(*waiting)

    answers = run_in_own_loop(main())
    assert answers == ["v7-1"] * 20
    assert fetch.calls == [(7, "2026-12-07")]


def test_a_new_read_after_max_age_and_one_per_huiskamer():
    fetch, clock = Fetch(), Clock()
    poll = SharedPoll(fetch, max_age=0.5, clock=clock)

    async def main():
        first = await poll.get(7, "d")
        clock.now += 0.4
        still = await poll.get(7, "d")
        other = await poll.get(8, "d")
        clock.now += 0.2
        fresh = await poll.get(7, "d")
        return first, still, other, fresh

    assert run_in_own_loop(main()) == ("v7-1", "v7-1", "v8-2", "v7-3")
    assert fetch.calls == [(7, "d"), (8, "d"), (7, "d")]


def test_a_failed_read_reaches_its_callers_and_is_tried_again_later():
    fetch, clock = Fetch(), Clock()
    poll = SharedPoll(fetch, max_age=0.5, clock=clock)

    async def main():
        fetch.fail = True
        with pytest.raises(ConnectionError):
            await poll.get(7, "d")
        fetch.fail = False
        clock.now += 0.5
        return await poll.get(7, "d")

    assert run_in_own_loop(main()) == "v7-2"


def test_a_cancelled_watch_does_not_cancel_the_read_of_the_others():
    fetch, clock = Fetch(), Clock()
    poll = SharedPoll(fetch, max_age=0.5, clock=clock)

    async def main():
        fetch.gate.clear()
        gone = asyncio.create_task(poll.get(7, "d"))
        stays = asyncio.create_task(poll.get(7, "d"))
        await asyncio.sleep(0.05)
        gone.cancel()
        fetch.gate.set()
        return await stays

    assert run_in_own_loop(main()) == "v7-1"
    assert len(fetch.calls) == 1


def test_answers_nobody_asks_for_are_forgotten():
    fetch, clock = Fetch(), Clock()
    poll = SharedPoll(fetch, max_age=0.5, clock=clock)

    async def main():
        for location_id in range(10):
            await poll.get(location_id, "d")
        clock.now += 120
        await poll.get(99, "d")

    run_in_own_loop(main())
    assert len(poll._answers) == 1


def test_the_huiskamer_watch_polls_through_the_shared_read():
    # Every watch of a worker asks the one SharedPoll, at most half a poll old.
    assert isinstance(live.day_versions, SharedPoll)
    assert live.day_versions.max_age <= live.POLL_SECONDS / 2
