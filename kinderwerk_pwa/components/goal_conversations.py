"""On a leerdoel of the child's page: the conversations that evaluated it (conversation_goal),
each a link to the family page where the conversation is."""

from __future__ import annotations

import reflex as rx

from .. import texts
from ..domain.common.clock import format_day


def goal_conversation_rows(conversations) -> list[dict[str, str]]:
    """GoalView.conversations as what the card shows."""
    return [{"id": str(c.conversation_id), "family_id": str(c.family_id),
             "text": texts.LEERDOEL_GESPREK_REGEL.format(datum=format_day(c.held_on), soort=c.kind_label,
                                                        naam=c.author_name)}
            for c in conversations]


def goal_conversations(rows) -> rx.Component:
    """Shown only when a conversation evaluated the goal."""
    return rx.cond(rows.length() > 0, rx.box(
        rx.text(texts.LEERDOEL_GESPREKKEN, size="2", weight="medium"),
        rx.el.ul(rx.foreach(rows, lambda r: rx.el.li(rx.link(
            r["text"], href="/gezin/" + r["family_id"], size="2", class_name="kw-tap",
            style={"display": "inline-flex", "alignItems": "center"}))),
            style={"margin": "0", "paddingLeft": "18px"}),
        width="100%", data_testid="leerdoel-gesprekken",
    ))
