"""Health, limits and hardening of the HTTP surface."""

from __future__ import annotations

import httpx

from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient


async def test_readyz_reports_database_migrations_and_bus_and_healthz_only_liveness(live_server):
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        ready = await client.get("/readyz")
        alive = await client.get("/healthz")
    assert ready.status_code == 200
    body = ready.json()
    assert body["status"] == "ready"
    assert body["database"] == "ok" and body["bus"] == "ok" and body["migrations"] == "ok"
    assert body["busKind"] == ("redis" if live_server.redis_url else "memory")
    assert alive.status_code == 200 and alive.json() == {"status": "ok"}


async def test_aliased_and_oversized_queries_are_refused(live_server):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    aliases = "{ " + " ".join(f"a{n}: me {{ email }}" for n in range(40)) + " }"
    nested = "{ feed(first: 1) { edges { node { author { unit { name } } } } } }"
    async with GraphQLClient(live_server.url, token=token) as client:
        assert (await client.raw(nested)).status_code == 200
        errors = await client.errors(aliases)
        assert errors and "aliases" in errors[0]["message"].lower()
        huge = "{ " + " ".join("me { email }" for _ in range(2000)) + " }"
        token_errors = await client.errors(huge)
        assert token_errors and "token" in token_errors[0]["message"].lower()


async def test_an_unexpected_error_is_returned_without_internals(live_server):
    async with GraphQLClient(live_server.url) as client:
        response = await client.http.post("/graphql", content=b"{not json", headers={"content-type": "application/json"})
        assert response.status_code == 400
        assert "not valid JSON" in response.json()["errors"][0]["message"]
        form = await client.http.post("/graphql", data={"query": "{ me { email } }"})
        assert form.status_code == 415


async def test_the_pwa_routes_fall_back_to_the_app_shell(live_server):
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        page = await client.get("/feed/123")
        missing = await client.get("/assets/nope.js")
    assert missing.status_code == 404
    if page.status_code == 200:
        assert "<html" in page.text.lower()
        assert "Content-Security-Policy" in page.headers
    else:
        assert page.status_code == 503 and "npm run build" in page.text


async def test_readyz_is_503_when_the_bus_is_down_while_the_instance_stays_alive(live_server):
    # given a second server process whose Redis is unreachable
    from tests.multi_instance import server_process

    broken = live_server.__class__(**{**live_server.__dict__, "redis_url": "redis://127.0.0.1:1/0"})
    async with server_process(broken, expect_healthy=False) as url:
        async with httpx.AsyncClient(base_url=url) as client:
            response = await client.get("/readyz")
            alive = await client.get("/healthz")
    # then it says it is not ready, and which part is down; it is alive all the same
    assert response.status_code == 503
    assert response.json()["bus"] == "down" and response.json()["database"] == "ok"
    assert alive.status_code == 200


async def test_readyz_is_503_while_a_shipped_migration_is_not_applied(live_server, tmp_path):
    # given a database migrated by the previous release: the last migration not applied yet
    import os
    import sqlite3
    import subprocess
    import sys

    from server.db import committed_migrations
    from tests.conftest import ROOT
    from tests.multi_instance import server_process

    database = tmp_path / "old.sqlite3"
    subprocess.run(
        [sys.executable, "-m", "server", "migrate"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": f"sqlite://{database}"},
        check=True,
        capture_output=True,
    )
    latest = max(committed_migrations())
    with sqlite3.connect(database) as connection:
        connection.execute("DELETE FROM tortoise_migrations WHERE name = ?", (latest,))
    old = live_server.__class__(**{**live_server.__dict__, "database_url": f"sqlite://{database}", "redis_url": None})
    # when an instance of this release starts on it (the migrate job has not run)
    async with server_process(old, expect_healthy=False) as url:
        async with httpx.AsyncClient(base_url=url) as client:
            response = await client.get("/readyz")
    # then it takes no traffic and names what is missing
    assert response.status_code == 503
    assert response.json()["migrations"] == "pending"
    assert response.json()["pendingMigrations"] == [latest]
