## Pages du traitement : l’en-tête commun (templates/course_head.html).

course-breadcrumb = Fil d’Ariane
course-progress = Séance { $held } sur { $contracted } · { $phase } · { $left }
course-progress-none-held = Aucune séance tenue sur { $contracted } · { $phase } · { $left }
course-progress-left =
    { $count ->
        [0] aucune restante
        [one] { $count } restante
       *[other] { $count } restantes
    }
course-progress-past = { $count } au-delà du contrat
course-latest-score = Dernier :
course-score-on = le { $date }
course-open-risk-flag = Alerte de risque ouverte
course-ending-prompt-title = Abordez la fin.
course-ending-prompt =
    { $count ->
        [one] Il reste { $count } séance : parlez avec le ou la patient·e de la fin du traitement, de ce qu’il ou elle en ressent et du souhait éventuel de séances de maintien.
       *[other] Il reste { $count } séances : parlez avec le ou la patient·e de la fin du traitement, de ce qu’il ou elle en ressent et du souhait éventuel de séances de maintien.
    }
course-initial-overrun-title =
    { $count ->
        [one] La phase initiale dépasse { $count } séance
       *[other] La phase initiale dépasse { $count } séances
    }
course-initial-overrun = alors que la formulation ou le contrat thérapeutique restent à faire.
course-tabs-label = Sections du traitement
course-tab-overview = Vue d’ensemble
course-tab-inventory = Inventaire
course-tab-timeline = Ligne de vie
course-tab-formulation = Formulation
course-tab-goals = Objectifs
course-tab-worksheets = Fiches d’exercice
course-tab-context = Contexte de soins
course-tab-ending = Fin
course-tab-measures = Questionnaires
course-tab-more = Plus
course-tab-more-hidden = sections du traitement

## Statuts du traitement, fréquences, liste de la phase initiale et médication (rapport-core).

course-status-planned = Prévu
course-status-active = En cours
course-status-completed = Terminé
course-status-ended-early = Arrêté avant terme
course-status-transferred = Transféré
course-frequency-weekly = Hebdomadaire
course-frequency-twice-monthly = Deux fois par mois
course-frequency-monthly = Mensuelle
course-checklist-symptom-review = Bilan des symptômes et diagnostic
course-checklist-psychoeducation = Maladie nommée, psychoéducation faite
course-checklist-sick-role = Rôle de malade abordé
course-checklist-medication = Médication évaluée
course-checklist-inventory = Inventaire interpersonnel fait
course-checklist-timeline = Ligne de vie interpersonnelle faite
course-checklist-formulation = Formulation acceptée par la personne
course-checklist-contract = Contrat thérapeutique convenu
course-medication-not-needed = Pas nécessaire
course-medication-referred = Orienté·e vers une évaluation
course-medication-already-on = Déjà sous traitement médicamenteux

## La page du traitement (templates/course.html).

course-next-session = Prochaine séance
course-next-none = Aucune prévue. À cette fréquence, la prochaine serait vers le { $date }.
course-next-on = { $date } ({ $modality })
course-next-at = { $date } à { $time } ({ $modality })
course-kiosk-handover = Passer l’appareil pour les questionnaires
course-contract = Contrat thérapeutique
course-sessions = Séances
course-contract-sessions = { $count } × { $minutes } min
course-dates = Dates
course-dates-planned = Du { $start } au { $end } (prévu)
course-status = Statut
course-collateral-sessions = Séances avec { $who }
course-no-area = Aucun domaine problématique choisi pour l’instant.
course-write-formulation = Rédiger la formulation
course-focus = Focus :
course-agreed-on = accepté le { $date }
course-not-agreed = pas encore accepté
course-formulation-link = Formulation et travail sur le domaine problématique
course-no-goals = Aucun objectif ouvert.
course-add-goal = Ajouter un objectif
course-rate-goals = Évaluer les objectifs d’une séance
course-last-plan = Plan de la dernière séance
course-last-plan-from = D’après la note signée du { $date }
course-last-plan-none = Aucune note d’évolution signée avec un plan pour l’instant.
course-checklist = Liste de la phase initiale
course-checklist-complete = Liste de la phase initiale : complète
course-checklist-done-count = { $done } sur { $total } faits
course-checklist-outstanding = { $count } à faire sur { $total }.
course-checklist-done-hidden = (fait)
course-checklist-open-hidden = (à faire)
course-checklist-clear = Marquer comme non fait
course-checklist-record = Enregistrer comme fait
course-checklist-mark-done = Marquer comme fait
course-diagnosis = Diagnostic
course-diagnosis-hint = p. ex. trouble dépressif majeur, épisode isolé, moyen
course-diagnosis-code = Code CIM-10 ou CIM-11 (facultatif)
course-diagnosis-code-placeholder = F32.1 ou 6A70.1
course-outcome = Issue
course-note-optional = Note (facultative)
course-sessions-none = Aucune séance enregistrée pour l’instant.
course-sessions-number = N°
course-sessions-note = Note
course-sessions-write = Rédiger
course-change = Modifier
course-attendance-for = Présence du { $date }
course-record-session = Enregistrer une séance
course-attended-count = Seules les séances honorées comptent pour le contrat.
course-record-session-button = Enregistrer la séance
course-fidelity = Fidélité
course-fidelity-over-time = Auto-évaluations et évaluations de supervision dans le temps
course-fidelity-none = Aucune séance de ce traitement n’est encore évaluée. Évaluez une séance depuis sa page.
course-fidelity-table = Évaluations de fidélité par séance
course-fidelity-session = Séance
course-fidelity-self = Auto-évaluation (dernière)
course-fidelity-supervisor = Superviseur·e (dernière)
course-fidelity-mean = Moyenne { $mean }
course-fidelity-pass = Réussie
course-fidelity-below = Sous le seuil de réussite
course-fidelity-not-rated = Non évaluée
course-contract-history = Historique du contrat
course-event-renegotiated = Contrat renégocié de { $old } à { $new } séances
course-event-contract-set = Contrat fixé à { $new } séances
course-event-status-from = Statut passé de « { $old } » à « { $new } »
course-event-status = Statut passé à « { $new } »
course-event-reason = Motif : { $reason }
course-renegotiate = Renégocier le nombre de séances
course-new-number = Nouveau nombre de séances
course-reason = Motif
course-renegotiate-hint = Convenu avec le ou la patient·e ; enregistré avec l’ancien et le nouveau nombre.
course-renegotiate-button = Modifier le contrat
course-close = Clore le traitement
course-close-reason = Motif (nécessaire en cas d’arrêt avant terme ou de transfert)
course-completing = Terminer le traitement
course-review-saved = Bilan de fin enregistré :
course-review-read = lire le bilan de fin
course-review-none = Pas encore de bilan de fin :
course-review-write = rédigez le bilan de fin
course-review-none-after = avant de terminer, ou indiquez pourquoi vous terminez sans bilan.
course-skip-review-reason = Motif pour terminer sans bilan de fin
course-end-measure-taken = Un questionnaire de fin de traitement a été rempli lors des deux dernières séances.
course-end-measure-none = Ni PHQ-9 ni GAD-7 lors des deux dernières séances :
course-end-measure-record = enregistrez les questionnaires de fin de traitement
course-end-measure-none-after = , ou confirmez que vous terminez sans eux.
course-end-measure-skip = Terminer sans questionnaire de fin de traitement
course-end-measure-skip-reason = Motif de l’absence de questionnaire de fin de traitement
course-close-button = Clore le traitement
course-reopen = Rouvrir le traitement

## Commencer un traitement (templates/course_new.html).

course-new-title = Nouveau traitement pour { $name }
course-new-crumb = Nouveau traitement
course-new-heading = Commencer un traitement en TIP
course-protocol = Protocole
course-protocol-sessions =
    { $count ->
        [one] { $count } séance, { $frequency }
       *[other] { $count } séances, { $frequency }
    }
course-protocol-sessions-range = { $min } à { $max } séances, { $frequency }
course-new-contract-hint = Laissez vide pour reprendre les valeurs du protocole. La date de fin prévue est calculée d’après le nombre de séances et leur fréquence.
course-number-of-sessions = Nombre de séances
course-frequency = Fréquence
course-frequency-default = Celle du protocole
course-session-minutes = Durée de la séance (minutes)
course-start-date = Date de début
course-planned-end-date = Date de fin prévue (facultative)
course-start = Commencer le traitement
course-cancel = Annuler

## Résumé de fin de traitement (templates/course_summary.html).

course-summary-crumb = Résumé
course-summary-heading = Résumé de fin de traitement
course-summary-born = né·e le { $date }
course-summary-prepared = préparé le { $date } par { $name }
course-summary-edit-review = Modifier le bilan de fin
course-summary-print = Utilisez la commande Imprimer de votre navigateur ; la navigation et les boutons ne sont pas imprimés. Confidentiel : ce résumé ne contient aucune note de processus.
course-summary-treatment = Traitement
course-dates-held = Du { $start } au { $end }
course-summary-attendance = { $attended } honorées · { $cancelled } annulées · { $noshow } non honorées
course-summary-formulation = Formulation et focus
course-summary-no-area = Aucun domaine problématique n’a été enregistré.
course-summary-sensitivity = Sensibilité interpersonnelle : { $answer }.
course-summary-areas =
    { $count ->
        [one] Domaine problématique :
       *[other] Domaines problématiques :
    }
course-summary-progress = Évolution
course-summary-helped = Ce qui a aidé
course-summary-alternatives = Alternatives discutées
course-summary-staying-well = Rester en bonne santé
course-summary-warning-signs = Signes d’alerte précoces
course-summary-none-recorded = Aucun enregistré.
course-summary-if-they-appear = S’ils apparaissent
course-summary-supports = Soutiens
course-summary-coming-back = Revenir consulter
course-summary-medication = Médication
course-summary-follow-up = Questionnaires de suivi à { $months } mois.
course-summary-maintenance = Maintien
course-summary-maintenance-course = { $count } séances, { $frequency }, à partir du { $date }
course-summary-no-review = Le bilan de fin n’est pas encore rempli.
course-summary-complete-it = Le remplir

## Séances : modalité et présence (rapport-core), et la page de la séance (templates/session.html).

session-modality-in-person = En présentiel
session-modality-video = Visioconférence
session-modality-phone = Téléphone
session-attendance-scheduled = Prévue
session-attendance-attended = Honorée
session-attendance-cancelled = Annulée
session-attendance-no-show = Non honorée
session-label = Séance { $number } · { $date }
session-label-not-counted = { $date } ({ $attendance })
session-heading-counted = Séance { $number } sur { $count } · { $phase }
session-heading-not-counted = Séance « { $attendance } » (non comptée)
session-remaining-after =
    { $count ->
        [0] la dernière séance du contrat
        [one] encore { $count } après celle-ci
       *[other] encore { $count } après celle-ci
    }
session-of = Séance du { $date }
session-break-glass-title = Accès d’urgence.
session-break-glass = Vous ne faites pas partie de l’équipe de soins de ce ou cette patient·e. Cet accès est enregistré avec votre motif et sera examiné par un·e administrateur·rice.
session-raise-concern = Signaler un risque
session-other-sessions = Autres séances
session-remind-remaining = Mentionnez les séances restantes : { $count } après aujourd’hui.
session-remind-remaining-why = La limite de temps maintient le travail sur le focus ; dites le nombre à chaque séance de la phase intermédiaire.
session-heading = Séance
session-date = Date
session-time = Heure
session-time-optional = Heure (facultative)
session-not-recorded = Non renseigné
session-modality = Modalité
session-attendance = Présence
session-phase = Phase
session-number-and-phase = Numéro et phase
session-number-of = { $number } sur { $count } · { $phase }
session-phase-set = Fixée par le ou la thérapeute
session-not-counted = Non comptée : seules les séances honorées comptent (phase du traitement : { $phase })
session-sessions-left = Séances restantes
session-left-in-course = { $count } dans le traitement
session-change-details = Modifier la date, l’heure, la modalité ou la présence
session-save-details = Enregistrer les détails de la séance
session-set-phase = Fixer la phase de cette séance
session-set-phase-hint = La phase découle du contrat et des séances tenues. Fixez-la quand le travail se situe dans une autre phase, p. ex. si la phase initiale se prolonge le temps de convenir du focus.
session-phase-computed = Celle calculée
session-phase-reason = Motif (nécessaire si vous fixez une phase)
session-save-phase = Enregistrer la phase
session-previous-plan = Plan de la dernière séance
session-draft-note = Note en brouillon
session-previous-plan-none = Aucun plan enregistré pour la séance précédente.
session-measures = Questionnaires depuis la dernière séance
session-measures-none = Aucun questionnaire rempli depuis la dernière séance.
session-risk-positive = question sur le risque positive
session-measure-taken = rempli le { $date } ({ $mode })
session-measure-of = { $measure } du { $date }
session-record-measure = Saisir le { $name }

## La note d’évolution (page de la séance, note_macros.html, note_autosave.html).

note-progress-note = Note d’évolution
note-status-draft = Brouillon
note-status-signed = Signée
note-not-started = Pas commencée
note-meta-signed = Commencée par { $author } · signée par { $signer }
note-meta-signed-at = Commencée par { $author } · signée par { $signer } le { $time }
note-meta-draft = Commencée par { $author } · dernier enregistrement par { $name } le { $time } · version { $version }
note-record-hint = Fait partie du dossier du ou de la patient·e : l’équipe de soins et la supervision peuvent la lire. La signature la rend définitive ; ensuite, seuls des addenda peuvent être ajoutés.
note-conflict-signed-title = Non enregistrée : cette note a été signée
note-conflict-signed = { $signer } l’a signée. Une note signée ne change jamais. Votre version est affichée à côté, non enregistrée : copiez ce qui reste utile dans un addendum.
note-conflict-signed-at = { $signer } l’a signée le { $time }. Une note signée ne change jamais. Votre version est affichée à côté, non enregistrée : copiez ce qui reste utile dans un addendum.
note-conflict-stale-title = Non enregistrée : quelqu’un d’autre a modifié cette note
note-conflict-stale = { $name } a enregistré la version { $version } le { $time }, après que vous avez commencé. Rien n’est perdu : votre version est toujours dans le formulaire ci-dessous. Enregistrez la vôtre par-dessus celle stockée (qui reste dans l’historique de la note) ou abandonnez la vôtre.
note-stored-version = Version stockée ({ $version })
note-your-version = Votre version (non enregistrée)
note-discard-mine = Abandonner la mienne et garder la version stockée
note-save-mine = Enregistrer la mienne par-dessus la version stockée
note-risk-unanswered-title = Question sur le risque sans réponse : posez-la lors de cette séance.
note-risk-unanswered = { $measure } du { $date } : la question sur le risque est restée sans réponse.
note-since-we-last-met = Depuis notre dernière rencontre : le journal du ou de la patient·e
note-interval = Depuis la dernière séance
note-mood = Humeur (0 à 10)
note-mood-hint = L’humeur du ou de la patient·e depuis la dernière séance : 0 est la pire, 10 la meilleure.
note-events = Événements interpersonnels et leur effet sur l’humeur
note-events-hint = Ce qui s’est passé avec d’autres personnes, et si l’humeur du ou de la patient·e était meilleure ou moins bonne ensuite. L’humeur et les relations s’influencent mutuellement.
note-event-n = Événement { $n }
note-effect-on-mood = Effet sur l’humeur
note-choose = Choisir
note-more-rows = Besoin de plus de lignes ? Enregistrez le brouillon et deux autres apparaissent.
note-problem-area-work = Travail sur le domaine problématique
note-problem-area-work-hint = Le travail sur le focus convenu lors de cette séance.
note-techniques = Techniques utilisées
note-work-reviewed = Tâche entre les séances revue
note-work-reviewed-hint = La tâche de la dernière séance, et comment elle s’est passée.
note-work-set = Tâche entre les séances proposée
note-work-set-hint = Ce que le ou la patient·e va essayer avant la prochaine séance.
note-risk-check = Évaluation du risque
note-positive = positive
note-risk-details = Détails
note-risk-details-hint = Obligatoire si un risque est identifié : lequel, et ce qui a été fait (évaluation, plan de sécurité, personnes informées).
note-sign-raises-flag = Signer avec « Risque identifié » crée une alerte de risque pour cette séance.
note-sign-raises-flag-open = Signer avec « Risque identifié » crée une alerte de risque pour cette séance (ici : relie la note à l’alerte ouverte du ou de la patient·e).
note-open-flag = Ce ou cette patient·e a une alerte de risque pas encore close, créée le { $date } :
note-open-flag-status = { $status }, créée le { $date } :
note-see-flag = voir l’alerte
note-confirm-open-flag = Pour signer « Aucun risque identifié » : je confirme qu’aucun risque n’a été identifié lors de cette séance bien que l’alerte soit ouverte (la note enregistre l’alerte ouverte)
note-plan = Plan pour la prochaine séance
note-sign-confirm-title = La note est complète. La signer maintenant ?
note-sign-confirm = Une note signée ne peut plus jamais être modifiée ; les corrections ultérieures sont ajoutées en addenda.
note-sign-yes = Oui, signer la note
note-sign-not-yet = Pas encore
note-save-draft = Enregistrer le brouillon
note-sign = Signer la note
note-draft-saved-version = Brouillon enregistré · version { $version }
note-autosave-hint = Les brouillons s’enregistrent tout seuls quelques secondes après que vous arrêtez d’écrire.
note-risk-context = À côté de l’évaluation du risque : les questionnaires depuis la dernière séance et toute alerte ouverte.
note-risk-flag = Alerte de risque
note-risk-flag-raised = La signature a créé ou rejoint
note-risk-flag-this = cette alerte de risque
note-signed-with-open-flag = Signée « Aucun risque identifié » malgré
note-signed-with-open-flag-link = une alerte de risque
note-signed-with-open-flag-after = ouverte ; la personne qui a signé l’a confirmé.
note-addenda = Addenda
note-addenda-none = Aucun.
note-addendum-add = Ajouter un addendum
note-addendum-hint = La note signée reste telle quelle. L’addendum est ajouté après elle avec votre nom et l’heure, et ne peut pas non plus être modifié ni supprimé.
note-addendum-button = Ajouter l’addendum
note-addenda-only-signed = Les addenda s’ajoutent aux notes signées ; modifiez plutôt le brouillon.
note-view-mood = Humeur depuis la dernière séance
note-view-mood-value = { $mood } sur 10
note-view-events = Événements interpersonnels depuis la dernière fois
note-view-none-recorded = Rien d’enregistré
note-view-effect-not-recorded = effet sur l’humeur non renseigné
note-risk-none-identified = Aucun risque identifié
note-risk-identified = Risque identifié
note-effect-better = Humeur meilleure
note-effect-worse = Humeur moins bonne
note-effect-no-change = Humeur inchangée
note-technique-exploration-nondirective = Exploration non directive
note-technique-direct-elicitation = Questionnement direct
note-technique-encouragement-of-affect = Encouragement de l’expression des affects
note-technique-clarification = Clarification
note-technique-communication-analysis = Analyse de la communication
note-technique-therapeutic-relationship = Utilisation de la relation thérapeutique
note-technique-directive = Techniques directives (information, conseil, modelage)
note-technique-decision-analysis = Analyse décisionnelle
note-technique-role-play = Jeu de rôle
note-technique-adjunctive = Complémentaires (contrat, aspects pratiques)
note-technique-between-session-work = Tâche entre les séances
note-error-confirm-open-flag = Ce ou cette patient·e a une alerte de risque ouverte : cochez la case pour confirmer qu’aucun risque n’a été identifié lors de cette séance, ou enregistrez le risque
note-autosave-saved = Brouillon enregistré à { $time } UTC
note-autosave-not-saved = Non enregistré : { $reason }
note-autosave-signed = Non enregistré : { $signer } a signé cette note.
note-autosave-stale = Non enregistré : { $name } a enregistré une version plus récente le { $time }.
note-autosave-still-in-form = Votre texte est toujours dans le formulaire.
note-autosave-nothing-lost = Rien de ce que vous avez écrit n’est perdu : votre version est toujours dans le formulaire. La version stockée est ci-dessous.
note-autosave-nothing-lost-signed = Rien de ce que vous avez écrit n’est perdu : votre version est toujours dans le formulaire. La version stockée est ci-dessous ; une note signée ne peut pas changer, copiez donc ce qui reste utile dans un addendum après avoir rechargé la page.
note-autosave-stored-version = La version stockée (version { $version }, { $name }, { $time })
note-autosave-history = Enregistrer la vôtre garde la version stockée dans l’historique de la note.

## La note de processus (page de la séance, process_note.html, process_note_own.html).

note-process-note = Note de processus
note-process-title = Note de processus · { $session }
note-process-private-badge = Privée
note-process-only-you = Vous seul·e pouvez la lire.
note-process-explainer = Vos propres réflexions sur la séance (une note de psychothérapie), tenues à part du dossier du ou de la patient·e : l’équipe de soins, les administrateur·rice·s et l’accès d’urgence ne peuvent pas la voir, et elle n’est jamais exportée ni montrée au ou à la patient·e.
note-process-may-share = Vous pouvez la partager avec votre superviseur·e et arrêter à tout moment.
note-process-logged = Chaque lecture et chaque modification sont enregistrées.
note-process-conflict-title = Non enregistrée : vous avez enregistré une version plus récente dans une autre fenêtre
note-process-conflict = La version { $version } a été enregistrée le { $time }. Votre texte est toujours dans le formulaire ci-dessous.
note-process-stored-text = Le texte stocké (version { $version })
note-process-yours = Votre note de processus
note-process-save = Enregistrer la note de processus
note-process-save-mine = Enregistrer le mien par-dessus le texte stocké
note-process-discard-mine = Abandonner le mien et garder le texte stocké
note-process-saved-version = Enregistrée · version { $version }
note-process-shared-title = Partagée avec votre superviseur·e.
note-process-shared = Il ou elle peut la lire (en lecture seule) tant qu’elle est partagée.
note-process-stop-sharing = Arrêter le partage
note-process-not-shared = Non partagée.
note-process-share-confirm = Partager cette note de processus avec votre superviseur·e ? Il ou elle pourra la lire jusqu’à ce que vous arrêtiez le partage.
note-process-share = Partager avec mon ou ma superviseur·e
note-process-shared-with-you = Partagées avec vous en tant que superviseur·e
note-process-read = Lire la note de processus de { $name }
note-process-private = Note de processus privée
note-process-shared-by = { $name } vous l’a partagée en tant que superviseur·e.
note-process-shared-by-explainer = Elle reste privée : elle ne fait pas partie du dossier du ou de la patient·e, personne d’autre ne peut la lire, et { $name } peut arrêter le partage à tout moment. Votre lecture est enregistrée.
note-process-only-you-shared = Vous seul·e pouvez la lire, ainsi que votre superviseur·e tant que vous la partagez.
note-process-not-record = Elle ne fait pas partie du dossier du ou de la patient·e. Chaque lecture est enregistrée.
note-process-last-changed = Dernière modification le { $time } · version { $version }
note-process-empty = Vide.
note-process-back = Retour à la séance
note-process-own-title = Votre note de processus
note-process-session-of = Séance du { $date }
note-process-own-still = Vous avez rédigé cette note et pouvez toujours la lire
note-process-own-explainer = , bien que vous n’ayez plus accès au dossier du ou de la patient·e. Seule la note est affichée. Votre lecture est enregistrée.
note-process-back-caseload = Retour à vos dossiers
note-autosave-process-stale = Non enregistrée : vous avez enregistré une version plus récente le { $time } (dans une autre fenêtre ?).
note-autosave-process-nothing-lost = Rien de ce que vous avez écrit n’est perdu : votre version est toujours dans le formulaire. Le texte stocké est ci-dessous.

## Refus des règles du traitement, de la liste, des séances et des notes (rapport-core).

course-error-protocol = Choisissez un protocole
course-error-protocol-maintenance = { $id } est un protocole de maintien ; démarrez-le depuis le bilan de fin
course-error-protocol-unknown = Protocole inconnu { $id } ; choisissez parmi : { $known }
course-error-sessions-range = { $protocol } prévoit de { $min } à { $max } séances (saisi : { $got })
course-error-frequency = Fréquence inconnue { $value } ; utilisez weekly, twice_monthly ou monthly
course-error-session-minutes = La durée de la séance doit être de 5 à 240 minutes (saisi : { $got })
course-error-start-date = La date de début doit être au format AAAA-MM-JJ
course-error-end-before-start = La date de fin prévue ne peut pas précéder la date de début
course-error-end-date = La date de fin prévue doit être au format AAAA-MM-JJ
course-error-new-number = Saisissez le nouveau nombre de séances
course-error-renegotiate-range = { $got } séances, c’est hors de ce que prévoit { $protocol } ({ $min }-{ $max })
course-error-already-held = { $held } séances ont déjà eu lieu ; le contrat ne peut pas être plus court
course-error-same-contract = Le contrat est déjà de { $count } séances
course-error-renegotiate-reason = Indiquez pourquoi le contrat change (la renégociation fait partie du dossier)
course-error-status = Choisissez terminé, arrêté avant terme, transféré ou en cours
course-error-status-reason =
    { $status ->
        [ended_early] Indiquez pourquoi le traitement a été arrêté avant terme
        [transferred] Indiquez pourquoi le traitement a été transféré
        [completed] Indiquez pourquoi le traitement est terminé
        [active] Indiquez pourquoi le traitement est en cours
       *[other] Indiquez pourquoi le traitement est prévu
    }
course-error-back-to-planned = Un traitement ne peut pas revenir au statut prévu
course-error-done-future = La date ne peut pas être dans le futur
course-error-done-format = La date doit être au format AAAA-MM-JJ
course-error-diagnosis = Enregistrez le diagnostic (le code est facultatif)
course-error-medication = Choisissez « Pas nécessaire », « Orienté·e vers une évaluation » ou « Déjà sous traitement médicamenteux »
course-error-diagnosis-code = Un code diagnostique ne contient que des lettres, des chiffres et des points (p. ex. F32.1 ou 6A70.1)
session-error-phase = Choisissez la phase initiale, intermédiaire ou de terminaison (ou la phase calculée)
session-error-phase-reason = Indiquez pourquoi la phase de cette séance diffère de celle calculée
session-error-phase-not-held = Seules les séances honorées ont une phase propre
session-engagement = Séance d’engagement (séance 0)
session-engagement-record = C’est la séance d’engagement (séance 0), avant la séance 1
session-engagement-hint = Séance d’engagement facultative de la TIP brève : elle porte le numéro 0 et n’entre dans aucun décompte de séances, aucune phase ni aucun calendrier de mesures.
session-label-engagement = Séance d’engagement (séance 0) · { $date }
session-name = séance { $number }
session-name-engagement = séance d’engagement (séance 0)
session-error-engagement-protocol = { $protocol } n’a pas de séance d’engagement ; enregistrez la séance 1
session-error-engagement-twice = Ce suivi a déjà sa séance d’engagement (séance 0)
session-error-engagement-late = La séance 1 est déjà enregistrée ; la séance d’engagement vient avant
session-error-engagement-phase = La séance d’engagement (séance 0) n’a pas de phase propre
session-error-before-course = La date de la séance ne peut pas précéder le début du traitement ({ $date })
session-error-after-course = La date de la séance ne peut pas suivre la fin du traitement ({ $date })
session-error-date-missing = Saisissez la date de la séance
session-error-date-format = La date doit être au format AAAA-MM-JJ
session-error-time = L’heure doit être au format HH:MM (24 heures)
session-error-modality = La modalité doit être in_person, video ou phone
session-error-attendance-missing = Indiquez si la séance a été honorée, annulée ou non honorée
session-error-attendance = La présence doit être attended, cancelled, no_show ou scheduled
session-error-future-attended = Une séance future ne peut pas encore avoir été honorée ; enregistrez-la comme prévue
session-error-past-scheduled = Une séance passée a été honorée, annulée ou non honorée
session-error-duration = La durée doit être de 1 à 480 minutes (saisi : { $got })
note-error-mood = L’humeur se note de { $min } à { $max } (saisi : { $got })
note-error-event-text = Décrivez l’événement, ou effacez son effet sur l’humeur
note-error-effect = L’effet sur l’humeur doit être better, worse ou no_change
note-error-too-many-events = { $max } événements au plus par note
note-error-risk-value = L’évaluation du risque doit être none_identified ou identified
note-error-risk = Renseignez l’évaluation du risque avant de signer
note-error-risk-detail = Décrivez le risque identifié et ce qui a été fait
note-error-event-effect = Indiquez comment « { $event } » a influé sur l’humeur du ou de la patient·e
note-error-addendum = Rédigez l’addendum
course-progress-held =
    { $count ->
        [one] 1 séance tenue
       *[other] { $count } séances tenues
    }

## Cas limites des protocoles (issue 19 item 5, décision 50)
course-error-maintenance-undecided = Notez d’abord l’échange sur le maintien : ce protocole conclut le traitement aigu par un accord de maintien. Choisissez la décision de maintien dans le bilan de fin
course-maintenance-discussion = Ce protocole conclut le traitement aigu par un accord de maintien : pour le terminer, il faut la décision de maintien dans le bilan de fin.
course-checklist-formulation-presented = Formulation présentée à la personne
course-checklist-role-explained = Rôle de la personne dans le traitement expliqué
course-checklist-suicide-risk = Évaluation initiale du risque suicidaire
# IPT-A (Mufson et al.): the initial risk check lists the exclusion criteria; the sick role is limited.
course-checklist-suicide-risk-ipt-a = Évaluation initiale du risque suicidaire ; critères d’exclusion (orienter ailleurs) : risque suicidaire actif, psychose, trouble bipolaire, dépendance à une substance, déficience intellectuelle
course-checklist-sick-role-ipt-a = Rôle de malade limité abordé
