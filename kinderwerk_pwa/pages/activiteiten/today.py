"""Today's activities on Vandaag: one tap opens an activity's field sheet. The rows come from
programme.my_week (her locations where she may see activities), filtered to today."""

from __future__ import annotations

from datetime import date

import reflex as rx

from ... import texts
from ...domain.activiteiten.programme import my_week
from .rows import item_card, item_row


def today_rows(actor, db, today: date) -> list[dict[str, str]]:
    return [item_row(it, today) for it in my_week(actor, db, today) if it.day == today]


def today_block(rows) -> rx.Component:
    """Shown only when there are activities today."""
    return rx.cond(rows.length() > 0, rx.vstack(
        rx.hstack(
            rx.heading(texts.ACTIVITEITEN_VANDAAG, size="4", as_="h2"),
            rx.link(texts.ACTIVITEITEN_ALLE, href="/activiteiten", size="2", class_name="kw-tap",
                    style={"display": "flex", "alignItems": "center"}),
            justify="between", align="center", width="100%",
        ),
        rx.foreach(rows, lambda row: item_card(row)),
        width="100%", spacing="2",
    ))
