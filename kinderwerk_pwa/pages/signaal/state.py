"""The state of signaal vastleggen: the child chosen, the categories, and the saved result."""

from __future__ import annotations

import json
import uuid

import reflex as rx

from ... import texts
from ...domain.common.clock import from_local_input, local_input_value
from ...domain.signalering.signals import capture_choices, capture_signal
from ...domain.toegang.locations import my_locations_today
from ...settings import get_settings
from ...state.page import PageState
from ...state.session import SessionState

FACTS_ID = "signaal-feiten"


def add_example(example: str) -> rx.event.EventSpec:
    """Append an example to "wat zag of hoorde je?" in the browser, without a server round trip.
    A frontend script event: compiled into the page's bundle, so it runs under the CSP without
    'unsafe-eval' (a script returned by a backend handler is a string the browser must eval)."""
    return rx.run_script(
        f"(() => {{const t = document.getElementById({json.dumps(FACTS_ID)});"
        f"t.value = (t.value ? t.value + ' ' : '') + {json.dumps(example)}; t.focus();}})()"
    )


class SignaalState(PageState, SessionState):
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
    saved_id: str = ""
    accumulation: str = ""
    form_key: int = 0

    def _reload(self, db, actor) -> None:
        self.choices = [
            {"id": str(c.id), "name": c.name, "detail": c.detail, "location_id": str(c.location_id)}
            for c in capture_choices(actor, db, self.query, today=self.today())
        ]

    def _offer_locations(self, actor, db) -> None:
        self.location_options = [{"id": str(r.id), "label": r.name} for r in my_locations_today(actor, db, self.today())]
        self.location_id = self.location_options[0]["id"] if self.location_options else ""

    @rx.event
    def load(self):
        self.step, self.query, self.child_id, self.child_name, self.unknown = "kind", "", "", "", False
        self.selected, self.acute, self.saved_id, self.accumulation = [], False, "", ""
        self.client_uuid = str(uuid.uuid4())
        self.observed_default = local_input_value()
        self.form_key += 1
        return self._run(self._offer_locations)

    @rx.event
    def search(self, value: str):
        self.query = value[:100]
        return self._run()

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
    def save(self, form: dict):
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
        return self._run(lambda actor, db: capture_signal(actor, db, payload), reload=False, then=self._saved)

    def _saved(self, result) -> None:
        self.saved_id = str(result.signal_id)
        if result.accumulation:
            self.accumulation = texts.SIGNAAL_STAPELING.format(
                n=result.accumulation, dagen=get_settings().signal_alert_days, kind=self.child_name)
        self.step = "klaar"

    @rx.event
    def again(self):
        return self.load()
