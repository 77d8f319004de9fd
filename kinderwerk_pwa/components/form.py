"""Labelled form fields with big tap targets; every input has a visible <label>."""

from __future__ import annotations

import reflex as rx

INPUT_STYLE = {"width": "100%", "minHeight": "48px", "fontSize": "16px", "padding": "0 12px",
               "borderRadius": "8px", "border": "1px solid var(--gray-7)", "boxSizing": "border-box",
               "background": "white"}
LABEL_STYLE = {"fontWeight": 500, "display": "block", "marginBottom": "4px"}


def field_error(message) -> rx.Component:
    # Truthy, not != "": a field without an error is a missing key (undefined) in the page.
    return rx.cond(message, rx.text(message, color_scheme="red", size="2", role="alert"))


def text_field(label: str, name: str, *, default_value=None, type_: str = "text", error=None,
               hint: str = "", **props) -> rx.Component:
    field_id = props.pop("id", f"veld-{name}")
    return rx.box(
        rx.el.label(label, html_for=field_id, style=LABEL_STYLE),
        rx.el.input(id=field_id, name=name, type=type_, default_value=default_value, style=INPUT_STYLE,
                    **props),
        rx.cond(hint != "", rx.text(hint, size="1", color_scheme="gray")) if hint else rx.fragment(),
        field_error(error) if error is not None else rx.fragment(),
        width="100%",
    )


def select_field(label: str, name: str, options: list[tuple[str, str]], *, default_value=None,
                 error=None, **props) -> rx.Component:
    field_id = props.pop("id", f"veld-{name}")
    return rx.box(
        rx.el.label(label, html_for=field_id, style=LABEL_STYLE),
        rx.el.select(
            *[rx.el.option(text, value=value) for value, text in options],
            id=field_id, name=name, default_value=default_value, style=INPUT_STYLE, **props,
        ),
        field_error(error) if error is not None else rx.fragment(),
        width="100%",
    )
