"""Exports of the rapportage (domain/exports.py): the XLSX read back with openpyxl and the CSV parsed
back hold exactly the figures of Report.tables() followed by ActivityReach.tables(); nothing typed by a user can become a formula;
only a teamleider may export, on his own locations, and every export is audited."""

from __future__ import annotations

import csv
import io
from datetime import date

import openpyxl
import pytest

from kinderwerk_pwa import texts
from kinderwerk_pwa.domain.common.errors import PermissionDenied
from kinderwerk_pwa.domain.rapportage import exports, reports
from kinderwerk_pwa.domain.rapportage.activity_reach import activity_reach
from kinderwerk_pwa.models import Partner, ReferralOut
from tests.world import actor, audits

from .test_reports import END, HYPERLINK, SMALL, START, build_data

INJECTED_PARTNER = "@SUM(A1:A9)"


@pytest.fixture
def data(app_db):
    db, w = app_db
    d = build_data(db, w)
    partner = Partner(organisation_id=w.org_id, name=INJECTED_PARTNER, kind="anders")
    db.add(partner)
    db.flush()
    db.add(ReferralOut(child_id=w.child_a, location_id=w.loc_a, partner_id=partner.id, reason="Doorverwijzing.",
                       consent_given=True, consent_by="Petra Jansen", consent_on=START, sent_on=START,
                       feedback_due=END, status="verstuurd", created_by_id=w.staff["kinderwerker"]))
    db.commit()
    return db, d


def the_tables(db, d):
    """What the export must hold: the period report's tables, then activities and reach."""
    leader, ids = actor(db, d.w, "teamleider"), [d.w.loc_a, d.w.loc_b]
    return exports.export_tables(reports.report(leader, db, ids, START, END),
                                 activity_reach(leader, db, ids, START, END))


# ---- XLSX ------------------------------------------------------------------------------------

def test_xlsx_holds_the_same_figures_as_the_tables(data):
    db, d = data
    content = exports.report_xlsx(actor(db, d.w, "teamleider"), db, [d.w.loc_a, d.w.loc_b], START, END)
    tables = the_tables(db, d)
    assert texts.BEREIK_ACT_T_PVR_LOCATIE in [t.title for t in tables]
    wb = openpyxl.load_workbook(io.BytesIO(content))
    assert wb.sheetnames == [texts.RAPPORT_TOELICHTING, *(t.title for t in tables)]
    intro = [row[0] for row in wb[texts.RAPPORT_TOELICHTING].iter_rows(values_only=True)]
    assert intro[0] == texts.RAPPORT_TITEL and "02-02-2026 tot en met 27-02-2026" in intro[1]
    assert "Huiskamer De Vlieger" in intro[2] and "<5" in intro[3] and intro[4] == texts.BEREIK_ACT_UITLEG
    small_cells = 0
    for table in tables:
        ws = wb[table.title]
        rows = list(ws.iter_rows(values_only=True))
        assert list(rows[0]) == table.columns
        assert [tuple(r) for r in rows[1:]] == [tuple(r) for r in table.rows], table.title
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, int | float):
                    assert cell.data_type == "n"  # numbers as numbers
                elif cell.value is not None:
                    assert cell.data_type == "s"  # text, never a formula
                    small_cells += cell.value == SMALL
    assert small_cells > 10
    hood = wb[texts.RAPPORT_T_BEREIK_WIJK]
    injected = [c for c in hood["A"] if c.value == HYPERLINK]
    assert len(injected) == 1 and injected[0].data_type == "s" and injected[0].quotePrefix
    partner = [c for c in wb[texts.RAPPORT_T_DOORVERWIJZINGEN]["A"] if c.value == INJECTED_PARTNER]
    assert len(partner) == 1 and partner[0].data_type == "s"
    # And the formula is nowhere in the file as a formula.
    assert b"<f>" not in _sheet_xml(content)


def _sheet_xml(content: bytes) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(content)) as z:
        return b"".join(z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))


def test_every_table_title_is_its_own_sheet_name(data):
    """Titles are sheet names as they are (at most 31 characters, no []:*?/\\), so the screen's
    title finds its sheet."""
    db, d = data
    titles = [t.title for t in the_tables(db, d)]
    taken: set[str] = set()
    assert [exports.sheet_title(t, taken) for t in titles] == titles


def test_sheet_titles_are_valid_and_unique():
    taken: set[str] = set()
    assert exports.sheet_title("Meldcode: afgesloten/trajecten [x]?", taken) == "Meldcode  afgesloten trajecten"
    long = "Doorverwijzingen per ketenpartner en terugkoppeling"
    first, second = exports.sheet_title(long, taken), exports.sheet_title(long, taken)
    assert len(first) <= 31 and len(second) <= 31 and first != second


# ---- CSV -------------------------------------------------------------------------------------

def _blocks(text: str) -> tuple[list[list[str]], dict[str, list[list[str]]]]:
    """The intro lines, and per table title its header and rows (as CSV cells)."""
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    intro, blocks, current = [], {}, None
    for i, row in enumerate(rows):
        if not row:
            current = None
            continue
        if current is None and i > 0 and not rows[i - 1]:
            current = row[0]
            blocks[current] = []
        elif current is None:
            intro.append(row)
        else:
            blocks[current].append(row)
    return intro, blocks


def test_csv_holds_all_tables_and_resists_formula_injection(data):
    db, d = data
    text = exports.report_csv(actor(db, d.w, "teamleider"), db, [d.w.loc_a, d.w.loc_b], START, END)
    tables = the_tables(db, d)
    intro, blocks = _blocks(text)
    assert intro[0] == [texts.RAPPORT_TITEL]
    assert list(blocks) == [t.title for t in tables]
    for table in tables:
        header, *rows = blocks[table.title]
        assert header == table.columns
        assert rows == [[exports.csv_cell(v) for v in row] for row in table.rows], table.title
    # The neighbourhood typed as a formula stays text: a leading apostrophe.
    hood_rows = {row[0]: row[1:] for row in blocks[texts.RAPPORT_T_BEREIK_WIJK][1:]}
    assert hood_rows["'" + HYPERLINK] == [SMALL]
    assert "'=HYPERLINK(" in text and ";=HYPERLINK(" not in text and "\n=HYPERLINK(" not in text
    partner_rows = {row[0]: row[1:] for row in blocks[texts.RAPPORT_T_DOORVERWIJZINGEN][1:]}
    assert "'" + INJECTED_PARTNER in partner_rows
    # No cell anywhere starts with a character a spreadsheet would evaluate.
    for row in csv.reader(io.StringIO(text[1:]), delimiter=";"):
        for cell in row:
            assert not cell.startswith(exports.FORMULA_PREFIXES), cell
    # Numbers in Dutch notation: the average per day has a decimal comma.
    attendance = {row[0]: row[1:] for row in blocks[texts.RAPPORT_T_AANWEZIGHEID][1:]}
    assert attendance["Huiskamer De Vlieger"] == ["29", "11", "2,6", "20", "13,2"]
    assert attendance[texts.RAPPORT_TOTAAL] == ["37", "", "", "", ""]


@pytest.mark.parametrize(("value", "cell"), [
    ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
    ("+31 6 12345678", "'+31 6 12345678"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"),
    ("\rx", "'\rx"),
    ("Stedenwijk", "Stedenwijk"),
    ("<5", "<5"),
    (texts.RAPPORT_VERBORGEN, texts.RAPPORT_VERBORGEN),
    (12, "12"),
    (0, "0"),
    (2.5, "2,5"),
    (None, ""),
])
def test_csv_cell(value, cell):
    assert exports.csv_cell(value) == cell


def test_export_filename():
    assert exports.export_filename(date(2026, 1, 1), date(2026, 3, 31), "xlsx") == \
        "rapportage_2026-01-01_2026-03-31.xlsx"


# ---- who may export --------------------------------------------------------------------------

@pytest.mark.parametrize("export", [exports.report_xlsx, exports.report_csv])
def test_only_a_teamleider_exports(data, export):
    db, d = data
    w = d.w
    kw, af, tl = actor(db, w, "kinderwerker"), actor(db, w, "aandachtsfunctionaris"), actor(db, w, "teamleider")
    for who in (kw, af, actor(db, w, "beheerder")):
        with pytest.raises(PermissionDenied):
            export(who, db, [w.loc_a], START, END)
    refused = audits(db, "rapportage.exporteren", outcome="geweigerd")
    assert [a.actor_id for a in refused] == [kw.id, af.id, w.staff["beheerder"]]
    assert all(a.location_id == w.loc_a for a in refused)
    # The aandachtsfunctionaris may still view the report on screen.
    reports.report(af, db, [w.loc_a], START, END)
    assert not audits(db, "rapportage.geexporteerd")
    assert export(tl, db, [w.loc_a, w.loc_b], START, END)
    done = audits(db, "rapportage.geexporteerd", outcome="toegestaan")
    fmt = "xlsx" if export is exports.report_xlsx else "csv"
    assert [(a.actor_id, a.detail) for a in done] == [
        (tl.id, f"formaat={fmt};locaties={w.loc_a},{w.loc_b};periode=2026-02-02..2026-02-27")]
    for name in ("Sem", "Noor", "Jansen", "Stedenwijk", "Vlieger"):
        assert name not in done[0].detail


@pytest.mark.parametrize("export", [exports.report_xlsx, exports.report_csv])
def test_teamleider_cannot_export_a_location_not_his(data, export):
    db, d = data
    tl = actor(db, d.w, "teamleider")
    with pytest.raises(PermissionDenied):
        export(tl, db, [d.w.loc_a, d.loc_c], START, END)
    refused = audits(db, "rapportage.exporteren", outcome="geweigerd")
    assert [(a.actor_id, a.location_id) for a in refused] == [(tl.id, d.loc_c)]
    assert not audits(db, "rapportage.geexporteerd")
