"""Backups restore: a `pg_dump` (custom format, as docs/operations.md schedules it) restored
with `pg_restore` into a fresh database is served by the app as it was."""

from __future__ import annotations

import subprocess

import httpx
import pytest

from tests.conftest import PG_URL
from tests.deploy.databases import drop_database, fresh_database
from tests.factories import PASSWORD, make_network, make_user
from tests.graphql_client import GraphQLClient
from tests.multi_instance import server_process

pytestmark = pytest.mark.postgres_redis

DATABASE = "elan_deploy_restore"
POST = 'mutation { createPost(input: {kind: WIN, body: "Sauvegardé la veille, restauré le lendemain"}) { __typename } }'
LOGIN = "mutation($email: String!, $password: String!) { login(input: {email: $email, password: $password}) { __typename ... on AuthSuccess { token } } }"
FEED = "{ feed(first: 1) { edges { node { body author { displayName } } } } }"


async def test_a_dump_restored_into_a_fresh_database_is_served_as_it_was(live_server, tmp_path):
    # given a seller's post in the production database
    network = await make_network()
    seller = await make_user(network.points_of_sale["Lille"], name="Julie Moreau")
    async with httpx.AsyncClient(base_url=live_server.url) as http:
        token = (await http.post("/graphql", json={"query": LOGIN, "variables": {"email": seller.email, "password": PASSWORD}})).json()
    async with GraphQLClient(live_server.url, token=token["data"]["login"]["token"]) as client:
        assert (await client.execute(POST))["createPost"]["__typename"] == "CreatePostSuccess"
    # when last night's dump is restored into a fresh database
    dump = tmp_path / "elan.dump"
    assert PG_URL is not None
    subprocess.run(["pg_dump", "-Fc", "-f", str(dump), PG_URL.replace("postgres://", "postgresql://", 1)], check=True)
    restored = await fresh_database(DATABASE)
    try:
        subprocess.run(["pg_restore", "--no-owner", "-d", restored.replace("postgres://", "postgresql://", 1), str(dump)],
                       check=True, capture_output=True)
        # then an app on it is ready, and she signs in and finds her post
        on_restored = live_server.__class__(**{**live_server.__dict__, "database_url": restored, "redis_url": None})
        async with server_process(on_restored) as url:
            async with httpx.AsyncClient(base_url=url) as http:
                again = (await http.post("/graphql", json={"query": LOGIN, "variables": {"email": seller.email, "password": PASSWORD}})).json()
            async with GraphQLClient(url, token=again["data"]["login"]["token"]) as client:
                feed = (await client.execute(FEED))["feed"]["edges"]
        assert feed[0]["node"] == {"body": "Sauvegardé la veille, restauré le lendemain", "author": {"displayName": "Julie Moreau"}}
    finally:
        await drop_database(DATABASE)
