"""Installable, and capture that survives a lost connection (Playwright context.set_offline)."""

from __future__ import annotations

import struct

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from kinderwerk_pwa.domain.common.clock import local_today
from kinderwerk_pwa.models import AttendanceEvent, AuditEvent, Signal

from .helpers import login, open_offline_panel, prime_offline, wait_ready, with_db
from .test_huiskamer import _setup_day

pytestmark = pytest.mark.e2e


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def _wait_for_service_worker(page) -> None:
    # wait_for_function does not wait for a promise (a pending one is truthy): the predicate asks
    # for `ready` and checks the answer it left on window, polled until the worker is active.
    page.wait_for_function("""() => {
        navigator.serviceWorker.ready.then(() => { window.__kwWorkerKlaar = true; });
        return window.__kwWorkerKlaar === true;
    }""", polling=250)
    page.reload()
    wait_ready(page)
    page.wait_for_function("navigator.serviceWorker.controller !== null")


def test_installable_manifest_icons_and_service_worker(phone, app):
    phone.goto("/login")
    wait_ready(phone)
    href = phone.locator('link[rel="manifest"]').get_attribute("href")
    manifest = phone.request.get(href).json()
    assert manifest["name"] == "Kinderwerk" and manifest["short_name"] == "Kinderwerk"
    assert manifest["display"] == "standalone" and manifest["start_url"] == "/"
    assert manifest["theme_color"] and manifest["lang"] == "nl"
    sizes = {(icon["sizes"], icon.get("purpose", "any")) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("192x192", "maskable"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        response = phone.request.get(icon["src"])
        assert response.ok and response.headers["content-type"].startswith("image/png")
        width, height = _png_size(response.body())
        assert f"{width}x{height}" == icon["sizes"]
    _wait_for_service_worker(phone)
    # Every page links the manifest.
    for path in ("/", "/signaal", "/kinderen"):
        phone.goto(path)
        expect(phone.locator('link[rel="manifest"]')).to_have_count(1)


def test_offline_capture_reload_and_send(phone, app, new_context):
    location, worker, children = _setup_day(app, 40)
    login(phone, worker.email)
    phone.goto("/signaal")
    wait_ready(phone)
    _wait_for_service_worker(phone)
    phone.goto("/")
    wait_ready(phone)
    # Online once: the names needed offline are on the phone.
    prime_offline(phone)
    bar, dialog = open_offline_panel(phone)
    child = children[30]
    dialog.get_by_label("Kind", exact=True).select_option(f"{child.id}:{location.id}")
    dialog.get_by_label("Soort signaal").select_option("verzorging")
    facts = "Offline vastgelegd: kwam zonder jas en had het koud."
    dialog.get_by_label("Wat zag of hoorde je?").fill(facts)
    dialog.get_by_role("button", name="Bewaren").tap()
    expect(dialog.get_by_role("status")).to_contain_text("Bewaard")
    dialog.get_by_role("button", name="Aanwezig", exact=True).tap()
    dialog.get_by_label("Locatie").select_option(str(location.id))
    for c in children[31:33]:
        dialog.locator(f'button[data-child-id="{c.id}"]').tap()
    expect(dialog.get_by_role("status")).to_contain_text("aanwezig (wacht op verzending)")
    phone.screens.shot(phone, "offline-paneel")
    dialog.get_by_role("button", name="Sluiten").tap()
    expect(bar).to_contain_text("3 wachten op verzending")

    # Reload while offline: the app still opens, and the queue is still there.
    phone.reload()
    expect(phone.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()
    expect(phone.locator("#kw-wachtrij")).to_contain_text("3 wachten op verzending")
    phone.screens.shot(phone, "offline-herladen")
    assert with_db(app.database_url, lambda db: db.exec(select(Signal).where(Signal.facts == facts)).all()) == []

    # Keep a copy of the queue as it is on the phone (IndexedDB) before the connection returns.
    queued = phone.evaluate("window.kinderwerkOffline.queue()")
    assert len(queued) == 3 and {i["state"] for i in queued} == {"wacht"}
    queued_by_uuid = {i["client_uuid"]: i for i in queued}

    # Back online: everything is sent and stored exactly once. Capture the phone's own POST.
    with phone.expect_response(lambda r: r.url.endswith("/api/sync") and r.request.method == "POST") as first:
        phone.context.set_offline(False)
        phone.evaluate("window.dispatchEvent(new Event('online'))")
    expect(phone.locator("#kw-wachtrij")).to_contain_text("3 items opgeslagen op de server")
    sent_body = first.value.request.post_data
    sent = first.value.request.post_data_json
    # What was sent is exactly the queue that waited on the phone.
    assert {i["payload"]["client_uuid"] for i in sent["items"]} == set(queued_by_uuid)
    for item in sent["items"]:
        waiting = queued_by_uuid[item["payload"]["client_uuid"]]
        assert (item["type"], item["queued_by"], item["payload"]) == \
            (waiting["type"], waiting["queued_by"], waiting["payload"])
    assert first.value.status == 200
    first_results = {r["client_uuid"]: r for r in first.value.json()["results"]}
    assert set(first_results) == set(queued_by_uuid)
    assert all(r["status"] == "opgeslagen" and r["id"] for r in first_results.values()), first_results
    assert phone.evaluate("window.kinderwerkOffline.queue()") == [], "the phone's queue is empty now"

    uuids = list(queued_by_uuid)

    def stored(db):
        signals = db.exec(select(Signal).where(Signal.facts == facts)).all()
        events = db.exec(select(AttendanceEvent).where(
            AttendanceEvent.child_id.in_([c.id for c in children[31:33]]), AttendanceEvent.kind == "aanwezig",
            AttendanceEvent.day == local_today())).all()
        audits = db.exec(select(AuditEvent).where(AuditEvent.actor_id == worker.id, AuditEvent.action.in_(
            ["signaal.vastgelegd", "aanwezigheid.aanwezig"]), AuditEvent.object_id.in_(
            [str(s.id) for s in signals] + [str(e.id) for e in events]))).all()
        by_uuid = db.exec(select(Signal.client_uuid).where(Signal.client_uuid.in_(uuids))).all() + \
            db.exec(select(AttendanceEvent.client_uuid).where(AttendanceEvent.client_uuid.in_(uuids))).all()
        return signals, events, audits, sorted(by_uuid)
    signals, events, audits, by_uuid = with_db(app.database_url, stored)
    assert len(signals) == 1 and len(events) == 2 and len(audits) == 3
    assert by_uuid == sorted(uuids), "each queued item is stored exactly once"
    assert {first_results[s.client_uuid]["id"] for s in signals} == {signals[0].id}
    assert {first_results[e.client_uuid]["id"] for e in events} == {e.id for e in events}

    # Sending the same queue again (a phone that lost the answer to its POST sends it once more)
    # stores nothing twice: replay exactly the captured request, with the same session cookie.
    replay = phone.evaluate("""async (body) => {
        const response = await fetch("/api/sync", {method: "POST", credentials: "same-origin", cache: "no-store",
            headers: {"Content-Type": "application/json", "X-Kinderwerk": "1"}, body});
        return {status: response.status, body: await response.json()};
    }""", sent_body)
    assert replay["status"] == 200, replay
    again_results = {r["client_uuid"]: r for r in replay["body"]["results"]}
    # The answer says each item is stored, under the id it got the first time.
    assert again_results == first_results, replay
    signals_again, events_again, audits_again, by_uuid_again = with_db(app.database_url, stored)
    assert [s.id for s in signals_again] == [s.id for s in signals]
    assert sorted(e.id for e in events_again) == sorted(e.id for e in events)
    assert len(audits_again) == 3 and by_uuid_again == sorted(uuids)

    # The teamleider sees the signal.
    from .helpers import demo_user

    leader = demo_user(app.database_url, "teamleider")
    page = new_context("desktop").new_page()
    login(page, leader.email, database_url=app.database_url)
    page.goto(f"/signalen/{signals[0].id}")
    wait_ready(page)
    expect(page.get_by_text(facts)).to_be_visible()


def test_refused_item_is_shown_with_its_reason(phone, app):
    location, worker, children = _setup_day(app, 40)
    login(phone, worker.email)
    phone.wait_for_function("window.kinderwerkOffline !== undefined")
    phone.evaluate("window.kinderwerkOffline.sync()")
    # A check-in for a child of another location (as a stale phone could hold): the server refuses.
    other = with_db(app.database_url, lambda db: db.exec(select(AttendanceEvent.child_id).where(
        AttendanceEvent.location_id != location.id)).first())
    phone.evaluate("""([childId, locationId]) => window.kinderwerkOffline.enqueue('aanwezigheid', {
        client_uuid: window.kinderwerkOffline.uuid(), child_id: childId, location_id: locationId,
        kind: 'aanwezig', at: new Date().toISOString()})""", [other, location.id])
    alert = phone.get_by_role("alert").filter(has_text="Niet opgeslagen")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("hoort niet (meer) bij een van jouw locaties")


def test_a_sync_without_an_answer_is_given_up_and_sent_again(phone, app):
    """A sync request that never gets an answer (a phone between cells) does not hold the queue
    until the page is reloaded: after 30 s it is given up, and the next try stores the signal,
    once. (A signal, not a check-in: earlier tests on the shared app may have checked the child in.)"""
    location, worker, children = _setup_day(app, 3)
    login(phone, worker.email)
    phone.wait_for_function("window.kinderwerkOffline !== undefined")
    phone.evaluate("window.kinderwerkOffline.sync()")
    calls = []

    def first_unanswered(route):
        calls.append(route)
        if len(calls) > 1:
            route.continue_()  # the first is left without an answer
    phone.route("**/api/sync", first_unanswered)
    uuid = phone.evaluate("""([childId, locationId]) => {
        const payload = {client_uuid: window.kinderwerkOffline.uuid(), child_id: childId, unknown_description: "",
                         location_id: locationId, categories: ["verzorging"], source: "zelf_gezien",
                         facts: "Vastgelegd terwijl het netwerk haperde: had geen jas aan.",
                         observed_at: new Date().toISOString(), acute: false};
        return window.kinderwerkOffline.enqueue('signaal', payload).then(() => payload.client_uuid);
    }""", [children[2].id, location.id])
    phone.wait_for_function("""() => {
        window.kinderwerkOffline.queue().then((q) => { window.__kwWachtrijLengte = q.length; });
        return window.__kwWachtrijLengte === 0;
    }""", polling=500, timeout=120_000)
    assert len(calls) >= 2
    stored = with_db(app.database_url, lambda db: db.exec(select(Signal).where(Signal.client_uuid == uuid)).all())
    assert len(stored) == 1
