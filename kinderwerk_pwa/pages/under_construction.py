"""Pages whose feature is a later issue: they say so honestly instead of showing fake content."""

from __future__ import annotations

import reflex as rx

from .. import texts
from ..components.layout import page_shell


def not_yet(title: str, active: str):
    def page() -> rx.Component:
        return page_shell(
            rx.vstack(
                rx.heading(title, size="7", as_="h1"),
                rx.callout(texts.NOG_NIET_BESCHIKBAAR, icon="info", color_scheme="gray"),
                spacing="4",
                width="100%",
            ),
            active=active,
        )

    return page
