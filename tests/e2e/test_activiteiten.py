"""Activiteiten at phone size: from Vandaag open today's activity at the speelpleinroute, tally 7
children who are not registered and tap 3 registered ones, mark it realised, in at most 12 taps;
the teamleider then sees it in the rapportage (checked against the database) and on the overview.
The same registration offline is queued and stored once when the connection returns. The plan form,
the week and the month at phone and desktop size."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from playwright.sync_api import Locator, expect
from sqlmodel import func, select

from kinderwerk_pwa import texts
from kinderwerk_pwa.domain.activiteiten.planning import plan_series
from kinderwerk_pwa.domain.common.clock import local_today
from kinderwerk_pwa.domain.toegang.actor import load_actor
from kinderwerk_pwa.models import (
    Activity,
    ActivityChild,
    ActivityRegistration,
    ActivitySeries,
    ActivitySeriesTheme,
    ActivityTally,
    Child,
    ChildLocation,
    Location,
    StaffLocation,
    StaffUser,
)

from .conftest import _SCREENS
from .helpers import demo_user, login, open_offline_panel, prime_offline, wait_ready, with_db

pytestmark = pytest.mark.e2e

MAX_TAPS = 12


class Taps:
    """Every tap or click of the flow goes through here, so the test can count them."""

    def __init__(self):
        self.count = 0

    def tap(self, locator: Locator) -> None:
        self.count += 1
        locator.tap()


def _route(app):
    """The speelpleinroute, a kinderwerker there, and the children known there."""
    def find(db):
        location = db.exec(select(Location).where(Location.kind == "speelpleinroute").order_by(Location.id)).first()
        worker = db.exec(select(StaffUser).join(StaffLocation, StaffLocation.staff_id == StaffUser.id)
                         .where(StaffLocation.location_id == location.id, StaffUser.role == "kinderwerker",
                                StaffUser.is_demo.is_(True), StaffUser.active.is_(True))
                         .order_by(StaffUser.id)).first()
        children = db.exec(select(Child.id).join(ChildLocation, ChildLocation.child_id == Child.id)
                           .where(ChildLocation.location_id == location.id, Child.status != "uitgestroomd")
                           .order_by(Child.id)).all()
        return location, worker, list(children)
    return with_db(app.database_url, find)


def _plan_today(app, monkeypatch, location, worker, title: str) -> int:
    """An activity today at the location, planned through the domain as the demo worker."""
    from kinderwerk_pwa.settings import reset_settings

    monkeypatch.setenv("KINDERWERK_DEMO", "1")  # demo accounts act only in demo mode
    reset_settings()
    today = local_today()

    def plan(db):
        result = plan_series(load_actor(db, worker.id), db, {
            "client_uuid": str(uuid.uuid4()), "location_id": location.id, "title": title, "kind": "sport_spel",
            "themes": ["gezond_leven"], "place_kind": "speeltuin", "place_name": "Speeltuin De Wilg",
            "first_day": today.isoformat(), "repeat": "eenmalig", "start_time": "15:00", "end_time": "16:30",
            "planned_children": 15})
        return result.activity_ids[0]
    try:
        return with_db(app.database_url, plan)
    finally:
        monkeypatch.delenv("KINDERWERK_DEMO")
        reset_settings()


def _todays_activity(app, monkeypatch, location, worker) -> tuple[int, str]:
    """Today's activity at the speelpleinroute from the demo data, or one planned now."""
    today = local_today()
    found = with_db(app.database_url, lambda db: db.exec(
        select(Activity.id, ActivitySeries.title).join(ActivitySeries, ActivitySeries.id == Activity.series_id)
        .where(Activity.location_id == location.id, Activity.day == today, Activity.status == "gepland")
        .order_by(Activity.start_time, Activity.id)).first())
    if found:
        return found[0], found[1]
    title = "Speelpleinroute: tikkertje en voetbal"
    return _plan_today(app, monkeypatch, location, worker, title), title


def _registration(app, activity_id: int):
    def read(db):
        regs = db.exec(select(ActivityRegistration).where(ActivityRegistration.activity_id == activity_id)).all()
        children = db.exec(select(ActivityChild.child_id).where(ActivityChild.activity_id == activity_id)).all()
        tally = {(t.age_band, t.gender): t.count for t in db.exec(
            select(ActivityTally).where(ActivityTally.activity_id == activity_id)).all()}
        return regs, sorted(children), tally
    return with_db(app.database_url, read)


def _shot(page, label: str) -> None:
    """A screenshot of this moment (also for pages of a second browser context)."""
    screens = getattr(page, "screens", None) or _SCREENS.get(id(page))
    if screens is not None:
        screens.shot(page, label)


def _shown(n: int) -> str:
    """A count of children as the report shows a total: 1-4 as <5."""
    return "<5" if 1 <= n <= 4 else str(n)


def _table(page, title: str) -> dict[str, list[str]]:
    """A report table on screen by its title: {first cell: the other cells}."""
    table = page.get_by_role("heading", name=title, exact=True).locator("xpath=following-sibling::table[1]")
    expect(table).to_be_visible()
    rows = [[c.inner_text() for c in row.locator("td").all()] for row in table.locator("tbody tr").all()]
    return {row[0]: row[1:] for row in rows}


def test_phone_realise_in_twelve_taps_then_the_report(phone, app, monkeypatch, new_context):
    location, worker, _ = _route(app)
    activity_id, title = _todays_activity(app, monkeypatch, location, worker)
    login(phone, worker.email)

    taps = Taps()
    # Vandaag shows today's activities: one tap opens the sheet.
    card = phone.locator(f'a[href="/activiteit/{activity_id}"]')
    expect(phone.get_by_role("heading", name="Activiteiten vandaag")).to_be_visible()
    taps.tap(card)
    wait_ready(phone, phone.get_by_role("heading", name=title, level=1))
    tiles = phone.locator(".kw-child-tiles button[data-child-id]")
    expect(tiles.first).to_be_visible()
    assert tiles.count() >= 3
    chosen = [int(tiles.nth(i).get_attribute("data-child-id")) for i in range(3)]
    for child_id in chosen:
        tile = phone.locator(f'.kw-child-tiles button[data-child-id="{child_id}"]')
        taps.tap(tile)
        expect(tile).to_have_attribute("aria-pressed", "true")
    # Four girls of 7-9 with +, three boys of 10-12 typed in their cell.
    for _ in range(4):
        taps.tap(phone.get_by_role("button", name="Meisje 7-9 jaar, één meer"))
    expect(phone.get_by_label("Meisje 7-9 jaar, aantal")).to_have_value("4")
    boys = phone.get_by_label("Jongen 10-12 jaar, aantal")
    taps.tap(boys)
    boys.fill("3")
    expect(phone.get_by_role("heading", name="Niet-ingeschreven kinderen turven (7)")).to_be_visible()
    expect(phone.get_by_text("Samen: 3 ingeschreven + 7 geturfd")).to_be_visible()
    _shot(phone, "activiteit-afvinken")
    taps.tap(phone.get_by_role("button", name="Gerealiseerd", exact=True))
    expect(phone.get_by_role("status").filter(has_text="Opgeslagen: gerealiseerd.")).to_be_visible()
    assert taps.count <= MAX_TAPS, f"{taps.count} taps"
    print(f"taps from Vandaag to realised: {taps.count}")
    _shot(phone, "activiteit-gerealiseerd")

    regs, children, tally = _registration(app, activity_id)
    assert [(r.status, r.children_count, r.anonymous_count) for r in regs] == [("gerealiseerd", 3, 7)]
    assert children == sorted(chosen)
    assert tally == {("7-9", "meisje"): 4, ("10-12", "jongen"): 3}

    # The teamleider sees it: the rapportage of today for this location, against the database.
    leader = demo_user(app.database_url, "teamleider")
    desk = new_context("desktop").new_page()
    login(desk, leader.email, database_url=app.database_url)
    desk.goto("/rapportage")
    wait_ready(desk, desk.get_by_role("checkbox").first)
    today = local_today()
    desk.get_by_label("Van", exact=True).fill(today.isoformat())
    desk.get_by_label("Tot en met", exact=True).fill(today.isoformat())
    for box in desk.get_by_role("group", name="Locaties").get_by_role("checkbox").all():
        box.uncheck()
    desk.get_by_label(location.name, exact=True).check()
    desk.get_by_role("button", name="Rapportage maken").click()
    # The page opens with last month's report: wait until today's is there (its one month is this one).
    by_month = desk.get_by_role("heading", name="Plan en realisatie per maand", exact=True).locator(
        "xpath=following-sibling::table[1]//tbody/tr[1]/td[1]")
    expect(by_month).to_have_text(f"{texts.MONTHS[today.month]} {today.year}")

    def expected(db):
        scope = [Activity.location_id == location.id, Activity.day == today]
        realised = db.exec(select(func.count()).select_from(Activity)
                           .where(*scope, Activity.status == "gerealiseerd")).one()
        planned = db.exec(select(func.count()).select_from(Activity)
                          .where(*scope, Activity.status != "verplaatst")).one()
        anonymous, contacts = db.exec(
            select(func.coalesce(func.sum(ActivityRegistration.anonymous_count), 0),
                   func.coalesce(func.sum(ActivityRegistration.anonymous_count
                                          + ActivityRegistration.children_count), 0))
            .join(Activity, Activity.id == ActivityRegistration.activity_id)
            .where(*scope, Activity.status == "gerealiseerd")).one()
        return realised, planned, anonymous, contacts
    realised, planned, anonymous, contacts = with_db(app.database_url, expected)
    assert realised >= 1 and anonymous >= 7 and contacts >= 10
    key = _table(desk, texts.BEREIK_ACT_T_KERNCIJFERS)
    assert key["Activiteiten gerealiseerd"] == [str(realised)]
    assert key["Activiteiten gepland"] == [str(planned)]
    assert key["Contacten met niet-geregistreerde kinderen (turflijst)"] == [_shown(anonymous)]
    assert key["Contacten totaal"] == [_shown(contacts)]
    per_location = _table(desk, "Plan en realisatie per locatie")
    assert per_location[location.name][:2] == [str(planned), str(realised)]
    _shot(desk, "rapportage-activiteiten")

    # And on the overview: this week's activities, ours realised.
    desk.goto("/overzicht")
    expect(desk.get_by_role("heading", name="Activiteiten deze week")).to_be_visible()
    expect(desk.locator(f'a[href="/activiteit/{activity_id}"]').first).to_contain_text("Gerealiseerd")
    _shot(desk, "overzicht-activiteiten")


def test_offline_registration_is_stored_once(phone, app, monkeypatch):
    location, worker, children = _route(app)
    activity_id = _plan_today(app, monkeypatch, location, worker, "Droomspeelbus zonder bereik")
    login(phone, worker.email)
    # Online once: this week's activities and the names are on the phone.
    prime_offline(phone)
    bar, dialog = open_offline_panel(phone)
    dialog.get_by_role("button", name="Activiteit", exact=True).tap()
    dialog.get_by_label("Activiteit", exact=True).select_option(str(activity_id))
    chosen = children[:3]
    for child_id in chosen:
        tile = dialog.locator(f'button[data-child-id="{child_id}"]')
        tile.tap()
        expect(tile).to_have_attribute("aria-pressed", "true")
    for _ in range(4):
        dialog.get_by_role("button", name="Meisje 7-9 jaar, één meer").tap()
    boys = dialog.get_by_label("Jongen 10-12 jaar, aantal")
    boys.fill("3")
    expect(dialog.get_by_text("Samen: 3 ingeschreven + 7 geturfd")).to_be_visible()
    dialog.get_by_role("button", name="Gerealiseerd", exact=True).tap()
    expect(dialog.get_by_role("status")).to_contain_text("gerealiseerd (wacht op verzending)")
    dialog.get_by_role("button", name="Gerealiseerd", exact=True).tap()  # a double tap queues once
    expect(dialog.get_by_role("status")).to_contain_text("Al geregistreerd")
    _shot(phone, "offline-activiteit")
    dialog.get_by_role("button", name="Sluiten").tap()
    expect(bar).to_contain_text("1 wacht op verzending")
    assert _registration(app, activity_id)[0] == []
    queued = phone.evaluate("window.kinderwerkOffline.queue()")
    assert [(i["type"], i["payload"]["activity_id"]) for i in queued] == [("activiteit", activity_id)]

    with phone.expect_response(lambda r: r.url.endswith("/api/sync") and r.request.method == "POST") as sent:
        phone.context.set_offline(False)
        phone.evaluate("window.dispatchEvent(new Event('online'))")
    expect(bar).to_contain_text("1 item opgeslagen op de server")
    assert sent.value.status == 200
    regs, stored_children, tally = _registration(app, activity_id)
    assert [(r.client_uuid, r.status, r.children_count, r.anonymous_count) for r in regs] == [
        (queued[0]["client_uuid"], "gerealiseerd", 3, 7)]
    assert stored_children == sorted(chosen)
    assert tally == {("7-9", "meisje"): 4, ("10-12", "jongen"): 3}

    # The same POST again (a phone that lost the answer) stores nothing twice.
    replay = phone.evaluate("""async (body) => {
        const response = await fetch("/api/sync", {method: "POST", credentials: "same-origin", cache: "no-store",
            headers: {"Content-Type": "application/json", "X-Kinderwerk": "1"}, body});
        return {status: response.status, body: await response.json()};
    }""", sent.value.request.post_data)
    assert replay["status"] == 200 and replay["body"]["results"][0]["status"] == "opgeslagen"
    assert len(_registration(app, activity_id)[0]) == 1


def test_plan_form_week_and_month(phone, app, new_context):
    location, worker, _ = _route(app)
    login(phone, worker.email)
    today = local_today()
    phone.goto(f"/activiteiten/plannen?locatie={location.id}")
    wait_ready(phone, phone.get_by_label("Naam van de activiteit"))
    title = "Knutselen in de speeltuin"
    phone.get_by_label("Naam van de activiteit").fill(title)
    phone.get_by_label("Soort activiteit").select_option("creatief")
    phone.get_by_label("Waar is het?").select_option("speeltuin")
    phone.get_by_label("Naam of adres van de plek").fill("Speeltuin De Boomgaard")
    phone.get_by_label("Wijk van de plek").fill("Kruidenwijk")
    phone.get_by_label("Datum", exact=True).fill(today.isoformat())
    phone.get_by_label("Begintijd").fill("15:00")
    phone.get_by_label("Eindtijd").fill("16:30")
    phone.get_by_label("Elke week", exact=True).check()
    phone.get_by_label("Elke week tot en met").fill((today + timedelta(days=21)).isoformat())
    phone.get_by_label("Talentontwikkeling").check()
    phone.get_by_label("Gepland aantal kinderen").fill("15")
    expect(phone.get_by_label("Wie voert het uit?")).to_have_value(str(worker.id))
    _shot(phone, "plannen-formulier")
    phone.get_by_role("button", name="Activiteit plannen", exact=True).tap()
    expect(phone.get_by_role("status")).to_contain_text(f"Gepland: {title}, 4 keer.")

    def planned(db):
        series = db.exec(select(ActivitySeries).where(ActivitySeries.title == title)).one()
        days = db.exec(select(Activity.day).where(Activity.series_id == series.id).order_by(Activity.day)).all()
        themes = db.exec(select(ActivitySeriesTheme.theme).where(ActivitySeriesTheme.series_id == series.id)).all()
        return series, days, themes
    series, days, themes = with_db(app.database_url, planned)
    assert (series.location_id, series.place_kind, series.place_name, series.neighbourhood, series.lead_staff_id,
            series.planned_children) == (location.id, "speeltuin", "Speeltuin De Boomgaard", "Kruidenwijk",
                                         worker.id, 15)
    assert days == [today + timedelta(days=7 * i) for i in range(4)] and themes == ["talentontwikkeling"]

    # The week shows it; the next week too.
    phone.get_by_role("button", name="Naar het weekoverzicht").tap()
    week = phone.get_by_role("link").filter(has_text=title)
    expect(week.first).to_be_visible()
    phone.get_by_role("button", name="Volgende week").tap()
    expect(phone.get_by_role("status").filter(has_text="Week")).to_contain_text(
        f"Week {(today + timedelta(days=7)).isocalendar().week}")
    expect(week.first).to_be_visible()
    _shot(phone, "activiteiten-week")
    phone.goto("/activiteiten/maand")
    wait_ready(phone, phone.locator(".kw-month-entry").first)
    _shot(phone, "activiteiten-maand-telefoon")

    # At desktop size: the month calendar, the week, the plan form and a sheet.
    desk = new_context("desktop").new_page()
    login(desk, worker.email)
    desk.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Activiteiten").click()
    wait_ready(desk, desk.get_by_role("heading", name="Activiteiten per maand", level=1))
    entry = desk.locator(".kw-month-entry").filter(has_text=title).first
    expect(entry).to_be_visible()
    _shot(desk, "activiteiten-maand")
    entry.click()
    wait_ready(desk, desk.get_by_role("heading", name=title, level=1))
    expect(desk.get_by_role("group", name="Niet-ingeschreven kinderen turven")).to_be_visible()
    _shot(desk, "activiteit-blad-desktop")
    sheet_url = desk.url
    desk.goto(f"/activiteiten?locatie={location.id}")
    wait_ready(desk, desk.get_by_role("link").filter(has_text=title).first)
    _shot(desk, "activiteiten-week-desktop")
    desk.goto("/activiteiten/plannen")
    wait_ready(desk, desk.get_by_label("Naam van de activiteit"))
    _shot(desk, "plannen-desktop")

    # The narrowest phone: nothing wider than the screen.
    phone.set_viewport_size({"width": 360, "height": 780})
    for path, ready in [(sheet_url, phone.get_by_role("heading", name=title, level=1)),
                        (f"/activiteiten?locatie={location.id}", phone.get_by_role("link").filter(has_text=title).first),
                        ("/activiteiten/plannen", phone.get_by_label("Naam van de activiteit")),
                        ("/activiteiten/maand", phone.locator(".kw-month-entry").first)]:
        phone.goto(path)
        wait_ready(phone, ready)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} is {width}px wide at 360px"
    phone.goto(sheet_url)
    wait_ready(phone, phone.get_by_role("heading", name=title, level=1))
    _shot(phone, "activiteit-blad-360")


def test_change_a_weekly_series(phone, app, monkeypatch):
    """From an occurrence's sheet, "Planning wijzigen" opens the plan form with the series' values;
    a wrong time is refused in Dutch and changes nothing; new times and an earlier end date change
    the occurrences to come and drop the one after the new end."""
    location, worker, _ = _route(app)
    today = local_today()
    title = f"Voetbal op het Cruijffcourt {uuid.uuid4().hex[:4]}"
    from kinderwerk_pwa.settings import reset_settings

    monkeypatch.setenv("KINDERWERK_DEMO", "1")
    reset_settings()
    try:
        series_id = with_db(app.database_url, lambda db: plan_series(load_actor(db, worker.id), db, {
            "client_uuid": str(uuid.uuid4()), "location_id": location.id, "title": title, "kind": "sport_spel",
            "themes": ["gezond_leven"], "place_kind": "plein", "place_name": "Cruijffcourt Zuidplein",
            "first_day": (today + timedelta(days=1)).isoformat(), "repeat": "wekelijks",
            "last_day": (today + timedelta(days=22)).isoformat(), "start_time": "15:00", "end_time": "16:30",
            "planned_children": 12}).series_id)
    finally:
        monkeypatch.delenv("KINDERWERK_DEMO")
        reset_settings()

    def occurrences(db):
        return [(a.day, f"{a.start_time:%H:%M}", f"{a.end_time:%H:%M}") for a in db.exec(
            select(Activity).where(Activity.series_id == series_id).order_by(Activity.day)).all()]
    before = with_db(app.database_url, occurrences)
    assert len(before) == 4
    first_id = with_db(app.database_url, lambda db: db.exec(
        select(Activity.id).where(Activity.series_id == series_id).order_by(Activity.day)).first())

    login(phone, worker.email)
    phone.goto(f"/activiteit/{first_id}")
    wait_ready(phone, phone.get_by_role("heading", name=title, level=1))
    phone.get_by_role("button", name="Planning wijzigen").tap()
    wait_ready(phone, phone.get_by_role("heading", name="Activiteit wijzigen", level=1))
    expect(phone.get_by_label("Naam van de activiteit")).to_have_value(title)
    expect(phone.get_by_label("Begintijd")).to_have_value("15:00")
    expect(phone.get_by_label("Elke week tot en met")).to_have_value((today + timedelta(days=22)).isoformat())
    expect(phone.get_by_label("Gezond leven")).to_be_checked()
    expect(phone.get_by_label("Gepland aantal kinderen")).to_have_value("12")
    expect(phone.get_by_label("Locatie (team)")).to_have_count(0)  # a series stays at its location
    _shot(phone, "activiteit-wijzigen")

    phone.get_by_label("Eindtijd").fill("14:00")
    phone.get_by_role("button", name="Wijzigingen opslaan").tap()
    expect(phone.get_by_text(texts.FOUT_ACTIVITEIT_EIND_VOOR_BEGIN).first).to_be_visible()
    assert with_db(app.database_url, occurrences) == before

    phone.get_by_label("Begintijd").fill("15:30")
    phone.get_by_label("Eindtijd").fill("17:00")
    phone.get_by_label("Elke week tot en met").fill((today + timedelta(days=15)).isoformat())
    phone.get_by_role("button", name="Wijzigingen opslaan").tap()
    expect(phone.get_by_role("status")).to_contain_text(f"Gewijzigd: {title}. 0 nieuwe datum(s), 1 vervallen.")
    assert with_db(app.database_url, occurrences) == [(day, "15:30", "17:00") for day, _, _ in before[:3]]
    series = with_db(app.database_url, lambda db: db.get(ActivitySeries, series_id))
    assert (series.title, series.planned_children, series.last_day) == (title, 12, today + timedelta(days=15))
