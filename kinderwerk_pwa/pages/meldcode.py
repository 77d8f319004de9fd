"""The meldcode track of one child: the steps done, and the form for the current step.
Step 4 walks the afwegingskader one question at a time."""

from __future__ import annotations

import uuid
from datetime import date

import reflex as rx

from .. import texts
from ..components.form import INPUT_STYLE, LABEL_STYLE, field_error
from ..components.layout import page_shell
from ..db import session_scope
from ..domain.common.clock import format_day, format_moment
from ..domain.common.errors import DomainError, InvalidInput
from ..domain.signalering.meldcode import get_track, owner_options, record_step, set_owner, weigh
from ..state.session import SessionState


class MeldcodeState(SessionState):
    track: dict[str, str] = {}
    steps: list[dict[str, str]] = []
    answers: list[bool] = []
    owners: list[dict[str, str]] = []  # filled only for those who may hand the track over
    step_uuid: str = ""
    skipping: bool = False
    error: str = ""
    errors: dict[str, str] = {}
    form_key: int = 0

    def _track_id(self) -> int:
        return self._route_id("traject_id")

    def _load(self):
        self.track, self.steps = {}, []
        with session_scope() as db:
            actor = self._actor(db)
            if actor is None:
                return rx.redirect("/login")
            self._show_user(actor)
            try:
                view = get_track(actor, db, self._track_id())
            except DomainError as exc:
                self.error = exc.message
                return None
            self.owners = []
            if actor.role in ("aandachtsfunctionaris", "teamleider") and view.status == "open":
                try:
                    self.owners = [{"id": str(i), "name": n} for i, n in owner_options(actor, db, view.id)]
                except DomainError:
                    self.owners = []
        self.track = {
            "id": str(view.id), "child": view.child_label, "child_id": str(view.child_id or ""),
            "location": view.location_name, "owner": view.owner_name, "due": format_day(view.due_date),
            "owner_id": str(view.owner_id), "due_iso": view.due_date.isoformat(),
            "status": texts.MELDCODE_OPEN if view.status == "open" else texts.MELDCODE_GESLOTEN,
            "open": "1" if view.status == "open" else "", "current": str(view.current_step),
            "current_title": texts.MELDCODE_HUIDIGE_STAP.format(
                n=view.current_step, naam=texts.MELDCODE_STAPPEN[view.current_step]),
            "weighing": texts.MELDCODE_UITKOMSTEN.get(view.weighing or "", ""),
            "weighing_code": view.weighing or "",
            "decisions": ("" if view.decision_report is None else
                          f"Melden: {'ja' if view.decision_report else 'nee'} · "
                          f"Hulp organiseren: {'ja' if view.decision_help else 'nee'}"),
        }
        self.steps = [
            {"title": f"Stap {s['step_no']}: {texts.MELDCODE_STAPPEN[s['step_no']]}",
             "meta": f"{s['by']} · {format_moment(s['at'])}" + (f" · met {s['with_whom']}" if s["with_whom"] else ""),
             "body": (texts.MELDCODE_OVERGESLAGEN.format(reden=s["skip_reason"]) if s["status"] == "overgeslagen"
                      else s["conclusion"]),
             "advice": s["veilig_thuis_advice"],
             "answers": _answers_text(s["answers"])}
            for s in view.steps
        ]
        return None

    def _new_step(self):
        self.answers, self.skipping, self.errors = [], False, {}
        self.step_uuid = str(uuid.uuid4())
        self.form_key += 1

    @rx.event
    def load(self):
        self.error = ""
        self._new_step()
        return self._load()

    @rx.event
    def save_owner(self, form: dict):
        self.error, self.errors = "", {}
        try:
            owner_id, due = int(form.get("owner_id", "")), date.fromisoformat(str(form.get("due_date", "")))
        except ValueError:
            self.error = texts.FOUT_DATUM
            return None
        with session_scope() as db:
            actor = self._actor(db)
            if actor is None:
                return rx.redirect("/login")
            try:
                set_owner(actor, db, self._track_id(), owner_id, due)
            except DomainError as exc:
                self.error = exc.message
                return None
        return self._load()

    @rx.event
    def answer(self, value: bool):
        try:
            if weigh(self.answers).outcome is None:
                self.answers = [*self.answers, bool(value)]
        except InvalidInput as exc:
            self.error = exc.message

    @rx.event
    def reset_answers(self):
        self.answers = []

    @rx.event
    def toggle_skip(self):
        self.skipping = not self.skipping

    @rx.event
    def save(self, form: dict):
        self.error, self.errors = "", {}
        payload = {
            "client_uuid": self.step_uuid, "step_no": int(self.track.get("current", "0") or 0),
            "with_whom": form.get("with_whom", ""), "conclusion": form.get("conclusion", ""),
            "veilig_thuis_advice": form.get("veilig_thuis_advice", ""),
            "skip": self.skipping, "skip_reason": form.get("skip_reason", ""),
            "answers": list(self.answers),
        }
        if payload["step_no"] == 5:
            payload["report"] = {"ja": True, "nee": False}.get(form.get("report", ""))
            payload["help"] = {"ja": True, "nee": False}.get(form.get("help", ""))
            payload["close"] = form.get("close") != "doorgaan"
        with session_scope() as db:
            actor = self._actor(db)
            if actor is None:
                return rx.redirect("/login")
            try:
                record_step(actor, db, self._track_id(), payload)
            except InvalidInput as exc:
                self.error, self.errors = exc.message, exc.fields
                return None
            except DomainError as exc:
                self.error = exc.message
                return None
        self._new_step()
        return self._load()

    @rx.var
    def weighing_question(self) -> str:
        result = weigh(self.answers) if len(self.answers) <= 5 else None
        if result is None or result.next_question is None:
            return ""
        return f"{result.next_question}. {texts.MELDCODE_VRAGEN[result.next_question]}"

    @rx.var
    def weighing_result(self) -> str:
        try:
            outcome = weigh(self.answers).outcome
        except InvalidInput:
            return ""
        return texts.MELDCODE_UITKOMSTEN.get(outcome or "", "")

    @rx.var
    def answered(self) -> list[str]:
        return [f"{i}. {texts.MELDCODE_VRAGEN[i]} — {'Ja' if a else 'Nee'}"
                for i, a in enumerate(self.answers, start=1)]


def _answers_text(stored: str) -> str:
    if not stored:
        return ""
    parts = []
    for part in stored.split(";"):
        number, _, value = part.partition("=")
        if number.isdigit():
            parts.append(f"{number}. {texts.MELDCODE_VRAGEN[int(number)]} {value}")
    return "\n".join(parts)


def _text_input(label: str, name: str, **props) -> rx.Component:
    field_id = f"meldcode-{name}"
    return rx.box(
        rx.el.label(label, html_for=field_id, style=LABEL_STYLE),
        rx.el.input(id=field_id, name=name, style=INPUT_STYLE, **props),
        field_error(MeldcodeState.errors[name]),
        width="100%",
    )


def _textarea(label: str, name: str, rows: int = 4) -> rx.Component:
    field_id = f"meldcode-{name}"
    return rx.box(
        rx.el.label(label, html_for=field_id, style=LABEL_STYLE),
        rx.el.textarea(id=field_id, name=name, rows=rows, max_length=4000,
                       style={**INPUT_STYLE, "padding": "10px 12px"}),
        field_error(MeldcodeState.errors[name]),
        width="100%",
    )


def _radio_group(legend: str, name: str, options: list[tuple[str, str]], default: str = "") -> rx.Component:
    return rx.el.fieldset(
        rx.el.legend(legend, style=LABEL_STYLE),
        rx.flex(*[rx.el.label(
            rx.el.input(type="radio", name=name, value=value, default_checked=value == default,
                        style={"width": "22px", "height": "22px"}),
            text, style={"display": "flex", "alignItems": "center", "gap": "8px", "minHeight": "44px",
                         "paddingRight": "16px"}) for value, text in options], wrap="wrap"),
        style={"border": "none", "padding": 0, "margin": 0, "width": "100%"},
    )


def _skip_block() -> rx.Component:
    return rx.cond(
        MeldcodeState.skipping,
        rx.vstack(_text_input(texts.MELDCODE_OVERSLAAN_REDEN, "skip_reason", max_length=500), width="100%"),
        rx.fragment(),
    )


def _step_fields() -> rx.Component:
    current = MeldcodeState.track["current"]
    yes_no = [("ja", texts.MELDCODE_JA), ("nee", texts.MELDCODE_NEE)]
    return rx.match(
        current,
        ("2", rx.vstack(
            rx.cond(~MeldcodeState.skipping, rx.vstack(
                _text_input(texts.MELDCODE_MET_WIE, "with_whom", max_length=300,
                            placeholder="Bijvoorbeeld: aandachtsfunctionaris"),
                _textarea(texts.MELDCODE_CONCLUSIE, "conclusion"),
                _textarea(texts.MELDCODE_VT_ADVIES, "veilig_thuis_advice", rows=2),
                width="100%")),
            _skip_block(), width="100%")),
        ("3", rx.vstack(
            rx.cond(~MeldcodeState.skipping, rx.vstack(
                _text_input(texts.MELDCODE_MET_WIE, "with_whom", max_length=300,
                            placeholder="Bijvoorbeeld: moeder en kind"),
                _textarea(texts.MELDCODE_CONCLUSIE, "conclusion"),
                width="100%")),
            _skip_block(), width="100%")),
        ("4", rx.vstack(
            rx.foreach(MeldcodeState.answered, lambda a: rx.text(a, size="2")),
            rx.cond(
                MeldcodeState.weighing_question != "",
                rx.vstack(
                    rx.text(MeldcodeState.weighing_question, weight="bold"),
                    rx.hstack(
                        rx.button(texts.MELDCODE_JA, type="button", size="4", class_name="kw-tap",
                                  on_click=MeldcodeState.answer(True)),
                        rx.button(texts.MELDCODE_NEE, type="button", size="4", variant="outline",
                                  class_name="kw-tap", on_click=MeldcodeState.answer(False)),
                    ),
                    width="100%",
                ),
                rx.callout(MeldcodeState.weighing_result, icon="scale", color_scheme="teal", role="status",
                           width="100%"),
            ),
            rx.cond(MeldcodeState.answers.length() > 0,
                    rx.button("Opnieuw beginnen", type="button", variant="ghost", size="2",
                              on_click=MeldcodeState.reset_answers, class_name="kw-tap")),
            _textarea(texts.MELDCODE_CONCLUSIE, "conclusion", rows=2),
            width="100%")),
        ("5", rx.vstack(
            rx.cond(MeldcodeState.track["weighing"] != "",
                    rx.callout(texts.MELDCODE_UITKOMST + ": " + MeldcodeState.track["weighing"], icon="scale",
                               width="100%")),
            _radio_group(texts.MELDCODE_BESLUIT_MELDEN, "report", yes_no),
            _radio_group(texts.MELDCODE_BESLUIT_HULP, "help", yes_no),
            _textarea(texts.MELDCODE_CONCLUSIE, "conclusion", rows=3),
            _radio_group("Daarna", "close", [("afsluiten", texts.MELDCODE_AFSLUITEN),
                                             ("doorgaan", texts.MELDCODE_DOORGAAN)], default="afsluiten"),
            width="100%")),
        rx.fragment(),
    )


def _current_step_form() -> rx.Component:
    current = MeldcodeState.track["current"]
    return rx.el.form(
        rx.vstack(
            rx.heading(MeldcodeState.track["current_title"], size="4", as_="h2"),
            _step_fields(),
            rx.cond(MeldcodeState.error != "",
                    rx.callout(MeldcodeState.error, icon="triangle-alert", color_scheme="red", role="alert",
                               width="100%")),
            rx.hstack(
                rx.button(texts.MELDCODE_STAP_OPSLAAN, type="submit", size="4", class_name="kw-tap"),
                rx.cond((current == "2") | (current == "3"),
                        rx.button(rx.cond(MeldcodeState.skipping, texts.ANNULEREN, texts.MELDCODE_OVERSLAAN),
                                  type="button", variant="soft", color_scheme="gray", size="4",
                                  class_name="kw-tap", on_click=MeldcodeState.toggle_skip)),
                wrap="wrap",
            ),
            width="100%",
            spacing="3",
        ),
        on_submit=MeldcodeState.save,
        key=MeldcodeState.form_key,
        class_name="kw-card",
        style={"width": "100%"},
    )


def _owner_form() -> rx.Component:
    t = MeldcodeState.track
    return rx.el.form(
        rx.hstack(
            rx.box(
                rx.el.label(texts.MELDCODE_EIGENAAR, html_for="meldcode-eigenaar", style=LABEL_STYLE),
                rx.el.select(rx.foreach(MeldcodeState.owners, lambda o: rx.el.option(o["name"], value=o["id"])),
                             id="meldcode-eigenaar", name="owner_id", default_value=t["owner_id"], style=INPUT_STYLE),
                flex="1", min_width="200px",
            ),
            rx.box(
                rx.el.label(texts.MELDCODE_DEADLINE, html_for="meldcode-termijn", style=LABEL_STYLE),
                rx.el.input(id="meldcode-termijn", name="due_date", type="date", default_value=t["due_iso"],
                            style=INPUT_STYLE),
                flex="1", min_width="160px",
            ),
            rx.button(texts.MELDCODE_EIGENAAR_OPSLAAN, type="submit", size="3", class_name="kw-tap"),
            align="end", wrap="wrap", width="100%",
        ),
        rx.text(texts.MELDCODE_EIGENAAR_WIJZIGEN, size="1", color_scheme="gray"),
        on_submit=MeldcodeState.save_owner,
        key=MeldcodeState.form_key,
        class_name="kw-card",
        style={"width": "100%"},
    )


def meldcode_page() -> rx.Component:
    t = MeldcodeState.track
    return page_shell(
        rx.vstack(
            rx.heading(texts.MELDCODE_TITEL, size="7", as_="h1"),
            rx.text(texts.MELDCODE_ACUUT, size="2", color_scheme="red"),
            rx.cond(
                t["id"],
                rx.vstack(
                    rx.heading(t["child"], size="5", as_="h2"),
                    rx.text(t["location"] + " · " + texts.MELDCODE_EIGENAAR + ": " + t["owner"] + " · "
                            + texts.MELDCODE_DEADLINE + " " + t["due"] + " · " + t["status"], size="2"),
                    rx.cond(t["decisions"] != "", rx.callout(t["decisions"], icon="gavel", width="100%")),
                    rx.el.ol(
                        rx.foreach(MeldcodeState.steps, lambda s: rx.el.li(
                            rx.text(s["title"], weight="bold"),
                            rx.text(s["meta"], size="1", color_scheme="gray"),
                            rx.text(s["body"], size="2", white_space="pre-wrap"),
                            rx.cond(s["answers"] != "", rx.text(s["answers"], size="2", white_space="pre-wrap")),
                            rx.cond(s["advice"] != "", rx.text("Advies Veilig Thuis: " + s["advice"], size="2")),
                            class_name="kw-card", style={"listStyle": "none", "marginBottom": "8px"},
                        )),
                        style={"padding": 0, "margin": 0, "width": "100%"},
                    ),
                    rx.cond(t["open"] == "1", _current_step_form()),
                    rx.cond(MeldcodeState.owners.length() > 0, _owner_form()),
                    rx.cond(t["child_id"] != "",
                            rx.link("Tijdlijn van het kind", href="/kind/" + t["child_id"], class_name="kw-tap")),
                    width="100%",
                    spacing="3",
                ),
                rx.cond(MeldcodeState.error != "",
                        rx.callout(MeldcodeState.error, icon="triangle-alert", color_scheme="red", role="alert")),
            ),
            width="100%",
            spacing="3",
            max_width="760px",
        ),
        active="/signaal",
    )
