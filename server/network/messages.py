"""Messages of the network domain (tree, imports, first run), merged into server.i18n."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "unit_name_invalid": {
        "fr": "Le nom d'une unité compte de 1 à {max} caractères.",
        "en": "A unit's name has 1 to {max} characters.",
    },
    "external_code_invalid": {
        "fr": "Le code externe compte au plus {max} caractères : lettres, chiffres, « - », « _ » ou « . ».",
        "en": "The external code has at most {max} characters: letters, digits, '-', '_' or '.'.",
    },
    "external_code_taken": {
        "fr": "Le code « {value} » est déjà celui de « {name} ».",
        "en": "The code '{value}' already belongs to '{name}'.",
    },
    "unit_kind_order": {
        "fr": "Un niveau « {kind} » ne peut pas être placé sous « {parent_kind} » : l'ordre est marque → région → distributeur → point de vente → équipe.",
        "en": "A '{kind}' cannot sit below a '{parent_kind}': the order is brand → region → distributor → point of sale → team.",
    },
    "unit_move_cycle": {
        "fr": "Une unité ne peut pas être placée sous elle-même ni sous une unité qu'elle contient.",
        "en": "A unit cannot be placed below itself or below a unit it contains.",
    },
    "head_office_fixed": {
        "fr": "Le siège est la racine du réseau : il ne se déplace pas et ne se ferme pas.",
        "en": "Head office is the root of the network: it is neither moved nor closed.",
    },
    "unit_closed": {
        "fr": "« {name} » est fermé : on n'y ajoute plus personne.",
        "en": "'{name}' is closed: nobody can be added to it.",
    },
    "unit_has_people": {
        "fr": "Il reste {count} personne(s) active(s) dans cette unité : déplacez-les ou désactivez-les d'abord.",
        "en": "{count} active people remain in this unit: move or deactivate them first.",
    },
    "audit_dates_invalid": {
        "fr": "La date de fin doit suivre la date de début.",
        "en": "The end date must come after the start date.",
    },
    "unit_kind_invalid": {
        "fr": "Choisissez une région, un distributeur, un point de vente ou une équipe.",
        "en": "Choose a region, a distributor, a point of sale or a team.",
    },
}

# the levels of the tree, as a message names them
KIND_LABELS: dict[str, dict[str, str]] = {
    "ORGANIZATION": {"fr": "marque", "en": "brand"},
    "REGION": {"fr": "région", "en": "region"},
    "DISTRIBUTOR": {"fr": "distributeur", "en": "distributor"},
    "POINT_OF_SALE": {"fr": "point de vente", "en": "point of sale"},
    "TEAM": {"fr": "équipe", "en": "team"},
}
