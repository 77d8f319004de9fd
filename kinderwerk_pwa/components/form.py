"""Labelled form fields with big tap targets; every input has a visible <label>."""

from __future__ import annotations

import reflex as rx

from .. import texts

INPUT_STYLE = {"width": "100%", "minHeight": "48px", "fontSize": "16px", "padding": "0 12px",
               "borderRadius": "8px", "border": "1px solid var(--gray-7)", "boxSizing": "border-box",
               "background": "white"}
TEXTAREA_STYLE = {**INPUT_STYLE, "padding": "10px 12px"}
LABEL_STYLE = {"fontWeight": 500, "display": "block", "marginBottom": "4px"}
BOX_STYLE = {"width": "22px", "height": "22px"}  # a checkbox or radio button big enough to hit
CHOICE_STYLE = {"display": "flex", "gap": "10px", "alignItems": "center", "minHeight": "44px"}
FIELDSET_STYLE = {"border": "none", "padding": 0, "margin": 0}
# Radio buttons or weekdays side by side.
INLINE_CHOICE_STYLE = {"display": "flex", "alignItems": "center", "gap": "8px", "minHeight": "44px",
                       "paddingRight": "12px"}

# The HTML <select> element, under a name that does not read like a database query.
select_input = rx.el.select


def field_error(message) -> rx.Component:
    # Truthy, not != "": a field without an error is a missing key (undefined) in the page.
    return rx.cond(message, rx.text(message, color_scheme="red", size="2", role="alert"))


def _optional_error(error) -> rx.Component:
    return field_error(error) if error is not None else rx.fragment()


def text_field(label: str, name: str, *, default_value=None, type_: str = "text", error=None,
               hint: str = "", **props) -> rx.Component:
    field_id = props.pop("id", f"veld-{name}")
    return rx.box(
        rx.el.label(label, html_for=field_id, style=LABEL_STYLE),
        rx.el.input(id=field_id, name=name, type=type_, default_value=default_value, style=INPUT_STYLE,
                    **props),
        rx.cond(hint != "", rx.text(hint, size="1", color_scheme="gray")) if hint else rx.fragment(),
        _optional_error(error),
        width="100%",
    )


def textarea_field(label: str, name: str, *, error=None, hint: str = "", rows: int = 4,
                   **props) -> rx.Component:
    field_id = props.pop("id", f"veld-{name}")
    return rx.box(
        rx.el.label(label, html_for=field_id, style=LABEL_STYLE),
        rx.el.textarea(id=field_id, name=name, rows=rows, style=TEXTAREA_STYLE, **props),
        rx.text(hint, size="1", color_scheme="gray") if hint else rx.fragment(),
        _optional_error(error),
        width="100%",
    )


def select_field(label: str, name: str, options: list[tuple[str, str]], *, default_value=None,
                 error=None, **props) -> rx.Component:
    field_id = props.pop("id", f"veld-{name}")
    return rx.box(
        rx.el.label(label, html_for=field_id, style=LABEL_STYLE),
        select_input(
            *[rx.el.option(text, value=value) for value, text in options],
            id=field_id, name=name, default_value=default_value, style=INPUT_STYLE, **props,
        ),
        _optional_error(error),
        width="100%",
    )


def var_select_field(label: str, field_id: str, options, *, first=None, error=None,
                     box_props: dict | None = None, **props) -> rx.Component:
    """A select over a state list of {"id", "label"} rows (`first`: an option before them)."""
    return rx.box(
        rx.el.label(label, html_for=field_id, style=LABEL_STYLE),
        select_input(*([first] if first is not None else []),
                     rx.foreach(options, lambda o: rx.el.option(o["label"], value=o["id"])),
                     id=field_id, style=INPUT_STYLE, **props),
        _optional_error(error),
        **(box_props or {"width": "100%"}),
    )


def choice(text, name, *, type_: str = "checkbox", style: dict | None = None, **props) -> rx.Component:
    """A checkbox or radio button inside its label, so the whole row is the tap target."""
    return rx.el.label(rx.el.input(type=type_, name=name, style=BOX_STYLE, **props), text,
                       style=style or CHOICE_STYLE)


def submit_and_cancel(save_label: str, on_cancel, size: str = "3", **props) -> rx.Component:
    return rx.hstack(
        rx.button(save_label, type="submit", size=size, class_name="kw-tap"),
        rx.button(texts.ANNULEREN, type="button", variant="soft", color_scheme="gray", size=size,
                  on_click=on_cancel, class_name="kw-tap"),
        **props,
    )


def checkbox_group(legend: str, items, prefix: str, *, label_key: str = "label", checked=None, error=None,
                   **style) -> rx.Component:
    """A fieldset of checkboxes over a state list of rows with an "id"; each is named prefix + id.
    checked: row -> whether it starts ticked (default: none is)."""
    return rx.el.fieldset(
        rx.el.legend(legend, style=LABEL_STYLE),
        rx.foreach(items, lambda item: choice(item[label_key], prefix + item["id"],
                                              default_checked=checked(item) if checked else False)),
        _optional_error(error),
        style={**FIELDSET_STYLE, **style},
    )


def radio_group(legend: str, name: str, options, *, default: str = "", error=None,
                choice_style: dict | None = None) -> rx.Component:
    """One choice of a few, side by side; options are (value, text) pairs."""
    return rx.el.fieldset(
        rx.el.legend(legend, style=LABEL_STYLE),
        rx.flex(*[choice(text, name, type_="radio", value=value, default_checked=value == default,
                         style=choice_style or INLINE_CHOICE_STYLE) for value, text in options], wrap="wrap"),
        _optional_error(error),
        style={**FIELDSET_STYLE, "width": "100%"},
    )


def card_form(*fields, on_submit, key, spacing: str = "3", class_name: str | None = "kw-card",
              **style) -> rx.Component:
    """A form in a card: its fields in a column. key: bump it to clear the fields (a new form)."""
    return rx.el.form(rx.vstack(*fields, spacing=spacing, width="100%"), on_submit=on_submit, key=key,
                      class_name=class_name, style={"width": "100%", **style})


def search_field(label: str, field_id: str, value, on_change, *below, **props) -> rx.Component:
    """A search box that filters as one types (on_change is usually debounced); `below`: its results."""
    return rx.box(
        rx.el.label(label, html_for=field_id, style=LABEL_STYLE),
        rx.input(id=field_id, type="search", value=value, on_change=on_change, size="3", width="100%", **props),
        *below,
        width="100%",
    )
