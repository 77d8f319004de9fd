"""A family: children, parents, conversations with their agreements, a new conversation note, and
referrals to partners with their feedback."""

from __future__ import annotations

import uuid

import reflex as rx

from .. import texts
from ..components.form import INPUT_STYLE, LABEL_STYLE, field_error, select_field, text_field
from ..components.layout import page_shell
from ..db import session_scope
from ..domain.common.clock import format_day, format_moment, from_local_input, local_input_value
from ..domain.common.errors import DomainError, InvalidInput
from ..domain.gesprekken import conversations, partners, referrals_out
from ..models.conversations import AGREEMENT_OWNERS
from ..models.referrals import REFERRAL_OUT_STATUSES
from ..state.session import SessionState

AGREEMENT_SLOTS = 3
OWNER_OPTIONS = [(o, texts.AGREEMENT_OWNER_LABELS[o]) for o in AGREEMENT_OWNERS]
STATUS_OPTIONS = [(s, texts.REFERRAL_OUT_STATUS_LABELS[s]) for s in REFERRAL_OUT_STATUSES]


class GezinState(SessionState):
    family: dict[str, str] = {}
    children: list[dict[str, str]] = []
    guardians: list[dict[str, str]] = []
    notes: list[dict[str, str]] = []
    agreements: list[dict[str, str]] = []
    referrals: list[dict[str, str]] = []
    partner_options: list[dict[str, str]] = []
    report_tracks: list[dict[str, str]] = []
    kinds: list[dict[str, str]] = []
    tracks: list[dict[str, str]] = []
    goals: list[dict[str, str]] = []
    hidden: int = 0
    error: str = ""
    notice: str = ""
    errors: dict[str, str] = {}
    mode: str = ""  # "" / gesprek / doorverwijzen
    note_uuid: str = ""
    now_value: str = ""
    form_key: int = 0

    def _family_id(self) -> int:
        return self._route_id("gezin_id")

    def _reload(self, db, actor) -> None:
        view = conversations.family_view(actor, db, self._family_id(), self.today())
        self.family = {"id": str(view.id), "name": view.name, "can_record": "1" if view.can_record else ""}
        self.hidden = view.hidden_conversations
        self.children = [{"id": str(c.id), "name": c.name, "label": c.name, "age": f"{c.age} jaar",
                          "open": "1" if c.can_open else ""} for c in view.children]
        self.guardians = [{"id": str(g.id), "name": g.name, "label": f"{g.name} ({g.relation})",
                           "relation": g.relation, "phone": g.phone} for g in view.guardians]
        self.notes = [{
            "id": str(n.id), "title": f"{n.kind_label} · {format_moment(n.held_at)}",
            "meta": f"{n.author_name} · {n.location_name} · met {', '.join(n.guardian_names)} · over "
                    f"{', '.join(n.child_names)}" + (f" · {n.place}" if n.place else ""),
            "topics": ", ".join(n.topics), "facts": n.facts,
            "interpretation": f"{n.interpretation_label}: {n.interpretation}" if n.interpretation else "",
            "discussed": texts.GESPREK_BESPROKEN_JA if n.discussed_with_parent
            else texts.GESPREK_BESPROKEN_NEE.format(reden=n.not_discussed_reason),
            "track": str(n.track_id or "")} for n in view.conversations]
        self.agreements = [{
            "id": str(a.id), "text": a.description, "owner": a.owner_label, "status": a.status_label,
            "open": "1" if a.status == "open" else "", "overdue": "1" if a.overdue else "",
            "due": texts.AFSPRAAK_UITERLIJK.format(datum=format_day(a.due_date)),
            "can_change": "1" if a.can_change else ""} for a in view.agreements]
        rows = []
        for child in view.children:
            if child.can_open:
                rows += referrals_out.child_referrals(actor, db, child.id, self.today())
        self.referrals = [{
            "id": str(r.id), "title": f"{r.child_name} → {r.partner_name}", "reason": r.reason,
            "meta": f"verstuurd {format_day(r.sent_on)} · terugkoppeling uiterlijk {format_day(r.feedback_due)}"
                    + (" · zonder toestemming (na besluit tot melden)" if r.without_consent else ""),
            "status": r.status_label, "status_code": r.status, "feedback": r.feedback,
            "late": "1" if r.feedback_overdue else "", "can_update": "1" if r.can_update else ""} for r in rows]

    def _run(self, action=None, success: str = "") -> bool:
        self.error, self.notice, self.errors = "", "", {}
        with session_scope() as db:
            actor = self._actor(db)
            if actor is None:
                return False
            self._show_user(actor)
            try:
                if action is not None:
                    action(actor, db)
                self._reload(db, actor)
            except InvalidInput as exc:
                self.error, self.errors = exc.message, exc.fields
                return False
            except DomainError as exc:
                self.error, self.family = exc.message, {}
                return False
        self.notice = success
        return True

    @rx.event
    def load(self):
        self.mode, self.family = "", {}
        if not self._run() and not self.logged_in:
            return rx.redirect("/login")
        return None

    @rx.event
    def open_note(self):
        self.error, self.errors = "", {}
        with session_scope() as db:
            actor = self._actor(db)
            if actor is None:
                return rx.redirect("/login")
            try:
                options = conversations.conversation_options(actor, db, self._family_id())
            except DomainError as exc:
                self.error = exc.message
                return None
        self.kinds = [{"id": code, "label": label} for code, label in options.kinds]
        self.tracks = [{"id": str(t.id), "label": t.label} for t in options.tracks if t.allowed]
        self.goals = [{"id": str(g.id), "label": g.label} for g in options.goals]
        # One id per note: a double tap or a resend stores it once.
        self.note_uuid, self.now_value, self.mode = str(uuid.uuid4()), local_input_value(), "gesprek"
        self.form_key += 1
        return None

    @rx.event
    def open_referral(self):
        self.error, self.errors = "", {}
        with session_scope() as db:
            actor = self._actor(db)
            if actor is None:
                return rx.redirect("/login")
            try:
                self.partner_options = [{"id": str(p.id), "label": f"{p.name} ({p.kind_label})"}
                                        for p in partners.list_partners(actor, db)]
                tracks = []
                for child in self.children:
                    if child["open"] == "1":
                        tracks += [{"id": str(t.id), "label": f"{child['name']}: {t.label}"}
                                   for t in referrals_out.report_tracks(actor, db, int(child["id"]))]
                self.report_tracks = tracks
            except DomainError as exc:
                self.error = exc.message
                return None
        self.note_uuid, self.mode = str(uuid.uuid4()), "doorverwijzen"
        self.form_key += 1
        return None

    @rx.event
    def close(self):
        self.mode = ""

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
            "guardian_ids": [k.removeprefix("ouder_") for k, v in form.items() if k.startswith("ouder_") and v],
            "child_ids": [k.removeprefix("kind_") for k, v in form.items() if k.startswith("kind_") and v],
            "goal_ids": [k.removeprefix("doel_") for k, v in form.items() if k.startswith("doel_") and v],
            "kind": form.get("kind", ""), "held_at": held.isoformat() if held else form.get("held_at") or None,
            "place": form.get("place", ""), "topics": form.get("topics", ""), "facts": form.get("facts", ""),
            "interpretation": form.get("interpretation", ""),
            "discussed_with_parent": bool(form.get("discussed")),
            "not_discussed_reason": form.get("not_discussed_reason", ""),
            "track_id": form.get("track_id") or None, "agreements": agreements,
        }
        if self._run(lambda actor, db: conversations.record_conversation(actor, db, payload), texts.GESPREK_OPGESLAGEN):
            self.mode = ""

    @rx.event
    def save_referral(self, form: dict):
        payload = {
            "client_uuid": self.note_uuid, "child_id": form.get("child_id", ""), "partner_id": form.get("partner_id", ""),
            "contact_name": form.get("contact_name", ""), "reason": form.get("reason", ""),
            "consent_given": bool(form.get("consent_given")), "consent_by": form.get("consent_by", ""),
            "consent_on": form.get("consent_on") or None, "meldcode_track_id": form.get("meldcode_track_id") or None,
            "feedback_due": form.get("feedback_due") or None,
        }
        if self._run(lambda actor, db: referrals_out.refer_out(actor, db, payload), texts.OPGESLAGEN):
            self.mode = ""

    @rx.event
    def agreement_done(self, agreement_id: str):
        self._run(lambda actor, db: conversations.set_agreement_status(actor, db, int(agreement_id), "gedaan"),
                  texts.OPGESLAGEN)

    @rx.event
    def save_feedback(self, form: dict):
        referral_id = int(form.get("referral_id", 0) or 0)
        self._run(lambda actor, db: referrals_out.record_feedback(
            actor, db, referral_id, str(form.get("status", "")), str(form.get("feedback", ""))), texts.OPGESLAGEN)


def _checkboxes(legend: str, items, prefix: str, default_checked: bool = False, error=None) -> rx.Component:
    return rx.el.fieldset(
        rx.el.legend(legend, style=LABEL_STYLE),
        rx.foreach(items, lambda item: rx.el.label(
            rx.el.input(type="checkbox", name=prefix + item["id"], default_checked=default_checked,
                        style={"width": "22px", "height": "22px"}),
            item["label"],
            style={"display": "flex", "gap": "10px", "alignItems": "center", "minHeight": "44px"})),
        field_error(error) if error is not None else rx.fragment(),
        style={"border": "none", "padding": 0, "margin": 0, "width": "100%"},
    )


def _textarea(label: str, name: str, error=None, rows: int = 4, **props) -> rx.Component:
    field_id = props.pop("id", f"gesprek-{name}")
    return rx.box(
        rx.el.label(label, html_for=field_id, style=LABEL_STYLE),
        rx.el.textarea(id=field_id, name=name, rows=rows, style={**INPUT_STYLE, "padding": "10px 12px"}, **props),
        field_error(error) if error is not None else rx.fragment(),
        width="100%",
    )


def _note_form() -> rx.Component:
    e = GezinState.errors
    slots = []
    for i in range(1, AGREEMENT_SLOTS + 1):
        slots.append(rx.el.fieldset(
            rx.el.legend(texts.GESPREK_AFSPRAAK.format(n=i), style=LABEL_STYLE),
            text_field(texts.GESPREK_AFSPRAAK_WAT, f"a{i}_what", id=f"afspraak{i}-wat", max_length=500,
                       error=e[f"agreements.{i - 1}.description"]),
            select_field(texts.GESPREK_AFSPRAAK_WIE, f"a{i}_who", OWNER_OPTIONS, id=f"afspraak{i}-wie"),
            text_field(texts.GESPREK_AFSPRAAK_NAAM, f"a{i}_name", id=f"afspraak{i}-naam", max_length=200,
                       error=e[f"agreements.{i - 1}.owner_name"]),
            text_field(texts.GESPREK_AFSPRAAK_WANNEER, f"a{i}_due", type_="date", id=f"afspraak{i}-wanneer",
                       error=e[f"agreements.{i - 1}.due_date"]),
            style={"border": "1px solid var(--gray-5)", "borderRadius": "10px", "padding": "10px", "width": "100%",
                   "boxSizing": "border-box"},
        ))
    return rx.el.form(
        rx.vstack(
            rx.heading(texts.GEZIN_NIEUW_GESPREK, size="4", as_="h2"),
            _checkboxes(texts.GESPREK_OUDERS, GezinState.guardians, "ouder_", error=e["guardian_ids"]),
            _checkboxes(texts.GESPREK_KINDEREN, GezinState.children, "kind_", error=e["child_ids"]),
            rx.box(
                rx.el.label(texts.GESPREK_SOORT, html_for="gesprek-soort", style=LABEL_STYLE),
                rx.el.select(rx.foreach(GezinState.kinds, lambda k: rx.el.option(k["label"], value=k["id"])),
                             id="gesprek-soort", name="kind", style=INPUT_STYLE),
                field_error(e["kind"]), width="100%"),
            text_field(texts.GESPREK_WANNEER, "held_at", type_="datetime-local", default_value=GezinState.now_value,
                       id="gesprek-wanneer", error=e["held_at"]),
            text_field(texts.GESPREK_PLAATS, "place", id="gesprek-plaats", max_length=200),
            text_field(texts.GESPREK_ONDERWERPEN, "topics", id="gesprek-onderwerpen", max_length=400),
            _textarea(texts.GESPREK_FEITEN, "facts", e["facts"], max_length=4000),
            _textarea(texts.GESPREK_INTERPRETATIE, "interpretation", e["interpretation"], rows=2, max_length=2000),
            rx.el.label(rx.el.input(type="checkbox", name="discussed", default_checked=True,
                                    style={"width": "22px", "height": "22px"}),
                        texts.GESPREK_BESPROKEN,
                        style={"display": "flex", "gap": "10px", "alignItems": "center", "minHeight": "44px"}),
            text_field(texts.GESPREK_NIET_BESPROKEN_REDEN, "not_discussed_reason", id="gesprek-reden",
                       max_length=500, error=e["not_discussed_reason"]),
            rx.cond(GezinState.tracks.length() > 0, rx.box(
                rx.el.label(texts.GESPREK_TRAJECT, html_for="gesprek-traject", style=LABEL_STYLE),
                rx.el.select(rx.el.option(texts.GESPREK_GEEN_TRAJECT, value=""),
                             rx.foreach(GezinState.tracks, lambda t: rx.el.option(t["label"], value=t["id"])),
                             id="gesprek-traject", name="track_id", style=INPUT_STYLE),
                field_error(e["track_id"]), width="100%")),
            rx.cond(GezinState.goals.length() > 0, _checkboxes(texts.GESPREK_LEERDOELEN, GezinState.goals, "doel_")),
            *slots,
            rx.cond(GezinState.error != "",
                    rx.callout(GezinState.error, icon="triangle-alert", color_scheme="red", role="alert", width="100%")),
            rx.hstack(
                rx.button(texts.GESPREK_OPSLAAN, type="submit", size="4", class_name="kw-tap"),
                rx.button(texts.ANNULEREN, type="button", variant="soft", color_scheme="gray", size="4",
                          on_click=GezinState.close, class_name="kw-tap"),
                wrap="wrap"),
            spacing="3", width="100%",
        ),
        on_submit=GezinState.save_note,
        key=GezinState.form_key,
        class_name="kw-card",
        style={"width": "100%"},
    )


def _referral_form() -> rx.Component:
    e = GezinState.errors
    return rx.el.form(
        rx.vstack(
            rx.heading(texts.DOORVERWIJZEN_NIEUW, size="4", as_="h2"),
            rx.box(rx.el.label(texts.DOORVERWIJZEN_KIND, html_for="verwijs-kind", style=LABEL_STYLE),
                   rx.el.select(rx.foreach(GezinState.children, lambda c: rx.el.option(c["name"], value=c["id"])),
                                id="verwijs-kind", name="child_id", style=INPUT_STYLE),
                   field_error(e["child_id"]), width="100%"),
            rx.box(rx.el.label(texts.DOORVERWIJZEN_PARTNER, html_for="verwijs-partner", style=LABEL_STYLE),
                   rx.el.select(rx.foreach(GezinState.partner_options, lambda p: rx.el.option(p["label"], value=p["id"])),
                                id="verwijs-partner", name="partner_id", style=INPUT_STYLE),
                   field_error(e["partner_id"]), width="100%"),
            text_field(texts.DOORVERWIJZEN_CONTACT, "contact_name", id="verwijs-contact", max_length=200),
            _textarea(texts.DOORVERWIJZEN_REDEN, "reason", e["reason"], rows=3, max_length=2000, id="verwijs-reden"),
            rx.el.label(rx.el.input(type="checkbox", name="consent_given", style={"width": "22px", "height": "22px"}),
                        texts.DOORVERWIJZEN_TOESTEMMING,
                        style={"display": "flex", "gap": "10px", "alignItems": "center", "minHeight": "44px"}),
            field_error(e["consent_given"]),
            text_field(texts.DOORVERWIJZEN_TOESTEMMING_WIE, "consent_by", id="verwijs-toestemming-wie",
                       max_length=200, error=e["consent_by"]),
            text_field(texts.DOORVERWIJZEN_TOESTEMMING_DATUM, "consent_on", type_="date", id="verwijs-toestemming-datum",
                       error=e["consent_on"]),
            rx.cond(GezinState.report_tracks.length() > 0, rx.box(
                rx.el.label(texts.DOORVERWIJZEN_TRAJECT, html_for="verwijs-traject", style=LABEL_STYLE),
                rx.el.select(rx.el.option(texts.GESPREK_GEEN_TRAJECT, value=""),
                             rx.foreach(GezinState.report_tracks, lambda t: rx.el.option(t["label"], value=t["id"])),
                             id="verwijs-traject", name="meldcode_track_id", style=INPUT_STYLE), width="100%")),
            text_field(texts.DOORVERWIJZEN_TERUG, "feedback_due", type_="date", id="verwijs-terug", error=e["feedback_due"]),
            rx.cond(GezinState.error != "",
                    rx.callout(GezinState.error, icon="triangle-alert", color_scheme="red", role="alert", width="100%")),
            rx.hstack(
                rx.button(texts.DOORVERWIJZEN_OPSLAAN, type="submit", size="4", class_name="kw-tap"),
                rx.button(texts.ANNULEREN, type="button", variant="soft", color_scheme="gray", size="4",
                          on_click=GezinState.close, class_name="kw-tap"),
                wrap="wrap"),
            spacing="3", width="100%",
        ),
        on_submit=GezinState.save_referral,
        key=GezinState.form_key,
        class_name="kw-card",
        style={"width": "100%"},
    )


def _section(title: str, *children) -> rx.Component:
    return rx.box(rx.heading(title, size="4", as_="h2", margin_bottom="6px"), *children, class_name="kw-card",
                  width="100%")


def gezin_page() -> rx.Component:
    f = GezinState.family
    return page_shell(
        rx.vstack(
            rx.cond(GezinState.notice != "",
                    rx.callout(GezinState.notice, icon="check", color_scheme="teal", role="status", width="100%")),
            rx.cond((GezinState.error != "") & (GezinState.mode == ""),
                    rx.callout(GezinState.error, icon="triangle-alert", color_scheme="red", role="alert", width="100%")),
            rx.cond(f["id"], rx.vstack(
                rx.heading(f["name"], size="7", as_="h1"),
                rx.cond(GezinState.mode == "gesprek", _note_form(),
                        rx.cond(GezinState.mode == "doorverwijzen", _referral_form(),
                                rx.hstack(
                                    rx.cond(f["can_record"] == "1",
                                            rx.button(texts.GEZIN_NIEUW_GESPREK, size="4", class_name="kw-tap",
                                                      on_click=GezinState.open_note)),
                                    rx.button(texts.DOORVERWIJZEN_NIEUW, size="4", variant="outline",
                                              class_name="kw-tap", on_click=GezinState.open_referral),
                                    wrap="wrap"))),
                _section(texts.GEZIN_KINDEREN, rx.foreach(GezinState.children, lambda c: rx.cond(
                    c["open"] == "1", rx.link(c["name"] + " (" + c["age"] + ")", href="/kind/" + c["id"],
                                              class_name="kw-tap", display="block"),
                    rx.text(c["name"] + " (" + c["age"] + ")")))),
                _section(texts.GEZIN_OUDERS, rx.foreach(GezinState.guardians, lambda g: rx.hstack(
                    rx.text(g["name"] + " (" + g["relation"] + ")"),
                    rx.el.a(g["phone"], href="tel:" + g["phone"], class_name="kw-tap"),
                    justify="between", width="100%"))),
                _section(texts.GEZIN_AFSPRAKEN, rx.foreach(GezinState.agreements, lambda a: rx.hstack(
                    rx.vstack(rx.text(a["text"], weight="medium"),
                              rx.hstack(rx.text(a["owner"] + " · " + a["due"] + " · " + a["status"], size="2",
                                                color_scheme="gray"),
                                        rx.cond(a["overdue"] == "1", rx.badge(texts.AFSPRAAK_TE_LAAT, color_scheme="red")),
                                        wrap="wrap"), spacing="0"),
                    rx.cond((a["open"] == "1") & (a["can_change"] == "1"),
                            rx.button(texts.AFSPRAAK_GEDAAN, size="2", variant="soft", class_name="kw-tap",
                                      on_click=GezinState.agreement_done(a["id"]),
                                      aria_label=texts.AFSPRAAK_GEDAAN + ": " + a["text"])),
                    justify="between", align="center", width="100%", padding_y="4px"))),
                _section(texts.GEZIN_GESPREKKEN,
                         rx.cond(GezinState.hidden > 0, rx.text(texts.GESPREK_AFGESCHERMD, size="2", color_scheme="gray")),
                         rx.foreach(GezinState.notes, lambda n: rx.box(
                             rx.text(n["title"], weight="bold"),
                             rx.text(n["meta"], size="1", color_scheme="gray"),
                             rx.cond(n["topics"] != "", rx.text(n["topics"], size="2", weight="medium")),
                             rx.text(n["facts"], size="2", white_space="pre-wrap"),
                             rx.cond(n["interpretation"] != "", rx.text(n["interpretation"], size="2", font_style="italic")),
                             rx.text(n["discussed"], size="1"),
                             rx.cond(n["track"] != "", rx.link(texts.MELDCODE_TITEL, href="/meldcode/" + n["track"], size="2")),
                             border_top="1px solid var(--gray-4)", padding_y="8px", width="100%"))),
                _section(texts.DOORVERWIJZEN_TITEL, rx.foreach(GezinState.referrals, lambda r: rx.box(
                    rx.hstack(rx.text(r["title"], weight="bold"), rx.badge(r["status"]),
                              rx.cond(r["late"] == "1", rx.badge(texts.DOORVERWIJZEN_TE_LAAT, color_scheme="red")),
                              wrap="wrap"),
                    rx.text(r["meta"], size="1", color_scheme="gray"),
                    rx.text(r["reason"], size="2"),
                    rx.cond(r["feedback"] != "", rx.text(texts.DOORVERWIJZEN_TERUGKOPPELING + ": " + r["feedback"], size="2")),
                    rx.cond(r["can_update"] == "1", rx.el.form(
                        rx.el.input(type="hidden", name="referral_id", value=r["id"]),
                        rx.hstack(
                            rx.box(rx.el.label(texts.DOORVERWIJZEN_STATUS, html_for="status-" + r["id"], style=LABEL_STYLE),
                                   rx.el.select(*[rx.el.option(label, value=code) for code, label in STATUS_OPTIONS],
                                                id="status-" + r["id"], name="status", default_value=r["status_code"],
                                                style=INPUT_STYLE)),
                            rx.box(rx.el.label(texts.DOORVERWIJZEN_TERUGKOPPELING, html_for="terug-" + r["id"], style=LABEL_STYLE),
                                   rx.el.input(id="terug-" + r["id"], name="feedback", style=INPUT_STYLE, max_length=2000),
                                   flex="1"),
                            rx.button(texts.DOORVERWIJZEN_TERUG_OPSLAAN, type="submit", size="3", class_name="kw-tap"),
                            align="end", wrap="wrap", width="100%"),
                        on_submit=GezinState.save_feedback, style={"width": "100%"})),
                    border_top="1px solid var(--gray-4)", padding_y="8px", width="100%"))),
                width="100%", spacing="3",
            )),
            width="100%",
            max_width="860px",
        ),
        active="/gesprekken",
    )
