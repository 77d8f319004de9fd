"""A family: children, parents, conversations with their agreements, a new conversation note, and
referrals to partners with their feedback."""

from __future__ import annotations

import reflex as rx

from ... import texts
from ...components.layout import page
from ...components.messages import error_callout, notice_callout
from .note_form import note_form
from .referral_form import referral_form
from .sections import family_sections
from .state import GezinState

__all__ = ["GezinState", "gezin_page"]


def _actions() -> rx.Component:
    return rx.hstack(
        rx.cond(GezinState.family["can_record"] == "1",
                rx.button(texts.GEZIN_NIEUW_GESPREK, size="4", class_name="kw-tap",
                          on_click=GezinState.open_note)),
        rx.button(texts.DOORVERWIJZEN_NIEUW, size="4", variant="outline",
                  class_name="kw-tap", on_click=GezinState.open_referral),
        wrap="wrap")


def gezin_page() -> rx.Component:
    f = GezinState.family
    return page(
        None,
        notice_callout(GezinState.notice, width="100%"),
        # The forms show their own error.
        rx.cond(GezinState.mode == "", error_callout(GezinState.error, width="100%")),
        rx.cond(f["id"], rx.vstack(
            rx.heading(f["name"], size="7", as_="h1"),
            rx.cond(GezinState.mode == "gesprek", note_form(),
                    rx.cond(GezinState.mode == "doorverwijzen", referral_form(), _actions())),
            *family_sections(),
            width="100%", spacing="3",
        )),
        active="/gesprekken",
        max_width="860px",
    )
