"""Exports of the rapportage (for the municipality): XLSX and CSV of exactly the tables of
`reports.Report.tables()` followed by those of `activity_reach.ActivityReach.tables()` (activities
and reach) - so the same small-cell suppression applies (see rapportage/reports.py and
activity_reach.py); `export_tables` gives that list.

Both need RAPPORTAGE_EXPORTEREN (teamleider) on every requested location and are audited
'rapportage.geexporteerd' with the format, the location ids and the period only.

Safety against formula injection (a neighbourhood or partner typed as '=HYPERLINK(...)'):
- CSV: every cell that starts with =, +, -, @, a tab or a carriage return gets a leading
  apostrophe, so a spreadsheet shows it as text.
- XLSX: every text cell is written as a string cell (never a formula) with the quote-prefix
  style; numbers are written as numbers, "<5" as text.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from sqlmodel import Session

from ... import texts
from ..toegang import audit
from ..toegang.actor import Actor
from ..toegang.permissions import Action
from .activity_reach import ActivityReach, build_activity_reach
from .period_report import Report, Table, build_report
from .report_scope import authorize_locations, check_period, ids_detail, period_detail
from .small_cells import Cell

CSV_SEPARATOR = ";"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_SHEET_MAX = 31


def export_filename(start: date, end: date, extension: str) -> str:
    """'rapportage_2026-01-01_2026-03-31.xlsx'"""
    return f"{texts.RAPPORT_BESTANDSNAAM}_{start.isoformat()}_{end.isoformat()}.{extension}"


def export_tables(result: Report, reach: ActivityReach) -> list[Table]:
    """Every table of the export, in order: the period report's, then activities and reach."""
    return [*result.tables(), *reach.tables()]


def _export_report(actor: Actor, db: Session, location_ids: list[int], start: date, end: date,
                   fmt: str) -> tuple[Report, ActivityReach]:
    locations = authorize_locations(actor, db, Action.RAPPORTAGE_EXPORTEREN, location_ids, "rapportage")
    check_period(start, end)
    result = build_report(db, locations, start, end)
    reach = build_activity_reach(db, locations, start, end)
    audit.record(db, actor, "rapportage.geexporteerd", object_type="rapportage",
                 detail=f"formaat={fmt};locaties={ids_detail(locations)};periode={period_detail(start, end)}")
    db.commit()
    return result, reach


def _intro(result: Report) -> list[str]:
    return [
        texts.RAPPORT_TITEL,
        texts.RAPPORT_PERIODE.format(van=result.start.strftime("%d-%m-%Y"), tot=result.end.strftime("%d-%m-%Y")),
        texts.RAPPORT_LOCATIES.format(locaties=", ".join(result.location_names)),
        texts.RAPPORT_UITLEG_KLEINE_AANTALLEN,
        texts.BEREIK_ACT_UITLEG,
    ]


# ---- XLSX ------------------------------------------------------------------------------------

def sheet_title(title: str, taken: set[str]) -> str:
    """A valid, unique worksheet name (max 31 characters, none of []:*?/\\)."""
    base = _SHEET_FORBIDDEN.sub(" ", title).strip()[:_SHEET_MAX].strip() or "Blad"
    name, n = base, 2
    while name.casefold() in {t.casefold() for t in taken}:
        suffix = f" ({n})"
        name = base[: _SHEET_MAX - len(suffix)] + suffix
        n += 1
    taken.add(name)
    return name


def _put(ws, row: int, column: int, value: Cell, bold: bool = False) -> None:
    cell = ws.cell(row=row, column=column)
    if value is None:
        return
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text starts with
        cell.quotePrefix = True
    elif isinstance(value, float):
        cell.number_format = "0.0"  # one decimal, as on the screen (13.0 is stored as 13)
    if bold:
        cell.font = Font(bold=True)


def report_xlsx(actor: Actor, db: Session, location_ids: list[int], start: date, end: date) -> bytes:
    """The rapportage as an Excel workbook: a sheet 'Toelichting' (period, locations, the
    suppression rule), then one sheet per table of export_tables() with the Dutch column headers in
    row 1 and the rows below (numbers as numbers, "<5" as text)."""
    result, reach = _export_report(actor, db, location_ids, start, end, "xlsx")
    wb = Workbook()
    intro = wb.active
    taken: set[str] = set()
    intro.title = sheet_title(texts.RAPPORT_TOELICHTING, taken)
    for i, line in enumerate(_intro(result), start=1):
        _put(intro, i, 1, line, bold=i == 1)
    intro.column_dimensions["A"].width = 100
    for table in export_tables(result, reach):
        ws = wb.create_sheet(sheet_title(table.title, taken))
        for c, header in enumerate(table.columns, start=1):
            _put(ws, 1, c, header, bold=True)
        for r, row in enumerate(table.rows, start=2):
            for c, value in enumerate(row, start=1):
                _put(ws, r, c, value, bold=c == 1 and value == texts.RAPPORT_TOTAAL)
        for c, header in enumerate(table.columns, start=1):
            width = max([len(str(header))] + [len(str(row[c - 1])) for row in table.rows if row[c - 1] is not None])
            ws.column_dimensions[get_column_letter(c)].width = min(60, max(10, width + 2))
        ws.freeze_panes = "A2"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# ---- CSV -------------------------------------------------------------------------------------

def csv_cell(value: Cell) -> str:
    """One cell as CSV text: numbers Dutch style (decimal comma), None empty, and a leading
    apostrophe before anything a spreadsheet could take for a formula."""
    if value is None:
        text = ""
    elif isinstance(value, float):
        text = f"{value:.1f}".replace(".", ",")
    else:
        text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        text = "'" + text
    return text


def tables_csv(intro: list[str], tables: list[Table]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=CSV_SEPARATOR, lineterminator="\r\n")
    for line in intro:
        writer.writerow([csv_cell(line)])
    for table in tables:
        writer.writerow([])
        writer.writerow([csv_cell(table.title)])
        writer.writerow([csv_cell(c) for c in table.columns])
        for row in table.rows:
            writer.writerow([csv_cell(v) for v in row])
    return out.getvalue()


def report_csv(actor: Actor, db: Session, location_ids: list[int], start: date, end: date) -> str:
    """All tables of the rapportage in one CSV text (separator ';', decimal comma), for Excel:
    first a few lines with the period, locations and the suppression rule, then per table an empty
    line, its title, its column headers and its rows. Starts with a byte order mark (U+FEFF) so
    Excel reads it as UTF-8; encode it as UTF-8."""
    result, reach = _export_report(actor, db, location_ids, start, end, "csv")
    return "\ufeff" + tables_csv(_intro(result), export_tables(result, reach))
