"""/activiteit/[activity_id]: the field sheet of one activity, for one hand on a phone. Tap the
registered children who came, tally the others, optionally a note and an observation per theme,
then "Gerealiseerd". Or: cancelled (with a reason) or moved (to a new date). A signal can be
captured from here (the child may be unknown)."""

from __future__ import annotations

import reflex as rx

from ... import texts
from ...components.form import card_form, field_error, text_field, textarea_field
from ...components.layout import page
from ...components.messages import error_callout, notice_callout
from .rows import ACTIVE, STATUS_COLORS
from .sheet_state import SheetState
from .tally import children_section, tally_section

e = SheetState.errors


def _header() -> rx.Component:
    """What, when and where: shown once the activity is loaded (its title is the page's h1)."""
    return rx.cond(SheetState.title != "", rx.vstack(
        rx.heading(SheetState.title, size="7", as_="h1"),
        rx.hstack(rx.text(SheetState.when, weight="bold"),
                  rx.badge(SheetState.status_label,
                           color_scheme=rx.match(SheetState.status, *STATUS_COLORS.items(), "gray")),
                  wrap="wrap", spacing="2", align="center"),
        rx.text(SheetState.place),
        rx.text(SheetState.about, size="2", color_scheme="gray"),
        width="100%", spacing="1",
    ))


def _notes() -> rx.Component:
    """The optional note and an observation per theme of the activity (folded away: optional)."""
    return rx.vstack(
        textarea_field(texts.SHEET_NOTITIE, "note", id="activiteit-notitie", rows=3, max_length=1000,
                       default_value=SheetState.note, error=e["note"]),
        rx.cond(SheetState.themes.length() > 0, rx.el.details(
            rx.el.summary(texts.SHEET_OBSERVATIES, class_name="kw-summary"),
            rx.vstack(rx.foreach(SheetState.themes, lambda t: rx.box(
                rx.el.label(t["label"], html_for="observatie-" + t["id"], style={"fontWeight": 500}),
                rx.el.textarea(id="observatie-" + t["id"], name="obs_" + t["id"], rows=2, max_length=500,
                               class_name="kw-textarea"),
                width="100%")), width="100%", spacing="2"),
            field_error(e["observations"]), style={"width": "100%"})),
        width="100%", spacing="3",
    )


def _registered_notes() -> rx.Component:
    """What was written down, once registered."""
    return rx.vstack(
        rx.cond(SheetState.note != "", rx.box(rx.text(texts.SHEET_NOTITIE_KORT, weight="bold", size="2"),
                                              rx.text(SheetState.note), width="100%")),
        rx.foreach(SheetState.observation_rows, lambda o: rx.box(
            rx.text(o["label"], weight="bold", size="2"), rx.text(o["text"]), width="100%")),
        width="100%", spacing="2",
    )


def _realise() -> rx.Component:
    return card_form(
        rx.cond(SheetState.registered, _registered_notes(), _notes()),
        rx.text(texts.SHEET_SAMEN, " ", SheetState.present_count.to_string(), " ", texts.SHEET_SAMEN_INGESCHREVEN, " + ",
                SheetState.tally_total.to_string(), " ", texts.SHEET_SAMEN_GETURFD, weight="bold",
                role="status"),
        rx.cond(~SheetState.registered,
                rx.button(rx.icon("check", aria_hidden="true"), texts.SHEET_GEREALISEERD, type="submit", size="4",
                          width="100%", class_name="kw-tap")),
        on_submit=SheetState.realise, key=SheetState.form_key,
    )


def _other_outcomes() -> rx.Component:
    """Cancelled (a reason) or moved (a new date): each a small form behind its own button."""
    return rx.box(
        rx.heading(texts.SHEET_ANDERS, size="3", as_="h2"),
        rx.hstack(
            rx.button(texts.SHEET_GEANNULEERD, on_click=SheetState.set_mode("geannuleerd"), type="button",
                      variant=rx.cond(SheetState.mode == "geannuleerd", "solid", "outline"), color_scheme="red",
                      size="3", class_name="kw-tap", aria_expanded=SheetState.mode == "geannuleerd"),
            rx.button(texts.SHEET_VERPLAATST, on_click=SheetState.set_mode("verplaatst"), type="button",
                      variant=rx.cond(SheetState.mode == "verplaatst", "solid", "outline"), color_scheme="amber",
                      size="3", class_name="kw-tap", aria_expanded=SheetState.mode == "verplaatst"),
            wrap="wrap", spacing="2", margin_y="8px",
        ),
        rx.cond(SheetState.mode == "geannuleerd", card_form(
            text_field(texts.SHEET_REDEN, "reason", id="activiteit-reden", max_length=300, error=e["reason"]),
            rx.button(texts.SHEET_ANNULEREN_OPSLAAN, type="submit", size="3", color_scheme="red", width="100%",
                      class_name="kw-tap"),
            on_submit=SheetState.cancel, key=SheetState.form_key, class_name=None)),
        rx.cond(SheetState.mode == "verplaatst", card_form(
            text_field(texts.SHEET_NIEUWE_DATUM, "new_day", type_="date", id="activiteit-nieuwe-datum",
                       error=e["new_day"]),
            rx.flex(
                rx.box(text_field(texts.SHEET_NIEUWE_BEGIN, "new_start_time", type_="time", id="activiteit-nieuw-begin",
                                  error=e["new_start_time"]), flex="1", min_width="140px"),
                rx.box(text_field(texts.SHEET_NIEUWE_EIND, "new_end_time", type_="time", id="activiteit-nieuw-eind",
                                  error=e["new_end_time"]), flex="1", min_width="140px"),
                gap="12px", width="100%", wrap="wrap"),
            text_field(texts.SHEET_REDEN_VERPLAATST, "reason", id="activiteit-reden-verplaatst", max_length=300),
            rx.button(texts.SHEET_VERPLAATSEN_OPSLAAN, type="submit", size="3", color_scheme="amber", width="100%",
                      class_name="kw-tap"),
            on_submit=SheetState.move, key=SheetState.form_key, class_name=None)),
        class_name="kw-card", width="100%",
    )


def _links() -> rx.Component:
    return rx.vstack(
        rx.link(rx.button(rx.icon("flag", aria_hidden="true"), texts.SHEET_SIGNAAL, size="3", variant="outline",
                          width="100%", class_name="kw-tap kw-wrap"), href="/signaal", width="100%"),
        rx.link(rx.button(rx.icon("pencil", aria_hidden="true"), texts.SHEET_REEKS_WIJZIGEN, size="3",
                          variant="outline", width="100%", class_name="kw-tap kw-wrap"),
                href="/activiteiten/plannen?reeks=" + SheetState.series_id, width="100%"),
        rx.link(texts.SHEET_NAAR_WEEK, href=SheetState.week_href, class_name="kw-tap", size="3"),
        width="100%", spacing="2",
    )


def sheet_page() -> rx.Component:
    return page(
        None,
        _header(),
        error_callout(SheetState.error, width="100%"),
        notice_callout(SheetState.notice, width="100%"),
        rx.cond(SheetState.title != "", rx.vstack(
            rx.cond(SheetState.is_future & ~SheetState.registered,
                    rx.callout(texts.SHEET_NOG_NIET, icon="calendar", width="100%")),
            children_section(),
            tally_section(),
            _realise(),
            rx.cond(~SheetState.registered, _other_outcomes()),
            _links(),
            width="100%", spacing="3")),
        active=ACTIVE,
        spacing="3",
        max_width="720px",
    )
