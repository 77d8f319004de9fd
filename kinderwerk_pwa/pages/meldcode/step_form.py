"""The form for the current meldcode step (2 to 5); step 4 asks the afwegingskader's questions."""

from __future__ import annotations

import reflex as rx

from ... import texts
from ...components.form import (
    INLINE_CHOICE_STYLE,
    card_form,
    radio_group,
    text_field,
    textarea_field,
)
from ...components.messages import error_callout
from .state import MeldcodeState

YES_NO = [("ja", texts.MELDCODE_JA), ("nee", texts.MELDCODE_NEE)]
RADIO_STYLE = {**INLINE_CHOICE_STYLE, "paddingRight": "16px"}


def _text_input(label: str, name: str, **props) -> rx.Component:
    return text_field(label, name, id=f"meldcode-{name}", error=MeldcodeState.errors[name], **props)


def _textarea(label: str, name: str, rows: int = 4) -> rx.Component:
    return textarea_field(label, name, id=f"meldcode-{name}", rows=rows, max_length=4000,
                          error=MeldcodeState.errors[name])


def _radio_group(legend: str, name: str, options, default: str = "") -> rx.Component:
    return radio_group(legend, name, options, default=default, choice_style=RADIO_STYLE)


def _talk_step(placeholder: str, *advice) -> rx.Component:
    """Steps 2 and 3: with whom, the conclusion (step 2 also Veilig Thuis' advice); or skip them."""
    return rx.vstack(
        rx.cond(~MeldcodeState.skipping, rx.vstack(
            _text_input(texts.MELDCODE_MET_WIE, "with_whom", max_length=300, placeholder=placeholder),
            _textarea(texts.MELDCODE_CONCLUSIE, "conclusion"),
            *advice,
            width="100%")),
        rx.cond(MeldcodeState.skipping,
                rx.vstack(_text_input(texts.MELDCODE_OVERSLAAN_REDEN, "skip_reason", max_length=500), width="100%"),
                rx.fragment()),
        width="100%")


def _weighing_step() -> rx.Component:
    return rx.vstack(
        rx.foreach(MeldcodeState.answered, lambda a: rx.text(a, size="2")),
        rx.cond(
            MeldcodeState.weighing_question != "",
            rx.vstack(
                rx.text(MeldcodeState.weighing_question, weight="bold"),
                rx.hstack(
                    rx.button(texts.MELDCODE_JA, type="button", size="4", class_name="kw-tap",
                              on_click=MeldcodeState.answer(True)),
                    rx.button(texts.MELDCODE_NEE, type="button", size="4", variant="outline",
                              class_name="kw-tap", on_click=MeldcodeState.answer(False)),
                ),
                width="100%",
            ),
            rx.callout(MeldcodeState.weighing_result, icon="scale", color_scheme="teal", role="status",
                       width="100%"),
        ),
        rx.cond(MeldcodeState.answers.length() > 0,
                rx.button("Opnieuw beginnen", type="button", variant="ghost", size="2",
                          on_click=MeldcodeState.reset_answers, class_name="kw-tap")),
        _textarea(texts.MELDCODE_CONCLUSIE, "conclusion", rows=2),
        width="100%")


def _decision_step() -> rx.Component:
    return rx.vstack(
        rx.cond(MeldcodeState.track["weighing"] != "",
                rx.callout(texts.MELDCODE_UITKOMST + ": " + MeldcodeState.track["weighing"], icon="scale",
                           width="100%")),
        _radio_group(texts.MELDCODE_BESLUIT_MELDEN, "report", YES_NO),
        _radio_group(texts.MELDCODE_BESLUIT_HULP, "help", YES_NO),
        _textarea(texts.MELDCODE_CONCLUSIE, "conclusion", rows=3),
        _radio_group("Daarna", "close", [("afsluiten", texts.MELDCODE_AFSLUITEN),
                                         ("doorgaan", texts.MELDCODE_DOORGAAN)], default="afsluiten"),
        width="100%")


def current_step_form() -> rx.Component:
    current = MeldcodeState.track["current"]
    return card_form(
        rx.heading(MeldcodeState.track["current_title"], size="4", as_="h2"),
        rx.match(
            current,
            ("2", _talk_step("Bijvoorbeeld: aandachtsfunctionaris",
                             _textarea(texts.MELDCODE_VT_ADVIES, "veilig_thuis_advice", rows=2))),
            ("3", _talk_step("Bijvoorbeeld: moeder en kind")),
            ("4", _weighing_step()),
            ("5", _decision_step()),
            rx.fragment(),
        ),
        error_callout(MeldcodeState.error, width="100%"),
        rx.hstack(
            rx.button(texts.MELDCODE_STAP_OPSLAAN, type="submit", size="4", class_name="kw-tap"),
            rx.cond((current == "2") | (current == "3"),
                    rx.button(rx.cond(MeldcodeState.skipping, texts.ANNULEREN, texts.MELDCODE_OVERSLAAN),
                              type="button", variant="soft", color_scheme="gray", size="4",
                              class_name="kw-tap", on_click=MeldcodeState.toggle_skip)),
            wrap="wrap",
        ),
        on_submit=MeldcodeState.save,
        key=MeldcodeState.form_key,
    )
