"""A new brand starts from nothing, at 360×740 in Chromium, in French: the demo off
(ELAN_DEMO=0), `python -m server create-organization`, the first admin imports a 500-person CSV
(French Excel: `;`, Windows-1252) through the network screen, and a seller accepts her invite
from the /dev/mails link."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from playwright.async_api import expect

from server.accounts.models import EmailInvite, Role, User
from server.network.models import Unit
from tests.conftest import ROOT
from tests.e2e.screen_checks import screen_problems

pytestmark = pytest.mark.e2e

CITIES = ["Lyon", "Grenoble", "Annecy", "Valence", "Chambéry", "Saint-Étienne", "Villeurbanne", "Bourg-en-Bresse",
          "Vienne", "Roanne"]


def brand_csv(people: int = 500) -> bytes:
    lines = ["type;code;parent_code;kind;name;city;email;unit_code;role",
             "unit;REG-AURA;;région;Auvergne-Rhône-Alpes;;;;",
             "unit;DIST-RHONE;REG-AURA;distributeur;Rhône Automobiles;;;;"]
    sites = []
    for index, city in enumerate(CITIES):
        code = f"PDV-{index:02d}"
        lines.append(f"unit;{code};DIST-RHONE;point de vente;Rhône Automobiles {city};{city};;;")
        sites.append(code)
    for p in range(people):
        role = "manager" if p < len(sites) else "vendeur"
        lines.append(f"person;;;;Conseiller {p:03d};;conseiller{p:03d}@rhone.example;{sites[p % len(sites)]};{role}")
    lines[-1] = f"person;;;;Léa Fournier;;lea.fournier@rhone.example;{sites[-1]};vendeuse"
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


async def test_a_new_brand_imports_its_network_and_a_seller_joins(live_server, phones, mailbox):
    # given a deployment without the demo, and its first organisation made from the command line
    env = {**os.environ, "DATABASE_URL": live_server.database_url, "ELAN_DEMO": "0"}
    made = subprocess.run(
        [sys.executable, "-m", "server", "create-organization", "--name", "Rhône Automobiles Groupe",
         "--admin-email", "direction@rhone.example", "--admin-name", "Hélène Garnier"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True,
    )
    password = re.search(r"Password \(shown once[^:]*\): (\S+)", made.stdout)
    assert password, made.stdout
    admin = await User.get(email="direction@rhone.example")

    # when Hélène signs in on her phone and opens « Réseau »
    phone = await phones()
    page = phone.page
    await page.goto("/login")
    await page.get_by_label("Adresse e-mail").fill(admin.email)
    await page.get_by_label("Mot de passe").fill(password.group(1))
    await page.get_by_role("button", name="Se connecter").click()
    await page.wait_for_url(lambda url: not url.endswith("/login"))
    await page.get_by_role("button", name="Menu du profil de Hélène Garnier").click()
    await page.get_by_role("link", name="Réseau").click()
    await page.wait_for_url("**/admin/network")

    # and picks the CSV her HR exported (12 units, 500 people)
    await page.get_by_label("Fichier CSV à importer").set_input_files(
        files=[{"name": "reseau-rhone.csv", "mimeType": "text/csv", "buffer": brand_csv()}]
    )
    # then the report says what it would do, in full, before anything changes
    report = page.get_by_label("Rapport d'import")
    await expect(report).to_contain_text("Fichier vérifié : aucune erreur. Rien n'est encore appliqué.", timeout=30_000)
    await expect(report).to_contain_text("512 lignes lues (Windows-1252, séparateur « ; »).")
    await expect(report.get_by_text("Personnes invitées").locator("xpath=..")).to_contain_text("500")
    assert await screen_problems(page) == []
    assert not await Unit.filter(organization_id=admin.organization_id, external_code="REG-AURA").exists()

    # when she applies it
    await page.get_by_role("button", name="Appliquer l'import").click()
    # then it is done, the tree shows the new units and everyone is invited
    await expect(page.get_by_text("Import terminé : 12 unité(s) créée(s), 500 personne(s) invitée(s).")).to_be_visible(timeout=60_000)
    tree = page.get_by_role("list", name="Arborescence du réseau")
    await expect(tree.get_by_role("listitem").filter(has_text="Rhône Automobiles Chambéry")).to_contain_text("Point de vente · PDV-04 · Chambéry")
    assert await EmailInvite.filter(organization_id=admin.organization_id).count() == 500
    assert phone.console_errors == []

    # when Léa, on her own phone, follows the link of her invitation mail listed at /dev/mails
    await mailbox.next_to("lea.fournier@rhone.example", timeout=60)
    hers = await phones()
    await hers.page.goto("/dev/mails")
    await hers.page.locator('article[data-to="lea.fournier@rhone.example"]').first.get_by_role("link").click()
    await hers.page.wait_for_url("**/invitation")
    await expect(hers.page.get_by_role("heading", name="Rejoindre Rhône Automobiles Groupe")).to_be_visible()
    await hers.page.get_by_label("Votre nom").fill("Léa Fournier")
    await hers.page.get_by_label("Choisissez un mot de passe").fill("mon-secret-de-lea-2026")
    await hers.page.get_by_role("button", name="Créer mon compte").click()
    # then she is signed in, a seller of Rhône Automobiles Roanne
    await hers.page.wait_for_url(f"{live_server.url}/")
    lea = await User.get(email="lea.fournier@rhone.example").prefetch_related("unit")
    assert (lea.role, lea.unit.name) == (Role.MEMBER, "Rhône Automobiles Roanne")
    assert hers.console_errors == []
