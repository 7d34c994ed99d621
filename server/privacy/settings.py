"""« Confidentialité »: a person's privacy settings gathered in one place, read from where each
lives (boards and TV: server.challenges.privacy; the feed: User.hidden_from_feed; quiet hours:
server.push), with the organisation's defaults; and the works-council register for head office."""

from __future__ import annotations

from dataclasses import dataclass

from server.challenges.models import LeaderboardPrivacy
from server.network.scope import Scope
from server.privacy.models import RetentionRun
from server.privacy.policy import policy_of
from server.privacy.register import ENTRIES, RegisterEntry, retention_text
from server.privacy.retention import retention_runs
from server.push.models import PushSettings


@dataclass
class MyPrivacy:
    hidden_from_boards: bool
    hidden_from_feed: bool
    quiet_hours_enabled: bool
    quiet_start_minute: int
    quiet_end_minute: int
    boards_anonymous_outside_team: bool


async def my_privacy(scope: Scope) -> MyPrivacy:
    user = scope.user
    if user is None:
        from server.errors import NotAllowed

        raise NotAllowed()
    boards = await LeaderboardPrivacy.get_or_none(user_id=user.id)
    push = await PushSettings.get_or_none(user_id=user.id) or PushSettings(user_id=user.id)
    policy = await policy_of(scope.organization_id)
    return MyPrivacy(
        hidden_from_boards=bool(boards and boards.hidden),
        hidden_from_feed=user.hidden_from_feed,
        quiet_hours_enabled=push.quiet_hours_enabled,
        quiet_start_minute=push.quiet_start_minute,
        quiet_end_minute=push.quiet_end_minute,
        boards_anonymous_outside_team=policy.boards_anonymous_outside_team,
    )


@dataclass
class RegisterLine:
    entry: RegisterEntry
    language: str
    retention: str
    retention_days: int | None

    def text(self, pair: tuple[str, str]) -> str:
        return pair[0] if self.language == "fr" else pair[1]


async def data_register(scope: Scope, language: str) -> list[RegisterLine]:
    """The register of personal data, with this organisation's retention periods (head office)."""
    scope.require_admin()
    policy = await policy_of(scope.organization_id)
    lines = []
    for entry in ENTRIES:
        text, days = retention_text(policy, entry, language)
        lines.append(RegisterLine(entry, language, text, days))
    return lines


async def retention_reports(scope: Scope) -> list[RetentionRun]:
    scope.require_admin()
    return await retention_runs(scope.organization_id)
