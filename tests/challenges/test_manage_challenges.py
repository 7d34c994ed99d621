"""Managing a challenge after the wizard, through the GraphQL API: edit a draft's rules, publish
it, close it early; frozen rules once live; errors that name their field and change nothing."""

from __future__ import annotations

from datetime import timedelta

from server.accounts.models import Role
from server.challenges.models import Challenge, ChallengeStatus, Participant
from tests.challenges.given import arena, live_challenge, now, sell
from tests.factories import make_user, signed_in
from tests.graphql_client import GraphQLClient
from tests.written import system_posts_about, written

RESULT = """__typename
    ... on ChallengeSuccess { challenge { id name status closedAt } }
    ... on UserError { code message }
    ... on ValidationError { field }"""
UPDATE_RULES = f"""mutation($id: ID!, $input: CreateChallengeInput!) {{
  updateChallengeRules(challengeId: $id, input: $input) {{ {RESULT} }} }}"""
UPDATE_DESCRIPTION = f"""mutation($id: ID!, $description: String!) {{
  updateChallengeDescription(challengeId: $id, description: $description) {{ {RESULT} }} }}"""
PUBLISH = f"""mutation($id: ID!) {{ publishChallenge(challengeId: $id) {{ {RESULT} }} }}"""
CLOSE = f"""mutation($id: ID!) {{ closeChallenge(challengeId: $id) {{ {RESULT} }} }}"""
RULES = """query($id: ID!) { challenge(id: $id) {
  name description status participantKind scoringMode leagueRule visibility topN recurrence prizes
  startsAt endsAt participantCount viewerCanManage scopeUnit { id name }
  metrics { weight metric { name } } criteria { kind weight moduleIds quizId } thresholds { score label }
} }"""


def rules_input(found, **changes):
    base = {
        "name": "Challenge du printemps", "description": "Trois semaines pour finir fort.",
        "startsAt": (now() - timedelta(days=1)).isoformat(), "endsAt": (now() + timedelta(days=20)).isoformat(),
        "metrics": [{"metricId": str(found.metric.id), "weight": 2}],
        "scopeUnitId": str(found.network.regions["Nord"].id),
    }
    return {**base, **changes}


async def test_a_manager_edits_every_rule_of_a_draft(live_server):
    # given a draft over the whole Nord region, and a seller in Arras besides those of Lille
    found = await arena(sellers=3)
    await make_user(found.network.points_of_sale["Arras"], name="Inès Faure")
    draft = await live_challenge(found, draft=True, name="Brouillon du printemps")
    assert await Participant.filter(challenge_id=draft.id).count() == 4
    # when its manager rewrites its rules: Lille only, absolute points, criteria, top 2 by name, weekly
    changes = rules_input(
        found, name="Challenge Lille : printemps", scopeUnitId=str(found.network.points_of_sale["Lille"].id),
        scoringMode="ABSOLUTE", leagueRule="SENIORITY", visibility="TOP_AND_AROUND", topN=2, recurrence="WEEKLY",
        criteria=[{"kind": "SATISFACTION", "weight": 0.5}, {"kind": "QUIZ_SCORE", "weight": 1}],
        thresholds=[{"score": 50, "label": "Bien parti"}], prizes="Une journée sur circuit",
    )
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        result = (await manager.execute(UPDATE_RULES, {"id": str(draft.id), "input": changes}))["updateChallengeRules"]
        read = (await manager.execute(RULES, {"id": str(draft.id)}))["challenge"]
    # then every rule changed, it is still a draft, and only Lille's sellers take part
    assert result["__typename"] == "ChallengeSuccess" and result["challenge"]["status"] == "DRAFT"
    assert {k: read[k] for k in ("name", "scoringMode", "leagueRule", "visibility", "topN", "recurrence", "prizes")} == {
        "name": "Challenge Lille : printemps", "scoringMode": "ABSOLUTE", "leagueRule": "SENIORITY",
        "visibility": "TOP_AND_AROUND", "topN": 2, "recurrence": "WEEKLY", "prizes": "Une journée sur circuit",
    }
    assert read["scopeUnit"]["name"] == "Lille Centre" and read["participantCount"] == 3
    assert read["criteria"] == [{"kind": "SATISFACTION", "weight": 0.5, "moduleIds": [], "quizId": None},
                                {"kind": "QUIZ_SCORE", "weight": 1.0, "moduleIds": [], "quizId": None}]
    assert read["metrics"] == [{"weight": 2.0, "metric": {"name": "Véhicules neufs vendus"}}]
    assert read["thresholds"] == [{"score": 50.0, "label": "Bien parti"}]
    assert read["viewerCanManage"] is True


async def test_once_live_only_the_description_changes(live_server):
    # given a live challenge
    found = await arena(sellers=2)
    challenge = await live_challenge(found, name="Challenge de mars")
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        # when its manager tries to change its rules, then its description
        frozen = (await manager.execute(UPDATE_RULES, {
            "id": str(challenge.id), "input": rules_input(found, name="Autre chose")}))["updateChallengeRules"]
        described = (await manager.execute(UPDATE_DESCRIPTION, {
            "id": str(challenge.id), "description": "Bonus : un week-end à Deauville"}))["updateChallengeDescription"]
        read = (await manager.execute(RULES, {"id": str(challenge.id)}))["challenge"]
    # then the rules are refused as frozen, and the description is taken
    assert frozen["__typename"] == "ConflictError" and frozen["code"] == "challenge_rules_frozen"
    assert "seule sa description" in frozen["message"]
    assert described["__typename"] == "ChallengeSuccess"
    assert (read["name"], read["description"]) == ("Challenge de mars", "Bonus : un week-end à Deauville")


async def test_bad_rules_name_their_field_and_change_nothing(live_server):
    found = await arena(sellers=2)
    draft = await live_challenge(found, draft=True, name="Brouillon intact")
    cases = {
        "endsAt": rules_input(found, endsAt=(now() - timedelta(days=3)).isoformat()),
        "topN": rules_input(found, visibility="TOP_AND_AROUND", topN=0),
        "criteria": rules_input(found, criteria=[{"kind": "QUIZ_SCORE", "weight": 0}]),
        "name": rules_input(found, name=" x "),
    }
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        for field, changes in cases.items():
            reply = (await manager.execute(UPDATE_RULES, {"id": str(draft.id), "input": changes}))["updateChallengeRules"]
            assert (reply["__typename"], reply["field"]) == ("ValidationError", field), reply
        unknown_quiz = (await manager.execute(UPDATE_RULES, {"id": str(draft.id), "input": rules_input(
            found, criteria=[{"kind": "QUIZ_SCORE", "weight": 1, "quizId": "999999"}])}))["updateChallengeRules"]
        outside = (await manager.execute(UPDATE_RULES, {"id": str(draft.id), "input": rules_input(
            found, scopeUnitId=str(found.network.regions["Sud-Ouest"].id))}))["updateChallengeRules"]
    assert (unknown_quiz["code"], unknown_quiz["field"]) == ("challenge_criterion_options_invalid", "criteria")
    assert (outside["__typename"], outside["code"]) == ("NotAllowedError", "challenge_out_of_scope")
    kept = await Challenge.get(id=draft.id)
    assert (kept.name, kept.rules["criteria"], kept.visibility) == ("Brouillon intact", [], "EVERYONE")


async def test_publishing_a_draft_counts_the_results_recorded_meanwhile(live_server):
    # given a draft whose period started yesterday, and sales recorded while it was a draft
    found = await arena(sellers=3)
    draft = await live_challenge(found, draft=True, name="Lancement surprise")
    later = await live_challenge(found, draft=True, name="Mois prochain",
                                 starts_at=now() + timedelta(days=3), ends_at=now() + timedelta(days=30))
    past = await live_challenge(found, draft=True, name="Trop tard",
                                starts_at=now() - timedelta(days=30), ends_at=now() - timedelta(days=2))
    await sell(found, found.sellers[1], 4)
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        # when the manager publishes them
        live = (await manager.execute(PUBLISH, {"id": str(draft.id)}))["publishChallenge"]
        scheduled = (await manager.execute(PUBLISH, {"id": str(later.id)}))["publishChallenge"]
        too_late = (await manager.execute(PUBLISH, {"id": str(past.id)}))["publishChallenge"]
        again = (await manager.execute(PUBLISH, {"id": str(draft.id)}))["publishChallenge"]
    async with GraphQLClient(live_server.url, token=found.tokens[found.sellers[1].id]) as seller:
        standing = (await seller.execute(
            """query($id: ID!) { challenge(id: $id) { status myStanding { rank score } } }""",
            {"id": str(draft.id)}))["challenge"]
    # then one is live at once, with the sales already counted; one is scheduled
    assert live["challenge"]["status"] == "LIVE" and scheduled["challenge"]["status"] == "SCHEDULED"
    assert standing == {"status": "LIVE", "myStanding": {"rank": 1, "score": 40.0}}
    # and a draft whose period is over, or one published already, is refused
    assert (too_late["__typename"], too_late["code"], too_late["field"]) == (
        "ValidationError", "challenge_period_past", "endsAt")
    assert (again["__typename"], again["code"]) == ("ConflictError", "challenge_not_draft")
    assert (await Challenge.get(id=past.id)).status == ChallengeStatus.DRAFT


async def test_a_manager_closes_a_live_challenge_early(live_server):
    # given a live challenge where three sellers have sold
    found = await arena(sellers=3, names=["Julie Moreau", "Thomas Petit", "Camille Roux"])
    challenge = await live_challenge(found, name="Sprint d'avril")
    julie, thomas, camille = found.sellers
    for seller, sold in ((julie, 3), (thomas, 7), (camille, 5)):
        await sell(found, seller, sold)
    _, south = await signed_in(found.network.regions["Sud-Ouest"], Role.MANAGER)
    async with GraphQLClient(live_server.url, token=south) as other:
        refused = (await other.execute(CLOSE, {"id": str(challenge.id)}))["closeChallenge"]
    async with GraphQLClient(live_server.url, token=found.tokens[julie.id]) as member:
        by_member = (await member.execute(CLOSE, {"id": str(challenge.id)}))["closeChallenge"]
    # when its manager closes it now
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        closed = (await manager.execute(CLOSE, {"id": str(challenge.id)}))["closeChallenge"]
        twice = (await manager.execute(CLOSE, {"id": str(challenge.id)}))["closeChallenge"]
    await sell(found, julie, 50)  # too late: the ranking is frozen
    async with GraphQLClient(live_server.url, token=found.tokens[julie.id]) as member:
        board = (await member.execute("""query($id: ID!) { challenge(id: $id) { status
          myStanding { finalRank } leaderboard(first: 5) { edges { node { rank displayName } } } } }""",
                                      {"id": str(challenge.id)}))["challenge"]
    # then it is closed, its ranking frozen, its winners announced in the feed; another region's
    # manager does not even see it, its seller may not close it
    assert refused["__typename"] == "NotFoundError" and by_member["__typename"] == "NotAllowedError"
    assert closed["__typename"] == "ChallengeSuccess" and closed["challenge"]["status"] == "CLOSED"
    assert closed["challenge"]["closedAt"] is not None
    assert (twice["__typename"], twice["code"]) == ("ConflictError", "challenge_not_live")
    assert board["myStanding"] == {"finalRank": 3}
    assert [(e["node"]["rank"], e["node"]["displayName"]) for e in board["leaderboard"]["edges"]] == [
        (1, "Thomas Petit"), (2, "Camille Roux"), (3, "Julie Moreau")]
    post = (await system_posts_about(int(closed["challenge"]["id"])))[-1]
    assert "terminé" in await written(post) and "1er Thomas Petit, 2e Camille Roux, 3e Julie Moreau" in await written(post)


async def test_only_those_who_may_manage_a_challenge_are_told_they_can(live_server):
    found = await arena(sellers=1)
    challenge = await live_challenge(found)
    _, admin = await signed_in(found.network.root, Role.ADMIN)
    asked = {}
    for who, token in (("manager", found.manager_token), ("admin", admin), ("member", found.tokens[found.sellers[0].id])):
        async with GraphQLClient(live_server.url, token=token) as client:
            asked[who] = (await client.execute(RULES, {"id": str(challenge.id)}))["challenge"]["viewerCanManage"]
    assert asked == {"manager": True, "admin": True, "member": False}


AROUND = """query($id: ID!) { challenge(id: $id) {
  leaderboard(first: 10) { edges { node { rank displayName isMe } } }
  aroundMe { rank displayName isMe } } }"""


async def test_top_n_privacy_names_the_leaders_and_my_neighbours_only(live_server):
    # given 8 sellers in a challenge that names only its top 2, Julie 5th
    names = ["Julie Moreau", "Thomas Petit", "Camille Roux", "Léa Garnier", "Hugo Lefèvre", "Chloé Girard",
             "Nathan Bonnet", "Manon Mercier"]
    found = await arena(sellers=8, names=names)
    from server.challenges.models import Visibility

    challenge = await live_challenge(found, visibility=Visibility.TOP_AND_AROUND, top_n=2)
    for seller, sold in zip(found.sellers, [5, 9, 8, 7, 6, 4, 3, 2], strict=True):
        await sell(found, seller, sold)
    # when Julie reads the board and the rows around her
    async with GraphQLClient(live_server.url, token=found.tokens[found.sellers[0].id]) as julie:
        data = (await julie.execute(AROUND, {"id": str(challenge.id)}))["challenge"]
    # then the board names the top 2 and her, and the view around her names her neighbours
    board = [(e["node"]["rank"], e["node"]["displayName"]) for e in data["leaderboard"]["edges"]]
    assert board == [(1, "Thomas Petit"), (2, "Camille Roux"), (3, None), (4, None), (5, "Julie Moreau"),
                     (6, None), (7, None), (8, None)]
    assert [(r["rank"], r["displayName"]) for r in data["aroundMe"]] == [
        (3, "Léa Garnier"), (4, "Hugo Lefèvre"), (5, "Julie Moreau"), (6, "Chloé Girard"), (7, "Nathan Bonnet")]


CREATE = f"""mutation($input: CreateChallengeInput!) {{ createChallenge(input: $input) {{ {RESULT} }} }}"""


async def test_the_wizard_counts_training_and_quizzes_and_names_only_the_top_n(live_server):
    # given a training module and a quiz of the organisation, and a module of another one
    from server.training.models import Quiz, TrainingModule
    from tests.factories import make_network

    found = await arena(sellers=2)
    module = await TrainingModule.create(organization_id=found.network.organization_id, title="Réussir la livraison")
    quiz = await Quiz.create(organization_id=found.network.organization_id, title="Quiz financement")
    elsewhere = await TrainingModule.create(organization_id=(await make_network()).organization_id, title="Ailleurs")
    criteria = [{"kind": "TRAINING_COMPLETION", "weight": 1, "moduleIds": [str(module.id)]},
                {"kind": "QUIZ_SCORE", "weight": 0.5, "quizId": str(quiz.id)}]
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        # when the manager creates a challenge with both criteria and the top 3 named
        created = (await manager.execute(CREATE, {"input": rules_input(
            found, criteria=criteria, visibility="TOP_AND_AROUND", topN=3, draft=True)}))["createChallenge"]
        read = (await manager.execute(RULES, {"id": created["challenge"]["id"]}))["challenge"]
        # or with a module of another organisation, a module on a quiz criterion, or 101 leaders
        foreign = (await manager.execute(CREATE, {"input": rules_input(found, criteria=[
            {"kind": "TRAINING_COMPLETION", "weight": 1, "moduleIds": [str(elsewhere.id)]}])}))["createChallenge"]
        mixed = (await manager.execute(CREATE, {"input": rules_input(found, criteria=[
            {"kind": "QUIZ_SCORE", "weight": 1, "moduleIds": [str(module.id)]}])}))["createChallenge"]
        too_many = (await manager.execute(CREATE, {"input": rules_input(
            found, visibility="TOP_AND_AROUND", topN=101)}))["createChallenge"]
    # then the first is saved with its criteria, their options and its privacy
    assert created["__typename"] == "ChallengeSuccess" and created["challenge"]["status"] == "DRAFT"
    assert read["criteria"] == [
        {"kind": "TRAINING_COMPLETION", "weight": 1.0, "moduleIds": [str(module.id)], "quizId": None},
        {"kind": "QUIZ_SCORE", "weight": 0.5, "moduleIds": [], "quizId": str(quiz.id)}]
    assert (read["visibility"], read["topN"]) == ("TOP_AND_AROUND", 3)
    # and the others are refused, each naming its field
    assert [(r["__typename"], r["field"]) for r in (foreign, mixed, too_many)] == [
        ("ValidationError", "criteria"), ("ValidationError", "criteria"), ("ValidationError", "topN")]
    assert await Challenge.filter(organization_id=found.network.organization_id).count() == 1
