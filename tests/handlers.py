"""Call Reflex event handlers directly, as a browser could, with a real session cookie."""

from __future__ import annotations

import reflex as rx
from reflex.istate.data import RouterData
from sqlmodel import Session

from kinderwerk_pwa.auth import sessions


def login_token(db: Session, staff_id: int) -> str:
    token = sessions.create_session(db, staff_id)
    db.commit()
    return token


def state_for(state_cls, token: str | None, path: str = "/", params: dict | None = None):
    """An instance of a page state as the server would have it for a browser with this cookie."""
    import kinderwerk_pwa.kinderwerk_pwa  # noqa: F401 - registers every page state

    root = rx.State(_reflex_internal_init=True)
    state = root
    for name in state_cls.get_full_name().split(".")[1:]:
        state = state.substates[name]
    cookie = f"{sessions.COOKIE_NAME}={token}" if token else ""
    root.router = RouterData.from_router_data(
        {"headers": {"cookie": cookie}, "pathname": path, "query": dict(params or {})})
    return state
