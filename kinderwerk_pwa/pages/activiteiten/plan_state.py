"""The state of the plan form: the location (team), the lists it offers there, and the result.
The form's fields are named after the keys of planning.plan_series's payload; the client UUID is
made once per opened form, so a double tap on "plannen" plans once.

With ?reeks=<id> the same form changes a planned series (planning.update_series): it opens with
the series' values, the location stays fixed, and saving changes the future occurrences that are
not yet registered (the past and registered ones stay as they were)."""

from __future__ import annotations

import uuid
from datetime import date

import reflex as rx

from ... import texts
from ...domain.activiteiten import catalog
from ...domain.activiteiten.choices import plan_choices
from ...domain.activiteiten.planning import plan_series, update_series
from ...domain.activiteiten.programme import get_series
from ...domain.toegang.locations import my_locations_today
from ...state.page import PageState
from ...state.session import SessionState

KIND_OPTIONS = [(k.code, k.label) for k in catalog.kinds()]
THEMES = [{"id": t.code, "label": t.label} for t in catalog.themes()]
PLACE_OPTIONS = list(texts.ACTIVITEIT_PLEK_LABELS.items())
REPEAT_OPTIONS = list(texts.ACTIVITEIT_HERHALING_LABELS.items())
DEFAULT_START, DEFAULT_END = "15:00", "16:30"


class PlanState(PageState, SessionState):
    locations: list[dict[str, str]] = []
    location_id: str = ""
    colleagues: list[dict[str, str]] = []
    partners: list[dict[str, str]] = []
    lead_id: str = ""
    place_kind: str = ""
    repeat: str = "eenmalig"
    first_day: str = ""
    client_uuid: str = ""
    form_key: int = 0
    done: str = ""  # the notice after planning; the form is hidden then
    done_href: str = ""
    themes: list[dict[str, str]] = THEMES
    # The values the form opens with: empty for a new plan, the series' values when changing one.
    series_id: str = ""
    plan_title: str = ""
    kind: str = ""
    place_name: str = ""
    neighbourhood: str = ""
    partner_id: str = ""
    last_day: str = ""
    start_time: str = DEFAULT_START
    end_time: str = DEFAULT_END
    planned_children: str = "0"
    chosen_themes: list[str] = []

    def _offer(self, actor, db) -> None:
        self.locations = [{"id": str(r.id), "label": r.name} for r in my_locations_today(actor, db, self.today())]
        ids = [loc["id"] for loc in self.locations]
        wanted = self.router.url.query_parameters.get("locatie", "")
        self.location_id = wanted if wanted in ids else (ids[0] if ids else "")
        self.lead_id = str(actor.id)
        self._choices(actor, db)

    def _choices(self, actor, db) -> None:
        if not self.location_id:
            self.colleagues, self.partners = [], []
            return
        choices = plan_choices(actor, db, int(self.location_id))
        self.colleagues = [{"id": str(i), "label": n} for i, n in choices.colleagues]
        self.partners = [{"id": str(i), "label": n} for i, n in choices.partners]
        if self.lead_id not in {c["id"] for c in self.colleagues}:
            self.lead_id = self.colleagues[0]["id"] if self.colleagues else ""

    def _new_form(self) -> None:
        self.client_uuid = str(uuid.uuid4())
        self.form_key += 1
        self.done, self.done_href, self.place_kind, self.repeat = "", "", "", "eenmalig"
        self.series_id, self.plan_title, self.kind, self.place_name, self.neighbourhood = "", "", "", "", ""
        self.partner_id, self.last_day, self.planned_children, self.chosen_themes = "", "", "0", []
        self.start_time, self.end_time = DEFAULT_START, DEFAULT_END
        raw = self.router.url.query_parameters.get("dag", "")
        try:
            self.first_day = date.fromisoformat(raw).isoformat() if raw else self.today().isoformat()
        except ValueError:
            self.first_day = self.today().isoformat()

    def _open_series(self, actor, db) -> None:
        raw = self.router.url.query_parameters.get("reeks", "")
        view = get_series(actor, db, int(raw) if raw.isdigit() else 0)
        self._offer(actor, db)
        self.location_id = str(view.location_id)
        self._choices(actor, db)
        self.series_id, self.plan_title, self.kind = str(view.id), view.title, view.kind
        self.place_kind, self.place_name, self.neighbourhood = view.place_kind, view.place_name, view.neighbourhood
        self.partner_id = str(view.partner_id or "")
        self.first_day, self.last_day, self.repeat = view.first_day.isoformat(), view.last_day.isoformat(), view.repeat
        self.start_time, self.end_time = f"{view.start_time:%H:%M}", f"{view.end_time:%H:%M}"
        self.planned_children, self.lead_id = str(view.planned_children), str(view.lead_staff_id)
        self.chosen_themes = list(view.themes)
        self.form_key += 1  # the form's inputs start from these values

    @rx.event
    def load(self):
        self._new_form()
        if self.router.url.query_parameters.get("reeks"):
            return self._run(self._open_series, reload=False)
        return self._run(self._offer, reload=False)

    @rx.event
    def again(self):
        self._new_form()
        self.error, self.notice, self.errors = "", "", {}

    @rx.event
    def set_location(self, location_id: str):
        self.location_id = str(location_id) if str(location_id).isdigit() else ""
        return self._run(self._choices, reload=False)

    @rx.event
    def set_lead(self, staff_id: str):
        self.lead_id = str(staff_id)

    @rx.event
    def set_place_kind(self, value: str):
        self.place_kind = str(value)

    @rx.event
    def set_repeat(self, value: str):
        self.repeat = "wekelijks" if value == "wekelijks" else "eenmalig"

    @rx.event
    def save(self, form: dict):
        payload = {key: str(form.get(key, "")).strip() for key in (
            "title", "kind", "place_name", "neighbourhood", "partner_id", "first_day", "last_day", "start_time",
            "end_time", "planned_children")}
        payload.update(client_uuid=self.client_uuid, location_id=self.location_id, lead_staff_id=self.lead_id,
                       place_kind=self.place_kind, repeat=self.repeat,
                       themes=[t["id"] for t in THEMES if form.get("thema_" + t["id"])])
        if not payload["planned_children"]:
            payload["planned_children"] = "0"
        if self.repeat != "wekelijks":
            payload["last_day"] = ""
        if self.series_id:
            series_id = int(self.series_id)
            for key in ("client_uuid", "location_id"):
                payload.pop(key)
            return self._run(lambda actor, db: update_series(actor, db, series_id, payload), reload=False,
                             then=lambda result: self._changed(result, payload))
        return self._run(lambda actor, db: plan_series(actor, db, payload), reload=False,
                         then=lambda result: self._planned(result, payload))

    def _changed(self, result, payload: dict) -> None:
        self.done = texts.PLAN_GEWIJZIGD.format(titel=payload["title"], nieuw=len(result.activity_ids),
                                                weg=result.removed)
        self.done_href = f"/activiteiten?locatie={self.location_id}&week={payload['first_day']}"

    def _planned(self, result, payload: dict) -> None:
        self.done = texts.PLAN_OPGESLAGEN.format(titel=payload["title"], n=len(result.activity_ids))
        self.done_href = f"/activiteiten?locatie={self.location_id}&week={payload['first_day']}"
