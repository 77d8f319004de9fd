"""The child's households on the child's page (issue 16.3): each with its address, guardians
(authority, may collect) and phones, and a link to its conversations and agreements."""

from __future__ import annotations

import dataclasses

import reflex as rx

from .. import texts
from ..components.form import field_error, text_field, var_select_field


@dataclasses.dataclass
class HouseholdCard:
    id: str = ""
    name: str = ""
    badge: str = ""  # hoofdverblijf / ook thuis
    address: str = ""
    link: str = ""  # "Gesprekken en afspraken: <huishouden>"
    guardians: list[dict[str, str]] = dataclasses.field(default_factory=list)


def _guardian_row(g) -> dict[str, str]:
    notes = [texts.HUISHOUDEN_GEZAG if g.parental_authority else texts.HUISHOUDEN_GEEN_GEZAG]
    warn = ""
    if not g.may_collect:
        warn = texts.HUISHOUDEN_NIET_OPHALEN + (f" ({g.collect_note})" if g.collect_note else "")
    return {"name": f"{g.name} ({g.relation})" if g.relation else g.name, "phone": g.phone,
            "note": ", ".join(notes), "warn": warn}


def household_cards(households) -> list[HouseholdCard]:
    return [HouseholdCard(
        id=str(h.id), name=h.name, badge=texts.HUISHOUDEN_HOOFD if h.main else texts.HUISHOUDEN_OOK,
        address=h.address, link=texts.HUISHOUDEN_OPEN.format(naam=h.name),
        guardians=[_guardian_row(g) for g in h.guardians]) for h in households]


def household(h: HouseholdCard) -> rx.Component:
    """One household: its name, main or not, address, guardians (authority, may collect) and phones."""
    return rx.box(
        rx.hstack(rx.heading(h.name, size="3", as_="h3"), rx.badge(h.badge), align="center", wrap="wrap"),
        rx.cond(h.address != "", rx.text(texts.HUISHOUDEN_ADRES + ": " + h.address, size="2")),
        rx.foreach(h.guardians, lambda g: rx.hstack(
            rx.box(rx.text(g["name"], size="2"),
                   rx.text(g["note"], size="1", color_scheme="gray"),
                   rx.cond(g["warn"] != "", rx.text(g["warn"], size="2", weight="bold", color_scheme="red"))),
            rx.cond(g["phone"] != "", rx.el.a(g["phone"], href="tel:" + g["phone"], class_name="kw-tap")),
            justify="between", width="100%", align="center")),
        rx.link(h.link, href="/gezin/" + h.id, class_name="kw-tap", size="2", display="block"),
        class_name="kw-huishouden", padding_y="6px", border_bottom="1px solid var(--gray-4)", width="100%")


def allow_choices(households) -> list[dict[str, str]]:
    """The guardians who can allow a pick-up person: with authority, not barred from collecting."""
    return [{"id": str(g.id), "label": f"{g.name} ({g.relation})" if g.relation else g.name}
            for h in households for g in h.guardians if g.parental_authority and g.may_collect]


def pickup_form(choices, on_submit, key, error) -> rx.Component:
    """Add someone who may collect the child, with the guardian who allowed it and the day."""
    return rx.el.details(
        rx.el.summary(texts.OPHALER_TOEVOEGEN, class_name="kw-tap"),
        rx.el.form(
            rx.vstack(
                text_field(texts.OPHALER_NAAM, "name", id="ophaler-naam", max_length=200),
                text_field(texts.OPHALER_RELATIE, "relation", id="ophaler-relatie", max_length=40),
                text_field(texts.OPHALER_TELEFOON, "phone", id="ophaler-telefoon", type_="tel", max_length=40),
                var_select_field(texts.OPHALER_TOESTEMMING_VAN, "ophaler-toestemming", choices, name="allowed_by",
                                 first=rx.el.option(texts.OPHALER_KIES_OUDER, value="")),
                text_field(texts.OPHALER_DATUM, "allowed_on", id="ophaler-datum", type_="date"),
                field_error(error),
                rx.button(texts.OPHALER_OPSLAAN, type="submit", size="3", class_name="kw-tap"),
                width="100%", spacing="2"),
            on_submit=on_submit, key=key, style={"width": "100%"}),
        style={"width": "100%", "marginTop": "8px"})
