"""The state of the field sheet of one activity: who of the registered children is there (tap
toggles), the anonymous tally per age band x gender, and the registration itself.

Taps and the tally live in this state until "Gerealiseerd"; then one payload goes to
registration.register_activity with a client UUID made once per opening of the sheet, so a double
tap (or a replay) stores the registration once."""

from __future__ import annotations

import uuid

import reflex as rx

from ... import texts
from ...domain.activiteiten.programme import open_activity
from ...domain.activiteiten.registration import register_activity
from ...domain.common.search import matches_text, query_words, search_key
from ...models.activities import AGE_BANDS, GENDERS
from ...state.page import PageState
from ...state.session import SessionState
from .rows import day_label

CELLS = [f"{band}|{gender}" for band in AGE_BANDS for gender in GENDERS]
MAX_TYPED = 4  # characters of a typed count (the domain checks the number)


def _number(value: str) -> int:
    text = str(value or "").strip()
    return int(text) if text.isdigit() else 0


class SheetState(PageState, SessionState):
    title: str = ""
    when: str = ""
    place: str = ""
    about: str = ""  # kind and who runs it
    status: str = ""
    status_label: str = ""
    registered: bool = False
    is_future: bool = False
    location_id: str = ""
    series_id: str = ""
    day: str = ""
    children: list[dict[str, str]] = []  # id, name, regular ("1"/""), present ("1"/"")
    query: str = ""
    show_all: bool = False
    tally: dict[str, str] = {}
    themes: list[dict[str, str]] = []
    note: str = ""
    observations: dict[str, str] = {}
    mode: str = ""  # "" | "geannuleerd" | "verplaatst": which of the other two forms is open
    client_uuid: str = ""
    form_key: int = 0

    def _activity_id(self) -> int:
        return self._route_id("activity_id")

    def _reload(self, db, actor) -> None:
        sheet = open_activity(actor, db, self._activity_id())
        item, today = sheet.activity, self.today()
        self.title = item.title
        self.when = f"{day_label(item.day, today)}, {item.start_time:%H:%M}–{item.end_time:%H:%M}"
        self.place = item.place if item.place == item.location_name else f"{item.place} ({item.location_name})"
        self.about = f"{item.kind_label} · {texts.ACTIVITEIT_DOOR.format(naam=item.lead_name)}"
        self.status, self.registered = item.status, sheet.registered
        self.status_label = texts.ACTIVITEIT_STATUS_LABELS.get(item.status, item.status)
        self.is_future = item.day > today
        self.location_id, self.day = str(item.location_id), item.day.isoformat()
        self.series_id = str(item.series_id)
        self.children = [{"id": str(c.child_id), "name": c.name, "regular": "1" if c.regular else "",
                          "present": "1" if c.present else ""} for c in sheet.children]
        self.tally = {f"{band}|{gender}": str(n) for band, row in sheet.tally.items() for gender, n in row.items()}
        self.themes = [{"id": code, "label": label} for code, label in sheet.themes]
        self.note, self.observations = sheet.note, dict(sheet.observations)
        self.form_key += 1

    def _clear_page(self) -> None:
        self.children, self.title, self.themes = [], "", []

    @rx.event
    def load(self):
        self.title, self.children, self.tally, self.query, self.show_all, self.mode = "", [], {}, "", False, ""
        self.client_uuid = str(uuid.uuid4())  # once per opening of the sheet
        return self._run()

    # ---- taps: local until saved -------------------------------------------------------------
    @rx.event
    def toggle(self, child_id: str):
        if self.registered:
            return
        self.children = [{**c, "present": "" if c["present"] else "1"} if c["id"] == child_id else c
                         for c in self.children]

    @rx.event
    def plus(self, cell: str):
        if cell in CELLS and not self.registered:
            self.tally = {**self.tally, cell: str(_number(self.tally.get(cell, "0")) + 1)}

    @rx.event
    def minus(self, cell: str):
        if cell in CELLS and not self.registered:
            self.tally = {**self.tally, cell: str(max(0, _number(self.tally.get(cell, "0")) - 1))}

    @rx.event
    def set_cell(self, cell: str, value: str):
        if cell in CELLS and not self.registered:
            self.tally = {**self.tally, cell: str(value).strip()[:MAX_TYPED]}

    @rx.event
    def search(self, value: str):
        self.query = str(value)[:100]

    @rx.event
    def show_all_children(self):
        self.show_all = True

    @rx.event
    def set_mode(self, mode: str):
        self.mode = mode if mode in ("geannuleerd", "verplaatst") and self.mode != mode else ""

    # ---- the registration: one payload, one idempotent domain call ---------------------------
    def _register(self, status: str, **extra):
        payload = {"client_uuid": self.client_uuid, "activity_id": self._activity_id(), "status": status, **extra}
        return self._run(lambda actor, db: register_activity(actor, db, payload),
                         success=texts.SHEET_OPGESLAGEN.format(
                             status=texts.ACTIVITEIT_STATUS_LABELS[status].lower()))

    @rx.event
    def realise(self, form: dict):
        tally: dict[str, dict[str, str]] = {}
        for cell in CELLS:
            band, gender = cell.split("|")
            raw = str(self.tally.get(cell, "")).strip()
            tally.setdefault(band, {})[gender] = raw or "0"
        observations = {t["id"]: str(form.get("obs_" + t["id"], "")) for t in self.themes}
        # Ids as the page holds them: the domain reads and checks each one.
        return self._register("gerealiseerd", children=[c["id"] for c in self.children if c["present"]],
                              tally=tally, note=str(form.get("note", "")),
                              observations={k: v for k, v in observations.items() if v.strip()})

    @rx.event
    def cancel(self, form: dict):
        return self._register("geannuleerd", reason=str(form.get("reason", "")))

    @rx.event
    def move(self, form: dict):
        return self._register("verplaatst", reason=str(form.get("reason", "")), new_day=str(form.get("new_day", "")),
                              new_start_time=str(form.get("new_start_time", "")),
                              new_end_time=str(form.get("new_end_time", "")))

    # ---- what the page shows -------------------------------------------------------------------
    @rx.var
    def present_count(self) -> int:
        return sum(1 for c in self.children if c["present"])

    @rx.var
    def tally_total(self) -> int:
        return sum(_number(v) for v in self.tally.values())

    @rx.var
    def has_regulars(self) -> bool:
        return any(c["regular"] for c in self.children)

    @rx.var
    def visible(self) -> list[dict[str, str]]:
        if query_words(self.query):  # the tiles are on the screen already: the same match in Python
            return [c for c in self.children if matches_text(search_key(c["name"]), self.query)]
        if self.show_all or self.registered or not any(c["regular"] for c in self.children):
            return [c for c in self.children if c["present"]] if self.registered else self.children
        return [c for c in self.children if c["regular"] or c["present"]]

    @rx.var
    def observation_rows(self) -> list[dict[str, str]]:
        return [{"label": t["label"], "text": self.observations[t["id"]]} for t in self.themes
                if self.observations.get(t["id"])]

    @rx.var
    def week_href(self) -> str:
        return f"/activiteiten?locatie={self.location_id}&week={self.day}" if self.day else "/activiteiten"
