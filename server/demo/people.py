"""Demo: the people screen has life in it. Isabelle Marchand (head office) invited Zoé
Carpentier to Élan Paris 15e, still pending; Marc Delaunay invited Bastien Lemoine, whose link
expired (to send again); a seller of Île-de-France left and was deactivated by Marc (her posts
stay). Both invitation mails are in the outbox: the console and /dev/mails show them."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from server.accounts.invitations import Invitee, invite_people
from server.accounts.models import EmailInvite, Role
from server.accounts.people import deactivate_person
from server.feed.models import Post
from server.network.scope import scope_of_user

if TYPE_CHECKING:
    from server.demo.seed import DemoNetwork

PENDING_INVITE = ("zoe.carpentier@elan.example", "Zoé Carpentier")
EXPIRED_INVITE = ("bastien.lemoine@elan.example", "Bastien Lemoine")


async def seed_people(demo: DemoNetwork) -> None:
    admin, manager = demo.accounts["admin"], demo.accounts["manager"]
    region = demo.units["Île-de-France"]
    paris = demo.units["Élan Paris 15e"]
    await invite_people(await scope_of_user(admin), [Invitee(*PENDING_INVITE)], paris.id, Role.MEMBER)
    marc = await scope_of_user(manager)
    sites = [u for u in demo.points_of_sale if u.path.startswith(region.path) and u.id != paris.id]
    sent = await invite_people(marc, [Invitee(*EXPIRED_INVITE)], sites[0].id, Role.MEMBER)
    await EmailInvite.filter(id=sent.invites[0].id).update(
        sent_at=demo.now - timedelta(days=9), created_at=demo.now - timedelta(days=9), expires_at=demo.now - timedelta(days=2)
    )
    # a seller of the region, with posts of her own, who left
    authors = set(await Post.filter(organization_id=demo.organization.id).values_list("author_id", flat=True))
    region_units = {u.id for u in demo.points_of_sale if u.path.startswith(region.path)}
    leaver = next(
        p for p in reversed(demo.people)
        if p.role == Role.MEMBER and p.unit_id in region_units and p.id in authors and p.id != demo.accounts["seller"].id
    )
    await deactivate_person(marc, leaver.id)
    demo.counts["invites"] = 2
    demo.counts["deactivated"] = 1
