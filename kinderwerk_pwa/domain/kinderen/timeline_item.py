"""One line on a child's timeline. Each part of the work (signalering, gesprekken) makes its own
items; the dossier puts them in order. It lives here, low, so those parts need not import the dossier."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class TimelineItem:
    at: datetime
    kind: str  # signaal / signaal_afgeschermd / meldcode_stap / traject_afgeschermd / gesprek
    title: str
    body: str
    link: str  # where to open it, "" if not allowed
    acute: bool = False
