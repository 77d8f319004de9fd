"""Vandaag: the home page, with the user's locations and what today holds there."""

from __future__ import annotations

import reflex as rx

from .. import texts
from ..components.layout import page_shell
from ..db import session_scope
from ..domain.locations import my_locations_today
from ..state.session import SessionState


class VandaagState(SessionState):
    locations: list[dict[str, str]] = []
    date_label: str = ""

    @rx.event
    def load(self):
        self.locations = []
        with session_scope() as db:
            actor = self._actor(db)
            if actor is None:
                return rx.redirect("/login")
            self._show_user(actor)
            day = self.today()
            self.date_label = f"{texts.WEEKDAYS[day.isoweekday()]} {day.day} {texts.MONTHS[day.month]}"
            rows = my_locations_today(actor, db, day)
        self.locations = [
            {
                "id": str(r.id),
                "name": r.name,
                "kind": texts.LOCATION_KIND_LABELS.get(r.kind, r.kind),
                "neighbourhood": r.neighbourhood,
                "summary": (
                    f"{r.expected_today} {texts.VANDAAG_VERWACHT}"
                    + (f" · {texts.VANDAAG_CAPACITEIT} {r.capacity}" if r.capacity else "")
                    if r.kind == "huiskamer"
                    else f"{r.known_children} {texts.VANDAAG_INGESCHREVEN}"
                ),
            }
            for r in rows
        ]


def _location_card(row) -> rx.Component:
    return rx.box(
        rx.hstack(
            rx.heading(row["name"], size="4", as_="h3"),
            rx.badge(row["kind"], color_scheme="teal"),
            justify="between",
            width="100%",
        ),
        rx.text(row["neighbourhood"], color_scheme="gray", size="2"),
        rx.text(row["summary"], size="3", weight="medium"),
        class_name="kw-card",
        width="100%",
    )


def vandaag_page() -> rx.Component:
    return page_shell(
        rx.vstack(
            rx.heading(texts.VANDAAG_TITEL, size="7", as_="h1"),
            rx.text(VandaagState.date_label, color_scheme="gray"),
            rx.heading(texts.VANDAAG_JOUW_LOCATIES, size="4", as_="h2"),
            rx.cond(
                VandaagState.locations.length() > 0,
                rx.vstack(rx.foreach(VandaagState.locations, _location_card), width="100%", spacing="3"),
                rx.text(texts.VANDAAG_GEEN_LOCATIES),
            ),
            spacing="3",
            width="100%",
        ),
        active="/",
    )
