"""Overzicht (desktop, also on a tablet) for the teamleider and aandachtsfunctionaris: today per
location, open meldcode tracks by step (overdue first), acute signals, accumulation alerts, overdue
agreements and feedback, and the waitlist. Each figure opens the list behind it."""

from __future__ import annotations

import reflex as rx

from .. import texts
from ..components.layout import page
from ..components.messages import error_callout
from ..domain.common.clock import format_day
from ..domain.gesprekken.location_lists import location_late_feedback, location_overdue_agreements
from ..domain.rapportage import reports
from ..state.page import PageState
from ..state.session import SessionState
from .activiteiten.week_card import week_card, week_card_rows


class OverzichtState(PageState, SessionState):
    locations: list[dict[str, str]] = []
    tracks: list[dict[str, str]] = []
    acute: list[dict[str, str]] = []
    alerts: list[dict[str, str]] = []
    activities: list[dict[str, str]] = []  # this week's, at her locations
    open_activities: list[dict[str, str]] = []  # over, not yet registered
    open_list: str = ""  # which list is open: "<location id>:<figure>"
    overdue_agreements: list[dict[str, str]] = []  # the location's, loaded when its figure is opened
    late_feedback: list[dict[str, str]] = []  # idem

    @rx.event
    def load(self):
        self.open_list, self.locations, self.tracks = "", [], []
        self.overdue_agreements, self.late_feedback = [], []
        return self._run()

    def _reload(self, db, actor) -> None:
        view = reports.team_overview(actor, db, self.today())
        self.locations = [{
            "id": str(loc.location_id), "name": loc.name,
            "today": texts.OVERZICHT_VANDAAG.format(verwacht=loc.expected.count, aanwezig=loc.present.count)
            + (f" · {texts.VANDAAG_CAPACITEIT} {loc.capacity}" if loc.capacity else ""),
            "tracks": str(loc.open_track_count), "overdue_tracks": str(loc.overdue_tracks.count),
            "acute": str(loc.acute_signals.count), "alerts": str(loc.accumulation_alerts.count),
            "agreements": str(loc.overdue_agreements.count), "feedback": str(loc.overdue_feedback.count),
            "waitlist": str(loc.waitlist.count),
            "longest": texts.OVERZICHT_LANGSTE_WACHTTIJD.format(dagen=loc.longest_wait_days)
            if loc.longest_wait_days is not None else "",
        } for loc in view.locations]
        self.tracks = [{"location": str(loc.location_id), "id": str(t.track_id),
                        "text": f"{texts.MELDCODE_HUIDIGE_STAP.format(n=t.step, naam=texts.MELDCODE_STAPPEN[t.step])}"
                                f" · {texts.OVERZICHT_TRAJECT_LEEFTIJD.format(n=t.age_days)}",
                        "overdue": "1" if t.overdue else ""}
                       for loc in view.locations
                       for t in sorted((t for g in loc.open_tracks for t in g.tracks),
                                       key=lambda t: (not t.overdue, -t.age_days))]
        self.acute = [{"location": str(loc.location_id), "id": str(i), "text": f"{texts.SIGNAAL_TITEL_DETAIL} {i}",
                       "overdue": ""} for loc in view.locations for i in loc.acute_signals.ids]
        self.alerts = [{"location": str(loc.location_id), "id": str(i), "text": f"{texts.KINDEREN_TITEL}: {i}",
                        "overdue": ""} for loc in view.locations for i in loc.accumulation_alerts.ids]
        self.activities, self.open_activities = week_card_rows(
            actor, db, [loc.location_id for loc in view.locations], self.today())

    @rx.event
    def toggle(self, key: str):
        self.open_list = "" if self.open_list == key else key
        location, _, figure = self.open_list.partition(":")
        if figure in ("agreements", "feedback") and location.isdigit():
            # The names behind the figure are read (and audited) only when it is opened.
            return self._run(lambda actor, db: self._load_list(actor, db, int(location), figure), reload=False)

    def _load_list(self, actor, db, location_id: int, figure: str) -> None:
        day = self.today()
        if figure == "agreements":
            self.overdue_agreements = [{
                "location": str(location_id), "id": str(a.family_id), "overdue": "1",
                "text": texts.OVERZICHT_AFSPRAAK_REGEL.format(gezin=a.family_name, kinderen=a.child_names,
                                                             afspraak=a.description, wie=a.owner_label,
                                                             datum=format_day(a.due_date))}
                for a in location_overdue_agreements(actor, db, location_id, day)]
        else:
            self.late_feedback = [{
                "location": str(location_id), "id": str(r.child_id), "overdue": "1",
                "text": texts.OVERZICHT_TERUGKOPPELING_REGEL.format(kind=r.child_name, partner=r.partner_name,
                                                                   verstuurd=format_day(r.sent_on),
                                                                   datum=format_day(r.feedback_due))}
                for r in location_late_feedback(actor, db, location_id, day)]


def _figure(loc, key: str, label: str, value, danger: bool = False) -> rx.Component:
    return rx.button(
        # Named by what it shows, then the location for a screen reader (WCAG 2.5.3).
        rx.vstack(rx.text(value, size="6", weight="bold"), rx.text(label, size="1"), spacing="0", align="start"),
        rx.el.span(" · " + loc["name"], class_name="kw-sr-only"),
        on_click=OverzichtState.toggle(loc["id"] + ":" + key),
        # Red only when there is something acute to look at.
        variant="surface", color_scheme=rx.cond(value != "0", "red", "gray") if danger else "gray",
        class_name="kw-figure",
        aria_expanded=OverzichtState.open_list == loc["id"] + ":" + key,
    )


def _list(loc, key: str, rows, href_prefix: str) -> rx.Component:
    return rx.cond(
        OverzichtState.open_list == loc["id"] + ":" + key,
        rx.vstack(rx.foreach(rows, lambda r: rx.cond(
            r["location"] == loc["id"],
            rx.link(rx.hstack(rx.text(r["text"]),
                              rx.cond(r["overdue"] == "1", rx.badge(texts.OVERZICHT_TE_LAAT, color_scheme="red")),
                              spacing="2"),
                    href=href_prefix + r["id"], class_name="kw-tap"))),
            width="100%", padding="8px 0"),
    )


def _location(loc) -> rx.Component:
    return rx.box(
        rx.heading(loc["name"], size="5", as_="h2"),
        rx.text(loc["today"], size="2"),
        rx.flex(
            _figure(loc, "tracks", texts.OVERZICHT_TRAJECTEN, loc["tracks"]),
            _figure(loc, "acute", texts.OVERZICHT_ACUUT, loc["acute"], danger=True),
            _figure(loc, "alerts", texts.OVERZICHT_STAPELING, loc["alerts"]),
            _figure(loc, "agreements", texts.OVERZICHT_AFSPRAKEN_TE_LAAT, loc["agreements"]),
            _figure(loc, "feedback", texts.OVERZICHT_TERUGKOPPELING_TE_LAAT, loc["feedback"]),
            _figure(loc, "waitlist", texts.OVERZICHT_WACHTLIJST, loc["waitlist"]),
            wrap="wrap", gap="2", margin_y="8px",
        ),
        rx.cond(loc["longest"] != "", rx.text(loc["longest"], size="2", color_scheme="gray")),
        _list(loc, "tracks", OverzichtState.tracks, "/meldcode/"),
        _list(loc, "acute", OverzichtState.acute, "/signalen/"),
        _list(loc, "alerts", OverzichtState.alerts, "/kind/"),
        rx.cond(OverzichtState.open_list == loc["id"] + ":waitlist",
                rx.link(texts.AANMELDINGEN_TITEL, href="/aanmeldingen", class_name="kw-tap")),
        _list(loc, "agreements", OverzichtState.overdue_agreements, "/gezin/"),
        _list(loc, "feedback", OverzichtState.late_feedback, "/kind/"),
        class_name="kw-card",
        width="100%",
    )


def overzicht_page() -> rx.Component:
    return page(
        texts.OVERZICHT_TITEL,
        error_callout(OverzichtState.error),
        rx.link(texts.RAPPORT_TITEL, href="/rapportage", class_name="kw-tap"),
        rx.box(rx.foreach(OverzichtState.locations, _location), class_name="kw-overview", width="100%"),
        rx.cond(OverzichtState.locations.length() > 0,
                week_card(OverzichtState.activities, OverzichtState.open_activities)),
        active="/meer",
        spacing="3",
    )
