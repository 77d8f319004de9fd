"""The panel of one child (a dialog): pick-up, mood and goal moments for a present child; afmelden
or absent for an expected one; undo the last tap."""

from __future__ import annotations

import reflex as rx

from ... import texts
from ...components.form import INPUT_STYLE, LABEL_STYLE
from ...components.messages import error_callout
from .state import HuiskamerState


def _one_line_form(label: str, field_id: str, name: str, button: str, on_submit, **input_props) -> rx.Component:
    return rx.el.form(
        rx.hstack(
            rx.box(rx.el.label(label, html_for=field_id, style=LABEL_STYLE),
                   rx.el.input(id=field_id, name=name, style=INPUT_STYLE, **input_props),
                   width="100%"),
            rx.button(button, type="submit", size="3", class_name="kw-tap"),
            align="end", width="100%"),
        on_submit=on_submit, style={"width": "100%"},
    )


def _goal_moment(goal) -> rx.Component:
    return rx.vstack(
        rx.text(texts.HUISKAMER_DOELMOMENT + ": " + goal["title"], weight="bold", size="2"),
        rx.hstack(
            rx.button(texts.HUISKAMER_GING_GOED, on_click=HuiskamerState.goal_moment(goal["id"], True),
                      size="3", variant="soft", color_scheme="teal", class_name="kw-tap",
                      aria_label=texts.HUISKAMER_GING_GOED + ": " + goal["title"]),
            rx.button(texts.HUISKAMER_NOG_NIET, on_click=HuiskamerState.goal_moment(goal["id"], False),
                      size="3", variant="soft", color_scheme="gray", class_name="kw-tap",
                      aria_label=texts.HUISKAMER_NOG_NIET + ": " + goal["title"]),
        ),
        width="100%")


def _collector(person) -> rx.Component:
    """One person who may collect: tap to record the pick-up; below it, who allowed it."""
    return rx.box(
        rx.button(person["name"], on_click=HuiskamerState.pick_up(person["name"]), size="3", variant="surface",
                  width="100%", class_name="kw-tap"),
        rx.text(person["line"], size="1", color_scheme="gray", margin_top="2px"),
        width="100%", class_name="kw-ophaler")


def _present() -> rx.Component:
    return rx.vstack(
        rx.foreach(HuiskamerState.panel_warnings, lambda w: rx.callout(
            w, icon="triangle-alert", color_scheme="red", role="alert", size="2", width="100%")),
        rx.text(texts.HUISKAMER_OPGEHAALD_DOOR, weight="bold"),
        rx.cond(HuiskamerState.panel_pickups.length() == 0,
                rx.text(texts.OPHALEN_GEEN_LIJST, size="2", color_scheme="gray")),
        rx.foreach(HuiskamerState.panel_pickups, _collector),
        _one_line_form(texts.HUISKAMER_ANDERE_PERSOON, "ophaler-anders", "other", texts.HUISKAMER_OPGEHAALD,
                       HuiskamerState.pick_up_other, max_length=200),
        rx.button(texts.HUISKAMER_ZELFSTANDIG, on_click=HuiskamerState.home_alone, size="3",
                  variant="outline", width="100%", class_name="kw-tap"),
        rx.cond(HuiskamerState.panel["alone_line"] != "",
                rx.text(HuiskamerState.panel["alone_line"], size="2", color_scheme="gray"),
                rx.cond(HuiskamerState.panel["alone_note"], rx.text(HuiskamerState.panel["alone_note"], size="2",
                                                                     color_scheme="red"))),
        rx.text(texts.HUISKAMER_STEMMING, weight="bold"),
        rx.hstack(*[rx.button(face, on_click=HuiskamerState.mood(value), size="3", variant="soft",
                              aria_label=texts.STEMMINGEN[value], class_name="kw-tap", min_width="48px")
                    for value, face in texts.STEMMING_GEZICHTEN.items()], wrap="wrap"),
        rx.foreach(HuiskamerState.panel_goals, _goal_moment),
        width="100%",
    )


def _expected() -> rx.Component:
    return rx.vstack(
        _one_line_form(texts.HUISKAMER_AFMELD_REDEN, "afmeld-reden", "reason", texts.HUISKAMER_AFMELDEN,
                       HuiskamerState.excused, max_length=300, placeholder="Bijvoorbeeld: ziek, tandarts"),
        rx.button(texts.HUISKAMER_AFWEZIG_ZONDER, on_click=HuiskamerState.absent, size="3",
                  color_scheme="red", variant="outline", width="100%", class_name="kw-tap"),
        width="100%",
    )


def panel() -> rx.Component:
    p = HuiskamerState.panel
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(p["name"]),
            rx.dialog.description(p["label"], size="2"),
            error_callout(HuiskamerState.error, margin_y="8px"),
            rx.vstack(
                rx.cond(p["status"] == "aanwezig", _present()),
                rx.cond(p["status"] == "verwacht", _expected()),
                rx.cond(p["last_event"] != "",
                        rx.button(texts.HUISKAMER_ONGEDAAN, on_click=HuiskamerState.undo, size="3", variant="ghost",
                                  color_scheme="gray", class_name="kw-tap")),
                rx.cond(HuiskamerState.notice != "", rx.text(HuiskamerState.notice, role="status", size="2")),
                rx.dialog.close(rx.button(texts.HUISKAMER_SLUITEN, size="3", variant="soft", color_scheme="gray",
                                          width="100%", class_name="kw-tap")),
                spacing="3",
                width="100%",
                margin_top="12px",
            ),
            max_width="480px",
        ),
        open=HuiskamerState.panel_open,
        on_open_change=HuiskamerState.set_panel_open,
    )
