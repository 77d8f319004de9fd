"""The state of the privacy officer's page of bewaartermijnen and requests."""

from __future__ import annotations

import dataclasses
import uuid

import reflex as rx

from ... import texts
from ...domain.bewaren import requests as request_domain
from ...domain.bewaren.retention import apply_retention, retention_overview
from ...domain.common.clock import format_day, format_moment
from ...state.page import PageState
from ...state.session import SessionState


@dataclasses.dataclass
class RequestCard:
    id: str = ""
    status: str = ""
    status_label: str = ""
    line: str = ""
    description: str = ""
    decision: str = ""
    blockers: list[str] = dataclasses.field(default_factory=list)


def _request_row(r) -> RequestCard:
    decision = ""
    if r.status != "open":
        decision = texts.VERZOEK_BESLUIT_REGEL.format(
            status=r.status_label, datum=format_moment(r.decided_at) if r.decided_at else "",
            naam=r.decided_by, reden=r.decision_reason)
    return RequestCard(id=str(r.id), status=r.status, status_label=r.status_label,
                       line=texts.VERZOEK_REGEL.format(soort=r.kind_label, kind=r.child_label,
                                                       wie=r.requested_by or "–", datum=format_day(r.received_on)),
                       description=r.description, decision=decision, blockers=list(r.blockers))


class BewarenState(PageState, SessionState):
    terms: list[dict[str, str]] = []
    items: list[dict[str, str]] = []
    audit_line: str = ""
    due_line: str = ""
    requests: list[RequestCard] = []
    child_choices: list[dict[str, str]] = []
    searched: bool = False
    loaded: bool = False
    today_value: str = ""
    form_key: int = 0

    def _reload(self, db, actor) -> None:
        overview = retention_overview(actor, db)
        self.terms = [{"kind": texts.BEWAREN_SOORTEN[kind], "years": texts.BEWAREN_TERMIJN_JAREN.format(n=years),
                       "rule": texts.BEWAREN_UITLEG[kind].format(leeftijd=overview.terms.meldcode_until_age)}
                      for kind, years in overview.terms.as_rows()]
        self.items = [{"kind": texts.BEWAREN_ITEM_SOORT.get(i.kind, i.kind), "label": i.label, "reason": i.reason,
                       "due": texts.BEWAREN_VERLOPEN.format(datum=format_day(i.due_on))} for i in overview.items]
        self.due_line = texts.BEWAREN_AANTAL.format(n=len(overview.items))
        self.audit_line = (texts.BEWAREN_LOGBOEK_AANTAL.format(n=overview.audit_due, jaren=overview.terms.audit_years)
                           if overview.audit_due else "")
        self.requests = [_request_row(r) for r in request_domain.list_requests(actor, db)]
        self.today_value = self.today().isoformat()
        self.loaded = True

    def _clear_page(self) -> None:
        self.items, self.requests, self.terms, self.loaded = [], [], [], False

    @rx.event
    def load(self):
        self.child_choices, self.searched = [], False
        return self._run()

    @rx.event
    def apply(self, form: dict):
        if not form.get("bevestig"):
            self.error, self.notice, self.errors = texts.FOUT_BEWAREN_BEVESTIG, "", {"bevestig": texts.FOUT_BEWAREN_BEVESTIG}
            return None

        def done(result) -> None:
            self.notice = texts.BEWAREN_UITGEVOERD.format(n=result.done)
            if result.failed:
                self.error = texts.BEWAREN_MISLUKT.format(n=len(result.failed))

        return self._run(lambda actor, db: apply_retention(actor, db), then=done)

    @rx.event
    def search_child(self, form: dict):
        query = str(form.get("zoek", ""))[:100]

        def show(hits) -> None:
            self.child_choices = [{"id": str(i), "label": label} for i, label in hits]
            self.searched = True

        return self._run(lambda actor, db: request_domain.find_children(actor, db, query), reload=False, then=show)

    @rx.event
    def save_request(self, form: dict):
        payload = {"client_uuid": str(uuid.uuid4()),
                   **{k: form.get(k, "") for k in ("child_id", "kind", "requested_by", "received_on", "description")}}
        result = self._run(lambda actor, db: request_domain.record_request(actor, db, payload),
                           success=texts.VERZOEK_OPGESLAGEN)
        if not self.error:
            self.form_key, self.child_choices, self.searched = self.form_key + 1, [], False
        return result

    @rx.event
    def decide(self, form: dict):
        accept = form.get("besluit") == "toewijzen"
        request_id, reason = str(form.get("request_id", "")), str(form.get("decision_reason", ""))
        if form.get("besluit") not in ("toewijzen", "afwijzen"):
            self.error = texts.FOUT_VERZOEK_BESLUIT
            return None

        def done(status) -> None:
            self.notice = texts.VERZOEK_BESLOTEN.format(status=texts.VERZOEK_STATUS.get(status, status))

        return self._run(lambda actor, db: request_domain.decide_request(actor, db, request_id, accept, reason),
                         then=done)
