"""Security headers on every HTTP response of the app's one port (issue 14, point 5).

A pure ASGI middleware. Reflex mounts it through `rx.App(api_transformer=[create_api(),
SecurityHeadersMiddleware])`, so it wraps everything the single-port production server answers:
the prerendered pages and the built static files (Reflex's frontend mount), our own `/api/*` and
`/auth/*` routes, Reflex's `/ping` and `/_health`, and the `/_event` websocket. A websocket is left
alone (a 101 carries no page), except the HTTP answer with which a handshake may be refused.

The Content-Security-Policy is the one the app really runs under (the README, "Beveiligingsheaders",
says why each source is there):
- scripts only from our origin, plus the sha256 of each inline `<script>` the Reflex/React Router
  build puts in its prerendered pages (theme, scroll restoration, route context, streaming). They
  are static, so they are hashed once from the built files; no `'unsafe-inline'`, no `'unsafe-eval'`;
- styles from our origin and `'unsafe-inline'`: Emotion (the `style=` props of Reflex components)
  writes `<style>` elements at run time, and Radix/React write `style` attributes;
- the websocket and fetches only to our origin; images from our origin and `data:`/`blob:` (the
  TOTP QR code is a `data:` SVG); forms post to our origin and the OIDC provider's.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Iterable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..auth import oidc
from ..settings import get_settings

# Paths whose every answer is about people: never stored by the browser or a proxy.
NO_STORE_PREFIXES = ("/api/", "/auth/", "/_event", "/_upload")
# Vite's build output: every file name carries a content hash, so it may be cached for good.
HASHED_ASSETS_PREFIX = "/assets/"
# Our own static files (assets/: the stylesheet, the offline script, sw.js, manifest, icons): no
# child data, but not hashed either, so the browser revalidates them (ETag) on every use.
STATIC_SUFFIXES = (".js", ".mjs", ".css", ".png", ".svg", ".ico", ".webp", ".woff", ".woff2",
                   ".json", ".webmanifest", ".txt")

NO_STORE = "no-store"
REVALIDATE = "no-cache"
IMMUTABLE = "public, max-age=31536000, immutable"
HSTS = "max-age=31536000; includeSubDomains"

# The app uses none of these powerful features; nobody (no frame either) may ask for them.
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in (
    "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture",
    "geolocation", "gyroscope", "hid", "magnetometer", "microphone", "midi", "payment",
    "publickey-credentials-get", "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
))


def origin_of(url: str) -> str | None:
    """scheme://host[:port] of a URL, or None when it has none."""
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def websocket_origin(url: str) -> str | None:
    """The ws:// or wss:// twin of an http(s) origin: where Reflex opens its /_event socket."""
    origin = origin_of(url)
    if origin is None:
        return None
    scheme, rest = origin.split("://", 1)
    return {"http": "ws", "https": "wss"}.get(scheme, scheme) + "://" + rest


class _InlineScripts(HTMLParser):
    """Collects the text of every <script> without src (what a CSP hash is taken over)."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "script" and not any(name == "src" for name, _ in attrs):
            self._current = []

    def handle_data(self, data):
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def inline_scripts(html: str) -> list[str]:
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    return parser.scripts


def script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def inline_script_hashes(static_dir: Path) -> tuple[str, ...]:
    """The CSP hash of every distinct inline script in the built pages under static_dir."""
    hashes: set[str] = set()
    for page in sorted(static_dir.rglob("*.html")):
        try:
            hashes.update(script_hash(s) for s in inline_scripts(page.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError):
            continue
    return tuple(sorted(hashes))


def reflex_static_dir() -> Path:
    """Where `reflex run --env prod` puts the built frontend it serves (as reflex.utils.exec's
    get_frontend_mount finds it)."""
    from reflex.utils import prerequisites
    from reflex_base import constants
    from reflex_base.config import get_config

    return (prerequisites.get_web_dir() / constants.Dirs.STATIC
            / get_config().frontend_path.strip("/")).resolve()


def content_security_policy(*, script_hashes: Iterable[str] = (), public_url: str = "",
                            form_origins: Iterable[str] = ()) -> str:
    websocket = websocket_origin(public_url) if public_url else None
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *script_hashes],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'", *([websocket] if websocket else [])],
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "form-action": ["'self'", *form_origins],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(dict.fromkeys(values))}" for name, values in directives.items())


def cache_control(path: str, status: int, content_type: str, existing: str | None) -> str:
    """What the browser may keep. Pages and API/auth answers never; hashed build files for good."""
    if path.startswith(NO_STORE_PREFIXES) or content_type.startswith("text/html"):
        return NO_STORE
    if existing:
        return existing
    if path.startswith(HASHED_ASSETS_PREFIX) and status in (200, 304):
        return IMMUTABLE
    if path.endswith(STATIC_SUFFIXES) and status in (200, 304):
        return REVALIDATE
    return NO_STORE


class SecurityHeadersMiddleware:
    """Adds the security headers to every HTTP response (see the module docstring).

    `static_dir` is where the built pages are (to hash their inline scripts); by default Reflex's
    own build directory. Settings are read at the first request, not at import: `reflex export`
    and the tests import the app without a configured environment."""

    MANAGED = (b"content-security-policy", b"x-frame-options", b"x-content-type-options",
               b"referrer-policy", b"permissions-policy", b"strict-transport-security",
               b"cross-origin-opener-policy", b"cross-origin-resource-policy", b"cache-control")

    def __init__(self, app: ASGIApp, static_dir: Path | Callable[[], Path] | None = None):
        self.app = app
        self._static_dir = static_dir if static_dir is not None else reflex_static_dir
        self._fixed: list[tuple[bytes, bytes]] | None = None
        self._policy: dict = {}
        self._plain_csp: bytes | None = None
        self._build_key: tuple | None = None
        self._page_csp = b""

    def _fixed_headers(self) -> list[tuple[bytes, bytes]]:
        """The headers that do not depend on the build or the response."""
        if self._fixed is None:
            headers = {
                "x-frame-options": "DENY",
                "x-content-type-options": "nosniff",
                # Not no-referrer: with it a browser sends "Origin: null" on a same-origin form POST,
                # and the login routes refuse a POST whose Origin is not ours (api/security.py).
                "referrer-policy": "same-origin",
                "permissions-policy": PERMISSIONS_POLICY,
                "cross-origin-opener-policy": "same-origin",
                "cross-origin-resource-policy": "same-origin",
            }
            if get_settings().cookie_secure:
                headers["strict-transport-security"] = HSTS
            self._fixed = [(k.encode(), v.encode()) for k, v in headers.items()]
        return self._fixed

    def csp(self, with_hashes: bool = True) -> bytes:
        """The policy; for a page with the hashes of the current build's inline scripts (hashed
        again when the build's index.html changes)."""
        if self._plain_csp is None:
            cfg = oidc.config()
            issuer = origin_of(cfg.issuer) if cfg else None
            self._policy = {"public_url": get_settings().public_url, "form_origins": [issuer] if issuer else []}
            self._plain_csp = content_security_policy(**self._policy).encode()
        if not with_hashes:
            return self._plain_csp
        try:
            static_dir = self._static_dir() if callable(self._static_dir) else self._static_dir
            key = (str(static_dir), (static_dir / "index.html").stat().st_mtime_ns)
        except (OSError, ImportError):
            return self._plain_csp
        if key != self._build_key:
            self._page_csp = content_security_policy(
                script_hashes=inline_script_hashes(static_dir), **self._policy).encode()
            self._build_key = key
        return self._page_csp

    def headers_for(self, path: str, status: int,
                    headers: Iterable[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
        """The response's headers with ours set (replacing any of the same name)."""
        content_type, existing_cache, kept = "", None, []
        for name, value in headers:
            lname = name.lower()
            if lname == b"content-type":
                content_type = value.decode("latin-1").lower()
            elif lname == b"cache-control":
                existing_cache = value.decode("latin-1")
            if lname not in self.MANAGED:
                kept.append((name, value))
        cache = cache_control(path, status, content_type, existing_cache)
        # Only a page runs the inline scripts: other answers get the same policy without the hashes.
        page = not content_type or content_type.startswith("text/html")
        return [*kept, *self._fixed_headers(), (b"content-security-policy", self.csp(with_hashes=page)),
                (b"cache-control", cache.encode())]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        # A websocket's only HTTP answer is the refusal of its handshake (ASGI denial response).
        start = "http.response.start" if scope["type"] == "http" else "websocket.http.response.start"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == start:
                message = {**message, "headers": self.headers_for(
                    path, message.get("status", 200), message.get("headers", []))}
            await send(message)

        await self.app(scope, receive, send_with_headers)
