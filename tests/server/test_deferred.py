"""Deferred work (server.deferred): kept with the change, done once after commit, never lost."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from server.db import atomic
from server.deferred.models import DeferredEvent
from server.deferred.services import MAX_ATTEMPTS, defer, handles, run_all_due, run_due
from server.notifications.models import Notification, NotificationKind
from server.notifications.services import notify
from tests.factories import deferred_work_done, make_network, make_user

done: list[dict[str, Any]] = []
broken = {"on": False}


@handles("tests.greeted")
async def greet(payload: dict[str, Any]) -> None:
    if broken["on"]:
        raise RuntimeError("the greeting service is down")
    await notify(int(payload["user_id"]), NotificationKind.TRAINING_ASSIGNED, params={"n": payload["n"]}, push=False)
    done.append(payload)


@pytest.fixture(autouse=True)
def fresh() -> None:
    done.clear()
    broken["on"] = False


async def test_deferred_work_commits_with_the_change_or_not_at_all(live_server):
    # given a change that defers work, then fails
    network = await make_network()
    person = await make_user(network.points_of_sale["Lille"])
    with pytest.raises(RuntimeError):
        async with atomic() as events:
            await defer(events, "tests.greeted", {"user_id": person.id, "n": 1})
            raise RuntimeError("the change fails")
    # then nothing is kept, nothing is done
    assert not await DeferredEvent.filter(name="tests.greeted").exists()
    # when the change commits, the work is done once, after it, by the server's runner
    async with atomic() as events:
        await defer(events, "tests.greeted", {"user_id": person.id, "n": 2})
    await deferred_work_done()
    assert [p["n"] for p in done] == [2]
    assert await Notification.filter(user_id=person.id).count() == 1
    assert not await DeferredEvent.filter(name="tests.greeted").exists()


async def test_a_failing_handler_keeps_its_work_for_later_with_the_reason(live_server):
    network = await make_network()
    person = await make_user(network.points_of_sale["Lille"])
    broken["on"] = True
    async with atomic() as events:
        await defer(events, "tests.greeted", {"user_id": person.id, "n": 3})
    # the server's runner tries at once and fails: the row stays, with the error and a back-off
    for _ in range(100):
        row = await DeferredEvent.filter(name="tests.greeted").first()
        if row is not None and row.attempts:
            break
        await asyncio.sleep(0.02)
    assert row is not None and row.attempts == 1 and "the greeting service is down" in (row.last_error or "")
    assert row.available_at > datetime.now(UTC)
    assert not await Notification.filter(user_id=person.id).exists()
    # when the service is back and the back-off is over, it is done exactly once
    broken["on"] = False
    await DeferredEvent.filter(id=row.id).update(available_at=datetime.now(UTC) - timedelta(seconds=1))
    await deferred_work_done()
    assert [p["n"] for p in done] == [3]
    assert await Notification.filter(user_id=person.id).count() == 1


async def test_work_that_keeps_failing_is_kept_as_failed_not_retried_forever(live_server):
    network = await make_network()
    person = await make_user(network.points_of_sale["Lille"])
    broken["on"] = True
    async with atomic() as events:
        await defer(events, "tests.greeted", {"user_id": person.id, "n": 4})
    for _ in range(MAX_ATTEMPTS):
        await DeferredEvent.filter(failed_at=None).update(available_at=datetime.now(UTC) - timedelta(seconds=1))
        await run_due()
    row = await DeferredEvent.get(name="tests.greeted")
    assert row.failed_at is not None and row.attempts == MAX_ATTEMPTS
    assert await run_all_due() == 0 and done == []
    await row.delete()


async def test_an_unknown_deferred_event_is_refused_at_once(live_server):
    with pytest.raises(LookupError):
        async with atomic() as events:
            await defer(events, "tests.nobody_listens", {})
    assert not await DeferredEvent.filter(name="tests.nobody_listens").exists()


@pytest.mark.postgres_redis
async def test_runners_racing_on_postgresql_do_each_piece_of_work_once(live_server):
    # given 40 pieces of work committed together
    network = await make_network()
    person = await make_user(network.points_of_sale["Arras"])
    async with atomic() as events:
        for n in range(40):
            await defer(events, "tests.greeted", {"user_id": person.id, "n": n})
    # when four runners claim at the same time (each its own connection and transaction)
    await asyncio.gather(run_due(7), run_due(7), run_due(7), run_all_due(), deferred_work_done())
    # then every piece was done exactly once
    assert sorted(p["n"] for p in done) == list(range(40))
    assert await Notification.filter(user_id=person.id).count() == 40
