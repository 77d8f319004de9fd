"""Health check for load balancers and the test harness: the database answers."""

from __future__ import annotations

import sqlalchemy as sa
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ..db import get_engine


def health(_request: Request) -> JSONResponse:  # plain def: the DB ping runs in the thread pool
    try:
        with get_engine().connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except Exception:  # report, don't crash: the caller only needs up/down
        return JSONResponse({"status": "fout", "database": False}, status_code=503)
    return JSONResponse({"status": "ok", "database": True})


routes = [Route("/api/health", health, methods=["GET"])]
