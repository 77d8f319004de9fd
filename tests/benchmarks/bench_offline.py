"""Benchmark (not a test): time from coming back online until all queued items are stored.

    .venv/bin/python -m tests.benchmarks.bench_offline

Starts the app in production mode with demo data, logs in on a phone-sized Chromium, goes
offline, queues 1, 10 and 100 signals through the offline queue, goes online and measures until
the queue is empty (every item stored by the server). Prints the times in milliseconds.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright
from sqlmodel import select

from kinderwerk_pwa.models import Location, StaffLocation, StaffUser
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE, start_app, stop_app
from tests.e2e.helpers import login, with_db

QUEUE_SIGNALS = """([n, locationId]) => Promise.all(Array.from({length: n}, (_, i) =>
  window.kinderwerkOffline.enqueue('signaal', {client_uuid: window.kinderwerkOffline.uuid(), child_id: null,
    unknown_description: 'Kind ' + i + ' bij het klimrek', location_id: locationId, categories: ['gedrag'],
    facts: 'Benchmark-signaal ' + i, source: 'zelf_gezien', observed_at: new Date().toISOString()})))"""


def main() -> None:
    app, proc = start_app(Path(tempfile.mkdtemp(prefix="kw-bench-offline-")))
    try:
        def setup(db):
            location = db.exec(select(Location).where(Location.kind == "speelpleinroute")).first()
            worker = db.exec(select(StaffUser).join(StaffLocation, StaffLocation.staff_id == StaffUser.id)
                             .where(StaffLocation.location_id == location.id, StaffUser.role == "kinderwerker",
                                    StaffUser.is_demo.is_(True))).first()
            return location, worker
        location, worker = with_db(app.database_url, setup)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(base_url=app.base_url, locale="nl-NL", **PHONE)
            page = context.new_page()
            login(page, worker.email)
            page.wait_for_function("window.kinderwerkOffline !== undefined")
            for n in (1, 10, 100):
                context.set_offline(True)
                page.evaluate(QUEUE_SIGNALS, [n, location.id])
                start = time.perf_counter()  # from the moment the connection returns
                context.set_offline(False)
                page.evaluate("window.dispatchEvent(new Event('online'))")
                page.wait_for_function(
                    "window.kinderwerkOffline.queue().then(q => q.filter(i => i.state === 'wacht').length === 0)",
                    timeout=120_000)
                print(f"{n:>3} items in de wachtrij: alles opgeslagen {1000 * (time.perf_counter() - start):.0f} ms "
                      "na terugkeer van de verbinding")
            browser.close()
    finally:
        stop_app(proc)


if __name__ == "__main__":
    main()
