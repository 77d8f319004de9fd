"""Activities and reach (domain/rapportage/activity_reach.py) on SQLite and PostgreSQL.

The data set is written here as a plain list of occurrences (`OCC`), inserted as rows, and every
figure is recomputed from that same list in Python (`expected`), with the small-cell rule
re-implemented here (`display`). Several cells are suppressed (one child at location B, ...).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, time

import pytest
from sqlmodel import Session, select

from kinderwerk_pwa import texts
from kinderwerk_pwa.domain.activiteiten import catalog
from kinderwerk_pwa.domain.common.errors import InvalidInput, PermissionDenied
from kinderwerk_pwa.domain.rapportage import activity_reach
from kinderwerk_pwa.domain.toegang.actor import load_actor
from kinderwerk_pwa.models import (
    Activity,
    ActivityChild,
    ActivityRegistration,
    ActivitySeries,
    ActivitySeriesTheme,
    ActivityTally,
    AuditEvent,
    Child,
    ChildLocation,
    Location,
    StaffLocation,
)
from tests.world import build_world

START, END = date(2026, 2, 1), date(2026, 3, 15)
SMALL, HIDDEN = "<5", texts.RAPPORT_VERBORGEN


@dataclass
class Occ:
    """One occurrence as the test knows it."""

    loc: str  # "a", "b", "c"
    series: str
    day: date
    status: str
    planned: int = 10
    children: tuple[str, ...] = ()
    tally: dict = field(default_factory=dict)  # (band, gender) -> n
    moved_to: int | None = None  # index in OCC of the replacement


# Series: (location, kind, themes, free-place neighbourhood or "" for the location's)
SERIES = {
    "voetbal": ("a", "sport_spel", ("sociale_vaardigheden", "gezond_leven"), "Kruidenwijk"),
    "knutsel": ("a", "creatief", ("woordenschat",), ""),
    "huiswerk": ("a", "huiswerk_taal", ("woordenschat",), ""),
    "haven": ("b", "sport_spel", ("samenwerken",), ""),
    "elders": ("c", "kook", ("gezond_leven",), ""),
}
F = lambda d: date(2026, 2, d)  # noqa: E731
OCC = [
    Occ("a", "voetbal", F(2), "gerealiseerd", 10, ("k1", "k2", "k3"), {("4-6", "jongen"): 3, ("4-6", "meisje"): 2,
                                                                       ("7-9", "jongen"): 4}),
    Occ("a", "voetbal", F(9), "gerealiseerd", 10, ("k1", "k4"), {("7-9", "meisje"): 6, ("10-12", "anders"): 1}),
    Occ("a", "voetbal", F(16), "geannuleerd", 10),
    Occ("a", "voetbal", F(23), "verplaatst", 10, moved_to=4),
    Occ("a", "voetbal", F(25), "gerealiseerd", 10, ("k2",), {("10-12", "jongen"): 5}),
    Occ("a", "knutsel", F(11), "gerealiseerd", 8, ("k5", "k6", "k1")),
    Occ("a", "huiswerk", F(26), "gepland", 5),  # never registered
    Occ("a", "knutsel", date(2026, 3, 10), "gerealiseerd", 8, ("k1", "k5", "k6", "k7", "k8", "k9"),
        {("7-9", "jongen"): 7}),
    Occ("b", "haven", F(4), "gerealiseerd", 12, ("b1",), {("4-6", "meisje"): 2}),
    Occ("a", "knutsel", date(2026, 3, 20), "gerealiseerd", 8, ("k1",), {("4-6", "jongen"): 9}),  # after END
    Occ("a", "knutsel", date(2026, 1, 28), "gerealiseerd", 8, ("k3",)),  # before START
    Occ("c", "elders", F(5), "gerealiseerd", 6, ("c1", "c2"), {("4-6", "jongen"): 8}),  # not her location
]


@dataclass
class Built:
    w: object
    loc: dict[str, int]
    names: dict[str, str]
    hoods: dict[str, str]


def build(db: Session, w) -> Built:
    org = w.org_id
    c = Location(organisation_id=org, name="Speelpleinroute Oost", kind="speelpleinroute", neighbourhood="Oost")
    db.add(c)
    db.flush()
    loc = {"a": w.loc_a, "b": w.loc_b, "c": c.id}
    db.add(StaffLocation(staff_id=w.staff["teamleider"], location_id=w.loc_b))
    kids = {}
    for key in ["k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", "b1", "c1", "c2"]:
        child = Child(organisation_id=org, first_name=f"Kind{key}", last_name="Test", date_of_birth=date(2017, 3, 3))
        db.add(child)
        db.flush()
        db.add(ChildLocation(child_id=child.id, location_id=loc[{"b": "b", "c": "c"}.get(key[0], "a")]))
        kids[key] = child.id
    series = {}
    for key, (where, kind, themes, hood) in SERIES.items():
        s = ActivitySeries(organisation_id=org, location_id=loc[where], title=key, kind=kind, neighbourhood=hood,
                           place_kind="speeltuin" if hood else "", place_name="Speeltuin" if hood else "",
                           start_time=time(15), end_time=time(16), first_day=date(2026, 1, 1),
                           last_day=date(2026, 3, 31), repeat="wekelijks", planned_children=10,
                           lead_staff_id=w.staff["kinderwerker"], created_by_id=w.staff["teamleider"])
        db.add(s)
        db.flush()
        db.add_all([ActivitySeriesTheme(series_id=s.id, theme=t) for t in themes])
        series[key] = s
    ids = []
    for occ in OCC:
        s = series[occ.series]
        a = Activity(series_id=s.id, organisation_id=org, location_id=s.location_id, day=occ.day,
                     start_time=time(15), end_time=time(16), planned_children=occ.planned, status=occ.status)
        db.add(a)
        db.flush()
        ids.append(a.id)
    for occ, activity_id in zip(OCC, ids, strict=True):
        if occ.status == "gepland":
            continue
        db.add(ActivityRegistration(
            client_uuid=str(uuid.uuid4()), activity_id=activity_id, status=occ.status,
            reason="regen" if occ.status == "geannuleerd" else "",
            new_day=OCC[occ.moved_to].day if occ.moved_to is not None else None,
            new_activity_id=ids[occ.moved_to] if occ.moved_to is not None else None,
            children_count=len(occ.children), anonymous_count=sum(occ.tally.values()), by_id=w.staff["kinderwerker"]))
        db.add_all([ActivityChild(activity_id=activity_id, child_id=kids[k]) for k in occ.children])
        db.add_all([ActivityTally(activity_id=activity_id, age_band=b, gender=g, count=n)
                    for (b, g), n in occ.tally.items()])
    db.commit()
    locations = {k: db.get(Location, v) for k, v in loc.items()}
    return Built(w, loc, {k: locations[k].name for k in loc}, {k: locations[k].neighbourhood for k in loc})


@pytest.fixture
def data(db: Session):
    w = build_world(db)
    return db, build(db, w)


# ==============================================================================================
# Independent recomputation
# ==============================================================================================

def display(values: list[int], total: int | None) -> tuple[list, object]:
    """The small-cell rule as the README states it: 1-4 -> '<5'; when exactly one cell of a
    breakdown is hidden, the smallest other positive cell is hidden too ('x'), or the total when
    there is none."""
    small = [1 <= v <= 4 for v in values]
    cells: list = [SMALL if s else v for v, s in zip(values, small, strict=True)]
    shown_total: object = total
    if total is not None and 1 <= total <= 4:
        shown_total = SMALL
    if sum(small) == 1 and total is not None:
        others = sorted((v, i) for i, v in enumerate(values) if not small[i] and v > 0)
        if others:
            cells[others[0][1]] = HIDDEN
        elif shown_total != SMALL:
            shown_total = HIDDEN
    return cells, shown_total


def expected(locs: set[str]):
    """All figures, from OCC alone."""
    scope = [o for o in OCC if o.loc in locs and START <= o.day <= END]
    realised = [o for o in scope if o.status == "gerealiseerd"]
    hood = {key: (SERIES[key][3] or {"a": "Stedenwijk", "b": "Haven", "c": "Oost"}[SERIES[key][0]]) for key in SERIES}
    unique_all = {k for o in realised for k in o.children}
    anon_all = sum(sum(o.tally.values()) for o in realised)
    contacts_all = anon_all + sum(len(o.children) for o in realised)
    totals = (len(realised), len(unique_all), anon_all, contacts_all)

    def reach_table(key_of, labels_in_order):
        groups = defaultdict(list)
        for o in realised:
            for key in key_of(o):
                groups[key].append(o)
        rows = []
        for key, label in labels_in_order(groups):
            occ = groups.get(key, [])
            rows.append((label, len(occ), len({k for o in occ for k in o.children}),
                         sum(sum(o.tally.values()) for o in occ),
                         sum(len(o.children) + sum(o.tally.values()) for o in occ)))
        columns = [[r[i] for r in rows] for i in range(1, 5)]
        shown = [columns[0]]
        shown_totals = [totals[0]]
        for i in (1, 2, 3):
            cells, t = display(columns[i], totals[i])
            shown.append(cells)
            shown_totals.append(t)
        return {label: tuple(c[j] for c in shown) for j, (label, *_) in enumerate(rows)} | {
            texts.RAPPORT_TOTAAL: tuple(shown_totals)}

    by_hood = reach_table(lambda o: [hood[o.series]], lambda g: [(k, k) for k in sorted(g, key=str.lower)])
    by_kind = reach_table(lambda o: [SERIES[o.series][1]], lambda g: [(c, catalog.kind_label(c))
                                                                      for c in catalog.kind_codes()])
    by_theme = reach_table(lambda o: SERIES[o.series][2], lambda g: [(c, catalog.theme_label(c))
                                                                     for c in catalog.theme_codes()])

    turf = {}
    gender_cols = []
    for g in ("jongen", "meisje", "anders"):
        values = [sum(o.tally.get((b, g), 0) for o in realised) for b in ("4-6", "7-9", "10-12")]
        gender_cols.append(display(values, sum(values)))
    for i, b in enumerate(("4-6", "7-9", "10-12")):
        turf[texts.ACTIVITEIT_LEEFTIJD_LABELS[b]] = tuple(col[0][i] for col in gender_cols)
    turf[texts.RAPPORT_TOTAAL] = tuple(col[1] for col in gender_cols)

    def planned_table(key_of, keys_labels):
        rows = []
        for key, label in keys_labels:
            occ = [o for o in scope if key_of(o) == key]
            not_moved = [o for o in occ if o.status != "verplaatst"]
            rows.append((label, len(not_moved), sum(o.status == "gerealiseerd" for o in occ),
                         sum(o.status == "geannuleerd" for o in occ), sum(o.status == "gepland" for o in occ),
                         sum(o.planned for o in not_moved),
                         sum(len(o.children) + sum(o.tally.values()) for o in occ if o.status == "gerealiseerd")))
        totals_ = tuple(sum(r[i] for r in rows) for i in range(1, 7))
        reached, reached_total = display([r[6] for r in rows], totals_[5])
        return {r[0]: (*r[1:6], reached[j]) for j, r in enumerate(rows)} | {
            texts.RAPPORT_TOTAAL: (*totals_[:5], reached_total)}

    return {
        "totals": totals, "registered": contacts_all - anon_all,
        "moved": sum(o.status == "verplaatst" for o in scope),
        texts.BEREIK_ACT_T_WIJK: by_hood, texts.BEREIK_ACT_T_SOORT: by_kind, texts.BEREIK_ACT_T_THEMA: by_theme,
        texts.BEREIK_ACT_T_TURF: turf,
        texts.BEREIK_ACT_T_PVR_LOCATIE: planned_table(lambda o: o.loc, [(k, NAMES[k]) for k in sorted(
            locs, key=lambda k: NAMES[k])]),
        texts.BEREIK_ACT_T_PVR_SOORT: planned_table(lambda o: SERIES[o.series][1],
                                                    [(c, catalog.kind_label(c)) for c in catalog.kind_codes()]),
        texts.BEREIK_ACT_T_PVR_MAAND: planned_table(lambda o: (o.day.year, o.day.month),
                                                    [((2026, 2), "februari 2026"), ((2026, 3), "maart 2026")]),
    }


NAMES: dict[str, str] = {}


def as_dicts(result) -> dict[str, dict]:
    return {t.title: {row[0]: tuple(row[1:]) for row in t.rows} for t in result.tables()}


# ==============================================================================================
# Tests
# ==============================================================================================

def test_reach_and_planned_against_realised_match_the_rows(data):
    db, b = data
    NAMES.update(b.names)
    w = b.w
    result = activity_reach.activity_reach(load_actor(db, w.staff["teamleider"]), db, [b.loc["a"], b.loc["b"]],
                                           START, END)
    want = expected({"a", "b"})
    got = as_dicts(result)
    for title in (texts.BEREIK_ACT_T_WIJK, texts.BEREIK_ACT_T_SOORT, texts.BEREIK_ACT_T_THEMA,
                  texts.BEREIK_ACT_T_TURF, texts.BEREIK_ACT_T_PVR_LOCATIE, texts.BEREIK_ACT_T_PVR_SOORT,
                  texts.BEREIK_ACT_T_PVR_MAAND):
        assert got[title] == want[title], title
    n_realised, unique, anonymous, contacts = want["totals"]
    assert (result.realised, result.unique_children, result.anonymous_contacts, result.contacts) == \
        (n_realised, unique, anonymous, contacts)
    assert result.registered_contacts == want["registered"] and result.moved == want["moved"] == 1
    key = dict(result.key_figures())
    assert key[texts.BEREIK_ACT_R_GEPLAND] == want[texts.BEREIK_ACT_T_PVR_LOCATIE][texts.RAPPORT_TOTAAL][0]


def test_figures_by_hand(data):
    """The same, worked out by hand from OCC (a and b, 1 Feb - 15 Mar)."""
    db, b = data
    r = activity_reach.activity_reach(load_actor(db, b.w.staff["teamleider"]), db, [b.loc["a"], b.loc["b"]],
                                      START, END)
    # planned: voetbal 2,9,16,25 (23 moved) + knutsel 11 + huiswerk 26 + knutsel 10 mrt + haven 4 = 8
    assert (r.planned, r.realised, r.cancelled, r.moved, r.not_registered) == (8, 6, 1, 1, 1)
    assert r.children_planned == 10 * 4 + 8 + 5 + 8 + 12
    # unique: k1..k9 and b1 = 10; registered contacts 3+2+1+3+6+1 = 16; anonymous 9+7+5+7+2 = 30
    assert (r.unique_children, r.registered_contacts, r.anonymous_contacts, r.contacts) == (10, 16, 30, 46)
    hood = {row[0]: row[1:] for row in r.by_neighbourhood.rows}
    # Haven: 1 child, 2 tallied, 3 contacts: all suppressed. Kruidenwijk: k1-k4 = 4 children (<5), 21
    # tallied, 27 contacts. Stedenwijk: 6 children; its 7 tallied and 16 contacts are the smallest
    # other cells next to Haven's lone suppressed one, so they are hidden too (x).
    assert hood["Haven"] == (1, SMALL, SMALL, SMALL)
    assert hood["Kruidenwijk"] == (3, SMALL, 21, 27)
    assert hood["Stedenwijk"] == (2, 6, HIDDEN, HIDDEN)
    turf = {row[0]: row[1:] for row in r.anonymous_by_age_gender.rows}
    # jongen 3 / 11 / 5, meisje 4 / 6 / 0, anders 0 / 0 / 1: each column hides its smallest other cell
    assert turf["4-6 jaar"] == (SMALL, SMALL, 0)
    assert turf["7-9 jaar"] == (11, HIDDEN, 0)
    assert turf["10-12 jaar"] == (HIDDEN, 0, SMALL)
    assert r.anonymous_by_age_gender.total == (19, 10, SMALL)
    by_location = {row[0]: row[1:] for row in r.planned_by_location.rows}
    assert by_location[b.names["b"]] == (1, 1, 0, 0, 12, SMALL)
    assert by_location[b.names["a"]][:4] == (7, 5, 1, 1)


def test_a_location_not_ones_own_is_refused_whole_and_audited(data):
    db, b = data
    w = b.w
    tl = load_actor(db, w.staff["teamleider"])
    with pytest.raises(PermissionDenied):
        activity_reach.activity_reach(tl, db, [b.loc["a"], b.loc["c"]], START, END)
    for key in ("kinderwerker", "beheerder"):
        with pytest.raises(PermissionDenied):
            activity_reach.activity_reach(load_actor(db, w.staff[key]), db, [b.loc["a"]], START, END)
        with pytest.raises(PermissionDenied):
            activity_reach.week_activities(load_actor(db, w.staff[key]), db, [b.loc["a"]])
    with pytest.raises(InvalidInput):
        activity_reach.activity_reach(tl, db, [b.loc["a"]], END, START)
    db.expire_all()
    assert db.exec(select(AuditEvent).where(AuditEvent.action == "activiteit.bereik_bekeken")).all() == []
    assert len(db.exec(select(AuditEvent).where(AuditEvent.outcome == "geweigerd")).all()) == 5
    activity_reach.activity_reach(tl, db, [b.loc["a"]], START, END)
    rows = db.exec(select(AuditEvent).where(AuditEvent.action == "activiteit.bereik_bekeken")).all()
    assert len(rows) == 1 and rows[0].detail == f"locaties={b.loc['a']};periode=2026-02-01..2026-03-15"


def test_only_location_a_and_no_names(data):
    db, b = data
    NAMES.update(b.names)
    r = activity_reach.activity_reach(load_actor(db, b.w.staff["aandachtsfunctionaris"]), db, [b.loc["a"]],
                                      START, END)
    want = expected({"a"})
    got = as_dicts(r)
    assert got[texts.BEREIK_ACT_T_PVR_MAAND] == want[texts.BEREIK_ACT_T_PVR_MAAND]
    assert got[texts.BEREIK_ACT_T_WIJK] == want[texts.BEREIK_ACT_T_WIJK]
    assert "Kindk" not in repr(r)


def test_week_activities_lists_this_week_and_what_is_not_registered(data):
    db, b = data
    w = b.w
    today = date(2026, 3, 4)  # a Wednesday, after the unregistered huiswerk of 26 Feb
    tl = load_actor(db, w.staff["teamleider"])
    series = db.exec(select(ActivitySeries).where(ActivitySeries.title == "knutsel")).one()
    this_week = Activity(series_id=series.id, organisation_id=w.org_id, location_id=b.loc["a"], day=date(2026, 3, 5),
                         start_time=time(15), end_time=time(16), planned_children=8)
    db.add(this_week)
    db.commit()
    result = activity_reach.week_activities(tl, db, [b.loc["a"], b.loc["b"]], today)
    assert result.week_start == date(2026, 3, 2)
    assert [i.id for i in result.items] == [this_week.id]
    huiswerk = db.exec(select(Activity).where(Activity.day == date(2026, 2, 26))).one()
    assert [i.id for i in result.not_registered] == [huiswerk.id]
    assert result.not_registered[0].not_registered and result.not_registered[0].title == "huiswerk"
    db.expire_all()
    assert len(db.exec(select(AuditEvent).where(AuditEvent.action == "activiteit.overzicht_bekeken")).all()) == 1


def test_empty_period_gives_zeros(data):
    db, b = data
    r = activity_reach.activity_reach(load_actor(db, b.w.staff["teamleider"]), db, [b.loc["b"]],
                                      date(2025, 6, 1), date(2025, 6, 30))
    assert (r.planned, r.realised, r.unique_children, r.contacts) == (0, 0, 0, 0)
    assert r.by_neighbourhood.rows == [] and r.planned_by_month.rows == [("juni 2025", 0, 0, 0, 0, 0, 0)]
