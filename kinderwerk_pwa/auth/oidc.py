"""OIDC login with Authlib: authorization code flow with PKCE (S256), state and nonce.

Authlib keeps state, nonce and the PKCE verifier in Starlette's signed session cookie and removes
them at the callback, so a replayed or tampered callback finds no matching state and is refused.
The ID token is validated by Authlib (signature from the provider's JWKS, issuer, audience, expiry,
nonce). People are matched on (issuer, subject), never on e-mail.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache

from authlib.integrations.starlette_client import OAuth
from sqlmodel import Session, select

from ..models import StaffUser
from ..settings import get_settings


@dataclass(frozen=True)
class OidcConfig:
    issuer: str
    client_id: str
    client_secret: str
    redirect_uri: str
    label: str


def config() -> OidcConfig | None:
    issuer = os.environ.get("KINDERWERK_OIDC_ISSUER", "").rstrip("/")
    client_id = os.environ.get("KINDERWERK_OIDC_CLIENT_ID", "")
    if not issuer or not client_id:
        return None
    return OidcConfig(
        issuer=issuer,
        client_id=client_id,
        client_secret=os.environ.get("KINDERWERK_OIDC_CLIENT_SECRET", ""),
        redirect_uri=os.environ.get(
            "KINDERWERK_OIDC_REDIRECT_URI", get_settings().public_url.rstrip("/") + "/auth/oidc/callback"
        ),
        label=os.environ.get("KINDERWERK_OIDC_LABEL", ""),
    )


@cache
def client():
    cfg = config()
    if cfg is None:
        return None
    oauth = OAuth()
    oauth.register(
        name="organisatie",
        server_metadata_url=f"{cfg.issuer}/.well-known/openid-configuration",
        client_id=cfg.client_id,
        client_secret=cfg.client_secret,
        client_kwargs={"scope": "openid profile email", "code_challenge_method": "S256"},
    )
    return oauth.organisatie


def find_staff(db: Session, issuer: str, subject: str) -> StaffUser | None:
    return db.exec(
        select(StaffUser).where(StaffUser.oidc_issuer == issuer, StaffUser.oidc_subject == subject)
    ).first()
