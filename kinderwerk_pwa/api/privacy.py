"""GET /api/privacy/inzage/{child_id}?formaat=pdf|json — the access request (inzage) of one child
as a file. Permission (the privacy officer) and the audit row are the domain's."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .. import texts
from ..auth import sessions
from ..db import session_scope
from ..domain.common.errors import DomainError, InvalidInput, NotFound, PermissionDenied
from ..domain.privacy.inzage import make_inzage


def inzage(request: Request) -> Response:
    # Plain def: Starlette runs it in its thread pool, so gathering and rendering a child's whole
    # file never blocks the event loop that carries every websocket of this worker.
    with session_scope() as db:
        actor = sessions.resolve(db, sessions.token_from_cookie_header(request.headers.get("cookie")))
        if actor is None:
            return JSONResponse({"error": texts.NIET_INGELOGD}, status_code=401)
        try:
            file = make_inzage(actor, db, request.path_params.get("child_id", ""),
                               request.query_params.get("formaat", "pdf"))
        except DomainError as exc:
            status = {InvalidInput: 400, PermissionDenied: 403, NotFound: 404}.get(type(exc), 400)
            return JSONResponse({"error": exc.message}, status_code=status)
    return Response(file.body, media_type=file.media_type, headers={
        "Content-Disposition": f'attachment; filename="{file.filename}"',
        "Cache-Control": "no-store"})


routes = [Route("/api/privacy/inzage/{child_id}", inzage, methods=["GET"])]
