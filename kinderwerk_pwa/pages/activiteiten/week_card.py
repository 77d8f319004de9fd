"""The teamleider's card on Overzicht: this week's activities at her locations and the ones that are
over but not yet registered (rapportage.activity_reach.week_activities). Each opens its sheet."""

from __future__ import annotations

from datetime import date

import reflex as rx

from ... import texts
from ...domain.rapportage.activity_reach import week_activities
from .rows import item_row, status_badge


def week_card_rows(actor, db, location_ids: list[int], today: date) -> tuple[list[dict], list[dict]]:
    """(this week's rows, not yet registered rows) for these locations."""
    if not location_ids:
        return [], []
    week = week_activities(actor, db, location_ids, today)
    return [item_row(it, today) for it in week.items], [item_row(it, today) for it in week.not_registered]


def _line(row) -> rx.Component:
    return rx.link(
        rx.hstack(
            rx.text(row["when"], size="2", weight="bold", white_space="nowrap"),
            rx.text(row["title"] + " · " + row["where"], size="2", flex="1"),
            status_badge(row),
            align="center", spacing="3", width="100%", wrap="wrap",
        ),
        href="/activiteit/" + row["id"], class_name="kw-week-line", underline="none", color="inherit", width="100%",
    )


def week_card(items, not_registered) -> rx.Component:
    return rx.box(
        rx.hstack(
            rx.heading(texts.OVERZICHT_ACTIVITEITEN, size="5", as_="h2"),
            rx.link(texts.ACTIVITEITEN_NAAR_MAAND, href="/activiteiten/maand", class_name="kw-tap",
                    style={"display": "flex", "alignItems": "center"}),
            justify="between", align="center", width="100%", wrap="wrap",
        ),
        rx.heading(texts.OVERZICHT_ACTIVITEITEN_OPEN + " (", not_registered.length().to_string(), ")", size="3",
                   as_="h3", margin_top="8px", color_scheme=rx.cond(not_registered.length() > 0, "orange", "gray")),
        rx.cond(not_registered.length() > 0,
                rx.vstack(rx.foreach(not_registered, _line), width="100%", spacing="1"),
                rx.text(texts.OVERZICHT_ACTIVITEITEN_ALLES, size="2", color_scheme="gray")),
        rx.heading(texts.OVERZICHT_ACTIVITEITEN_WEEK + " (", items.length().to_string(), ")", size="3", as_="h3",
                   margin_top="12px"),
        rx.cond(items.length() > 0,
                rx.vstack(rx.foreach(items, _line), width="100%", spacing="1"),
                rx.text(texts.OVERZICHT_ACTIVITEITEN_GEEN, size="2", color_scheme="gray")),
        class_name="kw-card", width="100%",
    )
