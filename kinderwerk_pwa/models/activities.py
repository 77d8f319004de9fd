"""Activities of the open work (playgrounds, schools, the Droomspeelbus): the programme as a series,
its materialised occurrences, and the field registration of each occurrence (who came, the anonymous
tally, a note, observations per theme; realised, cancelled or moved).

- `ActivitySeries` is what was planned: title, kind, where, when (once, or weekly for a period), the
  themes it serves (`ActivitySeriesTheme`), the planned number of children, who runs it.
- `Activity` is one occurrence on one day, materialised from the series when it is planned. Its
  `status` says what became of it; a moved occurrence points to its replacement on the new date
  (`ActivityRegistration.new_activity_id`, and the replacement's `moved_from_id` points back).
- `ActivityRegistration` is the one field registration of an occurrence, entered through one
  idempotent function with the phone's client UUID (domain/activiteiten/registration.py). The counts
  of registered and anonymous children are kept on it (written once, in the same transaction as the
  rows they count) so reports can add them up in SQL.
- `ActivityChild` (registered children present, unique per occurrence), `ActivityTally` (anonymous
  children per age band x gender, non-negative) and `ActivityObservation` (one per theme).

Kinds and themes are data (kinderwerk_pwa/data/activity_catalog.json), checked by the domain: a new
kind needs no migration, so the database only refuses an empty code. Statuses, age bands, genders,
place kinds and repetition are fixed lists with a CHECK.
"""

from __future__ import annotations

from datetime import date, datetime, time

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .base import client_uuid_field, one_of, ts_field

ACTIVITY_STATUSES = ("gepland", "gerealiseerd", "geannuleerd", "verplaatst")
REGISTRATION_STATUSES = ("gerealiseerd", "geannuleerd", "verplaatst")
SERIES_REPEATS = ("eenmalig", "wekelijks")
# A free place where the activity is held instead of (inside the area of) its location; "" = at the
# location itself.
PLACE_KINDS = ("", "schoolplein", "speeltuin", "plein", "sporthal", "buurthuis", "jeugdland", "anders")
AGE_BANDS = ("4-6", "7-9", "10-12")
GENDERS = ("jongen", "meisje", "anders")  # "anders" is shown as "anders/onbekend"


class ActivitySeries(SQLModel, table=True):
    """A planned activity: once, or weekly on the weekday of `first_day` until `last_day`.

    `location_id` is the location (team) the activity belongs to: it decides who may plan, register
    and see it. `place_kind`/`place_name`/`neighbourhood` describe a free place (a schoolyard, a
    playground) when it is not held at the location itself; reports use the place's neighbourhood
    when given, else the location's."""

    __tablename__ = "activity_series"
    __table_args__ = (
        one_of("repeat", SERIES_REPEATS),
        one_of("place_kind", PLACE_KINDS),
        sa.CheckConstraint("kind <> ''", name="soort_niet_leeg"),
        sa.CheckConstraint("end_time > start_time", name="eind_na_begin"),
        sa.CheckConstraint("last_day >= first_day", name="periode_geldig"),
        sa.CheckConstraint("planned_children >= 0", name="gepland_niet_negatief"),
    )
    id: int | None = Field(default=None, primary_key=True)
    client_uuid: str = client_uuid_field()
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    location_id: int = Field(foreign_key="location.id", index=True)
    title: str = Field(max_length=200)
    kind: str = Field(max_length=40)  # a code of activity_catalog.json "kinds"
    place_kind: str = Field(default="", max_length=20)
    place_name: str = Field(default="", max_length=200)
    neighbourhood: str = Field(default="", max_length=100)  # of the free place; "" = the location's
    partner_id: int | None = Field(default=None, foreign_key="partner.id", index=True)  # e.g. the school
    start_time: time
    end_time: time
    first_day: date
    last_day: date
    repeat: str = Field(default="eenmalig", max_length=20)
    planned_children: int = Field(default=0)
    lead_staff_id: int = Field(foreign_key="staff_user.id", index=True)  # who runs it
    created_by_id: int = Field(foreign_key="staff_user.id")
    created_at: datetime = ts_field(default_now=True)
    updated_at: datetime | None = ts_field(nullable=True)


class ActivitySeriesTheme(SQLModel, table=True):
    """A theme (goal) the activity works on: a code of activity_catalog.json "themes"."""

    __tablename__ = "activity_series_theme"
    __table_args__ = (sa.CheckConstraint("theme <> ''", name="thema_niet_leeg"),)
    series_id: int = Field(foreign_key="activity_series.id", primary_key=True)
    theme: str = Field(max_length=40, primary_key=True)


class Activity(SQLModel, table=True):
    """One occurrence of a series on one day. `location_id` and `organisation_id` are copied from
    the series (permission and reports filter on them without a join); times and the planned number
    of children are copied too, so later edits of the series leave past occurrences as they were."""

    __tablename__ = "activity"
    __table_args__ = (
        one_of("status", ACTIVITY_STATUSES),
        sa.CheckConstraint("end_time > start_time", name="eind_na_begin"),
        sa.CheckConstraint("planned_children >= 0", name="gepland_niet_negatief"),
        sa.Index("ix_activity_location_day", "location_id", "day"),
    )
    id: int | None = Field(default=None, primary_key=True)
    client_uuid: str = client_uuid_field()
    series_id: int = Field(foreign_key="activity_series.id", index=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    location_id: int = Field(foreign_key="location.id")
    day: date = Field(index=True)
    start_time: time
    end_time: time
    planned_children: int = Field(default=0)
    status: str = Field(default="gepland", max_length=20)
    moved_from_id: int | None = Field(default=None, foreign_key="activity.id")
    created_at: datetime = ts_field(default_now=True)


class ActivityRegistration(SQLModel, table=True):
    """What became of an occurrence, registered once (from the field, or afterwards at a desk)."""

    __tablename__ = "activity_registration"
    __table_args__ = (
        one_of("status", REGISTRATION_STATUSES),
        sa.CheckConstraint("status <> 'geannuleerd' OR reason <> ''", name="reden_bij_annuleren"),
        sa.CheckConstraint("status <> 'verplaatst' OR new_day IS NOT NULL", name="datum_bij_verplaatsen"),
        sa.CheckConstraint("children_count >= 0 AND anonymous_count >= 0", name="aantallen_niet_negatief"),
    )
    id: int | None = Field(default=None, primary_key=True)
    client_uuid: str = client_uuid_field()
    activity_id: int = Field(sa_column=sa.Column(sa.Integer, sa.ForeignKey("activity.id"), nullable=False,
                                                 unique=True))
    status: str = Field(max_length=20)
    reason: str = Field(default="", max_length=300)  # why cancelled (or moved)
    new_day: date | None = Field(default=None)
    new_activity_id: int | None = Field(default=None, foreign_key="activity.id")
    note: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))
    children_count: int = Field(default=0)  # registered children present (rows in activity_child)
    anonymous_count: int = Field(default=0)  # sum of the tally (rows in activity_tally)
    by_id: int = Field(foreign_key="staff_user.id", index=True)
    at: datetime = ts_field(default_now=True)


class ActivityChild(SQLModel, table=True):
    """A registered child present at an occurrence (once)."""

    __tablename__ = "activity_child"
    activity_id: int = Field(foreign_key="activity.id", primary_key=True)
    child_id: int = Field(foreign_key="child.id", primary_key=True, index=True)


class ActivityTally(SQLModel, table=True):
    """The turflijst: children who are not registered, counted per age band and gender."""

    __tablename__ = "activity_tally"
    __table_args__ = (
        one_of("age_band", AGE_BANDS),
        one_of("gender", GENDERS),
        sa.CheckConstraint("count >= 0", name="aantal_niet_negatief"),
    )
    activity_id: int = Field(foreign_key="activity.id", primary_key=True)
    age_band: str = Field(max_length=10, primary_key=True)
    gender: str = Field(max_length=10, primary_key=True)
    count: int = Field(default=0)


class ActivityObservation(SQLModel, table=True):
    """A short observation about one theme of the activity ("kinderen spraken samen af wie begint")."""

    __tablename__ = "activity_observation"
    __table_args__ = (sa.CheckConstraint("theme <> ''", name="thema_niet_leeg"),)
    activity_id: int = Field(foreign_key="activity.id", primary_key=True)
    theme: str = Field(max_length=40, primary_key=True)
    text: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
