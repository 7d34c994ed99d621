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
    "import_not_found": {"fr": "Cet import est introuvable.", "en": "This import was not found."},
    "import_running": {
        "fr": "Cet import est déjà en cours : attendez qu'il se termine.",
        "en": "This import is already running: wait for it to finish.",
    },
    "csv_too_large": {
        "fr": "Le fichier dépasse {max_mb} Mo : découpez-le ou retirez les colonnes inutiles.",
        "en": "The file is over {max_mb} MB: split it or remove the columns not needed.",
    },
    "csv_empty": {"fr": "Le fichier est vide.", "en": "The file is empty."},
    "csv_not_text": {
        "fr": "Ce fichier n'est pas un CSV (texte) : enregistrez-le au format « CSV » depuis votre tableur.",
        "en": "This file is not a CSV (text): save it as 'CSV' from your spreadsheet.",
    },
    "csv_header_unknown": {
        "fr": "La première ligne doit nommer les colonnes, par exemple : {expected}",
        "en": "The first line must name the columns, for example: {expected}",
    },
    "csv_too_many_lines": {
        "fr": "Le fichier dépasse {max} lignes : découpez-le.",
        "en": "The file has more than {max} lines: split it.",
    },
    "csv_unreadable": {
        "fr": "Le fichier est illisible à partir de la ligne {line} (guillemets mal fermés ?).",
        "en": "The file cannot be read from line {line} on (an unclosed quote?).",
    },
    "csv_import_failed": {
        "fr": "L'import s'est interrompu. Réimportez le même fichier : ce qui est déjà fait ne change pas.",
        "en": "The import stopped. Import the same file again: what is done already stays as it is.",
    },
    "csv_formula_cell": {
        "fr": "Cellule refusée : elle commence par =, +, - ou @ comme une formule. Si c'est voulu, faites-la précéder d'une apostrophe (').",
        "en": "Cell refused: it starts with =, +, - or @ like a formula. If that is meant, put an apostrophe (') before it.",
    },
    "csv_type_unknown": {
        "fr": "Type « {value} » inconnu : « unit » (unité) ou « person » (personne).",
        "en": "Unknown type '{value}': 'unit' or 'person'.",
    },
    "csv_code_invalid": {
        "fr": "Code manquant ou invalide : au plus {max} caractères, lettres, chiffres, « - », « _ » ou « . ».",
        "en": "Missing or invalid code: at most {max} characters, letters, digits, '-', '_' or '.'.",
    },
    "csv_code_twice": {
        "fr": "Ce code est déjà à la ligne {first}.",
        "en": "This code is already on line {first}.",
    },
    "csv_kind_unknown": {
        "fr": "Niveau « {value} » inconnu : région, distributeur, point de vente ou équipe.",
        "en": "Unknown level '{value}': region, distributor, point of sale or team.",
    },
    "csv_name_invalid": {
        "fr": "Le nom d'une unité compte de 1 à {max} caractères.",
        "en": "A unit's name has 1 to {max} characters.",
    },
    "csv_parent_unknown": {
        "fr": "Le code parent « {value} » n'est ni dans le fichier ni dans le réseau.",
        "en": "The parent code '{value}' is neither in the file nor in the network.",
    },
    "csv_parent_refused": {
        "fr": "Son unité parente (ligne {line}) est refusée.",
        "en": "Its parent unit (line {line}) is refused.",
    },
    "csv_unit_cycle": {
        "fr": "Boucle : cette unité se retrouverait sous elle-même.",
        "en": "Cycle: this unit would end up below itself.",
    },
    "csv_kind_order": {
        "fr": "Un niveau « {kind} » ne peut pas être sous « {parent_kind} » (marque → région → distributeur → point de vente → équipe).",
        "en": "A '{kind}' cannot sit below a '{parent_kind}' (brand → region → distributor → point of sale → team).",
    },
    "csv_unit_closed": {
        "fr": "L'unité « {value} » est fermée : on n'y ajoute et on n'y change plus rien.",
        "en": "The unit '{value}' is closed: nothing is added to it or changed in it.",
    },
    "csv_email_missing": {"fr": "E-mail manquant.", "en": "E-mail missing."},
    "csv_email_invalid": {
        "fr": "« {value} » n'est pas une adresse e-mail.",
        "en": "'{value}' is not an e-mail address.",
    },
    "csv_email_twice": {
        "fr": "Cette adresse est déjà à la ligne {first}.",
        "en": "This address is already on line {first}.",
    },
    "csv_person_name_invalid": {
        "fr": "Le nom d'une personne compte de 2 à {max} caractères.",
        "en": "A person's name has 2 to {max} characters.",
    },
    "csv_role_unknown": {
        "fr": "Rôle « {value} » inconnu : admin, manager ou membre.",
        "en": "Unknown role '{value}': admin, manager or member.",
    },
    "csv_unit_unknown": {
        "fr": "Le code d'unité « {value} » n'est ni dans le fichier ni dans le réseau.",
        "en": "The unit code '{value}' is neither in the file nor in the network.",
    },
    "csv_unit_refused": {
        "fr": "Son unité (ligne {line}) est refusée.",
        "en": "Its unit (line {line}) is refused.",
    },
    "csv_cannot_change_self": {
        "fr": "Vous ne pouvez pas changer votre propre unité ou votre rôle.",
        "en": "You cannot change your own unit or role.",
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
