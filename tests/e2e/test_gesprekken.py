"""Oudergesprekken at phone size: a note with two agreements (one overdue) on Vandaag and in Mijn
afspraken until done; a note that completes meldcode step 3 and shows in the timeline; a referral
without consent refused."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from kinderwerk_pwa.domain.common.clock import format_moment, local_today
from kinderwerk_pwa.domain.signalering.meldcode import record_step, start_track
from kinderwerk_pwa.domain.signalering.signals import capture_signal
from kinderwerk_pwa.domain.toegang.actor import load_actor
from kinderwerk_pwa.models import (
    Agreement,
    Child,
    ChildLocation,
    Family,
    MeldcodeTrack,
    ReferralOut,
    StaffLocation,
    StaffUser,
    utcnow,
)

from .helpers import login, wait_ready, with_db

pytestmark = pytest.mark.e2e


def _worker_and_family(app, index: int):
    def find(db):
        worker = db.exec(select(StaffUser).where(StaffUser.role == "kinderwerker", StaffUser.is_demo.is_(True))
                         .order_by(StaffUser.id)).all()[index]
        locations = db.exec(select(StaffLocation.location_id).where(StaffLocation.staff_id == worker.id)).all()
        child = db.exec(select(Child).join(ChildLocation, ChildLocation.child_id == Child.id)
                        .where(ChildLocation.location_id.in_(locations), Child.family_id.is_not(None),
                               Child.status == "actief").order_by(Child.id)).all()[index]
        family = db.get(Family, child.family_id)
        return worker, child, family
    return with_db(app.database_url, find)


def _open_family(page, family):
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Gesprekken").tap()
    page.get_by_label("Zoek een gezin (naam van kind of gezin)").fill(family.name.split()[-1])
    page.get_by_role("link").filter(has_text=family.name).first.tap()
    expect(page.get_by_role("heading", name=family.name, level=1)).to_be_visible()


def test_note_with_two_agreements_overdue_one_until_done(phone, app):
    worker, child, family = _worker_and_family(app, 0)
    login(phone, worker.email)
    _open_family(phone, family)
    phone.get_by_role("button", name="Nieuw gesprek").tap()
    phone.get_by_role("group", name="Met wie (ouder/verzorger)?").get_by_role("checkbox").first.check()
    phone.get_by_role("group", name="Over welk kind?").get_by_label(child.full_name).check()
    phone.get_by_label("Soort gesprek").select_option("informeel")
    three_days_ago = local_today() - timedelta(days=3)
    phone.get_by_label("Wanneer").fill(f"{three_days_ago.isoformat()}T15:30")
    phone.get_by_label("Onderwerpen (komma's ertussen)").fill("huiswerk, bedtijd")
    phone.get_by_label("Samenvatting: wat is besproken? (feiten)").fill(
        "Moeder vertelde bij de deur dat het huiswerk niet lukt omdat er thuis geen rustige plek is.")
    phone.get_by_label("Wat is afgesproken?").nth(0).fill("Moeder belt de intern begeleider over huiswerkbegeleiding")
    phone.locator("#afspraak1-wie").select_option("ouder")
    phone.locator("#afspraak1-wanneer").fill((local_today() - timedelta(days=1)).isoformat())
    phone.get_by_label("Wat is afgesproken?").nth(1).fill("Kinderwerker zoekt een plek in de huiswerkklas")
    phone.locator("#afspraak2-wie").select_option("kinderwerker")
    phone.locator("#afspraak2-wanneer").fill((local_today() + timedelta(days=7)).isoformat())
    phone.get_by_role("button", name="Gesprek opslaan").tap()
    expect(phone.get_by_role("status")).to_contain_text("Gesprek opgeslagen")

    overdue_text = "Moeder belt de intern begeleider over huiswerkbegeleiding"
    # On Vandaag, behind the overdue count (issue 15) ...
    phone.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Vandaag").tap()
    today_list = phone.get_by_role("list", name="Afspraken te laat")
    phone.get_by_test_id("achterstallig").tap()
    expect(today_list.get_by_text(overdue_text)).to_be_visible()
    expect(today_list.get_by_text("te laat").first).to_be_visible()
    # ... and first in Mijn afspraken.
    phone.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Gesprekken").tap()
    mine = phone.get_by_role("list", name="Mijn afspraken")
    expect(mine.get_by_text(overdue_text)).to_be_visible()
    cards = mine.locator(".kw-card")
    texts_in_order = cards.all_inner_texts()
    mine_overdue = next(i for i, t in enumerate(texts_in_order) if overdue_text in t)
    mine_later = next(i for i, t in enumerate(texts_in_order) if "zoekt een plek in de huiswerkklas" in t)
    assert mine_overdue < mine_later, "overdue agreements come first"
    assert all(cards.nth(i).get_attribute("data-overdue") == "1" for i in range(mine_overdue + 1))
    mine.get_by_role("button", name=f"Gedaan: {overdue_text}").tap()
    expect(mine.get_by_text(overdue_text)).to_have_count(0)
    phone.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Vandaag").tap()
    wait_ready(phone)
    expect(phone.get_by_text(overdue_text)).to_have_count(0)
    statuses = with_db(app.database_url, lambda db: db.exec(
        select(Agreement.status).where(Agreement.description == overdue_text)).all())
    assert statuses == ["gedaan"]

    # A referral without the parent's consent is refused, nothing stored.
    _open_family(phone, family)
    phone.get_by_role("button", name="Doorverwijzen").tap()
    phone.get_by_label("Reden van doorverwijzing").fill("Huiswerkbegeleiding en opvoedsteun")
    phone.get_by_role("button", name="Doorverwijzing opslaan").tap()
    expect(phone.get_by_role("alert").filter(has_text="toestemming").first).to_be_visible()
    before = with_db(app.database_url, lambda db: len(db.exec(select(ReferralOut).where(
        ReferralOut.reason == "Huiswerkbegeleiding en opvoedsteun")).all()))
    assert before == 0


def test_note_completes_meldcode_step_three_and_shows_in_timeline(phone, app, monkeypatch):
    from kinderwerk_pwa.settings import reset_settings

    worker, child, family = _worker_and_family(app, 1)
    # The track is prepared through the domain, as the demo user: demo accounts act only in demo mode.
    monkeypatch.setenv("KINDERWERK_DEMO", "1")
    reset_settings()

    def make_track(db):
        actor = load_actor(db, worker.id)
        signal = capture_signal(actor, db, {
            "client_uuid": str(uuid.uuid4()), "child_id": child.id, "categories": ["thuissituatie"],
            "facts": "Vertelde dat er thuis veel ruzie is.", "source": "kind_vertelde"}).signal_id
        track_id = start_track(actor, db, signal, {"client_uuid": str(uuid.uuid4())})
        record_step(actor, db, track_id, {"client_uuid": str(uuid.uuid4()), "step_no": 2,
                                          "with_whom": "aandachtsfunctionaris", "conclusion": "Besproken."})
        return track_id
    track_id = with_db(app.database_url, make_track)
    monkeypatch.delenv("KINDERWERK_DEMO")
    reset_settings()
    login(phone, worker.email)
    _open_family(phone, family)
    phone.get_by_role("button", name="Nieuw gesprek").tap()
    phone.get_by_role("group", name="Met wie (ouder/verzorger)?").get_by_role("checkbox").first.check()
    phone.get_by_role("group", name="Over welk kind?").get_by_label(child.full_name).check()
    phone.get_by_label("Soort gesprek").select_option("zorg")
    phone.get_by_label("Samenvatting: wat is besproken? (feiten)").fill(
        "Zorgen besproken met moeder; zij herkent de spanning thuis en wil hulp van het wijkteam.")
    phone.get_by_label("Hoort bij meldcodetraject (optioneel)").select_option(str(track_id))
    phone.get_by_role("button", name="Gesprek opslaan").tap()
    expect(phone.get_by_role("status")).to_contain_text("Gesprek opgeslagen")
    assert with_db(app.database_url, lambda db: db.get(MeldcodeTrack, track_id).current_step) == 4
    phone.goto(f"/kind/{child.id}")
    wait_ready(phone)
    expect(phone.get_by_text("Oudergesprek: ").first).to_be_visible()
    # The demo data may hold an earlier step-3 conversation of this child: look for today's.
    today = format_moment(utcnow()).rsplit(" ", 1)[0]
    expect(phone.get_by_role("link", name="Meldcode stap 3: Gesprek met ouders (en kind)")
           .filter(has_text=today)).to_be_visible()
