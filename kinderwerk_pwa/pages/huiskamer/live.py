"""The live watch of a huiskamer screen: other phones' taps show within a second, without a
per-second poll that holds the state lock (a cheap version check outside it, issue 17), and the
watch of a closed tab ends.

HuiskamerState.watch (a background event) runs `watch_loop` with the state as `self`."""

from __future__ import annotations

import asyncio
import logging

import reflex as rx
from reflex_base.registry import RegistrationContext

from ...domain.huiskamer import attendance
from ...state import without_actor
from ...state.shared_poll import SharedPoll

log = logging.getLogger("kinderwerk.huiskamer")

POLL_SECONDS = 1.0
CHECK_STOP_EVERY = 10  # polls: a stopped watch ends within this many seconds (nothing changed)
MAX_WATCH_SECONDS = 6 * 3600  # a working day; the screen restarts watching when reopened
# Stop-checks in a row without the tab's websocket before its watch ends (a closed tab). A tab
# that comes back (screen unlocked, connection restored) hydrates again, and its on_load starts a
# new watch; so ending one never leaves an open screen behind.
GONE_CHECKS = 3


def _day_version(location_id: int, day) -> str:
    return without_actor.call(attendance.day_version, location_id, day)


# All screens of a huiskamer on this worker share one version read per half poll (state/shared_poll.py).
day_versions: SharedPoll[str] = SharedPoll(_day_version, max_age=POLL_SECONDS / 2)


async def _tab_connected(token: str) -> bool:
    """Whether the tab's websocket is open on any worker (Reflex's token manager, across workers
    with Redis). Reflex keeps no public call for this; if it cannot tell, say yes (keep watching)."""
    try:
        namespace = RegistrationContext.get().app.event_namespace
        return namespace is None or not token or await namespace._token_manager.is_token_connected(token)
    except Exception:  # noqa: BLE001 - a changed Reflex internal must not stop a live screen
        return True


async def watch_loop(self, my_id: int, location_id: int, day, known: str, token: str):
    """Poll the day's version outside the state lock; lock and reload only when it changed (or
    every CHECK_STOP_EVERY polls, to see whether the screen stopped or moved on)."""
    polls = gone = 0
    while polls * POLL_SECONDS < MAX_WATCH_SECONDS:
        await asyncio.sleep(POLL_SECONDS)
        polls += 1
        try:
            if polls % CHECK_STOP_EVERY == 0:
                gone = 0 if await _tab_connected(token) else gone + 1
                if gone >= GONE_CHECKS:
                    return None  # the tab is closed
            version = await day_versions.get(location_id, day)
            if version == known and polls % CHECK_STOP_EVERY:
                continue  # nothing new: do not lock and load the state (with Redis: a round trip)
            async with self:
                if self._watch_id == 0:
                    # The state store lost this page's state (Redis restarted): the browser
                    # hydrates again, which loads the day and starts a new watch (issue 14).
                    # Removing a session-storage key is a frontend event that re-sends hydrate.
                    return rx.remove_session_storage("kw-herladen")
                if not self.watching or self._watch_id != my_id or self._location_id() != location_id:
                    return None  # stopped, replaced, or this tab moved on to another page
                if version != self._version:
                    # Only the tiles that changed; the whole day when that is not enough. On the
                    # loop, like every handler: moved to a thread it fought the loop for the GIL and
                    # page loads at 50 phones got slower, not faster (README, "Tests en benchmarks").
                    self._run(self._catch_up, reload=False, keep_messages=True)
                known = self._version
        except Exception:  # noqa: BLE001 - PostgreSQL or Redis away for a moment: keep watching
            log.warning("huiskamer watch: store unreachable, retrying", exc_info=True)
