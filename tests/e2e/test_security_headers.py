"""Security headers (issue 14, point 5) on the real production app: `reflex run --env prod
--single-port` started by the `app` fixture, asked over HTTP for pages, API and auth routes and the
built static files; and in the browser, a page of another origin that tries to frame the app.

The other half of the browser check is conftest.py's `_no_csp_violation`: every test of the suite
fails when one of its pages reports a Content-Security-Policy violation.
"""

from __future__ import annotations

import hashlib
import http.server
import json
import re
import threading
from base64 import b64encode
from html.parser import HTMLParser
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP
from .helpers import TIMEOUT_MS, wait_ready

pytestmark = pytest.mark.e2e

# Every response of the app's port carries these (name -> exact value, or None: present, checked apart).
REQUIRED = {
    "content-security-policy": None,
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "permissions-policy": None,
    "cache-control": None,
}
NO_STORE = "no-store"


def csp_directives(value: str) -> dict[str, list[str]]:
    directives = {}
    for part in value.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


def assert_security_headers(response: httpx.Response) -> dict[str, list[str]]:
    """Fails when any required header is missing or wrong; returns the CSP's directives."""
    where = f"{response.request.method} {response.request.url.path} ({response.status_code})"
    missing = [name for name in REQUIRED if name not in response.headers]
    assert not missing, f"{where}: missing {missing}"
    for name, value in REQUIRED.items():
        if value is not None:
            assert response.headers[name] == value, f"{where}: {name} is {response.headers[name]!r}"
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in response.headers["permissions-policy"], f"{where}: {feature} not off"
    # HSTS only when KINDERWERK_COOKIE_SECURE=1 (HTTPS); this test app runs on plain HTTP.
    assert "strict-transport-security" not in response.headers, where
    csp = csp_directives(response.headers["content-security-policy"])
    for name, value in {"frame-ancestors": ["'none'"], "object-src": ["'none'"], "base-uri": ["'none'"],
                        "default-src": ["'self'"], "worker-src": ["'self'"], "manifest-src": ["'self'"]}.items():
        assert csp.get(name) == value, f"{where}: {name} is {csp.get(name)}"
    assert "'self'" in csp["connect-src"] and "'self'" in csp["form-action"], where
    assert csp["img-src"] == ["'self'", "data:", "blob:"], where
    everything = response.headers["content-security-policy"]
    assert "unsafe-eval" not in everything, f"{where}: unsafe-eval in the CSP"
    assert "'unsafe-inline'" not in csp["script-src"], f"{where}: inline scripts allowed wholesale"
    assert "*" not in everything.split(), where
    return csp


class _Page(HTMLParser):
    """The inline scripts and the same-origin URLs a built page loads."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.inline: list[str] = []
        self.urls: list[str] = []
        self.manifest = ""
        self._script: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            if attrs.get("src"):
                self.urls.append(attrs["src"])
            else:
                self._script = []
        elif tag == "link" and attrs.get("href"):
            self.urls.append(attrs["href"])
            if attrs.get("rel") == "manifest":
                self.manifest = attrs["href"]

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.inline.append("".join(self._script))
            self._script = None


def parse_page(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    # Module imports inside the inline module script are files the page loads too.
    page.urls += [u for s in page.inline for u in re.findall(r'import(?:\(| [^"]*)"(/[^"]+)"', s)]
    return page


def sha256(script: str) -> str:
    return "'sha256-" + b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


@pytest.fixture(scope="module")
def web(app):
    with httpx.Client(base_url=app.base_url, timeout=60, follow_redirects=True) as client:
        yield client


PAGES = ["/", "/login", "/login/code", "/kinderen", "/kind/1", "/signaal", "/huiskamer/1", "/meer",
         "/rapportage", "/privacy/inzage", "/bestaat-niet"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_the_headers_and_a_policy_that_allows_exactly_its_inline_scripts(web, path):
    response = web.get(path)
    assert response.status_code in (200, 404), response.status_code
    assert response.headers["content-type"].startswith("text/html")
    for hop in [*response.history, response]:  # the trailing-slash redirect too
        csp = assert_security_headers(hop)
        assert hop.headers["cache-control"] == NO_STORE, f"{hop.url}: a page may carry a child's data"
    page = parse_page(response.text)
    assert page.inline, "the built page has inline scripts (else this test checks nothing)"
    for script in page.inline:
        assert sha256(script) in csp["script-src"], f"{path}: inline script not allowed: {script[:80]!r}"


def test_api_and_auth_routes_have_the_headers_and_are_never_stored(web):
    answers = [
        web.get("/api/health"),
        web.get("/api/offline/context"),  # no session: refused, still with the headers
        web.post("/auth/login", data={"email": "x@example.org", "password": "x"}),  # no Origin: refused
        web.get("/auth/oidc/callback", follow_redirects=False),
    ]
    assert answers[0].status_code == 200 and answers[0].json()["status"] == "ok"
    assert answers[1].status_code in (401, 403)
    assert answers[2].status_code == 403
    for response in answers:
        assert_security_headers(response)
        assert response.headers["cache-control"] == NO_STORE, response.request.url


def test_static_assets_have_the_headers_and_only_hashed_ones_are_cached_for_long(web):
    page = parse_page(web.get("/login").text)
    built = sorted({u for u in page.urls if u.startswith("/assets/")})
    assert any(u.endswith(".js") for u in built) and any(u.endswith(".css") for u in built), built
    assert page.manifest, "the page links a web app manifest"
    ours = [page.manifest, "/sw.js", "/kinderwerk-versie.js", "/kinderwerk-offline.js", "/kinderwerk.css",
            "/icon-192.png"]
    for path in built:
        response = web.get(path)
        assert response.status_code == 200, path
        assert_security_headers(response)
        # Vite puts a content hash in every name under /assets/: a new build has new names.
        assert response.headers["cache-control"] == "public, max-age=31536000, immutable", path
    for path in ours:
        response = web.get(path)
        assert response.status_code == 200, path
        assert_security_headers(response)
        assert response.headers["cache-control"] == "no-cache", f"{path}: revalidated, not hashed"
    # nosniff needs the right types: scripts as JavaScript, the stylesheet as CSS.
    assert "javascript" in web.get("/sw.js").headers["content-type"]
    assert web.get("/kinderwerk.css").headers["content-type"].startswith("text/css")


def test_policy_names_the_websocket_and_the_oidc_provider(web, app):
    csp = csp_directives(web.get("/login").headers["content-security-policy"])
    parts = urlsplit(app.base_url)
    assert f"ws://{parts.netloc}" in csp["connect-src"]
    issuer = urlsplit(app.oidc_issuer)
    # The OIDC button is a form that posts to /auth/oidc/login, which redirects to the provider:
    # form-action is checked on that redirect too.
    assert f"{issuer.scheme}://{issuer.netloc}" in csp["form-action"]


class _OtherOrigin:
    """A second local HTTP server, on 127.0.0.1 (the app is on localhost: another origin)."""

    def __init__(self, pages: dict[str, str]):
        pages_bytes = {path: body.encode() for path, body in pages.items()}

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                body = pages_bytes.get(self.path)
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(body or b"")

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def _frame_page(src: str) -> str:
    return ("<!doctype html><html><head><title>ander</title></head><body>"
            f"<iframe id=\"kader\" src=\"{src}\" width=\"400\" height=\"600\" "
            "onload=\"document.body.dataset.geladen = '1'\"></iframe></body></html>")


def test_a_page_of_another_origin_cannot_frame_the_app(browser, app):
    other = _OtherOrigin({
        "/hallo.html": "<!doctype html><p id=\"hallo\">hallo</p>",
        "/eigen.html": _frame_page("/hallo.html"),
        "/kader.html": _frame_page(f"{app.base_url}/login"),
    })
    # A context of its own, without the CSP recorder: the refused frame is the point of this test.
    context = browser.new_context(**DESKTOP)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        app_requests: list[str] = []
        page.on("request", lambda r: app_requests.append(r.url) if r.url.startswith(app.base_url) else None)

        # The control: this page frames a page of its own origin, and that frame shows its content.
        page.goto(f"{other.url}/eigen.html")
        expect(page.locator("body")).to_have_attribute("data-geladen", "1")
        expect(page.frame_locator("#kader").locator("#hallo")).to_have_text("hallo")

        # The app in the frame: the browser asks for it and refuses to show it.
        page.goto(f"{other.url}/kader.html")
        expect(page.locator("body")).to_have_attribute("data-geladen", "1")
        assert any(u.startswith(f"{app.base_url}/login") for u in app_requests), "the frame asked for the app"
        frame = page.frame_locator("#kader")
        expect(frame.locator("input[name=email]")).to_have_count(0)
        expect(frame.get_by_text("Inloggen", exact=False)).to_have_count(0)
        child = [f for f in page.frames if f is not page.main_frame]
        assert child and not any(f.url.startswith(app.base_url) for f in child), [f.url for f in child]
        # Nothing of the app ran: none of its scripts or styles was fetched into the frame.
        loaded = [u for u in app_requests if "/assets/" in u or u.endswith((".js", ".css"))]
        assert not loaded, loaded
    finally:
        context.close()
        other.close()


def test_an_unexpected_server_error_shows_a_dutch_message_without_eval(phone):
    """Reflex's own answer to an exception in a handler is a toast sent as a script to eval, which
    the policy forbids. Ours (state/server_error.py) is a state event: the Dutch message shows and
    no CSP violation is reported (the autouse check of conftest.py). The browser may send any event
    with any arguments; here one that makes a handler raise is put on the page's own websocket."""
    sockets = []

    def pass_through(ws):
        server = ws.connect_to_server()
        sockets.append(server)
        ws.on_message(server.send)
        server.on_message(ws.send)

    phone.route_web_socket(re.compile(r".*/_event.*"), pass_through)
    phone.goto("/login")
    wait_ready(phone)
    event = {"name": "reflex___state____state.kinderwerk_pwa___pages___login____login_state.load",
             "payload": {"onverwacht": 1}, "router_data": {"pathname": "/login/", "asPath": "/login/"}}
    sockets[-1].send("42/_event," + json.dumps(["event", event]))
    notice = phone.get_by_role("alert").filter(has_text="Er ging iets mis op de server")
    expect(notice).to_be_visible()
    phone.screens.shot(phone, "serverfout")
    notice.get_by_role("button", name="Sluiten").click()
    expect(notice).to_have_count(0)
