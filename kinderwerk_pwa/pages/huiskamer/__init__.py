"""Vandaag in a huiskamer: the children expected today as big tiles. One tap checks a child in;
a present child's tile opens pick-up, mood and goal moments. Other devices' taps appear within a
second (each open screen polls the day's event fingerprint in the database, so it works with
several workers behind Redis too)."""

from __future__ import annotations

import reflex as rx

from ... import texts
from ...components.form import search_field
from ...components.layout import page
from ...components.messages import error_callout
from .panel import panel
from .state import HuiskamerState
from .tiles import counts, tile

__all__ = ["HuiskamerState", "huiskamer_page"]


def _follow_ups() -> rx.Component:
    return rx.cond(HuiskamerState.follow_ups.length() > 0, rx.box(
        rx.heading(texts.HUISKAMER_VERVOLG, size="3", as_="h2"),
        rx.foreach(HuiskamerState.follow_ups, lambda f: rx.hstack(
            rx.text(f["text"]),
            rx.button(texts.AFSPRAAK_GEDAAN, size="2", variant="soft", on_click=HuiskamerState.follow_up_done(f["id"]),
                      aria_label=texts.AFSPRAAK_GEDAAN + ": " + f["text"], class_name="kw-tap"),
            justify="between", align="center", width="100%")),
        class_name="kw-card", width="100%"))


def _extra_day() -> rx.Component:
    """A child who is not expected today comes anyway: find and add her."""
    return search_field(
        texts.HUISKAMER_EXTRA, "huiskamer-extra", HuiskamerState.extra_query,
        HuiskamerState.search_extra.debounce(250),
        rx.foreach(HuiskamerState.extra_choices, lambda c: rx.button(
            c["name"], on_click=HuiskamerState.add_extra(c["id"]), variant="surface", size="3",
            width="100%", class_name="kw-tap", aria_label="Extra dag: " + c["name"])),
        placeholder=texts.HUISKAMER_EXTRA_ZOEK,
    )


def huiskamer_page() -> rx.Component:
    return page(
        HuiskamerState.location_name,
        rx.text(HuiskamerState.day_label, color_scheme="gray"),
        rx.cond(~HuiskamerState.is_today, rx.callout(texts.HUISKAMER_ANDERE_DAG, icon="calendar", width="100%")),
        counts(),
        error_callout(HuiskamerState.error, width="100%"),
        _follow_ups(),
        search_field(texts.HUISKAMER_ZOEK, "huiskamer-zoek", HuiskamerState.query, HuiskamerState.search),
        rx.cond(HuiskamerState.children.length() == 0, rx.text(texts.HUISKAMER_GEEN_VERWACHT)),
        rx.box(rx.foreach(HuiskamerState.visible, tile), class_name="kw-tiles", width="100%"),
        _extra_day(),
        panel(),
        rx.box(on_unmount=HuiskamerState.stop_watch),  # the watch starts in on_load (state.py)
        active="/",
        spacing="3",
    )
