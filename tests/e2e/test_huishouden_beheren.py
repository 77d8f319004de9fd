"""Managing a child's households on the child's page at phone size (390x844, issue 16.3): a
kinderwerker adds the father's household with its first guardian through the form and sees both
cards; an empty name is refused in Dutch and stores nothing. She marks the father "mag niet
ophalen" with a reason (an empty reason is refused, nothing stored); the child's page and the
huiskamer check-out panel warn. "Mag weer ophalen" undoes it. axe-core and the tap targets."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from kinderwerk_pwa.domain.common.clock import local_today
from kinderwerk_pwa.models import (
    Child,
    ChildHousehold,
    ChildLocation,
    Enrolment,
    Family,
    Guardian,
    StaffLocation,
    StaffUser,
)

from .helpers import login, wait_ready, with_db
from .test_toegankelijkheid import axe_source  # noqa: F401 (fixture)
from .test_twee_huishoudens import _axe, _shot

pytestmark = pytest.mark.e2e

FATHER = "Ruben de Wit"
HOUSEHOLD = "Gezin Ruben de Wit"
REASON = "rechterlijke uitspraak"


def _setup(app):
    """A demo child with one household, expected today at a huiskamer with a demo kinderwerker.
    Returns (location id, worker, child, main household name)."""
    today = local_today()

    def setup(db):
        linked = select(ChildHousehold.child_id)
        workers = db.exec(select(StaffUser, StaffLocation.location_id)
                          .join(StaffLocation, StaffLocation.staff_id == StaffUser.id)
                          .where(StaffUser.role == "kinderwerker", StaffUser.is_demo.is_(True),
                                 StaffUser.active.is_(True)).order_by(StaffUser.id)).all()
        for row in workers:
            worker, location_id = row
            child = db.exec(select(Child).join(ChildLocation, ChildLocation.child_id == Child.id)
                            .where(ChildLocation.location_id == location_id, Child.family_id.is_not(None),
                                   Child.anonymised_at.is_(None), Child.id.not_in(linked))
                            .order_by(Child.id.desc())).first()
            if child is not None:
                break
        db.add(Enrolment(child_id=child.id, location_id=location_id, weekdays=str(today.isoweekday()),
                         start_date=date(today.year, 1, 1)))
        main = db.get(Family, child.family_id).name
        db.commit()
        return location_id, worker, child, main
    return with_db(app.database_url, setup)


def _state(app, child_id: int):
    """(number of further households, the father's (may_collect, collect_note) or None)."""
    def read(db):
        links = db.exec(select(ChildHousehold).where(ChildHousehold.child_id == child_id)).all()
        father = db.exec(select(Guardian).where(Guardian.name == FATHER)).first()
        return len(links), (father.may_collect, father.collect_note) if father else None
    return with_db(app.database_url, read)


def test_add_a_household_and_bar_its_guardian(phone, app, axe_source):  # noqa: F811 (the fixture)
    location_id, worker, child, main = _setup(app)
    login(phone, worker.email)
    phone.goto(f"/kind/{child.id}")
    wait_ready(phone, phone.get_by_role("heading", name=child.full_name, level=1))
    expect(phone.get_by_role("heading", name=main, level=3)).to_be_visible()

    # Add the father's household; first without the guardian's name: refused at the field.
    phone.get_by_text("Huishouden toevoegen", exact=True).tap()
    phone.get_by_label("Naam van het huishouden (bijvoorbeeld Gezin Kees Jansen)").fill(HOUSEHOLD)
    phone.get_by_label("Adres", exact=True).fill("Knikkerpad 12, Almere")
    phone.get_by_label("Relatie tot het kind (bijvoorbeeld vader, moeder, verzorger)").fill("vader")
    phone.get_by_label("Telefoonnummer van de ouder of verzorger").fill("06-33334444")
    phone.get_by_role("button", name="Huishouden opslaan").tap()
    expect(phone.get_by_role("alert").filter(has_text="Vul de naam in.")).to_be_visible()
    phone.screenshot(path=str(_shot("huishouden-toevoegen-fout")), full_page=False)
    assert _state(app, child.id) == (0, None)
    phone.get_by_label("Naam van de ouder of verzorger").fill(FATHER)
    phone.get_by_role("button", name="Huishouden opslaan").tap()
    card = phone.locator(".kw-huishouden").filter(has=phone.get_by_role("heading", name=HOUSEHOLD, level=3))
    expect(card).to_be_visible()
    expect(phone.get_by_role("heading", name=main, level=3)).to_be_visible()
    expect(card).to_contain_text(f"{FATHER} (vader)")
    expect(card).to_contain_text("ook thuis")
    expect(card).to_contain_text("Knikkerpad 12, Almere")
    assert _state(app, child.id) == (1, (True, ""))
    expect(phone.get_by_role("button", name="Huishouden opslaan")).to_be_hidden()  # the form closed
    _axe(phone, axe_source, "kindpagina met twee huishoudens")

    # Mark the father "mag niet ophalen": without a reason refused, nothing stored.
    father = card.locator(".kw-ouder").filter(has_text=FATHER)
    father.get_by_text("Mag niet ophalen vastleggen", exact=True).tap()
    father.get_by_role("button", name="Opslaan: mag niet ophalen").tap()
    expect(father.get_by_role("alert")).to_have_text("Vul de reden in, bijvoorbeeld: rechterlijke uitspraak.")
    assert _state(app, child.id) == (1, (True, ""))
    phone.screenshot(path=str(_shot("huishouden-niet-ophalen-fout")), full_page=False)
    father.get_by_label("Reden (bijvoorbeeld rechterlijke uitspraak)").fill(REASON)
    father.get_by_role("button", name="Opslaan: mag niet ophalen").tap()
    expect(card.get_by_text(f"mag niet ophalen ({REASON})")).to_be_visible()
    warning = f"Let op: {FATHER} (vader) mag {child.first_name} niet ophalen ({REASON})."
    expect(phone.get_by_role("alert").filter(has_text=warning)).to_be_visible()
    expect(card.get_by_role("button", name=f"Mag weer ophalen: {FATHER} (vader)")).to_be_visible()
    assert _state(app, child.id) == (1, (False, REASON))
    expect(father.get_by_role("button", name="Opslaan: mag niet ophalen")).to_be_hidden()
    phone.screenshot(path=str(_shot("huishouden-niet-ophalen")), full_page=True)
    _axe(phone, axe_source, "kindpagina, vader mag niet ophalen")

    # The huiskamer check-out panel warns.
    phone.goto(f"/huiskamer/{location_id}")
    tile = phone.locator(f'button[data-child-id="{child.id}"]')
    wait_ready(phone, tile)
    expect(tile).to_contain_text("Let op bij ophalen")
    tile.tap()
    expect(tile).to_have_attribute("data-status", "aanwezig")
    tile.tap()
    panel = phone.get_by_role("dialog", name=child.full_name)
    expect(panel.get_by_role("alert").filter(has_text=warning)).to_be_visible()
    phone.screenshot(path=str(_shot("huishouden-paneel-waarschuwing")), full_page=False)
    panel.get_by_role("button", name="Sluiten").tap()

    # Undo: the father may collect again, the warning is gone.
    phone.goto(f"/kind/{child.id}")
    wait_ready(phone, phone.get_by_role("heading", name=child.full_name, level=1))
    phone.get_by_role("button", name=f"Mag weer ophalen: {FATHER} (vader)").tap()
    expect(phone.get_by_role("alert").filter(has_text=warning)).to_have_count(0)
    expect(card.get_by_text("Mag niet ophalen vastleggen", exact=True)).to_be_visible()
    assert _state(app, child.id) == (1, (True, ""))


SISTER_HOME = "Gezin Kees Vermeulen"


def test_link_the_household_of_a_sister(phone, app, axe_source):  # noqa: F811 (the fixture)
    """The child's half-sister at the same huiskamer lives with her father: the kinderwerker links
    that known household instead of typing it again; without a choice she is asked to choose."""
    location_id, worker, child, main = _setup(app)

    def add_sister(db):
        family = Family(organisation_id=child.organisation_id, name=SISTER_HOME, address="Vlinderhof 3, Almere")
        db.add(family)
        db.flush()
        db.add(Guardian(family_id=family.id, name="Kees Vermeulen", relation="vader", phone="06-44445555"))
        sister = Child(organisation_id=child.organisation_id, family_id=family.id, first_name="Lina",
                       last_name="Vermeulen", date_of_birth=date(2018, 4, 4), status="actief")
        db.add(sister)
        db.flush()
        db.add(ChildLocation(child_id=sister.id, location_id=location_id))
        db.commit()
    with_db(app.database_url, add_sister)
    login(phone, worker.email)
    phone.goto(f"/kind/{child.id}")
    wait_ready(phone, phone.get_by_role("heading", name=child.full_name, level=1))

    phone.get_by_text("Bestaand huishouden koppelen", exact=True).tap()
    phone.get_by_role("button", name="Koppelen", exact=True).tap()
    expect(phone.get_by_role("alert").filter(has_text="Kies het huishouden dat je wilt koppelen.")).to_be_visible()
    assert _state(app, child.id)[0] == 0
    phone.get_by_label("Huishouden van een broer of zus").select_option(label=f"{SISTER_HOME} (Lina)")
    phone.get_by_role("button", name="Koppelen", exact=True).tap()
    card = phone.locator(".kw-huishouden").filter(has=phone.get_by_role("heading", name=SISTER_HOME, level=3))
    expect(card).to_contain_text("Kees Vermeulen (vader)")
    expect(card).to_contain_text("ook thuis")
    expect(phone.get_by_role("heading", name=main, level=3)).to_be_visible()
    assert _state(app, child.id)[0] == 1
    # Linked, it is no longer offered (other households of children there may still be).
    expect(phone.locator("#huishouden-koppelen option", has_text=SISTER_HOME)).to_have_count(0)
    phone.screenshot(path=str(_shot("huishouden-gekoppeld")), full_page=True)
    _axe(phone, axe_source, "kindpagina, bestaand huishouden gekoppeld")
