"""The Starlette app that Reflex mounts in front of its own routes (rx.App(api_transformer=...))."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware

from ..settings import get_settings
from . import auth_routes, exports, health, privacy, service_worker, sync


class _LazySecretSessionMiddleware(SessionMiddleware):
    """Starlette's signed session cookie, used only by Authlib for OIDC state, nonce and PKCE
    verifier. Short-lived, HttpOnly, SameSite=Lax."""

    def __init__(self, app):
        settings = get_settings()
        super().__init__(app, secret_key=settings.secret_key, session_cookie="kw_oidc",
                         max_age=600, same_site="lax", https_only=settings.cookie_secure)


def create_api() -> Starlette:
    return Starlette(
        routes=[*auth_routes.routes, *health.routes, *sync.routes, *exports.routes, *privacy.routes,
                *service_worker.routes],
        middleware=[Middleware(_LazySecretSessionMiddleware)],
    )
