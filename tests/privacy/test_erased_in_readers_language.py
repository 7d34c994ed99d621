"""An erased person's pseudonym is stored without a language: an English reader reads « Former
colleague » everywhere the person appears (board, profile, feed author, a comment naming them,
notifications, their own data export), a French reader « Ancien collaborateur »."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime

import httpx

from server.accounts.models import Role, User
from server.accounts.services import open_session
from server.feed.models import Comment, Post, PostKind
from server.network.scope import scope_of_user
from server.notifications.models import Notification, NotificationKind
from server.privacy.erasure import erase_person
from server.privacy.pseudonym import suffix_of
from server.push.delivery import Outbound
from server.push.payload import notification_spec, write_batch
from tests.factories import signed_in
from tests.graphql_client import GraphQLClient
from tests.privacy.world import seller_with_everything

BOARD = """
query Board($id: ID!) {
  challenge(id: $id) { leaderboard(first: 10) { edges { node { rank displayName } } } }
}
"""
PROFILE = "query Person($id: ID!) { user(id: $id) { displayName initials } }"
FEED = """
query Feed {
  feed(first: 20) { edges { node { id body author { displayName } systemRefs { people { id name } }
    comments(first: 10) { edges { node { body author { displayName } } } } } } }
}
"""
NOTIFICATIONS = """
query Bell { notifications(first: 20) { edges { node { kind actorNames refs { people { id name } } } } } }
"""
EXPORT = """
mutation Export { exportPersonalData { ... on ExportPersonalDataSuccess { export { downloadUrl } } } }
"""


async def _erased_story():
    """A seller who left, an automatic post about her, a colleague's comment naming her and a
    notification she caused, then her erasure by head office."""
    story = await seller_with_everything()
    seller, colleague = story.seller, story.colleague
    org, lille = story.network.organization_id, story.network.points_of_sale["Lille"]
    await Post.create(organization_id=org, author=seller, unit=lille, kind=PostKind.SYSTEM, body="",
                      system_kind="TOP_THREE_ENTERED",
                      system_params={"userId": seller.id, "challengeId": story.challenge.id, "rank": 1})
    await Comment.create(post=story.colleague_post, author=colleague, body=f"Merci {seller.display_name} !")
    await Notification.create(user=colleague, kind=NotificationKind.POST_LIKED,
                              params={"postId": story.colleague_post.id, "actorIds": [seller.id]}, actor_names=[seller.display_name])
    await User.filter(id=seller.id).update(deactivated_at=datetime.now(UTC))
    admin, _ = await signed_in(story.network.root, Role.ADMIN, "Claire Fontaine")
    await erase_person(await scope_of_user(admin, story.network.root), seller.id)
    return story


async def _everything_read_by(live_url: str, reader: User, story) -> str:
    token = await open_session(reader)
    async with GraphQLClient(live_url, token=token) as client:
        read = [
            await client.execute(BOARD, {"id": str(story.challenge.id)}),
            await client.execute(PROFILE, {"id": str(story.seller.id)}),
            await client.execute(FEED),
            await client.execute(NOTIFICATIONS),
        ]
        url = (await client.execute(EXPORT))["exportPersonalData"]["export"]["downloadUrl"]
    async with httpx.AsyncClient(base_url=live_url, headers={"Authorization": f"Bearer {token}"}) as http:
        archive = zipfile.ZipFile(io.BytesIO((await http.get(url)).content))
    exported = [archive.read(name).decode() for name in archive.namelist() if name.endswith((".json", ".csv"))]
    return json.dumps(read, ensure_ascii=False) + "\n".join(exported)


async def test_an_english_reader_reads_former_colleague_everywhere_and_a_french_one_ancien_collaborateur(live_server):
    # given an erased seller, an English-speaking colleague and a French-speaking one
    story = await _erased_story()
    code = suffix_of(story.seller.id)
    await User.filter(id=story.colleague.id).update(language="en")
    english = await User.get(id=story.colleague.id)
    french = await User.get(id=story.manager.id)
    # when each reads the board, her profile, the feed, their notifications and their own export
    in_english = await _everything_read_by(live_server.url, english, story)
    in_french = await _everything_read_by(live_server.url, french, story)
    # then the English reader reads her in English, wherever she appears, and no French nor marker
    assert in_english.count(f"Former colleague {code}") >= 6  # board, profile, post author, comment, bell, export
    assert "Ancien collaborateur" not in in_english and "⟦" not in in_english
    assert f"Merci Former colleague {code} !" in in_english
    # and the French reader in French
    assert f"Ancien collaborateur {code}" in in_french
    assert "Former colleague" not in in_french and "⟦" not in in_french


PEOPLE = """
query People($search: String) {
  people(filter: {search: $search, active: false}) { totalCount edges { node { displayName initials } } }
}
"""


async def test_head_office_finds_an_erased_person_by_the_pseudonym_it_reads_in_either_language(live_server):
    # given an erased seller, and head office reading the people list in English
    story = await _erased_story()
    code = suffix_of(story.seller.id)
    admin = await User.get(organization_id=story.network.organization_id, role=Role.ADMIN, display_name="Claire Fontaine")
    await User.filter(id=admin.id).update(language="en")
    async with GraphQLClient(live_server.url, token=await open_session(admin)) as client:

        async def found(search: str) -> list[str]:
            people = (await client.execute(PEOPLE, {"search": search}))["people"]
            return [edge["node"]["displayName"] for edge in people["edges"]]

        # when it searches by what it reads, by the French words, by the code, or a wrong code
        # then the erased seller is found under her English pseudonym, with her code's initials
        expected = [f"Former colleague {code}"]
        assert await found("former coll") == expected
        assert await found(f"Former colleague {code.lower()}") == expected
        assert await found("ancien collaborateur") == expected
        assert await found(code) == expected
        assert await found("Former colleague ZZZZ") == []
        # and her old name finds nobody
        assert await found(story.seller.display_name) == []
        initials = (await client.execute(PEOPLE, {"search": code}))["people"]["edges"][0]["node"]["initials"]
        assert initials == code[:2]


async def test_a_push_about_an_erased_person_reads_in_its_recipients_language(live_server):
    # given an erased seller who liked the post of a colleague who reads in English
    story = await _erased_story()
    code = suffix_of(story.seller.id)
    await User.filter(id=story.colleague.id).update(language="en")
    notification = await Notification.get(user_id=story.colleague.id, kind=NotificationKind.POST_LIKED)
    # when the push worker writes the push for that notification
    message = Outbound(notification.id, 0, "", "", "", notification_spec(notification, f"n{notification.id}"), 60, "normal", None, 0)
    await write_batch([message])
    # then the phone shows her English pseudonym, never the marker nor the French words
    assert message.payload["lang"] == "en"
    assert message.payload["body"] == f"Former colleague {code} likes your post"
