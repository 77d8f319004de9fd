"""The state of a meldcode track: the track and its steps, the current step's form, and the
afwegingskader answered one question at a time."""

from __future__ import annotations

import uuid
from datetime import date

import reflex as rx

from ... import texts
from ...domain.common.clock import format_day, format_moment
from ...domain.common.errors import DomainError, InvalidInput
from ...domain.signalering.meldcode import get_track, owner_options, record_step, set_owner, weigh
from ...state.page import PageState
from ...state.session import SessionState


def _answers_text(stored: str) -> str:
    if not stored:
        return ""
    parts = []
    for part in stored.split(";"):
        number, _, value = part.partition("=")
        if number.isdigit():
            parts.append(f"{number}. {texts.MELDCODE_VRAGEN[int(number)]} {value}")
    return "\n".join(parts)


def _track_row(view) -> dict[str, str]:
    return {
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


def _step_row(s: dict) -> dict[str, str]:
    return {"title": f"Stap {s['step_no']}: {texts.MELDCODE_STAPPEN[s['step_no']]}",
            "meta": f"{s['by']} · {format_moment(s['at'])}" + (f" · met {s['with_whom']}" if s["with_whom"] else ""),
            "body": (texts.MELDCODE_OVERGESLAGEN.format(reden=s["skip_reason"]) if s["status"] == "overgeslagen"
                     else s["conclusion"]),
            "advice": s["veilig_thuis_advice"],
            "answers": _answers_text(s["answers"])}


class MeldcodeState(PageState, SessionState):
    track: dict[str, str] = {}
    steps: list[dict[str, str]] = []
    answers: list[bool] = []
    owners: list[dict[str, str]] = []  # filled only for those who may hand the track over
    step_uuid: str = ""
    skipping: bool = False
    form_key: int = 0

    def _track_id(self) -> int:
        return self._route_id("traject_id")

    def _reload(self, db, actor) -> None:
        view = get_track(actor, db, self._track_id())
        self.owners = []
        if actor.role in ("aandachtsfunctionaris", "teamleider") and view.status == "open":
            try:
                self.owners = [{"id": str(i), "label": n} for i, n in owner_options(actor, db, view.id)]
            except DomainError:
                self.owners = []
        self.track = _track_row(view)
        self.steps = [_step_row(s) for s in view.steps]

    def _clear_page(self) -> None:
        self.track, self.steps, self.owners = {}, [], []

    def _new_step(self):
        self.answers, self.skipping, self.errors = [], False, {}
        self.step_uuid = str(uuid.uuid4())
        self.form_key += 1

    @rx.event
    def load(self):
        self._new_step()
        self.track, self.steps = {}, []
        return self._run()

    @rx.event
    def save_owner(self, form: dict):
        try:
            owner_id, due = int(form.get("owner_id", "")), date.fromisoformat(str(form.get("due_date", "")))
        except ValueError:
            self.error, self.errors = texts.FOUT_DATUM, {}
            return None
        return self._run(lambda actor, db: set_owner(actor, db, self._track_id(), owner_id, due))

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
        return self._run(lambda actor, db: record_step(actor, db, self._track_id(), payload),
                         then=lambda _: self._new_step())

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
