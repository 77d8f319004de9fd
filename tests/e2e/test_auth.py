"""Login end to end: OIDC through a real (local) provider, TOTP, logout and the back button, and
no session secret in the browser's storage, a URL or the application log."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from kinderwerk_pwa.models import AuditEvent, StaffLocation, StaffUser

from .helpers import (
    demo_user,
    enter_code,
    login,
    next_code,
    submit_login,
    totp_secret,
    wait_ready,
    with_db,
)

pytestmark = pytest.mark.e2e


def _make_oidc_staff(app, subject: str) -> None:
    def add(db):
        kw = demo_user(app.database_url, "kinderwerker")
        user = StaffUser(organisation_id=kw.organisation_id, name="Ilse OIDC", email=f"{subject}@demo.kinderwerk.nl",
                         role="kinderwerker", oidc_issuer=app.oidc_issuer, oidc_subject=subject)
        db.add(user)
        db.flush()
        for loc in db.exec(select(StaffLocation.location_id).where(StaffLocation.staff_id == kw.id)).all():
            db.add(StaffLocation(staff_id=user.id, location_id=loc))
        db.commit()
    with_db(app.database_url, add)


def _authorize_at_provider(page, subject: str) -> None:
    page.get_by_placeholder("sub").first.fill(subject)
    page.get_by_role("button", name="Authorize").click()


def test_oidc_login_and_refusals(phone, app):
    _make_oidc_staff(app, "oidc-ilse-1")
    callbacks: list[str] = []
    phone.on("request", lambda req: callbacks.append(req.url) if "/auth/oidc/callback" in req.url else None)

    phone.goto("/login")
    wait_ready(phone)
    phone.get_by_role("button", name="Inloggen met je organisatie-account").click()
    phone.wait_for_url(f"{app.oidc_issuer}/**")
    _authorize_at_provider(phone, "oidc-ilse-1")
    expect(phone.get_by_role("heading", name="Vandaag", level=1)).to_be_visible()
    assert callbacks, "the provider redirected back to our callback"

    # A replayed callback (same code and state) is refused: the state was used up.
    phone.goto(callbacks[0])
    phone.wait_for_url(lambda u: "/login/?fout=oidc" in u)
    expect(phone.get_by_role("alert")).to_contain_text("niet gelukt")

    # A tampered state is refused. The provider's redirect back is held (aborted) and altered.
    phone.context.clear_cookies()
    phone.route("**/auth/oidc/callback**", lambda route: route.abort())
    phone.goto("/login")
    wait_ready(phone)
    phone.get_by_role("button", name="Inloggen met je organisatie-account").click()
    phone.wait_for_url(f"{app.oidc_issuer}/**")
    with phone.expect_request("**/auth/oidc/callback**") as held:
        _authorize_at_provider(phone, "oidc-ilse-1")
    phone.unroute("**/auth/oidc/callback**")
    tampered = held.value.url.replace("state=", "state=x")
    phone.goto(tampered)
    phone.wait_for_url(lambda u: "/login/?fout=oidc" in u)

    refused = with_db(app.database_url, lambda db: db.exec(
        select(AuditEvent).where(AuditEvent.action == "login.oidc_geweigerd")).all())
    assert len(refused) >= 2


def test_a_busy_login_says_try_again_in_dutch(phone, app):
    """Where /auth/login sends a login when the hash queue is full (test_auth_routes.py)."""
    phone.goto("/login?fout=druk")
    wait_ready(phone)
    expect(phone.get_by_role("alert")).to_contain_text("Probeer het over een paar seconden opnieuw")


def test_oidc_without_staff_account_gets_dutch_page(phone, app):
    phone.goto("/login")
    wait_ready(phone)
    phone.get_by_role("button", name="Inloggen met je organisatie-account").click()
    phone.wait_for_url(f"{app.oidc_issuer}/**")
    _authorize_at_provider(phone, "onbekende-collega")
    phone.wait_for_url(lambda u: "/login/geen-account" in u)
    expect(phone.get_by_text("Vraag je beheerder")).to_be_visible()
    phone.goto("/kinderen")
    phone.wait_for_url(lambda u: "/login" in u)


def test_beheerder_logs_in_with_totp(phone, app):
    beheerder = demo_user(app.database_url, "beheerder")
    # First time: set up (the role requires it), then a second login asks for the code.
    login(phone, beheerder.email, database_url=app.database_url)
    phone.context.clear_cookies()
    submit_login(phone, beheerder.email)
    assert "/login/code" in phone.url
    phone.get_by_label("Code van 6 cijfers").fill("000000")
    phone.get_by_role("button", name="Bevestigen").click()
    phone.wait_for_url(lambda u: "/login/code/?fout=code" in u)
    expect(phone.get_by_role("alert")).to_contain_text("klopt niet")
    secret = totp_secret(app.database_url, beheerder.email)
    code = next_code(secret, app.database_url, beheerder.email)
    phone.get_by_label("Code van 6 cijfers").fill(code)
    phone.get_by_role("button", name="Bevestigen").click()
    expect(phone.get_by_role("heading", name="Vandaag", level=1)).to_be_visible()
    # A code is good once (issue 16.1): logged out, the same code does not let anybody in again.
    phone.context.clear_cookies()
    submit_login(phone, beheerder.email)
    phone.get_by_label("Code van 6 cijfers").fill(code)
    phone.get_by_role("button", name="Bevestigen").click()
    phone.wait_for_url(lambda u: "fout=hergebruikt" in u)
    expect(phone.get_by_role("alert")).to_contain_text("al gebruikt")
    enter_code(phone, secret, app.database_url, beheerder.email)
    expect(phone.get_by_role("heading", name="Vandaag", level=1)).to_be_visible()


def test_teamleider_without_second_factor_sees_nothing_before_setup(phone, app):
    teamleider = demo_user(app.database_url, "teamleider", index=0)

    def reset(db):
        user = db.get(StaffUser, teamleider.id)
        user.totp_enabled, user.totp_secret = False, None
        db.add(user)
        db.commit()
    with_db(app.database_url, reset)
    submit_login(phone, teamleider.email)
    assert "/login/instellen" in phone.url
    expect(phone.get_by_role("heading", name="Tweestapsverificatie instellen")).to_be_visible()
    expect(phone.get_by_role("img", name="QR-code voor je authenticator-app")).to_be_visible()
    # Trying to skip ahead shows nothing: there is no session yet.
    phone.goto("/kinderen")
    phone.wait_for_url(lambda u: "/login" in u)


def test_logout_then_back_shows_no_child_data(phone, app):
    user = demo_user(app.database_url, "kinderwerker")
    login(phone, user.email)
    phone.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Kinderen").tap()
    first_child = phone.locator(".kw-card").first
    expect(first_child).to_be_visible()
    name = first_child.locator("span, p").first.inner_text()
    assert name
    phone.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Meer").tap()
    phone.get_by_role("button", name="Uitloggen").click()
    phone.wait_for_url(lambda u: "/login/?uitgelogd=1" in u)
    expect(phone.get_by_role("status")).to_contain_text("uitgelogd")
    phone.go_back()
    # The old page comes back from the server, not from a cache, and sends us to the login page.
    phone.wait_for_url(lambda u: "/login" in u)
    expect(phone.get_by_role("heading", name="Inloggen")).to_be_visible()
    expect(phone.get_by_text(name)).to_have_count(0)


def test_no_session_secret_in_storage_urls_or_log(phone, app):
    user = demo_user(app.database_url, "kinderwerker")
    urls: list[str] = []
    phone.on("request", lambda req: urls.append(req.url))
    login(phone, user.email)
    phone.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Kinderen").tap()
    wait_ready(phone, phone.get_by_role("heading", name="Kinderen", level=1))
    cookie = next(c for c in phone.context.cookies() if c["name"] == "kw_sessie")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    token = cookie["value"]
    assert phone.evaluate("document.cookie").find(token) == -1  # scripts cannot read it
    storage = phone.evaluate(
        "JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])")
    assert token not in storage
    assert not any(token in u for u in urls)
    assert token not in app.log_text()
