"""The second factor in the domain (issue 16): secrets encrypted at rest, a code accepted once,
and every change of the second factor audited in the same transaction."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pyotp
import pytest
from sqlmodel import select

from kinderwerk_pwa.auth import sessions
from kinderwerk_pwa.domain.common.errors import PermissionDenied
from kinderwerk_pwa.domain.toegang import secret_box
from kinderwerk_pwa.domain.toegang.second_factor import (
    STEP_SECONDS,
    check_code,
    confirm_setup,
    current_step,
    pending_setup,
    reset_second_factor,
)
from kinderwerk_pwa.models import StaffUser, utcnow
from tests.world import actor, audits

ADDRESS = "192.0.2.10"


def _setup(db, staff_id: int) -> str:
    secret = pending_setup(db, staff_id, pyotp.random_base32()).secret
    confirm_setup(db, staff_id)
    db.commit()
    return secret


def test_the_secret_is_stored_encrypted_and_the_setup_audited(app_db):
    db, w = app_db
    plain = pyotp.random_base32()
    setup = pending_setup(db, w.staff["teamleider"], plain)
    assert setup.secret == plain
    stored = db.exec(select(StaffUser.totp_secret).where(StaffUser.id == w.staff["teamleider"])).one()
    assert plain not in stored and secret_box.decrypt(stored) == plain
    # Reopening the page shows the same secret and changes (and audits) nothing.
    assert pending_setup(db, w.staff["teamleider"], pyotp.random_base32()).secret == plain
    assert len(audits(db, "account.tweede_factor_sleutel_aangemaakt")) == 1
    confirm_setup(db, w.staff["teamleider"])
    db.commit()
    assert len(audits(db, "account.tweede_factor_ingesteld")) == 1
    assert pending_setup(db, w.staff["teamleider"], plain) is None  # set up: no second secret


def test_another_secret_key_cannot_read_the_secret(app_db):
    db, w = app_db
    _setup(db, w.staff["beheerder"])
    stored = db.get(StaffUser, w.staff["beheerder"]).totp_secret
    with pytest.raises(secret_box.UnreadableSecret):
        secret_box.decrypt(stored, "een-andere-sleutel")


def test_a_code_is_accepted_once_and_earlier_steps_never(app_db):
    db, w = app_db
    staff_id = w.staff["beheerder"]
    otp = pyotp.TOTP(_setup(db, staff_id))
    # A second into a time step: the tries below (up to 2 s later) stay in the same step. From the
    # wall clock, a run in the last 2 s of a step saw the earlier code as two steps old.
    now = datetime.fromtimestamp(current_step(utcnow()) * STEP_SECONDS + 1, UTC)
    step = current_step(now)
    assert check_code(db, staff_id, otp.generate_otp(step), ADDRESS, now).ok
    db.commit()
    again = check_code(db, staff_id, otp.generate_otp(step), ADDRESS, now + timedelta(seconds=1))
    assert not again.ok and again.reason == "hergebruikt"
    # The code of the step before is still within the drift window, but earlier than the used one.
    earlier = check_code(db, staff_id, otp.generate_otp(step - 1), ADDRESS, now + timedelta(seconds=2))
    assert earlier.reason == "hergebruikt"
    assert len(audits(db, "login.code_hergebruikt", outcome="geweigerd")) == 2
    later = now + timedelta(seconds=STEP_SECONDS)
    assert check_code(db, staff_id, otp.generate_otp(step + 1), ADDRESS, later).ok
    db.commit()
    assert db.get(StaffUser, staff_id).totp_last_step == step + 1


def test_a_wrong_code_is_refused_and_audited(app_db):
    db, w = app_db
    staff_id = w.staff["beheerder"]
    _setup(db, staff_id)
    result = check_code(db, staff_id, "12345", ADDRESS)
    assert not result.ok and result.reason == "onjuist"
    assert len(audits(db, "login.code_onjuist")) == 1


def test_beheerder_resets_a_second_factor_audited_and_sessions_end(app_db):
    db, w = app_db
    staff_id = w.staff["teamleider"]
    _setup(db, staff_id)
    token = sessions.create_session(db, staff_id)
    db.commit()
    reset_second_factor(actor(db, w, "beheerder"), db, staff_id)
    db.expire_all()
    user = db.get(StaffUser, staff_id)
    assert (user.totp_secret, user.totp_enabled, user.totp_last_step) == (None, False, None)
    assert sessions.resolve(db, token) is None
    rows = audits(db, "account.tweede_factor_verwijderd", actor_id=w.staff["beheerder"])
    assert len(rows) == 1 and rows[0].object_id == str(staff_id)


def test_only_the_beheerder_resets_a_second_factor(app_db):
    db, w = app_db
    staff_id = w.staff["beheerder"]
    _setup(db, staff_id)
    with pytest.raises(PermissionDenied):
        reset_second_factor(actor(db, w, "teamleider"), db, staff_id)
    db.expire_all()
    assert db.get(StaffUser, staff_id).totp_enabled


def test_reset_through_the_beheer_handler_is_checked_in_the_domain(app_db):
    """The browser can call the handler with any id: a teamleider is refused (and audited), the
    beheerder resets."""
    from kinderwerk_pwa.pages.beheer import BeheerState
    from tests.handlers import login_token, state_for

    db, w = app_db
    staff_id = w.staff["kinderwerker"]
    _setup(db, staff_id)
    state = state_for(BeheerState, login_token(db, w.staff["teamleider"]), "/beheer/medewerkers")
    state.reset_second_factor(str(staff_id))
    db.expire_all()
    assert db.get(StaffUser, staff_id).totp_enabled
    assert audits(db, "medewerker.beheren", actor_id=w.staff["teamleider"], outcome="geweigerd")
    state = state_for(BeheerState, login_token(db, w.staff["beheerder"]), "/beheer/medewerkers")
    state.reset_second_factor(str(staff_id))
    db.expire_all()
    assert not db.get(StaffUser, staff_id).totp_enabled
    assert len(audits(db, "account.tweede_factor_verwijderd", actor_id=w.staff["beheerder"])) == 1
