"""Beheer: locaties. The organisation's locations, a form to add or change one."""

from __future__ import annotations

import reflex as rx

from ... import texts
from ...components.form import select_field, text_field
from ...models.organisation import LOCATION_KINDS
from .frame import beheer_form, beheer_page
from .state import BeheerState

KIND_OPTIONS = [(k, texts.LOCATION_KIND_LABELS[k]) for k in LOCATION_KINDS]


def _location_form() -> rx.Component:
    values, e = BeheerState.location_values, BeheerState.errors
    return beheer_form(
        BeheerState.location_form, texts.BEHEER_NIEUWE_LOCATIE,
        text_field(texts.VELD_NAAM, "name", default_value=values["name"], error=e["name"], id="locatie-naam"),
        select_field(texts.VELD_SOORT, "kind", KIND_OPTIONS, default_value=values["kind"], error=e["kind"]),
        text_field(texts.VELD_WIJK, "neighbourhood", default_value=values["neighbourhood"],
                   error=e["neighbourhood"]),
        text_field(texts.VELD_ADRES, "address", default_value=values["address"]),
        text_field(texts.VELD_CAPACITEIT, "capacity", default_value=values["capacity"],
                   input_mode="numeric", error=e["capacity"]),
        on_submit=BeheerState.save_location,
    )


def _location_table() -> rx.Component:
    return rx.table.root(
        rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in
                                       (texts.VELD_NAAM, texts.VELD_SOORT, texts.VELD_WIJK,
                                        texts.VELD_CAPACITEIT, "")])),
        rx.table.body(rx.foreach(BeheerState.locations, lambda r: rx.table.row(
            rx.table.row_header_cell(r["name"]),
            rx.table.cell(r["kind_label"]),
            rx.table.cell(r["neighbourhood"]),
            rx.table.cell(r["capacity"]),
            rx.table.cell(rx.button(texts.WIJZIGEN, size="2", variant="soft",
                                    on_click=BeheerState.edit_location(r["id"]),
                                    aria_label=texts.WIJZIGEN + " " + r["name"])),
        ))),
        width="100%",
        variant="surface",
    )


def locaties_page() -> rx.Component:
    return beheer_page(texts.BEHEER_LOCATIES, BeheerState.location_form != "", _location_form(),
                       texts.BEHEER_NIEUWE_LOCATIE, BeheerState.new_location, _location_table())
