"""Health check for load balancers and the test harness: the database answers; and how many live
huiskamer watches this worker runs (a closed tab's watch ends within a minute)."""

from __future__ import annotations

import sqlalchemy as sa
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ..db import get_engine
from ..state import live_watches


def health(_request: Request) -> JSONResponse:  # plain def: the DB ping runs in the thread pool
    try:
        with get_engine().connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except Exception:  # report, don't crash: the caller only needs up/down
        return JSONResponse({"status": "fout", "database": False, "live_watches": live_watches.running()},
                            status_code=503)
    return JSONResponse({"status": "ok", "database": True, "live_watches": live_watches.running()})


routes = [Route("/api/health", health, methods=["GET"])]
