"""The child's households on the child's page (issue 16.3): each with its address, guardians
(authority, may collect) and phones, and a link to its conversations and agreements; the forms to
add a household and to mark a guardian as not allowed to collect (and undo it)."""

from __future__ import annotations

import dataclasses

import reflex as rx

from .. import texts
from ..components.form import field_error, radio_group, text_field, var_select_field


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
    return {"id": str(g.id), "name": f"{g.name} ({g.relation})" if g.relation else g.name, "phone": g.phone,
            "note": ", ".join(notes), "warn": warn, "barred": "" if g.may_collect else "1"}


def household_cards(households) -> list[HouseholdCard]:
    return [HouseholdCard(
        id=str(h.id), name=h.name, badge=texts.HUISHOUDEN_HOOFD if h.main else texts.HUISHOUDEN_OOK,
        address=h.address, link=texts.HUISHOUDEN_OPEN.format(naam=h.name),
        guardians=[_guardian_row(g) for g in h.guardians]) for h in households]


def household_payload(form: dict) -> dict:
    """A household form as add_household's payload: an existing household to link (family_id), or
    a new household with its first guardian."""
    if "family_id" in form:
        return {"family_id": form.get("family_id", "")}
    return {"name": form.get("name", ""), "address": form.get("address", ""), "guardians": [{
        "name": form.get("guardian_name", ""), "relation": form.get("guardian_relation", ""),
        "phone": form.get("guardian_phone", ""), "parental_authority": form.get("authority", "ja") != "nee"}]}


def household_errors(errors: dict[str, str]) -> dict[str, str]:
    """The domain's field names (guardian_0_name) as the form's (guardian_name)."""
    return {key.replace("guardian_0_", "guardian_"): message for key, message in errors.items()}


def _collect_controls(g, actions) -> rx.Component:
    """Mark a guardian as not allowed to collect, with the reason; or undo it."""
    return rx.cond(
        g["barred"] == "1",
        rx.button(texts.OUDER_WEER_OPHALEN, type="button", size="2", variant="soft", class_name="kw-tap",
                  aria_label=texts.OUDER_WEER_OPHALEN + ": " + g["name"], on_click=actions.allow(g["id"])),
        rx.el.details(
            rx.el.summary(texts.OUDER_NIET_OPHALEN, class_name="kw-tap",
                          style={"fontSize": "14px", "color": "var(--gray-11)"}),
            rx.el.form(
                rx.el.input(type="hidden", name="guardian_id", value=g["id"]),
                text_field(texts.OUDER_NIET_OPHALEN_REDEN, "note", id="niet-ophalen-" + g["id"], max_length=200),
                field_error(rx.cond(actions.error_for == g["id"], actions.error, "")),
                rx.button(texts.OUDER_NIET_OPHALEN_OPSLAAN, type="submit", size="3", color_scheme="red",
                          class_name="kw-tap", margin_top="6px"),
                on_submit=actions.bar, style={"width": "100%"}),
            key=actions.key, style={"width": "100%"}))  # a new key after saving: closed and empty


def household(h: HouseholdCard, actions=None) -> rx.Component:
    """One household: its name, main or not, address, guardians (authority, may collect) and phones.
    actions (state with bar/allow handlers, error/error_for/key vars): the may-collect controls."""
    return rx.box(
        rx.hstack(rx.heading(h.name, size="3", as_="h3"), rx.badge(h.badge), align="center", wrap="wrap"),
        rx.cond(h.address != "", rx.text(texts.HUISHOUDEN_ADRES + ": " + h.address, size="2")),
        rx.foreach(h.guardians, lambda g: rx.vstack(
            rx.hstack(
                rx.box(rx.text(g["name"], size="2"),
                       rx.text(g["note"], size="1", color_scheme="gray"),
                       rx.cond(g["warn"] != "", rx.text(g["warn"], size="2", weight="bold", color_scheme="red"))),
                rx.cond(g["phone"] != "", rx.el.a(g["phone"], href="tel:" + g["phone"], class_name="kw-tap")),
                justify="between", width="100%", align="center"),
            _collect_controls(g, actions) if actions is not None else rx.fragment(),
            class_name="kw-ouder", spacing="1", width="100%")),
        rx.link(h.link, href="/gezin/" + h.id, class_name="kw-tap", size="2", display="block"),
        class_name="kw-huishouden", padding_y="6px", border_bottom="1px solid var(--gray-4)", width="100%")


def household_form(on_submit, key, errors) -> rx.Component:
    """Add a further household (the other parent's) with its first guardian."""
    return rx.el.details(
        rx.el.summary(texts.HUISHOUDEN_TOEVOEGEN, class_name="kw-tap"),
        rx.text(texts.HUISHOUDEN_TOEVOEGEN_UITLEG, size="2", color_scheme="gray"),
        rx.el.form(
            rx.vstack(
                text_field(texts.HUISHOUDEN_NAAM, "name", id="huishouden-naam", max_length=200, error=errors["name"]),
                text_field(texts.HUISHOUDEN_ADRES, "address", id="huishouden-adres", max_length=200,
                           error=errors["address"]),
                rx.heading(texts.HUISHOUDEN_EERSTE_OUDER, size="2", as_="h3"),
                text_field(texts.HUISHOUDEN_OUDER_NAAM, "guardian_name", id="huishouden-ouder-naam", max_length=200,
                           error=errors["guardian_name"]),
                text_field(texts.HUISHOUDEN_OUDER_RELATIE, "guardian_relation", id="huishouden-ouder-relatie",
                           max_length=40, error=errors["guardian_relation"]),
                text_field(texts.HUISHOUDEN_OUDER_TELEFOON, "guardian_phone", id="huishouden-ouder-telefoon",
                           type_="tel", max_length=40, error=errors["guardian_phone"]),
                radio_group(texts.HUISHOUDEN_OUDER_GEZAG, "authority", [("ja", texts.JA), ("nee", texts.NEE)],
                            default="ja"),
                rx.button(texts.HUISHOUDEN_OPSLAAN, type="submit", size="3", class_name="kw-tap"),
                width="100%", spacing="2"),
            on_submit=on_submit, style={"width": "100%"}),
        key=key, style={"width": "100%", "marginTop": "8px"})  # a new key after saving: closed and empty


def linkable_choices(rows) -> list[dict[str, str]]:
    """linkable_households' rows as select options: "Gezin Jansen (Lina)"."""
    return [{"id": str(i), "label": f"{name} ({children})" if children else name} for i, name, children in rows]


def link_household_form(choices, on_submit, key, errors) -> rx.Component:
    """Link a household that is already known: that of a brother or sister at the same place."""
    return rx.cond(choices.length() > 0, rx.el.details(
        rx.el.summary(texts.HUISHOUDEN_KOPPELEN, class_name="kw-tap"),
        rx.el.form(
            rx.vstack(
                var_select_field(texts.HUISHOUDEN_KOPPELEN_KIES, "huishouden-koppelen", choices, name="family_id",
                                 first=rx.el.option(texts.HUISHOUDEN_KOPPELEN_LEEG, value=""),
                                 error=errors["family_id"]),
                rx.button(texts.HUISHOUDEN_KOPPELEN_KNOP, type="submit", size="3", class_name="kw-tap"),
                width="100%", spacing="2"),
            on_submit=on_submit, style={"width": "100%"}),
        key=key, style={"width": "100%", "marginTop": "8px"}))


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
