"""Shared steps for the browser tests."""

from __future__ import annotations

import pyotp
from playwright.sync_api import Page, expect
from sqlmodel import Session, select

from kinderwerk_pwa.db import make_engine
from kinderwerk_pwa.demo.generator import DEMO_PASSWORD
from kinderwerk_pwa.models import StaffUser


def with_db(database_url: str, fn):
    engine = make_engine(database_url)
    try:
        with Session(engine, expire_on_commit=False) as db:
            return fn(db)
    finally:
        engine.dispose()


def demo_user(database_url: str, role: str, index: int = 0) -> StaffUser:
    users = with_db(database_url, lambda db: db.exec(
        select(StaffUser).where(StaffUser.role == role, StaffUser.is_demo.is_(True), StaffUser.active.is_(True))
        .order_by(StaffUser.id)).all())
    assert len(users) > index, f"no demo user with role {role}"
    return users[index]


def wait_ready(page: Page) -> None:
    """Reflex pages hydrate over a websocket; wait until the page is loaded and idle."""
    page.wait_for_load_state("networkidle")


def submit_login(page: Page, email: str, password: str = DEMO_PASSWORD) -> None:
    page.goto("/login")
    wait_ready(page)
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen", exact=True).click()
    page.wait_for_url(lambda url: "fout=" in url or "/login/code" in url or "/login/instellen" in url
                      or "/login" not in url)
    wait_ready(page)


def enter_code(page: Page, secret: str) -> None:
    page.get_by_label("Code van 6 cijfers").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Bevestigen").click()


def login(page: Page, email: str, password: str = DEMO_PASSWORD, database_url: str | None = None) -> None:
    """Log in as a person would, including the second factor where the role needs it."""
    submit_login(page, email, password)
    if "/login/instellen" in page.url:
        key = page.locator("#totp-sleutel")
        expect(key).not_to_have_text("")
        enter_code(page, key.inner_text().replace(" ", ""))
    elif "/login/code" in page.url:
        assert database_url, "a code is needed: pass database_url to read the test account's secret"
        secret = with_db(database_url, lambda db: db.exec(
            select(StaffUser.totp_secret).where(StaffUser.email == email)).one())
        enter_code(page, secret)
    expect(page.get_by_role("heading", name="Vandaag", level=1)).to_be_visible()
    wait_ready(page)
