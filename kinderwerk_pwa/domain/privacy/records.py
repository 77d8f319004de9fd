"""One stored row as the inzage shows it: every column, labelled in Dutch, with ids of people and
places replaced by their names, and the raw value kept for the JSON.

Generic on purpose: a column added to a table later appears in the inzage without a change here
(under its own name until it gets a label in texts.INZAGE_KOLOMMEN). "Everything held" is then
true by construction rather than by a list someone must keep up to date.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from sqlmodel import Session, SQLModel

from ... import texts
from ...models import Child, Family, Goal, Guardian, Location, Partner, StaffUser
from ..activiteiten import catalog as activity_catalog
from ..common.clock import format_day, format_moment
from ..signalering import signal_catalog

# Shown in the JSON only: technical keys, and the child itself (the whole export is about it).
HIDDEN = frozenset({"id", "client_uuid", "organisation_id", "child_id"})


@dataclass
class Entry:
    key: str  # the column
    label: str  # Dutch
    value: Any  # JSON-safe raw value ({"id", "naam"} for a reference)
    text: str  # what the PDF shows; "" = nothing to show


@dataclass
class Record:
    kind: str  # the table
    title: str
    entries: list[Entry]
    review: list[str] = field(default_factory=list)  # Dutch reasons to review before release
    parts: list[Record] = field(default_factory=list)  # e.g. a signal's corrections

    def texts_of(self, *keys: str) -> list[str]:
        return [str(e.value) for e in self.entries if e.key in keys and isinstance(e.value, str)]

    def as_json(self) -> dict:
        out: dict[str, Any] = {"soort": self.kind, "titel": self.title,
                               "gegevens": {e.key: e.value for e in self.entries}}
        if self.review:
            out["ter_beoordeling"] = list(self.review)
        if self.parts:
            out["onderdelen"] = [p.as_json() for p in self.parts]
        return out


@dataclass
class Section:
    key: str
    records: list[Record]
    compact: bool = False  # one line per record (attendance, activities, goal moments)

    @property
    def title(self) -> str:
        return texts.INZAGE_SECTIES[self.key]

    def review_count(self) -> int:
        return sum(len(r.review) > 0 for r in self.records) + sum(
            len(p.review) > 0 for r in self.records for p in r.parts)


class Names:
    """Names behind the ids a row points to, read once per id."""

    _MODELS: dict[str, tuple[type[SQLModel], Callable[[Any], str]]] = {
        "staff_user": (StaffUser, lambda r: r.name),
        "location": (Location, lambda r: r.name),
        "partner": (Partner, lambda r: r.name),
        "guardian": (Guardian, lambda r: r.name),
        "family": (Family, lambda r: r.name),
        "child": (Child, lambda r: r.full_name),
        "goal": (Goal, lambda r: r.title),
    }

    def __init__(self, db: Session):
        self.db = db
        self._cache: dict[tuple[str, Any], str] = {}

    def of(self, table: str, key: Any) -> str:
        if (table, key) not in self._cache:
            model = self._MODELS.get(table)
            row = self.db.get(model[0], key) if model else None
            self._cache[(table, key)] = model[1](row) if row is not None else f"nr. {key}"
        return self._cache[(table, key)]


def _weekdays(value: str) -> str:
    return ", ".join(texts.WEEKDAYS.get(int(d), d) for d in value.split(",") if d.strip().isdigit())


def _categories(value: str) -> str:
    return ", ".join(signal_catalog.label(c) for c in value.split(",") if c)


def _step(value: int) -> str:
    return f"{value}. {texts.MELDCODE_STAPPEN.get(value, '')}".strip()


def _answers(value: str) -> str:
    """'1=ja;2=nee' -> 'vraag 1: ja; vraag 2: nee'."""
    parts = [p.split("=", 1) for p in value.split(";") if "=" in p]
    return "; ".join(f"vraag {q}: {a}" for q, a in parts) or value


_VALUES: dict[tuple[str, str], Callable[[Any], str] | dict] = {
    ("child", "status"): texts.CHILD_STATUS_LABELS,
    ("enrolment", "weekdays"): _weekdays,
    ("consent", "kind"): texts.CONSENT_KIND_LABELS,
    ("signal", "source"): texts.SIGNAAL_BRONNEN,
    ("signal", "categories"): _categories,
    ("signal_correction", "previous_categories"): _categories,
    ("meldcode_track", "current_step"): _step,
    ("meldcode_step", "step_no"): _step,
    ("meldcode_step", "weighing_answers"): _answers,
    ("parent_conversation", "kind"): texts.CONVERSATION_KIND_LABELS,
    ("agreement", "owner_kind"): texts.AGREEMENT_OWNER_LABELS,
    ("agreement", "status"): texts.AGREEMENT_STATUS_LABELS,
    ("referral_in", "referrer_kind"): texts.REFERRER_KIND_LABELS,
    ("referral_in", "status"): texts.REFERRAL_STATUS_LABELS,
    ("referral_out", "status"): texts.REFERRAL_OUT_STATUS_LABELS,
    ("attendance_event", "kind"): texts.INZAGE_AANWEZIGHEID_SOORTEN,
    ("attendance_event", "mood"): texts.STEMMINGEN,
    ("goal", "status"): texts.GOAL_STATUS_LABELS,
    ("goal_progress", "kind"): texts.INZAGE_VOORTGANG_SOORTEN,
    ("goal_progress", "went_well"): texts.GOAL_MOMENT_LABELS,
    ("activity", "status"): texts.ACTIVITEIT_STATUS_LABELS,
    ("activity", "activity_kind"): activity_catalog.kind_label,
}


def _json(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


def _text(table: str, column: str, value: Any, reference: str | None) -> str:
    if value is None or value == "":
        return ""
    if reference is not None:
        return reference
    mapping = _VALUES.get((table, column))
    if isinstance(mapping, dict):
        return str(mapping.get(value, value))
    if mapping is not None:
        return mapping(value)
    if isinstance(value, bool):
        return texts.INZAGE_JA if value else texts.INZAGE_NEE
    if isinstance(value, datetime):
        return format_moment(value)
    if isinstance(value, date):
        return format_day(value)
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return str(value)


def entry(table: str, key: str, value: Any, reference: str | None = None) -> Entry:
    label = texts.INZAGE_KOLOMMEN.get(key, key.replace("_", " "))
    shown = "" if key in HIDDEN else _text(table, key, value, reference)
    return Entry(key, label, _json(value), shown)


def record_of(row: SQLModel, names: Names, *, title: str = "", hide: tuple[str, ...] = (),
              extra: list[Entry] | None = None) -> Record:
    """Every column of `row`; `hide`: columns that only repeat the record it sits in (JSON keeps them)."""
    table = row.__table__
    entries = []
    for column in table.columns:
        value = getattr(row, column.key)
        fk = next(iter(column.foreign_keys), None)
        target = fk.column.table.name if fk is not None else None
        if target is not None and value is not None and column.key not in HIDDEN:
            name = names.of(target, value)
            item = entry(table.name, column.key, value, name)
            item.value = {"id": value, "naam": name}
        else:
            item = entry(table.name, column.key, value)
        if column.key in hide:
            item.text = ""
        entries.append(item)
    entries.extend(extra or [])
    label = texts.INZAGE_RECORDS.get(table.name, table.name)
    return Record(table.name, f"{label}{' · ' + title if title else ''}", entries)
