"""GET /api/rapportage/export?formaat=xlsx|csv&van=YYYY-MM-DD&tot=YYYY-MM-DD&locaties=1,2 —
the rapportage as a file; permission (teamleider of those locations) is decided in the domain."""

from __future__ import annotations

from datetime import date

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .. import texts
from ..auth import sessions
from ..db import session_scope
from ..domain.common.errors import DomainError
from ..domain.rapportage.exports import export_filename, report_csv, report_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def export(request: Request) -> Response:
    # Plain def: Starlette runs it in its thread pool, so building a large XLSX never blocks the
    # event loop that carries every websocket of this worker.
    params = request.query_params
    try:
        start, end = date.fromisoformat(params.get("van", "")), date.fromisoformat(params.get("tot", ""))
        location_ids = [int(i) for i in params.get("locaties", "").split(",") if i]
    except ValueError:
        return JSONResponse({"error": texts.FOUT_DATUM}, status_code=400)
    kind = params.get("formaat", "xlsx")
    with session_scope() as db:
        actor = sessions.resolve(db, sessions.token_from_cookie_header(request.headers.get("cookie")))
        if actor is None:
            return JSONResponse({"error": texts.NIET_INGELOGD}, status_code=401)
        try:
            if kind == "csv":
                body, media = report_csv(actor, db, location_ids, start, end).encode("utf-8"), "text/csv; charset=utf-8"
            else:
                body, media, kind = report_xlsx(actor, db, location_ids, start, end), XLSX, "xlsx"
        except DomainError as exc:
            return JSONResponse({"error": exc.message}, status_code=403)
    return Response(body, media_type=media, headers={
        "Content-Disposition": f'attachment; filename="{export_filename(start, end, kind)}"',
        "Cache-Control": "no-store"})


routes = [Route("/api/rapportage/export", export, methods=["GET"])]
