"""The page's messages: an error (role alert) and a notice that something was saved (role status).
Shown only when there is something to say."""

from __future__ import annotations

import reflex as rx


def error_callout(message, **props) -> rx.Component:
    return rx.cond(message != "", rx.callout(message, icon="triangle-alert", color_scheme="red",
                                             role="alert", **props))


def notice_callout(message, **props) -> rx.Component:
    return rx.cond(message != "", rx.callout(message, icon="check", color_scheme="teal", role="status",
                                             **props))
