"""Kinderen: the children known at one of the user's locations, searchable by name."""

from __future__ import annotations

import reflex as rx

from .. import texts
from ..components.form import LABEL_STYLE, search_field, select_input
from ..components.layout import page
from ..domain.kinderen.children import list_children
from ..domain.toegang.locations import my_locations_today
from ..state.page import PageState
from ..state.session import SessionState


class KinderenState(PageState, SessionState):
    location_options: list[dict[str, str]] = []
    location_id: str = ""
    query: str = ""
    children: list[dict[str, str]] = []

    def _reload(self, db, actor) -> None:
        self.children = []
        if not self.location_options:
            self.location_options = [
                {"id": str(r.id), "name": r.name} for r in my_locations_today(actor, db, self.today())
            ]
        if not self.location_id and self.location_options:
            self.location_id = self.location_options[0]["id"]
        if not self.location_id:
            return
        self.children = [
            {"id": str(r.id), "name": r.name, "detail": f"{r.age} jaar · {r.school_group}",
             "status": texts.CHILD_STATUS_LABELS.get(r.status, r.status)}
            for r in list_children(actor, db, int(self.location_id), query=self.query, today=self.today())
        ]

    def _clear_page(self) -> None:
        self.children = []

    @rx.event
    def load(self):
        self.location_options = []
        self.location_id = ""
        self.query = ""
        return self._run()

    @rx.event
    def set_location(self, value: str):
        if not str(value).isdigit():
            # Not an id the page offers: refused like a location that is not hers.
            self.children, self.error = [], texts.GEEN_TOEGANG
            return None
        self.location_id = value
        return self._run()

    @rx.event
    def search(self, value: str):
        self.query = value[:100]
        return self._run()


def _child_row(row) -> rx.Component:
    return rx.link(rx.hstack(
        rx.vstack(
            rx.text(row["name"], weight="medium"),
            rx.text(row["detail"], size="2", color_scheme="gray"),
            spacing="0",
        ),
        rx.badge(row["status"], color_scheme="gray"),
        justify="between",
        align="center",
        width="100%",
        class_name="kw-card kw-tap",
        padding="10px 16px",
    ), href="/kind/" + row["id"], underline="none", color="inherit", width="100%")


def kinderen_page() -> rx.Component:
    return page(
        texts.KINDEREN_TITEL,
        rx.box(
            rx.el.label(texts.KINDEREN_LOCATIE, html_for="kinderen-locatie", style=LABEL_STYLE),
            select_input(
                rx.foreach(KinderenState.location_options,
                           lambda o: rx.el.option(o["name"], value=o["id"])),
                id="kinderen-locatie",
                value=KinderenState.location_id,
                on_change=KinderenState.set_location,
                style={"width": "100%", "minHeight": "48px", "fontSize": "16px", "borderRadius": "8px"},
            ),
            width="100%",
        ),
        search_field(texts.KINDEREN_ZOEK, "kinderen-zoek", KinderenState.query, KinderenState.search.debounce(250)),
        rx.cond(KinderenState.error != "", rx.callout(KinderenState.error, color_scheme="red", role="alert")),
        rx.text(KinderenState.children.length().to_string() + " kinderen", size="2", color_scheme="gray"),
        rx.vstack(rx.foreach(KinderenState.children, _child_row), width="100%", spacing="2"),
        active="/kinderen",
        spacing="3",
    )
