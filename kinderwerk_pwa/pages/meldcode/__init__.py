"""The meldcode track of one child: the steps done, and the form for the current step.
Step 4 walks the afwegingskader one question at a time."""

from __future__ import annotations

import reflex as rx

from ... import texts
from ...components.form import INPUT_STYLE, LABEL_STYLE, var_select_field
from ...components.layout import page
from ...components.messages import error_callout
from .state import MeldcodeState
from .step_form import current_step_form

__all__ = ["MeldcodeState", "meldcode_page"]


def _owner_form() -> rx.Component:
    t = MeldcodeState.track
    return rx.el.form(
        rx.hstack(
            var_select_field(texts.MELDCODE_EIGENAAR, "meldcode-eigenaar", MeldcodeState.owners, name="owner_id",
                             default_value=t["owner_id"], box_props={"flex": "1", "min_width": "200px"}),
            rx.box(
                rx.el.label(texts.MELDCODE_DEADLINE, html_for="meldcode-termijn", style=LABEL_STYLE),
                rx.el.input(id="meldcode-termijn", name="due_date", type="date", default_value=t["due_iso"],
                            style=INPUT_STYLE),
                flex="1", min_width="160px",
            ),
            rx.button(texts.MELDCODE_EIGENAAR_OPSLAAN, type="submit", size="3", class_name="kw-tap"),
            align="end", wrap="wrap", width="100%",
        ),
        rx.text(texts.MELDCODE_EIGENAAR_WIJZIGEN, size="1", color_scheme="gray"),
        on_submit=MeldcodeState.save_owner,
        key=MeldcodeState.form_key,
        class_name="kw-card",
        style={"width": "100%"},
    )


def _step(s) -> rx.Component:
    return rx.el.li(
        rx.text(s["title"], weight="bold"),
        rx.text(s["meta"], size="1", color_scheme="gray"),
        rx.text(s["body"], size="2", white_space="pre-wrap"),
        rx.cond(s["answers"] != "", rx.text(s["answers"], size="2", white_space="pre-wrap")),
        rx.cond(s["advice"] != "", rx.text("Advies Veilig Thuis: " + s["advice"], size="2")),
        class_name="kw-card", style={"listStyle": "none", "marginBottom": "8px"},
    )


def meldcode_page() -> rx.Component:
    t = MeldcodeState.track
    return page(
        texts.MELDCODE_TITEL,
        rx.text(texts.MELDCODE_ACUUT, size="2", color_scheme="red"),
        rx.cond(
            t["id"],
            rx.vstack(
                rx.heading(t["child"], size="5", as_="h2"),
                rx.text(t["location"] + " · " + texts.MELDCODE_EIGENAAR + ": " + t["owner"] + " · "
                        + texts.MELDCODE_DEADLINE + " " + t["due"] + " · " + t["status"], size="2"),
                rx.cond(t["decisions"] != "", rx.callout(t["decisions"], icon="gavel", width="100%")),
                rx.el.ol(rx.foreach(MeldcodeState.steps, _step), style={"padding": 0, "margin": 0, "width": "100%"}),
                rx.cond(t["open"] == "1", current_step_form()),
                rx.cond(MeldcodeState.owners.length() > 0, _owner_form()),
                rx.cond(t["child_id"] != "",
                        rx.link("Tijdlijn van het kind", href="/kind/" + t["child_id"], class_name="kw-tap")),
                width="100%",
                spacing="3",
            ),
            error_callout(MeldcodeState.error),
        ),
        active="/signaal",
        spacing="3",
        max_width="760px",
    )
