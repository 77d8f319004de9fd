"""Inzageverzoek (desktop, privacy officer): find the child, see what is held, download the inzage
as PDF or JSON (GET /api/privacy/inzage/{id}). The domain decides and audits every step."""

from __future__ import annotations

import reflex as rx

from ... import texts
from ...components.card import section_card
from ...components.form import card_form, text_field
from ...components.layout import page
from ...components.messages import error_callout
from ...components.native_form import native_form
from ...domain.privacy.child_search import find_children, may_search
from ...domain.privacy.inzage import inzage_summary
from ...domain.toegang.permissions import Action
from ...state.page import PageState
from ...state.session import SessionState


def hit_rows(hits) -> list[dict[str, str]]:
    return [{"id": str(h.id), "name": h.name, "line": h.line} for h in hits]


class InzageState(PageState, SessionState):
    query: str = ""
    hits: list[dict[str, str]] = []
    searched: bool = False
    child_id: str = ""
    child_name: str = ""
    counts: list[dict[str, str]] = []
    review: str = ""

    def _reload(self, db, actor) -> None:
        may_search(actor, db, Action.INZAGE_MAKEN)

    def _clear_page(self) -> None:
        self.hits, self.searched, self.child_id, self.child_name, self.counts = [], False, "", "", []

    @rx.event
    def load(self):
        self.query, self.review = "", ""
        self._clear_page()
        return self._run()

    @rx.event
    def search(self, form: dict):
        self.query = str(form.get("zoek", ""))[:100]
        self.searched = False

        def show(hits) -> None:
            self.hits, self.searched = hit_rows(hits), True

        return self._run(lambda actor, db: find_children(actor, db, self.query, purpose=Action.INZAGE_MAKEN),
                         reload=False, then=show)

    @rx.event
    def choose(self, child_id: str):
        def show(summary) -> None:
            self.child_id, self.child_name = str(summary.child_id), summary.child_name
            self.counts = [{"title": title, "n": str(n)} for title, n in summary.counts]
            self.review = texts.PRIVACY_TER_BEOORDELING_AANTAL.format(n=summary.review)

        return self._run(lambda actor, db: inzage_summary(actor, db, child_id), reload=False, then=show)

    @rx.var
    def download_url(self) -> str:
        return f"/api/privacy/inzage/{self.child_id}"

    @rx.var
    def log_url(self) -> str:
        return f"/privacy/logboek?kind={self.child_id}"


def child_search_form(on_submit, query, error) -> rx.Component:
    """The search box both privacy pages share: a name (part) or a child's number."""
    return card_form(
        text_field(texts.PRIVACY_ZOEK_KIND, "zoek", type_="search", default_value=query, error=error,
                   id="privacy-zoek"),
        rx.button(texts.PRIVACY_ZOEK_KNOP, type="submit", size="3", class_name="kw-tap"),
        on_submit=on_submit, key="privacy-zoek", maxWidth="560px",
    )


def hit_list(hits, searched, on_choose) -> rx.Component:
    def row(h) -> rx.Component:
        return rx.hstack(
            rx.vstack(rx.text(h["name"], weight="medium"), rx.text(h["line"], size="2", color_scheme="gray"),
                      spacing="0"),
            rx.button(texts.PRIVACY_KIES, size="2", variant="soft", on_click=on_choose(h["id"]),
                      aria_label=texts.PRIVACY_KIES + " " + h["name"]),
            justify="between", align="center", width="100%", class_name="kw-card", padding="10px 16px",
        )

    return rx.vstack(
        rx.cond(searched & (hits.length() == 0), rx.text(texts.PRIVACY_ZOEK_GEEN)),
        rx.foreach(hits, row),
        width="100%", max_width="720px", spacing="2",
    )


def _download(label: str, kind: str) -> rx.Component:
    # A plain GET form: the browser itself fetches the file (Reflex routes links client-side).
    return native_form(
        rx.el.input(type="hidden", name="formaat", value=kind),
        rx.el.button(label, type="submit", class_name="kw-linkbutton", style={"padding": "0 16px"}),
        action=InzageState.download_url, method="get",
    )


def _chosen() -> rx.Component:
    return section_card(
        texts.PRIVACY_ONDERDELEN,
        rx.heading(InzageState.child_name, size="5", as_="h3"),
        rx.el.ul(rx.foreach(InzageState.counts, lambda c: rx.el.li(c["title"] + ": " + c["n"]))),
        rx.callout(InzageState.review, icon="eye", color_scheme="orange"),
        rx.flex(
            _download(texts.PRIVACY_DOWNLOAD_PDF, "pdf"),
            _download(texts.PRIVACY_DOWNLOAD_JSON, "json"),
            rx.link(texts.PRIVACY_NAAR_LOGBOEK, href=InzageState.log_url, size="3"),
            gap="12px", wrap="wrap", align="center", margin_top="12px",
        ),
    )


def inzage_page() -> rx.Component:
    return page(
        texts.PRIVACY_INZAGE_TITEL,
        rx.text(texts.PRIVACY_INZAGE_UITLEG, max_width="720px"),
        error_callout(InzageState.error),
        child_search_form(InzageState.search, InzageState.query, InzageState.errors["zoek"]),
        hit_list(InzageState.hits, InzageState.searched, InzageState.choose),
        rx.cond(InzageState.child_id != "", _chosen()),
        active="/meer",
        spacing="4",
    )
