"""GET /sw.js: the service worker with the precache manifest of the build this server serves.

Made from the build at the first request after a start (pwa/precache.py) and made again when one
of the files it was made from changes, so it always describes the files the server actually sends.
A route of our own rather than a file in assets/: the manifest can only be computed after Reflex
has built the frontend, and `reflex run --env prod` builds and serves in one step. Our routes come
before Reflex's static files (api/app.py), so this answers /sw.js.

When the build lacks a shell file the answer is 503: a browser then keeps the worker it has (or
none), which is better than a worker whose installation cannot succeed."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..pwa.precache import PrecacheError, ServiceWorker, service_worker
from .headers import reflex_static_dir

log = logging.getLogger(__name__)
JAVASCRIPT = "text/javascript; charset=utf-8"


def _stamp(files: tuple[Path, ...]) -> tuple:
    stamps = []
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            return ()  # a file is gone: make the worker again
        stamps.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(stamps)


class WorkerCache:
    """The made worker, kept while none of its files changed (a few dozen stat calls per request
    instead of hashing ~2 MB)."""

    def __init__(self, static_dir: Callable[[], Path] = reflex_static_dir):
        self._static_dir = static_dir
        self._lock = threading.Lock()
        self._worker: ServiceWorker | None = None
        self._stamp: tuple = ()

    def get(self) -> ServiceWorker:
        with self._lock:
            if self._worker is None or _stamp(self._worker.files) != self._stamp:
                worker = service_worker(self._static_dir())
                self._worker, self._stamp = worker, _stamp(worker.files)
            return self._worker


_CACHE = WorkerCache()


def serve_worker(request: Request, cache: WorkerCache | None = None) -> Response:
    # Plain def: reading and hashing the build runs in the thread pool, not on the event loop.
    try:
        worker = (cache or _CACHE).get()
    except (PrecacheError, OSError, ImportError):
        log.exception("service worker not available: the build is incomplete")
        return Response("/* service worker niet beschikbaar */", status_code=503, media_type=JAVASCRIPT)
    etag = f'"{worker.build}"'
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"ETag": etag})
    return Response(worker.text, media_type=JAVASCRIPT, headers={"ETag": etag})


routes = [Route("/sw.js", serve_worker, methods=["GET"])]
