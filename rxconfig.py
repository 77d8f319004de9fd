"""Reflex configuration. Everything that varies per installation comes from the environment
(see kinderwerk_pwa/settings.py and the README)."""

import os

import reflex as rx
from reflex.plugins.sitemap import SitemapPlugin

_port = int(os.environ.get("KINDERWERK_PORT", "3000"))
_public_url = os.environ.get("KINDERWERK_PUBLIC_URL", f"http://localhost:{_port}").rstrip("/")

config = rx.Config(
    app_name="kinderwerk_pwa",
    frontend_port=_port,
    backend_port=_port,
    # Single-port production: the app's own origin is the only one allowed (the default is "*").
    cors_allowed_origins=[_public_url],
    telemetry_enabled=False,
    show_built_with_reflex=False,
    # A Dutch message when a handler fails unexpectedly, instead of Reflex's toast (a script the
    # browser would have to eval, which the Content-Security-Policy forbids): state/server_error.py.
    extra_overlay_function="kinderwerk_pwa.state.server_error.server_error_notice",
    plugins=[
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(appearance="light", accent_color="teal", gray_color="sand", radius="large"),
        ),
    ],
    disable_plugins=[SitemapPlugin],
)
