"""French content of the demo's authored modules and skills grid (server.demo.authoring)."""

from __future__ import annotations

# title, summary, minutes, sections [(title, markdown, video link or None)]
DRAFT_MODULE: tuple[str, str, int, list[tuple[str, str, str | None]]] = (
    "Vendre l'extension de garantie",
    "Proposer la garantie Sérénité+ au bon moment, sans forcer la main.",
    15,
    [
        (
            "Le bon moment",
            "## Après l'essai, avant le bon de commande\nLe client a choisi son véhicule : c'est le moment de parler "
            "de **sérénité**, pas de prix.\n\n- Rappelez l'usage qu'il vous a décrit\n- Reliez la garantie à cet usage",
            "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        ),
        (
            "Répondre aux objections",
            "## « C'est trop cher »\nRamenez le coût **au mois** : moins qu'un plein par an.\n\n"
            "## « Je n'en ai jamais eu besoin »\nUne seule panne hors garantie coûte souvent plus que trois ans de Sérénité+.",
            None,
        ),
    ],
)

# title, [(question, multiple, explanation, [(choice, right)])]
DRAFT_QUIZ: tuple[str, list[tuple[str, bool, str, list[tuple[str, bool]]]]] = (
    "Quiz : l'extension de garantie",
    [
        ("Quand proposer l'extension de garantie ?", False, "Après l'essai : le client a choisi, il pense à la suite.",
         [("Dès l'accueil", False), ("Après l'essai, avant le bon de commande", True), ("À la livraison", False)]),
        ("Comment répondre à « c'est trop cher » ?", False, "Le coût ramené au mois se compare à une dépense connue.",
         [("Baisser le prix", False), ("Ramener le coût au mois", True)]),
    ],
)

ARCHIVED_MODULE: tuple[str, str, int, list[tuple[str, str, str | None]]] = (
    "Lancement de la citadine 2024",
    "Les arguments de lancement de la citadine, pour les portes ouvertes de l'an dernier.",
    10,
    [
        ("Les trois arguments", "## À retenir\n1. **Consommation** en baisse de 10 %\n2. Écran central 10 pouces\n3. Cinq étoiles aux tests", None),
        ("Les portes ouvertes", "## Le week-end de lancement\nUn essai, un café, une photo : *et un rendez-vous pris avant de partir*.", None),
    ],
)

# name, [(skill, [level 1, level 2, level 3, level 4])]
HYBRID_GRID: tuple[str, list[tuple[str, list[str]]]] = (
    "Conseiller hybride et électrique",
    [
        ("Expliquer les motorisations", ["Confond hybride et rechargeable", "Explique avec la fiche produit",
                                         "Explique simplement, sans jargon", "Adapte l'explication à chaque client"]),
        ("Conseiller la recharge", ["N'aborde pas la recharge", "Cite les bornes publiques",
                                    "Propose une solution à domicile", "Chiffre la recharge et les aides"]),
        ("Faire essayer", ["Pas d'essai proposé", "Essai standard", "Essai en mode électrique commenté",
                           "Essai sur le trajet réel du client"]),
    ],
)
