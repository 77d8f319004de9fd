"""Request helpers shared by the API routes: client address, same-origin check, session cookie."""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response

from ..auth.sessions import COOKIE_NAME
from ..settings import get_settings
from .hosts import is_our_origin


def client_address(request: Request) -> str:
    return request.client.host if request.client else "onbekend"


def same_origin(request: Request) -> bool:
    """A state-changing request must come from our own pages. Browsers send Origin on POST;
    a request from another site (CSRF) carries that site's origin and is refused. Which origins are
    ours is configuration (KINDERWERK_PUBLIC_URL, KINDERWERK_ALLOWED_HOSTS: api/hosts.py), never
    whatever the request's Host header says."""
    origin = request.headers.get("origin")
    if origin is None:
        # Fall back to Referer; a POST with neither is not from a browser page of ours.
        referer = request.headers.get("referer")
        if not referer:
            return False
        parts = urlsplit(referer)
        origin = f"{parts.scheme}://{parts.netloc}"
    return is_our_origin(origin, request.headers.get("host"))


def set_session_cookie(response: Response, token: str) -> None:
    response.set_cookie(
        COOKIE_NAME,
        token,
        httponly=True,
        samesite="lax",
        secure=get_settings().cookie_secure,
        path="/",
        max_age=get_settings().session_max_hours * 3600,
    )


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(COOKIE_NAME, path="/", httponly=True, samesite="lax",
                           secure=get_settings().cookie_secure)


def no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response
