"""Vandaag in a huiskamer at phone size: check in 20 expected children, pick-up, a refused
'zelfstandig naar huis', afgemeld and absent-without-notice with its follow-up; two devices."""

from __future__ import annotations

import re
import time
from datetime import date

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from kinderwerk_pwa.domain.common.clock import local_today
from kinderwerk_pwa.models import (
    AttendanceEvent,
    Child,
    Enrolment,
    FollowUp,
    Location,
    PickupPerson,
    StaffLocation,
    StaffUser,
)

from .helpers import login, wait_ready, with_db

pytestmark = pytest.mark.e2e


def _setup_day(app, n: int):
    """Make sure n children are expected today at the big huiskamer (whatever weekday CI runs on),
    and return (location, kinderwerker, [children]) with a known pick-up person and no permission
    to go home alone for the first child."""
    today = local_today()

    def setup(db):
        location = db.exec(select(Location).where(Location.kind == "huiskamer").order_by(Location.capacity.desc())).first()
        worker = db.exec(select(StaffUser).join(StaffLocation, StaffLocation.staff_id == StaffUser.id)
                         .where(StaffLocation.location_id == location.id, StaffUser.role == "kinderwerker",
                                StaffUser.is_demo.is_(True)).order_by(StaffUser.id)).first()
        children = db.exec(select(Child).join(Enrolment, Enrolment.child_id == Child.id)
                           .where(Enrolment.location_id == location.id, Enrolment.end_date.is_(None),
                                  Child.status == "actief").order_by(Child.id)).all()
        seen, names, chosen = set(), set(), []
        for child in children:
            # Two children can share a name; the test finds tiles by name, so keep names unique.
            if child.id not in seen and child.full_name not in names:
                seen.add(child.id)
                names.add(child.full_name)
                chosen.append(child)
        chosen = chosen[:n]
        for child in chosen:
            db.add(Enrolment(child_id=child.id, location_id=location.id, weekdays=str(today.isoweekday()),
                             start_date=date(today.year, 1, 1)))
        first = chosen[0]
        first.may_go_home_alone = False
        db.add(first)
        db.add(PickupPerson(child_id=chosen[1].id, name="Oma Truus", relation="oma"))
        db.commit()
        return location, worker, chosen
    return with_db(app.database_url, setup)


def _tile(page, child):
    """A child's tile, by id: two children at one huiskamer can share a name."""
    return page.locator(f'button[data-child-id="{child.id}"]')


def _panel(page, child):
    """The options dialog of a child (its title is the child's name)."""
    return page.get_by_role("dialog", name=child.full_name)


def test_check_in_twenty_and_the_day_flow(phone, app):
    location, worker, children = _setup_day(app, 24)
    login(phone, worker.email)
    # Vandaag links to the check-in twice: the day's first task on top (issue 15) and the location list.
    phone.locator(f'a[href="/huiskamer/{location.id}"]').first.tap()
    # The location's name comes with the day's data: once it shows, the tiles are there too.
    wait_ready(phone, phone.get_by_role("heading", name=location.name, level=1))
    names = [c.full_name for c in children]
    counts = phone.get_by_role("group", name="Tellingen")
    present = counts.get_by_label("Aanwezig", exact=True)
    before = int(re.match(r"\s*(\d+)", present.text_content()).group(1))
    for n, child in enumerate(children[:20], start=before + 1):
        tile = _tile(phone, child)
        expect(tile).to_have_accessible_name(re.compile(rf"^{re.escape(child.full_name)}.*Verwacht"))
        tile.tap()
        # Wait for what the person waits for before the next tap: this tile checked in, and counted.
        expect(tile).to_have_attribute("data-status", "aanwezig")
        expect(tile).to_have_accessible_name(re.compile(rf"^{re.escape(child.full_name)}.*Aanwezig"))
        expect(present).to_have_text(re.compile(rf"^\s*{n}\s*Aanwezig"))
    expect(present).to_have_text(re.compile(rf"^\s*{before + 20}\s*Aanwezig"))

    # Pick-up by an authorised person.
    _tile(phone, children[1]).tap()
    panel = _panel(phone, children[1])
    expect(panel).to_be_visible()
    panel.get_by_role("button", name="Oma Truus").tap()
    expect(panel).to_be_hidden()
    expect(_tile(phone, children[1])).to_have_attribute("data-status", "opgehaald")
    expect(_tile(phone, children[1])).to_contain_text("Oma Truus")

    # Going home alone without the parents' permission is refused with a warning.
    _tile(phone, children[0]).tap()
    panel = _panel(phone, children[0])
    expect(panel).to_be_visible()
    panel.get_by_role("button", name="Zelfstandig naar huis").tap()
    expect(panel.get_by_role("alert").filter(has_text="mag niet zelfstandig naar huis")).to_be_visible()
    panel.get_by_role("button", name="Sluiten").tap()
    expect(panel).to_be_hidden()
    expect(_tile(phone, children[0])).to_have_attribute("data-status", "aanwezig")

    # Afgemeld with a reason.
    phone.get_by_role("button", name=f"Opties voor {names[20]}").tap()
    panel = _panel(phone, children[20])
    expect(panel).to_be_visible()
    panel.get_by_label("Reden van afmelding").fill("ziek")
    panel.get_by_role("button", name="Afgemeld", exact=True).tap()
    expect(panel).to_be_hidden()
    expect(_tile(phone, children[20])).to_have_attribute("data-status", "afgemeld")

    # Absent without notice creates the follow-up "ouder bellen".
    phone.get_by_role("button", name=f"Opties voor {names[21]}").tap()
    panel = _panel(phone, children[21])
    expect(panel).to_be_visible()
    panel.get_by_role("button", name="Afwezig zonder bericht").tap()
    expect(panel).to_be_hidden()
    expect(_tile(phone, children[21])).to_have_attribute("data-status", "afwezig")
    expect(phone.get_by_text(f"Ouder bellen: {names[21]}", exact=True)).to_be_visible()

    def check(db):
        ids = [c.id for c in children]
        events = db.exec(select(AttendanceEvent).where(AttendanceEvent.child_id.in_(ids),
                                                       AttendanceEvent.day == local_today())).all()
        kinds = [e.kind for e in events]
        follow = db.exec(select(FollowUp).where(FollowUp.child_id == children[21].id, FollowUp.status == "open")).all()
        return kinds, follow
    kinds, follow = with_db(app.database_url, check)
    assert kinds.count("aanwezig") == 20 and kinds.count("opgehaald") == 1
    assert kinds.count("zelfstandig") == 0 and kinds.count("afgemeld") == 1 and kinds.count("afwezig") == 1
    assert len(follow) == 1


def test_two_devices_see_each_other_within_two_seconds(new_context, app):
    location, worker, children = _setup_day(app, 30)
    other_worker = with_db(app.database_url, lambda db: db.exec(
        select(StaffUser).join(StaffLocation, StaffLocation.staff_id == StaffUser.id)
        .where(StaffLocation.location_id == location.id, StaffUser.id != worker.id,
               StaffUser.role.in_(["kinderwerker", "aandachtsfunctionaris"]), StaffUser.is_demo.is_(True))
        .order_by(StaffUser.id)).first())
    a = new_context("phone").new_page()
    b = new_context("phone").new_page()
    login(a, worker.email)
    login(b, other_worker.email)
    name = children[25]
    for page in (a, b):
        page.goto(f"/huiskamer/{location.id}")
        wait_ready(page, _tile(page, name))
    expect(_tile(b, name)).to_have_attribute("data-status", "verwacht")
    _tile(a, name).tap()
    expect(_tile(a, name)).to_have_attribute("data-status", "aanwezig")
    expect(_tile(b, name)).to_have_attribute("data-status", "aanwezig", timeout=2000)
    # And back the other way.
    name2 = children[26]
    _tile(b, name2).tap()
    expect(_tile(a, name2)).to_have_attribute("data-status", "aanwezig", timeout=2000)


def test_a_closed_tab_stops_watching(new_context, app):
    """A huiskamer screen watches for other phones' taps; when its tab is closed the watch ends
    (within a minute or so) instead of polling the database for the rest of the day. The app's
    health check reports how many watches run."""
    import httpx

    location, worker, _ = _setup_day(app, 3)

    def watches() -> int:
        return httpx.get(f"{app.base_url}/api/health", timeout=30).json()["live_watches"]

    def wait_for(check, what: str, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while not check():
            assert time.monotonic() < deadline, what
            time.sleep(1)

    page = new_context("phone").new_page()
    login(page, worker.email)
    page.goto(f"/huiskamer/{location.id}")
    wait_ready(page, page.get_by_role("heading", name=location.name, level=1))
    wait_for(lambda: watches() >= 1, "the open huiskamer screen watches", 60)
    page.close()
    wait_for(lambda: watches() == 0, "the closed tab's watch ended", 180)
