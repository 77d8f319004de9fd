"""Date helpers for the demo data: adding years and months, Easter and the days the huiskamers
are closed, local timestamps, school group (groep) and age.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from .constants import AMS

# --------------------------------------------------------------------------------------------
# Date helpers
# --------------------------------------------------------------------------------------------


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _add_months(d: date, months: int) -> date:
    m = d.month - 1 + months
    year, month = d.year + m // 12, m % 12 + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(year, month, min(d.day, day))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month = (h + ll - 7 * m + 114) // 31
    day = (h + ll - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _closed_days(first: date, last: date) -> set[date]:
    """Days the huiskamers are closed: public holidays, Christmas and three summer weeks."""
    closed: set[date] = set()
    for year in range(first.year - 1, last.year + 2):
        easter = _easter(year)
        koningsdag = date(year, 4, 27)
        if koningsdag.isoweekday() == 7:
            koningsdag = date(year, 4, 26)
        closed |= {easter + timedelta(days=1), easter + timedelta(days=39), easter + timedelta(days=40),
                   easter + timedelta(days=50), koningsdag}
        d = date(year, 12, 24)
        while d <= date(year + 1, 1, 1):
            closed.add(d)
            d += timedelta(days=1)
        monday = date.fromisocalendar(year, 30, 1)
        for i in range(19):  # ISO weeks 30-32, Monday to Friday of the third week
            closed.add(monday + timedelta(days=i))
    return closed


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    """Local Amsterdam wall-clock time on ``day`` as aware UTC."""
    local = datetime(day.year, day.month, day.day, tzinfo=AMS) + timedelta(hours=hour, minutes=minute)
    return local.astimezone(UTC)  # wall-clock arithmetic, then the offset valid at that moment


def _groep(dob: date, today: date) -> str:
    school_year = today.year if today.month >= 8 else today.year - 1
    ref = date(school_year, 10, 1)
    age = ref.year - dob.year - ((ref.month, ref.day) < (dob.month, dob.day))
    return f"groep {min(8, max(1, age - 3))}"


def _age(dob: date, on: date) -> int:
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))
