"""Activiteit plannen: one activity or every week until a date, on a phone too. Every input has a
Dutch label; the domain's message shows under the field it is about."""

from __future__ import annotations

import reflex as rx

from ... import texts
from ...components.form import (
    FIELDSET_STYLE,
    INLINE_CHOICE_STYLE,
    LABEL_STYLE,
    card_form,
    checkbox_group,
    choice,
    field_error,
    select_field,
    text_field,
    var_select_field,
)
from ...components.layout import page
from ...components.messages import error_callout
from .plan_state import (
    KIND_OPTIONS,
    PLACE_OPTIONS,
    REPEAT_OPTIONS,
    PlanState,
)
from .rows import ACTIVE

e = PlanState.errors


def _repeat() -> rx.Component:
    return rx.el.fieldset(
        rx.el.legend(texts.PLAN_HERHALING, style=LABEL_STYLE),
        rx.flex(*[choice(label, "repeat", type_="radio", value=value, default_checked=PlanState.repeat == value,
                         on_change=PlanState.set_repeat, style=INLINE_CHOICE_STYLE)
                  for value, label in REPEAT_OPTIONS], wrap="wrap"),
        field_error(e["repeat"]),
        style={**FIELDSET_STYLE, "width": "100%"},
    )


def _place() -> rx.Component:
    return rx.vstack(
        select_field(texts.PLAN_PLEK, "place_kind", PLACE_OPTIONS, id="plan-plek", value=PlanState.place_kind,
                     on_change=PlanState.set_place_kind, error=e["place_kind"]),
        rx.cond(PlanState.place_kind != "", rx.vstack(
            text_field(texts.PLAN_PLEK_NAAM, "place_name", id="plan-plek-naam", max_length=200,
                       default_value=PlanState.place_name, error=e["place_name"]),
            text_field(texts.PLAN_WIJK, "neighbourhood", id="plan-wijk", max_length=100, hint=texts.PLAN_WIJK_HINT,
                       default_value=PlanState.neighbourhood, error=e["neighbourhood"]),
            width="100%", spacing="3")),
        width="100%", spacing="3",
    )


def _times() -> rx.Component:
    return rx.flex(
        rx.box(text_field(texts.PLAN_BEGIN, "start_time", type_="time", id="plan-begin",
                          default_value=PlanState.start_time, error=e["start_time"]), flex="1", min_width="130px"),
        rx.box(text_field(texts.PLAN_EIND, "end_time", type_="time", id="plan-eind", default_value=PlanState.end_time,
                          error=e["end_time"]), flex="1", min_width="130px"),
        gap="12px", width="100%", wrap="wrap",
    )


def _form() -> rx.Component:
    return card_form(
        rx.cond(PlanState.series_id != "",
                rx.callout(texts.PLAN_WIJZIG_UITLEG, icon="info", width="100%")),
        rx.cond((PlanState.locations.length() > 1) & (PlanState.series_id == ""),
                var_select_field(texts.PLAN_LOCATIE, "plan-locatie", PlanState.locations,
                                 name="location_id", value=PlanState.location_id, on_change=PlanState.set_location)),
        text_field(texts.PLAN_NAAM, "title", id="plan-naam", max_length=200, placeholder=texts.PLAN_NAAM_VOORBEELD,
                   default_value=PlanState.plan_title, error=e["title"]),
        select_field(texts.PLAN_SOORT, "kind", KIND_OPTIONS, id="plan-soort", default_value=PlanState.kind,
                     error=e["kind"]),
        _place(),
        var_select_field(texts.PLAN_PARTNER, "plan-partner", PlanState.partners, name="partner_id",
                         first=rx.el.option(texts.PLAN_GEEN_PARTNER, value=""), default_value=PlanState.partner_id,
                         error=e["partner_id"]),
        text_field(texts.PLAN_DATUM, "first_day", type_="date", id="plan-datum", default_value=PlanState.first_day,
                   error=e["first_day"]),
        _times(),
        _repeat(),
        rx.cond(PlanState.repeat == "wekelijks",
                text_field(texts.PLAN_TOT, "last_day", type_="date", id="plan-tot", hint=texts.PLAN_TOT_HINT,
                           default_value=PlanState.last_day, error=e["last_day"])),
        checkbox_group(texts.PLAN_THEMAS, PlanState.themes, "thema_", error=e["themes"], width="100%",
                       checked=lambda theme: PlanState.chosen_themes.contains(theme["id"])),
        text_field(texts.PLAN_AANTAL, "planned_children", type_="number", id="plan-aantal",
                   default_value=PlanState.planned_children,
                   min="0", max="500", input_mode="numeric", error=e["planned_children"]),
        var_select_field(texts.PLAN_UITVOERDER, "plan-uitvoerder", PlanState.colleagues, name="lead_staff_id",
                         value=PlanState.lead_id,
                         on_change=PlanState.set_lead, error=e["lead_staff_id"]),
        error_callout(PlanState.error, width="100%"),
        rx.button(rx.cond(PlanState.series_id != "", texts.PLAN_WIJZIG_OPSLAAN, texts.PLAN_OPSLAAN), type="submit",
                  size="4", width="100%", class_name="kw-tap"),
        on_submit=PlanState.save, key=PlanState.form_key,
    )


def _done() -> rx.Component:
    return rx.vstack(
        rx.callout(PlanState.done, icon="check", color_scheme="teal", role="status", width="100%"),
        rx.link(rx.button(texts.PLAN_NAAR_WEEK, size="4", width="100%", variant="outline", class_name="kw-tap"),
                href=PlanState.done_href, width="100%"),
        rx.button(texts.PLAN_NOG_EEN, size="4", width="100%", on_click=PlanState.again, class_name="kw-tap"),
        width="100%", spacing="3",
    )


def plan_page() -> rx.Component:
    return page(
        rx.cond(PlanState.series_id != "", texts.PLAN_WIJZIG_TITEL, texts.PLAN_TITEL),
        rx.cond(PlanState.done != "", _done(), _form()),
        active=ACTIVE,
        spacing="3",
        max_width="640px",
    )
