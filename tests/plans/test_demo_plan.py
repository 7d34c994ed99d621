"""What `make run` shows of the plan as the network lives it: objectives spread and overridden
with their owners and history, head-office functions, a partner agency on two brands, and an
action plan whose effect the quarterly review shows."""

from __future__ import annotations

from server.accounts.models import User
from server.accounts.services import open_session
from tests.factories import demo_network
from tests.graphql_client import GraphQLClient

SELLER = """{ myPlan { plan { id name } units { unitName levers { lever target objectiveUnitId ownerFunctionId } }
  myNextStep { kind } } functions { id key people { displayName } } }"""
ADMIN = """query($plan: ID!) { planReview(planId: $plan) { effects { title unitName verdict before after effect } }
  planObjectiveHistory(planId: $plan) { actorName unitName lever after } }"""
AGENCY = "{ myBrands { name current content } myPlan { units { unitName } } }"


async def test_the_demo_plan_has_objectives_owners_an_agency_and_a_visible_effect(live_server):
    # given the French demo network
    await demo_network()
    seller, admin, agency = [await User.get(email=e) for e in ("seller@elan.example", "admin@elan.example", "agence@elan.example")]
    async with GraphQLClient(live_server.url, token=await open_session(seller)) as client:
        mine = await client.execute(SELLER)
    # then Julie's plan holds Marc's override for Paris 15e and qualité's monthly satisfaction objective
    [paris] = mine["myPlan"]["units"]
    levers = {r["lever"]: r for r in paris["levers"]}
    assert paris["unitName"] == "Élan Paris 15e" and levers["TRAINING"]["target"] == 75.0
    assert levers["SATISFACTION"]["target"] == 78.0
    owners = {f["id"]: f["key"] for f in mine["functions"]}
    assert owners[levers["SATISFACTION"]["ownerFunctionId"]] == "qualite"
    assert owners[levers["TRAINING"]["ownerFunctionId"]] == "formation"
    assert mine["myPlan"]["myNextStep"] is not None
    # and head office's review shows Versailles' action plan paid, and who set which objective
    async with GraphQLClient(live_server.url, token=await open_session(admin)) as client:
        data = await client.execute(ADMIN, {"plan": mine["myPlan"]["plan"]["id"]})
    versailles = next(e for e in data["planReview"]["effects"] if e["unitName"] == "Élan Versailles")
    assert (versailles["verdict"], versailles["before"], versailles["after"]) == ("WORKED", 68.0, 84.0)
    assert {(h["actorName"], h["lever"]) for h in data["planObjectiveHistory"]} >= {
        ("Isabelle Marchand", "TRAINING"), ("Marc Delaunay", "TRAINING"), ("Claire Vidal", "SATISFACTION"),
    }
    # and the agency's Léo works on the demo network and may switch to Banque Horizon
    async with GraphQLClient(live_server.url, token=await open_session(agency)) as client:
        seen = await client.execute(AGENCY)
    assert [(b["name"], b["current"]) for b in seen["myBrands"]] == [("Banque Horizon", False), ("Réseau Élan Démo", True)]
    assert len(seen["myPlan"]["units"]) == 13  # head office, then the 12 points of sale


ACTIVITY = "{ unitActivity { unitName weeks { weekStart activePeople people share } } }"


async def test_the_demo_shows_twelve_weeks_of_active_people_rising_at_paris(live_server):
    # given the French demo network and Julie, a seller of Paris 15e
    await demo_network()
    seller = await User.get(email="seller@elan.example")
    # when she reads her point of sale's weekly active people
    async with GraphQLClient(live_server.url, token=await open_session(seller)) as client:
        history = (await client.execute(ACTIVITY))["unitActivity"]
    # then twelve weeks of her team are there, everyone counted each week (nobody of the demo left
    # Paris 15e; the tests before may have signed someone up there), more active lately
    weeks = history["weeks"]
    assert history["unitName"] == "Élan Paris 15e" and len(weeks) == 12
    assert weeks[0]["people"] > 3 and all(w["people"] >= weeks[0]["people"] for w in weeks)
    early = sum(w["activePeople"] for w in weeks[:4])
    late = sum(w["activePeople"] for w in weeks[-4:])
    assert late > early
