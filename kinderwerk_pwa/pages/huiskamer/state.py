"""The state of a huiskamer's day: the tiles, the counts, the open panel, and the live watch."""

from __future__ import annotations

import asyncio
import uuid
from datetime import date

import reflex as rx

from ... import texts
from ...domain.common.clock import format_day, to_local
from ...domain.huiskamer import attendance
from ...domain.kinderen.goals import record_goal_moment
from ...state import without_actor
from ...state.page import PageState
from ...state.session import SessionState

POLL_SECONDS = 1.0
MAX_WATCH_SECONDS = 6 * 3600  # a working day; the screen restarts watching when reopened


def _tile_row(c) -> dict[str, str]:
    return {"id": str(c.child_id), "name": c.name, "status": c.status,
            "label": texts.HUISKAMER_STATUS.get(c.status, c.status)
            + (f" {to_local(c.since):%H:%M}" if c.since and c.status != "verwacht" else "")
            + (f" · {c.picked_up_by}" if c.picked_up_by else "") + (f" · {c.reason}" if c.reason else ""),
            "mood": texts.STEMMING_GEZICHTEN.get(c.mood, "") if c.mood else "",
            "extra": "" if c.expected else "1", "alone": "1" if c.may_go_home_alone else "",
            "pickups": "|".join(c.pickup_persons), "goals": "|".join(f"{g[0]}:{g[1]}" for g in c.goals),
            "last_event": str(c.last_event_id or "")}


class HuiskamerState(PageState, SessionState):
    location_name: str = ""
    capacity: str = ""
    day_label: str = ""
    children: list[dict[str, str]] = []
    counts: dict[str, int] = {}
    follow_ups: list[dict[str, str]] = []
    query: str = ""
    panel: dict[str, str] = {}
    panel_pickups: list[str] = []
    panel_goals: list[dict[str, str]] = []
    panel_open: bool = False
    extra_query: str = ""
    extra_choices: list[dict[str, str]] = []
    version: int = 0
    watching: bool = False
    is_today: bool = True
    _watch_id: int = 0

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
        self.location_name = view.location_name
        self.capacity = str(view.capacity or "")
        self.day_label = format_day(view.day)
        self.version = view.version
        self.counts = view.counts
        self.children = [_tile_row(c) for c in view.children]
        self.follow_ups = [{"id": str(f["id"]), "text": f"{f['title']}: {f['child']}"
                            + (f" (sinds {f['due'].day} {texts.MONTHS[f['due'].month][:3]})" if f["due"] < view.day else "")}
                           for f in view.follow_ups]
        if self.panel:
            row = next((c for c in self.children if c["id"] == self.panel.get("id")), None)
            if row:
                self._set_panel(row)

    def _clear_page(self) -> None:
        self.children = []

    def _show_invalid(self, exc, db, actor) -> None:
        # A tap that no longer fits (another device was quicker): show the day as it is now.
        super()._show_invalid(exc, db, actor)
        self._reload(db, actor)

    @rx.event
    def load(self):
        self.children, self.query, self.panel_open, self.panel = [], "", False, {}
        self.extra_query, self.extra_choices = "", []
        return self._run()

    def _tap(self, child_id: str, kind: str, *, closes_panel: bool = False, **extra):
        if not self.is_today:
            self.error, self.notice = texts.HUISKAMER_ALLEEN_VANDAAG, ""
            return None
        payload = {"client_uuid": str(uuid.uuid4()), "child_id": child_id, "location_id": self._location_id(),
                   "kind": kind, **extra}
        result = self._run(lambda actor, db: attendance.record_attendance(actor, db, payload))
        if closes_panel and not self.error:
            self.panel_open = False
        return result

    @rx.event
    def tile(self, child_id: str, status: str):
        """One tap: check in an expected child; otherwise open the child's options."""
        if status == "verwacht":
            return self._tap(child_id, "aanwezig")
        return self.open_panel(child_id)

    def _set_panel(self, row: dict) -> None:
        self.panel = row
        self.panel_pickups = [p for p in row["pickups"].split("|") if p]
        self.panel_goals = [{"id": g.split(":", 1)[0], "title": g.split(":", 1)[1]}
                            for g in row["goals"].split("|") if ":" in g]

    @rx.event
    def open_panel(self, child_id: str):
        row = next((c for c in self.children if c["id"] == child_id), None)
        if row:
            self._set_panel(row)
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
        waited = 0.0
        while waited < MAX_WATCH_SECONDS:
            await asyncio.sleep(POLL_SECONDS)
            waited += POLL_SECONDS
            version = await asyncio.to_thread(without_actor.call, attendance.day_version, location_id, day)
            async with self:
                if not self.watching or self._watch_id != my_id:
                    return
                if version != self.version:
                    self._run(keep_messages=True)
