"""Login, second factor, throttling, sessions and logout over HTTP (Starlette TestClient on the
app's own API routes, against a real SQLite database)."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import timedelta

import pyotp
import pytest
from sqlmodel import select

from kinderwerk_pwa.auth import sessions
from kinderwerk_pwa.domain.toegang import passwords, second_factor, secret_box, throttle
from kinderwerk_pwa.domain.toegang.second_factor import pending_setup
from kinderwerk_pwa.domain.toegang.staff_admin import set_staff_active
from kinderwerk_pwa.models import LoginAttempt, StaffUser, UserSession, utcnow
from kinderwerk_pwa.settings import get_settings
from tests.world import PASSWORD, actor, audits, row_count

ORIGIN = {"origin": "http://testserver"}


def _login(client, email, password=PASSWORD):
    return client.post("/auth/login", data={"email": email, "password": password}, headers=ORIGIN)


def test_kinderwerker_login_sets_httponly_cookie_and_server_session(client, app_db):
    db, w = app_db
    r = _login(client, "kinderwerker@test.nl")
    assert r.status_code == 303 and r.headers["location"] == "/"
    cookie = r.headers["set-cookie"]
    assert cookie.startswith("kw_sessie=") and "HttpOnly" in cookie and "SameSite=lax" in cookie
    token = cookie.split(";")[0].split("=", 1)[1]
    row = db.exec(select(UserSession)).one()
    assert row.token_hash != token and len(row.token_hash) == 64  # only the hash is stored
    assert sessions.resolve(db, token).id == w.staff["kinderwerker"]
    assert len(audits(db, "login")) == 1


def test_new_session_id_at_every_login(client, app_db):
    db, _ = app_db
    first = _login(client, "kinderwerker@test.nl").cookies.get("kw_sessie")
    second = _login(client, "kinderwerker@test.nl").cookies.get("kw_sessie")
    assert first and second and first != second


def test_wrong_password_refused_and_audited(client, app_db):
    db, _ = app_db
    r = _login(client, "kinderwerker@test.nl", "verkeerd-wachtwoord")
    assert r.headers["location"] == "/login?fout=onjuist"
    assert "kw_sessie" not in r.headers.get("set-cookie", "")
    assert len(audits(db, "login.mislukt")) == 1


def test_cross_site_post_refused(client):
    r = client.post("/auth/login", data={"email": "kinderwerker@test.nl", "password": PASSWORD},
                    headers={"origin": "https://kwaadaardig.example"})
    assert r.status_code == 403


@pytest.fixture
def slow_back_off(monkeypatch):
    """A first wait of a minute instead of a second, on a stopped clock: the wait does not run
    out while a busy machine hashes the failed passwords (hashing runs at nice 19)."""
    monkeypatch.setattr(throttle, "ACCOUNT", replace(throttle.ACCOUNT, base_seconds=60))
    monkeypatch.setattr(throttle, "ADDRESS", replace(throttle.ADDRESS, base_seconds=60))
    stopped = utcnow()
    monkeypatch.setattr(throttle, "utcnow", lambda: stopped)


def test_failures_make_the_account_wait_and_the_wait_is_audited(client, app_db, slow_back_off):
    db, _ = app_db
    for _ in range(throttle.ACCOUNT.free):
        assert _login(client, "kinderwerker@test.nl", "fout-fout-fout-1").headers["location"].endswith("onjuist")
    # Now even the right password is refused until the wait is over, with a message to wait.
    r = _login(client, "kinderwerker@test.nl")
    location = r.headers["location"]
    assert location.startswith("/login?fout=wachten&sec=") and 50 < int(location.rsplit("=", 1)[1]) <= 60
    assert "kw_sessie" not in r.headers.get("set-cookie", "")
    assert len(audits(db, "login.geblokkeerd")) == 1


def test_failures_from_one_address_slow_down_every_account(client, app_db, slow_back_off):
    for i in range(throttle.ADDRESS.free):
        _login(client, f"bestaat-niet-{i}@test.nl", "fout-fout-fout-1")
    assert _login(client, "aandachtsfunctionaris@test.nl").headers["location"].startswith("/login?fout=wachten")


def test_teamleider_without_second_factor_must_set_one_up(client, app_db):
    db, w = app_db
    r = _login(client, "teamleider@test.nl")
    assert r.headers["location"] == "/login/instellen"
    assert "kw_sessie" not in r.headers.get("set-cookie", "")
    # Nothing is reachable: no session exists yet.
    assert db.exec(select(UserSession)).all() == []
    # The set-up page stores a secret; the code from an authenticator app completes the login.
    secret = pending_setup(db, w.staff["teamleider"], pyotp.random_base32()).secret
    assert len(audits(db, "account.tweede_factor_sleutel_aangemaakt")) == 1
    bad = client.post("/auth/totp", data={"code": "000000"}, headers=ORIGIN)
    assert bad.headers["location"] == "/login/instellen?fout=code"
    good = client.post("/auth/totp", data={"code": pyotp.TOTP(secret).now()}, headers=ORIGIN)
    assert good.headers["location"] == "/" and "kw_sessie=" in good.headers["set-cookie"]
    db.expire_all()
    assert db.get(StaffUser, w.staff["teamleider"]).totp_enabled
    assert len(audits(db, "account.tweede_factor_ingesteld")) == 1


def _with_totp(db, staff_id: int) -> str:
    secret = pyotp.random_base32()
    user = db.get(StaffUser, staff_id)
    user.totp_secret, user.totp_enabled = secret_box.encrypt(secret), True
    db.add(user)
    db.commit()
    return secret


def test_beheerder_with_totp_needs_the_code(client, app_db):
    db, w = app_db
    secret = _with_totp(db, w.staff["beheerder"])
    r = _login(client, "beheerder@test.nl")
    assert r.headers["location"] == "/login/code"
    assert client.post("/auth/totp", data={"code": "123"}, headers=ORIGIN).headers["location"] == "/login/code?fout=code"
    ok = client.post("/auth/totp", data={"code": pyotp.TOTP(secret).now()}, headers=ORIGIN)
    assert ok.headers["location"] == "/"


def test_a_totp_code_lets_you_in_once(client, app_db, monkeypatch):
    """Issue 16.1: log in with a code, log out, and the same code no longer logs in; audited."""
    db, w = app_db
    # A stopped clock: on a busy machine the logins' hashes may outlast the code's 30-second step.
    stopped = utcnow()
    monkeypatch.setattr(second_factor, "utcnow", lambda: stopped)
    secret = _with_totp(db, w.staff["beheerder"])
    code = pyotp.TOTP(secret).at(stopped)
    assert _login(client, "beheerder@test.nl").headers["location"] == "/login/code"
    ok = client.post("/auth/totp", data={"code": code}, headers=ORIGIN)
    assert ok.headers["location"] == "/"
    token = ok.cookies.get("kw_sessie")
    assert client.post("/auth/logout", headers=ORIGIN, cookies={"kw_sessie": token}).status_code == 303

    assert _login(client, "beheerder@test.nl").headers["location"] == "/login/code"
    again = client.post("/auth/totp", data={"code": code}, headers=ORIGIN)
    assert again.headers["location"] == "/login/code?fout=hergebruikt"
    assert "kw_sessie=" not in again.headers.get("set-cookie", "")
    refused = audits(db, "login.code_hergebruikt")
    assert len(refused) == 1 and refused[0].outcome == "geweigerd"
    assert refused[0].object_id == str(w.staff["beheerder"])
    # The next step's code (one step of drift is accepted) does log in.
    step = second_factor.current_step()
    later = client.post("/auth/totp", data={"code": pyotp.TOTP(secret).generate_otp(step + 1)},
                        headers=ORIGIN)
    assert later.headers["location"] == "/"


def test_second_step_without_password_step_is_refused(client):
    r = client.post("/auth/totp", data={"code": "123456"}, headers=ORIGIN)
    assert r.headers["location"] == "/login?fout=verlopen"


def test_logout_ends_session_on_server(client, app_db):
    db, _ = app_db
    token = _login(client, "kinderwerker@test.nl").cookies.get("kw_sessie")
    r = client.post("/auth/logout", headers=ORIGIN, cookies={"kw_sessie": token})
    assert r.headers["location"] == "/login?uitgelogd=1"
    assert 'kw_sessie=""' in r.headers["set-cookie"] or "Max-Age=0" in r.headers["set-cookie"]
    db.expire_all()
    assert sessions.resolve(db, token) is None
    assert len(audits(db, "logout")) == 1


def test_idle_timeout_and_max_lifetime(app_db):
    db, w = app_db
    idle = sessions.create_session(db, w.staff["kinderwerker"])
    old = sessions.create_session(db, w.staff["kinderwerker"])
    db.commit()
    rows = {r.token_hash: r for r in db.exec(select(UserSession)).all()}
    rows[sessions._hash(idle)].last_seen_at = utcnow() - timedelta(hours=3)
    rows[sessions._hash(old)].expires_at = utcnow() - timedelta(seconds=1)
    db.commit()
    assert sessions.resolve(db, idle) is None
    assert sessions.resolve(db, old) is None


def test_disabling_a_user_ends_their_sessions_at_once(app_db):
    db, w = app_db
    token = sessions.create_session(db, w.staff["kinderwerker"])
    db.commit()
    beheerder = actor(db, w, "beheerder")
    set_staff_active(beheerder, db, w.staff["kinderwerker"], False)
    assert sessions.resolve(db, token) is None
    assert len(audits(db, "account.uitgeschakeld")) == 1


def test_session_token_never_logged(client, app_db, caplog):
    caplog.set_level(logging.DEBUG)
    r = _login(client, "kinderwerker@test.nl")
    token = r.cookies.get("kw_sessie")
    client.post("/auth/logout", headers=ORIGIN, cookies={"kw_sessie": token})
    assert token and token not in caplog.text


def test_demo_accounts_only_in_demo_mode(client, app_db, monkeypatch):
    from kinderwerk_pwa.settings import reset_settings

    db, w = app_db
    user = db.get(StaffUser, w.staff["kinderwerker"])
    user.is_demo = True
    db.add(user)
    db.commit()
    monkeypatch.setenv("KINDERWERK_DEMO", "1")
    reset_settings()
    r = _login(client, "kinderwerker@test.nl")
    assert r.headers["location"] == "/"
    token = r.cookies.get("kw_sessie")
    monkeypatch.setenv("KINDERWERK_DEMO", "0")
    reset_settings()
    assert _login(client, "kinderwerker@test.nl").headers["location"] == "/login?fout=onjuist"
    assert sessions.resolve(db, token) is None  # an existing demo session stops working too


def test_a_full_login_queue_says_try_again_and_counts_nothing(client, app_db, monkeypatch):
    """As many logins as KINDERWERK_HASH_QUEUE wait for a hash: the next is answered at once with
    "try again" (the same for a real and a missing account), audited, and not counted as a failure."""
    db, _ = app_db
    monkeypatch.setattr(passwords, "_waiting", get_settings().hash_queue)
    for email in ("kinderwerker@test.nl", "bestaat-niet@test.nl"):
        r = _login(client, email)
        assert r.headers["location"] == "/login?fout=druk"
        assert "kw_sessie" not in r.headers.get("set-cookie", "")
    assert row_count(db, LoginAttempt) == 0
    assert [a.outcome for a in audits(db, "login.druk")] == ["geweigerd", "geweigerd"]
    monkeypatch.setattr(passwords, "_waiting", 0)  # the queue drained
    assert _login(client, "kinderwerker@test.nl").headers["location"] == "/"
