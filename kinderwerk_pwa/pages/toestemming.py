"""Toestemmingen of one child (/kind/[kind_id]/toestemmingen), phone first: what holds now, a short
form for a parent's new answer, withdrawing a consent, and the history. Also the pieces the child's
page uses to show the consents (`consent_rows`, `consent_item`)."""

from __future__ import annotations

import uuid

import reflex as rx

from .. import texts
from ..components.card import section_card
from ..components.form import (
    card_form,
    radio_group,
    select_field,
    submit_and_cancel,
    text_field,
    var_select_field,
)
from ..components.layout import page
from ..components.messages import error_callout, notice_callout
from ..domain.kinderen import consents
from ..state.page import PageState
from ..state.session import SessionState


def consent_rows(entries) -> list[dict[str, str]]:
    """Domain consent entries as the rows the pages show."""
    return [{"id": str(e.id), "kind": e.kind, "title": e.kind_label, "status": e.status,
             "status_label": e.status_label, "line": e.summary, "recorded": e.recorded_line,
             "withdrawn": e.withdrawn_line, "can_withdraw": "1" if e.current and e.status == "gegeven" else ""}
            for e in entries]


def consent_item(row, *actions) -> rx.Component:
    """One consent: what for and its status, who gave it when, who recorded it, its withdrawal."""
    colour = rx.match(row["status"], ("gegeven", "teal"), ("ingetrokken", "red"), "gray")
    return rx.el.li(
        rx.hstack(rx.text(row["title"], weight="bold", size="2"),
                  rx.badge(row["status_label"], color_scheme=colour), justify="between", width="100%",
                  align="center", wrap="wrap"),
        rx.text(row["line"], size="2"),
        rx.cond(row["recorded"] != "", rx.text(row["recorded"], size="1", color_scheme="gray")),
        rx.cond(row["withdrawn"] != "", rx.text(row["withdrawn"], size="2", color_scheme="red")),
        *actions,
        class_name="kw-consent",
        data_consent=row["kind"],
        style={"listStyle": "none", "borderTop": "1px solid var(--gray-4)", "padding": "8px 0"},
    )


def consent_list(rows, *actions_of, label: str) -> rx.Component:
    return rx.el.ul(rx.foreach(rows, lambda row: consent_item(row, *(a(row) for a in actions_of))),
                    aria_label=label, style={"padding": 0, "margin": 0, "width": "100%"})


class ToestemmingState(PageState, SessionState):
    child_id: str = ""
    child_name: str = ""
    current: list[dict[str, str]] = []
    history: list[dict[str, str]] = []
    warnings: list[str] = []
    guardians: list[dict[str, str]] = []
    partners: list[dict[str, str]] = []
    kind: str = "foto"
    withdrawing: str = ""  # the id of the consent being withdrawn
    today_value: str = ""
    form_key: int = 0

    def _child(self) -> int:
        return self._route_id("kind_id")

    def _reload(self, db, actor) -> None:
        overview = consents.consent_overview(actor, db, self._child())
        self.child_id, self.child_name = str(overview.child_id), overview.child_name
        self.current, self.history = consent_rows(overview.current), consent_rows(overview.history)
        self.warnings = overview.warnings
        self.guardians = [{"id": str(i), "label": label} for i, label in overview.guardians]
        self.partners = [{"id": str(i), "label": name} for i, name in overview.partners]
        self.today_value = self.today().isoformat()

    def _clear_page(self) -> None:
        self.child_id, self.current, self.history = "", [], []

    @rx.event
    def load(self):
        self.child_id, self.withdrawing, self.kind = "", "", "foto"
        return self._run()

    @rx.event
    def set_kind(self, value: str):
        self.kind = str(value)

    @rx.event
    def save(self, form: dict):
        payload = {"client_uuid": str(uuid.uuid4()), "child_id": self._child(), **{
            k: form.get(k, "") for k in ("kind", "partner_id", "given", "guardian_id", "given_by", "given_on")}}
        label = texts.TOESTEMMING_SOORTEN.get(str(form.get("kind", "")), "")
        result = self._run(lambda actor, db: consents.record_consent(actor, db, payload),
                           success=texts.TOESTEMMING_OPGESLAGEN.format(soort=label))
        if not self.error:
            self.form_key += 1
        return result

    @rx.event
    def start_withdraw(self, consent_id: str):
        self.withdrawing, self.error, self.errors = str(consent_id), "", {}

    @rx.event
    def cancel_withdraw(self):
        self.withdrawing = ""

    @rx.event
    def withdraw(self, form: dict):
        consent_id = self.withdrawing
        row = next((r for r in self.current if r["id"] == consent_id), None)
        payload = {k: form.get(k, "") for k in ("guardian_id", "withdrawn_by", "withdrawn_on")}
        result = self._run(lambda actor, db: consents.withdraw_consent(actor, db, consent_id, payload),
                           success=texts.TOESTEMMING_INGETROKKEN.format(soort=row["title"] if row else ""))
        if not self.error:
            self.withdrawing = ""
        return result


def _who(select_name: str, select_id: str, name_field: str, label: str) -> rx.Component:
    e = ToestemmingState.errors
    return rx.vstack(
        rx.cond(ToestemmingState.guardians.length() > 0, var_select_field(
            label, select_id, ToestemmingState.guardians, name=select_name,
            first=rx.el.option(texts.TOESTEMMING_VAN_WIE, value=""))),
        text_field(texts.TOESTEMMING_ANDERE_NAAM, name_field, id=select_id + "-naam", max_length=200,
                   error=e[name_field]),
        width="100%", spacing="2",
    )


def _new_form() -> rx.Component:
    e = ToestemmingState.errors
    return card_form(
        rx.heading(texts.TOESTEMMING_NIEUW, size="4", as_="h2"),
        select_field(texts.TOESTEMMING_SOORT, "kind", list(texts.TOESTEMMING_SOORTEN.items()),
                     id="toestemming-soort", value=ToestemmingState.kind, on_change=ToestemmingState.set_kind,
                     error=e["kind"]),
        rx.cond(ToestemmingState.kind == "gegevens_delen", var_select_field(
            texts.TOESTEMMING_PARTNER, "toestemming-partner", ToestemmingState.partners, name="partner_id",
            first=rx.el.option(texts.TOESTEMMING_PARTNER_KIES, value=""), error=e["partner_id"])),
        radio_group(texts.TOESTEMMING_ANTWOORD, "given", [("ja", texts.TOESTEMMING_JA), ("nee", texts.TOESTEMMING_NEE)],
                    default="ja", error=e["given"]),
        _who("guardian_id", "toestemming-ouder", "given_by", texts.TOESTEMMING_VAN_WIE),
        text_field(texts.TOESTEMMING_DATUM, "given_on", type_="date", id="toestemming-datum",
                   default_value=ToestemmingState.today_value, error=e["given_on"]),
        rx.cond(ToestemmingState.withdrawing == "", error_callout(ToestemmingState.error, width="100%")),
        rx.button(texts.TOESTEMMING_OPSLAAN, type="submit", size="4", class_name="kw-tap", width="100%"),
        on_submit=ToestemmingState.save,
        key=ToestemmingState.form_key,
    )


def _withdraw_form(row) -> rx.Component:
    e = ToestemmingState.errors
    return rx.cond(
        ToestemmingState.withdrawing == row["id"],
        card_form(
            rx.heading(texts.TOESTEMMING_INTREKKEN_TITEL.format(soort="") + row["title"], size="3", as_="h3"),
            _who("guardian_id", "intrekken-ouder", "withdrawn_by", texts.TOESTEMMING_INGETROKKEN_DOOR),
            text_field(texts.TOESTEMMING_INTREK_DATUM, "withdrawn_on", type_="date", id="intrekken-datum",
                       default_value=ToestemmingState.today_value, error=e["withdrawn_on"]),
            error_callout(ToestemmingState.error, width="100%"),
            submit_and_cancel(texts.TOESTEMMING_INTREKKEN_OPSLAAN, ToestemmingState.cancel_withdraw, wrap="wrap"),
            on_submit=ToestemmingState.withdraw,
            key=ToestemmingState.form_key,
            class_name=None,
        ),
        rx.cond(row["can_withdraw"] == "1", rx.button(
            texts.TOESTEMMING_INTREKKEN, size="3", variant="outline", color_scheme="red", class_name="kw-tap",
            on_click=ToestemmingState.start_withdraw(row["id"]), aria_label=texts.TOESTEMMING_INTREKKEN + ": " + row["title"],
            margin_top="6px")),
    )


def _content() -> rx.Component:
    return rx.vstack(
        rx.heading(texts.TOESTEMMING_TITEL, size="7", as_="h1"),
        rx.link(ToestemmingState.child_name, href="/kind/" + ToestemmingState.child_id, class_name="kw-tap",
                aria_label=texts.TOESTEMMING_TERUG + ": " + ToestemmingState.child_name),
        rx.foreach(ToestemmingState.warnings, lambda w: rx.callout(w, icon="triangle-alert", color_scheme="red",
                                                                   role="alert", width="100%")),
        notice_callout(ToestemmingState.notice, width="100%"),
        section_card(texts.TOESTEMMING_HUIDIG,
                     rx.cond(ToestemmingState.current.length() == 0,
                             rx.text(texts.TOESTEMMING_GEEN, size="2", color_scheme="gray")),
                     consent_list(ToestemmingState.current, _withdraw_form, label=texts.TOESTEMMING_HUIDIG)),
        _new_form(),
        rx.cond(ToestemmingState.history.length() > 0, section_card(
            texts.TOESTEMMING_GESCHIEDENIS,
            consent_list(ToestemmingState.history, label=texts.TOESTEMMING_GESCHIEDENIS))),
        width="100%",
        spacing="3",
    )


def toestemming_page() -> rx.Component:
    return page(
        None,
        rx.cond(ToestemmingState.child_id == "", error_callout(ToestemmingState.error, width="100%")),
        rx.cond(ToestemmingState.child_id != "", _content()),
        active="/kinderen",
        max_width="640px",
    )
