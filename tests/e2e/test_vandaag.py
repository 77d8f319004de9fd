"""Vandaag in the order of a working day (issue 15): a kinderwerker at a huiskamer with children
expected today reaches the check-in in one tap, with the demo data's overdue agreements present;
the check-in is the first thing to act on in the page's main content, above the overdue items,
which are collapsed to a count that opens their list."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from kinderwerk_pwa.domain.common.clock import local_today
from kinderwerk_pwa.domain.gesprekken import conversations as conv
from kinderwerk_pwa.domain.gesprekken.referrals_out import overdue_feedback
from kinderwerk_pwa.domain.toegang.actor import Actor
from kinderwerk_pwa.models import Child, Guardian, StaffLocation, utcnow

from .helpers import login, wait_ready, with_db
from .test_huiskamer import _setup_day

pytestmark = pytest.mark.e2e

ACTIONABLE = ":is(a[href], button, summary, input, select, textarea, [tabindex]:not([tabindex='-1'])):visible"


def _overdue_of(app, worker, child) -> tuple[int, int]:
    """(overdue agreements, late feedback) on the worker's Vandaag; makes sure there is at least one
    overdue agreement (the demo data's own are kept: nothing is closed or removed)."""
    today = local_today()

    def count(db):
        # The worker as the app sees her (load_actor refuses demo accounts outside demo mode).
        locations = db.exec(select(StaffLocation.location_id).where(StaffLocation.staff_id == worker.id)).all()
        actor = Actor(id=worker.id, name=worker.name, role=worker.role, organisation_id=worker.organisation_id,
                      location_ids=frozenset(locations))
        overdue = [r for r in conv.due_agreements_today(actor, db, today) if r.due_date < today]
        if not overdue:
            guardian = db.exec(select(Guardian.id).where(Guardian.family_id == child.family_id)).first()
            location_id = next(iter(actor.location_ids))
            conv.record_conversation(actor, db, {
                "client_uuid": str(uuid.uuid4()), "family_id": child.family_id, "location_id": location_id,
                "guardian_ids": [guardian] if guardian else [], "child_ids": [child.id], "kind": "informeel",
                "held_at": (utcnow() - timedelta(days=10)).isoformat(), "facts": "Kort gesprek bij de deur.",
                "agreements": [{"description": "Kinderwerker belt moeder terug", "owner_kind": "kinderwerker",
                                "due_date": (today - timedelta(days=3)).isoformat()}]})
            overdue = [r for r in conv.due_agreements_today(actor, db, today) if r.due_date < today]
        return len(overdue), len(overdue_feedback(actor, db, today))
    return with_db(app.database_url, count)


def test_a_kinderwerker_reaches_the_check_in_in_one_tap(phone, app):
    location, worker, children = _setup_day(app, 6)
    child = with_db(app.database_url, lambda db: db.exec(
        select(Child).where(Child.id == children[0].id)).one())
    n_agreements, n_feedback = _overdue_of(app, worker, child)
    assert n_agreements > 0

    login(phone, worker.email)
    phone.goto("/")
    main = phone.locator("main")
    checkin = main.get_by_role("link", name=f"Inchecken: {location.name}")
    wait_ready(phone, checkin)

    # The first thing to act on in the main content is the check-in of today's huiskamer.
    first = main.locator(ACTIONABLE).first
    expect(first).to_have_attribute("href", f"/huiskamer/{location.id}")

    # Overdue items: collapsed to one count that opens their list, below the check-in.
    summary = main.get_by_test_id("achterstallig")
    expect(summary).to_have_text(f"Achterstallig ({n_agreements + n_feedback})")
    overdue_list = main.get_by_role("list", name="Afspraken te laat")
    expect(overdue_list).to_be_hidden()
    assert checkin.bounding_box()["y"] < summary.bounding_box()["y"], "the check-in comes before the overdue items"
    actionable = main.locator(ACTIONABLE)
    hrefs = [actionable.nth(i).get_attribute("href") for i in range(actionable.count())]
    assert hrefs.index(f"/huiskamer/{location.id}") < \
        next(i for i in range(actionable.count()) if actionable.nth(i).get_attribute("data-testid") == "achterstallig")
    phone.screens.shot(phone, "vandaag-werkdag")

    summary.tap()
    expect(overdue_list).to_be_visible()
    expect(overdue_list.get_by_role("listitem")).to_have_count(n_agreements)
    phone.screens.shot(phone, "vandaag-achterstallig-open")

    # One tap: the check-in of the huiskamer, its children's tiles ready.
    checkin.tap()
    phone.wait_for_url(f"**/huiskamer/{location.id}")
    wait_ready(phone, phone.locator(f'button[data-child-id="{children[0].id}"]'))
