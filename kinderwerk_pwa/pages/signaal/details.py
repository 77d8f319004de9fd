"""The signal itself: categories with examples, what was seen, acute or not, source, place, time."""

from __future__ import annotations

import reflex as rx

from ... import texts
from ...components.form import (
    FIELDSET_STYLE,
    LABEL_STYLE,
    field_error,
    radio_group,
    text_field,
    textarea_field,
    var_select_field,
)
from ...components.messages import error_callout
from ...domain.signalering.signal_catalog import categories
from .state import FACTS_ID, SignaalState, add_example


def _category_chip(code: str, label: str) -> rx.Component:
    chosen = SignaalState.selected.contains(code)
    return rx.button(
        label,
        type="button",
        on_click=SignaalState.toggle_category(code),
        variant=rx.cond(chosen, "solid", "outline"),
        size="3",
        class_name="kw-tap kw-wrap",
        aria_pressed=rx.cond(chosen, "true", "false"),
    )


def _examples() -> rx.Component:
    blocks = []
    for cat in categories():
        blocks.append(rx.cond(
            SignaalState.selected.contains(cat.code),
            rx.flex(*[rx.button(ex, type="button", size="2", variant="soft", color_scheme="gray",
                                on_click=add_example(ex), class_name="kw-tap kw-wrap")
                      for ex in cat.examples], wrap="wrap", gap="2"),
        ))
    return rx.box(rx.text(texts.SIGNAAL_VOORBEELDEN, size="2", color_scheme="gray"), *blocks, width="100%")


def acute_guidance() -> rx.Component:
    return rx.callout.root(
        rx.callout.icon(rx.icon("siren")),
        rx.vstack(
            rx.text(texts.SIGNAAL_ACUUT_UITLEG, weight="bold"),
            rx.el.a(texts.SIGNAAL_BEL_112, href="tel:112", class_name="kw-linkbutton kw-danger"),
            rx.el.a(texts.SIGNAAL_BEL_VT, href="tel:08002000", class_name="kw-linkbutton"),
            rx.text(texts.SIGNAAL_ACUUT_VERVOLG, size="2"),
            width="100%",
        ),
        color_scheme="red",
        role="alert",
        width="100%",
    )


def _unknown_child() -> rx.Component:
    e = SignaalState.errors
    return rx.vstack(
        text_field(texts.SIGNAAL_ONBEKEND_OMSCHRIJVING, "unknown_description", id="signaal-omschrijving",
                   placeholder=texts.SIGNAAL_ONBEKEND_OMSCHRIJVING_HINT, max_length=300,
                   error=e["unknown_description"]),
        field_error(e["child"]),
        text_field(texts.SIGNAAL_ONBEKEND_LEEFTIJD, "unknown_age", type_="number", id="signaal-leeftijd", min=0,
                   max=18, input_mode="numeric", error=e["unknown_age"]),
        var_select_field(texts.SIGNAAL_LOCATIE, "signaal-locatie", SignaalState.location_options,
                         name="location_id", default_value=SignaalState.location_id),
        width="100%",
    )


def details() -> rx.Component:
    e = SignaalState.errors
    return rx.el.form(
        rx.vstack(
            rx.hstack(
                rx.heading(rx.cond(SignaalState.unknown, texts.SIGNAAL_ONBEKEND_KIND, SignaalState.child_name),
                           size="5", as_="h2"),
                rx.button(texts.SIGNAAL_ANDER_KIND, type="button", variant="ghost", size="2",
                          on_click=SignaalState.back_to_child, class_name="kw-tap"),
                justify="between", align="center", width="100%",
            ),
            rx.cond(SignaalState.unknown, _unknown_child()),
            rx.el.fieldset(
                rx.el.legend(texts.SIGNAAL_CATEGORIEEN, style=LABEL_STYLE),
                rx.flex(*[_category_chip(c.code, c.label) for c in categories()], wrap="wrap", gap="2"),
                field_error(e["categories"]),
                style={**FIELDSET_STYLE, "width": "100%"},
            ),
            rx.cond(SignaalState.selected.length() > 0, _examples()),
            textarea_field(texts.SIGNAAL_FEITEN, "facts", hint=texts.SIGNAAL_FEITEN_HINT, error=e["facts"],
                           id=FACTS_ID, max_length=2000),
            rx.hstack(
                rx.switch(checked=SignaalState.acute, on_change=SignaalState.set_acute, id="signaal-acuut",
                          size="3", color_scheme="red"),
                rx.el.label(texts.SIGNAAL_ACUUT, html_for="signaal-acuut", style={"fontWeight": 600}),
                align="center", spacing="3", min_height="48px",
            ),
            rx.cond(SignaalState.acute, acute_guidance()),
            textarea_field(texts.SIGNAAL_INTERPRETATIE, "interpretation", hint=texts.SIGNAAL_INTERPRETATIE_HINT,
                           error=e["interpretation"], id="signaal-interpretation", max_length=1000, rows=2),
            radio_group(texts.SIGNAAL_BRON, "source", texts.SIGNAAL_BRONNEN.items(), default="zelf_gezien",
                        error=e["source"]),
            text_field(texts.SIGNAAL_PLAATS, "place", id="signaal-plaats", max_length=200,
                       placeholder="Bijvoorbeeld: schoolplein, bij het klimrek", error=e["place"]),
            text_field(texts.SIGNAAL_TIJD, "observed_at", type_="datetime-local", id="signaal-tijd",
                       default_value=SignaalState.observed_default, error=e["observed_at"]),
            error_callout(SignaalState.error, width="100%"),
            rx.button(texts.SIGNAAL_OPSLAAN, type="submit", size="4", width="100%", class_name="kw-tap"),
            width="100%",
            spacing="4",
        ),
        on_submit=SignaalState.save,
        key=SignaalState.form_key,
        style={"width": "100%"},
    )
