"""Gesprekken: my agreements (overdue first) and finding a family to write a conversation note."""

from __future__ import annotations

import reflex as rx

from .. import texts
from ..components.form import search_field
from ..components.layout import page
from ..components.messages import error_callout
from ..domain.common.clock import format_day
from ..domain.gesprekken import conversations
from ..state.page import PageState
from ..state.session import SessionState


def agreement_dicts(rows) -> list[dict[str, str]]:
    return [{"id": str(a.id), "text": a.description, "owner": a.owner_label,
             "due": texts.AFSPRAAK_UITERLIJK.format(datum=format_day(a.due_date)),
             "overdue": "1" if a.overdue else "", "family_id": str(a.family_id),
             "family": f"{a.family_name} · {a.child_names}"} for a in rows]


class GesprekkenState(PageState, SessionState):
    agreements: list[dict[str, str]] = []
    families: list[dict[str, str]] = []
    query: str = ""

    def _reload(self, db, actor) -> None:
        self.agreements = agreement_dicts(conversations.my_agreements(actor, db, self.today()))
        self.families = [{"id": str(f.id), "name": f.name, "children": f.child_names}
                         for f in conversations.find_families(actor, db, self.query)]

    @rx.event
    def load(self):
        self.query = ""
        return self._run()

    @rx.event
    def search(self, value: str):
        self.query = value[:100]
        return self._run()

    @rx.event
    def done(self, agreement_id: str):
        return self._run(lambda actor, db: conversations.set_agreement_status(actor, db, int(agreement_id), "gedaan"))


def agreement_row(a, on_done) -> rx.Component:
    return rx.box(
        rx.hstack(
            rx.vstack(
                rx.text(a["text"], weight="medium"),
                rx.hstack(
                    rx.text(a["owner"] + " · " + a["due"], size="2", color_scheme="gray"),
                    rx.cond(a["overdue"] == "1", rx.badge(texts.AFSPRAAK_TE_LAAT, color_scheme="red")),
                    spacing="2", wrap="wrap",
                ),
                rx.link(a["family"], href="/gezin/" + a["family_id"], size="2"),
                spacing="1", width="100%",
            ),
            rx.button(texts.AFSPRAAK_GEDAAN, size="3", variant="soft", on_click=on_done(a["id"]),
                      aria_label=texts.AFSPRAAK_GEDAAN + ": " + a["text"], class_name="kw-tap"),
            justify="between", align="center", width="100%",
        ),
        class_name="kw-card",
        width="100%",
        data_overdue=a["overdue"],
    )


def gesprekken_page() -> rx.Component:
    return page(
        texts.GESPREKKEN_TITEL,
        error_callout(GesprekkenState.error),
        rx.heading(texts.GESPREKKEN_MIJN_AFSPRAKEN, size="5", as_="h2"),
        rx.cond(GesprekkenState.agreements.length() == 0,
                rx.text(texts.GESPREKKEN_GEEN_AFSPRAKEN, color_scheme="gray")),
        rx.el.ul(rx.foreach(GesprekkenState.agreements, lambda a: rx.el.li(agreement_row(a, GesprekkenState.done))),
                 class_name="kw-list", aria_label=texts.GESPREKKEN_MIJN_AFSPRAKEN),
        rx.heading(texts.GESPREKKEN_GEZINNEN, size="5", as_="h2"),
        search_field(texts.GESPREKKEN_ZOEK_GEZIN, "gezin-zoek", GesprekkenState.query,
                     GesprekkenState.search.debounce(250)),
        rx.vstack(rx.foreach(GesprekkenState.families, lambda f: rx.link(
            rx.box(rx.text(f["name"], weight="bold"), rx.text(f["children"], size="2", color_scheme="gray"),
                   class_name="kw-card kw-tap", width="100%"),
            href="/gezin/" + f["id"], underline="none", color="inherit", width="100%")),
            width="100%", spacing="2"),
        active="/gesprekken",
        spacing="3",
        max_width="760px",
    )
