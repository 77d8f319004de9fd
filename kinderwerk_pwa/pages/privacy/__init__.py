"""Privacy (desktop first, privacy officer only; the domain decides): the inzageverzoek and the logboek."""

from __future__ import annotations

from .inzage import InzageState, inzage_page
from .logboek import logboek_page
from .logboek_state import LogboekState

__all__ = ["InzageState", "LogboekState", "inzage_page", "logboek_page"]
