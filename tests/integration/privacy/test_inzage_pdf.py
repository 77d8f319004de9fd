"""The PDF draws every letter of a name with DejaVu Sans; without that font it falls back to the core
font and writes the letters it cannot draw without their accents, never dropping a name."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from kinderwerk_pwa.domain.privacy.inzage_document import Inzage
from kinderwerk_pwa.domain.privacy.inzage_pdf import FONT_DIR, FONT_FILES, render, to_latin1
from kinderwerk_pwa.domain.privacy.records import Record, Section, entry

from .helpers import pdf_text

NAME = "Çağrı Zoë Ńowak"


def _inzage() -> Inzage:
    record = Record("child", f"Kind · {NAME}", [entry("child", "first_name", "Çağrı Zoë"),
                                                 entry("child", "last_name", "Ńowak")])
    record.review.append("Noemt mogelijk een ander kind: Łukasz.")
    return Inzage(1, NAME, "3 mei 2017", datetime(2026, 12, 1, 9, 30, tzinfo=UTC), "Fleur de Vries",
                  "Privacyfunctionaris", "Stichting Test", [Section("kind", [record])], [])


@pytest.mark.skipif(not (FONT_DIR / FONT_FILES[""]).is_file(), reason="fonts-dejavu-core is not installed")
def test_dejavu_draws_every_letter() -> None:
    text = pdf_text(render(_inzage()))
    assert "ÇağrıZoëŃowak" in text and "Łukasz" in text


def test_without_the_font_letters_lose_their_accents_not_their_place(tmp_path: Path) -> None:
    body = render(_inzage(), font_dir=tmp_path)  # no font files here
    text = pdf_text(body)
    assert "ÇagriZoëNowak" in text and "Lukasz" in text and "Voornaam:ÇagriZoë" in text
    assert to_latin1("Ayşe Yılmaz – “ok”") == 'Ayse Yilmaz - "ok"'
