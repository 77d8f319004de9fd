"""Benchmark (not a test): tap-to-updated-tile time for 70 check-ins at one huiskamer.

    .venv/bin/python -m tests.benchmarks.bench_checkin [--children 70]

Starts the app in production mode on a temporary SQLite database with demo data, makes 70 children
expected today at the big huiskamer, and taps each tile on a phone-sized Chromium, measuring from the
tap until the tile shows "aanwezig". Prints p50, p95 and max in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from playwright.sync_api import sync_playwright
from sqlmodel import select

from kinderwerk_pwa.domain.common.clock import local_today
from kinderwerk_pwa.models import (
    Child,
    ChildLocation,
    Enrolment,
    Location,
    StaffLocation,
    StaffUser,
)
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE, start_app, stop_app
from tests.e2e.helpers import login, wait_ready, with_db


def _prepare(database_url: str, n: int):
    today = local_today()

    def setup(db):
        location = db.exec(select(Location).where(Location.kind == "huiskamer").order_by(Location.capacity.desc())).first()
        worker = db.exec(select(StaffUser).join(StaffLocation, StaffLocation.staff_id == StaffUser.id)
                         .where(StaffLocation.location_id == location.id, StaffUser.role == "kinderwerker",
                                StaffUser.is_demo.is_(True)).order_by(StaffUser.id)).first()
        children = db.exec(select(Child).join(ChildLocation, ChildLocation.child_id == Child.id)
                           .where(ChildLocation.location_id == location.id, Child.status == "actief")
                           .order_by(Child.id)).all()[:n]
        for child in children:
            db.add(Enrolment(child_id=child.id, location_id=location.id, weekdays=str(today.isoweekday()),
                             start_date=date(today.year, 1, 1)))
        db.commit()
        return location, worker, [c.id for c in children]
    return with_db(database_url, setup)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--children", type=int, default=70)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="kw-bench-"))
    app, proc = start_app(workdir)
    try:
        location, worker, names = _prepare(app.database_url, args.children)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_context(base_url=app.base_url, locale="nl-NL", **PHONE).new_page()
            login(page, worker.email)
            page.goto(f"/huiskamer/{location.id}")
            wait_ready(page)
            timings = []
            for child_id in names:
                selector = f'[data-child-id="{child_id}"]'
                tile = page.locator(selector)
                if tile.get_attribute("data-status") != "verwacht":
                    continue
                start = time.perf_counter()
                tile.tap()
                page.wait_for_selector(f'{selector}[data-status="aanwezig"]')
                timings.append((time.perf_counter() - start) * 1000)
            browser.close()
    finally:
        stop_app(proc)
    timings.sort()
    p95 = timings[max(0, int(round(0.95 * len(timings))) - 1)]
    print(f"check-ins gemeten: {len(timings)} (locatie: {location.name})")
    print(f"tik tot bijgewerkte tegel: p50 {statistics.median(timings):.0f} ms, p95 {p95:.0f} ms, "
          f"max {timings[-1]:.0f} ms")


if __name__ == "__main__":
    main()
