"""Erasing a person who left: their identity becomes a stable pseudonym everywhere it is shown.

Head office only (ADMIN), for a deactivated person, one transaction per person, audited.

What happens (the decisions, kept here where they are made):
- **identity**: the name becomes a marker without language around a short stable code
  (server.privacy.pseudonym), which each reader reads in their language: « Ancien
  collaborateur 3F2A », "Former colleague 3F2A"; the e-mail an address of the `.invalid`
  domain; the photo, the password, the language go.
- **deleted**: sessions and the weeks they used the app (a trace of their use, not of their work:
  their units' weekly active people lose those weeks), password-reset links, push devices and their queued pushes, consents,
  push settings, their notifications, mails queued to their address, their uploaded photos
  (files too), their data exports, the mentions of them; **their own posts** (wins, best
  practices, announcements: free texts about themselves, with the photos, likes and comments on
  them); **their comments** (each post's comment count goes down with them); the free-text
  comments of their assessments (the outcome and the levels stay, so labels stay consistent).
- **kept, under the pseudonym**: results, targets, challenge participations with their scores and
  final ranks (a finished challenge's podium keeps its ranks), awards and podiums, quiz attempts,
  training progress, likes and recommendations they gave (counts stay exact), automatic posts
  about them (their texts are kinds and parameters, rendered with the current name), action-plan
  items and comments (the point of sale's work record), what they did as a manager (results
  they recorded, awards they gave), audit entries.
- **texts that copied the name or address** anywhere (someone's « Bravo Julie Moreau »,
  « @julie.moreau », « MOREAU Julie », « J. Moreau », « Julie Moréau », notification actor
  names, audit before/after, mail parameters): replaced by the pseudonym (server.privacy.scrub,
  the name's forms in server.privacy.names). Texts stored as kind + person id need nothing: they render the
  current name.
- **Open Badges credentials**: KEEP: the award stays valid and its credential's hashed recipient
  is frozen (`Award.recipient_identity`), so a credential the person downloaded still verifies;
  REVOKE: every award of theirs is revoked with the reason « effacement ».
- every data export held in the organisation is deleted (another person's zip may quote them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from tortoise.expressions import F

from server.accounts.models import ActiveWeek, PasswordReset, Session, User
from server.accounts.sessions import end_sessions_of
from server.audit.services import record
from server.badges.credentials import email_identity
from server.badges.models import Award
from server.db import atomic
from server.evaluation.models import Assessment, AssessmentScore
from server.feed.models import Comment, Post, PostKind, PostMention
from server.mail.models import MailMessage
from server.media.models import Media
from server.network.scope import Scope
from server.notifications.models import Notification
from server.privacy.errors import CannotEraseSelf, ErasureNeedsDeactivation
from server.privacy.models import DataExport, NotificationConsent
from server.privacy.names import forms_of
from server.privacy.people import person_in_organization
from server.privacy.pseudonym import erased_address, localized, marker_of
from server.privacy.scrub import PersonNamed, replace_everywhere
from server.push.models import PushMessage, PushSettings, PushSubscription

FREE_TEXT_POSTS = (PostKind.WIN, PostKind.BEST_PRACTICE, PostKind.ANNOUNCEMENT)
REVOCATION_REASON = "Effacement des données personnelles"


class CredentialChoice(StrEnum):
    KEEP = "KEEP"
    REVOKE = "REVOKE"


@dataclass
class Erasure:
    person: User
    pseudonym: str
    already: bool = False
    removed: dict[str, int] = field(default_factory=dict)
    rewritten: dict[str, int] = field(default_factory=dict)


def shown_name(user: User, language: str) -> str:
    """A person's name as a reader sees it: an erased person's pseudonym in their language."""
    return localized(user.display_name, language)


async def erase_person(scope: Scope, person_id: int, credentials: CredentialChoice = CredentialChoice.KEEP) -> Erasure:
    """Erases a deactivated person of the organisation (see the module docstring)."""
    scope.require_admin()
    if person_id == scope.user_id:
        raise CannotEraseSelf("personId")
    person = await person_in_organization(scope, person_id)
    pseudonym = marker_of(person.id)
    if person.erased_at is not None:
        return Erasure(person, pseudonym, already=True)
    if person.deactivated_at is None:
        raise ErasureNeedsDeactivation("personId")
    erasure = Erasure(person, pseudonym)
    removed = erasure.removed
    old_name, old_email, old_photo = person.display_name, person.email, person.avatar_url
    media_keys: list[str] = []
    async with atomic() as events:
        # a row lock: two head-office people erasing the same person do it once
        locked = await User.filter(id=person.id, erased_at=None).select_for_update().first()
        if locked is None:
            return Erasure(person, pseudonym, already=True)
        await end_sessions_of(person.id, events)
        removed["sessions"] = await Session.filter(user_id=person.id).delete()
        removed["active_weeks"] = await ActiveWeek.filter(user_id=person.id).delete()
        removed["password_resets"] = await PasswordReset.filter(user_id=person.id).delete()
        removed["push_messages"] = await PushMessage.filter(user_id=person.id).delete()
        removed["push_devices"] = await PushSubscription.filter(user_id=person.id).delete()
        await PushSettings.filter(user_id=person.id).delete()
        removed["consents"] = await NotificationConsent.filter(user_id=person.id).delete()
        removed["notifications"] = await Notification.filter(user_id=person.id).delete()
        removed["mails"] = await MailMessage.filter(to_address=old_email).delete()
        removed["mentions"] = await PostMention.filter(user_id=person.id).delete()
        removed["data_exports"] = await DataExport.filter(organization_id=person.organization_id).delete()
        # their comments, each post's count going down with them
        counts: dict[int, int] = {}
        for commented in await Comment.filter(author_id=person.id).values_list("post_id", flat=True):
            counts[int(str(commented))] = counts.get(int(str(commented)), 0) + 1
        removed["comments"] = await Comment.filter(author_id=person.id).delete()
        for post_id, count in counts.items():
            await Post.filter(id=post_id).update(comment_count=F("comment_count") - count)
        # their own posts (free texts) and every photo they uploaded
        removed["posts"] = await Post.filter(author_id=person.id, kind__in=FREE_TEXT_POSTS).delete()
        media_keys = [str(k) for k in await Media.filter(owner_id=person.id).values_list("key", flat=True)]
        removed["photos"] = await Media.filter(owner_id=person.id).delete()
        # free-text comments of their assessments
        assessment_ids = list(await Assessment.filter(person_id=person.id).values_list("id", flat=True))
        await Assessment.filter(id__in=assessment_ids).update(comment="", person_comment="")
        await AssessmentScore.filter(assessment_id__in=assessment_ids).update(comment="")
        # credentials: frozen recipient (they keep verifying) or revoked
        awards = await Award.filter(user_id=person.id)
        for award in awards:
            if credentials == CredentialChoice.REVOKE and award.revoked_at is None:
                await Award.filter(id=award.id).update(
                    revoked_at=datetime.now(UTC), revoked_by_id=scope.user_id, revocation_reason=REVOCATION_REASON, unique_key=None
                )
            elif award.recipient_identity is None:
                salt = award.public_id.replace("-", "")[:16]
                await Award.filter(id=award.id).update(recipient_identity=email_identity(old_email, salt))
        # the identity itself
        from server.challenges.models import Participant

        await Participant.filter(user_id=person.id).update(display_name=pseudonym)
        await User.filter(id=person.id).update(
            display_name=pseudonym,
            email=erased_address(person.id),
            avatar_url=None,
            password_hash="!erased",
            hidden_from_feed=True,
            erased_at=datetime.now(UTC),
        )
        replacements = {old_name: pseudonym, old_email: erased_address(person.id)}
        if old_photo:
            replacements[old_photo] = ""
        forms = forms_of(old_name)
        named = PersonNamed(forms, pseudonym) if forms is not None else None
        erasure.rewritten = await replace_everywhere(replacements, person.organization_id, named)
        await record(
            scope, "person.erased", "person", person.id, None,
            {"name": pseudonym, "credentials": str(credentials), "removed": removed, "rewritten": erasure.rewritten},
        )
    if media_keys:
        from server.media.cleanup import delete_files

        await delete_files(media_keys)
    await person.refresh_from_db()
    return erasure
