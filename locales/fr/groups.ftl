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
