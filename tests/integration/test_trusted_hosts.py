"""Trusted hosts (issue 16, point 2): only the configured Host headers are answered, on every route of
the port, and the same-origin check compares with configuration only (kinderwerk_pwa/api/hosts.py).

The app is assembled as Reflex assembles it for `reflex run --env prod --single-port`: our routes in
front of a built frontend and a websocket at /_event, the security headers around that, Reflex's
top Starlette app with its CORS middleware around all of it, and our Host check outermost
(`guard_hosts`, what `KinderwerkApp.__call__` adds). tests/e2e/test_trusted_hosts.py asks the real
server the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import reflex as rx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.routing import WebSocketRoute
from starlette.testclient import TestClient, WebSocketDenialResponse

from kinderwerk_pwa.api.app import create_api
from kinderwerk_pwa.api.headers import SecurityHeadersMiddleware
from kinderwerk_pwa.api.hosts import TrustedHostMiddleware, is_our_origin, refuse_host
from kinderwerk_pwa.api.security import same_origin
from kinderwerk_pwa.kinderwerk_pwa import KinderwerkApp, guard_hosts
from kinderwerk_pwa.settings import Settings, reset_settings, split_host
from tests.loops import run_in_own_loop
from tests.world import PASSWORD

PUBLIC = "https://kinderwerk.example.nl"
GOOD = "kinderwerk.example.nl"
EVIL = "evil.example"


@pytest.fixture
def configured(app_db, monkeypatch):
    """Production-like: a public https URL behind a proxy, one extra internal name, no demo mode."""
    monkeypatch.setenv("KINDERWERK_PUBLIC_URL", PUBLIC)
    monkeypatch.setenv("KINDERWERK_ALLOWED_HOSTS", "kinderwerk.intern, 10.0.0.5:3000")
    monkeypatch.delenv("KINDERWERK_DEMO", raising=False)
    reset_settings()
    yield
    reset_settings()


def _event_socket(websocket):
    async def run():
        await websocket.accept()
        await websocket.send_text("0{}")
        await websocket.close()

    return run()


def assembled(build_dir: Path):
    api = create_api()
    inner = Starlette(routes=[WebSocketRoute("/_event/", _event_socket)])
    from reflex.utils.precompressed_staticfiles import PrecompressedStaticFiles

    inner.mount("", PrecompressedStaticFiles(directory=build_dir, html=True))
    rx.App._add_cors(api)
    api.mount("", inner)
    top = Starlette()
    top.mount("", SecurityHeadersMiddleware(api, static_dir=build_dir))
    rx.App._add_cors(top)  # Reflex's CORS middleware, outermost of its own app
    return guard_hosts(top)


@pytest.fixture
def build_dir(tmp_path: Path) -> Path:
    root = tmp_path / "client"
    (root / "login").mkdir(parents=True)
    (root / "index.html").write_text("<!DOCTYPE html><html><body>Vandaag</body></html>")
    (root / "login" / "index.html").write_text("<!DOCTYPE html><html><body>Inloggen</body></html>")
    (root / "kinderwerk.css").write_text("body { margin: 0 }")
    return root


@pytest.fixture
def web(configured, build_dir):
    with TestClient(assembled(build_dir), base_url=PUBLIC, follow_redirects=False) as client:
        yield client


ROUTES = ["/", "/login/", "/kinderwerk.css", "/api/health", "/auth/oidc/callback"]


@pytest.mark.parametrize("path", ROUTES)
def test_our_host_is_answered(web, path):
    assert web.get(path).status_code in (200, 303, 307), path


@pytest.mark.parametrize("path", ROUTES)
@pytest.mark.parametrize("host", [EVIL, f"{EVIL}:443", "kinderwerk.example.nl.evil.example", "localhost",
                                  "127.0.0.1:3000", "[::1]", "", "kinderwerk.example.nl@evil.example"])
def test_a_foreign_host_is_refused_on_every_route(web, path, host):
    response = web.get(path, headers={"host": host})
    assert response.status_code == 400, (path, host)
    assert "Vandaag" not in response.text and "status" not in response.text
    # The refusal carries the security headers too.
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["cache-control"] == "no-store"


def test_the_configured_names_with_any_port(web):
    for host in (GOOD, f"{GOOD}:443", "KINDERWERK.example.nl", "kinderwerk.intern:8080", "10.0.0.5"):
        assert web.get("/api/health", headers={"host": host}).status_code == 200, host


def test_a_doubled_host_header_is_refused(web):
    response = web.get("/api/health", headers=[("host", GOOD), ("host", EVIL)])
    assert response.status_code == 400


def test_a_post_with_a_forged_host_and_matching_origin_is_refused(web):
    data = {"email": "kinderwerker@test.nl", "password": PASSWORD}
    refused = web.post("/auth/login", data=data, headers={"host": EVIL, "origin": f"https://{EVIL}"})
    assert refused.status_code == 400
    assert "kw_sessie" not in refused.headers.get("set-cookie", "")
    ours = web.post("/auth/login", data=data, headers={"origin": PUBLIC})
    assert ours.status_code == 303 and "kw_sessie=" in ours.headers["set-cookie"]


def test_websocket_handshake_with_a_foreign_host_is_refused(web):
    with pytest.raises(WebSocketDenialResponse) as denied:
        with web.websocket_connect("/_event/?EIO=4&transport=websocket", headers={"host": EVIL}):
            pass
    assert denied.value.status_code == 400
    with web.websocket_connect("/_event/?EIO=4&transport=websocket", headers={"host": GOOD}) as ws:
        assert ws.receive_text() == "0{}"


def test_cors_preflight_with_a_foreign_host_is_refused(web):
    """Reflex's CORS middleware answers a preflight itself: the Host check runs before it."""
    from reflex_base.config import get_config

    allowed = get_config().cors_allowed_origins[0]  # rxconfig.py's, read at import
    preflight = {"origin": allowed, "access-control-request-method": "POST"}
    assert web.options("/auth/logout", headers=preflight).status_code == 200
    assert web.options("/auth/logout", headers={**preflight, "host": EVIL}).status_code == 400


def test_websocket_refused_by_closing_when_the_server_has_no_denial_response(configured):
    sent = []

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "websocket.connect"}

    reached = []

    async def inner(scope, receive, send):
        reached.append(scope)

    scope = {"type": "websocket", "path": "/_event/", "headers": [(b"host", EVIL.encode())], "extensions": {}}
    run_in_own_loop(TrustedHostMiddleware(inner)(scope, receive, send))
    assert sent == [{"type": "websocket.close", "code": 1008}] and not reached
    run_in_own_loop(TrustedHostMiddleware(inner)({**scope, "headers": [(b"host", GOOD.encode())]}, receive, send))
    assert len(reached) == 1


def test_lifespan_passes_through():
    seen = []

    async def inner(scope, receive, send):
        seen.append(scope["type"])

    run_in_own_loop(TrustedHostMiddleware(inner, hosts=())({"type": "lifespan"}, None, None))
    assert seen == ["lifespan"]


def _request(host: str | None, origin: str | None = None, referer: str | None = None) -> Request:
    headers = [(b"host", host.encode())] if host is not None else []
    if origin is not None:
        headers.append((b"origin", origin.encode()))
    if referer is not None:
        headers.append((b"referer", referer.encode()))
    return Request({"type": "http", "method": "POST", "path": "/auth/login", "headers": headers})


def test_same_origin_compares_with_configuration_only(configured):
    # The public origin, whatever Host the proxy passes on.
    assert same_origin(_request(GOOD, PUBLIC))
    assert same_origin(_request("127.0.0.1:3000", PUBLIC))
    assert same_origin(_request(GOOD, referer=f"{PUBLIC}/login"))
    # A forged Host with the matching Origin: not ours, in either scheme.
    for origin in (f"https://{EVIL}", f"http://{EVIL}"):
        assert not same_origin(_request(EVIL, origin))
        assert not same_origin(_request(EVIL, referer=f"{origin}/"))
    # Our public host on another scheme or port is another origin.
    assert not same_origin(_request(GOOD, f"http://{GOOD}"))
    assert not same_origin(_request(f"{GOOD}:8443", f"https://{GOOD}:8443"))
    # An extra trusted host: its origin only where the request was sent.
    assert same_origin(_request("kinderwerk.intern:8080", "http://kinderwerk.intern:8080"))
    assert not same_origin(_request("kinderwerk.intern:8080", "http://kinderwerk.intern:9090"))
    assert not same_origin(_request(GOOD, "https://kinderwerk.intern"))
    # Not local in production: localhost is not ours.
    assert not same_origin(_request("localhost:3000", "http://localhost:3000"))
    # Nothing, null, or no Host.
    assert not same_origin(_request(GOOD))
    assert not same_origin(_request(GOOD, "null"))
    assert not same_origin(_request(None, "https://kinderwerk.intern"))


def test_local_default_trusts_this_machine_on_the_port_used(app_db, monkeypatch):
    for name in ("KINDERWERK_PUBLIC_URL", "KINDERWERK_ALLOWED_HOSTS", "KINDERWERK_PORT", "KINDERWERK_DEMO"):
        monkeypatch.delenv(name, raising=False)
    reset_settings()
    settings = Settings()
    assert settings.public_url == "http://localhost:3000"
    assert settings.trusted_hosts == {"localhost", "127.0.0.1", "[::1]"}
    assert is_our_origin("http://localhost:3000", "localhost:3000")
    assert is_our_origin("http://127.0.0.1:41234", "127.0.0.1:41234")
    assert is_our_origin("http://localhost:41234", "localhost:41234")
    assert is_our_origin("http://[::1]:3000", "[::1]:3000")
    # Another local server on another port is another origin; a forged Host changes nothing.
    assert not is_our_origin("http://localhost:8080", "localhost:3000")
    assert not is_our_origin("http://evil.example:3000", "evil.example:3000")
    reset_settings()


def test_which_hosts_are_trusted(monkeypatch):
    def hosts(**env):
        for name in ("KINDERWERK_PUBLIC_URL", "KINDERWERK_ALLOWED_HOSTS", "KINDERWERK_PORT", "KINDERWERK_DEMO"):
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        return Settings().trusted_hosts

    local = {"localhost", "127.0.0.1", "[::1]"}
    assert hosts() == local
    assert hosts(KINDERWERK_PORT="4000") == local
    assert Settings().public_url == "http://localhost:4000"
    assert hosts(KINDERWERK_PUBLIC_URL=PUBLIC) == {GOOD}
    assert hosts(KINDERWERK_PUBLIC_URL=PUBLIC, KINDERWERK_DEMO="1") == {GOOD, *local}
    assert hosts(KINDERWERK_PUBLIC_URL="http://127.0.0.1:3000") == local
    assert hosts(KINDERWERK_PUBLIC_URL=PUBLIC, KINDERWERK_ALLOWED_HOSTS=" Kinderwerk.Intern ,https://b.example:8443/x,"
                 "10.0.0.5:3000,[fd00::1]") == {GOOD, "kinderwerk.intern", "b.example", "10.0.0.5", "[fd00::1]"}
    with pytest.raises(ValueError, match="KINDERWERK_ALLOWED_HOSTS"):
        hosts(KINDERWERK_ALLOWED_HOSTS="goed.example, niet goed")
    with pytest.raises(ValueError, match="KINDERWERK_PUBLIC_URL"):
        hosts(KINDERWERK_PUBLIC_URL="kinderwerk.example.nl")


def test_split_host():
    assert split_host("Kinderwerk.Example.nl:8443") == ("kinderwerk.example.nl", 8443)
    assert split_host("[::1]:3000") == ("[::1]", 3000)
    assert split_host("localhost.") == ("localhost", None)
    for bad in ("", None, "a b", "evil.example:99999", "x@y", "[::1", "a/b", "-a.example"):
        assert split_host(bad) is None, bad


def test_the_app_puts_the_host_check_outermost(monkeypatch):
    """KinderwerkApp.__call__ (what the server calls, a factory) wraps Reflex's whole ASGI app."""
    from kinderwerk_pwa.kinderwerk_pwa import app

    assert isinstance(app, KinderwerkApp) and isinstance(app, rx.App)
    reflex_app = object()
    monkeypatch.setattr(rx.App, "__call__", lambda self: reflex_app)
    wrapped = app()
    assert isinstance(wrapped, TrustedHostMiddleware) and wrapped.app is reflex_app
    assert isinstance(wrapped.refusal, SecurityHeadersMiddleware) and wrapped.refusal.app is refuse_host
