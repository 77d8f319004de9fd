"""Reflex configuration of the floor app: the same Reflex and theme as the real app, nothing else."""

import os

import reflex as rx
from reflex.plugins.sitemap import SitemapPlugin

_port = int(os.environ.get("FLOOR_PORT", "3100"))

config = rx.Config(
    app_name="floor_app",
    frontend_port=_port,
    backend_port=_port,
    cors_allowed_origins=[f"http://localhost:{_port}", f"http://127.0.0.1:{_port}"],
    telemetry_enabled=False,
    show_built_with_reflex=False,
    plugins=[
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(appearance="light", accent_color="teal", gray_color="sand", radius="large"),
        ),
    ],
    disable_plugins=[SitemapPlugin],
)
