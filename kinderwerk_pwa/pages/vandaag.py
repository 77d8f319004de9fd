"""Vandaag: the home page, with the user's locations and what today holds there."""

from __future__ import annotations

import reflex as rx

from .. import texts
from ..components.layout import page_shell
from ..db import session_scope
from ..domain.common.clock import format_day, format_moment
from ..domain.gesprekken.conversations import due_agreements_today, set_agreement_status
from ..domain.gesprekken.referrals_out import overdue_feedback
from ..domain.signalering.meldcode import open_tracks
from ..domain.signalering.signals import accumulation_alerts, acute_signals
from ..domain.toegang.locations import my_locations_today
from ..state.session import SessionState
from .gesprekken import agreement_dicts, agreement_row


class VandaagState(SessionState):
    locations: list[dict[str, str]] = []
    date_label: str = ""
    loaded: bool = False
    acute: list[dict[str, str]] = []
    alerts: list[dict[str, str]] = []
    tracks: list[dict[str, str]] = []
    agreements: list[dict[str, str]] = []
    late_feedback: list[dict[str, str]] = []

    @rx.event
    def agreement_done(self, agreement_id: str):
        with session_scope() as db:
            actor = self._actor(db)
            if actor is None:
                return rx.redirect("/login")
            set_agreement_status(actor, db, int(agreement_id), "gedaan")
        return VandaagState.load

    @rx.event
    def load(self):
        self.locations = []
        with session_scope() as db:
            actor = self._actor(db)
            if actor is None:
                return rx.redirect("/login")
            self._show_user(actor)
            day = self.today()
            self.date_label = f"{texts.WEEKDAYS[day.isoweekday()]} {day.day} {texts.MONTHS[day.month]}"
            rows = my_locations_today(actor, db, day)
            self.agreements = agreement_dicts(due_agreements_today(actor, db, day))
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


def _worklist() -> rx.Component:
    return rx.vstack(
        rx.cond(VandaagState.acute.length() > 0, rx.vstack(
            rx.heading(texts.VANDAAG_ACUUT, size="4", as_="h2", color_scheme="red"),
            rx.foreach(VandaagState.acute, lambda a: rx.link(rx.box(
                rx.hstack(rx.badge(texts.SIGNAAL_ACUUT, color_scheme="red"), rx.text(a["child"], weight="bold"),
                          spacing="2", align="center"),
                rx.text(a["at"] + " · " + a["author"], size="2", color_scheme="gray"),
                class_name="kw-card kw-tap", width="100%"), href="/signalen/" + a["id"], underline="none",
                color="inherit", width="100%")),
            width="100%")),
        rx.cond(VandaagState.alerts.length() > 0, rx.vstack(
            rx.heading(texts.VANDAAG_STAPELING, size="4", as_="h2"),
            rx.foreach(VandaagState.alerts, lambda a: rx.link(
                rx.callout(a["text"], icon="layers", color_scheme="amber", width="100%"),
                href="/kind/" + a["child_id"], underline="none", width="100%")),
            width="100%")),
        rx.cond(VandaagState.agreements.length() > 0, rx.vstack(
            rx.heading(texts.VANDAAG_AFSPRAKEN, size="4", as_="h2"),
            rx.foreach(VandaagState.agreements, lambda a: agreement_row(a, VandaagState.agreement_done)),
            width="100%", role="list", aria_label=texts.VANDAAG_AFSPRAKEN)),
        rx.cond(VandaagState.late_feedback.length() > 0, rx.vstack(
            rx.heading(texts.DOORVERWIJZEN_TITEL, size="4", as_="h2"),
            rx.foreach(VandaagState.late_feedback, lambda r: rx.link(
                rx.callout(r["text"], icon="clock", color_scheme="orange", width="100%"),
                href="/kind/" + r["child_id"], underline="none", width="100%")),
            width="100%")),
        rx.cond(VandaagState.tracks.length() > 0, rx.vstack(
            rx.heading(texts.VANDAAG_TRAJECTEN, size="4", as_="h2"),
            rx.foreach(VandaagState.tracks, lambda t: rx.link(rx.box(
                rx.hstack(rx.text(t["child"], weight="bold"),
                          rx.cond(t["acute"] == "1", rx.badge(texts.SIGNAAL_ACUUT, color_scheme="red")),
                          rx.cond(t["overdue"] == "1", rx.badge(texts.VANDAAG_TE_LAAT, color_scheme="orange")),
                          spacing="2", align="center", wrap="wrap"),
                rx.text(t["step"], size="2"),
                rx.text(t["meta"], size="2", color_scheme="gray"),
                class_name="kw-card kw-tap", width="100%"), href="/meldcode/" + t["id"], underline="none",
                color="inherit", width="100%")),
            width="100%")),
        width="100%",
        spacing="4",
    )


def vandaag_page() -> rx.Component:
    return page_shell(
        rx.vstack(
            rx.heading(texts.VANDAAG_TITEL, size="7", as_="h1"),
            rx.text(VandaagState.date_label, color_scheme="gray"),
            _worklist(),
            rx.heading(texts.VANDAAG_JOUW_LOCATIES, size="4", as_="h2"),
            rx.cond(
                VandaagState.locations.length() > 0,
                rx.vstack(rx.foreach(VandaagState.locations, _location_card), width="100%", spacing="3"),
                rx.cond(VandaagState.loaded, rx.text(texts.VANDAAG_GEEN_LOCATIES)),
            ),
            spacing="3",
            width="100%",
        ),
        active="/",
    )
