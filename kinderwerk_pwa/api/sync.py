"""The offline queue's door: GET /api/offline/context and POST /api/sync.

Authenticated by the session cookie. Safe against cross-site requests: a POST must carry our
custom header (which a cross-site form cannot send, and a cross-site script cannot without a CORS
preflight that we never allow) and come from our own origin."""

from __future__ import annotations

import json

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from .. import texts
from ..auth import sessions
from ..db import session_scope
from ..domain.offline.sync import API_VERSION, offline_context, store_item
from .security import same_origin

CSRF_HEADER = "x-kinderwerk"
MAX_ITEMS = 500


def _json(data: dict, status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status, headers={"Cache-Control": "no-store"})


def context(request: Request) -> JSONResponse:
    # Plain def (thread pool): database work never runs on the event loop.
    with session_scope() as db:
        actor = sessions.resolve(db, sessions.token_from_cookie_header(request.headers.get("cookie")))
        if actor is None:
            return _json({"error": texts.NIET_INGELOGD}, 401)
        return _json(offline_context(actor, db))


async def sync(request: Request) -> JSONResponse:
    if request.headers.get(CSRF_HEADER) != "1" or not same_origin(request):
        return _json({"error": "Verzoek geweigerd."}, 403)
    try:
        body = json.loads(await request.body())
    except ValueError:
        return _json({"error": "Ongeldig verzoek."}, 400)
    if body.get("api_version") != API_VERSION:
        # An old cached app must reload before it may send: never guess what it meant.
        return _json({"error": texts.OFFLINE_OUDE_VERSIE, "api_version": API_VERSION}, 409)
    items = body.get("items") or []
    if not isinstance(items, list) or len(items) > MAX_ITEMS:
        return _json({"error": "Ongeldig verzoek."}, 400)
    # Up to 500 items: stored in the thread pool, not on the event loop that carries the websockets.
    return await run_in_threadpool(_store_all, request.headers.get("cookie"), items)


def _store_all(cookie_header: str | None, items: list) -> JSONResponse:
    with session_scope() as db:
        actor = sessions.resolve(db, sessions.token_from_cookie_header(cookie_header))
        if actor is None:
            # The items wait on the phone until this user logs in again.
            return _json({"error": texts.NIET_INGELOGD}, 401)
        results = [store_item(actor, db, item).as_dict() for item in items if isinstance(item, dict)]
    return _json({"results": results})


routes = [
    Route("/api/offline/context", context, methods=["GET"]),
    Route("/api/sync", sync, methods=["POST"]),
]
