"""Ketenpartners: the partner organisations and contacts (kept by teamleider and beheerder)."""

from __future__ import annotations

import reflex as rx

from .. import texts
from ..components.form import card_form, select_field, text_field
from ..components.layout import page
from ..components.messages import error_callout, notice_callout
from ..domain.gesprekken import partners
from ..models.organisation import PARTNER_KINDS
from ..state.page import PageState
from ..state.session import SessionState

KIND_OPTIONS = [(k, texts.PARTNER_KIND_LABELS[k]) for k in PARTNER_KINDS]


class PartnersState(PageState, SessionState):
    rows: list[dict[str, str]] = []
    form_open: bool = False
    form_key: int = 0

    def _reload(self, db, actor) -> None:
        self.rows = [{"name": p.name, "kind": p.kind_label, "contact": p.contact_name,
                      "phone": p.contact_phone, "email": p.contact_email}
                     for p in partners.list_partners(actor, db)]

    @rx.event
    def load(self):
        self.form_open = False
        return self._run()

    @rx.event
    def open_form(self):
        self.form_open, self.form_key = True, self.form_key + 1

    @rx.event
    def save(self, form: dict):
        result = self._run(lambda actor, db: partners.save_partner(actor, db, form), success=texts.OPGESLAGEN)
        if not self.error:
            self.form_open = False
        return result


def _form() -> rx.Component:
    e = PartnersState.errors
    return card_form(
        text_field(texts.PARTNER_NAAM, "name", error=e["name"], max_length=200),
        select_field(texts.PARTNER_SOORT, "kind", KIND_OPTIONS, error=e["kind"]),
        text_field(texts.PARTNER_CONTACT, "contact_name", error=e["contact_name"], max_length=200),
        text_field(texts.PARTNER_TELEFOON, "contact_phone", type_="tel", error=e["contact_phone"]),
        text_field(texts.PARTNER_EMAIL, "contact_email", type_="email", error=e["contact_email"]),
        rx.button(texts.OPSLAAN, type="submit", size="3", class_name="kw-tap"),
        on_submit=PartnersState.save, key=PartnersState.form_key, maxWidth="560px",
    )


def partners_page() -> rx.Component:
    return page(
        texts.PARTNERS_TITEL,
        error_callout(PartnersState.error),
        notice_callout(PartnersState.notice),
        rx.cond(PartnersState.form_open, _form(),
                rx.button(texts.PARTNERS_NIEUW, size="3", class_name="kw-tap", on_click=PartnersState.open_form)),
        rx.vstack(rx.foreach(PartnersState.rows, lambda p: rx.box(
            rx.hstack(rx.text(p["name"], weight="bold"), rx.badge(p["kind"]), wrap="wrap"),
            rx.text(p["contact"] + " · " + p["phone"] + " · " + p["email"], size="2", color_scheme="gray"),
            class_name="kw-card", width="100%")), width="100%", spacing="2"),
        active="/meer",
        spacing="3",
        max_width="860px",
    )
