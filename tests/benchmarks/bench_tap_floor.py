"""Benchmark (not a test): a check-in tap in the real app against the floor of its own framework.

    .venv/bin/python -m tests.benchmarks.bench_tap_floor [--children 70] [--rounds 3] [--no-pg]

Starts, side by side and in production mode, the floor app (tests/benchmarks/floor_app: the same
Reflex and theme, 70 tiles, a counter, no database), the real app on SQLite and the real app on
PostgreSQL (a fresh database on 127.0.0.1:5432, dropped afterwards; skipped when unreachable or with
--no-pg). In each, a phone-sized Chromium taps every expected tile; the time from the click to the
tile's new data-status is measured in the page with a MutationObserver (no Playwright round trip in
it), and the websocket frames of each tap are counted (bytes sent, bytes received = the state delta).
The apps take turns, round after round, so they share the machine's load; a round on the real app
starts from a day without check-ins (its events are removed between rounds). Prints p50/p95 per app,
the ratio app/floor against the targets (p50 <= 3x, p95 <= 4x), and the bytes per tap.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import sqlalchemy as sa
from playwright.sync_api import sync_playwright
from sqlalchemy.pool import NullPool
from sqlmodel import delete, select

from kinderwerk_pwa.domain.common.clock import local_today
from kinderwerk_pwa.domain.toegang.locations import enrolments_on
from kinderwerk_pwa.models import (
    AttendanceEvent,
    Child,
    ChildLocation,
    Enrolment,
    Location,
    StaffLocation,
    StaffUser,
)
from tests.benchmarks.floor import seeded_copies, start_floor
from tests.e2e import conftest
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE, start_app, stop_app
from tests.e2e.helpers import connected, login, wait_ready, with_db

PG_ADMIN = os.environ.get("KINDERWERK_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
WARM_UP = 3  # taps per app and round not counted (first render, caches)

# Every websocket message's arrival time in the page, to split a tap into server and browser time.
SOCKET_TIMES_JS = """
(() => {
  const Original = window.WebSocket;
  window.__kwMessages = [];
  class Timed extends Original {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", () => window.__kwMessages.push(performance.now()));
    }
  }
  window.WebSocket = Timed;
})();
"""

# Click the tile and resolve with [ms until its data-status changes (seen by a MutationObserver in
# the page), ms until the first websocket message after the click]. -1 when nothing changed in 5 s.
TAP_JS = """
(selector) => new Promise((resolve) => {
  const tile = document.querySelector(selector);
  if (!tile) { resolve([-2, -2]); return; }
  const before = tile.getAttribute("data-status");
  const start = performance.now();
  let done = false;
  const firstMessage = () => {
    const t = window.__kwMessages.find((m) => m >= start);
    return t === undefined ? -1 : t - start;
  };
  const finish = (value) => {
    if (!done) { done = true; observer.disconnect(); resolve([value, value < 0 ? -1 : firstMessage()]); }
  };
  const observer = new MutationObserver(() => {
    const now = document.querySelector(selector);
    if (now && now.getAttribute("data-status") !== before) finish(performance.now() - start);
  });
  observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
  setTimeout(() => finish(-1), 5000);
  tile.click();
})
"""


@dataclass
class Target:
    label: str
    page: object = None
    reset: object = None  # callable: back to a day without check-ins
    ids: list[str] = field(default_factory=list)
    times: list[float] = field(default_factory=list)
    server: list[float] = field(default_factory=list)  # click to the first websocket message
    sent: list[int] = field(default_factory=list)
    received: list[int] = field(default_factory=list)
    frames: list[int] = field(default_factory=lambda: [0, 0])  # bytes sent/received since the tap began


def _size(payload) -> int:
    return len(payload.encode()) if isinstance(payload, str) else len(payload)


def _watch_socket(page, target: Target) -> None:
    def on_socket(ws):
        ws.on("framesent", lambda payload: target.frames.__setitem__(0, target.frames[0] + _size(payload)))
        ws.on("framereceived", lambda payload: target.frames.__setitem__(1, target.frames[1] + _size(payload)))
    page.on("websocket", on_socket)


def _prepare(database_url: str, n: int):
    """The big huiskamer with ~n children expected today, and a kinderwerker of it."""
    today = local_today()

    def setup(db):
        location = db.exec(select(Location).where(Location.kind == "huiskamer")
                           .order_by(Location.capacity.desc())).first()
        worker = db.exec(select(StaffUser).join(StaffLocation, StaffLocation.staff_id == StaffUser.id)
                         .where(StaffLocation.location_id == location.id, StaffUser.role == "kinderwerker",
                                StaffUser.is_demo.is_(True)).order_by(StaffUser.id)).first()
        expected = set(db.exec(select(Enrolment.child_id).where(Enrolment.location_id == location.id,
                                                                *enrolments_on(today))).all())
        for child in db.exec(select(Child).join(ChildLocation, ChildLocation.child_id == Child.id)
                             .where(ChildLocation.location_id == location.id, Child.status == "actief")
                             .order_by(Child.id)).all():
            if len(expected) >= n:
                break
            if child.id not in expected:
                expected.add(child.id)
                db.add(Enrolment(child_id=child.id, location_id=location.id, weekdays=str(today.isoweekday()),
                                 start_date=date(today.year, 1, 1)))
        db.commit()
        return location, worker
    return with_db(database_url, setup)


def _clear_day(database_url: str, location_id: int) -> None:
    def clear(db):
        db.exec(delete(AttendanceEvent).where(AttendanceEvent.location_id == location_id,
                                              AttendanceEvent.day == local_today()))
        db.commit()
    with_db(database_url, clear)


def _pg_database():
    url = sa.make_url(PG_ADMIN.replace("postgresql://", "postgresql+psycopg://"))
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    name = f"kw_bench_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except sa.exc.OperationalError as exc:
        print(f"PostgreSQL niet bereikbaar, overgeslagen: {exc.__class__.__name__}")
        return None, None, None
    return admin, name, url.set(database=name).render_as_string(hide_password=False)


def _drop(admin, name: str) -> None:
    with admin.connect() as conn:
        conn.execute(sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n "
                             "AND pid <> pg_backend_pid()"), {"n": name})
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
    admin.dispose()


def _open_app(browser, app, label: str, n: int) -> Target:
    location, worker = _prepare(app.database_url, n)
    target = Target(label)
    context = browser.new_context(base_url=app.base_url, locale="nl-NL", timezone_id="Europe/Amsterdam", **PHONE)
    conftest.prepare_context(context).add_init_script(SOCKET_TIMES_JS)
    target.page = page = context.new_page()
    _watch_socket(page, target)
    login(page, worker.email)

    def reset():
        _clear_day(app.database_url, location.id)
        page.goto(f"/huiskamer/{location.id}")
        wait_ready(page, page.get_by_role("heading", name=location.name, level=1))
        page.locator('button[data-status="verwacht"]').first.wait_for()
        target.ids = page.eval_on_selector_all('button[data-status="verwacht"]',
                                               "els => els.map(e => e.dataset.childId)")
    target.reset = reset
    return target


def _open_floor(browser, base_url: str) -> Target:
    target = Target("vloer (kale Reflex)")
    context = browser.new_context(base_url=base_url, locale="nl-NL", **PHONE)
    conftest.prepare_context(context).add_init_script(SOCKET_TIMES_JS)
    target.page = page = context.new_page()
    _watch_socket(page, target)

    def reset():
        page.goto("/")
        # Not wait_ready: the floor has no on_load marker of our layout, only its heading and socket.
        page.get_by_role("heading", name="Vloer", level=1).wait_for()
        connected(page)
        page.locator('button[data-status="verwacht"]').first.wait_for()
        target.ids = page.eval_on_selector_all('button[data-status="verwacht"]',
                                               "els => els.map(e => e.dataset.childId)")
    target.reset = reset
    return target


def _tap(target: Target, i: int) -> None:
    if i >= len(target.ids):
        return
    child_id = target.ids[i]
    target.frames[:] = [0, 0]
    ms, server_ms = target.page.evaluate(TAP_JS, f'button[data-child-id="{child_id}"]')
    target.page.wait_for_timeout(40)  # the frame events of this tap reach us
    if i < WARM_UP:
        return
    if ms < 0:
        print(f"  {target.label}: tegel {child_id} veranderde niet ({ms})")
        return
    target.times.append(ms)
    target.server.append(server_ms)
    target.sent.append(target.frames[0])
    target.received.append(target.frames[1])


def _round(targets: list[Target]) -> None:
    """Tap by tap in turn over the apps, so that each sees the same load of the machine."""
    for target in targets:
        target.reset()
        target.page.wait_for_timeout(300)  # let the page's own start-up traffic pass
    for i in range(max(len(t.ids) for t in targets)):
        for target in targets:
            _tap(target, i)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, int(round(q * len(ordered))) - 1))]


def _report(floor: Target, apps: list[Target]) -> None:
    print()
    print(f"{'':22} {'taps':>5} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} {'server p50':>11} "
          f"{'bytes in/tik':>13} {'bytes uit/tik':>14}")
    for t in (floor, *apps):
        if not t.times:
            print(f"{t.label:22} geen metingen")
            continue
        print(f"{t.label:22} {len(t.times):5d} {statistics.median(t.times):7.1f} {_pct(t.times, 0.95):7.1f} "
              f"{max(t.times):7.1f} {statistics.median(t.server):11.1f} "
              f"{statistics.median(t.received):13.0f} {statistics.median(t.sent):14.0f}")
    print("(server p50: click to the first websocket message; the rest is the browser's render)")
    f50, f95 = statistics.median(floor.times), _pct(floor.times, 0.95)
    print()
    for t in apps:
        if not t.times:
            continue
        r50, r95 = statistics.median(t.times) / f50, _pct(t.times, 0.95) / f95
        print(f"{t.label}: p50 {r50:.1f}x de vloer (doel <= 3x: {'ja' if r50 <= 3 else 'NEE'}), "
              f"p95 {r95:.1f}x (doel <= 4x: {'ja' if r95 <= 4 else 'NEE'}); "
              f"delta per tik {statistics.median(t.received):.0f} bytes "
              f"(vloer {statistics.median(floor.received):.0f})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--children", type=int, default=70)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-pg", action="store_true")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="kw-bench-floor-"))
    procs, admin, pg_name = [], None, None
    try:
        sqlite_app, proc = start_app(workdir / "sqlite")
        procs.append(proc)
        seed = workdir / "sqlite" / "project" / ".web"
        seeded_copies(seed)
        floor_url, proc = start_floor(workdir, tiles=args.children, seed_web=seed)
        procs.append(proc)
        pg_app = None
        if not args.no_pg:
            admin, pg_name, pg_url = _pg_database()
            if admin is not None:
                pg_app, proc = start_app(workdir / "pg", extra_env={"DATABASE_URL": pg_url})
                procs.append(proc)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            floor = _open_floor(browser, floor_url)
            apps = [_open_app(browser, sqlite_app, "app op SQLite", args.children)]
            if pg_app is not None:
                apps.append(_open_app(browser, pg_app, "app op PostgreSQL", args.children))
            for n in range(args.rounds):
                _round([floor, *apps])
                print(f"ronde {n + 1}/{args.rounds} klaar", flush=True)
            browser.close()
        _report(floor, apps)
    finally:
        for proc in procs:
            stop_app(proc)
        if admin is not None:
            _drop(admin, pg_name)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
