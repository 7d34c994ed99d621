"""Every response carries the security headers that fit it: a Content-Security-Policy that
forbids framing, nosniff, a referrer and a permissions policy; HSTS only over HTTPS."""

from __future__ import annotations

import io

import httpx
from PIL import Image

from server.badges.awarding import award_badge
from server.headers import DEFAULT_CSP
from server.static import CSP as PWA_CSP
from tests.badges.factories import head_office, make_badge
from tests.factories import make_network, signed_in

COMMON = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "x-frame-options": "DENY",
}


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 40, 40)).save(out, "JPEG")
    return out.getvalue()


def _policy(response: httpx.Response) -> dict[str, str]:
    directives = (d.strip().split(" ", 1) for d in response.headers["content-security-policy"].split(";"))
    return {d[0]: d[1] if len(d) > 1 else "" for d in directives}


async def test_every_kind_of_response_carries_the_security_headers(live_server):
    # given an award, a photo and a signed-in person
    network = await make_network()
    seller, token = await signed_in(network.points_of_sale["Lille"])
    badge = await make_badge(network)
    award = (await award_badge(await head_office(network), badge.id, [seller.id], "Bravo")).awards[0]
    auth = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=live_server.url) as http:
        photo = (await http.post("/media", files={"file": ("a.jpg", _jpeg(), "image/jpeg")}, headers=auth)).json()
        # when each kind of route answers
        responses = {
            "graphql": await http.post("/graphql", json={"query": "{ me { id } }"}, headers=auth),
            "graphql refused": await http.post("/graphql", content=b"{}", headers={"Content-Type": "text/plain"}),
            "verify": await http.get(f"/verify/{award.public_id}"),
            "credential": await http.get(f"/credentials/{award.public_id}"),
            "issuer": await http.get(f"/issuers/{network.organization_id}"),
            "media": await http.get(photo["feedUrl"], headers=auth),
            "media missing": await http.get("/media/nothing.webp", headers=auth),
            "healthz": await http.get("/healthz"),
            "pwa": await http.get("/challenges"),
            "service worker": await http.get("/sw.js"),
            "pwa asset": await http.get("/icon-192.png"),
        }
    # then every one carries them, with a policy that forbids framing and no HSTS over HTTP
    for name, response in responses.items():
        for header, value in COMMON.items():
            assert response.headers.get(header) == value, (name, header)
        assert _policy(response)["frame-ancestors"] == "'none'", name
        assert "strict-transport-security" not in response.headers, name
    # JSON and images allow nothing; the PWA, its service worker included, gets the app's policy
    for name in ("graphql", "graphql refused", "credential", "issuer", "media", "media missing", "healthz"):
        assert responses[name].headers["content-security-policy"] == DEFAULT_CSP, name
    built = responses["pwa"].status_code == 200
    for name in ("pwa", "service worker", "pwa asset"):
        expected = PWA_CSP if built else DEFAULT_CSP  # an unbuilt PWA answers 503 or 404
        assert responses[name].headers["content-security-policy"] == expected, name
    # the verification page: its own style sheet by hash, no script
    verify = _policy(responses["verify"])
    assert verify["default-src"] == "'none'" and verify["style-src"].startswith("'sha256-")
    assert "script-src" not in verify


async def test_graphiql_gets_a_policy_that_lets_it_run_and_nothing_more(live_server):
    from schema.http import inline_script_hashes

    async with httpx.AsyncClient(base_url=live_server.url) as http:
        page = await http.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "graphiql" in page.text.lower()
    policy = _policy(page)
    scripts = policy["script-src"].split()
    # its inline scripts by hash, its libraries from unpkg.com, never any inline script
    hashes = inline_script_hashes(page.text)
    assert hashes and all(f"'{digest}'" in scripts for digest in hashes)
    assert "https://unpkg.com" in scripts and "'unsafe-inline'" not in scripts
    assert "ws:" in policy["connect-src"] and policy["frame-ancestors"] == "'none'"
    assert page.headers["x-content-type-options"] == "nosniff"
