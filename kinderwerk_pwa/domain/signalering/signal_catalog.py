"""The signals list for ages 4-12, shipped as data (kinderwerk_pwa/data/signal_categories.json)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_PATH = Path(__file__).resolve().parents[2] / "data" / "signal_categories.json"


@dataclass(frozen=True)
class Category:
    code: str
    label: str
    examples: tuple[str, ...]


@cache
def categories() -> tuple[Category, ...]:
    data = json.loads(_PATH.read_text(encoding="utf-8"))
    return tuple(Category(c["code"], c["label"], tuple(c["examples"])) for c in data["categories"])


def category_codes() -> list[str]:
    return [c.code for c in categories()]


def label(code: str) -> str:
    return next((c.label for c in categories() if c.code == code), code)
