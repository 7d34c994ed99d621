"""A new deployment's first organisation and head-office account, from the command line."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import httpx

from tests.conftest import ROOT
from tests.multi_instance import server_process

LOGIN = "mutation($email: String!, $password: String!) { login(input: {email: $email, password: $password}) { __typename ... on AuthSuccess { token } } }"
ME = "{ me { displayName role unit { name } } }"


def _manage(database: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "server", *arguments], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "DATABASE_URL": database, "REDIS_URL": ""})


async def test_the_first_head_office_account_signs_in_with_the_password_shown_once(live_server, tmp_path):
    # given a new deployment's empty, migrated database
    database = f"sqlite://{tmp_path / 'new.sqlite3'}"
    assert _manage(database, "migrate").returncode == 0
    # when the operator creates the organisation, then tries again
    made = _manage(database, "create-organization", "--name", "Réseau Auto Ouest",
                   "--admin-email", "Direction@Auto-Ouest.example", "--admin-name", "Claire Lemoine")
    again = _manage(database, "create-organization", "--name", "Réseau Auto Ouest bis",
                    "--admin-email", "direction@auto-ouest.example", "--admin-name", "Claire Lemoine")
    # then the first worked and showed a password once; the second changed nothing
    assert made.returncode == 0, made.stderr
    password = re.search(r"Password \(shown once; change it after signing in\): (\S+)", made.stdout).group(1)
    assert again.returncode == 1 and "already has an account" in again.stderr
    # and she signs in as head office of her network's root
    fresh = live_server.__class__(**{**live_server.__dict__, "database_url": database, "redis_url": None})
    async with server_process(fresh) as url, httpx.AsyncClient(base_url=url) as http:
        login = (await http.post("/graphql", json={"query": LOGIN, "variables": {
            "email": "direction@auto-ouest.example", "password": password}})).json()["data"]["login"]
        me = (await http.post("/graphql", json={"query": ME}, headers={"Authorization": f"Bearer {login['token']}"})).json()
    assert me["data"]["me"] == {"displayName": "Claire Lemoine", "role": "ADMIN", "unit": {"name": "Réseau Auto Ouest"}}
