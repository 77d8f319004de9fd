"""Beheer at desktop size: create an account (bad input refused in Dutch), disable it; and a
kinderwerker who opts in to a second factor."""

from __future__ import annotations

import pyotp
import pytest
from playwright.sync_api import expect
from sqlmodel import select

from kinderwerk_pwa.models import AuditEvent, StaffUser

from .helpers import demo_user, login, submit_login, wait_ready, with_db

pytestmark = pytest.mark.e2e


def test_beheerder_creates_and_disables_an_account(desktop, app):
    beheerder = demo_user(app.database_url, "beheerder")
    login(desktop, beheerder.email, database_url=app.database_url)
    desktop.goto("/beheer/medewerkers")
    # The accounts come with the page's data; opening the form before that could be undone by it.
    wait_ready(desktop, desktop.get_by_role("row").filter(has_text=beheerder.email))
    expect(desktop.get_by_role("heading", name="Beheer: Medewerkers")).to_be_visible()
    desktop.get_by_role("button", name="Nieuwe medewerker").click()
    desktop.get_by_label("Naam").fill("Sanne de Wit")
    desktop.get_by_label("E-mailadres").fill("sanne@demo.kinderwerk.nl")
    desktop.get_by_label("Rol").select_option("kinderwerker")
    desktop.get_by_label("Huiskamer Stedenwijk").check()
    desktop.get_by_label("Eerste wachtwoord").fill("kort")
    desktop.get_by_role("button", name="Opslaan").click()
    expect(desktop.get_by_role("alert").first).to_contain_text("minstens 12 tekens")
    assert with_db(app.database_url, lambda db: db.exec(
        select(StaffUser).where(StaffUser.email == "sanne@demo.kinderwerk.nl")).first()) is None

    desktop.get_by_label("Eerste wachtwoord").fill("Wolken-Boven-Almere-7")
    desktop.get_by_role("button", name="Opslaan").click()
    expect(desktop.get_by_role("status")).to_contain_text("Opgeslagen")
    row = desktop.get_by_role("row").filter(has_text="Sanne de Wit")
    expect(row).to_contain_text("Kinderwerker")
    expect(row).to_contain_text("Huiskamer Stedenwijk")

    row.get_by_role("button", name="Uitschakelen Sanne de Wit").click()
    expect(row).to_contain_text("Uitgeschakeld")
    actions = with_db(app.database_url, lambda db: db.exec(
        select(AuditEvent.action).where(AuditEvent.actor_id == beheerder.id)).all())
    assert "account.aangemaakt" in actions and "account.uitgeschakeld" in actions

    # A disabled account cannot log in.
    desktop.context.clear_cookies()
    submit_login(desktop, "sanne@demo.kinderwerk.nl", "Wolken-Boven-Almere-7")
    assert "fout=onjuist" in desktop.url


def test_kinderwerker_cannot_open_beheer(phone, app):
    user = demo_user(app.database_url, "kinderwerker", index=1)
    login(phone, user.email)
    phone.goto("/beheer/medewerkers")
    wait_ready(phone)
    expect(phone.get_by_role("alert")).to_contain_text("geen toegang")
    expect(phone.get_by_role("row")).to_have_count(1)  # only the header row


def test_kinderwerker_opts_in_to_second_factor(phone, app):
    user = demo_user(app.database_url, "kinderwerker", index=2)
    login(phone, user.email)
    phone.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Meer").tap()
    phone.get_by_role("button", name="Tweestapsverificatie instellen").click()
    phone.wait_for_url(lambda u: "/login/instellen" in u)
    key = phone.locator("#totp-sleutel")
    expect(key).not_to_have_text("")
    phone.get_by_label("Code van 6 cijfers").fill(pyotp.TOTP(key.inner_text().replace(" ", "")).now())
    phone.get_by_role("button", name="Bevestigen").click()
    expect(phone.get_by_role("heading", name="Vandaag", level=1)).to_be_visible()
    assert with_db(app.database_url, lambda db: db.get(StaffUser, user.id).totp_enabled)
    # From now on the login asks for the code.
    phone.context.clear_cookies()
    submit_login(phone, user.email)
    assert "/login/code" in phone.url
