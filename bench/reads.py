"""The PWA's other reads through the real server against a hand-written floor, in one run:
the challenges list, a challenge with `myStanding`, a leaderboard page, the notifications
page and `myDashboard`.

A network of 20 points of sale and 400 sellers, 8 live challenges (6 over the whole
network, 400 participants each; 2 over a region), monthly targets, about 600 results
recorded through `record_result` (so the rank alerts and the dashboards' handlers ran), and
80 notifications for each of the 20 people the clients sign in as. The same data is seeded
on PostgreSQL and on a SQLite file (the `make run` default) through the same services.

Each read is the PWA's own document (pwa/src/graphql, as tests/pwa_documents.py reads them):
`Challenges`, `Challenge` (where `myStanding` and the rows around the viewer are shown),
`Notifications` (first page of 20) over HTTP, and the two the PWA subscribes to over
graphql-transport-ws, `LeaderboardEvents` (a leaderboard page: its snapshot, the top 50)
and `MyDashboardLive` (its snapshot): for those a client subscribes, reads the first `next`,
completes and subscribes again on the same socket. 20 concurrent keep-alive clients.

The floor, per read, is a plain Starlette endpoint (HTTP or WebSocket speaking the same
protocol) that reads the rows the answer is made of with hand-written SQL (the session, then
as few statements as the answer needs: ranks by COUNT, names joined), and writes the JSON by
hand. Floor and server are up at once and measured in turns (ROUNDS × SECONDS each).

`python -m bench.reads` (BENCH_DATABASE_URL, default the reads engineer's database: its public
schema is DROPPED; BENCH_SECONDS per measurement, default 2; BENCH_READS=Challenges,… to pick
reads; BENCH_READS_DATABASES=postgres,sqlite).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from bench.database import empty_postgres
from bench.feed import FloorDatabase, request, serving
from bench.timing import throughput

URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/elan_reads")
SECONDS = float(os.environ.get("BENCH_SECONDS", "2"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CLIENTS = 20
REGIONS, SHOPS, SELLERS = 4, 5, 20  # 4 regions × 5 points of sale × 20 sellers = 400 people
NOTIFICATIONS = 80
PROTOCOL = "graphql-transport-ws"


def documents() -> dict[str, str]:
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from tests.pwa_documents import pwa_documents

    return {**{d.name: d.query for d in pwa_documents()}, "Ping": "query Ping { __typename }"}


# ------------------------------------------------------------------------- seeding


async def seed(url: str) -> dict[str, Any]:
    """The network through the domain's own services; returns the clients' tokens and the
    challenge the Challenge and leaderboard reads open."""
    from server import bus
    from server.accounts.models import Role, User
    from server.accounts.sessions import open_session
    from server.app import import_handlers
    from server.challenges.lifecycle import ChallengeDraft, create_challenge
    from server.challenges.models import Metric, ParticipantKind
    from server.challenges.ranking import close_rank_index
    from server.challenges.results import ResultInput, record_result
    from server.challenges.targets import TargetInput, set_targets
    from server.db import close_db, init_db, migrate_db
    from server.deferred.services import run_all_due
    from server.network.models import UnitKind
    from server.network.scope import scope_of_user
    from server.network.services import create_organization, create_unit
    from server.notifications.models import NotificationKind
    from server.notifications.services import notify
    from server.settings import reset_settings

    os.environ.update({"DATABASE_URL": url, "ELAN_DATA_DIR": tempfile.mkdtemp(prefix="elan-bench-reads-")})
    os.environ.pop("REDIS_URL", None)
    reset_settings()
    await empty_postgres(url)
    await migrate_db(url)
    await init_db(url)
    event_bus = bus.make_bus(None, f"elan-bench-{uuid.uuid4().hex[:6]}")
    await event_bus.start()
    bus.set_bus(event_bus)
    import_handlers()
    rng = random.Random(16)
    now = datetime.now(UTC)
    try:
        organization, root = await create_organization("Réseau bench", "reseau-bench")
        head = await User.create(organization_id=organization.id, unit_id=root.id, email="siege@bench.example",
                                 display_name="Claire Siège", role=Role.MANAGER, password_hash="x")
        regions, shops = [], []
        for r in range(REGIONS):
            region = await create_unit(root, UnitKind.REGION, f"Région {r + 1}")
            regions.append(region)
            for s in range(SHOPS):
                shops.append(await create_unit(region, UnitKind.POINT_OF_SALE, f"Site {r + 1}-{s + 1}", f"Ville {r}{s}"))
        await User.bulk_create([
            User(organization_id=organization.id, unit_id=shop.id, email=f"v{n}-{i}@bench.example",
                 display_name=f"Vendeur {n}-{i} Bench", role=Role.MEMBER, password_hash="x")
            for n, shop in enumerate(shops) for i in range(SELLERS)
        ])
        sellers = list(await User.filter(organization_id=organization.id, role=Role.MEMBER).order_by("id"))
        metrics = [await Metric.create(organization_id=organization.id, name=name, unit_label=label)
                   for name, label in (("Véhicules neufs vendus", "véh."), ("Contrats de financement", "contrats"))]
        actor = await scope_of_user(head)
        start = now - timedelta(days=3)
        await set_targets(actor, [TargetInput(m.id, ParticipantKind.USER, s.id, start, start + timedelta(days=30), 10)
                                  for m in metrics for s in sellers])
        challenges = []
        for index in range(8):
            scope_unit = root if index < 6 else regions[index - 6]
            chosen = [(metrics[0].id, 1.0)] if index % 3 != 2 else [(metrics[0].id, 1.0), (metrics[1].id, 0.5)]
            if index % 3 == 1:
                chosen = [(metrics[1].id, 1.0)]
            challenges.append(await create_challenge(actor, ChallengeDraft(
                name=f"Challenge {index + 1}", starts_at=now - timedelta(days=2 + index),
                ends_at=now + timedelta(days=20), metrics=chosen, scope_unit_id=scope_unit.id,
            )))
        for n, seller in enumerate(sellers):
            for metric in metrics[: 1 + n % 2]:
                await record_result(actor, ResultInput(metric.id, ParticipantKind.USER, seller.id,
                                                      float(rng.randint(1, 12)), now - timedelta(hours=rng.randint(1, 40)),
                                                      f"bench-{metric.id}-{seller.id}", None))
            if n % 50 == 49:
                await run_all_due()
        await run_all_due()
        clients = [sellers[n * SELLERS + 3] for n in range(len(shops))][:CLIENTS]
        for viewer in clients:
            for n in range(NOTIFICATIONS):
                other = sellers[rng.randrange(len(sellers))]
                kind = [NotificationKind.POST_COMMENTED, NotificationKind.POST_LIKED, NotificationKind.MENTIONED][n % 3]
                await notify(viewer.id, kind, params={"name": other.display_name}, actor=other,
                             link=f"/posts/{n}", push=False)
        tokens = [await open_session(viewer) for viewer in clients]
        from tortoise import connections

        await connections.get("default").execute_script("ANALYZE")
        return {"tokens": tokens, "challenge": challenges[0].id}
    finally:
        await close_rank_index()
        await event_bus.close()
        await close_db()


# ---------------------------------------------------------------------- the floor

SESSION = """
SELECT u.id, u.organization_id, u.role, u.unit_id, un.path, un.name AS unit_name, un.kind AS unit_kind
  FROM session s JOIN "user" u ON u.id = s.user_id JOIN unit un ON un.id = u.unit_id
 WHERE s.token_hash = {token} AND s.revoked_at IS NULL AND s.expires_at > {now} AND u.deactivated_at IS NULL"""

SUMMARY = "c.id, c.name, c.status, c.format, c.starts_at, c.ends_at, c.duel_state, c.prizes, c.scoring_mode, c.rules, c.version"
# the viewer's rank, ties and board size, by COUNT over the participants of its league
MINE = """
       me.id AS my_id, me.score AS my_score, me.league AS my_league, me.final_rank AS my_final,
       (SELECT count(*) FROM challenge_participant p WHERE p.challenge_id = c.id) AS participants,
       (SELECT count(*) FROM challenge_participant p WHERE p.challenge_id = c.id AND p.league = me.league
           AND p.score > me.score) + 1 AS my_rank,
       (SELECT count(*) FROM challenge_participant p WHERE p.challenge_id = c.id AND p.league = me.league
           AND p.score = me.score AND p.id <> me.id) AS my_tied"""
CHALLENGES = f"""
SELECT {SUMMARY}, {MINE}
  FROM challenge c LEFT JOIN challenge_participant me ON me.challenge_id = c.id AND me.user_id = {{viewer}}
 WHERE c.organization_id = {{org}} AND c.scope_unit_id IN ({{ancestors}}) AND c.status <> 'DRAFT' AND c.format <> 'DUEL'
 ORDER BY c.starts_at DESC, c.id DESC LIMIT 200"""
LEADERS = """
SELECT p.challenge_id, p.display_name, p.user_id, p.hidden, u.avatar_url
  FROM (SELECT q.challenge_id, max(q.score) AS top FROM challenge_participant q WHERE q.challenge_id IN ({ids})
         GROUP BY q.challenge_id) t
  JOIN challenge_participant p ON p.challenge_id = t.challenge_id AND p.score = t.top
  LEFT JOIN "user" u ON u.id = p.user_id
 WHERE p.score > 0
 ORDER BY p.challenge_id, p.tie DESC, p.id DESC"""
PENDING_DUELS = f"""
SELECT {SUMMARY}, (SELECT count(*) FROM challenge_participant q WHERE q.challenge_id = c.id) AS participants
  FROM challenge c JOIN challenge_participant p ON p.challenge_id = c.id AND p.user_id = {{viewer}}
 WHERE c.format = 'DUEL' AND c.duel_state = 'PENDING'"""
METRICS = "SELECT id, name, unit_label FROM metric WHERE organization_id = {org} ORDER BY id"
OPPONENTS = """SELECT id, display_name FROM "user" WHERE unit_id = {unit} AND id <> {viewer}
   AND deactivated_at IS NULL ORDER BY display_name, id"""
CHALLENGE = f"""
SELECT {SUMMARY}, c.description, c.visibility, c.top_n, c.closed_at, c.scope_unit_id, {MINE},
       me.tie AS my_tie, me.parts AS my_parts,
       (SELECT min(p.score) FROM challenge_participant p WHERE p.challenge_id = c.id AND p.league = me.league
           AND p.score > me.score) AS above,
       (SELECT count(*) FROM challenge_participant p WHERE p.challenge_id = c.id AND p.league = me.league) AS board_size
  FROM challenge c LEFT JOIN challenge_participant me ON me.challenge_id = c.id AND me.user_id = {{viewer}}
 WHERE c.id = {{id}} AND c.organization_id = {{org}}"""
ROW = """p.id, p.score, p.tie, p.display_name, p.unit_name, p.thresholds_reached, p.hidden, p.user_id, u.avatar_url,
       (SELECT count(*) FROM challenge_participant q WHERE q.challenge_id = p.challenge_id AND q.league = p.league
           AND q.score > p.score) + 1 AS rank,
       (SELECT count(*) FROM challenge_participant q WHERE q.challenge_id = p.challenge_id AND q.league = p.league
           AND q.score = p.score AND q.id <> p.id) AS tied"""
AROUND = f"""
SELECT * FROM (SELECT {ROW} FROM challenge_participant p LEFT JOIN "user" u ON u.id = p.user_id
                WHERE p.challenge_id = {{id}} AND p.league = {{league}}
                  AND (p.score > {{score}} OR (p.score = {{score}} AND (p.tie > {{tie}} OR (p.tie = {{tie}} AND p.id > {{me}}))))
                ORDER BY p.score, p.tie, p.id LIMIT 2) a
UNION ALL
SELECT * FROM (SELECT {ROW} FROM challenge_participant p LEFT JOIN "user" u ON u.id = p.user_id
                WHERE p.challenge_id = {{id}} AND p.league = {{league}}
                  AND (p.score < {{score}} OR (p.score = {{score}} AND (p.tie < {{tie}} OR (p.tie = {{tie}} AND p.id <= {{me}}))))
                ORDER BY p.score DESC, p.tie DESC, p.id DESC LIMIT 3) b"""
CHALLENGE_METRICS = "SELECT id, name, unit_label FROM metric WHERE id IN ({ids})"
TOP = """
SELECT p.id, p.score, p.display_name, p.unit_name, p.thresholds_reached, p.hidden, u.avatar_url, c.version
  FROM challenge c JOIN challenge_participant p ON p.challenge_id = c.id LEFT JOIN "user" u ON u.id = p.user_id
 WHERE c.id = {id} AND c.organization_id = {org} AND p.league = ''
 ORDER BY p.score DESC, p.tie DESC, p.id DESC LIMIT 51"""
NOTIFICATION_PAGE = """
SELECT n.id, n.kind, n.params, n.actor_names, n.link, n.count, n.read_at, n.updated_at,
       (SELECT count(*) FROM notification r WHERE r.user_id = {viewer} AND r.read_at IS NULL) AS unread
  FROM notification n WHERE n.user_id = {viewer} ORDER BY n.updated_at DESC, n.id DESC LIMIT {limit}"""
NAMES = 'SELECT id, display_name FROM "user" WHERE id IN ({ids})'
# my dashboard: the rows it is made of (training, quizzes, skills, satisfaction, badges, results, standings)
DASHBOARD_TRAINING = """
SELECT (SELECT count(*) FROM training_assignment a JOIN unit au ON au.id = a.unit_id
           WHERE {path} LIKE au.path || '%' AND (a.role IS NULL OR a.role = {role})) AS assigned,
       (SELECT count(*) FROM training_progress t WHERE t.user_id = {viewer} AND t.completed_at IS NOT NULL) AS completed,
       (SELECT count(*) FROM training_progress t WHERE t.user_id = {viewer} AND t.completed_at IS NULL) AS started,
       (SELECT avg(q.score_percent) FROM quiz_attempt q WHERE q.user_id = {viewer}) AS quiz_average,
       (SELECT count(DISTINCT q.quiz_id) FROM quiz_attempt q WHERE q.user_id = {viewer}) AS quizzes,
       (SELECT s.value FROM satisfaction_survey s WHERE s.unit_id = {unit} ORDER BY s.period_end DESC LIMIT 1) AS satisfaction,
       (SELECT t.index_target FROM satisfaction_target t WHERE t.organization_id = {org}
           AND (t.unit_id = {unit} OR t.unit_id IS NULL) ORDER BY t.unit_id LIMIT 1) AS satisfaction_target"""
DASHBOARD_BADGES = """
SELECT b.id, b.name, b.emoji, b.kind, a.level FROM badge_award a JOIN badge b ON b.id = a.badge_id
 WHERE a.user_id = {viewer} AND a.revoked_at IS NULL ORDER BY a.awarded_at DESC"""
DASHBOARD_RESULTS = """
SELECT m.id, m.name, m.unit_label, t.value AS target,
       (SELECT sum(r.value) FROM result r WHERE r.metric_id = m.id AND r.user_id = {viewer}
           AND r.occurred_at >= t.period_start AND r.occurred_at < t.period_end) AS total
  FROM target t JOIN metric m ON m.id = t.metric_id
 WHERE t.user_id = {viewer} AND t.period_start <= {now} AND t.period_end > {now} ORDER BY m.name"""
DASHBOARD_STANDINGS = f"""
SELECT {SUMMARY}, {MINE}
  FROM challenge c JOIN challenge_participant me ON me.challenge_id = c.id AND me.user_id = {{viewer}}
 WHERE c.status = 'LIVE' ORDER BY c.starts_at DESC, c.id"""


def floor_app() -> Any:
    """Starlette and the database driver, no GraphQL: the least a server can do for the same
    reads (HTTP for the queries, graphql-transport-ws for the subscriptions' snapshots)."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route, WebSocketRoute
    from starlette.websockets import WebSocket, WebSocketDisconnect

    from server.heap import settle

    database = FloorDatabase(os.environ["BENCH_FLOOR_URL"])

    def when(value: Any) -> str | None:
        if value is None:
            return None
        return (datetime.fromisoformat(value) if isinstance(value, str) else value).isoformat()

    def loaded(value: Any) -> Any:
        return json.loads(value) if isinstance(value, str) else value

    async def session(token: str) -> Any:
        digest = hashlib.sha256(token.encode()).hexdigest()
        return (await database.fetch(SESSION, {"token": digest, "now": datetime.now(UTC)}))[0]

    def ancestors(path: str) -> list[int]:
        return [int(p) for p in path.strip("/").split("/") if p]

    def summary(r: Any, participants: int) -> dict[str, Any]:
        return {"id": str(r["id"]), "name": r["name"], "status": r["status"], "format": r["format"],
                "startsAt": when(r["starts_at"]), "endsAt": when(r["ends_at"]), "participantCount": participants,
                "duelState": r["duel_state"]}

    def extra(r: Any) -> dict[str, Any]:
        rules = loaded(r["rules"]) or {}
        return {"prizes": r["prizes"], "scoringMode": r["scoring_mode"], "raceTarget": rules.get("race_target")}

    async def challenges(viewer: Any, variables: dict[str, Any]) -> dict[str, Any]:
        rows = await database.fetch(CHALLENGES, {"viewer": viewer["id"], "org": viewer["organization_id"],
                                                 "ancestors": ancestors(viewer["path"])})
        leaders: dict[int, list[Any]] = {}
        for r in await database.fetch(LEADERS, {"ids": [r["id"] for r in rows] or [0]}):
            leaders.setdefault(r["challenge_id"], []).append(r)
        listed = []
        for r in rows:
            top = leaders.get(r["id"], [])
            first = top[0] if top and not top[0]["hidden"] else None
            rules = loaded(r["rules"]) or {}
            listed.append({**summary(r, r["participants"]), **extra(r),
                           "thresholds": [{"score": float(t["score"])} for t in rules.get("thresholds", [])],
                           "card": {"myRank": r["my_rank"] if r["my_id"] else None, "myTied": bool(r["my_tied"]),
                                    "myScore": r["my_score"], "leaderName": first["display_name"] if first else None,
                                    "leaderUserId": str(first["user_id"]) if first else None,
                                    "leaderPhotoUrl": first["avatar_url"] if first else None,
                                    "leaderCount": len(top)}})
        duels = [summary(r, r["participants"]) for r in await database.fetch(PENDING_DUELS, {"viewer": viewer["id"]})]
        metrics = [{"id": str(m["id"]), "name": m["name"], "unitLabel": m["unit_label"]}
                   for m in await database.fetch(METRICS, {"org": viewer["organization_id"]})]
        opponents = [{"id": str(p["id"]), "displayName": p["display_name"]}
                     for p in await database.fetch(OPPONENTS, {"unit": viewer["unit_id"], "viewer": viewer["id"]})]
        return {"challenges": listed, "pendingDuels": duels, "metrics": metrics, "duelOpponents": opponents}

    def row(r: Any, viewer_id: int) -> dict[str, Any]:
        named = None if r["hidden"] else r["display_name"]
        return {"participantId": str(r["id"]), "rank": r["rank"], "tied": r["tied"] > 0,
                "photoUrl": r["avatar_url"] if named else None, "displayName": named, "unitName": r["unit_name"],
                "score": float(r["score"]), "thresholdsReached": r["thresholds_reached"],
                "isMe": r["user_id"] == viewer_id}

    async def challenge(viewer: Any, variables: dict[str, Any]) -> dict[str, Any]:
        found = await database.fetch(CHALLENGE, {"viewer": viewer["id"], "org": viewer["organization_id"],
                                                 "id": int(variables["id"])})
        if not found:
            return {"challenge": None}
        r = found[0]
        rules = loaded(r["rules"]) or {}
        chosen = rules.get("metrics", [])
        names = {m["id"]: m for m in await database.fetch(CHALLENGE_METRICS, {"ids": [int(m["metric_id"]) for m in chosen] or [0]})}
        standing, around = None, []
        if r["my_id"] is not None:
            parts = loaded(r["my_parts"]) or {}
            breakdown = []
            for metric_id, part in (parts.get("metrics") or {}).items():
                weight = next((float(m["weight"]) for m in chosen if str(m["metric_id"]) == metric_id), 1.0)
                percent = 100 * part["total"] / part["target"] if part.get("target") else None
                breakdown.append({"kind": "METRIC", "label": names[int(metric_id)]["name"], "value": float(part["total"]),
                                  "target": part.get("target"), "baseline": part.get("baseline"), "weight": weight,
                                  "percent": percent, "points": (percent or 0) * weight})
            above = r["above"]
            standing = {"participantId": str(r["my_id"]), "rank": r["my_rank"], "tiedWith": r["my_tied"],
                        "participantCount": r["board_size"], "league": r["my_league"], "score": float(r["my_score"]),
                        "gapToNextRank": round(above - r["my_score"], 4) if above is not None else None,
                        "nextThreshold": None, "gapToNextThreshold": None, "finalRank": r["my_final"],
                        "breakdown": breakdown}
            window = await database.fetch(AROUND, {"id": r["id"], "league": r["my_league"], "score": r["my_score"],
                                                   "tie": r["my_tie"], "me": r["my_id"]})
            around = [row(w, viewer["id"]) for w in sorted(window, key=lambda w: (-w["score"], -w["tie"], -w["id"]))]
        return {"challenge": {
            **summary(r, r["participants"]), "description": "", **extra(r), "leagues": [""],
            "visibility": r["visibility"], "topN": r["top_n"], "closedAt": when(r["closed_at"]),
            "viewerCanManage": viewer["role"] != "MEMBER",
            "thresholds": [{"score": float(t["score"]), "label": t.get("label", "")} for t in rules.get("thresholds", [])],
            "metrics": [{"weight": float(m["weight"]), "metric": {"id": str(m["metric_id"]),
                         "name": names[int(m["metric_id"])]["name"], "unitLabel": names[int(m["metric_id"])]["unit_label"]}}
                        for m in chosen],
            "myStanding": standing, "aroundMe": around,
        }}

    TEXTS = {"POST_LIKED": "{} aime votre publication", "POST_COMMENTED": "{} a commenté votre publication",
             "MENTIONED": "{} vous a mentionné"}

    async def notifications(viewer: Any, variables: dict[str, Any]) -> dict[str, Any]:
        first = int(variables.get("first", 20))
        rows = await database.fetch(NOTIFICATION_PAGE, {"viewer": viewer["id"], "limit": first + 1})
        shown = rows[:first]
        params = [loaded(r["params"]) or {} for r in shown]
        ids = sorted({int(i) for p in params for i in p.get("actorIds", [])})
        names = {n["id"]: n["display_name"] for n in await database.fetch(NAMES, {"ids": ids or [0]})} if ids else {}
        edges = []
        for r, p in zip(shown, params, strict=True):
            people = [{"id": str(i), "name": names.get(int(i))} for i in p.get("actorIds", [])]
            actor = people[0]["name"] if people else "Quelqu'un"
            edges.append({"node": {
                "id": str(r["id"]), "kind": r["kind"], "text": TEXTS.get(r["kind"], "{}").format(actor), "params": p,
                "actorNames": [p["name"] for p in people] or loaded(r["actor_names"]) or [], "refs": {"people": people, "badges": [], "challenges": []},
                "link": r["link"], "count": r["count"], "read": r["read_at"] is not None, "updatedAt": when(r["updated_at"]),
            }})
        cursor = None
        if shown:
            import base64

            last = shown[-1]["updated_at"]
            at = datetime.fromisoformat(last) if isinstance(last, str) else last
            micros = round((at - datetime(1970, 1, 1, tzinfo=UTC)).total_seconds() * 1_000_000)
            cursor = base64.urlsafe_b64encode(f"notification:{micros}.{shown[-1]['id']}".encode()).decode().rstrip("=")
        return {"notifications": {"unreadCount": rows[0]["unread"] if rows else 0, "edges": edges,
                                  "pageInfo": {"hasNextPage": len(rows) > first, "endCursor": cursor}}}

    async def leaderboard(viewer: Any, variables: dict[str, Any]) -> dict[str, Any]:
        rows = await database.fetch(TOP, {"id": int(variables["challengeId"]), "org": viewer["organization_id"]})
        shown, live = rows[:50], []
        for index, r in enumerate(shown):
            rank = live[-1]["rank"] if live and live[-1]["score"] == float(r["score"]) else index + 1
            tied = (index > 0 and rows[index - 1]["score"] == r["score"]) or (
                index + 1 < len(rows) and rows[index + 1]["score"] == r["score"])
            named = None if r["hidden"] else r["display_name"]
            live.append({"participantId": str(r["id"]), "rank": rank, "previousRank": None, "previousScore": None,
                         "tied": tied, "photoUrl": r["avatar_url"] if named else None, "displayName": named,
                         "unitName": r["unit_name"], "score": float(r["score"]),
                         "thresholdsReached": r["thresholds_reached"]})
        return {"leaderboard": {"type": "SNAPSHOT", "version": rows[0]["version"] if rows else 0, "league": "", "rows": live}}

    async def my_dashboard(viewer: Any, variables: dict[str, Any]) -> dict[str, Any]:
        values = {"viewer": viewer["id"], "unit": viewer["unit_id"], "org": viewer["organization_id"],
                  "now": datetime.now(UTC), "path": viewer["path"], "role": viewer["role"]}
        figures = (await database.fetch(DASHBOARD_TRAINING, values))[0]
        badges = await database.fetch(DASHBOARD_BADGES, values)
        results = await database.fetch(DASHBOARD_RESULTS, values)
        standings = await database.fetch(DASHBOARD_STANDINGS, values)
        assigned = figures["assigned"]
        return {"myDashboard": {"version": 0, "dashboard": {
            "modulesAssigned": assigned, "modulesCompleted": figures["completed"], "modulesInProgress": figures["started"],
            "completionRate": round(100 * figures["completed"] / assigned, 1) if assigned else None,
            "quizAverage": figures["quiz_average"], "quizzesTaken": figures["quizzes"], "skills": [],
            "pointOfSaleName": viewer["unit_name"], "satisfactionIndex": figures["satisfaction"],
            "satisfactionTarget": float(figures["satisfaction_target"] or 80.0),
            "badges": [{"badgeId": str(b["id"]), "name": b["name"], "emoji": b["emoji"], "kind": b["kind"],
                        "level": b["level"]} for b in badges],
            "results": [{"metricId": str(r["id"]), "metricName": r["name"], "unitLabel": r["unit_label"],
                         "total": float(r["total"] or 0), "target": r["target"],
                         "percent": round(100 * (r["total"] or 0) / r["target"], 1) if r["target"] else None}
                        for r in results],
            "standings": [{"challengeId": str(s["id"]), "name": s["name"], "rank": s["my_rank"],
                           "participantCount": s["participants"], "score": float(s["my_score"]),
                           "scoringMode": s["scoring_mode"], "tied": s["my_tied"] > 0} for s in standings],
        }}}

    async def ping(viewer: Any, variables: dict[str, Any]) -> dict[str, Any]:
        return {"__typename": "Query"}

    answers = {"Ping": ping, "Challenges": challenges, "Challenge": challenge, "Notifications": notifications,
               "LeaderboardEvents": leaderboard, "MyDashboardLive": my_dashboard}

    def dumps(data: Any) -> str:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    async def http(request: Request) -> Response:
        body = json.loads(await request.body())
        viewer = await session(request.headers["authorization"][7:])
        data = await answers[body["operationName"]](viewer, body.get("variables") or {})
        return Response(dumps({"data": data}), media_type="application/json")

    async def socket(websocket: WebSocket) -> None:
        await websocket.accept(subprotocol=PROTOCOL)
        viewer = None
        try:
            while True:
                message = json.loads(await websocket.receive_text())
                if message["type"] == "connection_init":
                    viewer = await session(message["payload"]["token"])
                    await websocket.send_text('{"type":"connection_ack"}')
                elif message["type"] == "subscribe":
                    payload = message["payload"]
                    data = await answers[payload["operationName"]](viewer, payload.get("variables") or {})
                    await websocket.send_text(dumps({"type": "next", "id": message["id"], "payload": {"data": data}}))
        except WebSocketDisconnect:
            return

    @contextlib.asynccontextmanager
    async def lifespan(app: Any) -> Any:
        await database.open()
        yield
        await database.close()

    settle()  # as the server's process once started (server.heap): both sides alike
    return Starlette(routes=[Route("/graphql", http, methods=["POST"]), WebSocketRoute("/graphql", socket)],
                     lifespan=lifespan)


# --------------------------------------------------------------------- measuring

READS: list[tuple[str, str, dict[str, Any]]] = [  # (label, the PWA's document, variables)
    ("challenges list", "Challenges", {}),
    ("challenge + myStanding", "Challenge", {"id": "CHALLENGE"}),
    ("leaderboard page", "LeaderboardEvents", {"challengeId": "CHALLENGE"}),
    ("notifications page", "Notifications", {"first": 20}),
    ("myDashboard", "MyDashboardLive", {}),
    # not a read of the PWA: what one request costs before any read (the session, the document,
    # the JSON), for the record of what limits the others
    ("{ __typename } (reference)", "Ping", {}),
]
SUBSCRIPTIONS = {"LeaderboardEvents", "MyDashboardLive"}


def _payload(document: str, name: str, variables: dict[str, Any]) -> dict[str, Any]:
    return {"query": document, "variables": variables, "operationName": name}


class Client:
    """One phone: a keep-alive HTTP connection, or a socket past `connection_ack` on which a
    subscription is started, its snapshot read and the subscription completed."""

    def __init__(self, port: int, token: str, name: str, payload: dict[str, Any]) -> None:
        self.port, self.token, self.name = port, token, name
        self.body = json.dumps(payload).encode()
        self.socket: Any = None
        self.count = 0

    async def open(self) -> None:
        if self.name in SUBSCRIPTIONS:
            import websockets

            self.socket = await websockets.connect(f"ws://127.0.0.1:{self.port}/graphql", subprotocols=[PROTOCOL],  # type: ignore[list-item]
                                                   max_size=None)
            await self.socket.send(json.dumps({"type": "connection_init", "payload": {"token": self.token}}))
            assert json.loads(await self.socket.recv())["type"] == "connection_ack"
        else:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)

    async def ask(self) -> Any:
        if self.socket is None:
            return json.loads(await request(self.reader, self.writer, self.body, self.token))
        self.count += 1
        operation = str(self.count)
        await self.socket.send('{"type":"subscribe","id":"' + operation + '","payload":' + self.body.decode() + "}")
        while True:
            message = json.loads(await self.socket.recv())
            if message.get("id") == operation and message["type"] in ("next", "error"):
                break
        await self.socket.send('{"type":"complete","id":"' + operation + '"}')
        return message["payload"]

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()
        else:
            self.writer.close()


async def load(port: int, tokens: list[str], name: str, payload: dict[str, Any]) -> tuple[float, float, float]:
    async def phone(token: str, until: float, samples: list[float] | None) -> None:
        client = Client(port, token, name, payload)
        await client.open()
        try:
            while time.perf_counter() < until:
                start = time.perf_counter()
                await client.ask()
                if samples is not None:
                    samples.append(time.perf_counter() - start)
        finally:
            await client.close()

    return await throughput(tokens, SECONDS, phone)


async def answer(port: int, token: str, name: str, payload: dict[str, Any]) -> Any:
    client = Client(port, token, name, payload)
    await client.open()
    try:
        return await client.ask()
    finally:
        await client.close()


def _differences(a: Any, b: Any, path: str = "") -> list[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        found = []
        for key in sorted(set(a) | set(b)):
            found += _differences(a.get(key), b.get(key), f"{path}.{key}")
        return found
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{path}: {len(a)} items vs {len(b)}"]
        return [d for x, y in zip(a, b, strict=True) for d in _differences(x, y, f"{path}[]")]
    return [] if a == b else [f"{path}: {a!r} vs {b!r}"]


async def measure(database: str, url: str, seeded: dict[str, Any], only: set[str]) -> dict[str, tuple[float, float]]:
    docs = documents()
    tokens = seeded["tokens"]
    ratios: dict[str, tuple[float, float]] = {}
    with serving("bench.reads:floor_app", url) as floor_port, serving("server.app:create_app", url) as graphql_port:
        ports = {"floor": floor_port, "graphql": graphql_port}
        for label, name, variables in READS:
            if only and name not in only:
                continue
            variables = {k: str(seeded["challenge"]) if v == "CHALLENGE" else v for k, v in variables.items()}
            payload = _payload(docs[name], name, variables)
            reference = await answer(floor_port, tokens[1], name, payload)
            served = await answer(graphql_port, tokens[1], name, payload)
            differences = _differences(served, reference)
            if "errors" in served or not served.get("data"):
                raise SystemExit(f"{database} {name}: {served}")
            totals: dict[str, list[float]] = {"floor": [], "graphql": []}
            for _ in range(ROUNDS):
                for server, port in ports.items():
                    rps, p50, p95 = await load(port, tokens, name, payload)
                    totals[server].append(rps)
            figures = {server: statistics.mean(values) for server, values in totals.items()}
            print(f"  {database:<8} {label:<24} floor {figures['floor']:6.0f} req/s  graphql {figures['graphql']:6.0f} req/s"
                  f"  ×{figures['graphql'] / figures['floor']:.2f}  (last p50 {p50:.0f} ms, p95 {p95:.0f} ms; "
                  f"load {os.getloadavg()[0]:.1f})"
                  + (f"\n           the floor's JSON differs: {'; '.join(differences[:4])}" if differences else ""),
                  flush=True)
            ratios[label] = (figures["floor"], figures["graphql"])
    return ratios


async def main() -> None:
    only = {v for v in os.environ.get("BENCH_READS", "").split(",") if v}
    lanes = [lane for lane in os.environ.get("BENCH_READS_DATABASES", "postgres,sqlite").split(",") if lane]
    summary: list[str] = []
    for database in lanes:
        began = time.perf_counter()
        url = URL if database == "postgres" else f"sqlite://{tempfile.gettempdir()}/elan-bench-reads.sqlite3"
        # BENCH_READS_REUSE=1: the data of the last run on this database, not seeded again
        kept = os.path.join(tempfile.gettempdir(), f"elan-bench-reads-{database}.json")
        if os.environ.get("BENCH_READS_REUSE") and os.path.exists(kept):
            with open(kept) as file:
                seeded = json.load(file)
        else:
            if database == "sqlite" and os.path.exists(url.removeprefix("sqlite://")):
                os.remove(url.removeprefix("sqlite://"))
            seeded = await seed(url)
            with open(kept, "w") as file:
                json.dump(seeded, file)
        print(f"{database}: seeded {REGIONS * SHOPS * SELLERS} sellers, 8 live challenges, {NOTIFICATIONS} notifications "
              f"each for {CLIENTS} clients in {time.perf_counter() - began:.0f} s; {SECONDS:.0f} s × {ROUNDS} per "
              f"measurement; load average {os.getloadavg()[0]:.1f}", flush=True)
        for label, (floor, graphql) in (await measure(database, url, seeded, only)).items():
            summary.append(f"{database:<8} {label}: {graphql / floor:.2f}× the floor (budget ≥ 0.50×)")
    print("\n".join(summary) + f"\nload average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    asyncio.run(main())
