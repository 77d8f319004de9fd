"""One signal: its content (for those allowed), corrections as versions, and the meldcode track."""

from __future__ import annotations

import uuid

import reflex as rx

from .. import texts
from ..components.form import (
    INPUT_STYLE,
    LABEL_STYLE,
    TEXTAREA_STYLE,
    card_form,
    field_error,
    submit_and_cancel,
)
from ..components.layout import page
from ..components.messages import error_callout
from ..domain.common.clock import format_moment
from ..domain.signalering.meldcode import start_track
from ..domain.signalering.signal_catalog import label
from ..domain.signalering.signals import correct_signal, get_signal
from ..state.page import PageState
from ..state.session import SessionState


class SignaalDetailState(PageState, SessionState):
    signal: dict[str, str] = {}
    corrections: list[dict[str, str]] = []
    correcting: bool = False
    correction_uuid: str = ""
    form_key: int = 0

    def _signal_id(self) -> int:
        return self._route_id("signaal_id")

    def _reload(self, db, actor) -> None:
        view = get_signal(actor, db, self._signal_id())
        self.signal = {
            "id": str(view.id), "child": view.child_label, "child_id": str(view.child_id or ""),
            "location": view.location_name, "author": view.author_name,
            "observed": format_moment(view.observed_at), "place": view.place,
            "categories": ", ".join(label(c) for c in view.categories), "codes": ",".join(view.categories),
            "facts": view.facts, "interpretation": view.interpretation,
            "interpretation_label": texts.SIGNAAL_INTERPRETATIE_VAN.format(naam=view.author_name),
            "source": texts.SIGNAAL_BRONNEN.get(view.source, view.source), "acute": "1" if view.acute else "",
            "version": texts.SIGNAAL_VERSIE.format(n=view.version), "track_id": str(view.track_id or ""),
        }
        self.corrections = [
            {"title": f"{texts.SIGNAAL_VERSIE.format(n=c['version'] - 1)} · gecorrigeerd door {c['by']} "
                      f"op {format_moment(c['at'])}",
             "reason": c["reason"], "facts": c["previous_facts"], "interpretation": c["previous_interpretation"]}
            for c in view.corrections
        ]

    def _clear_page(self) -> None:
        self.signal, self.corrections = {}, []

    @rx.event
    def load(self):
        self.correcting, self.signal, self.corrections = False, {}, []
        return self._run()

    @rx.event
    def start_correction(self):
        self.correcting, self.errors, self.form_key = True, {}, self.form_key + 1
        # One id per correction: a double tap on "opslaan" stores it once.
        self.correction_uuid = str(uuid.uuid4())

    @rx.event
    def cancel_correction(self):
        self.correcting = False

    @rx.event
    def save_correction(self, form: dict):
        payload = {"client_uuid": self.correction_uuid, "facts": form.get("facts", ""),
                   "interpretation": form.get("interpretation", ""),
                   "categories": self.signal.get("codes", ""), "reason": form.get("reason", "")}
        result = self._run(lambda actor, db: correct_signal(actor, db, self._signal_id(), payload))
        if not self.error:
            self.correcting = False
        return result

    @rx.event
    def start_meldcode(self):
        return self._run(lambda actor, db: start_track(actor, db, self._signal_id(), {"client_uuid": str(uuid.uuid4())}),
                         reload=False, then=lambda track_id: rx.redirect(f"/meldcode/{track_id}"))


def _row(label_text: str, value) -> rx.Component:
    return rx.box(rx.text(label_text, size="1", color_scheme="gray"), rx.text(value), width="100%")


def _correction_form() -> rx.Component:
    signal, e = SignaalDetailState.signal, SignaalDetailState.errors
    return card_form(
        rx.el.label(texts.SIGNAAL_FEITEN, html_for="correctie-feiten", style=LABEL_STYLE),
        rx.el.textarea(id="correctie-feiten", name="facts", default_value=signal["facts"],
                       rows=4, max_length=2000, style=TEXTAREA_STYLE),
        field_error(e["facts"]),
        rx.el.label(texts.SIGNAAL_INTERPRETATIE, html_for="correctie-interpretatie", style=LABEL_STYLE),
        rx.el.textarea(id="correctie-interpretatie", name="interpretation", rows=2, max_length=1000,
                       default_value=signal["interpretation"], style=TEXTAREA_STYLE),
        rx.el.label(texts.SIGNAAL_CORRECTIE_REDEN, html_for="correctie-reden", style=LABEL_STYLE),
        rx.el.input(id="correctie-reden", name="reason", max_length=500, style=INPUT_STYLE),
        field_error(e["reason"]),
        submit_and_cancel(texts.SIGNAAL_CORRECTIE_OPSLAAN, SignaalDetailState.cancel_correction),
        on_submit=SignaalDetailState.save_correction,
        key=SignaalDetailState.form_key,
        spacing="2",
    )


def _history() -> rx.Component:
    return rx.cond(
        SignaalDetailState.corrections.length() > 0,
        rx.vstack(
            rx.heading(texts.SIGNAAL_GESCHIEDENIS, size="4", as_="h3"),
            rx.foreach(SignaalDetailState.corrections, lambda c: rx.box(
                rx.text(c["title"], size="2", weight="medium"),
                rx.text("Reden: " + c["reason"], size="2"),
                rx.text(c["facts"], size="2", color_scheme="gray"),
                class_name="kw-card", width="100%")),
            width="100%",
        ),
    )


def _signal(s) -> rx.Component:
    return rx.vstack(
        rx.cond(s["acute"] == "1", rx.badge(texts.SIGNAAL_ACUUT, color_scheme="red", size="3")),
        rx.heading(s["child"], size="5", as_="h2"),
        rx.box(
            _row(texts.SIGNAAL_CATEGORIEEN, s["categories"]),
            _row(texts.SIGNAAL_FEITEN, s["facts"]),
            rx.cond(s["interpretation"] != "", _row(s["interpretation_label"], s["interpretation"])),
            _row(texts.SIGNAAL_BRON, s["source"]),
            _row(texts.SIGNAAL_TIJD, s["observed"] + " · " + s["place"]),
            _row("Vastgelegd door", s["author"] + " · " + s["location"] + " · " + s["version"]),
            class_name="kw-card", width="100%", style={"display": "grid", "gap": "12px"},
        ),
        rx.cond(
            s["track_id"] != "",
            rx.link(rx.button(texts.MELDCODE_TITEL, size="4", width="100%", class_name="kw-tap"),
                    href="/meldcode/" + s["track_id"], width="100%"),
            rx.button(texts.MELDCODE_START, size="4", width="100%", class_name="kw-tap",
                      on_click=SignaalDetailState.start_meldcode),
        ),
        rx.cond(s["child_id"] != "",
                rx.link("Tijdlijn van het kind", href="/kind/" + s["child_id"], class_name="kw-tap")),
        rx.cond(SignaalDetailState.correcting, _correction_form(),
                rx.button(texts.SIGNAAL_CORRIGEREN, variant="outline", size="3", class_name="kw-tap",
                          on_click=SignaalDetailState.start_correction)),
        _history(),
        width="100%",
        spacing="3",
    )


def signaal_detail_page() -> rx.Component:
    s = SignaalDetailState.signal
    return page(
        texts.SIGNAAL_TITEL_DETAIL,
        error_callout(SignaalDetailState.error, width="100%"),
        rx.cond(s["id"], _signal(s)),
        active="/signaal",
        spacing="4",
        max_width="720px",
    )
