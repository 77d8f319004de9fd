"""What both beheer pages share: the title, the messages, the form or its button, and the table."""

from __future__ import annotations

import reflex as rx

from ... import texts
from ...components.form import card_form, submit_and_cancel
from ...components.layout import page
from ...components.messages import error_callout, notice_callout
from .state import BeheerState


def beheer_form(editing, new_title: str, *fields, on_submit) -> rx.Component:
    """The form for a new ("nieuw") or an existing account or location."""
    return card_form(
        rx.heading(rx.cond(editing == "nieuw", new_title, texts.WIJZIGEN), size="4", as_="h2"),
        *fields,
        submit_and_cancel(texts.OPSLAAN, BeheerState.close_forms),
        on_submit=on_submit,
        key=BeheerState.form_key,
        maxWidth="560px",
    )


def beheer_page(title: str, form_open, form: rx.Component, new_label: str, on_new,
                table: rx.Component) -> rx.Component:
    return page(
        f"{texts.NAV_BEHEER}: {title}",
        error_callout(BeheerState.error),
        notice_callout(BeheerState.notice),
        rx.cond(form_open, form, rx.button(new_label, size="3", class_name="kw-tap", on_click=on_new)),
        table,
        active="/meer",
        spacing="4",
    )
