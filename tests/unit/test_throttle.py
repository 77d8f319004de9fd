"""The login back-off (issue 17.4), with the clock passed in: no test sleeps."""

from __future__ import annotations

from datetime import timedelta

from kinderwerk_pwa.auth import local
from kinderwerk_pwa.domain.toegang import throttle
from kinderwerk_pwa.domain.toegang.throttle import ACCOUNT, ADDRESS, BackOff
from kinderwerk_pwa.models import utcnow
from tests.world import PASSWORD, audits

POLICY = BackOff(free=3, base_seconds=1, cap_seconds=60, window=timedelta(hours=1))


def test_the_wait_doubles_after_the_free_failures_up_to_the_cap():
    assert [POLICY.wait_after(n) for n in range(12)] == [0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_the_wait_counts_from_the_last_failure():
    now = utcnow()
    assert POLICY.remaining(5, now - timedelta(seconds=1), now) == 3.0
    assert POLICY.remaining(5, now - timedelta(seconds=5), now) == 0.0
    assert POLICY.remaining(0, None, now) == 0.0


def test_an_attempt_stored_a_moment_later_by_a_concurrent_login_adds_no_wait():
    """Five colleagues log in at once from the office address: the others' attempts, stored just
    after this login read the clock, must not make it wait (they are below the free failures)."""
    now = utcnow()
    later = now + timedelta(milliseconds=40)
    assert POLICY.remaining(2, later, now) == 0.0
    assert ADDRESS.remaining(ADDRESS.free - 1, later, now) == 0.0
    # Beyond the free failures the wait is the policy's, not a moment more.
    assert POLICY.remaining(4, later, now) == 2.0


def test_the_account_wait_stays_modest_and_the_address_wait_grows():
    assert ACCOUNT.cap_seconds <= 60
    assert ADDRESS.cap_seconds == 15 * 60
    assert ADDRESS.wait_after(ADDRESS.free + 20) == 15 * 60


def _fail(db, email, address, at):
    result = local.check_password(db, email, "fout-fout-fout-1", address, now=at)
    assert result.reason == "onjuist", result


def test_five_wrong_tries_from_elsewhere_do_not_lock_a_teamleider_out(app_db):
    """An attacker types five wrong passwords for the teamleider from another address: she waits
    seconds, not a quarter of an hour, and the attacker's address is slowed down too."""
    db, w = app_db
    t0 = utcnow()
    for i in range(5):
        _fail(db, "teamleider@test.nl", "203.0.113.9", t0 + timedelta(seconds=10 * i))
    last = t0 + timedelta(seconds=40)
    during = local.check_password(db, "teamleider@test.nl", PASSWORD, "192.0.2.1",
                                  now=last + timedelta(seconds=1))
    assert not during.ok and during.reason == "wachten" and 0 < during.wait_seconds <= 4
    assert audits(db, "login.geblokkeerd")[-1].outcome == "geweigerd"
    after = local.check_password(db, "teamleider@test.nl", PASSWORD, "192.0.2.1",
                                 now=last + timedelta(seconds=5))
    assert after.ok and after.staff_id == w.staff["teamleider"]


def test_a_refused_try_does_not_make_the_wait_longer(app_db):
    db, _ = app_db
    t0 = utcnow()
    for i in range(ACCOUNT.free + 1):
        _fail(db, "kinderwerker@test.nl", "192.0.2.7", t0 + timedelta(seconds=i))
    last = t0 + timedelta(seconds=ACCOUNT.free)
    for i in range(10):  # hammering during the wait (2 s) costs nothing and extends nothing
        assert local.check_password(db, "kinderwerker@test.nl", PASSWORD, "192.0.2.7",
                                    now=last + timedelta(milliseconds=100 * i)).reason == "wachten"
    assert local.check_password(db, "kinderwerker@test.nl", PASSWORD, "192.0.2.7",
                                now=last + timedelta(seconds=2.1)).ok


def test_a_success_resets_the_account_count_but_not_the_address_count(app_db):
    db, _ = app_db
    t0 = utcnow()
    for i in range(ACCOUNT.free):
        _fail(db, "kinderwerker@test.nl", "192.0.2.8", t0 + timedelta(seconds=i))
    assert local.check_password(db, "kinderwerker@test.nl", PASSWORD, "192.0.2.8",
                                now=t0 + timedelta(seconds=10)).ok
    assert throttle.wait_seconds(db, "kinderwerker@test.nl", "192.0.2.9", t0 + timedelta(seconds=11)) == 0
    # The address keeps its failures (an attacker could log in to an account of her own).
    for i in range(ADDRESS.free - ACCOUNT.free):
        _fail(db, f"iemand-{i}@test.nl", "192.0.2.8", t0 + timedelta(seconds=20 + i))
    last = t0 + timedelta(seconds=20 + ADDRESS.free - ACCOUNT.free - 1)
    wait = throttle.wait_seconds(db, "aandachtsfunctionaris@test.nl", "192.0.2.8",
                                 last + timedelta(milliseconds=500))
    assert wait == 1


def test_address_wait_grows_to_a_quarter_of_an_hour(app_db):
    db, _ = app_db
    t0 = utcnow()
    at = t0
    for i in range(ADDRESS.free + 12):
        at = t0 + timedelta(seconds=i)
        throttle.record_attempt(db, f"gok-{i}@test.nl", "198.51.100.5", False, at)
    db.commit()
    assert throttle.wait_seconds(db, "beheerder@test.nl", "198.51.100.5", at) == 15 * 60
    # Another address is not affected.
    assert throttle.wait_seconds(db, "beheerder@test.nl", "198.51.100.6", at) == 0


def test_the_wait_message_is_dutch_and_bounded():
    from kinderwerk_pwa import texts

    assert texts.wacht_melding("1") == "Te veel mislukte pogingen. Wacht 1 seconde en probeer het dan opnieuw."
    assert "4 seconden" in texts.wacht_melding("4")
    assert "15 minuten" in texts.wacht_melding("900")
    assert texts.wacht_melding("<script>") == texts.wacht_melding("999999") == texts.LOGIN_WACHTEN_EVEN


def test_a_login_counts_as_a_failure_while_its_password_is_hashed(app_db, monkeypatch):
    """Requests sent at once: the ones arriving while the first is hashed already see its failure."""
    db, _ = app_db
    t0 = utcnow()
    for i in range(ACCOUNT.free - 1):
        _fail(db, "kinderwerker@test.nl", "192.0.2.11", t0 + timedelta(seconds=i))
    seen = []

    def slow_verify(password_hash, password):
        seen.append(throttle.wait_seconds(db, "kinderwerker@test.nl", "192.0.2.12",
                                          t0 + timedelta(seconds=ACCOUNT.free, milliseconds=100)))
        return False
    monkeypatch.setattr(local, "verify_password", slow_verify)
    local.check_password(db, "kinderwerker@test.nl", "fout-fout-fout-1", "192.0.2.11",
                         now=t0 + timedelta(seconds=ACCOUNT.free))
    assert seen == [1]
    # A success turns its own attempt into a success: no failure left behind.
    monkeypatch.setattr(local, "verify_password", lambda h, p: True)
    later = t0 + timedelta(seconds=60)
    assert local.check_password(db, "kinderwerker@test.nl", PASSWORD, "192.0.2.11", now=later).ok
    assert throttle.wait_seconds(db, "kinderwerker@test.nl", "192.0.2.11", later) == 0


def test_a_shared_office_address_does_not_hold_back_its_own_colleagues(app_db):
    """Behind one NAT or proxy the whole team shares an address: many failures there slow down a
    stranger's guesses, but not a colleague who logged in from that address before (she keeps
    only her own account's back-off)."""
    db, w = app_db
    office = "192.0.2.50"
    t0 = utcnow()
    assert local.check_password(db, "kinderwerker@test.nl", PASSWORD, office, now=t0).ok
    at = t0
    for i in range(ADDRESS.free + 8):
        at = t0 + timedelta(seconds=1 + i)
        throttle.record_attempt(db, f"typfout-{i}@test.nl", office, False, at)
    db.commit()
    assert throttle.wait_seconds(db, "teamleider@test.nl", office, at) > 60  # never logged in from here
    assert throttle.wait_seconds(db, "kinderwerker@test.nl", office, at) == 0
    assert local.check_password(db, "kinderwerker@test.nl", PASSWORD, office,
                                now=at + timedelta(seconds=1)).ok
