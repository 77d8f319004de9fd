"""What a person sees when an event handler fails unexpectedly (the database away, a state lock
expired): a Dutch message that what they just did may not be stored.

Reflex's own handler answers with a toast, sent to the browser as a script string that the page
must `eval`; the Content-Security-Policy (api/headers.py) allows no eval, so the toast would be
blocked and the person told nothing. This handler logs the exception as Reflex does and answers
with an ordinary state event instead; the message is an overlay on every page (rxconfig.py,
`extra_overlay_function`).
"""

# No `from __future__ import annotations`: Reflex checks the handler's annotations by evaluating
# them in its own module, so they must be real types here.

import logging
import traceback

import reflex as rx
from reflex.event import EventSpec

from .. import texts

log = logging.getLogger("kinderwerk.server")

NOTICE_ID = "kw-serverfout"


class ServerErrorState(rx.State):
    shown: bool = False

    @rx.event
    def show(self):
        self.shown = True

    @rx.event
    def dismiss(self):
        self.shown = False


def _state_store_down(exception: BaseException) -> bool:
    """The failure is Reflex's state store (Redis) being unreachable: then the `show` event could
    not be applied either, and would fail the same way, be answered with `show` again, and so on
    (issue 14: some 20,000 failures a minute while Redis restarted)."""
    import redis.exceptions

    seen: set[int] = set()
    while exception is not None and id(exception) not in seen:
        if isinstance(exception, redis.exceptions.ConnectionError | redis.exceptions.TimeoutError):
            return True
        seen.add(id(exception))
        exception = exception.__cause__ or exception.__context__
    return False


def backend_exception_handler(exception: Exception) -> EventSpec | None:
    """rx.App(backend_exception_handler=...): log it, and show the Dutch message. Not while the
    state store is away: nothing of the event was applied or stored, and the message cannot be."""
    if _state_store_down(exception):
        log.error("[Reflex Backend Exception] state store unreachable, event dropped: %s", exception)
        return None
    log.error("[Reflex Backend Exception]\n%s", "".join(
        traceback.format_exception(type(exception), exception, exception.__traceback__)))
    return ServerErrorState.show()


def server_error_notice() -> rx.Component:
    """The message, fixed at the top of every page until it is closed."""
    return rx.fragment(rx.cond(
        ServerErrorState.shown,
        rx.box(
            rx.callout.root(
                rx.callout.icon(rx.icon("triangle-alert")),
                rx.callout.text(texts.SERVERFOUT),
                rx.button(texts.SERVERFOUT_SLUITEN, size="2", variant="soft", color_scheme="red",
                          on_click=ServerErrorState.dismiss, class_name="kw-tap"),
                color_scheme="red", role="alert", variant="surface",
            ),
            id=NOTICE_ID, position="fixed", top="12px", left="50%", transform="translateX(-50%)",
            z_index="1000", width="min(520px, calc(100vw - 24px))",
            background_color="var(--color-panel-solid)", border_radius="var(--radius-4)",
            box_shadow="var(--shadow-5)",
        ),
    ))
