"""One database read shared by every watch of a worker that asks the same question at about the
same time: the huiskamer's day version, asked each second by every open screen of that huiskamer.

Fifty phones on six huiskamers made fifty version queries a second per worker, each with a thread
hop and a session of its own (issue 14, py-spy at 50 phones). Shared, a worker makes at most one
per huiskamer per `max_age`. The answer a screen gets is at most `max_age` older than its poll, so
another phone's tap still shows within POLL_SECONDS + max_age. Plain asyncio: no Reflex here."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")

FORGET_AFTER = 60.0  # seconds: answers for a huiskamer nobody watches any more are dropped


class SharedPoll(Generic[T]):
    """`await poll.get(*key)`: the answer of `fetch(*key)` (a blocking call, run in a thread), shared
    with every caller of the same key within `max_age` seconds, including callers that arrive while
    the read is still running. A failed read is shared too (each watch logs and retries); the next
    read after `max_age` tries again."""

    def __init__(self, fetch: Callable[..., T], max_age: float, clock: Callable[[], float] = time.monotonic):
        self._fetch, self.max_age, self._clock = fetch, max_age, clock
        # Per event loop: a future belongs to the loop that made it (tests run several loops).
        self._answers: dict[tuple[int, Hashable], tuple[float, asyncio.Future]] = {}
        self.reads = 0  # database reads made, for tests and the curious

    async def get(self, *key: Hashable) -> T:
        loop = asyncio.get_running_loop()
        now = self._clock()
        slot = (id(loop), key)
        answer = self._answers.get(slot)
        if answer is None or now - answer[0] >= self.max_age or answer[1].get_loop() is not loop:
            self._forget_old(now)
            self.reads += 1
            answer = (now, asyncio.ensure_future(asyncio.to_thread(self._fetch, *key)))
            self._answers[slot] = answer
        # shield: one watch that is cancelled (its tab closed) does not cancel the others' read.
        return await asyncio.shield(answer[1])

    def _forget_old(self, now: float) -> None:
        for slot in [s for s, (at, future) in self._answers.items() if now - at > FORGET_AFTER and future.done()]:
            future = self._answers.pop(slot)[1]
            if not future.cancelled():
                future.exception()  # retrieved: no "exception was never retrieved" warning
