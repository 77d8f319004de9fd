"""WCAG 2.2 AA and Dutch everywhere (issue 15, points 3 and 4), on every page of the app.

Each page is opened by a role that may see it, with a real id from the demo data, at phone size
(360x640, touch) and at desktop size (1440x900). On each page:
- axe-core (from npm, tests/e2e/axe/package.json; installed here with the venv's npm when missing)
  is injected with `page.evaluate` (a DevTools evaluation, which the Content-Security-Policy does not
  govern) and run with the WCAG 2.0/2.1/2.2 A and AA rules: any serious or critical violation fails;
- the visible text, the title, the aria-labels, titles, alt texts and placeholders are scanned for
  common English UI words: any hit fails;
- on the phone, every control a thumb uses is at least 44x44 CSS pixels;
- a screenshot is saved to test-results/screenshots/.
The failures of all pages are collected and reported together.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from kinderwerk_pwa.models import (
    Activity,
    Child,
    ChildLocation,
    Goal,
    GoalProgress,
    Location,
    MeldcodeTrack,
    Signal,
    StaffLocation,
    StaffUser,
)

from .conftest import Screens
from .helpers import (
    demo_user,
    enter_code,
    login,
    prepare_context,
    submit_login,
    totp_secret,
    wait_ready,
    with_db,
)

pytestmark = pytest.mark.e2e

AXE_DIR = Path(__file__).parent / "axe"
REPORT_DIR = Path(__file__).resolve().parents[2] / "test-results"
AXE_FILE = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_RUN = """async (tags) => {
  // Contrast is judged on what a person sees once a dialog or toast has faded in, not halfway
  // (a fading solid button blends with the white behind it). Endless animations are not waited for.
  await Promise.all(document.getAnimations()
    .filter(a => a.effect && a.effect.getTiming().iterations !== Infinity)
    .map(a => a.finished.catch(() => null)));
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 4).map(n => ({target: n.target.join(' '), summary: n.failureSummary,
                                          html: n.html.slice(0, 160)})),
    count: v.nodes.length,
  }));
}"""

SIZES = {
    "telefoon": {"viewport": {"width": 360, "height": 640}, "is_mobile": True, "has_touch": True,
                 "device_scale_factor": 2},
    "desktop": {"viewport": {"width": 1440, "height": 900}},
}

# Common English UI words. Dutch homographs and loanwords that Dutch uses as they are ("de", "in",
# "is", "open", "start", "team", "status", "code", "e-mail", "logboek", "of", "app", "server", "menu",
# "week", "info", "update", "download", "check", "ok", "toast", "content", "die", "door", "over") are
# left out.
ENGLISH_WORDS = {
    "the", "and", "or", "to", "with", "for", "your", "you", "this", "that", "not", "found",
    "error", "errors", "loading", "submit", "cancel", "close", "search", "notifications",
    "notification", "connection", "connect", "cannot", "click", "select", "next", "previous",
    "page", "save", "delete", "edit", "name", "back", "home", "settings", "login", "logout",
    "sign", "password", "email", "username", "show", "hide", "more", "less", "toggle", "clear",
    "add", "remove", "upload", "yes", "no", "today", "tomorrow", "yesterday", "month", "year",
    "day", "date", "time", "choose", "required", "optional", "invalid", "please", "try", "again",
    "retry", "reload", "refresh", "success", "warning", "dismiss", "skip", "navigation", "main",
    "reachable", "backend", "frontend", "starting", "responding", "paused", "resume", "owner",
    "visit", "first", "last", "children", "child", "parent", "report", "chart", "table", "value",
}
# Brand and product names, and abbreviations that are the same in Dutch.
ALLOWED = {"kinderwerk", "pwa", "avg", "json", "pdf", "csv", "xlsx", "excel", "nen", "totp", "oidc"}
TEXT_SCAN = """() => {
  const out = [];
  out.push(['titel', document.title]);
  // Technical codes (the logboek's action names) are data, not language: left out.
  let text = document.body.innerText;
  for (const code of document.querySelectorAll('code')) { if (code.innerText) text = text.split(code.innerText).join(' '); }
  out.push(['tekst', text]);
  for (const el of document.querySelectorAll('[aria-label],[title],[placeholder],[alt],[aria-roledescription],[aria-description]')) {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription', 'aria-description']) {
      const value = el.getAttribute(name);
      if (value) out.push([name + ' op <' + el.tagName.toLowerCase() + '>', value]);
    }
  }
  return out;
}"""
# On a phone: what a thumb taps is at least 44x44 CSS pixels. Links inside running text are exempt
# (WCAG 2.5.8's inline exception), as are hidden controls and those in the offline panel's own bar.
TAP_SCAN = """() => {
  const sel = 'button, [role=button], a[href], select, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), [role=checkbox], [role=radio], [role=combobox], [role=tab], summary';
  const small = [];
  for (const el of document.querySelectorAll(sel)) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    if (el.closest('[data-sonner-toaster]')) continue;
    if (el.tagName === 'A' && style.display === 'inline' && el.closest('p, li, td')) continue;
    // A checkbox or radio wrapped in its label: the label is the target.
    const label = el.closest('label');
    const box = label ? label.getBoundingClientRect() : r;
    if (box.height < 43.5 || box.width < 43.5) {
      small.push(`<${el.tagName.toLowerCase()}> "${(el.innerText || el.getAttribute('aria-label') || el.value || '').trim().slice(0, 40)}" ${Math.round(box.width)}x${Math.round(box.height)}`);
    }
  }
  return small;
}"""


def _npm() -> str:
    npm = Path(sys.executable).parent / "npm"
    return str(npm) if npm.exists() else "npm"


@pytest.fixture(scope="module")
def axe_source() -> str:
    """axe-core's source, from the version pinned in tests/e2e/axe/package-lock.json."""
    if not AXE_FILE.exists():
        env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}",
               "NPM_CONFIG_AUDIT": "false", "NPM_CONFIG_FUND": "false",
               "NPM_CONFIG_UPDATE_NOTIFIER": "false"}
        subprocess.run([_npm(), "ci", "--no-audit", "--no-fund"], cwd=AXE_DIR, env=env, check=True,
                       timeout=600)
    return AXE_FILE.read_text()


@dataclass
class Ids:
    worker: StaffUser
    leader: StaffUser
    beheerder: StaffUser
    privacy: StaffUser
    huiskamer: int
    child: int
    family: int
    signal: int
    track: int
    activity: int


def _ids(database_url: str) -> Ids:
    leader = demo_user(database_url, "teamleider")
    beheerder = demo_user(database_url, "beheerder")
    privacy = demo_user(database_url, "privacy")

    def find(db):
        locations = set(db.exec(select(StaffLocation.location_id).where(
            StaffLocation.staff_id == leader.id)).all())
        huiskamer = db.exec(select(Location.id).where(Location.id.in_(locations),
                                                      Location.kind == "huiskamer")
                            .order_by(Location.id)).first()
        workers = db.exec(select(StaffUser).join(StaffLocation, StaffLocation.staff_id == StaffUser.id)
                          .where(StaffUser.role == "kinderwerker", StaffUser.is_demo.is_(True),
                                 StaffUser.active.is_(True), StaffLocation.location_id == huiskamer)
                          .order_by(StaffUser.id)).all()
        # A child of the huiskamer with a family and leerdoelen that have evaluations (the chart).
        child = db.exec(select(Child).join(ChildLocation, ChildLocation.child_id == Child.id)
                        .join(Goal, Goal.child_id == Child.id)
                        .join(GoalProgress, GoalProgress.goal_id == Goal.id)
                        .where(ChildLocation.location_id == huiskamer, Child.family_id.is_not(None),
                               Child.anonymised_at.is_(None), GoalProgress.kind == "evaluatie")
                        # The last such child: the first ones are the other tests' (their audit rows).
                        .order_by(Child.id.desc())).first()
        signal = db.exec(select(Signal.id).where(Signal.location_id.in_(locations),
                                                 Signal.child_id.is_not(None))
                         .order_by(Signal.id)).first()
        track = db.exec(select(MeldcodeTrack.id).where(MeldcodeTrack.location_id.in_(locations),
                                                       MeldcodeTrack.status == "open")
                        .order_by(MeldcodeTrack.id)).first()
        activity = db.exec(select(Activity.id).where(Activity.location_id.in_(locations))
                           .order_by(Activity.day.desc())).first()
        return Ids(worker=workers[0], leader=leader, beheerder=beheerder, privacy=privacy,
                   huiskamer=huiskamer, child=child.id, family=child.family_id, signal=signal,
                   track=track, activity=activity)

    found = with_db(database_url, find)
    assert None not in (found.huiskamer, found.signal, found.track, found.activity), found
    return found


@pytest.fixture(scope="module")
def ids(app) -> Ids:
    return _ids(app.database_url)


@dataclass
class Findings:
    size: str
    axe: list[str] = field(default_factory=list)
    english: list[str] = field(default_factory=list)
    taps: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)


def _english_hits(page: Page) -> list[str]:
    hits = []
    for where, value in page.evaluate(TEXT_SCAN):
        words = {w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ]+(?:'[a-z]+)?", value or "")}
        found = sorted((words & ENGLISH_WORDS) - ALLOWED)
        if found:
            snippet = value if len(value) < 120 else "…"
            hits.append(f"{where}: {', '.join(found)} in {snippet!r}")
    return hits


def check_page(page: Page, axe_source: str, findings: Findings, label: str, screens: Screens) -> None:
    """Screenshot, axe-core, the English scan and (phone) the tap targets of the page as it is now."""
    path = page.url.split("/", 3)[-1] or "/"
    findings.pages.append(f"{label} ({path})")
    shot = screens.shot(page, f"{findings.size}-{label}")
    # A copy outside screenshots/ (which every test session empties when it starts).
    copies = REPORT_DIR / "toegankelijkheid"
    copies.mkdir(parents=True, exist_ok=True)
    shutil.copy(shot, copies / f"{findings.size}-{len(findings.pages):02d}-{label}.png")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source)
    for v in page.evaluate(AXE_RUN, AXE_TAGS):
        nodes = "\n      ".join(f"{n['target']}: {n['html']}" for n in v["nodes"])
        summary = (v["nodes"][0]["summary"] or "").replace("\n", " ")[:300] if v["nodes"] else ""
        findings.axe.append(f"{label} ({path}): {v['id']} [{v['impact']}] {v['help']} — "
                            f"{v['count']}x\n      {nodes}\n      {summary}")
    findings.english += [f"{label} ({path}): {hit}" for hit in _english_hits(page)]
    if findings.size == "telefoon":
        findings.taps += [f"{label} ({path}): {hit}" for hit in page.evaluate(TAP_SCAN)]
    # What was found so far, also when a later page fails: test-results/toegankelijkheid-<size>.txt
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    (REPORT_DIR / f"toegankelijkheid-{findings.size}.txt").write_text("\n".join(
        ["pages: " + "; ".join(findings.pages), "axe:", *findings.axe, "english:", *findings.english,
         "taps:", *findings.taps]))


# Pages whose h1 shows before their data: what only the loaded data shows.
READY = {
    "vandaag": lambda p: p.locator('.kw-main a[href^="/huiskamer/"]').first,
    "signaal": lambda p: p.get_by_role("button").filter(has_text="jaar").first,
    "gesprekken": lambda p: p.locator('.kw-main a[href^="/gezin/"]').first,
    "kinderen": lambda p: p.locator('.kw-main a[href^="/kind/"]').first,
    "aanmeldingen": lambda p: p.locator('.kw-main a[href^="/kind/"]').first,
    "ketenpartners": lambda p: p.locator(".kw-main .kw-card .rt-Badge").first,
    "activiteiten-week": lambda p: p.locator('.kw-main a[href^="/activiteit/"]').first,
    "activiteiten-maand": lambda p: p.locator('.kw-main a[href^="/activiteit/"]').first,
    "beheer-medewerkers": lambda p: p.locator(".kw-main").get_by_text("@").first,
    "privacy-logboek": lambda p: p.locator(".kw-main tbody tr").first,
    "privacy-bewaren": lambda p: p.locator(".kw-main tbody tr").first,
    "beheer-locaties": lambda p: p.locator(".kw-main tbody tr").first,
    "meldcode": lambda p: p.get_by_text("Stap 1: Signalen in kaart brengen").first,
}


def visit(page: Page, route: str, axe_source: str, findings: Findings, label: str, screens: Screens,
          ready=None) -> None:
    page.goto(route)
    ready = ready or READY.get(label)
    wait_ready(page, ready(page) if ready else None)
    check_page(page, axe_source, findings, label, screens)


def report(findings: Findings) -> None:
    parts = []
    if findings.axe:
        parts.append("axe-core (serious/critical):\n  - " + "\n  - ".join(findings.axe))
    if findings.english:
        parts.append("English words:\n  - " + "\n  - ".join(findings.english))
    if findings.taps:
        parts.append("Tap targets under 44x44 px:\n  - " + "\n  - ".join(findings.taps))
    print(f"\n{findings.size}: checked {len(findings.pages)} pages: " + "; ".join(findings.pages))
    if parts:
        pytest.fail(f"{findings.size}:\n" + "\n".join(parts), pytrace=False)


def _new_page(browser, app, size: str):
    context = prepare_context(browser.new_context(base_url=app.base_url, locale="nl-NL",
                                                  timezone_id="Europe/Amsterdam", **SIZES[size]))
    return context, context.new_page()


def login_checked(page: Page, user: StaffUser, database_url: str, axe_source: str, findings: Findings,
                  screens: Screens) -> None:
    """Log in with the second factor, checking its page (the code, or setting it up) on the way."""
    submit_login(page, user.email)
    if "/login/instellen" in page.url:
        key = page.locator("#totp-sleutel")
        expect(key).not_to_have_text("")
        check_page(page, axe_source, findings, "login-instellen", screens)
        secret = key.inner_text().replace(" ", "")
    else:
        assert "/login/code" in page.url, page.url
        check_page(page, axe_source, findings, "login-code", screens)
        secret = totp_secret(database_url, user.email)
    enter_code(page, secret, database_url, user.email)
    wait_ready(page, page.get_by_role("heading", name="Vandaag", level=1))


def _reset_second_factor(database_url: str, user_id: int) -> None:
    def reset(db):
        user = db.get(StaffUser, user_id)
        user.totp_enabled, user.totp_secret = False, None
        db.add(user)
        db.commit()
    with_db(database_url, reset)


@pytest.mark.parametrize("size", list(SIZES))
def test_every_page_is_accessible_and_dutch(browser, app, ids, axe_source, size, request):
    findings = Findings(size)
    screens = Screens(request.node.name, app.base_url)
    url = app.database_url

    # Not logged in: the login page, the page for an unknown OIDC account, a page that does not exist.
    context, page = _new_page(browser, app, size)
    try:
        visit(page, "/login", axe_source, findings, "login", screens)
        visit(page, "/login/geen-account", axe_source, findings, "geen-account", screens)
        page.goto("/deze-pagina-bestaat-niet")
        wait_ready(page, page.get_by_role("heading", name="Pagina niet gevonden", level=1))
        check_page(page, axe_source, findings, "404", screens)

        # Kinderwerker at a huiskamer: her Vandaag (with Mijn afspraken), the check-in, capture.
        login(page, ids.worker.email)
        expect(READY["vandaag"](page)).to_be_visible()
        check_page(page, axe_source, findings, "vandaag-kinderwerker", screens)
        for route, label in [
            (f"/huiskamer/{ids.huiskamer}", "huiskamer"), ("/signaal", "signaal"),
            ("/gesprekken", "gesprekken"), ("/kinderen", "kinderen"), (f"/kind/{ids.child}", "kind"),
            (f"/kind/{ids.child}/toestemmingen", "toestemmingen"), (f"/gezin/{ids.family}", "gezin"),
            ("/aanmeldingen", "aanmeldingen"), ("/ketenpartners", "ketenpartners"), ("/meer", "meer"),
            ("/activiteiten", "activiteiten-week"), ("/activiteiten/maand", "activiteiten-maand"),
            ("/activiteiten/plannen", "activiteiten-plannen"), (f"/activiteit/{ids.activity}", "activiteit"),
        ]:
            visit(page, route, axe_source, findings, label, screens)
    finally:
        context.close()

    # Teamleider (second factor): Vandaag, signal, meldcode track, overview, report with charts.
    context, page = _new_page(browser, app, size)
    try:
        login_checked(page, ids.leader, url, axe_source, findings, screens)
        expect(READY["vandaag"](page)).to_be_visible()
        check_page(page, axe_source, findings, "vandaag-teamleider", screens)
        visit(page, f"/signalen/{ids.signal}", axe_source, findings, "signaal-detail", screens)
        visit(page, f"/meldcode/{ids.track}", axe_source, findings, "meldcode", screens)
        visit(page, "/overzicht", axe_source, findings, "overzicht", screens,
              ready=lambda p: p.get_by_role("button", name="Open meldcodetrajecten").first)
        visit(page, "/rapportage", axe_source, findings, "rapportage-formulier", screens,
              ready=lambda p: p.get_by_role("checkbox").first)
        page.get_by_role("button", name="Rapportage maken").click()
        expect(page.get_by_role("heading", name="Aanwezigheid per week")).to_be_visible()
        check_page(page, axe_source, findings, "rapportage", screens)
    finally:
        context.close()

    # Beheerder (second factor): staff and locations.
    context, page = _new_page(browser, app, size)
    try:
        login_checked(page, ids.beheerder, url, axe_source, findings, screens)
        visit(page, "/beheer/medewerkers", axe_source, findings, "beheer-medewerkers", screens)
        visit(page, "/beheer/locaties", axe_source, findings, "beheer-locaties", screens)
    finally:
        context.close()

    # Privacyfunctionaris, setting up her second factor anew: inzage, logboek, bewaren.
    context, page = _new_page(browser, app, size)
    try:
        _reset_second_factor(url, ids.privacy.id)
        login_checked(page, ids.privacy, url, axe_source, findings, screens)
        for route, label in [("/privacy/inzage", "privacy-inzage"), ("/privacy/logboek", "privacy-logboek"),
                             ("/privacy/bewaren", "privacy-bewaren")]:
            visit(page, route, axe_source, findings, label, screens)
    finally:
        context.close()

    report(findings)


def test_focus_is_visible(browser, app):
    """A keyboard user sees where the focus is: the focused control has a visible outline."""
    context, page = _new_page(browser, app, "desktop")
    try:
        page.goto("/login")
        wait_ready(page)
        page.get_by_label("E-mailadres").focus()
        page.keyboard.press("Tab")
        outline = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
            return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow}; }""")
        assert (outline["style"] != "none" and outline["width"] >= 2) or outline["shadow"] != "none", json.dumps(outline)
    finally:
        context.close()
