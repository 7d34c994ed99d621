"""`python -m server init-env`: the .env that docker compose reads, written once with fresh
secrets. Every instance and worker then shares SECRET_KEY, VAPID_PRIVATE_KEY and PUBLIC_URL
(compose derives it from ELAN_DOMAIN); the file is never overwritten, since new secrets would
sign everyone out, make the stored badge keys unreadable and every browser's push subscription
useless (rotation is a separate, documented step: docs/operations.md)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from server.push.vapid import new_private_key


class EnvFileExists(Exception):
    pass


def env_text(domain: str) -> str:
    return "\n".join(
        [
            "# Élan's shared secrets, written by `python -m server init-env`. Keep this file",
            "# private (mode 600) and backed up: losing it signs everyone out, makes the badge",
            "# signing keys unreadable and every push subscription useless.",
            f"ELAN_DOMAIN={domain}",
            f"SECRET_KEY={secrets.token_urlsafe(48)}",
            f"VAPID_PRIVATE_KEY={new_private_key()}",
            f"POSTGRES_PASSWORD={secrets.token_urlsafe(24)}",
            "",
        ]
    )


def write_env_file(path: Path, domain: str) -> Path:
    """Creates `path` with fresh secrets; refuses (EnvFileExists) when it is already there."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as error:
        raise EnvFileExists(f"{path} exists: not overwritten (its secrets are in use)") from error
    with os.fdopen(fd, "w") as file:
        file.write(env_text(domain))
    return path


def read_env_file(path: Path) -> dict[str, str]:
    """KEY=value lines as compose reads them (comments and blank lines ignored)."""
    values: dict[str, str] = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            name, _, value = line.partition("=")
            values[name.strip()] = value.strip()
    return values
