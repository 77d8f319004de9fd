"""The production setup end to end: PostgreSQL, Redis for Reflex's state, and two backend workers.
Two phones at one huiskamer see each other's check-ins; a signal is stored in PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from kinderwerk_pwa.domain.common.clock import local_today
from kinderwerk_pwa.models import Child, Enrolment, Location, Signal, StaffLocation, StaffUser

from .conftest import DESKTOP, PHONE, start_app, stop_app
from .helpers import login, prepare_context, wait_ready, with_db
from .services import REDIS, fresh_postgresql_database, require_redis

pytestmark = pytest.mark.e2e

@pytest.fixture(scope="module")
def prod_app(tmp_path_factory):
    require_redis()
    import redis

    with fresh_postgresql_database("kw_e2e_") as database_url:
        redis.Redis.from_url(REDIS).flushdb()
        running, proc = start_app(tmp_path_factory.mktemp("prod"), extra_env={
            "DATABASE_URL": database_url, "REFLEX_REDIS_URL": REDIS, "GRANIAN_WORKERS": "2"})
        try:
            yield running
        finally:
            stop_app(proc)
            redis.Redis.from_url(REDIS).flushdb()


def _backend_workers(app) -> int:
    """Count the worker processes serving the app's port (children of the granian supervisor)."""
    import subprocess

    port = app.base_url.rsplit(":", 1)[1]
    out = subprocess.run(["ps", "-ww", "-eo", "pid,ppid,args"], capture_output=True, text=True).stdout
    procs = [line.split(None, 2) for line in out.splitlines()[1:] if len(line.split(None, 2)) == 3]
    parents = {pid for pid, _ppid, args in procs if "granian" in args or f"--backend-port {port}" in args}
    return sum(1 for _pid, ppid, _args in procs if ppid in parents)


def test_runs_on_postgresql_with_redis_and_two_workers(prod_app, browser):
    assert prod_app.database_url.startswith("postgresql")
    today = local_today()

    def setup(db):
        location = db.exec(select(Location).where(Location.kind == "huiskamer").order_by(Location.capacity.desc())).first()
        workers = db.exec(select(StaffUser).join(StaffLocation, StaffLocation.staff_id == StaffUser.id)
                          .where(StaffLocation.location_id == location.id, StaffUser.role == "kinderwerker",
                                 StaffUser.is_demo.is_(True)).order_by(StaffUser.id)).all()
        child = db.exec(select(Child).join(Enrolment, Enrolment.child_id == Child.id)
                        .where(Enrolment.location_id == location.id, Child.status == "actief").order_by(Child.id)).first()
        db.add(Enrolment(child_id=child.id, location_id=location.id, weekdays=str(today.isoweekday()),
                         start_date=date(today.year, 1, 1)))
        db.commit()
        return location, workers[0], workers[1], child
    location, first, second, child = with_db(prod_app.database_url, setup)

    contexts = [prepare_context(browser.new_context(base_url=prod_app.base_url, locale="nl-NL",
                                                    timezone_id="Europe/Amsterdam", **options))
                for options in (PHONE, DESKTOP)]
    try:
        a, b = contexts[0].new_page(), contexts[1].new_page()
        login(a, first.email)
        login(b, second.email)
        # The child's tile, by id (its accessible name is what it shows: name and status).
        tile_a = a.locator(f'button[data-child-id="{child.id}"]')
        tile_b = b.locator(f'button[data-child-id="{child.id}"]')
        for page, tile in ((a, tile_a), (b, tile_b)):
            page.goto(f"/huiskamer/{location.id}")
            wait_ready(page, tile)
        expect(tile_b).to_have_attribute("data-status", "verwacht")
        tile_a.tap()
        expect(tile_a).to_have_attribute("data-status", "aanwezig")
        expect(tile_b).to_have_attribute("data-status", "aanwezig", timeout=2000)

        # A signal captured on the phone lands in PostgreSQL.
        a.goto("/signaal")
        wait_ready(a)
        a.get_by_role("button").filter(has_text="jaar").first.tap()
        a.get_by_role("button", name="Materieel / armoede").tap()
        a.get_by_label("Wat zag of hoorde je?").fill("Had geen eten mee en vroeg om een tweede boterham.")
        a.get_by_role("button", name="Signaal opslaan").tap()
        expect(a.get_by_role("status")).to_contain_text("Signaal opgeslagen")
        stored = with_db(prod_app.database_url, lambda db: db.exec(
            select(Signal).where(Signal.author_id == first.id, Signal.facts.like("Had geen eten mee%"))).all())
        assert len(stored) == 1
        import redis

        assert redis.Redis.from_url(REDIS).dbsize() > 0, "Reflex keeps its state in Redis"
        workers = _backend_workers(prod_app)
        assert workers >= 2, f"expected two backend workers, found {workers}"
    finally:
        for context in contexts:
            context.close()
