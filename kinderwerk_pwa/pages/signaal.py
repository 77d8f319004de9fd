"""Signaal vastleggen on a phone: child (recent first, search, or unknown), category, facts, save.

For a known child: Signaal (1) -> child (2) -> category (3) -> type what you saw -> save (4).
"""

from __future__ import annotations

import uuid

import reflex as rx

from .. import texts
from ..components.form import INPUT_STYLE, LABEL_STYLE, field_error
from ..components.layout import page_shell
from ..db import session_scope
from ..domain.common.clock import from_local_input, local_input_value
from ..domain.common.errors import DomainError, InvalidInput
from ..domain.signalering.signal_catalog import categories
from ..domain.signalering.signals import capture_choices, capture_signal
from ..domain.toegang.locations import my_locations_today
from ..settings import get_settings
from ..state.session import SessionState

FACTS_ID = "signaal-feiten"


class SignaalState(SessionState):
    step: str = "kind"  # kind -> details -> klaar
    query: str = ""
    choices: list[dict[str, str]] = []
    child_id: str = ""
    child_name: str = ""
    unknown: bool = False
    location_options: list[dict[str, str]] = []
    location_id: str = ""
    selected: list[str] = []
    acute: bool = False
    observed_default: str = ""
    client_uuid: str = ""
    errors: dict[str, str] = {}
    error: str = ""
    saved_id: str = ""
    accumulation: str = ""
    form_key: int = 0

    def _refresh_choices(self, db, actor) -> None:
        self.choices = [
            {"id": str(c.id), "name": c.name, "detail": c.detail, "location_id": str(c.location_id)}
            for c in capture_choices(actor, db, self.query, today=self.today())
        ]

    @rx.event
    def load(self):
        self.step, self.query, self.child_id, self.child_name, self.unknown = "kind", "", "", "", False
        self.selected, self.acute, self.errors, self.error, self.saved_id, self.accumulation = [], False, {}, "", "", ""
        self.client_uuid = str(uuid.uuid4())
        self.observed_default = local_input_value()
        self.form_key += 1
        with session_scope() as db:
            actor = self._actor(db)
            if actor is None:
                return rx.redirect("/login")
            self._show_user(actor)
            self.location_options = [{"id": str(r.id), "name": r.name} for r in my_locations_today(actor, db, self.today())]
            self.location_id = self.location_options[0]["id"] if self.location_options else ""
            try:
                self._refresh_choices(db, actor)
            except DomainError as exc:
                self.error = exc.message

    @rx.event
    def search(self, value: str):
        self.query = value[:100]
        with session_scope() as db:
            actor = self._actor(db)
            if actor is None:
                return rx.redirect("/login")
            try:
                self._refresh_choices(db, actor)
            except DomainError as exc:
                self.error = exc.message

    @rx.event
    def choose(self, child_id: str, name: str, location_id: str):
        # Only an id travels; the server checks it again when the signal is saved.
        self.child_id, self.child_name, self.unknown, self.step = child_id, name, False, "details"
        if any(o["id"] == location_id for o in self.location_options):
            self.location_id = location_id

    @rx.event
    def choose_unknown(self):
        self.child_id, self.child_name, self.unknown, self.step = "", "", True, "details"

    @rx.event
    def back_to_child(self):
        self.step = "kind"

    @rx.event
    def toggle_category(self, code: str):
        if code in self.selected:
            self.selected = [c for c in self.selected if c != code]
        else:
            self.selected = [*self.selected, code]
            # Straight on to typing: the cursor goes to "wat zag of hoorde je?".
            return rx.set_focus(FACTS_ID)
        return None

    @rx.event
    def set_acute(self, value: bool):
        self.acute = bool(value)

    @rx.event
    def add_example(self, example: str):
        return rx.call_script(
            f"(function(){{const t=document.getElementById('{FACTS_ID}');"
            f"t.value=(t.value?t.value+' ':'')+{example!r};t.focus();}})()"
        )

    @rx.event
    def save(self, form: dict):
        self.errors, self.error = {}, ""
        observed = from_local_input(str(form.get("observed_at", "")))
        payload = {
            "client_uuid": self.client_uuid,
            "child_id": self.child_id or None,
            "unknown_description": form.get("unknown_description", ""),
            "unknown_age": form.get("unknown_age", ""),
            "location_id": form.get("location_id") or self.location_id,
            "categories": list(self.selected),
            "facts": form.get("facts", ""),
            "interpretation": form.get("interpretation", ""),
            "source": form.get("source", "zelf_gezien"),
            "place": form.get("place", ""),
            "observed_at": observed.isoformat() if observed else (form.get("observed_at") or None),
            "acute": self.acute,
        }
        with session_scope() as db:
            actor = self._actor(db)
            if actor is None:
                return rx.redirect("/login")
            try:
                result = capture_signal(actor, db, payload)
            except InvalidInput as exc:
                self.errors, self.error = exc.fields, exc.message
                return None
            except DomainError as exc:
                self.error = exc.message
                return None
        self.saved_id = str(result.signal_id)
        if result.accumulation:
            self.accumulation = texts.SIGNAAL_STAPELING.format(
                n=result.accumulation, dagen=get_settings().signal_alert_days, kind=self.child_name)
        self.step = "klaar"
        return None

    @rx.event
    def again(self):
        return self.load()


def _error_box() -> rx.Component:
    return rx.cond(SignaalState.error != "",
                   rx.callout(SignaalState.error, icon="triangle-alert", color_scheme="red", role="alert", width="100%"))


def _choose_child() -> rx.Component:
    return rx.vstack(
        rx.heading(texts.SIGNAAL_KIES_KIND, size="5", as_="h2"),
        rx.box(
            rx.el.label(texts.SIGNAAL_ZOEK_KIND, html_for="signaal-zoek", style=LABEL_STYLE),
            rx.input(id="signaal-zoek", type="search", value=SignaalState.query,
                     on_change=SignaalState.search.debounce(200), size="3", width="100%"),
            width="100%",
        ),
        rx.cond(SignaalState.query == "", rx.text(texts.SIGNAAL_RECENT, size="2", color_scheme="gray")),
        rx.vstack(
            rx.foreach(SignaalState.choices, lambda c: rx.button(
                rx.hstack(rx.text(c["name"], weight="medium"), rx.text(c["detail"], size="2", color_scheme="gray"),
                          justify="between", width="100%"),
                on_click=SignaalState.choose(c["id"], c["name"], c["location_id"]),
                variant="surface", size="4", width="100%", class_name="kw-tap",
                aria_label=c["name"],
            )),
            width="100%",
            spacing="2",
        ),
        rx.button(texts.SIGNAAL_ONBEKEND_KIND, on_click=SignaalState.choose_unknown, variant="outline",
                  size="4", width="100%", class_name="kw-tap"),
        width="100%",
        spacing="3",
    )


def _category_chip(code: str, label: str) -> rx.Component:
    chosen = SignaalState.selected.contains(code)
    return rx.button(
        label,
        type="button",
        on_click=SignaalState.toggle_category(code),
        variant=rx.cond(chosen, "solid", "outline"),
        size="3",
        class_name="kw-tap kw-wrap",
        aria_pressed=rx.cond(chosen, "true", "false"),
    )


def _examples() -> rx.Component:
    blocks = []
    for cat in categories():
        blocks.append(rx.cond(
            SignaalState.selected.contains(cat.code),
            rx.flex(*[rx.button(ex, type="button", size="2", variant="soft", color_scheme="gray",
                                on_click=SignaalState.add_example(ex), class_name="kw-tap kw-wrap")
                      for ex in cat.examples], wrap="wrap", gap="2"),
        ))
    return rx.box(rx.text(texts.SIGNAAL_VOORBEELDEN, size="2", color_scheme="gray"), *blocks, width="100%")


def _acute_guidance() -> rx.Component:
    return rx.callout.root(
        rx.callout.icon(rx.icon("siren")),
        rx.vstack(
            rx.text(texts.SIGNAAL_ACUUT_UITLEG, weight="bold"),
            rx.el.a(texts.SIGNAAL_BEL_112, href="tel:112", class_name="kw-linkbutton kw-danger"),
            rx.el.a(texts.SIGNAAL_BEL_VT, href="tel:08002000", class_name="kw-linkbutton"),
            rx.text(texts.SIGNAAL_ACUUT_VERVOLG, size="2"),
            width="100%",
        ),
        color_scheme="red",
        role="alert",
        width="100%",
    )


def _textarea(label: str, name: str, hint: str, error, **props) -> rx.Component:
    field_id = props.pop("id", f"signaal-{name}")
    props.setdefault("rows", 4)
    return rx.box(
        rx.el.label(label, html_for=field_id, style=LABEL_STYLE),
        rx.el.textarea(id=field_id, name=name, style={**INPUT_STYLE, "padding": "10px 12px"}, **props),
        rx.text(hint, size="1", color_scheme="gray"),
        field_error(error),
        width="100%",
    )


def _details() -> rx.Component:
    return rx.el.form(
        rx.vstack(
            rx.hstack(
                rx.heading(rx.cond(SignaalState.unknown, texts.SIGNAAL_ONBEKEND_KIND, SignaalState.child_name),
                           size="5", as_="h2"),
                rx.button(texts.SIGNAAL_ANDER_KIND, type="button", variant="ghost", size="2",
                          on_click=SignaalState.back_to_child, class_name="kw-tap"),
                justify="between", align="center", width="100%",
            ),
            rx.cond(
                SignaalState.unknown,
                rx.vstack(
                    rx.box(
                        rx.el.label(texts.SIGNAAL_ONBEKEND_OMSCHRIJVING, html_for="signaal-omschrijving", style=LABEL_STYLE),
                        rx.el.input(id="signaal-omschrijving", name="unknown_description", style=INPUT_STYLE,
                                    placeholder=texts.SIGNAAL_ONBEKEND_OMSCHRIJVING_HINT, max_length=300),
                        field_error(SignaalState.errors["unknown_description"]),
                        field_error(SignaalState.errors["child"]),
                        width="100%",
                    ),
                    rx.box(
                        rx.el.label(texts.SIGNAAL_ONBEKEND_LEEFTIJD, html_for="signaal-leeftijd", style=LABEL_STYLE),
                        rx.el.input(id="signaal-leeftijd", name="unknown_age", type="number", min=0, max=18,
                                    input_mode="numeric", style=INPUT_STYLE),
                        field_error(SignaalState.errors["unknown_age"]),
                        width="100%",
                    ),
                    rx.box(
                        rx.el.label(texts.SIGNAAL_LOCATIE, html_for="signaal-locatie", style=LABEL_STYLE),
                        rx.el.select(rx.foreach(SignaalState.location_options,
                                                lambda o: rx.el.option(o["name"], value=o["id"])),
                                     id="signaal-locatie", name="location_id", default_value=SignaalState.location_id,
                                     style=INPUT_STYLE),
                        width="100%",
                    ),
                    width="100%",
                ),
            ),
            rx.el.fieldset(
                rx.el.legend(texts.SIGNAAL_CATEGORIEEN, style=LABEL_STYLE),
                rx.flex(*[_category_chip(c.code, c.label) for c in categories()], wrap="wrap", gap="2"),
                field_error(SignaalState.errors["categories"]),
                style={"border": "none", "padding": 0, "margin": 0, "width": "100%"},
            ),
            rx.cond(SignaalState.selected.length() > 0, _examples()),
            _textarea(texts.SIGNAAL_FEITEN, "facts", texts.SIGNAAL_FEITEN_HINT, SignaalState.errors["facts"],
                      id=FACTS_ID, max_length=2000),
            rx.hstack(
                rx.switch(checked=SignaalState.acute, on_change=SignaalState.set_acute, id="signaal-acuut",
                          size="3", color_scheme="red"),
                rx.el.label(texts.SIGNAAL_ACUUT, html_for="signaal-acuut", style={"fontWeight": 600}),
                align="center", spacing="3", min_height="48px",
            ),
            rx.cond(SignaalState.acute, _acute_guidance()),
            _textarea(texts.SIGNAAL_INTERPRETATIE, "interpretation", texts.SIGNAAL_INTERPRETATIE_HINT,
                      SignaalState.errors["interpretation"], max_length=1000, rows=2),
            rx.el.fieldset(
                rx.el.legend(texts.SIGNAAL_BRON, style=LABEL_STYLE),
                rx.flex(*[rx.el.label(
                    rx.el.input(type="radio", name="source", value=code, default_checked=(code == "zelf_gezien"),
                                style={"width": "22px", "height": "22px"}),
                    text, style={"display": "flex", "alignItems": "center", "gap": "8px", "minHeight": "44px",
                                 "paddingRight": "12px"})
                    for code, text in texts.SIGNAAL_BRONNEN.items()], wrap="wrap"),
                field_error(SignaalState.errors["source"]),
                style={"border": "none", "padding": 0, "margin": 0, "width": "100%"},
            ),
            rx.box(
                rx.el.label(texts.SIGNAAL_PLAATS, html_for="signaal-plaats", style=LABEL_STYLE),
                rx.el.input(id="signaal-plaats", name="place", style=INPUT_STYLE, max_length=200,
                            placeholder="Bijvoorbeeld: schoolplein, bij het klimrek"),
                field_error(SignaalState.errors["place"]),
                width="100%",
            ),
            rx.box(
                rx.el.label(texts.SIGNAAL_TIJD, html_for="signaal-tijd", style=LABEL_STYLE),
                rx.el.input(id="signaal-tijd", name="observed_at", type="datetime-local",
                            default_value=SignaalState.observed_default, style=INPUT_STYLE),
                field_error(SignaalState.errors["observed_at"]),
                width="100%",
            ),
            _error_box(),
            rx.button(texts.SIGNAAL_OPSLAAN, type="submit", size="4", width="100%", class_name="kw-tap"),
            width="100%",
            spacing="4",
        ),
        on_submit=SignaalState.save,
        key=SignaalState.form_key,
        style={"width": "100%"},
    )


def _done() -> rx.Component:
    return rx.vstack(
        rx.callout(texts.SIGNAAL_OPGESLAGEN, icon="check", color_scheme="teal", role="status", width="100%"),
        rx.cond(SignaalState.acute, _acute_guidance()),
        rx.cond(SignaalState.accumulation != "",
                rx.callout(SignaalState.accumulation, icon="layers", color_scheme="amber", width="100%")),
        rx.link(rx.button(texts.SIGNAAL_BEKIJK, size="4", width="100%", variant="outline", class_name="kw-tap"),
                href="/signalen/" + SignaalState.saved_id, width="100%"),
        rx.button(texts.SIGNAAL_NOG_EEN, size="4", width="100%", on_click=SignaalState.again, class_name="kw-tap"),
        width="100%",
        spacing="3",
    )


def signaal_page() -> rx.Component:
    return page_shell(
        rx.vstack(
            rx.heading(texts.SIGNAAL_TITEL, size="7", as_="h1"),
            rx.match(
                SignaalState.step,
                ("kind", rx.vstack(_error_box(), _choose_child(), width="100%")),
                ("details", _details()),
                _done(),
            ),
            width="100%",
            spacing="4",
            max_width="640px",
        ),
        active="/signaal",
    )
