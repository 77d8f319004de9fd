"""A child's page: the record (parents, pick-up, permissions, locations and days), leerdoelen with
their progress, uitstroom, and the timeline (signals, meldcode steps, conversations)."""

from __future__ import annotations

import dataclasses
import uuid

import reflex as rx

from .. import texts
from ..components.card import section_card
from ..components.charts import goal_chart
from ..components.form import INPUT_STYLE, LABEL_STYLE, select_input, text_field
from ..components.goal_conversations import goal_conversation_rows, goal_conversations
from ..components.layout import page
from ..components.messages import error_callout, notice_callout
from ..domain.common.clock import format_day, format_moment
from ..domain.dossier.timeline import child_timeline
from ..domain.gesprekken import conversations
from ..domain.instroom import intake
from ..domain.kinderen import goals as goals_domain
from ..domain.kinderen.child_record import add_pickup_person, child_record
from ..state.page import PageState
from ..state.session import SessionState
from .kind_households import HouseholdCard, allow_choices, household, household_cards, pickup_form
from .toestemming import consent_list, consent_rows


@dataclasses.dataclass
class GoalCard:
    id: str = ""
    title: str = ""
    status: str = ""
    status_code: str = ""
    start: str = ""
    location_id: str = ""
    moments: str = ""
    points: list[dict[str, str]] = dataclasses.field(default_factory=list)
    conversations: list[dict[str, str]] = dataclasses.field(default_factory=list)  # that evaluated it


class KindState(PageState, SessionState):
    child: dict[str, str] = {}
    guardians: list[dict[str, str]] = []
    households: list[HouseholdCard] = []
    collect_warnings: list[str] = []
    allow_choices: list[dict[str, str]] = []  # guardians who can allow a pick-up person
    pickup_error: str = ""  # shown in the pick-up form
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
        cards = []
        for g in goals_domain.child_goals(actor, db, record.id):
            good = sum(m[1] for m in g.moments)
            not_yet = sum(m[2] for m in g.moments)
            cards.append(GoalCard(
                id=str(g.id), title=g.title, status=g.status_label, status_code=g.status,
                start=format_day(g.start_date), location_id=str(g.location_id),
                moments=texts.KIND_MOMENTEN.format(goed=good, niet=not_yet),
                points=[{"label": f"{d.day}-{d.month}: {score}", "height": f"{score * 14}px", "score": str(score),
                         "day": f"{d.day}-{d.month}"}
                        for d, score in g.evaluations[-12:]],
                conversations=goal_conversation_rows(g.conversations),
            ))
        self.goals = cards
        self.timeline = [
            {"at": format_moment(i.at), "kind": i.kind, "title": i.title, "body": i.body, "link": i.link,
             "acute": "1" if i.acute else ""}
            for i in child_timeline(actor, db, record.id)
        ]

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


def _timeline_item(item) -> rx.Component:
    content = rx.vstack(
        rx.hstack(
            rx.text(item["title"], weight="bold"),
            rx.cond(item["acute"] == "1", rx.badge(texts.SIGNAAL_ACUUT, color_scheme="red")),
            spacing="2", align="center", wrap="wrap",
        ),
        rx.text(item["at"], size="1", color_scheme="gray"),
        rx.text(item["body"], size="2", white_space="pre-wrap"),
        spacing="1", width="100%",
    )
    return rx.el.li(
        rx.cond(item["link"] != "", rx.link(content, href=item["link"], underline="none", color="inherit"), content),
        class_name="kw-card",
        style={"listStyle": "none", "marginBottom": "8px"},
    )


def _record() -> rx.Component:
    c = KindState.child
    return rx.box(
        _section(texts.KIND_GEGEVENS,
                 rx.text(texts.KIND_GEBOREN + ": " + c["born"], size="2"),
                 rx.text(texts.KIND_SCHOOL + ": " + c["school"], size="2"),
                 rx.text(texts.KIND_WIJK + ": " + c["neighbourhood"], size="2")),
        _section(texts.KIND_OUDERS, rx.foreach(KindState.households, household)),
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
        rx.el.ol(rx.foreach(KindState.timeline, _timeline_item),
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
