"""All configuration, read from the environment in one place.

Every variable is documented in the README ("Configuratie"). Defaults are the zero-setup embedded
mode: a SQLite file under ./data and local accounts.
"""

from __future__ import annotations

import os
import re
import secrets
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# The names of this machine. Trusted next to the public URL's host when the app runs locally (demo
# mode, or a KINDERWERK_PUBLIC_URL on one of them): `make run` and the tests reach it on any of them.
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")

# A Host header (or the netloc of a URL without user info): a DNS name or IPv4 address, or an IPv6
# address in brackets, then an optional port.
_HOST_RE = re.compile(r"(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?\.?)"
                      r"(?::(?P<port>[0-9]{1,5}))?")


def split_host(value: str | None) -> tuple[str, int | None] | None:
    """A Host header as (host, port): 'Kinderwerk.example.nl:8443' -> ('kinderwerk.example.nl', 8443),
    '[::1]:3000' -> ('[::1]', 3000), 'localhost' -> ('localhost', None). None when it is no host."""
    match = _HOST_RE.fullmatch((value or "").strip())
    if match is None:
        return None
    port = int(match["port"]) if match["port"] else None
    if port is not None and not 0 < port < 65536:
        return None
    return match["host"].lower().rstrip("."), port


def url_host(url: str) -> str | None:
    """The host of a URL ('https://kinderwerk.example.nl/x' -> 'kinderwerk.example.nl')."""
    netloc = urlsplit(url.strip()).netloc
    parsed = split_host(netloc) if "@" not in netloc else None
    return parsed[0] if parsed else None


def _allowed_hosts() -> tuple[str, ...]:
    """KINDERWERK_ALLOWED_HOSTS: extra host names, comma-separated. A port or a scheme may be
    written along; only the host counts. A value that is no host stops the app at start."""
    hosts = []
    for item in os.environ.get("KINDERWERK_ALLOWED_HOSTS", "").split(","):
        item = item.strip()
        if not item:
            continue
        parsed = url_host(item) if "://" in item else (split_host(item) or (None,))[0]
        if not parsed:
            raise ValueError(f"KINDERWERK_ALLOWED_HOSTS: {item!r} is geen hostnaam")
        hosts.append(parsed)
    return tuple(hosts)


def _public_url() -> str:
    port = os.environ.get("KINDERWERK_PORT") or "3000"
    url = os.environ.get("KINDERWERK_PUBLIC_URL") or f"http://localhost:{port}"
    if url_host(url) is None or urlsplit(url).scheme.lower() not in ("http", "https"):
        raise ValueError(f"KINDERWERK_PUBLIC_URL: {url!r} is geen http(s)-adres")
    return url


def _bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "ja", "on"}


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def _share(name: str, default: float) -> float:
    """A fraction in (0, 1]; anything else is the default."""
    try:
        value = float(os.environ.get(name, "") or default)
    except ValueError:
        return default
    return value if 0 < value <= 1 else default


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
    # The app's address as its users reach it (behind the proxy): the origin of our pages. Its host,
    # KINDERWERK_ALLOWED_HOSTS and (locally) LOCAL_HOSTS are the only Host headers answered.
    public_url: str = field(default_factory=_public_url)
    allowed_hosts: tuple[str, ...] = field(default_factory=_allowed_hosts)
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
    # Password hashes (argon2, ~0.27 s of a core each on the development machine) computed at
    # once; more logins queue, so a burst of logins never takes every core from the check-in taps
    # (README, "Inloggen").
    hash_concurrency: int = field(default_factory=lambda: max(1, _int("KINDERWERK_HASH_CONCURRENCY", 1)))
    # The share of a core each hashing thread may use on average: after a hash, that thread rests
    # before the next one (passwords.py). A single login is not slowed; a burst queues.
    hash_share: float = field(default_factory=lambda: _share("KINDERWERK_HASH_SHARE", 0.25))
    # Logins that may wait for a hash at once per worker; one more is answered "try again in a
    # moment" (each waiting login holds a thread of the web server's pool of 40).
    hash_queue: int = field(default_factory=lambda: max(1, _int("KINDERWERK_HASH_QUEUE", 8)))
    timezone: str = "Europe/Amsterdam"

    @property
    def secret_key(self) -> str:
        # Lazy: reading the settings must not write a key file; only a feature that signs does.
        global _secret_cache
        if _secret_cache is None:
            _secret_cache = _secret_key()
        return _secret_cache

    @cached_property
    def trusted_hosts(self) -> frozenset[str]:
        """The host names this app answers to (api/hosts.py): the public URL's host, the extra
        KINDERWERK_ALLOWED_HOSTS, and this machine's names when the app runs locally (demo mode, or a
        public URL on localhost). Nothing a request says is added."""
        public = url_host(self.public_url)
        hosts = {public, *self.allowed_hosts} if public else set(self.allowed_hosts)
        if self.demo_mode or public in LOCAL_HOSTS:
            hosts.update(LOCAL_HOSTS)
        return frozenset(hosts)

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
