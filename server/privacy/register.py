"""The register of personal data for the works council (CSE) and the CNIL: each kind of data
Élan keeps, why, who sees it (role and scope), how long (from the organisation's retention
policy), and which outside services receive what. Texts in French first, then English."""

from __future__ import annotations

from dataclasses import dataclass

from server.privacy.models import PrivacyPolicy

# who sees, in the product's roles (DESIGN.md « Users and roles »)
SELF = ("la personne elle-même", "the person themself")
MANAGERS = ("ses managers (leur sous-arbre du réseau)", "their managers (their subtree of the network)")
HEAD_OFFICE = ("le siège (administrateurs de l'organisation)", "head office (the organisation's admins)")
COLLEAGUES = ("les collègues de l'audience choisie", "colleagues in the chosen audience")
BOARD = ("les participants du challenge (classement, écran TV), sauf masquage demandé",
         "the challenge's participants (leaderboard, TV screen), unless the person hid themself")


@dataclass(frozen=True, slots=True)
class RegisterEntry:
    key: str
    data: tuple[str, str]
    purpose: tuple[str, str]
    seen_by: tuple[tuple[str, str], ...]
    retention_field: str | None  # a PrivacyPolicy field; None: a fixed rule below
    fixed_retention: tuple[str, str] = ("", "")
    recipients: tuple[tuple[str, str], ...] = ()


NONE_OUTSIDE = ("aucun service extérieur", "no outside service")
PUSH = ("services de notification push des navigateurs (Google, Mozilla, Apple, Microsoft) : contenu chiffré de bout en bout, illisible pour eux (RFC 8291)",
        "browsers' push services (Google, Mozilla, Apple, Microsoft): end-to-end encrypted payloads they cannot read (RFC 8291)")
MAIL = ("le relais de messagerie (SMTP) de l'organisation : adresse, objet et texte du message",
        "the organisation's mail relay (SMTP): address, subject and text of the message")

ENTRIES: tuple[RegisterEntry, ...] = (
    RegisterEntry("identity", ("Identité : nom, e-mail, photo, unité, rôle, langue", "Identity: name, e-mail, photo, unit, role, language"),
                  ("Se connecter, être reconnu par ses collègues", "Signing in, being recognised by colleagues"),
                  (SELF, COLLEAGUES, MANAGERS, HEAD_OFFICE), None,
                  ("tant que le compte existe ; pseudonymisée à l'effacement après départ", "while the account exists; pseudonymised on erasure after leaving"),
                  (MAIL,)),
    RegisterEntry("results", ("Résultats commerciaux, objectifs, scores et rangs de challenge", "Sales results, targets, challenge scores and ranks"),
                  ("Animer les challenges et suivre les objectifs", "Running challenges and following targets"),
                  (SELF, BOARD, MANAGERS, HEAD_OFFICE), "results_days", recipients=(NONE_OUTSIDE,)),
    RegisterEntry("feed", ("Publications, commentaires, mentions, j'aime, recommandations, photos", "Posts, comments, mentions, likes, recommendations, photos"),
                  ("Partager réussites et bonnes pratiques", "Sharing wins and best practices"),
                  (SELF, COLLEAGUES, MANAGERS, HEAD_OFFICE), None,
                  ("tant que l'auteur ne les supprime pas ; photos des publications masquées : voir « médias »", "until the author deletes them; photos of hidden posts: see « media »"),
                  (NONE_OUTSIDE,)),
    RegisterEntry("media", ("Photos des publications supprimées ou masquées", "Photos of deleted or hidden posts"),
                  ("Modération", "Moderation"), (HEAD_OFFICE,), "deleted_media_days", recipients=(NONE_OUTSIDE,)),
    RegisterEntry("training", ("Formations suivies, réponses et scores aux quiz", "Trainings followed, quiz answers and scores"),
                  ("Mesurer les acquis", "Measuring what was learned"), (SELF, MANAGERS, HEAD_OFFICE), "results_days", recipients=(NONE_OUTSIDE,)),
    RegisterEntry("assessments", ("Évaluations de compétences, commentaires, labels", "Skills assessments, comments, labels"),
                  ("Confirmer dans un rôle, attribuer un label", "Confirming in a role, granting a label"),
                  (SELF, MANAGERS, HEAD_OFFICE), None,
                  ("tant que le label est valable ; commentaires supprimés à l'effacement", "while the label is valid; comments deleted on erasure"),
                  (("vérificateurs Open Badges choisis par la personne (empreinte de l'e-mail seulement)", "Open Badges verifiers the person chooses (hashed e-mail only)"),)),
    RegisterEntry("notifications", ("Notifications reçues", "Notifications received"),
                  ("Prévenir des événements qui concernent la personne", "Telling the person about what concerns them"),
                  (SELF,), "notifications_days", recipients=(PUSH, MAIL)),
    RegisterEntry("devices", ("Sessions et appareils : navigateur, adresse d'abonnement push", "Sessions and devices: browser, push subscription address"),
                  ("Sécurité du compte, envoi des notifications", "Account security, sending notifications"),
                  (SELF,), "sessions_days", recipients=(PUSH,)),
    RegisterEntry("outbox", ("Messages push et e-mails en file d'envoi", "Push and mail messages queued for sending"),
                  ("Acheminer les notifications et e-mails", "Delivering notifications and mails"),
                  (HEAD_OFFICE,), "outbox_days", recipients=(PUSH, MAIL)),
    RegisterEntry("audit", ("Journal d'audit : qui a changé quoi", "Audit trail: who changed what"),
                  ("Traçabilité des actions d'administration", "Accountability of administrative actions"),
                  (MANAGERS, HEAD_OFFICE), "audit_days", recipients=(NONE_OUTSIDE,)),
)


def retention_text(policy: PrivacyPolicy, entry: RegisterEntry, language: str) -> tuple[str, int | None]:
    """How long, in words, and the number of days when the policy sets it (None: fixed rule)."""
    index = 0 if language == "fr" else 1
    if entry.retention_field is None:
        return entry.fixed_retention[index], None
    days = int(getattr(policy, entry.retention_field))
    if days == 0:
        return ("sans limite", "no limit")[index], 0
    return (f"{days} jours", f"{days} days")[index], days
