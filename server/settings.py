"""Every setting of the server, read once from the environment."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent


def _data_dir() -> Path:
    return Path(os.environ.get("ELAN_DATA_DIR", ROOT / "data")).resolve()


def _flag(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


class MissingSecret(ValueError):
    """A production instance lacks a secret every instance must share: it stops rather than
    inventing its own (sessions, badge keys and push would differ from one instance to the next)."""


PRODUCTION_SECRETS = ("SECRET_KEY", "VAPID_PRIVATE_KEY", "PUBLIC_URL")


def _require_shared_secrets() -> None:
    missing = [name for name in PRODUCTION_SECRETS if not os.environ.get(name, "").strip()]
    if missing:
        raise MissingSecret(
            f"{', '.join(missing)} must be set in production (ELAN_PRODUCTION=1): every instance "
            "shares them; `python -m server init-env` writes a .env with fresh ones"
        )


def _secret_key(data_dir: Path) -> str:
    """SECRET_KEY from the environment, else (development only) one generated once under data/."""
    from_env = os.environ.get("SECRET_KEY")
    if from_env:
        return from_env
    path = data_dir / "secret_key"
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    path.write_text(key)
    path.chmod(0o600)
    return key


# --- transport: the public origin, the origins browsers may call from, trusted proxies


def _origin(url: str, name: str) -> str:
    """scheme://host[:port] of an absolute http(s) URL without path, query or credentials."""
    parts = urlsplit(url.strip().rstrip("/"))
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.username or parts.password:
        raise ValueError(f"{name} must be an http(s) origin such as https://elan.example, not {url!r}")
    if parts.path or parts.query or parts.fragment:
        raise ValueError(f"{name} is an origin: no path, query or fragment ({url!r})")
    return f"{parts.scheme}://{parts.netloc.lower()}"


def _public_url(host: str, port: int, production: bool) -> str:
    """PUBLIC_URL, the one origin written into credentials, mails and links; in development
    http://HOST:PORT (a wildcard listening address is reached as localhost)."""
    from_env = os.environ.get("PUBLIC_URL", "").strip()
    if from_env:
        return _origin(from_env, "PUBLIC_URL")
    if production:
        raise ValueError("PUBLIC_URL must be set in production (e.g. https://elan.example)")
    name = "localhost" if host in {"", "0.0.0.0", "::"} else f"[{host}]" if ":" in host else host
    return f"http://{name}:{port}"


def _allowed_origins(public_url: str, port: int, production: bool) -> tuple[str, ...]:
    """The origins a browser may send cookie-authenticated requests from: PUBLIC_URL's, those
    listed in ALLOWED_ORIGINS, and in development the local ones (the server itself and
    Vite's dev server)."""
    listed = [_origin(o, "ALLOWED_ORIGINS") for o in os.environ.get("ALLOWED_ORIGINS", "").split(",") if o.strip()]
    local = [] if production else [
        f"http://{host}:{p}" for p in (port, 5173) for host in ("localhost", "127.0.0.1", "[::1]")
    ]
    return tuple(dict.fromkeys([public_url, *listed, *local]))


def _forwarded_allow_ips() -> tuple[str, ...]:
    """Proxies whose X-Forwarded-For/-Proto are believed (addresses or networks); none by default."""
    return tuple(p.strip() for p in os.environ.get("FORWARDED_ALLOW_IPS", "").split(",") if p.strip())


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    redis_url: str | None
    redis_prefix: str
    secret_key: str
    host: str
    port: int
    demo: bool
    production: bool
    log_level: str
    static_dir: Path
    cookie_secure: bool
    login_account_limit: int = 5
    login_ip_limit: int = 50
    login_window_seconds: int = 900
    post_rate_limit: int = 30
    like_rate_limit: int = 300
    rate_window_seconds: int = 600
    max_body_bytes: int = 1_000_000
    # transport (see the helpers above)
    public_url: str = "http://127.0.0.1:8000"
    allowed_origins: tuple[str, ...] = field(default_factory=tuple)
    forwarded_allow_ips: tuple[str, ...] = field(default_factory=tuple)
    ws_max_message_bytes: int = 64 * 1024
    # how long an idle HTTP connection stays open: longer than the proxy keeps its idle
    # connections to us (deploy/Caddyfile `keepalive`), so the proxy never sends a request on a
    # connection we are closing at that instant (a 502 for a POST, which it cannot retry)
    keep_alive_seconds: float = 75.0
    push_allowed_origins: tuple[str, ...] = field(default_factory=tuple)
    vapid_private_key: str | None = None
    # the keys before a rotation: still read (SECRET_KEY) or signed with (VAPID) until retired
    secret_key_previous: tuple[str, ...] = field(default_factory=tuple)
    vapid_private_key_previous: tuple[str, ...] = field(default_factory=tuple)
    # observability: where /metrics listens (never the public port), logs as JSON lines
    metrics_address: tuple[str, int] | None = None
    log_json: bool = False
    vapid_subject: str = "mailto:contact@elan.example"
    push_worker_in_server: bool = True
    push_lease_seconds: float = 120.0
    label_reminder_interval_seconds: float = 3600.0
    media_orphan_grace_seconds: float = 86400.0
    media_cleanup_interval_seconds: float = 3600.0
    # accounts and sessions (trust issue): sign-up and invite limits, hashing cap, session life
    signup_ip_limit: int = 10
    signup_window_seconds: int = 3600
    invite_rate_limit: int = 30
    password_hash_concurrency: int = 1
    password_hash_queue: int = 32
    session_max_days: int = 90
    # mail (server.mail) and account recovery
    smtp_url: str | None = None
    mail_from: str = "Élan <no-reply@elan.example>"
    mail_worker_in_server: bool = True
    mail_max_attempts: int = 8
    mail_retry_base_seconds: float = 30.0
    mail_retry_max_seconds: float = 3600.0
    password_reset_account_limit: int = 3
    password_reset_ip_limit: int = 20

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def public_link(self, path: str) -> str:
        """An absolute link for a credential, a mail or anything read away from the app:
        always PUBLIC_URL, never the Host header of the request being served."""
        return self.public_url + "/" + path.lstrip("/")


def load_settings() -> Settings:
    data_dir = _data_dir()
    database_url = os.environ.get("DATABASE_URL") or f"sqlite://{data_dir / 'elan.sqlite3'}"
    if database_url.startswith("postgresql://"):
        database_url = "postgres://" + database_url.removeprefix("postgresql://")
    if database_url.startswith("sqlite"):
        data_dir.mkdir(parents=True, exist_ok=True)
    host, port = os.environ.get("HOST", "127.0.0.1"), int(os.environ.get("PORT", "8000"))
    production = _flag("ELAN_PRODUCTION", False)
    if production:
        _require_shared_secrets()
    public_url = _public_url(host, port, production)
    return Settings(
        data_dir=data_dir,
        database_url=database_url,
        redis_url=os.environ.get("REDIS_URL") or None,
        redis_prefix=os.environ.get("REDIS_PREFIX", "elan"),
        secret_key=_secret_key(data_dir),
        host=host,
        port=port,
        demo=_flag("ELAN_DEMO", True),
        production=production,
        log_level=os.environ.get("LOG_LEVEL", "info").lower(),
        static_dir=Path(os.environ.get("ELAN_STATIC_DIR", ROOT / "pwa" / "dist")).resolve(),
        cookie_secure=_flag("COOKIE_SECURE", False),
        public_url=public_url,
        allowed_origins=_allowed_origins(public_url, port, production),
        forwarded_allow_ips=_forwarded_allow_ips(),
        ws_max_message_bytes=int(os.environ.get("WS_MAX_MESSAGE_BYTES", str(64 * 1024))),
        keep_alive_seconds=float(os.environ.get("KEEP_ALIVE_SECONDS", "75")),
        login_account_limit=int(os.environ.get("LOGIN_ACCOUNT_LIMIT", "5")),
        login_ip_limit=int(os.environ.get("LOGIN_IP_LIMIT", "50")),
        label_reminder_interval_seconds=float(os.environ.get("LABEL_REMINDER_INTERVAL_SECONDS", "3600")),
        media_orphan_grace_seconds=float(os.environ.get("MEDIA_ORPHAN_GRACE_SECONDS", "86400")),
        media_cleanup_interval_seconds=float(os.environ.get("MEDIA_CLEANUP_INTERVAL_SECONDS", "3600")),
        push_allowed_origins=tuple(
            o.strip().rstrip("/")
            for o in os.environ.get("PUSH_ALLOWED_ORIGINS", "").split(",")
            if o.strip()
        ),
        vapid_private_key=os.environ.get("VAPID_PRIVATE_KEY") or None,
        vapid_subject=os.environ.get("VAPID_SUBJECT") or "mailto:contact@elan.example",
        secret_key_previous=_listed("SECRET_KEY_PREVIOUS", ","),
        vapid_private_key_previous=_listed("VAPID_PRIVATE_KEY_PREVIOUS", ","),
        metrics_address=_metrics_address(),
        log_json=_flag("LOG_JSON", production),
        push_worker_in_server=_flag("PUSH_WORKER_IN_SERVER", True),
        push_lease_seconds=float(os.environ.get("PUSH_LEASE_SECONDS", "120")),
        **_accounts_settings(),
        **_mail_settings(),
    )


def _listed(name: str, separator: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in os.environ.get(name, "").split(separator) if item.strip())


def _metrics_address() -> tuple[str, int] | None:
    """METRICS_ADDRESS `host:port` (or a bare port, on loopback): the separate listener that
    serves /metrics; unset, no process serves metrics."""
    raw = os.environ.get("METRICS_ADDRESS", "").strip()
    if not raw:
        return None
    host, _, port = raw.rpartition(":")
    if not port.isdigit():
        raise ValueError(f"METRICS_ADDRESS must be host:port, not {raw!r}")
    return (host.strip("[]") or "127.0.0.1", int(port))


def _accounts_settings() -> dict[str, Any]:
    cores = os.cpu_count() or 2
    return {
        "signup_ip_limit": int(os.environ.get("SIGNUP_IP_LIMIT", "10")),
        "invite_rate_limit": int(os.environ.get("INVITE_RATE_LIMIT", "30")),
        # Argon2 takes a core for tens of ms per hash: leave the other cores to everyone else
        "password_hash_concurrency": max(
            1, int(os.environ.get("PASSWORD_HASH_CONCURRENCY", str(max(1, cores // 2))))
        ),
        "password_hash_queue": max(0, int(os.environ.get("PASSWORD_HASH_QUEUE", "32"))),
        "session_max_days": max(1, int(os.environ.get("SESSION_MAX_DAYS", "90"))),
    }


def _mail_settings() -> dict[str, Any]:
    return {
        "smtp_url": os.environ.get("SMTP_URL", "").strip() or None,
        "mail_from": os.environ.get("MAIL_FROM", "").strip() or "Élan <no-reply@elan.example>",
        "mail_worker_in_server": _flag("MAIL_WORKER_IN_SERVER", True),
        "mail_max_attempts": max(1, int(os.environ.get("MAIL_MAX_ATTEMPTS", "8"))),
        "mail_retry_base_seconds": max(0.01, float(os.environ.get("MAIL_RETRY_BASE_SECONDS", "30"))),
        "mail_retry_max_seconds": max(0.01, float(os.environ.get("MAIL_RETRY_MAX_SECONDS", "3600"))),
        "password_reset_account_limit": int(os.environ.get("PASSWORD_RESET_ACCOUNT_LIMIT", "3")),
        "password_reset_ip_limit": int(os.environ.get("PASSWORD_RESET_IP_LIMIT", "20")),
    }


_settings: Settings | None = None


def get_settings() -> Settings:
    global _settings
    if _settings is None:
        _settings = load_settings()
    return _settings


def reset_settings() -> None:
    """Forget the cached settings (tests change the environment between servers)."""
    global _settings
    _settings = None
