"""Faces where people appear: the notification centre shows who is behind each line (their
photo, or their initials), head office's people list shows each person's photo, and so do a
manager's lists of who follows a module and who was assessed, an action plan's comments, a
report on a post, an assessment's page and head office's picker of people for a function."""

from __future__ import annotations

import pytest
from playwright.async_api import expect

from server.accounts.models import Role
from server.demo.photos import portrait
from server.evaluation.action_plans import comment_plan, create_plan
from server.evaluation.assessments import ScoreInput, submit_assessment
from server.evaluation.models import AssessmentOutcome, Skill
from server.feed import services as feed_services
from server.feed.models import PostKind
from server.feed.moderation import report_post
from server.media.services import set_profile_photo
from server.network.scope import scope_of_user
from server.notifications.models import NotificationKind
from server.notifications.services import notify
from tests.e2e.test_feed_slice import sign_in
from tests.evaluation.factories import make_grid
from tests.factories import make_network, make_user
from tests.training.factories import make_module

pytestmark = pytest.mark.e2e


async def _lille_sellers():  # type: ignore[no-untyped-def]
    """The test network, Lille, and two of its sellers: Karim with a photo (its URL), Léa without."""
    network = await make_network()
    lille = network.points_of_sale["Lille"]
    karim = await make_user(lille, name="Karim Benali")
    lea = await make_user(lille, name="Léa Roux")
    photo = await set_profile_photo(karim, portrait(karim.display_name))
    return network, lille, karim, lea, photo


async def _assess(admin, manager, people):  # type: ignore[no-untyped-def]
    """Each person assessed by the manager on a grid of head office's, every skill at level 3."""
    grid = await make_grid(admin)
    skills = await Skill.filter(grid_id=grid).values_list("id", flat=True)
    return [
        await submit_assessment(await scope_of_user(manager), person.id, grid, [ScoreInput(int(s), 3) for s in skills],
                                AssessmentOutcome.PASSED)
        for person in people
    ]


async def _face_before(face, other) -> None:  # type: ignore[no-untyped-def]
    """The face is laid out wholly left of the other element (a name, a bubble)."""
    face_box, other_box = await face.bounding_box(), await other.bounding_box()
    assert face_box["x"] + face_box["width"] <= other_box["x"], (face_box, other_box)


async def test_the_bell_and_the_people_list_show_faces(live_server, phones):
    # given Karim, who has a photo, and Léa, who has none, both behind Julie's notifications
    network, lille, karim, lea, photo = await _lille_sellers()
    julie = await make_user(lille, name="Julie Moreau")
    await notify(julie.id, NotificationKind.POST_LIKED, params={"postId": 1}, actor=karim, push=False)
    await notify(julie.id, NotificationKind.POST_COMMENTED, params={"postId": 1}, actor=lea, push=False)
    await notify(julie.id, NotificationKind.TRAINING_ASSIGNED, params={"module": "Vendre l'hybride"}, push=False)
    admin = await make_user(network.root, Role.ADMIN, "Claire Fontaine")

    # when Julie opens her notifications
    phone = await phones()
    await sign_in(phone.page, julie.email)
    await phone.page.goto("/notifications")
    lines = phone.page.locator(".notification")
    await expect(lines).to_have_count(3, timeout=10_000)
    # then Léa's line shows her initials and Karim's his photo, loaded
    await expect(lines.nth(1).locator(".ui-avatar")).to_have_text("LR")
    karim_face = lines.nth(2).locator(".ui-avatar img")
    await expect(karim_face).to_have_attribute("src", photo)
    assert await karim_face.evaluate("img => img.complete && img.naturalWidth > 0")
    # and the line about no one shows a bell in the faces' place: every text starts at one edge
    assert await lines.nth(0).locator(".notification-face-app").count() == 1
    starts = [(await lines.nth(i).locator(".notification-text").bounding_box())["x"] for i in range(3)]
    faces = [(await lines.nth(i).locator(".notification-face").bounding_box())["width"] for i in range(3)]
    assert len(set(starts)) == 1 and faces == [40, 40, 40], (starts, faces)
    assert phone.console_errors == []

    # when head office opens the people list
    office = await phones()
    await sign_in(office.page, admin.email)
    await office.page.goto("/admin/people")
    # then Karim's row shows his photo, Léa's her initials
    karim_row = office.page.get_by_role("listitem").filter(has_text="Karim Benali")
    await expect(karim_row.locator(".ui-avatar img")).to_have_attribute("src", photo)
    await expect(office.page.get_by_role("listitem").filter(has_text="Léa Roux").locator(".ui-avatar")).to_have_text("LR")
    assert office.console_errors == []


async def test_a_managers_team_page_shows_faces_in_training_and_assessments(live_server, phones):
    # given Karim, who has a photo, and Léa, who has none, sellers of Lille, a module for Lille and
    # an assessment of each by Nord's manager
    network, lille, karim, lea, photo = await _lille_sellers()
    admin = await make_user(network.root, Role.ADMIN, "Claire Fontaine")
    manager = await make_user(network.regions["Nord"], Role.MANAGER, "Marc Delaunay")
    await make_module(admin, [lille], title="Vendre l'hybride")
    await _assess(admin, manager, (karim, lea))

    # when the manager opens Lille's page
    phone = await phones()
    await sign_in(phone.page, manager.email)
    await phone.page.goto(f"/equipe/{lille.id}")

    # then who has started the module, and who was assessed, show their faces: Karim's photo, Léa's initials
    for section in (".people-list:has(.people-name:has-text('Lille Centre'))", ".people-list:has(a.people-name)"):
        rows = phone.page.locator(section).first.locator("li")
        karim_row = rows.filter(has_text="Karim Benali")
        await expect(karim_row.locator(".ui-avatar img")).to_have_attribute("src", photo, timeout=10_000)
        await expect(rows.filter(has_text="Léa Roux").locator(".ui-avatar")).to_have_text("LR")
        await _face_before(karim_row.locator(".ui-avatar"), karim_row.locator(".people-name"))  # the face first, then the name
    width = await phone.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    assert phone.console_errors == []


async def test_an_action_plans_comments_show_their_authors_faces(live_server, phones):
    # given Lille's action plan, commented by Karim, who has a photo, and by Léa, who has none
    network, lille, karim, lea, photo = await _lille_sellers()
    plan = await create_plan(await scope_of_user(karim), lille.id, "Retrouver 80 à l'accueil")
    await comment_plan(await scope_of_user(karim), plan.id, "Je prends les rappels du lundi.")
    await comment_plan(await scope_of_user(lea), plan.id, "Je fais l'affiche.")

    # when Léa opens the plan
    phone = await phones()
    await sign_in(phone.page, lea.email)
    await phone.page.goto(f"/point-de-vente/plans/{plan.id}")

    # then each comment shows its author's face beside it: Karim's photo, Léa's initials
    comments = phone.page.locator(".comment")
    await expect(comments).to_have_count(2, timeout=10_000)
    await expect(comments.nth(0).locator(".ui-avatar img")).to_have_attribute("src", photo)
    await expect(comments.nth(0)).to_contain_text("Je prends les rappels du lundi.")
    await expect(comments.nth(1).locator(".ui-avatar")).to_have_text("LR")
    await _face_before(comments.nth(1).locator(".ui-avatar"), comments.nth(1).locator(".comment-bubble"))
    assert await phone.page.evaluate("document.documentElement.scrollWidth") <= 360
    assert phone.console_errors == []


async def test_a_report_an_assessment_and_the_functions_picker_show_faces(live_server, phones):
    # given Karim, a seller of Lille with a photo, who reported Léa's post and was assessed by
    # Nord's manager; and Sophie, of head office, with a photo too
    network, lille, karim, lea, photo = await _lille_sellers()
    admin = await make_user(network.root, Role.ADMIN, "Claire Fontaine")
    sophie = await make_user(network.root, Role.MEMBER, "Sophie Garnier")
    sophie_photo = await set_profile_photo(sophie, portrait(sophie.display_name))
    manager = await make_user(network.regions["Nord"], Role.MANAGER, "Marc Delaunay")
    post = await feed_services.create_post(await scope_of_user(lea), PostKind.WIN, "Trois ventes ce matin")
    await report_post(await scope_of_user(karim), post.id, "Chiffres à vérifier")
    (assessment,) = await _assess(admin, manager, (karim,))

    # when the manager opens the reports: the reporter's face beside the report
    phone = await phones()
    await sign_in(phone.page, manager.email)
    await phone.page.goto("/reports")
    report = phone.page.locator(".comment").filter(has_text="Chiffres à vérifier")
    await expect(report.locator(".ui-avatar img")).to_have_attribute("src", photo, timeout=10_000)
    await _face_before(report.locator(".ui-avatar"), report.locator(".comment-bubble"))
    assert await phone.page.evaluate("document.documentElement.scrollWidth") <= 360

    # and the assessment: the assessed person's face beside their name
    await phone.page.goto(f"/evaluations/{assessment.id}")
    person = phone.page.locator(".assessment-person")
    await expect(person.locator(".ui-avatar img")).to_have_attribute("src", photo, timeout=10_000)
    await expect(person).to_contain_text("Karim Benali")
    assert phone.console_errors == []

    # when head office looks for Sophie to give her a function: her face in the button
    office = await phones()
    await sign_in(office.page, admin.email)
    await office.page.goto("/notre-plan")
    await office.page.get_by_text("Fonctions du siège").click()
    await office.page.get_by_label("Chercher une personne du siège").fill("Sophie")
    choice = office.page.locator(".person-choice").filter(has_text="Sophie Garnier")
    await expect(choice.locator(".ui-avatar img")).to_have_attribute("src", sophie_photo, timeout=10_000)
    box = await choice.bounding_box()
    assert box["height"] >= 44, box
    assert await office.page.evaluate("document.documentElement.scrollWidth") <= 360
    assert office.console_errors == []
