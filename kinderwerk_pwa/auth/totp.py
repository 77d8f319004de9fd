"""Second factor: TOTP (RFC 6238) as produced by any authenticator app."""

from __future__ import annotations

import io

import pyotp
import qrcode
import qrcode.image.svg

ISSUER = "Kinderwerk"
REQUIRED_FOR_ROLES = frozenset({"teamleider", "beheerder", "privacy"})


def required_for(role: str) -> bool:
    return role in REQUIRED_FOR_ROLES


def new_secret() -> str:
    return pyotp.random_base32()


def verify(secret: str | None, code: str) -> bool:
    code = "".join(ch for ch in (code or "") if ch.isdigit())
    if not secret or len(code) != 6:
        return False
    # One step of clock drift either way, as authenticator apps expect.
    return pyotp.TOTP(secret).verify(code, valid_window=1)


def provisioning_uri(secret: str, account: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=account, issuer_name=ISSUER)


def qr_svg(uri: str) -> str:
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()
