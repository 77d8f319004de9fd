"""Finding children as they are typed (issue 15): typed without accents, apostrophes or hyphens,
each example finds its child in the Kinderen list and in the signal's child picker, on SQLite and on
PostgreSQL.

The children are made here, at every location of the first demo kinderwerker, with surnames and
first names that sort them first among the demo's own Zoës and O'Neills (the picker shows 8)."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from kinderwerk_pwa.models import Child, ChildLocation, StaffLocation

from .conftest import start_app, stop_app
from .helpers import demo_user, login, wait_ready, with_db
from .services import fresh_postgresql_database

pytestmark = pytest.mark.e2e

# (first name, last name) as stored
CHILDREN = [
    ("Zoë", "Aarts"), ("Ada", "Zielińska"), ("Eylül", "Aarts"), ("Çağla", "Aarts"),
    ("Aaron", "O'Neill"), ("Noah-Jayden", "Aarts"), ("Aad", "de Vries"),
]
# what is typed -> the child it must find
EXAMPLES = [
    ("zoe", "Zoë Aarts"),
    ("zielinska", "Ada Zielińska"),
    ("eylul", "Eylül Aarts"),
    ("cagla", "Çağla Aarts"),
    ("oneill", "Aaron O'Neill"),
    ("noah jayden", "Noah-Jayden Aarts"),
    ("aad de vries", "Aad de Vries"),
    ("aad vries", "Aad de Vries"),
]


def _add_children(database_url: str) -> str:
    """The children at every location of the first demo kinderwerker; returns her email."""
    worker = demo_user(database_url, "kinderwerker")

    def add(db):
        locations = db.exec(select(StaffLocation.location_id).where(StaffLocation.staff_id == worker.id)).all()
        for first, last in CHILDREN:
            exists = db.exec(select(Child.id).where(Child.first_name == first, Child.last_name == last)).first()
            if exists:
                continue
            child = Child(organisation_id=worker.organisation_id, first_name=first, last_name=last,
                          date_of_birth=date(2017, 4, 1), status="bekend")
            db.add(child)
            db.flush()
            db.add_all([ChildLocation(child_id=child.id, location_id=loc) for loc in locations])
        db.commit()

    with_db(database_url, add)
    return worker.email


def _kinderen_finds_each_example(page: Page, email: str, database_url: str) -> None:
    login(page, email, database_url=database_url)
    page.goto("/kinderen")
    wait_ready(page, page.get_by_role("heading", name="Kinderen", level=1))
    search = page.locator("#kinderen-zoek")
    rows = page.get_by_role("link").filter(has_text="jaar")
    for typed, name in EXAMPLES:
        search.fill(typed)
        expect(rows.filter(has_text=name), f"{typed!r} vindt {name}").to_be_visible()
        # The list is filtered: a child that does not match is gone.
        other = "Zoë Aarts" if name != "Zoë Aarts" else "Ada Zielińska"
        expect(rows.filter(has_text=other), f"{typed!r} filtert").to_have_count(0)


@pytest.fixture(scope="module")
def worker_email(app) -> str:
    return _add_children(app.database_url)


def test_each_example_in_the_kinderen_list(phone, app, worker_email):
    _kinderen_finds_each_example(phone, worker_email, app.database_url)


def _picker_finds_each_example(page: Page, email: str, database_url: str) -> None:
    login(page, email, database_url=database_url)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Signaal").tap()
    search = page.locator("#signaal-zoek")
    expect(search).to_be_visible()
    for typed, name in EXAMPLES:
        search.fill(typed)
        expect(page.get_by_role("button").filter(has_text=name), f"{typed!r} vindt {name}").to_be_visible()
        other = "Zoë Aarts" if name != "Zoë Aarts" else "Ada Zielińska"
        expect(page.get_by_role("button").filter(has_text=other), f"{typed!r} filtert").to_have_count(0)
    # And the child found is the one chosen.
    search.fill("oneill")
    page.get_by_role("button").filter(has_text="Aaron O'Neill").click()
    expect(page.get_by_role("heading", name="Aaron O'Neill")).to_be_visible()


def test_each_example_in_the_signal_child_picker(phone, app, worker_email):
    _picker_finds_each_example(phone, worker_email, app.database_url)


# ---- the same on PostgreSQL ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def pg_app(tmp_path_factory):
    """The app on a fresh PostgreSQL database with demo data (one worker, no Redis needed)."""
    with fresh_postgresql_database("kw_e2e_zoek_") as database_url:
        running, proc = start_app(tmp_path_factory.mktemp("zoeken-pg"), extra_env={"DATABASE_URL": database_url})
        try:
            yield running
        finally:
            stop_app(proc)


@pytest.mark.parametrize("where", ["kinderen", "signaal"])
def test_each_example_on_postgresql(browser, pg_app, where):
    """The Kinderen list and the signal's child picker, searched in PostgreSQL."""
    from .conftest import PHONE
    from .helpers import prepare_context

    assert pg_app.database_url.startswith("postgresql")
    email = _add_children(pg_app.database_url)
    context = prepare_context(browser.new_context(base_url=pg_app.base_url, locale="nl-NL",
                                                  timezone_id="Europe/Amsterdam", **PHONE))
    try:
        finds = _kinderen_finds_each_example if where == "kinderen" else _picker_finds_each_example
        finds(context.new_page(), email, pg_app.database_url)
    finally:
        context.close()
