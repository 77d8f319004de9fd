"""Login, second factor, OIDC and logout as plain HTTP routes: only an HTTP response can set the
HttpOnly session cookie that scripts in the page never see.

Password hashing (argon2) and database work never run on the event loop: one worker serves every
websocket of its phones, and a login would stall all their taps. Routes that read a form await it,
then hand the work to Starlette's thread pool; routes without a body are plain `def` (Starlette
runs those in the thread pool itself)."""

from __future__ import annotations

import logging

from sqlmodel import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ..auth import local, oidc, pending, sessions, totp
from ..db import session_scope
from ..domain.toegang import audit
from ..domain.toegang import second_factor as second_factor_domain
from ..domain.toegang.actor import load_actor
from ..models import StaffUser
from ..settings import get_settings
from .security import (
    clear_session_cookie,
    client_address,
    no_store,
    same_origin,
    set_session_cookie,
)

log = logging.getLogger("kinderwerk.auth")


def _redirect(url: str) -> RedirectResponse:
    return no_store(RedirectResponse(url, status_code=303))


def _refused() -> Response:
    return no_store(Response("Verzoek geweigerd.", status_code=403))


def _start_session(db: Session, staff_id: int, method: str, target: str = "/") -> Response:
    token = sessions.create_session(db, staff_id, method=method)
    local.record_login(db, staff_id, method)
    db.commit()
    response = _redirect(target)
    set_session_cookie(response, token)
    response.delete_cookie(pending.COOKIE_NAME, path="/")
    return response


def _pending_response(staff_id: int, purpose: str) -> Response:
    response = _redirect("/login/code" if purpose == pending.CODE else "/login/instellen")
    response.set_cookie(pending.COOKIE_NAME, pending.make(staff_id, purpose), max_age=pending.MAX_AGE,
                        httponly=True, samesite="lax", secure=get_settings().cookie_secure, path="/")
    return response


async def login(request: Request) -> Response:
    if not same_origin(request):
        return _refused()
    form = await request.form()
    return await run_in_threadpool(_login, str(form.get("email", "")), str(form.get("password", "")),
                                   client_address(request))


def _login(email: str, password: str, address: str) -> Response:
    with session_scope() as db:
        result = local.check_password(db, email, password, address)
        if not result.ok:
            wait = f"&sec={result.wait_seconds}" if result.wait_seconds else ""
            return _redirect(f"/login?fout={result.reason}{wait}")
        user = db.get(StaffUser, result.staff_id)
        if user.totp_enabled:
            return _pending_response(user.id, pending.CODE)
        if totp.required_for(user.role):
            # Teamleider, beheerder and privacy officer see nothing before a second factor is set up.
            return _pending_response(user.id, pending.SETUP)
        return _start_session(db, user.id, "lokaal")


async def second_factor(request: Request) -> Response:
    """POST /auth/totp: the 6-digit code, for a pending login (code or first set-up)."""
    if not same_origin(request):
        return _refused()
    state = pending.from_cookie_header(request.headers.get("cookie"))
    if state is None:
        return _redirect("/login?fout=verlopen")
    staff_id, purpose = state
    form = await request.form()
    return await run_in_threadpool(_second_factor, staff_id, purpose, str(form.get("code", "")),
                                   client_address(request))


def _second_factor(staff_id: int, purpose: str, code: str, address: str) -> Response:
    with session_scope() as db:
        user = db.get(StaffUser, staff_id)
        if user is None or not user.active:
            return _redirect("/login?fout=onjuist")
        check = second_factor_domain.check_code(db, staff_id, code, address)
        if not check.ok:
            back = "/login/code" if purpose == pending.CODE else "/login/instellen"
            reason = "code" if check.reason == "onjuist" else check.reason
            wait = f"&sec={check.wait_seconds}" if check.wait_seconds else ""
            return _redirect(f"{back}?fout={reason}{wait}")
        if purpose == pending.SETUP:
            second_factor_domain.confirm_setup(db, staff_id)
        return _start_session(db, user.id, "lokaal")


def start_totp_setup(request: Request) -> Response:
    """POST /auth/totp/instellen: a logged-in user (any role) chooses to add a second factor.
    The current session ends; the next one starts after the code from the app is confirmed."""
    if not same_origin(request):
        return _refused()
    token = sessions.token_from_cookie_header(request.headers.get("cookie"))
    with session_scope() as db:
        actor = sessions.resolve(db, token)
        if actor is None:
            return _redirect("/login?fout=verlopen")
        user = db.get(StaffUser, actor.id)
        if user.totp_enabled:
            return _redirect("/meer")
        sessions.end_session(db, token)
        db.commit()
    response = _pending_response(actor.id, pending.SETUP)
    clear_session_cookie(response)
    return response


async def oidc_start(request: Request) -> Response:
    client = oidc.client()
    if client is None:
        return _redirect("/login")
    return no_store(await client.authorize_redirect(request, oidc.config().redirect_uri))


async def oidc_callback(request: Request) -> Response:
    client = oidc.client()
    if client is None:
        return _redirect("/login")
    try:
        token = await client.authorize_access_token(request)
    except Exception as exc:  # Authlib raises several types: mismatching state, bad token, ...
        log.warning("OIDC-callback geweigerd: %s", type(exc).__name__)
        return await run_in_threadpool(_oidc_refused, type(exc).__name__)
    claims = token.get("userinfo") or {}
    return await run_in_threadpool(_oidc_session, str(claims.get("iss", "")), str(claims.get("sub", "")))


def _oidc_refused(reason: str) -> Response:
    with session_scope() as db:
        audit.record(db, None, "login.oidc_geweigerd", outcome=audit.DENIED, object_type="account",
                     detail=reason)
        db.commit()
    return _redirect("/login?fout=oidc")


def _oidc_session(issuer: str, subject: str) -> Response:
    with session_scope() as db:
        user = oidc.find_staff(db, issuer, subject)
        if user is None or not user.active:
            audit.record(db, None, "login.oidc_geen_account", outcome=audit.DENIED, object_type="account",
                         detail="onbekend of uitgeschakeld")
            db.commit()
            return _redirect("/login/geen-account")
        # The organisation's identity provider does the strong authentication (and its MFA).
        return _start_session(db, user.id, "oidc")


def logout(request: Request) -> Response:
    if not same_origin(request):
        return _refused()
    token = sessions.token_from_cookie_header(request.headers.get("cookie"))
    with session_scope() as db:
        staff_id = sessions.end_session(db, token)
        if staff_id is not None:
            audit.record(db, load_actor(db, staff_id), "logout", object_type="account", object_id=staff_id)
        db.commit()
    response = _redirect("/login?uitgelogd=1")
    clear_session_cookie(response)
    # Drop what this origin cached in the browser (pages, storage, the offline queue), so neither
    # the back button nor the next user of the phone can bring child data back.
    response.headers["Clear-Site-Data"] = '"cache", "storage"'
    return response


routes = [
    Route("/auth/login", login, methods=["POST"]),
    Route("/auth/totp", second_factor, methods=["POST"]),
    Route("/auth/totp/instellen", start_totp_setup, methods=["POST"]),
    Route("/auth/oidc/login", oidc_start, methods=["GET"]),
    Route("/auth/oidc/callback", oidc_callback, methods=["GET"]),
    Route("/auth/logout", logout, methods=["POST"]),
]
