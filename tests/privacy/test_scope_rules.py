"""Every privacy field that takes an id, tried by a member, a manager of a sibling unit and a
manager of a child unit: all refused; the one the rule names is allowed.

The people acted on belong to the Nord region itself, so the manager of Lille (below Nord)
does not manage them, nor does the manager of Sud-Ouest (beside it). Erasure is head office's
alone: even Nord's manager is refused, head office is the allowed one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from schema.privacy.mutations import PrivacyMutation
from schema.privacy.queries import PrivacyQuery
from server.accounts.models import Role, User
from tests.factories import make_network, make_user, signed_in
from tests.scope_rules import ALLOWED, CHILD, MEMBER, SIBLING, Rule, missing_rules, run_table

HEAD_OFFICE = "head office"


@dataclass
class World:
    to_export: int
    to_erase: int


RULES = [
    Rule("exportPersonalData", "mutation($p: ID) { exportPersonalData(personId: $p) { __typename } }",
         lambda w: {"p": str(w.to_export)}),
    Rule("erasePerson", "mutation($p: ID!) { erasePerson(personId: $p) { __typename } }",
         lambda w: {"p": str(w.to_erase)}, allowed=HEAD_OFFICE, why="head office alone erases"),
    # head office's own screens: no id, but nobody else reads or changes them
    Rule("privacyPolicy", "{ privacyPolicy { resultsDays } }", lambda w: {}, allowed=HEAD_OFFICE),
    Rule("retentionRuns", "{ retentionRuns { ranAt } }", lambda w: {}, allowed=HEAD_OFFICE),
    Rule("dataRegister", "{ dataRegister { key } }", lambda w: {}, allowed=HEAD_OFFICE),
    Rule("updatePrivacyPolicy", "mutation { updatePrivacyPolicy(input: {outboxDays: 30}) { __typename } }",
         lambda w: {}, allowed=HEAD_OFFICE),
]


async def test_every_privacy_field_taking_an_id_has_a_scope_rule():
    assert missing_rules(RULES, PrivacyQuery, PrivacyMutation) == set()


async def test_members_sibling_and_child_managers_are_refused(live_server):
    # given people of the Nord region itself, its manager and head office
    network = await make_network()
    nord = network.regions["Nord"]
    _, manager_token = await signed_in(nord, Role.MANAGER)
    _, admin_token = await signed_in(network.root, Role.ADMIN)
    to_export = await make_user(nord)
    to_erase = await make_user(nord)
    await User.filter(id=to_erase.id).update(deactivated_at=datetime.now(UTC))
    tokens = {
        MEMBER: (await signed_in(network.points_of_sale["Lille"]))[1],
        SIBLING: (await signed_in(network.regions["Sud-Ouest"], Role.MANAGER))[1],
        CHILD: (await signed_in(network.points_of_sale["Lille"], Role.MANAGER))[1],
        ALLOWED: manager_token,
        HEAD_OFFICE: admin_token,
    }
    # when each tries each field
    table = await run_table(live_server, World(to_export.id, to_erase.id), RULES, tokens)
    # then every verdict is the rule's
    assert table.mismatches() == []
