"""Beheer (desktop): staff accounts and locations. Only the beheerder may; the domain decides."""

from __future__ import annotations

import reflex as rx

from .. import texts
from ..auth.oidc import config as oidc_config
from ..components.form import LABEL_STYLE, field_error, select_field, text_field
from ..components.layout import page_shell
from ..db import session_scope
from ..domain.common.errors import DomainError, InvalidInput
from ..domain.toegang import staff_admin
from ..models.organisation import LOCATION_KINDS
from ..models.staff import ROLES
from ..state.session import SessionState

ROLE_OPTIONS = [(r, texts.ROLE_LABELS[r]) for r in ROLES]
KIND_OPTIONS = [(k, texts.LOCATION_KIND_LABELS[k]) for k in LOCATION_KINDS]


class BeheerState(SessionState):
    staff: list[dict[str, str]] = []
    locations: list[dict[str, str]] = []
    error: str = ""
    notice: str = ""
    field_errors: dict[str, str] = {}
    # The account or location form: "" = closed, "nieuw" = new, else the id being edited.
    staff_form: str = ""
    staff_values: dict[str, str] = {}
    staff_locations: list[str] = []
    location_form: str = ""
    location_values: dict[str, str] = {}
    form_key: int = 0

    def _load(self, db, actor) -> None:
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
             "login": s.login + (" + 2FA" if s.totp_enabled else "")}
            for s in staff_admin.list_staff(actor, db)
        ]

    def _run(self, action, *, success: str = ""):
        """Resolve the actor, run a domain action, reload; errors become Dutch messages."""
        self.error, self.notice, self.field_errors = "", "", {}
        with session_scope() as db:
            actor = self._actor(db)
            if actor is None:
                return rx.redirect("/login")
            self._show_user(actor)
            try:
                if action is not None:
                    action(actor, db)
                self._load(db, actor)
            except InvalidInput as exc:
                self.error, self.field_errors = exc.message, exc.fields
                return None
            except DomainError as exc:
                self.staff, self.locations = [], []
                self.error = exc.message
                return None
        self.notice = success
        return True

    @rx.event
    def load(self):
        self.staff_form, self.location_form = "", ""
        self._run(None)

    # Accounts
    @rx.event
    def new_staff(self):
        self.staff_form, self.staff_values, self.staff_locations = "nieuw", {"role": "kinderwerker"}, []
        self.field_errors, self.form_key = {}, self.form_key + 1

    @rx.event
    def edit_staff(self, staff_id: str):
        row = next((s for s in self.staff if s["id"] == staff_id), None)
        if row is None:
            return
        self.staff_form = staff_id
        self.staff_values = {"name": row["name"], "email": row["email"], "role": row["role"]}
        self.staff_locations = [i for i in row["location_ids"].split(",") if i]
        self.field_errors, self.form_key = {}, self.form_key + 1

    @rx.event
    def close_forms(self):
        self.staff_form, self.location_form, self.field_errors = "", "", {}

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
            ok = self._run(lambda actor, db: staff_admin.create_staff(actor, db, data), success=texts.OPGESLAGEN)
        else:
            ok = self._run(lambda actor, db: staff_admin.update_staff(actor, db, int(editing), data),
                           success=texts.OPGESLAGEN)
        if ok is True:
            self.staff_form = ""
        return ok if ok is not True else None

    @rx.event
    def toggle_staff(self, staff_id: str, active: str):
        return self._run(lambda actor, db: staff_admin.set_staff_active(actor, db, int(staff_id), not active),
                         success=texts.OPGESLAGEN)

    # Locations
    @rx.event
    def new_location(self):
        self.location_form, self.location_values = "nieuw", {"kind": "huiskamer"}
        self.field_errors, self.form_key = {}, self.form_key + 1

    @rx.event
    def edit_location(self, location_id: str):
        row = next((r for r in self.locations if r["id"] == location_id), None)
        if row is None:
            return
        self.location_form = location_id
        self.location_values = {k: row[k] for k in ("name", "kind", "neighbourhood", "address", "capacity")}
        self.field_errors, self.form_key = {}, self.form_key + 1

    @rx.event
    def save_location(self, form: dict):
        editing = self.location_form
        self.location_values = {k: str(form.get(k, "")) for k in ("name", "kind", "neighbourhood", "address", "capacity")}
        if editing == "nieuw":
            ok = self._run(lambda actor, db: staff_admin.create_location(actor, db, form), success=texts.OPGESLAGEN)
        else:
            ok = self._run(lambda actor, db: staff_admin.update_location(actor, db, int(editing),
                                                                         {**form, "active": True}),
                           success=texts.OPGESLAGEN)
        if ok is True:
            self.location_form = ""
        return ok if ok is not True else None


def _messages() -> rx.Component:
    return rx.fragment(
        rx.cond(BeheerState.error != "",
                rx.callout(BeheerState.error, icon="triangle-alert", color_scheme="red", role="alert")),
        rx.cond(BeheerState.notice != "",
                rx.callout(BeheerState.notice, icon="check", color_scheme="teal", role="status")),
    )


def _staff_form() -> rx.Component:
    return rx.el.form(
        rx.vstack(
            rx.heading(rx.cond(BeheerState.staff_form == "nieuw", texts.BEHEER_NIEUWE_MEDEWERKER, texts.WIJZIGEN),
                       size="4", as_="h2"),
            text_field(texts.VELD_NAAM, "name", default_value=BeheerState.staff_values["name"],
                       error=BeheerState.field_errors["name"]),
            text_field(texts.VELD_EMAIL, "email", type_="email", default_value=BeheerState.staff_values["email"],
                       error=BeheerState.field_errors["email"]),
            select_field(texts.VELD_ROL, "role", ROLE_OPTIONS, default_value=BeheerState.staff_values["role"],
                         error=BeheerState.field_errors["role"]),
            rx.el.fieldset(
                rx.el.legend(texts.VELD_LOCATIES, style=LABEL_STYLE),
                rx.foreach(
                    BeheerState.locations,
                    lambda loc: rx.el.label(
                        rx.el.input(type="checkbox", name="loc_" + loc["id"],
                                    default_checked=BeheerState.staff_locations.contains(loc["id"]),
                                    style={"width": "22px", "height": "22px"}),
                        loc["name"],
                        style={"display": "flex", "gap": "10px", "alignItems": "center", "minHeight": "44px"},
                    ),
                ),
                field_error(BeheerState.field_errors["locations"]),
                style={"border": "none", "padding": 0, "margin": 0},
            ),
            text_field(texts.VELD_WACHTWOORD, "password", type_="password", autocomplete="new-password",
                       error=BeheerState.field_errors["password"]),
            text_field(texts.VELD_OIDC_SUBJECT, "oidc_subject", default_value=BeheerState.staff_values["oidc_subject"],
                       hint=texts.VELD_OIDC_SUBJECT_UITLEG, error=BeheerState.field_errors["oidc_subject"]),
            rx.hstack(
                rx.button(texts.OPSLAAN, type="submit", size="3", class_name="kw-tap"),
                rx.button(texts.ANNULEREN, type="button", variant="soft", color_scheme="gray", size="3",
                          class_name="kw-tap", on_click=BeheerState.close_forms),
            ),
            spacing="3",
            width="100%",
        ),
        on_submit=BeheerState.save_staff,
        key=BeheerState.form_key,
        class_name="kw-card",
        style={"width": "100%", "maxWidth": "560px"},
    )


def _staff_table() -> rx.Component:
    return rx.table.root(
        rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in
                                       (texts.VELD_NAAM, texts.VELD_EMAIL, texts.VELD_ROL, texts.VELD_LOCATIES,
                                        "Inloggen", "Status", "")])),
        rx.table.body(rx.foreach(BeheerState.staff, lambda s: rx.table.row(
            rx.table.row_header_cell(s["name"]),
            rx.table.cell(s["email"]),
            rx.table.cell(s["role_label"]),
            rx.table.cell(s["locations"]),
            rx.table.cell(s["login"]),
            rx.table.cell(s["status"]),
            rx.table.cell(rx.hstack(
                rx.button(texts.WIJZIGEN, size="2", variant="soft", on_click=BeheerState.edit_staff(s["id"]),
                          aria_label=texts.WIJZIGEN + " " + s["name"]),
                rx.button(rx.cond(s["active"] == "1", texts.UITSCHAKELEN, texts.INSCHAKELEN), size="2",
                          variant="outline", color_scheme=rx.cond(s["active"] == "1", "red", "teal"),
                          on_click=BeheerState.toggle_staff(s["id"], s["active"]),
                          aria_label=rx.cond(s["active"] == "1", texts.UITSCHAKELEN, texts.INSCHAKELEN) + " " + s["name"]),
            )),
        ))),
        width="100%",
        variant="surface",
    )


def medewerkers_page() -> rx.Component:
    return page_shell(
        rx.vstack(
            rx.heading(f"{texts.NAV_BEHEER}: {texts.BEHEER_MEDEWERKERS}", size="7", as_="h1"),
            _messages(),
            rx.cond(BeheerState.staff_form != "", _staff_form(),
                    rx.button(texts.BEHEER_NIEUWE_MEDEWERKER, size="3", class_name="kw-tap",
                              on_click=BeheerState.new_staff)),
            rx.box(_staff_table(), width="100%", overflow_x="auto"),
            spacing="4",
            width="100%",
        ),
        active="/meer",
    )


def _location_form() -> rx.Component:
    return rx.el.form(
        rx.vstack(
            rx.heading(rx.cond(BeheerState.location_form == "nieuw", texts.BEHEER_NIEUWE_LOCATIE, texts.WIJZIGEN),
                       size="4", as_="h2"),
            text_field(texts.VELD_NAAM, "name", default_value=BeheerState.location_values["name"],
                       error=BeheerState.field_errors["name"], id="locatie-naam"),
            select_field(texts.VELD_SOORT, "kind", KIND_OPTIONS, default_value=BeheerState.location_values["kind"],
                         error=BeheerState.field_errors["kind"]),
            text_field(texts.VELD_WIJK, "neighbourhood", default_value=BeheerState.location_values["neighbourhood"],
                       error=BeheerState.field_errors["neighbourhood"]),
            text_field(texts.VELD_ADRES, "address", default_value=BeheerState.location_values["address"]),
            text_field(texts.VELD_CAPACITEIT, "capacity", default_value=BeheerState.location_values["capacity"],
                       input_mode="numeric", error=BeheerState.field_errors["capacity"]),
            rx.hstack(
                rx.button(texts.OPSLAAN, type="submit", size="3", class_name="kw-tap"),
                rx.button(texts.ANNULEREN, type="button", variant="soft", color_scheme="gray", size="3",
                          class_name="kw-tap", on_click=BeheerState.close_forms),
            ),
            spacing="3",
            width="100%",
        ),
        on_submit=BeheerState.save_location,
        key=BeheerState.form_key,
        class_name="kw-card",
        style={"width": "100%", "maxWidth": "560px"},
    )


def locaties_page() -> rx.Component:
    return page_shell(
        rx.vstack(
            rx.heading(f"{texts.NAV_BEHEER}: {texts.BEHEER_LOCATIES}", size="7", as_="h1"),
            _messages(),
            rx.cond(BeheerState.location_form != "", _location_form(),
                    rx.button(texts.BEHEER_NIEUWE_LOCATIE, size="3", class_name="kw-tap",
                              on_click=BeheerState.new_location)),
            rx.table.root(
                rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in
                                               (texts.VELD_NAAM, texts.VELD_SOORT, texts.VELD_WIJK,
                                                texts.VELD_CAPACITEIT, "")])),
                rx.table.body(rx.foreach(BeheerState.locations, lambda r: rx.table.row(
                    rx.table.row_header_cell(r["name"]),
                    rx.table.cell(r["kind_label"]),
                    rx.table.cell(r["neighbourhood"]),
                    rx.table.cell(r["capacity"]),
                    rx.table.cell(rx.button(texts.WIJZIGEN, size="2", variant="soft",
                                            on_click=BeheerState.edit_location(r["id"]),
                                            aria_label=texts.WIJZIGEN + " " + r["name"])),
                ))),
                width="100%",
                variant="surface",
            ),
            spacing="4",
            width="100%",
        ),
        active="/meer",
    )
