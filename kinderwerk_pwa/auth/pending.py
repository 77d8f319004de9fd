"""The short-lived, signed, HttpOnly cookie between the password step and the second factor.

It proves only that the password was right; it grants nothing by itself.
"""

from __future__ import annotations

from http.cookies import SimpleCookie

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from ..settings import get_settings

COOKIE_NAME = "kw_tweede_stap"
MAX_AGE = 300  # seconds
CODE = "code"  # the account has TOTP: ask for a code
SETUP = "instellen"  # TOTP is required but not set up yet


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(get_settings().secret_key, salt="kinderwerk-tweede-stap")


def make(staff_id: int, purpose: str) -> str:
    return _serializer().dumps({"sid": staff_id, "p": purpose})


def read(value: str | None) -> tuple[int, str] | None:
    if not value:
        return None
    try:
        data = _serializer().loads(value, max_age=MAX_AGE)
    except (BadSignature, SignatureExpired):
        return None
    return int(data["sid"]), str(data["p"])


def from_cookie_header(cookie_header: str | None) -> tuple[int, str] | None:
    if not cookie_header:
        return None
    jar = SimpleCookie()
    try:
        jar.load(cookie_header)
    except Exception:  # malformed header: no pending login
        return None
    morsel = jar.get(COOKIE_NAME)
    return read(morsel.value) if morsel else None
