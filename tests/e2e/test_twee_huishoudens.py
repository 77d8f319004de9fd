"""Two households at phone size (390x844, issue 16.3/16.4), on the demo data: a child whose father
lives apart, collected by oma whom the father allowed (the panel shows who allowed it); someone no
guardian allowed is refused; a father barred from collecting (a court order) gives a warning on
the tile and in the panel and is refused. The child's page shows both households. axe-core and
the tap targets on the panel and the child's page."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from kinderwerk_pwa.domain.common.clock import local_today
from kinderwerk_pwa.models import (
    AttendanceEvent,
    Child,
    ChildHousehold,
    ChildLocation,
    Enrolment,
    Family,
    Guardian,
    PickupPerson,
    StaffLocation,
    StaffUser,
)

from .helpers import login, wait_ready, with_db
from .test_toegankelijkheid import AXE_RUN, AXE_TAGS, TAP_SCAN, axe_source  # noqa: F401 (fixture)

pytestmark = pytest.mark.e2e

def _setup(app):
    """Two demo children with a second household, both expected today at one huiskamer: one whose
    father allowed oma, one whose father may not collect. Returns (location id, worker, allowed
    child, its father, oma, barred child, its barred father, its main household name)."""
    today = local_today()

    def setup(db):
        links = db.exec(select(ChildHousehold).order_by(ChildHousehold.child_id)).all()
        fathers = {g.family_id: g for g in db.exec(select(Guardian).where(
            Guardian.family_id.in_({link.family_id for link in links}))).all()}
        barred = next(link for link in links if not fathers[link.family_id].may_collect)
        allowed = next(link for link in links if fathers[link.family_id].may_collect)
        oma = db.exec(select(PickupPerson).where(PickupPerson.child_id == allowed.child_id,
                                                 PickupPerson.allowed_by_guardian_id
                                                 == fathers[allowed.family_id].id)).first()
        barred_child, allowed_child = db.get(Child, barred.child_id), db.get(Child, allowed.child_id)
        location_id = db.exec(select(Enrolment.location_id).where(Enrolment.child_id == barred_child.id)
                              .order_by(Enrolment.id.desc())).first()
        for child in (barred_child, allowed_child):
            if db.get(ChildLocation, (child.id, location_id)) is None:
                db.add(ChildLocation(child_id=child.id, location_id=location_id))
            db.add(Enrolment(child_id=child.id, location_id=location_id, weekdays=str(today.isoweekday()),
                             start_date=date(today.year, 1, 1)))
        worker = db.exec(select(StaffUser).join(StaffLocation, StaffLocation.staff_id == StaffUser.id)
                         .where(StaffLocation.location_id == location_id, StaffUser.role == "kinderwerker",
                                StaffUser.is_demo.is_(True), StaffUser.active.is_(True))
                         .order_by(StaffUser.id)).first()
        main = db.get(Family, barred_child.family_id).name
        db.commit()
        return (location_id, worker, allowed_child, fathers[allowed.family_id], oma, barred_child,
                fathers[barred.family_id], main)
    return with_db(app.database_url, setup)


def _axe(page, source: str, label: str) -> None:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(source)
    serious = page.evaluate(AXE_RUN, AXE_TAGS)
    assert serious == [], f"axe-core op {label}: {serious}"
    small = page.evaluate(TAP_SCAN)
    assert small == [], f"te kleine tikdoelen op {label}: {small}"


def test_two_households_at_check_out(phone, app, axe_source):  # noqa: F811 (the fixture)
    """At phone size (the `phone` fixture: 390x844)."""
    location_id, worker, child, father, oma, barred_child, barred_father, main = _setup(app)
    assert oma is not None
    login(phone, worker.email)
    phone.goto(f"/huiskamer/{location_id}")
    wait_ready(phone, phone.locator(f'button[data-child-id="{child.id}"]'))

    # The barred father: the tile warns once the child is checked in, and so does the panel.
    tile = phone.locator(f'button[data-child-id="{barred_child.id}"]')
    expect(tile).to_contain_text("Let op bij ophalen")
    tile.tap()
    expect(tile).to_have_attribute("data-status", "aanwezig")
    tile.tap()
    panel = phone.get_by_role("dialog", name=barred_child.full_name)
    expect(panel).to_be_visible()
    warning = (f"Let op: {barred_father.name} (vader) mag {barred_child.first_name} niet ophalen "
               "(rechterlijke uitspraak).")
    expect(panel.get_by_role("alert").filter(has_text=warning)).to_be_visible()
    expect(panel.get_by_role("button", name=barred_father.name, exact=True)).to_have_count(0)
    phone.screenshot(path=str(_shot("twee-huishoudens-paneel-waarschuwing")), full_page=False)
    _axe(phone, axe_source, "paneel met waarschuwing")
    # Typing the barred father's name: refused with the warning, nothing stored.
    panel.get_by_label("Iemand anders (naam)").fill(barred_father.name)
    panel.get_by_role("button", name="Opgehaald", exact=True).tap()
    expect(panel.get_by_role("alert").filter(has_text="niet ophalen")).to_have_count(2)
    # Someone no guardian allowed: refused with a clear message.
    panel.get_by_label("Iemand anders (naam)").fill("Buurman Piet")
    panel.get_by_role("button", name="Opgehaald", exact=True).tap()
    expect(panel.get_by_role("alert").filter(
        has_text="Buurman Piet mag " + barred_child.first_name + " niet ophalen: geen ouder of verzorger")
    ).to_be_visible()
    panel.get_by_role("button", name="Sluiten").tap()
    expect(panel).to_be_hidden()
    expect(tile).to_have_attribute("data-status", "aanwezig")

    # Oma, allowed by the father of the other household: accepted, and the panel says who allowed it.
    tile = phone.locator(f'button[data-child-id="{child.id}"]')
    tile.tap()
    expect(tile).to_have_attribute("data-status", "aanwezig")
    tile.tap()
    panel = phone.get_by_role("dialog", name=child.full_name)
    expect(panel).to_be_visible()
    expect(panel.get_by_text(re.compile(
        rf"^{re.escape(oma.name)} \(.*\) — toestemming van {re.escape(father.name)} \(vader\)"))).to_be_visible()
    phone.screenshot(path=str(_shot("twee-huishoudens-paneel-ophalen")), full_page=False)
    _axe(phone, axe_source, "paneel ophalen")
    panel.get_by_role("button", name=oma.name, exact=True).tap()
    expect(panel).to_be_hidden()
    expect(tile).to_have_attribute("data-status", "opgehaald")
    expect(tile).to_contain_text(oma.name)

    # The child's page shows both households, the barred father marked.
    phone.goto(f"/kind/{barred_child.id}")
    wait_ready(phone, phone.get_by_role("heading", name=barred_child.full_name, level=1))
    expect(phone.get_by_role("heading", name=main, level=3)).to_be_visible()
    expect(phone.get_by_role("heading", name=f"Gezin {barred_father.name}", level=3)).to_be_visible()
    expect(phone.get_by_text("mag niet ophalen (rechterlijke uitspraak)")).to_be_visible()
    # A pick-up person is added with who allowed it; the barred father cannot be chosen.
    phone.get_by_text("Ophaler toevoegen").tap()
    choice = phone.get_by_label("Toestemming van (ouder met gezag)")
    expect(choice.locator("option")).to_have_count(2)  # "Kies ..." and the mother
    phone.get_by_label("Naam van de ophaler").fill("Tante Noor")
    phone.get_by_label("Relatie tot het kind (bijvoorbeeld oma, buurvrouw)").fill("tante")
    choice.select_option(index=1)
    mother = choice.locator("option").nth(1).text_content()
    phone.get_by_role("button", name="Ophaler opslaan").tap()
    expect(phone.get_by_text(re.compile(rf"^Tante Noor \(tante\) — toestemming van {re.escape(mother)}"))).to_be_visible()
    phone.screenshot(path=str(_shot("twee-huishoudens-kind")), full_page=True)
    _axe(phone, axe_source, "kindpagina")

    def check(db):
        return db.exec(select(AttendanceEvent).where(AttendanceEvent.kind == "opgehaald",
                                                     AttendanceEvent.day == local_today(),
                                                     AttendanceEvent.child_id.in_([child.id, barred_child.id]))).all()
    events = with_db(app.database_url, check)
    assert [(e.child_id, e.picked_up_by) for e in events] == [(child.id, oma.name)]


def _shot(name: str):
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{name}.png"
