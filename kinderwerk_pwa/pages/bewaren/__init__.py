"""Bewaartermijnen en verzoeken (/privacy/bewaren), for the privacy officer; the domain decides."""

from __future__ import annotations

from .page import bewaren_page
from .state import BewarenState

__all__ = ["BewarenState", "bewaren_page"]
