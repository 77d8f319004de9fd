"""Signaal vastleggen on a phone: child (recent first, search, or unknown), category, facts, save.

For a known child: Signaal (1) -> child (2) -> category (3) -> type what you saw -> save (4).
"""

from __future__ import annotations

import reflex as rx

from ... import texts
from ...components.form import search_field
from ...components.layout import page
from ...components.messages import error_callout
from .details import acute_guidance, details
from .state import SignaalState

__all__ = ["SignaalState", "signaal_page"]


def _choose_child() -> rx.Component:
    return rx.vstack(
        rx.heading(texts.SIGNAAL_KIES_KIND, size="5", as_="h2"),
        search_field(texts.SIGNAAL_ZOEK_KIND, "signaal-zoek", SignaalState.query, SignaalState.search.debounce(200)),
        rx.cond(SignaalState.query == "", rx.text(texts.SIGNAAL_RECENT, size="2", color_scheme="gray")),
        rx.vstack(
            rx.foreach(SignaalState.choices, lambda c: rx.button(
                rx.hstack(rx.text(c["name"], weight="medium"), rx.text(c["detail"], size="2", color_scheme="gray"),
                          justify="between", width="100%"),
                on_click=SignaalState.choose(c["id"], c["name"], c["location_id"]),
                variant="surface", size="4", width="100%", class_name="kw-tap",
                # Named by what it shows (name and age: WCAG 2.5.3); the bare name for the tests.
                data_child_name=c["name"],
            )),
            width="100%",
            spacing="2",
        ),
        rx.button(texts.SIGNAAL_ONBEKEND_KIND, on_click=SignaalState.choose_unknown, variant="outline",
                  size="4", width="100%", class_name="kw-tap"),
        width="100%",
        spacing="3",
    )


def _done() -> rx.Component:
    return rx.vstack(
        rx.callout(texts.SIGNAAL_OPGESLAGEN, icon="check", color_scheme="teal", role="status", width="100%"),
        rx.cond(SignaalState.acute, acute_guidance()),
        rx.cond(SignaalState.accumulation != "",
                rx.callout(SignaalState.accumulation, icon="layers", color_scheme="amber", width="100%")),
        rx.link(rx.button(texts.SIGNAAL_BEKIJK, size="4", width="100%", variant="outline", class_name="kw-tap"),
                href="/signalen/" + SignaalState.saved_id, width="100%"),
        rx.button(texts.SIGNAAL_NOG_EEN, size="4", width="100%", on_click=SignaalState.again, class_name="kw-tap"),
        width="100%",
        spacing="3",
    )


def signaal_page() -> rx.Component:
    return page(
        texts.SIGNAAL_TITEL,
        rx.match(
            SignaalState.step,
            ("kind", rx.vstack(error_callout(SignaalState.error, width="100%"), _choose_child(), width="100%")),
            ("details", details()),
            _done(),
        ),
        active="/signaal",
        spacing="4",
        max_width="640px",
    )
