## Export pseudonymisé pour la recherche.

research-title = Export pour la recherche
research-intro = Un jeu de données pseudonymisé pour une recherche approuvée, en fichiers CSV dans une archive ZIP avec un dictionnaire des données.
research-holds = Contenu du jeu de données
research-holds-tables = Personnes, prises en charge, séances, scores aux questionnaires et alertes de risque, un fichier CSV chacun, avec un résumé et un dictionnaire de toutes les colonnes.
research-holds-ids = Chaque identifiant est remplacé par un pseudonyme que seul ce site peut relier à ses dossiers. Une même personne a le même pseudonyme dans tous les exports.
research-holds-dates = Les dates de chaque personne sont décalées de leur propre écart secret (jusqu'à six mois) ; les jours depuis le début de la prise en charge sont donnés tels quels. Les âges sont par tranches de cinq ans.
research-holds-left-out = Les noms, coordonnées, dates de naissance, notes et tout autre texte libre sont exclus.
research-holds-small = Dans le résumé, les effectifs inférieurs à { $min } sont masqués.
research-record = Enregistrer l'export
research-purpose = Finalité
research-purpose-hint = La question de recherche ou l'usage auquel les données sont destinées.
research-approval = Référence de l'autorisation
research-approval-hint = Par exemple la référence du comité d'éthique ou de la convention de partage des données.
research-audited = Votre nom, l'heure, la finalité et l'autorisation sont enregistrés dans le journal d'audit avec le contenu de l'export.
research-download = Télécharger le jeu de données (ZIP)
research-who = Seul un administrateur ou un responsable de programme peut faire un export pour la recherche.
research-error-purpose = Indiquez la finalité de l'export.
research-error-approval = Indiquez l'autorisation sur laquelle repose l'export.
research-error-too-long = C'est trop long.
research-no-key = L'export pour la recherche a besoin de la clé des secrets du serveur (secrets.key dans le répertoire de données, ou --secrets-key-file) : demandez à la personne qui gère le serveur.
