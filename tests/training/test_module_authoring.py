"""Writing modules: a draft seen by its managers only, previewed as its audience will see it,
published to a point of sale, edited, archived with its history kept; bad input changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.accounts.models import Role
from server.notifications.models import Notification, NotificationKind
from server.training.models import ModuleAssignment, ModuleProgress, ModuleSection, TrainingModule
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient
from tests.training.documents import (
    ARCHIVE_MODULE,
    CREATE_MODULE,
    MANAGED_MODULES,
    MODULE_SOURCE,
    MY_MODULES,
    PREVIEW,
    PROGRESS,
    PUBLISH_MODULE,
    UPDATE_MODULE,
    module_input,
    sections,
)
from tests.training.factories import make_module

DUE = (datetime.now(UTC) + timedelta(days=14)).replace(microsecond=0).isoformat()


async def test_a_manager_writes_a_draft_previews_it_and_publishes_it_to_his_point_of_sale(live_server):
    # given the manager of Lille, a seller of Lille and the Nord manager above them
    network = await make_network()
    lille = network.points_of_sale["Lille"]
    manager, manager_token = await signed_in(lille, Role.MANAGER, name="Marc Lefèvre")
    seller, seller_token = await signed_in(lille)
    _, nord_token = await signed_in(network.regions["Nord"], Role.MANAGER)
    video = "https://youtu.be/dQw4w9WgXcQ"
    async with GraphQLClient(live_server.url, token=manager_token) as author:
        # when he writes a two-section module with a video, for Lille's sellers, due in two weeks
        created = (await author.execute(CREATE_MODULE, {"input": module_input(
            "Accueil client", [lille.id], role="MEMBER", due_at=DUE,
            sections=sections(("Un regard", "## Saluer\nSaluez **vite**."), ("Écouter", "- Usage\n- Budget"), video=video),
        )}))["createTrainingModule"]
        module_id = created["module"]["id"]
        # and previews it
        preview = (await author.execute(PREVIEW, {"id": module_id}))["trainingModule"]
        source = (await author.execute(MODULE_SOURCE, {"id": module_id}))["trainingModuleSource"]
    # then it is a draft, previewed as the seller will read it, its video in its player
    assert created["__typename"] == "CreateTrainingModuleSuccess"
    assert created["module"]["publication"] == "DRAFT" and created["module"]["sectionCount"] == 2
    assert [s["title"] for s in preview["sections"]] == ["Un regard", "Écouter"]
    assert preview["sections"][0]["blocks"][1]["spans"][1] == {"kind": "STRONG", "text": "vite"}
    assert preview["sections"][1]["videoUrl"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert preview["sections"][1]["videoEmbedUrl"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert source["sections"][0]["body"] == "## Saluer\nSaluez **vite**."
    assignment = source["assignments"][0]
    assert (assignment["unitId"], assignment["unitName"], assignment["role"]) == (str(lille.id), lille.name, "MEMBER")
    assert datetime.fromisoformat(assignment["dueAt"]) == datetime.fromisoformat(DUE)
    # and the seller neither lists it nor opens it, and is not told, while the Nord manager reads it
    async with GraphQLClient(live_server.url, token=seller_token) as reader:
        assert (await reader.execute(MY_MODULES))["myModules"] == []
        assert (await reader.execute(PREVIEW, {"id": module_id}))["trainingModule"] is None
    async with GraphQLClient(live_server.url, token=nord_token) as above:
        listed = (await above.execute(MANAGED_MODULES))["managedTrainingModules"]
    assert [m["title"] for m in listed] == ["Accueil client"]
    assert not await Notification.filter(user_id=seller.id, kind=NotificationKind.TRAINING_ASSIGNED).exists()

    # when he publishes it
    async with GraphQLClient(live_server.url, token=manager_token) as author:
        published = (await author.execute(PUBLISH_MODULE, {"id": module_id}))["publishTrainingModule"]
        again = (await author.execute(PUBLISH_MODULE, {"id": module_id}))["publishTrainingModule"]
    # then the seller is told, and finds it in her modules with its due date
    assert published["module"]["publication"] == "PUBLISHED"
    assert again["__typename"] == "ConflictError" and again["code"] == "training_publication_invalid"
    told = await Notification.filter(user_id=seller.id, kind=NotificationKind.TRAINING_ASSIGNED).first()
    assert told is not None and told.link == f"/apprendre/{module_id}"
    assert not await Notification.filter(user_id=manager.id, kind=NotificationKind.TRAINING_ASSIGNED).exists()
    async with GraphQLClient(live_server.url, token=seller_token) as reader:
        mine = (await reader.execute(MY_MODULES))["myModules"]
    assert [(m["title"], m["status"], m["publication"]) for m in mine] == [("Accueil client", "NOT_STARTED", "PUBLISHED")]
    assert mine[0]["dueAt"] is not None


async def test_bad_input_gets_a_typed_error_and_changes_nothing(live_server):
    # given the manager of Lille and one of his drafts without an audience
    network = await make_network()
    lille, arras = network.points_of_sale["Lille"], network.points_of_sale["Arras"]
    manager, token = await signed_in(lille, Role.MANAGER)
    draft_id = await make_module(manager, [], title="Sans public", publish=False)
    before = await TrainingModule.filter(organization_id=network.organization_id).count()
    cases = {
        "a video of another host": module_input(
            "Vidéo", [lille.id], sections=sections(("Un", "x"), video="https://video.example.com/watch?v=dQw4w9WgXcQ")
        ),
        "a one-letter title": module_input("A", [lille.id]),
        "no section": module_input("Vide", [lille.id], sections=[]),
        "a unit of a sibling": module_input("Arras", [arras.id]),
        "a unit above him": module_input("Nord", [network.regions["Nord"].id]),
        "everyone": module_input("Tous", [], openToAll=True),
        "a duration of a week": module_input("Long", [lille.id], durationMinutes=10_080),
        "an image of no one": module_input("Image", [lille.id], sections=[{"title": "Un", "imageId": "999999"}]),
        "published without audience": module_input("Personne", [], publish=True),
    }
    async with GraphQLClient(live_server.url, token=token) as author:
        # when he sends each
        answers = {name: (await author.execute(CREATE_MODULE, {"input": value}))["createTrainingModule"]
                   for name, value in cases.items()}
        publish = (await author.execute(PUBLISH_MODULE, {"id": str(draft_id)}))["publishTrainingModule"]
    # then each is refused with its reason, and no module was stored nor published
    codes = {name: (a["__typename"], a["code"]) for name, a in answers.items()}
    assert codes == {
        "a video of another host": ("ValidationError", "training_video_host_invalid"),
        "a one-letter title": ("ValidationError", "training_title_invalid"),
        "no section": ("ValidationError", "training_sections_invalid"),
        "a unit of a sibling": ("NotAllowedError", "not_allowed"),
        "a unit above him": ("NotAllowedError", "not_allowed"),
        "everyone": ("NotAllowedError", "not_allowed"),
        "a duration of a week": ("ValidationError", "training_duration_invalid"),
        "an image of no one": ("ValidationError", "training_image_invalid"),
        "published without audience": ("ValidationError", "training_audience_missing"),
    }
    assert "youtube.com" in answers["a video of another host"]["message"]
    assert publish["code"] == "training_audience_missing"
    assert await TrainingModule.filter(organization_id=network.organization_id).count() == before
    assert (await TrainingModule.get(id=draft_id)).publication == "DRAFT"


async def test_editing_rewrites_the_module_and_tells_only_the_people_it_newly_reaches(live_server):
    # given a module published to Lille, half read by a seller of Lille
    network = await make_network()
    lille, arras = network.points_of_sale["Lille"], network.points_of_sale["Arras"]
    nord = network.regions["Nord"]
    manager, token = await signed_in(nord, Role.MANAGER)
    lille_seller, _ = await signed_in(lille)
    arras_seller, arras_token = await signed_in(arras)
    module_id = await make_module(manager, [lille], sections=3)
    await ModuleProgress.create(module_id=module_id, user_id=lille_seller.id, organization_id=network.organization_id, sections_done=2)
    refused_edit = module_input("Accueil", [lille.id], sections=sections(("Un", "x"), ("Deux", "y" * 20_001)))
    async with GraphQLClient(live_server.url, token=token) as author:
        # when a bad edit is sent, then a good one adding Arras with two sections
        refused = (await author.execute(UPDATE_MODULE, {"input": {"id": str(module_id), **refused_edit}}))["updateTrainingModule"]
        edited = (await author.execute(UPDATE_MODULE, {"input": {"id": str(module_id), **module_input(
            "Accueil client revu", [lille.id, arras.id], sections=sections(("Un", "**Un**"), ("Deux", "Deux"))
        )}}))["updateTrainingModule"]
    # then the bad one changed nothing
    assert refused["__typename"] == "ValidationError" and refused["code"] == "training_section_invalid"
    # and the good one replaced the text and the audience, keeping the seller's progress
    assert edited["module"] == {"id": str(module_id), "title": "Accueil client revu", "publication": "PUBLISHED", "sectionCount": 2}
    assert [s.title for s in await ModuleSection.filter(module_id=module_id).order_by("position")] == ["Un", "Deux"]
    assert await ModuleAssignment.filter(module_id=module_id).count() == 2
    assert (await ModuleProgress.get(module_id=module_id, user_id=lille_seller.id)).sections_done == 2
    # and only Arras, newly reached, is told
    assert await Notification.filter(user_id=arras_seller.id, kind=NotificationKind.TRAINING_ASSIGNED).count() == 1
    assert await Notification.filter(user_id=lille_seller.id, kind=NotificationKind.TRAINING_ASSIGNED).count() == 1
    async with GraphQLClient(live_server.url, token=arras_token) as reader:
        assert [m["title"] for m in (await reader.execute(MY_MODULES))["myModules"]] == ["Accueil client revu"]


async def test_archiving_takes_a_module_off_the_lists_and_keeps_its_history(live_server):
    # given a module of Lille a seller completed, and another she has not started
    network = await make_network()
    lille = network.points_of_sale["Lille"]
    manager, manager_token = await signed_in(lille, Role.MANAGER)
    seller, seller_token = await signed_in(lille)
    done_id = await make_module(manager, [lille], title="Accueil", sections=1)
    idle_id = await make_module(manager, [lille], title="Financement", sections=1)
    async with GraphQLClient(live_server.url, token=seller_token) as reader:
        assert (await reader.execute(PROGRESS, {"id": str(done_id), "done": 1}))["recordTrainingProgress"]["module"]["status"] == "COMPLETED"
    # when the manager archives both
    async with GraphQLClient(live_server.url, token=manager_token) as author:
        for module_id in (done_id, idle_id):
            archived = (await author.execute(ARCHIVE_MODULE, {"id": str(module_id)}))["archiveTrainingModule"]
            assert archived["module"]["publication"] == "ARCHIVED"
        listed = {m["title"]: m["publication"] for m in (await author.execute(MANAGED_MODULES))["managedTrainingModules"]}
    # then they leave the seller's list, she still reads what she completed, and follows neither any more
    async with GraphQLClient(live_server.url, token=seller_token) as reader:
        mine = (await reader.execute(MY_MODULES))["myModules"]
        history = (await reader.execute(PREVIEW, {"id": str(done_id)}))["trainingModule"]
        follow = (await reader.execute(PROGRESS, {"id": str(idle_id), "done": 1}))["recordTrainingProgress"]
    assert mine == []
    assert history["status"] == "COMPLETED" and history["publication"] == "ARCHIVED"
    assert follow == {"__typename": "ConflictError", "code": "training_module_archived"}
    assert await ModuleProgress.filter(module_id=done_id, user_id=seller.id, completed_at__not_isnull=True).exists()
    assert listed == {"Accueil": "ARCHIVED", "Financement": "ARCHIVED"}
    # when he brings one back, it is on her list again
    async with GraphQLClient(live_server.url, token=manager_token) as author:
        assert (await author.execute(PUBLISH_MODULE, {"id": str(idle_id)}))["publishTrainingModule"]["module"]["publication"] == "PUBLISHED"
    async with GraphQLClient(live_server.url, token=seller_token) as reader:
        assert [m["title"] for m in (await reader.execute(MY_MODULES))["myModules"]] == ["Financement"]
