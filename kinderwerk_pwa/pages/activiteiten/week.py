"""Activiteiten: the week of one location on a phone (a location picker when she has several,
previous and next week). Each activity opens its field sheet. ?locatie=3&week=2026-06-01 opens a
given location and week."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import reflex as rx

from ... import texts
from ...components.form import var_select_field
from ...components.layout import page
from ...components.messages import error_callout
from ...domain.activiteiten.programme import week_programme, week_start
from ...domain.toegang.locations import my_locations_today
from ...state.page import PageState
from ...state.session import SessionState
from .rows import ACTIVE, day_label, item_card, item_row, short_day


@dataclasses.dataclass
class DayView:
    label: str = ""
    today: bool = False
    rows: list[dict[str, str]] = dataclasses.field(default_factory=list)


def week_label(monday: date) -> str:
    return texts.ACTIVITEITEN_WEEK.format(nr=monday.isocalendar().week, van=short_day(monday),
                                          tot=short_day(monday + timedelta(days=6)))


class WeekState(PageState, SessionState):
    locations: list[dict[str, str]] = []
    location_id: str = ""
    monday: str = ""
    label: str = ""
    days: list[DayView] = []
    count: int = 0
    loaded: bool = False

    def _reload(self, db, actor) -> None:
        if not self.location_id:
            return
        week = week_programme(actor, db, int(self.location_id), date.fromisoformat(self.monday))
        today = self.today()
        self.label = week_label(week.week_start)
        self.days = [DayView(day_label(day, today), day == today, [item_row(it, today) for it in items])
                     for day, items in week.days if items]
        self.count = sum(len(d.rows) for d in self.days)
        self.loaded = True

    def _clear_page(self) -> None:
        self.days, self.count = [], 0

    def _offer_locations(self, actor, db) -> None:
        self.locations = [{"id": str(r.id), "label": r.name} for r in my_locations_today(actor, db, self.today())]
        ids = [loc["id"] for loc in self.locations]
        wanted = self.router.url.query_parameters.get("locatie", "")
        if wanted in ids:
            self.location_id = wanted
        elif self.location_id not in ids:
            self.location_id = ids[0] if ids else ""
        self.loaded = not ids

    @rx.event
    def load(self):
        self.days, self.count, self.loaded = [], 0, False
        raw = self.router.url.query_parameters.get("week", "")
        try:
            day = date.fromisoformat(raw) if raw else self.today()
        except ValueError:
            day = self.today()
        self.monday = week_start(day).isoformat()
        return self._run(self._offer_locations)

    @rx.event
    def set_location(self, location_id: str):
        # Only an id travels; the domain decides whether she may see that location.
        self.location_id = str(location_id) if str(location_id).isdigit() else ""
        return self._run()

    def _move(self, days: int):
        self.monday = (date.fromisoformat(self.monday) + timedelta(days=days)).isoformat()
        return self._run()

    @rx.event
    def previous_week(self):
        return self._move(-7)

    @rx.event
    def next_week(self):
        return self._move(7)

    @rx.event
    def this_week(self):
        self.monday = week_start(self.today()).isoformat()
        return self._run()

    @rx.var
    def is_this_week(self) -> bool:
        return self.monday == week_start(self.today()).isoformat()


def period_nav(label, on_previous, on_next, previous_label: str, next_label: str) -> rx.Component:
    """‹ label ›: two big arrows around the period shown."""
    return rx.hstack(
        rx.icon_button(rx.icon("chevron-left"), on_click=on_previous, size="4", variant="soft",
                       aria_label=previous_label, class_name="kw-tap"),
        rx.text(label, weight="bold", text_align="center", flex="1", role="status"),
        rx.icon_button(rx.icon("chevron-right"), on_click=on_next, size="4", variant="soft",
                       aria_label=next_label, class_name="kw-tap"),
        align="center", width="100%", spacing="2",
    )


def _day(day: DayView) -> rx.Component:
    return rx.vstack(
        rx.heading(day.label, size="3", as_="h2", color_scheme=rx.cond(day.today, "teal", "gray")),
        rx.foreach(day.rows, lambda row: item_card(row)),
        width="100%", spacing="2",
    )


def week_page() -> rx.Component:
    return page(
        texts.ACTIVITEITEN_TITEL,
        error_callout(WeekState.error, width="100%"),
        rx.cond(WeekState.locations.length() > 1,
                var_select_field(texts.ACTIVITEITEN_LOCATIE, "activiteiten-locatie", WeekState.locations,
                                 value=WeekState.location_id, on_change=WeekState.set_location)),
        period_nav(WeekState.label, WeekState.previous_week, WeekState.next_week,
                   texts.ACTIVITEITEN_VORIGE_WEEK, texts.ACTIVITEITEN_VOLGENDE_WEEK),
        rx.hstack(
            rx.cond(~WeekState.is_this_week,
                    rx.button(texts.ACTIVITEITEN_DEZE_WEEK, on_click=WeekState.this_week, variant="soft",
                              size="3", class_name="kw-tap")),
            rx.link(rx.button(rx.icon("plus", aria_hidden="true"), texts.ACTIVITEITEN_PLANNEN, size="3",
                              class_name="kw-tap"),
                    href="/activiteiten/plannen?locatie=" + WeekState.location_id),
            rx.link(rx.button(rx.icon("calendar-days", aria_hidden="true"), texts.ACTIVITEITEN_NAAR_MAAND,
                              size="3", variant="outline", class_name="kw-tap"), href="/activiteiten/maand"),
            wrap="wrap", spacing="2", width="100%",
        ),
        rx.cond(WeekState.loaded & (WeekState.count == 0) & (WeekState.error == ""),
                rx.text(rx.cond(WeekState.locations.length() > 0, texts.ACTIVITEITEN_GEEN_WEEK,
                                texts.ACTIVITEITEN_GEEN_LOCATIES), color_scheme="gray")),
        rx.foreach(WeekState.days, _day),
        active=ACTIVE,
        spacing="3",
        max_width="720px",
    )
