"""Names, places and stories of the demo network (fictional people, real French cities)."""

from __future__ import annotations

ORGANIZATION = "Réseau Élan Démo"
PASSWORD = "elan-demo"

# region -> distributor (or None when the points of sale report to the region) -> cities
NETWORK: list[tuple[str, str | None, list[tuple[str, str]]]] = [
    (
        "Nord",
        "Flandres Automobiles",
        [
            ("Flandres Automobiles Lille", "Lille"),
            ("Flandres Automobiles Roubaix", "Roubaix"),
            ("Flandres Automobiles Valenciennes", "Valenciennes"),
            ("Flandres Automobiles Arras", "Arras"),
        ],
    ),
    (
        "Île-de-France",
        None,
        [
            ("Élan Paris 15e", "Paris"),
            ("Élan Versailles", "Versailles"),
            ("Élan Créteil", "Créteil"),
            ("Élan Saint-Denis", "Saint-Denis"),
        ],
    ),
    (
        "Sud-Ouest",
        "Garonne Distribution",
        [
            ("Garonne Distribution Bordeaux", "Bordeaux"),
            ("Garonne Distribution Toulouse", "Toulouse"),
            ("Garonne Distribution Bayonne", "Bayonne"),
            ("Garonne Distribution Pau", "Pau"),
        ],
    ),
]

FIRST_NAMES = [
    "Julie", "Thomas", "Camille", "Nicolas", "Sophie", "Julien", "Émilie", "Maxime", "Claire",
    "Antoine", "Léa", "Romain", "Manon", "Alexandre", "Chloé", "Hugo", "Sarah", "Quentin",
    "Laura", "Mathieu", "Pauline", "Guillaume", "Marine", "Kévin", "Élodie", "Florian",
    "Céline", "Benoît", "Aurélie", "Sébastien", "Inès", "Yanis", "Margaux", "Karim",
    "Anaïs", "Lucas", "Nadia", "Pierre", "Audrey", "Mehdi", "Océane", "Vincent", "Amandine",
    "Jérôme", "Charlotte", "Olivier", "Fatima", "Damien", "Justine", "François", "Hélène",
    "Arnaud", "Morgane", "Cédric", "Lucie", "Stéphane", "Mélanie", "Yohan", "Agathe", "Bruno",
]
LAST_NAMES = [
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
    "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
    "Vincent", "Fournier", "Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont",
    "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau",
    "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu",
    "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson",
    "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Benali",
]

WINS = [
    "Trois citadines électriques e-City livrées aujourd'hui, dont deux à des primo-accédants ! Merci à l'atelier pour la préparation express.",
    "Premier contrat de location longue durée pour une flotte de 8 utilitaires Cargo chez un artisan du BTP. Six mois de suivi qui paient enfin.",
    "Record battu : 12 financements signés ce mois-ci. Le simulateur sur tablette change tout en rendez-vous.",
    "Vente d'un SUV hybride Horizon à un client venu pour une simple révision. Comme quoi, l'accueil atelier compte !",
    "Objectif trimestriel atteint avec deux semaines d'avance pour toute l'équipe 💪",
    "Un client fidèle depuis 15 ans reprend sa quatrième voiture chez nous, avec contrat d'entretien 5 ans.",
    "Note de 10/10 à l'enquête de satisfaction après la livraison de samedi. Le client a adoré la remise des clés en musique.",
    "Cinq essais routiers transformés sur sept pendant les portes ouvertes du week-end.",
    "Deux contrats d'entretien Sérénité signés en une matinée, grâce à la relance des clients en fin de garantie.",
    "Une entreprise locale nous confie le renouvellement de ses 4 véhicules de direction.",
    "Mon premier mois complet dans le réseau : 6 ventes et déjà deux recommandations clients.",
    "Vente d'une berline Altitude avec le pack confort complet, financement et extension de garantie inclus.",
    "Reprise réussie d'un client qui partait chez la concurrence : on a pris le temps de refaire le point sur ses besoins.",
    "Trois financements en LOA signés dans la journée, dont un client qui n'y croyait pas du tout.",
    "Semaine record au point de vente : 18 commandes, toute l'équipe y a contribué.",
    "Un client venu pour une e-City repart avec un Horizon hybride : la découverte des besoins, ça marche !",
    "Livraison de notre 100e véhicule électrique de l'année 🎉",
    "Premier taux de transformation à 40 % sur le mois. Merci pour les conseils de l'atelier vente de mardi.",
    "Contrat flotte signé avec la mairie pour 3 utilitaires électriques.",
    "Un client recommandé par un autre client : c'est la troisième fois ce mois-ci.",
    "Trois clients convertis à l'électrique après l'essai prolongé de 48 h.",
    "Financement signé en 20 minutes grâce à la nouvelle procédure de pré-acceptation.",
]

BEST_PRACTICES = [
    "Contexte : beaucoup de clients hésitent sur l'électrique à cause de la recharge.\nCe que nous avons fait : un essai de 48 h avec une carte de recharge offerte et un appel le lendemain.\nRésultat : 3 ventes sur 5 essais ce mois-ci.",
    "Contexte : les rendez-vous financement duraient trop longtemps.\nCe que nous avons fait : une fiche de préparation envoyée au client la veille avec la liste des pièces.\nRésultat : rendez-vous de 25 minutes au lieu d'une heure, et deux fois plus de dossiers acceptés.",
    "Contexte : peu de contrats d'entretien en fin de garantie.\nCe que nous avons fait : une relance par SMS 60 jours avant la fin, puis un appel de l'atelier.\nRésultat : 30 % des clients relancés ont signé.",
    "Contexte : l'accueil du samedi était débordé.\nCe que nous avons fait : un conseiller dédié à l'accueil qui oriente et propose un café en moins d'une minute.\nRésultat : note d'accueil à 9,2 à l'enquête satisfaction.",
    "Contexte : les livraisons se faisaient à la chaîne.\nCe que nous avons fait : une remise des clés personnalisée de 20 minutes, photo et prise en main de l'appli.\nRésultat : +12 points de recommandation sur l'enquête.",
    "Contexte : les nouveaux vendeurs manquaient d'aisance sur l'hybride.\nCe que nous avons fait : un binôme avec un vendeur confirmé pendant les deux premières semaines.\nRésultat : leurs premières ventes hybrides arrivent dès la 3e semaine.",
    "Contexte : des devis restaient sans suite.\nCe que nous avons fait : un point tous les lundis sur les devis de plus de 7 jours, avec un rappel client dans la journée.\nRésultat : 1 devis sur 4 relancé est devenu une commande.",
    "Contexte : les clients professionnels comparent surtout le coût total.\nCe que nous avons fait : un comparatif TCO sur 4 ans imprimé pour chaque rendez-vous pro.\nRésultat : deux contrats flotte signés en un mois.",
    "Contexte : les portes ouvertes attiraient peu de monde.\nCe que nous avons fait : des invitations ciblées aux clients dont le véhicule a plus de 5 ans, avec un créneau d'essai réservé.\nRésultat : 60 visiteurs et 14 essais.",
    "Contexte : l'atelier et la vente se parlaient peu.\nCe que nous avons fait : un café de 10 minutes chaque matin entre le chef d'atelier et les vendeurs.\nRésultat : 8 ventes générées depuis l'atelier ce trimestre.",
    "Contexte : les clients oublient les options disponibles.\nCe que nous avons fait : une tablette en showroom avec le configurateur et les packs du moment.\nRésultat : panier moyen en hausse de 6 %.",
    "Contexte : les demandes web restaient parfois sans réponse le week-end.\nCe que nous avons fait : un vendeur d'astreinte qui répond sous 2 h, même le dimanche.\nRésultat : taux de prise de rendez-vous web passé de 20 à 35 %.",
    "Contexte : les clients âgés se perdaient dans l'appli connectée.\nCe que nous avons fait : une fiche pas-à-pas imprimée et un appel de suivi à J+7.\nRésultat : plus aucune réclamation sur l'appli depuis deux mois.",
    "Contexte : les essais se terminaient sans conclusion.\nCe que nous avons fait : on termine chaque essai assis au bureau avec une proposition chiffrée, même indicative.\nRésultat : taux de transformation des essais de 25 à 38 %.",
    "Contexte : peu de recommandations clients.\nCe que nous avons fait : une carte de parrainage remise à la livraison avec une révision offerte au filleul.\nRésultat : 9 parrainages en deux mois.",
    "Contexte : les financements refusés décourageaient les clients.\nCe que nous avons fait : une simulation alternative (apport ou durée) proposée tout de suite.\nRésultat : la moitié des refus transformés en accord.",
    "Contexte : les objectifs du mois étaient peu suivis.\nCe que nous avons fait : un tableau blanc en salle de pause mis à jour chaque soir.\nRésultat : toute l'équipe sait où elle en est et l'émulation est là.",
    "Contexte : les clients entreprises attendaient trop les devis.\nCe que nous avons fait : des devis types préparés pour les 5 configurations les plus demandées.\nRésultat : devis envoyés en moins d'une heure.",
]
