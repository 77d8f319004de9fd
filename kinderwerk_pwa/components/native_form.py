"""A plain HTML <form> that the browser submits itself.

Reflex's rx.el.form always calls preventDefault() and routes the submit through a websocket event.
Login, the second factor, OIDC and logout must be real HTTP requests (only a response can set or
clear an HttpOnly cookie), so these forms are plain elements.
"""

from __future__ import annotations

from reflex_base.vars.base import Var
from reflex_components_core.el.elements.base import BaseHTML


class NativeForm(BaseHTML):
    tag = "form"
    action: Var[str]
    method: Var[str]


native_form = NativeForm.create
