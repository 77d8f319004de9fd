"""Aanmeldingen and the wachtlijst of a huiskamer: register a referral, hold the intake (leerdoelen),
place the child on weekdays."""

from __future__ import annotations

import uuid

import reflex as rx

from .. import texts
from ..components.form import (
    FIELDSET_STYLE,
    INLINE_CHOICE_STYLE,
    LABEL_STYLE,
    card_form,
    choice,
    field_error,
    select_field,
    submit_and_cancel,
    text_field,
    textarea_field,
    var_select_field,
)
from ..components.layout import page
from ..components.messages import error_callout, notice_callout
from ..domain.common.clock import format_day
from ..domain.instroom import intake
from ..domain.toegang.locations import my_locations_today
from ..models.referrals import REFERRER_KINDS
from ..state.page import PageState
from ..state.session import SessionState

REFERRER_OPTIONS = [(k, texts.REFERRER_KIND_LABELS[k]) for k in REFERRER_KINDS]


class AanmeldingenState(PageState, SessionState):
    locations: list[dict[str, str]] = []
    location_id: str = ""
    rows: list[dict[str, str]] = []
    form_open: bool = False
    action: dict[str, str] = {}  # {"kind": "intake"|"plaatsen", "referral_id": ..., "name": ...}
    action_uuid: str = ""
    form_key: int = 0

    def _reload(self, db, actor) -> None:
        if not self.locations:
            self.locations = [{"id": str(r.id), "label": r.name}
                              for r in my_locations_today(actor, db, self.today()) if r.kind == "huiskamer"]
        if not self.location_id and self.locations:
            self.location_id = self.locations[0]["id"]
        if not self.location_id:
            self.rows = []
            return
        self.rows = [
            {"id": str(r.referral_id), "child_id": str(r.child_id), "name": r.name, "age": f"{r.age} jaar",
             "referrer": r.referrer_label, "received": format_day(r.received_on),
             "waiting": texts.WACHTLIJST_DAGEN.format(n=r.waiting_days), "status": r.status,
             "status_label": r.status_label}
            for r in intake.waitlist(actor, db, int(self.location_id), self.today())
        ]

    def _clear_page(self) -> None:
        self.rows = []

    @rx.event
    def load(self):
        self.locations, self.location_id, self.form_open, self.action = [], "", False, {}
        return self._run()

    @rx.event
    def set_location(self, value: str):
        self.location_id = value
        return self._run()

    @rx.event
    def open_form(self):
        self.form_open, self.action_uuid, self.errors = True, str(uuid.uuid4()), {}
        self.form_key += 1

    @rx.event
    def close(self):
        self.form_open, self.action = False, {}

    @rx.event
    def register(self, form: dict):
        payload = {**form, "client_uuid": self.action_uuid, "location_id": self.location_id}
        result = self._run(lambda actor, db: intake.register_referral(actor, db, payload),
                           success=texts.AANMELDING_OPGESLAGEN)
        if not self.error:
            self.form_open = False
        return result

    @rx.event
    def start_action(self, kind: str, referral_id: str, name: str):
        self.action = {"kind": kind, "referral_id": referral_id, "name": name}
        self.action_uuid, self.errors, self.error = str(uuid.uuid4()), {}, ""
        self.form_key += 1

    def _act(self, action):
        result = self._run(action, success=texts.OPGESLAGEN)
        if not self.error:
            self.action = {}
        return result

    @rx.event
    def save_intake(self, form: dict):
        referral_id = int(self.action["referral_id"])
        goals = [line.strip() for line in str(form.get("goals", "")).splitlines() if line.strip()]
        payload = {"client_uuid": self.action_uuid, "intake_on": form.get("intake_on") or None, "goals": goals}
        return self._act(lambda actor, db: intake.record_intake(actor, db, referral_id, payload))

    @rx.event
    def save_placement(self, form: dict):
        referral_id = int(self.action["referral_id"])
        days = [int(k.removeprefix("dag_")) for k, v in form.items() if k.startswith("dag_") and v]
        payload = {"weekdays": days, "start_date": form.get("start_date") or None}
        return self._act(lambda actor, db: intake.place_child(actor, db, referral_id, payload))


def _referral_form() -> rx.Component:
    e = AanmeldingenState.errors
    return card_form(
        rx.heading(texts.AANMELDING_NIEUW, size="4", as_="h2"),
        text_field(texts.AANMELDING_VOORNAAM, "first_name", error=e["first_name"], max_length=100),
        text_field(texts.AANMELDING_ACHTERNAAM, "last_name", error=e["last_name"], max_length=100),
        text_field(texts.AANMELDING_GEBOORTEDATUM, "date_of_birth", type_="date", error=e["date_of_birth"]),
        text_field(texts.AANMELDING_SCHOOL, "school_name", error=e["school_name"], max_length=200),
        text_field(texts.AANMELDING_GROEP, "school_group", error=e["school_group"], max_length=20),
        text_field(texts.AANMELDING_WIJK, "neighbourhood", error=e["neighbourhood"], max_length=100),
        text_field(texts.AANMELDING_OUDER, "guardian_name", error=e["guardian_name"], max_length=200),
        text_field(texts.AANMELDING_OUDER_RELATIE, "guardian_relation", error=e["guardian_relation"], max_length=40),
        text_field(texts.AANMELDING_OUDER_TELEFOON, "guardian_phone", type_="tel", error=e["guardian_phone"]),
        select_field(texts.AANMELDING_VERWIJZER, "referrer_kind", REFERRER_OPTIONS, error=e["referrer_kind"]),
        text_field(texts.AANMELDING_VERWIJZER_NAAM, "referrer_name", error=e["referrer_name"], max_length=200),
        textarea_field(texts.AANMELDING_REDEN, "reason", rows=3, max_length=2000, error=e["reason"]),
        text_field(texts.AANMELDING_ONTVANGEN, "received_on", type_="date", error=e["received_on"]),
        submit_and_cancel(texts.AANMELDING_OPSLAAN, AanmeldingenState.close, wrap="wrap"),
        on_submit=AanmeldingenState.register,
        key=AanmeldingenState.form_key,
    )


def _action_form() -> rx.Component:
    a = AanmeldingenState.action
    e = AanmeldingenState.errors
    return rx.box(
        rx.heading(a["name"], size="4", as_="h2"),
        rx.cond(
            a["kind"] == "intake",
            card_form(
                text_field(texts.INTAKE_DATUM, "intake_on", type_="date", error=e["intake_on"]),
                textarea_field(texts.INTAKE_DOELEN, "goals", error=e["goals"],
                               placeholder="minder snel boos worden\nsamen spelen met andere kinderen"),
                rx.button(texts.INTAKE_OPSLAAN, type="submit", size="3", class_name="kw-tap"),
                on_submit=AanmeldingenState.save_intake, key=AanmeldingenState.form_key, class_name=None,
            ),
            card_form(
                rx.el.fieldset(
                    rx.el.legend(texts.PLAATSEN_DAGEN, style=LABEL_STYLE),
                    rx.flex(*[choice(texts.WEEKDAYS[d], f"dag_{d}", style=INLINE_CHOICE_STYLE)
                              for d in range(1, 6)], wrap="wrap"),
                    field_error(e["weekdays"]),
                    style=FIELDSET_STYLE,
                ),
                text_field(texts.PLAATSEN_START, "start_date", type_="date", error=e["start_date"]),
                rx.button(texts.PLAATSEN_OPSLAAN, type="submit", size="3", class_name="kw-tap"),
                on_submit=AanmeldingenState.save_placement, key=AanmeldingenState.form_key, class_name=None,
            ),
        ),
        rx.button(texts.ANNULEREN, type="button", variant="soft", color_scheme="gray", size="3",
                  on_click=AanmeldingenState.close, class_name="kw-tap", margin_top="8px"),
        class_name="kw-card",
        width="100%",
    )


def _row(r) -> rx.Component:
    return rx.box(
        rx.hstack(
            rx.link(r["name"], href="/kind/" + r["child_id"], weight="bold"),
            rx.badge(r["status_label"]),
            justify="between", width="100%",
        ),
        rx.text(r["age"] + " · " + r["referrer"] + " · " + r["received"], size="2", color_scheme="gray"),
        rx.text(r["waiting"], size="2"),
        rx.cond(
            r["status"] == "wachtlijst",
            rx.button(texts.INTAKE_KNOP, size="3", variant="soft", class_name="kw-tap",
                      on_click=AanmeldingenState.start_action("intake", r["id"], r["name"]),
                      aria_label=texts.INTAKE_KNOP + ": " + r["name"]),
            rx.button(texts.PLAATSEN_KNOP, size="3", variant="soft", class_name="kw-tap",
                      on_click=AanmeldingenState.start_action("plaatsen", r["id"], r["name"]),
                      aria_label=texts.PLAATSEN_KNOP + ": " + r["name"]),
        ),
        class_name="kw-card",
        width="100%",
    )


def aanmeldingen_page() -> rx.Component:
    return page(
        texts.AANMELDINGEN_TITEL,
        var_select_field(texts.AANMELDING_LOCATIE, "aanmelding-locatie", AanmeldingenState.locations,
                         value=AanmeldingenState.location_id, on_change=AanmeldingenState.set_location),
        error_callout(AanmeldingenState.error, width="100%"),
        notice_callout(AanmeldingenState.notice, width="100%"),
        rx.cond(AanmeldingenState.form_open, _referral_form(),
                rx.button(texts.AANMELDING_NIEUW, size="3", class_name="kw-tap", on_click=AanmeldingenState.open_form)),
        # Only once an intake or placement was chosen (before the page's data, "kind" is undefined).
        rx.cond((AanmeldingenState.action["kind"] == "intake") | (AanmeldingenState.action["kind"] == "plaatsen"),
                _action_form()),
        rx.heading(texts.WACHTLIJST_TITEL, size="5", as_="h2"),
        rx.cond(AanmeldingenState.rows.length() == 0, rx.text(texts.WACHTLIJST_LEEG, color_scheme="gray")),
        rx.vstack(rx.foreach(AanmeldingenState.rows, _row), width="100%", spacing="2"),
        active="/meer",
        spacing="3",
        max_width="760px",
    )
