"""Seeds the French demo network into an empty database."""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from server.accounts.models import Invite, Role, User
from server.accounts.passwords import hash_password
from server.demo import data
from server.feed.models import Like, Post, PostKind
from server.network.models import Organization, Unit, UnitKind
from server.network.services import create_organization, create_unit

DEMO_ACCOUNTS = [
    ("admin@elan.example", "Isabelle Marchand", Role.ADMIN, "root"),
    ("manager@elan.example", "Marc Delaunay", Role.MANAGER, "Île-de-France"),
    ("seller@elan.example", "Julie Moreau", Role.MEMBER, "Élan Paris 15e"),
]
DEMO_INVITE = "BIENVENUE2026"


@dataclass
class DemoNetwork:
    """What the base seed built, handed to each domain's demo seeder in turn."""

    now: datetime
    rng: random.Random
    organization: Organization
    units: dict[str, Unit]  # by name; "root" is head office
    points_of_sale: list[Unit]
    accounts: dict[str, User]  # "admin", "manager", "seller"
    people: list[User]  # everyone, accounts first
    posts: list[Post] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


# each domain adds `async def seed_<domain>(demo: DemoNetwork) -> None` here, in order
DEMO_SEEDERS: list[Callable[[DemoNetwork], Awaitable[None]]] = []


async def database_is_empty() -> bool:
    return not await Organization.exists()


async def seed_demo(now: datetime | None = None) -> dict[str, int]:
    """Builds the whole demo network; deterministic for a given `now`."""
    started = datetime.now(UTC)
    now = now or started
    rng = random.Random(2026)
    organization, root = await create_organization(data.ORGANIZATION, "reseau-elan-demo")
    units: dict[str, Unit] = {"root": root}
    points_of_sale: list[Unit] = []
    for region_name, distributor_name, cities in data.NETWORK:
        region = await create_unit(root, UnitKind.REGION, region_name)
        units[region_name] = region
        parent = region
        if distributor_name:
            parent = await create_unit(region, UnitKind.DISTRIBUTOR, distributor_name)
            units[distributor_name] = parent
        for name, city in cities:
            pos = await create_unit(parent, UnitKind.POINT_OF_SALE, name, city)
            units[name] = pos
            points_of_sale.append(pos)

    password_hash = await hash_password(data.PASSWORD)
    users: list[User] = []
    for email, name, role, unit_key in DEMO_ACCOUNTS:
        users.append(
            await User.create(
                organization=organization,
                unit=units[unit_key],
                email=email,
                display_name=name,
                role=role,
                password_hash=password_hash,
            )
        )
    names = list(zip(data.FIRST_NAMES, rng.sample(data.LAST_NAMES, len(data.LAST_NAMES)), strict=False))
    sellers: list[User] = []
    for index, (first, last) in enumerate(names):
        pos = points_of_sale[index % len(points_of_sale)]
        # the first person of each point of sale is its sales manager (chef des ventes)
        role = Role.MANAGER if index < len(points_of_sale) else Role.MEMBER
        email = f"{_ascii(first)}.{_ascii(last)}@elan.example"
        sellers.append(
            await User.create(
                organization=organization,
                unit=pos,
                email=email,
                display_name=f"{first} {last}",
                role=role,
                password_hash=password_hash,
            )
        )
    people = users + sellers
    authors = [u for u in people if u.role != Role.ADMIN]
    stories = [(PostKind.WIN, body) for body in data.WINS] + [
        (PostKind.BEST_PRACTICE, body) for body in data.BEST_PRACTICES
    ]
    rng.shuffle(stories)
    posts: list[Post] = []
    for index, (kind, body) in enumerate(stories):
        author = users[2] if index in (3, 17) else rng.choice(authors)
        created = now - timedelta(days=21) + timedelta(hours=index * 12 + rng.randint(0, 8))
        posts.append(
            await Post.create(
                organization=organization,
                author=author,
                unit_id=author.unit_id,
                audience_unit_id=root.id,
                kind=kind,
                body=body,
                created_at=created,
            )
        )
    likes = 0
    for post in posts:
        fans = rng.sample(people, rng.randint(0, 14))
        for fan in fans:
            if fan.id != post.author_id:
                await Like.create(post=post, user=fan)
                likes += 1
        await Post.filter(id=post.id).update(
            like_count=await Like.filter(post_id=post.id).count()
        )
    await Invite.create(
        organization=organization,
        unit=units["Élan Paris 15e"],
        role=Role.MEMBER,
        code=DEMO_INVITE,
        max_uses=1000,
        expires_at=now + timedelta(days=365),
    )
    demo = DemoNetwork(
        now=now,
        rng=rng,
        organization=organization,
        units=units,
        points_of_sale=points_of_sale,
        accounts={"admin": users[0], "manager": users[1], "seller": users[2]},
        people=people,
        posts=posts,
        counts={"units": len(units), "users": len(people), "posts": len(posts), "likes": likes},
    )
    from server.deferred.services import run_all_due

    for seeder in DEMO_SEEDERS:
        await seeder(demo)
        await run_all_due()  # the rank alerts of the results just seeded, as the server would
    await _spread_notifications(started, now)
    return demo.counts


async def _spread_notifications(started: datetime, now: datetime) -> None:
    """The notifications the services wrote while seeding all read « à l'instant » and would sit
    above the ones stamped minutes ago; a bell that lived had them over the past days: each
    person's are spread back from 20 hours ago, four hours apart, in the order they came."""
    from server.notifications.models import Notification

    fresh = await Notification.filter(updated_at__gte=started).order_by("-id").values("id", "user_id", "read_at")
    place: dict[int, int] = {}
    for row in fresh:
        n = place[row["user_id"]] = place.get(row["user_id"], -1) + 1
        at = now - timedelta(hours=20 + 4 * n)
        read = at + timedelta(minutes=30) if row["read_at"] is not None else None
        await Notification.filter(id=row["id"]).update(created_at=at, updated_at=at, read_at=read)


def _ascii(text: str) -> str:
    import unicodedata

    flat = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return flat.lower().replace(" ", "-").replace("'", "")


# --- domain seeders (imported last: they build on DemoNetwork)
from server.demo.badges import seed_badges  # noqa: E402
from server.demo.push import seed_push  # noqa: E402
from server.demo.training import seed_training  # noqa: E402

DEMO_SEEDERS.append(seed_badges)

from server.demo.feed import seed_feed  # noqa: E402

DEMO_SEEDERS.append(seed_feed)
DEMO_SEEDERS.append(seed_push)
from server.demo.challenges import seed_challenges  # noqa: E402

DEMO_SEEDERS.append(seed_challenges)
from server.demo.boards import seed_boards  # noqa: E402

DEMO_SEEDERS.append(seed_boards)
DEMO_SEEDERS.append(seed_training)
from server.demo.people import seed_people  # noqa: E402

DEMO_SEEDERS.append(seed_people)

from server.demo.authoring import seed_authoring  # noqa: E402

DEMO_SEEDERS.append(seed_authoring)

from server.demo.photos import seed_photos  # noqa: E402

DEMO_SEEDERS.append(seed_photos)

from server.demo.network import seed_network  # noqa: E402

DEMO_SEEDERS.append(seed_network)

from server.demo.privacy import seed_privacy  # noqa: E402

DEMO_SEEDERS.append(seed_privacy)

from server.demo.plans import seed_plans  # noqa: E402

DEMO_SEEDERS.append(seed_plans)
