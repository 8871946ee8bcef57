## Alertes de risque (templates/risk_flags.html, risk_flag.html, risk_concern.html ; src/ui/risk.rs).
## Les textes de crise et de clôture doivent rester complets dans chaque langue.

risk-list-title = Alertes de risque
risk-list-intro = Les items de risque positifs des patient·es que vous suivez. Chaque alerte reste ici jusqu’à ce qu’elle soit évaluée, qu’un plan de sécurité soit en place et que sa clôture soit signée.
risk-list-not-closed = Pas encore clôturées
risk-list-deadlines = Délais à partir de l’émission : accusé de réception sous { $ack } h, évaluation enregistrée sous { $assess } h. Un délai dépassé est transmis aux superviseur·es, puis au ou à la thérapeute de garde (ou aux administrateur·rices), puis des rappels se répètent jusqu’à ce que ce soit fait.
risk-overdue-count = { $count } en retard
risk-overdue-listed-first =
    { $count ->
        [one] { $count } alerte a dépassé un délai : elle apparaît en premier.
       *[other] { $count } alertes ont dépassé un délai : elles apparaissent en premier.
    }
risk-list-none = Aucune alerte de risque ouverte.
risk-list-table-label = Alertes de risque pas encore clôturées
risk-col-client = Patient·e
risk-col-source = Origine
risk-col-raised = Émise
risk-col-status = Statut
risk-time-to-ack = Délai d’accusé de réception
risk-time-to-assess = Délai d’évaluation
risk-responsible-inactive = thérapeute responsable inactif·ve
risk-overdue = en retard
risk-escalated = transmise
risk-list-recently-closed = Clôturées récemment
risk-raised-at = émise le { $when }
risk-closed-at = clôturée le { $when }
risk-acknowledged-after = reçue après { $time }
risk-assessed-after = évaluée après { $time }
risk-badge-open = ouverte
risk-badge-acknowledged = reçue
risk-badge-closed = clôturée
risk-status-open = ouverte
risk-status-acknowledged = reçue, évaluation en attente
risk-status-closed = clôturée
risk-source-clinician = Enregistrée par un·e thérapeute
risk-item-scored = item { $item } coté { $score }
risk-timing-done = { $took } (délai { $hours } h)
risk-timing-done-late = { $took } (délai { $hours } h : en retard)
risk-timing-overdue = en attente depuis { $took } : dépassé de { $by } (délai { $hours } h)
risk-timing-waiting = en attente depuis { $took } : reste { $left } (délai { $hours } h)
risk-duration-minutes = { $minutes } min
risk-duration-hours = { $hours } h { $minutes } min
risk-duration-days =
    { $days ->
        [one] { $days } jour { $hours } h
       *[other] { $days } jours { $hours } h
    }
risk-escalation-step =
    { $deadline ->
        [acknowledgement] Pas d’accusé de réception à temps, étape { $step } ({ $tier }) : envoyée à { $to }
       *[assessment] Pas évaluée à temps, étape { $step } ({ $tier }) : envoyée à { $to }
    }
risk-tier-supervisors = superviseur·es
risk-tier-duty = garde
risk-tier-reminder = rappel
risk-route-responsible = le ou la thérapeute responsable
risk-route-supervisors = les superviseur·es
risk-route-duty-clinician = le ou la thérapeute de garde
risk-route-administrators = les administrateur·rices
risk-route-nobody = personne
risk-list-and = { $rest } et { $last }
risk-done-flag-raised = Un item de risque était positif : une alerte de risque a été émise. Évaluez le risque maintenant.
risk-done-concern-raised = La préoccupation a été émise comme alerte de risque. Accusez-en réception et évaluez-la maintenant.
risk-done-flag-acknowledged = Réception de l’alerte de risque confirmée. Le délai d’évaluation continue de courir jusqu’à ce qu’une évaluation soit enregistrée.
risk-done-assessment-saved = Évaluation du risque enregistrée.
risk-done-plan-saved = Nouvelle version du plan de sécurité enregistrée.
risk-done-flag-closed = Alerte de risque signée et clôturée.

risk-breadcrumb = Fil d’Ariane
risk-flag-crumb = Alerte
risk-flag-page-title = Alerte de risque · { $client }
risk-flag-title = Alerte de risque : { $client }
risk-flag-status = Statut : { $status }
risk-responsible-clinician = Thérapeute responsable
risk-inactive-went-to-supervisors = inactif·ve : l’alerte est allée aux superviseur·es
risk-raised-from = Émise depuis
risk-raised-from-session = une séance (préoccupation d’un·e thérapeute ou note signée)
risk-raised-by = Émise par
risk-see-every-answer = voir toutes les réponses à ce questionnaire
risk-what-was-observed = Ce qui a été observé
risk-signed-off = Clôture signée
risk-escalation = Transmission
risk-flag-rules = Un score de 0 à un item de risque n’écarte jamais le risque. Les alertes ne sont jamais supprimées. L’accusé de réception n’arrête que le décompte de l’accusé de réception : le délai d’évaluation court jusqu’à ce qu’une évaluation soit enregistrée.
risk-acknowledge = Accuser réception : j’ai vu cette alerte
risk-assessment-title = 1. Évaluation structurée du risque
risk-ideation = Idéation
risk-plan = Plan
risk-intent = Intention
risk-means = Accès aux moyens
risk-history = Antécédents (tentatives passées, automutilation)
risk-protective-factors = Facteurs de protection
risk-risk-level = Niveau de risque
risk-choose = Choisir…
risk-level-low = faible
risk-level-moderate = modéré
risk-level-high = élevé
risk-level-imminent = imminent
risk-actions = Actions (restriction de l’accès aux moyens, orientation, services d’urgence, date de suivi)
risk-record-assessment = Enregistrer l’évaluation
risk-recorded = Enregistrées
risk-level-word = niveau de risque
risk-safety-plan-title = 2. Plan de sécurité
risk-safety-plan-title-version = 2. Plan de sécurité (version actuelle { $version })
risk-warning-signs = Signes d’alerte
risk-coping-strategies = Stratégies personnelles pour faire face
risk-distractions = Personnes et lieux qui changent les idées
risk-people-to-ask = Personnes à qui demander de l’aide
risk-professionals = Professionnel·les et lignes de crise
risk-environment-safety = Sécuriser l’environnement
risk-reasons-for-living = Raisons de vivre
risk-share-with-client = Partager avec le ou la patient·e
risk-save-new-version = Enregistrer comme nouvelle version
risk-sign-off-title = 3. Signature de clôture
risk-sign-off-needs = La signature de clôture demande une évaluation enregistrée de cette alerte et une version du plan de sécurité.
risk-assessment = Évaluation
risk-safety-plan-version = Plan de sécurité, version { $version } ({ $when })
risk-close-note = Note (décision, suivi)
risk-confirm = J’ai évalué le risque, le plan de sécurité est en place, et je signe la clôture de cette alerte.
risk-sign-off-close = Signer et clôturer

risk-concern-page-title = Signaler une préoccupation de risque · { $client }
risk-concern-title = Signaler une préoccupation de risque
risk-concern-heading = Signaler une préoccupation de risque : { $client }
risk-concern-session-crumb = Séance du { $date }
risk-concern-intro = Ouvre une alerte de risque maintenant. Le ou la thérapeute responsable est prévenu·e (ou, s’il ou elle est inactif·ve, ses superviseur·es), et l’alerte doit être reçue et évaluée avant les délais, sinon elle est transmise plus haut.
risk-concern-observed-in = Observé lors de la séance du { $date }.
risk-concern-detail-hint = Ce que la personne a dit ou fait, et ce qui a déjà été fait.
risk-concern-submit = Signaler la préoccupation de risque

## Messages de validation du risque.

risk-ideation-required = L’idéation est obligatoire
risk-plan-required = Le plan est obligatoire
risk-intent-required = L’intention est obligatoire
risk-means-required = L’accès aux moyens est obligatoire
risk-history-required = Les antécédents sont obligatoires
risk-protective-factors-required = Les facteurs de protection sont obligatoires
risk-level-invalid = Le niveau de risque doit être faible, modéré, élevé ou imminent
risk-warning-signs-required = Les signes d’alerte sont obligatoires
risk-professionals-required = Les professionnel·les et lignes de crise sont obligatoires
risk-close-assessment-first = Enregistrez d’abord une évaluation du risque, puis choisissez-la
risk-close-plan-first = Enregistrez d’abord une version du plan de sécurité
risk-close-confirm = Confirmez la signature de clôture
risk-concern-detail-required = Décrivez ce qui a été observé
risk-concern-session-not-client = Cette séance n’est pas une des séances de ce ou cette patient·e

## Ligne de vie interpersonnelle.

timeline-page-title = { $client } · Ligne de vie
timeline-event-page-title = { $client } · Événement de la ligne de vie
timeline-title = Ligne de vie interpersonnelle
timeline-intro = Les événements de vie autour de l’épisode : ce qui s’est passé, qui était concerné, ce que la personne a ressenti. La ligne de vie appartient au ou à la patient·e et elle est commune à tous ses traitements.
timeline-chart-caption = Les repères sont numérotés comme dans le tableau ci-dessous, qui liste les mêmes événements. Repères creux : la personne n’est pas sûre de la date ; une barre couvre le mois ou l’année quand seul cela est connu.
timeline-events = Événements
timeline-no-events = Aucun événement pour l’instant. Ajoutez le premier ci-dessous : commencez par ce qui s’est passé quand les symptômes ont débuté.
timeline-table-caption = Événements de la ligne de vie par ordre chronologique
timeline-col-number = N°
timeline-when = Quand
timeline-category = Catégorie
timeline-col-event = Événement
timeline-col-mood = Humeur
timeline-impact = Impact
timeline-episode = Épisode
timeline-change = Modifier
timeline-change-event-n = l’événement { $number }
timeline-with-people = Avec { $people }
timeline-of-ten = sur 10
timeline-add-an-event = Ajouter un événement
timeline-add-event = Ajouter l’événement
timeline-date-day = { $day } { $month } { $year }
timeline-date-month = { $month } { $year }
timeline-around = vers { $date }
timeline-back = ← Retour à la ligne de vie
timeline-change-title = Modifier « { $title } »
timeline-save-changes = Enregistrer les modifications
timeline-remove = Retirer
timeline-remove-hint = Retirer l’événement l’enlève de la ligne de vie. Son historique, et le retrait, sont conservés.
timeline-remove-confirm = Retirer cet événement de la ligne de vie ?
timeline-remove-event = Retirer l’événement
timeline-date-hint = Une année (2024), un mois (2024-03) ou un jour (2024-03-14).
timeline-approximate = La personne n’est pas sûre de la date
timeline-short-title = Titre court
timeline-title-hint = Quelques mots pour le graphique, par ex. « Perte de l’emploi au dépôt ».
timeline-people = Personnes concernées
timeline-people-hint = Les noms tels que la personne les emploie, séparés par des virgules.
timeline-linked-people =
    { $count ->
        [one] Également lié à { $count } personne de l’inventaire interpersonnel.
       *[other] Également lié à { $count } personnes de l’inventaire interpersonnel.
    }
timeline-mood = Humeur à ce moment-là
timeline-mood-hint = 0 la pire, 10 la meilleure.
timeline-not-known = Inconnue
timeline-impact-hint = 0 aucun, 10 extrême.
timeline-not-rated = Non évalué
timeline-episode-hint = Marquez l’événement où les symptômes ont commencé (début), se sont aggravés ou ont cédé.
timeline-description = Description (facultatif)
timeline-description-hint = Ce qui s’est passé et ce que la personne en a ressenti.
timeline-category-loss = Perte
timeline-category-conflict = Conflit
timeline-category-transition = Transition
timeline-category-separation = Séparation
timeline-category-move = Déménagement
timeline-category-health = Santé
timeline-category-work = Travail
timeline-category-other = Autre
timeline-episode-none = Aucun
timeline-episode-onset = Début des symptômes
timeline-episode-worsening = Aggravation
timeline-episode-remission = Rémission
timeline-done-added = Événement ajouté à la ligne de vie.
timeline-done-saved = Événement enregistré ; la version précédente est dans son historique.
timeline-done-removed = Événement retiré de la ligne de vie ; son historique est conservé.

## Fiches d’exercice.

worksheet-list-page-title = { $client } · Fiches d’exercice
worksheet-list-title = Fiches d’exercice
worksheet-list-intro = L’analyse de la communication reprend un échange pas à pas pour trouver où le message s’est perdu ; l’analyse de décision pèse les options et planifie les étapes. Chacune est liée à la séance où elle a été faite.
worksheet-none = Aucune fiche d’exercice pour l’instant.
worksheet-add-to-session = Ajouter à cette séance :
worksheet-kind-communication = Analyse de la communication
worksheet-kind-decision = Analyse de décision
worksheet-kind-communication-lower = analyse de la communication
worksheet-kind-decision-lower = analyse de décision
worksheet-new-communication = Nouvelle analyse de la communication
worksheet-new-decision = Nouvelle analyse de décision
worksheet-change-communication = Modifier l’analyse de la communication
worksheet-change-decision = Modifier l’analyse de décision
worksheet-session-label = Séance { $number } · { $date }
worksheet-not-linked = Non liée à une séance
worksheet-with = Avec { $name }
worksheet-option-count =
    { $count ->
        [one] { $count } option
       *[other] { $count } options
    }
worksheet-chosen-is = choisie : { $option }
worksheet-review-on = bilan le { $date }
worksheet-all = ← Toutes les fiches d’exercice
worksheet-version = version { $version }
worksheet-change = Modifier
worksheet-remove-confirm = Retirer cette fiche d’exercice ? Son historique est conservé.
worksheet-remove = Retirer
worksheet-back = ← Retour
worksheet-session = Séance
worksheet-problem-area = Domaine problématique
worksheet-area-none = Aucun
worksheet-the-exchange = L’échange
worksheet-with-whom = Avec qui
worksheet-with-whom-hint = L’autre personne, telle que la nomme le ou la patient·e.
worksheet-incident-date = Date (facultatif)
worksheet-setting = Contexte et cadre
worksheet-setting-hint = Où et quand ; ce qui a mené à l’échange.
worksheet-intended = Ce que la personne voulait transmettre
worksheet-intended-hint = Ce qu’elle voulait que l’autre sache ou fasse.
worksheet-said = Ce qui a été dit
worksheet-said-hint = Le plus mot pour mot possible ; le ton et le non-verbal aussi.
worksheet-reply = La réponse de l’autre
worksheet-reply-hint = Mot pour mot si possible.
worksheet-feelings = Ressentis à chaque étape
worksheet-step = Étape
worksheet-client-felt = Le ou la patient·e a ressenti
worksheet-other-felt = Ce que le ou la patient·e pense que l’autre a ressenti
worksheet-step-client-felt = { $step } : ce que le ou la patient·e a ressenti
worksheet-step-other-felt = { $step } : ce que l’autre a ressenti
worksheet-step-before = Avant de parler
worksheet-step-saying = En le disant
worksheet-step-after-reply = Après la réponse
worksheet-how-it-went = Comment cela s’est passé
worksheet-outcome = Résultat
worksheet-outcome-hint = Le message a-t-il été compris ? L’objectif a-t-il été atteint ? Comment cela s’est-il terminé ?
worksheet-broke-down = Où cela a coincé
worksheet-problem-nonverbal = Des signaux non verbaux ou indirects au lieu de le dire
worksheet-problem-assumed-communicated = A supposé que le message était passé
worksheet-problem-assumed-understood = A supposé avoir compris l’autre
worksheet-problem-indirect-speech = Une formulation inutilement indirecte ou ambiguë
worksheet-problem-silence = Le silence ou le repli
worksheet-problem-hostile = Une communication ouvertement hostile
worksheet-alternatives = Alternatives
worksheet-alternatives-hint = D’autres façons de le dire ou de le faire : une par ligne.
worksheet-rehearsal-result = Répétition et résultat
worksheet-role-play-done = Répété en jeu de rôle
worksheet-role-play-notes = Notes du jeu de rôle
worksheet-result-tried = Résultat à l’essai
worksheet-result-tried-hint = Ce qui s’est passé quand la personne a essayé (souvent raconté à la séance suivante).
worksheet-decision = Problème ou décision
worksheet-decision-hint = La décision que la personne doit prendre, dans ses mots.
worksheet-options = Options
worksheet-options-hint = Pour chaque option, les avantages et les inconvénients pour la personne et pour les autres. Cochez celle qui est choisie. Les lignes vides sont ignorées.
worksheet-options-hint-more = Pour chaque option, les avantages et les inconvénients pour la personne et pour les autres. Cochez celle qui est choisie. Les lignes vides sont ignorées ; enregistrez pour obtenir une ligne de plus.
worksheet-option-n = Option { $number }
worksheet-pros = Avantages
worksheet-cons = Inconvénients
worksheet-option-chosen = C’est l’option choisie
worksheet-steps = Étapes concrètes
worksheet-steps-hint = Une par ligne, dans l’ordre.
worksheet-obstacles = Obstacles prévus
worksheet-rehearsal-review = Répétition et bilan
worksheet-rehearsal-done = Répété en séance
worksheet-rehearsal-notes = Notes de répétition
worksheet-review-date = Date du bilan
worksheet-review-date-hint = Quand regarder comment cela s’est passé.
worksheet-result = Résultat
worksheet-save-changes = Enregistrer les modifications
worksheet-save = Enregistrer la fiche
worksheet-field-with = Avec
worksheet-field-date = Date
worksheet-field-setting = Cadre
worksheet-field-intended = Voulait transmettre
worksheet-field-reply = La réponse
worksheet-field-role-play = Jeu de rôle
worksheet-field-option = Option
worksheet-field-chosen = Choisie
worksheet-field-steps = Étapes
worksheet-field-rehearsal = Répétition
worksheet-feelings-line = Patient·e : { $client }. L’autre (selon le ou la patient·e) : { $other }
worksheet-pros-part = . Avantages : { $text }
worksheet-cons-part = . Inconvénients : { $text }
worksheet-done = Fait
worksheet-not-yet = Pas encore
worksheet-kind-invalid = Choisissez { $codes }
worksheet-done-added = Fiche d’exercice enregistrée.
worksheet-done-saved = Fiche d’exercice enregistrée ; la version précédente est dans son historique.
worksheet-done-removed = Fiche d’exercice retirée ; son historique est conservé.

## Bilan de fin de traitement.

ending-page-title = Fin du traitement · { $client }
ending-intro = La phase de terminaison : abordez la fin comme une perte ou une transition possible, faites le point sur les progrès, attribuez-les aux efforts du ou de la patient·e, préparez les signes précoces d’alerte et décidez du maintien.
ending-summary-link = Résumé de fin de traitement
ending-the-ending = La fin du traitement
ending-raised-on = Date à laquelle la fin a été abordée pour la première fois
ending-raised-on-hint = Abordez-la 2 à 4 séances avant la dernière.
ending-feelings = Ce que le ou la patient·e ressent face à la fin
ending-feelings-hint = Tristesse, inquiétude, soulagement : la fin comme une perte ou une transition.
ending-progress = Progrès
ending-overall-progress = Progrès d’ensemble
ending-overall-progress-hint = Les symptômes du début à aujourd’hui, les relations, les objectifs.
ending-progress-on = Progrès : { $area }
ending-choose-areas = Choisissez les domaines problématiques dans la { $formulation } pour faire le point sur chacun.
ending-formulation-link = formulation
ending-client-contributions = Ce que la personne a fait qui a aidé
ending-client-contributions-hint = Attribuez les progrès aux efforts de la personne.
ending-alternatives = S’il y a eu peu d’amélioration : alternatives discutées (facultatif)
ending-alternatives-hint = C’est le traitement qui a échoué, pas la personne : médicament, autre thérapie, traitement plus long.
ending-staying-well = Rester en forme
ending-warning-signs = Signes précoces de rechute
ending-warning-signs-hint = Un par ligne : symptômes et déclencheurs interpersonnels, dans les mots de la personne.
ending-coping-plan = Ce que la personne fera si elle les remarque
ending-supports = Personnes et services vers qui se tourner
ending-one-per-line = Un par ligne.
ending-return-plan = Qui contacter et quand revenir
ending-medication-plan = Plan de traitement médicamenteux (facultatif)
ending-follow-up = Questionnaires de suivi (mois après la fin)
ending-follow-up-hint = Par exemple 3, 6, 12.
ending-maintenance-decision = Décision de maintien
ending-decision-undecided = Pas encore décidé
ending-decision-none = Pas besoin de maintien
ending-decision-declined = Proposé et refusé
ending-decision-ipt-m = TIP de maintien (TIP-M)
ending-update-review = Mettre à jour le bilan de fin
ending-save-review = Enregistrer le bilan de fin
ending-maintenance-ipt = TIP de maintien
ending-maintenance-course = Traitement de maintien :
ending-maintenance-course-line = { $sessions } séances, { $frequency }, à partir du { $date }
ending-maintenance-hint = Les séances de maintien consolident les acquis et surveillent les signes d’alerte ; la fréquence classique est mensuelle, jusqu’à 3 ans dans les essais. Le démarrer crée un traitement TIP-M lié.
ending-months = Mois
ending-frequency = Fréquence
ending-monthly = Mensuelle
ending-twice-monthly = Deux fois par mois
ending-weekly = Hebdomadaire
ending-first-maintenance = Première séance de maintien
ending-start-maintenance = Démarrer le traitement de maintien
ending-no-maintenance = Ce protocole n’a pas d’option de maintien.
ending-goals = Objectifs
ending-no-goals = Aucun objectif n’a été fixé.
ending-circle-title = Cercle de proximité : au début et maintenant
ending-no-inventory = Aucun inventaire interpersonnel n’a été enregistré.
ending-at-start = Au début
ending-no-snapshot = Aucun instantané n’a été pris au début. Prenez-en un dans l’onglet Inventaire pour comparer les traitements suivants.
ending-now = Maintenant
ending-choose-decision = Choisissez une décision de maintien
ending-done-saved = Bilan de fin enregistré.

## Messages de validation de la ligne de vie, des fiches d’exercice et de la fin du traitement.

timeline-date-required = Indiquez quand c’est arrivé : une année (2025), un mois (2025-03) ou un jour (2025-03-14)
timeline-category-required = Choisissez une catégorie : { $codes }
timeline-category-invalid = La catégorie doit être { $codes }
timeline-episode-invalid = Le repère d’épisode doit être { $codes }
worksheet-session-not-course = Choisissez une des séances de ce traitement
worksheet-option-twice = Cette option figure deux fois
worksheet-option-unnamed = Nommez l’option à laquelle correspondent ces avantages et inconvénients
worksheet-options-too-many = { $max } options au maximum
worksheet-chosen-not-listed = L’option choisie doit faire partie des options listées
ending-months-range = Le maintien dure de 1 à 36 mois ({ $months } indiqué)
ending-months-required = Indiquez combien de mois de maintien ont été convenus
ending-conflict = Quelqu’un d’autre a enregistré ce bilan pendant que vous le modifiiez. Votre texte est ci-dessous ; rechargez la page pour voir le sien, puis fusionnez-les.
timeline-chart-empty = Aucun événement sur la ligne de vie pour l’instant.
timeline-chart-mood-axis = Humeur (0 la pire, 10 la meilleure)
timeline-chart-approximate = (approx.)
timeline-chart-worse = (aggravation)
timeline-chart-remission = (rémission)
timeline-chart-hollow = Creux : date approximative
timeline-chart-score-point = { $series } : { $value } le { $date }
timeline-chart-mood-point = Événement { $number } : humeur { $mood }
timeline-chart-events-span =
    { $count ->
        [one] 1 événement, de { $first } à { $last }.
       *[other] { $count } événements, de { $first } à { $last }.
    }
timeline-chart-onset-sentence = Début des symptômes : { $date } ({ $title }).
timeline-chart-mood-range = L’humeur à ces moments allait de { $min } à { $max } sur { $top }.
timeline-chart-score-count = Scores { $series } : { $count }.
timeline-chart-table-below = Le tableau ci-dessous liste chaque événement.
