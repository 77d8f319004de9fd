"""A child's page: the record (parents, pick-up, permissions, locations and days), leerdoelen with
their progress, uitstroom, and the timeline (signals, meldcode steps, conversations)."""

from __future__ import annotations

import uuid

import reflex as rx

from .. import texts
from ..components.card import section_card
from ..components.charts import goal_chart
from ..components.form import INPUT_STYLE, LABEL_STYLE, select_input, text_field
from ..components.goal_conversations import goal_conversations
from ..components.layout import page
from ..components.messages import error_callout, notice_callout
from ..domain.common.clock import format_day
from ..domain.dossier.timeline import child_timeline
from ..domain.gesprekken import conversations
from ..domain.instroom import intake
from ..domain.kinderen import goals as goals_domain
from ..domain.kinderen.child_record import add_pickup_person, child_record
from ..domain.kinderen.household_changes import add_household, linkable_households, set_may_collect
from ..state.page import PageState
from ..state.session import SessionState
from .kind_goals import GoalCard, goal_cards
from .kind_households import (
    HouseholdCard,
    allow_choices,
    household,
    household_cards,
    household_errors,
    household_form,
    household_payload,
    link_household_form,
    linkable_choices,
    pickup_form,
)
from .kind_timeline import timeline_item, timeline_rows
from .toestemming import consent_list, consent_rows


class KindState(PageState, SessionState):
    child: dict[str, str] = {}
    guardians: list[dict[str, str]] = []
    households: list[HouseholdCard] = []
    linkable: list[dict[str, str]] = []  # known households of brothers and sisters, to link
    collect_warnings: list[str] = []
    allow_choices: list[dict[str, str]] = []  # guardians who can allow a pick-up person
    pickup_error: str = ""  # shown in the pick-up form
    household_errors: dict[str, str] = {}  # the household form's fields -> Dutch message
    collect_error: str = ""  # shown under the "mag niet ophalen" form of guardian collect_error_for
    collect_error_for: str = ""
    pickups: list[dict[str, str]] = []
    consents: list[dict[str, str]] = []
    consent_history: list[dict[str, str]] = []
    consent_warnings: list[str] = []
    placements: list[dict[str, str]] = []
    siblings: list[dict[str, str]] = []
    goals: list[GoalCard] = []
    timeline: list[dict[str, str]] = []
    leaving: str = ""  # location id whose placement is being ended
    form_key: int = 0

    def _child_id(self) -> int:
        return self._route_id("kind_id")

    def _reload(self, db, actor) -> None:
        record = child_record(actor, db, self._child_id(), self.today())
        self.child = {
            "id": str(record.id), "name": record.name,
            "detail": f"{record.age} jaar · {record.school_name} · {record.school_group}",
            "born": format_day(record.date_of_birth), "school": f"{record.school_name}, {record.school_group}",
            "neighbourhood": record.neighbourhood, "status": record.status_label,
            "alone": (texts.KIND_ZELFSTANDIG_JA.format(wie=record.home_alone_allowed_by,
                                                       datum=format_day(record.home_alone_allowed_on))
                      if record.may_go_home_alone and record.home_alone_allowed_on else
                      texts.KIND_ZELFSTANDIG_INGETROKKEN.format(datum=format_day(record.home_alone_withdrawn_on))
                      if record.home_alone_withdrawn_on else texts.KIND_ZELFSTANDIG_NEE),
        }
        family_id = conversations.family_of_child(actor, db, record.id)
        self.child["family_id"] = str(family_id or "")
        self.guardians = [{"name": g.name, "relation": g.relation, "phone": g.phone} for g in record.guardians]
        self.households = household_cards(record.households)
        self.allow_choices = allow_choices(record.households)
        self.linkable = linkable_choices(linkable_households(actor, db, record.id))
        self.collect_warnings = record.collect_warnings
        self.pickups = [{"name": p.name, "relation": p.relation, "phone": p.phone,
                         "line": p.line or f"{p.name} ({p.relation})"} for p in record.pickup_persons]
        self.consents = consent_rows([c for c in record.consents if c.current])
        self.consent_history = consent_rows([c for c in record.consents if not c.current])
        self.consent_warnings = record.consent_warnings
        self.placements = [{"id": str(p.location_id), "name": p.location_name,
                            "days": p.weekdays_label or "", "placed": "1" if p.weekdays else ""}
                           for p in record.locations]
        self.siblings = [{"id": str(s.id), "name": s.name, "open": "1" if s.can_open else ""} for s in record.siblings]
        self.goals = goal_cards(goals_domain.child_goals(actor, db, record.id))
        self.timeline = timeline_rows(child_timeline(actor, db, record.id))

    def _clear_page(self) -> None:
        self.child = {}

    def _save(self, action):
        return self._run(action, success=texts.OPGESLAGEN)

    @rx.event
    def load(self):
        self.child, self.timeline, self.goals, self.leaving = {}, [], [], ""
        return self._run()

    @rx.event
    def evaluate(self, form: dict):
        payload = {"client_uuid": str(uuid.uuid4()), "goal_id": form.get("goal_id", ""),
                   "score": form.get("score", "")}
        return self._save(lambda actor, db: goals_domain.record_evaluation(actor, db, payload))

    @rx.event
    def achieved(self, goal_id: str):
        return self._save(lambda actor, db: goals_domain.set_goal_status(actor, db, int(goal_id), "behaald"))

    @rx.event
    def add_pickup(self, form: dict):
        result = self._save(lambda actor, db: add_pickup_person(
            actor, db, self._child_id(), form.get("name", ""), form.get("relation", ""), form.get("phone", ""),
            form.get("allowed_by", ""), form.get("allowed_on") or None))
        self.pickup_error, self.error = self.error, ""
        if not self.pickup_error:
            self.form_key += 1
        return result

    @rx.event
    def add_household(self, form: dict):
        result = self._run(lambda actor, db: add_household(actor, db, self._child_id(), household_payload(form)),
                           success=texts.HUISHOUDEN_TOEGEVOEGD)
        self.household_errors, self.errors = household_errors(self.errors), {}
        if self.household_errors:
            self.error = ""  # shown at the fields
        elif not self.error:
            self.form_key += 1
        return result

    def _set_collect(self, guardian_id: str, may_collect: bool, note: str = ""):
        result = self._run(lambda actor, db: set_may_collect(actor, db, self._child_id(), guardian_id, may_collect,
                                                             note), success=texts.OPGESLAGEN)
        self.collect_error, self.collect_error_for, self.errors = self.error, str(guardian_id), {}
        if self.error:
            self.error = ""
        else:
            self.form_key += 1
        return result

    @rx.event
    def bar_guardian(self, form: dict):
        return self._set_collect(form.get("guardian_id", ""), False, form.get("note", ""))

    @rx.event
    def allow_guardian(self, guardian_id: str):
        return self._set_collect(guardian_id, True)

    @rx.event
    def start_leaving(self, location_id: str):
        self.leaving, self.form_key = location_id, self.form_key + 1

    @rx.event
    def leave(self, form: dict):
        location_id = int(self.leaving or 0)
        payload = {"reason": form.get("reason", ""), "end_date": form.get("end_date") or None}
        result = self._save(lambda actor, db: intake.end_placement(actor, db, self._child_id(), location_id, payload))
        if not self.error:
            self.leaving = ""
        return result


class _CollectActions:
    """What a household card's "mag niet ophalen" controls call and show."""

    bar, allow, key = KindState.bar_guardian, KindState.allow_guardian, KindState.form_key
    error, error_for = KindState.collect_error, KindState.collect_error_for


def _section(title: str, *children) -> rx.Component:
    return section_card(title, *children, size="3")


def _goal(goal: GoalCard) -> rx.Component:
    return rx.box(
        rx.hstack(rx.text(goal.title, weight="bold"), rx.badge(goal.status), justify="between", width="100%"),
        rx.text("Sinds " + goal.start + " · " + goal.moments, size="2", color_scheme="gray"),
        rx.cond(goal.points.length() > 0, goal_chart(goal.points, goal.title)),
        goal_conversations(goal.conversations),
        rx.cond(goal.status_code == "actief", rx.el.form(
            rx.el.input(type="hidden", name="goal_id", value=goal.id),
            rx.hstack(
                rx.box(rx.el.label(texts.KIND_EVALUATIE, html_for="evaluatie-" + goal.id, style=LABEL_STYLE),
                       select_input(*[rx.el.option(str(n), value=str(n)) for n in range(1, 6)],
                                    id="evaluatie-" + goal.id, name="score", style=INPUT_STYLE),
                       width="100%"),
                rx.button(texts.KIND_EVALUATIE_OPSLAAN, type="submit", size="3", class_name="kw-tap"),
                rx.button(texts.KIND_DOEL_BEHAALD, type="button", size="3", variant="soft", class_name="kw-tap",
                          on_click=KindState.achieved(goal.id)),
                align="end", wrap="wrap", width="100%",
            ),
            on_submit=KindState.evaluate,
            style={"width": "100%"},
        )),
        border_top="1px solid var(--gray-4)", padding_top="8px", margin_top="8px", width="100%",
    )


def _record() -> rx.Component:
    c = KindState.child
    return rx.box(
        _section(texts.KIND_GEGEVENS,
                 rx.text(texts.KIND_GEBOREN + ": " + c["born"], size="2"),
                 rx.text(texts.KIND_SCHOOL + ": " + c["school"], size="2"),
                 rx.text(texts.KIND_WIJK + ": " + c["neighbourhood"], size="2")),
        _section(texts.KIND_OUDERS, rx.foreach(KindState.households, lambda h: household(h, _CollectActions)),
                 household_form(KindState.add_household, KindState.form_key, KindState.household_errors),
                 link_household_form(KindState.linkable, KindState.add_household, KindState.form_key,
                                     KindState.household_errors)),
        _section(texts.KIND_OPHALERS,
                 rx.foreach(KindState.collect_warnings, lambda w: rx.callout(
                     w, icon="triangle-alert", color_scheme="red", role="alert", size="1")),
                 rx.foreach(KindState.pickups, lambda p: rx.hstack(
                     rx.text(p["line"], size="2"),
                     rx.cond(p["phone"] != "", rx.el.a(p["phone"], href="tel:" + p["phone"], class_name="kw-tap")),
                     justify="between", width="100%", align="center")),
            rx.text(texts.KIND_ZELFSTANDIG + ": " + c["alone"], size="2", weight="medium", margin_top="6px"),
            pickup_form(KindState.allow_choices, KindState.add_pickup, KindState.form_key,
                        KindState.pickup_error)),
        _section(texts.KIND_TOESTEMMINGEN,
                 rx.foreach(KindState.consent_warnings, lambda w: rx.callout(
                     w, icon="triangle-alert", color_scheme="red", role="alert", size="1")),
                 rx.cond(KindState.consents.length() == 0, rx.text(texts.KIND_GEEN_TOESTEMMING, size="2",
                                                                   color_scheme="gray")),
                 consent_list(KindState.consents, label=texts.TOESTEMMING_HUIDIG),
                 rx.cond(KindState.consent_history.length() > 0, rx.el.details(
                     rx.el.summary(texts.TOESTEMMING_GESCHIEDENIS, class_name="kw-tap"),
                     consent_list(KindState.consent_history, label=texts.TOESTEMMING_GESCHIEDENIS))),
                 rx.link(texts.TOESTEMMING_BEHEREN, href="/kind/" + c["id"] + "/toestemmingen", class_name="kw-tap")),
        _section(texts.KIND_LOCATIES, rx.foreach(KindState.placements, lambda p: rx.vstack(
            rx.hstack(rx.text(p["name"], size="2", weight="medium"), rx.text(p["days"], size="2"),
                      justify="between", width="100%"),
            rx.cond((p["placed"] == "1") & (KindState.leaving != p["id"]),
                    rx.button(texts.KIND_UITSTROOM, size="2", variant="ghost", color_scheme="gray",
                              on_click=KindState.start_leaving(p["id"]), class_name="kw-tap",
                              aria_label=texts.KIND_UITSTROOM + ": " + p["name"])),
            rx.cond(KindState.leaving == p["id"], rx.el.form(
                rx.vstack(
                    text_field(texts.KIND_UITSTROOM_REDEN, "reason", max_length=200),
                    rx.button(texts.KIND_UITSTROOM_OPSLAAN, type="submit", size="3", class_name="kw-tap"),
                    width="100%"),
                on_submit=KindState.leave, key=KindState.form_key, style={"width": "100%"})),
            width="100%", spacing="1"))),
        rx.cond(KindState.siblings.length() > 0, _section(texts.KIND_BROERS_ZUSSEN, rx.foreach(
            KindState.siblings, lambda s: rx.cond(s["open"] == "1", rx.link(s["name"], href="/kind/" + s["id"]),
                                                   rx.text(s["name"]))))),
        class_name="kw-record",
        width="100%",
    )


def _child() -> rx.Component:
    return rx.vstack(
        rx.heading(KindState.child["name"], size="7", as_="h1"),
        rx.text(KindState.child["detail"], color_scheme="gray"),
        rx.hstack(
            rx.badge(KindState.child["status"]),
            rx.cond(KindState.child["family_id"] != "",
                    rx.link(texts.GEZIN_GESPREKKEN + " en afspraken met het gezin",
                            href="/gezin/" + KindState.child["family_id"], class_name="kw-tap")),
            align="center", spacing="3", wrap="wrap"),
        _record(),
        _section(texts.KIND_LEERDOELEN,
                 rx.cond(KindState.goals.length() == 0, rx.text(texts.KIND_GEEN_DOELEN, size="2")),
                 rx.foreach(KindState.goals, _goal)),
        rx.heading("Tijdlijn", size="5", as_="h2"),
        rx.cond(KindState.timeline.length() == 0, rx.text("Nog niets vastgelegd.", color_scheme="gray")),
        rx.el.ol(rx.foreach(KindState.timeline, timeline_item),
                 style={"padding": 0, "margin": 0, "width": "100%"}),
        width="100%",
        spacing="3",
    )


def kind_page() -> rx.Component:
    return page(
        None,
        error_callout(KindState.error, width="100%"),
        notice_callout(KindState.notice, width="100%"),
        rx.cond(KindState.child["id"], _child()),
        active="/kinderen",
        max_width="860px",
    )
