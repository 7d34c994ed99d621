"""Chromium (Debian's, never a downloaded one) driven by Playwright for Python."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[object]:
    from playwright.async_api import async_playwright

    assert Path(CHROMIUM).exists(), "install Debian's chromium (make test does it as root)"
    assert (ROOT / "pwa" / "dist" / "index.html").exists(), "build the PWA first (make pwa)"
    async with async_playwright() as playwright:
        instance = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield instance
        finally:
            await instance.close()


class Phone:
    """One person's phone: a browser context at 360×740 that records console errors."""

    def __init__(self, context: object, page: object) -> None:
        self.context = context
        self.page = page
        self.console_errors: list[str] = []


@pytest.fixture
async def phones(browser, live_server) -> AsyncIterator[object]:
    made: list[Phone] = []

    async def open_phone(locale: str = "fr-FR", timezone_id: str | None = None) -> Phone:
        context = await browser.new_context(
            viewport=PHONE, base_url=live_server.url, locale=locale, has_touch=True, is_mobile=True,
            timezone_id=timezone_id,
        )
        page = await context.new_page()
        phone = Phone(context, page)
        page.on("console", lambda m: phone.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: phone.console_errors.append(str(e)))
        made.append(phone)
        return phone

    yield open_phone
    for phone in made:
        await phone.context.close()
