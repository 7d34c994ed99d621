"""Accounts and people in the browser, at 360×740: a forgotten password reset from the link of
/dev/mails; an admin invites someone who follows the link and signs in; a manager changes a
seller's role and deactivates her."""

from __future__ import annotations

import pytest
from playwright.async_api import expect

from server.accounts.models import Role, User
from tests.e2e.test_feed_slice import sign_in
from tests.factories import PASSWORD, make_network, make_user

pytestmark = pytest.mark.e2e

NEW_PASSWORD = "mon-nouveau-secret-2026"


async def signed_in_email(page) -> str | None:
    return await page.evaluate(
        "async () => (await (await fetch('/graphql', {method: 'POST', headers: {'content-type': 'application/json'},"
        " body: JSON.stringify({query: '{ me { email } }'})})).json()).data.me?.email ?? null"
    )


async def open_mail_link(page, email: str) -> None:
    """Opens /dev/mails, as a newcomer without SMTP would, and follows the link mailed to `email`."""
    await page.goto("/dev/mails")
    mail = page.locator(f'article[data-to="{email}"]').first
    await mail.get_by_role("link").click()


async def test_a_forgotten_password_is_reset_from_the_dev_mails_link(live_server, phones, mailbox):
    # given a seller who forgot her password
    network = await make_network()
    seller = await make_user(network.points_of_sale["Lille"], name="Julie Moreau")
    phone = await phones()
    page = phone.page
    await page.goto("/")
    await page.wait_for_url("**/login")

    # when she asks for a link from the sign-in screen
    await page.get_by_role("link", name="Mot de passe oublié ?").click()
    await page.get_by_label("Adresse e-mail").fill(seller.email)
    await page.get_by_role("button", name="Recevoir un lien").click()
    # then she is told a link is on its way, without being told whether the address has an account
    await expect(page.get_by_role("status")).to_contain_text(f"Si un compte existe pour {seller.email}, un lien vient de partir.")

    # when she follows the link of the mail (listed at /dev/mails) and chooses a new password
    await mailbox.next_to(seller.email)
    await open_mail_link(page, seller.email)
    await page.wait_for_url("**/password/reset")
    await expect(page.get_by_role("heading", name="Choisir un nouveau mot de passe")).to_be_visible()
    await page.get_by_label("Nouveau mot de passe", exact=True).fill(NEW_PASSWORD)
    await page.get_by_label("Confirmez le mot de passe").fill(NEW_PASSWORD)
    await page.get_by_role("button", name="Enregistrer et me connecter").click()

    # then she is signed in, on the feed, and the token left the address bar
    await page.wait_for_url(f"{live_server.url}/")
    assert await signed_in_email(page) == seller.email
    assert "#" not in page.url
    assert phone.console_errors == []


async def test_an_admin_invites_a_person_who_signs_in_from_the_link(live_server, phones, mailbox):
    # given an admin of head office
    network = await make_network()
    admin = await make_user(network.root, Role.ADMIN, "Isabelle Marchand")
    newcomer = f"lea.martin-{network.organization_id}@elan.example"
    phone = await phones()
    page = phone.page
    await sign_in(page, admin.email)

    # when she opens « Personnes » from the profile menu and invites a seller of Lille
    await page.get_by_role("button", name="Menu du profil de Isabelle Marchand").click()
    await page.get_by_role("link", name="Personnes").click()
    await page.wait_for_url("**/admin/people")
    await page.get_by_role("button", name="Inviter des personnes").click()
    invite = page.get_by_role("form", name="Inviter par e-mail")
    await invite.get_by_label("Adresses e-mail").fill(newcomer)
    await invite.get_by_label("Unité").select_option(label="Lille Centre")
    await invite.get_by_role("button", name="Envoyer les invitations").click()
    # then the invitation is sent and pending
    await expect(page.get_by_text("1 invitation(s) envoyée(s).")).to_be_visible()
    pending = page.get_by_role("region", name="Invitations en attente")
    await expect(pending.get_by_text(newcomer)).to_be_visible()

    # when the newcomer, on her own phone, follows the link of the mail
    await mailbox.next_to(newcomer)
    hers = await phones()
    await open_mail_link(hers.page, newcomer)
    await hers.page.wait_for_url("**/invitation")
    await expect(hers.page.get_by_role("heading", name=f"Rejoindre {(await admin.organization).name}")).to_be_visible()
    await expect(hers.page.get_by_text("Isabelle Marchand vous invite à rejoindre")).to_contain_text("à Lille Centre, en tant que membre de l’équipe")
    await hers.page.get_by_label("Votre nom").fill("Léa Martin")
    await hers.page.get_by_label("Choisissez un mot de passe").fill(NEW_PASSWORD)
    await hers.page.get_by_role("button", name="Créer mon compte").click()

    # then she is signed in as a seller of Lille
    await hers.page.wait_for_url(f"{live_server.url}/")
    assert await signed_in_email(hers.page) == newcomer
    joined = await User.get(email=newcomer).prefetch_related("unit")
    assert (joined.display_name, joined.role, joined.unit.name) == ("Léa Martin", Role.MEMBER, "Lille Centre")
    # and the admin finds her among the people
    await page.reload()
    await page.get_by_label("Rechercher un nom ou un e-mail").fill("Léa")
    await expect(page.get_by_role("list").filter(has_text="Léa Martin")).to_contain_text("Membre de l’équipe · Lille Centre")
    assert phone.console_errors == [] and hers.console_errors == []


async def test_a_manager_changes_a_sellers_role_then_deactivates_her(live_server, phones):
    # given the Nord manager and a seller of Arras, signed in on her phone
    network = await make_network()
    manager = await make_user(network.regions["Nord"], Role.MANAGER, "Marc Delaunay")
    seller = await make_user(network.points_of_sale["Arras"], name="Camille Roche")
    phone, hers = await phones(), await phones()
    await sign_in(hers.page, seller.email)
    page = phone.page
    await sign_in(page, manager.email)
    await page.goto("/admin/people")

    # when he finds her and makes her a manager
    await page.get_by_label("Rechercher un nom ou un e-mail").fill("Camille")
    await page.get_by_role("button", name="Modifier Camille Roche").click()
    sheet = page.get_by_role("dialog", name="Modifier Camille Roche")
    await sheet.get_by_label("Rôle").select_option(label="Manager")
    await sheet.get_by_role("button", name="Enregistrer").click()
    # then the list shows her new role
    await expect(page.get_by_text("Camille Roche : modifications enregistrées.")).to_be_visible()
    await expect(page.get_by_role("list").filter(has_text="Camille Roche")).to_contain_text("Manager · Arras Gare")

    # when he deactivates her, confirming
    await page.get_by_role("button", name="Modifier Camille Roche").click()
    sheet = page.get_by_role("dialog", name="Modifier Camille Roche")
    await sheet.get_by_role("button", name="Désactiver le compte").click()
    confirm = sheet.get_by_role("alertdialog", name="Désactiver Camille Roche ?")
    await expect(confirm).to_contain_text("Ses publications et ses badges restent visibles.")
    await confirm.get_by_role("button", name="Oui, désactiver").click()

    # then she is shown as deactivated, and her phone is back at the sign-in screen
    await expect(page.get_by_text("Camille Roche a été désactivé·e.")).to_be_visible()
    await expect(page.get_by_role("list").filter(has_text="Camille Roche")).to_contain_text("Désactivé·e")
    await hers.page.wait_for_url("**/login", timeout=5_000)
    # and she can no longer sign in
    await hers.page.get_by_label("Adresse e-mail").fill(seller.email)
    await hers.page.get_by_label("Mot de passe").fill(PASSWORD)
    await hers.page.get_by_role("button", name="Se connecter").click()
    await expect(hers.page.get_by_text("Ce compte a été désactivé.")).to_be_visible()
    assert (await User.get(id=seller.id)).deactivated_at is not None
    assert phone.console_errors == []


async def test_in_english_the_mail_and_the_pages_speak_english(live_server, phones, mailbox):
    # given a seller whose phone reads English
    network = await make_network()
    seller = await make_user(network.points_of_sale["Arras"], name="Emma Stone")
    phone = await phones(locale="en-US")
    page = phone.page
    await page.goto("/login")

    # when she asks for a link
    await page.get_by_role("link", name="Forgot your password?").click()
    await page.get_by_label("Email address").fill(seller.email)
    await page.get_by_role("button", name="Send me a link").click()
    await expect(page.get_by_role("status")).to_contain_text(f"If there is an account for {seller.email}, a link is on its way.")

    # then the mail is in English
    mail = await mailbox.next_to(seller.email)
    assert mail["Subject"] == "Choose a new Élan password"
    # and so is the page of its link
    await open_mail_link(page, seller.email)
    await page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    await page.get_by_label("Confirm the password").fill("not the same one")
    await page.get_by_role("button", name="Save and sign in").click()
    await expect(page.get_by_text("The two passwords are not the same.")).to_be_visible()
    await page.get_by_label("Confirm the password").fill(NEW_PASSWORD)
    await page.get_by_role("button", name="Save and sign in").click()
    await page.wait_for_url(f"{live_server.url}/")
    assert await signed_in_email(page) == seller.email
    assert phone.console_errors == []
