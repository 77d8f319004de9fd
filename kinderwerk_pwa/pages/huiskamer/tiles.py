"""The day at a glance: the counts, and a tile per child (one tap checks in)."""

from __future__ import annotations

import reflex as rx

from ... import texts
from .state import HuiskamerState

STATUS_COLORS = {"verwacht": "gray", "aanwezig": "teal", "opgehaald": "blue", "zelfstandig": "blue",
                 "afgemeld": "amber", "afwezig": "red"}


def _count(label: str, key: str) -> rx.Component:
    return rx.box(rx.text(HuiskamerState.counts[key].to_string(), size="6", weight="bold"),
                  rx.text(label, size="1"), class_name="kw-count", aria_label=label)


def counts() -> rx.Component:
    return rx.box(
        _count(texts.HUISKAMER_VERWACHT, "verwacht"),
        _count(texts.HUISKAMER_AANWEZIG, "aanwezig"),
        _count(texts.HUISKAMER_OPGEHAALD, "opgehaald"),
        _count(texts.HUISKAMER_AFWEZIG, "afwezig"),
        rx.box(rx.text(HuiskamerState.capacity, size="6", weight="bold"),
               rx.text(texts.HUISKAMER_CAPACITEIT, size="1"), class_name="kw-count"),
        class_name="kw-counts",
        role="group",
        aria_label="Tellingen",
    )


@rx.memo
def tile_card(child_id: rx.Var[str], name: rx.Var[str], extra: rx.Var[str], warnings: rx.Var[str],
              status: rx.Var[str], label: rx.Var[str], mood: rx.Var[str]) -> rx.Component:
    """One child's tile as a React memo: it reads no state of its own, only its props, so a tap
    re-renders the one tile whose status, label or mood changed, not all 70 (issue 14)."""
    return rx.hstack(
        rx.button(
            rx.vstack(
                rx.hstack(rx.text(name, weight="bold", size="4"), rx.text(mood),
                          rx.cond(extra == "1", rx.badge("extra", color_scheme="gray")), spacing="2"),
                rx.cond(warnings != "", rx.text(texts.HUISKAMER_LET_OP_OPHALEN, size="2", weight="bold",
                                                color_scheme="red", class_name="kw-let-op")),
                rx.text(label, size="2"),
                spacing="0", align="start",
            ),
            on_click=HuiskamerState.tile(child_id, status),
            variant=rx.cond(status == "verwacht", "outline", "soft"),
            color_scheme=rx.match(status, *STATUS_COLORS.items(), "gray"),
            size="4",
            class_name="kw-tile",
            data_status=status,
            data_child_id=child_id,
        ),
        rx.icon_button(rx.icon("ellipsis-vertical"), on_click=HuiskamerState.open_panel(child_id),
                       variant="ghost", size="4", aria_label="Opties voor " + name,
                       class_name="kw-tap"),
        width="100%",
        spacing="2",
        align="stretch",
    )


def tile(child) -> rx.Component:
    """`child` holds what a tap does not change; status, label and mood come from the small dicts."""
    return tile_card(child_id=child["id"], name=child["name"], extra=child["extra"], warnings=child["warnings"],
                     status=HuiskamerState.tile_status[child["id"]].to(str),
                     label=HuiskamerState.tile_label[child["id"]].to(str),
                     mood=HuiskamerState.tile_mood[child["id"]].to(str))
