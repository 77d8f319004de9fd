"""Shared steps for the browser tests."""

from __future__ import annotations

from playwright.sync_api import Page, expect
from sqlmodel import Session, select

from kinderwerk_pwa.db import make_engine
from kinderwerk_pwa.demo.generator import DEMO_PASSWORD
from kinderwerk_pwa.models import StaffUser


def demo_user(database_url: str, role: str) -> StaffUser:
    engine = make_engine(database_url)
    with Session(engine) as db:
        user = db.exec(select(StaffUser).where(StaffUser.role == role, StaffUser.is_demo.is_(True))
                       .order_by(StaffUser.id)).first()
    engine.dispose()
    assert user is not None, f"no demo user with role {role}"
    return user


def wait_ready(page: Page) -> None:
    """Reflex pages hydrate over a websocket; wait until the app is connected and idle."""
    page.wait_for_load_state("networkidle")


def login(page: Page, email: str, password: str = DEMO_PASSWORD) -> None:
    page.goto("/login")
    wait_ready(page)
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(lambda url: "/login" not in url)
    wait_ready(page)
    expect(page.get_by_role("heading", name="Vandaag", level=1)).to_be_visible()
