"""Login and logout as plain form posts, so the session cookie can be HttpOnly: scripts never see it."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ..auth import local, sessions
from ..db import session_scope
from ..domain import audit
from ..domain.actor import load_actor
from .security import (
    clear_session_cookie,
    client_address,
    no_store,
    same_origin,
    set_session_cookie,
)


def _redirect(url: str) -> RedirectResponse:
    return no_store(RedirectResponse(url, status_code=303))


async def login(request: Request) -> Response:
    if not same_origin(request):
        return no_store(Response("Verzoek geweigerd.", status_code=403))
    form = await request.form()
    email = str(form.get("email", ""))
    password = str(form.get("password", ""))
    with session_scope() as db:
        result = local.check_password(db, email, password, client_address(request))
        if not result.ok:
            return _redirect(f"/login?fout={result.reason}")
        token = sessions.create_session(db, result.staff_id, method="lokaal")
        local.record_login(db, result.staff_id, "lokaal")
        db.commit()
    response = _redirect("/")
    set_session_cookie(response, token)
    return response


async def logout(request: Request) -> Response:
    if not same_origin(request):
        return no_store(Response("Verzoek geweigerd.", status_code=403))
    token = sessions.token_from_cookie_header(request.headers.get("cookie"))
    with session_scope() as db:
        staff_id = sessions.end_session(db, token)
        if staff_id is not None:
            audit.record(db, load_actor(db, staff_id), "logout", object_type="account", object_id=staff_id)
        db.commit()
    response = _redirect("/login?uitgelogd=1")
    clear_session_cookie(response)
    # Ask the browser to drop anything it cached for this origin (pages, storage), so the back
    # button cannot bring child data back after logout.
    response.headers["Clear-Site-Data"] = '"cache", "storage"'
    return response


routes = [
    Route("/auth/login", login, methods=["POST"]),
    Route("/auth/logout", logout, methods=["POST"]),
]
