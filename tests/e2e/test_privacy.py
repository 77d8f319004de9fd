"""The privacy officer (desktop) opens the logboek and filters it by one child: she sees who read the
child's record and who was refused, narrows it to the refusals, and her reading is logged."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from kinderwerk_pwa.models import AuditEvent, Child, ChildLocation, StaffLocation, StaffUser

from .helpers import demo_user, login, wait_ready, with_db

pytestmark = pytest.mark.e2e


def _child_and_two_workers(db):
    """A demo child, a kinderwerker of one of its locations and one who works elsewhere only."""
    workers = db.exec(select(StaffUser).where(StaffUser.role == "kinderwerker", StaffUser.is_demo.is_(True))
                      .order_by(StaffUser.id)).all()
    places = {w.id: set(db.exec(select(StaffLocation.location_id).where(StaffLocation.staff_id == w.id)).all())
              for w in workers}
    for child in db.exec(select(Child).order_by(Child.id)).all():
        known = set(db.exec(select(ChildLocation.location_id).where(ChildLocation.child_id == child.id)).all())
        own = next((w for w in workers if places[w.id] & known), None)
        elsewhere = next((w for w in workers if not places[w.id] & known), None)
        if own and elsewhere:
            return child, own, elsewhere
    raise AssertionError("no demo child with a worker of its own and one from elsewhere")


def test_privacy_officer_filters_the_logboek_by_a_child(desktop, app):
    officer = demo_user(app.database_url, "privacy")

    def prepare(db):
        child, own, elsewhere = _child_and_two_workers(db)
        db.add_all([
            AuditEvent(actor_id=own.id, actor_role="kinderwerker", action="kind.dossier_gelezen",
                       object_type="kind", object_id=str(child.id), child_id=child.id, outcome="toegestaan"),
            AuditEvent(actor_id=elsewhere.id, actor_role="kinderwerker", action="kind.lezen",
                       object_type="kind", object_id=str(child.id), child_id=child.id, outcome="geweigerd"),
        ])
        db.commit()
        return child.id, child.full_name, own.name, elsewhere.name

    child_id, child_name, own_name, elsewhere_name = with_db(app.database_url, prepare)

    login(desktop, officer.email, database_url=app.database_url)
    desktop.goto("/privacy/logboek")
    wait_ready(desktop, desktop.get_by_role("heading", name="Logboek", level=1))

    desktop.get_by_label("Zoek een kind (naam of nummer)").fill(child_name)
    desktop.get_by_role("button", name="Kind zoeken").click()
    hit = desktop.locator(".kw-card").filter(has_text=f"nr. {child_id} ·")
    hit.get_by_role("button", name=f"Kiezen {child_name}").click()
    expect(desktop.locator("#logboek-kind")).to_contain_text(child_name)

    rows = desktop.get_by_role("row")
    expect(rows.filter(has_text="kind.dossier_gelezen")).to_contain_text(own_name)
    refused = rows.filter(has_text=elsewhere_name)
    expect(refused).to_contain_text("Geweigerd")
    expect(refused).to_contain_text(child_name)

    # Other tests share this app and may have been refused on the same demo child: the expected
    # figures come from the database, not from an assumption that ours is the only refusal.
    refusals = with_db(app.database_url, lambda db: db.exec(select(AuditEvent).where(
        AuditEvent.child_id == child_id, AuditEvent.outcome == "geweigerd")).all())
    elsewhere_id = with_db(app.database_url, lambda db: db.exec(
        select(StaffUser.id).where(StaffUser.name == elsewhere_name)).first())
    by_elsewhere = [e for e in refusals if e.actor_id == elsewhere_id and e.action == "kind.lezen"]
    desktop.get_by_label("Uitkomst").select_option("geweigerd")
    desktop.get_by_role("button", name="Zoeken", exact=True).click()
    expect(rows.filter(has_text="kind.dossier_gelezen")).to_have_count(0)
    expect(rows.filter(has_text=elsewhere_name).filter(has_text="kind.lezen")).to_have_count(len(by_elsewhere))
    expect(desktop.get_by_role("status")).to_contain_text(f"Gevonden: {len(refusals)} ·")

    reads = with_db(app.database_url, lambda db: db.exec(select(AuditEvent).where(
        AuditEvent.action == "audit.gelezen", AuditEvent.actor_id == officer.id,
        AuditEvent.child_id == child_id)).all())
    assert len(reads) >= 2 and any("uitkomst=geweigerd" in r.detail for r in reads)


def test_privacy_officer_downloads_an_inzage(desktop, app):
    officer = demo_user(app.database_url, "privacy")
    child_id, child_name = with_db(app.database_url, lambda db: (lambda c: (c.id, c.full_name))(
        db.exec(select(Child).where(Child.family_id.is_not(None)).order_by(Child.id)).first()))
    login(desktop, officer.email, database_url=app.database_url)
    desktop.goto("/privacy/inzage")
    wait_ready(desktop, desktop.get_by_role("heading", name="Inzageverzoek", level=1))
    desktop.get_by_label("Zoek een kind (naam of nummer)").fill(str(child_id))
    desktop.get_by_role("button", name="Kind zoeken").click()
    desktop.get_by_role("button", name=f"Kiezen {child_name}").click()
    expect(desktop.get_by_role("heading", name=child_name)).to_be_visible()
    expect(desktop.get_by_text("Gezin en ouders/verzorgers: ")).to_be_visible()
    with desktop.expect_download() as download:
        desktop.get_by_role("button", name="Download inzage (PDF)").click()
    assert download.value.suggested_filename.startswith(f"inzage-kind-{child_id}-")
    assert open(download.value.path(), "rb").read(5) == b"%PDF-"
    made = with_db(app.database_url, lambda db: db.exec(select(AuditEvent).where(
        AuditEvent.action == "inzage.gemaakt", AuditEvent.actor_id == officer.id,
        AuditEvent.child_id == child_id)).all())
    assert len(made) == 1 and made[0].detail.startswith("formaat=pdf;")
