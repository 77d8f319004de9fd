"""What a tile shows of a child's day, as the plain strings the huiskamer state holds."""

from __future__ import annotations

from ... import texts
from ...domain.common.clock import format_day, to_local


def _label(c) -> str:
    return (texts.HUISKAMER_STATUS.get(c.status, c.status)
            + (f" {to_local(c.since):%H:%M}" if c.since and c.status != "verwacht" else "")
            + (f" · {c.picked_up_by}" if c.picked_up_by else "") + (f" · {c.reason}" if c.reason else ""))


def _mood(c) -> str:
    return texts.STEMMING_GEZICHTEN.get(c.mood, "") if c.mood else ""


def _tile_row(c) -> dict[str, str]:
    """What does not change with a tap (the tile's status is in the small dicts)."""
    return {"id": str(c.child_id), "name": c.name,
            "extra": "" if c.expected else "1", "alone": "1" if c.may_go_home_alone else "",
            "alone_note": "" if c.may_go_home_alone else (
                texts.HUISKAMER_ZELFSTANDIG_INGETROKKEN.format(datum=format_day(c.home_alone_withdrawn_on))
                if c.home_alone_withdrawn_on else texts.HUISKAMER_ZELFSTANDIG_GEEN),
            "pickups": "|".join(c.pickup_persons), "pickup_lines": "|".join(c.pickup_lines),
            "warnings": "|".join(c.pickup_warnings), "alone_line": c.home_alone_line,
            "goals": "|".join(f"{g[0]}:{g[1]}" for g in c.goals)}
