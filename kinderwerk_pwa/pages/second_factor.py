"""The second login step: the TOTP code, or setting up TOTP the first time (teamleider, beheerder).

The pending-login cookie (signed, HttpOnly, 5 minutes) is read from the websocket handshake; the
forms post to /auth/totp, which checks everything again.
"""

from __future__ import annotations

import base64

import reflex as rx

from .. import texts
from ..auth import pending, totp
from ..components.native_form import native_form
from ..db import session_scope
from ..models import StaffUser
from .login import _field


class SecondFactorState(rx.State):
    error: str = ""
    expired: bool = False
    qr_src: str = ""
    secret: str = ""
    explanation: str = ""

    def _pending(self):
        return pending.from_cookie_header(self.router.headers.cookie)

    @rx.event
    def load_code(self):
        self.error = texts.CODE_FOUT if self.router.url.query_parameters.get("fout") else ""
        self.expired = self._pending() is None

    @rx.event
    def load_setup(self):
        self.error = texts.CODE_FOUT if self.router.url.query_parameters.get("fout") else ""
        self.qr_src, self.secret = "", ""
        state = self._pending()
        self.expired = state is None or state[1] != pending.SETUP
        if self.expired:
            return
        with session_scope() as db:
            user = db.get(StaffUser, state[0])
            if user is None or user.totp_enabled:
                self.expired = True
                return
            if not user.totp_secret:
                user.totp_secret = totp.new_secret()
                db.add(user)
                db.commit()
            secret, email = user.totp_secret, user.email
            self.explanation = (
                texts.INSTELLEN_UITLEG.format(role=texts.ROLE_LABELS.get(user.role, user.role).lower())
                if totp.required_for(user.role) else texts.INSTELLEN_UITLEG_VRIJWILLIG)
        svg = totp.qr_svg(totp.provisioning_uri(secret, email))
        self.qr_src = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
        # Grouped in fours, as authenticator apps show and accept it.
        self.secret = " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def _code_form() -> rx.Component:
    return native_form(
        rx.vstack(
            _field(texts.CODE_LABEL, "code", "text", "one-time-code", input_mode="numeric",
                   pattern="[0-9 ]{6,7}", max_length=7),
            rx.button(texts.CODE_KNOP, type="submit", size="4", width="100%", class_name="kw-tap"),
            spacing="4",
            width="100%",
        ),
        action="/auth/totp",
        method="post",
        style={"width": "100%"},
    )


def _frame(*children) -> rx.Component:
    return rx.center(
        rx.vstack(*children, spacing="4", width="100%", max_width="420px", padding="24px 16px"),
        min_height="100vh",
    )


def _expired() -> rx.Component:
    return rx.vstack(
        rx.callout(texts.TWEEDE_STAP_VERLOPEN, icon="info", role="alert", width="100%"),
        rx.el.a(texts.TERUG_NAAR_INLOGGEN, href="/login", class_name="kw-linkbutton"),
        width="100%",
    )


def _error() -> rx.Component:
    return rx.cond(SecondFactorState.error != "",
                   rx.callout(SecondFactorState.error, icon="triangle-alert", color_scheme="red",
                              role="alert", width="100%"))


def code_page() -> rx.Component:
    return _frame(
        rx.heading(texts.CODE_TITEL, size="6", as_="h1"),
        rx.cond(
            SecondFactorState.expired,
            _expired(),
            rx.vstack(rx.text(texts.CODE_UITLEG), _error(), _code_form(), width="100%", spacing="4"),
        ),
    )


def setup_page() -> rx.Component:
    return _frame(
        rx.heading(texts.INSTELLEN_TITEL, size="6", as_="h1"),
        rx.cond(
            SecondFactorState.expired,
            _expired(),
            rx.vstack(
                rx.text(SecondFactorState.explanation),
                rx.image(src=SecondFactorState.qr_src, alt=texts.INSTELLEN_QR, width="200px", height="200px"),
                rx.box(
                    rx.text(texts.INSTELLEN_SLEUTEL, size="2", color_scheme="gray"),
                    rx.code(SecondFactorState.secret, size="4", id="totp-sleutel"),
                ),
                _error(),
                _code_form(),
                width="100%",
                spacing="4",
            ),
        ),
    )


def no_account_page() -> rx.Component:
    return _frame(
        rx.heading(texts.GEEN_ACCOUNT_TITEL, size="6", as_="h1"),
        rx.text(texts.GEEN_ACCOUNT_UITLEG),
        rx.el.a(texts.TERUG_NAAR_INLOGGEN, href="/login", class_name="kw-linkbutton"),
    )
