"""The app shell at phone and desktop size: Dutch navigation, lang="nl", the Vandaag home page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlmodel import Session, select

from kinderwerk_pwa.db import make_engine
from kinderwerk_pwa.models import Location, StaffLocation

from .helpers import demo_user, login, wait_ready

pytestmark = pytest.mark.e2e

NAV_LABELS = ["Vandaag", "Signaal", "Gesprekken", "Kinderen", "Meer"]


def _own_location_names(database_url: str, staff_id: int) -> list[str]:
    engine = make_engine(database_url)
    with Session(engine) as db:
        names = db.exec(select(Location.name).join(StaffLocation, StaffLocation.location_id == Location.id)
                        .where(StaffLocation.staff_id == staff_id)).all()
    engine.dispose()
    return list(names)


def test_not_logged_in_goes_to_login(phone):
    phone.goto("/kinderen")
    phone.wait_for_url("**/login**")
    expect(phone.get_by_role("heading", name="Inloggen")).to_be_visible()
    assert phone.locator("html").get_attribute("lang") == "nl"


def test_phone_navigation_and_vandaag(phone, app):
    user = demo_user(app.database_url, "kinderwerker")
    login(phone, user.email)
    assert phone.locator("html").get_attribute("lang") == "nl"
    nav = phone.get_by_role("navigation", name="Hoofdmenu")
    expect(nav).to_have_count(1)  # only the bottom bar is shown on a phone
    box = nav.bounding_box()
    assert box["y"] + box["height"] >= 844 - 2, "bottom navigation sits at the bottom of the screen"
    for label in NAV_LABELS:
        link = nav.get_by_role("link", name=label)
        expect(link).to_be_visible()
        link_box = link.bounding_box()
        assert link_box["height"] >= 44 and link_box["width"] >= 44, f"tap target {label} too small"
    # Vandaag shows this user's own locations and no others.
    own = _own_location_names(app.database_url, user.id)
    assert own
    for name in own:
        expect(phone.get_by_role("heading", name=name)).to_be_visible()
    # Navigate by tapping.
    nav.get_by_role("link", name="Kinderen").tap()
    expect(phone.get_by_role("heading", name="Kinderen", level=1)).to_be_visible()
    wait_ready(phone)
    expect(phone.get_by_label("Zoek een kind")).to_be_visible()
    nav.get_by_role("link", name="Meer").tap()
    expect(phone.get_by_role("button", name="Uitloggen")).to_be_visible()


def test_desktop_sidebar(desktop, app):
    user = demo_user(app.database_url, "teamleider")
    login(desktop, user.email, database_url=app.database_url)
    nav = desktop.get_by_role("navigation", name="Hoofdmenu")
    expect(nav).to_have_count(1)  # only the sidebar is shown on a desktop
    box = nav.bounding_box()
    assert box["x"] == 0 and box["height"] >= 800 and box["width"] < 400, "sidebar on the left"
    for label in NAV_LABELS:
        expect(nav.get_by_role("link", name=label)).to_be_visible()
    expect(nav.get_by_text("Teamleider")).to_be_visible()
