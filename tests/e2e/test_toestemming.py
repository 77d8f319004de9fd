"""Toestemmingen at phone size: a kinderwerker records a parent's consent for photos and withdraws it;
the child's page shows both, with who and when."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from kinderwerk_pwa.domain.common.clock import format_day, local_today
from kinderwerk_pwa.models import Child, ChildLocation, Consent, Guardian, StaffLocation, StaffUser

from .helpers import login, wait_ready, with_db

pytestmark = pytest.mark.e2e


def _worker_child_guardian(app):
    """A demo kinderwerker, an active child of her location with a family, and its first guardian."""
    def find(db):
        worker = db.exec(select(StaffUser).where(StaffUser.role == "kinderwerker", StaffUser.is_demo.is_(True))
                         .order_by(StaffUser.id)).first()
        locations = db.exec(select(StaffLocation.location_id).where(StaffLocation.staff_id == worker.id)).all()
        child = db.exec(select(Child).join(ChildLocation, ChildLocation.child_id == Child.id)
                        .where(ChildLocation.location_id.in_(locations), Child.family_id.is_not(None),
                               Child.status == "actief").order_by(Child.id.desc())).first()
        guardian = db.exec(select(Guardian).where(Guardian.family_id == child.family_id).order_by(Guardian.id)).first()
        return worker, child, guardian
    return with_db(app.database_url, find)


def test_record_a_photo_consent_and_withdraw_it(phone, app):
    worker, child, guardian = _worker_child_guardian(app)
    today = format_day(local_today())
    login(phone, worker.email)
    phone.goto(f"/kind/{child.id}")
    wait_ready(phone, phone.get_by_role("heading", name=child.full_name, level=1))
    phone.get_by_role("link", name="Toestemming vastleggen of intrekken").tap()
    wait_ready(phone, phone.get_by_role("heading", name="Toestemmingen", level=1))

    # Record: photos, yes, from the first parent, today (the date is filled in already).
    phone.get_by_label("Waarvoor?").select_option("foto")
    phone.get_by_label("Ja, geeft toestemming").check()
    phone.get_by_label("Van wie (ouder of verzorger)?").select_option(str(guardian.id))
    expect(phone.get_by_label("Datum waarop de ouder het zei")).to_have_value(local_today().isoformat())
    phone.get_by_role("button", name="Toestemming opslaan").tap()
    expect(phone.get_by_role("status")).to_contain_text("Opgeslagen: Foto's.")
    now_list = phone.get_by_role("list", name="Zo staat het nu")
    photo = now_list.locator('li[data-consent="foto"]')
    expect(photo).to_contain_text(f"Ja — van {guardian.name}, {today}")
    expect(photo).to_contain_text(re.compile(rf"Vastgelegd door {re.escape(worker.name)} op .*\d\d:\d\d"))

    # Withdraw it: the same parent, today.
    photo.get_by_role("button", name="Intrekken: Foto's").tap()
    phone.get_by_label("Ingetrokken door (ouder of verzorger)").select_option(str(guardian.id))
    expect(phone.get_by_label("Datum van intrekken")).to_have_value(local_today().isoformat())
    phone.get_by_role("button", name="Intrekking opslaan").tap()
    expect(phone.get_by_role("status")).to_contain_text("Ingetrokken: Foto's.")
    expect(photo.get_by_text("Ingetrokken", exact=True)).to_be_visible()

    # The child's page shows the consent and its withdrawal, with who and when.
    phone.get_by_role("link", name=f"Terug naar het kind: {child.full_name}").tap()
    wait_ready(phone, phone.get_by_role("heading", name=child.full_name, level=1))
    shown = phone.get_by_role("list", name="Zo staat het nu").locator('li[data-consent="foto"]')
    expect(shown).to_be_visible()
    expect(shown.get_by_text("Ingetrokken", exact=True)).to_be_visible()
    expect(shown).to_contain_text(f"Ja — van {guardian.name}, {today}")
    expect(shown).to_contain_text(re.compile(rf"Vastgelegd door {re.escape(worker.name)} op .*\d\d:\d\d"))
    expect(shown).to_contain_text(f"Ingetrokken op {today} door {guardian.name}")
    expect(shown).to_contain_text(f"Intrekking vastgelegd door {worker.name} op ")
    phone.screens.shot(phone, "kind-toestemming-ingetrokken")

    rows = with_db(app.database_url, lambda db: db.exec(
        select(Consent).where(Consent.child_id == child.id, Consent.kind == "foto", Consent.withdrawn_on.is_not(None),
                              Consent.recorded_by_id == worker.id)).all())
    assert len(rows) == 1
    row = rows[0]
    assert (row.given, row.guardian_id, row.withdrawn_guardian_id, row.withdrawn_recorded_by_id) == (
        True, guardian.id, guardian.id, worker.id)
    assert row.given_on == row.withdrawn_on == local_today()


def test_the_privacy_officer_sees_the_bewaartermijnen(desktop, app):
    officer = with_db(app.database_url, lambda db: db.exec(select(StaffUser).where(
        StaffUser.role == "privacy", StaffUser.is_demo.is_(True)).order_by(StaffUser.id)).first())
    login(desktop, officer.email, database_url=app.database_url)
    desktop.goto("/meer")
    wait_ready(desktop, desktop.get_by_role("heading", name="Meer", level=1))
    desktop.get_by_role("link", name="Bewaartermijnen en verzoeken").click()
    wait_ready(desktop, desktop.get_by_role("heading", name="Bewaartermijnen en verzoeken", level=1))
    terms = desktop.get_by_role("table")
    expect(terms.get_by_role("row", name=re.compile("Signalen zonder meldcodetraject"))).to_contain_text("1 jaar")
    expect(terms.get_by_role("row", name=re.compile("Meldcodetrajecten"))).to_contain_text("tot het kind 18 is")
    expect(desktop.get_by_role("heading", name="Te verwijderen of te anonimiseren", level=2)).to_be_visible()
    expect(desktop.get_by_label("Zoek het kind (naam)")).to_be_visible()
