"""The argon2 pool (domain/toegang/passwords.py): hashes run on its own threads at nice 19, never on
the calling thread, so a burst of logins leaves the CPU to the check-in taps (issue 17)."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from kinderwerk_pwa.domain.toegang import passwords


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
