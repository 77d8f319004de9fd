"""Password policy: at least 12 characters and not a common password (list shipped with the app)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ... import texts

MIN_LENGTH = 12
MAX_LENGTH = 200


@cache
def _common() -> frozenset[str]:
    path = Path(__file__).with_name("common_passwords.txt")
    return frozenset(
        line.strip() for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")
    )


def password_problem(password: str, *, email: str = "", name: str = "") -> str | None:
    """The Dutch reason a password is refused, or None if it is acceptable."""
    if len(password) < MIN_LENGTH:
        return texts.WACHTWOORD_TE_KORT.format(n=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        return texts.WACHTWOORD_TE_LANG
    lowered = password.lower()
    if lowered in _common() or len(set(lowered)) < 4:
        return texts.WACHTWOORD_TE_BEKEND
    for own in (email.split("@")[0].lower(), name.lower().replace(" ", "")):
        if len(own) >= 4 and own in lowered.replace(" ", ""):
            return texts.WACHTWOORD_EIGEN_NAAM
    return None
