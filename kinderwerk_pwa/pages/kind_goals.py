"""The child's leerdoelen as cards for the child's page: status, start, moments and the last
evaluations (for the chart), and the conversations that evaluated them."""

from __future__ import annotations

import dataclasses

from .. import texts
from ..components.goal_conversations import goal_conversation_rows
from ..domain.common.clock import format_day


@dataclasses.dataclass
class GoalCard:
    id: str = ""
    title: str = ""
    status: str = ""
    status_code: str = ""
    start: str = ""
    location_id: str = ""
    moments: str = ""
    points: list[dict[str, str]] = dataclasses.field(default_factory=list)
    conversations: list[dict[str, str]] = dataclasses.field(default_factory=list)  # that evaluated it


def goal_cards(goals) -> list[GoalCard]:
    cards = []
    for g in goals:
        good = sum(m[1] for m in g.moments)
        not_yet = sum(m[2] for m in g.moments)
        cards.append(GoalCard(
            id=str(g.id), title=g.title, status=g.status_label, status_code=g.status,
            start=format_day(g.start_date), location_id=str(g.location_id),
            moments=texts.KIND_MOMENTEN.format(goed=good, niet=not_yet),
            points=[{"label": f"{d.day}-{d.month}: {score}", "height": f"{score * 14}px", "score": str(score),
                     "day": f"{d.day}-{d.month}"}
                    for d, score in g.evaluations[-12:]],
            conversations=goal_conversation_rows(g.conversations),
        ))
    return cards
