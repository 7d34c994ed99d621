"""Every model field that references a person, and what each reference means to the export.

The export (server.privacy.export) reads exactly what this registry lists; a test walks every
Tortoise model and fails when a field referencing a person (a key to `User`, a bare `user_id`
column, an e-mail address column) is missing here, so a new model cannot escape the export.

`about` is True when the row is about the person (their result, their device); False when
the person only acted on it (a result they recorded for someone else): the export still lists
those rows, since they hold the person's id, but the erasure leaves them in place.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PersonReference:
    model: str  # the Tortoise model name, e.g. "Result"
    field: str  # the column holding the person's id (or e-mail address when `by_email`)
    about: bool = True
    by_email: bool = False
    # an extra equality the row must match (a polymorphic subject: audit entries about a person)
    where: tuple[tuple[str, str], ...] = ()


def _about(model: str, *names: str) -> list[PersonReference]:
    return [PersonReference(model, name) for name in names]


def _by(model: str, *names: str) -> list[PersonReference]:
    return [PersonReference(model, name, about=False) for name in names]


PERSON_REFERENCES: list[PersonReference] = [
    # accounts
    PersonReference("User", "id"),
    *_about("Session", "user_id"),
    *_about("ActiveWeek", "user_id"),
    *_about("PasswordReset", "user_id"),
    *_by("Invite", "created_by_id"),
    *_about("EmailInvite", "user_id"),
    PersonReference("EmailInvite", "email", by_email=True),
    *_by("EmailInvite", "created_by_id"),
    *_by("IntegrationToken", "created_by_id"),
    # media and feed
    *_about("Media", "owner_id"),
    *_about("Post", "author_id"),
    *_by("Post", "hidden_by_id"),
    *_about("Like", "user_id"),
    *_about("PostMention", "user_id"),
    *_about("Comment", "author_id"),
    *_about("PostReport", "reporter_id"),
    *_about("Recommendation", "recommended_by_id"),
    # notifications, push, mail
    *_about("Notification", "user_id"),
    *_about("PushSubscription", "user_id"),
    *_about("PushSettings", "user_id"),
    *_about("PushMessage", "user_id"),
    PersonReference("MailMessage", "to_address", by_email=True),
    # challenges
    *_by("Challenge", "created_by_id"),
    *_about("Participant", "user_id"),
    *_about("Target", "user_id"),
    *_about("Result", "user_id"),
    *_by("Result", "recorded_by_id"),
    *_about("LeaderboardPrivacy", "user_id"),
    *_by("KioskLink", "created_by_id"),
    # training
    *_by("TrainingModule", "created_by_id"),
    *_about("ModuleProgress", "user_id"),
    *_about("TrainingReminder", "user_id"),
    *_by("TrainingReminder", "sent_by_id"),
    *_about("QuizAttempt", "user_id"),
    # evaluation
    *_about("Assessment", "person_id"),
    *_by("Assessment", "assessor_id"),
    *_about("ActionItem", "owner_id"),
    *_about("ActionComment", "author_id"),
    # badges
    *_about("Award", "user_id"),
    *_about("Podium", "user_id"),
    *_about("RuleProgress", "user_id"),
    *_by("Award", "awarded_by_id", "revoked_by_id"),
    *_by("Badge", "created_by_id"),
    *_by("BadgeRule", "created_by_id"),
    # head-office functions and partner agencies
    *_about("PersonFunction", "user_id"),
    *_about("AgencyChoice", "user_id"),
    # audit: what they did, and what was done about them
    *_by("AuditEntry", "actor_id"),
    PersonReference("AuditEntry", "subject_id", where=(("subject_type", "person"),)),
    # privacy
    *_about("DataExport", "person_id"),
    *_by("DataExport", "requested_by_id"),
    *_about("NotificationConsent", "user_id"),
]

# columns never written into an export: secrets, and the export's own file
SECRET_COLUMNS = frozenset(
    {"password_hash", "token_hash", "p256dh", "auth", "content", "private_key_encrypted", "endpoint"}
)
# bare integer columns that hold a person's id without a foreign key
PERSON_ID_COLUMNS = frozenset({"user_id", "person_id"})
# text columns that hold an e-mail address
EMAIL_COLUMNS = frozenset({"email", "to_address"})


def references_of(model: str) -> list[PersonReference]:
    return [ref for ref in PERSON_REFERENCES if ref.model == model]
