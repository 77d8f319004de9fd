"""No blocking work on the event loop (issue 17): an `async def` route runs on the loop that carries
every websocket of its worker, so one that hashes a password or queries the database stalls every
phone's taps. Routes that do such work are plain `def` (Starlette runs them in its thread pool) or
await `run_in_threadpool`. Checked on the source of every API module."""

from __future__ import annotations

import ast
from pathlib import Path

API = Path(__file__).resolve().parents[2] / "kinderwerk_pwa" / "api"
BLOCKING = {"session_scope", "get_engine", "check_password", "hash_password", "verify_password",
            "report_xlsx", "report_csv", "store_item", "offline_context", "resolve", "check_code",
            "pending_setup"}


def blocking_calls_in_async_functions(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call):
                    name = getattr(inner.func, "attr", getattr(inner.func, "id", ""))
                    if name in BLOCKING:
                        found.append(f"{node.name}: {name}")
    return found


def test_no_async_route_does_blocking_work() -> None:
    offenders = {p.name: hits for p in sorted(API.glob("*.py"))
                 if (hits := blocking_calls_in_async_functions(p.read_text()))}
    assert offenders == {}


def test_the_check_finds_a_blocking_async_route() -> None:
    source = "async def login(request):\n    with session_scope() as db:\n        pass\n"
    assert blocking_calls_in_async_functions(source) == ["login: session_scope"]
    assert blocking_calls_in_async_functions("def login(request):\n    session_scope()\n") == []

