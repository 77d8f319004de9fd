"""Signaal vastleggen on a phone, and one complete meldcode track by the roles that may do each step."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from kinderwerk_pwa.models import AuditEvent, MeldcodeTrack, Signal, StaffLocation, StaffUser

from .helpers import demo_user, login, wait_ready, with_db

pytestmark = pytest.mark.e2e


class Taps:
    """Counts every tap or click the test makes, so 'at most 4 taps' is measured, not assumed."""

    def __init__(self):
        self.count = 0

    def tap(self, locator):
        self.count += 1
        locator.tap()


def _signals_by(app, author_id):
    return with_db(app.database_url, lambda db: db.exec(
        select(Signal).where(Signal.author_id == author_id).order_by(Signal.id)).all())


def test_capture_known_child_in_four_taps(phone, app):
    user = demo_user(app.database_url, "kinderwerker")
    login(phone, user.email)
    before = len(_signals_by(app, user.id))
    taps = Taps()
    taps.tap(phone.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Signaal"))
    expect(phone.get_by_text("Recent gezien")).to_be_visible()
    first_child = phone.get_by_role("button").filter(has_text="jaar").first
    child_name = first_child.get_attribute("data-child-name")
    taps.tap(first_child)
    expect(phone.get_by_role("heading", name=child_name)).to_be_visible()
    taps.tap(phone.get_by_role("button", name="Verzorging / verwaarlozing"))
    # The cursor is already in "Wat zag of hoorde je?": just type.
    expect(phone.get_by_label("Wat zag of hoorde je?")).to_be_focused()
    phone.keyboard.type("Kwam zonder jas en zonder eten; zei dat er thuis niets was.")
    taps.tap(phone.get_by_role("button", name="Signaal opslaan"))
    expect(phone.get_by_role("status")).to_contain_text("Signaal opgeslagen")
    assert taps.count <= 4
    signals = _signals_by(app, user.id)
    assert len(signals) == before + 1
    new = signals[-1]
    assert new.categories == "verzorging" and new.facts.startswith("Kwam zonder jas") and new.child_id
    assert new.source == "zelf_gezien" and not new.acute
    created = with_db(app.database_url, lambda db: db.exec(select(AuditEvent).where(
        AuditEvent.action == "signaal.vastgelegd", AuditEvent.object_id == str(new.id))).all())
    assert len(created) == 1


def test_capture_unknown_child_and_acute_guidance(phone, app):
    user = demo_user(app.database_url, "kinderwerker", index=3)
    login(phone, user.email)
    phone.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Signaal").tap()
    phone.get_by_role("button", name="Onbekend kind").tap()
    phone.get_by_label("Omschrijving van het kind").fill("Jongen van ongeveer 8 met blauwe pet bij het klimrek")
    phone.get_by_label("Geschatte leeftijd").fill("8")
    phone.get_by_role("button", name="Veiligheid").tap()
    phone.get_by_label("Wat zag of hoorde je?").fill("Was om 21.30 uur nog alleen op het speelplein, zei dat niemand thuis was.")
    phone.get_by_label("Acuut onveilig").tap()
    guidance = phone.get_by_role("alert").filter(has_text="direct gevaar")
    expect(guidance).to_be_visible()
    expect(guidance.get_by_role("link", name="Bel 112")).to_have_attribute("href", "tel:112")
    expect(guidance.get_by_role("link", name="Bel Veilig Thuis 0800-2000")).to_have_attribute("href", "tel:08002000")
    phone.get_by_role("button", name="Signaal opslaan").tap()
    expect(phone.get_by_role("status")).to_contain_text("Signaal opgeslagen")
    new = _signals_by(app, user.id)[-1]
    assert new.child_id is None and new.unknown_age == 8 and "blauwe pet" in new.unknown_description
    assert new.acute


def test_empty_facts_gives_dutch_message_and_stores_nothing(phone, app):
    user = demo_user(app.database_url, "kinderwerker", index=4)
    login(phone, user.email)
    before = len(_signals_by(app, user.id))
    phone.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Signaal").tap()
    phone.get_by_role("button").filter(has_text="jaar").first.tap()
    phone.get_by_role("button", name="Gedrag").tap()
    phone.get_by_role("button", name="Signaal opslaan").tap()
    expect(phone.get_by_text("Vul in wat je zag of hoorde.").first).to_be_visible()
    assert len(_signals_by(app, user.id)) == before


def test_complete_meldcode_track_and_other_location_refused(phone, app, new_context):
    kw = demo_user(app.database_url, "kinderwerker")
    login(phone, kw.email)
    phone.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Signaal").tap()
    phone.get_by_role("button").filter(has_text="jaar").nth(1).tap()
    phone.get_by_role("button", name="Thuissituatie").tap()
    expect(phone.get_by_label("Wat zag of hoorde je?")).to_be_focused()
    phone.keyboard.type("Vertelde dat papa gisteren mama sloeg en dat hij zich onder het bed verstopte.")
    phone.get_by_label("Kind vertelde").check()
    phone.get_by_role("button", name="Signaal opslaan").tap()
    phone.get_by_role("link", name="Bekijk signaal").tap()
    expect(phone.get_by_text("Vertelde dat papa")).to_be_visible()
    signal = _signals_by(app, kw.id)[-1]

    # Step 1 by starting the track; step 2 (consultation) and 3 (skipped, with reason) by the kinderwerker.
    phone.get_by_role("button", name="Meldcode starten").tap()
    expect(phone.get_by_role("heading", name="Stap 2: Collegiale consultatie")).to_be_visible()
    phone.get_by_label("Met wie?").fill("Ilse Smit, aandachtsfunctionaris")
    phone.get_by_label("Wat is besproken en geconcludeerd?").fill("Signalen besproken; zorgen gedeeld. Veilig Thuis om advies vragen.")
    phone.get_by_label("Advies van Veilig Thuis (optioneel)").fill("Advies: gesprek met moeder alleen, niet met vader erbij.")
    phone.get_by_role("button", name="Stap vastleggen").tap()
    expect(phone.get_by_role("heading", name="Stap 3: Gesprek met ouders (en kind)")).to_be_visible()
    phone.get_by_role("button", name="Stap overslaan").tap()
    phone.get_by_label("Waarom sla je deze stap over?").fill("Gesprek met vader brengt moeder en kind in gevaar.")
    phone.get_by_role("button", name="Stap vastleggen").tap()
    expect(phone.get_by_role("heading", name="Stap 4: Wegen met het afwegingskader")).to_be_visible()
    # The kinderwerker may not weigh: that is for the aandachtsfunctionaris or teamleider.
    phone.get_by_role("button", name="Ja").tap()
    phone.get_by_role("button", name="Ja").tap()
    phone.get_by_role("button", name="Stap vastleggen").tap()
    expect(phone.get_by_role("alert").filter(has_text="aandachtsfunctionaris")).to_be_visible()
    track_id = with_db(app.database_url, lambda db: db.get(Signal, signal.id).track_id)
    assert with_db(app.database_url, lambda db: db.get(MeldcodeTrack, track_id).current_step) == 4

    # A kinderwerker of another location cannot read the signal by URL.
    def outsider(db):
        own = set(db.exec(select(StaffLocation.location_id).where(StaffLocation.staff_id == kw.id)).all())
        for user in db.exec(select(StaffUser).where(StaffUser.role == "kinderwerker", StaffUser.is_demo.is_(True))).all():
            locs = set(db.exec(select(StaffLocation.location_id).where(StaffLocation.staff_id == user.id)).all())
            if signal.location_id not in locs and not (locs & own & {signal.location_id}):
                return user
    other = with_db(app.database_url, outsider)
    other_page = new_context("phone").new_page()
    login(other_page, other.email)
    other_page.goto(f"/signalen/{signal.id}")
    wait_ready(other_page)
    expect(other_page.get_by_role("alert")).to_contain_text("geen toegang")
    expect(other_page.get_by_text("Vertelde dat papa")).to_have_count(0)
    other_page.goto(f"/meldcode/{track_id}")
    wait_ready(other_page)
    expect(other_page.get_by_role("alert")).to_contain_text("geen toegang")

    # The aandachtsfunctionaris weighs and decides.
    af = demo_user(app.database_url, "aandachtsfunctionaris")
    af_page = new_context("phone").new_page()
    login(af_page, af.email)
    from kinderwerk_pwa.models import Child

    child_name = with_db(app.database_url, lambda db: db.get(Child, signal.child_id).full_name)
    af_page.get_by_role("link").filter(has_text=child_name).filter(has_text="Stap 4").first.tap()
    expect(af_page.get_by_role("heading", name=child_name)).to_be_visible()
    expect(af_page.get_by_label("Eigenaar", exact=True)).to_be_visible()  # she can hand the track over
    expect(af_page.get_by_text("1. Is er een vermoeden")).to_be_visible()
    af_page.get_by_role("button", name="Ja").tap()
    expect(af_page.get_by_text("2. Is er sprake van acute onveiligheid")).to_be_visible()
    af_page.get_by_role("button", name="Ja").tap()
    expect(af_page.get_by_role("status")).to_contain_text("Melden bij Veilig Thuis is nodig")
    af_page.get_by_role("button", name="Stap vastleggen").tap()
    expect(af_page.get_by_role("heading", name="Stap 5: Beslissen")).to_be_visible()
    af_page.get_by_role("group", name="Melden bij Veilig Thuis?").get_by_label("Nee").check()
    af_page.get_by_role("group", name="Hulp organiseren?").get_by_label("Ja").check()
    af_page.get_by_role("button", name="Stap vastleggen").tap()
    expect(af_page.get_by_role("alert").filter(has_text="schrijft melden voor")).to_be_visible()
    af_page.get_by_role("group", name="Melden bij Veilig Thuis?").get_by_label("Ja").check()
    af_page.get_by_label("Wat is besproken en geconcludeerd?").fill("Melding gedaan bij Veilig Thuis; wijkteam ingeschakeld.")
    af_page.get_by_role("button", name="Stap vastleggen").tap()
    expect(af_page.get_by_text("Melden: ja · Hulp organiseren: ja")).to_be_visible()
    track = with_db(app.database_url, lambda db: db.get(MeldcodeTrack, track_id))
    assert track.status == "gesloten" and track.decision_report is True and track.decision_help is True
    steps = with_db(app.database_url, lambda db: db.exec(select(AuditEvent.action).where(
        AuditEvent.object_type == "meldcodetraject", AuditEvent.object_id == str(track_id),
        AuditEvent.outcome == "toegestaan")).all())
    assert {"meldcode.gestart", "meldcode.stap2", "meldcode.stap3", "meldcode.stap4", "meldcode.stap5"} <= set(steps)
