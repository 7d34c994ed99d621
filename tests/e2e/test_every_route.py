"""Every route of the app (pwa/src/lib/routes.ts), on the demo network, at 360×740 as a
seller, a manager and head office (and once in English), and the TV at 1920×1080: nothing
wider than the screen, no target under 44×44 px, no text cut without a meant ellipsis, no
serious or critical axe-core violation, no console error. A screenshot of each screen is
saved under artifacts/routes/ (ROUTE_SCREENSHOTS overrides) for a person to look at."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from server.accounts.models import User
from server.challenges.models import Challenge, ChallengeStatus, Participant
from server.demo.data import PASSWORD
from server.evaluation.models import ActionPlan, Assessment
from server.feed.models import Post
from server.training.models import ModuleProgress, Quiz, TrainingModule
from tests.conftest import ROOT
from tests.factories import demo_network

pytestmark = pytest.mark.e2e

ROUTES_TS = ROOT / "pwa" / "src" / "lib" / "routes.ts"
# evaluated through the DevTools protocol: the app's CSP (script-src 'self') refuses a script tag
AXE = (ROOT / "pwa" / "node_modules" / "axe-core" / "axe.min.js").read_text() + "\n;void 0"
CHECKS = (Path(__file__).parent / "route_checks.js").read_text()
SHOTS = Path(os.environ.get("ROUTE_SCREENSHOTS", ROOT / "artifacts" / "routes"))
TV = {"width": 1920, "height": 1080}
ROLES = {"member": "seller@elan.example", "manager": "manager@elan.example", "admin": "admin@elan.example"}
AXE_RUN = """async () => {
  const result = await axe.run(document, { resultTypes: ['violations'] });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `axe ${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}"""


def route_table() -> dict[str, str]:
    """ROUTE_PATHS as the PWA declares it (name → path)."""
    block = ROUTES_TS.read_text().split("export const ROUTE_PATHS = {", 1)[1].split("} as const;", 1)[0]
    return dict(re.findall(r"^\s*(\w+):\s*'([^']+)'", block, re.M))


def public_routes() -> set[str]:
    """PUBLIC_ROUTES as the PWA declares it: the pages someone signed out may open."""
    found = re.search(r"const PUBLIC_ROUTES[^=]*= new Set\(\[([^\]]*)\]", ROUTES_TS.read_text())
    assert found, "PUBLIC_ROUTES not found in lib/routes.ts"
    return set(re.findall(r"'(\w+)'", found.group(1)))


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    visited: int = 0

    def add(self, where: str, found: list[str]) -> None:
        self.problems.extend(f"{where}: {problem}" for problem in found)


async def ids_for(email: str) -> dict[str, str]:
    """A real thing behind each `:id`, as this person would reach it."""
    person = await User.get(email=email)
    org = person.organization_id
    mine = await Participant.filter(user_id=person.id).values_list("challenge_id", flat=True)
    live = Challenge.filter(organization_id=org, status=ChallengeStatus.LIVE).order_by("id")
    challenge = await (live.filter(id__in=list(mine)) if mine else live).first() or await live.first()
    post = await Post.filter(organization_id=org).order_by("-comment_count", "-id").first()
    progress = await ModuleProgress.filter(user_id=person.id).first()
    module_id = progress.module_id if progress else (await TrainingModule.filter(organization_id=org).first()).id  # type: ignore[union-attr]
    quiz = await Quiz.filter(organization_id=org).first()
    plan = await ActionPlan.filter(organization_id=org).order_by("id").first()
    assessment = await Assessment.filter(organization_id=org).order_by("id").first()
    pick = {
        "challenge": challenge.id if challenge else 1,
        "post": post.id if post else 1,
        "person": person.id,
        "module": module_id,
        "quiz": quiz.id if quiz else 1,
        "teamUnit": person.unit_id,
        "pointOfSaleUnit": person.unit_id,
        "actionPlan": plan.id if plan else 1,
        "assessment": assessment.id if assessment else 1,
        "moduleEdit": module_id,
        "modulePreview": module_id,
    }
    pick["challengeTv"] = pick["challengeEdit"] = pick["challenge"]
    return {name: str(value) for name, value in pick.items()}


async def settle(page) -> None:  # type: ignore[no-untyped-def]
    """The screen has loaded what it shows (no busy region, no splash)."""
    try:
        await page.wait_for_load_state("networkidle", timeout=8_000)
    except Exception:  # noqa: BLE001 - a live socket may keep the page busy; the next wait decides
        pass
    try:
        await page.wait_for_function(
            "() => !document.querySelector('.splash, [aria-busy=\"true\"]')", timeout=8_000
        )
    except Exception:  # noqa: BLE001 - reported below as a screen that never finished loading
        pass
    await page.wait_for_timeout(300)


async def inspect(page, report: Report, where: str, shot: Path, min_target: int = 44) -> None:  # type: ignore[no-untyped-def]
    await settle(page)
    if await page.locator("[aria-busy='true']").count():
        report.add(where, ["still loading after 8 s"])
    report.add(where, await page.evaluate(CHECKS, min_target))
    if not await page.evaluate("() => typeof axe !== 'undefined'"):
        await page.evaluate(AXE)
    report.add(where, await page.evaluate(AXE_RUN))
    shot.parent.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(shot), full_page=True)
    report.visited += 1


async def sign_in(page, email: str, submit: str = "Se connecter") -> None:  # type: ignore[no-untyped-def]
    await page.goto("/login")
    await page.locator("input[type=email]").fill(email)
    await page.locator("input[type=password]").fill(PASSWORD)
    await page.get_by_role("button", name=submit).click()
    await page.wait_for_url(lambda url: not url.endswith("/login"))


async def visit_all(phone, report: Report, label: str, paths: dict[str, str], skip: set[str]) -> None:  # type: ignore[no-untyped-def]
    for name, path in paths.items():
        if name in skip:
            continue
        phone.console_errors.clear()
        await phone.page.goto(path)
        await inspect(phone.page, report, f"{label} {name} {path}", SHOTS / label / f"{name}.png")
        report.add(f"{label} {name} {path}", [f"console: {error}" for error in phone.console_errors])


async def test_every_route_passes_at_360_px_for_each_role_and_the_tv_at_1080p(live_server, phones, browser):
    # given the demo network, and the route table of the PWA
    await demo_network()
    table = route_table()
    public_names = public_routes()
    assert {"feed", "challenges", "person", "challengeTv"} <= table.keys() and "login" in public_names
    report = Report()

    # when someone signed out opens the public pages
    stranger = await phones()
    public = {name: path for name, path in table.items() if name in public_names}
    await visit_all(stranger, report, "public", public, skip=set())

    # and each role, then a seller reading in English, opens every other route on a phone
    for label, email, locale, submit in [
        *[(role, email, "fr-FR", "Se connecter") for role, email in ROLES.items()],
        ("member-en", ROLES["member"], "en-GB", "Sign in"),
    ]:
        ids = await ids_for(email)
        paths = {name: path.replace(":id", ids.get(name, "1")) for name, path in table.items() if name not in public_names}
        phone = await phones(locale=locale)
        await sign_in(phone.page, email, submit)
        await visit_all(phone, report, label, paths, skip={"challengeTv"})

    # and a showroom TV shows a live challenge at 1920×1080
    ids = await ids_for(ROLES["manager"])
    context = await browser.new_context(viewport=TV, base_url=live_server.url, locale="fr-FR")
    try:
        page = await context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        await sign_in(page, ROLES["manager"])
        tv = table["challengeTv"].replace(":id", ids["challengeTv"])
        await page.goto(tv)
        await inspect(page, report, f"tv {tv}", SHOTS / "tv" / "challengeTv.png", min_target=0)
        report.add(f"tv {tv}", [f"console: {error}" for error in errors])
    finally:
        await context.close()

    # then every screen passes every check
    expected = len(public) + 4 * (len(table) - len(public) - 1) + 1
    assert report.visited == expected
    assert not report.problems, f"{len(report.problems)} problems on {report.visited} screens:\n" + "\n".join(report.problems)
