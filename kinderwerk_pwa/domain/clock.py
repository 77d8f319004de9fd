"""Dates as the user experiences them: the working day is the Amsterdam calendar day."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from ..models import utcnow

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def local_today(now: datetime | None = None) -> date:
    return (now or utcnow()).astimezone(AMSTERDAM).date()


def to_local(moment: datetime) -> datetime:
    return moment.astimezone(AMSTERDAM)
