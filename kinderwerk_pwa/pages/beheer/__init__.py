"""Beheer (desktop): staff accounts and locations. Only the beheerder may; the domain decides."""

from __future__ import annotations

from .locations import locaties_page
from .staff import medewerkers_page
from .state import BeheerState

__all__ = ["BeheerState", "locaties_page", "medewerkers_page"]
