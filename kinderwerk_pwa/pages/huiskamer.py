"""Vandaag in a huiskamer: the children expected today as big tiles. One tap checks a child in;
a present child's tile opens pick-up, mood and goal moments. Other devices' taps appear within a
second (each open screen polls the day's event fingerprint in the database, so it works with
several workers behind Redis too)."""

from __future__ import annotations

import asyncio
import uuid
from datetime import date

import reflex as rx

from .. import texts
from ..components.form import INPUT_STYLE, LABEL_STYLE
from ..components.layout import page_shell
from ..db import session_scope
from ..domain.common.clock import format_day, to_local
from ..domain.common.errors import DomainError, InvalidInput
from ..domain.huiskamer import attendance
from ..state.session import SessionState

POLL_SECONDS = 1.0
MAX_WATCH_SECONDS = 6 * 3600  # a working day; the screen restarts watching when reopened


class HuiskamerState(SessionState):
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
    error: str = ""
    notice: str = ""
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
        self.children = [
            {"id": str(c.child_id), "name": c.name, "status": c.status,
             "label": texts.HUISKAMER_STATUS.get(c.status, c.status)
             + (f" {to_local(c.since):%H:%M}" if c.since and c.status != "verwacht" else "")
             + (f" · {c.picked_up_by}" if c.picked_up_by else "") + (f" · {c.reason}" if c.reason else ""),
             "mood": texts.STEMMING_GEZICHTEN.get(c.mood, "") if c.mood else "",
             "extra": "" if c.expected else "1", "alone": "1" if c.may_go_home_alone else "",
             "pickups": "|".join(c.pickup_persons), "goals": "|".join(f"{g[0]}:{g[1]}" for g in c.goals),
             "last_event": str(c.last_event_id or "")}
            for c in view.children
        ]
        self.follow_ups = [{"id": str(f["id"]), "text": f"{f['title']}: {f['child']}"
                            + (f" (sinds {f['due'].day} {texts.MONTHS[f['due'].month][:3]})" if f["due"] < view.day else "")}
                           for f in view.follow_ups]
        if self.panel:
            row = next((c for c in self.children if c["id"] == self.panel.get("id")), None)
            if row:
                self._set_panel(row)

    def _with_actor(self, action=None):
        with session_scope() as db:
            actor = self._actor(db)
            if actor is None:
                return rx.redirect("/login")
            self._show_user(actor)
            try:
                if action is not None:
                    action(actor, db)
                self._reload(db, actor)
            except InvalidInput as exc:
                self.error = exc.message
                self._reload(db, actor)
            except DomainError as exc:
                self.error = exc.message
                self.children = []
        return None

    @rx.event
    def load(self):
        self.children, self.error, self.notice, self.query, self.panel_open, self.panel = [], "", "", "", False, {}
        self.extra_query, self.extra_choices = "", []
        return self._with_actor()

    def _tap(self, child_id: str, kind: str, **extra):
        self.error, self.notice = "", ""
        if not self.is_today:
            self.error = texts.HUISKAMER_ALLEEN_VANDAAG
            return None
        payload = {"client_uuid": str(uuid.uuid4()), "child_id": child_id, "location_id": self._location_id(),
                   "kind": kind, **extra}
        return self._with_actor(lambda actor, db: attendance.record_attendance(actor, db, payload))

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
        result = self._tap(self.panel["id"], "opgehaald", picked_up_by=name)
        if not self.error:
            self.panel_open = False
        return result

    @rx.event
    def pick_up_other(self, form: dict):
        return self.pick_up(str(form.get("other", "")))

    @rx.event
    def home_alone(self):
        result = self._tap(self.panel["id"], "zelfstandig")
        if not self.error:
            self.panel_open = False
        return result

    @rx.event
    def excused(self, form: dict):
        result = self._tap(self.panel["id"], "afgemeld", reason=str(form.get("reason", "")))
        if not self.error:
            self.panel_open = False
        return result

    @rx.event
    def absent(self):
        result = self._tap(self.panel["id"], "afwezig")
        if not self.error:
            self.panel_open = False
        return result

    @rx.event
    def mood(self, value: int):
        return self._tap(self.panel["id"], "stemming", mood=value)

    @rx.event
    def undo(self):
        result = self._tap(self.panel["id"], "ongedaan", undoes_id=self.panel.get("last_event", ""))
        if not self.error:
            self.panel_open = False
        return result

    @rx.event
    def goal_moment(self, goal_id: str, went_well: bool):
        from ..domain.kinderen.goals import record_goal_moment

        payload = {"client_uuid": str(uuid.uuid4()), "goal_id": goal_id, "went_well": went_well}
        self.error = ""
        result = self._with_actor(lambda actor, db: record_goal_moment(actor, db, payload))
        if not self.error:
            self.notice = texts.OPGESLAGEN
        return result

    @rx.event
    def search(self, value: str):
        self.query = value[:100]

    @rx.event
    def search_extra(self, value: str):
        self.extra_query = value[:100]
        with session_scope() as db:
            actor = self._actor(db)
            if actor is None:
                return rx.redirect("/login")
            try:
                rows = attendance.extra_candidates(actor, db, self._location_id(), self.extra_query, self.today())
            except DomainError as exc:
                self.error = exc.message
                return None
        listed = {c["id"] for c in self.children}
        self.extra_choices = [{"id": str(i), "name": n} for i, n in rows if str(i) not in listed]
        return None

    @rx.event
    def add_extra(self, child_id: str):
        self.extra_query, self.extra_choices = "", []
        return self._tap(child_id, "extra")

    @rx.event
    def follow_up_done(self, follow_up_id: str):
        return self._with_actor(lambda actor, db: attendance.close_follow_up(actor, db, int(follow_up_id)))

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
            version = await asyncio.to_thread(_version, location_id, day)
            async with self:
                if not self.watching or self._watch_id != my_id:
                    return
                if version != self.version:
                    self._with_actor()


def _version(location_id: int, day) -> int:
    with session_scope() as db:
        return attendance.day_version(db, location_id, day)


def _count(label: str, key: str) -> rx.Component:
    return rx.box(rx.text(HuiskamerState.counts[key].to_string(), size="6", weight="bold"),
                  rx.text(label, size="1"), class_name="kw-count", aria_label=label)


STATUS_COLORS = {"verwacht": "gray", "aanwezig": "teal", "opgehaald": "blue", "zelfstandig": "blue",
                 "afgemeld": "amber", "afwezig": "red"}


def _tile(child) -> rx.Component:
    return rx.hstack(
        rx.button(
            rx.vstack(
                rx.hstack(rx.text(child["name"], weight="bold", size="4"), rx.text(child["mood"]),
                          rx.cond(child["extra"] == "1", rx.badge("extra", color_scheme="gray")), spacing="2"),
                rx.text(child["label"], size="2"),
                spacing="0", align="start",
            ),
            on_click=HuiskamerState.tile(child["id"], child["status"]),
            variant=rx.cond(child["status"] == "verwacht", "outline", "soft"),
            color_scheme=rx.match(child["status"], *STATUS_COLORS.items(), "gray"),
            size="4",
            class_name="kw-tile",
            aria_label=child["name"] + ": " + child["label"],
            data_status=child["status"],
            data_child_id=child["id"],
        ),
        rx.icon_button(rx.icon("ellipsis-vertical"), on_click=HuiskamerState.open_panel(child["id"]),
                       variant="ghost", size="4", aria_label="Opties voor " + child["name"],
                       class_name="kw-tap"),
        width="100%",
        spacing="2",
        align="stretch",
    )


def _panel() -> rx.Component:
    p = HuiskamerState.panel
    status = p["status"]
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(p["name"]),
            rx.dialog.description(p["label"], size="2"),
            rx.cond(HuiskamerState.error != "",
                    rx.callout(HuiskamerState.error, icon="triangle-alert", color_scheme="red", role="alert",
                               margin_y="8px")),
            rx.vstack(
                rx.cond(
                    status == "aanwezig",
                    rx.vstack(
                        rx.text(texts.HUISKAMER_OPGEHAALD_DOOR, weight="bold"),
                        rx.foreach(HuiskamerState.panel_pickups, lambda name: rx.button(
                            name, on_click=HuiskamerState.pick_up(name), size="3", variant="surface",
                            width="100%", class_name="kw-tap")),
                        rx.el.form(
                            rx.hstack(
                                rx.box(rx.el.label(texts.HUISKAMER_ANDERE_PERSOON, html_for="ophaler-anders",
                                                   style=LABEL_STYLE),
                                       rx.el.input(id="ophaler-anders", name="other", style=INPUT_STYLE, max_length=200),
                                       width="100%"),
                                rx.button(texts.HUISKAMER_OPGEHAALD, type="submit", size="3", class_name="kw-tap"),
                                align="end", width="100%"),
                            on_submit=HuiskamerState.pick_up_other, style={"width": "100%"},
                        ),
                        rx.button(texts.HUISKAMER_ZELFSTANDIG, on_click=HuiskamerState.home_alone, size="3",
                                  variant="outline", width="100%", class_name="kw-tap"),
                        rx.text(texts.HUISKAMER_STEMMING, weight="bold"),
                        rx.hstack(*[rx.button(face, on_click=HuiskamerState.mood(value), size="3", variant="soft",
                                              aria_label=texts.STEMMINGEN[value], class_name="kw-tap")
                                    for value, face in texts.STEMMING_GEZICHTEN.items()], wrap="wrap"),
                        rx.foreach(HuiskamerState.panel_goals, lambda g: rx.vstack(
                            rx.text(texts.HUISKAMER_DOELMOMENT + ": " + g["title"], weight="bold", size="2"),
                            rx.hstack(
                                rx.button(texts.HUISKAMER_GING_GOED, on_click=HuiskamerState.goal_moment(g["id"], True),
                                          size="3", variant="soft", color_scheme="teal", class_name="kw-tap",
                                          aria_label=texts.HUISKAMER_GING_GOED + ": " + g["title"]),
                                rx.button(texts.HUISKAMER_NOG_NIET, on_click=HuiskamerState.goal_moment(g["id"], False),
                                          size="3", variant="soft", color_scheme="gray", class_name="kw-tap",
                                          aria_label=texts.HUISKAMER_NOG_NIET + ": " + g["title"]),
                            ),
                            width="100%")),
                        width="100%",
                    ),
                ),
                rx.cond(
                    status == "verwacht",
                    rx.vstack(
                        rx.el.form(
                            rx.hstack(
                                rx.box(rx.el.label(texts.HUISKAMER_AFMELD_REDEN, html_for="afmeld-reden",
                                                   style=LABEL_STYLE),
                                       rx.el.input(id="afmeld-reden", name="reason", style=INPUT_STYLE, max_length=300,
                                                   placeholder="Bijvoorbeeld: ziek, tandarts"),
                                       width="100%"),
                                rx.button(texts.HUISKAMER_AFMELDEN, type="submit", size="3", class_name="kw-tap"),
                                align="end", width="100%"),
                            on_submit=HuiskamerState.excused, style={"width": "100%"},
                        ),
                        rx.button(texts.HUISKAMER_AFWEZIG_ZONDER, on_click=HuiskamerState.absent, size="3",
                                  color_scheme="red", variant="outline", width="100%", class_name="kw-tap"),
                        width="100%",
                    ),
                ),
                rx.cond(p["last_event"] != "",
                        rx.button(texts.HUISKAMER_ONGEDAAN, on_click=HuiskamerState.undo, size="3", variant="ghost",
                                  color_scheme="gray", class_name="kw-tap")),
                rx.cond(HuiskamerState.notice != "", rx.text(HuiskamerState.notice, role="status", size="2")),
                rx.dialog.close(rx.button(texts.HUISKAMER_SLUITEN, size="3", variant="soft", color_scheme="gray",
                                          width="100%", class_name="kw-tap")),
                spacing="3",
                width="100%",
                margin_top="12px",
            ),
            max_width="480px",
        ),
        open=HuiskamerState.panel_open,
        on_open_change=HuiskamerState.set_panel_open,
    )


def huiskamer_page() -> rx.Component:
    return page_shell(
        rx.vstack(
            rx.heading(HuiskamerState.location_name, size="7", as_="h1"),
            rx.text(HuiskamerState.day_label, color_scheme="gray"),
            rx.cond(~HuiskamerState.is_today, rx.callout(texts.HUISKAMER_ANDERE_DAG, icon="calendar", width="100%")),
            rx.box(
                _count(texts.HUISKAMER_VERWACHT, "verwacht"),
                _count(texts.HUISKAMER_AANWEZIG, "aanwezig"),
                _count(texts.HUISKAMER_OPGEHAALD, "opgehaald"),
                _count(texts.HUISKAMER_AFWEZIG, "afwezig"),
                rx.box(rx.text(HuiskamerState.capacity, size="6", weight="bold"),
                       rx.text(texts.HUISKAMER_CAPACITEIT, size="1"), class_name="kw-count"),
                class_name="kw-counts",
                role="group",
                aria_label="Tellingen",
            ),
            rx.cond(HuiskamerState.error != "",
                    rx.callout(HuiskamerState.error, icon="triangle-alert", color_scheme="red", role="alert",
                               width="100%")),
            rx.cond(HuiskamerState.follow_ups.length() > 0, rx.box(
                rx.heading(texts.HUISKAMER_VERVOLG, size="3", as_="h2"),
                rx.foreach(HuiskamerState.follow_ups, lambda f: rx.hstack(
                    rx.text(f["text"]),
                    rx.button(texts.AFSPRAAK_GEDAAN, size="2", variant="soft", on_click=HuiskamerState.follow_up_done(f["id"]),
                              aria_label=texts.AFSPRAAK_GEDAAN + ": " + f["text"], class_name="kw-tap"),
                    justify="between", align="center", width="100%")),
                class_name="kw-card", width="100%")),
            rx.box(
                rx.el.label(texts.HUISKAMER_ZOEK, html_for="huiskamer-zoek", style=LABEL_STYLE),
                rx.input(id="huiskamer-zoek", type="search", value=HuiskamerState.query,
                         on_change=HuiskamerState.search, size="3", width="100%"),
                width="100%",
            ),
            rx.cond(HuiskamerState.children.length() == 0, rx.text(texts.HUISKAMER_GEEN_VERWACHT)),
            rx.box(rx.foreach(HuiskamerState.visible, _tile), class_name="kw-tiles", width="100%"),
            rx.box(
                rx.el.label(texts.HUISKAMER_EXTRA, html_for="huiskamer-extra", style=LABEL_STYLE),
                rx.input(id="huiskamer-extra", type="search", placeholder=texts.HUISKAMER_EXTRA_ZOEK,
                         value=HuiskamerState.extra_query, on_change=HuiskamerState.search_extra.debounce(250),
                         size="3", width="100%"),
                rx.foreach(HuiskamerState.extra_choices, lambda c: rx.button(
                    c["name"], on_click=HuiskamerState.add_extra(c["id"]), variant="surface", size="3",
                    width="100%", class_name="kw-tap", aria_label="Extra dag: " + c["name"])),
                width="100%",
            ),
            _panel(),
            rx.box(on_mount=HuiskamerState.watch, on_unmount=HuiskamerState.stop_watch),
            width="100%",
            spacing="3",
        ),
        active="/",
    )
