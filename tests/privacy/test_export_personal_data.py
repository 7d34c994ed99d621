"""« Mes données »: a person downloads everything Élan holds about them, within seconds, as a
zip of JSON with CSV for the tables; the export covers every model that references a person."""

from __future__ import annotations

import io
import json
import time
import zipfile

import httpx
from tortoise import Tortoise, fields

from server.accounts.models import Role
from server.accounts.services import open_session
from server.privacy import export
from server.privacy.registry import EMAIL_COLUMNS, PERSON_ID_COLUMNS, PERSON_REFERENCES
from tests.factories import deferred_work_done, signed_in
from tests.graphql_client import GraphQLClient
from tests.privacy.world import NAME, seller_with_everything

EXPORT = """
mutation Export($personId: ID) {
  exportPersonalData(personId: $personId) {
    __typename
    ... on ExportPersonalDataSuccess { export { id status personName downloadUrl sizeBytes expiresAt } }
    ... on UserError { code message }
  }
}
"""
MY_EXPORTS = "{ myDataExports { id status downloadUrl personName } }"


def _person_references_in_models() -> set[tuple[str, str]]:
    """Every (model, column) of every model that holds a person: a key to User, a bare person id,
    an e-mail address."""
    found: set[tuple[str, str]] = set()
    for name, model in Tortoise.apps["elan"].items():
        for field_name, field in model._meta.fields_map.items():
            if isinstance(field, fields.relational.ForeignKeyFieldInstance | fields.relational.OneToOneFieldInstance):
                if field.related_model.__name__ == "User":
                    found.add((name, field.source_field or f"{field_name}_id"))
            elif isinstance(field, fields.relational.ManyToManyFieldInstance):
                if field.related_model.__name__ == "User":
                    found.add((name, field_name))
            elif field_name in PERSON_ID_COLUMNS and field_name not in model._meta.fk_fields:
                found.add((name, field_name))
            elif field_name in EMAIL_COLUMNS:
                found.add((name, field_name))
    found.discard(("User", "email"))  # the person row itself, exported by id
    found.add(("User", "id"))
    return found


async def test_every_model_referencing_a_person_is_covered_by_the_export(live_server):
    # given every model of the application, walked field by field
    in_models = _person_references_in_models()
    # when the registry the export reads is compared with them
    registered = {(ref.model, ref.field) for ref in PERSON_REFERENCES if not ref.where}
    # then no reference is left out, and none is stale
    assert in_models - registered == set(), "add these to server/privacy/registry.py"
    assert registered - in_models == set()


def _unzip(content: bytes) -> tuple[dict, set[str]]:
    archive = zipfile.ZipFile(io.BytesIO(content))
    return json.loads(archive.read("donnees.json")), set(archive.namelist())


async def test_a_seller_downloads_everything_held_about_her_within_seconds(live_server):
    # given a seller who used every part of Élan
    story = await seller_with_everything()
    token = await open_session(story.seller)
    async with GraphQLClient(live_server.url, token=token) as julie:
        # when she asks for « Mes données »
        started = time.monotonic()
        made = (await julie.execute(EXPORT))["exportPersonalData"]
        async with httpx.AsyncClient(base_url=live_server.url, headers={"Authorization": f"Bearer {token}"}) as http:
            response = await http.get(made["export"]["downloadUrl"])
        elapsed = time.monotonic() - started
        listed = (await julie.execute(MY_EXPORTS))["myDataExports"]
    # then the zip is ready at once, in well under the few seconds promised
    assert made["__typename"] == "ExportPersonalDataSuccess"
    assert made["export"]["status"] == "READY" and made["export"]["personName"] == NAME
    assert response.status_code == 200 and response.headers["content-type"] == "application/zip"
    assert elapsed < 5
    assert listed[0]["id"] == made["export"]["id"]
    document, names = _unzip(response.content)
    # and it holds a section for every kind of row she has, with CSV for the tables
    about = {export.model_named(ref.model)._meta.db_table for ref in PERSON_REFERENCES if ref.about}
    assert about - set(document["data"]) == set()
    assert {"csv/result.csv", "csv/post.csv", "csv/quiz_attempt.csv", "csv/badge_award.csv", "csv/session.csv"} <= names
    assert document["person"]["email"] == story.seller.email
    assert document["data"]["post"][0]["body"] == "Trois contrats signés ce matin"
    assert document["data"]["audit_entry"][0]["before"]["name"] == NAME
    # and no secret: no password or token hash, no device key
    text = json.dumps(document)
    assert "password_hash" not in text and "token_hash" not in text and "p256dh" not in text


async def test_the_link_works_only_for_who_asked_signed_in(live_server):
    # given a seller's ready export
    story = await seller_with_everything()
    token = await open_session(story.seller)
    async with GraphQLClient(live_server.url, token=token) as julie:
        url = (await julie.execute(EXPORT))["exportPersonalData"]["export"]["downloadUrl"]
    other = await open_session(story.colleague)
    async with httpx.AsyncClient(base_url=live_server.url) as http:
        # when a colleague, or nobody, opens her link
        colleague = await http.get(url, headers={"Authorization": f"Bearer {other}"})
        anonymous = await http.get(url)
        mine = await http.get(url, headers={"Authorization": f"Bearer {token}"})
    # then only she gets the file
    assert (colleague.status_code, anonymous.status_code, mine.status_code) == (404, 404, 200)


async def test_a_large_export_is_built_in_the_background(live_server, monkeypatch):
    # given a seller whose data is past the size built in the request
    story = await seller_with_everything()
    monkeypatch.setattr(export, "INLINE_ROWS", 0)
    token = await open_session(story.seller)
    async with GraphQLClient(live_server.url, token=token) as julie:
        # when she asks for it
        made = (await julie.execute(EXPORT))["exportPersonalData"]["export"]
        # then it is being built, and once the job ran her link is there
        assert made["status"] == "PENDING" and made["downloadUrl"] is None
        await deferred_work_done()
        ready = (await julie.execute(MY_EXPORTS))["myDataExports"][0]
    assert ready["status"] == "READY" and ready["downloadUrl"]


async def test_head_office_exports_a_person_and_the_export_is_audited(live_server):
    # given a seller and head office
    story = await seller_with_everything()
    _, admin_token = await signed_in(story.network.root, Role.ADMIN, "Claire Fontaine")
    async with GraphQLClient(live_server.url, token=admin_token) as claire:
        # when head office exports her data
        made = (await claire.execute(EXPORT, {"personId": str(story.seller.id)}))["exportPersonalData"]
    # then it is made, and the audit trail says so
    from server.audit.models import AuditEntry

    assert made["export"]["status"] == "READY"
    assert await AuditEntry.filter(action="person.data_exported", subject_id=story.seller.id).exists()
