"""The bewaartermijnen: how long each kind of record is kept, in years, from the settings.

The defaults and why are in the README ("Bewaartermijnen"). The access log is kept at least
AUDIT_MINIMUM_YEARS whatever the setting says.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...settings import Settings, get_settings

AUDIT_MINIMUM_YEARS = 5


@dataclass(frozen=True)
class Terms:
    record_years: int = 2  # the child's record, conversations and agreements: after the end of involvement
    signal_years: int = 1  # a signal without a meldcode track: after its date
    meldcode_years: int = 5  # a meldcode track with its signals and steps: after it was closed ...
    meldcode_until_age: int = 18  # ... and in any case until the child is this old
    activity_years: int = 2  # the note and observations of an activity: after its day
    audit_years: int = AUDIT_MINIMUM_YEARS  # the access log

    def as_rows(self) -> list[tuple[str, int]]:
        """(kind, years) for the page, in a fixed order."""
        return [("dossier", self.record_years), ("signaal", self.signal_years),
                ("meldcode", self.meldcode_years), ("activiteit", self.activity_years),
                ("logboek", self.audit_years)]


def terms_from_settings(settings: Settings | None = None) -> Terms:
    s = settings or get_settings()
    return Terms(
        record_years=max(0, s.retention_record_years),
        signal_years=max(0, s.retention_signal_years),
        meldcode_years=max(0, s.retention_meldcode_years),
        meldcode_until_age=max(0, s.retention_meldcode_until_age),
        activity_years=max(0, s.retention_activity_years),
        audit_years=max(AUDIT_MINIMUM_YEARS, s.retention_audit_years),
    )


def add_years(day: date, years: int) -> date:
    """The same calendar day `years` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
