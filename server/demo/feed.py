"""Demo feed: wins with figures and photos, structured best practices, tags, comments, a
best practice recommended (pinned) for the seller's region, the week's top post (many likes
and comments, for « Top de la semaine »), a hidden post and an open report."""

from __future__ import annotations

import io
from datetime import timedelta

from PIL import Image, ImageDraw

from server.accounts.models import User
from server.demo.seed import DemoNetwork
from server.feed import comments, moderation, recommendations
from server.feed.models import Like, Post, PostAudience, PostImage, PostKind, PostTag
from server.feed.services import tags_in
from server.media.services import store_image
from server.network.scope import scope_of_user

WINS = [
    ("Trois financements LOA signés ce matin, dont un client venu pour un simple entretien ! #financement",
     "3 contrats", "e-City 2"),
    ("Première vente flotte de la boutique : une PME de livraison passe à l'électrique #flotte",
     "12 véhicules", "Cargo e-Van"),
    ("Record d'essais sur la journée portes ouvertes, merci à toute l'équipe #accueil",
     "41 essais", None),
    ("Objectif mensuel atteint avec une semaine d'avance #objectif", "104 %", None),
]
PRACTICES = [
    ("Le rappel à J+2 après un essai",
     "Beaucoup d'essais sans suite : les clients comparent et oublient.",
     "Un appel court deux jours après l'essai, avec la simulation de financement déjà prête. #financement #relance",
     "Un essai sur trois transformé, contre un sur cinq avant."),
    ("Le café d'accueil du samedi",
     "Le samedi matin, les clients attendent sans être pris en charge.",
     "Un conseiller dédié à l'accueil, un café offert et un essai proposé dès l'arrivée. #accueil",
     "+30 % d'essais le samedi en un mois."),
]
COMMENTS = [
    "Bravo, belle performance !",
    "Je teste ça dès lundi dans ma boutique.",
    "Tu peux partager ta simulation type ?",
    "Super idée, merci pour le partage 👏",
    "On a fait pareil à Lyon, ça marche très bien.",
]
TOP_OF_WEEK = (
    "Journée record à la boutique : 9 ventes dont 6 avec financement, toute l'équipe sur le pont ! "
    "#objectif #financement",
    "9 ventes",
    "e-City 2",
)
TOP_COMMENTS = [
    "Quelle journée, bravo à toute l'équipe !",
    "Vous avez préparé les financements à l'avance ?",
    "Ça donne envie, on s'y met demain.",
    "Chapeau, c'est notre record régional 👏",
]
PALETTE = [(33, 86, 160), (214, 104, 43), (40, 140, 96), (120, 60, 150)]


def demo_photo(seed: int) -> bytes:
    """A generated showroom-like picture: floor, wall, a car-ish shape and a banner."""
    base = PALETTE[seed % len(PALETTE)]
    image = Image.new("RGB", (1200, 900), (235, 235, 240))
    draw = ImageDraw.Draw(image)
    for y in range(0, 540, 6):
        shade = tuple(min(255, c + y // 6) for c in base)
        draw.rectangle((0, y, 1200, y + 6), fill=shade)
    draw.rectangle((0, 540, 1200, 900), fill=(205, 205, 210))
    draw.rounded_rectangle((260, 420, 940, 640), radius=80, fill=(250, 250, 252))
    draw.ellipse((330, 580, 470, 720), fill=(40, 40, 45))
    draw.ellipse((730, 580, 870, 720), fill=(40, 40, 45))
    draw.rectangle((420, 80, 780, 170), fill=(255, 255, 255))
    draw.text((520, 110), "ÉLAN", fill=base)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


async def _post(demo: DemoNetwork, author: User, kind: PostKind, body: str, hours_ago: int, **fields: object) -> Post:
    post = await Post.create(
        organization_id=demo.organization.id,
        author_id=author.id,
        unit_id=author.unit_id,
        audience=fields.pop("audience", PostAudience.NETWORK),
        audience_unit_id=fields.pop("audience_unit_id", demo.units["root"].id),
        kind=kind,
        body=body,
        **fields,  # type: ignore[arg-type]
    )
    await Post.filter(id=post.id).update(created_at=demo.now - timedelta(hours=hours_ago))
    texts = [body, *(str(v) for v in fields.values() if isinstance(v, str))]
    for tag in tags_in(*texts):
        await PostTag.create(post_id=post.id, tag=tag)
    demo.posts.append(post)
    return post


async def seed_feed(demo: DemoNetwork) -> None:
    rng = demo.rng
    seller, manager, admin = demo.accounts["seller"], demo.accounts["manager"], demo.accounts["admin"]
    others = [p for p in demo.people if p.id not in {seller.id, manager.id, admin.id}]
    created: list[Post] = []
    photos = 0
    for n, (body, figure, product) in enumerate(WINS):
        author = others[n * 3 % len(others)]
        post = await _post(demo, author, PostKind.WIN, body, 2 + n * 9, figure=figure, product=product)
        if n < 3:
            media = await store_image(author, demo_photo(n))
            await PostImage.create(post_id=post.id, media_id=media.id, position=0)
            photos += 1
        created.append(post)
    practices = []
    for n, (title, context, action, result) in enumerate(PRACTICES):
        author = seller if n == 0 else others[5]
        post = await _post(
            demo, author, PostKind.BEST_PRACTICE, title, 30 + n * 20,
            context=context, action=action, result=result,
        )
        media = await store_image(author, demo_photo(n + 2))
        await PostImage.create(post_id=post.id, media_id=media.id, position=0)
        photos += 1
        practices.append(post)
    region = demo.units["Île-de-France"]
    regional = await _post(
        demo, manager, PostKind.ANNOUNCEMENT,
        "Réunion régionale jeudi 9 h en visio : bilan du trimestre et lancement du challenge #objectif",
        5, audience=PostAudience.REGION, audience_unit_id=region.id,
    )
    created += [*practices, regional]
    paris_units = {u.id for u in demo.points_of_sale if u.path.startswith(region.path)}
    paris = [p for p in others if p.unit_id in paris_units]
    count = 0
    for post in created:
        crowd = paris if post.id == regional.id else others
        for person in rng.sample(crowd, min(len(crowd), rng.randint(1, 3))):
            if person.id != post.author_id:
                await comments.add_comment(await scope_of_user(person), post.id, rng.choice(COMMENTS))
                count += 1
    count += await _seed_top_of_week(demo, paris or others, others)
    # a colleague's best practice, recommended by the regional manager: pinned for the seller
    managing, reporting = await scope_of_user(manager), await scope_of_user(seller)
    await recommendations.recommend_post(managing, practices[1].id, [region.id], 14)
    # moderation: one post hidden after a report, one report still waiting for the manager
    offender = paris[0] if paris else others[0]
    hidden = await _post(demo, offender, PostKind.WIN, "Remise de 40 % sur tout le stock, venez vite !", 20)
    await moderation.report_post(reporting, hidden.id, "Offre non validée par la marque")
    await moderation.hide_post(managing, hidden.id, "Offre commerciale non conforme à la politique tarifaire")
    waiting = await _post(demo, offender, PostKind.WIN, "Photo du client avec sa nouvelle voiture 🚗", 3)
    await moderation.report_post(reporting, waiting.id, "Le client a-t-il donné son accord pour la photo ?")
    demo.counts.update({"photos": photos + 1, "comments": count, "recommendations": 1, "reports": 2})


async def _seed_top_of_week(demo: DemoNetwork, team: list[User], crowd: list[User]) -> int:
    """A win of yesterday that the whole network cheered: the first of « Top de la semaine »."""
    body, figure, product = TOP_OF_WEEK
    author = team[1 % len(team)]
    post = await _post(demo, author, PostKind.WIN, body, 26, figure=figure, product=product)
    media = await store_image(author, demo_photo(1))
    await PostImage.create(post_id=post.id, media_id=media.id, position=0)
    fans = [p for p in demo.rng.sample(crowd, min(len(crowd), 24)) if p.id != author.id]
    await Like.bulk_create([Like(post_id=post.id, user_id=fan.id) for fan in fans])
    await Post.filter(id=post.id).update(like_count=len(fans))
    for person, text in zip(fans, TOP_COMMENTS, strict=False):
        await comments.add_comment(await scope_of_user(person), post.id, text)
    return min(len(fans), len(TOP_COMMENTS))
