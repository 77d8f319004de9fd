"""The two ways of counting who came: a tile per registered child (tap toggles present, as the
huiskamer check-in) and the anonymous tally, a grid of age band x gender with − and + (44 px
targets) and the number itself typeable."""

from __future__ import annotations

import reflex as rx

from ... import texts
from ...components.form import search_field
from ...models.activities import AGE_BANDS, GENDERS
from .sheet_state import SheetState


def child_tile(child) -> rx.Component:
    present = child["present"] == "1"
    return rx.button(
        rx.vstack(
            rx.text(child["name"], weight="bold", size="3"),
            rx.hstack(
                rx.cond(present, rx.icon("check", size=16, aria_hidden="true")),
                rx.text(rx.cond(present, texts.SHEET_AANWEZIG, texts.SHEET_NIET_AANWEZIG), size="2"),
                # Among all children (or found by name), say who came before.
                rx.cond((child["regular"] == "1") & (SheetState.show_all | (SheetState.query != "")),
                        rx.badge(texts.SHEET_KWAM_EERDER, color_scheme="gray", size="1")),
                spacing="1", align="center", wrap="wrap",
            ),
            spacing="0", align="start",
        ),
        on_click=SheetState.toggle(child["id"]),
        variant=rx.cond(present, "solid", "outline"),
        color_scheme=rx.cond(present, "teal", "gray"),
        size="3",
        type="button",
        class_name="kw-tile kw-child-tile",
        aria_pressed=rx.cond(present, "true", "false"),
        aria_disabled=SheetState.registered,
        data_child_id=child["id"],
    )


def children_section() -> rx.Component:
    return rx.box(
        rx.heading(texts.SHEET_KINDEREN + " (", SheetState.present_count.to_string(), ")", size="4", as_="h2"),
        rx.cond(~SheetState.registered, rx.vstack(
            rx.text(texts.SHEET_KINDEREN_UITLEG, size="2", color_scheme="gray"),
            rx.cond(SheetState.children.length() > 8,
                    search_field(texts.SHEET_ZOEK, "activiteit-zoek", SheetState.query, SheetState.search)),
            width="100%", spacing="2", margin_y="8px")),
        rx.cond(SheetState.children.length() == 0, rx.text(texts.SHEET_GEEN_KINDEREN, size="2")),
        rx.box(rx.foreach(SheetState.visible, child_tile), class_name="kw-child-tiles"),
        rx.cond(SheetState.has_regulars & ~SheetState.show_all & ~SheetState.registered & (SheetState.query == ""),
                rx.button(texts.SHEET_ALLE_KINDEREN + " (", SheetState.children.length().to_string(), ")",
                          on_click=SheetState.show_all_children, variant="ghost", size="3", type="button",
                          class_name="kw-tap", margin_top="8px")),
        class_name="kw-card", width="100%",
    )


def _group(band: str, gender: str) -> str:
    """'Meisje 7-9 jaar'"""
    return f"{texts.ACTIVITEIT_GESLACHT_LABELS[gender]} {texts.ACTIVITEIT_LEEFTIJD_LABELS[band]}"


def _cell(band: str, gender: str) -> rx.Component:
    cell, group = f"{band}|{gender}", _group(band, gender)
    return rx.box(
        rx.el.input(
            value=SheetState.tally[cell], on_change=lambda value: SheetState.set_cell(cell, value),
            type="text", input_mode="numeric", pattern="[0-9]*", max_length=4,
            aria_label=texts.SHEET_AANTAL.format(groep=group), read_only=SheetState.registered,
            class_name="kw-tally-count", id=f"turf-{band}-{gender}",
        ),
        rx.cond(~SheetState.registered, rx.box(
            rx.button("−", on_click=SheetState.minus(cell), type="button", variant="soft", color_scheme="gray",
                      size="3", class_name="kw-tally-button", aria_label=texts.SHEET_EEN_MINDER.format(groep=group)),
            rx.button("+", on_click=SheetState.plus(cell), type="button", variant="solid", size="3",
                      class_name="kw-tally-button", aria_label=texts.SHEET_EEN_MEER.format(groep=group)),
            class_name="kw-tally-buttons")),
        class_name="kw-tally-cell",
    )


def tally_section() -> rx.Component:
    # "Anders/onbekend" may break after its slash on a narrow phone, not inside a word.
    heads = [rx.text(texts.ACTIVITEIT_GESLACHT_LABELS[g].replace("/", "/\u200b"), class_name="kw-tally-head",
                     size="2", weight="bold")
             for g in GENDERS]
    rows = []
    for band in AGE_BANDS:
        rows.append(rx.text(texts.ACTIVITEIT_LEEFTIJD_LABELS[band], class_name="kw-tally-band", size="2",
                            weight="bold"))
        rows.extend(_cell(band, g) for g in GENDERS)
    return rx.box(
        rx.heading(texts.SHEET_TURF + " (", SheetState.tally_total.to_string(), ")", size="4", as_="h2"),
        rx.cond(~SheetState.registered, rx.text(texts.SHEET_TURF_UITLEG, size="2", color_scheme="gray")),
        rx.box(*heads, *rows, class_name="kw-tally", role="group", aria_label=texts.SHEET_TURF),
        class_name="kw-card", width="100%",
    )
