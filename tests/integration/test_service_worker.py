"""GET /sw.js (issue 17.3): our route makes the worker from the build the server serves, behind
the security headers as in production. The manifest itself: tests/unit/test_precache.py."""

from __future__ import annotations

import os

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from kinderwerk_pwa.api import service_worker
from kinderwerk_pwa.api.headers import SecurityHeadersMiddleware
from kinderwerk_pwa.pwa.precache import precache_manifest
from tests.unit.test_precache import fake_build


@pytest.fixture
def build(tmp_path, monkeypatch):
    root = fake_build(tmp_path / "client")
    monkeypatch.setattr(service_worker, "_CACHE", service_worker.WorkerCache(lambda: root))
    return root


@pytest.fixture
def web(build):
    app = SecurityHeadersMiddleware(Starlette(routes=service_worker.routes), static_dir=build)
    with TestClient(app) as client:
        yield client


def test_the_worker_is_javascript_revalidated_and_lists_the_build(web, build):
    response = web.get("/sw.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["cache-control"] == "no-cache"  # the browser checks it on every update
    assert "sha256-" not in response.headers["content-security-policy"]
    for entry in precache_manifest(build):
        assert f'"url":"{entry["url"]}","revision":"{entry["revision"]}"' in response.text
    etag = response.headers["etag"]
    again = web.get("/sw.js", headers={"if-none-match": etag})
    assert again.status_code == 304 and again.headers["etag"] == etag


def test_a_changed_build_gives_a_new_worker_without_a_restart(web, build):
    before = web.get("/sw.js")
    path = build / "kinderwerk-offline.js"
    path.write_text("/* API_VERSION 2 */")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    after = web.get("/sw.js", headers={"if-none-match": before.headers["etag"]})
    assert after.status_code == 200 and after.headers["etag"] != before.headers["etag"]
    assert after.text != before.text


def test_an_incomplete_build_gives_no_worker(web, build, caplog):
    (build / "kinderwerk-offline.js").unlink()
    response = web.get("/sw.js")
    # The browser keeps the worker it has: better than one whose installation must fail.
    assert response.status_code == 503
    assert response.headers["cache-control"] == "no-store"
    assert "niet beschikbaar" in response.text
    assert "the build is incomplete" in caplog.text
