"""`make run` compresses what it serves (server/compression.py): the PWA's first load fits in
100 KB of JavaScript on the wire, API answers are gzipped, WebSockets are untouched."""

from __future__ import annotations

import json
import re

import httpx

from tests.conftest import ROOT
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient, Subscription

BUDGET_BYTES = 100 * 1000
BROWSER = {"Accept-Encoding": "gzip, deflate, br, zstd"}


async def _on_the_wire(http: httpx.AsyncClient, path: str) -> tuple[int, httpx.Response]:
    async with http.stream("GET", path, headers=BROWSER) as response:
        async for _ in response.aiter_raw():
            pass
        return response.num_bytes_downloaded, response


def _feed_screen_chunks(first_load: set[str]) -> set[str]:
    """The feed screen's chunk and what it imports (Vite's manifest), as the PWA's size check
    counts them: the screen most visits open on."""
    manifest = json.loads((ROOT / "pwa" / "dist" / ".vite" / "manifest.json").read_text())
    found: set[str] = set()

    def visit(key: str) -> None:
        chunk = manifest.get(key)
        if not chunk or "/" + chunk["file"] in found | first_load:
            return
        found.add("/" + chunk["file"])
        for imported in chunk.get("imports", []):
            visit(imported)

    visit("src/components/feed/FeedPage.tsx")
    return found


async def test_the_first_load_sends_under_100_kb_of_javascript_on_the_wire(live_server):
    async with httpx.AsyncClient(base_url=live_server.url) as http:
        # given the page a phone opens first
        page = await http.get("/", headers=BROWSER)
        scripts = set(re.findall(r'<(?:script|link)\b[^>]*?(?:src|href)="(/[^"]+\.m?js)"', page.text)) | {"/sw.js"}
        scripts |= _feed_screen_chunks(scripts)
        # when it fetches every script of its first load, and the feed screen's
        sizes = {}
        for path in sorted(scripts):
            sizes[path], response = await _on_the_wire(http, path)
            assert response.status_code == 200 and response.headers["vary"] == "Accept-Encoding"
            # gzipped, but for a chunk of a few bytes that gzip would not shrink
            assert response.headers.get("content-encoding") == "gzip" or sizes[path] < 256, path
        largest = max(sizes, key=lambda path: sizes[path])
        raw = await http.get(largest, headers={"Accept-Encoding": "identity"})
    # then they came gzipped, under the budget, and the page itself was compressed too
    assert page.headers["content-encoding"] == "gzip"
    assert sum(sizes.values()) < BUDGET_BYTES, sizes
    # and a client that takes no gzip gets the file as it is
    assert "content-encoding" not in raw.headers and len(raw.content) > 2 * sizes[largest]


async def test_api_answers_are_gzipped_and_websockets_still_speak(live_server):
    # given a person with a feed long enough to be worth compressing
    network = await make_network()
    user, token = await signed_in(network.points_of_sale["Lille"])
    query = "{ feed(first: 20) { edges { node { id body author { displayName } } } } }"
    async with GraphQLClient(live_server.url, token=token) as client:
        for n in range(20):
            await client.execute('mutation($b: String!) { createPost(input: {kind: WIN, body: $b}) { __typename } }',
                                 {"b": f"Une vente remarquable numéro {n} avec un client fidèle de Lille"})
        # when the PWA asks for it, taking gzip as browsers do
        response = await client.http.post("/graphql", json={"query": query}, headers={**client.headers, **BROWSER})
        small = await client.http.post("/graphql", json={"query": "{ me { id } }"}, headers={**client.headers, **BROWSER})
    # then the answer came compressed (and decodes to the feed); a tiny one is sent as it is
    assert response.headers["content-encoding"] == "gzip"
    assert int(response.headers["content-length"]) < len(response.content)
    assert len(response.json()["data"]["feed"]["edges"]) == 20
    assert "content-encoding" not in small.headers
    # and subscriptions over WebSocket are untouched by compression
    async with Subscription(live_server.ws_url, token=token) as socket:
        assert (await socket.connect())["type"] == "connection_ack"
