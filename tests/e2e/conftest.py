"""End-to-end harness: build and start the app in production mode on a free port with a fresh
temporary database full of demo data, and drive Debian's Chromium with Playwright.

Screenshots of every page a test visits land in test-results/screenshots/.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Error as PlaywrightError

from .helpers import (
    CSP_VIOLATIONS,
    SECRET_KEYS,
    TIMEOUT_MS,
    collect_all_csp_violations,
    prepare_context,
    wait_ready_for_screenshot,
)

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-results" / "screenshots"
CHROMIUM = os.environ.get("KINDERWERK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    # A Dutch browser: native date and time fields show dd-mm-jjjj and 24 hours (issue 15).
    "--lang=nl-NL",
]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2}
DESKTOP = {"viewport": {"width": 1440, "height": 900}}
START_TIMEOUT = 600  # seconds; the first production build installs the JS packages


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RunningApp:
    def __init__(self, base_url: str, database_url: str, log_path: Path):
        self.base_url = base_url
        self.database_url = database_url
        self.log_path = log_path

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


PROJECT_FILES = ("kinderwerk_pwa", "assets", "rxconfig.py", "alembic", "alembic.ini", "reflex.lock", ".ci")


def _project_copy(workdir: Path) -> Path:
    """A private copy of the app to build and run: Reflex bakes the backend port into the built
    frontend, so two apps (or a developer's `make run`) must never share one .web directory.
    The installed JS packages are copied along when present, which saves the npm install."""
    project = workdir / "project"
    if project.is_dir():  # a restart (tests/e2e/test_faults.py): the same copy, built again
        return project
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            project.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, project / name)
    web = ROOT / ".web"
    if (web / "node_modules").is_dir():
        def skip_build(directory, names):
            # Only the top-level build output; packages in node_modules have "build" folders too.
            return {"build", ".states"} & set(names) if Path(directory) == web else set()

        shutil.copytree(web, project / ".web", symlinks=True, ignore=skip_build)
    return project


def start_app(workdir: Path, *, extra_env: dict[str, str] | None = None, demo: bool = True,
              port: int | None = None):
    """Start the app as `make run` does, on its own port and database. Returns (app, process).
    port: start again on the port of an app that stopped (same workdir, same database)."""
    port = port or _free_port()
    workdir.mkdir(parents=True, exist_ok=True)
    project = _project_copy(workdir)
    db_path = workdir / "kinderwerk.db"
    env = {
        **os.environ,
        "KINDERWERK_PORT": str(port),
        "KINDERWERK_PUBLIC_URL": f"http://localhost:{port}",
        "KINDERWERK_DB_PATH": str(db_path),
        "KINDERWERK_DATA_DIR": str(workdir),
        "KINDERWERK_DEMO": "1" if demo else "0",
        "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}",
        "REFLEX_USE_NPM": "1",
        **(extra_env or {}),
    }
    env.pop("DATABASE_URL", None)
    env.update(extra_env or {})
    env.setdefault("KINDERWERK_SECRET_KEY", "e2e-test-secret-" + str(port))
    log_path = workdir / "app.log"
    log = open(log_path, "w")  # noqa: SIM115 - closed with the process
    proc = subprocess.Popen(
        ["bash", str(project / ".ci" / "app.sh"), str(port)],
        cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    base_url = f"http://localhost:{port}"
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"app stopped during start-up:\n{log_path.read_text()[-4000:]}")
        try:
            if httpx.get(f"{base_url}/api/health", timeout=2).status_code == 200 and \
               httpx.get(f"{base_url}/login", timeout=5, follow_redirects=True).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        time.sleep(1)
    else:
        stop_app(proc)
        raise RuntimeError(f"app did not start in {START_TIMEOUT}s:\n{log_path.read_text()[-4000:]}")
    database_url = env.get("DATABASE_URL") or f"sqlite:///{db_path}"
    SECRET_KEYS[database_url] = env["KINDERWERK_SECRET_KEY"]
    return RunningApp(base_url, database_url, log_path), proc


def stop_app(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


OIDC_CLIENT_ID = "kinderwerk-test"
OIDC_CLIENT_SECRET = "kinderwerk-test-geheim"


@pytest.fixture(scope="session")
def oidc_provider():
    """A real OIDC provider (oidc-provider-mock) on a free local port, for the whole test run."""
    from oidc_provider_mock import run_server_in_thread

    with run_server_in_thread(port=_free_port(), require_nonce=True) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture(scope="session")
def app(tmp_path_factory, oidc_provider) -> RunningApp:
    workdir = tmp_path_factory.mktemp("app")
    running, proc = start_app(workdir, extra_env={
        "KINDERWERK_OIDC_ISSUER": oidc_provider,
        "KINDERWERK_OIDC_CLIENT_ID": OIDC_CLIENT_ID,
        "KINDERWERK_OIDC_CLIENT_SECRET": OIDC_CLIENT_SECRET,
        # The test provider speaks plain HTTP on localhost; production issuers are HTTPS.
        "AUTHLIB_INSECURE_TRANSPORT": "1",
    })
    running.oidc_issuer = oidc_provider
    yield running
    stop_app(proc)
    shutil.copy(running.log_path, ROOT / "test-results" / "app.log") if (ROOT / "test-results").exists() else None


@pytest.fixture(scope="session", autouse=True)
def _fresh_screenshots():
    shutil.rmtree(SHOTS, ignore_errors=True)
    SHOTS.mkdir(parents=True, exist_ok=True)


@pytest.fixture(autouse=True)
def _no_csp_violation():
    """Fails the test when any of its pages reported a Content-Security-Policy violation (issue 14).
    Autouse, so it is set up before the page fixtures and checked after they closed their contexts;
    closing a context reads the violations recorded in its open pages first (helpers.py)."""
    before = len(CSP_VIOLATIONS)
    yield
    found = collect_all_csp_violations()[before:]
    if found:
        pytest.fail("Content-Security-Policy violation(s) reported by the page:\n" + "\n".join(
            f"- {v.get('directive')} blocked {v.get('blocked')!r} on {v.get('page')} "
            f"(source {v.get('source')}:{v.get('line')}, sample {v.get('sample')!r})" for v in found),
            pytrace=False)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import expect, sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium (.ci/run does)")
    # Every expect() waits as long as an action may: generous, so a busy machine does not fail a test.
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as pw:
        # Chromium on Linux takes its language (and so the format of native date and time fields:
        # dd-mm-jjjj, 24 hours) from the environment, not from --lang alone; the Dutch language
        # file comes with Debian's chromium-l10n (.ci/run installs it).
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
                                     timeout=TIMEOUT_MS, env={**os.environ, "LANG": "nl_NL.UTF-8",
                                                              "LANGUAGE": "nl_NL:nl", "LC_ALL": "nl_NL.UTF-8"})
        yield browser
        browser.close()


def _slug(text: str) -> str:
    return re.sub(r"[^a-zA-Z0-9_-]+", "-", text).strip("-")[:120]


class Screens:
    """Takes a screenshot of every page a test visits: after any action that changed the URL."""

    def __init__(self, test_name: str, base_url: str):
        self.test_name = _slug(test_name)
        self.base_url = base_url
        self.count = 0
        self.last_url = ""
        SHOTS.mkdir(parents=True, exist_ok=True)

    def shot(self, page, label: str = "") -> Path:
        self.count += 1
        name = f"{self.test_name}-{self.count:02d}{'-' + _slug(label) if label else ''}.png"
        path = SHOTS / name
        # A full-page shot of a long page at device scale 2 takes seconds on a busy machine.
        page.screenshot(path=str(path), full_page=True, animations="disabled", timeout=TIMEOUT_MS)
        return path

    def after_action(self, page) -> None:
        if page.is_closed() or page.url == self.last_url:
            return
        self.last_url = page.url
        if page.url.startswith(self.base_url):
            # Shoot the page once it shows its heading over a live connection, not the prerendered
            # HTML before its data. Only the picture depends on this: a page without an h1 is shot
            # as it is after a short while; the test's own expect() calls check the content.
            try:
                wait_ready_for_screenshot(page)
            except (AssertionError, PlaywrightError):
                pass
        self.shot(page, page.url.split("/", 3)[-1] or "start")

    def final(self, page) -> None:
        """The last picture of a test: never an error of its own that hides the test's result."""
        if page.is_closed():
            return
        try:
            self.shot(page, "einde")
        except PlaywrightError as exc:
            print(f"screenshot at the end of {self.test_name} failed: {exc}")


_SCREENS: dict[int, Screens] = {}


def _install_screenshot_hooks() -> None:
    """Wrap Page.goto and the Locator actions so that every page visited gets a screenshot,
    including client-side route changes (which fire no load event)."""
    from playwright.sync_api import Locator, Page

    if getattr(Page, "_kw_hooked", False):
        return

    def wrap(cls, name, page_of):
        original = getattr(cls, name)

        def wrapper(self, *args, **kwargs):
            result = original(self, *args, **kwargs)
            page = page_of(self)
            screens = _SCREENS.get(id(page))
            if screens is not None:
                try:
                    screens.after_action(page)
                except Exception:  # a page closing mid-shot is not a test failure
                    pass
            return result

        setattr(cls, name, wrapper)

    wrap(Page, "goto", lambda p: p)
    wrap(Page, "go_back", lambda p: p)
    for action in ("tap", "click", "check", "select_option", "press"):
        wrap(Locator, action, lambda loc: loc.page)
    Page._kw_hooked = True


def _context(browser, app, request, options):
    context = prepare_context(browser.new_context(base_url=app.base_url, locale="nl-NL",
                                                  timezone_id="Europe/Amsterdam", **options))
    page = context.new_page()
    _install_screenshot_hooks()
    screens = Screens(request.node.name, app.base_url)
    _SCREENS[id(page)] = screens
    page.screens = screens  # type: ignore[attr-defined]
    return context, page


@pytest.fixture
def phone(browser, app, request):
    context, page = _context(browser, app, request, PHONE)
    yield page
    page.screens.final(page)
    context.close()


@pytest.fixture
def desktop(browser, app, request):
    context, page = _context(browser, app, request, DESKTOP)
    yield page
    page.screens.final(page)
    context.close()


@pytest.fixture
def new_context(browser, app, request):
    """For tests that need several browsers (two devices at one location)."""
    contexts = []

    def make(kind: str = "phone"):
        context = prepare_context(browser.new_context(
            base_url=app.base_url, locale="nl-NL", timezone_id="Europe/Amsterdam",
            **(PHONE if kind == "phone" else DESKTOP)))
        _install_screenshot_hooks()
        index = len(contexts) + 1
        context.on("page", lambda page: _SCREENS.__setitem__(
            id(page), Screens(f"{request.node.name}-apparaat{index}", app.base_url)))
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
