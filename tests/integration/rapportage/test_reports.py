"""The team overview, the rapportage and the trend series (domain/reports.py) on a real database.

Every figure is recomputed here on its own: with plain SQL (sqlalchemy text()) over the tables and
with expectations worked out by hand for the small hand-made data set below. The small-cell
suppression is re-implemented here independently (`display`) and checked by hand-built cases.
Also on the demo data (generate(seed=7, children=120, months=3, locations=4)) in a fresh SQLite
database.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from sqlmodel import Session, SQLModel, select

from kinderwerk_pwa import texts
from kinderwerk_pwa.domain.common.errors import InvalidInput, PermissionDenied
from kinderwerk_pwa.domain.rapportage import reports
from kinderwerk_pwa.domain.signalering.signal_catalog import category_codes
from kinderwerk_pwa.domain.signalering.signal_catalog import label as category_label
from kinderwerk_pwa.domain.toegang.actor import load_actor
from kinderwerk_pwa.models import (
    Agreement,
    AttendanceEvent,
    Child,
    ChildLocation,
    Enrolment,
    Goal,
    GoalProgress,
    Location,
    MeldcodeTrack,
    ParentConversation,
    Partner,
    ReferralIn,
    ReferralOut,
    Signal,
    StaffLocation,
    StaffUser,
)
from tests.world import actor, audits

AMS = ZoneInfo("Europe/Amsterdam")
START, END = date(2026, 2, 2), date(2026, 2, 27)  # Monday .. Friday
TODAY = date(2026, 3, 4)  # a Wednesday: the day of the team overview
HYPERLINK = '=HYPERLINK("http://x","y")'
SMALL, HIDDEN = "<5", texts.RAPPORT_VERBORGEN
TOTAL = texts.RAPPORT_TOTAAL


# ==============================================================================================
# Hand-made data
# ==============================================================================================

@dataclass
class Data:
    w: object
    loc_c: int = 0
    kids: dict[str, int] = field(default_factory=dict)
    tracks: dict[str, int] = field(default_factory=dict)
    signals: dict[str, int] = field(default_factory=dict)
    agreements: dict[str, int] = field(default_factory=dict)
    referrals_in: dict[str, int] = field(default_factory=dict)
    referrals_out: dict[str, int] = field(default_factory=dict)


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=AMS)


def build_data(db: Session, w) -> Data:
    """A small, fully known data set around February 2026 at the world's two huiskamers (a and b)
    and a third one (c) the teamleider does not work at. See the comments for what counts."""
    d = Data(w)
    org, a, b = w.org_id, w.loc_a, w.loc_b
    kw = w.staff["kinderwerker"]
    loc_c = Location(organisation_id=org, name="Huiskamer De Poort", kind="huiskamer", neighbourhood="Poort",
                     capacity=15)
    db.add(loc_c)
    db.flush()
    d.loc_c = c = loc_c.id
    db.add(StaffLocation(staff_id=w.staff["teamleider"], location_id=b))  # the teamleider: a and b

    def kid(key: str, born: date, hood: str, loc: int) -> int:
        child = Child(organisation_id=org, first_name=key.capitalize(), last_name="Testkind",
                      date_of_birth=born, neighbourhood=hood, status="actief")
        db.add(child)
        db.flush()
        db.add(ChildLocation(child_id=child.id, location_id=loc))
        d.kids[key] = child.id
        return child.id

    d.kids["a"], d.kids["b"] = w.child_a, w.child_b  # Sem (8 on END, no wijk, a), Noor (9, no wijk, b)
    kid("s1", date(2020, 6, 1), "Stedenwijk", a)  # 5
    kid("s2", date(2019, 2, 27), "Stedenwijk", a)  # 7 exactly on END
    kid("s3", date(2019, 6, 1), "Stedenwijk", a)  # 6
    kid("s4", date(2017, 6, 1), "Stedenwijk", a)  # 8
    kid("s5", date(2015, 6, 1), "Stedenwijk", a)  # 10
    kid("s6", date(2014, 6, 1), "Stedenwijk", a)  # 11
    kid("h1", date(2013, 6, 1), "Haven", b)  # 12
    kid("h2", date(2012, 6, 1), "Haven", b)  # 13: "overig"
    kid("x", date(2021, 6, 1), HYPERLINK, a)  # 4
    kid("u", date(2018, 1, 1), "Poort", a)  # present only by an undone tap
    kid("o", date(2018, 1, 1), "Poort", a)  # present only outside the period
    kid("c1", date(2018, 1, 1), "Poort", c)  # present at c only
    k = d.kids

    # ---- attendance ---------------------------------------------------------------------------
    def ev(child: str, loc: int, day: date, kind: str, hour: int = 15, minute: int = 0, undoes: int | None = None,
           **extra) -> int:
        event = AttendanceEvent(child_id=k[child], location_id=loc, day=day, kind=kind,
                                at=local(day, hour, minute), by_id=kw, undoes_id=undoes, **extra)
        db.add(event)
        db.flush()
        return event.id

    feb = lambda n: date(2026, 2, n)  # noqa: E731
    for n in (2, 3, 4, 5, 6, 9, 10, 11, 12, 13):  # Sem: 10 days at a
        ev("a", a, feb(n), "aanwezig")
        ev("a", a, feb(n), "opgehaald", 17, picked_up_by="Petra Jansen")
    for s in ("s1", "s2", "s3", "s4", "s5", "s6"):  # 6 x 3 days at a
        for n in (2, 4, 6):
            ev(s, a, feb(n), "aanwezig")
    # s1 on the 4th: tapped again after an undo - still one child-day
    ev("s1", a, feb(4), "ongedaan", 15, 5, undoes=ev("s1", a, feb(4), "aanwezig", 15, 1))
    ev("s6", a, feb(9), "afwezig")
    ev("x", a, feb(16), "aanwezig")  # 1 day at a
    ev("u", a, feb(3), "ongedaan", 15, 10, undoes=ev("u", a, feb(3), "aanwezig", 15, 5))  # undone: not counted
    ev("o", a, date(2026, 1, 30), "aanwezig")  # outside the period
    ev("o", a, date(2026, 3, 2), "aanwezig")
    for n in (2, 4, 9, 11):  # Noor: 4 days at b
        ev("b", b, feb(n), "aanwezig")
    for h in ("h1", "h2"):  # 2 x 2 days at b
        for n in (2, 4):
            ev(h, b, feb(n), "aanwezig")
    ev("c1", c, feb(2), "aanwezig")  # at c: never in a report for a and b
    # TODAY (Wednesday): Sem present; s1 (enrolled on Wednesdays) came and went; s2 an extra day,
    # present; s3 tapped and undone; Noor (b) afgemeld.
    db.add(Enrolment(child_id=k["s1"], location_id=a, weekdays="3", start_date=date(2026, 1, 5)))
    ev("a", a, TODAY, "aanwezig")
    ev("s1", a, TODAY, "aanwezig")
    ev("s1", a, TODAY, "opgehaald", 17, picked_up_by="Oma")
    ev("s2", a, TODAY, "extra", 12)
    ev("s2", a, TODAY, "aanwezig", 15, 2)
    ev("s2", a, TODAY, "stemming", 15, 3, mood=4)
    ev("s3", a, TODAY, "ongedaan", 15, 9, undoes=ev("s3", a, TODAY, "aanwezig", 15, 8))
    ev("b", b, TODAY, "afgemeld", 10, reason="ziek")

    # ---- referrals in -------------------------------------------------------------------------
    def ref(key: str, child: str, loc: int, kind: str, received: date, status: str, intake: date | None = None):
        referral = ReferralIn(child_id=k[child], location_id=loc, referrer_kind=kind, reason="Aanmelding.",
                              received_on=received, status=status, intake_on=intake, created_by_id=kw)
        db.add(referral)
        db.flush()
        d.referrals_in[key] = referral.id

    ref("r1", "s1", a, "school", date(2026, 1, 10), "wachtlijst")  # waiting on END and on TODAY
    ref("r2", "s2", a, "ouder", feb(10), "intake", date(2026, 3, 3))  # new; waiting on END (intake later)
    for i, (child, day) in enumerate([("s3", 3), ("s4", 5), ("s5", 10), ("s6", 17), ("x", 24)]):
        ref(f"i{i}", child, a, "wijkteam", date(2026, 1, 5), "geplaatst", feb(day))  # 5 intakes at a
    ref("r8", "o", a, "ggd", date(2026, 3, 1), "wachtlijst")  # after the period; on TODAY's list
    ref("r9", "h1", b, "school", feb(3), "ingetrokken")  # new; withdrawn before an intake
    ref("r10", "h2", b, "school", feb(5), "geplaatst", feb(12))  # new; intake at b
    ref("r11", "b", b, "wijkagent", feb(6), "intake", feb(20))  # new; intake at b
    ref("r12", "c1", c, "school", feb(10), "wachtlijst")  # at c

    # ---- uitstroom ----------------------------------------------------------------------------
    for reason, day in [("Verhuisd", 3), ("Verhuisd", 4), ("verhuisd", 5), ("verhuisd", 6), (" verhuisd  ", 9),
                        ("naar de BSO", 10), ("naar de BSO", 11), ("Sem gaat naar opa Kees", 12)]:
        db.add(Enrolment(child_id=k["o"], location_id=a, weekdays="2", start_date=date(2025, 9, 1),
                         end_date=feb(day), end_reason=reason))
    db.add(Enrolment(child_id=k["o"], location_id=a, weekdays="2", start_date=date(2025, 9, 1),
                     end_date=date(2026, 3, 2), end_reason="verhuisd"))  # after the period
    db.add(Enrolment(child_id=k["c1"], location_id=c, weekdays="2", start_date=date(2025, 9, 1),
                     end_date=feb(10), end_reason="verhuisd"))  # at c

    # ---- meldcode tracks ----------------------------------------------------------------------
    af = w.staff["aandachtsfunctionaris"]

    def track(key: str, loc: int, child: str | None, opened: date, due: date, status: str = "open",
              step: int = 2, report: bool | None = None, help_: bool | None = None,
              closed: datetime | None = None) -> int:
        t = MeldcodeTrack(organisation_id=org, location_id=loc, child_id=k[child] if child else None,
                          opened_by_id=kw, owner_id=af, opened_at=local(opened, 16), due_date=due,
                          status=status, current_step=step, decision_report=report, decision_help=help_,
                          closed_at=closed)
        db.add(t)
        db.flush()
        d.tracks[key] = t.id
        return t.id

    track("t1", a, "s5", date(2026, 1, 10), feb(20), "gesloten", 5, True, True, local(feb(26), 11))
    track("t2", a, "s4", date(2026, 1, 5), feb(10), "gesloten", 5, False, True, local(feb(10), 11))
    track("t3", b, "h1", date(2026, 1, 5), feb(10), "gesloten", 5, False, False, local(feb(27), 23, 30))
    track("t4", a, "s6", date(2026, 1, 5), feb(10), "gesloten", 5, True, False, local(date(2026, 3, 2), 9))
    track("t5", a, "s5", date(2026, 2, 1), feb(20), step=3)  # overdue on TODAY, 31 days old
    track("t7", a, "s6", feb(20), date(2026, 3, 6), step=3)  # 12 days old
    track("t8", a, "s4", feb(24), date(2026, 3, 10), step=2)  # 8 days old
    track("t6", c, "c1", feb(1), feb(10), step=2)  # at c

    # ---- signals ------------------------------------------------------------------------------
    def sig(key: str, loc: int, child: str | None, at: datetime, cats: str, acute: bool = False,
            track_key: str | None = None) -> None:
        s = Signal(organisation_id=org, location_id=loc, child_id=k[child] if child else None,
                   unknown_description="" if child else "jongen van ongeveer 8 bij het klimrek", author_id=kw,
                   observed_at=at, categories=cats, facts="Feitelijke beschrijving.", source="zelf_gezien",
                   acute=acute, track_id=d.tracks[track_key] if track_key else None)
        db.add(s)
        db.flush()
        d.signals[key] = s.id

    sig("S1", a, "s4", local(feb(2), 0, 30), "gedrag")  # 1 Feb 23:30 UTC: in the period (Amsterdam day)
    sig("S2", a, "s4", local(feb(10), 15), "gedrag,contact_kinderen")
    sig("S3", a, "s4", local(feb(27), 23, 30), "verzorging")
    sig("S4", b, "h1", local(feb(12), 15), "verzorging,materieel", acute=True)  # acute at b, no track
    sig("S5", a, None, local(feb(15), 19), "veiligheid")  # unknown child
    sig("S6", a, "s5", local(date(2026, 2, 1), 23, 30), "gedrag")  # 1 Feb: before the period
    sig("S7", a, "s5", local(date(2026, 2, 28), 0, 30), "gedrag")  # 28 Feb: after the period
    sig("S8", c, "c1", local(feb(10), 15), "gedrag")  # at c
    sig("S9", a, "s6", local(feb(18), 15), "gedrag")
    sig("S10", a, "s6", local(feb(19), 15), "gedrag")
    sig("S11", b, "h2", local(feb(20), 15), "gedrag,veiligheid")
    sig("S12", a, "s4", local(date(2026, 3, 2), 15), "gedrag")  # s4: 3 signals in 30 days on TODAY
    sig("A1", a, "s5", local(feb(20), 15), "thuissituatie", acute=True)  # acute, no track
    sig("A2", a, "s5", local(feb(25), 15), "thuissituatie", acute=True, track_key="t1")  # closed track
    sig("A3", a, "s5", local(date(2026, 1, 20), 15), "thuissituatie", acute=True)  # too old on TODAY
    sig("A4", a, "s5", local(date(2026, 3, 1), 15), "thuissituatie", acute=True, track_key="t5")  # open track
    sig("A5", a, "s5", local(feb(2), 23, 30), "thuissituatie", acute=True)  # 31 days before TODAY's end
    sig("A6", c, "c1", local(feb(25), 15), "veiligheid", acute=True)  # at c

    # ---- conversations and agreements ---------------------------------------------------------
    def agreements(loc: int, items: list[tuple[str, date, str]]) -> None:
        conv = ParentConversation(organisation_id=org, family_id=w.family_a, location_id=loc, author_id=kw,
                                  kind="zorg", held_at=local(date(2026, 1, 20), 17), facts="Gesprek.")
        db.add(conv)
        db.flush()
        for key, due, status in items:
            agreement = Agreement(conversation_id=conv.id, description="Afspraak.", owner_kind="ouder",
                                  owner_name="Petra Jansen", due_date=due, status=status)
            db.add(agreement)
            db.flush()
            d.agreements[key] = agreement.id

    agreements(a, [("ag1", feb(20), "open"), ("ag2", TODAY, "open"), ("ag3", feb(10), "gedaan")])
    agreements(c, [("ag4", feb(1), "open")])

    # ---- partners and referrals out -----------------------------------------------------------
    p1 = Partner(organisation_id=org, name="Wijkteam Stedenwijk", kind="wijkteam")
    p2 = Partner(organisation_id=org, name="GGD Flevoland", kind="ggd")
    db.add_all([p1, p2])
    db.flush()

    def out(key: str, partner: Partner, loc: int, child: str, sent: date, status: str, due: date | None = None,
            feedback_on: date | None = None) -> None:
        r = ReferralOut(child_id=k[child], location_id=loc, partner_id=partner.id, reason="Doorverwijzing.",
                        consent_given=True, consent_by="Petra Jansen", consent_on=sent, sent_on=sent,
                        feedback_due=due or sent + timedelta(days=42), status=status, feedback_on=feedback_on,
                        created_by_id=kw)
        db.add(r)
        db.flush()
        d.referrals_out[key] = r.id

    out("o1", p1, a, "a", feb(3), "afgerond", feedback_on=feb(20))
    out("o2", p1, a, "s1", feb(5), "in_behandeling", feedback_on=feb(15))
    for i, day in enumerate((10, 12, 17, 19)):
        out(f"o{3 + i}", p1, a, "s2", feb(day), "verstuurd")
    out("o7", p2, b, "h1", feb(6), "verstuurd")
    out("late", p1, a, "s3", date(2026, 1, 20), "verstuurd", due=date(2026, 3, 3))  # feedback overdue on TODAY
    out("due_today", p2, a, "s4", date(2026, 1, 10), "in_behandeling", due=TODAY)  # not overdue yet
    out("done", p2, a, "s5", date(2026, 1, 5), "afgerond", due=feb(16), feedback_on=feb(10))
    out("at_c", p1, c, "c1", feb(10), "verstuurd", due=feb(20))

    # ---- goals and evaluations ----------------------------------------------------------------
    def goal(child: str, loc: int, start: date, status: str = "actief", achieved: date | None = None,
             scores: tuple[tuple[datetime, int], ...] = ()) -> int:
        g = Goal(child_id=k[child], location_id=loc, title="Samen spelen", start_date=start, status=status,
                 achieved_on=achieved, created_by_id=kw)
        db.add(g)
        db.flush()
        for at, score in scores:
            db.add(GoalProgress(goal_id=g.id, at=at, kind="evaluatie", score=score, by_id=kw))
        return g.id

    g1 = goal("a", a, date(2026, 1, 10), "behaald", feb(20),
              ((local(date(2026, 1, 15), 17), 2), (local(feb(10), 17), 2), (local(feb(20), 17), 3)))
    db.add(GoalProgress(goal_id=g1, at=local(feb(11), 15), kind="moment", went_well=True, by_id=kw))
    goal("s1", a, feb(5), scores=((local(feb(25), 17), 3),))
    goal("s2", a, feb(12))
    goal("h1", b, feb(16), scores=((local(feb(27), 23, 30), 5),))
    goal("s3", a, date(2026, 3, 1))  # after the period
    goal("s4", a, date(2025, 12, 1), scores=((local(date(2026, 1, 31), 23, 30), 4), (local(feb(12), 17), 3)))
    goal("c1", c, feb(10), "behaald", feb(20))  # at c
    db.commit()
    return d


@pytest.fixture
def data(app_db):
    db, w = app_db
    return db, build_data(db, w)


# ==============================================================================================
# Independent recomputation (plain SQL) and suppression
# ==============================================================================================

def display(values: list[int], total: int) -> tuple[list, object]:
    """The suppression rule, written out again: 1..4 -> '<5'; when exactly one cell is suppressed,
    the smallest other count above 0 is hidden ('–'), or else the total."""
    def small(v):
        return 1 <= v <= 4

    cells = [SMALL if small(v) else v for v in values]
    shown_total = SMALL if small(total) else total
    if sum(small(v) for v in values) == 1:
        others = sorted((v, i) for i, v in enumerate(values) if v > 4)
        if others:
            cells[others[0][1]] = HIDDEN
        else:
            shown_total = SMALL if small(total) else HIDDEN
    return cells, shown_total


def _utc(day: date) -> str:
    """The start of an Amsterdam day as the naive UTC text SQLite stores timestamps as."""
    return datetime.combine(day, time(0), tzinfo=AMS).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def q(db, sql: str, **params):
    stmt = sa.text(sql)
    if "ids" in params:
        stmt = stmt.bindparams(sa.bindparam("ids", expanding=True))
    return db.connection().execute(stmt, params).all()


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


PRESENT_SQL = """
    SELECT DISTINCT e.location_id, e.child_id, e.day FROM attendance_event e
    WHERE e.kind = 'aanwezig' AND e.day >= :s AND e.day <= :e AND e.location_id IN :ids
      AND NOT EXISTS (SELECT 1 FROM attendance_event u WHERE u.kind = 'ongedaan' AND u.undoes_id = e.id)
"""


def expected_tables(db, ids: list[int], start: date, end: date) -> dict[str, dict]:
    """Per table title: {row label: tuple of display values} (the total row under TOTAL)."""
    p = {"ids": ids, "s": start.isoformat(), "e": end.isoformat(), "lo": _utc(start),
         "hi": _utc(end + timedelta(days=1))}
    names = dict(q(db, "SELECT id, name FROM location WHERE id IN :ids", ids=ids))
    capacity = dict(q(db, "SELECT id, capacity FROM location WHERE id IN :ids", ids=ids))
    result: dict[str, dict] = {}

    def simple(title: str, counts: dict[str, int], total: int | None = None) -> None:
        labels = list(counts)
        cells, shown_total = display([counts[x] for x in labels], sum(counts.values()) if total is None else total)
        result[title] = {**{x: (c,) for x, c in zip(labels, cells, strict=True)}, TOTAL: (shown_total,)}

    # bereik
    kids = q(db, f"SELECT c.neighbourhood, c.date_of_birth FROM child c WHERE c.id IN "
                 f"(SELECT child_id FROM ({PRESENT_SQL}) p)", **p)
    hoods, ages = Counter(), Counter()
    for hood, born in kids:
        hoods[hood.strip() or texts.RAPPORT_ONBEKEND] += 1
        born = _day(born)
        age = end.year - born.year - ((end.month, end.day) < (born.month, born.day))
        group = next((f"{lo}-{hi} jaar" for lo, hi in ((4, 6), (7, 9), (10, 12)) if lo <= age <= hi), "Overig")
        ages[group] += 1
    simple(texts.RAPPORT_T_BEREIK_WIJK, dict(hoods), len(kids))
    simple(texts.RAPPORT_T_BEREIK_LEEFTIJD,
           {g: ages.get(g, 0) for g in ("4-6 jaar", "7-9 jaar", "10-12 jaar", "Overig")}, len(kids))

    # attendance per location
    per_loc = {loc: (n, days) for loc, n, days in q(
        db, f"SELECT location_id, COUNT(*), COUNT(DISTINCT day) FROM ({PRESENT_SQL}) p GROUP BY location_id", **p)}
    order = sorted(ids)
    child_days = [per_loc.get(i, (0, 0))[0] for i in order]
    cells, shown_total = display(child_days, sum(child_days))
    rows = {}
    for i, cell in zip(order, cells, strict=True):
        n, days = per_loc.get(i, (0, 0))
        avg = round(n / days, 1) if days else None
        occ = round(100 * n / days / capacity[i], 1) if days and capacity[i] else None
        if cell in (SMALL, HIDDEN):
            avg, occ = (HIDDEN if avg is not None else None), (HIDDEN if occ is not None else None)
        rows[names[i]] = (cell, days, avg, capacity[i], occ)
    rows[TOTAL] = (shown_total, None, None, None, None)
    result[texts.RAPPORT_T_AANWEZIGHEID] = rows

    # referrals in, intakes, waitlist at the end
    by_kind = dict(q(db, "SELECT referrer_kind, COUNT(*) FROM referral_in WHERE location_id IN :ids "
                         "AND received_on >= :s AND received_on <= :e GROUP BY referrer_kind", **p))
    simple(texts.RAPPORT_T_AANMELDINGEN, {texts.REFERRER_KIND_LABELS[kind]: by_kind.get(kind, 0)
                                          for kind in texts.REFERRER_KIND_LABELS})
    intakes = dict(q(db, "SELECT location_id, COUNT(*) FROM referral_in WHERE location_id IN :ids "
                         "AND intake_on >= :s AND intake_on <= :e GROUP BY location_id", **p))
    simple(texts.RAPPORT_T_INTAKES, {names[i]: intakes.get(i, 0) for i in order})
    waiting = dict(q(db, "SELECT location_id, COUNT(*) FROM referral_in WHERE location_id IN :ids "
                         "AND received_on <= :e AND ((intake_on IS NULL AND status = 'wachtlijst') "
                         "OR intake_on > :e) GROUP BY location_id", **p))
    simple(texts.RAPPORT_T_WACHTLIJST, {names[i]: waiting.get(i, 0) for i in order})

    # uitstroom: reasons normalised; those fewer than 5 times together
    reasons = Counter()
    spelling: dict[str, str] = {}
    for (reason,) in q(db, "SELECT end_reason FROM enrolment WHERE location_id IN :ids "
                           "AND end_date >= :s AND end_date <= :e", **p):
        text = " ".join(reason.split())
        reasons[text.lower()] += 1
        spelling[text.lower()] = min(spelling.get(text.lower(), text), text)
    outflow = {spelling[r]: n for r, n in reasons.items() if n >= 5}
    rare = sum(n for n in reasons.values() if n < 5)
    if rare:
        outflow[texts.RAPPORT_OVERIGE_REDENEN] = rare
    simple(texts.RAPPORT_T_UITSTROOM, outflow)

    # signals by category
    cats = Counter()
    rows_ = q(db, "SELECT categories FROM signal WHERE location_id IN :ids AND observed_at >= :lo "
                  "AND observed_at < :hi", **p)
    for (categories,) in rows_:
        for code in set(categories.split(",")):
            cats[code] += 1
    simple(texts.RAPPORT_T_SIGNALEN, {category_label(code): cats.get(code, 0) for code in category_codes()},
           len(rows_))

    # meldcode tracks closed in the period
    closed = q(db, "SELECT decision_report, decision_help FROM meldcode_track WHERE location_id IN :ids "
                   "AND status = 'gesloten' AND closed_at >= :lo AND closed_at < :hi", **p)
    simple(texts.RAPPORT_T_MELDCODE, {
        texts.RAPPORT_MELDCODE_GEMELD: sum(1 for r, _ in closed if r),
        texts.RAPPORT_MELDCODE_HULP: sum(1 for _, h in closed if h),
        texts.RAPPORT_MELDCODE_GEEN: sum(1 for r, h in closed if not r and not h),
    }, len(closed))

    # referrals out by partner
    partners = q(db, "SELECT p.name, COUNT(*), SUM(CASE WHEN r.status = 'afgerond' OR r.feedback_on IS NOT NULL "
                     "THEN 1 ELSE 0 END) FROM referral_out r JOIN partner p ON p.id = r.partner_id "
                     "WHERE r.location_id IN :ids AND r.sent_on >= :s AND r.sent_on <= :e GROUP BY p.id, p.name", **p)
    sent_cells, sent_total = display([n for _, n, _ in partners], sum(n for _, n, _ in partners))
    fb_cells, fb_total = display([f for _, _, f in partners], sum(f for _, _, f in partners))
    result[texts.RAPPORT_T_DOORVERWIJZINGEN] = {
        **{name: (s, f) for (name, _, _), s, f in zip(partners, sent_cells, fb_cells, strict=True)},
        TOTAL: (sent_total, fb_total)}

    # goals
    started = dict(q(db, "SELECT location_id, COUNT(*) FROM goal WHERE location_id IN :ids "
                         "AND start_date >= :s AND start_date <= :e GROUP BY location_id", **p))
    achieved = dict(q(db, "SELECT location_id, COUNT(*) FROM goal WHERE location_id IN :ids "
                          "AND achieved_on >= :s AND achieved_on <= :e GROUP BY location_id", **p))
    s_values, a_values = [started.get(i, 0) for i in order], [achieved.get(i, 0) for i in order]
    s_cells, s_total = display(s_values, sum(s_values))
    a_cells, a_total = display(a_values, sum(a_values))
    result[texts.RAPPORT_T_LEERDOELEN] = {
        **{names[i]: (sc, ac) for i, sc, ac in zip(order, s_cells, a_cells, strict=True)}, TOTAL: (s_total, a_total)}

    # key figures: the totals as shown
    t = result
    result[texts.RAPPORT_T_KERNCIJFERS] = {
        texts.RAPPORT_R_BEREIK: t[texts.RAPPORT_T_BEREIK_WIJK][TOTAL],
        texts.RAPPORT_R_AANWEZIGHEIDSDAGEN: t[texts.RAPPORT_T_AANWEZIGHEID][TOTAL][:1],
        texts.RAPPORT_R_AANMELDINGEN: t[texts.RAPPORT_T_AANMELDINGEN][TOTAL],
        texts.RAPPORT_R_INTAKES: t[texts.RAPPORT_T_INTAKES][TOTAL],
        texts.RAPPORT_R_UITSTROOM: t[texts.RAPPORT_T_UITSTROOM][TOTAL],
        texts.RAPPORT_R_WACHTLIJST: t[texts.RAPPORT_T_WACHTLIJST][TOTAL],
        texts.RAPPORT_R_SIGNALEN: t[texts.RAPPORT_T_SIGNALEN][TOTAL],
        texts.RAPPORT_R_TRAJECTEN: t[texts.RAPPORT_T_MELDCODE][TOTAL],
        texts.RAPPORT_R_DOORVERWIJZINGEN: t[texts.RAPPORT_T_DOORVERWIJZINGEN][TOTAL][:1],
        texts.RAPPORT_R_TERUGKOPPELING: t[texts.RAPPORT_T_DOORVERWIJZINGEN][TOTAL][1:],
        texts.RAPPORT_R_LEERDOELEN_GESTART: t[texts.RAPPORT_T_LEERDOELEN][TOTAL][:1],
        texts.RAPPORT_R_LEERDOELEN_BEHAALD: t[texts.RAPPORT_T_LEERDOELEN][TOTAL][1:],
    }
    return result


def as_dicts(report: reports.Report) -> dict[str, dict]:
    result = {}
    for table in report.tables():
        labels = [row[0] for row in table.rows]
        assert len(labels) == len(set(labels)), f"dubbele regel in {table.title}"
        result[table.title] = {row[0]: tuple(row[1:]) for row in table.rows}
    return result


# ==============================================================================================
# The report on hand-made data
# ==============================================================================================

def test_report_matches_independent_sql(data):
    db, d = data
    w = d.w
    result = reports.report(actor(db, w, "teamleider"), db, [w.loc_a, w.loc_b], START, END)
    assert as_dicts(result) == expected_tables(db, [w.loc_a, w.loc_b], START, END)
    # Only the aandachtsfunctionaris's location:
    single = reports.report(actor(db, w, "aandachtsfunctionaris"), db, [w.loc_a], START, END)
    assert as_dicts(single) == expected_tables(db, [w.loc_a], START, END)


def test_report_figures_by_hand(data):
    """The same figures, worked out by hand from the data set (see build_data)."""
    db, d = data
    w = d.w
    r = reports.report(actor(db, w, "teamleider"), db, [w.loc_a, w.loc_b], START, END)
    t = as_dicts(r)
    assert [x.title for x in r.tables()] == [
        texts.RAPPORT_T_KERNCIJFERS, texts.RAPPORT_T_BEREIK_WIJK, texts.RAPPORT_T_BEREIK_LEEFTIJD,
        texts.RAPPORT_T_AANWEZIGHEID, texts.RAPPORT_T_AANMELDINGEN, texts.RAPPORT_T_INTAKES,
        texts.RAPPORT_T_UITSTROOM, texts.RAPPORT_T_WACHTLIJST, texts.RAPPORT_T_SIGNALEN, texts.RAPPORT_T_MELDCODE,
        texts.RAPPORT_T_DOORVERWIJZINGEN, texts.RAPPORT_T_LEERDOELEN]
    # bereik: Sem, Noor, s1-s6, h1, h2, x = 11 (not u: undone; not o: outside; not c1: other location)
    assert t[texts.RAPPORT_T_BEREIK_WIJK] == {
        "Haven": (SMALL,), HYPERLINK: (SMALL,), texts.RAPPORT_ONBEKEND: (SMALL,), "Stedenwijk": (6,), TOTAL: (11,)}
    assert t[texts.RAPPORT_T_BEREIK_LEEFTIJD] == {  # 3, 4 (s2 turns 7 on END), 3, 1
        "4-6 jaar": (SMALL,), "7-9 jaar": (SMALL,), "10-12 jaar": (SMALL,), "Overig": (SMALL,), TOTAL: (11,)}
    # a: 10 + 18 + 1 = 29 child-days on 11 days (cap 20); b: 4 + 4 = 8 on 4 days (cap 30)
    assert t[texts.RAPPORT_T_AANWEZIGHEID] == {
        "Huiskamer De Vlieger": (29, 11, 2.6, 20, 13.2), "Huiskamer Het Anker": (8, 4, 2.0, 30, 6.7),
        TOTAL: (37, None, None, None, None)}
    # new: ouder 1, school 2, wijkagent 1 -> total 4 is small too
    assert t[texts.RAPPORT_T_AANMELDINGEN] == {
        "Ouder": (SMALL,), "School": (SMALL,), "GGD": (0,), "Jeugd-GGZ": (0,), "Wijkagent": (SMALL,),
        "Wijkteam": (0,), "Anders": (0,), TOTAL: (SMALL,)}
    # intakes a 5, b 2: b suppressed, then a hidden (secondary), total 7 shown
    assert t[texts.RAPPORT_T_INTAKES] == {"Huiskamer De Vlieger": (HIDDEN,), "Huiskamer Het Anker": (SMALL,),
                                          TOTAL: (7,)}
    # verhuisd 5 (three spellings); BSO 2 + the one naming a child -> "Overige redenen" 3
    assert t[texts.RAPPORT_T_UITSTROOM] == {"Verhuisd": (HIDDEN,), texts.RAPPORT_OVERIGE_REDENEN: (SMALL,),
                                            TOTAL: (8,)}
    assert "opa Kees" not in str(r)
    # waiting on END: r1, r2 at a (r8 came later, r9 withdrawn, r11 had its intake)
    assert t[texts.RAPPORT_T_WACHTLIJST] == {"Huiskamer De Vlieger": (SMALL,), "Huiskamer Het Anker": (0,),
                                             TOTAL: (SMALL,)}
    # S1 S2 S3 S4 S5 S9 S10 S11 + A1 A2 A5 = 11 signals; gedrag 5 (S1 S2 S9 S10 S11)
    signals = t[texts.RAPPORT_T_SIGNALEN]
    assert signals[TOTAL] == (11,)
    assert signals[category_label("gedrag")] == (5,)
    assert signals[category_label("thuissituatie")] == (SMALL,)  # A1 A2 A5
    assert signals[category_label("school")] == (0,)
    # closed in the period: t1 (melden + hulp), t2 (hulp), t3 (neither; 23:30 on END)
    assert t[texts.RAPPORT_T_MELDCODE] == {texts.RAPPORT_MELDCODE_GEMELD: (SMALL,),
                                           texts.RAPPORT_MELDCODE_HULP: (SMALL,),
                                           texts.RAPPORT_MELDCODE_GEEN: (SMALL,), TOTAL: (SMALL,)}
    # sent: wijkteam 6, GGD 1 -> GGD <5, wijkteam hidden; feedback: wijkteam 2, GGD 0 -> total hidden too
    assert t[texts.RAPPORT_T_DOORVERWIJZINGEN] == {"Wijkteam Stedenwijk": (HIDDEN, SMALL), "GGD Flevoland": (SMALL, 0),
                                                   TOTAL: (7, SMALL)}
    assert t[texts.RAPPORT_T_LEERDOELEN] == {"Huiskamer De Vlieger": (SMALL, SMALL), "Huiskamer Het Anker": (SMALL, 0),
                                             TOTAL: (SMALL, SMALL)}
    assert t[texts.RAPPORT_T_KERNCIJFERS][texts.RAPPORT_R_BEREIK] == (11,)
    assert t[texts.RAPPORT_T_KERNCIJFERS][texts.RAPPORT_R_INTAKES] == (7,)
    # The report holds no child's name anywhere.
    text = repr(r)
    for name in ("Sem", "Noor", "Jansen", "Bakker", "Testkind", "Petra"):
        assert name not in text


def test_no_raw_small_count_in_the_output(data):
    db, d = data
    r = reports.report(actor(db, d.w, "teamleider"), db, [d.w.loc_a, d.w.loc_b], START, END)
    for table in r.tables():
        for row in table.rows:
            # days with attendance and capacity are not counts of children
            cells = row[1:2] if table.title == texts.RAPPORT_T_AANWEZIGHEID else row[1:]
            counts = [v for v in cells if isinstance(v, int)]
            assert not any(1 <= v <= 4 for v in counts), (table.title, row)


@pytest.mark.parametrize(("values", "total", "cells", "shown_total"), [
    ([0, 5, 12], 17, [0, 5, 12], 17),  # nothing small: all shown, 0 stays 0
    ([1, 4, 5], 10, [SMALL, SMALL, 5], 10),  # two suppressed: the total cannot give one away
    ([3, 9, 6, 0], 18, [SMALL, 9, HIDDEN, 0], 18),  # one suppressed: the next-smallest is hidden too
    ([3, 6, 6], 15, [SMALL, HIDDEN, 6], 15),  # a tie: the first of them
    ([2, 0, 0], 2, [SMALL, 0, 0], SMALL),  # only one count above 0: the total is small as well
    ([0, 0], 0, [0, 0], 0),
    ([5], 5, [5], 5),
    ([4], 4, [SMALL], SMALL),
])
def test_suppression_rule(values, total, cells, shown_total):
    assert reports.suppress_counts(values, total) == (cells, shown_total)
    assert display(values, total) == (cells, shown_total)


def test_suppression_without_total_is_primary_only():
    assert reports.suppress_counts([3, 9]) == ([SMALL, 9], None)


def test_multiple_categories_count_in_each_and_once_in_the_total(data):
    db, d = data
    # S11 at b: gedrag and veiligheid; S4 at b: verzorging and materieel -> 2 signals, 4 category counts
    r = reports.report(actor(db, d.w, "teamleider"), db, [d.w.loc_b], START, END)
    signals = {row[0]: row[1] for row in r.signals.rows}
    assert signals[category_label("gedrag")] == SMALL
    assert signals[category_label("veiligheid")] == SMALL
    assert signals[category_label("materieel")] == SMALL
    assert r.signals.total == (SMALL,)
    raw = q(db, "SELECT categories FROM signal WHERE location_id IN :ids AND observed_at >= :lo "
                "AND observed_at < :hi", ids=[d.w.loc_b], lo=_utc(START), hi=_utc(END + timedelta(days=1)))
    assert sorted(c for (c,) in raw) == ["gedrag,veiligheid", "verzorging,materieel"]


def test_period_and_locations_are_checked(data):
    db, d = data
    tl = actor(db, d.w, "teamleider")
    with pytest.raises(InvalidInput):
        reports.report(tl, db, [d.w.loc_a], END, START)
    with pytest.raises(InvalidInput):
        reports.report(tl, db, [], START, END)


# ==============================================================================================
# Who may see what
# ==============================================================================================

def test_kinderwerker_sees_no_overview_and_no_report(data):
    db, d = data
    kw = actor(db, d.w, "kinderwerker")
    with pytest.raises(PermissionDenied):
        reports.team_overview(kw, db, TODAY)
    with pytest.raises(PermissionDenied):
        reports.report(kw, db, [d.w.loc_a], START, END)
    with pytest.raises(PermissionDenied):
        reports.trends(kw, db, [d.w.loc_a], START, END)
    with pytest.raises(PermissionDenied):
        reports.report(kw, db, [], START, END)  # refused, not asked to choose a location
    refused = audits(db, "overzicht.team", outcome="geweigerd")
    assert len(refused) == 4 and all(a.actor_id == kw.id for a in refused)
    assert not audits(db, "rapportage.bekeken") and not audits(db, "overzicht.team_gelezen")


def test_beheerder_sees_no_overview(data):
    db, d = data
    with pytest.raises(PermissionDenied):
        reports.team_overview(actor(db, d.w, "beheerder"), db, TODAY)
    assert audits(db, "overzicht.team", outcome="geweigerd")


def test_aandachtsfunctionaris_and_teamleider_may_view(data):
    db, d = data
    af, tl = actor(db, d.w, "aandachtsfunctionaris"), actor(db, d.w, "teamleider")
    assert [loc.location_id for loc in reports.team_overview(af, db, TODAY).locations] == [d.w.loc_a]
    assert {loc.location_id for loc in reports.team_overview(tl, db, TODAY).locations} == {d.w.loc_a, d.w.loc_b}
    reports.report(af, db, [d.w.loc_a], START, END)
    reports.report(tl, db, [d.w.loc_a, d.w.loc_b], START, END)
    viewed = audits(db, "rapportage.bekeken", outcome="toegestaan")
    assert [(a.actor_id, a.detail) for a in viewed] == [
        (af.id, f"locaties={d.w.loc_a};periode=2026-02-02..2026-02-27"),
        (tl.id, f"locaties={min(d.w.loc_a, d.w.loc_b)},{max(d.w.loc_a, d.w.loc_b)};periode=2026-02-02..2026-02-27")]
    read = audits(db, "overzicht.team_gelezen")
    assert [a.actor_id for a in read] == [af.id, tl.id]
    assert read[0].detail == f"locaties={d.w.loc_a};dag=2026-03-04"


def test_a_location_not_ones_own_is_refused_whole(data):
    db, d = data
    tl = actor(db, d.w, "teamleider")
    af = actor(db, d.w, "aandachtsfunctionaris")
    for who, ids in [(tl, [d.loc_c]), (tl, [d.w.loc_a, d.loc_c]), (af, [d.w.loc_a, d.w.loc_b]), (tl, [999_999])]:
        with pytest.raises(PermissionDenied):
            reports.report(who, db, ids, START, END)
        with pytest.raises(PermissionDenied):
            reports.trends(who, db, ids, START, END)
    refused = audits(db, "overzicht.team", outcome="geweigerd")
    assert len(refused) == 8
    assert {a.location_id for a in refused} == {d.loc_c, d.w.loc_b, 999_999}
    assert not audits(db, "rapportage.bekeken") and not audits(db, "rapportage.trends_bekeken")


def test_other_organisation_location_is_refused(data):
    db, d = data
    other = Location(organisation_id=d.w.other_org_id, name="Elders", kind="huiskamer", neighbourhood="X")
    db.add(other)
    db.commit()
    # Even linked to it by mistake, a location of another organisation is never reported on.
    db.add(StaffLocation(staff_id=d.w.staff["teamleider"], location_id=other.id))
    db.commit()
    with pytest.raises(PermissionDenied):
        reports.report(actor(db, d.w, "teamleider"), db, [other.id], START, END)


# ==============================================================================================
# The team overview
# ==============================================================================================

def test_team_overview_by_hand(data):
    db, d = data
    w, k = d.w, d.kids
    ov = reports.team_overview(actor(db, w, "teamleider"), db, TODAY)
    assert ov.today == TODAY
    by_id = {loc.location_id: loc for loc in ov.locations}
    a, b = by_id[w.loc_a], by_id[w.loc_b]
    assert (a.name, a.capacity, b.capacity) == ("Huiskamer De Vlieger", 20, 30)
    # a: Sem (enrolled) present, s1 (enrolled on Wednesday) came and went, s2 extra day present;
    # s3's tap was undone. b: Noor afgemeld.
    assert a.expected == reports.Figure(3, tuple(sorted((k["a"], k["s1"], k["s2"]))))
    assert a.present == reports.Figure(2, tuple(sorted((k["a"], k["s2"]))))
    assert a.came == reports.Figure(3, tuple(sorted((k["a"], k["s1"], k["s2"]))))
    assert (b.expected.ids, b.present.count, b.came.count) == ((k["b"],), 0, 0)
    # tracks: step 2: t8; step 3: t5 (overdue, 31 days) before t7 (12 days)
    steps = {g.step: g for g in a.open_tracks}
    assert [g.step for g in a.open_tracks] == [1, 2, 3, 4, 5]
    assert steps[3].label == texts.MELDCODE_STAPPEN[3]
    assert [(t.track_id, t.age_days, t.overdue) for t in steps[3].tracks] == [
        (d.tracks["t5"], 31, True), (d.tracks["t7"], 12, False)]
    assert [(t.track_id, t.age_days) for t in steps[2].tracks] == [(d.tracks["t8"], 8)]
    assert a.open_track_count == 3 and a.overdue_tracks.ids == (d.tracks["t5"],)
    assert b.open_track_count == 0
    # acute, last 30 days, not in a closed track: A4 (open track), A1 at a; S4 at b
    assert a.acute_signals.ids == (d.signals["A4"], d.signals["A1"])  # newest first
    assert b.acute_signals.ids == (d.signals["S4"],)
    # accumulation: s4 (S2 S3 S12) and s5 (S7 A1 A2 A4) at a
    assert set(a.accumulation_alerts.ids) == {k["s4"], k["s5"]} and b.accumulation_alerts.count == 0
    assert a.overdue_agreements == reports.Figure(1, (d.agreements["ag1"],))
    assert a.overdue_feedback == reports.Figure(1, (d.referrals_out["late"],))
    assert b.overdue_feedback.count == 0
    assert a.waitlist == reports.Figure(2, (d.referrals_in["r1"], d.referrals_in["r8"]))
    assert a.longest_wait_days == (TODAY - date(2026, 1, 10)).days == 53
    assert (b.waitlist.count, b.longest_wait_days) == (0, None)
    assert ov.total("waitlist") == 2 and ov.total("open_tracks") == 3 and ov.total("acute_signals") == 3
    assert "Sem" not in repr(ov) and "Testkind" not in repr(ov)


def test_team_overview_matches_independent_sql(data):
    db, d = data
    w = d.w
    ids = [w.loc_a, w.loc_b]
    ov = reports.team_overview(actor(db, w, "teamleider"), db, TODAY)
    p = {"ids": ids, "t": TODAY.isoformat()}
    for loc in ov.locations:
        lp = {**p, "ids": [loc.location_id]}
        waiting = q(db, "SELECT id, received_on FROM referral_in WHERE location_id IN :ids AND status = 'wachtlijst' "
                        "ORDER BY received_on, id", **lp)
        assert loc.waitlist.ids == tuple(r for r, _ in waiting)
        assert loc.longest_wait_days == max(((TODAY - _day(x)).days for _, x in waiting), default=None)
        assert set(loc.overdue_agreements.ids) == {r for (r,) in q(
            db, "SELECT a.id FROM agreement a JOIN parent_conversation c ON c.id = a.conversation_id "
                "WHERE c.location_id IN :ids AND a.status = 'open' AND a.due_date < :t", **lp)}
        assert set(loc.overdue_feedback.ids) == {r for (r,) in q(
            db, "SELECT id FROM referral_out WHERE location_id IN :ids AND status IN ('verstuurd', 'in_behandeling') "
                "AND feedback_due < :t", **lp)}
        assert set(loc.open_track_ids) == {r for (r,) in q(
            db, "SELECT id FROM meldcode_track WHERE location_id IN :ids AND status = 'open'", **lp)}
        assert set(loc.overdue_tracks.ids) == {r for (r,) in q(
            db, "SELECT id FROM meldcode_track WHERE location_id IN :ids AND status = 'open' AND due_date < :t",
            **lp)}
        since = (datetime.combine(TODAY + timedelta(days=1), time(0), tzinfo=AMS).astimezone(UTC)
                 - timedelta(days=30)).strftime("%Y-%m-%d %H:%M:%S")
        assert set(loc.acute_signals.ids) == {r for (r,) in q(
            db, "SELECT s.id FROM signal s LEFT JOIN meldcode_track t ON t.id = s.track_id "
                "WHERE s.location_id IN :ids AND s.acute AND s.observed_at >= :since "
                "AND (s.track_id IS NULL OR t.status = 'open')", since=since, **lp)}
        assert set(loc.accumulation_alerts.ids) == {r for (r,) in q(
            db, "SELECT child_id FROM signal WHERE location_id IN :ids AND child_id IS NOT NULL "
                "AND observed_at >= :since GROUP BY child_id HAVING COUNT(*) >= 3", since=since, **lp)}
        assert set(loc.came.ids) == _came(db, loc.location_id, TODAY)


def _came(db, location_id: int, day: date) -> set[int]:
    return {r for (r,) in q(
        db, "SELECT DISTINCT e.child_id FROM attendance_event e WHERE e.location_id IN :ids AND e.day = :d "
            "AND e.kind = 'aanwezig' AND NOT EXISTS (SELECT 1 FROM attendance_event u "
            "WHERE u.kind = 'ongedaan' AND u.undoes_id = e.id)", ids=[location_id], d=day.isoformat())}


# ==============================================================================================
# Trends
# ==============================================================================================

def test_trends(data):
    db, d = data
    w = d.w
    start, end = date(2026, 1, 1), date(2026, 2, 28)
    tr = reports.trends(actor(db, w, "teamleider"), db, [w.loc_a, w.loc_b], start, end)
    assert tr.months == ["2026-01", "2026-02"]
    assert tr.weeks[0] == "2026-W01" and tr.weeks[-1] == "2026-W09" and len(tr.weeks) == 9
    # attendance per ISO week, recomputed from the distinct child-days
    per_week: dict[int, Counter] = defaultdict(Counter)
    for loc, _, day in q(db, PRESENT_SQL, ids=[w.loc_a, w.loc_b], s=start.isoformat(), e=end.isoformat()):
        year, week, _ = _day(day).isocalendar()
        per_week[loc][f"{year}-W{week:02d}"] += 1
    series = {s.label: dict(s.points) for s in tr.attendance_per_week}
    assert series["Huiskamer De Vlieger"] == {wk: per_week[w.loc_a].get(wk, 0) for wk in tr.weeks}
    assert series["Huiskamer Het Anker"] == {wk: per_week[w.loc_b].get(wk, 0) for wk in tr.weeks}
    # by hand, at a: week 5 the 30th of January (o); week 6 (2-6 Feb) Sem 5 + six children x 3;
    # week 7 Sem 5; week 8 x 1
    assert [series["Huiskamer De Vlieger"][wk] for wk in ("2026-W05", "2026-W06", "2026-W07", "2026-W08")] == [
        1, 23, 5, 1]
    # signals per category per Amsterdam month: S6 (1 Feb 23:30) and S7 (28 Feb 00:30) are February
    sig_series = {s.label: dict(s.points) for s in tr.signals_per_month}
    assert sig_series[category_label("gedrag")] == {"2026-01": 0, "2026-02": 7}  # S1 S2 S6 S7 S9 S10 S11
    assert sig_series[category_label("thuissituatie")] == {"2026-01": 1, "2026-02": 3}  # A3 | A1 A2 A5
    # goals: Jan: g1 (2 vs 2), s4's (4 vs 4) -> 0 of 2; Feb: g1 (3 > 2), s1's (3), h1's (5), s4's (3 < 4) -> 1 of 4
    assert dict(tr.goals_improving.points) == {"2026-01": 0.0, "2026-02": 0.25}
    assert dict(tr.goals_evaluated.points) == {"2026-01": 2, "2026-02": 4}
    # waitlist at 31 Jan: r1 and the five received on 5 Jan with their intake in February;
    # at 28 Feb: r1 and r2 (intake 3 March)
    assert dict(tr.waitlist_per_month.points) == {"2026-01": 6, "2026-02": 2}
    assert audits(db, "rapportage.trends_bekeken")


# ==============================================================================================
# On demo data
# ==============================================================================================

DEMO_TODAY = date(2026, 3, 18)


@pytest.fixture
def demo_db(tmp_path, monkeypatch):
    import kinderwerk_pwa.models  # noqa: F401 - registers the tables
    from kinderwerk_pwa.db import make_engine
    from kinderwerk_pwa.demo import generate
    from kinderwerk_pwa.settings import reset_settings

    url = f"sqlite:///{tmp_path / 'demo.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("KINDERWERK_DEMO", "1")  # demo accounts act only in demo mode
    reset_settings()
    engine = make_engine(url)
    SQLModel.metadata.create_all(engine)
    with Session(engine, expire_on_commit=False) as db:
        generate(db, seed=7, children=120, months=3, locations=4, today=DEMO_TODAY)
        yield db
    engine.dispose()
    reset_settings()


def test_demo_data_report_matches_independent_sql(demo_db):
    db = demo_db
    leader = db.exec(select(StaffUser).where(StaffUser.role == "teamleider").order_by(StaffUser.id)).first()
    tl = load_actor(db, leader.id)
    ids = sorted(db.exec(select(Location.id)).all())
    assert set(ids) <= tl.location_ids
    start, end = date(2025, 12, 18), DEMO_TODAY - timedelta(days=1)
    result = reports.report(tl, db, ids, start, end)
    expected = expected_tables(db, ids, start, end)
    assert as_dicts(result) == expected
    # The demo data is rich enough to exercise the figures (not all zero or suppressed).
    key = dict(result.key_figures())
    assert isinstance(key[texts.RAPPORT_R_BEREIK], int) and key[texts.RAPPORT_R_BEREIK] >= 50
    assert isinstance(key[texts.RAPPORT_R_AANWEZIGHEIDSDAGEN], int) and key[texts.RAPPORT_R_AANWEZIGHEIDSDAGEN] > 500
    assert isinstance(key[texts.RAPPORT_R_SIGNALEN], int)
    # One location at a time gives the same per-location figures as in the whole.
    for loc in ids:
        assert as_dicts(reports.report(tl, db, [loc], start, end)) == expected_tables(db, [loc], start, end)


def test_demo_data_overview_and_trends(demo_db):
    db = demo_db
    leader = db.exec(select(StaffUser).where(StaffUser.role == "teamleider").order_by(StaffUser.id)).first()
    tl = load_actor(db, leader.id)
    day = DEMO_TODAY - timedelta(days=1)  # the generated attendance ends yesterday
    ov = reports.team_overview(tl, db, day)
    assert len(ov.locations) == 4
    for loc in ov.locations:
        lp = {"ids": [loc.location_id], "t": day.isoformat()}
        assert set(loc.came.ids) == _came(db, loc.location_id, day)
        assert loc.waitlist.count == q(db, "SELECT COUNT(*) FROM referral_in WHERE location_id IN :ids "
                                           "AND status = 'wachtlijst'", **lp)[0][0]
        assert loc.overdue_agreements.count == q(
            db, "SELECT COUNT(*) FROM agreement a JOIN parent_conversation c ON c.id = a.conversation_id "
                "WHERE c.location_id IN :ids AND a.status = 'open' AND a.due_date < :t", **lp)[0][0]
        assert loc.overdue_feedback.count == q(
            db, "SELECT COUNT(*) FROM referral_out WHERE location_id IN :ids "
                "AND status IN ('verstuurd', 'in_behandeling') AND feedback_due < :t", **lp)[0][0]
        assert loc.open_track_count == q(db, "SELECT COUNT(*) FROM meldcode_track WHERE location_id IN :ids "
                                             "AND status = 'open'", **lp)[0][0]
    assert sum(loc.came.count for loc in ov.locations) > 20
    ids = [loc.location_id for loc in ov.locations]
    tr = reports.trends(tl, db, ids, date(2025, 12, 18), day)
    total = sum(v for s in tr.attendance_per_week for _, v in s.points)
    by_sql = q(db, f"SELECT COUNT(*) FROM ({PRESENT_SQL}) p", ids=ids, s="2025-12-18", e=day.isoformat())[0][0]
    assert total == by_sql
    assert all(v is None or 0 <= v <= 1 for _, v in tr.goals_improving.points)
