"""The one way a page's event handler reaches the domain: `PageState._run`.

Open a DB session, resolve the actor from the cookie (no live session: off to /login), call the
domain function with the actor first, reload what the page shows, and turn a refusal or bad input
into the Dutch message in the page's own `error` (and `errors` per field). Authorization stays in
the domain; this only makes sure every handler asks it again, because the browser can call any
handler with any argument.

A page state subclasses `PageState, SessionState`: PageState is a Reflex mixin, so each page gets its
own copy of the message vars (one shared `error` would follow the user from page to page); Reflex
makes a class whose only state base is a mixin a mixin too, hence SessionState named again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import reflex as rx
from sqlmodel import Session

from ..db import session_scope
from ..domain.common.errors import DomainError, InvalidInput
from ..domain.toegang.actor import Actor
from .session import SessionState

Action = Callable[[Actor, Session], Any]


class PageState(SessionState, mixin=True):
    error: str = ""
    notice: str = ""
    errors: dict[str, str] = {}  # field name -> Dutch message, from InvalidInput

    def _reload(self, db: Session, actor: Actor) -> None:
        """Read what the page shows. Pages with data override this."""

    def _clear_page(self) -> None:
        """What the page stops showing once the domain refuses (no access, not found)."""

    def _show_invalid(self, exc: InvalidInput, db: Session, actor: Actor) -> None:
        """Nothing was stored: say why, per field where the domain says which."""
        self.error, self.errors = exc.message, exc.fields

    def _run(self, action: Action | None = None, *, reload: bool = True, success: str = "",
             then: Callable[[Any], Any] | None = None, keep_messages: bool = False):
        """Run `action(actor, db)` for the user behind the cookie, then `_reload`.

        success: the notice shown when it went well. then: called with the action's result on
        success; what it returns (say a redirect) is returned. keep_messages: leave the messages
        standing (a background refresh must not wipe what the user is reading).
        Returns what the handler should return: a redirect to /login without a session, else
        None or `then`'s result. After it, `self.error` is empty exactly when all went well.
        """
        if not keep_messages:
            self.error, self.notice, self.errors = "", "", {}
        with session_scope() as db:
            actor = self._signed_in(db)
            if actor is None:
                return rx.redirect("/login")
            try:
                result = action(actor, db) if action is not None else None
                if reload:
                    self._reload(db, actor)
            except InvalidInput as exc:
                self._show_invalid(exc, db, actor)
                return None
            except DomainError as exc:
                self.error = exc.message
                self._clear_page()
                return None
        if success:
            self.notice = success
        return then(result) if then is not None else None
