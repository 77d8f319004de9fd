"""Trusted hosts (issue 16, point 2) on the real production app (`reflex run --env prod --single-port`,
the `app` fixture): a request whose Host header is not ours is refused with 400 on a page, a static
file, an API route, a login post whose Origin matches the forged Host, a CORS preflight, and the
/_event websocket handshake; the same requests with our Host are answered.

Raw requests over a socket: a client library would set Host from the URL.
"""

from __future__ import annotations

import base64
import os
import socket
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.e2e

EVIL = "evil.example"


def _raw(app, request: str) -> tuple[int, str]:
    """Sends one raw HTTP/1.1 request to the app's port; returns the status and the head+body read."""
    parts = urlsplit(app.base_url)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
        sock.sendall(request.encode("latin-1"))
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
        head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1")
        if not head.startswith("HTTP/1.1 101"):
            sock.settimeout(5)
            try:
                while chunk := sock.recv(65536):
                    data += chunk
            except TimeoutError:
                pass
    status_line = data.split(b"\r\n", 1)[0].decode("latin-1")
    return int(status_line.split()[1]), data.decode("latin-1", errors="replace")


def _get(app, path: str, host: str, extra: str = "", method: str = "GET", body: str = "") -> tuple[int, str]:
    length = f"Content-Length: {len(body)}\r\n" if body or method == "POST" else ""
    return _raw(app, f"{method} {path} HTTP/1.1\r\nHost: {host}\r\n{extra}{length}Connection: close\r\n\r\n{body}")


def _our_host(app) -> str:
    return urlsplit(app.base_url).netloc  # localhost:<port>, KINDERWERK_PUBLIC_URL's


@pytest.mark.parametrize("path", ["/login", "/", "/kinderwerk.css", "/api/health", "/api/offline/context",
                                  "/auth/oidc/callback", "/_health", "/ping"])
def test_a_foreign_host_is_refused_on_every_kind_of_route(app, path):
    status, text = _get(app, path, EVIL)
    assert status == 400, f"{path} with Host {EVIL}: {status}\n{text[:300]}"
    assert "Onbekende host" in text
    ours, _ = _get(app, path, _our_host(app))
    assert ours in (200, 303, 307, 308, 401, 403), f"{path} with our Host: {ours}"


def test_a_foreign_host_with_our_port_is_refused(app):
    port = urlsplit(app.base_url).port
    assert _get(app, "/api/health", f"{EVIL}:{port}")[0] == 400
    assert _get(app, "/api/health", f"localhost.{EVIL}:{port}")[0] == 400
    assert _get(app, "/api/health", f"127.0.0.1:{port}")[0] == 200  # a local app: this machine's names


def test_a_login_post_with_a_forged_host_and_matching_origin_is_refused(app):
    body = "email=kinderwerker%40example.org&password=x"
    form = "Content-Type: application/x-www-form-urlencoded\r\n"
    status, text = _get(app, "/auth/login", EVIL, extra=f"{form}Origin: http://{EVIL}\r\n", method="POST", body=body)
    assert status == 400 and "kw_sessie" not in text
    # With our Host, that Origin is still not ours (the same-origin check compares with configuration).
    status, _ = _get(app, "/auth/login", _our_host(app), extra=f"{form}Origin: http://{EVIL}\r\n", method="POST",
                     body=body)
    assert status == 403


def test_a_cors_preflight_with_a_foreign_host_is_refused(app):
    preflight = f"Origin: {app.base_url}\r\nAccess-Control-Request-Method: POST\r\n"
    assert _get(app, "/auth/logout", EVIL, extra=preflight, method="OPTIONS")[0] == 400
    assert _get(app, "/auth/logout", _our_host(app), extra=preflight, method="OPTIONS")[0] == 200


def _handshake(app, host: str) -> tuple[int, str]:
    key = base64.b64encode(os.urandom(16)).decode()
    return _raw(app, "GET /_event/?EIO=4&transport=websocket HTTP/1.1\r\n"
                     f"Host: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                     f"Origin: http://{host}\r\n\r\n")


def test_the_websocket_handshake_with_a_foreign_host_is_refused(app):
    status, text = _handshake(app, EVIL)
    assert status == 400, f"websocket with Host {EVIL}: {status}\n{text[:300]}"
    assert "Onbekende host" in text  # granian supports the ASGI denial response: our 400, not a 403
    status, text = _handshake(app, _our_host(app))
    assert status == 101, f"websocket with our Host: {status}\n{text[:300]}"
