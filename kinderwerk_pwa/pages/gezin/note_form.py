"""The form for a new conversation note with up to three agreements."""

from __future__ import annotations

import reflex as rx

from ... import texts
from ...components.form import (
    LABEL_STYLE,
    card_form,
    checkbox_group,
    choice,
    select_field,
    submit_and_cancel,
    text_field,
    textarea_field,
    var_select_field,
)
from ...components.messages import error_callout
from ...models.conversations import AGREEMENT_OWNERS
from .state import AGREEMENT_SLOTS, GezinState

OWNER_OPTIONS = [(o, texts.AGREEMENT_OWNER_LABELS[o]) for o in AGREEMENT_OWNERS]


def _agreement_slot(i: int) -> rx.Component:
    e = GezinState.errors
    return rx.el.fieldset(
        rx.el.legend(texts.GESPREK_AFSPRAAK.format(n=i), style=LABEL_STYLE),
        text_field(texts.GESPREK_AFSPRAAK_WAT, f"a{i}_what", id=f"afspraak{i}-wat", max_length=500,
                   error=e[f"agreements.{i - 1}.description"]),
        select_field(texts.GESPREK_AFSPRAAK_WIE, f"a{i}_who", OWNER_OPTIONS, id=f"afspraak{i}-wie"),
        text_field(texts.GESPREK_AFSPRAAK_NAAM, f"a{i}_name", id=f"afspraak{i}-naam", max_length=200,
                   error=e[f"agreements.{i - 1}.owner_name"]),
        text_field(texts.GESPREK_AFSPRAAK_WANNEER, f"a{i}_due", type_="date", id=f"afspraak{i}-wanneer",
                   error=e[f"agreements.{i - 1}.due_date"]),
        style={"border": "1px solid var(--gray-5)", "borderRadius": "10px", "padding": "10px", "width": "100%",
               "boxSizing": "border-box"},
    )


def note_form() -> rx.Component:
    e = GezinState.errors
    return card_form(
        rx.heading(texts.GEZIN_NIEUW_GESPREK, size="4", as_="h2"),
        checkbox_group(texts.GESPREK_OUDERS, GezinState.guardians, "ouder_", error=e["guardian_ids"],
                       width="100%"),
        checkbox_group(texts.GESPREK_KINDEREN, GezinState.children, "kind_", error=e["child_ids"],
                       width="100%"),
        var_select_field(texts.GESPREK_SOORT, "gesprek-soort", GezinState.kinds, name="kind", error=e["kind"]),
        text_field(texts.GESPREK_WANNEER, "held_at", type_="datetime-local", default_value=GezinState.now_value,
                   id="gesprek-wanneer", error=e["held_at"]),
        text_field(texts.GESPREK_PLAATS, "place", id="gesprek-plaats", max_length=200),
        text_field(texts.GESPREK_ONDERWERPEN, "topics", id="gesprek-onderwerpen", max_length=400),
        textarea_field(texts.GESPREK_FEITEN, "facts", id="gesprek-facts", error=e["facts"], max_length=4000),
        textarea_field(texts.GESPREK_INTERPRETATIE, "interpretation", id="gesprek-interpretation",
                       error=e["interpretation"], rows=2, max_length=2000),
        choice(texts.GESPREK_BESPROKEN, "discussed", default_checked=True),
        text_field(texts.GESPREK_NIET_BESPROKEN_REDEN, "not_discussed_reason", id="gesprek-reden",
                   max_length=500, error=e["not_discussed_reason"]),
        rx.cond(GezinState.tracks.length() > 0, var_select_field(
            texts.GESPREK_TRAJECT, "gesprek-traject", GezinState.tracks, name="track_id", error=e["track_id"],
            first=rx.el.option(texts.GESPREK_GEEN_TRAJECT, value=""))),
        rx.cond(GezinState.goals.length() > 0,
                checkbox_group(texts.GESPREK_LEERDOELEN, GezinState.goals, "doel_", width="100%")),
        *[_agreement_slot(i) for i in range(1, AGREEMENT_SLOTS + 1)],
        error_callout(GezinState.error, width="100%"),
        submit_and_cancel(texts.GESPREK_OPSLAAN, GezinState.close, size="4", wrap="wrap"),
        on_submit=GezinState.save_note,
        key=GezinState.form_key,
    )
