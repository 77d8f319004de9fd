"""Bewaartermijnen en verzoeken (/privacy/bewaren): the terms, what is past them (and a button to
remove or anonymise it), and the requests for correction or erasure with their decisions."""

from __future__ import annotations

import reflex as rx

from ... import texts
from ...components.card import section_card
from ...components.form import (
    card_form,
    choice,
    field_error,
    radio_group,
    text_field,
    textarea_field,
    var_select_field,
)
from ...components.layout import page
from ...components.messages import error_callout, notice_callout
from .state import BewarenState


def _terms() -> rx.Component:
    return section_card(
        texts.BEWAREN_TERMIJNEN,
        # A plain table in a region that scrolls sideways and takes the keyboard's focus (WCAG 2.1.1).
        rx.box(rx.el.table(
            rx.el.thead(rx.el.tr(
                rx.el.th(texts.BEWAREN_KOLOM_SOORT, scope="col"),
                rx.el.th(texts.BEWAREN_KOLOM_TERMIJN, scope="col", style={"whiteSpace": "nowrap"}),
                rx.el.th(texts.BEWAREN_KOLOM_VANAF, scope="col"))),
            rx.el.tbody(rx.foreach(BewarenState.terms, lambda t: rx.el.tr(
                rx.el.td(t["kind"]), rx.el.td(t["years"], style={"whiteSpace": "nowrap"}), rx.el.td(t["rule"])))),
            class_name="kw-report-table kw-log-table",
        ), width="100%", overflow_x="auto", tab_index=0, role="region", aria_label=texts.BEWAREN_TERMIJNEN),
    )


def _due() -> rx.Component:
    return section_card(
        texts.BEWAREN_TE_DOEN,
        rx.cond(BewarenState.items.length() == 0,
                rx.text(texts.BEWAREN_NIETS, size="2", color_scheme="gray"),
                rx.text(BewarenState.due_line, size="2", weight="medium")),
        rx.el.ul(rx.foreach(BewarenState.items, lambda i: rx.el.li(
            rx.text(i["kind"] + ": " + i["label"], weight="bold", size="2"),
            rx.text(i["reason"] + " · " + i["due"], size="1", color_scheme="gray"),
            style={"listStyle": "none", "borderTop": "1px solid var(--gray-4)", "padding": "6px 0"})),
            aria_label=texts.BEWAREN_TE_DOEN, style={"padding": 0, "margin": 0}),
        rx.cond(BewarenState.audit_line != "", rx.text(BewarenState.audit_line, size="2", color_scheme="gray")),
        rx.cond(BewarenState.items.length() > 0, card_form(
            rx.text(texts.BEWAREN_UITVOEREN_UITLEG, size="2"),
            choice(texts.BEWAREN_BEVESTIG, "bevestig"),
            field_error(BewarenState.errors["bevestig"]),
            rx.button(texts.BEWAREN_UITVOEREN, type="submit", color_scheme="red", size="3", class_name="kw-tap"),
            on_submit=BewarenState.apply, key=BewarenState.form_key, class_name=None, margin_top="8px")),
    )


def _new_request() -> rx.Component:
    e = BewarenState.errors
    return rx.vstack(
        rx.heading(texts.VERZOEK_NIEUW, size="4", as_="h3"),
        card_form(
            text_field(texts.VERZOEK_ZOEK_KIND, "zoek", id="verzoek-zoek", max_length=100),
            rx.button(texts.VERZOEK_ZOEKEN, type="submit", size="3", variant="soft", class_name="kw-tap"),
            on_submit=BewarenState.search_child, key="verzoek-zoek", class_name=None),
        rx.cond(BewarenState.searched & (BewarenState.child_choices.length() == 0),
                rx.text(texts.VERZOEK_GEEN_KIND, size="2", color_scheme="gray")),
        card_form(
            var_select_field(texts.VERZOEK_KIND, "verzoek-kind", BewarenState.child_choices, name="child_id",
                             first=rx.el.option(texts.VERZOEK_KIND_KIES, value=""), error=e["child_id"]),
            radio_group(texts.VERZOEK_SOORT, "kind", list(texts.VERZOEK_SOORTEN.items()), error=e["kind"]),
            text_field(texts.VERZOEK_WIE, "requested_by", id="verzoek-wie", max_length=200, error=e["requested_by"]),
            text_field(texts.VERZOEK_ONTVANGEN, "received_on", type_="date", id="verzoek-ontvangen",
                       default_value=BewarenState.today_value, error=e["received_on"]),
            textarea_field(texts.VERZOEK_WAT, "description", id="verzoek-wat", rows=3, max_length=2000,
                           error=e["description"]),
            rx.button(texts.VERZOEK_OPSLAAN, type="submit", size="3", class_name="kw-tap"),
            on_submit=BewarenState.save_request, key=BewarenState.form_key, class_name=None),
        width="100%", spacing="2", margin_top="12px",
    )


def _decision_form(r) -> rx.Component:
    return card_form(
        rx.el.input(type="hidden", name="request_id", value=r.id),
        rx.cond(r.blockers.length() > 0, rx.box(
            rx.text(texts.VERZOEK_BELEMMERINGEN, size="2", weight="medium", color_scheme="red"),
            rx.el.ul(rx.foreach(r.blockers, lambda b: rx.el.li(rx.text(b, size="2"))),
                     style={"margin": "4px 0 0 18px"}))),
        radio_group(texts.VERZOEK_BESLUIT, "besluit", [("toewijzen", texts.VERZOEK_TOEWIJZEN),
                                                      ("afwijzen", texts.VERZOEK_AFWIJZEN)]),
        textarea_field(texts.VERZOEK_REDEN, "decision_reason", id="verzoek-reden-" + r.id, rows=2,
                       max_length=2000),
        rx.button(texts.VERZOEK_BESLUIT_OPSLAAN, type="submit", size="3", class_name="kw-tap"),
        on_submit=BewarenState.decide, key="besluit-" + r.id, class_name=None, spacing="2",
    )


def _request(r) -> rx.Component:
    return rx.el.li(
        rx.hstack(rx.text(r.line, weight="bold", size="2"), rx.badge(r.status_label),
                  justify="between", width="100%", wrap="wrap"),
        rx.cond(r.description != "", rx.text(r.description, size="2", white_space="pre-wrap")),
        rx.cond(r.decision != "", rx.text(r.decision, size="2", color_scheme="gray")),
        rx.cond(r.status == "open", _decision_form(r)),
        style={"listStyle": "none", "borderTop": "1px solid var(--gray-4)", "padding": "8px 0"},
    )


def _requests() -> rx.Component:
    return section_card(
        texts.VERZOEK_TITEL,
        rx.cond(BewarenState.requests.length() == 0, rx.text(texts.VERZOEK_GEEN, size="2", color_scheme="gray")),
        rx.el.ul(rx.foreach(BewarenState.requests, _request), aria_label=texts.VERZOEK_TITEL,
                 style={"padding": 0, "margin": 0}),
        _new_request(),
    )


def bewaren_page() -> rx.Component:
    return page(
        texts.BEWAREN_TITEL,
        error_callout(BewarenState.error, width="100%"),
        notice_callout(BewarenState.notice, width="100%"),
        rx.cond(BewarenState.loaded, rx.vstack(_terms(), _due(), _requests(), width="100%", spacing="3")),
        active="/meer",
        max_width="960px",
    )
