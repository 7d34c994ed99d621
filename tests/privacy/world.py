"""A seller who used every part of Élan: one row of each kind the privacy domain must cover,
written straight into the models (the domains' own tests prove how each row is made)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from server.accounts.activity import week_of
from server.accounts.models import ActiveWeek, EmailInvite, PasswordReset, Role, Session, User
from server.agency.models import AgencyChoice, AgencyGrant
from server.audit.models import AuditEntry
from server.badges.models import Award, Badge, BadgeRule, Podium, RuleProgress
from server.challenges.models import (
    Challenge,
    ChallengeStatus,
    LeaderboardPrivacy,
    Metric,
    Participant,
    Result,
    Target,
)
from server.evaluation.models import (
    ActionComment,
    ActionItem,
    ActionPlan,
    Assessment,
    AssessmentScore,
    Skill,
    SkillsGrid,
)
from server.feed.models import (
    Comment,
    Like,
    Post,
    PostImage,
    PostKind,
    PostMention,
    PostReport,
    Recommendation,
)
from server.mail.models import MailMessage
from server.media.models import Media
from server.network.function_models import Function, PersonFunction
from server.notifications.models import Notification, NotificationKind
from server.privacy.models import ConsentChannel, NotificationConsent
from server.push.models import PushMessage, PushSettings, PushStatus, PushSubscription
from server.training.models import (
    ModuleProgress,
    Quiz,
    QuizAttempt,
    TrainingModule,
    TrainingReminder,
)
from tests.factories import Network, make_network, make_user

NAME = "Julie Moreau"


@dataclass
class Story:
    network: Network
    seller: User
    colleague: User
    manager: User
    challenge: Challenge
    award: Award
    post: Post  # the seller's own post
    colleague_post: Post  # a colleague's post the seller liked and commented on


def _key() -> str:
    return uuid.uuid4().hex


async def seller_with_everything(name: str = NAME) -> Story:
    network = await make_network()
    lille = network.points_of_sale["Lille"]
    org = network.organization_id
    seller = await make_user(lille, name=name)
    colleague = await make_user(lille, name="Karim Benali")
    manager = await make_user(network.regions["Nord"], Role.MANAGER, "Marc Delaunay")
    now = datetime.now(UTC)
    # accounts
    await Session.create(user=seller, token_hash=_key() + _key(), expires_at=now + timedelta(days=30), user_agent="Firefox Android")
    await ActiveWeek.create(user=seller, week_start=week_of(now))
    await PasswordReset.create(user=seller, token_hash=_key() + _key(), expires_at=now + timedelta(hours=1))
    await EmailInvite.create(organization_id=org, unit=lille, email=seller.email, display_name=name, token_hash=_key() + _key(),
                             sent_at=now, expires_at=now + timedelta(days=7), user=seller, created_by=manager)
    # media and feed
    photo = await Media.create(key=_key(), owner=seller, organization_id=org, width=800, height=600, feed_width=800, feed_height=600, size_bytes=1000)
    post = await Post.create(organization_id=org, author=seller, unit=lille, kind=PostKind.WIN, body="Trois contrats signés ce matin")
    await PostImage.create(post=post, media=photo)
    colleague_post = await Post.create(organization_id=org, author=colleague, unit=lille, kind=PostKind.WIN,
                                       body=f"Bravo à {name} pour la démo !", like_count=1, comment_count=1)
    await PostMention.create(post=colleague_post, user=seller)
    await Like.create(post=colleague_post, user=seller)
    await Comment.create(post=colleague_post, author=seller, body="Merci Karim, belle équipe")
    await PostReport.create(post=colleague_post, reporter=seller, reason="Doublon")
    await Recommendation.create(post=colleague_post, unit=lille, recommended_by=seller, ends_at=now + timedelta(days=7))
    # notifications, push, mail
    await Notification.create(user=seller, kind=NotificationKind.POST_LIKED, params={"postId": post.id}, actor_names=["Karim Benali"])
    await Notification.create(user=colleague, kind=NotificationKind.POST_COMMENTED, params={"postId": colleague_post.id}, actor_names=[name])
    device = await PushSubscription.create(user=seller, endpoint=f"https://fcm.googleapis.com/fcm/send/{_key()}", p256dh="k" * 87, auth="a" * 22)
    await PushSettings.create(user=seller)
    await PushMessage.create(subscription=device, user_id=seller.id, kind="RANK_UP", event_key=_key(), not_before=now, payload={"title": "Vous passez 2e"},
                             status=PushStatus.SENT, sent_at=now)
    await MailMessage.create(organization_id=org, to_address=seller.email, kind="invitation", params={"name": name}, not_before=now)
    await NotificationConsent.create(user=seller, channel=ConsentChannel.PUSH, kind="RANK_UP", granted=True, decided_at=now)
    # challenges
    metric = await Metric.create(organization_id=org, name="Contrats")
    challenge = await Challenge.create(organization_id=org, scope_unit=network.regions["Nord"], name="Printemps des ventes",
                                       starts_at=now - timedelta(days=60), ends_at=now - timedelta(days=30),
                                       status=ChallengeStatus.CLOSED, created_by=manager)
    await Participant.create(challenge=challenge, user=seller, display_name=name, unit_name=lille.name, score=120, final_rank=1)
    await Participant.create(challenge=challenge, user=colleague, display_name="Karim Benali", unit_name=lille.name, score=90, final_rank=2)
    await Target.create(organization_id=org, metric=metric, user=seller, period_start=now, period_end=now, value=10)
    await Result.create(organization_id=org, metric=metric, user=seller, value=12, occurred_at=now, idempotency_key=_key(), recorded_by=manager)
    await LeaderboardPrivacy.create(user=seller, hidden=False)
    # training
    module = await TrainingModule.create(organization_id=org, title="Vendre l'hybride", created_by=manager)
    await ModuleProgress.create(module=module, user=seller, organization_id=org)
    await TrainingReminder.create(module=module, user=seller, sent_by=manager)
    quiz = await Quiz.create(organization_id=org, title="Quiz hybride")
    await QuizAttempt.create(quiz=quiz, user=seller, organization_id=org, number=1, score_percent=80, passed=True, answers={})
    # evaluation
    grid = await SkillsGrid.create(organization_id=org, name="Conseiller")
    skill = await Skill.create(grid=grid, position=1, name="Écoute")
    assessment = await Assessment.create(organization_id=org, grid=grid, person=seller, assessor=manager, outcome="PASSED",
                                         comment=f"{name} écoute très bien ses clients", person_comment="Merci")
    await AssessmentScore.create(assessment=assessment, skill=skill, level=3, comment="Très à l'écoute")
    plan = await ActionPlan.create(organization_id=org, unit=lille, title="Accueil client")
    await ActionItem.create(plan=plan, what="Rappeler les clients sous 48 h", owner=seller)
    await ActionComment.create(plan=plan, author=seller, body="Fait pour la semaine 12")
    # badges
    badge = await Badge.create(organization_id=org, name="Esprit d'équipe", created_by=manager)
    rule = await BadgeRule.create(organization_id=org, badge=badge, trigger="FIRST_WIN", created_by=manager)
    await RuleProgress.create(rule=rule, user_id=seller.id, occasion="post")
    award = await Award.create(public_id=str(uuid.uuid4()), organization_id=org, badge=badge, user=seller, awarded_at=now,
                               awarded_by=manager, reason=f"Bravo {name}")
    await Podium.create(organization_id=org, user_id=seller.id, challenge_id=challenge.id, rank=1)
    # head-office functions, partner agencies (she also works for a partner brand's network)
    function = await Function.create(organization_id=org, key=f"commerce-{_key()[:6]}", name="Commerce")
    await PersonFunction.create(user=seller, function=function)
    grant = await AgencyGrant.create(agency_organization_id=org, brand_organization_id=org, unit=network.root)
    await AgencyChoice.create(user=seller, grant=grant)
    # audit
    await AuditEntry.create(organization_id=org, actor=manager, action="person.updated", subject_type="person", subject_id=seller.id,
                            before={"name": name, "role": "MEMBER"}, after={"name": name, "role": "MANAGER"})
    await AuditEntry.create(organization_id=org, actor=seller, action="post.hidden", subject_type="post", subject_id=colleague_post.id)
    return Story(network, seller, colleague, manager, challenge, award, post, colleague_post)
