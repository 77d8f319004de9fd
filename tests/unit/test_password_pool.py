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
