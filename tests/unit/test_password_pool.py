"""Password hashing (domain/toegang/passwords.py): hashes run on a pool of their own at nice 19, never
on the calling thread, with one lane, so a burst of logins leaves the CPU to the check-in taps
(issue 17); older hashes are replaced at the next right password."""

from __future__ import annotations

import os
import sys
import threading

import pytest
from argon2 import PasswordHasher, extract_parameters

from kinderwerk_pwa.auth import local
from kinderwerk_pwa.domain.toegang import passwords
from kinderwerk_pwa.models import StaffUser
from kinderwerk_pwa.settings import reset_settings
from tests.world import PASSWORD


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice is Linux behaviour")
def test_a_hash_runs_on_a_low_priority_thread_of_its_own():
    caller = threading.get_native_id()
    seen = passwords._in_pool(lambda: (threading.get_native_id(),
                                       os.getpriority(os.PRIO_PROCESS, threading.get_native_id())))
    assert seen[0] != caller
    assert seen[1] == passwords.HASH_NICE == 19
    assert os.getpriority(os.PRIO_PROCESS, caller) < 19  # the caller keeps its own priority


def test_hash_and_verify_go_through_the_pool():
    hashed = passwords.hash_password("een lang genoeg wachtwoord")
    assert passwords.verify_password(hashed, "een lang genoeg wachtwoord")
    assert not passwords.verify_password(hashed, "iets anders")
    assert not passwords.verify_password(None, "iets anders")


def test_new_hashes_use_one_lane_with_the_full_memory_and_passes():
    params = extract_parameters(passwords.hash_password("een lang genoeg wachtwoord"))
    assert (params.parallelism, params.memory_cost, params.time_cost) == (1, 65536, 3)


def test_an_older_four_lane_hash_is_replaced_at_the_next_right_password(app_db):
    db, world = app_db
    user = db.get(StaffUser, world.staff["kinderwerker"])
    user.password_hash = PasswordHasher(parallelism=4).hash(PASSWORD)  # as stored before issue 17
    db.add(user)
    db.commit()

    assert not local.check_password(db, user.email, "fout-fout-fout-1", "192.0.2.40").ok
    db.refresh(user)
    assert extract_parameters(user.password_hash).parallelism == 4  # a wrong password changes nothing

    assert local.check_password(db, user.email, PASSWORD, "192.0.2.40").ok
    db.refresh(user)
    assert extract_parameters(user.password_hash).parallelism == 1
    assert passwords.verify_password(user.password_hash, PASSWORD)
    assert not passwords.needs_rehash(user.password_hash)
    assert local.check_password(db, user.email, PASSWORD, "192.0.2.40").ok


@pytest.fixture(autouse=True)
def _settings_read_again():
    """Tests here change KINDERWERK_HASH_SHARE: the next test reads the environment afresh."""
    yield
    reset_settings()


class FakeTime:
    """A clock that only the hash moves: each hash takes `hash_seconds`; sleeps are recorded."""

    def __init__(self, hash_seconds: float):
        self.now, self.hash_seconds, self.slept = 1000.0, hash_seconds, []

    def clock(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(round(seconds, 6))
        self.now += seconds

    def hash(self):
        self.now += self.hash_seconds
        return "gehasht"


def test_back_to_back_hashes_keep_to_their_share_of_a_core(monkeypatch):
    fake = FakeTime(0.2)
    monkeypatch.setattr(passwords, "_clock", fake.clock)
    monkeypatch.setattr(passwords, "_sleep", fake.sleep)
    monkeypatch.setattr(passwords, "_rest", threading.local())
    monkeypatch.delenv("KINDERWERK_HASH_SHARE")  # the suite runs without the rest (tests/conftest.py)
    reset_settings()
    assert passwords.get_settings().hash_share == 0.25  # the default
    # The first login is answered at once; the rest of its share comes after it.
    assert passwords._paced(fake.hash) == "gehasht"
    assert fake.slept == []
    # A second one straight after waits 3 x 0.2 s: 0.2 s of hashing in every 0.8 s.
    passwords._paced(fake.hash)
    assert fake.slept == [0.6]
    # One that comes after the rest is over does not wait.
    fake.now += 5
    passwords._paced(fake.hash)
    assert fake.slept == [0.6]


def test_the_share_comes_from_the_environment(monkeypatch):
    for raw, share in (("0.5", 0.5), ("1", 1.0), ("0", 0.25), ("2", 0.25), ("veel", 0.25)):
        monkeypatch.setenv("KINDERWERK_HASH_SHARE", raw)
        reset_settings()
        assert passwords.get_settings().hash_share == share


def test_a_failing_hash_still_rests(monkeypatch):
    fake = FakeTime(0.1)
    monkeypatch.setattr(passwords, "_clock", fake.clock)
    monkeypatch.setattr(passwords, "_sleep", fake.sleep)
    monkeypatch.setattr(passwords, "_rest", threading.local())
    monkeypatch.setenv("KINDERWERK_HASH_SHARE", "0.25")
    reset_settings()

    def wrong():
        fake.now += 0.1
        raise ValueError("fout wachtwoord")
    with pytest.raises(ValueError):
        passwords._paced(wrong)
    passwords._paced(fake.hash)
    assert fake.slept == [0.3]  # a wrong password costs the same share as a right one


def test_a_full_login_queue_is_refused_at_once_and_frees_up(monkeypatch):
    """Logins waiting for a hash hold a server thread each: beyond KINDERWERK_HASH_QUEUE the next
    one is refused at once (HashQueueFull) instead of waiting; after the queue drains it is served."""
    monkeypatch.setenv("KINDERWERK_HASH_QUEUE", "2")
    reset_settings()
    gate, started = threading.Event(), threading.Event()

    def held():
        started.set()
        gate.wait(60)
        return "klaar"
    results = []
    waiting = [threading.Thread(target=lambda: results.append(passwords._in_pool(held, bounded=True)))
               for _ in range(2)]
    for t in waiting:
        t.start()
    started.wait(60)
    while passwords._waiting < 2:  # both are counted before the third comes
        threading.Event().wait(0.01)
    with pytest.raises(passwords.HashQueueFull):
        passwords._in_pool(held, bounded=True)
    gate.set()
    for t in waiting:
        t.join(60)
    assert results == ["klaar", "klaar"] and passwords._waiting == 0
    assert passwords._in_pool(lambda: "weer", bounded=True) == "weer"


def test_the_queue_size_comes_from_the_environment(monkeypatch):
    for raw, size in (("3", 3), ("0", 1), ("", 8)):
        monkeypatch.setenv("KINDERWERK_HASH_QUEUE", raw)
        reset_settings()
        assert passwords.get_settings().hash_queue == size
