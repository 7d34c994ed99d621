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
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/elan_feed")
SECONDS = float(os.environ.get("BENCH_SECONDS", "8"))
CLIENTS = 20
POSTS = 100_000
PEOPLE = 60
ROOT = Path(__file__).resolve().parent.parent

POST_FIELDS = """
fragment PostFields on Post {
  id kind body createdAt editedAt audience figure product context action result tags
  likeCount commentCount likedByMe recommendedBy recommendedUnitCount pinned
  viewerIsAuthor viewerCanModerate
  images { id feedUrl fullUrl feedWidth feedHeight }
  author { id displayName initials photoUrl unit { id name } }
}"""
FEED = """query Feed($first: Int!, $after: String, $filter: FeedFilter, $order: FeedOrder) {
  feed(first: $first, after: $after, filter: $filter, order: $order) {
    pinned { ...PostFields }
    edges { cursor node { ...PostFields } }
    pageInfo { hasNextPage endCursor }
  }
} """ + POST_FIELDS
# the same document with a no-op directive: the hot path declines it, strawberry executes it
FEED_STRAWBERRY = FEED.replace("pageInfo {", "pageInfo @include(if: true) {")


# ------------------------------------------------------------------------- seeding


async def seed() -> list[str]:
    """Fresh schema, the network, and one session token per client."""
    import asyncpg

    from server.db import migrate_db

    dsn = URL.replace("postgres://", "postgresql://", 1)
    conn = await asyncpg.connect(dsn)
    await conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    await conn.close()
    await migrate_db(URL)
    conn = await asyncpg.connect(dsn)
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


# ---------------------------------------------------------------------- the floor


def floor_app() -> Any:
    """Starlette + asyncpg, no GraphQL: the least a server can do for the same JSON."""
    import asyncpg
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    from server.feed.hot_page import PAGE, PINNED

    # the floor's own session lookup, by hand: the session, its user and unit in one statement
    SESSION = """
    SELECT u.id, u.organization_id, u.role, un.path, s.last_seen_at
    FROM session s
    JOIN "user" u ON u.id = s.user_id
    JOIN unit un ON un.id = u.unit_id
    WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2
      AND u.deactivated_at IS NULL
    """

    pool: Any = None

    def initials(name: str) -> str:
        parts = [p for p in name.replace("-", " ").split() if p]
        return "".join(p[0] for p in parts[:2]).upper() or "?"

    def post(r: Any, viewer: int, manager: bool, path: str, pinned: bool) -> dict[str, Any]:
        images = json.loads(r["images"]) if r["images"] else []
        return {
            "id": str(r["id"]), "kind": r["kind"], "body": r["body"],
            "createdAt": r["created_at"].isoformat(),
            "editedAt": r["edited_at"].isoformat() if r["edited_at"] else None,
            "audience": r["audience"], "figure": r["figure"], "product": r["product"],
            "context": r["context"], "action": r["action"], "result": r["result"],
            "tags": list(r["tags"]), "likeCount": r["like_count"], "commentCount": r["comment_count"],
            "likedByMe": r["liked"], "recommendedBy": list(r["recommended_by"]),
            "recommendedUnitCount": r["recommended_units"], "pinned": pinned,
            "viewerIsAuthor": r["author_id"] == viewer,
            "viewerCanModerate": manager and r["unit_path"].startswith(path),
            "images": [
                {"id": i["id"], "feedUrl": f"/media/{i['key']}-feed.webp", "fullUrl": f"/media/{i['key']}-full.webp",
                 "feedWidth": i["feedWidth"], "feedHeight": i["feedHeight"]}
                for i in images
            ],
            "author": {
                "id": str(r["author_id"]), "displayName": r["display_name"],
                "initials": initials(r["display_name"]), "photoUrl": r["avatar_url"],
                "unit": None if r["author_unit_id"] is None else {"id": str(r["author_unit_id"]), "name": r["author_unit_name"]},
            },
        }

    async def feed(request: Request) -> Response:
        body = json.loads(await request.body())
        variables = body.get("variables") or {}
        first, after = int(variables.get("first", 20)), variables.get("after")
        token = request.headers["authorization"][7:]
        now = datetime.now(UTC)
        async with pool.acquire() as db:
            session = await db.fetchrow(SESSION, hashlib.sha256(token.encode()).hexdigest(), now)
            path = session["path"]
            manager = session["role"] != "MEMBER"
            ancestors = [int(p) for p in path.strip("/").split("/") if p]
            args = (session["organization_id"], session["id"], ancestors, path + "%" if manager else None, now)
            import base64

            before = int(base64.urlsafe_b64decode(after + "=" * (-len(after) % 4)).decode()[5:]) if after else 2**31 - 1
            records = await db.fetch(PAGE, *args, before, first + 1)
            pinned = await db.fetch(PINNED, *args) if after is None else []
        viewer = session["id"]
        nodes = [post(r, viewer, manager, path, False) for r in records[:first]]
        cursors = [base64.urlsafe_b64encode(f"post:{n['id']}".encode()).decode().rstrip("=") for n in nodes]
        data = {"data": {"feed": {
            "pinned": [post(r, viewer, manager, path, True) for r in pinned],
            "edges": [{"cursor": c, "node": n} for c, n in zip(cursors, nodes, strict=True)],
            "pageInfo": {"hasNextPage": len(records) > first, "endCursor": cursors[-1] if cursors else None},
        }}}
        return Response(json.dumps(data, ensure_ascii=False, separators=(",", ":")), media_type="application/json")

    @contextlib.asynccontextmanager
    async def lifespan(app: Any) -> Any:
        nonlocal pool
        pool = await asyncpg.create_pool(URL.replace("postgres://", "postgresql://", 1), min_size=5, max_size=10)
        yield
        await pool.close()

    return Starlette(routes=[Route("/graphql", feed, methods=["POST"])], lifespan=lifespan)


# --------------------------------------------------------------------- measuring


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serving(target: str) -> Any:
    port = free_port()
    env = {**os.environ, "DATABASE_URL": URL, "ELAN_DATA_DIR": tempfile.mkdtemp(prefix="elan-bench-feed-"),
           "ELAN_DEMO": "0", "PORT": str(port)}
    env.pop("REDIS_URL", None)
    command = [sys.executable, "-m", "uvicorn", target, "--factory", "--port", str(port),
               "--log-level", "warning", "--no-access-log"]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    try:
        for _ in range(200):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.1):
                break
            time.sleep(0.05)
        yield port
    finally:
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


async def load(port: int, tokens: list[str], document: str) -> tuple[float, float, float, bytes]:
    payload = json.dumps({"query": document, "variables": {"first": 20}, "operationName": "Feed"}).encode()
    samples: list[float] = []
    sample_body = b""

    async def client(token: str, until: float, record: bool) -> None:
        nonlocal sample_body
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while time.perf_counter() < until:
                start = time.perf_counter()
                sample_body = await request(reader, writer, payload, token)
                if record:
                    samples.append(time.perf_counter() - start)
        finally:
            writer.close()

    warm = time.perf_counter() + 1.5
    await asyncio.gather(*(client(t, warm, False) for t in tokens))
    began = time.perf_counter()
    await asyncio.gather(*(client(t, began + SECONDS, True) for t in tokens))
    elapsed = time.perf_counter() - began
    samples.sort()
    return (
        len(samples) / elapsed,
        statistics.median(samples) * 1000,
        samples[int(len(samples) * 0.95)] * 1000,
        sample_body,
    )


async def first_page(port: int, token: str, document: str) -> Any:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    payload = json.dumps({"query": document, "variables": {"first": 20}, "operationName": "Feed"}).encode()
    try:
        return json.loads(await request(reader, writer, payload, token))
    finally:
        writer.close()


async def main() -> None:
    began = time.perf_counter()
    tokens = await seed()
    print(f"seeded {POSTS:,} posts, {PEOPLE} people in {time.perf_counter() - began:.0f} s; "
          f"{CLIENTS} clients, {SECONDS:.0f} s per measurement")
    results: dict[str, tuple[float, float, float]] = {}
    reference: Any = None
    for name, target, document in (
        ("floor", "bench.feed:floor_app", FEED),
        ("graphql", "server.app:create_app", FEED),
        ("strawberry", "server.app:create_app", FEED_STRAWBERRY),
    ):
        with serving(target) as port:
            answer = await first_page(port, tokens[1], document)
            if reference is None:
                reference = answer
            elif answer != reference:
                raise SystemExit(f"{name} does not return the floor's JSON")
            rps, p50, p95, _ = await load(port, tokens, document)
        results[name] = (rps, p50, p95)
        print(f"  {name:<11} {rps:8.0f} req/s   p50 {p50:6.1f} ms   p95 {p95:6.1f} ms")
    floor = results["floor"][0]
    print(f"feed(first: 20): graphql {results['graphql'][0] / floor:.2f}× the floor "
          f"(budget ≥ 0.50×); strawberry execution {results['strawberry'][0] / floor:.2f}×")


if __name__ == "__main__":
    asyncio.run(main())
