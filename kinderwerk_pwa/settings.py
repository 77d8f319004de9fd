"""All configuration, read from the environment in one place.

Every variable is documented in the README ("Configuratie"). Defaults are the zero-setup embedded
mode: a SQLite file under ./data and local accounts.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "ja", "on"}


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def _default_database_url() -> str:
    path = Path(os.environ.get("KINDERWERK_DB_PATH", PROJECT_ROOT / "data" / "kinderwerk.db"))
    return f"sqlite:///{path}"


def _secret_key() -> str:
    """A stable secret for signing short-lived cookies (OIDC state, pending 2FA).

    In production KINDERWERK_SECRET_KEY must be set. Without it we keep a random key in the data
    directory so restarts do not log everybody out, and it is never committed.
    """
    value = os.environ.get("KINDERWERK_SECRET_KEY")
    if value:
        return value
    key_file = Path(os.environ.get("KINDERWERK_DATA_DIR", PROJECT_ROOT / "data")) / "secret.key"
    try:
        return key_file.read_text().strip()
    except FileNotFoundError:
        key_file.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        key_file.write_text(key)
        key_file.chmod(0o600)
        return key


@dataclass(frozen=True)
class Settings:
    database_url: str = field(default_factory=lambda: os.environ.get("DATABASE_URL") or _default_database_url())
    demo_mode: bool = field(default_factory=lambda: _bool("KINDERWERK_DEMO"))
    demo_size: int = field(default_factory=lambda: _int("KINDERWERK_DEMO_SIZE", 200))
    public_url: str = field(default_factory=lambda: os.environ.get("KINDERWERK_PUBLIC_URL", "http://localhost:3000"))
    # Sessions: a kinderwerker keeps the phone in a pocket between children, so the idle timeout is
    # a working afternoon's pause, not minutes; the maximum lifetime forces a fresh login daily.
    session_idle_minutes: int = field(default_factory=lambda: _int("KINDERWERK_SESSION_IDLE_MINUTES", 120))
    session_max_hours: int = field(default_factory=lambda: _int("KINDERWERK_SESSION_MAX_HOURS", 12))
    cookie_secure: bool = field(default_factory=lambda: _bool("KINDERWERK_COOKIE_SECURE", False))
    # Accumulation alert for signals (issue 4): this many signals about one child in this many days.
    signal_alert_count: int = field(default_factory=lambda: _int("KINDERWERK_SIGNAL_ALERT_COUNT", 3))
    signal_alert_days: int = field(default_factory=lambda: _int("KINDERWERK_SIGNAL_ALERT_DAYS", 30))
    # Bewaartermijnen in years (issue 13; the reasoning is in the README, "Bewaartermijnen").
    retention_record_years: int = field(default_factory=lambda: _int("KINDERWERK_BEWAAR_DOSSIER_JAREN", 2))
    retention_signal_years: int = field(default_factory=lambda: _int("KINDERWERK_BEWAAR_SIGNAAL_JAREN", 1))
    retention_meldcode_years: int = field(default_factory=lambda: _int("KINDERWERK_BEWAAR_MELDCODE_JAREN", 5))
    retention_meldcode_until_age: int = field(
        default_factory=lambda: _int("KINDERWERK_BEWAAR_MELDCODE_TOT_LEEFTIJD", 18))
    retention_activity_years: int = field(default_factory=lambda: _int("KINDERWERK_BEWAAR_ACTIVITEIT_JAREN", 2))
    retention_audit_years: int = field(default_factory=lambda: _int("KINDERWERK_BEWAAR_LOGBOEK_JAREN", 5))
    # Password hashes (argon2, ~50 ms of a core each) computed at once; more logins queue, so a burst
    # of logins never takes every core from the check-in taps (README, "Inloggen").
    hash_concurrency: int = field(default_factory=lambda: max(1, _int("KINDERWERK_HASH_CONCURRENCY", 1)))
    timezone: str = "Europe/Amsterdam"

    @property
    def secret_key(self) -> str:
        # Lazy: reading the settings must not write a key file; only a feature that signs does.
        global _secret_cache
        if _secret_cache is None:
            _secret_cache = _secret_key()
        return _secret_cache

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


_settings: Settings | None = None
_secret_cache: str | None = None


def get_settings() -> Settings:
    global _settings
    if _settings is None:
        _settings = Settings()
    return _settings


def reset_settings() -> None:
    """Forget cached settings (tests change the environment)."""
    global _settings, _secret_cache
    _settings = None
    _secret_cache = None
