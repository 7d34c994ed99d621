"""Active people per week, with a history: a session first used in a new week records that week
for its person (once), the plan's weekly history reads it per unit, and the retention indicator
over a past window counts who was active then, not who signed in lately."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.accounts.activity import week_of
from server.accounts.models import ActiveWeek, Role, Session, User
from server.accounts.sessions import current_session, open_session
from server.plans.improvement import _value
from tests.factories import make_network, make_user, signed_in
from tests.graphql_client import GraphQLClient

ACTIVITY = """
query($unit: ID, $weeks: Int) { unitActivity(unitId: $unit, weeks: $weeks) {
  unitName weeks { weekStart activePeople people share } } }
"""


async def _weeks_of(person: User) -> list:
    return sorted(await ActiveWeek.filter(user_id=person.id).values_list("week_start", flat=True))


async def test_a_session_records_each_week_of_use_once(live_server):
    # given a seller who signed in (this week recorded) and last used her session two weeks ago
    network = await make_network()
    seller = await make_user(network.points_of_sale["Lille"])
    token = await open_session(seller)
    now = datetime.now(UTC)
    assert await _weeks_of(seller) == [week_of(now)]
    await ActiveWeek.filter(user_id=seller.id).delete()
    await Session.filter(user_id=seller.id).update(last_seen_at=now - timedelta(days=14))
    # when she comes back, then makes more requests the same week
    for _ in range(3):
        assert await current_session(token) is not None
    # then this week is recorded once
    assert await _weeks_of(seller) == [week_of(now)]


async def test_a_point_of_sale_reads_twelve_weeks_of_active_people(live_server):
    # given Lille's three sellers: two active three weeks ago, one of them this week too
    network = await make_network()
    lille = network.points_of_sale["Lille"]
    long_ago = datetime.now(UTC) - timedelta(days=200)
    people = [await make_user(lille) for _ in range(3)]
    await User.filter(id__in=[p.id for p in people]).update(created_at=long_ago)
    this_week = week_of(datetime.now(UTC))
    then = this_week - timedelta(weeks=3)
    for person in people[:2]:
        await ActiveWeek.create(user_id=person.id, week_start=then)
    await ActiveWeek.create(user_id=people[0].id, week_start=this_week)
    seller, token = await signed_in(lille)  # signing in counts her this week
    await User.filter(id=seller.id).update(created_at=long_ago)
    # when a seller of Lille reads her point of sale's history
    async with GraphQLClient(live_server.url, token=token) as client:
        history = (await client.execute(ACTIVITY))["unitActivity"]
        refused = await client.errors(ACTIVITY, {"unit": str(network.points_of_sale["Arras"].id)})
        bad = (await client.errors(ACTIVITY, {"weeks": 400}))[0]["extensions"]["code"]
    # then twelve weeks, this one last: 2 of 4 three weeks ago, 2 of 4 this week
    weeks = history["weeks"]
    assert history["unitName"] == "Lille Centre" and len(weeks) == 12
    assert weeks[-1]["weekStart"] == this_week.isoformat()
    assert (weeks[-4]["activePeople"], weeks[-4]["people"], weeks[-4]["share"]) == (2, 4, 50.0)
    assert (weeks[-1]["activePeople"], weeks[-1]["people"]) == (2, 4)
    assert weeks[-2]["activePeople"] == 0
    # and never another point of sale's, nor a silly length
    assert refused[0]["extensions"]["code"] == "FORBIDDEN"
    assert bad == "BAD_USER_INPUT"


async def test_retention_over_a_past_window_counts_who_was_active_then(live_server):
    # given Arras: four people two months ago, three of them active then, none signed in since;
    # and one who joined last week (not there then)
    network = await make_network()
    arras = network.points_of_sale["Arras"]
    now = datetime.now(UTC)
    people = [await make_user(arras) for _ in range(4)]
    await User.filter(id__in=[p.id for p in people]).update(created_at=now - timedelta(days=300))
    window_end = now - timedelta(days=45)
    for person in people[:3]:
        await ActiveWeek.create(user_id=person.id, week_start=week_of(window_end - timedelta(days=10)))
    await make_user(arras, Role.MEMBER, "Nouvelle Recrue")
    # when the retention indicator is read over the 30 days to then
    value = await _value(arras, "RETENTION", window_end - timedelta(days=30), window_end)
    # then three of the four people there then were active
    assert value == 75.0
    # and over this week's window, none of them was
    assert await _value(arras, "RETENTION", now - timedelta(days=3), now + timedelta(days=1)) == 0.0
