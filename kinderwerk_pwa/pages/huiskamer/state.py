"""The state of a huiskamer's day: the tiles, the counts, the open panel, and the live watch.

A tap must stay cheap (Reflex sends the whole value of every var that changes): the list of
children (names, pick-up persons, goals) only changes on a reload, and each tile's status lives in
small dicts keyed by child id. A tap updates the one child from what the domain returns, and the
counts; only a tap that changes more (an extra child, undo, absent with its follow-up) or that
found another device's tap in between reloads the day.
"""

from __future__ import annotations

import uuid
from datetime import date

import reflex as rx

from ... import texts
from ...domain.common.clock import format_day
from ...domain.huiskamer import attendance
from ...domain.huiskamer.day_changes import day_changes
from ...domain.kinderen.goals import record_goal_moment
from ...state import live_watches
from ...state.page import PageState
from ...state.session import SessionState
from .live import watch_loop
from .rows import _label, _mood, _tile_row


class HuiskamerState(PageState, SessionState):
    location_name: str = ""
    capacity: str = ""
    day_label: str = ""
    children: list[dict[str, str]] = []
    tile_status: dict[str, str] = {}  # child id -> verwacht / aanwezig / ...
    tile_label: dict[str, str] = {}  # child id -> "Aanwezig 14:05 · Oma Truus"
    tile_mood: dict[str, str] = {}  # child id -> face, only for children with a mood
    counts: dict[str, int] = {}
    follow_ups: list[dict[str, str]] = []
    query: str = ""
    panel: dict[str, str] = {}
    panel_pickups: list[dict[str, str]] = []  # name, and the line with who allowed it
    panel_warnings: list[str] = []  # guardians barred from collecting
    panel_goals: list[dict[str, str]] = []
    panel_open: bool = False
    extra_query: str = ""
    extra_choices: list[dict[str, str]] = []
    _version: str = ""  # fingerprint of the day as this screen shows it (backend only)
    watching: bool = False
    is_today: bool = True
    _watch_id: int = 0
    _last_event: dict[str, str] = {}  # child id -> the event an undo would revert (backend only)

    def _put(self, name: str, value) -> None:
        """Assign only what changed: every assignment is sent to the browser whole."""
        if getattr(self, name) != value:
            setattr(self, name, value)

    def _show_user(self, actor) -> None:
        """Every handler resolves the user again; on a tap, resending the (unchanged) name and role
        would make the whole app shell render again."""
        if not (self.logged_in and self.user_name == actor.name and self.user_role == actor.role
                and self.has_totp == actor.totp_enabled):
            super()._show_user(actor)

    def _location_id(self) -> int:
        return self._route_id("locatie_id")

    def _day(self):
        """Today, or another day to look at (?dag=2026-12-07): a coordinator plans tomorrow's list.
        Taps are only recorded for today."""
        raw = self.router.url.query_parameters.get("dag", "")
        try:
            return date.fromisoformat(raw) if raw else self.today()
        except ValueError:
            return self.today()

    def _reload(self, db, actor) -> None:
        day = self._day()
        self.is_today = day == self.today()
        view = attendance.day_view(actor, db, self._location_id(), day)
        self._put("location_name", view.location_name)
        self._put("capacity", str(view.capacity or ""))
        self._put("day_label", format_day(view.day))
        self._version = view.version
        self._put("counts", view.counts)
        self._put("children", [_tile_row(c) for c in view.children])
        self._put("tile_status", {str(c.child_id): c.status for c in view.children})
        self._put("tile_label", {str(c.child_id): _label(c) for c in view.children})
        self._put("tile_mood", {str(c.child_id): _mood(c) for c in view.children if c.mood})
        self._last_event = {str(c.child_id): str(c.last_event_id or "") for c in view.children}
        self._put("follow_ups", [
            {"id": str(f["id"]), "text": f"{f['title']}: {f['child']}"
             + (f" (sinds {f['due'].day} {texts.MONTHS[f['due'].month][:3]})" if f["due"] < view.day else "")}
            for f in view.follow_ups])
        if self.panel:
            self._set_panel(self.panel.get("id", ""))

    def _clear_page(self) -> None:
        self.children, self.tile_status, self.tile_label, self.tile_mood = [], {}, {}, {}

    def _show_invalid(self, exc, db, actor) -> None:
        # A tap that no longer fits (another device was quicker): show the day as it is now.
        super()._show_invalid(exc, db, actor)
        self._reload(db, actor)

    @rx.event
    def load(self):
        self._clear_page()
        self.query, self.panel_open, self.panel, self._version = "", False, {}, ""
        self.extra_query, self.extra_choices = "", []
        result = self._run()
        if result is None and not self.error and self.is_today:
            # Started by on_load, not by mounting: a reconnect's hydrate runs on_load again, so a tab
            # whose watch ended while it was away is live again when it returns.
            return HuiskamerState.watch
        return result

    def _tap(self, child_id: str, kind: str, *, closes_panel: bool = False, **extra):
        if not self.is_today:
            self.error, self.notice = texts.HUISKAMER_ALLEEN_VANDAAG, ""
            return None
        payload = {"client_uuid": str(uuid.uuid4()), "child_id": child_id, "location_id": self._location_id(),
                   "kind": kind, **extra}
        result = self._run(lambda actor, db: self._record(actor, db, payload), reload=False)
        if closes_panel and not self.error:
            self.panel_open = False
        return result

    def _record(self, actor, db, payload: dict) -> None:
        """Store the tap; show its outcome on the one tile, or reload when it changed more."""
        result = attendance.record_attendance(actor, db, payload)
        child_id = str(payload["child_id"])
        if (not result.created or result.child is None or not result.tile_only
                or child_id not in self.tile_status):
            self._reload(db, actor)
            return
        self._show_tile(child_id, result.child)
        # self._version stays the day as last read from the database: the watch catches up on this
        # tap like on any other (day_changes, a few rows). Counting it in here instead would make
        # another phone's tap that committed just before it look like a gap, and reload the day.

    def _catch_up(self, actor, db) -> None:
        """Another device's taps (the watch saw a new version): update their tiles, or load the day
        when that is not enough (domain/huiskamer/day_changes.py)."""
        changes = day_changes(actor, db, self._location_id(), self._day(), self._version)
        if (not changes.complete or not changes.tiles_only
                or any(str(c.child_id) not in self.tile_status for c in changes.children)):
            self._reload(db, actor)
            return
        for c in changes.children:
            self._show_tile(str(c.child_id), c)
        self._version = changes.version

    def _show_tile(self, child_id: str, c) -> None:
        """One child's new state: its entries in the small dicts, the counts, and the panel."""
        self._last_event[child_id] = str(c.last_event_id or "")
        if self.tile_status.get(child_id) != c.status:
            self.tile_status[child_id] = c.status
            self._put("counts", attendance.count_statuses(self.tile_status.values()))
        if self.tile_label.get(child_id) != (label := _label(c)):
            self.tile_label[child_id] = label
        if self.tile_mood.get(child_id, "") != (mood := _mood(c)):
            self.tile_mood[child_id] = mood
        if self.panel.get("id") == child_id:
            self._set_panel(child_id)

    @rx.event
    def tile(self, child_id: str, status: str):
        """One tap: check in an expected child; otherwise open the child's options."""
        if self.tile_status.get(child_id, status) == "verwacht":
            return self._tap(child_id, "aanwezig")
        return self.open_panel(child_id)

    def _set_panel(self, child_id: str) -> bool:
        row = next((c for c in self.children if c["id"] == child_id), None)
        if row is None:
            return False
        self._put("panel", {**row, "status": self.tile_status.get(child_id, "verwacht"),
                            "label": self.tile_label.get(child_id, ""),
                            "last_event": self._last_event.get(child_id, "")})
        self._put("panel_pickups", [{"name": n, "line": line} for n, line in zip(
            row["pickups"].split("|"), row["pickup_lines"].split("|"), strict=False) if n])
        self._put("panel_warnings", [w for w in row["warnings"].split("|") if w])
        self._put("panel_goals", [{"id": g.split(":", 1)[0], "title": g.split(":", 1)[1]}
                                  for g in row["goals"].split("|") if ":" in g])
        return True

    @rx.event
    def open_panel(self, child_id: str):
        if self._set_panel(child_id):
            self.panel_open, self.error = True, ""

    @rx.event
    def set_panel_open(self, value: bool):
        self.panel_open = value

    @rx.event
    def pick_up(self, name: str):
        return self._tap(self.panel["id"], "opgehaald", closes_panel=True, picked_up_by=name)

    @rx.event
    def pick_up_other(self, form: dict):
        return self.pick_up(str(form.get("other", "")))

    @rx.event
    def home_alone(self):
        return self._tap(self.panel["id"], "zelfstandig", closes_panel=True)

    @rx.event
    def excused(self, form: dict):
        return self._tap(self.panel["id"], "afgemeld", closes_panel=True, reason=str(form.get("reason", "")))

    @rx.event
    def absent(self):
        return self._tap(self.panel["id"], "afwezig", closes_panel=True)

    @rx.event
    def mood(self, value: int):
        return self._tap(self.panel["id"], "stemming", mood=value)

    @rx.event
    def undo(self):
        return self._tap(self.panel["id"], "ongedaan", closes_panel=True,
                         undoes_id=self.panel.get("last_event", ""))

    @rx.event
    def goal_moment(self, goal_id: str, went_well: bool):
        payload = {"client_uuid": str(uuid.uuid4()), "goal_id": goal_id, "went_well": went_well}
        return self._run(lambda actor, db: record_goal_moment(actor, db, payload), success=texts.OPGESLAGEN)

    @rx.event
    def search(self, value: str):
        self.query = value[:100]

    @rx.event
    def search_extra(self, value: str):
        self.extra_query = value[:100]
        return self._run(lambda actor, db: attendance.extra_candidates(
            actor, db, self._location_id(), self.extra_query, self.today()), reload=False, then=self._offer_extra)

    def _offer_extra(self, rows) -> None:
        listed = {c["id"] for c in self.children}
        self.extra_choices = [{"id": str(i), "name": n} for i, n in rows if str(i) not in listed]

    @rx.event
    def add_extra(self, child_id: str):
        self.extra_query, self.extra_choices = "", []
        return self._tap(child_id, "extra")

    @rx.event
    def follow_up_done(self, follow_up_id: str):
        return self._run(lambda actor, db: attendance.close_follow_up(actor, db, int(follow_up_id)))

    @rx.var
    def visible(self) -> list[dict[str, str]]:
        words = [w for w in self.query.lower().split() if w]
        return [c for c in self.children if all(w in c["name"].lower() for w in words)]

    # Live updates from other devices
    @rx.event
    def stop_watch(self):
        self.watching = False

    @rx.event(background=True)
    async def watch(self):
        async with self:
            self._watch_id += 1
            my_id, self.watching = self._watch_id, True
            location_id, day = self._location_id(), self._day()
            known = self._version
            token = self.router.session.client_token
        with live_watches.counted():
            return await watch_loop(self, my_id, location_id, day, known, token)
