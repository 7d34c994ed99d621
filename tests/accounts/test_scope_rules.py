"""Every accounts and people field that takes an id, tried by a member, a manager of a sibling
unit and a manager of a child unit: all refused; the manager of the unit is allowed.

The people and invites acted on belong to the Nord region itself, so the manager of Lille
(below Nord) does not manage them, nor does the manager of Sud-Ouest (beside it)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from schema.accounts.mutations import AccountsMutation
from schema.accounts.people_queries import PeopleQuery
from schema.accounts.queries import AccountsQuery
from server.accounts.invitations import Invitee, invite_people
from server.accounts.models import Role, User
from server.network.scope import scope_of_user
from tests.factories import make_network, make_user, signed_in
from tests.scope_rules import ALLOWED, CHILD, MEMBER, SIBLING, Rule, missing_rules, run_table


@dataclass
class World:
    nord_id: int
    to_update: int
    to_deactivate: int
    to_reactivate: int
    to_sign_out: int
    to_resend: int
    to_revoke: int


def _fresh() -> str:
    return f"invite-{uuid.uuid4().hex[:10]}@test.example"


RULES = [
    Rule("createInvite", "mutation($u: ID!) { createInvite(input: {unitId: $u}) { __typename } }",
         lambda w: {"u": str(w.nord_id)}),
    Rule("invitePeople", "mutation($u: ID!, $e: String!) { invitePeople(input: {unitId: $u, people: [{email: $e}]}) { __typename } }",
         lambda w: {"u": str(w.nord_id), "e": _fresh()}),
    Rule("resendInvite", "mutation($i: ID!) { resendInvite(inviteId: $i) { __typename } }",
         lambda w: {"i": str(w.to_resend)}),
    Rule("revokeInvite", "mutation($i: ID!) { revokeInvite(inviteId: $i) { __typename } }",
         lambda w: {"i": str(w.to_revoke)}),
    Rule("updatePerson", "mutation($p: ID!) { updatePerson(input: {personId: $p, role: MANAGER}) { __typename } }",
         lambda w: {"p": str(w.to_update)}),
    Rule("deactivatePerson", "mutation($p: ID!) { deactivatePerson(personId: $p) { __typename } }",
         lambda w: {"p": str(w.to_deactivate)}),
    Rule("reactivatePerson", "mutation($p: ID!) { reactivatePerson(personId: $p) { __typename } }",
         lambda w: {"p": str(w.to_reactivate)}),
    Rule("revokeSessions", "mutation($p: ID) { revokeSessions(personId: $p) { __typename } }",
         lambda w: {"p": str(w.to_sign_out)}),
    Rule("people", "query($u: ID) { people(filter: {unitId: $u}) { totalCount } }",
         lambda w: {"u": str(w.nord_id)}),
    Rule("pendingInvites", "query($u: ID) { pendingInvites(unitId: $u) { totalCount } }",
         lambda w: {"u": str(w.nord_id)}),
]


async def test_every_accounts_field_taking_an_id_has_a_scope_rule():
    assert missing_rules(RULES, AccountsQuery, PeopleQuery, AccountsMutation) == set()


async def test_members_sibling_and_child_managers_are_refused(live_server):
    # given people and invites of the Nord region itself, and its manager
    network = await make_network()
    nord = network.regions["Nord"]
    manager, manager_token = await signed_in(nord, Role.MANAGER)
    people = [await make_user(nord) for _ in range(4)]
    await User.filter(id=people[2].id).update(deactivated_at=datetime.now(UTC))
    sent = await invite_people(await scope_of_user(manager), [Invitee(_fresh()), Invitee(_fresh())], nord.id, Role.MEMBER)
    world = World(nord.id, people[0].id, people[1].id, people[2].id, people[3].id, sent.invites[0].id, sent.invites[1].id)
    tokens = {
        MEMBER: (await signed_in(network.points_of_sale["Lille"]))[1],
        SIBLING: (await signed_in(network.regions["Sud-Ouest"], Role.MANAGER))[1],
        CHILD: (await signed_in(network.points_of_sale["Lille"], Role.MANAGER))[1],
        ALLOWED: manager_token,
    }
    # when each tries each field
    table = await run_table(live_server, world, RULES, tokens)
    # then every verdict is the rule's
    assert table.mismatches() == []
