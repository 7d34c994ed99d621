"""Writing a stored text (kind + parameters) as a sentence in the reader's language."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from server.texts.catalogue import TEXTS, placeholders, text
from server.texts.formats import day, number, ordinal
from server.texts.refs import Refs

NOTIFICATION_KINDS = (
    "POST_LIKED", "POST_COMMENTED", "MENTIONED", "POST_RECOMMENDED", "RANK_OVERTAKEN", "RANK_UP",
    "TOP_THREE", "BADGE_RECEIVED", "LABEL_RECEIVED", "LABEL_EXPIRING", "CHALLENGE_STARTED",
    "CHALLENGE_ENDING", "DUEL_INVITATION", "TRAINING_ASSIGNED", "TRAINING_REMINDER",
    "ACTION_PLAN_UPDATED", "ASSESSMENT_SHARED",
)
SYSTEM_POST_KINDS = ("BADGE_AWARDED", "LABEL_AWARDED", "TOP_THREE_ENTERED", "CHALLENGE_PODIUM", "RACE_FINISHED")

_TITLE_OF_KIND = {
    "RANK_OVERTAKEN": "rank", "RANK_UP": "rank", "TOP_THREE": "rank",
    "BADGE_RECEIVED": "award", "LABEL_RECEIVED": "award", "LABEL_EXPIRING": "award",
    "POST_LIKED": "feed", "POST_COMMENTED": "feed", "MENTIONED": "feed", "POST_RECOMMENDED": "feed",
    "CHALLENGE_STARTED": "challenge", "CHALLENGE_ENDING": "challenge", "DUEL_INVITATION": "challenge",
    "TRAINING_ASSIGNED": "training", "TRAINING_REMINDER": "training",
}


def actors(params: Mapping[str, Any], legacy_names: Sequence[str], refs: Refs, language: str) -> list[str]:
    """The people behind a notification, newest first: by id when stored so (their name now),
    else the names written before ids were kept."""
    ids = params.get("actorIds")
    if ids is not None:
        return [refs.person(i, language) for i in ids]
    return [str(n) for n in legacy_names if n]


def _variant(kind: str, count: int, names: list[str]) -> str:
    base = f"notification.{kind}"
    if count <= 1 or f"{base}.2" not in TEXTS:
        return f"{base}.1"
    return f"{base}.2" if count == 2 and len(names) >= 2 else f"{base}.n"


def notification_text(
    kind: str,
    params: Mapping[str, Any],
    legacy_names: Sequence[str],
    count: int,
    refs: Refs,
    language: str,
) -> str:
    names = actors(params, legacy_names, refs, language)
    if not names:
        names = [text("person.hidden" if kind == "RANK_OVERTAKEN" else "person.someone", language)]
    key = _variant(kind, count, names)
    if key not in TEXTS:
        return str(params.get("text") or kind)  # a kind this version does not know
    others = count - 1
    if key.endswith(".n") and others == 1:
        # "Julie et 1 autres" reads wrong: one more is "one other person"
        key = f"notification.{kind}.2"
    # only what the sentence names is written (every line of a page comes here: most name
    # one person and nothing else)
    values: dict[str, Any] = {}
    for name in placeholders(key, language):
        if name == "actor":
            values[name] = names[0]
        elif name == "other":
            values[name] = names[1] if len(names) > 1 else text("person.one_other", language)
        elif name == "others":
            values[name] = number(others, language)
        elif name == "challenge":
            values[name] = refs.challenge(params.get("challengeId"), params.get("challenge"), language)
        elif name == "badge":
            values[name] = refs.badge(params.get("badgeId"), params.get("badge"))
        elif name == "rank":
            values[name] = ordinal(int(params.get("rank") or 0), language)
        elif name == "date":
            values[name] = _date(params, language)
        elif name in ("module", "plan", "grid"):  # titles stored with the line
            values[name] = params.get(name, "")
    return text(key, language, **values)


def _date(params: Mapping[str, Any], language: str) -> str:
    if params.get("expiresAt"):
        try:
            return day(str(params["expiresAt"]), language)
        except ValueError:
            pass
    return str(params.get("date", ""))


def likes_digest_text(actor: str, count: int, language: str) -> str:
    return text("notification.LIKES_DIGEST", language, actor=actor, count=number(count, language))


def push_title(kind: str, language: str) -> str:
    return text(f"push.title.{_TITLE_OF_KIND.get(kind, 'other')}", language)


def system_post_text(kind: str | None, params: Mapping[str, Any], fallback: str, refs: Refs, language: str) -> str:
    """An automatic feed post; `fallback` is the body written before kinds were kept."""
    if kind is None or f"post.{kind}" not in TEXTS and f"post.{kind}.n" not in TEXTS:
        return fallback
    challenge = refs.challenge(params.get("challengeId"), params.get("challenge"), language)
    if kind in ("BADGE_AWARDED", "LABEL_AWARDED"):
        head = text(
            f"post.{kind}", language,
            emoji=params.get("emoji") or ("🎖️" if kind == "LABEL_AWARDED" else "🏅"),
            person=refs.person(params.get("userId"), language),
            badge=refs.badge(params.get("badgeId"), params.get("badge")),
        )
        if params.get("level"):
            head += text("post.level", language, level=params["level"])
        if params.get("byId") is not None:
            head += text("post.awarded_by", language, by=refs.person(params["byId"], language))
        reason = str(params.get("reason") or "")
        return f"{head}.\n{reason}" if reason else f"{head}."
    if kind == "TOP_THREE_ENTERED":
        return text(
            "post.TOP_THREE_ENTERED", language, person=refs.person(params.get("userId"), language),
            challenge=challenge, rank=ordinal(int(params.get("rank") or 0), language),
        )
    if kind == "CHALLENGE_PODIUM":
        return text("post.CHALLENGE_PODIUM", language, challenge=challenge, podium=podium_text(params, refs, language))
    count = int(params.get("count") or 0)
    variant = "0" if count == 0 else "1" if count == 1 else "n"
    return text(f"post.RACE_FINISHED.{variant}", language, challenge=challenge, count=number(count, language))


def podium_text(params: Mapping[str, Any], refs: Refs, language: str) -> str:
    entries = []
    for entry in params.get("podium") or []:
        if entry.get("hidden"):
            who = text("person.hidden", language)
        elif entry.get("userId") is not None:
            who = refs.person(entry["userId"], language)
        else:
            who = str(entry.get("name") or text("person.hidden", language))  # a unit: the organisation's own name
        entries.append(f"{ordinal(int(entry.get('rank') or 0), language)} {who}")
    return ", ".join(entries)


def duel_title(challenger: str, opponent: str, language: str) -> str:
    return text("duel.title", language, challenger=challenger, opponent=opponent)


def duel_description(metric: str, days: int, language: str) -> str:
    return text("duel.description.1" if days == 1 else "duel.description.n", language, metric=metric, days=days)
