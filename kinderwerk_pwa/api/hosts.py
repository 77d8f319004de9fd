"""Which Host and Origin are ours (issue 16, point 2): configuration decides, never the request.

Behind a proxy that passes the client's Host header on, a page of another site (DNS rebinding, or a
proxy with a catch-all virtual host) reaches the app with its own name in the Host header; an origin
check that compares Origin with "http(s)://<Host>" then takes that site for ours. So:

- `TrustedHostMiddleware` answers only requests whose Host header names one of
  `Settings.trusted_hosts` (the public URL's host, KINDERWERK_ALLOWED_HOSTS, and locally
  localhost/127.0.0.1/[::1]). Any other Host, a missing one or two of them get 400 on every route of
  the port: pages, static files, /api, /auth and the /_event websocket handshake (refused before it
  is accepted). The port in the Host header is not checked: a proxy may or may not pass it on.
  It is the outermost layer of the app (kinderwerk_pwa.py, `KinderwerkApp`), outside Reflex's CORS
  middleware too, so a preflight with a foreign Host is refused as well.
- `is_our_origin` is the same-origin check of the state-changing routes (api/security.py): an
  Origin is ours when it is the public URL's origin (exactly: scheme, host and port), or when its
  host is one of the other trusted hosts (or a local one) and its host and port are the ones the
  request was sent to (so `make run` on localhost:3000 and the tests on a random port work, and
  another local server on another port is not us).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from ..settings import LOCAL_HOSTS, get_settings, split_host

REFUSAL = "Onbekende host: dit adres hoort niet bij deze app."
DEFAULT_PORTS = {"http": 80, "https": 443}
DENIAL_EXTENSION = "websocket.http.response"


def request_host(scope: Scope) -> tuple[str, int | None] | None:
    """The one Host header of a request as (host, port); None when missing, doubled or invalid."""
    values = Headers(scope=scope).getlist("host")
    return split_host(values[0]) if len(values) == 1 else None


async def refuse_host(scope: Scope, receive: Receive, send: Send) -> None:
    """400 for a page, a file or a route. A websocket handshake is refused before it is accepted:
    with the same 400 when the server supports the ASGI denial response (granian and uvicorn do),
    otherwise by closing it, which the server answers with 403."""
    if scope["type"] == "websocket" and DENIAL_EXTENSION not in (scope.get("extensions") or {}):
        await send({"type": "websocket.close", "code": 1008})
        return
    await PlainTextResponse(REFUSAL, status_code=400)(scope, receive, send)


class TrustedHostMiddleware:
    """Passes on only HTTP and websocket requests whose Host header names a trusted host.

    `hosts`: the trusted host names (lower case, IPv6 in brackets); by default
    `get_settings().trusted_hosts`, read at each request (cached with the settings), not at import.
    `refusal`: the ASGI app that answers a foreign Host (kinderwerk_pwa.py wraps it in the security
    headers)."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str] | Callable[[], Iterable[str]] | None = None,
                 refusal: ASGIApp = refuse_host):
        self.app = app
        self._hosts = hosts if hosts is not None else (lambda: get_settings().trusted_hosts)
        self.refusal = refusal

    def trusted(self) -> Iterable[str]:
        return self._hosts() if callable(self._hosts) else self._hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            host = request_host(scope)
            if host is None or host[0] not in self.trusted():
                await self.refusal(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _endpoint(scheme: str, host: str, port: int | None) -> tuple[str, str, int | None]:
    return scheme, host, port if port is not None else DEFAULT_PORTS.get(scheme)


def origin_endpoint(url: str) -> tuple[str, str, int | None] | None:
    """(scheme, host, port) of an http(s) origin or URL, with the default port filled in."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or "@" in parts.netloc:
        return None
    parsed = split_host(parts.netloc)
    return _endpoint(scheme, *parsed) if parsed else None


def is_our_origin(origin: str, host_header: str | None) -> bool:
    """Is `origin` (an Origin header, or the origin of a Referer) one of our own pages? Only
    configuration decides which hosts are ours; the Host header only tells the port and which of
    the trusted hosts the request was sent to."""
    settings = get_settings()
    theirs = origin_endpoint(origin)
    if theirs is None:
        return False
    public = origin_endpoint(settings.public_url)
    if theirs == public:
        return True
    scheme, host, port = theirs
    # The public host has exactly one origin (an http:// page there is not ours when we are https);
    # a local one (make run, the tests) may be used on another port.
    if host not in settings.trusted_hosts or (public is not None and host == public[1]
                                              and host not in LOCAL_HOSTS):
        return False
    sent_to = split_host(host_header)
    return sent_to is not None and _endpoint(scheme, *sent_to) == theirs
