"""Messages a person reads, in French first and English second."""

from __future__ import annotations

from typing import Any

from server.network.messages import MESSAGES as _network_messages

MESSAGES: dict[str, dict[str, str]] = {
    "error": {"fr": "Une erreur est survenue.", "en": "Something went wrong."},
    "internal": {
        "fr": "Une erreur inattendue est survenue. Réessayez dans un instant.",
        "en": "An unexpected error occurred. Please try again shortly.",
    },
    "not_allowed": {
        "fr": "Vous n'avez pas les droits pour cette action.",
        "en": "You are not allowed to do this.",
    },
    "not_authenticated": {
        "fr": "Connectez-vous pour continuer.",
        "en": "Please sign in to continue.",
    },
    "rate_limited": {
        "fr": "Trop de tentatives. Réessayez dans {minutes} min.",
        "en": "Too many attempts. Try again in {minutes} min.",
    },
    "invalid_credentials": {
        "fr": "E-mail ou mot de passe incorrect.",
        "en": "Wrong email or password.",
    },
    "invalid_invite": {
        "fr": "Ce code d'invitation n'existe pas.",
        "en": "This invite code does not exist.",
    },
    "invite_expired": {
        "fr": "Ce code d'invitation a expiré. Demandez-en un nouveau à votre manager.",
        "en": "This invite code has expired. Ask your manager for a new one.",
    },
    "invite_used_up": {
        "fr": "Ce code d'invitation a déjà été utilisé le nombre de fois prévu.",
        "en": "This invite code has been used as many times as allowed.",
    },
    "email_taken": {
        "fr": "Un compte existe déjà avec cet e-mail.",
        "en": "An account already exists with this email.",
    },
    "email_invalid": {
        "fr": "Cette adresse e-mail n'est pas valide.",
        "en": "This email address is not valid.",
    },
    "password_too_short": {
        "fr": "Le mot de passe doit contenir au moins {min} caractères.",
        "en": "The password must be at least {min} characters long.",
    },
    "password_too_long": {
        "fr": "Le mot de passe ne peut pas dépasser {max} caractères.",
        "en": "The password cannot be longer than {max} characters.",
    },
    "display_name_required": {
        "fr": "Indiquez votre nom (2 à {max} caractères).",
        "en": "Enter your name (2 to {max} characters).",
    },
    "unit_not_found": {"fr": "Cette unité est introuvable.", "en": "This unit was not found."},
    "unit_out_of_scope": {
        "fr": "Cette unité est hors de votre périmètre.",
        "en": "This unit is outside your scope.",
    },
    "role_too_high": {
        "fr": "Vous ne pouvez pas inviter avec un rôle supérieur au vôtre.",
        "en": "You cannot invite with a role above your own.",
    },
    "account_deactivated": {
        "fr": "Ce compte a été désactivé. Adressez-vous à votre responsable.",
        "en": "This account has been deactivated. Please ask your manager.",
    },
    "hashing_busy": {
        "fr": "Beaucoup de connexions en ce moment. Réessayez dans quelques secondes.",
        "en": "Many sign-ins right now. Please try again in a few seconds.",
    },
    "person_role_too_high": {
        "fr": "Vous ne pouvez pas agir sur une personne d'un rôle supérieur au vôtre.",
        "en": "You cannot act on someone whose role is above your own.",
    },
    "cannot_deactivate_self": {
        "fr": "Vous ne pouvez pas désactiver votre propre compte.",
        "en": "You cannot deactivate your own account.",
    },
    "invite_uses_invalid": {
        "fr": "Le nombre d'utilisations doit être compris entre 1 et {max}.",
        "en": "The number of uses must be between 1 and {max}.",
    },
    "invite_days_invalid": {
        "fr": "La durée de validité doit être comprise entre 1 et {max} jours.",
        "en": "The validity must be between 1 and {max} days.",
    },
    "post_not_found": {
        "fr": "Cette publication est introuvable.",
        "en": "This post was not found.",
    },
    "post_body_required": {
        "fr": "Écrivez quelques mots avant de publier.",
        "en": "Write a few words before posting.",
    },
    "post_body_too_long": {
        "fr": "Le texte ne peut pas dépasser {max} caractères.",
        "en": "The text cannot be longer than {max} characters.",
    },
    "post_kind_not_allowed": {
        "fr": "Ce type de publication est réservé aux managers.",
        "en": "This kind of post is reserved to managers.",
    },
    # trust (issue #11): feed, challenges
    "system_post_not_editable": {
        "fr": "Une publication écrite par Élan ne se modifie pas.",
        "en": "A post written by Élan cannot be edited.",
    },
    "result_value_too_large": {
        "fr": "La valeur ne peut pas dépasser {max} (en valeur absolue).",
        "en": "The value cannot exceed {max} (in absolute value).",
    },
    "target_value_too_large": {
        "fr": "L'objectif ne peut pas dépasser {max}.",
        "en": "The target cannot exceed {max}.",
    },
    "metric_name_taken": {
        "fr": "Un indicateur porte déjà ce nom.",
        "en": "A metric already has this name.",
    },
    "idempotency_key_invalid": {
        "fr": "La clé d'idempotence doit faire 8 à {max} caractères.",
        "en": "The idempotency key must be 8 to {max} characters long.",
    },
    "cursor_invalid": {
        "fr": "Le curseur de pagination n'est pas valide.",
        "en": "The pagination cursor is not valid.",
    },
    "language_unsupported": {
        "fr": "Langue non prise en charge : choisissez fr ou en.",
        "en": "Unsupported language: choose fr or en.",
    },
    "page_size_invalid": {
        "fr": "La taille de page doit être comprise entre 1 et {max}.",
        "en": "The page size must be between 1 and {max}.",
    },
    "query_too_complex": {
        "fr": "Cette requête demande trop de données à la fois (coût {cost}, maximum {max}) : "
        "demandez moins d'éléments par page ou moins de champs.",
        "en": "This request asks for too much at once (cost {cost}, maximum {max}): "
        "ask for fewer items per page or fewer fields.",
    },
    # feed and media (issue #3)
    "post_field_too_long": {
        "fr": "Ce champ ne peut pas dépasser {max} caractères.",
        "en": "This field cannot be longer than {max} characters.",
    },
    "post_images_too_many": {
        "fr": "Une publication peut contenir {max} photos au plus.",
        "en": "A post can hold at most {max} photos.",
    },
    "post_mentions_too_many": {
        "fr": "Vous pouvez mentionner {max} personnes au plus.",
        "en": "You can mention at most {max} people.",
    },
    "post_image_unknown": {
        "fr": "Une des photos est introuvable ou déjà utilisée ; ajoutez-la à nouveau.",
        "en": "One of the photos is missing or already used; add it again.",
    },
    "comment_not_found": {
        "fr": "Ce commentaire est introuvable.",
        "en": "This comment was not found.",
    },
    "comment_body_required": {
        "fr": "Écrivez quelques mots avant d'envoyer.",
        "en": "Write a few words before sending.",
    },
    "comment_body_too_long": {
        "fr": "Le commentaire ne peut pas dépasser {max} caractères.",
        "en": "The comment cannot be longer than {max} characters.",
    },
    "reason_required": {
        "fr": "Indiquez une raison.",
        "en": "Give a reason.",
    },
    "reason_too_long": {
        "fr": "La raison ne peut pas dépasser {max} caractères.",
        "en": "The reason cannot be longer than {max} characters.",
    },
    "recommendation_days_invalid": {
        "fr": "La durée doit être comprise entre 1 et {max} jours.",
        "en": "The duration must be between 1 and {max} days.",
    },
    "recommendation_units_invalid": {
        "fr": "Choisissez entre 1 et {max} unités.",
        "en": "Choose between 1 and {max} units.",
    },
    "recommendation_not_best_practice": {
        "fr": "Seules les bonnes pratiques peuvent être recommandées.",
        "en": "Only best practices can be recommended.",
    },
    "image_invalid": {
        "fr": "Ce fichier n'est pas une image lisible (JPEG, PNG, WebP ou HEIC).",
        "en": "This file is not a readable image (JPEG, PNG, WebP or HEIC).",
    },
    "image_too_large": {
        "fr": "Cette image est trop grande (au plus {max_mb} Mo et 40 millions de pixels).",
        "en": "This image is too large (at most {max_mb} MB and 40 million pixels).",
    },
    "media_not_found": {
        "fr": "Cette image est introuvable.",
        "en": "This image was not found.",
    },
    # challenges
    "challenge_not_found": {"fr": "Ce challenge est introuvable.", "en": "This challenge was not found."},
    "metric_not_found": {"fr": "Cet indicateur est introuvable.", "en": "This metric was not found."},
    "participant_not_found": {
        "fr": "Ce participant est introuvable.",
        "en": "This participant was not found.",
    },
    "challenge_out_of_scope": {
        "fr": "Ce participant ou cette unité est hors de votre périmètre.",
        "en": "This participant or unit is outside your scope.",
    },
    "challenge_rules_frozen": {
        "fr": "Le challenge est en cours : seule sa description peut encore changer.",
        "en": "The challenge is live: only its description can still change.",
    },
    "duel_not_pending": {
        "fr": "Ce duel n'attend plus de réponse.",
        "en": "This duel is no longer waiting for an answer.",
    },
    "idempotency_key_reused": {
        "fr": "Cette clé d'idempotence a déjà servi pour un autre résultat.",
        "en": "This idempotency key was already used for another result.",
    },
    "integration_token_not_found": {
        "fr": "Ce jeton d'intégration est introuvable.",
        "en": "This integration token was not found.",
    },
    "kiosk_link_not_found": {
        "fr": "Ce lien kiosque est introuvable.",
        "en": "This kiosk link was not found.",
    },
    "kiosk_label_required": {
        "fr": "Nommez l'écran du lien kiosque (2 à 80 caractères).",
        "en": "Name the kiosk link's screen (2 to 80 characters).",
    },
    "kiosk_links_too_many": {
        "fr": "Ce challenge a déjà {max} liens kiosque actifs : révoquez-en un d'abord.",
        "en": "This challenge already has {max} active kiosk links: revoke one first.",
    },
    "kiosk_link_invalid": {
        "fr": "Ce lien kiosque n'est plus valable.",
        "en": "This kiosk link is no longer valid.",
    },
    "challenge_name_required": {
        "fr": "Donnez un nom au challenge (2 à {max} caractères).",
        "en": "Give the challenge a name (2 to {max} characters).",
    },
    "challenge_period_invalid": {
        "fr": "La fin du challenge doit être après son début.",
        "en": "The challenge must end after it starts.",
    },
    "challenge_metrics_required": {
        "fr": "Choisissez au moins un indicateur, avec un poids positif.",
        "en": "Choose at least one metric, with a positive weight.",
    },
    "challenge_weight_invalid": {
        "fr": "Les poids doivent être positifs.",
        "en": "Weights must be positive.",
    },
    "challenge_thresholds_invalid": {
        "fr": "Les paliers doivent avoir un score positif et un libellé.",
        "en": "Thresholds need a positive score and a label.",
    },
    "challenge_race_target_required": {
        "fr": "Une course à l'objectif a besoin d'un score à atteindre.",
        "en": "A race to a target needs a score to reach.",
    },
    "challenge_duel_not_copied": {
        "fr": "Un duel ne se duplique pas : lancez-en un nouveau.",
        "en": "A duel cannot be duplicated: start a new one.",
    },
    "challenge_not_draft": {
        "fr": "Ce challenge est déjà publié.",
        "en": "This challenge has already been published.",
    },
    "challenge_not_live": {
        "fr": "Seul un challenge en cours peut être clôturé.",
        "en": "Only a live challenge can be closed.",
    },
    "challenge_period_past": {
        "fr": "La période de ce challenge est déjà passée : changez ses dates avant de le publier.",
        "en": "This challenge's period is over: change its dates before publishing it.",
    },
    "challenge_top_n_invalid": {
        "fr": "Indiquez combien de premiers sont affichés par leur nom (de 1 à {max}).",
        "en": "Say how many leaders are shown by name (1 to {max}).",
    },
    "challenge_criteria_too_many": {
        "fr": "Au plus {max} critères qualitatifs.",
        "en": "At most {max} qualitative criteria.",
    },
    "challenge_criterion_options_invalid": {
        "fr": "Cette formation ou ce quiz n'existe pas, ou ne va pas avec ce critère.",
        "en": "This training module or quiz does not exist, or does not fit this criterion.",
    },
    "challenge_format_invalid": {
        "fr": "Choisissez un classement ou une course à l'objectif (un duel se lance entre collègues).",
        "en": "Choose a ranking or a race to a target (a duel is started between colleagues).",
    },
    "challenge_metrics_duplicate": {
        "fr": "Chaque indicateur ne peut compter qu'une fois.",
        "en": "Each metric can count only once.",
    },
    "challenge_description_too_long": {
        "fr": "La description dépasse {max} caractères.",
        "en": "The description is longer than {max} characters.",
    },
    "challenge_prizes_too_long": {
        "fr": "Les lots dépassent {max} caractères.",
        "en": "The prizes are longer than {max} characters.",
    },
    "result_value_invalid": {
        "fr": "La valeur doit être un nombre fini.",
        "en": "The value must be a finite number.",
    },
    "correction_reason_required": {
        "fr": "Une correction (valeur négative) doit être justifiée par un motif.",
        "en": "A correction (negative value) needs a reason.",
    },
    "target_value_invalid": {
        "fr": "L'objectif doit être un nombre positif.",
        "en": "The target must be a positive number.",
    },
    "duel_opponent_invalid": {
        "fr": "Choisissez un collègue de votre organisation (pas vous-même).",
        "en": "Choose a colleague of your organisation (not yourself).",
    },
    "csv_empty": {"fr": "Le fichier est vide.", "en": "The file is empty."},
    "csv_too_large": {
        "fr": "Le fichier dépasse {max} lignes.",
        "en": "The file has more than {max} lines.",
    },
    "csv_header_invalid": {
        "fr": "En-tête attendu : {expected}.",
        "en": "Expected header: {expected}.",
    },
    "csv_invalid": {
        "fr": "Le fichier contient {count} ligne(s) en erreur ; rien n'a été importé.",
        "en": "The file has {count} bad line(s); nothing was imported.",
    },
    "csv_value_invalid": {
        "fr": "Valeur ou date illisible.",
        "en": "Unreadable value or date.",
    },
    "token_name_required": {
        "fr": "Donnez un nom au jeton (2 à 80 caractères).",
        "en": "Give the token a name (2 to 80 characters).",
    },
    # --- training, evaluation, dashboards, performance plan ---
    "training_module_not_found": {"fr": "Cette formation est introuvable.", "en": "This training module was not found."},
    "quiz_not_found": {"fr": "Ce quiz est introuvable.", "en": "This quiz was not found."},
    "quiz_attempts_exhausted": {
        "fr": "Vous avez utilisé vos {max} tentatives pour ce quiz.",
        "en": "You have used your {max} attempts at this quiz.",
    },
    "quiz_already_passed": {
        "fr": "Vous avez déjà réussi ce quiz : il est terminé pour vous.",
        "en": "You have already passed this quiz: it is closed for you.",
    },
    "quiz_answer_invalid": {
        "fr": "Une réponse ne correspond pas aux questions du quiz.",
        "en": "An answer does not match the quiz's questions.",
    },
    "quiz_pass_mark_invalid": {"fr": "Le seuil de réussite doit être entre 0 et 100 %.", "en": "The pass mark must be between 0 and 100 %."},
    "quiz_attempts_invalid": {"fr": "Le nombre de tentatives doit être entre 1 et 20.", "en": "The number of attempts must be between 1 and 20."},
    "quiz_questions_invalid": {"fr": "Un quiz compte de 1 à {max} questions.", "en": "A quiz has 1 to {max} questions."},
    "quiz_choices_invalid": {
        "fr": "Chaque question a de 2 à {max} réponses, dont au moins une juste (une seule pour un choix unique).",
        "en": "Each question has 2 to {max} choices, at least one right (exactly one for single choice).",
    },
    "training_title_invalid": {"fr": "Le titre doit faire de 2 à {max} caractères.", "en": "The title must be 2 to {max} characters long."},
    "training_duration_invalid": {"fr": "La durée doit être entre 1 et 600 minutes.", "en": "The duration must be between 1 and 600 minutes."},
    "training_sections_invalid": {"fr": "Une formation compte de 1 à {max} sections.", "en": "A module has 1 to {max} sections."},
    "training_section_invalid": {
        "fr": "Chaque section a un titre et un texte de {max} caractères au plus.",
        "en": "Each section has a title and a text of at most {max} characters.",
    },
    "training_section_out_of_range": {"fr": "Cette formation compte {max} sections.", "en": "This module has {max} sections."},
    "training_reminder_too_soon": {
        "fr": "Un rappel a déjà été envoyé aujourd'hui.",
        "en": "A reminder was already sent today.",
    },
    "training_reminder_people_invalid": {"fr": "Choisissez de 1 à 500 personnes.", "en": "Choose 1 to 500 people."},
    "url_invalid": {"fr": "Ce lien n'est pas valide.", "en": "This link is not valid."},
    "text_too_long": {"fr": "Le texte ne peut pas dépasser {max} caractères.", "en": "The text cannot be longer than {max} characters."},
    "comment_invalid": {"fr": "Écrivez un commentaire de {max} caractères au plus.", "en": "Write a comment of at most {max} characters."},
    "skills_grid_not_found": {"fr": "Cette grille de compétences est introuvable.", "en": "This skills grid was not found."},
    "skills_grid_label_invalid": {
        "fr": "Ce label n'existe pas dans le catalogue.",
        "en": "This label is not in the catalogue.",
    },
    "skills_grid_invalid": {
        "fr": "Une grille compte de 1 à 20 compétences, chacune avec 4 niveaux décrits.",
        "en": "A grid has 1 to 20 skills, each with 4 described levels.",
    },
    # --- content authoring: modules, quizzes, skills grids ---
    "training_video_host_invalid": {
        "fr": "Cette vidéo n'est pas acceptée : collez un lien d'un de ces sites : {hosts}.",
        "en": "This video is not accepted: paste a link from one of these sites: {hosts}.",
    },
    "training_image_invalid": {
        "fr": "Cette image n'est pas disponible : ajoutez-la de nouveau.",
        "en": "This image is not available: add it again.",
    },
    "training_assignments_invalid": {
        "fr": "Choisissez au plus {max} unités, chacune une seule fois par rôle.",
        "en": "Choose at most {max} units, each once per role.",
    },
    "training_audience_missing": {
        "fr": "Choisissez à qui s'adresse la formation avant de la publier.",
        "en": "Choose who the module is for before publishing it.",
    },
    "training_module_archived": {
        "fr": "Cette formation est archivée : elle ne se suit plus.",
        "en": "This module is archived: it can no longer be followed.",
    },
    "training_module_has_quiz": {
        "fr": "Cette formation a déjà son quiz : modifiez-le.",
        "en": "This module already has its quiz: edit it instead.",
    },
    "training_publication_invalid": {
        "fr": "Cette formation est déjà dans cet état.",
        "en": "This module is already in that state.",
    },
    "quiz_locked_by_attempts": {
        "fr": "Ce quiz a déjà été passé : seuls les textes, les explications et l'ordre peuvent changer. "
        "Pour changer les bonnes réponses, le seuil ou les tentatives, créez un nouveau quiz.",
        "en": "This quiz has already been taken: only texts, explanations and order may change. "
        "To change the right answers, the pass mark or the attempts, create a new quiz.",
    },
    "quiz_question_text_invalid": {
        "fr": "Chaque question a un texte de {max} caractères au plus.",
        "en": "Each question has a text of at most {max} characters.",
    },
    "quiz_choice_text_invalid": {
        "fr": "Chaque réponse a un texte de {max} caractères au plus.",
        "en": "Each choice has a text of at most {max} characters.",
    },
    "skills_grid_name_invalid": {
        "fr": "Le nom de la grille doit faire de 2 à {max} caractères.",
        "en": "The grid's name must be 2 to {max} characters long.",
    },
    "skills_grid_skill_invalid": {
        "fr": "Chaque compétence a un nom de {max} caractères au plus, différent des autres.",
        "en": "Each skill has a name of at most {max} characters, unlike the others.",
    },
    "skills_grid_levels_invalid": {
        "fr": "Décrivez les 4 niveaux de chaque compétence ({max} caractères au plus chacun).",
        "en": "Describe the 4 levels of each skill (at most {max} characters each).",
    },
    "assessment_not_found": {"fr": "Cette évaluation est introuvable.", "en": "This assessment was not found."},
    "assessment_scores_incomplete": {
        "fr": "Notez chaque compétence de la grille, une fois.",
        "en": "Score every skill of the grid, once.",
    },
    "assessment_level_invalid": {"fr": "Chaque niveau va de 1 à 4.", "en": "Each level is between 1 and 4."},
    "point_of_sale_not_found": {"fr": "Ce point de vente est introuvable.", "en": "This point of sale was not found."},
    "survey_value_invalid": {
        "fr": "Le score doit être entre -100 et 100 (NPS) ou entre 0 et 10.",
        "en": "The score must be between -100 and 100 (NPS) or between 0 and 10.",
    },
    "survey_sampleSize_invalid": {"fr": "Le nombre de répondants doit être d'au moins 1.", "en": "The sample size must be at least 1."},
    "survey_periodEnd_invalid": {
        "fr": "La période doit finir après son début, sur un an au plus.",
        "en": "The period must end after it starts, within a year.",
    },
    "mystery_visit_sections_invalid": {
        "fr": "Une visite mystère compte de 1 à 20 sections notées de 0 à 100.",
        "en": "A mystery visit has 1 to 20 sections scored 0 to 100.",
    },
    "satisfaction_target_invalid": {"fr": "L'objectif doit être entre 0 et 100.", "en": "The target must be between 0 and 100."},
    "satisfaction_csv_too_large": {"fr": "Le fichier dépasse {max} caractères.", "en": "The file is larger than {max} characters."},
    "csv_column_missing": {"fr": "Colonne manquante dans l'en-tête.", "en": "A column is missing from the header."},
    "csv_unknown_point_of_sale": {
        "fr": "Point de vente inconnu ou hors de votre périmètre.",
        "en": "Unknown point of sale, or outside your scope.",
    },
    "csv_kind_invalid": {"fr": "Le type doit être NPS ou SCORE_10.", "en": "The kind must be NPS or SCORE_10."},
    "csv_number_invalid": {"fr": "Ce nombre n'est pas valide.", "en": "This number is not valid."},
    "csv_date_invalid": {"fr": "Date attendue au format AAAA-MM-JJ.", "en": "Expected a date as YYYY-MM-DD."},
    "csv_too_many_rows": {"fr": "Trop de lignes (5 000 au plus).", "en": "Too many rows (5,000 at most)."},
    "csv_rejected": {
        "fr": "{count} ligne(s) en erreur : rien n'a été importé.",
        "en": "{count} row(s) in error: nothing was imported.",
    },
    "satisfaction_csv_empty": {"fr": "Le fichier ne contient aucune ligne.", "en": "The file has no rows."},
    "action_plan_not_found": {"fr": "Ce plan d'action est introuvable.", "en": "This action plan was not found."},
    "action_item_not_found": {"fr": "Cette action est introuvable.", "en": "This action was not found."},
    "action_plan_title_invalid": {"fr": "Le titre doit faire de 2 à {max} caractères.", "en": "The title must be 2 to {max} characters long."},
    "action_plan_motive_invalid": {
        "fr": "Ce score n'appartient pas à ce point de vente.",
        "en": "This score does not belong to this point of sale.",
    },
    "action_item_what_invalid": {"fr": "Décrivez l'action en 2 à {max} caractères.", "en": "Describe the action in 2 to {max} characters."},
    "action_item_owner_invalid": {
        "fr": "Le responsable doit faire partie de l'équipe du point de vente.",
        "en": "The owner must be on the point of sale's team.",
    },
    "plan_name_invalid": {"fr": "Le nom doit faire de 2 à 120 caractères.", "en": "The name must be 2 to 120 characters long."},
    "plan_period_invalid": {"fr": "La période doit finir après son début.", "en": "The period must end after it starts."},
    "plan_target_invalid": {"fr": "Chaque objectif est entre 0 et 100.", "en": "Each objective is between 0 and 100."},
    "performance_plan_not_found": {"fr": "Ce plan d'animation est introuvable.", "en": "This performance plan was not found."},
    "plan_lever_invalid": {"fr": "Ce levier n'existe pas dans le plan.", "en": "This lever is not part of the plan."},
    "weeks_out_of_range": {"fr": "Choisissez de 1 à 53 semaines.", "en": "Choose 1 to 53 weeks."},
    "improvement_action_not_found": {
        "fr": "Cette action est introuvable.",
        "en": "This action was not found.",
    },
    "plan_objective_target_invalid": {
        "fr": "Cet objectif est hors des bornes du levier (0 à 100, de 1 à 4 pour les compétences).",
        "en": "This target is outside the lever's bounds (0 to 100, 1 to 4 for skills).",
    },
    "plan_objective_period_invalid": {
        "fr": "Choisissez une période comprise dans celle du plan.",
        "en": "Choose a period within the plan's.",
    },
    "function_not_found": {"fr": "Cette fonction est introuvable.", "en": "This function was not found."},
    "agency_not_found": {"fr": "Aucune agence partenaire ne porte cet identifiant.", "en": "No partner agency has this identifier."},
    "agency_content_invalid": {
        "fr": "Choisissez ce que l'agence peut faire : challenges, formations, satisfaction, tableaux de bord.",
        "en": "Choose what the agency may do: challenges, modules, satisfaction, dashboards.",
    },
    "function_head_office_only": {
        "fr": "Seules les personnes du siège portent une fonction.",
        "en": "Only head-office people carry a function.",
    },
    "function_content_invalid": {"fr": "Ce contenu ne peut pas être confié à une fonction.", "en": "This content cannot be given to a function."},
    # push notifications
    "push_endpoint_invalid": {
        "fr": "Cette adresse d'abonnement aux notifications n'est pas valide.",
        "en": "This push subscription endpoint is not valid.",
    },
    "push_endpoint_not_allowed": {
        "fr": "Ce service de notifications ({host}) n'est pas pris en charge : seuls ceux de Google, Mozilla, Microsoft et Apple sont acceptés.",
        "en": "This push service ({host}) is not supported: only Google's, Mozilla's, Microsoft's and Apple's are accepted.",
    },
    "push_key_invalid": {
        "fr": "Les clés de chiffrement de cet appareil ne sont pas valides.",
        "en": "This device's encryption keys are not valid.",
    },
    "push_endpoint_taken": {
        "fr": "Cet appareil est déjà enregistré pour une autre personne : réactivez les notifications depuis ce navigateur.",
        "en": "This device is already registered for someone else: turn notifications on again from this browser.",
    },
    "push_device_not_found": {
        "fr": "Cet appareil n'est plus enregistré.",
        "en": "This device is no longer registered.",
    },
    "push_time_invalid": {
        "fr": "Indiquez une heure au format HH:MM.",
        "en": "Enter a time as HH:MM.",
    },
    "push_quiet_hours_empty": {
        "fr": "Le début et la fin des heures calmes doivent être différents.",
        "en": "Quiet hours must start and end at different times.",
    },
    "push_kind_unknown": {
        "fr": "Type de notification inconnu : {kind}.",
        "en": "Unknown notification kind: {kind}.",
    },
    # --- badges (recognition) ---
    "badge_not_found": {"fr": "Ce badge est introuvable.", "en": "This badge was not found."},
    "award_not_found": {"fr": "Cette attribution est introuvable.", "en": "This award was not found."},
    "badge_retired": {
        "fr": "Ce badge est retiré : il ne peut plus être attribué.",
        "en": "This badge is retired: it can no longer be awarded.",
    },
    "badge_rules_only": {
        "fr": "Ce badge est attribué automatiquement par des règles.",
        "en": "This badge is awarded automatically by rules.",
    },
    "badge_admins_only": {
        "fr": "Seul le siège peut attribuer ce badge ou ce label.",
        "en": "Only head office may award this badge or label.",
    },
    "person_out_of_scope": {
        "fr": "{name} ne fait pas partie de votre périmètre.",
        "en": "{name} is not in your scope.",
    },
    "award_already_revoked": {
        "fr": "Cette attribution est déjà révoquée.",
        "en": "This award is already revoked.",
    },
    "badge_name_invalid": {
        "fr": "Le nom du badge doit faire 2 à {max} caractères.",
        "en": "The badge name must be 2 to {max} characters long.",
    },
    "badge_text_too_long": {
        "fr": "Ce texte ne peut pas dépasser {max} caractères.",
        "en": "This text cannot be longer than {max} characters.",
    },
    "badge_emoji_invalid": {
        "fr": "Choisissez un émoji (ou une image) pour le badge.",
        "en": "Choose an emoji (or an image) for the badge.",
    },
    "badge_image_invalid": {
        "fr": "L'image doit être un JPEG, PNG ou WebP de {max_mb} Mo au plus.",
        "en": "The image must be a JPEG, PNG or WebP of at most {max_mb} MB.",
    },
    "badge_validity_invalid": {
        "fr": "La validité doit être comprise entre 1 et {max} jours.",
        "en": "The validity must be between 1 and {max} days.",
    },
    "badge_levels_invalid": {
        "fr": "Indiquez de 1 à {max} niveaux distincts, de {len} caractères au plus.",
        "en": "Give 1 to {max} distinct levels, of at most {len} characters each.",
    },
    "badge_level_unknown": {
        "fr": "Ce niveau n'existe pas pour ce label.",
        "en": "This level does not exist for this label.",
    },
    "award_reason_invalid": {
        "fr": "Expliquez en quelques mots pourquoi (3 à {max} caractères).",
        "en": "Say in a few words why (3 to {max} characters).",
    },
    "award_people_invalid": {
        "fr": "Choisissez de 1 à {max} personnes.",
        "en": "Choose 1 to {max} people.",
    },
    "person_not_found": {"fr": "Cette personne est introuvable.", "en": "This person was not found."},
    "rule_threshold_invalid": {
        "fr": "Le seuil doit être compris entre {min} et {max}.",
        "en": "The threshold must be between {min} and {max}.",
    },
    "rule_not_found": {"fr": "Cette règle est introuvable.", "en": "This rule was not found."},
    # people and account recovery (server.accounts.people, invitations, recovery)
    "cannot_change_self": {
        "fr": "Vous ne pouvez pas changer votre propre unité ou votre propre rôle.",
        "en": "You cannot change your own unit or role.",
    },
    "link_invalid": {
        "fr": "Ce lien n'est plus valable : il a déjà servi ou a été annulé. Demandez-en un nouveau.",
        "en": "This link is no longer valid: it was already used or cancelled. Ask for a new one.",
    },
    "link_expired": {
        "fr": "Ce lien a expiré. Demandez-en un nouveau.",
        "en": "This link has expired. Ask for a new one.",
    },
    "current_password_wrong": {
        "fr": "Le mot de passe actuel n'est pas le bon.",
        "en": "The current password is wrong.",
    },
    "invite_not_found": {"fr": "Cette invitation est introuvable.", "en": "This invitation was not found."},
    "invite_closed": {
        "fr": "Cette invitation a déjà été acceptée ou annulée.",
        "en": "This invitation was already accepted or cancelled.",
    },
    "invite_people_count": {
        "fr": "Invitez de 1 à {max} personnes à la fois.",
        "en": "Invite 1 to {max} people at a time.",
    },
    "search_too_long": {
        "fr": "La recherche ne peut pas dépasser {max} caractères.",
        "en": "The search cannot be longer than {max} characters.",
    },

    "rule_label_not_allowed": {
        "fr": "Un label s'obtient par une évaluation réussie ou une décision du siège, pas par une règle.",
        "en": "A label is earned through a passed assessment or a head-office decision, not a rule.",
    },
}
# the domains that keep their messages beside their code
MESSAGES.update(_network_messages)

SUPPORTED = ("fr", "en")


def translate(code: str, language: str, **params: Any) -> str:
    entry = MESSAGES.get(code) or MESSAGES["error"]
    template = entry.get(language) or entry["fr"]
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def pick_language(accept_language: str | None, preferred: str | None = None) -> str:
    """The person's own choice first, then the browser's Accept-Language, else French."""
    if preferred in SUPPORTED:
        return preferred  # type: ignore[return-value]
    if not accept_language:
        return "fr"
    ranked: list[tuple[float, str]] = []
    for index, part in enumerate(accept_language.split(",")):
        pieces = part.strip().split(";")
        tag = pieces[0].strip().lower()[:2]
        quality = 1.0
        for piece in pieces[1:]:
            if piece.strip().startswith("q="):
                try:
                    quality = float(piece.strip()[2:])
                except ValueError:
                    quality = 0.0
        ranked.append((-quality + index * 1e-6, tag))
    for _, tag in sorted(ranked):
        if tag in SUPPORTED:
            return tag
    return "fr"
