"""The fictional demo data generator: shape, plausibility and determinism."""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from datetime import UTC, date, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the package is not installed into the venv
    sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from sqlmodel import Session, SQLModel, select  # noqa: E402

import kinderwerk_pwa.models  # noqa: E402, F401  (registers every table)
from kinderwerk_pwa.db import make_engine  # noqa: E402
from kinderwerk_pwa.demo import DEMO_PASSWORD, DemoSummary, generate  # noqa: E402
from kinderwerk_pwa.demo.generator import SIGNAL_CATEGORIES  # noqa: E402
from kinderwerk_pwa.domain.activiteiten import catalog  # noqa: E402
from kinderwerk_pwa.domain.rapportage.activity_reach import build_activity_reach  # noqa: E402
from kinderwerk_pwa.domain.toegang.passwords import verify_password  # noqa: E402
from kinderwerk_pwa.models import (  # noqa: E402
    Activity,
    ActivityChild,
    ActivityObservation,
    ActivityRegistration,
    ActivitySeries,
    ActivitySeriesTheme,
    ActivityTally,
    Agreement,
    AttendanceEvent,
    Child,
    ChildHousehold,
    ChildLocation,
    Consent,
    ConversationChild,
    ConversationGuardian,
    Enrolment,
    FollowUp,
    Goal,
    GoalProgress,
    Guardian,
    Location,
    MeldcodeStep,
    MeldcodeTrack,
    ParentConversation,
    Partner,
    PickupPerson,
    ReferralIn,
    ReferralOut,
    Signal,
    StaffLocation,
    StaffUser,
)
from kinderwerk_pwa.models.conversations import CONVERSATION_KINDS  # noqa: E402
from kinderwerk_pwa.models.referrals import REFERRAL_OUT_STATUSES, REFERRER_KINDS  # noqa: E402
from kinderwerk_pwa.models.signals import SIGNAL_SOURCES  # noqa: E402
from kinderwerk_pwa.models.staff import ROLES  # noqa: E402

TODAY = date(2026, 11, 27)
AMS = ZoneInfo("Europe/Amsterdam")


def _age(dob: date, on: date) -> int:
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


def _make(tmp_path: Path, name: str, **kwargs) -> tuple[sa.Engine, DemoSummary]:
    engine = make_engine("sqlite:///" + str(tmp_path / f"{name}.db"))
    SQLModel.metadata.create_all(engine)
    with Session(engine) as db:
        summary = generate(db, today=TODAY, **kwargs)
    return engine, summary


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    engine, summary = _make(tmp_path_factory.mktemp("demo"), "default")
    with Session(engine) as db:
        yield db, summary
    engine.dispose()


def _all(db: Session, model) -> list:
    return list(db.exec(select(model)).all())


# ------------------------------------------------------------------ default size


def test_locations_default(demo) -> None:
    db, summary = demo
    locs = _all(db, Location)
    assert len(locs) == 4 and summary.location == 4
    kinds = Counter(loc.kind for loc in locs)
    assert kinds == {"huiskamer": 2, "school": 1, "speelpleinroute": 1}
    assert sorted(loc.capacity for loc in locs if loc.kind == "huiskamer") == [20, 70]
    assert all(loc.capacity is None for loc in locs if loc.kind != "huiskamer")
    assert all("Almere" in loc.address for loc in locs)


def test_staff_roles_logins_and_password(demo) -> None:
    db, summary = demo
    staff = _all(db, StaffUser)
    assert 10 <= len(staff) <= 14
    assert {s.role for s in staff} == set(ROLES)
    assert all(s.is_demo and s.active for s in staff)
    assert all(s.email.endswith("@demo.kinderwerk.nl") for s in staff)
    assert len({s.password_hash for s in staff}) == 1  # hashed once
    assert verify_password(staff[0].password_hash, DEMO_PASSWORD)
    assert sorted(summary.logins) == sorted((s.email, s.role, s.name) for s in staff)
    links = _all(db, StaffLocation)
    per_staff = Counter(link.staff_id for link in links)
    n_locs = len(_all(db, Location))
    for s in staff:
        if s.role in ("teamleider", "aandachtsfunctionaris"):
            assert per_staff[s.id] == n_locs
        else:
            assert 1 <= per_staff[s.id] <= 2
    assert {link.location_id for link in links} == {loc.id for loc in _all(db, Location)}


def test_children_ages_groups_and_statuses(demo) -> None:
    db, _ = demo
    kids = _all(db, Child)
    assert 180 <= len(kids) <= 220
    assert all(4 <= _age(k.date_of_birth, TODAY) <= 12 for k in kids)
    statuses = Counter(k.status for k in kids)
    assert statuses["actief"] >= 140
    assert statuses["wachtlijst"] >= 10
    assert statuses["intake"] >= 1 and statuses["uitgestroomd"] >= 1 and statuses["bekend"] >= 1
    for k in kids:
        groep = int(k.school_group.removeprefix("groep "))
        assert 1 <= groep <= 8
        assert abs((_age(k.date_of_birth, TODAY) - 3) - groep) <= 1
        assert k.school_name and k.neighbourhood and k.family_id
    # Siblings: some families have two or three children.
    per_family = Counter(k.family_id for k in kids)
    multi = sum(1 for n in per_family.values() if n >= 2)
    assert 0.1 <= multi / len(per_family) <= 0.35
    assert max(per_family.values()) <= 3
    guardians = Counter(g.family_id for g in _all(db, Guardian))
    assert all(1 <= guardians[f] <= 2 for f in per_family)
    assert all(g.phone.startswith("06-") for g in _all(db, Guardian))
    # Every child is known at some location.
    known = {cl.child_id for cl in _all(db, ChildLocation)}
    assert known == {k.id for k in kids}


def test_enrolments_and_capacity(demo) -> None:
    db, _ = demo
    locs = {loc.id: loc for loc in _all(db, Location)}
    kids = {k.id: k for k in _all(db, Child)}
    enrolments = _all(db, Enrolment)
    assert all(locs[e.location_id].kind == "huiskamer" for e in enrolments)
    current = [e for e in enrolments if e.end_date is None]
    assert all(kids[e.child_id].status == "actief" for e in current)
    big = next(loc for loc in locs.values() if loc.capacity == 70)
    small = next(loc for loc in locs.values() if loc.capacity == 20)
    n_big = sum(1 for e in current if e.location_id == big.id)
    n_small = sum(1 for e in current if e.location_id == small.id)
    assert 120 <= n_big <= 145 and 20 <= n_small <= 40
    for e in current:
        days = e.weekday_set()
        assert 2 <= len(days) <= 4 and days <= {1, 2, 3, 4, 5}
        assert e.start_date < TODAY
    for loc in (big, small):
        for wd in range(1, 6):
            expected = sum(1 for e in current if e.location_id == loc.id and wd in e.weekday_set())
            assert expected <= loc.capacity + 2, (loc.name, wd, expected)
    left = [e for e in enrolments if e.end_date is not None]
    assert left
    for e in left:
        k = kids[e.child_id]
        assert k.status == "uitgestroomd" and k.left_on == e.end_date and e.end_reason and k.left_reason
    # Pick-up persons for enrolled children; registration consent for every registered child.
    pickups = Counter(p.child_id for p in _all(db, PickupPerson))
    assert all(1 <= pickups[e.child_id] <= 3 for e in enrolments)
    consents = _all(db, Consent)
    registered = {r.child_id for r in _all(db, ReferralIn)}
    assert {c.child_id for c in consents if c.kind == "registratie"} == registered
    assert sum(1 for c in consents if c.kind == "foto") > 0.7 * len(enrolments)
    alone = [k for k in kids.values() if k.may_go_home_alone]
    assert alone and all(_age(k.date_of_birth, TODAY) >= 9 and k.home_alone_allowed_by
                         and k.home_alone_allowed_on for k in alone)


def test_children_with_two_households(demo) -> None:
    """Issue 16.4: a few families have a second household (the father's), with its own address;
    one father may not collect (a court order); the others allowed oma. Every pick-up person
    records the guardian who allowed it, of one of the child's households."""
    db, summary = demo
    links = _all(db, ChildHousehold)
    assert 3 <= len({link.family_id for link in links}) <= 4 and summary.child_household == len(links)
    kids = {k.id: k for k in _all(db, Child)}
    guardians = {g.id: g for g in _all(db, Guardian)}
    families = {f.id: f for f in db.exec(select(kinderwerk_pwa.models.Family)).all()}
    for link in links:
        assert kids[link.child_id].family_id != link.family_id and families[link.family_id].address
        assert families[kids[link.child_id].family_id].address
    second = [g for g in guardians.values() if g.family_id in {link.family_id for link in links}]
    barred = [g for g in second if not g.may_collect]
    assert len(barred) == 1 and barred[0].collect_note == "rechterlijke uitspraak" and barred[0].relation == "vader"
    homes = defaultdict(set)
    for k in kids.values():
        homes[k.id].add(k.family_id)
    for link in links:
        homes[link.child_id].add(link.family_id)
    for p in _all(db, PickupPerson):
        assert p.allowed_by_guardian_id is not None
        assert guardians[p.allowed_by_guardian_id].family_id in homes[p.child_id]
    assert any(guardians[p.allowed_by_guardian_id].family_id not in {kids[p.child_id].family_id}
               for p in _all(db, PickupPerson))


def test_referrals_in_and_waitlist(demo) -> None:
    db, _ = demo
    kids = {k.id: k for k in _all(db, Child)}
    refs = _all(db, ReferralIn)
    registered = {k.id for k in kids.values() if k.status != "bekend"}
    assert registered <= {r.child_id for r in refs}
    assert {r.referrer_kind for r in refs} <= set(REFERRER_KINDS)
    assert len({r.referrer_kind for r in refs}) >= 5
    for r in refs:
        assert r.reason and r.received_on < TODAY
        if r.status == "geplaatst":
            assert r.intake_on and r.placed_on and r.received_on <= r.intake_on <= r.placed_on
        if r.status == "wachtlijst":
            assert kids[r.child_id].status == "wachtlijst"
    huiskamers = [loc for loc in _all(db, Location) if loc.kind == "huiskamer"]
    waiting = Counter(r.location_id for r in refs if r.status == "wachtlijst")
    assert all(waiting[h.id] >= 1 for h in huiskamers)
    big = next(h for h in huiskamers if h.capacity == 70)
    small = next(h for h in huiskamers if h.capacity == 20)
    assert waiting[big.id] > waiting[small.id]
    received = sorted(r.received_on for r in refs if r.status == "wachtlijst")
    assert (received[-1] - received[0]).days >= 30  # spread over the past months


def test_attendance_history(demo) -> None:
    db, summary = demo
    events = _all(db, AttendanceEvent)
    assert len(events) == summary.attendance_event > 5000
    days = [e.day for e in events]
    assert min(days) <= TODAY - timedelta(days=85)
    assert max(days) >= TODAY - timedelta(days=4) and max(days) < TODAY
    assert all(d.isoweekday() <= 5 for d in days)
    kinds = Counter(e.kind for e in events)
    assert kinds["aanwezig"] > 10 * kinds["afwezig"] > 0
    assert kinds["opgehaald"] > kinds["zelfstandig"] > 0 and kinds["afgemeld"] > 0
    kids = {k.id: k for k in _all(db, Child)}
    for e in events:
        assert e.at.tzinfo is not None
        if e.kind == "aanwezig":
            local = e.at.astimezone(AMS)
            assert (14, 0) <= (local.hour, local.minute) <= (16, 0) and local.date() == e.day
        if e.kind in ("opgehaald", "zelfstandig"):
            local = e.at.astimezone(AMS)
            assert 16 <= local.hour <= 17
        if e.kind == "opgehaald":
            assert e.picked_up_by
        if e.kind == "zelfstandig":
            assert kids[e.child_id].may_go_home_alone
        if e.kind == "afgemeld":
            assert e.reason
    # by_id is always a staff member of that location.
    links = {(link.staff_id, link.location_id) for link in _all(db, StaffLocation)}
    assert all((e.by_id, e.location_id) in links for e in events)
    # Every unexplained absence that was not undone has a follow-up "Ouder bellen".
    undone = {e.undoes_id for e in events if e.kind == "ongedaan"}
    absent = {e.id for e in events if e.kind == "afwezig"} - undone
    follow = _all(db, FollowUp)
    assert {f.source_event_id for f in follow} == absent
    assert all(f.title == "Ouder bellen" for f in follow)
    assert sum(f.status == "gedaan" for f in follow) > 0.7 * len(follow)


def test_goals_and_progress(demo) -> None:
    db, _ = demo
    goals = _all(db, Goal)
    per_child = Counter(g.child_id for g in goals)
    active = [k for k in _all(db, Child) if k.status == "actief"]
    assert all(1 <= per_child[k.id] <= 3 for k in active)
    assert any(g.status == "behaald" and g.achieved_on for g in goals)
    progress = _all(db, GoalProgress)
    moments = [p for p in progress if p.kind == "moment"]
    evaluations = [p for p in progress if p.kind == "evaluatie"]
    assert moments and evaluations
    assert all(p.went_well is not None and p.score is None for p in moments)
    assert all(1 <= p.score <= 5 for p in evaluations)
    # Most goals go up over time.
    scores = defaultdict(list)
    for p in sorted(evaluations, key=lambda p: p.at):
        scores[p.goal_id].append(p.score)
    trends = [s[-1] - s[0] for s in scores.values() if len(s) >= 3]
    assert trends and sum(t > 0 for t in trends) > 0.5 * len(trends)


def test_signals_and_meldcode(demo) -> None:
    db, _ = demo
    signals = _all(db, Signal)
    assert 30 <= len(signals) <= 50
    for s in signals:
        assert s.categories and set(s.categories.split(",")) <= set(SIGNAL_CATEGORIES)
        assert s.source in SIGNAL_SOURCES and s.facts
        assert s.observed_at.date() < TODAY
    assert any(s.interpretation.startswith("Mijn indruk") for s in signals)
    assert any(s.acute for s in signals)
    unknown = [s for s in signals if s.child_id is None]
    assert 2 <= len(unknown) <= 3
    assert all(s.unknown_description and s.unknown_age for s in unknown)
    # Clusters: some children have three or more signals within 30 days.
    by_child = defaultdict(list)
    for s in signals:
        if s.child_id:
            by_child[s.child_id].append(s.observed_at)
    clustered = 0
    for times in by_child.values():
        times.sort()
        if any((times[i + 2] - times[i]).days <= 30 for i in range(len(times) - 2)):
            clustered += 1
    assert clustered >= 3

    tracks = _all(db, MeldcodeTrack)
    assert 8 <= len(tracks) <= 12
    open_steps = {t.current_step for t in tracks if t.status == "open"}
    assert len(open_steps) >= 4
    closed = [t for t in tracks if t.status == "gesloten"]
    assert closed and all(t.close_reason and t.closed_at for t in closed)
    assert any(t.decision_report for t in closed) and any(t.decision_help for t in closed)
    staff = {s.id: s for s in _all(db, StaffUser)}
    assert all(staff[t.owner_id].role in ("aandachtsfunctionaris", "teamleider") for t in tracks)
    # Signals are linked to tracks at several steps.
    linked_steps = {t.current_step if t.status == "open" else "gesloten" for t in tracks
                    if any(s.track_id == t.id for s in signals)}
    assert len(linked_steps) >= 4
    steps = _all(db, MeldcodeStep)
    by_track = defaultdict(list)
    for st in steps:
        by_track[st.track_id].append(st)
    for t in tracks:
        done = sorted(st.step_no for st in by_track[t.id])
        if t.status == "open":
            assert done == list(range(1, t.current_step))
        else:
            assert done == list(range(1, t.current_step + 1))
        times = [st.at for st in sorted(by_track[t.id], key=lambda st: st.step_no)]
        assert times == sorted(times)
    for st in steps:
        if st.step_no == 2:
            assert "aandachtsfunctionaris" in st.with_whom
        if st.step_no == 3 and st.status == "overgeslagen":
            assert st.skip_reason == "Gesprek met ouders brengt het kind in gevaar"
        if st.step_no == 4:
            assert st.weighing_answers.startswith("1=")
    assert any(st.veilig_thuis_advice for st in steps)


def test_conversations_and_agreements(demo) -> None:
    db, _ = demo
    convs = _all(db, ParentConversation)
    assert 50 <= len(convs) <= 70
    assert {c.kind for c in convs} <= set(CONVERSATION_KINDS)
    assert len({c.kind for c in convs}) >= 4
    assert sum(c.discussed_with_parent for c in convs) > 0.8 * len(convs)
    assert any(c.track_id for c in convs)
    with_child = {cc.conversation_id for cc in _all(db, ConversationChild)}
    with_guardian = {cg.conversation_id for cg in _all(db, ConversationGuardian)}
    ids = {c.id for c in convs}
    assert with_child == ids and with_guardian == ids
    agreements = _all(db, Agreement)
    per_conv = Counter(a.conversation_id for a in agreements)
    assert all(1 <= per_conv[c] <= 3 for c in ids)
    assert {a.owner_kind for a in agreements} == {"ouder", "kinderwerker", "partner"}
    staff_ids = {s.id for s in _all(db, StaffUser)}
    for a in agreements:
        if a.owner_kind == "kinderwerker":
            assert a.owner_staff_id in staff_ids
        if a.status == "gedaan":
            assert a.done_at and a.done_by_id
    past = [a for a in agreements if a.due_date < TODAY]
    assert sum(a.status == "gedaan" for a in past) > 0.6 * len(past)
    assert any(a.status == "open" for a in past)  # overdue
    assert any(a.due_date >= TODAY for a in agreements)


def test_referrals_out(demo) -> None:
    db, _ = demo
    refs = _all(db, ReferralOut)
    assert 10 <= len(refs) <= 20
    assert {r.status for r in refs} <= set(REFERRAL_OUT_STATUSES)
    assert sum(r.consent_given for r in refs) > 0.6 * len(refs)
    for r in refs:
        if r.consent_given:
            assert r.consent_by and r.consent_on
        else:
            assert r.meldcode_track_id is not None
        if r.status == "afgerond":
            assert r.feedback and r.feedback_on
    assert any(r.status != "afgerond" and r.feedback_due < TODAY for r in refs)  # feedback overdue


def test_activities_programme(demo) -> None:
    db, _ = demo
    locs = {loc.id: loc for loc in _all(db, Location)}
    series = {s.id: s for s in _all(db, ActivitySeries)}
    acts = _all(db, Activity)
    regs = {r.activity_id: r for r in _all(db, ActivityRegistration)}
    # Kinds and themes of the catalogue; a plausible mix of the open work.
    kinds = {s.kind for s in series.values()}
    assert kinds <= set(catalog.kind_codes())
    assert {"sport_spel", "droomspeelbus", "huiswerk_taal", "creatief", "kook", "ouderactiviteit"} <= kinds
    themes = defaultdict(set)
    for t in _all(db, ActivitySeriesTheme):
        themes[t.series_id].add(t.theme)
    assert set().union(*themes.values()) <= set(catalog.theme_codes())
    assert set(themes) == set(series)
    assert sum(s.repeat == "wekelijks" for s in series.values()) > 0.5 * len(series)
    assert any(s.repeat == "eenmalig" for s in series.values())
    partners = {p.id: p for p in _all(db, Partner)}
    at_school = [s for s in series.values() if locs[s.location_id].kind == "school"]
    assert at_school and all(partners[s.partner_id].kind == "school" for s in at_school)
    assert {s.place_kind for s in series.values()} >= {"", "plein", "speeltuin", "schoolplein"}
    assert {locs[s.location_id].kind for s in series.values()} == {"huiskamer", "school", "speelpleinroute"}
    links = {(link.staff_id, link.location_id) for link in _all(db, StaffLocation)}
    roles = {s.id: s.role for s in _all(db, StaffUser)}
    for s in series.values():
        assert s.start_time < s.end_time and s.first_day <= s.last_day <= TODAY + timedelta(days=365)
        assert (s.last_day - s.first_day).days <= 366
        assert (s.lead_staff_id, s.location_id) in links
        assert roles[s.lead_staff_id] in ("kinderwerker", "aandachtsfunctionaris", "teamleider")
    # Over the months of history and the coming weeks.
    days = sorted(a.day for a in acts)
    assert days[0] <= TODAY - timedelta(days=80) and days[-1] >= TODAY + timedelta(days=7)
    for a in acts:
        s = series[a.series_id]
        assert (a.location_id, a.organisation_id) == (s.location_id, s.organisation_id)
        if a.moved_from_id is None:
            assert s.first_day <= a.day <= s.last_day and (a.day - s.first_day).days % 7 == 0
    # What became of them: mostly realised, some cancelled with a reason, nothing realised ahead.
    past = [a for a in acts if a.day < TODAY]
    status = Counter(a.status for a in past)
    assert status["gerealiseerd"] > 0.7 * len(past)
    assert status["geannuleerd"] >= 2 and status["verplaatst"] >= 1
    assert all(a.status != "gerealiseerd" for a in acts if a.day >= TODAY)
    for a in acts:
        if a.status == "gepland":
            assert a.id not in regs
        else:
            assert regs[a.id].status == a.status
    cancelled = [regs[a.id] for a in acts if a.status == "geannuleerd"]
    assert all(r.reason for r in cancelled)
    assert any("Regen" in r.reason or "regen" in r.reason for r in cancelled) or \
        any("ziek" in r.reason.lower() for r in cancelled)
    # A few recent ones are not registered yet, one of them this week (TODAY is a Friday).
    open_ = [a for a in past if a.status == "gepland"]
    monday = TODAY - timedelta(days=TODAY.weekday())
    assert 2 <= len(open_) <= 0.15 * len(past)
    assert any(a.day >= monday for a in open_)
    assert sum(a.day >= TODAY - timedelta(days=10) for a in open_) >= 2
    # Today: an activity at the speelpleinroute, still to be registered (Vandaag on a phone).
    route_today = [a for a in acts if a.day == TODAY and locs[a.location_id].kind == "speelpleinroute"]
    assert route_today and all(a.status == "gepland" for a in route_today)
    known = Counter(cl.location_id for cl in _all(db, ChildLocation))
    assert all(known[a.location_id] >= 3 for a in route_today)  # children to tap


def test_activity_registrations_match_their_rows(demo) -> None:
    db, _ = demo
    acts = {a.id: a for a in _all(db, Activity)}
    regs = _all(db, ActivityRegistration)
    children = Counter(c.activity_id for c in _all(db, ActivityChild))
    tally = _all(db, ActivityTally)
    tally_sum = Counter()
    for t in tally:
        assert t.count > 0 and t.age_band in ("4-6", "7-9", "10-12") and t.gender in ("jongen", "meisje", "anders")
        tally_sum[t.activity_id] += t.count
    for r in regs:
        assert r.children_count == children[r.activity_id]
        assert r.anonymous_count == tally_sum[r.activity_id]
        if r.status != "gerealiseerd":
            assert r.children_count == 0 and r.anonymous_count == 0
    realised = [r for r in regs if r.status == "gerealiseerd"]
    assert sum(r.children_count for r in realised) > 3 * len(realised)
    assert sum(r.anonymous_count for r in realised) > 3 * len(realised)
    assert len({(t.age_band, t.gender) for t in tally}) == 9
    # Only realised occurrences have children, a tally or observations.
    status = {a_id: a.status for a_id, a in acts.items()}
    assert all(status[a_id] == "gerealiseerd" for a_id in set(children) | set(tally_sum))
    # A child present is known at the activity's location; registered by staff of the location.
    known = {(cl.child_id, cl.location_id) for cl in _all(db, ChildLocation)}
    assert all((c.child_id, acts[c.activity_id].location_id) in known for c in _all(db, ActivityChild))
    links = {(link.staff_id, link.location_id) for link in _all(db, StaffLocation)}
    assert all((r.by_id, acts[r.activity_id].location_id) in links for r in regs)
    roles = {s.id: s.role for s in _all(db, StaffUser)}
    assert {roles[r.by_id] for r in regs} <= {"kinderwerker", "aandachtsfunctionaris", "teamleider"}
    for r in realised:
        assert r.at.astimezone(AMS).date() >= acts[r.activity_id].day
    themes = {(t.series_id, t.theme) for t in _all(db, ActivitySeriesTheme)}
    observations = _all(db, ActivityObservation)
    assert observations
    assert all((acts[o.activity_id].series_id, o.theme) in themes and o.text for o in observations)
    assert all(status[o.activity_id] == "gerealiseerd" for o in observations)


def test_moved_activities_point_to_their_new_date(demo) -> None:
    db, _ = demo
    acts = {a.id: a for a in _all(db, Activity)}
    moved = [r for r in _all(db, ActivityRegistration) if r.status == "verplaatst"]
    assert moved
    for r in moved:
        old, new = acts[r.activity_id], acts[r.new_activity_id]
        assert new.moved_from_id == old.id and new.series_id == old.series_id
        assert new.day == r.new_day != old.day
        assert new.status in ("gepland", "gerealiseerd") and (new.status == "gepland") == (new.day >= TODAY)
    assert {a.id for a in acts.values() if a.moved_from_id} == {r.new_activity_id for r in moved}


def test_activity_reach_on_the_demo_matches_its_rows(demo) -> None:
    db, _ = demo
    locations = sorted(_all(db, Location), key=lambda loc: loc.id)
    start, end = TODAY - timedelta(days=90), TODAY + timedelta(days=30)
    acts = [a for a in _all(db, Activity) if start <= a.day <= end]
    reach = build_activity_reach(db, locations, start, end, now=(TODAY, time(12, 0)))
    assert reach.realised == sum(a.status == "gerealiseerd" for a in acts) > 0
    assert reach.cancelled == sum(a.status == "geannuleerd" for a in acts) > 0
    assert reach.moved == sum(a.status == "verplaatst" for a in acts) > 0
    assert reach.planned == sum(a.status != "verplaatst" for a in acts)
    ended = [a for a in acts if a.status == "gepland" and (a.day < TODAY or (a.day == TODAY and a.end_time <= time(12)))]
    assert reach.not_registered == len(ended) >= 2


def test_summary_matches_database(demo) -> None:
    db, summary = demo
    for table, count in summary.counts().items():
        actual = db.execute(sa.text(f'SELECT COUNT(*) FROM "{table}"')).scalar_one()
        assert actual == count, table


def test_all_timestamps_aware_and_in_the_past(demo) -> None:
    db, _ = demo
    end = TODAY + timedelta(days=1)
    for model, column in ((Signal, "observed_at"), (MeldcodeStep, "at"), (ParentConversation, "held_at"),
                          (GoalProgress, "at"), (AttendanceEvent, "at"), (ActivitySeries, "created_at"),
                          (Activity, "created_at"), (ActivityRegistration, "at")):
        for row in _all(db, model):
            value = getattr(row, column)
            assert value.tzinfo is not None
            assert value.astimezone(UTC).date() < end, (model.__name__, value)


# ------------------------------------------------------------------ determinism and sizes


def _fingerprint(engine: sa.Engine) -> dict:
    with Session(engine) as db:
        kids = sorted((k.first_name, k.last_name, k.date_of_birth, k.status) for k in _all(db, Child))
        counts = {t: db.execute(sa.text(f'SELECT COUNT(*) FROM "{t}"')).scalar_one()
                  for t in ("attendance_event", "signal", "meldcode_step", "agreement", "goal_progress",
                            "activity", "activity_child", "activity_tally")}
        attendance = [tuple(r) for r in db.execute(sa.text(
            "SELECT client_uuid, child_id, location_id, day, kind, at, by_id, picked_up_by, reason "
            "FROM attendance_event ORDER BY id LIMIT 300")).all()]
        signals = [tuple(r) for r in db.execute(sa.text(
            "SELECT child_id, observed_at, facts, track_id FROM signal ORDER BY id")).all()]
        activities = [tuple(r) for r in db.execute(sa.text(
            "SELECT a.client_uuid, a.day, a.status, s.title, r.children_count, r.anonymous_count "
            "FROM activity a JOIN activity_series s ON s.id = a.series_id "
            "LEFT JOIN activity_registration r ON r.activity_id = a.id ORDER BY a.id")).all()]
        logins = sorted((s.email, s.role, s.name) for s in _all(db, StaffUser))
    return {"kids": kids, "counts": counts, "attendance": attendance, "signals": signals, "logins": logins,
            "activities": activities}


def test_same_seed_same_data_other_seed_other_data(tmp_path: Path) -> None:
    kwargs = {"children": 60, "months": 2}
    e1, s1 = _make(tmp_path, "a", seed=7, **kwargs)
    e2, s2 = _make(tmp_path, "b", seed=7, **kwargs)
    e3, s3 = _make(tmp_path, "c", seed=8, **kwargs)
    try:
        f1, f2, f3 = _fingerprint(e1), _fingerprint(e2), _fingerprint(e3)
        assert s1 == s2
        assert f1 == f2
        assert f1["kids"] != f3["kids"]
        assert f1["attendance"] != f3["attendance"]
        assert f1["activities"] != f3["activities"]
    finally:
        for e in (e1, e2, e3):
            e.dispose()


def test_default_seed_is_deterministic(demo, tmp_path: Path) -> None:
    db, summary = demo
    engine, again = _make(tmp_path, "again")
    try:
        assert again == summary
        first = db.get_bind()
        assert _fingerprint(first) == _fingerprint(engine)
    finally:
        engine.dispose()


def test_small_size(tmp_path: Path) -> None:
    engine, summary = _make(tmp_path, "small", children=30, months=1)
    try:
        assert summary.child == 30 and summary.location == 4
        with Session(engine) as db:
            kids = _all(db, Child)
            assert len(kids) == 30
            assert all(4 <= _age(k.date_of_birth, TODAY) <= 12 for k in kids)
            days = [e.day for e in _all(db, AttendanceEvent)]
            assert days and min(days) >= TODAY - timedelta(days=31)
        assert summary.signal > 0 and summary.meldcode_track > 0 and summary.parent_conversation > 0
    finally:
        engine.dispose()


@pytest.mark.parametrize("locations", [1, 2, 3, 7])
def test_other_location_counts(tmp_path: Path, locations: int) -> None:
    engine, summary = _make(tmp_path, f"loc{locations}", children=40, months=1, locations=locations)
    try:
        with Session(engine) as db:
            locs = _all(db, Location)
            assert len(locs) == locations
            assert sum(loc.kind == "huiskamer" for loc in locs) == max(1, locations // 2)
            assert {s.role for s in _all(db, StaffUser)} == set(ROLES)
            # Always an activity today (at every speelpleinroute when there is one).
            kinds = {loc.id: loc.kind for loc in locs}
            today = [a for a in _all(db, Activity) if a.day == TODAY and a.status == "gepland"]
            assert today
            routes = {i for i, kind in kinds.items() if kind == "speelpleinroute"}
            assert routes <= {a.location_id for a in today}
        assert summary.child == 40
    finally:
        engine.dispose()


def test_refuses_a_second_run(tmp_path: Path) -> None:
    engine, _ = _make(tmp_path, "twice", children=20, months=1)
    try:
        with Session(engine) as db, pytest.raises(ValueError):
            generate(db, today=TODAY, children=20, months=1)
    finally:
        engine.dispose()


def test_names_with_accents_apostrophes_and_hyphens_get_their_search_keys(demo) -> None:
    """The demo has the names a search must find typed without accents or punctuation, and the
    bulk insert fills their search keys as the models' listeners would (issue 15)."""
    from kinderwerk_pwa.domain.common.search import search_key
    from kinderwerk_pwa.models import Family

    db, _ = demo
    kids = _all(db, Child)
    assert all(k.search_key == search_key(k.first_name, k.last_name) for k in kids)
    assert all(f.search_key == search_key(f.name) for f in _all(db, Family))
    assert all(g.search_key == search_key(g.name) for g in _all(db, Guardian))
    names = " ".join(k.full_name for k in kids)
    for shown in ("Noah-Jayden O'Neill", "Zoë van 't Hof", "Çağla ", "Eylül ", " Zielińska"):
        assert shown in names
