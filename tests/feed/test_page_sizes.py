"""Every page size of the feed, challenges and notifications is checked: too large or too small
comes back as a typed error a person can read, never as an unexpected fault with a traceback."""

from __future__ import annotations

import logging

import pytest

from tests.challenges.given import arena, live_challenge, sell
from tests.feed.documents import create
from tests.graphql_client import GraphQLClient

COMMENTS = "query($id: ID!, $first: Int!) { post(id: $id) { id comments(first: $first) { edges { cursor } } } }"
FEED = "query($first: Int!) { feed(first: $first) { edges { cursor } } }"
NOTIFICATIONS = "query($first: Int!) { notifications(first: $first) { edges { cursor } } }"
LEADERBOARD = "query($id: ID!, $first: Int!) { challenge(id: $id) { id leaderboard(first: $first) { edges { cursor } } } }"
AUDIT = "query($first: Int!) { resultAudit(first: $first) { edges { cursor } } }"

CASES = [
    ("comments", COMMENTS, 100000, 50),
    ("comments", COMMENTS, 0, 50),
    ("feed", FEED, 51, 50),
    ("feed", FEED, -1, 50),
    ("notifications", NOTIFICATIONS, 1000, 50),
    ("leaderboard", LEADERBOARD, 1000, 100),
    ("resultAudit", AUDIT, 0, 100),
]


@pytest.mark.parametrize(("field", "document", "first", "most"), CASES)
async def test_a_page_size_out_of_range_is_a_typed_readable_error(live_server, caplog, field, document, first, most):
    # given a manager's challenge with a sale, and a post with a comment
    found = await arena(sellers=1)
    challenge = await live_challenge(found)
    await sell(found, found.sellers[0], 2)
    async with GraphQLClient(live_server.url, token=found.manager_token) as manager:
        post = (await create(manager, body="Bravo à tous"))["post"]
        # when a page too large or too small is asked for
        caplog.clear()
        with caplog.at_level(logging.ERROR):
            response = await manager.raw(document, {"first": first, "id": post["id"] if field == "comments" else str(challenge.id)})
    # then the error says what is wrong, in French, with a stable code, and nothing is logged
    # as a server fault
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["reason"] == "page_size_invalid"
    assert error["message"] == f"La taille de page doit être comprise entre 1 et {most}."
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
