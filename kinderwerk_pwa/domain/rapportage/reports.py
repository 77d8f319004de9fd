"""The teamleider's desk: the team overview of today, the rapportage over a period (for the
municipality) and trend series for charts.

Every function takes the actor first, then the session, and is authorised on every location it
covers: each requested location must be one of the actor's own, otherwise the request is refused
(PermissionDenied, audited as refused) - asking for one other location never yields a partial
report. Viewing needs OVERZICHT_TEAM (aandachtsfunctionaris, teamleider); exporting
(rapportage/exports.py) needs RAPPORTAGE_EXPORTEREN (teamleider). Each view is audited with ids and
the period only.

The overview holds counts and ids (for "open the list behind this figure"), never names. The
report holds aggregates only, computed with SQL aggregation.

Small-cell suppression (rapportage only)
----------------------------------------
Report figures leave the organisation (exports to the municipality), and a count of 1 to 4
children in a neighbourhood or an age group can point at a child. So, in every breakdown (a
column of counts over the rows of a table, with its total row):

1. Primary: a count from 1 up to and including 4 is shown as "<5". 0 stays 0; 5 and more are
   shown as the number. The raw value of a suppressed cell is not kept anywhere in the Report:
   its rows hold the display value (an int, or the text "<5").
2. Secondary: every breakdown shows its total. When exactly one cell of a breakdown is
   suppressed, the total minus the other cells would give it away, so the next-smallest cell
   (the smallest count above 0 that was not suppressed yet; on a tie the first row) is hidden
   too, shown as "–" (texts.RAPPORT_VERBORGEN): not as "<5", because it is 5 or more. When
   there is no such cell, the total is suppressed instead.
3. A total from 1 up to and including 4 is itself shown as "<5"; the key figures
   (Kerncijfers) repeat the totals exactly as shown under their breakdown.
4. Derived cells of a suppressed row (average per day, occupancy) are shown as "–"; counts that
   are not about children (days with attendance, capacity) are shown as they are.
5. Free-text labels (the reason of an uitstroom, typed by a worker) that occur fewer than 5
   times are merged into "Overige redenen", so a typed name never reaches the report.

Trend series (`trends`) are for the screen of those who may see the underlying lists anyway;
they are not suppressed and not exported.

Definitions
-----------
- bereik: unique children with at least one 'aanwezig' attendance event (not undone by an
  'ongedaan' event) at the locations in the period; by neighbourhood (Child.neighbourhood,
  empty = "Onbekend") and by age group at the period end (4-6, 7-9, 10-12, overig).
- aanwezigheidsdagen: child-days present (child, location, day with such an event); the average
  per day is over the days on which the location had any attendance, against its capacity.
- waitlist at a date D: aanmeldingen received on or before D and not yet through intake on D
  (status wachtlijst, or intake_on after D). Aanmeldingen withdrawn or refused before an intake
  carry no date of that step and are not counted in the past.
- signals by category: observed in the period (Amsterdam days); a signal with two categories
  counts in both, the total counts each signal once.
- meldcode: tracks closed in the period; "gemeld" = decision_report, "hulp" = decision_help (a
  track can be both), "zonder melding of hulp" = neither; the total counts each track once.

The code lives in: report_scope.py (authorising locations, checking the period, audit details),
overview.py (the team overview of today), small_cells.py (small-cell suppression),
period_report.py (the rapportage) and trend_series.py (the trends). This module re-exports them.
"""

from .overview import (  # noqa: F401 - re-exported: this module's public path
    _SUMMABLE,
    ACUTE_DAYS,
    FEEDBACK_OPEN,
    Figure,
    LocationOverview,
    Overview,
    StepGroup,
    TrackAge,
    _figure,
    team_overview,
)
from .period_report import (  # noqa: F401 - re-exported: this module's public path
    AGE_GROUPS,
    MIN_FREE_TEXT_LABEL,
    Breakdown,
    Report,
    Table,
    _breakdown,
    _merge_rare,
    _present_rows,
    _simple,
    _waitlist_condition,
    age_group,
    build_report,
    on_waitlist,
    report,
)
from .report_scope import (  # noqa: F401 - re-exported: this module's public path
    _bounds,
    _midnight,
    authorize_locations,
    check_period,
    ids_detail,
    period_detail,
)
from .small_cells import (  # noqa: F401 - re-exported: this module's public path
    HIDDEN,
    SMALL_MAX,
    SMALL_MIN,
    SUPPRESSED,
    Cell,
    _small,
    is_suppressed,
    suppress_counts,
)
from .trend_series import (  # noqa: F401 - re-exported: this module's public path
    Series,
    Trends,
    _iso_week,
    _month,
    _month_ends,
    trends,
)
