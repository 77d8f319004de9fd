"""Beheer: medewerkers. The accounts of the organisation, a form to add or change one."""

from __future__ import annotations

import reflex as rx

from ... import texts
from ...components.form import checkbox_group, select_field, text_field
from ...models.staff import ROLES
from .frame import beheer_form, beheer_page
from .state import BeheerState

ROLE_OPTIONS = [(r, texts.ROLE_LABELS[r]) for r in ROLES]


def _staff_form() -> rx.Component:
    values, e = BeheerState.staff_values, BeheerState.errors
    return beheer_form(
        BeheerState.staff_form, texts.BEHEER_NIEUWE_MEDEWERKER,
        text_field(texts.VELD_NAAM, "name", default_value=values["name"], error=e["name"]),
        text_field(texts.VELD_EMAIL, "email", type_="email", default_value=values["email"], error=e["email"]),
        select_field(texts.VELD_ROL, "role", ROLE_OPTIONS, default_value=values["role"], error=e["role"]),
        checkbox_group(texts.VELD_LOCATIES, BeheerState.locations, "loc_", label_key="name",
                       checked=lambda loc: BeheerState.staff_locations.contains(loc["id"]),
                       error=e["locations"]),
        text_field(texts.VELD_WACHTWOORD, "password", type_="password", autocomplete="new-password",
                   error=e["password"]),
        text_field(texts.VELD_OIDC_SUBJECT, "oidc_subject", default_value=values["oidc_subject"],
                   hint=texts.VELD_OIDC_SUBJECT_UITLEG, error=e["oidc_subject"]),
        on_submit=BeheerState.save_staff,
    )


def _staff_row(s) -> rx.Component:
    toggle = rx.cond(s["active"] == "1", texts.UITSCHAKELEN, texts.INSCHAKELEN)
    return rx.table.row(
        rx.table.row_header_cell(s["name"]),
        rx.table.cell(s["email"]),
        rx.table.cell(s["role_label"]),
        rx.table.cell(s["locations"]),
        rx.table.cell(s["login"]),
        rx.table.cell(s["status"]),
        rx.table.cell(rx.hstack(
            rx.button(texts.WIJZIGEN, size="2", variant="soft", on_click=BeheerState.edit_staff(s["id"]),
                      aria_label=texts.WIJZIGEN + " " + s["name"]),
            rx.button(toggle, size="2", variant="outline", color_scheme=rx.cond(s["active"] == "1", "red", "teal"),
                      on_click=BeheerState.toggle_staff(s["id"], s["active"]), aria_label=toggle + " " + s["name"]),
            rx.cond(s["totp"] == "1", rx.button(
                texts.TWEEDE_FACTOR_VERWIJDEREN, size="2", variant="outline", color_scheme="red",
                on_click=BeheerState.reset_second_factor(s["id"]),
                aria_label=texts.TWEEDE_FACTOR_VERWIJDEREN + " " + s["name"])),
        )),
    )


def _staff_table() -> rx.Component:
    return rx.table.root(
        rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in
                                       (texts.VELD_NAAM, texts.VELD_EMAIL, texts.VELD_ROL, texts.VELD_LOCATIES,
                                        "Inloggen", "Status", "")])),
        rx.table.body(rx.foreach(BeheerState.staff, _staff_row)),
        width="100%",
        variant="surface",
    )


def medewerkers_page() -> rx.Component:
    return beheer_page(texts.BEHEER_MEDEWERKERS, BeheerState.staff_form != "", _staff_form(),
                       texts.BEHEER_NIEUWE_MEDEWERKER, BeheerState.new_staff,
                       rx.box(_staff_table(), width="100%", overflow_x="auto"))
