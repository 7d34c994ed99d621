"""Upgrades keep every row: a database written by the previous landed release (its own
migrations and demo seed, then one row in every table still empty) is migrated by this
release's `migrate` job, and nothing that was there is lost or changed; then the app serves it.

Migrations are append-only from that release on: a migration that rewrote or dropped what the
previous release wrote would fail here."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT
from tests.deploy.databases import drop_database, fill_every_table, fresh_database, snapshot
from tests.multi_instance import server_process

pytestmark = pytest.mark.postgres_redis

PREVIOUS_RELEASE = "0f0c033"  # the previous landing on main
DATABASE = "elan_deploy_upgrade"
LOGIN = 'mutation { login(input: {email: "seller@elan.example", password: "elan-demo"}) { __typename ... on AuthSuccess { token } } }'


def _release(commit: str, into: Path) -> Path:
    """The server and schema packages as they were at `commit` (git archive)."""
    archive = subprocess.run(["git", "archive", commit, "server", "schema"], cwd=ROOT, capture_output=True, check=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    return into


def _manage(code: Path, command: str, database_url: str, data_dir: Path) -> None:
    # no Redis: the rank index of these challenges must not mix with the lane's (same ids)
    env = {**os.environ, "DATABASE_URL": database_url, "ELAN_DATA_DIR": str(data_dir), "PYTHONPATH": str(code),
           "REDIS_URL": ""}
    result = subprocess.run([sys.executable, "-m", "server", command], cwd=code, env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]


# columns a migration rewrites on purpose, the row staying: server texts stored as kind +
# parameters (0012_texts: a notification's people as ids, an automatic post's kind and
# parameters, a duel's two people in its rules)
CONVERTED = {
    ("notification", "params"), ("notification", "actor_names"),
    ("post", "system_kind"), ("post", "system_params"), ("post", "body"),
    ("challenge", "rules"),
}

async def test_an_upgrade_from_the_previous_release_keeps_every_row(live_server, tmp_path):
    # given a database migrated and filled by the previous release, with a row in every table
    previous = _release(PREVIOUS_RELEASE, tmp_path / "previous")
    url = await fresh_database(DATABASE)
    try:
        _manage(previous, "migrate", url, tmp_path)
        _manage(previous, "seed-demo", url, tmp_path)
        await fill_every_table(url)
        before = await snapshot(url)
        assert all(before.values()), [table for table, rows in before.items() if not rows]
        # when this release's migrate job runs on it
        _manage(ROOT, "migrate", url, tmp_path)
        after = await snapshot(url)
        # then every table and every row is still there, each column as it was
        assert set(before) <= set(after)
        for table, rows in before.items():
            columns = [column for column in rows[0] if (table, column) not in CONVERTED]
            kept = [{column: row[column] for column in columns} for row in after[table]]
            assert len(kept) == len(rows), table
            assert sorted(map(repr, kept)) == sorted(map(repr, [{c: row[c] for c in columns} for row in rows])), table
        # and this release serves it: ready, and the demo seller signs in and reads her feed
        upgraded = live_server.__class__(**{**live_server.__dict__, "database_url": url, "redis_url": None})
        async with server_process(upgraded) as app:
            async with httpx.AsyncClient(base_url=app) as http:
                token = (await http.post("/graphql", json={"query": LOGIN})).json()["data"]["login"]["token"]
                feed = await http.post("/graphql", json={"query": "{ feed(first: 3) { edges { node { body } } } }"},
                                       headers={"Authorization": f"Bearer {token}"})
        assert len(feed.json()["data"]["feed"]["edges"]) == 3
    finally:
        await drop_database(DATABASE)
