"""Logboek (NEN 7513), for the privacy officer: who read or changed what and when, refusals included;
filtered by child, staff member, period, action and outcome; paged. Desktop first: on a phone the
filters stack and the table scrolls sideways."""

from __future__ import annotations

import reflex as rx

from ... import texts
from ...components.form import card_form, select_field, text_field, var_select_field
from ...components.layout import page
from ...components.messages import error_callout
from .inzage import child_search_form, hit_list
from .logboek_state import LogboekState

OUTCOME_OPTIONS = [("", texts.LOGBOEK_ALLE_UITKOMSTEN), *texts.AUDIT_UITKOMST_LABELS.items()]
FIELD_BOX = {"flex": "1 1 200px", "minWidth": "180px"}
_BEFORE, _AFTER = texts.LOGBOEK_GEFILTERD_OP_KIND.split("{naam}")


def _child_filter() -> rx.Component:
    return rx.cond(
        LogboekState.child_id != "",
        rx.hstack(
            rx.text(_BEFORE, rx.text.strong(LogboekState.child_name), _AFTER, id="logboek-kind"),
            rx.button(texts.LOGBOEK_KIND_WISSEN, size="2", variant="soft", on_click=LogboekState.clear_child),
            align="center", wrap="wrap", class_name="kw-card", width="100%",
        ),
        rx.vstack(
            rx.heading(texts.LOGBOEK_KIND, size="4", as_="h2"),
            child_search_form(LogboekState.search_child, LogboekState.query, LogboekState.errors["zoek"]),
            hit_list(LogboekState.hits, LogboekState.searched, LogboekState.pick_child),
            width="100%",
        ),
    )


def _filters() -> rx.Component:
    values, errors = LogboekState.values, LogboekState.errors
    return card_form(
        rx.flex(
            var_select_field(texts.LOGBOEK_MEDEWERKER, "logboek-medewerker", LogboekState.staff_options,
                             first=rx.el.option(texts.LOGBOEK_ALLE_MEDEWERKERS, value=""), name="medewerker",
                             default_value=values["medewerker"], error=errors["medewerker"], box_props={"style": FIELD_BOX}),
            rx.box(text_field(texts.LOGBOEK_VAN, "van", type_="date", default_value=values["van"],
                              error=errors["van"]), style=FIELD_BOX),
            rx.box(text_field(texts.LOGBOEK_TOT, "tot", type_="date", default_value=values["tot"],
                              error=errors["tot"]), style=FIELD_BOX),
            var_select_field(texts.LOGBOEK_ACTIE, "logboek-actie", LogboekState.action_options,
                             first=rx.el.option(texts.LOGBOEK_ALLE_ACTIES, value=""), name="actie",
                             default_value=values["actie"], error=errors["actie"], box_props={"style": FIELD_BOX}),
            rx.box(select_field(texts.LOGBOEK_UITKOMST, "uitkomst", OUTCOME_OPTIONS, default_value=values["uitkomst"],
                                error=errors["uitkomst"], id="logboek-uitkomst"), style=FIELD_BOX),
            gap="12px", wrap="wrap", width="100%",
        ),
        rx.button(texts.LOGBOEK_ZOEKEN, type="submit", size="3", class_name="kw-tap"),
        on_submit=LogboekState.apply, key=LogboekState.form_key,
    )


def _row(r) -> rx.Component:
    refused = r["outcome"] != "toegestaan"
    return rx.el.tr(
        rx.el.td(r["at"], style={"whiteSpace": "nowrap"}),
        rx.el.th(r["who"], scope="row"),
        rx.el.td(r["role"]),
        rx.el.td(rx.code(r["action"], variant="ghost")),
        rx.el.td(r["child"]),
        rx.el.td(r["object"]),
        rx.el.td(rx.badge(r["outcome_label"], color_scheme=rx.cond(refused, "red", "gray"))),
        rx.el.td(rx.text(r["detail"], size="1", color_scheme="gray", style={"wordBreak": "break-all"})),
    )


def _table() -> rx.Component:
    return rx.vstack(
        rx.text(LogboekState.summary, role="status", size="2"),
        rx.cond(
            LogboekState.rows.length() == 0,
            rx.text(texts.LOGBOEK_GEEN),
            # A plain table in a region that scrolls sideways and takes the keyboard's focus (WCAG 2.1.1).
            rx.box(rx.el.table(
                rx.el.thead(rx.el.tr(*[rx.el.th(h, scope="col") for h in texts.LOGBOEK_KOLOMMEN])),
                rx.el.tbody(rx.foreach(LogboekState.rows, _row)),
                class_name="kw-report-table kw-log-table",
            ), width="100%", overflow_x="auto", tab_index=0, role="region", aria_label=texts.LOGBOEK_TITEL),
        ),
        rx.hstack(
            rx.button(texts.LOGBOEK_VORIGE, variant="soft", size="3", class_name="kw-tap",
                      disabled=~LogboekState.has_prev, on_click=LogboekState.prev_page),
            rx.button(texts.LOGBOEK_VOLGENDE, variant="soft", size="3", class_name="kw-tap",
                      disabled=~LogboekState.has_next, on_click=LogboekState.next_page),
        ),
        width="100%",
    )


def logboek_page() -> rx.Component:
    return page(
        texts.LOGBOEK_TITEL,
        rx.text(texts.LOGBOEK_UITLEG, max_width="720px"),
        error_callout(LogboekState.error),
        _child_filter(),
        _filters(),
        _table(),
        active="/meer",
        spacing="4",
    )
