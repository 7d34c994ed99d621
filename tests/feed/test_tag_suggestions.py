"""The composer suggests only tags of the posts the viewer may see: never those of another
point of sale's unit-only posts, nor of hidden posts."""

from __future__ import annotations

from server.accounts.models import Role
from tests.factories import make_network, signed_in
from tests.feed.documents import HIDE_POST, create
from tests.graphql_client import GraphQLClient

TAGS = "query($prefix: String!) { tagSuggestions(prefix: $prefix) }"


async def test_tag_suggestions_come_from_visible_posts_only(live_server):
    # given Lille posting for the network, for its own point of sale, and a post its manager hid
    network = await make_network()
    _, lille_token = await signed_in(network.points_of_sale["Lille"])
    _, arras_token = await signed_in(network.points_of_sale["Arras"])
    _, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    async with GraphQLClient(live_server.url, token=lille_token) as lille:
        await create(lille, body="Ouvert à tous #zenpublic")
        await create(lille, body="Entre nous #zensecret", audience="UNIT")
        hidden = await create(lille, body="Promo douteuse #zencache")
    async with GraphQLClient(live_server.url, token=manager_token) as manager:
        assert (await manager.execute(HIDE_POST, {"id": hidden["post"]["id"], "reason": "Hors charte"}))[
            "hidePost"]["__typename"] == "HidePostSuccess"

    # when a seller of Arras, then one of Lille, type « #zen »
    async with GraphQLClient(live_server.url, token=arras_token) as arras:
        seen_in_arras = (await arras.execute(TAGS, {"prefix": "#zen"}))["tagSuggestions"]
    async with GraphQLClient(live_server.url, token=lille_token) as lille:
        seen_in_lille = (await lille.execute(TAGS, {"prefix": "zen"}))["tagSuggestions"]

    # then Arras is offered the public tag only, Lille its own unit's too; nobody the hidden one
    assert seen_in_arras == ["zenpublic"]
    assert sorted(seen_in_lille) == ["zenpublic", "zensecret"]
