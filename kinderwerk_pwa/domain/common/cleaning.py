"""Small input cleaners shared by the domain modules: client_uuid, dates, free text, phone
numbers, weekdays and goal titles. Each raises InvalidInput with a Dutch message for its field.
"""

from __future__ import annotations

import re
import uuid
from datetime import date

from ... import texts
from .errors import InvalidInput

MAX_GOAL_TITLE = 200
WEEKDAYS_ALLOWED = range(1, 6)  # maandag .. vrijdag
_PHONE = re.compile(r"^[0-9 +()\-]*$")


# ---- small shared helpers (also used by goals.py and child_record.py) ----------------------

def client_uuid_of(payload: dict) -> str:
    try:
        return str(uuid.UUID(str(payload.get("client_uuid", ""))))
    except ValueError as exc:
        raise InvalidInput(texts.FOUT_KENMERK, {"client_uuid": texts.FOUT_KENMERK}) from exc


def parse_day(value, field: str, *, default: date | None = None, not_after: date | None = None) -> date:
    """A date from a date object or an ISO string ('2026-11-27'); empty -> default.
    Raises InvalidInput (for `field`) when unreadable, missing without default, or after `not_after`."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if default is None:
            raise InvalidInput(texts.FOUT_DATUM, {field: texts.FOUT_DATUM})
        day = default
    elif isinstance(value, date) and not hasattr(value, "hour"):
        day = value
    else:
        try:
            day = date.fromisoformat(str(value).strip())
        except ValueError as exc:
            raise InvalidInput(texts.FOUT_DATUM, {field: texts.FOUT_DATUM}) from exc
    if not_after is not None and day > not_after:
        raise InvalidInput(texts.FOUT_DATUM_TOEKOMST, {field: texts.FOUT_DATUM_TOEKOMST})
    return day


def clean_text(value, field: str, limit: int, *, required: bool = False, veld: str = "",
               required_message: str | None = None) -> str:
    text = str(value or "").strip()
    if required and not text:
        message = required_message or texts.FOUT_VERPLICHT.format(veld=veld)
        raise InvalidInput(message, {field: message})
    if len(text) > limit:
        message = texts.FOUT_TE_LANG.format(n=limit, veld=veld)
        raise InvalidInput(message, {field: message})
    return text


def clean_phone(value, field: str) -> str:
    phone = clean_text(value, field, 40, veld="het telefoonnummer")
    if not _PHONE.match(phone):
        raise InvalidInput(texts.FOUT_TELEFOON, {field: texts.FOUT_TELEFOON})
    return phone


def weekdays_label(weekdays: str | set[int] | list[int]) -> str:
    """'1,3' -> 'maandag, woensdag'."""
    days = sorted({int(d) for d in weekdays.split(",") if d} if isinstance(weekdays, str) else set(weekdays))
    return ", ".join(texts.WEEKDAYS[d] for d in days)


# ---- intake --------------------------------------------------------------------------------

def clean_goal_title(value, field: str = "title") -> str:
    title = str(value or "").strip()
    if not title:
        raise InvalidInput(texts.FOUT_LEERDOEL_LEEG, {field: texts.FOUT_LEERDOEL_LEEG})
    if len(title) > MAX_GOAL_TITLE:
        message = texts.FOUT_LEERDOEL_TE_LANG.format(n=MAX_GOAL_TITLE)
        raise InvalidInput(message, {field: message})
    return title
