"""The state of beheer: the organisation's staff and locations, and the form being edited."""

from __future__ import annotations

import reflex as rx

from ... import texts
from ...auth.oidc import config as oidc_config
from ...domain.toegang import second_factor, staff_admin
from ...state.page import PageState
from ...state.session import SessionState

LOCATION_FIELDS = ("name", "kind", "neighbourhood", "address", "capacity")


class BeheerState(PageState, SessionState):
    staff: list[dict[str, str]] = []
    locations: list[dict[str, str]] = []
    # The account or location form: "" = closed, "nieuw" = new, else the id being edited.
    staff_form: str = ""
    staff_values: dict[str, str] = {}
    staff_locations: list[str] = []
    location_form: str = ""
    location_values: dict[str, str] = {}
    form_key: int = 0

    def _reload(self, db, actor) -> None:
        names = {}
        self.locations = []
        for loc in staff_admin.list_locations(actor, db):
            names[loc.id] = loc.name
            self.locations.append({
                "id": str(loc.id), "name": loc.name, "kind": loc.kind,
                "kind_label": texts.LOCATION_KIND_LABELS.get(loc.kind, loc.kind),
                "neighbourhood": loc.neighbourhood, "address": loc.address,
                "capacity": str(loc.capacity or ""), "status": texts.ACTIEF if loc.active else texts.UITGESCHAKELD,
            })
        self.staff = [
            {"id": str(s.id), "name": s.name, "email": s.email, "role": s.role,
             "role_label": texts.ROLE_LABELS.get(s.role, s.role),
             "locations": ", ".join(names.get(i, "?") for i in s.location_ids),
             "location_ids": ",".join(map(str, s.location_ids)),
             "active": "1" if s.active else "",
             "status": texts.ACTIEF if s.active else texts.UITGESCHAKELD,
             "login": s.login + (" + 2FA" if s.totp_enabled else ""),
             "totp": "1" if s.totp_enabled else ""}
            for s in staff_admin.list_staff(actor, db)
        ]

    def _clear_page(self) -> None:
        self.staff, self.locations = [], []

    def _open_form(self) -> None:
        self.errors, self.form_key = {}, self.form_key + 1

    def _edit(self, rows: list[dict[str, str]], row_id: str) -> dict[str, str] | None:
        """The listed row to edit in a fresh form; None for an id the page does not list."""
        row = next((r for r in rows if r["id"] == row_id), None)
        if row is not None:
            self._open_form()
        return row

    @rx.event
    def load(self):
        self.staff_form, self.location_form = "", ""
        return self._run()

    # Accounts
    @rx.event
    def new_staff(self):
        self.staff_form, self.staff_values, self.staff_locations = "nieuw", {"role": "kinderwerker"}, []
        self._open_form()

    @rx.event
    def edit_staff(self, staff_id: str):
        if row := self._edit(self.staff, staff_id):
            self.staff_form = staff_id
            self.staff_values = {"name": row["name"], "email": row["email"], "role": row["role"]}
            self.staff_locations = [i for i in row["location_ids"].split(",") if i]

    @rx.event
    def close_forms(self):
        self.staff_form, self.location_form, self.errors = "", "", {}

    @rx.event
    def save_staff(self, form: dict):
        location_ids = [key.removeprefix("loc_") for key, value in form.items()
                        if key.startswith("loc_") and value]
        cfg = oidc_config()
        data = {"name": form.get("name", ""), "email": form.get("email", ""), "role": form.get("role", ""),
                "password": form.get("password", ""), "oidc_subject": form.get("oidc_subject", ""),
                "oidc_issuer": cfg.issuer if cfg else "", "location_ids": location_ids}
        editing = self.staff_form
        self.staff_values = {k: str(data[k]) for k in ("name", "email", "role", "oidc_subject")}
        self.staff_locations = location_ids
        if editing == "nieuw":
            result = self._run(lambda actor, db: staff_admin.create_staff(actor, db, data), success=texts.OPGESLAGEN)
        else:
            result = self._run(lambda actor, db: staff_admin.update_staff(actor, db, int(editing), data),
                               success=texts.OPGESLAGEN)
        if not self.error:
            self.staff_form = ""
        return result

    @rx.event
    def toggle_staff(self, staff_id: str, active: str):
        return self._run(lambda actor, db: staff_admin.set_staff_active(actor, db, int(staff_id), not active),
                         success=texts.OPGESLAGEN)

    @rx.event
    def reset_second_factor(self, staff_id: str):
        return self._run(lambda actor, db: second_factor.reset_second_factor(actor, db, int(staff_id)),
                         success=texts.TWEEDE_FACTOR_VERWIJDERD)

    # Locations
    @rx.event
    def new_location(self):
        self.location_form, self.location_values = "nieuw", {"kind": "huiskamer"}
        self._open_form()

    @rx.event
    def edit_location(self, location_id: str):
        if row := self._edit(self.locations, location_id):
            self.location_form, self.location_values = location_id, {k: row[k] for k in LOCATION_FIELDS}

    @rx.event
    def save_location(self, form: dict):
        editing = self.location_form
        self.location_values = {k: str(form.get(k, "")) for k in LOCATION_FIELDS}
        if editing == "nieuw":
            result = self._run(lambda actor, db: staff_admin.create_location(actor, db, form),
                               success=texts.OPGESLAGEN)
        else:
            result = self._run(lambda actor, db: staff_admin.update_location(actor, db, int(editing),
                                                                             {**form, "active": True}),
                               success=texts.OPGESLAGEN)
        if not self.error:
            self.location_form = ""
        return result
