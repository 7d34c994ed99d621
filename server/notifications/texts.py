"""What a notification says, in the reader's language (also used for push payloads)."""

from __future__ import annotations

from typing import Any

TEXTS: dict[str, dict[str, str]] = {
    "POST_LIKED.1": {"fr": "{actor} aime votre publication", "en": "{actor} likes your post"},
    "POST_LIKED.2": {
        "fr": "{actor} et {other} aiment votre publication",
        "en": "{actor} and {other} like your post",
    },
    "POST_LIKED.n": {
        "fr": "{actor} et {others} autres aiment votre publication",
        "en": "{actor} and {others} others like your post",
    },
    "POST_COMMENTED": {"fr": "{actor} a commenté votre publication", "en": "{actor} commented on your post"},
    "MENTIONED": {"fr": "{actor} vous a mentionné", "en": "{actor} mentioned you"},
    "POST_RECOMMENDED": {
        "fr": "{actor} recommande votre bonne pratique",
        "en": "{actor} recommends your best practice",
    },
    "RANK_OVERTAKEN": {
        "fr": "{actor} vient de vous dépasser dans « {challenge} » : vous êtes {rank_fr}",
        "en": "{actor} just overtook you in “{challenge}”: you are {rank_en}",
    },
    "RANK_UP": {
        "fr": "Vous passez {rank_fr} dans « {challenge} »",
        "en": "You move up to {rank_en} in “{challenge}”",
    },
    "TOP_THREE": {
        "fr": "Vous entrez dans le top 3 de « {challenge} » !",
        "en": "You are in the top 3 of “{challenge}”!",
    },
    "BADGE_RECEIVED": {"fr": "Vous recevez le badge « {badge} »", "en": "You received the “{badge}” badge"},
    "LABEL_RECEIVED": {"fr": "Vous obtenez le label « {badge} »", "en": "You earned the “{badge}” label"},
    "LABEL_EXPIRING": {
        "fr": "Votre label « {badge} » expire le {date}",
        "en": "Your “{badge}” label expires on {date}",
    },
    "CHALLENGE_STARTED": {"fr": "Le challenge « {challenge} » commence !", "en": "The “{challenge}” challenge starts!"},
    "CHALLENGE_ENDING": {
        "fr": "Le challenge « {challenge} » se termine dans 24 h",
        "en": "The “{challenge}” challenge ends in 24 h",
    },
    "DUEL_INVITATION": {"fr": "{actor} vous défie en duel", "en": "{actor} challenges you to a duel"},
    "TRAINING_ASSIGNED": {"fr": "Nouvelle formation : « {module} »", "en": "New training: “{module}”"},
    "TRAINING_REMINDER": {
        "fr": "Rappel : la formation « {module} » vous attend",
        "en": "Reminder: the “{module}” training is waiting for you",
    },
    "ACTION_PLAN_UPDATED": {
        "fr": "{actor} a mis à jour le plan d'action « {plan} »",
        "en": "{actor} updated the action plan “{plan}”",
    },
    "ASSESSMENT_SHARED": {
        "fr": "{actor} a partagé votre évaluation",
        "en": "{actor} shared your assessment",
    },
}


def ordinal(rank: int, language: str) -> str:
    if language == "en":
        suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
        return f"{rank}{suffix}"
    return "1er" if rank == 1 else f"{rank}e"


def notification_text(
    kind: str, params: dict[str, Any], actor_names: list[str], count: int, language: str
) -> str:
    key = kind
    values = {str(k): v for k, v in params.items()}
    if actor_names:
        values.setdefault("actor", actor_names[0])
    if kind == "POST_LIKED":
        key = "POST_LIKED.1" if count <= 1 else "POST_LIKED.2" if count == 2 else "POST_LIKED.n"
        values["other"] = actor_names[1] if len(actor_names) > 1 else ""
        values["others"] = count - 1
    if "rank" in values:
        values["rank_fr"] = ordinal(int(values["rank"]), "fr")
        values["rank_en"] = ordinal(int(values["rank"]), "en")
    entry = TEXTS.get(key) or {"fr": kind, "en": kind}
    template = entry.get(language) or entry["fr"]
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return entry["fr"]


LIKES_DIGEST = {
    "fr": "{actor} et d'autres ont aimé vos publications : {count} nouveaux j'aime",
    "en": "{actor} and others liked your posts: {count} new likes",
}

PUSH_TITLES: dict[str, dict[str, str]] = {
    "rank": {"fr": "Classement", "en": "Leaderboard"},
    "award": {"fr": "Récompense", "en": "Award"},
    "feed": {"fr": "Fil d'actualité", "en": "Feed"},
    "challenge": {"fr": "Challenge", "en": "Challenge"},
    "training": {"fr": "Formation", "en": "Training"},
    "other": {"fr": "Élan", "en": "Élan"},
}
_TITLE_OF_KIND = {
    "RANK_OVERTAKEN": "rank",
    "RANK_UP": "rank",
    "TOP_THREE": "rank",
    "BADGE_RECEIVED": "award",
    "LABEL_RECEIVED": "award",
    "LABEL_EXPIRING": "award",
    "POST_LIKED": "feed",
    "POST_COMMENTED": "feed",
    "MENTIONED": "feed",
    "POST_RECOMMENDED": "feed",
    "CHALLENGE_STARTED": "challenge",
    "CHALLENGE_ENDING": "challenge",
    "DUEL_INVITATION": "challenge",
    "TRAINING_ASSIGNED": "training",
    "TRAINING_REMINDER": "training",
}


def push_title(kind: str, language: str) -> str:
    entry = PUSH_TITLES[_TITLE_OF_KIND.get(kind, "other")]
    return entry.get(language) or entry["fr"]


def likes_digest_text(actor: str, count: int, language: str) -> str:
    return (LIKES_DIGEST.get(language) or LIKES_DIGEST["fr"]).format(actor=actor, count=count)
