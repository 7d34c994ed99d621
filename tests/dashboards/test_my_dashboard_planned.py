"""« Mes résultats » live as the PWA subscribes to it: projected by its plan (schema.plan), the
same answer as strawberry's field-by-field execution, snapshot and update alike."""

from __future__ import annotations

from server.evaluation.satisfaction import weighted_index
from tests.challenges.given import sell
from tests.dashboards.given import full_dashboard
from tests.graphql_client import Subscription
from tests.planned_streams import PlannedStreams
from tests.pwa_documents import pwa_documents

LIVE = next(d.query for d in pwa_documents() if d.name == "MyDashboardLive")


def _dashboard(message: dict) -> dict:
    assert message["type"] == "next", message
    assert "errors" not in message["payload"], message
    return message["payload"]["data"]["myDashboard"]  # type: ignore[no-any-return]


async def test_the_pwa_live_dashboard_is_projected_by_its_plan_as_strawberry_answers_it(
    live_server, planned_streams: PlannedStreams
):
    # given a seller with modules, quizzes, an assessment, a badge, results and two live challenges
    found = await full_dashboard()
    boards = []
    for seller in found.sellers[:2]:
        token = found.tokens[seller.id]
        async with Subscription(live_server.ws_url, token=token) as planned, \
                Subscription(live_server.ws_url, token=token) as executed:
            # when the PWA's own document is sent, answered by its plan on one socket, by strawberry on the other
            with planned_streams.planned():
                await planned.connect()
                await planned.subscribe(LIVE)
                first = [_dashboard(await planned.next(timeout=10))]
            with planned_streams.executed():
                await executed.connect()
                await executed.subscribe(LIVE)
                first.append(_dashboard(await executed.next(timeout=10)))
            # and after the seller sells one more
            await sell(found, seller, 1)
            then = [_dashboard(await planned.next(timeout=10)), _dashboard(await executed.next(timeout=10))]
        # then the plan answered, and both sockets received the same snapshot and the same update
        assert planned_streams.streamed[-1] is True
        assert first[0] == first[1] and first[0]["version"] == 0
        assert then[0] == then[1] and then[0]["version"] > 0
        assert then[0]["dashboard"]["results"][0]["total"] == first[0]["dashboard"]["results"][0]["total"] + 1
        boards.append(first[0]["dashboard"])

    # and the first seller's dashboard shows every part of the screen
    board = boards[0]
    assert board["modulesAssigned"] == 3 and board["modulesCompleted"] == 1 and board["modulesInProgress"] == 1
    assert board["quizzesTaken"] == 2 and board["quizAverage"] == 90.0
    assert len(board["skills"]) == 5 and len(board["badges"]) == 1 and len(board["standings"]) == 2
    assert [(s["level"], s["descriptor"]) for s in board["skills"][:2]] == [
        (1, "Accueil client : niveau 1"), (2, "Découverte des besoins : niveau 2")]
    assert board["badges"] == [{"badgeId": board["badges"][0]["badgeId"], "name": "Roi du financement", "emoji": "💶",
                                "kind": "BADGE", "level": None}]
    # the latest month's surveys of Lille against the Nord region's target
    assert board["pointOfSaleName"] == "Lille Centre"
    assert board["satisfactionIndex"] == weighted_index([("SCORE_10", 8.5, 40)]) and board["satisfactionTarget"] == 75.0
    assert board["results"][0]["total"] == 4.0 and board["results"][0]["target"] == 10.0
