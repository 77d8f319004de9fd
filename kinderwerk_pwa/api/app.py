"""The Starlette app that Reflex mounts in front of its own routes (rx.App(api_transformer=...))."""

from __future__ import annotations

from starlette.applications import Starlette

from . import auth_routes, health


def create_api() -> Starlette:
    return Starlette(routes=[*auth_routes.routes, *health.routes])
