"""Login page: a plain HTML form posted to /auth/login, so the session cookie stays HttpOnly."""

from __future__ import annotations

import reflex as rx

from .. import texts
from ..auth.oidc import config as oidc_config
from ..components.layout import loaded_marker
from ..components.messages import error_callout
from ..components.native_form import native_form
from ..settings import get_settings

_MESSAGES = {
    "onjuist": texts.LOGIN_FOUT,
    "verlopen": texts.LOGIN_VERLOPEN,
    "druk": texts.LOGIN_DRUK,
    "oidc": texts.LOGIN_OIDC_FOUT,
}


class LoginState(rx.State):
    error: str = ""
    info: str = ""
    demo_logins: list[dict[str, str]] = []
    demo_password: str = ""
    oidc_label: str = ""

    @rx.event
    def load(self):
        params = self.router.url.query_parameters
        error = params.get("fout", "")
        self.error = (texts.wacht_melding(params.get("sec", "")) if error == "wachten"
                      else _MESSAGES.get(error, ""))
        self.info = texts.LOGIN_UITGELOGD if params.get("uitgelogd") else ""
        cfg = oidc_config()
        self.oidc_label = (cfg.label or texts.LOGIN_OIDC_KNOP) if cfg else ""
        # Demo accounts are listed only in demo mode (and only exist there).
        if get_settings().demo_mode:
            from ..demo.accounts import demo_logins

            self.demo_logins, self.demo_password = demo_logins()
        else:
            self.demo_logins, self.demo_password = [], ""


def login_field(label: str, name: str, type_: str, autocomplete: str, **extra) -> rx.Component:
    return rx.box(
        rx.el.label(label, html_for=name, style={"fontWeight": 500, "display": "block", "marginBottom": "4px"}),
        rx.el.input(
            id=name, name=name, type=type_, autocomplete=autocomplete, required=True, **extra,
            style={"width": "100%", "minHeight": "48px", "fontSize": "16px", "padding": "0 12px",
                   "borderRadius": "8px", "border": "1px solid var(--gray-7)", "boxSizing": "border-box"},
        ),
        width="100%",
    )


def login_frame(*children) -> rx.Component:
    """The login steps: one narrow column in the middle of the screen, no navigation."""
    return rx.el.main(rx.center(
        rx.vstack(*children, spacing="4", width="100%", max_width="420px", padding="24px 16px"),
        min_height="100vh",
    ), custom_attrs=loaded_marker())


def login_form(action: str, button: str, *fields) -> rx.Component:
    """A step of the login posted by the browser itself (only a response can set the cookie)."""
    return native_form(
        rx.vstack(
            *fields,
            rx.button(button, type="submit", size="4", width="100%", class_name="kw-tap"),
            spacing="4",
            width="100%",
        ),
        action=action,
        method="post",
        style={"width": "100%"},
    )


def login_page() -> rx.Component:
    return login_frame(
        rx.heading(texts.APP_TITLE, size="7"),
        rx.heading(texts.LOGIN_TITEL, size="5", as_="h2"),
        rx.text(texts.LOGIN_INTRO, color_scheme="gray"),
        error_callout(LoginState.error, width="100%"),
        rx.cond(LoginState.info != "",
                rx.callout(LoginState.info, icon="info", color_scheme="teal", role="status", width="100%")),
        login_form("/auth/login", texts.LOGIN_KNOP,
                   login_field(texts.LOGIN_EMAIL, "email", "email", "username"),
                   login_field(texts.LOGIN_WACHTWOORD, "password", "password", "current-password")),
        rx.cond(
            LoginState.oidc_label != "",
            rx.vstack(
                rx.text(texts.LOGIN_OF, color_scheme="gray", align="center", width="100%"),
                # A GET form, not a link: Reflex turns links into client-side routes, and the
                # browser must really leave the app for the identity provider.
                native_form(
                    rx.el.button(LoginState.oidc_label, type="submit", class_name="kw-linkbutton"),
                    action="/auth/oidc/login",
                    method="get",
                    style={"width": "100%"},
                ),
                width="100%",
            ),
        ),
        rx.cond(
            LoginState.demo_logins.length() > 0,
            rx.box(
                rx.heading(texts.LOGIN_DEMO_TITEL, size="3", as_="h2"),
                rx.text(texts.LOGIN_DEMO_UITLEG, " ", rx.code(LoginState.demo_password), size="2"),
                rx.el.ul(
                    rx.foreach(
                        LoginState.demo_logins,
                        lambda row: rx.el.li(rx.text(row["email"], " — ", row["role"], size="2")),
                    ),
                    style={"paddingLeft": "20px"},
                ),
                class_name="kw-card",
                width="100%",
            ),
        ),
    )
