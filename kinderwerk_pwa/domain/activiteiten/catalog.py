"""The kinds of activity and the themes (goals) an activity serves, shipped as data
(kinderwerk_pwa/data/activity_catalog.json), and the fixed lists of the tally (age bands, genders)
with their Dutch labels."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ... import texts
from ...models.activities import AGE_BANDS, GENDERS

_PATH = Path(__file__).resolve().parents[2] / "data" / "activity_catalog.json"


@dataclass(frozen=True)
class Entry:
    code: str
    label: str


@cache
def _data() -> dict:
    return json.loads(_PATH.read_text(encoding="utf-8"))


@cache
def kinds() -> tuple[Entry, ...]:
    """The kinds of activity, in the order of the data file."""
    return tuple(Entry(k["code"], k["label"]) for k in _data()["kinds"])


@cache
def themes() -> tuple[Entry, ...]:
    """The themes (goals) an activity can serve, in the order of the data file."""
    return tuple(Entry(t["code"], t["label"]) for t in _data()["themes"])


def kind_codes() -> list[str]:
    return [k.code for k in kinds()]


def theme_codes() -> list[str]:
    return [t.code for t in themes()]


def kind_label(code: str) -> str:
    return next((k.label for k in kinds() if k.code == code), code)


def theme_label(code: str) -> str:
    return next((t.label for t in themes() if t.code == code), code)


def age_bands() -> list[Entry]:
    """4-6, 7-9, 10-12 with their labels ("4-6 jaar")."""
    return [Entry(b, texts.ACTIVITEIT_LEEFTIJD_LABELS[b]) for b in AGE_BANDS]


def genders() -> list[Entry]:
    """jongen, meisje, anders (shown as "Anders/onbekend")."""
    return [Entry(g, texts.ACTIVITEIT_GESLACHT_LABELS[g]) for g in GENDERS]


def as_dict() -> dict:
    """The whole catalogue for a form or the offline phone: lists of {code, label}."""
    def entries(items) -> list[dict]:
        return [{"code": e.code, "label": e.label} for e in items]

    return {"kinds": entries(kinds()), "themes": entries(themes()), "age_bands": entries(age_bands()),
            "genders": entries(genders()),
            "place_kinds": [{"code": k, "label": v} for k, v in texts.ACTIVITEIT_PLEK_LABELS.items()]}
