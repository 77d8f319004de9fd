"""day_changes (issue 14): an open Vandaag screen catches up on another phone's taps with only the
changed children's state, and is told to load the whole day when that would not be right."""

from __future__ import annotations

import uuid

import pytest
from sqlmodel import select

from kinderwerk_pwa.domain.common.clock import local_today
from kinderwerk_pwa.domain.common.errors import PermissionDenied
from kinderwerk_pwa.domain.huiskamer import attendance
from kinderwerk_pwa.domain.huiskamer.day_changes import day_changes
from kinderwerk_pwa.models import AttendanceEvent, AuditEvent
from tests.world import actor, expect_every_day


@pytest.fixture(autouse=True)
def expected_every_day(app_db):
    db, w = app_db
    expect_every_day(db, w.child_a)


def _tap(db, w, kind, **extra):
    payload = {"client_uuid": str(uuid.uuid4()), "child_id": w.child_a, "location_id": w.loc_a, "kind": kind,
               **extra}
    return attendance.record_attendance(actor(db, w), db, payload)


def _screen_version(db, w) -> str:
    return attendance.day_view(actor(db, w), db, w.loc_a).version


def test_another_phones_check_in_comes_as_the_one_childs_new_state(app_db):
    db, w = app_db
    known = _screen_version(db, w)
    _tap(db, w, "aanwezig")
    changes = day_changes(actor(db, w), db, w.loc_a, local_today(), known)
    assert changes.complete and changes.tiles_only
    [child] = changes.children
    assert (child.child_id, child.status) == (w.child_a, "aanwezig")
    assert changes.version == attendance.day_version(db, w.loc_a, local_today())
    reads = db.exec(select(AuditEvent).where(AuditEvent.action == "aanwezigheid.dag_gelezen",
                                             AuditEvent.detail.contains("bijgewerkt=1"))).all()
    assert len(reads) == 1 and reads[0].location_id == w.loc_a

    # Caught up: nothing more to apply, and nothing more in the log.
    again = day_changes(actor(db, w), db, w.loc_a, local_today(), changes.version)
    assert again.complete and again.children == [] and again.version == changes.version


def test_a_mood_after_the_check_in_is_folded_with_it(app_db):
    db, w = app_db
    known = _screen_version(db, w)
    _tap(db, w, "aanwezig")
    _tap(db, w, "stemming", mood=4)
    [child] = day_changes(actor(db, w), db, w.loc_a, local_today(), known).children
    assert (child.status, child.mood) == ("aanwezig", 4)


def test_an_undone_check_in_is_a_tile_but_an_undone_absence_is_the_whole_day(app_db):
    db, w = app_db
    checked_in = _tap(db, w, "aanwezig")
    known = _screen_version(db, w)
    undo = _tap(db, w, "ongedaan", undoes_id=checked_in.event_id)
    assert undo.tile_only and undo.child.status == "verwacht"
    changes = day_changes(actor(db, w), db, w.loc_a, local_today(), known)
    assert changes.complete and changes.tiles_only
    assert [(c.child_id, c.status) for c in changes.children] == [(w.child_a, "verwacht")]

    absent = _tap(db, w, "afwezig")
    assert not absent.tile_only  # it adds "ouder bellen" to the follow-ups
    known = _screen_version(db, w)
    undo = _tap(db, w, "ongedaan", undoes_id=absent.event_id)
    assert not undo.tile_only  # and its undo closes that follow-up
    assert not day_changes(actor(db, w), db, w.loc_a, local_today(), known).tiles_only


def test_an_event_that_commits_after_a_newer_one_means_load_the_day(app_db):
    """The screen saw event 2 before event 1 was committed: ids above the known top miss event 1,
    the count does not add up, and the screen must load the whole day."""
    db, w = app_db
    first = _tap(db, w, "aanwezig")
    second = _tap(db, w, "stemming", mood=3)
    # As the screen saw the day while only the newer event had committed.
    seen = f"1:{second.event_id}"
    assert first.event_id < second.event_id
    changes = day_changes(actor(db, w), db, w.loc_a, local_today(), seen)
    assert not changes.complete


def test_an_unreadable_version_means_load_the_day(app_db):
    db, w = app_db
    assert not day_changes(actor(db, w), db, w.loc_a, local_today(), "").complete
    assert not day_changes(actor(db, w), db, w.loc_a, local_today(), "x:y").complete


@pytest.mark.parametrize("staff", ["kinderwerker_b", "beheerder"])
def test_only_who_may_see_the_day_gets_its_changes(app_db, staff):
    db, w = app_db
    known = _screen_version(db, w)
    _tap(db, w, "aanwezig")
    with pytest.raises(PermissionDenied):
        day_changes(actor(db, w, staff), db, w.loc_a, local_today(), known)
    assert db.exec(select(AttendanceEvent)).all()  # the tap itself stays


# ---- the screen (HuiskamerState) as its watch calls it ---------------------------------------

def _screen(db, w):
    from kinderwerk_pwa.pages.huiskamer import HuiskamerState
    from tests.handlers import login_token, state_for

    state = state_for(HuiskamerState, login_token(db, w.staff["kinderwerker"]), f"/huiskamer/{w.loc_a}",
                      params={"locatie_id": str(w.loc_a)})
    state.load()
    assert state.error == "" and str(w.loc_a) == str(state._location_id())
    return state


def _day_reads(db, w) -> list[str]:
    db.expire_all()
    return [a.detail for a in db.exec(select(AuditEvent).where(AuditEvent.action == "aanwezigheid.dag_gelezen",
                                                               AuditEvent.location_id == w.loc_a)).all()]


def test_the_screen_updates_the_one_tile_without_loading_the_day(app_db):
    db, w = app_db
    screen = _screen(db, w)
    child = str(w.child_a)
    assert screen.tile_status[child] == "verwacht"
    loads = [d for d in _day_reads(db, w) if "kinderen=" in d]
    _tap(db, w, "aanwezig")  # another phone

    screen._run(screen._catch_up, reload=False, keep_messages=True)
    assert screen.error == ""
    assert screen.tile_status[child] == "aanwezig"
    assert screen.counts["aanwezig"] == 1
    assert screen._version == attendance.day_version(db, w.loc_a, local_today())
    reads = _day_reads(db, w)
    assert [d for d in reads if "kinderen=" in d] == loads  # no whole-day load
    assert any("bijgewerkt=1" in d for d in reads)


def test_the_screen_follows_another_phones_undo_without_loading_the_day(app_db):
    db, w = app_db
    checked_in = _tap(db, w, "aanwezig")
    screen = _screen(db, w)
    assert screen.tile_status[str(w.child_a)] == "aanwezig"
    loads = [d for d in _day_reads(db, w) if "kinderen=" in d]
    _tap(db, w, "ongedaan", undoes_id=checked_in.event_id)  # another phone

    screen._run(screen._catch_up, reload=False, keep_messages=True)
    assert screen.tile_status[str(w.child_a)] == "verwacht" and screen.counts["aanwezig"] == 0
    assert [d for d in _day_reads(db, w) if "kinderen=" in d] == loads


def test_the_screen_loads_the_day_when_a_tap_changes_more_than_a_tile(app_db):
    db, w = app_db
    screen = _screen(db, w)
    loads = len([d for d in _day_reads(db, w) if "kinderen=" in d])
    _tap(db, w, "afwezig")  # adds a follow-up to the screen's list too

    screen._run(screen._catch_up, reload=False, keep_messages=True)
    assert screen.tile_status[str(w.child_a)] == "afwezig"
    assert screen.follow_ups  # only the whole day brings the new follow-up
    assert len([d for d in _day_reads(db, w) if "kinderen=" in d]) == loads + 1
