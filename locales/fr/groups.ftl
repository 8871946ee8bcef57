## Group IPT pages (templates/groups.html, group.html, group_new.html,
## group_pre_group.html, group_meeting.html, group_meeting_done.html; ui/groups).

group-list-title = Groupes
group-list-subtitle-organiser = Les groupes de TIP que vous animez, supervisez ou organisez.
group-list-subtitle = Les groupes de TIP que vous animez ou supervisez.
group-new = Nouveau groupe
group-list-empty-organiser = Aucun groupe pour l’instant. Créez-en un avec « Nouveau groupe ».
group-list-empty = Aucun groupe pour l’instant. Un·e superviseur·e ou un·e administrateur·rice crée les groupes et désigne leurs animateur·rices.
group-list-caption = Groupes avec leur site, protocole, phase, séances, membres et animateur·rices
group-col-group = Groupe
group-col-site = Site
group-col-protocol = Protocole
group-col-phase = Phase
group-col-meetings = Séances
group-col-members = Membres
group-col-facilitators = Animateur·rices
group-col-member = Membre
group-col-status = Statut
group-col-areas = Domaines problématiques
group-col-goal = Objectif
group-col-attended = Présences
group-col-first = { $measure } initial
group-col-latest = { $measure } le plus récent
group-closed = Clos
group-no-site = Aucun site
group-none = Aucun
group-choose = Choisir…
group-cancel = Annuler
group-optional = (facultatif)
group-or = ou
group-breadcrumb = Fil d’Ariane
group-meetings-held = { $held } sur { $planned } tenues
group-members-in-all = ({ $count } au total)

## Phases and member statuses (rapport-core group.rs).

group-phase-pre-group = Entretiens préalables
group-phase-pre-group-before = Entretiens préalables (avant la première séance)
group-phase-initial = Phase initiale
group-phase-middle = Phase intermédiaire
group-phase-termination = Phase de terminaison
group-phase-finished = Terminé
group-phase-with-words = { $phase } ({ $words })
group-status-awaiting-pre-group = Entretien préalable à faire
group-status-pre-group-done = Entretien préalable fait
group-status-active = Actif·ve
group-status-completed = A terminé
group-status-dropped-out = A abandonné
group-status-referred = Orienté·e

## A group's page (templates/group.html).

group-facilitators-are = Animateur·rices : { $names }
group-record-meeting = Saisir la séance { $number }
group-summary-title = Où en est le groupe
group-meetings-to-go = { $held } sur { $planned } tenues · encore { $remaining }
group-starts = Début
group-starts-at = { $date } à { $time }
group-members-in-group = { $count } dans le groupe (taille de { $min } à { $max })
group-members-took-part = { $count } ont participé (taille de { $min } à { $max })
group-single-gender = non mixte
group-next-agenda = Ordre du jour de la prochaine séance (séance { $number })
group-summary-only = Vous voyez le résumé de ce groupe. Ses membres sont visibles par ses animateur·rices et par les personnes qui les supervisent.
group-members-empty = Aucun membre pour l’instant. Ajoutez des personnes ci-dessous, puis faites l’entretien préalable de chacune.
group-members-caption = Membres avec leur statut, domaines problématiques, objectif, présences et scores { $measure }
group-pre-group-on = Entretien préalable le { $date }
group-record-pre-group = Saisir l’entretien préalable
group-record-pre-group-of = de { $name }
group-pre-group-change = (modifier le dossier de { $name })
group-not-yet = Pas encore
group-attended-of = { $attended } sur { $held }
group-add-title = Ajouter un membre
group-full = Le groupe est complet ({ $max } membres au maximum).
group-everyone-added = Toutes les personnes que vous voyez sont déjà dans le groupe.
group-register-first = { $link } d’abord.
group-register-new-person = Enregistrez une nouvelle personne
group-not-listed = La personne n’est pas dans la liste ? { $link } d’abord.
group-register-the-person = Enregistrez-la
group-person = Personne
group-add-to-group = Ajouter au groupe
group-status-title = Un membre part ou termine
group-new-status = Nouveau statut
group-status-back = De retour dans le groupe (actif·ve)
group-status-reason = Motif, ou vers qui la personne a été orientée
group-status-reason-hint = Obligatoire pour « a abandonné » et « orienté·e ».
group-status-change = Changer le statut de { $name }
group-meetings-none = Aucune séance saisie pour l’instant.
group-meeting-n = Séance { $number }
group-meeting-attendance = { $attended } présent·es, { $absent } absent·es
group-close = Clore le groupe
group-close-explained =
    { $remaining ->
        [0] Clore le groupe y met fin. Les membres encore présent·es qui ont eu leur entretien préalable sont marqué·es comme ayant terminé.
        [one] Clore le groupe y met fin avant sa dernière séance. Les membres encore présent·es qui ont eu leur entretien préalable sont marqué·es comme ayant terminé.
       *[other] Clore le groupe y met fin avant ses { $remaining } dernières séances. Les membres encore présent·es qui ont eu leur entretien préalable sont marqué·es comme ayant terminé.
    }
group-close-confirm = Clore ce groupe ? Plus aucune séance ne pourra être saisie.
group-forbidden-members = Seul·es les animateur·rices du groupe et leurs superviseur·es travaillent avec ses membres.
group-done-created = Groupe créé. Ajoutez maintenant ses membres.
group-done-member-added = Membre ajouté. Prochaine étape : son entretien préalable.
group-done-pre-group = Entretien préalable enregistré.
group-done-pre-group-flag = Entretien préalable enregistré. Une réponse de risque était positive : une alerte de risque a été créée ; appelez votre superviseur·e maintenant.
group-done-status = Statut du membre modifié.
group-done-closed = Groupe clos. Les membres qui ont eu leur entretien préalable sont marqué·es comme ayant terminé.
group-membership-attended = présent·e à { $attended } des { $held } séances tenues ({ $planned } prévues)

## A new group (templates/group_new.html).

group-new-subtitle = Nommez le groupe, choisissez son protocole, son site et ses animateur·rices. Les membres s’ajoutent sur la page du groupe.
group-new-name = Nom du groupe
group-new-name-hint = Par exemple le lieu et le jour : « Femmes de Kisoro, mardi »
group-new-facilitator = Animateur·rice
group-new-facilitator-2 = Second·e animateur·rice (facultatif)
group-new-start = Date de début
group-new-start-hint = La semaine de la première séance (les entretiens préalables ont lieu avant)
group-new-time = Heure des séances (facultatif)
group-new-time-hint = Par exemple 14:00
group-new-single-gender = Groupe non mixte
group-new-create = Créer le groupe

## A member's pre-group session (templates/group_pre_group.html).

group-pre-group-title = Entretien préalable
group-pre-group-page-title = Entretien préalable · { $name }
group-pre-group-areas = De quoi le problème relève-t-il surtout ?
group-pre-group-areas-count =
    { $max ->
        [1] (un seul)
       *[other] (un ou { $max })
    }
group-pre-group-goal = L’objectif du membre pour le groupe
group-pre-group-goal-hint = Avec ses mots : ce qu’il ou elle veut voir changer d’ici la dernière séance
group-pre-group-consent = Le membre a accepté de rejoindre le groupe
group-pre-group-date = Date de l’entretien préalable
group-pre-group-date-hint = Pas après aujourd’hui
group-pre-group-parent-date = Date de l’entretien avec un parent ou une personne qui s’en occupe (facultatif)
group-pre-group-baseline = { $measure } initial
group-pre-group-baseline-hint = Laissez vide s’il n’a pas été passé. Une réponse positive à la dernière question crée une alerte de risque pour l’équipe de soins du membre et pour votre superviseur·e.
group-grid-caption = { $measure } : une ligne par question, une colonne par réponse
group-grid-question = Question
group-pre-group-save = Enregistrer l’entretien préalable

## The meeting screen (templates/group_meeting.html).

group-meeting-title = Séance { $number } · { $group }
group-meeting-of = Séance { $number } sur { $planned }
group-meeting-not-sent = Pas encore envoyée :
group-meeting-not-sent-text = cette séance a été saisie sur cet appareil mais pas enregistrée. Vérifiez-la et appuyez sur « Enregistrer la séance { $number } ».
group-meeting-discard = Effacer la saisie
group-meeting-discard-confirm = Effacer ce qui a été saisi sur cet appareil pour cette séance ?
group-meeting-date = Date de la séance
group-meeting-agenda = Ordre du jour
group-meeting-answers = Réponses au { $measure } :
group-meeting-answers-blank = Laissez vide si la question n’a pas été posée.
group-meeting-record-later = { $link } dès que possible.
group-record-it = Saisissez-le
group-meeting-was-here = { $name } était-il ou elle là aujourd’hui ?
group-here = Présent·e
group-absent = Absent·e
group-meeting-absent-note = Absent·e : pas de { $measure } aujourd’hui.
group-meeting-note-on = Note sur { $name }
group-meeting-the-group = Le groupe
group-meeting-group-note = Note de groupe (facultatif)
group-meeting-group-note-hint = Comment s’est passée la séance, pour les animateur·rices et le ou la superviseur·e
group-meeting-task = Tâche de la semaine (facultatif)
group-meeting-task-hint = Ce que les membres ont convenu d’essayer d’ici la prochaine séance
group-meeting-save = Enregistrer la séance { $number }
group-all-recorded = Les { $planned } séances de ce groupe sont saisies (ou il est clos).
group-forbidden-meetings = Seul·es les animateur·rices du groupe et leurs superviseur·es saisissent ses séances.

## A recorded meeting and its crisis guidance (templates/group_meeting_done.html).

group-meeting-saved = Séance { $number } enregistrée.
group-crisis-title =
    { $count ->
        [one] Un membre a besoin d’être vu aujourd’hui
       *[other] { $count } membres ont besoin d’être vus aujourd’hui
    }
group-crisis-positive = a répondu positivement à la question sur le fait de se faire du mal. Une alerte de risque a été créée pour son équipe de soins.
group-crisis-positive-told = a répondu positivement à la question sur le fait de se faire du mal. Une alerte de risque a été créée pour son équipe de soins, et votre superviseur·e a été prévenu·e.
group-crisis-talk = Parlez en privé avec { $name } aujourd’hui, avant son départ si possible. Écoutez calmement ; ne promettez pas de garder le secret.
group-crisis-call-supervisor = Appelez votre superviseur·e maintenant.
group-crisis-call-supervisor-named = Appelez votre superviseur·e maintenant : { $names }.
group-crisis-danger-stay = Si { $name } est peut-être en danger maintenant, restez avec la personne et utilisez les lignes de crise ci-dessous.
group-crisis-call-recorder = Appelez aujourd’hui { $recorder }, qui a animé la séance : convenez de qui prend des nouvelles de { $name } et quand.
group-recorder-unknown = l’animateur·rice qui l’a saisie
group-crisis-assess = Évaluez le risque sur l’alerte, ou assurez-vous que le ou la thérapeute responsable du membre le fait.
group-crisis-danger = Si { $name } est peut-être en danger maintenant, utilisez les lignes de crise ci-dessous.
group-crisis-open-flag = Ouvrir l’alerte de risque de { $name }
group-crisis-lines = Lignes de crise
group-back = Retour au groupe
group-who-came = Qui était là
group-score = score { $score }
group-flags-closed-since = Alertes de risque créées lors de cette séance, closes depuis :
group-note = Note de groupe
group-task = Tâche de la semaine
group-agenda-done = Ordre du jour réalisé
group-none-ticked = Aucun point coché

## What the group rules refuse (rapport-app groups.rs).

group-error-name = Donnez au groupe un nom de 1 à 120 caractères
group-error-protocol = Choisissez un protocole de groupe : { $ids }
group-error-start-date = Indiquez la date de début au format AAAA-MM-JJ
group-error-meeting-time = Indiquez l’heure des séances au format HH:MM, par ex. 14:00
group-error-facilitators = Désignez un·e ou deux animateur·rices
group-error-no-caseload = Ce compte ne suit pas de dossiers
group-error-no-such-staff = Aucun compte actif du personnel avec cet identifiant (ou désigné deux fois)
group-error-date = Indiquez la date au format AAAA-MM-JJ
group-error-areas = Choisissez un ou { $max } domaines problématiques
group-error-not-an-area = { $area } n’est pas un domaine problématique de ce groupe
group-error-goal = Écrivez l’objectif du membre en 1 à 500 caractères
group-error-consent = Indiquez que le membre a accepté de rejoindre le groupe
group-error-meeting-future = La date de la séance ne peut pas être dans le futur
group-error-meeting-earlier = La séance { $number } a eu lieu le { $date } ; celle-ci ne peut pas être antérieure
group-error-not-member = N’est pas membre actuel de ce groupe
group-error-mark-attendance = Indiquez si { $name } était présent·e ou absent·e
group-error-note-long = Une note fait au plus { $max } caractères
group-error-text-long = Au plus { $max } caractères
group-error-agenda = Les points de l’ordre du jour de la séance { $number } vont de 1 à { $count }
group-error-absent-response = Ce membre est marqué absent : une réponse exige sa présence
group-error-one-response = Une seule réponse par membre et par séance
group-error-finished = Ce groupe est terminé ; ajoutez la personne à un autre groupe
group-error-full = Le groupe est complet : { $protocol } admet au plus { $max } membres
group-error-already-member = Cette personne est déjà membre du groupe
group-error-status-change = Un membre au statut « { $from ->
        [awaiting_pre_group] entretien préalable à faire
        [pre_group_done] entretien préalable fait
        [active] actif·ve
        [completed] a terminé
        [dropped_out] a abandonné
       *[referred] orienté·e
    } » ne peut pas passer à « { $to ->
        [awaiting_pre_group] entretien préalable à faire
        [pre_group_done] entretien préalable fait
        [active] actif·ve
        [completed] a terminé
        [dropped_out] a abandonné
       *[referred] orienté·e
    } »
group-error-reason = Indiquez le motif (pourquoi la personne est partie, ou vers qui elle a été orientée)
group-error-reason-long = Le motif fait au plus 500 caractères
group-error-choose-status = Choisissez le nouveau statut du membre

## Screening outcomes (rapport-core group.rs).

screening-outcome-eligible = Éligible
screening-outcome-not-eligible = Non éligible
screening-outcome-referred = Orienté·e vers un·e thérapeute

## The fidelity section of a session or group meeting (templates/fidelity_panel.html; ui/fidelity_section.rs).

fidelity-title = Fidélité
fidelity-rate-session = Évaluer cette séance
fidelity-self-due = Votre auto-évaluation est attendue.
fidelity-self-due-text = Votre organisation vous demande d’évaluer chaque séance que vous menez : utilisez « Évaluer cette séance ».
fidelity-not-rated = Pas encore évaluée.
fidelity-pass = Réussi
fidelity-below-pass = Sous le seuil de réussite
fidelity-rater-self = Auto-évaluation
fidelity-rater-supervisor = Superviseur·e
fidelity-rater-peer = Pair·e
fidelity-mean-scale = { $mean } (échelle de { $min } à { $max })
fidelity-mean-over = moyenne { $mean } sur { $items } items
fidelity-self-and-supervisor = Auto-évaluation et superviseur·e : { $checklist }
fidelity-self-rating-and-supervisor = Auto-évaluation et superviseur·e : { $checklist }
fidelity-agreement-caption = Auto-évaluation et évaluation du ou de la superviseur·e, item par item
fidelity-item = Item
fidelity-differs = Différent
fidelity-share = { $count } des { $items } items ({ $percent } %)
fidelity-agreement = Même note pour { $same } ; à un point près pour { $within }.

## Screening a person for a group programme (templates/screening_form.html, screening_result.html).

programme-title = Programme
screening-title = Faire un dépistage
screening-subtitle = Pour un programme de groupe : qui peut rejoindre un groupe, et qui doit d’abord voir un·e thérapeute
screening-registered-not-saved = { $name } est enregistré·e. Le dépistage n’est pas encore enregistré : corrigez-le ci-dessous et enregistrez de nouveau.
screening-who = Qui est dépisté·e
screening-person-hint = Une personne que vous suivez déjà, ou une nouvelle personne que vous enregistrez maintenant.
screening-new-person-option = Une nouvelle personne (à remplir ci-dessous)
screening-new-person = Une nouvelle personne
screening-new-person-hint = Seulement si vous avez choisi « Une nouvelle personne ». Vous pourrez compléter son dossier plus tard.
screening-name = Nom
screening-for = Dépistage pour
screening-date = Date du dépistage
screening-placeholder = Cet instrument est sous licence : son texte n’est pas fourni. Utilisez votre exemplaire sous licence ; les questions et options ci-dessous sont des substituts dans le même ordre.
screening-blank-hint = Laissez une question vide si elle n’a pas reçu de réponse. Un « oui » à une question sur l’automutilation oriente toujours d’abord la personne vers un·e thérapeute qualifié·e.
screening-note = Note (facultatif)
screening-save = Enregistrer le dépistage
screening-of = Dépistage de { $name }
screening-newly-registered = nouvellement enregistré·e
screening-referred-title = Orienté·e vers un·e thérapeute qualifié·e
screening-self-harm = { $name } a donné une réponse sur l’automutilation.
screening-referred-text = La personne ne rejoint pas de groupe pour l’instant : un·e thérapeute qualifié·e la voit d’abord.
screening-flag-open = Une alerte de risque est ouverte ({ $link }) ; appelez votre superviseur·e aujourd’hui.
screening-see-flag = voir l’alerte
screening-flag-open-plain = Une alerte de risque est ouverte ; appelez votre superviseur·e aujourd’hui.
screening-danger = Si la personne est peut-être en danger maintenant, restez avec elle et utilisez ces lignes :
screening-eligible-title = Éligible pour le groupe
screening-eligible-text = { $name } peut rejoindre un groupe de ce programme. Prochaine étape : l’entretien préalable individuel, quand la personne est ajoutée à un groupe.
screening-choose-group = { $link } (ajoutez la personne depuis la page du groupe).
screening-choose-group-link = Choisissez son groupe
screening-not-eligible-title = Pas éligible pour le groupe pour l’instant
screening-no-total = Des questions sont restées vides : aucun total n’a pu être calculé et l’éligibilité n’a pas pu être établie. Refaites le dépistage de { $name } quand vous pourrez poser toutes les questions.
screening-below = Les réponses de { $name } sont sous le seuil du programme. La personne ne rejoint pas de groupe pour l’instant ; refaites le dépistage plus tard si les choses empirent.
screening-the-measure = Le { $measure }
screening-total = Total
screening-no-total-short = non calculé (questions vides)
screening-severity = Sévérité
screening-eligible-from = Éligible à partir de
screening-open-record = Ouvrir le dossier de { $name }
screening-another = Dépister une autre personne
screening-back = Retour au programme
screening-error-programme = Choisissez un programme : { $ids }
screening-error-other-measure = { $programme } dépiste avec le { $measure } : répondez à ses questions ci-dessous
screening-error-client = Choisissez qui est dépisté·e, ou enregistrez une nouvelle personne
screening-error-future = La date du dépistage ne peut pas être postérieure à aujourd’hui

## The programme page: screening to the end of the group (templates/programme.html; ui/programme.rs).

programme-subtitle = Du dépistage à la fin du groupe
programme-subtitle-filtered = Du dépistage à la fin du groupe : { $filters }
programme-filter = Filtrer le programme
programme-all-sites = Tous les sites
programme-all-facilitators = Tous les animateur·rices
programme-show = Afficher
programme-clear = Effacer les filtres
programme-funnel = L’entonnoir
programme-funnel-hint = Chaque personne compte une fois, à chaque étape atteinte (son dernier dépistage et son dernier groupe). Choisissez un nombre pour voir la liste des personnes.
programme-funnel-region = L’entonnoir, étape par étape
programme-step = Étape
programme-people = Personnes
programme-bar = Barre
programme-step-link = { $count } { $step } : voir la liste
programme-people-at-step =
    { $count ->
        [one] { $step } : { $count } personne
       *[other] { $step } : { $count } personnes
    }
programme-hide-list = Masquer la liste
programme-nobody-at-step = Personne n’a atteint cette étape.
programme-nobody-at-step-filtered = Personne n’a atteint cette étape { $filters }.
programme-people-region = Personnes : { $step }
programme-screening = Dépistage
programme-in-group = Dans le groupe
programme-meetings-attended = Séances suivies
programme-not-in-group = Dans aucun groupe
programme-not-screened-here = Pas dépisté·e ici
programme-their-group = Son groupe
programme-by-site = Par site
programme-funnel-by-site = Entonnoir par site
programme-nobody-yet = Personne n’est encore dépisté·e ni dans un groupe.
programme-by-facilitator = Par animateur·rice
programme-by-facilitator-hint = Les animateur·rices d’un groupe en partagent les membres ; avant un groupe, une personne compte pour qui l’a dépistée.
programme-funnel-by-facilitator = Entonnoir par animateur·rice
programme-chosen-facilitator = L’animateur·rice choisi·e
programme-at-chosen-site = sur le site choisi
programme-at-site = à { $site }
programme-with-facilitator = avec { $name } (groupes animés, personnes dépistées)
programme-error-site = Choisissez un site dans la liste
programme-error-facilitator = Choisissez un·e animateur·rice dans la liste
programme-error-step = Choisissez une étape : { $keys }
programme-step-screened = Dépisté·es
programme-step-eligible = Éligibles
programme-step-not-eligible = Non éligibles
programme-step-referred = Orienté·es vers un·e thérapeute
programme-step-pre-group-done = Entretien préalable fait
programme-step-enrolled = Inscrit·es dans un groupe
programme-step-attended = Assez de séances suivies
programme-step-completed = Ont terminé
programme-step-dropped-out = Ont abandonné
programme-col-screened = Dépisté·es
programme-col-eligible = Éligibles
programme-col-not-eligible = Non éligibles
programme-col-referred = Orienté·es
programme-col-pre-group-done = Entretien fait
programme-col-enrolled = Inscrit·es
programme-col-attended = Assidu·es
programme-col-completed = Terminé
programme-col-dropped-out = Abandon

## Rating a session (templates/fidelity_form.html, course_fidelity.html; ui/fidelity.rs).

fidelity-rate-as-self = Moi (j’ai mené cette séance)
fidelity-rate-as-peer = Pair·e (un·e collègue)
fidelity-forbidden = Vous ne pouvez pas évaluer cette séance.
fidelity-scale-from-to = De { $min } à { $max }
fidelity-scale-to = { $min } à { $max }
fidelity-pass-rule = Une séance est réussie avec une moyenne d’au moins { $mean } sur { $items } items ou plus.
fidelity-error-choose = Item { $n } : choisissez une note
fidelity-error-number = Item { $n } : la note doit être un nombre
fidelity-back-session = Retour à la séance
fidelity-back-meeting = Retour à la séance de groupe
fidelity-rate-title = Évaluer cette séance · { $name }
fidelity-rate-meeting-title = Évaluer la séance { $number } · { $group }
fidelity-checklist = Liste de contrôle
fidelity-use-checklist = Utiliser cette liste
fidelity-phase-items = Seuls les items de la phase de cette séance sont listés.
fidelity-rating-as = Vous évaluez en tant que
fidelity-rating-as-colon = Vous évaluez en tant que :
fidelity-grid-caption = Une ligne par item, une colonne par point de l’échelle
fidelity-comment = Commentaire (facultatif)
fidelity-save = Enregistrer l’évaluation
fidelity-over-time = Fidélité dans le temps
fidelity-over-time-title = Fidélité dans le temps · { $name }
fidelity-over-time-subtitle = auto-évaluation et superviseur·e, item par item
fidelity-none-rated = Aucune séance de ce traitement n’est encore évaluée.
fidelity-none-both = Aucune séance n’est encore évaluée à la fois par le ou la thérapeute et par un·e superviseur·e.
fidelity-trend-hint = Chaque colonne est une séance évaluée par les deux, avec en tête la date de l’évaluation du ou de la superviseur·e ; chaque case se lit auto-évaluation / superviseur·e, sur une échelle de { $scale }. Dans le petit graphique, la ligne grise pointillée est l’auto-évaluation, la ligne continue celle du ou de la superviseur·e.
fidelity-trend-region = { $checklist }, dans le temps
fidelity-trend-caption = { $checklist } : auto-évaluation et superviseur·e par item et date de séance
fidelity-chart = Graphique
fidelity-differs-hidden = (différent)
fidelity-back-course = Retour au traitement

## Recordings of a session for supervision (templates/recordings_panel.html).

recording-title = Enregistrements pour la supervision
recording-none = Aucun enregistrement de cette séance.
recording-label = Enregistrement déposé le { $date }
recording-line = Déposé le { $date } · { $size } · supprimé automatiquement le { $deleted }
recording-upload-title = Déposer un enregistrement
recording-upload-hint = Seul·es vous et vos superviseur·es pouvez l’écouter. Chaque écoute est tracée, et l’audio est supprimé automatiquement à la fin de la durée de conservation.
recording-audio = Fichier audio (MP3, M4A, OGG, WebM ou WAV, jusqu’à 64 Mo)
recording-consent = Le ou la patient·e a consenti à cet enregistrement
recording-consent-how = Comment la personne a consenti (facultatif)
recording-consent-placeholder = Par exemple : formulaire de consentement signé, 3 novembre
recording-upload = Déposer l’enregistrement
recording-error-consent = Cochez la case pour confirmer que le ou la patient·e a consenti à cet enregistrement
recording-error-audio = Choisissez le fichier audio de la séance

## The client's reflections from the portal (templates/reflections_panel.html).

record-pro-reflections = Ce que pense le ou la patient·e (depuis le portail)

## Supervision: the dashboard, the log and a new meeting (templates/supervision*.html; ui/supervision.rs).

supervision-subtitle = Les dossiers ouverts et les groupes des personnes que vous supervisez, ceux qui demandent de l’attention d’abord.
supervision-subtitle-of = Dossiers ouverts et groupes de { $name }, ceux qui demandent de l’attention d’abord.
supervision-record-meeting = Saisir une réunion
supervision-log = Journal de supervision
supervision-filter = Afficher les dossiers d’une personne supervisée
supervision-supervisee = Personne supervisée
supervision-everyone = Tout le monde
supervision-show-everyone = Afficher tout le monde
supervision-open-cases = Dossiers ouverts
supervision-no-cases = Aucun dossier ouvert.
supervision-no-cases-nobody = Aucun dossier ouvert : personne ne vous est encore rattaché·e en supervision. Un·e administrateur·rice rattache thérapeutes et animateur·rices à leur superviseur·e sur la page de leur compte.
supervision-cases-caption = Dossiers ouverts des personnes que vous supervisez, ceux qui demandent de l’attention d’abord
supervision-col-client = Patient·e
supervision-col-clinician = Thérapeute
supervision-col-sessions = Séances
supervision-col-attention = Demande de l’attention
supervision-col-fidelity = Dernière évaluation de fidélité
supervision-groups-title = Groupes de vos animateur·rices
supervision-no-groups = Aucun groupe ouvert animé par les personnes que vous supervisez.
supervision-no-groups-of = Aucun groupe ouvert animé par { $name }.
supervision-groups-caption = Groupes ouverts des animateur·rices que vous supervisez, membres à risque d’abord
supervision-col-attendance = Assiduité
supervision-col-at-risk = Membres à risque
supervision-at-risk = { $count } avec une alerte de risque ouverte
supervision-records = Dossiers des personnes que vous supervisez
supervision-records-hint = Heures de supervision et de thérapie, formations et progression vers la certification.
supervision-badge-flags =
    { $count ->
        [one] { $count } alerte de risque ouverte
       *[other] { $count } alertes de risque ouvertes
    }
supervision-badge-flags-oldest =
    { $count ->
        [one] { $count } alerte de risque ouverte
       *[other] { $count } alertes de risque ouvertes
    }, la plus ancienne depuis { $unit ->
        [hours] { $n ->
            [one] { $n } heure
           *[other] { $n } heures
        }
       *[days] { $n } jours
    }
supervision-badge-not-on-track = Pas sur la bonne voie
supervision-badge-initial-overdue = Phase initiale en retard : pas de formulation convenue
supervision-badge-ending = Fin pas encore préparée
supervision-badge-fidelity = Dernière évaluation sous le seuil de réussite
supervision-badge-over-contract = Plus de séances que prévu au contrat
supervision-badge-no-focus = Aucun domaine problématique choisi
supervision-badge-measures =
    { $count ->
        [one] { $count } questionnaire attendu ou manquant
       *[other] { $count } questionnaires attendus ou manquants
    }
supervision-badge-on-course = Sur la bonne voie
supervision-fidelity-latest = { $mean }, { $pass ->
        [yes] réussi
       *[no] sous le seuil de réussite
    } ({ $rater ->
        [self] auto-évaluation
        [supervisor] superviseur·e
       *[peer] pair·e
    })
supervision-no-meetings = Pas encore de séance
supervision-percent = { $percent } %
supervision-forbidden = Les pages de supervision sont réservées aux superviseur·es.
supervision-log-subtitle = Réunions de supervision que vous avez menées ou suivies, les plus récentes d’abord.
supervision-log-empty = Aucune réunion de supervision saisie pour l’instant.
supervision-meeting-label = Supervision { $kind ->
        [group] de groupe
       *[individual] individuelle
    } du { $date }
supervision-kind-minutes = { $kind ->
        [group] De groupe
       *[individual] Individuelle
    }, { $minutes } minutes
supervision-supervisees = Personnes supervisées
supervision-cases-discussed = Dossiers abordés
supervision-none-named = Aucun indiqué
supervision-decisions = Décisions
supervision-action-points = Actions à mener
supervision-due = Pour le { $date }
supervision-done = Fait
supervision-overdue = En retard
supervision-mark-done = Marquer comme fait
supervision-mark-done-label = Marquer comme fait : { $text }
supervision-a-course = Un traitement
supervision-a-group = Un groupe
supervision-case-with = { $client } (avec { $clinician })
supervision-case-group = Groupe : { $name }
supervision-new-title = Saisir une réunion de supervision
supervision-new-subtitle = Les heures comptent dans le total de supervision de chaque personne supervisée.
supervision-date = Date
supervision-minutes = Durée en minutes
supervision-kind = Type de réunion
supervision-individual = Individuelle
supervision-present = Personnes supervisées présentes
supervision-nobody-linked = Personne ne vous est encore rattaché·e en supervision.
supervision-cases-optional = Dossiers abordés (facultatif)
supervision-no-open-cases = Les personnes que vous supervisez n’ont aucun dossier ouvert.
supervision-decisions-optional = Décisions (facultatif)
supervision-actions-optional = Actions à mener (facultatif)
supervision-actions-hint = Chacune avec qui s’en charge et pour quand. Laissez une ligne vide pour l’ignorer.
supervision-action-n = Action { $n }
supervision-who = Qui
supervision-nobody-named = Personne
supervision-me = Moi
supervision-due-label = Pour le
supervision-save = Enregistrer la réunion

## A practitioner's professional record (templates/professional_record.html; ui/supervision.rs).

record-pro-mine = Mon dossier
record-pro-title = Dossier · { $name }
record-pro-hours = { $form ->
        [one] { $hours } heure
       *[other] { $hours } heures
    }
record-pro-ratio = 1 heure de supervision pour { $hours } heures de thérapie
record-pro-no-ratio = Pas encore de ratio : il faut des heures de thérapie et de supervision
record-pro-hours-title = Heures
record-pro-supervision = Supervision reçue
record-pro-therapy = Thérapie assurée
record-pro-ratio-title = Ratio
record-pro-certification = Certification
record-pro-certification-hint = La progression est calculée à partir de ce qui est déjà enregistré : formations, heures de supervision et dossiers supervisés avec une évaluation réussie du ou de la superviseur·e.
record-pro-expired = Expirée le { $date }
record-pro-renewal-due = Renouvellement à prévoir : expire le { $date }
record-pro-certified = Certifié·e le { $date }
record-pro-requirements-met = Exigences remplies
record-pro-percent = { $percent } % du parcours
record-pro-certified-on = Certifié·e le { $date }.
record-pro-certified-until = Certifié·e le { $date }, valable jusqu’au { $until }.
record-pro-met = Rempli
record-pro-have-need = { $have } sur { $need }
record-pro-requirement-training = Heures de formation
record-pro-requirement-supervision = Heures de supervision
record-pro-requirement-cases = Cas supervisés avec une évaluation réussie
record-pro-requirement-cases-measured =
    { $sessions ->
        [one] Cas supervisés avec une évaluation réussie et des mesures à chaque séance
       *[other] Cas supervisés avec une évaluation réussie et des mesures au moins toutes les { $sessions } séances
    }
record-pro-certified-on-label = Date de certification
record-pro-certify = Enregistrer la certification
record-pro-no-pathways = Aucun parcours de certification n’est configuré.
record-pro-trainings = Formations
record-pro-no-trainings = Aucune formation enregistrée pour l’instant.
record-pro-course = Formation
record-pro-trainer = Formateur·rice
record-pro-trainer-optional = Formateur·rice (facultatif)
record-pro-not-given = Non indiqué
record-pro-new-training = Enregistrer une formation
record-pro-save-training = Enregistrer la formation

## What the supervision rules refuse (rapport-app supervision.rs).

supervision-error-future = Une réunion de supervision ne peut pas être dans le futur
supervision-error-minutes = Indiquez la durée en minutes, de 5 à 600
supervision-error-not-supervisee = Personne que vous ne supervisez pas
supervision-error-no-supervisee = Indiquez au moins une personne supervisée
supervision-error-individual = Une supervision individuelle concerne une seule personne ; choisissez de groupe
supervision-error-action-long = Une action fait au plus 500 caractères
supervision-error-owner = La personne responsable est vous ou l’une des personnes supervisées présentes
supervision-error-due = Indiquez l’échéance au format AAAA-MM-JJ
supervision-error-course = Nommez la formation en 1 à 200 caractères
supervision-error-hours = Indiquez les heures : plus de 0 et au plus 1000
supervision-error-training-future = Une formation s’enregistre une fois qu’elle a eu lieu
