"""The second login step: the TOTP code, or setting up TOTP the first time (teamleider, beheerder).

The pending-login cookie (signed, HttpOnly, 5 minutes) is read from the websocket handshake; the
forms post to /auth/totp, which checks everything again.
"""

from __future__ import annotations

import base64

import reflex as rx

from .. import texts
from ..auth import pending, totp
from ..components.messages import error_callout
from ..domain.toegang.second_factor import pending_setup
from ..state import without_actor
from .login import login_field, login_form, login_frame


class SecondFactorState(rx.State):
    error: str = ""
    expired: bool = False
    qr_src: str = ""
    secret: str = ""
    explanation: str = ""

    def _pending(self):
        return pending.from_cookie_header(self.router.headers.cookie)

    def _error(self) -> str:
        params = self.router.url.query_parameters
        error = params.get("fout", "")
        if error == "wachten":
            return texts.wacht_melding(params.get("sec", ""))
        return texts.CODE_HERGEBRUIKT if error == "hergebruikt" else texts.CODE_FOUT if error else ""

    @rx.event
    def load_code(self):
        self.error = self._error()
        self.expired = self._pending() is None

    @rx.event
    def load_setup(self):
        self.error = self._error()
        self.qr_src, self.secret = "", ""
        state = self._pending()
        self.expired = state is None or state[1] != pending.SETUP
        if self.expired:
            return
        setup = without_actor.call(pending_setup, state[0], totp.new_secret())
        if setup is None:
            self.expired = True
            return
        self.explanation = (
            texts.INSTELLEN_UITLEG.format(role=texts.ROLE_LABELS.get(setup.role, setup.role).lower())
            if totp.required_for(setup.role) else texts.INSTELLEN_UITLEG_VRIJWILLIG)
        secret = setup.secret
        svg = totp.qr_svg(totp.provisioning_uri(secret, setup.email))
        self.qr_src = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
        # Grouped in fours, as authenticator apps show and accept it.
        self.secret = " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def _code_form() -> rx.Component:
    return login_form("/auth/totp", texts.CODE_KNOP,
                      login_field(texts.CODE_LABEL, "code", "text", "one-time-code", input_mode="numeric",
                                  pattern="[0-9 ]{6,7}", max_length=7))


def _pending_step(title: str, *content) -> rx.Component:
    """A page of the second step: its content while the pending login lasts, else the way back."""
    return login_frame(
        rx.heading(title, size="6", as_="h1"),
        rx.cond(
            SecondFactorState.expired,
            rx.vstack(
                rx.callout(texts.TWEEDE_STAP_VERLOPEN, icon="info", role="alert", width="100%"),
                rx.el.a(texts.TERUG_NAAR_INLOGGEN, href="/login", class_name="kw-linkbutton"),
                width="100%",
            ),
            rx.vstack(*content, error_callout(SecondFactorState.error, width="100%"), _code_form(),
                      width="100%", spacing="4"),
        ),
    )


def code_page() -> rx.Component:
    return _pending_step(texts.CODE_TITEL, rx.text(texts.CODE_UITLEG))


def setup_page() -> rx.Component:
    return _pending_step(
        texts.INSTELLEN_TITEL,
        rx.text(SecondFactorState.explanation),
        rx.image(src=SecondFactorState.qr_src, alt=texts.INSTELLEN_QR, width="200px", height="200px"),
        rx.box(
            rx.text(texts.INSTELLEN_SLEUTEL, size="2", color_scheme="gray"),
            rx.code(SecondFactorState.secret, size="4", id="totp-sleutel"),
        ),
    )


def no_account_page() -> rx.Component:
    return login_frame(
        rx.heading(texts.GEEN_ACCOUNT_TITEL, size="6", as_="h1"),
        rx.text(texts.GEEN_ACCOUNT_UITLEG),
        rx.el.a(texts.TERUG_NAAR_INLOGGEN, href="/login", class_name="kw-linkbutton"),
    )
