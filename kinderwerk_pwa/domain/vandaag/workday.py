"""Vandaag in the order of a working day, per role (issue 15; the choice is in the README).

The parts of the page:
- "nu": the check-in of each huiskamer with children expected today, and today's activities;
- "acuut": acute signals (not in a closed track);
- "overzicht": the way to the team overview (teamleider);
- "vandaag": agreements due today;
- "trajecten": open meldcode tracks (overdue first);
- "stapeling": accumulation alerts;
- "achterstallig": overdue agreements and late referral feedback, collapsed to one count.

A kinderwerker starts her day at the huiskamer: the check-in first, then what is due today. The
aandachtsfunctionaris has acute signals on top and the open meldcode tracks right after what she
has to do at a location today: those are her work. The teamleider has acute signals on top, then
the overview of her locations, from which every overdue figure opens its list.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TypeVar

from ..toegang.locations import LocationToday

SECTIONS = ("nu", "acuut", "overzicht", "vandaag", "trajecten", "stapeling", "achterstallig")

WORKDAY_ORDER: dict[str, tuple[str, ...]] = {
    "kinderwerker": ("nu", "acuut", "vandaag", "achterstallig", "stapeling", "trajecten"),
    "aandachtsfunctionaris": ("acuut", "nu", "trajecten", "stapeling", "vandaag", "achterstallig"),
    "teamleider": ("acuut", "overzicht", "nu", "vandaag", "trajecten", "stapeling", "achterstallig"),
}
DEFAULT_LAYOUT = "kinderwerker"


def layout_for(role: str) -> str:
    """The key of WORKDAY_ORDER for a role; roles without a day at a location get the default."""
    return role if role in WORKDAY_ORDER else DEFAULT_LAYOUT


def checkin_locations(rows: Iterable[LocationToday]) -> list[LocationToday]:
    """The huiskamers with a programme today (children expected): their check-in comes first."""
    return [r for r in rows if r.kind == "huiskamer" and r.expected_today > 0]


_Row = TypeVar("_Row")


def split_due(rows: Iterable[_Row], today: date) -> tuple[list[_Row], list[_Row]]:
    """Rows with a `due_date` (agreements): (due today, overdue). Later ones are left out."""
    rows = list(rows)
    return ([r for r in rows if r.due_date == today],  # type: ignore[attr-defined]
            [r for r in rows if r.due_date < today])  # type: ignore[attr-defined]
