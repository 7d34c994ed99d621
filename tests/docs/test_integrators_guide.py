"""docs/integrators.md cannot go stale: each `sh` example runs (bash, curl) against the real
server and its answer must match the JSON shown after it (a string "<…>" matches anything);
the Python example follows a leaderboard live; the error tables list every code there is."""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
from typing import Any

from server.accounts.models import Role
from server.challenges.tokens import create_token
from server.i18n import MESSAGES
from server.network.scope import scope_of_user
from tests.challenges.given import arena, live_challenge, sell
from tests.conftest import ROOT
from tests.factories import PASSWORD, make_user

GUIDE = ROOT / "docs" / "integrators.md"
FENCE = re.compile(r"```(sh|json|python)\n(.*?)```", re.S)


def matches(expected: Any, actual: Any, where: str = "") -> None:
    if isinstance(expected, str) and expected.startswith("<") and expected.endswith(">"):
        return
    if isinstance(expected, dict):
        assert isinstance(actual, dict) and set(expected) == set(actual), f"{where}: {expected} != {actual}"
        for key in expected:
            matches(expected[key], actual[key], f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(expected) == len(actual), f"{where}: {expected} != {actual}"
        for n, (one, other) in enumerate(zip(expected, actual, strict=True)):
            matches(one, other, f"{where}[{n}]")
    else:
        assert expected == actual, f"{where}: {expected!r} != {actual!r}"


def examples() -> list[tuple[str, str]]:
    return [(kind, body) for kind, body in FENCE.findall(GUIDE.read_text())]


async def test_every_example_of_the_integrators_guide_runs_as_shown(live_server):
    # given a network with a live challenge, an integration token and a service account
    found = await arena(sellers=2, names=["Julie Moreau", "Thomas Petit"])
    challenge = await live_challenge(found)
    admin = await make_user(found.network.root, Role.ADMIN, "Isabelle Marchand")
    _, secret = await create_token(await scope_of_user(admin), "CRM des concessions", None)
    julie = found.sellers[0]
    env = {
        "PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"),
        "ELAN_URL": live_server.url, "ELAN_TOKEN": secret,
        "METRIC_ID": str(found.metric.id), "METRIC_NAME": found.metric.name,
        "PERSON_ID": str(julie.id), "PERSON_EMAIL": julie.email, "UNIT_NAME": "Lille Centre",
        "CHALLENGE_ID": str(challenge.id),
        "SERVICE_EMAIL": found.manager.email, "SERVICE_PASSWORD": PASSWORD,
    }
    blocks = examples()
    ran = 0
    session = None
    # when each shell example runs, then it answers what the guide shows
    for (kind, body), following in zip(blocks, blocks[1:] + [("", "")], strict=True):
        if kind != "sh":
            continue
        assert following[0] == "json", f"an example without its answer: {body[:80]}"
        result = await asyncio.to_thread(
            subprocess.run, ["bash", "-euo", "pipefail", "-c", body], env=env, capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 0, result.stderr
        answer = json.loads(result.stdout)
        matches(json.loads(following[1]), answer, body.split("mutation ")[1].split("(")[0] if "mutation " in body else "")
        if "login" in (answer.get("data") or {}):
            session = answer["data"]["login"]["token"]
        ran += 1
    assert ran >= 7 and session is not None
    # and the Python example follows the board: the snapshot, then the change a result makes
    script = next(body for kind, body in blocks if kind == "python")
    follower = await asyncio.create_subprocess_exec(
        sys.executable, "-c", script, env={**env, "ELAN_SESSION": session}, stdout=asyncio.subprocess.PIPE
    )
    try:
        assert follower.stdout is not None
        first = (await asyncio.wait_for(follower.stdout.readline(), 20)).decode()
        assert first.startswith("SNAPSHOT 0 "), first
        await sell(found, found.sellers[1], 40)
        change = (await asyncio.wait_for(follower.stdout.readline(), 20)).decode()
        assert change.startswith("ROWS "), change
    finally:
        follower.terminate()
        await follower.wait()


def test_the_guide_lists_every_error_code():
    text = GUIDE.read_text().split("## Every error code", 1)[1]
    listed = set(re.findall(r"^\| `([a-z][a-zA-Z0-9_]*)` \|", text, re.M))
    assert listed == set(MESSAGES), (set(MESSAGES) - listed, listed - set(MESSAGES))
    request_codes = set(re.findall(r"^\| `([A-Z][A-Z_]+)` \|", text, re.M))
    source = "\n".join(p.read_text() for p in [*(ROOT / "schema").rglob("*.py"), ROOT / "server" / "origins.py"])
    used = set(re.findall(r'(?:"code": |coded\([^)]*?|_bad_request\([^)]*, )"([A-Z][A-Z_]{3,})"', source))
    used |= {"BAD_REQUEST"}  # _bad_request's default
    used |= set(re.findall(r'QUERY_CODES = \{([^}]*)\}', source)[0].split('"')[3::4])
    assert used - request_codes == set(), used - request_codes
