"""The service worker's precache manifest, computed from the built frontend (issue 17.3).

The worker (the template sw.js next to this module) gets the list of files of the app shell, each
with the SHA-256 of its content as its revision, and BUILD, a hash over the template and that list.
Nothing here is set by hand: change any precached file (a page, a built script, our offline
script, the stylesheet, an icon) and the worker's text changes, so every browser installs the new
worker and fetches exactly the files whose revision changed. The worker checks each download
against its revision, so the hashes must be of the bytes the server sends: the files of the build
directory that Reflex serves (`reflex run --env prod`: .web/build/client).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

TEMPLATE = Path(__file__).with_name("sw.js")
PRECACHE_PLACEHOLDER = "self.__KW_PRECACHE"
BUILD_PLACEHOLDER = "self.__KW_BUILD"

# The pages that open without a connection: the bottom navigation (Meer holds the rest) and the
# activities week. Canonical URLs (Reflex redirects "/signaal" to "/signaal/").
SHELL_PAGES = ("/", "/signaal/", "/gesprekken/", "/kinderen/", "/meer/", "/activiteiten/")
# Our own files from assets/ that every page loads, and the icons the manifest names.
OWN_FILES = ("/kinderwerk.css", "/kinderwerk-versie.js", "/kinderwerk-offline.js", "/manifest.json",
             "/icon-192.png", "/icon-512.png", "/icon-maskable-192.png", "/icon-maskable-512.png")
# Vite's output: a shell page needs the built files it names (entry, route modules, stylesheet).
BUILT_PREFIX = "/assets/"


class PrecacheError(RuntimeError):
    """The build lacks a file the shell needs: no worker is better than one that cannot install."""


class _BuiltFiles(HTMLParser):
    """The /assets/ URLs a page loads: <script src>, <link href> (modulepreload, stylesheet,
    preload). React Router lists every module a route imports as a modulepreload; the only dynamic
    imports in the build are route modules, so the shell pages' lists are complete for them."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        url = values.get("src") if tag == "script" else values.get("href") if tag == "link" else None
        if url and url.startswith(BUILT_PREFIX):
            self.urls.append(url.split("?", 1)[0].split("#", 1)[0])


def built_files_of(html: str) -> list[str]:
    parser = _BuiltFiles()
    parser.feed(html)
    parser.close()
    return parser.urls


def file_for(static_dir: Path, url: str) -> Path:
    """Where the server finds a URL in the build: "/" is index.html, "/signaal/" signaal/index.html
    (Starlette's StaticFiles with html=True, which Reflex uses)."""
    relative = url.lstrip("/")
    if not relative or relative.endswith("/"):
        relative += "index.html"
    path = (static_dir / relative).resolve()
    if static_dir.resolve() not in path.parents:
        raise PrecacheError(f"{url} lies outside the build")
    return path


def revision(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def shell_urls(static_dir: Path) -> list[str]:
    """Every URL to precache: the shell pages, the built files they load, our own files."""
    urls: list[str] = []
    for page in SHELL_PAGES:
        path = file_for(static_dir, page)
        if not path.is_file():
            raise PrecacheError(f"shell page {page} is not in the build ({path})")
        urls.append(page)
        urls.extend(built_files_of(path.read_text(encoding="utf-8")))
    urls.extend(OWN_FILES)
    return sorted(dict.fromkeys(urls))


def precache_manifest(static_dir: Path) -> list[dict[str, str]]:
    """[{url, revision}] sorted by URL, so the same build always gives the same worker (also in
    every process of a multi-worker server)."""
    manifest = []
    for url in shell_urls(static_dir):
        path = file_for(static_dir, url)
        if not path.is_file():
            raise PrecacheError(f"{url} is not in the build ({path})")
        manifest.append({"url": url, "revision": revision(path)})
    return manifest


@dataclass(frozen=True)
class ServiceWorker:
    build: str
    text: str
    files: tuple[Path, ...]  # what it was made from: made again when one of them changes


def render_worker(manifest: list[dict[str, str]], template: str | None = None) -> tuple[str, str]:
    """(build, worker text): the template with the manifest and the build hash filled in."""
    template = TEMPLATE.read_text(encoding="utf-8") if template is None else template
    for placeholder in (PRECACHE_PLACEHOLDER, BUILD_PLACEHOLDER):
        if template.count(placeholder) != 1:
            raise PrecacheError(f"the worker template must use {placeholder} exactly once")
    listed = json.dumps(manifest, separators=(",", ":"))
    build = hashlib.sha256((template + "\n" + listed).encode("utf-8")).hexdigest()[:16]
    text = template.replace(PRECACHE_PLACEHOLDER, listed).replace(BUILD_PLACEHOLDER, json.dumps(build))
    return build, text


def service_worker(static_dir: Path) -> ServiceWorker:
    manifest = precache_manifest(static_dir)
    build, text = render_worker(manifest)
    files = tuple(file_for(static_dir, entry["url"]) for entry in manifest) + (TEMPLATE,)
    return ServiceWorker(build=build, text=text, files=files)
