"""Demo recognition: a French catalogue, rules, awards already given (some to the demo
seller) and a label about to expire, so the profile and the wall of fame look lived in."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from server.accounts.models import Role, User
from server.badges.awarding import grant
from server.badges.models import (
    Award,
    AwardPolicy,
    Badge,
    BadgeCategory,
    BadgeKind,
    BadgeRule,
    RuleTrigger,
)
from server.feed.models import Post

if TYPE_CHECKING:
    from server.demo.seed import DemoNetwork

CATALOGUE = [
    ("Premier financement", "💶", BadgeCategory.SALES, "Premier dossier de financement signé.",
     "Signer son premier financement (LOA, LLD ou crédit) avec un client.", False, AwardPolicy.MANAGERS),
    ("Roi de l'entretien", "🔧", BadgeCategory.SALES, "Champion des contrats d'entretien.",
     "Dix contrats d'entretien signés dans le mois.", True, AwardPolicy.MANAGERS),
    ("Esprit d'équipe", "🤝", BadgeCategory.TEAM_SPIRIT, "Toujours là pour aider les collègues.",
     "Reconnu par son manager pour son entraide au quotidien.", True, AwardPolicy.MANAGERS),
    ("Client ravi", "😍", BadgeCategory.CUSTOMER_SATISFACTION, "Une publication saluée par tout le réseau.",
     "Une réussite ou une bonne pratique qui reçoit 10 « j'aime ».", True, AwardPolicy.RULES),
    ("Top 3 du mois", "🏆", BadgeCategory.CHALLENGE, "Sur le podium du challenge du mois.",
     "Terminer dans les trois premiers d'un challenge commercial.", True, AwardPolicy.RULES),
    ("Première réussite", "🚀", BadgeCategory.SALES, "A partagé sa première réussite.",
     "Publier sa première réussite dans le fil.", False, AwardPolicy.RULES),
    ("As du quiz", "🧠", BadgeCategory.TRAINING, "Quiz réussi haut la main.",
     "Réussir un quiz de formation avec au moins 90 %.", True, AwardPolicy.RULES),
]
LABELS = [
    ("Chef des Ventes confirmé", "🎖️", ["Bronze", "Argent", "Or"],
     "Confirmé dans le poste de Chef des Ventes après l'assessment régional.", 730),
    ("Conseiller certifié hybride", "🔋", ["Confirmé"],
     "Certifié sur la vente des motorisations hybrides et électriques.", 365),
]
REASONS = [
    "Trois financements signés en une semaine, bravo !",
    "Merci pour ton aide pendant les portes ouvertes : toute l'équipe en a profité.",
    "Dix contrats Sérénité ce mois-ci, un record pour le site.",
    "Ta remise des clés personnalisée a été citée dans l'enquête de satisfaction.",
    "Tu as formé les deux nouveaux vendeurs sur l'hybride : merci !",
]


async def _announced(badge: Badge, person: User, reason: str, by: User, when: datetime, occasion: str) -> Award | None:
    """An award with its recognition post, both dated in the past."""
    award = await grant(badge, person, reason=reason, awarded_by=by, occasion=occasion, now=when)
    if award is not None and award.recognition_post_id is not None:
        await Post.filter(id=award.recognition_post_id).update(created_at=when)
    return award


async def seed_badges(demo: DemoNetwork) -> None:
    organization_id = demo.organization.id
    admin, manager, seller = demo.accounts["admin"], demo.accounts["manager"], demo.accounts["seller"]
    badges: dict[str, Badge] = {}
    for name, emoji, category, description, criteria, repeatable, policy in CATALOGUE:
        badges[name] = await Badge.create(
            organization_id=organization_id, name=name, emoji=emoji, category=category,
            description=description, criteria=criteria, repeatable=repeatable, award_policy=policy,
            created_by_id=admin.id, created_at=demo.now - timedelta(days=60),
        )
    for name, emoji, levels, criteria, days in LABELS:
        badges[name] = await Badge.create(
            organization_id=organization_id, kind=BadgeKind.LABEL, name=name, emoji=emoji,
            category=BadgeCategory.CERTIFICATION, description=criteria, criteria=criteria, levels=levels,
            validity_days=days, award_policy=AwardPolicy.ADMINS, created_by_id=admin.id,
        )
    rules: list[tuple[Badge, RuleTrigger, float, dict[str, object]]] = [
        (badges["Client ravi"], RuleTrigger.LIKES_ON_POST, 10.0, {}),
        (badges["Top 3 du mois"], RuleTrigger.CHALLENGE_PODIUM, 3.0, {}),
        (badges["Première réussite"], RuleTrigger.FIRST_WIN, 1.0, {}),
        (badges["As du quiz"], RuleTrigger.QUIZ_PASSED, 90.0, {}),
    ]
    for badge, trigger, threshold, options in rules:
        await BadgeRule.create(
            organization_id=organization_id, badge=badge, trigger=trigger, threshold=threshold,
            options=options, created_by_id=admin.id,
        )
    rng = demo.rng
    awarded = 0
    # the demo seller already holds a few badges, given by her regional manager
    for days_ago, name, reason in [
        (12, "Premier financement", REASONS[0]),
        (5, "Esprit d'équipe", REASONS[1]),
        (2, "Roi de l'entretien", REASONS[2]),
    ]:
        await _announced(badges[name], seller, reason, manager, demo.now - timedelta(days=days_ago, hours=3), f"demo:{name}")
        awarded += 1
    colleagues = [p for p in demo.people if p.role == Role.MEMBER and p.id != seller.id]
    for index, person in enumerate(rng.sample(colleagues, min(14, len(colleagues)))):
        name = rng.choice(["Premier financement", "Roi de l'entretien", "Esprit d'équipe"])
        when = demo.now - timedelta(days=rng.randint(1, 20), hours=rng.randint(0, 9))
        if await _announced(badges[name], person, rng.choice(REASONS), manager, when, f"demo:{index}"):
            awarded += 1
    # rule-made awards from the past: the most liked posts and first wins
    liked = await Post.filter(organization_id=organization_id).exclude(kind="SYSTEM").order_by("-like_count").limit(4)
    for post in liked:
        author = next(p for p in demo.people if p.id == post.author_id)
        if post.like_count >= 10 and await grant(
            badges["Client ravi"], author, reason=badges["Client ravi"].criteria,
            occasion=f"post:{post.id}", announce=False, now=post.created_at + timedelta(hours=6),
        ):
            awarded += 1
    # labels: sales managers confirmed at several levels, one expiring within 30 days
    chefs = [p for p in demo.people if p.role == Role.MANAGER and p.id != manager.id][:6]
    for index, chef in enumerate(chefs):
        level = ["Bronze", "Argent", "Or"][index % 3]
        label = await grant(badges["Chef des Ventes confirmé"], chef, reason="Assessment régional réussi",
                            level=level, awarded_by=admin, announce=False,
                            now=demo.now - timedelta(days=200 + 40 * index))
        awarded += 1
        if index == 0 and label is not None:
            label.expires_at = demo.now + timedelta(days=18)  # the renewal reminder is due
            await label.save(update_fields=["expires_at"])
    certified = await grant(badges["Conseiller certifié hybride"], seller, reason="Certification hybride obtenue",
                            level="Confirmé", awarded_by=admin, announce=False,
                            now=demo.now - timedelta(days=340))
    if certified is not None:
        awarded += 1  # expires in 25 days: Julie will be reminded
    # the labels expiring within 30 days already carry their renewal reminder
    from server.badges.labels import send_renewal_reminders

    await send_renewal_reminders(demo.now)
    demo.counts["badges"] = len(badges)
    demo.counts["awards"] = awarded
