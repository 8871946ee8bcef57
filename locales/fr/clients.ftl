## Today (templates/today.html, src/ui/today.rs).

today-title = Aujourd’hui
today-clients-on-teams =
    { $count ->
        [one] { $count } patient·e dans vos équipes de soins
       *[other] { $count } patient·es dans vos équipes de soins
    }
today-no-own-clients = Vous ne faites partie de l’équipe de soins d’aucun·e patient·e : rien ici n’est encore à vous. Les { $caseload } et les { $flags } montrent aussi les patient·es que vous suivez en supervision.
today-caseload-link = Dossiers
today-risk-flags-link = Alertes de risque
today-sessions-today = Séances du jour
today-no-sessions-today = Aucune séance aujourd’hui.
today-no-time = Heure non fixée
today-attendance =
    { $status ->
        [scheduled] Planifiée
        [attended] Tenue
        [cancelled] Annulée
       *[no_show] Absence
    }
today-open-session = Ouvrir la séance
today-open-session-with = avec { $client }
today-open-session-with-at = avec { $client } à { $time }
today-rest-of-week = Reste de la semaine
today-open-calendar = Ouvrir le calendrier
today-no-more-sessions = Plus de séance cette semaine.
today-short-date = { $weekday } { $day } { $month }
today-open-flags = Alertes de risque ouvertes
today-no-open-flags = Aucune alerte de risque ouverte.
today-flag-level =
    { $level ->
        [low] risque faible
        [moderate] risque modéré
        [high] risque élevé
        [imminent] risque imminent
       *[other] risque { $level }
    }
today-flag-not-assessed = pas encore évaluée
today-flag-not-acknowledged = non prise en compte
today-flag-acknowledged = prise en compte
today-flag-raised =
    { $days ->
        [0] émise aujourd’hui
        [one] émise il y a 1 jour
       *[other] émise il y a { $days } jours
    }
today-overdue-tasks = Tâches en retard
today-no-overdue-tasks = Aucune tâche en retard.
today-task-acknowledge = Prendre en compte l’alerte de risque
today-task-assessment = Évaluation du risque
today-task-risk-follow-up = Suivi du risque (la date de suivi de l’évaluation)
today-task-due-today = à faire aujourd’hui
today-task-follow-up =
    { $months ->
        [one] Questionnaires de suivi à 1 mois ({ $instruments })
       *[other] Questionnaires de suivi à { $months } mois ({ $instruments })
    }
today-task-due = échéance le { $date }
today-task-overdue =
    { $days ->
        [0] en retard
        [one] 1 jour de retard
       *[other] { $days } jours de retard
    }
today-notes-to-sign = Notes à signer
today-notes-all-signed = Toutes les notes des séances tenues sont signées.
today-note-draft = brouillon non signé
today-note-none = pas encore de note
today-age =
    { $days ->
        [0] aujourd’hui
        [one] 1 jour
       *[other] { $days } jours
    }
today-notes-more = { $count } de plus, plus récentes
today-measures-due = Questionnaires à faire
today-no-measures-due = Aucun questionnaire à faire.
today-measure-overdue = { $measure } en retard
today-measure-due = { $measure } à faire

## Caseload (templates/caseload.html, caseload_rows.html, src/ui/clients.rs).

caseload-title = Dossiers
caseload-new-client = Nouveau·elle patient·e
caseload-status-tabs = Statut des patient·es
caseload-active = Actifs
caseload-archived = Archivés
caseload-search-label = Rechercher des patient·es par nom ou identifiant
caseload-search-placeholder = Rechercher par nom ou identifiant
caseload-clinician = Thérapeute
caseload-all-clinicians = Tous les thérapeutes
caseload-sort = Trier
caseload-sort-name = Par nom
caseload-sort-need = Par besoin
caseload-show = Afficher
caseload-by-clinician = Par thérapeute
caseload-subtitle-of = Patient·es dont { $name } est responsable
caseload-subtitle-archived-of = Patient·es archivé·es dont { $name } est responsable
caseload-subtitle-supervised = Patient·es des thérapeutes que vous supervisez, et ceux et celles dont vous faites partie de l’équipe de soins
caseload-subtitle-archived-supervised = Patient·es archivé·es des thérapeutes que vous supervisez, et ceux et celles dont vous faites partie de l’équipe de soins
caseload-subtitle-own = Patient·es dont vous faites partie de l’équipe de soins
caseload-subtitle-archived-own = Patient·es archivé·es dont vous faites partie de l’équipe de soins
caseload-clinician-summary =
    { $clients ->
        [one] { $clients } patient·e
       *[other] { $clients } patient·es
    } · { $flags ->
        [one] { $flags } alerte de risque ouverte
       *[other] { $flags } alertes de risque ouvertes
    } · { $overdue ->
        [one] { $overdue } questionnaire en retard
       *[other] { $overdue } questionnaires en retard
    }
caseload-clinician-you = { $name } (vous)
caseload-no-match = Aucun·e patient·e ne correspond à « { $search } ».
caseload-no-archived = Aucun·e patient·e archivé·e.
caseload-empty = Vous n’avez aucun dossier. { $link } pour commencer.
caseload-create-link = Créez le dossier d’un·e patient·e
caseload-count =
    { $count ->
        [one] { $count } patient·e
       *[other] { $count } patient·es
    }
caseload-count-matching =
    { $count ->
        [one] { $count } patient·e correspond à « { $search } »
       *[other] { $count } patient·es correspondent à « { $search } »
    }
caseload-most-in-need-first = les plus en besoin d’abord
caseload-col-name = Nom
caseload-col-course = Traitement TIP
caseload-col-measures = Questionnaires
caseload-col-date-of-birth = Date de naissance
caseload-col-age = Âge
caseload-col-pronouns = Pronoms
caseload-col-responsible = Thérapeute référent·e
caseload-col-updated = Dernière mise à jour
caseload-raise-ending = Aborder la fin
caseload-no-open-course = Aucun traitement en cours
caseload-marker-risk-flag = Alerte de risque ouverte
caseload-marker-risk-unanswered = Question sur le risque sans réponse : posez-la au prochain contact
caseload-marker-overdue = En retard : { $measures }
caseload-marker-due = À faire : { $measures }
caseload-marker-not-on-track = Évolution insuffisante : { $measures }
caseload-pagination = Pagination
caseload-previous = Précédent
caseload-next = Suivant
caseload-page-status = Page { $page } sur { $pages }

## Calendar (templates/calendar.html, src/ui/calendar.rs).

calendar-title = Calendrier
calendar-session-count =
    { $count ->
        [one] { $count } séance
       *[other] { $count } séances
    }
calendar-week-of = Semaine du { $date }
calendar-month-title = { $month } { $year }
calendar-previous = Précédent
calendar-next = Suivant
calendar-view-name =
    { $view ->
        [week] semaine
       *[month] mois
    }
calendar-today = Aujourd’hui
calendar-views = Affichage du calendrier
calendar-week = Semaine
calendar-month = Mois
calendar-clinician = Thérapeute
calendar-everyone = Toutes les personnes que je suis
calendar-show = Afficher
calendar-no-sessions = Aucune séance
calendar-all-day = Toute la journée
calendar-minutes = { $minutes } min
calendar-move-or-cancel = Déplacer ou annuler
calendar-session-with = la séance avec { $client } le { $date }
calendar-new-date = Nouvelle date
calendar-new-time = Nouvelle heure
calendar-move = Déplacer
calendar-cancel-session = Annuler la séance
calendar-book-title = Planifier une séance
calendar-no-courses = Aucun traitement en cours où planifier : commencez d’abord un traitement depuis la page d’un·e patient·e.
calendar-client-course = Patient·e et traitement
calendar-choose = Choisir…
calendar-course-choice = { $client } (séances de { $minutes } min)
calendar-date = Date
calendar-time = Heure
calendar-duration = Minutes
calendar-as-planned = comme prévu
calendar-book = Planifier la séance
calendar-book-hint = Les heures sont des heures locales. La séance est ajoutée au traitement du ou de la patient·e comme planifiée ; notez la présence depuis la page de la séance.
calendar-duration-whole = La durée doit être un nombre entier de minutes
calendar-weekday-short-1 = lun.
calendar-weekday-short-2 = mar.
calendar-weekday-short-3 = mer.
calendar-weekday-short-4 = jeu.
calendar-weekday-short-5 = ven.
calendar-weekday-short-6 = sam.
calendar-weekday-short-7 = dim.
calendar-error-date = La date doit être au format AAAA-MM-JJ
calendar-error-course = Choisissez le traitement du ou de la patient·e
calendar-error-not-scheduled = Seule une séance planifiée peut être déplacée ou annulée depuis le calendrier
calendar-feed-name = Séances de { $organisation } ({ $clinician })
calendar-feed-summary = Séance de TIP : { $client }
calendar-feed-summary-engagement = Séance d’engagement de TIP (séance 0) : { $client }
calendar-feed-description = { $attendance } · { $modality } · { $minutes } min

## A client's record page (templates/client.html, src/ui/clients.rs).

client-not-recorded = Non renseigné
client-breadcrumb = Fil d’Ariane
client-break-glass-title = Accès d’urgence.
client-break-glass-text = Vous ne faites pas partie de l’équipe de soins de ce ou cette patient·e. Cet accès est enregistré avec votre motif et sera examiné par l’administration.
client-age = { $years } ans
client-responsible = Thérapeute référent·e : { $name }
client-archived = Archivé
client-edit = Modifier le dossier
client-raise-concern = Signaler un risque
client-kiosk = Confier l’appareil pour les questionnaires
client-restore = Remettre dans les dossiers actifs
client-archive-confirm = Archiver ce dossier ? Il est conservé et peut être restauré.
client-archive = Archiver
client-courses = Traitements TIP
client-start-course = Commencer un traitement
client-no-courses = Pas encore de traitement.
client-course-started = commencé le { $date }
client-course-status =
    { $status ->
        [planned] Prévu
        [active] En cours
        [completed] Terminé
        [ended_early] Arrêté avant terme
       *[transferred] Transféré
    }
client-groups = Groupes
client-no-groups = Dans aucun groupe.
client-group-goal = objectif : { $goal }
client-group-joined = arrivée le { $date }
client-details = Informations
client-display-name = Nom d’usage
client-legal-name = Nom légal
client-date-of-birth = Date de naissance
client-pronouns = Pronoms
client-preferred-language = Langue préférée
client-external-ids = Identifiants externes
client-none-recorded = Aucun
client-contact = Coordonnées
client-email = E-mail
client-phone = Téléphone
client-address = Adresse
client-emergency-contact = Personne à contacter en cas d’urgence
client-emergency-name = Nom
client-emergency-relationship = Lien
client-no-emergency-contact = Aucune personne à contacter en cas d’urgence.
client-add-emergency-contact = En ajouter une
client-consent = Consentement
client-no-consent = Aucune note de consentement.
client-reminders = Rappels envoyés
client-reminder-setting = Rappels de séance par e-mail : { $setting }
client-reminder-default = { $lead } (le réglage par défaut de l’organisation)
client-reminder-lead =
    { $hours ->
        [off] Désactivés
       *[other] { $hours } heures avant
    }
client-no-email = pas d’adresse e-mail
client-none-can-be-sent = aucun ne peut être envoyé
client-change = Modifier
client-no-reminders = Aucun rappel envoyé pour l’instant.
client-reminder-session = Séance du { $when }
client-reminder-when = { $date } à { $time }
client-reminder-queued = mis en file le { $when }
client-reminder-emailed = envoyé le { $when }
client-reminder-attempts =
    { $count ->
        [one] { $count } tentative : { $error }
       *[other] { $count } tentatives : { $error }
    }
client-reminder-waiting = en attente dans la boîte d’envoi
client-reminder-status =
    { $status ->
        [sent] envoyé
        [pending] en attente
        [retrying] nouvel essai
       *[failed] échec
    }
client-created-updated = Créé le { $created } · dernière mise à jour le { $updated } · version { $version }

## The client form (templates/client_form.html) and its checks (rapport-core client.rs).

client-form-edit-crumb = Modifier
client-form-edit-title = Modifier le dossier
client-form-edit-page-title = Modifier { $name }
client-form-identity = Identité
client-form-display-name-hint = Le nom utilisé au quotidien dans Rapport.
client-form-legal-name = Nom légal (facultatif)
client-form-pronouns = Pronoms (facultatif)
client-form-pronouns-hint = Par exemple elle, il, iel.
client-form-preferred-language = Langue préférée (facultatif)
client-form-preferred-language-hint = La langue du portail, des e-mails et des questionnaires du ou de la patient·e, quand Rapport la propose.
client-form-language-not-set = Non précisée
client-form-site = Site
client-form-site-hint = Le village, l’école ou le centre de soins auquel la personne est rattachée, pour le programme de groupes.
client-form-no-site = Aucun site
client-form-external-ids = Identifiants externes (facultatif)
client-form-external-ids-hint = Un par ligne, sous la forme système : valeur. Par exemple « Numéro de dossier : H123456 ».
client-form-email = E-mail (facultatif)
client-form-phone = Téléphone (facultatif)
client-form-address = Adresse (facultatif)
client-form-reminder = Rappels de séance par e-mail
client-form-reminder-hint = Envoyés avant chaque séance planifiée, avec les liens vers les questionnaires à faire ; seulement avec une adresse e-mail ci-dessus.
client-form-reminder-default = Le réglage par défaut de l’organisation
client-form-consent-notes = Notes de consentement (facultatif)
client-form-consent-hint = Ce que le ou la patient·e a accepté : traitement, moyens de contact, partage avec d’autres professionnel·les.
client-form-save = Enregistrer les modifications
client-form-create = Créer le dossier
client-form-cancel = Annuler
client-form-conflict = Quelqu’un d’autre a enregistré ce dossier pendant que vous le modifiiez. Vos modifications sont ci-dessous et n’ont pas été enregistrées ; le dossier actuel est sur sa page. Vérifiez puis enregistrez à nouveau.
client-error-name-single-line = Le nom d’usage doit tenir sur une seule ligne
client-error-name-required = Saisissez un nom d’usage
client-error-date-of-birth-format = La date de naissance doit être une date réelle au format AAAA-MM-JJ
client-error-date-of-birth-future = La date de naissance ne peut pas être dans le futur
client-error-email = L’e-mail doit ressembler à nom@exemple.org
client-error-external-ids-max = Au plus { $max } identifiants externes
client-error-external-id-parts = Chaque identifiant externe doit avoir un système et une valeur, par ex. « Numéro de dossier : H123456 »
client-error-external-id-length = Les systèmes et valeurs des identifiants externes font au plus 80 caractères
client-error-external-id-twice = « { $system } » figure deux fois
client-error-external-id-colon = « { $line } » doit avoir deux-points entre le système et la valeur, par ex. « Numéro de dossier : H123456 »
client-error-preferred-language = Choisissez une langue dans la liste
caseload-error-clinician = Choisissez un·e thérapeute dans la liste
caseload-error-sort = Triez par nom ou par besoin
caseload-error-page = Cette page de la liste n’est plus disponible : recommencez depuis la première page

## Parts shown to clients (templates/client_blank_prompt.html, client_support.html, diary_entry.html).

client-blank-send-anyway = Vous pouvez encore répondre ci-dessus, ou envoyer ce que vous avez : votre thérapeute verra quelles questions sont restées vides.
client-support-title = Vous n’avez pas à affronter cela seul·e
client-support-intro = Merci de nous dire comment les choses se sont passées. Si vous pensez à vous faire du mal ou à mettre fin à vos jours, ou si vous ne vous sentez pas en sécurité en ce moment, contactez tout de suite l’un de ces services :
client-support-not-live = Votre thérapeute verra vos réponses lors de votre prochain rendez-vous ou avant. Elles ne sont pas suivies en direct : utilisez les contacts ci-dessus si vous avez besoin d’aide d’ici là.
client-diary-mood = humeur { $mood } sur 10
client-diary-with = Avec { $person } :

## The sections of a client's record (templates/client_tabs.html).

client-tabs = Sections du dossier
client-tab-record = Dossier
client-tab-measures = Questionnaires
client-tab-portal = Portail
client-tab-care-team = Équipe de soins

## A client's care team (templates/care_team.html, src/ui/care_team.rs).

care-team-title = Équipe de soins
care-team-page-title = Équipe de soins · { $name }
care-team-members = Membres
care-team-members-table = Membres de l’équipe de soins
care-team-name = Nom
care-team-role = Rôle
care-team-since = Dans l’équipe depuis
care-team-actions = Actions
care-team-member = Membre
care-team-staff = Personnel
care-team-make-responsible = Désigner comme référent·e
care-team-remove-confirm = Retirer { $name } de l’équipe de soins ? Cette personne perdra l’accès à ce dossier.
care-team-remove = Retirer
care-team-add-title = Ajouter un membre
care-team-everyone = Toutes les personnes qui peuvent suivre des dossiers font déjà partie de cette équipe.
care-team-add = Ajouter à l’équipe de soins
care-team-only-members = Seuls les membres de l’équipe de soins et leurs superviseur·es peuvent la modifier.
care-team-error-choose = Choisissez un·e thérapeute à ajouter

## Emergency access (templates/break_glass_search.html, break_glass_reason.html).

break-glass-title = Accès d’urgence
break-glass-subtitle = Ouvrez le dossier d’un·e patient·e qui ne fait pas partie de vos dossiers, par exemple pour couvrir une crise.
break-glass-search-intro = Chaque accès d’urgence est enregistré avec votre motif, dure { $hours } heures et est examiné par l’administration. Ne l’utilisez que lorsque les soins d’un·e patient·e l’exigent maintenant.
break-glass-find-title = Trouver le ou la patient·e
break-glass-search-label = Nom ou identifiant du ou de la patient·e
break-glass-search-placeholder = Nom ou identifiant (au moins 2 caractères)
break-glass-find = Rechercher
break-glass-too-short = Saisissez au moins 2 caractères du nom ou de l’identifiant du ou de la patient·e.
break-glass-no-match = Aucun·e patient·e de l’organisation ne correspond à « { $search } ».
break-glass-count =
    { $count ->
        [one] { $count } patient·e correspond
       *[other] { $count } patient·es correspondent
    }
break-glass-results = Patient·es correspondant·es
break-glass-action = Action
break-glass-request = Demander l’accès
break-glass-request-to = à { $name }
break-glass-to = Accès d’urgence à { $name }
break-glass-reason-intro = Vous ne faites pas partie de l’équipe de soins de ce ou cette patient·e. L’accès dure { $hours } heures, est enregistré dans le journal d’audit avec votre motif et est examiné par l’administration.
break-glass-reason = Motif de l’accès d’urgence
break-glass-reason-hint = Dites pourquoi les soins du ou de la patient·e l’exigent maintenant, par exemple « Je couvre un appel de crise pendant le congé de son thérapeute ». Au moins 10 caractères.
break-glass-open = Ouvrir le dossier
break-glass-error-reason = Donnez le motif de l’accès d’urgence en { $min } à { $max } caractères (les espaces et caractères invisibles ne comptent pas)

## A client's care context (templates/context.html, context_add.html,
## context_fields.html, context_item.html, src/ui/context.rs, rapport-core context.rs).

context-title = { $client } · { $what }
context-page-title = Contexte de soins
context-intro = Le contexte de soins du ou de la patient·e est commun à tous ses traitements. Noter un médicament ne change rien d’autre : cochez vous-même le point « médicament » de la liste de contrôle lorsque le besoin a été évalué.
context-cultural = Formulation culturelle
context-change-cultural = Modifier la formulation culturelle
context-version = Version { $version }
context-change-or-history = Modifier ou voir l’historique
context-cultural-empty = Pas encore notée : l’identité culturelle du ou de la patient·e, ses propres mots pour sa détresse, les facteurs de stress et les soutiens, ce qu’il ou elle attend de l’aide, et les besoins linguistiques.
context-cultural-record = Noter la formulation culturelle
context-cultural-identity = Identité culturelle
context-cultural-identity-hint = Origines, foi, langue et communauté, telles que la personne les décrit.
context-explanations = Explications de la détresse
context-explanations-hint = Les mots et expressions de la personne pour ce qu’elle ressent et pourquoi.
context-stressors = Facteurs de stress culturels
context-stressors-hint = par ex. discrimination, migration, obligations familiales.
context-supports = Soutiens culturels
context-supports-hint = Communauté, foi, famille.
context-expectations = Attentes envers l’aide
context-expectations-hint = Ce que la personne attend du traitement et de la personne qui l’aide.
context-practices = Pratiques importantes
context-practices-hint = Pratiques religieuses, de guérison ou familiales qui comptent pour les soins.
context-language-needs = Besoins linguistiques et d’interprète
context-language-needs-hint = Langue préférée pour les séances et les documents écrits.
context-interpreter-needed = Interprète nécessaire
context-interpreter-is-needed = Un·e interprète est nécessaire
context-yes = Oui
context-no = Non
context-medication = Médicaments
context-current = En cours
context-no-current-meds = Aucun médicament en cours noté.
context-current-meds = Médicaments en cours
context-past = Antérieurs
context-no-past-meds = Aucun médicament antérieur noté.
context-past-meds = Médicaments antérieurs
context-med-name = Médicament
context-med-dose = Dose
context-med-dose-hint = par ex. 50 mg une fois par jour
context-med-prescriber = Prescripteur·rice
context-med-started = Début
context-med-stopped = Arrêt
context-med-stopped-hint = Laissez vide tant qu’il est pris.
context-med-adherence = Observance
context-med-adherence-hint = À quelle régularité il est pris ; doses oubliées et pourquoi.
context-med-side-effects = Effets indésirables
context-med-adherence-side-effects = Observance et effets indésirables
context-med-stops = arrêt le { $date }
context-med-adherence-text = Observance : { $text }
context-med-side-effects-text = Effets indésirables : { $text }
context-med-taken = Période
context-med-taken-range = { $from } à { $to }
context-approx-date-hint = Une année (2024), un mois (2024-03) ou un jour (2024-03-14).
context-notes-label = Notes
context-change = Modifier
context-add-medication = Ajouter un médicament
context-change-medication = Modifier le médicament
context-providers = Autres traitements et intervenant·es
context-no-providers = Aucun·e autre intervenant·e noté·e.
context-provider-name = Nom ou rôle
context-provider-name-hint = par ex. Dr Lee, médecin généraliste
context-provider-organisation = Organisme
context-provider-contact = Coordonnées
context-provider-contact-hint = Téléphone, e-mail ou adresse.
context-provider-provides = Ce qu’il ou elle apporte
context-provider-provides-short = Apporte
context-add-provider = Ajouter un·e intervenant·e
context-change-provider = Modifier l’intervenant·e
context-coordination = Notes de coordination
context-no-coordination = Pas encore de note de coordination.
context-note-of = note du { $date }
context-note-date = Date
context-note-provider = Intervenant·e
context-note-no-provider = Ne concerne pas un·e intervenant·e en particulier
context-note-note = Note
context-note-note-hint = Qui a été contacté, ce qui a été convenu.
context-removed-provider = (intervenant·e supprimé·e)
context-add-note = Ajouter une note de coordination
context-change-note = Modifier la note de coordination
context-back = ← Retour au contexte de soins
context-save = Enregistrer
context-remove = Supprimer
context-remove-hint = Pour les saisies faites par erreur. Son historique, et la suppression, sont conservés.
context-remove-medication-hint = Mieux vaut garder un médicament arrêté, avec sa date d’arrêt.
context-remove-confirm = Supprimer cette saisie ?
context-conflict = { $name } a enregistré une modification ici le { $at } pendant que vous modifiiez. Votre version est dans le formulaire ; l’autre est affichée à côté. Enregistrer à nouveau remplace l’autre.
context-error-cultural-empty = Remplissez au moins une partie de la formulation culturelle
context-error-stop-before-start = La date d’arrêt est antérieure à la date de début
context-error-note-date = Saisissez la date (AAAA-MM-JJ)

## A record's versions (templates/record_history.html, record_conflict.html).

record-history = Historique
record-change =
    { $change ->
        [Created] Créé
        [Removed] Supprimé
       *[other] Modifié
    }
record-version = version { $version }
record-saved-meanwhile = Enregistré entre-temps (version { $version })
record-by-at = Par { $name } le { $at }.

## Signaux entre les séances : le repère « prendre des nouvelles » du journal (issue 19 item 3, décision 50)
check-in-marker = Prendre des nouvelles
check-in-low = Humeur du journal { $mood } sur 10 le { $date } : le bas de l’échelle
check-in-drop = Humeur du journal { $mood } sur 10 le { $date } : 4 points ou plus sous la moyenne récente de { $average }
check-in-not-risk = Demandez comment la personne va au prochain contact. Ce n’est pas une alerte de risque.
