"""Every sentence Élan writes itself, in French and English.

Keys: `notification.<KIND>` (with `.1` / `.2` / `.n` variants for folded lines), `post.<KIND>`
for the automatic feed posts, `push.title.<group>`, `person.*` for people who cannot be named,
`duel.*`, `verify.*`. A test renders every kind in both languages and fails on a missing one.
"""

from __future__ import annotations

from string import Formatter

T = dict[str, dict[str, str]]

NOTIFICATIONS: T = {
    "notification.POST_LIKED.1": {"fr": "{actor} aime votre publication", "en": "{actor} likes your post"},
    "notification.POST_LIKED.2": {
        "fr": "{actor} et {other} aiment votre publication",
        "en": "{actor} and {other} like your post",
    },
    "notification.POST_LIKED.n": {
        "fr": "{actor} et {others} autres aiment votre publication",
        "en": "{actor} and {others} others like your post",
    },
    "notification.POST_COMMENTED.1": {
        "fr": "{actor} a commenté votre publication",
        "en": "{actor} commented on your post",
    },
    "notification.POST_COMMENTED.2": {
        "fr": "{actor} et {other} ont commenté votre publication",
        "en": "{actor} and {other} commented on your post",
    },
    "notification.POST_COMMENTED.n": {
        "fr": "{actor} et {others} autres ont commenté votre publication",
        "en": "{actor} and {others} others commented on your post",
    },
    "notification.MENTIONED.1": {"fr": "{actor} vous a mentionné", "en": "{actor} mentioned you"},
    "notification.POST_RECOMMENDED.1": {
        "fr": "{actor} recommande votre bonne pratique",
        "en": "{actor} recommends your best practice",
    },
    "notification.RANK_OVERTAKEN.1": {
        "fr": "{actor} vient de vous dépasser dans « {challenge} » : vous êtes {rank}",
        "en": "{actor} just overtook you in “{challenge}”: you are {rank}",
    },
    "notification.RANK_OVERTAKEN.2": {
        "fr": "{actor} et {other} viennent de vous dépasser dans « {challenge} » : vous êtes {rank}",
        "en": "{actor} and {other} just overtook you in “{challenge}”: you are {rank}",
    },
    "notification.RANK_OVERTAKEN.n": {
        "fr": "{actor} et {others} autres viennent de vous dépasser dans « {challenge} » : vous êtes {rank}",
        "en": "{actor} and {others} others just overtook you in “{challenge}”: you are {rank}",
    },
    "notification.RANK_UP.1": {
        "fr": "Vous passez {rank} dans « {challenge} »",
        "en": "You move up to {rank} in “{challenge}”",
    },
    "notification.TOP_THREE.1": {
        "fr": "Vous entrez dans le top 3 de « {challenge} » ({rank}) !",
        "en": "You are in the top 3 of “{challenge}” ({rank})!",
    },
    "notification.BADGE_RECEIVED.1": {
        "fr": "Vous recevez le badge « {badge} »",
        "en": "You received the “{badge}” badge",
    },
    "notification.LABEL_RECEIVED.1": {
        "fr": "Vous obtenez le label « {badge} »",
        "en": "You earned the “{badge}” label",
    },
    "notification.LABEL_EXPIRING.1": {
        "fr": "Votre label « {badge} » expire le {date}",
        "en": "Your “{badge}” label expires on {date}",
    },
    "notification.CHALLENGE_STARTED.1": {
        "fr": "Le challenge « {challenge} » commence !",
        "en": "The “{challenge}” challenge starts!",
    },
    "notification.CHALLENGE_ENDING.1": {
        "fr": "Le challenge « {challenge} » se termine dans 24 h",
        "en": "The “{challenge}” challenge ends in 24 hours",
    },
    "notification.DUEL_INVITATION.1": {"fr": "{actor} vous défie en duel", "en": "{actor} challenges you to a duel"},
    "notification.TRAINING_ASSIGNED.1": {
        "fr": "Nouvelle formation : « {module} »",
        "en": "New training: “{module}”",
    },
    "notification.TRAINING_REMINDER.1": {
        "fr": "Rappel : la formation « {module} » vous attend",
        "en": "Reminder: the “{module}” training is waiting for you",
    },
    "notification.ACTION_PLAN_UPDATED.1": {
        "fr": "{actor} a mis à jour le plan d'action « {plan} »",
        "en": "{actor} updated the action plan “{plan}”",
    },
    "notification.ASSESSMENT_SHARED.1": {
        "fr": "{actor} a partagé votre évaluation « {grid} »",
        "en": "{actor} shared your “{grid}” assessment",
    },
    "notification.LIKES_DIGEST": {
        "fr": "{actor} et d'autres ont aimé vos publications : {count} nouveaux j'aime",
        "en": "{actor} and others liked your posts: {count} new likes",
    },
}

# automatic (SYSTEM) feed posts
POSTS: T = {
    "post.BADGE_AWARDED": {
        "fr": "{emoji} {person} reçoit le badge « {badge} »",
        "en": "{emoji} {person} received the “{badge}” badge",
    },
    "post.LABEL_AWARDED": {
        "fr": "{emoji} {person} obtient le label « {badge} »",
        "en": "{emoji} {person} earned the “{badge}” label",
    },
    "post.level": {"fr": " – niveau {level}", "en": " – level {level}"},
    "post.awarded_by": {"fr": ", décerné par {by}", "en": ", awarded by {by}"},
    "post.TOP_THREE_ENTERED": {
        "fr": "{person} entre dans le top 3 du challenge « {challenge} » ({rank}) !",
        "en": "{person} is in the top 3 of the “{challenge}” challenge ({rank})!",
    },
    "post.CHALLENGE_PODIUM": {
        "fr": "Challenge « {challenge} » terminé ! Podium : {podium}. Bravo à tous les participants !",
        "en": "The “{challenge}” challenge is over! Podium: {podium}. Well done, everyone!",
    },
    "post.RACE_FINISHED.0": {
        "fr": "Course « {challenge} » terminée : personne n'a atteint l'objectif cette fois. Bravo à tous !",
        "en": "The “{challenge}” race is over: nobody reached the target this time. Well done, everyone!",
    },
    "post.RACE_FINISHED.1": {
        "fr": "Course « {challenge} » terminée : 1 participant a atteint l'objectif. Bravo à tous !",
        "en": "The “{challenge}” race is over: 1 participant reached the target. Well done, everyone!",
    },
    "post.RACE_FINISHED.n": {
        "fr": "Course « {challenge} » terminée : {count} participants ont atteint l'objectif. Bravo à tous !",
        "en": "The “{challenge}” race is over: {count} participants reached the target. Well done, everyone!",
    },
}

PEOPLE: T = {
    # a participant who hides from public screens
    "person.hidden": {"fr": "Un participant", "en": "A participant"},
    # someone whose account no longer exists (erased)
    "person.gone": {"fr": "Un ancien membre", "en": "A former member"},
    # an erased person (server.privacy.pseudonym): their stable code stays, the words follow the reader
    "person.erased": {"fr": "Ancien collaborateur {code}", "en": "Former colleague {code}"},
    "person.someone": {"fr": "Quelqu'un", "en": "Someone"},
    "person.one_other": {"fr": "une autre personne", "en": "one other person"},
    "list.and": {"fr": " et ", "en": " and "},
}

PUSH: T = {
    "push.title.rank": {"fr": "Classement", "en": "Leaderboard"},
    "push.title.award": {"fr": "Récompense", "en": "Award"},
    "push.title.feed": {"fr": "Fil d'actualité", "en": "Feed"},
    "push.title.challenge": {"fr": "Challenge", "en": "Challenge"},
    "push.title.training": {"fr": "Formation", "en": "Training"},
    "push.title.other": {"fr": "Élan", "en": "Élan"},
}

DUELS: T = {
    "duel.title": {"fr": "Duel : {challenger} / {opponent}", "en": "Duel: {challenger} vs {opponent}"},
    "duel.description.1": {"fr": "{metric} sur 1 jour", "en": "{metric} over 1 day"},
    "duel.description.n": {"fr": "{metric} sur {days} jours", "en": "{metric} over {days} days"},
}

VERIFY: T = {
    "verify.not_found.title": {"fr": "Badge introuvable", "en": "Badge not found"},
    "verify.not_found.body": {
        "fr": "Aucun badge ne correspond à ce lien.",
        "en": "No badge matches this link.",
    },
    "verify.VALID": {"fr": "Valide", "en": "Valid"},
    "verify.EXPIRED": {"fr": "Expiré", "en": "Expired"},
    "verify.REVOKED": {"fr": "Révoqué", "en": "Revoked"},
    "verify.VALID.badge": {
        "fr": "Ce badge a bien été décerné et il est valide.",
        "en": "This badge was awarded and is valid.",
    },
    "verify.VALID.label": {
        "fr": "Ce label a bien été décerné et il est valide.",
        "en": "This label was awarded and is valid.",
    },
    "verify.EXPIRED.badge": {
        "fr": "Ce badge a été décerné mais sa période de validité est terminée.",
        "en": "This badge was awarded but its validity period is over.",
    },
    "verify.EXPIRED.label": {
        "fr": "Ce label a été décerné mais sa période de validité est terminée.",
        "en": "This label was awarded but its validity period is over.",
    },
    "verify.REVOKED.badge": {
        "fr": "Ce badge a été révoqué par l'organisation qui l'avait décerné.",
        "en": "This badge was revoked by the organisation that awarded it.",
    },
    "verify.REVOKED.label": {
        "fr": "Ce label a été révoqué par l'organisation qui l'avait décerné.",
        "en": "This label was revoked by the organisation that awarded it.",
    },
    "verify.badge": {"fr": "Badge", "en": "Badge"},
    "verify.level": {"fr": "niveau {level}", "en": "level {level}"},
    "verify.awarded_to": {"fr": "Décerné à", "en": "Awarded to"},
    "verify.by": {"fr": "Par", "en": "By"},
    "verify.on": {"fr": "Le", "en": "On"},
    "verify.valid_until": {"fr": "Valide jusqu'au", "en": "Valid until"},
    "verify.revoked_on": {"fr": "Révoqué le", "en": "Revoked on"},
    "verify.signature_ok": {
        "fr": "Signature vérifiée avec la clé publique de l'organisation.",
        "en": "Signature checked with the organisation's public key.",
    },
    "verify.signature_bad": {"fr": "Signature invalide.", "en": "Invalid signature."},
    "verify.download": {
        "fr": "Télécharger l'attestation Open Badges 3.0",
        "en": "Download the Open Badges 3.0 credential",
    },
}

TEXTS: T = {**NOTIFICATIONS, **POSTS, **PEOPLE, **PUSH, **DUELS, **VERIFY}
LANGUAGES = ("fr", "en")


def text(key: str, language: str, **values: object) -> str:
    """The sentence `key` in `language` (French when it has no English), filled in."""
    entry = TEXTS[key]
    template = entry.get(language) or entry["fr"]
    return template.format(**values)


_PLACEHOLDERS: dict[tuple[str, str], tuple[str, ...]] = {}


def placeholders(key: str, language: str) -> tuple[str, ...]:
    """The names the sentence `key` in `language` fills in (« {actor} aime … » -> actor)."""
    found = _PLACEHOLDERS.get((key, language))
    if found is None:
        entry = TEXTS[key]
        template = entry.get(language) or entry["fr"]
        names = (field.split(".", 1)[0].split("[", 1)[0] for _, field, _, _ in Formatter().parse(template) if field)
        found = _PLACEHOLDERS[(key, language)] = tuple(dict.fromkeys(names))
    return found
