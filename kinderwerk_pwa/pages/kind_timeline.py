"""The child's timeline on the child's page: signals, meldcode steps and the conversations of every
household the child lives in, newest first (domain/dossier/timeline.py decides what shows)."""

from __future__ import annotations

import reflex as rx

from .. import texts
from ..domain.common.clock import format_moment


def timeline_rows(items) -> list[dict[str, str]]:
    return [{"at": format_moment(i.at), "kind": i.kind, "title": i.title, "body": i.body, "link": i.link,
             "acute": "1" if i.acute else ""} for i in items]


def timeline_item(item) -> rx.Component:
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
