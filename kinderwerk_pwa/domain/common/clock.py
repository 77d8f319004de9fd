"""Dates as the user experiences them: the working day is the Amsterdam calendar day."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from ...models import utcnow

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def local_today(now: datetime | None = None) -> date:
    return (now or utcnow()).astimezone(AMSTERDAM).date()


def to_local(moment: datetime) -> datetime:
    return moment.astimezone(AMSTERDAM)


def format_moment(moment: datetime) -> str:
    """'27 nov 2026 14:05' in Amsterdam time."""
    from ...texts import MONTHS

    local = to_local(moment)
    return f"{local.day} {MONTHS[local.month][:3]} {local.year} {local:%H:%M}"


def format_day(day: date) -> str:
    from ...texts import MONTHS

    return f"{day.day} {MONTHS[day.month]} {day.year}"


def local_input_value(moment: datetime | None = None) -> str:
    """The value for an <input type="datetime-local">, in Amsterdam time."""
    return to_local(moment or utcnow()).strftime("%Y-%m-%dT%H:%M")


def from_local_input(value: str) -> datetime | None:
    """Read an <input type="datetime-local"> value as Amsterdam time; None if unreadable."""
    try:
        naive = datetime.strptime(value.strip(), "%Y-%m-%dT%H:%M")
    except ValueError:
        return None
    return naive.replace(tzinfo=AMSTERDAM)
