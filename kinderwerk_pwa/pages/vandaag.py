"""Vandaag: the home page, in the order of a working day for the user's role
(domain/vandaag/workday.py): the check-in or today's activities, what is due today, and what is
overdue collapsed to a count; then the user's locations."""

from __future__ import annotations

import reflex as rx

from .. import texts
from ..components.layout import page
from ..components.messages import error_callout
from ..domain.common.clock import format_day, format_moment
from ..domain.gesprekken.conversations import due_agreements_today, set_agreement_status
from ..domain.gesprekken.referrals_out import overdue_feedback
from ..domain.signalering.meldcode import open_tracks
from ..domain.signalering.signals import accumulation_alerts, acute_signals
from ..domain.toegang.locations import my_locations_today
from ..domain.vandaag.workday import WORKDAY_ORDER, checkin_locations, layout_for, split_due
from ..state.page import PageState
from ..state.session import SessionState
from .activiteiten.today import today_block, today_rows
from .gesprekken import agreement_dicts, agreement_row


class VandaagState(PageState, SessionState):
    locations: list[dict[str, str]] = []
    date_label: str = ""
    loaded: bool = False
    acute: list[dict[str, str]] = []
    alerts: list[dict[str, str]] = []
    tracks: list[dict[str, str]] = []
    agreements: list[dict[str, str]] = []  # due today
    overdue: list[dict[str, str]] = []  # agreements past their day
    checkins: list[dict[str, str]] = []  # huiskamers with children expected today
    layout: str = ""  # key of WORKDAY_ORDER
    overdue_label: str = ""  # "Achterstallig (n)", empty when nothing is overdue
    late_feedback: list[dict[str, str]] = []
    activities: list[dict[str, str]] = []  # today's, at her locations

    @rx.event
    def agreement_done(self, agreement_id: str):
        return self._run(lambda actor, db: set_agreement_status(actor, db, int(agreement_id), "gedaan"))

    @rx.event
    def load(self):
        self.locations = []
        return self._run()

    def _reload(self, db, actor) -> None:
        day = self.today()
        self.date_label = f"{texts.WEEKDAYS[day.isoweekday()]} {day.day} {texts.MONTHS[day.month]}"
        rows = my_locations_today(actor, db, day)
        self.activities = today_rows(actor, db, day)
        due, overdue = split_due(due_agreements_today(actor, db, day), day)
        self.agreements, self.overdue = agreement_dicts(due), agreement_dicts(overdue)
        self.layout = layout_for(actor.role)
        self.checkins = [{"id": str(r.id), "text": texts.VANDAAG_INCHECKEN.format(locatie=r.name),
                          "detail": texts.VANDAAG_INCHECKEN_DETAIL.format(n=r.expected_today)}
                         for r in checkin_locations(rows)]
        self.late_feedback = [{"text": f"{r.child_name} → {r.partner_name}: {texts.DOORVERWIJZEN_TE_LAAT}",
                               "child_id": str(r.child_id)} for r in overdue_feedback(actor, db, day)]
        self.acute = [{"id": str(a.signal_id), "child": a.child_label, "at": format_moment(a.observed_at),
                       "author": a.author_name} for a in acute_signals(actor, db)]
        self.alerts = [{"child_id": str(a.child_id), "text": texts.SIGNAAL_STAPELING.format(
            n=a.count, dagen=a.days, kind=a.child_name), "track": "1" if a.has_open_track else ""}
            for a in accumulation_alerts(actor, db)]
        self.tracks = [{"id": str(t.id), "child": t.child_label,
                        "step": texts.MELDCODE_HUIDIGE_STAP.format(n=t.current_step,
                                                                   naam=texts.MELDCODE_STAPPEN[t.current_step]),
                        "meta": f"{t.owner_name} · uiterlijk {format_day(t.due_date)}",
                        "overdue": "1" if t.overdue else "", "acute": "1" if t.acute else ""}
                       for t in open_tracks(actor, db, day)]
        n_overdue = len(self.overdue) + len(self.late_feedback)
        self.overdue_label = texts.VANDAAG_ACHTERSTALLIG.format(n=n_overdue) if n_overdue else ""
        self.loaded = True
        self.locations = [
            {
                "id": str(r.id),
                "name": r.name,
                "kind": texts.LOCATION_KIND_LABELS.get(r.kind, r.kind),
                "neighbourhood": r.neighbourhood,
                "is_huiskamer": "1" if r.kind == "huiskamer" else "",
                "summary": (
                    f"{r.expected_today} {texts.VANDAAG_VERWACHT}"
                    + (f" · {texts.VANDAAG_CAPACITEIT} {r.capacity}" if r.capacity else "")
                    if r.kind == "huiskamer"
                    else f"{r.known_children} {texts.VANDAAG_INGESCHREVEN}"
                ),
            }
            for r in rows
        ]


def _location_card(row) -> rx.Component:
    card = rx.box(
        rx.hstack(
            rx.heading(row["name"], size="4", as_="h3"),
            rx.badge(row["kind"], color_scheme="teal"),
            justify="between",
            width="100%",
        ),
        rx.text(row["neighbourhood"], color_scheme="gray", size="2"),
        rx.text(row["summary"], size="3", weight="medium"),
        class_name="kw-card kw-tap",
        width="100%",
    )
    # A huiskamer card opens the day's check-in.
    return rx.cond(row["is_huiskamer"] == "1",
                   rx.link(card, href="/huiskamer/" + row["id"], underline="none", color="inherit", width="100%"),
                   card)


def _when_any(rows, heading, render, heading_props: dict | None = None, **props) -> rx.Component:
    """One part of today's worklist, shown only when it has something."""
    return rx.cond(rows.length() > 0, rx.vstack(
        rx.heading(heading, size="4", as_="h2", **(heading_props or {})),
        rx.foreach(rows, render),
        width="100%", **props))


def _link_card(href, *children) -> rx.Component:
    return rx.link(rx.box(*children, class_name="kw-card kw-tap", width="100%"), href=href, underline="none",
                   color="inherit", width="100%")


def _callout_link(text, href, icon: str, color: str) -> rx.Component:
    return rx.link(rx.callout(text, icon=icon, color_scheme=color, width="100%"), href=href, underline="none",
                   width="100%")


def _checkins() -> rx.Component:
    """The first thing of a day at a huiskamer: one tap opens its check-in."""
    return rx.foreach(VandaagState.checkins, lambda c: _link_card(
        "/huiskamer/" + c["id"],
        rx.hstack(rx.icon("circle-check-big", size=22, aria_hidden="true"),
                  rx.text(c["text"], size="4", weight="bold"), spacing="2", align="center"),
        rx.text(c["detail"], size="2", color_scheme="gray")))


def _overdue() -> rx.Component:
    """Overdue agreements and late referral feedback, collapsed to one count that opens the list."""
    return rx.cond(VandaagState.overdue_label != "", rx.el.details(
        rx.el.summary(rx.text(VandaagState.overdue_label, as_="span", weight="bold", size="4"),
                      class_name="kw-tap kw-summary", data_testid="achterstallig"),
        rx.vstack(
            rx.cond(VandaagState.overdue.length() > 0, rx.heading(texts.VANDAAG_ACHTERSTALLIG_AFSPRAKEN, size="3",
                                                                  as_="h3")),
            _list(VandaagState.overdue, lambda a: agreement_row(a, VandaagState.agreement_done),
                  texts.VANDAAG_ACHTERSTALLIG_AFSPRAKEN),
            rx.cond(VandaagState.late_feedback.length() > 0, rx.heading(texts.DOORVERWIJZEN_TITEL, size="3",
                                                                        as_="h3")),
            _list(VandaagState.late_feedback,
                  lambda r: _callout_link(r["text"], "/kind/" + r["child_id"], "clock", "orange"),
                  texts.DOORVERWIJZEN_TITEL),
            width="100%", spacing="2", padding_top="8px"),
        style={"width": "100%"},
    ))


def _list(rows, render, label) -> rx.Component:
    return rx.el.ul(rx.foreach(rows, lambda r: rx.el.li(render(r))), aria_label=label,
                    style={"listStyle": "none", "margin": "0", "padding": "0", "display": "flex",
                           "flexDirection": "column", "gap": "8px", "width": "100%"})


def _section(name: str) -> rx.Component:
    if name == "nu":
        return rx.vstack(_checkins(), today_block(VandaagState.activities), width="100%", spacing="3")
    if name == "acuut":
        return _when_any(VandaagState.acute, texts.VANDAAG_ACUUT, lambda a: _link_card(
            "/signalen/" + a["id"],
            rx.hstack(rx.badge(texts.SIGNAAL_ACUUT, color_scheme="red"), rx.text(a["child"], weight="bold"),
                      spacing="2", align="center"),
            rx.text(a["at"] + " · " + a["author"], size="2", color_scheme="gray")),
            heading_props={"color_scheme": "red"})
    if name == "overzicht":
        return _link_card("/overzicht", rx.text(texts.VANDAAG_TEAMOVERZICHT, size="4", weight="bold"),
                          rx.text(texts.VANDAAG_TEAMOVERZICHT_DETAIL, size="2", color_scheme="gray"))
    if name == "vandaag":
        return rx.cond(VandaagState.agreements.length() > 0, rx.vstack(
            rx.heading(texts.VANDAAG_AF, size="4", as_="h2"),
            _list(VandaagState.agreements, lambda a: agreement_row(a, VandaagState.agreement_done),
                  texts.VANDAAG_AF),
            width="100%"))
    if name == "stapeling":
        return _when_any(VandaagState.alerts, texts.VANDAAG_STAPELING,
                         lambda a: _callout_link(a["text"], "/kind/" + a["child_id"], "layers", "amber"))
    if name == "trajecten":
        return _when_any(VandaagState.tracks, texts.VANDAAG_TRAJECTEN, lambda t: _link_card(
            "/meldcode/" + t["id"],
            rx.hstack(rx.text(t["child"], weight="bold"),
                      rx.cond(t["acute"] == "1", rx.badge(texts.SIGNAAL_ACUUT, color_scheme="red")),
                      rx.cond(t["overdue"] == "1", rx.badge(texts.VANDAAG_TE_LAAT, color_scheme="orange")),
                      spacing="2", align="center", wrap="wrap"),
            rx.text(t["step"], size="2"),
            rx.text(t["meta"], size="2", color_scheme="gray")))
    return _overdue()


def _workday(layout: str) -> rx.Component:
    return rx.vstack(*[_section(name) for name in WORKDAY_ORDER[layout]], width="100%", spacing="4")


def _worklist() -> rx.Component:
    """The parts of the day in the order of the user's role; one tree per role (DOM order is
    reading and focus order, so the order is not left to CSS)."""
    return rx.match(VandaagState.layout,
                    *[(layout, _workday(layout)) for layout in WORKDAY_ORDER if layout != "kinderwerker"],
                    _workday("kinderwerker"))


def vandaag_page() -> rx.Component:
    return page(
        texts.VANDAAG_TITEL,
        rx.text(VandaagState.date_label, color_scheme="gray"),
        error_callout(VandaagState.error, width="100%"),
        _worklist(),
        rx.heading(texts.VANDAAG_JOUW_LOCATIES, size="4", as_="h2"),
        rx.cond(
            VandaagState.locations.length() > 0,
            rx.vstack(rx.foreach(VandaagState.locations, _location_card), width="100%", spacing="3"),
            rx.cond(VandaagState.loaded, rx.text(texts.VANDAAG_GEEN_LOCATIES)),
        ),
        active="/",
        spacing="3",
    )
