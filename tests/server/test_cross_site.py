"""A page on another site cannot act with a person's session cookie: POST /graphql takes only
JSON, and cookie-carrying POSTs and WebSocket handshakes must come from Élan's own origin.
Bearer-token clients are unaffected."""

from __future__ import annotations

import json

import httpx
import pytest
import websockets

from tests.factories import make_network, signed_in

ME = {"query": "{ me { displayName } }"}
LOGOUT = {"query": "mutation { logout { ok } }"}
EVIL = "https://evil.example"


async def _still_signed_in(live_server, token: str) -> bool:  # type: ignore[no-untyped-def]
    async with httpx.AsyncClient(base_url=live_server.url) as http:
        response = await http.post("/graphql", json=ME, headers={"Authorization": f"Bearer {token}"})
    return response.json()["data"]["me"] is not None


@pytest.mark.parametrize(
    "content_type",
    ["text/plain; a=json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=json",
     "application/jsonp", "application/json-patch+json", "text/json"],
)
async def test_a_body_a_cross_site_form_could_send_is_refused_and_runs_nothing(live_server, content_type):
    # given a signed-in person's cookie
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    async with httpx.AsyncClient(base_url=live_server.url, cookies={"elan_session": token}) as http:
        # when a logout arrives with a content type a page may send without asking
        response = await http.post("/graphql", content=json.dumps(LOGOUT), headers={"Content-Type": content_type})
    # then it is refused and the session lives on
    assert response.status_code == 415
    assert response.json()["errors"][0]["extensions"]["code"] == "UNSUPPORTED_MEDIA_TYPE"
    assert await _still_signed_in(live_server, token)


@pytest.mark.parametrize(
    "content_type", ["application/json", "application/json; charset=utf-8", "Application/JSON", "application/graphql-response+json"]
)
async def test_the_json_media_types_are_accepted(live_server, content_type):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"], name="Julie Moreau")
    async with httpx.AsyncClient(base_url=live_server.url, cookies={"elan_session": token}) as http:
        response = await http.post(
            "/graphql", content=json.dumps(ME), headers={"Content-Type": content_type, "Origin": live_server.url}
        )
    assert response.json() == {"data": {"me": {"displayName": "Julie Moreau"}}}


async def test_a_cookie_post_from_another_origin_is_refused_and_runs_nothing(live_server):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    async with httpx.AsyncClient(base_url=live_server.url, cookies={"elan_session": token}) as http:
        foreign = await http.post("/graphql", json=LOGOUT, headers={"Origin": EVIL})
        sibling = await http.post("/graphql", json=LOGOUT, headers={"Origin": "http://127.0.0.1:1"})
        opaque = await http.post("/graphql", json=LOGOUT, headers={"Origin": "null"})
        no_origin = await http.post("/graphql", json=LOGOUT, headers={"Sec-Fetch-Site": "cross-site"})
        upload = await http.post("/media", files={"file": ("a.jpg", b"x", "image/jpeg")}, headers={"Origin": EVIL})
    for response in (foreign, sibling, opaque, no_origin):
        assert response.status_code == 403
        assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN_ORIGIN"
    assert upload.status_code == 403 and upload.json()["error"]["code"] == "forbidden_origin"
    assert await _still_signed_in(live_server, token)


async def test_a_sign_in_from_another_origin_is_refused(live_server):
    login = {"query": 'mutation { login(input: {email: "a@b.example", password: "whatever-123"}) { __typename } }'}
    async with httpx.AsyncClient(base_url=live_server.url) as http:
        response = await http.post("/graphql", json=login, headers={"Origin": EVIL})
    assert response.status_code == 403


async def test_the_apps_own_pages_and_non_browser_clients_are_served(live_server):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"], name="Julie Moreau")
    async with httpx.AsyncClient(base_url=live_server.url, cookies={"elan_session": token}) as http:
        # the PWA, same origin
        own = await http.post("/graphql", json=ME, headers={"Origin": live_server.url, "Sec-Fetch-Site": "same-origin"})
        # a script with the cookie and no browser headers
        script = await http.post("/graphql", json=ME)
    # a bearer-token client, wherever it runs
    async with httpx.AsyncClient(base_url=live_server.url) as http:
        bearer = await http.post("/graphql", json=ME, headers={"Origin": EVIL, "Authorization": f"Bearer {token}"})
    for response in (own, script, bearer):
        assert response.json() == {"data": {"me": {"displayName": "Julie Moreau"}}}


async def test_a_socket_opened_with_the_cookie_from_another_origin_is_refused(live_server):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    cookie = {"Cookie": f"elan_session={token}"}
    with pytest.raises(websockets.InvalidStatus) as refused:
        await websockets.connect(live_server.ws_url, subprotocols=["graphql-transport-ws"], additional_headers=cookie, origin=EVIL)
    assert refused.value.response.status_code == 403
    # from the app's own origin, the cookie opens it
    own = await websockets.connect(
        live_server.ws_url, subprotocols=["graphql-transport-ws"], additional_headers=cookie, origin=live_server.url
    )
    try:
        await own.send(json.dumps({"type": "connection_init", "payload": {}}))
        assert json.loads(await own.recv())["type"] == "connection_ack"
    finally:
        await own.close()


async def test_a_socket_from_another_origin_authenticating_by_token_is_served(live_server):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    socket = await websockets.connect(live_server.ws_url, subprotocols=["graphql-transport-ws"], origin=EVIL)
    try:
        await socket.send(json.dumps({"type": "connection_init", "payload": {"token": token}}))
        assert json.loads(await socket.recv())["type"] == "connection_ack"
    finally:
        await socket.close()
