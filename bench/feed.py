"""`feed(first: 20)` through /graphql against a hand-written floor, in one run.

PostgreSQL with 100,000 posts, 60 people, likes, comments, tags, photos and a pinned
recommendation. Three servers are measured one after the other, each a single uvicorn
process, with 20 concurrent keep-alive clients for a few seconds:

  floor      a plain Starlette endpoint: the session, the page and the pinned posts with
             hand-written SQL, the JSON built by hand (the same JSON the PWA receives);
  graphql    Élan's /graphql with the PWA's Feed document (the hot path answers it);
  strawberry the same document with field-by-field execution (for the record).

`python -m bench.feed` (BENCH_DATABASE_URL, default the feed engineer's database;
BENCH_SECONDS per measurement, default 8). The database's schema is dropped and rebuilt.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import os
import random
import secrets
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.database import empty_postgres
from bench.timing import throughput

URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/elan_feed")
SECONDS = float(os.environ.get("BENCH_SECONDS", "2"))
CLIENTS = 20
POSTS = 100_000
PEOPLE = 60
ROOT = Path(__file__).resolve().parent.parent

POST_FIELDS = """
fragment PostFields on Post {
  id kind body systemKind systemParams systemRefs { ...TextRefsFields }
  createdAt editedAt audience figure product context action result tags
  likeCount commentCount likedByMe recommendedBy recommendedUnitCount pinned
  viewerIsAuthor viewerCanModerate
  images { id feedUrl fullUrl feedWidth feedHeight }
  author { id displayName initials photoUrl unit { id name } }
}
fragment TextRefsFields on TextRefs { people { id name } badges { id name } challenges { id name } }"""
FEED = """query Feed($first: Int!, $after: String, $filter: FeedFilter, $order: FeedOrder) {
  feed(first: $first, after: $after, filter: $filter, order: $order) {
    pinned { ...PostFields }
    edges { cursor node { ...PostFields } }
    pageInfo { hasNextPage endCursor }
  }
} """ + POST_FIELDS
# the same page with a root field no plan covers: strawberry executes the whole document
FEED_STRAWBERRY = FEED.replace("pageInfo { hasNextPage endCursor }", "pageInfo { hasNextPage endCursor }\n  } tags: tagSuggestions(prefix: \"zz\") {")
FEED_STRAWBERRY = FEED_STRAWBERRY.replace("tagSuggestions(prefix: \"zz\") {\n  }", "tagSuggestions(prefix: \"zz\")")


# ------------------------------------------------------------------------- seeding


async def seed() -> list[str]:
    """Fresh schema, the network, and one session token per client."""
    import asyncpg

    from server.db import migrate_db

    await empty_postgres(URL)
    await migrate_db(URL)
    conn = await asyncpg.connect(URL.replace("postgres://", "postgresql://", 1))
    rng = random.Random(7)
    now = datetime.now(UTC)
    try:
        org = await conn.fetchval(
            "INSERT INTO organization (name, slug, created_at) VALUES ('Bench', 'bench', $1) RETURNING id", now
        )

        async def unit(parent: int | None, path: str, kind: str, name: str) -> tuple[int, str]:
            uid = await conn.fetchval(
                "INSERT INTO unit (organization_id, parent_id, kind, name, path, created_at) "
                "VALUES ($1, $2, $3, $4, '', $5) RETURNING id",
                org, parent, kind, name, now,
            )
            full = f"{path}{uid}/"
            await conn.execute("UPDATE unit SET path = $1 WHERE id = $2", full, uid)
            return uid, full

        root, root_path = await unit(None, "/", "ORGANIZATION", "Siège")
        regions, shops = [], []
        for r in range(4):
            region = await unit(root, root_path, "REGION", f"Région {r}")
            regions.append(region)
            for s in range(3):
                shops.append((await unit(region[0], region[1], "POINT_OF_SALE", f"Magasin {r}-{s}"), region))
        people: list[tuple[int, int, int]] = []  # id, unit, region
        for n in range(PEOPLE):
            (shop, _), (region, _) = shops[n % len(shops)]
            role = "MANAGER" if n % 15 == 0 else "MEMBER"
            uid = await conn.fetchval(
                'INSERT INTO "user" (organization_id, unit_id, email, display_name, role, password_hash, '
                "time_zone, hidden_from_feed, created_at) VALUES ($1, $2, $3, $4, $5, 'x', 'Europe/Paris', false, $6) RETURNING id",
                org, shop, f"p{n}@bench.example", f"Personne {n} Test", role, now,
            )
            people.append((uid, shop, region))
        start = now - timedelta(days=200)
        rows = []
        for n in range(POSTS):
            author, shop, region = people[rng.randrange(PEOPLE)]
            roll = rng.random()
            audience, audience_unit = ("NETWORK", root) if roll < 0.8 else ("REGION", region) if roll < 0.95 else ("UNIT", shop)
            kind = "BEST_PRACTICE" if n % 7 == 0 else "WIN"
            created = start + timedelta(seconds=n * 170)
            rows.append((
                org, author, shop, kind, f"Réussite numéro {n} : trois contrats signés #financement",
                audience, audience_unit, "3 contrats" if kind == "WIN" else None,
                "Contexte" if kind != "WIN" else None, 0, 0, created, created,
            ))
        await conn.copy_records_to_table(
            "post",
            records=rows,
            columns=["organization_id", "author_id", "unit_id", "kind", "body", "audience",
                     "audience_unit_id", "figure", "context", "like_count", "comment_count",
                     "created_at", "updated_at"],
        )
        post_ids = [r["id"] for r in await conn.fetch("SELECT id FROM post ORDER BY id")]
        likes = {(rng.choice(post_ids[-5000:]) if rng.random() < 0.7 else rng.choice(post_ids), people[rng.randrange(PEOPLE)][0]) for _ in range(120_000)}
        await conn.copy_records_to_table("post_like", records=[(p, u, now) for p, u in likes], columns=["post_id", "user_id", "created_at"])
        comments = [(rng.choice(post_ids[-8000:]), people[rng.randrange(PEOPLE)][0], "Bravo !", now) for _ in range(40_000)]
        await conn.copy_records_to_table("post_comment", records=comments, columns=["post_id", "author_id", "body", "created_at"])
        await conn.execute(
            "UPDATE post p SET like_count = l.n FROM (SELECT post_id, count(*) n FROM post_like GROUP BY post_id) l WHERE l.post_id = p.id"
        )
        await conn.execute(
            "UPDATE post p SET comment_count = c.n FROM (SELECT post_id, count(*) n FROM post_comment GROUP BY post_id) c WHERE c.post_id = p.id"
        )
        await conn.copy_records_to_table(
            "post_tag", records=[(p, t) for p in post_ids[::10] for t in ("financement", "leasing")], columns=["post_id", "tag"]
        )
        media = []
        for post_id in post_ids[-300::3]:
            mid = await conn.fetchval(
                "INSERT INTO media (key, owner_id, organization_id, width, height, feed_width, feed_height, size_bytes, created_at) "
                "VALUES ($1, $2, $3, 1600, 1200, 720, 540, 1000, $4) RETURNING id",
                secrets.token_hex(16), people[0][0], org, now,
            )
            media.append((post_id, mid, 0))
        await conn.copy_records_to_table("post_image", records=media, columns=["post_id", "media_id", "position"])
        practices = [p["id"] for p in await conn.fetch("SELECT id FROM post WHERE kind = 'BEST_PRACTICE' AND audience = 'NETWORK' ORDER BY id DESC LIMIT 2")]
        for post_id in practices:
            for region, _ in regions:
                await conn.execute(
                    "INSERT INTO post_recommendation (post_id, unit_id, recommended_by_id, created_at, ends_at) VALUES ($1, $2, $3, $4, $5)",
                    post_id, region, people[0][0], now, now + timedelta(days=7),
                )
        tokens = []
        for uid, _, _ in people[:CLIENTS]:
            token = secrets.token_urlsafe(32)
            await conn.execute(
                "INSERT INTO session (user_id, token_hash, user_agent, created_at, last_seen_at, expires_at) "
                "VALUES ($1, $2, '', $3, $3, $4)",
                uid, hashlib.sha256(token.encode()).hexdigest(), now, now + timedelta(days=30),
            )
            tokens.append(token)
        await conn.execute("ANALYZE")
        return tokens
    finally:
        await conn.close()


# ---------------------------------------------------------------------- sqlite copy

COPIED = ("organization", "unit", "user", "session", "media", "post", "post_like", "post_comment",
          "post_tag", "post_image", "post_recommendation")


async def copy_to_sqlite(path: str) -> str:
    """The same rows in a SQLite file migrated by the same migrations (the default `make run`
    database), so both lanes read identical data."""
    import asyncpg

    from server.db import migrate_db
    from server.settings import reset_settings

    url = f"sqlite://{path}"
    os.environ["DATABASE_URL"] = url
    reset_settings()
    await migrate_db(url)
    conn = await asyncpg.connect(URL.replace("postgres://", "postgresql://", 1))
    lite = sqlite3.connect(path)
    try:
        for table in COPIED:
            records = await conn.fetch(f'SELECT * FROM "{table}" ORDER BY id')
            if not records:
                continue
            columns = list(records[0].keys())

            def cell(value: Any) -> Any:
                if isinstance(value, datetime):
                    return value.isoformat(" ")
                return value

            lite.executemany(
                f'INSERT INTO "{table}" ({", ".join(chr(34) + c + chr(34) for c in columns)}) '
                f'VALUES ({", ".join("?" for _ in columns)})',
                [tuple(cell(v) for v in r.values()) for r in records],
            )
        lite.commit()
        lite.execute("ANALYZE")
    finally:
        lite.close()
        await conn.close()
    return url


# ---------------------------------------------------------------------- the floor

# the floor's hand-written SQL, per database: the page's posts with author, unit, like,
# photos, tags and recommendations (one statement), the variant's conditions added by hand
FLOOR_COLUMNS = {
    "postgres": """
SELECT p.id, p.kind, p.body, p.created_at, p.edited_at, p.audience, p.figure, p.product,
       p.context, p.action, p.result, p.like_count, p.comment_count, pu.path AS unit_path,
       a.id AS author_id, a.display_name, a.avatar_url, au.id AS author_unit_id, au.name AS author_unit_name,
       COALESCE((SELECT 1 FROM post_like l WHERE l.post_id = p.id AND l.user_id = {viewer} LIMIT 1), 0) AS liked,
       (SELECT json_agg(json_build_object('id', m.id::text, 'key', m.key, 'feedWidth', m.feed_width,
                 'feedHeight', m.feed_height) ORDER BY pi.position)
          FROM post_image pi JOIN media m ON m.id = pi.media_id WHERE pi.post_id = p.id)::text AS images,
       (SELECT json_agg(t.tag ORDER BY t.id) FROM post_tag t WHERE t.post_id = p.id)::text AS tags,
       (SELECT json_agg(x.name ORDER BY x.first_id) FROM (
          SELECT r_u.display_name AS name, min(r.id) AS first_id FROM post_recommendation r
            JOIN "user" r_u ON r_u.id = r.recommended_by_id WHERE r.post_id = p.id AND r.ends_at > {now}
           GROUP BY r_u.display_name) x)::text AS recommended_by,
       (SELECT count(DISTINCT r.unit_id) FROM post_recommendation r WHERE r.post_id = p.id AND r.ends_at > {now})
         AS recommended_units
  FROM post p JOIN "user" a ON a.id = p.author_id JOIN unit pu ON pu.id = p.unit_id
  LEFT JOIN unit aud ON aud.id = p.audience_unit_id LEFT JOIN unit au ON au.id = a.unit_id
 WHERE p.organization_id = {org} AND p.hidden_at IS NULL
   AND (p.audience_unit_id IN ({ancestors}) OR p.audience_unit_id IS NULL OR aud.path LIKE {subtree})""",
    "sqlite": """
SELECT p.id, p.kind, p.body, p.created_at, p.edited_at, p.audience, p.figure, p.product,
       p.context, p.action, p.result, p.like_count, p.comment_count, pu.path AS unit_path,
       a.id AS author_id, a.display_name, a.avatar_url, au.id AS author_unit_id, au.name AS author_unit_name,
       COALESCE((SELECT 1 FROM post_like l WHERE l.post_id = p.id AND l.user_id = {viewer} LIMIT 1), 0) AS liked,
       (SELECT json_group_array(json_object('id', CAST(x.id AS TEXT), 'key', x.key, 'feedWidth', x.feed_width,
                 'feedHeight', x.feed_height))
          FROM (SELECT m.id, m.key, m.feed_width, m.feed_height FROM post_image pi JOIN media m ON m.id = pi.media_id
                 WHERE pi.post_id = p.id ORDER BY pi.position) x) AS images,
       (SELECT json_group_array(x.tag) FROM (SELECT t.tag FROM post_tag t WHERE t.post_id = p.id ORDER BY t.id) x) AS tags,
       (SELECT json_group_array(x.name) FROM (
          SELECT r_u.display_name AS name, min(r.id) AS first_id FROM post_recommendation r
            JOIN "user" r_u ON r_u.id = r.recommended_by_id WHERE r.post_id = p.id AND r.ends_at > {now}
           GROUP BY r_u.display_name ORDER BY first_id) x) AS recommended_by,
       (SELECT count(DISTINCT r.unit_id) FROM post_recommendation r WHERE r.post_id = p.id AND r.ends_at > {now})
         AS recommended_units
  FROM post p JOIN "user" a ON a.id = p.author_id JOIN unit pu ON pu.id = p.unit_id
  LEFT JOIN unit aud ON aud.id = p.audience_unit_id LEFT JOIN unit au ON au.id = a.unit_id
 WHERE p.organization_id = {org} AND p.hidden_at IS NULL
   AND (p.audience_unit_id IN ({ancestors}) OR p.audience_unit_id IS NULL OR aud.path LIKE {subtree})""",
}
SESSION = """
SELECT u.id, u.organization_id, u.role, un.path
  FROM session s JOIN "user" u ON u.id = s.user_id JOIN unit un ON un.id = u.unit_id
 WHERE s.token_hash = {token} AND s.revoked_at IS NULL AND s.expires_at > {now} AND u.deactivated_at IS NULL"""


class FloorDatabase:
    """asyncpg's pool, or one aiosqlite connection (as Tortoise has), behind `fetch(sql, args)`
    with the statement written once with `{name}` slots for the values."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.sqlite = url.startswith("sqlite://")
        self.pool: Any = None
        self.lite: Any = None

    async def open(self) -> None:
        if self.sqlite:
            import aiosqlite

            self.lite = await aiosqlite.connect(self.url.removeprefix("sqlite://"))
            self.lite.row_factory = sqlite3.Row
        else:
            import asyncpg

            self.pool = await asyncpg.create_pool(self.url.replace("postgres://", "postgresql://", 1), min_size=5, max_size=10)

    async def close(self) -> None:
        if self.sqlite:
            await self.lite.close()
        else:
            await self.pool.close()

    def prepare(self, template: str, values: dict[str, Any]) -> tuple[str, list[Any]]:
        args: list[Any] = []

        def slot(value: Any) -> str:
            args.append(value.isoformat(" ") if self.sqlite and isinstance(value, datetime) else value)
            return "?" if self.sqlite else f"${len(args)}"

        class Slots(dict):  # type: ignore[type-arg]
            def __missing__(self, key: str) -> str:
                value = values[key]
                if isinstance(value, list):
                    return ", ".join(slot(v) for v in value)
                return slot(value)

        return template.format_map(Slots()), args

    async def fetch(self, template: str, values: dict[str, Any]) -> list[Any]:
        sql, args = self.prepare(template, values)
        if self.sqlite:
            async with self.lite.execute(sql, args) as cursor:
                return list(await cursor.fetchall())
        async with self.pool.acquire() as db:
            return list(await db.fetch(sql, *args))


def floor_app() -> Any:
    """Starlette and the database driver, no GraphQL: the least a server can do for the same
    JSON, for every variant of the PWA's Feed document (its own SQL per variant)."""
    import base64

    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    from server.heap import settle

    database = FloorDatabase(os.environ["BENCH_FLOOR_URL"])
    columns = FLOOR_COLUMNS["sqlite" if database.sqlite else "postgres"]

    def initials(name: str) -> str:
        parts = [p for p in name.replace("-", " ").split() if p]
        return "".join(p[0] for p in parts[:2]).upper() or "?"

    def when(value: Any) -> str:
        return (datetime.fromisoformat(value) if isinstance(value, str) else value).isoformat()

    def listed(value: Any) -> list[Any]:
        return json.loads(value) if value else []

    def post(r: Any, viewer: int, manager: bool, path: str, pinned: bool) -> dict[str, Any]:
        return {
            "id": str(r["id"]), "kind": r["kind"], "body": r["body"],
            # the benchmark's posts are people's own: no automatic post, nothing to write per reader
            "systemKind": None, "systemParams": None, "systemRefs": None,
            "createdAt": when(r["created_at"]),
            "editedAt": when(r["edited_at"]) if r["edited_at"] else None,
            "audience": r["audience"], "figure": r["figure"], "product": r["product"],
            "context": r["context"], "action": r["action"], "result": r["result"],
            "tags": listed(r["tags"]), "likeCount": r["like_count"], "commentCount": r["comment_count"],
            "likedByMe": bool(r["liked"]), "recommendedBy": listed(r["recommended_by"]),
            "recommendedUnitCount": r["recommended_units"], "pinned": pinned,
            "viewerIsAuthor": r["author_id"] == viewer,
            "viewerCanModerate": manager and r["unit_path"].startswith(path),
            "images": [
                {"id": i["id"], "feedUrl": f"/media/{i['key']}-feed.webp", "fullUrl": f"/media/{i['key']}-full.webp",
                 "feedWidth": i["feedWidth"], "feedHeight": i["feedHeight"]}
                for i in listed(r["images"])
            ],
            "author": {
                "id": str(r["author_id"]), "displayName": r["display_name"],
                "initials": initials(r["display_name"]), "photoUrl": r["avatar_url"],
                "unit": None if r["author_unit_id"] is None else {"id": str(r["author_unit_id"]), "name": r["author_unit_name"]},
            },
        }

    def cursor(prefix: str, post_id: Any) -> str:
        return base64.urlsafe_b64encode(f"{prefix}:{post_id}".encode()).decode().rstrip("=")

    def decoded(after: str) -> int:
        return int(base64.urlsafe_b64decode(after + "=" * (-len(after) % 4)).decode().split(":")[1])

    async def feed(request: Request) -> Response:
        body = json.loads(await request.body())
        variables = body.get("variables") or {}
        first, after = int(variables.get("first", 20)), variables.get("after")
        wanted = variables.get("filter") or {}
        top = variables.get("order") == "TOP_OF_WEEK"
        token = request.headers["authorization"][7:]
        now = datetime.now(UTC)
        session = (await database.fetch(SESSION, {"token": hashlib.sha256(token.encode()).hexdigest(), "now": now}))[0]
        path, viewer = session["path"], session["id"]
        manager = session["role"] != "MEMBER"
        ancestors = [int(p) for p in path.strip("/").split("/") if p]
        values: dict[str, Any] = {
            "viewer": viewer, "now": now, "org": session["organization_id"], "ancestors": ancestors,
            "subtree": path + "%" if manager else None, "limit": first + 1,
        }
        sql = columns
        if wanted.get("kind"):
            sql += " AND p.kind = {kind}"
            values["kind"] = wanted["kind"]
        if wanted.get("within") == "UNIT":
            sql += " AND pu.path LIKE {mine}"
            values["mine"] = path + "%"
        elif wanted.get("within") == "REGION":
            sql += " AND pu.path LIKE (SELECT u.path FROM unit u WHERE u.id IN ({ancestors2}) AND u.kind = 'REGION') || '%'"
            values["ancestors2"] = ancestors
        if top:
            sql += " AND p.created_at >= {week}"
            values["week"] = now - timedelta(days=7)
            if after:
                sql += " AND (p.top_score, p.id) < (SELECT c.top_score, c.id FROM post c WHERE c.id = {after})"
                values["after"] = decoded(after)
            sql += " ORDER BY p.top_score DESC, p.id DESC LIMIT {limit}"
        else:
            if after:
                sql += " AND p.id < {after}"
                values["after"] = decoded(after)
            sql += " ORDER BY p.id DESC LIMIT {limit}"
        records = await database.fetch(sql, values)
        pinned: list[Any] = []
        if after is None and not top and not wanted:
            pinned = await database.fetch(
                columns + " AND p.id IN (SELECT r.post_id FROM post_recommendation r WHERE r.unit_id IN ({ancestors2}) "
                "AND r.ends_at > {now2}) ORDER BY p.id DESC",
                {**values, "ancestors2": ancestors, "now2": now},
            )
        nodes = [post(r, viewer, manager, path, False) for r in records[:first]]
        cursors = [cursor("top" if top else "post", n["id"]) for n in nodes]
        data = {"data": {"feed": {
            "pinned": [post(r, viewer, manager, path, True) for r in pinned],
            "edges": [{"cursor": c, "node": n} for c, n in zip(cursors, nodes, strict=True)],
            "pageInfo": {"hasNextPage": len(records) > first, "endCursor": cursors[-1] if cursors else None},
        }}}
        return Response(json.dumps(data, ensure_ascii=False, separators=(",", ":")), media_type="application/json")

    @contextlib.asynccontextmanager
    async def lifespan(app: Any) -> Any:
        await database.open()
        yield
        await database.close()

    settle()  # as the server's process once started (server.heap): both sides alike
    return Starlette(routes=[Route("/graphql", feed, methods=["POST"])], lifespan=lifespan)


# --------------------------------------------------------------------- measuring


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serving(target: str, database_url: str) -> Any:
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "BENCH_FLOOR_URL": database_url,
           "ELAN_DATA_DIR": tempfile.mkdtemp(prefix="elan-bench-feed-"), "ELAN_DEMO": "0", "PORT": str(port)}
    env.pop("REDIS_URL", None)
    # ELAN_BENCH_PROFILE=/path: Élan's server (not the floor) runs under cProfile (bench.profiled)
    profiled = bool(os.environ.get("ELAN_BENCH_PROFILE")) and target.startswith("server.")
    command = [sys.executable, "-m", "bench.profiled" if profiled else "uvicorn", target, "--factory", "--port",
               str(port), "--log-level", "warning", "--no-access-log"]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    try:
        deadline = time.monotonic() + 120  # a loaded machine takes its time to start a server
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.1):
                break
            time.sleep(0.1)
        yield port
    finally:
        if profiled:
            import signal

            process.send_signal(signal.SIGUSR1)
            time.sleep(3)
        process.terminate()
        process.wait(10)


async def request(reader: Any, writer: Any, payload: bytes, token: str) -> bytes:
    writer.write(
        b"POST /graphql HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n"
        + f"Authorization: Bearer {token}\r\nContent-Length: {len(payload)}\r\n\r\n".encode()
        + payload
    )
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return await reader.readexactly(length)


def payload_of(document: str, variables: dict[str, Any]) -> bytes:
    return json.dumps({"query": document, "variables": variables, "operationName": "Feed"}).encode()


async def load(port: int, tokens: list[str], document: str, variables: dict[str, Any]) -> tuple[float, float, float]:
    payload = payload_of(document, variables)
    async def client(token: str, until: float, samples: list[float] | None) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while time.perf_counter() < until:
                start = time.perf_counter()
                await request(reader, writer, payload, token)
                if samples is not None:
                    samples.append(time.perf_counter() - start)
        finally:
            writer.close()

    return await throughput(tokens, SECONDS, client)


async def answer(port: int, token: str, document: str, variables: dict[str, Any]) -> Any:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        return json.loads(await request(reader, writer, payload_of(document, variables), token))
    finally:
        writer.close()


# every variant the PWA sends (FeedFilterBar: all, wins, « Mon équipe », « Ma région », top of
# the week; and the next page of each as the list scrolls)
VARIANTS: list[tuple[str, dict[str, Any]]] = [
    ("first: 20", {"first": 20}),
    ("second page", {"first": 20, "after": "PAGE2"}),
    ("kind: WIN", {"first": 20, "filter": {"kind": "WIN"}}),
    ("within: UNIT", {"first": 20, "filter": {"within": "UNIT"}}),
    ("within: REGION", {"first": 20, "filter": {"within": "REGION"}}),
    ("TOP_OF_WEEK", {"first": 20, "order": "TOP_OF_WEEK"}),
    ("TOP_OF_WEEK p.2", {"first": 20, "order": "TOP_OF_WEEK", "after": "PAGE2"}),
]


ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))


async def measure(database: str, url: str, tokens: list[str], only: set[str]) -> dict[str, tuple[float, float]]:
    """req/s of the floor and of /graphql for each variant on one database: both servers up at
    once, measured in turns (ROUNDS × SECONDS each), so the load of a shared machine drifting
    during the run weighs on both alike."""
    ratios: dict[str, tuple[float, float]] = {}
    with serving("bench.feed:floor_app", url) as floor_port, serving("server.app:create_app", url) as graphql_port:
        ports = {"floor": floor_port, "graphql": graphql_port}
        for name, variables in VARIANTS:
            if only and name not in only:
                continue
            if variables.get("after") == "PAGE2":
                first = await answer(floor_port, tokens[1], FEED, {k: v for k, v in variables.items() if k != "after"})
                variables = {**variables, "after": first["data"]["feed"]["pageInfo"]["endCursor"]}
            reference = await answer(floor_port, tokens[1], FEED, variables)
            if await answer(graphql_port, tokens[1], FEED, variables) != reference:
                raise SystemExit(f"{database} {name}: /graphql does not return the floor's JSON")
            totals: dict[str, list[float]] = {"floor": [], "graphql": []}
            for _ in range(ROUNDS):
                for server, port in ports.items():
                    rps, p50, p95 = await load(port, tokens, FEED, variables)
                    totals[server].append(rps)
            figures = {server: statistics.mean(values) for server, values in totals.items()}
            print(f"  {database:<8} {name:<16} floor {figures['floor']:6.0f} req/s  graphql {figures['graphql']:6.0f} req/s"
                  f"  ×{figures['graphql'] / figures['floor']:.2f}  (last p50 {p50:.0f} ms, p95 {p95:.0f} ms; "
                  f"load {os.getloadavg()[0]:.1f})", flush=True)
            ratios[name] = (figures["floor"], figures["graphql"])
    return ratios


async def main() -> None:
    began = time.perf_counter()
    tokens = await seed()
    lite = await copy_to_sqlite(os.path.join(tempfile.mkdtemp(prefix="elan-bench-feed-"), "feed.sqlite3"))
    print(f"seeded {POSTS:,} posts, {PEOPLE} people (PostgreSQL, copied to SQLite) in "
          f"{time.perf_counter() - began:.0f} s; {CLIENTS} clients, {SECONDS:.0f} s per measurement; "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    only = {v for v in os.environ.get("BENCH_FEED_VARIANTS", "").split(",") if v}
    lanes = [lane for lane in os.environ.get("BENCH_FEED_DATABASES", "postgres,sqlite").split(",") if lane]
    summary: list[str] = []
    for database in lanes:
        for name, (floor, graphql) in (await measure(database, URL if database == "postgres" else lite, tokens, only)).items():
            summary.append(f"{database:<8} feed({name}): {graphql / floor:.2f}× the floor (budget ≥ 0.50×)")
    if not only and "postgres" in lanes:
        with serving("server.app:create_app", URL) as port:
            rps, _, _ = await load(port, tokens, FEED_STRAWBERRY, {"first": 20})
        summary.append(f"postgres strawberry execution of feed(first: 20): {rps:.0f} req/s")
    print("\n".join(summary) + f"\nload average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    asyncio.run(main())
