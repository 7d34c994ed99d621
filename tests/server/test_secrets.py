"""Secrets and identity shared by every instance: `init-env` writes them once, production refuses
to start without them, and rotations keep what was issued before readable and verifiable."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from server.env_file import read_env_file
from server.settings import MissingSecret, load_settings
from tests.conftest import ROOT

SHARED = ("SECRET_KEY", "VAPID_PRIVATE_KEY", "PUBLIC_URL")


def _init_env(path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server", "init-env", "--env-file", str(path), *extra],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "ELAN_PRODUCTION": "0"},
    )


def test_init_env_writes_fresh_secrets_once_and_never_overwrites(tmp_path):
    # given no .env yet
    env_file = tmp_path / ".env"
    # when init-env runs twice
    first = _init_env(env_file, "--domain", "elan.example")
    written = env_file.read_text()
    second = _init_env(env_file, "--domain", "other.example")
    # then the first wrote private, fresh secrets; the second refused and changed nothing
    assert first.returncode == 0, first.stderr
    values = read_env_file(env_file)
    assert values["ELAN_DOMAIN"] == "elan.example"
    assert len(values["SECRET_KEY"]) >= 60 and len(values["POSTGRES_PASSWORD"]) >= 30
    from py_vapid import Vapid

    assert Vapid.from_string(values["VAPID_PRIVATE_KEY"]).public_key is not None
    assert oct(env_file.stat().st_mode & 0o777) == "0o600"
    assert second.returncode == 1 and "not overwritten" in second.stderr
    assert env_file.read_text() == written
    # and another directory gets other secrets
    other = read_env_file(_init_env(tmp_path / "other.env") and tmp_path / "other.env")
    assert other["SECRET_KEY"] != values["SECRET_KEY"] and other["VAPID_PRIVATE_KEY"] != values["VAPID_PRIVATE_KEY"]


@pytest.mark.parametrize("missing", SHARED)
def test_production_refuses_to_start_without_a_shared_secret(monkeypatch, tmp_path, missing):
    # given a production instance with every shared secret but one
    monkeypatch.setenv("ELAN_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ELAN_PRODUCTION", "1")
    for name, value in {"SECRET_KEY": "s" * 40, "VAPID_PRIVATE_KEY": "v", "PUBLIC_URL": "https://elan.example"}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv(missing)
    # then the settings refuse, and nothing was invented under its data directory
    with pytest.raises(MissingSecret, match=missing):
        load_settings()
    assert not (tmp_path / "secret_key").exists() and not (tmp_path / "vapid_private_key").exists()


def test_the_server_command_says_why_it_does_not_start(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in SHARED}
    result = subprocess.run(
        [sys.executable, "-m", "server", "worker"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**env, "ELAN_PRODUCTION": "1", "ELAN_DATA_DIR": str(tmp_path), "SECRET_KEY": "s" * 40},
    )
    assert result.returncode == 2
    assert "Élan cannot start: VAPID_PRIVATE_KEY, PUBLIC_URL must be set in production" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []
