"""A card with a heading: one section of a record page."""

from __future__ import annotations

import reflex as rx


def section_card(title: str, *children, size: str = "4") -> rx.Component:
    return rx.box(rx.heading(title, size=size, as_="h2", margin_bottom="6px"), *children, class_name="kw-card",
                  width="100%")
