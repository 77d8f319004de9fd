"""The child's households on the child's page (issue 16.3): each with its address, guardians
(authority, may collect) and phones, and a link to its conversations and agreements."""

from __future__ import annotations

import dataclasses

import reflex as rx

from .. import texts


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
