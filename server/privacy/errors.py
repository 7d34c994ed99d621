"""Errors of the privacy domain, with their messages (kept beside them, French first)."""

from __future__ import annotations

from server.errors import DomainError

MESSAGES: dict[str, dict[str, str]] = {
    "privacy_person_not_found": {"fr": "Cette personne est introuvable.", "en": "This person was not found."},
    "privacy_not_allowed": {
        "fr": "Vous ne pouvez pas consulter les données de cette personne.",
        "en": "You may not see this person's data.",
    },
    "erasure_needs_deactivation": {
        "fr": "Désactivez d'abord cette personne : seule une personne partie peut être effacée.",
        "en": "Deactivate this person first: only someone who left can be erased.",
    },
    "erasure_self": {"fr": "Vous ne pouvez pas vous effacer vous-même.", "en": "You cannot erase yourself."},
    "retention_days_invalid": {
        "fr": "Une durée de conservation va de {min} à {max} jours (0 : sans limite).",
        "en": "A retention period is {min} to {max} days (0: no limit).",
    },
    "consent_kind_unknown": {"fr": "Ce type de notification n'existe pas.", "en": "This kind of notification does not exist."},
}


class PrivacyError(DomainError):
    def message(self, language: str) -> str:
        entry = MESSAGES.get(self.code)
        if entry is None:
            return super().message(language)
        template = entry.get(language) or entry["fr"]
        try:
            return template.format(**self.params)
        except (KeyError, IndexError):
            return template


class PersonNotFound(PrivacyError):
    code = "privacy_person_not_found"
    kind = "not_found"


class ExportNotAllowed(PrivacyError):
    code = "privacy_not_allowed"
    kind = "not_allowed"


class ErasureNeedsDeactivation(PrivacyError):
    code = "erasure_needs_deactivation"
    kind = "conflict"


class CannotEraseSelf(PrivacyError):
    code = "erasure_self"
    kind = "not_allowed"


class RetentionDaysInvalid(PrivacyError):
    code = "retention_days_invalid"
    kind = "validation"


class ConsentKindUnknown(PrivacyError):
    code = "consent_kind_unknown"
    kind = "validation"
