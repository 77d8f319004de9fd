"""Security headers (issue 14, point 5): the middleware of kinderwerk_pwa/api/headers.py around our
real API routes and a built frontend served as Reflex's production server serves it (its
PrecompressedStaticFiles, gzip sidecars, mounted behind our routes). Quick and without a browser;
tests/e2e/test_security_headers.py asks the real production app the same, and the e2e suite fails
on any CSP violation a page reports.
"""

from __future__ import annotations

import ast
import gzip
import hashlib
import os
from base64 import b64encode
from pathlib import Path

import pytest
from reflex.utils.precompressed_staticfiles import PrecompressedStaticFiles
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route, WebSocketRoute
from starlette.testclient import TestClient

from kinderwerk_pwa.api.app import create_api
from kinderwerk_pwa.api.headers import SecurityHeadersMiddleware, content_security_policy
from kinderwerk_pwa.settings import reset_settings

ROOT = Path(__file__).resolve().parents[2]

# Every response carries these, whatever it is (the exact values are checked below).
REQUIRED = ("content-security-policy", "x-frame-options", "x-content-type-options", "referrer-policy",
            "permissions-policy", "cache-control")

THEME_SCRIPT = "if (typeof document !== 'undefined') { document.documentElement.dataset.t = 'licht'; }"
ROUTE_SCRIPT = 'window.__reactRouterContext = {"basename":"/"};'
LOGIN_SCRIPT = "$RC(\"B:1\",\"S:1\")"


def sha256(script: str) -> str:
    return "'sha256-" + b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def directives(response) -> dict[str, list[str]]:
    result = {}
    for part in response.headers["content-security-policy"].split(";"):
        words = part.split()
        if words:
            result[words[0]] = words[1:]
    return result


def assert_all_headers(response) -> None:
    where = f"{response.request.method} {response.request.url.path} ({response.status_code})"
    missing = [name for name in REQUIRED if name not in response.headers]
    assert not missing, f"{where}: missing {missing}"
    assert response.headers["x-frame-options"] == "DENY", where
    assert response.headers["x-content-type-options"] == "nosniff", where
    assert response.headers["referrer-policy"] == "same-origin", where
    assert "camera=()" in response.headers["permissions-policy"], where
    csp = directives(response)
    assert csp["frame-ancestors"] == ["'none'"] and csp["object-src"] == ["'none'"], where
    assert "unsafe-eval" not in response.headers["content-security-policy"], where
    assert "'unsafe-inline'" not in csp["script-src"], where
    for name in ("x-frame-options", "content-security-policy", "cache-control"):
        assert len(response.headers.get_list(name)) == 1, f"{where}: {name} twice"


def _page(*scripts: str) -> str:
    inline = "".join(f"<script>{s}</script>" for s in scripts)
    return (f"<!DOCTYPE html><html lang=\"nl\"><head>{inline}<script defer src=\"/kinderwerk-offline.js\">"
            "</script><style data-emotion=\"css x\">.x{width:100%}</style></head><body><p>Kinderwerk</p>"
            "</body></html>")


@pytest.fixture
def build_dir(tmp_path: Path) -> Path:
    """A built frontend as `reflex run --env prod` leaves it in .web/build/client."""
    root = tmp_path / "client"
    (root / "login").mkdir(parents=True)
    (root / "assets").mkdir()
    (root / "index.html").write_text(_page(THEME_SCRIPT, ROUTE_SCRIPT))
    (root / "index.html.gz").write_bytes(gzip.compress((root / "index.html").read_bytes()))
    (root / "login" / "index.html").write_text(_page(THEME_SCRIPT, LOGIN_SCRIPT))
    (root / "404.html").write_text(_page(THEME_SCRIPT))
    (root / "assets" / "entry.client-ByXnQf4V.js").write_text("export const a = 1;")
    # Our own unhashed static file. (/sw.js is a route of ours: tests/integration/test_service_worker.py.)
    (root / "kinderwerk-offline.js").write_text("window.kinderwerkOffline = {};")
    (root / "manifest.json").write_text('{"name": "Kinderwerk"}')
    return root


def _assembled(api: Starlette, build_dir: Path) -> SecurityHeadersMiddleware:
    """As Reflex assembles it: our routes first, Reflex's app (here its frontend mount) behind them,
    the headers middleware around everything."""
    api.mount("", PrecompressedStaticFiles(directory=build_dir, html=True, encodings=["gzip"]))
    return SecurityHeadersMiddleware(api, static_dir=build_dir)


@pytest.fixture
def web(app_db, build_dir):
    with TestClient(_assembled(create_api(), build_dir), follow_redirects=False) as client:
        yield client


@pytest.mark.parametrize("path", ["/", "/login/", "/login", "/api/health", "/api/offline/context",
                                  "/auth/oidc/callback", "/assets/entry.client-ByXnQf4V.js", "/sw.js",
                                  "/kinderwerk-offline.js", "/manifest.json", "/bestaat-niet"])
def test_every_kind_of_response_has_all_headers(web, path):
    assert_all_headers(web.get(path, headers={"accept-encoding": "gzip"}))


def test_a_refused_post_has_them_too(web):
    response = web.post("/auth/login", data={"email": "a@b.nl", "password": "x"})
    assert response.status_code == 403
    assert_all_headers(response)


@pytest.mark.parametrize(("path", "expected"), [
    ("/", "no-store"),  # pages: the websocket fills them with a child's data
    ("/login/", "no-store"),
    ("/bestaat-niet", "no-store"),
    ("/api/health", "no-store"),
    ("/api/offline/context", "no-store"),
    ("/auth/oidc/callback", "no-store"),
    ("/assets/entry.client-ByXnQf4V.js", "public, max-age=31536000, immutable"),  # hashed names
    ("/kinderwerk-offline.js", "no-cache"),  # ours, not hashed: revalidated
    ("/manifest.json", "no-cache"),
])
def test_cache_control(web, path, expected):
    assert web.get(path).headers["cache-control"] == expected


def test_page_policy_allows_exactly_the_built_inline_scripts(web):
    for path in ("/", "/login/"):
        page = web.get(path, headers={"accept-encoding": "gzip"})
        csp = directives(page)
        assert csp["script-src"][0] == "'self'"
        assert sorted(csp["script-src"][1:]) == sorted({sha256(THEME_SCRIPT), sha256(ROUTE_SCRIPT),
                                                        sha256(LOGIN_SCRIPT)})
        assert csp["style-src"] == ["'self'", "'unsafe-inline'"]
    # A gzip sidecar was served, and the policy is the same as for the plain file.
    zipped = web.get("/", headers={"accept-encoding": "gzip"})
    plain = web.get("/", headers={"accept-encoding": "identity"})
    assert zipped.headers.get("content-encoding") == "gzip"
    assert zipped.headers["content-security-policy"] == plain.headers["content-security-policy"]
    # What runs no inline script gets the policy without the hashes.
    assert "sha256-" not in web.get("/api/health").headers["content-security-policy"]
    assert "sha256-" not in web.get("/kinderwerk-offline.js").headers["content-security-policy"]


def test_a_new_build_is_hashed_again(web, build_dir):
    before = directives(web.get("/"))["script-src"]
    (build_dir / "index.html").write_text(_page("console.info('nieuw');"))
    stat = (build_dir / "index.html").stat()
    os.utime(build_dir / "index.html", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    after = directives(web.get("/", headers={"accept-encoding": "identity"}))["script-src"]
    assert sha256("console.info('nieuw');") in after and after != before


def test_the_rest_of_the_policy(web, monkeypatch):
    for name in ("KINDERWERK_PUBLIC_URL", "KINDERWERK_OIDC_ISSUER"):
        monkeypatch.delenv(name, raising=False)
    reset_settings()
    csp = directives(web.get("/"))
    assert csp["default-src"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:", "blob:"]  # the TOTP QR code is a data: SVG
    assert csp["connect-src"] == ["'self'", "ws://localhost:3000"]  # the /_event websocket
    assert csp["worker-src"] == ["'self'"] and csp["manifest-src"] == ["'self'"]
    assert csp["form-action"] == ["'self'"] and csp["base-uri"] == ["'none'"]


def test_hsts_only_with_secure_cookies(app_db, build_dir, monkeypatch):
    with TestClient(_assembled(create_api(), build_dir)) as client:
        assert "strict-transport-security" not in client.get("/").headers
    monkeypatch.setenv("KINDERWERK_COOKIE_SECURE", "1")
    monkeypatch.setenv("KINDERWERK_PUBLIC_URL", "https://kinderwerk.example.nl")
    reset_settings()
    with TestClient(_assembled(create_api(), build_dir), base_url="https://kinderwerk.example.nl") as client:
        for path in ("/", "/api/health", "/kinderwerk-offline.js", "/sw.js"):
            response = client.get(path)
            assert response.headers["strict-transport-security"] == "max-age=31536000; includeSubDomains"
        assert "wss://kinderwerk.example.nl" in directives(response)["connect-src"]


def test_oidc_provider_may_receive_the_login_form(app_db, build_dir, monkeypatch):
    monkeypatch.setenv("KINDERWERK_OIDC_ISSUER", "https://login.example.org/tenant-1/v2.0")
    monkeypatch.setenv("KINDERWERK_OIDC_CLIENT_ID", "kinderwerk")
    with TestClient(_assembled(create_api(), build_dir)) as client:
        assert directives(client.get("/"))["form-action"] == ["'self'", "https://login.example.org"]


def test_a_routes_own_weaker_headers_are_replaced():
    def loose(_request):
        return PlainTextResponse("kind", headers={"X-Frame-Options": "SAMEORIGIN", "Cache-Control": "public",
                                                  "Content-Security-Policy": "default-src *"})

    app = Starlette(routes=[Route("/api/los", loose), Route("/vrij.txt", loose)])
    with TestClient(SecurityHeadersMiddleware(app, static_dir=Path("/bestaat/niet"))) as client:
        response = client.get("/api/los")
        assert_all_headers(response)
        assert response.headers["cache-control"] == "no-store"
        assert "default-src 'self'" in response.headers["content-security-policy"]
        # Outside /api and /auth, and not a page, a route's own Cache-Control stands.
        assert client.get("/vrij.txt").headers["cache-control"] == "public"


def test_websocket_passes_through_untouched():
    async def echo(websocket):
        await websocket.accept()
        await websocket.send_text("terug: " + await websocket.receive_text())
        await websocket.close()

    app = Starlette(routes=[WebSocketRoute("/_event", echo)])
    with TestClient(SecurityHeadersMiddleware(app, static_dir=Path("/bestaat/niet"))) as client:
        with client.websocket_connect("/_event") as ws:
            ws.send_text("hallo")
            assert ws.receive_text() == "terug: hallo"


def test_policy_without_configuration_is_strict():
    policy = content_security_policy()
    assert "script-src 'self';" in policy and "connect-src 'self';" in policy
    assert "form-action 'self';" in policy


def test_the_app_wraps_everything_in_the_middleware():
    """The hook in kinderwerk_pwa.py: outermost of the api transformers, so Reflex's frontend mount,
    its /_event websocket and our routes are all inside it."""
    from kinderwerk_pwa.kinderwerk_pwa import app

    transformers = app.api_transformer
    assert isinstance(transformers, (list, tuple)) and transformers[-1] is SecurityHeadersMiddleware


def test_an_unexpected_error_is_answered_without_a_script():
    """Reflex's default answer to an exception in a handler is a toast the browser must eval; ours is
    a state event, and its message is an overlay on every page."""
    from reflex_base.config import get_config

    from kinderwerk_pwa.kinderwerk_pwa import app
    from kinderwerk_pwa.state.server_error import ServerErrorState, backend_exception_handler

    assert app.backend_exception_handler is backend_exception_handler
    app._validate_exception_handlers()  # Reflex accepts its signature
    answer = backend_exception_handler(RuntimeError("database weg"))
    assert answer.handler.fn is ServerErrorState.show.fn
    assert get_config().extra_overlay_function == "kinderwerk_pwa.state.server_error.server_error_notice"


_EVAL_EVENTS = {"call_script", "call_function", "run_script", "console_log", "window_alert", "scroll_to",
                "back", "noop"}


def test_no_event_needs_eval():
    """The policy has no 'unsafe-eval'. Reflex evals a script that reaches the browser as a string:
    rx.call_script("...") anywhere, and any script event returned by a backend handler. A script
    event belongs in a component's trigger, built with rx.run_script (compiled into the bundle)."""
    found = []
    for path in (ROOT / "kinderwerk_pwa").rglob("*.py"):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    node.func.attr == "call_script":
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} call_script")
            if isinstance(node, ast.FunctionDef) and any(
                    "event" in ast.unparse(d) for d in node.decorator_list):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute) and \
                            inner.func.attr in _EVAL_EVENTS and ast.unparse(inner.func.value) == "rx":
                        found.append(f"{path.relative_to(ROOT)}:{inner.lineno} rx.{inner.func.attr} in a handler")
    assert not found, "scripts the browser would have to eval:\n" + "\n".join(found)
