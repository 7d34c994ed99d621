"""French content of the demo training modules, quizzes and skills grids."""

from __future__ import annotations

# title, summary, minutes, sections [(title, markdown)], quiz [(question, multiple, explanation, [(choice, right)])]
MODULES: list[tuple[str, str, int, list[tuple[str, str]], list[tuple[str, bool, str, list[tuple[str, bool]]]]]] = [
    (
        "Accueil client en concession",
        "Les 5 premières minutes qui font une vente : accueillir, écouter, orienter.",
        20,
        [
            (
                "Les 30 premières secondes",
                "## Un client, un regard\nSaluez chaque client **dans les 30 secondes**, même si vous êtes occupé : "
                "un signe de tête suffit à dire « je vous ai vu ».\n\n- Levez-vous et allez vers lui\n"
                "- Présentez-vous par votre prénom\n- Proposez un café avant de parler voiture",
            ),
            (
                "Écouter avant de parler",
                "## Questions ouvertes\nLaissez le client raconter son projet : *usage*, *budget*, *calendrier*.\n\n"
                "1. Quel usage ferez-vous du véhicule ?\n2. Qui conduira ?\n3. Quand souhaitez-vous en profiter ?\n\n"
                "Notez les réponses : elles guideront l'essai.",
            ),
            (
                "Orienter vers l'essai",
                "## Le bon véhicule pour l'essai\nProposez un essai **adapté au trajet du client** (ville, autoroute).\n\n"
                "Pour aller plus loin : [la charte d'accueil du réseau](https://elan.example/charte-accueil).",
            ),
        ],
        [
            ("Dans quel délai saluer un client qui entre ?", False, "30 secondes : le client sait qu'il est vu, même si vous êtes occupé.",
             [("30 secondes", True), ("2 minutes", False), ("Quand on est disponible", False)]),
            ("Quelles questions posez-vous en découverte ?", True, "Usage, conducteurs et calendrier : le prix vient après.",
             [("L'usage du véhicule", True), ("Qui conduira", True), ("Le montant de la remise souhaitée", False), ("Le calendrier du projet", True)]),
            ("Quel essai proposer ?", False, "Un essai proche du trajet réel du client est le plus convaincant.",
             [("Le modèle haut de gamme", False), ("Un essai adapté au trajet du client", True), ("Aucun, on parle d'abord du prix", False)]),
        ],
    ),
    (
        "Vendre le financement LOA/LLD",
        "Présenter la location avec option d'achat et la location longue durée avec clarté et sans jargon.",
        30,
        [
            ("LOA ou LLD ?", "## Deux formules, deux clients\n- **LOA** : le client peut acheter le véhicule en fin de contrat\n- **LLD** : il le rend et repart avec un neuf"),
            ("Le loyer, pas le prix", "## Parler mensualité\nPartez du **budget mensuel** du client, puis ajustez durée, kilométrage et apport."),
            ("Les services inclus", "## Entretien, assurance, garantie\nUn loyer *tout compris* rassure : présentez le pack Sérénité dès la simulation."),
            ("Conclure la simulation", "## Trois options, un choix\nPrésentez trois simulations et laissez le client choisir. Remettez-lui la fiche d'information précontractuelle."),
        ],
        [
            ("En LOA, le client peut-il acheter le véhicule en fin de contrat ?", False, "Oui : c'est l'option d'achat de la LOA.",
             [("Oui", True), ("Non", False)]),
            ("Sur quoi ajuster une mensualité ?", True, "Durée, kilométrage et apport changent le loyer ; la couleur non.",
             [("La durée", True), ("Le kilométrage annuel", True), ("L'apport", True), ("La couleur", False)]),
            ("Combien de simulations présenter ?", False, "Trois options aident à choisir sans se sentir enfermé.",
             [("Une seule", False), ("Trois", True), ("Autant que possible", False)]),
        ],
    ),
    (
        "Les fondamentaux de l'hybride",
        "Hybride simple, rechargeable, électrique : expliquer la différence en deux minutes.",
        15,
        [
            ("Trois motorisations", "## Hybride, rechargeable, électrique\n- **Hybride** : se recharge en roulant\n- **Rechargeable** : 50 km en électrique, branché la nuit\n- **Électrique** : 100 % batterie"),
            ("Le bon profil", "## À chacun son usage\nTrajets courts quotidiens et une prise à domicile ? *L'hybride rechargeable* est souvent idéal."),
        ],
        [
            ("Un hybride simple se recharge-t-il sur une prise ?", False, "Non : il se recharge au freinage et en roulant.",
             [("Oui", False), ("Non", True)]),
            ("Pour qui l'hybride rechargeable est-il idéal ?", False, "Des trajets courts et une prise à domicile permettent de rouler surtout en électrique.",
             [("Gros rouleurs sur autoroute", False), ("Trajets courts avec une prise à domicile", True), ("Personne", False)]),
        ],
    ),
    (
        "Réussir la livraison",
        "La livraison est le moment dont le client parle : préparez-la, mettez-la en scène, suivez-la.",
        20,
        [
            ("Préparer", "## La veille\nVérifiez le véhicule, le plein, les documents et **appelez le client** pour confirmer l'heure."),
            ("Mettre en scène", "## Le jour J\nVéhicule présenté à l'abri, clés remises en main propre, photo souvenir si le client le souhaite."),
            ("Suivre", "## Après\nAppel à J+3, invitation à l'atelier à 1 000 km, et demande d'avis."),
        ],
        [
            ("Quand appeler le client après la livraison ?", False, "À J+3 : assez tôt pour lever une question, assez tard pour avoir roulé.",
             [("Le jour même", False), ("À J+3", True), ("Au premier entretien", False)]),
            ("Que préparer la veille ?", True, "Véhicule, carburant et documents, et une confirmation au client.",
             [("Le plein", True), ("Les documents", True), ("Une remise supplémentaire", False)]),
        ],
    ),
]

GRIDS: list[tuple[str, str, list[tuple[str, list[str]]]]] = [
    (
        "Vendeur",
        "MEMBER",
        [
            ("Accueil client", ["Accueil tardif ou distant", "Accueil poli mais standard", "Accueil chaleureux et rapide", "Accueil exemplaire, cité par les clients"]),
            ("Découverte des besoins", ["Passe directement au produit", "Quelques questions fermées", "Questions ouvertes, reformule", "Découverte complète, besoins cachés révélés"]),
            ("Argumentation produit", ["Liste des caractéristiques", "Avantages génériques", "Bénéfices liés aux besoins", "Argumentaire personnalisé et démonstration"]),
            ("Financement", ["N'aborde pas le financement", "Présente une offre", "Compare LOA, LLD et crédit", "Conclut avec services inclus"]),
            ("Suivi client", ["Aucun suivi", "Suivi à la demande", "Relances planifiées", "Fidélisation active et recommandations"]),
        ],
    ),
    (
        "Chef des ventes",
        "MANAGER",
        [
            ("Animation d'équipe", ["Réunions rares", "Réunions régulières descendantes", "Brief quotidien participatif", "Équipe autonome et engagée"]),
            ("Pilotage de l'activité", ["Suit les ventes en fin de mois", "Tableau de bord hebdomadaire", "Pilotage quotidien par indicateur", "Anticipe et corrige en temps réel"]),
            ("Coaching terrain", ["Peu présent en showroom", "Conseils ponctuels", "Accompagnements planifiés", "Plan de progrès individuel suivi"]),
            ("Recrutement et intégration", ["Intégration informelle", "Parcours d'accueil minimal", "Parcours structuré avec tuteur", "Intégration exemplaire, faible turnover"]),
            ("Satisfaction client", ["Ignore les enquêtes", "Lit les résultats", "Plan d'action avec l'équipe", "Satisfaction au-dessus de l'objectif durablement"]),
        ],
    ),
]

MYSTERY_SECTIONS = ["Accueil", "Découverte des besoins", "Essai", "Proposition commerciale", "Prise de congé"]

ACTION_ITEMS = [
    ("Saluer chaque client dans les 30 secondes, même en rendez-vous", "DONE"),
    ("Rappeler sous 48 h tous les clients livrés en novembre", "DONE"),
    ("Refaire le module « Accueil client en concession » en équipe", "IN_PROGRESS"),
    ("Afficher les résultats de l'enquête en salle de pause chaque lundi", "TODO"),
]
ACTION_COMMENTS = [
    "Les remarques de l'enquête portent surtout sur l'attente à l'accueil le samedi.",
    "J'ai rappelé 14 clients cette semaine, deux rendez-vous atelier pris au passage.",
    "On fait le module ensemble jeudi matin avant l'ouverture ?",
]
