"""The state of a family's page: what it shows, and the note and referral forms."""

from __future__ import annotations

import uuid

import reflex as rx

from ... import texts
from ...domain.common.clock import format_day, format_moment, from_local_input, local_input_value
from ...domain.gesprekken import conversations, partners, referrals_out
from ...state.page import PageState
from ...state.session import SessionState

AGREEMENT_SLOTS = 3


def _note_row(n) -> dict[str, str]:
    return {
        "id": str(n.id), "title": f"{n.kind_label} · {format_moment(n.held_at)}",
        "meta": f"{n.author_name} · {n.location_name} · met {', '.join(n.guardian_names)} · over "
                f"{', '.join(n.child_names)}" + (f" · {n.place}" if n.place else ""),
        "topics": ", ".join(n.topics), "facts": n.facts,
        "interpretation": f"{n.interpretation_label}: {n.interpretation}" if n.interpretation else "",
        "discussed": texts.GESPREK_BESPROKEN_JA if n.discussed_with_parent
        else texts.GESPREK_BESPROKEN_NEE.format(reden=n.not_discussed_reason),
        "track": str(n.track_id or "")}


def _agreement_row(a) -> dict[str, str]:
    return {
        "id": str(a.id), "text": a.description, "owner": a.owner_label, "status": a.status_label,
        "open": "1" if a.status == "open" else "", "overdue": "1" if a.overdue else "",
        "due": texts.AFSPRAAK_UITERLIJK.format(datum=format_day(a.due_date)),
        "can_change": "1" if a.can_change else ""}


def _referral_row(r) -> dict[str, str]:
    return {
        "id": str(r.id), "title": f"{r.child_name} → {r.partner_name}", "reason": r.reason,
        "meta": f"verstuurd {format_day(r.sent_on)} · terugkoppeling uiterlijk {format_day(r.feedback_due)}"
                + (" · zonder toestemming (na besluit tot melden)" if r.without_consent else ""),
        "status": r.status_label, "status_code": r.status, "feedback": r.feedback,
        "late": "1" if r.feedback_overdue else "", "can_update": "1" if r.can_update else ""}


def _ticked(form: dict, prefix: str) -> list[str]:
    return [k.removeprefix(prefix) for k, v in form.items() if k.startswith(prefix) and v]


class GezinState(PageState, SessionState):
    family: dict[str, str] = {}
    hidden: int = 0  # conversations the user may not read (afgeschermd)
    children: list[dict[str, str]] = []
    guardians: list[dict[str, str]] = []
    other_households: list[dict[str, str]] = []  # children who also live in another household
    notes: list[dict[str, str]] = []
    agreements: list[dict[str, str]] = []
    referrals: list[dict[str, str]] = []
    # The choices of the open form, read when it opens.
    partner_options: list[dict[str, str]] = []
    report_tracks: list[dict[str, str]] = []
    kinds: list[dict[str, str]] = []
    tracks: list[dict[str, str]] = []
    goals: list[dict[str, str]] = []
    mode: str = ""  # "" / gesprek / doorverwijzen
    note_uuid: str = ""
    now_value: str = ""
    form_key: int = 0

    def _family_id(self) -> int:
        return self._route_id("gezin_id")

    def _reload(self, db, actor) -> None:
        view = conversations.family_view(actor, db, self._family_id(), self.today())
        self.family = {"id": str(view.id), "name": view.name, "can_record": "1" if view.can_record else "",
                       "address": view.address}
        self.other_households = [{"id": str(fid), "text": texts.HUISHOUDEN_ANDER_REGEL.format(kind=child, huishouden=name),
                                  "name": name} for child, fid, name in view.other_households]
        self.hidden = view.hidden_conversations
        self.children = [{"id": str(c.id), "name": c.name, "label": c.name, "age": f"{c.age} jaar",
                          "open": "1" if c.can_open else ""} for c in view.children]
        self.guardians = [{"id": str(g.id), "name": g.name, "label": f"{g.name} ({g.relation})",
                           "relation": g.relation, "phone": g.phone, "note": g.note} for g in view.guardians]
        self.notes = [_note_row(n) for n in view.conversations]
        self.agreements = [_agreement_row(a) for a in view.agreements]
        rows = []
        for child in view.children:
            if child.can_open:
                rows += referrals_out.child_referrals(actor, db, child.id, self.today())
        self.referrals = [_referral_row(r) for r in rows]

    def _clear_page(self) -> None:
        self.family = {}

    @rx.event
    def load(self):
        self.mode, self.family = "", {}
        return self._run()

    def _open(self, mode: str) -> None:
        # One id per note or referral: a double tap or a resend stores it once.
        self.note_uuid, self.mode = str(uuid.uuid4()), mode
        self.form_key += 1

    @rx.event
    def open_note(self):
        return self._run(lambda actor, db: conversations.conversation_options(actor, db, self._family_id()),
                         reload=False, then=self._show_note_form)

    def _show_note_form(self, options) -> None:
        self.kinds = [{"id": code, "label": label} for code, label in options.kinds]
        self.tracks = [{"id": str(t.id), "label": t.label} for t in options.tracks if t.allowed]
        self.goals = [{"id": str(g.id), "label": g.label} for g in options.goals]
        self.now_value = local_input_value()
        self._open("gesprek")

    @rx.event
    def open_referral(self):
        return self._run(self._referral_options, reload=False, then=lambda _: self._open("doorverwijzen"))

    def _referral_options(self, actor, db) -> None:
        self.partner_options = [{"id": str(p.id), "label": f"{p.name} ({p.kind_label})"}
                                for p in partners.list_partners(actor, db)]
        tracks = []
        for child in self.children:
            if child["open"] == "1":
                tracks += [{"id": str(t.id), "label": f"{child['name']}: {t.label}"}
                           for t in referrals_out.report_tracks(actor, db, int(child["id"]))]
        self.report_tracks = tracks

    @rx.event
    def close(self):
        self.mode = ""

    def _save(self, action, success: str):
        result = self._run(action, success=success)
        if not self.error:
            self.mode = ""
        return result

    @rx.event
    def save_note(self, form: dict):
        held = from_local_input(str(form.get("held_at", "")))
        agreements = []
        for i in range(1, AGREEMENT_SLOTS + 1):
            description = str(form.get(f"a{i}_what", "")).strip()
            if description:
                agreements.append({
                    "client_uuid": str(uuid.uuid5(uuid.UUID(self.note_uuid), f"afspraak{i}")),
                    "description": description, "owner_kind": form.get(f"a{i}_who", "ouder"),
                    "owner_name": form.get(f"a{i}_name", ""), "due_date": form.get(f"a{i}_due", "")})
        payload = {
            "client_uuid": self.note_uuid, "family_id": self._family_id(),
            "guardian_ids": _ticked(form, "ouder_"), "child_ids": _ticked(form, "kind_"),
            "goal_ids": _ticked(form, "doel_"),
            "kind": form.get("kind", ""), "held_at": held.isoformat() if held else form.get("held_at") or None,
            "place": form.get("place", ""), "topics": form.get("topics", ""), "facts": form.get("facts", ""),
            "interpretation": form.get("interpretation", ""),
            "discussed_with_parent": bool(form.get("discussed")),
            "not_discussed_reason": form.get("not_discussed_reason", ""),
            "track_id": form.get("track_id") or None, "agreements": agreements,
        }
        return self._save(lambda actor, db: conversations.record_conversation(actor, db, payload),
                          texts.GESPREK_OPGESLAGEN)

    @rx.event
    def save_referral(self, form: dict):
        payload = {
            "client_uuid": self.note_uuid, "child_id": form.get("child_id", ""), "partner_id": form.get("partner_id", ""),
            "contact_name": form.get("contact_name", ""), "reason": form.get("reason", ""),
            "consent_given": bool(form.get("consent_given")), "consent_by": form.get("consent_by", ""),
            "consent_on": form.get("consent_on") or None, "meldcode_track_id": form.get("meldcode_track_id") or None,
            "feedback_due": form.get("feedback_due") or None,
        }
        return self._save(lambda actor, db: referrals_out.refer_out(actor, db, payload), texts.OPGESLAGEN)

    @rx.event
    def agreement_done(self, agreement_id: str):
        return self._run(lambda actor, db: conversations.set_agreement_status(actor, db, int(agreement_id), "gedaan"),
                         success=texts.OPGESLAGEN)

    @rx.event
    def save_feedback(self, form: dict):
        referral_id = int(form.get("referral_id", 0) or 0)
        return self._run(lambda actor, db: referrals_out.record_feedback(
            actor, db, referral_id, str(form.get("status", "")), str(form.get("feedback", ""))),
            success=texts.OPGESLAGEN)
