"""Reflex's own overlay, in Dutch: the pulsing wifi-off icon while the websocket is down and the
toast after repeated failures (replacing reflex_components_core.core.banner's English defaults:
"Connection Error: ...", "Cannot connect to server"), and the toast region's labels.

Used by the app (kinderwerk_pwa.py): rx.App(toaster=toaster()) and app.app_wraps[(5, "Overlay")] = overlay."""

from __future__ import annotations

import reflex as rx
from reflex_base.components.memo import memo
from reflex_base.constants import Hooks, Imports
from reflex_base.vars import VarData
from reflex_base.vars.base import LiteralVar, Var
from reflex_base.vars.function import FunctionStringVar
from reflex_base.vars.sequence import LiteralArrayVar
from reflex_components_core.base.fragment import Fragment
from reflex_components_core.core.banner import (
    WifiOffPulse,
    connect_errors,
    has_connection_errors,
    has_too_many_connection_errors,
)
from reflex_components_sonner.toast import ToastProps, toast_ref

from .. import texts

# What the tests look for while the connection is down (tests/e2e/helpers.py).
PULSE_CLASS = "kw-verbinding"
TOAST_ID = "websocket-error"


class DutchConnectionToaster(Fragment):
    """After two failed connection attempts a toast in Dutch; dismissed when the connection is back.
    Reflex's ConnectionToaster with our texts (and without the server's English error message)."""

    def add_imports(self) -> dict:
        return {"react": ["useEffect", "useState", "useContext"], **_toast_imports()}

    def add_hooks(self) -> list[str | Var]:
        props = ToastProps(description=LiteralVar.create(texts.VERBINDING_WEG_UITLEG), close_button=True,
                           duration=120000, id=TOAST_ID)  # pyright: ignore [reportCallIssue]
        message = LiteralVar.create(texts.VERBINDING_WEG)
        effect = f"""
() => {{
    if ({has_too_many_connection_errors!s}) {{
        if (!userDismissed) {{
            toast?.error({message!s}, {{...toast_props, onDismiss: () => setUserDismissed(true)}});
        }}
    }} else {{
        toast?.dismiss("{TOAST_ID}");
        setUserDismissed(false);
    }}
}}
"""
        return [
            Hooks.CONNECT_ERRORS,
            Var(f"const toast = {toast_ref};"),
            f"const toast_props = {LiteralVar.create(props)!s};",
            "const [userDismissed, setUserDismissed] = useState(false);",
            FunctionStringVar("useEffect", _var_data=_react_hooks()).call(
                Var(_js_expr=effect), LiteralArrayVar.create([connect_errors])),
        ]


def _toast_imports() -> dict:
    imports = dict(Imports.CONNECT_ERRORS)
    imports.pop("react", None)
    return imports


def _react_hooks() -> VarData:
    return VarData(imports={"react": ("useEffect", "useState"), **Imports.CONNECT_ERRORS})


def connection_pulser() -> rx.Component:
    """The wifi-off icon, bottom right, while the websocket is down; named in Dutch."""
    return rx.el.div(
        rx.cond(has_connection_errors, WifiOffPulse.create(
            aria_label=texts.VERBINDING_WEG_ICOON, custom_attrs={"role": "img"})),
        title=rx.cond(has_connection_errors, texts.VERBINDING_WEG, ""),
        class_name=PULSE_CLASS,
        position="fixed",
        width="100vw",
        height="0",
    )


def kw_connection_overlay() -> rx.Component:
    return Fragment.create(connection_pulser(), DutchConnectionToaster.create())


def overlay(stateful: bool) -> rx.Component | None:
    """Replaces Reflex's default overlay (app_wraps key (5, "Overlay")). A memo component, as
    Reflex's own: its hooks then run inside the app's providers (the event loop's context), not
    in the app wrap above them."""
    if not stateful:
        return None
    return Fragment.create(memo(kw_connection_overlay)())


def toaster() -> rx.Component:
    """Sonner's toast region, labelled in Dutch ("Meldingen alt+T") with a Dutch close button."""
    return rx.toast.provider(custom_attrs={
        "containerAriaLabel": texts.MELDINGEN,
        "toastOptions": {"closeButtonAriaLabel": texts.MELDING_SLUITEN},
    })
