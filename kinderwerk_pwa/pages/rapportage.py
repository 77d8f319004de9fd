"""Rapportage for the municipality (desktop): any period and set of locations; aggregates only, small
cells suppressed; download as XLSX or CSV, or print to PDF."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from typing import Any

import reflex as rx

from .. import texts
from ..components.form import LABEL_STYLE, text_field
from ..components.layout import page_shell
from ..components.native_form import native_form
from ..db import session_scope
from ..domain.common.errors import DomainError, InvalidInput
from ..domain.rapportage import reports
from ..domain.signalering.signal_catalog import categories
from ..domain.toegang.locations import my_locations_today
from ..state.session import SessionState


@dataclasses.dataclass
class TableView:
    title: str = ""
    columns: list[str] = dataclasses.field(default_factory=list)
    rows: list[list[str]] = dataclasses.field(default_factory=list)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


TREND_CATEGORIES = [c.label for c in categories()]


class RapportageState(SessionState):
    locations: list[dict[str, str]] = []
    chosen: list[str] = []
    start: str = ""
    end: str = ""
    tables: list[TableView] = []
    weekly: list[dict[str, Any]] = []
    monthly: list[dict[str, Any]] = []
    error: str = ""
    form_key: int = 0

    def _make(self, db, actor) -> None:
        start, end = date.fromisoformat(self.start), date.fromisoformat(self.end)
        result = reports.report(actor, db, [int(i) for i in self.chosen], start, end)
        self.tables = [TableView(t.title, list(t.columns), [[_cell(c) for c in row] for row in t.rows])
                       for t in result.tables()]
        trend = reports.trends(actor, db, [int(i) for i in self.chosen], start, end)
        weeks: dict[str, float] = {w: 0 for w in trend.weeks}
        for series in trend.attendance_per_week:
            for x, value in series.points:
                weeks[x] = weeks.get(x, 0) + (value or 0)
        self.weekly = [{"week": w, "dagen": v} for w, v in weeks.items()]
        monthly = {m: {"maand": m} for m in trend.months}
        for series in trend.signals_per_month:
            for x, value in series.points:
                monthly.setdefault(x, {"maand": x})[series.label] = value or 0
        for x, value in trend.waitlist_per_month.points:
            monthly.setdefault(x, {"maand": x})["wachtlijst"] = value or 0
        for x, value in trend.goals_improving.points:
            monthly.setdefault(x, {"maand": x})["leerdoelen vooruit (%)"] = round(100 * value) if value is not None else 0
        self.monthly = list(monthly.values())

    @rx.event
    def load(self):
        self.error, self.tables = "", []
        today = self.today()
        self.end = (today.replace(day=1) - timedelta(days=1)).isoformat()
        self.start = date.fromisoformat(self.end).replace(day=1).isoformat()
        with session_scope() as db:
            actor = self._actor(db)
            if actor is None:
                return rx.redirect("/login")
            self._show_user(actor)
            self.locations = [{"id": str(r.id), "name": r.name} for r in my_locations_today(actor, db, today)]
            self.chosen = [loc["id"] for loc in self.locations]
            try:
                self._make(db, actor)
            except DomainError as exc:
                self.error, self.tables = exc.message, []
        self.form_key += 1
        return None

    @rx.event
    def make(self, form: dict):
        self.error = ""
        self.chosen = [k.removeprefix("loc_") for k, v in form.items() if k.startswith("loc_") and v]
        self.start, self.end = str(form.get("start", "")), str(form.get("end", ""))
        if not self.chosen:
            self.error, self.tables = texts.RAPPORT_GEEN_LOCATIES, []
            return None
        with session_scope() as db:
            actor = self._actor(db)
            if actor is None:
                return rx.redirect("/login")
            try:
                self._make(db, actor)
            except (InvalidInput, DomainError) as exc:
                self.error, self.tables = exc.message, []
            except ValueError:
                self.error, self.tables = texts.FOUT_DATUM, []
        return None


def _table(table: TableView) -> rx.Component:
    return rx.box(
        rx.heading(table.title, size="3", as_="h2", margin_y="8px"),
        rx.el.table(
            rx.el.thead(rx.el.tr(rx.foreach(table.columns, lambda c: rx.el.th(c, scope="col")))),
            rx.el.tbody(rx.foreach(table.rows, lambda row: rx.el.tr(rx.foreach(row, lambda c: rx.el.td(c))))),
            class_name="kw-report-table",
        ),
        width="100%",
    )


def _charts() -> rx.Component:
    return rx.box(
        rx.heading(texts.RAPPORT_TRENDS, size="3", as_="h2"),
        rx.recharts.line_chart(
            rx.recharts.line(data_key="dagen", name="aanwezigheidsdagen", stroke="#0d7a6f"),
            rx.recharts.x_axis(data_key="week"), rx.recharts.y_axis(), rx.recharts.tooltip(),
            data=RapportageState.weekly, width="100%", height=220,
        ),
        rx.heading("Signalen per categorie per maand", size="3", as_="h2"),
        rx.recharts.bar_chart(
            *[rx.recharts.bar(data_key=label, stack_id="s", fill=color) for label, color in
              zip(TREND_CATEGORIES, ["#0d7a6f", "#3e63dd", "#e5484d", "#f76b15", "#8e4ec6", "#ffc53d",
                                     "#12a594", "#e93d82", "#6e56cf", "#978365"], strict=False)],
            rx.recharts.x_axis(data_key="maand"), rx.recharts.y_axis(), rx.recharts.tooltip(), rx.recharts.legend(),
            data=RapportageState.monthly, width="100%", height=260,
        ),
        rx.heading("Wachtlijst en leerdoelen per maand", size="3", as_="h2"),
        rx.recharts.line_chart(
            rx.recharts.line(data_key="wachtlijst", stroke="#f76b15"),
            rx.recharts.line(data_key="leerdoelen vooruit (%)", stroke="#0d7a6f"),
            rx.recharts.x_axis(data_key="maand"), rx.recharts.y_axis(), rx.recharts.tooltip(), rx.recharts.legend(),
            data=RapportageState.monthly, width="100%", height=220,
        ),
        class_name="kw-card kw-charts", width="100%",
    )


def _download(kind: str, label: str) -> rx.Component:
    # A plain GET form: the browser must really fetch the file (Reflex links route client-side).
    return native_form(
        rx.el.input(type="hidden", name="formaat", value=kind),
        rx.el.input(type="hidden", name="van", value=RapportageState.start),
        rx.el.input(type="hidden", name="tot", value=RapportageState.end),
        rx.el.input(type="hidden", name="locaties", value=RapportageState.chosen.join(",")),
        rx.el.button(label, type="submit", class_name="kw-linkbutton", style={"padding": "0 16px"}),
        action="/api/rapportage/export",
        method="get",
    )


def rapportage_page() -> rx.Component:
    return page_shell(
        rx.vstack(
            rx.heading(texts.RAPPORT_TITEL, size="7", as_="h1"),
            rx.el.form(
                rx.vstack(
                    rx.hstack(
                        text_field(texts.RAPPORT_VAN, "start", type_="date", default_value=RapportageState.start),
                        text_field(texts.RAPPORT_TOT, "end", type_="date", default_value=RapportageState.end),
                        width="100%", wrap="wrap",
                    ),
                    rx.el.fieldset(
                        rx.el.legend(texts.RAPPORT_KIES_LOCATIES, style=LABEL_STYLE),
                        rx.foreach(RapportageState.locations, lambda loc: rx.el.label(
                            rx.el.input(type="checkbox", name="loc_" + loc["id"], default_checked=True,
                                        style={"width": "22px", "height": "22px"}),
                            loc["name"],
                            style={"display": "flex", "gap": "10px", "alignItems": "center", "minHeight": "44px"})),
                        style={"border": "none", "padding": 0, "margin": 0},
                    ),
                    rx.button(texts.RAPPORT_MAKEN, type="submit", size="3", class_name="kw-tap"),
                    spacing="3", width="100%",
                ),
                on_submit=RapportageState.make, key=RapportageState.form_key, class_name="kw-card kw-noprint",
                style={"width": "100%"},
            ),
            rx.cond(RapportageState.error != "",
                    rx.callout(RapportageState.error, icon="triangle-alert", color_scheme="red", role="alert")),
            rx.cond(RapportageState.tables.length() > 0, rx.hstack(
                _download("xlsx", texts.RAPPORT_EXPORT_XLSX),
                _download("csv", texts.RAPPORT_EXPORT_CSV),
                rx.button(texts.RAPPORT_PRINT, size="3", variant="outline", class_name="kw-tap",
                          on_click=rx.call_script("window.print()")),
                class_name="kw-noprint", width="100%", wrap="wrap")),
            rx.foreach(RapportageState.tables, _table),
            rx.cond(RapportageState.weekly.length() > 0, _charts()),
            width="100%", spacing="3",
        ),
        active="/meer",
    )
