"""Rapportage for the municipality (desktop): any period and set of locations; aggregates only, small
cells suppressed; download as XLSX or CSV, or print to PDF."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from typing import Any

import reflex as rx

from .. import texts
from ..components.charts import data_table
from ..components.form import card_form, checkbox_group, text_field
from ..components.layout import page
from ..components.messages import error_callout
from ..components.native_form import native_form
from ..domain.rapportage import reports
from ..domain.rapportage.activity_reach import activity_reach
from ..domain.signalering.signal_catalog import categories
from ..domain.toegang.locations import my_locations_today
from ..state.page import PageState
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


class RapportageState(PageState, SessionState):
    locations: list[dict[str, str]] = []
    chosen: list[str] = []
    start: str = ""
    end: str = ""
    tables: list[TableView] = []
    activity_tables: list[TableView] = []  # activities and reach (domain/rapportage/activity_reach)
    weekly: list[dict[str, Any]] = []
    monthly: list[dict[str, Any]] = []
    form_key: int = 0

    def _reload(self, db, actor) -> None:
        start, end = date.fromisoformat(self.start), date.fromisoformat(self.end)
        result = reports.report(actor, db, [int(i) for i in self.chosen], start, end)
        self.tables = [TableView(t.title, list(t.columns), [[_cell(c) for c in row] for row in t.rows])
                       for t in result.tables()]
        reach = activity_reach(actor, db, [int(i) for i in self.chosen], start, end)
        self.activity_tables = [TableView(t.title, list(t.columns), [[_cell(c) for c in row] for row in t.rows])
                                for t in reach.tables()]
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

    def _clear_page(self) -> None:
        self.tables, self.activity_tables = [], []

    def _show_invalid(self, exc, db, actor) -> None:
        # No report for a period the domain refuses: not the previous one under the new dates.
        super()._show_invalid(exc, db, actor)
        self.tables, self.activity_tables = [], []

    def _offer_locations(self, actor, db) -> None:
        self.locations = [{"id": str(r.id), "name": r.name} for r in my_locations_today(actor, db, self.today())]
        self.chosen = [loc["id"] for loc in self.locations]

    @rx.event
    def load(self):
        self.tables, self.activity_tables = [], []
        self.end = (self.today().replace(day=1) - timedelta(days=1)).isoformat()
        self.start = date.fromisoformat(self.end).replace(day=1).isoformat()
        self.form_key += 1
        return self._run(self._offer_locations)

    @rx.event
    def make(self, form: dict):
        self.chosen = [k.removeprefix("loc_") for k, v in form.items() if k.startswith("loc_") and v]
        self.start, self.end = str(form.get("start", "")), str(form.get("end", ""))
        problem = texts.RAPPORT_GEEN_LOCATIES if not self.chosen else self._unreadable()
        if problem:
            self.error, self.tables, self.activity_tables = problem, [], []
            return None
        return self._run()

    def _unreadable(self) -> str:
        """Dates (and location ids) that are not what the form sends."""
        try:
            date.fromisoformat(self.start), date.fromisoformat(self.end), [int(i) for i in self.chosen]
        except ValueError:
            return texts.FOUT_DATUM
        return ""


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


def _axes(x_key: str, x_label: str, y_label: str) -> list[rx.Component]:
    """Labelled axes (WCAG 1.1.1: what the chart shows is named on it)."""
    return [rx.recharts.x_axis(data_key=x_key, label={"value": x_label, "position": "insideBottom", "offset": -4}),
            rx.recharts.y_axis(label={"value": y_label, "angle": -90, "position": "insideLeft"})]


def _charts() -> rx.Component:
    """The trend charts; each followed by its figures as a table (the text alternative)."""
    # Recharts' keyboard layer makes the picture a focus stop that says nothing: the tables do.
    quiet = {"custom_attrs": {"accessibilityLayer": False}, "margin": {"top": 8, "right": 8, "bottom": 16, "left": 8}}
    categories_cols = [("maand", texts.GRAFIEK_AS_MAAND)] + [(c, c) for c in TREND_CATEGORIES]
    return rx.box(
        rx.heading(texts.RAPPORT_TRENDS, size="3", as_="h2"),
        rx.recharts.line_chart(
            rx.recharts.line(data_key="dagen", name="aanwezigheidsdagen", stroke="#0d7a6f", is_animation_active=False),
            *_axes("week", texts.GRAFIEK_AS_WEEK, texts.GRAFIEK_AS_DAGEN_KORT), rx.recharts.tooltip(),
            data=RapportageState.weekly, width="100%", height=240, **quiet,
        ),
        data_table(RapportageState.weekly, [("week", texts.GRAFIEK_AS_WEEK), ("dagen", texts.GRAFIEK_AS_DAGEN)]),
        rx.heading("Signalen per categorie per maand", size="3", as_="h2"),
        rx.recharts.bar_chart(
            *[rx.recharts.bar(data_key=label, stack_id="s", fill=color, is_animation_active=False) for label, color in
              zip(TREND_CATEGORIES, ["#0d7a6f", "#3e63dd", "#e5484d", "#f76b15", "#8e4ec6", "#ffc53d",
                                     "#12a594", "#e93d82", "#6e56cf", "#978365"], strict=False)],
            *_axes("maand", texts.GRAFIEK_AS_MAAND, texts.GRAFIEK_AS_AANTAL), rx.recharts.tooltip(),
            rx.recharts.legend(vertical_align="top"),
            data=RapportageState.monthly, width="100%", height=280, **quiet,
        ),
        data_table(RapportageState.monthly, categories_cols),
        rx.heading("Wachtlijst en leerdoelen per maand", size="3", as_="h2"),
        rx.recharts.line_chart(
            rx.recharts.line(data_key="wachtlijst", stroke="#f76b15", is_animation_active=False),
            rx.recharts.line(data_key="leerdoelen vooruit (%)", stroke="#0d7a6f", is_animation_active=False),
            *_axes("maand", texts.GRAFIEK_AS_MAAND, texts.GRAFIEK_AS_AANTAL), rx.recharts.tooltip(),
            rx.recharts.legend(vertical_align="top"),
            data=RapportageState.monthly, width="100%", height=240, **quiet,
        ),
        data_table(RapportageState.monthly, [("maand", texts.GRAFIEK_AS_MAAND), ("wachtlijst", "wachtlijst"),
                                             ("leerdoelen vooruit (%)", "leerdoelen vooruit (%)")]),
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
    return page(
        texts.RAPPORT_TITEL,
        card_form(
            rx.hstack(
                text_field(texts.RAPPORT_VAN, "start", type_="date", default_value=RapportageState.start),
                text_field(texts.RAPPORT_TOT, "end", type_="date", default_value=RapportageState.end),
                width="100%", wrap="wrap",
            ),
            checkbox_group(texts.RAPPORT_KIES_LOCATIES, RapportageState.locations, "loc_", label_key="name",
                           checked=lambda loc: True),
            rx.button(texts.RAPPORT_MAKEN, type="submit", size="3", class_name="kw-tap"),
            on_submit=RapportageState.make, key=RapportageState.form_key, class_name="kw-card kw-noprint",
        ),
        error_callout(RapportageState.error),
        rx.cond(RapportageState.tables.length() > 0, rx.hstack(
            _download("xlsx", texts.RAPPORT_EXPORT_XLSX),
            _download("csv", texts.RAPPORT_EXPORT_CSV),
            rx.button(texts.RAPPORT_PRINT, size="3", variant="outline", class_name="kw-tap",
                      on_click=rx.run_script("window.print()")),
            class_name="kw-noprint", width="100%", wrap="wrap")),
        rx.foreach(RapportageState.tables, _table),
        rx.cond(RapportageState.activity_tables.length() > 0, rx.box(
            rx.heading(texts.RAPPORT_ACTIVITEITEN, size="5", as_="h2", margin_top="16px"),
            rx.text(texts.BEREIK_ACT_UITLEG, size="2", color_scheme="gray"),
            rx.foreach(RapportageState.activity_tables, _table),
            width="100%")),
        rx.cond(RapportageState.weekly.length() > 0, _charts()),
        active="/meer",
        spacing="3",
    )
