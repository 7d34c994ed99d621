"""What a challenge tells the feed follows the board's privacy and stays in the challenge's
scope: nobody is named beyond the top N, nor who keeps out of the feed or hides from boards."""

from __future__ import annotations

from server.challenges.lifecycle import close_challenge
from server.challenges.models import Visibility
from server.feed.models import Post, PostKind
from server.texts.refs import resolve
from server.texts.render import system_post_text
from tests.challenges.given import arena, live_challenge, sell
from tests.factories import signed_in
from tests.feed.documents import FEED
from tests.graphql_client import GraphQLClient

KEEP_OUT = "mutation { setHiddenFromFeed(hidden: true) { hiddenFromFeed } }"


async def test_announcements_name_only_who_may_be_named_and_stay_in_the_challenge_scope(live_server):
    # given Nord's challenge naming only its top 2, where Hugo asked to keep out of the feed
    names = ["Fanny Un", "Fabien Deux", "Félix Trois", "Léa Garnier", "Camille Roux", "Hugo Blanc"]
    found = await arena(sellers=6, names=names)
    first, second, third, lea, camille, hugo = found.sellers
    challenge = await live_challenge(found, name="Sprint du Nord", visibility=Visibility.TOP_AND_AROUND, top_n=2)
    async with GraphQLClient(live_server.url, token=found.tokens[hugo.id]) as client:
        assert (await client.execute(KEEP_OUT))["setHiddenFromFeed"]["hiddenFromFeed"] is True
    _, bordeaux = await signed_in(found.network.points_of_sale["Bordeaux"])
    for seller, sold in ((first, 10), (second, 9), (third, 8)):
        await sell(found, seller, sold)
    before = set(await Post.filter(kind=PostKind.SYSTEM, organization_id=found.network.organization_id).values_list("id", flat=True))

    # when Léa enters the top 3 in 3rd place, Camille in 2nd, Hugo in 1st, and the challenge closes
    await sell(found, lea, 8.5)
    await sell(found, camille, 9.5)
    await sell(found, hugo, 11)
    await close_challenge(challenge.id)

    # then only Camille's entry is told (Léa is beyond the top 2, Hugo keeps out of the feed)
    posts = await Post.filter(kind=PostKind.SYSTEM, organization_id=found.network.organization_id).exclude(
        id__in=list(before)).order_by("id").values("id", "body", "system_kind", "system_params", "author_id", "audience_unit_id")
    refs = await resolve(p["system_params"] for p in posts)
    bodies = [system_post_text(p["system_kind"], p["system_params"], p["body"], refs, "fr") for p in posts]
    assert [b for b in bodies if "top 3" in b] == ["Camille Roux entre dans le top 3 du challenge « Sprint du Nord » (2e) !"]
    # and the podium names the one who may be named
    podium = next(b for b in bodies if "terminé" in b)
    assert "Podium : 1er Un participant, 2e Fanny Un, 3e Un participant." in podium
    assert "Hugo" not in podium and "Camille" not in podium
    # and all of it goes to Nord, never further: Lille reads it, Bordeaux does not
    assert {p["audience_unit_id"] for p in posts} == {found.network.regions["Nord"].id}
    async with GraphQLClient(live_server.url, token=bordeaux) as elsewhere:
        seen = (await elsewhere.execute(FEED, {"first": 50}))["feed"]["edges"]
    assert not [e for e in seen if "Sprint du Nord" in e["node"]["body"]]
    async with GraphQLClient(live_server.url, token=found.tokens[lea.id]) as inside:
        seen = (await inside.execute(FEED, {"first": 50}))["feed"]["edges"]
    assert {int(e["node"]["id"]) for e in seen if "Sprint du Nord" in e["node"]["body"]} - before == {p["id"] for p in posts}
