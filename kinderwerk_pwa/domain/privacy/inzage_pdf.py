"""The inzage as a readable Dutch PDF (fpdf2).

Names in a Dutch neighbourhood are written in many alphabets' letters (ç, ğ, ń, ë): the PDF uses
DejaVu Sans (Debian's fonts-dejavu-core) when it is installed. Without it, it falls back to the
PDF core font Helvetica, which only draws Latin-1, and writes the other letters without their
accents (ğ -> g) rather than dropping them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

from fpdf import FPDF

from ... import texts
from .inzage_document import Inzage, inzage_heading
from .records import Record, Section

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
_PLAIN = {"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...", "•": "-", "€": "EUR",
          "ı": "i", "İ": "I", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "œ": "oe", "Œ": "OE"}

REVIEW_FILL = (255, 236, 204)
NOTE_FILL = (240, 240, 240)


def to_latin1(text: str) -> str:
    """What the core font can draw: Latin-1, other letters without their accents, else '?'."""
    out = []
    for ch in text:
        ch = _PLAIN.get(ch, ch)
        try:
            ch.encode("latin-1")
            out.append(ch)
        except UnicodeEncodeError:
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
            out.append(base if base and all(ord(c) < 256 for c in base) else "?")
    return "".join(out)


class _Pdf(FPDF):
    def __init__(self, font_dir: Path):
        super().__init__(format="A4")
        regular = font_dir / FONT_FILES[""]
        if regular.is_file():
            bold = font_dir / FONT_FILES["B"]
            self.add_font("DejaVu", "", str(regular))
            self.add_font("DejaVu", "B", str(bold if bold.is_file() else regular))
            self.font_name, self.clean = "DejaVu", (lambda text: text)
        else:
            self.font_name, self.clean = "Helvetica", to_latin1
        self.clean: Callable[[str], str]
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=16)

    def footer(self) -> None:
        self.set_y(-12)
        self.use_font(8)
        self.cell(0, 6, texts.INZAGE_PAGINA.format(n=self.page_no(), totaal="{nb}"), align="C")

    def use_font(self, size: float, bold: bool = False) -> None:
        self.set_font(self.font_name, "B" if bold else "", size)

    def para(self, text: str, size: float = 9.5, *, bold: bool = False, fill=None, height: float = 5,
             indent: float = 0) -> None:
        self.use_font(size, bold)
        if fill:
            self.set_fill_color(*fill)
        self.set_x(self.l_margin + indent)
        self.multi_cell(self.epw - indent, height, self.clean(text), fill=bool(fill), align="L",
                        new_x="LMARGIN", new_y="NEXT")

    def keep_room(self, height: float) -> None:
        """A heading is not left alone at the foot of a page."""
        if self.will_page_break(height):
            self.add_page()


def _review(pdf: _Pdf, reasons: list[str], indent: float) -> None:
    for reason in reasons:
        pdf.para(f"{texts.INZAGE_TER_BEOORDELING}: {reason}", 9, bold=True, fill=REVIEW_FILL, indent=indent)


def _record(pdf: _Pdf, record: Record, indent: float = 0) -> None:
    pdf.ln(1.5)
    pdf.keep_room(18)
    pdf.para(record.title, 10 if indent == 0 else 9.5, bold=True, indent=indent)
    _review(pdf, record.review, indent)
    for e in record.entries:
        if e.text:
            pdf.para(f"{e.label}: {e.text}", indent=indent + 3)
    for part in record.parts:
        _record(pdf, part, indent + 6)


def _compact(pdf: _Pdf, record: Record) -> None:
    shown = "; ".join(f"{e.label}: {e.text}" for e in record.entries if e.text)
    pdf.para(f"{record.title} - {shown}", 8.5, height=4.4)
    _review(pdf, record.review, 3)
    for part in record.parts:
        pdf.para(f"{part.title} - " + "; ".join(f"{e.label}: {e.text}" for e in part.entries if e.text),
                 8.5, height=4.4, indent=6)


def _section(pdf: _Pdf, section: Section) -> None:
    pdf.ln(4)
    pdf.keep_room(28)
    pdf.para(f"{section.title} ({len(section.records)})", 13, bold=True, height=7)
    if not section.records:
        pdf.para(texts.INZAGE_GEEN)
    for record in section.records:
        (_compact if section.compact else _record)(pdf, record)


def render(inzage: Inzage, font_dir: Path | None = None) -> bytes:
    pdf = _Pdf(font_dir or FONT_DIR)
    pdf.set_title(pdf.clean(f"{texts.INZAGE_DOC_TITEL}: {inzage.child_name}"))
    pdf.set_author(pdf.clean(inzage.organisation))
    pdf.set_lang("nl-NL")
    pdf.set_creation_date(inzage.made_at)
    pdf.add_page()
    pdf.para(texts.INZAGE_DOC_TITEL, 17, bold=True, height=9)
    for line in inzage_heading(inzage):
        pdf.para(line, 10)
    pdf.ln(2)
    pdf.para(texts.INZAGE_DOC_LET_OP, 9.5, bold=True, fill=REVIEW_FILL)
    for section in inzage.sections:
        _section(pdf, section)
    pdf.ln(4)
    pdf.keep_room(28)
    pdf.para(f"{texts.INZAGE_SECTIES['logboek']} ({len(inzage.log)})", 13, bold=True, height=7)
    for row in inzage.log:
        pdf.para(" · ".join(part for part in (row.at_text, f"{row.actor_name} ({row.role_label})".replace(" ()", ""),
                                               row.action, row.outcome_label, row.object_text, row.detail) if part),
                 8.5, height=4.4)
    return bytes(pdf.output())
