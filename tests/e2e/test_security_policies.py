"""The Content-Security-Policies, as Chromium applies them: the PWA signs in and reads the feed
without a single violation (the end-to-end slices exercise the rest of it), and GraphiQL in
development runs its inline script and may load its libraries and call the API."""

from __future__ import annotations

import pytest

from tests.factories import make_network, signed_in

pytestmark = pytest.mark.e2e

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


async def test_graphiql_runs_under_its_policy(browser, live_server):
    # given a browser on the development server (no internet here: unpkg.com does not answer)
    context = await browser.new_context()
    await context.add_init_script(RECORD_VIOLATIONS)
    page = await context.new_page()
    try:
        # when GraphiQL is opened
        response = await page.goto(f"{live_server.url}/graphql")
        assert response is not None and "content-security-policy" in response.headers
        # then its inline script ran (it declares the example query), nothing was blocked by
        # the policy, and the page may call the API
        assert await page.evaluate("typeof EXAMPLE_QUERY") == "string"
        status = await page.evaluate(
            """fetch('/graphql', {method: 'POST', headers: {'content-type': 'application/json'},
                                  body: JSON.stringify({query: '{ __typename }'})}).then((r) => r.status)"""
        )
        assert status == 200
        assert await page.evaluate("window.__violations") == []
    finally:
        await context.close()


async def test_the_pwa_runs_without_a_policy_violation(browser, live_server):
    # given a signed-in seller with the session cookie
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    context = await browser.new_context(viewport={"width": 360, "height": 740})
    await context.add_cookies([{"name": "elan_session", "value": token, "url": live_server.url}])
    await context.add_init_script(RECORD_VIOLATIONS)
    page = await context.new_page()
    try:
        # when the app opens on the feed and its live connection
        await page.goto(live_server.url + "/")
        await page.get_by_role("navigation").first.wait_for()
        await page.wait_for_load_state("networkidle")
        # then nothing was refused by its policy
        assert await page.evaluate("window.__violations") == []
    finally:
        await context.close()
