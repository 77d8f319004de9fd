"""Shared steps for the browser tests.

Every wait here is a wait on what the person at the screen waits for (an element's new state),
through Playwright's auto-waiting `expect(...)` with a generous timeout; never a fixed sleep and
never "network idle". A generous timeout costs nothing when the app is quick and keeps the suite
green on a busy two-core machine; only a tight one flakes.
"""

from __future__ import annotations

import time

import pyotp
from playwright.sync_api import BrowserContext, Locator, Page, expect
from playwright.sync_api import Error as PlaywrightError
from sqlmodel import Session, select

from kinderwerk_pwa.db import make_engine
from kinderwerk_pwa.demo.generator import DEMO_PASSWORD
from kinderwerk_pwa.domain.toegang import secret_box
from kinderwerk_pwa.domain.toegang.second_factor import STEP_SECONDS
from kinderwerk_pwa.models import StaffUser

# The secret key of each app the tests started (conftest.start_app), by its database URL: TOTP
# secrets are stored encrypted with it.
SECRET_KEYS: dict[str, str] = {}

# One generous timeout for every action, navigation, expect and screenshot (milliseconds).
TIMEOUT_MS = 60_000

# Reflex hydrates a page over its websocket: once the socket connects, React is running (the socket
# is opened from a React effect) and the page's hydrate/on_load event is on the server, ahead of
# anything the test does next. Reflex calls the instrumentation hooks window.__reflex_otel.
# onSocketConnect / onSocketDisconnect (the hooks reflex-otel installs); this script, installed in
# every test browser before the app's own scripts, mirrors them onto <html data-e2e-socket="...">
# so a test can wait for the connection with an ordinary expect().
SOCKET_ATTRIBUTE = "data-e2e-socket"
LOADED_ATTRIBUTE = "data-geladen"  # on <main>, "ja" once the page's on_load handlers ran
SOCKET_MARKER_SCRIPT = """
(() => {
  const mark = (value) => document.documentElement && document.documentElement.setAttribute(
      "SOCKET_ATTRIBUTE", value);
  const previous = window.__reflex_otel || {};
  window.__reflex_otel = Object.assign({}, previous, {
    onSocketConnect(...args) { mark("open"); return previous.onSocketConnect?.(...args); },
    onSocketDisconnect(...args) { mark("closed"); return previous.onSocketDisconnect?.(...args); },
  });
})();
""".replace("SOCKET_ATTRIBUTE", SOCKET_ATTRIBUTE)

# What Reflex shows while its websocket is down (in Dutch: components/connection.py): a pulsing
# wifi-off icon in the .kw-verbinding overlay, and after repeated failures a toast.
CONNECTION_ERROR = '.kw-verbinding svg, [data-sonner-toast]:has-text("Geen verbinding met de server")'


# Content-Security-Policy violations (issue 14): every page of every test context records each
# `securitypolicyviolation` event on window.__kwCspViolations and reports it at once to Python through
# a binding (so a violation survives the page navigating away). Before a context closes, the lists
# of its open pages are read as well (a report still in flight is not lost). conftest.py fails the
# test if any was recorded.
CSP_VIOLATIONS: list[dict] = []
_CSP_SEEN: set[str] = set()
_CSP_CONTEXTS: list[BrowserContext] = []
CSP_LISTENER_SCRIPT = """
(() => {
  const recorded = window.__kwCspViolations = window.__kwCspViolations || [];
  window.addEventListener("securitypolicyviolation", (e) => {
    const violation = {
      id: `${Date.now()}-${Math.random().toString(36).slice(2)}`, page: String(location.href),
      directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI,
      source: e.sourceFile, line: e.lineNumber, sample: e.sample, disposition: e.disposition,
    };
    recorded.push(violation);
    try { window.__kwReportCspViolation?.(violation); } catch (err) { /* the list still has it */ }
  }, true);
})();
"""


def _record_csp_violation(violation: dict) -> None:
    if isinstance(violation, dict) and violation.get("id") not in _CSP_SEEN:
        _CSP_SEEN.add(violation.get("id"))
        CSP_VIOLATIONS.append(violation)


def collect_csp_violations(context: BrowserContext) -> None:
    """Read the recorded violations of every open page (and frame) of the context."""
    for page in list(context.pages):
        for frame in list(page.frames) if not page.is_closed() else []:
            try:
                found = frame.evaluate("window.__kwCspViolations || []")
            except PlaywrightError:  # a frame going away or mid-navigation; the binding had it
                continue
            for violation in found or []:
                _record_csp_violation(violation)


def collect_all_csp_violations() -> list[dict]:
    """The violations of every context prepared so far (open ones are read now)."""
    for context in list(_CSP_CONTEXTS):
        try:
            collect_csp_violations(context)
        except PlaywrightError:
            pass
    return CSP_VIOLATIONS


def _watch_csp_violations(context: BrowserContext) -> None:
    context.expose_binding("__kwReportCspViolation", lambda _source, violation: _record_csp_violation(violation))
    context.add_init_script(CSP_LISTENER_SCRIPT)
    _CSP_CONTEXTS.append(context)
    close = context.close

    def close_after_reading(*args, **kwargs):
        try:
            collect_csp_violations(context)
        except PlaywrightError:
            pass
        if context in _CSP_CONTEXTS:
            _CSP_CONTEXTS.remove(context)
        return close(*args, **kwargs)

    context.close = close_after_reading  # type: ignore[method-assign]


def prepare_context(context: BrowserContext) -> BrowserContext:
    """Generous timeouts, the websocket marker and the CSP violation recorder, for every browser
    context a test opens."""
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    context.add_init_script(SOCKET_MARKER_SCRIPT)
    _watch_csp_violations(context)
    return context


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


def page_heading(page: Page) -> Locator:
    """The page's own h1 (not the app name at the top of the desktop sidebar)."""
    return page.locator("h1:not(nav h1)").first


def connected(page: Page) -> None:
    """Reflex's websocket is open (the page is hydrated) and no connection error is shown."""
    expect(page.locator("html"), "the page's Reflex websocket connects").to_have_attribute(
        SOCKET_ATTRIBUTE, "open")
    expect(page.locator(CONNECTION_ERROR), "no connection error is shown").to_have_count(0)


def wait_ready(page: Page, ready: Locator | None = None) -> None:
    """Wait until the page is usable, as a person would: hydrated and connected to the server,
    no connection error, and its content showing. `ready` is what to see first (pass something
    only the page's loaded data can show, e.g. a heading with a location's name); by default the
    page's h1."""
    # The content first: after a navigation it is only on the new page, so the connection check
    # that follows is about the new page's websocket, not the one of the page we came from.
    expect(ready if ready is not None else page_heading(page)).to_be_visible()
    connected(page)
    # And the page's on_load has run: Reflex queues it after the hydrate snapshot, so a tap before
    # it (on a previous visit's state) would be undone by the load (components/layout.py).
    expect(page.locator("main").first, "the page's on_load handlers ran").to_have_attribute(
        LOADED_ATTRIBUTE, "ja")


def wait_ready_for_screenshot(page: Page, timeout_ms: int = 15_000) -> None:
    """For the screenshot taken after each page change: the same signals with a bounded wait, as
    this only decides what the picture shows (callers ignore a timeout)."""
    expect(page_heading(page)).to_be_visible(timeout=timeout_ms)
    expect(page.locator("html")).to_have_attribute(SOCKET_ATTRIBUTE, "open", timeout=timeout_ms)


def submit_login(page: Page, email: str, password: str = DEMO_PASSWORD) -> None:
    page.goto("/login")
    wait_ready(page)
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen", exact=True).click()
    page.wait_for_url(lambda url: "fout=" in url or "/login/code" in url or "/login/instellen" in url
                      or "/login" not in url)
    wait_ready(page)


def totp_secret(database_url: str, email: str) -> str:
    """The account's TOTP secret, decrypted as the app does (with the app's secret key)."""
    stored = with_db(database_url, lambda db: db.exec(
        select(StaffUser.totp_secret).where(StaffUser.email == email)).one())
    return secret_box.decrypt(stored, SECRET_KEYS[database_url])


def next_code(secret: str, database_url: str | None = None, email: str | None = None) -> str:
    """A code the server accepts now: each code is good once, so not one of the account's last
    accepted step or earlier. The server accepts one step of drift, so the step after the current
    one works at once; only when even that one was used is there a wait for the clock."""
    last = None
    if database_url and email:
        last = with_db(database_url, lambda db: db.exec(
            select(StaffUser.totp_last_step).where(StaffUser.email == email)).one_or_none())
    now_step = int(time.time()) // STEP_SECONDS
    step = now_step if last is None else max(now_step, last + 1)
    if step > now_step + 1:
        time.sleep((step - 1) * STEP_SECONDS - time.time() + 0.5)
    return pyotp.TOTP(secret).generate_otp(step)


def enter_code(page: Page, secret: str, database_url: str | None = None, email: str | None = None) -> None:
    page.get_by_label("Code van 6 cijfers").fill(next_code(secret, database_url, email))
    page.get_by_role("button", name="Bevestigen").click()


def login(page: Page, email: str, password: str = DEMO_PASSWORD, database_url: str | None = None) -> None:
    """Log in as a person would, including the second factor where the role needs it."""
    submit_login(page, email, password)
    if "/login/instellen" in page.url:
        key = page.locator("#totp-sleutel")
        expect(key).not_to_have_text("")
        enter_code(page, key.inner_text().replace(" ", ""), database_url, email)
    elif "/login/code" in page.url:
        assert database_url, "a code is needed: pass database_url to read the test account's secret"
        enter_code(page, totp_secret(database_url, email), database_url, email)
    wait_ready(page, page.get_by_role("heading", name="Vandaag", level=1))


def prime_offline(page: Page) -> None:
    """Online once: wait for the offline script and let it fetch what capture needs offline."""
    page.wait_for_function("window.kinderwerkOffline !== undefined")
    page.evaluate("window.kinderwerkOffline.sync()")


def open_offline_panel(page: Page):
    """Cut the connection, wait for the bar to say so, and open the offline capture panel.
    Returns (the queue bar, the panel dialog)."""
    page.context.set_offline(True)
    bar = page.locator("#kw-wachtrij")
    expect(bar).to_contain_text("Geen verbinding")
    page.get_by_role("button", name="Vastleggen zonder verbinding").tap()
    return bar, page.get_by_role("dialog", name="Vastleggen zonder verbinding")
