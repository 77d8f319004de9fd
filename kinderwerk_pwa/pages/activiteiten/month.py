"""Activiteiten per maand (desktop): a calendar of one month over all of her locations or one of
them; each activity opens its field sheet. On a phone the calendar folds into a list of the days
that have activities."""

from __future__ import annotations

import calendar
import dataclasses
from datetime import date, timedelta

import reflex as rx

from ... import texts
from ...components.form import var_select_field
from ...components.layout import page
from ...components.messages import error_callout
from ...domain.activiteiten.programme import month_programme, week_start
from ...domain.toegang.locations import my_locations_today
from ...state.page import PageState
from ...state.session import SessionState
from .rows import ACTIVE, STATUS_COLORS, item_row, short_day
from .week import period_nav


@dataclasses.dataclass
class DayCell:
    number: str = ""
    label: str = ""  # "ma 2 jun", for the list on a phone
    in_month: bool = True
    today: bool = False
    rows: list[dict[str, str]] = dataclasses.field(default_factory=list)


def month_cells(year: int, month: int, by_day: dict, today: date) -> list[DayCell]:
    """Whole weeks (Monday to Sunday) around the month, each day with its activity rows."""
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    day, cells = week_start(first), []
    while day <= last + timedelta(days=(6 - last.weekday())):
        cells.append(DayCell(str(day.day), short_day(day), day.month == month, day == today,
                             [item_row(it, today) for it in by_day.get(day, [])]))
        day += timedelta(days=1)
    return cells


class MonthState(PageState, SessionState):
    locations: list[dict[str, str]] = []
    location_id: str = ""  # "" = all of her locations
    year: int = 2000
    month: int = 1
    label: str = ""
    cells: list[DayCell] = []
    count: int = 0
    loaded: bool = False

    def _reload(self, db, actor) -> None:
        ids = [int(self.location_id)] if self.location_id else None
        programme = month_programme(actor, db, ids, self.year, self.month)
        self.label = f"{texts.MONTHS[self.month]} {self.year}"
        self.cells = month_cells(self.year, self.month, programme.by_day(), self.today())
        self.count = len(programme.items)
        self.loaded = True

    def _clear_page(self) -> None:
        self.cells, self.count = [], 0

    def _offer_locations(self, actor, db) -> None:
        self.locations = [{"id": str(r.id), "label": r.name} for r in my_locations_today(actor, db, self.today())]

    @rx.event
    def load(self):
        today = self.today()
        self.year, self.month, self.cells, self.loaded = today.year, today.month, [], False
        self.label = f"{texts.MONTHS[self.month]} {self.year}"
        return self._run(self._offer_locations)

    @rx.event
    def set_location(self, location_id: str):
        # "" = all of her locations; any other id is checked by the domain.
        self.location_id = str(location_id) if str(location_id).isdigit() else ""
        return self._run()

    def _move(self, step: int):
        index = self.year * 12 + (self.month - 1) + step
        self.year, self.month = index // 12, index % 12 + 1
        return self._run()

    @rx.event
    def previous_month(self):
        return self._move(-1)

    @rx.event
    def next_month(self):
        return self._move(1)


def _entry(row) -> rx.Component:
    return rx.link(
        rx.text(row["time"], size="1", weight="bold"),
        rx.text(row["title"], size="2", weight="medium"),
        rx.cond(MonthState.location_id == "", rx.text(row["location"], size="1", color_scheme="gray")),
        rx.text(row["status_label"], size="1"),
        href="/activiteit/" + row["id"],
        class_name="kw-month-entry",
        data_status=rx.cond(row["open"] == "1", "open", row["status"]),
        underline="none",
    )


def _cell(cell: DayCell) -> rx.Component:
    return rx.box(
        rx.text(cell.number, class_name="kw-month-number", weight="bold", size="2"),
        rx.text(cell.label, class_name="kw-month-label", weight="bold", size="3"),
        rx.foreach(cell.rows, _entry),
        class_name="kw-month-cell",
        data_outside=rx.cond(cell.in_month, "", "1"),
        data_empty=rx.cond(cell.rows.length() > 0, "", "1"),
        data_today=rx.cond(cell.today, "1", ""),
    )


def _legend() -> rx.Component:
    shown = [("gepland", texts.ACTIVITEIT_STATUS_LABELS["gepland"]), ("open", texts.ACTIVITEIT_NIET_GEREGISTREERD),
             ("gerealiseerd", texts.ACTIVITEIT_STATUS_LABELS["gerealiseerd"]),
             ("geannuleerd", texts.ACTIVITEIT_STATUS_LABELS["geannuleerd"]),
             ("verplaatst", texts.ACTIVITEIT_STATUS_LABELS["verplaatst"])]
    return rx.hstack(*[rx.badge(label, color_scheme=STATUS_COLORS.get(code, "orange"), variant="soft")
                       for code, label in shown], wrap="wrap", spacing="2")


def month_page() -> rx.Component:
    return page(
        texts.ACTIVITEITEN_MAAND_TITEL,
        error_callout(MonthState.error, width="100%"),
        rx.hstack(
            rx.cond(MonthState.locations.length() > 1,
                    var_select_field(texts.ACTIVITEITEN_LOCATIE, "maand-locatie", MonthState.locations,
                                     first=rx.el.option(texts.ACTIVITEITEN_ALLE_LOCATIES, value=""),
                                     value=MonthState.location_id, on_change=MonthState.set_location,
                                     box_props={"min_width": "240px", "flex": "1"})),
            rx.link(rx.button(rx.icon("plus", aria_hidden="true"), texts.ACTIVITEITEN_PLANNEN, size="3",
                              class_name="kw-tap"),
                    href="/activiteiten/plannen?locatie=" + MonthState.location_id),
            rx.link(rx.button(rx.icon("list", aria_hidden="true"), texts.ACTIVITEITEN_NAAR_WEEK, size="3",
                              variant="outline", class_name="kw-tap"),
                    href="/activiteiten?locatie=" + MonthState.location_id),
            wrap="wrap", spacing="3", align="end", width="100%",
        ),
        period_nav(MonthState.label, MonthState.previous_month, MonthState.next_month,
                   texts.ACTIVITEITEN_VORIGE_MAAND, texts.ACTIVITEITEN_VOLGENDE_MAAND),
        _legend(),
        rx.cond(MonthState.loaded & (MonthState.count == 0) & (MonthState.error == ""),
                rx.text(texts.ACTIVITEITEN_GEEN_MAAND, color_scheme="gray")),
        rx.box(
            *[rx.text(texts.WEEKDAYS_SHORT[d], class_name="kw-month-head", weight="bold", size="2")
              for d in range(1, 8)],
            rx.foreach(MonthState.cells, _cell),
            class_name="kw-month", width="100%",
        ),
        active=ACTIVE,
        spacing="3",
    )
