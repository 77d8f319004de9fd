"""A new version of the app deployed under an open phone (issue 17.3).

The app runs on its own port with its own project copy (tests/e2e/conftest.py). A phone opens it in
two tabs, the service worker installs, and without a connection the phone queues captures. Then
the app is stopped, its API version is raised on both sides (the server and the offline script, as
a real release would), and it is started again on the same port: a new build. When the phone is
back online, its old script gets 409 from /api/sync; both tabs must end up on the new build after
exactly one reload each, and the queued captures must be stored exactly once. An API refusal after
that, with no newer worker to move to, must not reload the page again (the old loop).

The second test changes the running build in place (no new start needed): a half-finished
deployment must fail the new worker's installation and leave the old worker serving; completed
while someone types in the offline form, the page asks before it reloads.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect
from sqlmodel import select

from kinderwerk_pwa.domain.common.clock import local_today
from kinderwerk_pwa.models import AttendanceEvent, Signal

from .conftest import PHONE, SHOTS, start_app, stop_app
from .helpers import login, prepare_context, wait_ready, with_db
from .test_huiskamer import _setup_day
from .test_offline import _wait_for_service_worker

pytestmark = pytest.mark.e2e

OLD_API, NEW_API = 1, 2
ON_VERSION = """(api) => window.kinderwerkOffline !== undefined && window.kinderwerkOffline.apiVersion === api"""
# wait_for_function does not wait for a promise (a pending one is truthy): the predicate starts the
# IndexedDB read and checks the last answer, polled until it is 0.
QUEUE_EMPTY = """() => {
    window.kinderwerkOffline.queue().then((q) => { window.__kwWachtrijLengte = q.length; });
    return window.__kwWachtrijLengte === 0;
}"""


class Deployment:
    """The app on one port, deployed again from its edited project copy."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.running, self.proc = start_app(workdir)
        self.port = int(self.running.base_url.rsplit(":", 1)[1])
        self.project = workdir / "project"

    @property
    def base_url(self) -> str:
        return self.running.base_url

    @property
    def database_url(self) -> str:
        return self.running.database_url

    def edit(self, relative: str, pattern: str, replacement: str) -> None:
        path = self.project / relative
        text, count = re.subn(pattern, replacement, path.read_text(), flags=re.MULTILINE)
        assert count == 1, f"{relative}: {pattern!r} not found once"
        path.write_text(text)

    def release(self, api_version: int) -> None:
        """Stop, raise the API version on the server and in the offline script, start again (the
        production build runs again, as at any deployment) on the same port and database."""
        stop_app(self.proc)
        self.edit("kinderwerk_pwa/domain/offline/sync.py", r"^API_VERSION = \d+$", f"API_VERSION = {api_version}")
        self.edit("assets/kinderwerk-offline.js", r"const API_VERSION = \d+;", f"const API_VERSION = {api_version};")
        (self.workdir / "app-voor-release.log").write_text(self.running.log_text())
        self.running, self.proc = start_app(self.workdir, port=self.port)

    def served_build(self) -> str:
        worker = httpx.get(f"{self.base_url}/sw.js", timeout=30)
        assert worker.status_code == 200, worker.text[:200]
        return re.search(r'const BUILD = "([0-9a-f]+)";', worker.text).group(1)

    def refuses_api(self, api_version: int) -> bool:
        answer = httpx.post(f"{self.base_url}/api/sync", json={"api_version": api_version, "items": []},
                            headers={"X-Kinderwerk": "1", "Origin": self.base_url}, timeout=30)
        return answer.status_code == 409


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    app = Deployment(tmp_path_factory.mktemp("upgrade"))
    yield app
    stop_app(app.proc)


def _count_loads(page) -> list[str]:
    """Every document the tab loads (a reload too; not React Router's in-page route changes)."""
    loads: list[str] = []
    page.on("domcontentloaded", lambda p: loads.append(p.url))
    return loads


def _stored(database_url: str, facts: str, child_ids: list[int], uuids: list[str]):
    def read(db):
        signals = db.exec(select(Signal).where(Signal.facts == facts)).all()
        events = db.exec(select(AttendanceEvent).where(
            AttendanceEvent.child_id.in_(child_ids), AttendanceEvent.kind == "aanwezig",
            AttendanceEvent.day == local_today())).all()
        by_uuid = db.exec(select(Signal.client_uuid).where(Signal.client_uuid.in_(uuids))).all() + \
            db.exec(select(AttendanceEvent.client_uuid).where(AttendanceEvent.client_uuid.in_(uuids))).all()
        return signals, events, sorted(by_uuid)
    return with_db(database_url, read)


def test_an_open_phone_moves_to_the_new_version_once_and_keeps_its_queue(browser, deployment):
    location, worker, children = _setup_day(deployment, 8)
    context = prepare_context(browser.new_context(base_url=deployment.base_url, locale="nl-NL",
                                                  timezone_id="Europe/Amsterdam", **PHONE))
    try:
        phone = context.new_page()
        login(phone, worker.email)
        _wait_for_service_worker(phone)
        phone.wait_for_function("window.kinderwerkOffline !== undefined")
        phone.evaluate("window.kinderwerkOffline.sync()")  # the names for offline capture
        old_build = deployment.served_build()
        assert phone.evaluate("window.kinderwerkVersie.build()") == old_build
        # A second tab of the app, doing nothing: it must move along too.
        other = context.new_page()
        other.goto("/kinderen")
        wait_ready(other)
        other.wait_for_function("navigator.serviceWorker.controller !== null")
        assert other.evaluate("window.kinderwerkVersie.build()") == old_build

        # Without a connection: a signal and a check-in go into the queue.
        context.set_offline(True)
        bar = phone.locator("#kw-wachtrij")
        expect(bar).to_contain_text("Geen verbinding")
        phone.get_by_role("button", name="Vastleggen zonder verbinding").tap()
        dialog = phone.get_by_role("dialog", name="Vastleggen zonder verbinding")
        dialog.get_by_label("Kind", exact=True).select_option(f"{children[5].id}:{location.id}")
        dialog.get_by_label("Soort signaal").select_option("verzorging")
        facts = "Vastgelegd vlak voor een nieuwe versie: had geen jas aan."
        dialog.get_by_label("Wat zag of hoorde je?").fill(facts)
        dialog.get_by_role("button", name="Bewaren").tap()
        expect(dialog.get_by_role("status")).to_contain_text("Bewaard")
        dialog.get_by_role("button", name="Aanwezig", exact=True).tap()
        dialog.get_by_label("Locatie").select_option(str(location.id))
        dialog.locator(f'button[data-child-id="{children[6].id}"]').tap()
        expect(dialog.get_by_role("status")).to_contain_text("aanwezig (wacht op verzending)")
        dialog.get_by_role("button", name="Sluiten").tap()
        expect(bar).to_contain_text("2 wachten op verzending")
        uuids = [item["client_uuid"] for item in phone.evaluate("window.kinderwerkOffline.queue()")]
        assert len(uuids) == 2

        # The new version is deployed while the phone is offline and both tabs stay open.
        phone_loads, other_loads = _count_loads(phone), _count_loads(other)
        deployment.release(NEW_API)
        assert deployment.refuses_api(OLD_API) and not deployment.refuses_api(NEW_API)
        new_build = deployment.served_build()
        assert new_build != old_build, "the changed offline script changed the worker"

        # Back online: the old script's sync gets 409; the new worker installs and takes over.
        context.set_offline(False)
        try:
            phone.evaluate("window.dispatchEvent(new Event('online'))")
        except PlaywrightError as exc:
            # The new worker may already have reloaded the page onto the new version, which is
            # what this test waits for below: only that navigation is expected here.
            if "Execution context was destroyed" not in str(exc):
                raise
        for page in (phone, other):
            page.wait_for_function(ON_VERSION, arg=NEW_API)
            assert page.evaluate("window.kinderwerkVersie.build()") == new_build
        # The queue was sent by the new version and stored exactly once.
        phone.wait_for_function(QUEUE_EMPTY, polling=250)
        signals, events, by_uuid = _stored(deployment.database_url, facts, [children[6].id], uuids)
        assert len(signals) == 1 and len(events) == 1 and by_uuid == sorted(uuids)
        # Each tab reloaded exactly once, and its page works: hydrated over a live connection.
        assert (len(phone_loads), len(other_loads)) == (1, 1), (phone_loads, other_loads)
        wait_ready(phone, phone.get_by_role("heading", name="Vandaag", level=1))
        wait_ready(other, other.get_by_role("heading", name="Kinderen", level=1))
        # Consistent: the old build's precache and pages are gone, only the new build's are kept.
        caches = phone.evaluate("caches.keys()")
        assert f"kw-precache-{new_build}" in caches and not any(old_build in name for name in caches), caches
        phone.screenshot(path=str(SHOTS / "upgrade-01-nieuwe-versie.png"), full_page=True)

        other.close()  # from here on one tab: the other would send the queue past the refusal below

        # The server refuses again and there is no newer worker (an API bump without a new script,
        # as before issue 17.3): the tab already reloaded once for this build, so it does not
        # reload again; it says the app is too old and keeps what waits.
        phone.route("**/api/sync", lambda route: route.fulfill(
            status=409, json={"error": "verouderd", "api_version": NEW_API + 1}))
        checkin = phone.evaluate("""([childId, locationId]) => {
            const payload = {client_uuid: window.kinderwerkOffline.uuid(), child_id: childId,
                             location_id: locationId, kind: 'aanwezig', at: new Date().toISOString()};
            return window.kinderwerkOffline.enqueue('aanwezigheid', payload).then(() => payload.client_uuid);
        }""", [children[7].id, location.id])
        expect(phone.locator("#kw-versie")).to_contain_text("verouderd")
        expect(bar).to_contain_text("1 wacht op verzending")
        assert len(phone_loads) == 1, phone_loads
        phone.screenshot(path=str(SHOTS / "upgrade-02-verouderd.png"), full_page=True)

        # Opened again (by the person, with the server fixed): the waiting check-in is sent.
        phone.unroute("**/api/sync")
        phone.reload()
        phone.wait_for_function(QUEUE_EMPTY, polling=250)
        assert _stored(deployment.database_url, facts, [children[7].id], [checkin])[2] == [checkin]
    finally:
        context.close()


UPDATE_WORKER = """async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update();
    const worker = registration.installing;
    if (!worker) return "geen nieuwe worker";
    if (worker.state === "redundant") return worker.state;
    return new Promise((resolve) => worker.addEventListener("statechange", () => {
        // The worker skips waiting: its installation ends in "activated" or "redundant".
        if (["redundant", "activated"].includes(worker.state)) resolve(worker.state);
    }));
}"""


def test_a_failed_precache_keeps_the_old_worker_and_a_busy_page_asks_first(browser, deployment):
    location, worker, children = _setup_day(deployment, 4)
    context = prepare_context(browser.new_context(base_url=deployment.base_url, locale="nl-NL",
                                                  timezone_id="Europe/Amsterdam", **PHONE))
    static = deployment.project / ".web" / "build" / "client"
    css, css_gz = static / "kinderwerk.css", static / "kinderwerk.css.gz"
    original, original_gz = css.read_bytes(), css_gz.read_bytes()
    try:
        phone = context.new_page()
        login(phone, worker.email)
        _wait_for_service_worker(phone)
        phone.wait_for_function("window.kinderwerkOffline !== undefined")
        phone.evaluate("window.kinderwerkOffline.sync()")
        build = deployment.served_build()
        assert phone.evaluate("window.kinderwerkVersie.build()") == build
        loads = _count_loads(phone)

        # A half-finished deployment: the stylesheet is new, its gzip copy (what the server sends a
        # browser that accepts gzip) is still the old one. The new worker's download of it does not
        # match its revision, so its installation fails and the old worker keeps serving.
        css.write_bytes(original + b"\n/* nieuwe versie */\n")
        broken = deployment.served_build()
        assert broken != build
        assert phone.evaluate(UPDATE_WORKER) == "redundant"
        assert phone.evaluate("window.kinderwerkVersie.build()") == build
        caches = phone.evaluate("caches.keys()")
        assert f"kw-precache-{build}" in caches and f"kw-precache-{broken}" not in caches, caches
        expect(phone.locator("#kw-versie")).to_have_count(0)
        assert loads == []

        # The deployment is complete, while she is typing a signal in the offline form. The worker
        # is the same one (its manifest is of the files, not of their gzip copies); the browser
        # tries it again, now it installs and takes over, and the page asks instead of throwing her
        # text away with a reload.
        css_gz.write_bytes(gzip.compress(css.read_bytes()))
        fixed = deployment.served_build()
        assert fixed == broken
        context.set_offline(True)
        phone.get_by_role("button", name="Vastleggen zonder verbinding").tap()
        dialog = phone.get_by_role("dialog", name="Vastleggen zonder verbinding")
        dialog.get_by_label("Kind", exact=True).select_option(f"{children[2].id}:{location.id}")
        facts = "Half getypt toen er een nieuwe versie kwam: zat alleen op het bankje."
        dialog.get_by_label("Wat zag of hoorde je?").fill(facts)
        context.set_offline(False)
        assert phone.evaluate(UPDATE_WORKER) == "activated"
        expect(phone.locator("#kw-versie")).to_contain_text("Er is een nieuwe versie van de app.")
        expect(dialog.get_by_label("Wat zag of hoorde je?")).to_have_value(facts)
        assert loads == []
        dialog.get_by_role("button", name="Bewaren").tap()
        expect(dialog.get_by_role("status")).to_contain_text("Bewaard")
        dialog.get_by_role("button", name="Sluiten").tap()
        phone.screenshot(path=str(SHOTS / "upgrade-03-nieuwe-versie-gevraagd.png"), full_page=True)

        # She chooses to update: one reload, onto the new build, and what she saved is sent.
        phone.locator("#kw-versie").get_by_role("button", name="Nu bijwerken").tap()
        wait_ready(phone, phone.get_by_role("heading", name="Vandaag", level=1))
        assert phone.evaluate("window.kinderwerkVersie.build()") == fixed
        phone.wait_for_function(QUEUE_EMPTY, polling=250)
        assert len(loads) == 1, loads
        assert len(with_db(deployment.database_url, lambda db: db.exec(
            select(Signal).where(Signal.facts == facts)).all())) == 1
    finally:
        css.write_bytes(original)
        css_gz.write_bytes(original_gz)
        context.close()
