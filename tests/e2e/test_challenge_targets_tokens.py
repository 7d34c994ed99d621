"""Two management screens on a phone: a manager spreads a unit's monthly target among its people
and sees each one's share; an admin creates an integration token for head office's CRM, sees its
secret once, the CRM records a result with it, then the admin revokes it and the CRM is refused."""

from __future__ import annotations

import pytest
from playwright.async_api import expect

from server.accounts.models import Role
from server.challenges.models import Result, Target
from tests.challenges.given import arena, now
from tests.e2e.test_feed_slice import sign_in
from tests.factories import signed_in
from tests.graphql_client import GraphQLClient

pytestmark = pytest.mark.e2e

RECORD = """
mutation($metric: ID!, $participant: ID!, $value: Float!, $at: DateTime!, $key: String!) {
  recordResult(metric: $metric, participant: $participant, value: $value, occurredAt: $at, idempotencyKey: $key) {
    __typename ... on UserError { code } } }
"""


async def test_a_manager_spreads_a_units_target_and_sees_each_members_share(live_server, phones):
    # given Nord's manager and three sellers in Lille Centre, without targets
    found = await arena(sellers=3, target=None, names=["Julie Moreau", "Thomas Petit", "Camille Roux"])
    phone = await phones()
    page = phone.page
    await sign_in(page, found.manager.email)

    # when he opens the targets tab of challenge management (no tokens link: he is not an admin)
    await page.goto("/challenges/manage")
    await page.get_by_role("button", name="Objectifs").click()
    await expect(page.get_by_test_id("open-tokens")).to_have_count(0)
    form = page.get_by_test_id("spread-form")
    await expect(form.get_by_role("heading", name="Répartir l’objectif d’une unité")).to_be_visible()
    await form.get_by_test_id("spread-unit").select_option(label="Lille Centre")
    await form.get_by_test_id("spread-metric").select_option(label="Véhicules neufs vendus")

    # and forgets the total: the message is next to its field, nothing is set
    await form.get_by_role("button", name="Répartir l’objectif").click()
    await expect(page.get_by_test_id("spread-error-value")).to_have_text("Indiquez un total supérieur à zéro.")
    assert not await Target.filter(organization_id=found.network.organization_id).exists()

    # when he spreads 30 over the month
    await form.get_by_label("Objectif total de l’unité").fill("30")
    await form.get_by_role("button", name="Répartir l’objectif").click()

    # then he reads who received what, and the targets are saved
    result = page.get_by_test_id("spread-result")
    await expect(result).to_contain_text("3 personne(s) ont reçu un objectif de 10 chacune.")
    members = page.get_by_test_id("spread-member")
    await expect(members).to_have_count(3)
    await expect(members.nth(0)).to_contain_text("Camille Roux")
    await expect(members.nth(0)).to_contain_text("10")
    await expect(page.get_by_test_id("spread-error-value")).to_have_count(0)
    for seller in found.sellers:
        assert (await Target.get(user_id=seller.id)).value == 10
    unit_target = await Target.get(unit_id=found.network.points_of_sale["Lille"].id)
    assert unit_target.value == 30 and unit_target.period_start.day == 1
    assert phone.console_errors == []


async def test_an_admin_creates_a_token_the_crm_uses_it_then_it_is_revoked(live_server, phones):
    # given an admin of the network, and a seller in Lille Centre
    found = await arena(sellers=1, target=None, names=["Julie Moreau"])
    admin, _ = await signed_in(found.network.root, Role.ADMIN, "Sophie Bernard")
    phone = await phones()
    await phone.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = phone.page
    await sign_in(page, admin.email)

    # when she opens the integration tokens from challenge management and creates one for Nord
    await page.goto("/challenges/manage")
    await page.get_by_test_id("open-tokens").click()
    await page.wait_for_url("**/challenges/tokens")
    await expect(page.get_by_text("Aucun jeton pour l’instant.")).to_be_visible()
    await page.get_by_role("button", name="Créer le jeton").click()
    await expect(page.get_by_test_id("token-error-name")).to_have_text("Donnez-lui un nom de 2 à 80 caractères.")
    await page.get_by_label("Nom", exact=True).fill("CRM concessions")
    await page.get_by_label("Unité couverte").select_option(label="Nord")
    await page.get_by_role("button", name="Créer le jeton").click()

    # then its secret is shown once, with a warning and a copy button
    shown = page.get_by_test_id("token-secret")
    await expect(shown).to_contain_text("Copiez le jeton « CRM concessions » maintenant : il ne sera plus jamais affiché.")
    secret = (await page.get_by_test_id("token-secret-value").text_content() or "").strip()
    assert len(secret) > 20
    await shown.get_by_role("button", name="Copier le jeton").click()
    await expect(shown.get_by_text("Jeton copié.")).to_be_visible()
    assert await page.evaluate("navigator.clipboard.readText()") == secret
    row = page.get_by_test_id("token-row")
    await expect(row).to_contain_text("CRM concessions · Nord")
    await expect(row).to_contain_text("jamais utilisé")

    # when the CRM records a sale with it over HTTP
    variables = {"metric": str(found.metric.id), "participant": str(found.sellers[0].id), "value": 2,
                 "at": now().isoformat(), "key": "crm-e2e-0001"}
    async with GraphQLClient(live_server.url, token=secret) as crm:
        recorded = await crm.execute(RECORD, variables)
    assert recorded["recordResult"]["__typename"] == "RecordResultSuccess"
    assert await Result.filter(user_id=found.sellers[0].id, token_id__isnull=False).count() == 1

    # then, back on the screen, the secret is gone for good and the last use shows
    await page.reload()
    await expect(row).to_contain_text("dernière utilisation le")
    await expect(page.get_by_test_id("token-secret")).to_have_count(0)
    await expect(page.get_by_text(secret)).to_have_count(0)

    # when she revokes it, after confirming
    await row.get_by_role("button", name="Révoquer").click()
    await expect(row).to_contain_text("Révoquer « CRM concessions » ? Le CRM qui l’utilise sera refusé immédiatement.")
    await row.get_by_role("button", name="Oui, révoquer").click()
    await expect(row.get_by_test_id("token-state")).to_contain_text("Révoqué le")
    await expect(row.get_by_role("button", name="Révoquer")).to_have_count(0)

    # then the CRM is refused and nothing more is recorded
    async with GraphQLClient(live_server.url, token=secret) as crm:
        refused = await crm.raw(RECORD, {**variables, "key": "crm-e2e-0002"})
    assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert await Result.filter(user_id=found.sellers[0].id).count() == 1
    assert phone.console_errors == []
