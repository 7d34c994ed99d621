"""What `make run` shows of content authoring: Marc Delaunay's draft module with its quiz, head
office's archived launch module with Julie's completion kept, and a skills grid granting a label."""

from __future__ import annotations

from server.accounts.models import User
from server.accounts.services import open_session
from tests.factories import demo_network
from tests.graphql_client import GraphQLClient

MANAGED = "{ managedTrainingModules { id title publication quizId } }"
SOURCE = "query($id: ID!) { trainingModuleSource(id: $id) { assignments { unitName role } sections { videoUrl } } }"
QUIZ = "query($id: ID!) { quizSource(id: $id) { questions { choices { correct } } } }"
SELLER = """query($archived: ID!) {
  myModules { title }
  trainingModule(id: $archived) { status publication }
  skillsGrids { name labelBadgeId skills { name descriptors } }
  badges { id name }
}"""


async def test_the_demo_shows_a_draft_an_archived_module_and_a_grid_granting_a_label(live_server):
    # given the French demo network
    await demo_network()
    manager = await User.get(email="manager@elan.example")
    admin = await User.get(email="admin@elan.example")
    seller = await User.get(email="seller@elan.example")
    async with GraphQLClient(live_server.url, token=await open_session(manager)) as client:
        # then Marc Delaunay finds his draft for his region's sellers, with its quiz and a video
        mine = {m["title"]: m for m in (await client.execute(MANAGED))["managedTrainingModules"]}
        draft = mine["Vendre l'extension de garantie"]
        assert draft["publication"] == "DRAFT" and draft["quizId"]
        source = (await client.execute(SOURCE, {"id": draft["id"]}))["trainingModuleSource"]
        assert source["assignments"] == [{"unitName": "Île-de-France", "role": "MEMBER"}]
        assert source["sections"][0]["videoUrl"].startswith("https://www.youtube.com/watch?v=")
        quiz = (await client.execute(QUIZ, {"id": draft["quizId"]}))["quizSource"]
        assert [sum(c["correct"] for c in q["choices"]) for q in quiz["questions"]] == [1, 1]
    async with GraphQLClient(live_server.url, token=await open_session(admin)) as client:
        archived = next(m for m in (await client.execute(MANAGED))["managedTrainingModules"] if m["publication"] == "ARCHIVED")
    assert archived["title"] == "Lancement de la citadine 2024"
    # and Julie neither lists the draft nor the archived module, but keeps her completion of it
    async with GraphQLClient(live_server.url, token=await open_session(seller)) as client:
        data = await client.execute(SELLER, {"archived": archived["id"]})
    titles = {m["title"] for m in data["myModules"]}
    assert "Vendre l'extension de garantie" not in titles and "Lancement de la citadine 2024" not in titles
    assert data["trainingModule"] == {"status": "COMPLETED", "publication": "ARCHIVED"}
    # and the hybrid grid grants the « Conseiller certifié hybride » label
    grid = next(g for g in data["skillsGrids"] if g["name"] == "Conseiller hybride et électrique")
    label = next(b for b in data["badges"] if b["id"] == grid["labelBadgeId"])
    assert label["name"] == "Conseiller certifié hybride"
    assert [len(s["descriptors"]) for s in grid["skills"]] == [4, 4, 4]
