"""Small charts with labelled axes and a text alternative (WCAG 1.1.1, 1.4.1): the picture is
hidden from assistive technology, the same figures are in the figure's caption or a table."""

from __future__ import annotations

import reflex as rx

from .. import texts


def goal_chart(points, title) -> rx.Component:
    """A goal's evaluations as bars: score (1-5) up, the day of the evaluation along the bottom.
    points: [{"day": "3-2", "score": "4", "height": "56px", "label": "3-2: 4"}, ...]."""
    bars = rx.box(
        rx.foreach(points, lambda p: rx.box(
            rx.text(p["score"], size="1", class_name="kw-chart-value"),
            rx.box(height=p["height"], class_name="kw-chart-bar"),
            rx.text(p["day"], size="1", class_name="kw-chart-tick"),
            class_name="kw-chart-col",
        )),
        class_name="kw-chart-bars",
    )
    return rx.el.figure(
        rx.box(
            rx.text(texts.GRAFIEK_DOEL_AS_SCORE, size="1", class_name="kw-chart-yaxis"),
            rx.box(bars, rx.text(texts.GRAFIEK_DOEL_AS_DATUM, size="1", class_name="kw-chart-xaxis")),
            class_name="kw-chart", aria_hidden="true",
        ),
        rx.el.figcaption(
            rx.text(texts.GRAFIEK_DOEL_SAMENVATTING, as_="span", size="2"),
            rx.el.ul(rx.foreach(points, lambda p: rx.el.li(p["label"])), class_name="kw-inline-list"),
            class_name="kw-chart-caption",
        ),
        class_name="kw-figure-chart",
        aria_label=texts.GRAFIEK_DOEL_NAAM.format(doel="") + title,
    )


def data_table(rows, columns: list[tuple[str, str]]) -> rx.Component:
    """The figures behind a chart, as a table in a disclosure (closed by default)."""
    return rx.el.details(
        rx.el.summary(texts.GRAFIEK_TABEL_TOON, class_name="kw-summary kw-tap"),
        rx.el.table(
            rx.el.thead(rx.el.tr(*[rx.el.th(label, scope="col") for _, label in columns])),
            rx.el.tbody(rx.foreach(rows, lambda row: rx.el.tr(
                *[rx.el.td(row[key].to(str)) for key, _ in columns]))),
            class_name="kw-chart-table",
        ),
    )
