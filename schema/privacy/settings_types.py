"""Types of the privacy settings, the retention policy and the works-council register."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.scalars import JSON

from server.privacy.models import PrivacyPolicy as PolicyRow
from server.privacy.settings import MyPrivacy as MyPrivacyRow
from server.privacy.settings import RegisterLine


def _hhmm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


@strawberry.type(description="The viewer's privacy settings in one place, with the organisation's defaults.")
class MyPrivacy:
    hidden_from_boards: bool = strawberry.field(description="Hidden from leaderboards and the TV screen (setLeaderboardHidden).")
    hidden_from_feed: bool = strawberry.field(description="Badges received make no post in the feed (setHiddenFromFeed).")
    quiet_hours_enabled: bool = strawberry.field(description="No push during quiet hours (updatePushPreferences).")
    quiet_hours_start: str = strawberry.field(description="HH:MM")
    quiet_hours_end: str = strawberry.field(description="HH:MM")
    boards_anonymous_outside_team: bool = strawberry.field(
        description="The organisation's default: on boards, people outside one's own team are not named."
    )


def as_my_privacy(row: MyPrivacyRow) -> MyPrivacy:
    return MyPrivacy(
        hidden_from_boards=row.hidden_from_boards,
        hidden_from_feed=row.hidden_from_feed,
        quiet_hours_enabled=row.quiet_hours_enabled,
        quiet_hours_start=_hhmm(row.quiet_start_minute),
        quiet_hours_end=_hhmm(row.quiet_end_minute),
        boards_anonymous_outside_team=row.boards_anonymous_outside_team,
    )


@strawberry.type(description="Head office's privacy policy: retention periods in days (0 keeps forever) and board defaults.")
class PrivacyPolicy:
    results_days: int
    notifications_days: int
    audit_days: int
    sessions_days: int = strawberry.field(description="Ended sessions and silent push devices.")
    outbox_days: int = strawberry.field(description="Push and mail messages already handled.")
    deleted_media_days: int = strawberry.field(description="Photos of posts hidden by moderation.")
    boards_anonymous_outside_team: bool


def as_policy(row: PolicyRow) -> PrivacyPolicy:
    return PrivacyPolicy(
        results_days=row.results_days,
        notifications_days=row.notifications_days,
        audit_days=row.audit_days,
        sessions_days=row.sessions_days,
        outbox_days=row.outbox_days,
        deleted_media_days=row.deleted_media_days,
        boards_anonymous_outside_team=row.boards_anonymous_outside_team,
    )


@strawberry.type(description="What one pass of the daily retention job removed, by kind.")
class RetentionRun:
    ran_at: datetime
    removed: JSON


@strawberry.type(description="One kind of personal data in the register for the works council, in the viewer's language.")
class DataRegisterEntry:
    key: str
    data: str = strawberry.field(description="What is kept.")
    purpose: str = strawberry.field(description="Why.")
    seen_by: list[str] = strawberry.field(description="Who sees it, by role and scope.")
    retention: str = strawberry.field(description="How long, in words.")
    retention_days: int | None = strawberry.field(description="Days set by the policy (0: no limit); null for a fixed rule.")
    recipients: list[str] = strawberry.field(description="Outside services that receive it, and what.")


def as_register_entry(line: RegisterLine) -> DataRegisterEntry:
    entry = line.entry
    return DataRegisterEntry(
        key=entry.key,
        data=line.text(entry.data),
        purpose=line.text(entry.purpose),
        seen_by=[line.text(who) for who in entry.seen_by],
        retention=line.retention,
        retention_days=line.retention_days,
        recipients=[line.text(r) for r in entry.recipients],
    )
