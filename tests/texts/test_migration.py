"""0012_texts: rows written in French before kinds were kept read in the reader's language after it."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import ROOT

MIGRATE_TO = """
import asyncio, sys
from tortoise import connections
from tortoise.migrations.api import migrate
from server.db import tortoise_config
async def main():
    await migrate(config=tortoise_config(sys.argv[1]), target=sys.argv[2] if len(sys.argv) > 2 else None)
    await connections.close_all()
asyncio.run(main())
"""


def _migrate(database: Path, target: str | None = None) -> None:
    subprocess.run(
        [sys.executable, "-c", MIGRATE_TO, f"sqlite://{database}", *([target] if target else [])],
        cwd=ROOT, env={**os.environ, "DATABASE_URL": f"sqlite://{database}"}, check=True, capture_output=True, timeout=240,
    )


def _insert(db: sqlite3.Connection, table: str, **values: Any) -> int:
    """A row with the given values; other required columns get a neutral value."""
    for _, name, kind, notnull, default, primary in db.execute(f'PRAGMA table_info("{table}")').fetchall():
        if name in values or primary or not notnull or default is not None:
            continue
        kind = kind.upper()
        values[name] = 0 if "INT" in kind or "BOOL" in kind or "REAL" in kind or "DEC" in kind else (
            "2026-12-01 10:00:00+00:00" if "TIMESTAMP" in kind or "DATE" in kind else ""
        )
    values = {k: json.dumps(v) if isinstance(v, dict | list) else v for k, v in values.items()}
    columns = ", ".join(f'"{k}"' for k in values)
    cursor = db.execute(f'INSERT INTO "{table}" ({columns}) VALUES ({", ".join("?" * len(values))})', list(values.values()))
    return int(cursor.lastrowid or 0)


def test_french_rows_become_kinds_and_ids(tmp_path):
    # given a database of the previous release with rows written in French
    database = tmp_path / "old.sqlite3"
    _migrate(database, "elan.0011_authoring")
    with sqlite3.connect(database) as db:
        org = _insert(db, "organization", name="Auto Sud")
        unit = _insert(db, "unit", organization_id=org, name="Lyon", kind="POINT_OF_SALE", path="/1/")
        julie = _insert(db, "user", organization_id=org, unit_id=unit, email="j@x.fr", display_name="Julie Moreau")
        karim = _insert(db, "user", organization_id=org, unit_id=unit, email="k@x.fr", display_name="Karim Benali")
        liked = _insert(db, "notification", user_id=julie, kind="POST_LIKED", params={"postId": 1},
                        actor_names=["Karim Benali"], count=1, link="/posts/1")
        unknown = _insert(db, "notification", user_id=julie, kind="MENTIONED", params={"postId": 1},
                          actor_names=["Personne Inconnue"], count=1, link="/posts/1")
        challenge = _insert(db, "challenge", organization_id=org, scope_unit_id=unit, name="Printemps", rules={})
        top = _insert(db, "post", organization_id=org, author_id=julie, unit_id=unit, kind="SYSTEM",
                      body="Julie Moreau entre dans le top 3 du challenge « Printemps » (2e) !")
        podium = _insert(db, "post", organization_id=org, author_id=karim, unit_id=unit, kind="SYSTEM",
                         body="Challenge « Printemps » terminé ! Podium : 1er Karim Benali, 2e Un participant, 3e Lyon Est. "
                         "Bravo à tous les participants !")
        odd = _insert(db, "post", organization_id=org, author_id=karim, unit_id=unit, kind="SYSTEM", body="Texte libre")
        badge = _insert(db, "badge", organization_id=org, name="Closer du mois", emoji="🏆", kind="BADGE")
        awarded = _insert(db, "post", organization_id=org, author_id=julie, unit_id=unit, kind="SYSTEM",
                          body="🏆 Julie Moreau reçoit le badge « Closer du mois », décerné par Karim Benali.\nBravo !")
        _insert(db, "badge_award", organization_id=org, badge_id=badge, user_id=julie, awarded_by_id=karim,
                reason="Bravo !", recognition_post_id=awarded, public_id="p1")
    # when this release migrates it
    _migrate(database)
    # then people, badges and challenges are kept by id, the French text only where nothing else could be read
    with sqlite3.connect(database) as db:
        def notification(nid: int) -> tuple[dict[str, Any], list[str]]:
            params, names = db.execute("SELECT params, actor_names FROM notification WHERE id = ?", (nid,)).fetchone()
            return json.loads(params), json.loads(names)

        def post(pid: int) -> tuple[str | None, dict[str, Any] | None, str]:
            kind, params, body = db.execute("SELECT system_kind, system_params, body FROM post WHERE id = ?", (pid,)).fetchone()
            return kind, json.loads(params) if params else None, body

        assert notification(liked) == ({"postId": 1, "actorIds": [karim]}, [])
        assert notification(unknown) == ({"postId": 1}, ["Personne Inconnue"])
        assert post(top) == ("TOP_THREE_ENTERED", {"userId": julie, "challenge": "Printemps", "challengeId": challenge, "rank": 2}, "")
        assert post(podium)[:2] == ("CHALLENGE_PODIUM", {"challenge": "Printemps", "challengeId": challenge, "podium": [
            {"rank": 1, "userId": karim}, {"rank": 2, "hidden": True}, {"rank": 3, "name": "Lyon Est"}]})
        assert post(odd) == (None, None, "Texte libre")
        kind, params, body = post(awarded)
        assert kind == "BADGE_AWARDED" and body == "Bravo !"
        assert params == {"userId": julie, "badgeId": badge, "badge": "Closer du mois", "emoji": "🏆", "level": None,
                          "byId": karim, "reason": "Bravo !"}
