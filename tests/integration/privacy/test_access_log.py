"""The access log viewer (NEN 7513) on SQLite and PostgreSQL: search by child, staff member, period,
action and outcome, refusals included; paged; only the privacy officer; reading it is logged."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from kinderwerk_pwa import texts
from kinderwerk_pwa.domain.common.clock import local_today
from kinderwerk_pwa.domain.common.errors import InvalidInput, PermissionDenied
from kinderwerk_pwa.domain.kinderen.child_record import child_record
from kinderwerk_pwa.domain.privacy.access_log import LogFilter, log_choices, search_log
from kinderwerk_pwa.domain.privacy.child_search import find_children
from kinderwerk_pwa.domain.toegang.permissions import Action
from kinderwerk_pwa.models import AuditEvent, StaffUser
from tests.world import actor, audits, build_world

from .helpers import add_privacy_officer


@pytest.fixture
def world(db):
    w = build_world(db)
    child_record(actor(db, w, "kinderwerker"), db, w.child_a)
    child_record(actor(db, w, "kinderwerker_b"), db, w.child_b)
    with pytest.raises(PermissionDenied):
        child_record(actor(db, w, "kinderwerker_b"), db, w.child_a)
    return w


def _actions(page) -> list[tuple[str, str]]:
    return [(r.action, r.outcome) for r in page.rows]


def test_by_child_with_refusals(db, world):
    w = world
    officer = add_privacy_officer(db, w)
    page = search_log(officer, db, {"kind": str(w.child_a)})
    assert ("kind.dossier_gelezen", "toegestaan") in _actions(page) and ("kind.lezen", "geweigerd") in _actions(page)
    assert all(r.child_id == w.child_a for r in page.rows) and page.child_name == "Sem Jansen"
    refused = [r for r in page.rows if r.outcome == "geweigerd"]
    assert refused[0].actor_name == "Test kinderwerker_b" and refused[0].role_label == "Kinderwerker"
    assert refused[0].outcome_label == "Geweigerd" and refused[0].child_name == "Sem Jansen"
    only_refused = search_log(officer, db, {"kind": str(w.child_a), "uitkomst": "geweigerd"})
    assert _actions(only_refused) == [("kind.lezen", "geweigerd")]


def test_by_staff_action_and_period(db, world):
    w = world
    officer = add_privacy_officer(db, w)
    by_b = search_log(officer, db, {"medewerker": str(w.staff["kinderwerker_b"])})
    assert {r.actor_id for r in by_b.rows} == {w.staff["kinderwerker_b"]} and by_b.total == 2
    exact = search_log(officer, db, {"actie": "kind.dossier_gelezen"})
    assert {r.action for r in exact.rows} == {"kind.dossier_gelezen"} and exact.total == 2
    group = search_log(officer, db, {"actie": "kind"})  # every kind.* action
    assert {r.action for r in group.rows} == {"kind.dossier_gelezen", "kind.lezen"}
    today = local_today()
    assert search_log(officer, db, {"van": today.isoformat(), "tot": today.isoformat(), "actie": "kind"}).total == 3
    assert search_log(officer, db, {"tot": (today - timedelta(days=1)).isoformat(), "actie": "kind"}).total == 0
    # An event of last year, found by its Amsterdam day (23:30 UTC on 31 Dec is 1 Jan in Amsterdam).
    db.add(AuditEvent(at=datetime(2025, 12, 31, 23, 30, tzinfo=UTC), actor_id=w.staff["teamleider"],
                      actor_role="teamleider", action="kind.dossier_gelezen", child_id=w.child_a, outcome="toegestaan"))
    db.commit()
    new_year = search_log(officer, db, LogFilter(start=date(2026, 1, 1), end=date(2026, 1, 1)))
    assert [r.actor_name for r in new_year.rows] == ["Test teamleider"]


def test_paged_newest_first(db, world):
    w = world
    officer = add_privacy_officer(db, w)
    start = datetime(2026, 3, 1, 9, tzinfo=UTC)
    db.add_all([AuditEvent(at=start + timedelta(minutes=i), actor_id=w.staff["kinderwerker"],
                           actor_role="kinderwerker", action="aanwezigheid.aanwezig", child_id=w.child_a,
                           outcome="toegestaan", detail=f"n={i}") for i in range(7)])
    db.commit()
    flt = {"actie": "aanwezigheid.aanwezig"}
    first = search_log(officer, db, flt, page=1, page_size=3)
    assert (first.total, first.pages) == (7, 3) and [r.detail for r in first.rows] == ["n=6", "n=5", "n=4"]
    last = search_log(officer, db, flt, page=3, page_size=3)
    assert [r.detail for r in last.rows] == ["n=0"]
    with pytest.raises(InvalidInput) as exc:
        search_log(officer, db, flt, page=4, page_size=3)
    assert exc.value.message == texts.FOUT_LOGBOEK_PAGINA


def test_reading_the_log_is_logged(db, world):
    w = world
    officer = add_privacy_officer(db, w)
    search_log(officer, db, {"kind": str(w.child_a), "uitkomst": "geweigerd"})
    (read,) = audits(db, "audit.gelezen", actor_id=officer.id)
    assert read.child_id == w.child_a and read.outcome == "toegestaan"
    assert f"kind={w.child_a}" in read.detail and "uitkomst=geweigerd" in read.detail and "aantal=1" in read.detail
    # ... and shows up in the child's own log the next time.
    assert ("audit.gelezen", "toegestaan") in _actions(search_log(officer, db, {"kind": str(w.child_a)}))


@pytest.mark.parametrize("who", ["kinderwerker", "aandachtsfunctionaris", "teamleider", "beheerder"])
def test_only_the_privacy_officer_reads_the_log(db, world, who):
    w = world
    for call in (lambda a: search_log(a, db, {}), lambda a: log_choices(a, db),
                 lambda a: find_children(a, db, "Sem", purpose=Action.AUDIT_LEZEN),
                 lambda a: find_children(a, db, "Sem")):
        with pytest.raises(PermissionDenied):
            call(actor(db, w, who))
    assert len(audits(db, "audit.lezen", actor_id=w.staff[who], outcome="geweigerd")) == 3
    assert len(audits(db, "inzage.maken", actor_id=w.staff[who], outcome="geweigerd")) == 1
    assert audits(db, "audit.gelezen") == []


def test_bad_filters_get_dutch_messages(db, world):
    w = world
    officer = add_privacy_officer(db, w)
    other = StaffUser(organisation_id=w.other_org_id, name="Elders", email="elders@test.nl", role="kinderwerker")
    db.add(other)
    db.commit()
    cases = [
        ({"van": "31-12-2026"}, "van", texts.FOUT_LOGBOEK_DATUM),
        ({"van": "2026-12-02", "tot": "2026-12-01"}, "van", texts.FOUT_LOGBOEK_PERIODE),
        ({"medewerker": str(other.id)}, "medewerker", texts.FOUT_LOGBOEK_MEDEWERKER),
        ({"medewerker": "x"}, "medewerker", texts.FOUT_LOGBOEK_MEDEWERKER),
        ({"kind": "999999"}, "kind", texts.FOUT_LOGBOEK_KIND),
        ({"uitkomst": "misschien"}, "uitkomst", texts.FOUT_LOGBOEK_UITKOMST),
        ({"actie": "DROP TABLE"}, "actie", texts.FOUT_LOGBOEK_ACTIE),
    ]
    for data, field, message in cases:
        with pytest.raises(InvalidInput) as exc:
            search_log(officer, db, data)
        assert exc.value.fields == {field: message}, data
    assert audits(db, "audit.gelezen") == []


def test_another_organisations_rows_are_not_shown(db, world):
    w = world
    other = StaffUser(organisation_id=w.other_org_id, name="Elders", email="elders@test.nl", role="kinderwerker")
    db.add(other)
    db.commit()
    db.add(AuditEvent(actor_id=other.id, actor_role="kinderwerker", action="kind.lijst", outcome="toegestaan"))
    db.commit()
    officer = add_privacy_officer(db, w)
    everything = search_log(officer, db, {})
    assert other.id not in {r.actor_id for r in everything.rows} and everything.total >= 3
    choices = log_choices(officer, db)
    assert "Elders (Kinderwerker)" not in [label for _, label in choices.staff]
    assert "Test kinderwerker_b (Kinderwerker)" in [label for _, label in choices.staff]
    assert "kind.dossier_gelezen" in choices.actions


def test_finding_a_child_is_audited_and_needs_two_letters(db, world):
    w = world
    officer = add_privacy_officer(db, w)
    assert [h.name for h in find_children(officer, db, "sem jan")] == ["Sem Jansen"]
    assert [h.name for h in find_children(officer, db, str(w.child_b), purpose=Action.AUDIT_LEZEN)] == ["Noor Bakker"]
    assert len(audits(db, "privacy.kind_gezocht", actor_id=officer.id)) == 2
    with pytest.raises(InvalidInput) as exc:
        find_children(officer, db, "s")
    assert exc.value.message == texts.FOUT_PRIVACY_ZOEK_KORT
