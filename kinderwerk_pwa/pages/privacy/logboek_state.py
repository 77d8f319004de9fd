"""The state of the logboek: the filters, one page of rows, and the child search for the filter."""

from __future__ import annotations

import reflex as rx

from ... import texts
from ...domain.privacy.access_log import log_choices, search_log
from ...domain.privacy.child_search import find_children
from ...domain.toegang.permissions import Action
from ...state.page import PageState
from ...state.session import SessionState
from .inzage import hit_rows

FILTERS = ("medewerker", "van", "tot", "actie", "uitkomst")


class LogboekState(PageState, SessionState):
    child_id: str = ""
    child_name: str = ""
    values: dict[str, str] = {}  # the other filters, by their form name (FILTERS)
    page_no: int = 1
    rows: list[dict[str, str]] = []
    summary: str = ""
    has_prev: bool = False
    has_next: bool = False
    staff_options: list[dict[str, str]] = []
    action_options: list[dict[str, str]] = []
    query: str = ""
    hits: list[dict[str, str]] = []
    searched: bool = False
    form_key: int = 0

    def _filters(self) -> dict[str, str]:
        return {"kind": self.child_id, **{k: self.values.get(k, "") for k in FILTERS}}

    def _reload(self, db, actor) -> None:
        choices = log_choices(actor, db)
        self.staff_options = [{"id": str(i), "label": label} for i, label in choices.staff]
        self.action_options = [{"id": a, "label": texts.AUDIT_ACTIE_NAMEN.get(a, a)} for a in choices.actions]
        result = search_log(actor, db, self._filters(), page=self.page_no)
        self.rows = [{
            "id": str(r.id), "at": r.at_text, "who": r.actor_name, "role": r.role_label, "action": r.action,
            "child": r.child_name, "object": r.object_text, "outcome": r.outcome, "outcome_label": r.outcome_label,
            "detail": r.detail} for r in result.rows]
        self.summary = texts.LOGBOEK_AANTAL.format(n=result.total, pagina=result.page, paginas=result.pages)
        self.has_prev, self.has_next = result.page > 1, result.page < result.pages
        self.child_name = result.child_name

    def _clear_page(self) -> None:
        self.rows, self.summary, self.has_prev, self.has_next = [], "", False, False
        self.staff_options, self.action_options = [], []

    @rx.event
    def load(self):
        raw = str(self.router.url.query_parameters.get("kind", "")).strip()
        self.child_id, self.child_name, self.values, self.page_no = raw, "", {}, 1
        self.query, self.hits, self.searched = "", [], False
        self.form_key += 1
        return self._run()

    @rx.event
    def apply(self, form: dict):
        previous, previous_page = self.values, self.page_no
        self.values = {k: str(form.get(k, "") or "")[:60] for k in FILTERS}
        self.page_no = 1
        result = self._run()
        if self.error:  # refused filters are not kept: the next search starts from the last good ones
            self.values, self.page_no = previous, previous_page
        return result

    @rx.event
    def next_page(self):
        self.page_no += 1
        result = self._run()
        if self.error:
            self.page_no -= 1
        return result

    @rx.event
    def prev_page(self):
        self.page_no = max(1, self.page_no - 1)
        return self._run()

    @rx.event
    def search_child(self, form: dict):
        self.query = str(form.get("zoek", ""))[:100]
        self.searched = False

        def show(hits) -> None:
            self.hits, self.searched = hit_rows(hits), True

        return self._run(lambda actor, db: find_children(actor, db, self.query, purpose=Action.AUDIT_LEZEN),
                         reload=False, then=show)

    @rx.event
    def pick_child(self, child_id: str):
        self.child_id, self.page_no = str(child_id), 1
        self.hits, self.searched, self.query = [], False, ""
        result = self._run()
        if self.error:
            self.child_id, self.child_name = "", ""
        return result

    @rx.event
    def clear_child(self):
        self.child_id, self.child_name, self.page_no = "", "", 1
        return self._run()
