"""A new brand's first run, without the demo: the server prints a one-time setup token; the
/setup screen (360×740, French) creates the organisation and its first admin, once."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import tempfile

import httpx
import pytest
from playwright.async_api import expect

from tests.conftest import ROOT, free_port
from tests.e2e.conftest import PHONE
from tests.e2e.screen_checks import screen_problems

pytestmark = pytest.mark.e2e

SETUP = """mutation($input: SetupOrganizationInput!) { setupOrganization(input: $input) { __typename ... on UserError { code } } }"""


async def _token_line(process: subprocess.Popen[str], url: str) -> str:
    assert process.stdout is not None
    loop = asyncio.get_running_loop()
    for _ in range(300):
        line = await asyncio.wait_for(loop.run_in_executor(None, process.stdout.readline), timeout=60)
        found = re.search(r"(http://\S+/setup#[A-Za-z0-9_-]+)", line)
        if found:
            return found.group(1)
        assert process.poll() is None, "the server stopped while starting"
    raise AssertionError("no setup link printed")


async def _healthy(url: str) -> None:
    async with httpx.AsyncClient() as client:
        for _ in range(300):
            try:
                if (await client.get(f"{url}/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.2)


async def test_the_console_token_opens_setup_once(browser):
    # given a fresh deployment without the demo (empty SQLite, no Redis)
    with tempfile.TemporaryDirectory(prefix="elan-first-run-") as data_dir:
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        env = {**os.environ, "ELAN_DATA_DIR": data_dir, "ELAN_DEMO": "0", "HOST": "127.0.0.1", "PORT": str(port),
               "PUBLIC_URL": url, "LOG_LEVEL": "warning", "PYTHONUNBUFFERED": "1"}
        for name in ("DATABASE_URL", "REDIS_URL"):
            env.pop(name, None)
        # when the server starts, it prints a one-time link to /setup
        process = subprocess.Popen([sys.executable, "-m", "server", "serve"], cwd=ROOT, env=env, text=True,
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        context = None
        try:
            link = await _token_line(process, url)
            await _healthy(url)
            token = link.split("#", 1)[1]
            context = await browser.new_context(viewport=PHONE, base_url=url, locale="fr-FR", has_touch=True, is_mobile=True)
            page = await context.new_page()
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            # and head office opens it on a phone and fills the form
            await page.goto(link)
            await expect(page.get_by_role("heading", name="Première installation")).to_be_visible()
            assert "#" not in page.url  # the token left the address bar
            await page.get_by_label("Nom de l'organisation (la marque)").fill("Maison Berthier")
            await page.get_by_label("Votre nom").fill("Claire Berthier")
            await page.get_by_label("Votre adresse e-mail").fill("claire@berthier.example")
            await page.get_by_label("Choisissez un mot de passe").fill("un-secret-solide-2026")
            assert await screen_problems(page, ".auth-form") == []
            await page.get_by_role("button", name="Créer l'organisation").click()
            # then she is signed in as its admin, and finds « Réseau » in her profile menu
            await page.wait_for_url(f"{url}/")
            await page.get_by_role("button", name="Menu du profil de Claire Berthier").click()
            await page.get_by_role("link", name="Réseau").click()
            await expect(page.get_by_role("list", name="Arborescence du réseau")).to_contain_text("Maison Berthier")
            # and the token is dead: a second use is refused, and /setup says it is done
            async with httpx.AsyncClient(base_url=url) as client:
                again = await client.post("/graphql", json={"query": SETUP, "variables": {"input": {
                    "token": token, "organizationName": "Autre", "email": "x@y.example", "displayName": "Xavier Y",
                    "password": "un-autre-secret-2026"}}})
                needed = await client.post("/graphql", json={"query": "{ setupNeeded }"})
            assert again.json()["data"]["setupOrganization"] == {"__typename": "InvalidLinkError", "code": "link_invalid"}
            assert needed.json()["data"]["setupNeeded"] is False
            assert errors == []
        finally:
            if context is not None:
                await context.close()
            process.terminate()
            process.wait(timeout=20)
