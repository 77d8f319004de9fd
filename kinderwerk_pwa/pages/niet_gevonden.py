"""The page for an address that does not exist (Reflex's 404 route), in Dutch."""

from __future__ import annotations

import reflex as rx

from .. import texts
from .login import login_frame


def niet_gevonden_page() -> rx.Component:
    return login_frame(
        rx.heading(texts.NIET_GEVONDEN_TITEL, size="6", as_="h1"),
        rx.text(texts.NIET_GEVONDEN_UITLEG),
        rx.el.a(texts.NIET_GEVONDEN_TERUG, href="/", class_name="kw-linkbutton"),
    )
