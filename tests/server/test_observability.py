"""What an operator watches: Prometheus metrics on a listener of their own, JSON log lines
carrying the request id the proxy gave (or one made here), sent back in the response."""

from __future__ import annotations

import json

import httpx

from tests.conftest import free_port
from tests.deploy.topology import metric_value
from tests.factories import make_network, signed_in
from tests.graphql_client import Subscription
from tests.multi_instance import server_process

FEED = "query FeedPage { feed(first: 3) { edges { node { id } } } }"
LIVE = "subscription Bell { notifications { type unreadCount } }"


async def test_metrics_count_operations_and_sockets_on_their_own_port_and_logs_carry_the_request_id(live_server, tmp_path):
    # given an instance with metrics on a port of their own and JSON logs
    metrics_port = free_port()
    log = tmp_path / "app.log"
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    async with server_process(live_server, output=log, METRICS_ADDRESS=f"127.0.0.1:{metrics_port}", LOG_JSON="1", LOG_LEVEL="info") as url:
        async with httpx.AsyncClient(base_url=url) as http:
            # when a client reads its feed with the proxy's request id, and holds a socket open
            answer = await http.post("/graphql", json={"query": FEED}, headers={
                "Authorization": f"Bearer {token}", "X-Request-Id": "caddy-4f1d2c"})
            odd = await http.get("/healthz", headers={"X-Request-Id": "not an id!"})
            async with Subscription(url.replace("http", "ws") + "/graphql", token=token) as socket:
                assert (await socket.connect())["type"] == "connection_ack"
                await socket.subscribe(LIVE)
                await socket.next()
                during = (await http.get(f"http://127.0.0.1:{metrics_port}/metrics")).text
            public = await http.get("/metrics")
    # then the id came back, and a malformed one was replaced by one made here
    assert answer.headers["x-request-id"] == "caddy-4f1d2c"
    assert odd.headers["x-request-id"] != "not an id!" and len(odd.headers["x-request-id"]) == 32
    # and the metrics counted the operation by name, the socket and its subscription
    assert metric_value(during, "elan_graphql_request_seconds_count", operation="FeedPage", kind="query") == 1
    assert metric_value(during, "elan_websockets_live") == 1
    assert metric_value(during, "elan_subscriptions_live", field="notifications") == 1
    for outbox in ("push", "deferred", "mail"):
        assert f'elan_outbox_depth{{outbox="{outbox}"}}' in during
    # and the public port does not serve them
    assert "elan_" not in public.text
    # and the access line of that request is JSON with its id and operation
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    access = [line for line in lines if line.get("request_id") == "caddy-4f1d2c" and line["logger"] == "elan.access"]
    assert access and access[0]["operation"] == "FeedPage" and access[0]["status"] == 200
