"""A child's page: the basics and the timeline (signals, meldcode steps, conversations)."""

from __future__ import annotations

import reflex as rx

from .. import texts
from ..components.layout import page_shell
from ..db import session_scope
from ..domain.children import age_on
from ..domain.clock import format_moment
from ..domain.errors import DomainError
from ..domain.timeline import child_timeline, load_child
from ..state.session import SessionState


class KindState(SessionState):
    child: dict[str, str] = {}
    timeline: list[dict[str, str]] = []
    error: str = ""

    def _child_id(self) -> int:
        raw = self.router._page.params.get("kind_id", "")
        return int(raw) if str(raw).isdigit() else 0

    @rx.event
    def load(self):
        self.child, self.timeline, self.error = {}, [], ""
        with session_scope() as db:
            actor = self._actor(db)
            if actor is None:
                return rx.redirect("/login")
            self._show_user(actor)
            try:
                child = load_child(actor, db, self._child_id())
                items = child_timeline(actor, db, child.id)
            except DomainError as exc:
                self.error = exc.message
                return None
            self.child = {
                "id": str(child.id), "name": child.full_name,
                "detail": f"{age_on(child.date_of_birth, self.today())} jaar · {child.school_name} · {child.school_group}",
                "status": texts.CHILD_STATUS_LABELS.get(child.status, child.status),
            }
        self.timeline = [
            {"at": format_moment(i.at), "kind": i.kind, "title": i.title, "body": i.body, "link": i.link,
             "acute": "1" if i.acute else ""}
            for i in items
        ]
        return None


def _item(item) -> rx.Component:
    content = rx.vstack(
        rx.hstack(
            rx.text(item["title"], weight="bold"),
            rx.cond(item["acute"] == "1", rx.badge(texts.SIGNAAL_ACUUT, color_scheme="red")),
            spacing="2", align="center", wrap="wrap",
        ),
        rx.text(item["at"], size="1", color_scheme="gray"),
        rx.text(item["body"], size="2", white_space="pre-wrap"),
        spacing="1", width="100%",
    )
    return rx.el.li(
        rx.cond(item["link"] != "", rx.link(content, href=item["link"], underline="none", color="inherit"), content),
        class_name="kw-card",
        style={"listStyle": "none", "marginBottom": "8px"},
    )


def kind_page() -> rx.Component:
    return page_shell(
        rx.vstack(
            rx.cond(KindState.error != "",
                    rx.callout(KindState.error, icon="triangle-alert", color_scheme="red", role="alert", width="100%")),
            rx.cond(
                KindState.child["id"],
                rx.vstack(
                    rx.heading(KindState.child["name"], size="7", as_="h1"),
                    rx.text(KindState.child["detail"], color_scheme="gray"),
                    rx.badge(KindState.child["status"]),
                    rx.heading("Tijdlijn", size="5", as_="h2"),
                    rx.cond(KindState.timeline.length() == 0, rx.text("Nog niets vastgelegd.", color_scheme="gray")),
                    rx.el.ol(rx.foreach(KindState.timeline, _item), style={"padding": 0, "margin": 0, "width": "100%"}),
                    width="100%",
                    spacing="3",
                ),
            ),
            width="100%",
            max_width="760px",
        ),
        active="/kinderen",
    )
