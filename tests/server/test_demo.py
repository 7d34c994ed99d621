"""`make run` on an empty database: migrated, seeded with the French demo network, alive."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile

import httpx
import pytest

from tests.conftest import ROOT, free_port

LOGIN = """mutation ($email: String!, $password: String!) {
  login(input: {email: $email, password: $password}) { __typename ... on AuthSuccess { token } }
}"""
MANAGER_PEOPLE = """{
  people(filter: {active: false}) { edges { node { displayName deactivatedAt unit { name } } } }
  pendingInvites { edges { node { email status } } }
}"""
SELLER_HOME = """{
  unreadNotificationCount
  challenges(status: LIVE) { name myStanding { rank } leaderboard(first: 5) { edges { node { rank } } } }
  myModules { title status sectionsDone sectionCount }
  feed(first: 5) { edges { node { id } } }
}"""


async def _started(url: str, process: subprocess.Popen[bytes]) -> None:
    async with httpx.AsyncClient() as client:
        for _ in range(900):  # seeding the whole network takes a while on a loaded machine
            assert process.poll() is None, "the server stopped while starting"
            try:
                if (await client.get(f"{url}/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.2)
    raise AssertionError("the demo server did not start")


@pytest.mark.e2e  # `make run` on a fresh machine: the SQLite lane's
async def test_an_empty_database_is_seeded_with_a_live_french_demo_network():
    # given an empty data directory, as on a fresh machine (SQLite, no Redis)
    with tempfile.TemporaryDirectory(prefix="elan-demo-") as data_dir:
        port = free_port()
        env = {**os.environ, "ELAN_DATA_DIR": data_dir, "ELAN_DEMO": "1", "HOST": "127.0.0.1", "PORT": str(port),
               "LOG_LEVEL": "warning"}
        for name in ("DATABASE_URL", "REDIS_URL"):
            env.pop(name, None)
        # when the server starts the way `make run` starts it
        process = subprocess.Popen([sys.executable, "-m", "server", "serve"], cwd=ROOT, env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            await _started(url, process)
            async with httpx.AsyncClient(base_url=url, timeout=30) as client:
                login = await client.post("/graphql", json={"query": LOGIN, "variables": {
                    "email": "seller@elan.example", "password": "elan-demo"}})
                token = login.json()["data"]["login"]["token"]
                home = (await client.post("/graphql", json={"query": SELLER_HOME},
                                          headers={"Authorization": f"Bearer {token}"})).json()
                marc = (await client.post("/graphql", json={"query": LOGIN, "variables": {
                    "email": "manager@elan.example", "password": "elan-demo"}})).json()["data"]["login"]["token"]
                people = (await client.post("/graphql", json={"query": MANAGER_PEOPLE},
                                            headers={"Authorization": f"Bearer {marc}"})).json()
                isabelle = (await client.post("/graphql", json={"query": LOGIN, "variables": {
                    "email": "admin@elan.example", "password": "elan-demo"}})).json()["data"]["login"]["token"]
                tree = (await client.post("/graphql", json={"query": "{ networkUnits { name externalCode closedAt } }"},
                                          headers={"Authorization": f"Bearer {isabelle}"})).json()["data"]["networkUnits"]
                # the invitation mails, without SMTP_URL, wait at /dev/mails (printed by the worker)
                for _ in range(100):
                    mails = (await client.get("/dev/mails")).text
                    if mails.count("non envoyé (pas de SMTP_URL)") >= 2:
                        break
                    await asyncio.sleep(0.1)
        finally:
            process.terminate()
            process.wait(timeout=20)
    # then the seller's phone shows a living network
    assert "errors" not in home, home.get("errors")
    data = home["data"]
    assert data["unreadNotificationCount"] > 0
    live = data["challenges"]
    assert live and all(c["leaderboard"]["edges"] for c in live)
    assert any(c["myStanding"] and c["myStanding"]["rank"] >= 1 for c in live)
    assert any(m["status"] == "IN_PROGRESS" and 0 < m["sectionsDone"] < m["sectionCount"] for m in data["myModules"])
    assert len(data["feed"]["edges"]) == 5
    # and the manager's people screen shows a seller who left and invitations, one to send again
    assert "errors" not in people, people.get("errors")
    [gone] = [e["node"] for e in people["data"]["people"]["edges"]]
    assert gone["deactivatedAt"] is not None
    invites = {e["node"]["email"]: e["node"]["status"] for e in people["data"]["pendingInvites"]["edges"]}
    assert invites == {"zoe.carpentier@elan.example": "PENDING", "bastien.lemoine@elan.example": "EXPIRED"}
    # and head office's tree has its ERP codes and a closed point of sale, kept for its history
    closed = [u for u in tree if u["closedAt"]]
    assert [(u["name"], u["externalCode"]) for u in closed] == [("Garonne Distribution Agen", "PDV-AGEN")]
    assert {u["externalCode"] for u in tree if u["name"] == "Élan Paris 15e"} == {"PDV-PARIS"}
    # and both invitation mails are at /dev/mails, with their links
    assert "Isabelle Marchand vous invite sur Élan (Réseau Élan Démo)" in mails
    assert "Marc Delaunay vous invite sur Élan (Réseau Élan Démo)" in mails
    assert mails.count(f"{url}/invitation#") >= 4  # each link, as text and as its anchor
