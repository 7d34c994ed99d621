"""Reading recognition: the catalogue (emoji or validated image), a unit's wall of fame, the
people a manager may award, and a constant number of SQL queries whatever the page size."""

from __future__ import annotations

import base64
import io

import httpx
from PIL import Image

from server.accounts.models import Role
from server.accounts.services import open_session
from server.badges.awarding import award_badge
from server.network.scope import scope_of_user
from tests.badges.factories import head_office, make_badge, make_label
from tests.factories import make_network, make_user
from tests.graphql_client import GraphQLClient
from tests.query_count import counting_queries

CREATE = """
mutation Create($input: CreateBadgeInput!) {
  createBadge(input: $input) {
    __typename
    ... on CreateBadgeSuccess { badge { name kind emoji imageUrl category levels validityDays awardPolicy } }
    ... on UserError { code }
  }
}
"""
WALL = """
query Wall($unitId: ID) {
  wallOfFame(unitId: $unitId) {
    unit { name } parent { name } subunits { name }
    latest { badge { name } recipient { displayName } }
    topBadges { badge { name } count }
    labelHolders { recipient { displayName } level }
  }
}
"""
PEOPLE = """
query People($search: String) {
  awardablePeople(search: $search) {
    id displayName unit { name }
    awards { badge { name } reason }
    labels { level }
    recognition { wins bestPractices podiums }
  }
}
"""


def _png(size: int = 64) -> str:
    out = io.BytesIO()
    Image.new("RGB", (size, size), (200, 30, 30)).save(out, format="PNG")
    return base64.b64encode(out.getvalue()).decode()


async def test_head_office_creates_badges_with_an_emoji_or_a_validated_image(live_server):
    network = await make_network()
    admin = await head_office(network)
    manager = await make_user(network.regions["Nord"], Role.MANAGER)
    async with GraphQLClient(live_server.url, token=await open_session(admin)) as client:
        emoji = (await client.execute(CREATE, {"input": {"name": "Top 3 du mois", "emoji": "🏆", "category": "CHALLENGE"}}))["createBadge"]
        image = (await client.execute(CREATE, {"input": {"name": "Client ravi", "imageBase64": _png(), "category": "CUSTOMER_SATISFACTION"}}))["createBadge"]
        label = (await client.execute(CREATE, {"input": {"name": "Conseiller certifié hybride", "kind": "LABEL", "emoji": "🔋", "levels": ["Confirmé"]}}))["createBadge"]
        fake = (await client.execute(CREATE, {"input": {"name": "Faux", "imageBase64": base64.b64encode(b"<svg onload=alert(1)>").decode()}}))["createBadge"]
        nameless = (await client.execute(CREATE, {"input": {"name": " ", "emoji": "🏆"}}))["createBadge"]
        no_picture = (await client.execute(CREATE, {"input": {"name": "Sans image"}}))["createBadge"]
    async with GraphQLClient(live_server.url, token=await open_session(manager)) as client:
        refused = (await client.execute(CREATE, {"input": {"name": "Mon badge", "emoji": "⭐"}}))["createBadge"]
        catalogue = (await client.execute("{ badges { name } }"))["badges"]
    assert emoji["badge"]["emoji"] == "🏆" and emoji["badge"]["category"] == "CHALLENGE"
    url = image["badge"]["imageUrl"]
    assert url.startswith("/badge-images/") and url.endswith(".png")
    async with httpx.AsyncClient(base_url=live_server.url) as http:
        served = await http.get(url)
    assert served.headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(served.content)).size == (256, 256)
    assert label["badge"] == {"name": "Conseiller certifié hybride", "kind": "LABEL", "emoji": "🔋", "imageUrl": None,
                              "category": "SALES", "levels": ["Confirmé"], "validityDays": 730, "awardPolicy": "ADMINS"}
    assert fake == {"__typename": "ValidationError", "code": "badge_image_invalid"}
    assert nameless["code"] == "badge_name_invalid" and no_picture["code"] == "badge_emoji_invalid"
    assert refused["__typename"] == "NotAllowedError"
    assert sorted(b["name"] for b in catalogue) == ["Client ravi", "Conseiller certifié hybride", "Top 3 du mois"]


async def test_a_units_wall_of_fame_shows_its_subtree_only(live_server):
    network = await make_network()
    admin = await head_office(network)
    team_spirit = await make_badge(network, "Esprit d'équipe")
    financing = await make_badge(network, "Premier financement")
    label = await make_label(network)
    lille = [await make_user(network.points_of_sale["Lille"], name=f"Lille {i}") for i in range(3)]
    bordeaux = await make_user(network.points_of_sale["Bordeaux"], name="Bordeaux 1")
    await award_badge(await scope_of_user(admin), team_spirit.id, [p.id for p in lille], "Entraide pendant les portes ouvertes")
    await award_badge(await scope_of_user(admin), financing.id, [lille[0].id, bordeaux.id], "Premier dossier")
    await award_badge(await scope_of_user(admin), label.id, [lille[1].id], "Assessment réussi", level="Argent")
    async with GraphQLClient(live_server.url, token=await open_session(lille[0])) as client:
        nord = (await client.execute(WALL, {"unitId": str(network.regions["Nord"].id)}))["wallOfFame"]
        mine = (await client.execute(WALL, {}))["wallOfFame"]
        elsewhere = (await client.execute(WALL, {"unitId": "999999"}))["wallOfFame"]
    assert nord["unit"]["name"] == "Nord" and nord["parent"]["name"].startswith("Réseau test")
    assert [u["name"] for u in nord["subunits"]] == ["Arras Gare", "Lille Centre"]
    assert "Bordeaux 1" not in {a["recipient"]["displayName"] for a in nord["latest"]}
    assert len(nord["latest"]) == 5
    assert nord["topBadges"][0] == {"badge": {"name": "Esprit d'équipe"}, "count": 3}
    assert nord["labelHolders"] == [{"recipient": {"displayName": "Lille 1"}, "level": "Argent"}]
    assert mine["unit"]["name"] == "Lille Centre" and elsewhere is None


async def _people_query_count(live_server, people: int) -> tuple[int, int]:
    network = await make_network()
    admin = await head_office(network)
    badge = await make_badge(network)
    manager = await make_user(network.regions["Nord"], Role.MANAGER)
    sellers = [await make_user(network.points_of_sale["Lille"]) for _ in range(people)]
    await award_badge(await scope_of_user(admin), badge.id, [s.id for s in sellers], "Bravo à toute l'équipe")
    async with GraphQLClient(live_server.url, token=await open_session(manager)) as client:
        with counting_queries() as seen:
            found = (await client.execute(PEOPLE, {}))["awardablePeople"]
    return len(found), len(seen)


async def test_awardable_people_with_awards_cost_a_constant_number_of_queries(live_server):
    few, few_queries = await _people_query_count(live_server, 2)
    many, many_queries = await _people_query_count(live_server, 12)
    assert (few, many) == (2, 12)
    assert 3 <= few_queries == many_queries <= 8


async def test_members_may_not_list_awardable_people_and_search_narrows_the_list(live_server):
    network = await make_network()
    manager = await make_user(network.regions["Nord"], Role.MANAGER)
    await make_user(network.points_of_sale["Lille"], name="Julie Moreau")
    await make_user(network.points_of_sale["Arras"], name="Karim Benali")
    await make_user(network.points_of_sale["Bordeaux"], name="Julien Bordelais")
    member = await make_user(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, token=await open_session(manager)) as client:
        found = (await client.execute(PEOPLE, {"search": "jul"}))["awardablePeople"]
    async with GraphQLClient(live_server.url, token=await open_session(member)) as client:
        nobody = (await client.execute(PEOPLE, {}))["awardablePeople"]
    assert [p["displayName"] for p in found] == ["Julie Moreau"]
    assert nobody == []


FEED_WITH_BADGES = """
query Feed($first: Int!) {
  feed(first: $first) { edges { node { id author { displayName awards { badge { name emoji } } labels { level } } } } }
}
"""


async def _feed_query_count(live_server, posts: int) -> int:
    from server.feed.models import Post, PostKind

    network = await make_network()
    admin = await head_office(network)
    badge = await make_badge(network)
    authors = [await make_user(network.points_of_sale["Lille"]) for _ in range(posts)]
    await award_badge(await scope_of_user(admin), badge.id, [a.id for a in authors], "Bravo")
    for author in authors:
        await Post.create(organization_id=network.organization_id, author=author, unit_id=author.unit_id, kind=PostKind.WIN, body="Vente signée")
    async with GraphQLClient(live_server.url, token=await open_session(authors[0])) as client:
        with counting_queries() as seen:
            data = await client.execute(FEED_WITH_BADGES, {"first": posts})
    assert all(edge["node"]["author"]["awards"] for edge in data["feed"]["edges"][:posts])
    return len(seen)


async def test_the_feed_with_each_authors_badges_costs_a_constant_number_of_queries(live_server):
    assert await _feed_query_count(live_server, 3) == await _feed_query_count(live_server, 15)
