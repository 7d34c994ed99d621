"""What `make run` shows of the boards: Julie Moreau 1st ex aequo in her team's weekly
challenge, a race, a duel waiting for her answer, and the showroom's kiosk link."""

from __future__ import annotations

from server.accounts.models import User
from server.accounts.services import open_session
from server.demo.boards import DEMO_KIOSK_TOKEN
from tests.factories import demo_network
from tests.graphql_client import GraphQLClient

LIST = "{ challenges { name format duelState card { myRank myTied leaderCount } } }"
KIOSK = "query($token: String!) { kioskBoard(token: $token) { name status leagues } }"


async def test_the_demo_shows_a_tie_a_race_a_pending_duel_and_a_kiosk_link(live_server):
    # given the French demo network
    await demo_network()
    julie = await User.get(email="seller@elan.example")
    async with GraphQLClient(live_server.url, token=await open_session(julie)) as client:
        listed = {c["name"]: c for c in (await client.execute(LIST))["challenges"]}
    # then Julie is first ex aequo with two colleagues in the weekly challenge
    week = listed["Défi de la semaine : essais routiers"]
    assert week["card"] == {"myRank": 1, "myTied": True, "leaderCount": 3}
    # and a race and a duel waiting for her answer are there too
    assert any(c["format"] == "RACE" for c in listed.values())
    assert any(c["format"] == "DUEL" and c["duelState"] == "PENDING" for c in listed.values())
    # and the showroom's kiosk link opens the network challenge with no one signed in
    async with GraphQLClient(live_server.url) as screen:
        board = (await screen.execute(KIOSK, {"token": DEMO_KIOSK_TOKEN}))["kioskBoard"]
    assert board["name"].startswith("Challenge réseau") and board["status"] == "LIVE" and len(board["leagues"]) > 1
