"""The running server's heap: what start-up loaded is left out of the garbage collector's passes."""

from __future__ import annotations

import gc

from server.heap import YOUNG_THRESHOLD
from tests.graphql_client import GraphQLClient


async def test_a_started_server_leaves_what_it_loaded_out_of_full_collections(live_server) -> None:  # type: ignore[no-untyped-def]
    async with GraphQLClient(live_server.url) as client:
        assert await client.execute("{ __typename }") == {"__typename": "Query"}
    # the modules, the schema and the models loaded at start are frozen: a full collection no
    # longer walks them (about 100 ms each before, paid by whichever request allocated then)
    assert gc.get_freeze_count() > 100_000
    assert gc.get_threshold()[0] == YOUNG_THRESHOLD
