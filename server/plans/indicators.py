"""A lever's value per unit over any window of time (not a plan's period): what continuous
improvement compares before and after an action, for its unit and for comparable units.

Same placement as the plan's readings (server.plans.readings): rows are read once for the
whole organisation and added to each unit shown; one or two queries per indicator and window.

- TRAINING: the share of people who completed at least one module in the window;
- QUIZ: the mean of each person's best score per quiz taken in the window;
- SKILLS: the mean level of the assessments made in the window;
- SATISFACTION: the index of the latest month surveyed in the window;
- CHALLENGES: the mean score of the participants of challenges that ended in the window;
- RETENTION: the share of the people there in the window (joined before its end, not gone
  before its start) who used the app in one of its weeks (server.accounts.activity: kept per
  person and week, so a past window reads what happened then, not the sessions' last use)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from tortoise.expressions import Q

from server.accounts.activity import week_of
from server.accounts.models import ActiveWeek, User
from server.challenges.models import Participant
from server.evaluation.models import AssessmentScore, SatisfactionSurvey
from server.evaluation.satisfaction import month_start
from server.plans.readings import Bucket, Placement
from server.training.models import ModuleProgress, QuizAttempt


async def windowed(
    organization_id: int, top_path: str, placement: Placement, indicator: str, start: datetime, end: datetime
) -> dict[int, Bucket]:
    """The buckets of every unit shown, filled for one indicator over [start, end)."""
    buckets: dict[int, Bucket] = defaultdict(Bucket)
    under = {"user__unit__path__startswith": top_path, "user__organization_id": organization_id}
    if indicator in ("TRAINING", "RETENTION"):
        members = User.filter(organization_id=organization_id, unit__path__startswith=top_path)
        if indicator == "TRAINING":
            members = members.filter(deactivated_at=None)
        else:  # the people there during the window, those who left since included
            members = members.filter(Q(deactivated_at=None) | Q(deactivated_at__gte=start), created_at__lt=end)
        people = {int(p["id"]): str(p["unit__path"]) for p in await members.values("id", "unit__path")}
        for path in people.values():
            for b in placement.of(path):
                buckets[b].people += 1
                buckets[b].assigned += 1
        if indicator == "TRAINING":
            ids = await ModuleProgress.filter(completed_at__gte=start, completed_at__lt=end, **under).distinct().values_list("user_id", flat=True)
        else:
            # every week that overlaps the window
            ids = await ActiveWeek.filter(
                week_start__gte=week_of(start), week_start__lt=end.date(), **under
            ).distinct().values_list("user_id", flat=True)
        for uid in set(ids):
            seen = people.get(int(uid))  # type: ignore[call-overload]
            if seen is not None:
                for b in placement.of(seen):
                    buckets[b].done += 1
                    buckets[b].active += 1
    elif indicator == "QUIZ":
        best: dict[tuple[int, int], tuple[float, str]] = {}
        for a in await QuizAttempt.filter(created_at__gte=start, created_at__lt=end, **under).values(
            "user_id", "quiz_id", "score_percent", "user__unit__path"
        ):
            key = (int(a["user_id"]), int(a["quiz_id"]))
            if key not in best or float(a["score_percent"]) > best[key][0]:
                best[key] = (float(a["score_percent"]), str(a["user__unit__path"]))
        for score, path in best.values():
            for b in placement.of(path):
                buckets[b].quiz_total += score
                buckets[b].quiz_count += 1
    elif indicator == "SKILLS":
        for r in await AssessmentScore.filter(
            assessment__organization_id=organization_id, assessment__person__unit__path__startswith=top_path,
            assessment__created_at__gte=start, assessment__created_at__lt=end,
        ).values("level", "assessment__person__unit__path"):
            for b in placement.of(str(r["assessment__person__unit__path"])):
                buckets[b].add_level(float(r["level"]))
    elif indicator == "SATISFACTION":
        for r in await SatisfactionSurvey.filter(
            organization_id=organization_id, unit__path__startswith=top_path,
            period_end__gte=start.date(), period_end__lt=end.date(),
        ).values("kind", "value", "sample_size", "period_end", "unit__path"):
            for b in placement.of(str(r["unit__path"])):
                buckets[b].add_survey((month_start(r["period_end"]), str(r["kind"]), float(r["value"]), int(r["sample_size"])))
    elif indicator == "CHALLENGES":
        ended = Participant.filter(
            challenge__organization_id=organization_id, challenge__ends_at__gte=start, challenge__ends_at__lt=end
        )
        for r in await ended.filter(user__unit__path__startswith=top_path).values("score", "user__unit__path"):
            for b in placement.of(str(r["user__unit__path"])):
                buckets[b].challenge_total += float(r["score"])
                buckets[b].challenge_count += 1
        for r in await ended.filter(user_id__isnull=True, unit__path__startswith=top_path).values("score", "unit__path"):
            for b in placement.of(str(r["unit__path"])):
                buckets[b].challenge_total += float(r["score"])
                buckets[b].challenge_count += 1
    return buckets


def value_of(bucket: Bucket | None, indicator: str) -> float | None:
    if bucket is None:
        return None
    # TRAINING over a window is the share of people who completed something in it
    return bucket.value("RETENTION" if indicator in ("TRAINING", "RETENTION") else indicator)
