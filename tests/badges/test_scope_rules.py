"""Every recognition field that takes an id holds its scope rule, for a seller of the region,
the manager of a sibling region, the manager of a unit below it and another organisation.

Recognition is public inside the organisation (profiles, awards, walls of fame); a badge is
awarded by the managers of the person (head office: anyone); an award is taken back by its
awarder or head office; the catalogue and its rules are head office's."""

from __future__ import annotations

import pytest

from schema.badges.mutations import BadgesMutation
from schema.badges.queries import BadgesQuery
from server.badges.awarding import award_badge
from server.badges.models import RuleTrigger
from server.badges.rules import create_rule
from server.network.scope import scope_of_user
from tests.badges.factories import make_badge
from tests.factories import make_user
from tests.scope_world import World, answered, enforce, make_world, rule, succeeded, uncovered

RESULT = "__typename ... on UserError { code }"
USER = "query($id: ID!) { user(id: $id) { id } }"
AWARD_READ = "query($id: ID!) { award(id: $id) { id } }"
WALL = "query($id: ID!) { wallOfFame(unitId: $id) { unit { id } } }"
AWARD = f"""mutation($badge: ID!, $who: [ID!]!) {{
  awardBadge(badgeId: $badge, userIds: $who, reason: "Bravo pour le mois") {{ {RESULT} }} }}"""
EVIDENCE = f"""mutation($badge: ID!, $who: [ID!]!, $post: ID!) {{
  awardBadge(badgeId: $badge, userIds: $who, reason: "Bravo pour le mois", postId: $post) {{ {RESULT} }} }}"""
REVOKE = f"mutation($id: ID!) {{ revokeAward(awardId: $id, reason: \"Attribué par erreur\") {{ {RESULT} }} }}"
RETIRE = f"mutation($badge: ID!) {{ retireBadge(badgeId: $badge) {{ {RESULT} }} }}"
NEW_RULE = f"mutation($badge: ID!) {{ createBadgeRule(input: {{badgeId: $badge, trigger: FIRST_WIN}}) {{ {RESULT} }} }}"
UPDATE_RULE = f"mutation($id: ID!) {{ updateBadgeRule(input: {{ruleId: $id, active: false}}) {{ {RESULT} }} }}"


async def _things(world: World) -> None:
    if "arras" not in world.things:
        world.things["arras"] = await make_user(world.network.points_of_sale["Arras"], name="Inès Arras")
    world.things["badge"] = await make_badge(world.network, name=f"Esprit d'équipe {len(world.things)}")
    owner = await scope_of_user(world.users["owner"])
    outcome = await award_badge(owner, world.things["badge"].id, [world.things["arras"].id], "Merci pour l'entraide")
    world.things["award"] = outcome.awards[0]
    world.things["rule"], _ = await create_rule(world.users["admin"], world.things["badge"].id, RuleTrigger.FIRST_WIN, None, {})
    from server.feed.models import PostAudience, PostKind
    from server.feed.services import NewPost, PostContent, create_post

    if "bordeaux" not in world.things:
        world.things["bordeaux"] = await make_user(world.network.points_of_sale["Bordeaux"], name="Léo Bordeaux")
    world.things["post"] = await create_post(await scope_of_user(world.things["bordeaux"]), NewPost(
        kind=PostKind.WIN, audience=PostAudience.UNIT, content=PostContent(body="Entre Bordelais")))


def query(document: str, field: str, thing: str):  # type: ignore[no-untyped-def]
    async def check(world: World, actor: str) -> bool:
        value = world.things[thing]
        return answered(await world.execute(actor, document, {"id": str(getattr(value, "id", value))}), field)

    return check


def mutation(document: str, field: str, **things: str):  # type: ignore[no-untyped-def]
    async def check(world: World, actor: str) -> bool:
        variables: dict[str, object] = {k: str(world.things[v].id) for k, v in things.items()}
        if "$who" in document:
            variables["who"] = [str(world.things["arras"].id)]
        return succeeded(await world.execute(actor, document, variables), field)

    return check


async def _nord(world: World) -> None:
    world.things["nord"] = world.network.regions["Nord"]


EVERYONE = {"member", "sibling", "child", "owner", "admin"}
RULES = [
    rule("user(id)", query(USER, "user", "arras"), EVERYONE),
    rule("award(id)", query(AWARD_READ, "award", "award"), EVERYONE),
    rule("wallOfFame(unitId)", query(WALL, "wallOfFame", "nord"), EVERYONE, _nord),
    rule("awardBadge(userIds)", mutation(AWARD, "awardBadge", badge="badge"), {"owner", "admin"}),
    rule("awardBadge(postId) of a post the awarder cannot read", mutation(EVIDENCE, "awardBadge", badge="badge", post="post"),
         {"admin"}, also=["owner"]),
    rule("revokeAward(awardId)", mutation(REVOKE, "revokeAward", id="award"), {"owner", "admin"}),
    rule("retireBadge(badgeId)", mutation(RETIRE, "retireBadge", badge="badge"), {"admin"}, also=["owner"]),
    rule("createBadgeRule(badgeId)", mutation(NEW_RULE, "createBadgeRule", badge="badge"), {"admin"}, also=["owner"]),
    rule("updateBadgeRule(ruleId)", mutation(UPDATE_RULE, "updateBadgeRule", id="rule"), {"admin"}, also=["owner"]),
]


@pytest.mark.parametrize("checked", RULES, ids=repr)
async def test_recognition_fields_taking_an_id_hold_their_scope_rule(live_server, checked):
    world = await make_world(live_server)
    await enforce(world, checked, prepare=_things)


def test_every_recognition_field_taking_an_id_has_a_rule():
    assert uncovered(RULES, BadgesQuery, BadgesMutation) == set()
