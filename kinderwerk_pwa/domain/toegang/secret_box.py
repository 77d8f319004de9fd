"""TOTP secrets encrypted at rest (issue 16): Fernet (AES-128-CBC + HMAC-SHA256) with a key derived
by HKDF-SHA256 from the app's secret key (KINDERWERK_SECRET_KEY). A copy of the database alone no
longer hands out anybody's second factor.

Changing the secret key makes the stored secrets unreadable: those accounts then have to set up
their second factor again (a beheerder resets it). Never log a secret, encrypted or not.
"""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ...settings import get_settings

_INFO = b"kinderwerk totp-secret v1"


class UnreadableSecret(Exception):
    """The stored secret cannot be decrypted with this key (the secret key changed?)."""


def _fernet(secret_key: str | None) -> Fernet:
    material = (secret_key if secret_key is not None else get_settings().secret_key).encode()
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(material)
    return Fernet(base64.urlsafe_b64encode(key))


def encrypt(plain: str, secret_key: str | None = None) -> str:
    return _fernet(secret_key).encrypt(plain.encode()).decode()


def decrypt(token: str, secret_key: str | None = None) -> str:
    try:
        return _fernet(secret_key).decrypt(token.encode()).decode()
    except (InvalidToken, ValueError) as exc:
        raise UnreadableSecret() from exc
