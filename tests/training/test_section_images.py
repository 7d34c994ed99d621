"""A section's image, uploaded like a feed photo: served to those who read the module (a draft:
its managers only), refused in another author's module, and swept once no section holds it."""

from __future__ import annotations

from datetime import timedelta

import httpx

from server.accounts.models import Role
from server.media.cleanup import delete_orphan_media
from server.media.models import Media
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient
from tests.training.documents import CREATE_MODULE, PUBLISH_MODULE, UPDATE_MODULE, module_input
from tests.training.factories import upload_image


async def status_of(base_url: str, path: str, token: str) -> int:
    async with httpx.AsyncClient(base_url=base_url) as http:
        return (await http.get(path, headers={"Authorization": f"Bearer {token}"})).status_code


async def test_a_section_image_reaches_those_who_read_the_module_only(live_server):
    # given the Lille manager's draft whose first section shows an image he uploaded
    network = await make_network()
    other = await make_network()
    lille = network.points_of_sale["Lille"]
    _, author = await signed_in(lille, Role.MANAGER)
    _, nord = await signed_in(network.regions["Nord"], Role.MANAGER)
    _, seller = await signed_in(lille)
    _, arras = await signed_in(network.points_of_sale["Arras"])
    _, outsider = await signed_in(other.root, Role.ADMIN)
    image = await upload_image(live_server.url, author)
    sections = [{"title": "Le showroom", "body": "Voici l'accueil.", "imageId": image["id"]}, {"title": "Deux"}]
    async with GraphQLClient(live_server.url, token=author) as client:
        created = (await client.execute(CREATE_MODULE, {"input": module_input("Accueil", [lille.id], sections=sections)}))["createTrainingModule"]
    module_id = created["module"]["id"]
    url = image["fullUrl"]
    # then, while it is a draft, only those who manage it see the image
    assert {name: await status_of(live_server.url, url, token) for name, token in
            (("author", author), ("nord", nord), ("seller", seller), ("arras", arras), ("outsider", outsider))} == {
        "author": 200, "nord": 200, "seller": 404, "arras": 404, "outsider": 404}
    # when it is published, its audience sees it too, and no one else
    async with GraphQLClient(live_server.url, token=author) as client:
        assert (await client.execute(PUBLISH_MODULE, {"id": module_id}))["publishTrainingModule"]["__typename"] == "TrainingModulePublicationSuccess"
    assert await status_of(live_server.url, url, seller) == 200
    assert await status_of(live_server.url, image["feedUrl"], seller) == 200
    assert await status_of(live_server.url, url, arras) == 404
    assert await status_of(live_server.url, url, outsider) == 404


async def test_an_image_is_the_authors_own_and_goes_once_no_section_holds_it(live_server):
    # given an image of the Lille manager in his module
    network = await make_network()
    lille = network.points_of_sale["Lille"]
    _, author = await signed_in(lille, Role.MANAGER)
    _, nord = await signed_in(network.regions["Nord"], Role.MANAGER)
    image = await upload_image(live_server.url, author)
    with_image = module_input("Accueil", [lille.id], sections=[{"title": "Un", "imageId": image["id"]}])
    async with GraphQLClient(live_server.url, token=author) as client:
        module_id = (await client.execute(CREATE_MODULE, {"input": with_image}))["createTrainingModule"]["module"]["id"]
    # when the Nord manager puts the same image in a module of his
    async with GraphQLClient(live_server.url, token=nord) as client:
        borrowed = (await client.execute(CREATE_MODULE, {"input": with_image}))["createTrainingModule"]
    # then it is refused: an author shows his own uploads
    assert (borrowed["__typename"], borrowed["code"]) == ("ValidationError", "training_image_invalid")
    # and the sweep of orphan photos (with no grace period) leaves it while a section holds it
    await delete_orphan_media(timedelta(0))
    assert await Media.filter(id=int(image["id"])).exists()
    # until the module is edited without it
    async with GraphQLClient(live_server.url, token=author) as client:
        edited = (await client.execute(UPDATE_MODULE, {"input": {"id": module_id, **module_input("Accueil", [lille.id])}}))
    assert edited["updateTrainingModule"]["__typename"] == "UpdateTrainingModuleSuccess"
    await delete_orphan_media(timedelta(0))
    assert not await Media.filter(id=int(image["id"])).exists()
