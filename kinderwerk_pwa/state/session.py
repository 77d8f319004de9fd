"""Who is logged in, resolved on the server for every event from the HttpOnly session cookie.

The cookie reaches the backend in the websocket handshake headers; it is never sent back to the
browser. Page states do not use this class directly but `state.page.PageState`, whose `_run`
resolves the actor again in every handler: the browser can call any handler, so none trusts an
earlier check.
"""

from __future__ import annotations

import reflex as rx
from sqlmodel import Session

from .. import texts
from ..auth import sessions
from ..db import session_scope
from ..domain.common.clock import local_today
from ..domain.toegang.actor import Actor


class SessionState(rx.State):
    user_name: str = ""
    user_role: str = ""
    role_label: str = ""
    logged_in: bool = False
    has_totp: bool = False

    def _token(self) -> str | None:
        return sessions.token_from_cookie_header(self.router.headers.cookie)

    def _actor(self, db: Session) -> Actor | None:
        actor = sessions.resolve(db, self._token())
        if actor is None:
            self.logged_in = False
        return actor

    def _show_user(self, actor: Actor) -> None:
        self.user_name = actor.name
        self.user_role = actor.role
        self.role_label = texts.ROLE_LABELS.get(actor.role, actor.role)
        self.logged_in = True
        self.has_totp = actor.totp_enabled

    def _signed_in(self, db: Session) -> Actor | None:
        """The actor behind the cookie, shown in the navigation; None without a live session."""
        actor = self._actor(db)
        if actor is not None:
            self._show_user(actor)
        return actor

    @rx.event
    def require_login(self):
        """on_load guard for pages without data of their own (Meer)."""
        with session_scope() as db:
            if self._signed_in(db) is None:
                return rx.redirect("/login")
        return None

    def _route_id(self, name: str) -> int:
        """The numeric id in the page's dynamic route (/kind/[kind_id]); 0 if it is not a number.
        Only an id: what it points to is checked by the domain with the actor."""
        raw = self.router._page.params.get(name, "")
        return int(raw) if str(raw).isdigit() else 0

    @staticmethod
    def today():
        return local_today()
