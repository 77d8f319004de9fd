"""Teamleider at desktop size: the overview, a click through to an overdue meldcode track; the XLSX
export read back holds the same figures as the screen; kinderwerkers get neither."""

from __future__ import annotations

import io

import openpyxl
import pytest
from playwright.sync_api import expect

from .helpers import demo_user, login, wait_ready

pytestmark = pytest.mark.e2e


def test_overview_click_through_and_export(desktop, app):
    leader = demo_user(app.database_url, "teamleider")
    login(desktop, leader.email, database_url=app.database_url)
    desktop.goto("/overzicht")
    figures = desktop.get_by_role("button", name="Open meldcodetrajecten")
    # The figures come with the overview's data.
    wait_ready(desktop, figures.first)
    expect(desktop.get_by_role("heading", name="Teamoverzicht", level=1)).to_be_visible()
    overdue = desktop.get_by_role("link").filter(has_text="te laat")
    for i in range(figures.count()):  # open each location's list until an overdue track shows
        figures.nth(i).click()
        # The list is open (it renders with the same update): now it either has an overdue track or not.
        expect(figures.nth(i)).to_have_attribute("aria-expanded", "true")
        if overdue.count():
            break
    expect(overdue.first).to_be_visible()
    overdue.first.click()
    expect(desktop.get_by_role("heading", name="Meldcode", level=1)).to_be_visible()
    expect(desktop.get_by_text("Stap 1: Signalen in kaart brengen")).to_be_visible()

    desktop.goto("/rapportage")
    # The form's locations come with the page's data: a click before they show would send none.
    wait_ready(desktop, desktop.get_by_role("checkbox").first)
    desktop.get_by_role("button", name="Rapportage maken").click()
    expect(desktop.get_by_role("heading", name="Kerncijfers")).to_be_visible()
    expect(desktop.get_by_role("heading", name="Aanwezigheid per week")).to_be_visible()
    expect(desktop.locator(".kw-charts svg.recharts-surface").first).to_be_visible()
    screen = {}
    for table in desktop.locator("table.kw-report-table").all():
        title = table.locator("xpath=preceding-sibling::*[1]").inner_text()
        screen[title] = [[c.inner_text() for c in row.locator("td").all()] for row in table.locator("tbody tr").all()]
    with desktop.expect_download() as download:
        desktop.get_by_role("button", name="Download als Excel (.xlsx)").click()
    book = openpyxl.load_workbook(io.BytesIO(open(download.value.path(), "rb").read()))
    compared = 0
    for title, rows in screen.items():
        sheet = next(ws for ws in book.worksheets if ws.title == title[:31] or ws["A1"].value == title)
        # A number with one decimal (number format 0.0) reads back as an int when it is whole (13.0).
        values = [[("" if c.value is None else (f"{c.value:.1f}".replace(".", ",")
                                               if isinstance(c.value, float) or c.number_format == "0.0"
                                               else str(c.value)))
                   for c in row] for row in sheet.iter_rows(min_row=2)]
        values = [row for row in values if any(row)]
        assert values[-len(rows):] == rows, f"sheet {title} differs from the screen"
        compared += 1
    assert compared >= 10


def test_kinderwerker_gets_no_overview_or_export(phone, app):
    worker = demo_user(app.database_url, "kinderwerker")
    login(phone, worker.email)
    phone.goto("/overzicht")
    wait_ready(phone)
    expect(phone.get_by_role("alert")).to_contain_text("geen toegang")
    response = phone.request.get("/api/rapportage/export?formaat=xlsx&van=2026-01-01&tot=2026-10-31&locaties=1")
    assert response.status == 403
