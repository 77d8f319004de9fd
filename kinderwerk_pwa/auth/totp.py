"""Second factor: TOTP (RFC 6238) as produced by any authenticator app. Checking a code (once) is
the domain's: domain/toegang/second_factor.py."""

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


def provisioning_uri(secret: str, account: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=account, issuer_name=ISSUER)


def qr_svg(uri: str) -> str:
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()
