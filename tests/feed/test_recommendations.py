"""Managers recommend best practices: pinned for the chosen units, until it expires."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.accounts.models import Role
from server.feed.models import Recommendation
from tests.factories import make_network, signed_in
from tests.feed.documents import FEED, NOTIFICATIONS, RECOMMEND, bodies, create
from tests.graphql_client import GraphQLClient


async def test_a_recommended_best_practice_is_pinned_for_its_units_until_it_expires(live_server):
    # given a best practice from Bordeaux, and a Nord manager
    network = await make_network()
    _, author_token = await signed_in(network.points_of_sale["Bordeaux"])
    _, lille_token = await signed_in(network.points_of_sale["Lille"])
    _, arras_token = await signed_in(network.points_of_sale["Arras"])
    _, manager_token = await signed_in(network.regions["Nord"], Role.MANAGER, name="Marc Delaunay")
    async with GraphQLClient(live_server.url, token=author_token) as author:
        practice = (await create(author, "BEST_PRACTICE", "Le rappel J+2", action="Appeler deux jours après l'essai"))["post"]
        win = (await create(author, "WIN", "Une vente"))["post"]
        await create(author, "WIN", "Plus récente")
    # when the manager recommends it to Lille for 7 days
    async with GraphQLClient(live_server.url, token=manager_token) as manager:
        refused_kind = await manager.execute(
            RECOMMEND, {"input": {"postId": win["id"], "unitIds": [str(network.points_of_sale["Lille"].id)]}}
        )
        out_of_scope = await manager.execute(
            RECOMMEND, {"input": {"postId": practice["id"], "unitIds": [str(network.points_of_sale["Bordeaux"].id)]}}
        )
        result = await manager.execute(
            RECOMMEND,
            {"input": {"postId": practice["id"], "unitIds": [str(network.points_of_sale["Lille"].id)], "days": 7}},
        )
    async with GraphQLClient(live_server.url, token=lille_token) as lille, GraphQLClient(
        live_server.url, token=arras_token
    ) as arras, GraphQLClient(live_server.url, token=author_token) as author:
        lille_feed = (await lille.execute(FEED, {"first": 10}))["feed"]
        lille_second = (await lille.execute(FEED, {"first": 1, "after": lille_feed["edges"][0]["cursor"]}))["feed"]
        recommended = (await lille.execute(FEED, {"first": 10, "filter": {"recommendedForMe": True}}))["feed"]
        arras_feed = (await arras.execute(FEED, {"first": 10}))["feed"]
        author_notes = (await author.execute(NOTIFICATIONS))["notifications"]["edges"]
        # then once the period is over it is no longer pinned
        await Recommendation.filter(post_id=int(practice["id"])).update(
            ends_at=datetime.now(UTC) - timedelta(minutes=1)
        )
        expired = (await lille.execute(FEED, {"first": 10}))["feed"]
    assert refused_kind["recommendPost"]["code"] == "recommendation_not_best_practice"
    assert out_of_scope["recommendPost"]["code"] == "not_allowed"
    assert result["recommendPost"]["post"]["recommendedBy"] == ["Marc Delaunay"]
    assert result["recommendPost"]["post"]["recommendedUnitCount"] == 1
    pinned = lille_feed["pinned"]
    assert [(p["body"], p["pinned"], p["recommendedBy"]) for p in pinned] == [
        ("Le rappel J+2", True, ["Marc Delaunay"])
    ]
    assert bodies(lille_feed) == ["Plus récente", "Une vente", "Le rappel J+2"]
    assert lille_second["pinned"] == []
    assert bodies(recommended) == ["Le rappel J+2"]
    assert arras_feed["pinned"] == []
    assert author_notes[0]["node"]["text"] == "Marc Delaunay recommande votre bonne pratique"
    assert expired["pinned"] == [] and expired["edges"][2]["node"]["recommendedBy"] == []


async def test_members_cannot_recommend(live_server):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, token=token) as seller:
        practice = (await create(seller, "BEST_PRACTICE", "Astuce"))["post"]
        result = await seller.execute(
            RECOMMEND, {"input": {"postId": practice["id"], "unitIds": [str(network.points_of_sale["Lille"].id)]}}
        )
    assert result["recommendPost"]["__typename"] == "NotAllowedError"
