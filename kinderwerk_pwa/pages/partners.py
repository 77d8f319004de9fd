"""Ketenpartners: the partner organisations and contacts (kept by teamleider and beheerder)."""

from __future__ import annotations

import reflex as rx

from .. import texts
from ..components.form import select_field, text_field
from ..components.layout import page_shell
from ..db import session_scope
from ..domain.common.errors import DomainError, InvalidInput
from ..domain.gesprekken import partners
from ..models.organisation import PARTNER_KINDS
from ..state.session import SessionState

KIND_OPTIONS = [(k, texts.PARTNER_KIND_LABELS[k]) for k in PARTNER_KINDS]


class PartnersState(SessionState):
    rows: list[dict[str, str]] = []
    error: str = ""
    notice: str = ""
    errors: dict[str, str] = {}
    form_open: bool = False
    form_key: int = 0

    def _run(self, action=None, success: str = "") -> bool:
        self.error, self.notice, self.errors = "", "", {}
        with session_scope() as db:
            actor = self._actor(db)
            if actor is None:
                return False
            self._show_user(actor)
            try:
                if action is not None:
                    action(actor, db)
                self.rows = [{"name": p.name, "kind": p.kind_label, "contact": p.contact_name,
                              "phone": p.contact_phone, "email": p.contact_email}
                             for p in partners.list_partners(actor, db)]
            except InvalidInput as exc:
                self.error, self.errors = exc.message, exc.fields
                return False
            except DomainError as exc:
                self.error = exc.message
                return False
        self.notice = success
        return True

    @rx.event
    def load(self):
        self.form_open = False
        if not self._run() and not self.logged_in:
            return rx.redirect("/login")
        return None

    @rx.event
    def open_form(self):
        self.form_open, self.form_key = True, self.form_key + 1

    @rx.event
    def save(self, form: dict):
        if self._run(lambda actor, db: partners.save_partner(actor, db, form), texts.OPGESLAGEN):
            self.form_open = False


def partners_page() -> rx.Component:
    e = PartnersState.errors
    return page_shell(
        rx.vstack(
            rx.heading(texts.PARTNERS_TITEL, size="7", as_="h1"),
            rx.cond(PartnersState.error != "",
                    rx.callout(PartnersState.error, icon="triangle-alert", color_scheme="red", role="alert")),
            rx.cond(PartnersState.notice != "",
                    rx.callout(PartnersState.notice, icon="check", color_scheme="teal", role="status")),
            rx.cond(PartnersState.form_open, rx.el.form(
                rx.vstack(
                    text_field(texts.PARTNER_NAAM, "name", error=e["name"], max_length=200),
                    select_field(texts.PARTNER_SOORT, "kind", KIND_OPTIONS, error=e["kind"]),
                    text_field(texts.PARTNER_CONTACT, "contact_name", error=e["contact_name"], max_length=200),
                    text_field(texts.PARTNER_TELEFOON, "contact_phone", type_="tel", error=e["contact_phone"]),
                    text_field(texts.PARTNER_EMAIL, "contact_email", type_="email", error=e["contact_email"]),
                    rx.button(texts.OPSLAAN, type="submit", size="3", class_name="kw-tap"),
                    spacing="3", width="100%"),
                on_submit=PartnersState.save, key=PartnersState.form_key, class_name="kw-card",
                style={"width": "100%", "maxWidth": "560px"}),
                rx.button(texts.PARTNERS_NIEUW, size="3", class_name="kw-tap", on_click=PartnersState.open_form)),
            rx.vstack(rx.foreach(PartnersState.rows, lambda p: rx.box(
                rx.hstack(rx.text(p["name"], weight="bold"), rx.badge(p["kind"]), wrap="wrap"),
                rx.text(p["contact"] + " · " + p["phone"] + " · " + p["email"], size="2", color_scheme="gray"),
                class_name="kw-card", width="100%")), width="100%", spacing="2"),
            width="100%", spacing="3", max_width="860px",
        ),
        active="/meer",
    )
