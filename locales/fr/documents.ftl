## Documents PDF d'une prise en charge.

doc-page = Page { $page } sur { $pages }
doc-confidential = Confidentiel : ce document contient des informations de santé. Il ne contient aucune note de processus de psychothérapie.
doc-goals = Objectifs et résultat
doc-outcomes = Scores : premier et dernier
doc-scores = Évolution des scores
doc-risk = Historique du risque
doc-no-scores = Aucun score n'a été enregistré pendant cette prise en charge.
doc-chart-alt =
    { $count ->
        [one] Graphique en courbe des scores { $measure } : un score, { $last }, le { $last_on }.
       *[other] Graphique en courbe des scores { $measure } : { $count } scores du { $first_on } au { $last_on }, de { $first } à { $last } (minimum { $lowest }, maximum { $highest }).
    }
doc-chart-alt-cutoff = Une ligne en tirets marque le seuil clinique ({ $cutoff }).
doc-no-goals = Aucun objectif n'a été enregistré.
doc-col-measure = Mesure
doc-col-first = Premier (date)
doc-col-last = Dernier (date)
doc-col-change = Variation
doc-col-reliable = Changement fiable
doc-col-recovery = Rétablissement
doc-col-goal = Objectif
doc-col-goal-status = Statut
doc-col-ratings = Note (0-10)
doc-col-date = Date
doc-col-score = Score
doc-col-band = Sévérité
doc-rating-change = { $first } au début, { $last } à la fin
doc-rating-one = { $rating }, noté une fois
doc-rating-none = non noté
doc-nhs-status = Statut NHS Talking Therapies
doc-nhs-recovery = Rétablissement
doc-nhs-reliable-improvement = Amélioration fiable
doc-nhs-reliable-recovery = Rétablissement fiable
doc-nhs-reliable-deterioration = Détérioration fiable
doc-risk-count =
    { $count ->
        [0] Aucune alerte de risque n'a été ouverte pendant la prise en charge.
        [one] Une alerte de risque a été ouverte pendant la prise en charge ; { $open } encore ouverte.
       *[other] { $count } alertes de risque ont été ouvertes pendant la prise en charge ; { $open } encore ouvertes.
    }
doc-risk-line = { $date } : { $source } ; { $status }
doc-risk-from-measure = à partir d'une réponse au { $measure }
doc-risk-from-clinician = ouverte par un clinicien
doc-progress-heading = Rapport d'évolution
doc-letter-title = Courrier sur la prise en charge
doc-letter-re = Objet : { $name }
doc-letter-re-born = Objet : { $name }, né(e) le { $date }
doc-letter-dear = Cher/Chère { $name },
doc-letter-intro = Je vous écris au sujet de { $name }, qui a commencé une psychothérapie interpersonnelle (TIP) avec moi le { $start } et a assisté à { $attended } des { $planned } séances prévues.
doc-letter-scores = Scores actuels
doc-letter-risk = Risque
doc-letter-risk-open =
    { $count ->
        [one] Une alerte de risque est ouverte, depuis le { $date } ({ $status }).
       *[other] { $count } alertes de risque sont ouvertes ; la dernière date du { $date } ({ $status }).
    }
doc-letter-risk-none =
    { $count ->
        [0] Aucune alerte de risque n'a été ouverte pendant la prise en charge.
       *[other] Aucune alerte de risque n'est ouverte ; { $count } ouvertes pendant la prise en charge ont été fermées.
    }
doc-letter-recommendations = Recommandations
doc-letter-closing = Bien confraternellement,
doc-letter-error-recipient = Indiquez le nom du destinataire du courrier.
doc-letter-error-too-long = C'est trop long.
doc-letter-error-language = Choisissez l'une des langues de la liste.

## Pages du personnel.
doc-download-summary = Télécharger le résumé (PDF)
doc-write-letter = Écrire un courrier
doc-download-progress = Rapport d'évolution (PDF)
doc-documents = Documents
doc-letter-form-title = Courrier au médecin traitant ou au prescripteur
doc-letter-form-intro = Le courrier est produit en PDF pour que vous le téléchargiez, le vérifiiez et l'envoyiez. Il reprend les scores actuels et l'état du risque du dossier ; les notes de processus n'y figurent jamais. Rien de ce que vous saisissez ici n'est enregistré.
doc-letter-recipient-name = Nom du destinataire
doc-letter-recipient-name-hint = Par exemple Dr A. Patel
doc-letter-recipient-address = Adresse du destinataire
doc-letter-summary = Bref résumé
doc-letter-summary-hint = Ce sur quoi la prise en charge a porté et comment elle s'est déroulée.
doc-letter-recommendations-field = Recommandations
doc-letter-language = Langue du courrier
doc-letter-language-hint = La langue préférée du client est choisie quand le dossier l'indique.
doc-letter-download = Télécharger le courrier (PDF)
