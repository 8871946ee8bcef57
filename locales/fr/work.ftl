## L’onglet de formulation (templates/formulation.html, src/ui/formulation.rs).

formulation-title = Formulation · { $client }
formulation-sensitivity = Sensibilité interpersonnelle
formulation-sensitivity-legend = Sensibilité interpersonnelle (Stuart et Robertson)
formulation-sensitivity-hint = Une caractéristique de la personne, pas un domaine problématique : une sensibilité marquée à la façon dont les autres réagissent (peur de la critique ou du rejet ; blessure, repli ou colère au moindre affront). Elle oriente le travail sur l’axe choisi.
formulation-sensitivity-yes = Oui, une caractéristique du ou de la patient·e
formulation-sensitivity-no = Non
formulation-sensitivity-unrecorded = Non renseignée
formulation-sensitivity-note-label = Comment elle se manifeste (facultatif)
formulation-sensitivity-note-hint = Une ligne ou deux, par exemple avec qui et dans quelles situations.
formulation-error-sensitivity-protocol = { $protocol } ne note pas la sensibilité interpersonnelle (le protocole de Stuart, si)
formulation-error-sensitivity-note = Indiquez si la sensibilité interpersonnelle est une caractéristique du ou de la patient·e avant d’ajouter une note
formulation-error-sensitivity-choice = Choisissez oui, non ou non renseignée
formulation-agreed-checklist-done = Acceptée par le ou la patient·e le { $agreed } ; cochée comme faite dans la liste de contrôle le { $done }.
formulation-client-agreed-on = Le ou la patient·e a accepté la formulation le { $date }.
formulation-checklist-still-open = L’élément « { $item } » de la liste de la phase initiale est encore ouvert.
formulation-tick-done = Le cocher comme fait le { $date }
formulation-problem-areas = Domaines problématiques
formulation-not-started = pas commencé
formulation-areas-hint = Chaque domaine choisi dispose d’un espace de travail pour la phase intermédiaire.
formulation-goals-tab-link = Les objectifs se définissent dans l’onglet Objectifs.
formulation-heading = Formulation interpersonnelle
formulation-version-line = Version { $version } · dernière modification le { $when } par { $by }
formulation-not-written = Pas encore rédigée.
formulation-areas-legend = Domaines problématiques ({ $max } au plus)
formulation-areas-offered = Un seul axe de travail est préférable. { $protocol } propose ces domaines.
formulation-symptom-link-label = Lien entre les symptômes et la situation interpersonnelle
formulation-symptom-link-hint = Quand les symptômes ont commencé ou se sont aggravés, et ce qui se passait alors dans les relations du ou de la patient·e.
formulation-shared-label = La formulation en mots simples, à partager avec le ou la patient·e
formulation-shared-hint = Courte, avec les mots du ou de la patient·e ; nomme la maladie et l’axe de travail.
formulation-rationale-label = Raisons de cet axe de travail
formulation-rationale-hint = Pourquoi ce domaine et pas un autre.
formulation-agreed-on-label = Date de l’accord du ou de la patient·e (facultatif)
formulation-agreed-on-hint = Laissez vide tant que le ou la patient·e n’a pas accepté la formulation et l’axe de travail.
formulation-save = Enregistrer la formulation
formulation-link-to-symptoms = Lien avec les symptômes
formulation-shared-with-client = Partagée avec le ou la patient·e
formulation-rationale = Raisons
formulation-agreed = Acceptée
formulation-edit = Modifier la formulation
formulation-history = Historique
formulation-versions-newest-first =
    { $count ->
        [one] { $count } version, la plus récente en premier
       *[other] { $count } versions, la plus récente en premier
    }
formulation-version-change =
    Version { $version } · { $change ->
        [created] créée
        [removed] supprimée
       *[other] modifiée
    } le { $when } par { $by }
formulation-not-yet = pas encore
formulation-none-chosen = aucun choisi
formulation-summary-dispute =
    avec { $person } : { $stage ->
        [renegotiation] renégociation
        [impasse] impasse
       *[dissolution] rupture
    }
formulation-summary-experiments =
    { $count ->
        [one] { $count } expérience sociale
       *[other] { $count } expériences sociales
    }

## L’espace de travail d’un domaine problématique (templates/formulation_area.html).

formulation-back = Formulation
formulation-area-not-chosen = Ce domaine ne fait plus partie des domaines choisis dans la formulation ; son espace de travail est conservé comme trace.
formulation-loss-kind = Type de perte
formulation-loss-death = Un décès
formulation-loss-other = Une autre perte (relation, santé, grossesse...)
formulation-stage-legend = Stade du conflit
formulation-stage-legend-now =
    Stade du conflit : actuellement { $stage ->
        [renegotiation] renégociation
        [impasse] impasse
       *[dissolution] rupture
    }
formulation-stage-renegotiation = Renégociation
formulation-stage-impasse = Impasse
formulation-stage-dissolution = Rupture
formulation-stage-renegotiation-hint = Les deux savent qu’ils divergent et cherchent activement à changer les choses : apaiser, améliorer la communication, résoudre.
formulation-stage-impasse-hint = Le dialogue est rompu et le ressentiment couve : mettre le désaccord au jour, relancer la négociation.
formulation-stage-dissolution-hint = La relation est brisée sans retour : aider à en faire le deuil et à aller de l’avant.
formulation-lists-hint = Listes ci-dessous : une entrée par ligne.
formulation-experiments = Tentatives de nouveaux contacts (expériences sociales)
formulation-date = Date
formulation-attempt = Tentative
formulation-outcome = Résultat
formulation-attempt-date-n = Date de la tentative { $n }
formulation-attempt-n = Tentative { $n }
formulation-outcome-n = Résultat { $n }
formulation-two-rows-hint = Deux lignes vides s’ajoutent à chaque enregistrement.
formulation-save-area = Enregistrer
formulation-stage-history = Historique des stades
formulation-no-stage = Aucun stade enregistré pour l’instant.
formulation-from = De
formulation-to = À
formulation-note = Note
formulation-f-person = La personne décédée (un nom ou un pseudonyme)
formulation-f-date-of-death = Date du décès (ou de la perte)
formulation-f-circumstances = Circonstances
formulation-f-circumstances-hint = Ce qui s’est passé avant, pendant et après le décès.
formulation-f-relationship-good = La relation : bons côtés
formulation-f-relationship-bad = La relation : côtés difficiles
formulation-f-mourning-tasks = Tâches du deuil
formulation-f-mourning-progress = Avancée du deuil
formulation-f-new-activities = Nouvelles activités et relations
formulation-f-new-activities-hint = Ce qui comble en partie la place de la perte.
formulation-f-other-person = L’autre personne (un nom ou un pseudonyme)
formulation-f-stage-date = Si le stade a changé : quand
formulation-f-stage-date-hint = Aujourd’hui par défaut. Conservé dans l’historique des stades.
formulation-f-stage-note = Si le stade a changé : note
formulation-f-stage-note-hint = Ce qui l’a fait évoluer.
formulation-f-issues = L’objet du conflit
formulation-f-client-expectations = Les attentes du ou de la patient·e
formulation-f-other-expectations = Les attentes de l’autre personne
formulation-f-non-reciprocal = Attentes non réciproques
formulation-f-non-reciprocal-hint = Là où les attentes de l’un et de l’autre ne concordent pas.
formulation-f-options = Options
formulation-f-options-hint = Une par ligne, avec la probabilité de chacune.
formulation-f-similar-patterns = Schémas semblables dans d’autres relations
formulation-f-old-role = Ancien rôle
formulation-f-new-role = Nouveau rôle
formulation-f-date-of-change = Date du changement
formulation-f-losses = Ce qui a été perdu
formulation-f-gains = Ce qui a été gagné
formulation-f-skills-needed = Compétences qu’exige le nouveau rôle
formulation-f-support-needed = Soutien nécessaire
formulation-f-steps-taken = Démarches effectuées
formulation-f-isolation-pattern = Schéma d’isolement
formulation-f-past-relationships-good = Relations passées : ce qui a bien marché
formulation-f-past-relationships-bad = Relations passées : ce qui a mal tourné
formulation-f-repeating-patterns = Schémas qui se répètent
formulation-f-repeating-patterns-hint = Un par ligne.
formulation-f-notes = Notes
formulation-f-notes-hint = Ce qui a été perdu ou a changé, les sentiments à ce sujet, de nouveaux objectifs réalistes.

## L’onglet des objectifs (templates/goals.html, src/ui/goals.rs).

goals-title = Objectifs · { $client }
goals-heading = Objectifs
goals-none-yet = Pas encore d’objectifs.
goals-choose-areas-first = Choisissez d’abord les domaines problématiques dans l’onglet Formulation : chaque objectif se rattache à l’un d’eux.
goals-ratings-hint = Les évaluations vont de 0 (pas du tout) à 10 (pleinement atteint), une par objectif à chaque séance tenue.
goals-clinician-wording-is = Formulation du ou de la thérapeute : { $wording }
goals-target-is = cible : { $target }
goals-due-by-session = pour la séance { $n }
goals-due-on = échéance le { $date }
goals-status-active = Actif
goals-status-achieved = Atteint
goals-status-revised = Révisé
goals-status-dropped = Abandonné
goals-session-short = S{ $n }
goals-session-short-engagement = Séance d’engagement
goals-note-is = Note : { $note }
goals-earlier-wordings =
    { $count ->
        [one] Formulation antérieure ({ $count })
       *[other] Formulations antérieures ({ $count })
    }
goals-until = jusqu’au { $date }
goals-change = Modifier cet objectif
goals-in-clients-words = Avec les mots du ou de la patient·e
goals-new-wording-hint = Une nouvelle formulation conserve l’ancienne et marque l’objectif comme révisé.
goals-clinician-wording = Formulation du ou de la thérapeute
goals-target = Cible
goals-due-session = Pour la séance
goals-due-date = Échéance
goals-status = Statut
goals-status-note = Note sur le statut (facultatif)
goals-save = Enregistrer l’objectif
goals-rate-heading = Évaluer les objectifs lors d’une séance
goals-no-held-session = Les évaluations se rattachent à une séance tenue ;
goals-overview-link = enregistrez d’abord une séance à laquelle le ou la patient·e a assisté, dans l’onglet Vue d’ensemble.
goals-session = Séance
goals-show = Afficher
goals-rate-legend = { $session } : de 0 (pas du tout) à 10 (pleinement atteint)
goals-rate-hint = Laissez un objectif vide pour le passer. Une nouvelle évaluation pour la même séance remplace l’ancienne.
goals-save-ratings = Enregistrer les évaluations
goals-add-heading = Ajouter un objectif
goals-new = Nouvel objectif
goals-problem-area = Domaine problématique
goals-choose = Choisissez…
goals-statement-label = L’objectif avec les propres mots du ou de la patient·e
goals-statement-hint = p. ex. « Dire à Sam ce dont j’ai besoin sans que ça finisse en dispute »
goals-clinician-wording-optional = Formulation du ou de la thérapeute (facultatif)
goals-target-optional = Cible (facultatif)
goals-target-hint = À quoi ressemblerait l’objectif atteint.
goals-due-session-optional = Pour la séance (facultatif)
goals-due-date-optional = Échéance (facultatif)
goals-add = Ajouter l’objectif
goals-trend =
    { $trend ->
        [rising] en hausse
        [falling] en baisse
       *[flat] stable
    }
goals-ratings-none = pas encore d’évaluation
goals-ratings-one = évaluation { $rating } : une seule évaluation pour l’instant
goals-ratings-many = évaluations { $ratings } : { $trend }
goals-rate-choose-session = Choisissez une séance tenue dans ce traitement
goals-rate-out-of-range = L’évaluation de « { $goal } » doit aller de 0 à 10
goals-rate-none = Saisissez au moins une évaluation

## Règles des objectifs (rapport-core goals.rs, rapport-app goals.rs).

goals-error-areas-first = Choisissez d’abord les domaines problématiques dans la formulation ; chaque objectif se rattache à l’un d’eux
goals-error-choose-area = Choisissez le domaine problématique de cet objectif : { $areas }
goals-error-no-areas = Aucun domaine problématique n’est encore choisi ; enregistrez-les d’abord dans la formulation
goals-error-area-not-chosen = { $area } n’est pas un domaine problématique choisi pour ce traitement ; choisissez { $areas }
goals-error-statement = Écrivez l’objectif avec les propres mots du ou de la patient·e
goals-error-due-session = La séance d’échéance doit être comprise entre 1 et { $max } (valeur reçue : { $got })
goals-error-due-date = L’échéance doit être une date de la forme AAAA-MM-JJ
goals-error-status = Le statut doit être actif, atteint, révisé ou abandonné
goals-error-new-is-active = Un nouvel objectif est actif
goals-error-reopen-first =
    Un objectif { $from ->
        [achieved] atteint
        [dropped] abandonné
        [revised] révisé
       *[active] actif
    } doit être rouvert (remis à actif) avant de passer à { $to ->
        [achieved] atteint
        [dropped] abandonné
        [revised] révisé
       *[active] actif
    }
goals-error-reopen-to-reword =
    Rouvrez l’objectif avant d’en changer la formulation (il est { $status ->
        [achieved] atteint
        [dropped] abandonné
        [revised] révisé
       *[active] actif
    })
goals-error-revised-needs-wording = Un objectif devient révisé quand sa formulation change ; modifiez la formulation
goals-error-session-not-held = Choisissez une séance tenue dans ce traitement (avec présence) ; les évaluations se rattachent à une séance tenue

## L’onglet de l’inventaire (templates/inventory.html, inventory_circle_table.html, src/ui/inventory.rs).

inventory-title = Inventaire · { $client }
inventory-checklist-outstanding = L’élément « { $item } » de la liste de contrôle reste à faire.
inventory-checklist-mark-hint = Une fois les relations importantes passées en revue, cochez-le comme fait (il est inscrit dans la liste du traitement à la date du jour).
inventory-mark-done = Marquer l’inventaire comme fait
inventory-add-person = Ajouter une personne
inventory-compare-snapshots = Comparer des instantanés
inventory-circle = Cercle de proximité
inventory-circle-hint = Le ou la patient·e au centre ; les personnes les plus proches dans le cercle intérieur. Les personnes appartiennent au ou à la patient·e et sont communes à tous ses traitements.
inventory-circle-region = Cercle de proximité (défile latéralement sur les petits écrans)
inventory-circle-scroll-note = Sur un écran étroit, le cercle défile latéralement ; le tableau ci-dessous liste tout le monde par cercle.
inventory-circle-now-title = Le cercle de proximité tel qu’il est aujourd’hui
inventory-support-map = Carte du soutien social
inventory-support-map-empty = Ajoutez des personnes pour voir qui soutient le ou la patient·e et où le soutien manque.
inventory-support-gets = Soutien que reçoit le ou la patient·e
inventory-gap = Manque
inventory-nobody = personne
inventory-gaps = Manques :
inventory-gaps-text = soutien { $kinds } : aucune personne vivante ne l’apporte.
inventory-support-lost =
    Le soutien { $kind ->
        [emotional] émotionnel
        [practical] pratique
        [information] informatif
       *[company] de compagnie
    } venait de { $names }, { $count ->
        [one] qui est décédé·e.
       *[other] qui sont décédé·es.
    }
inventory-client-supports = Le ou la patient·e soutient
inventory-nobody-recorded = Personne d’enregistré.
inventory-could-support-now = Pourrait apporter un soutien maintenant
inventory-nobody-marked = Personne n’est encore marqué. Marquez les personnes vers qui le ou la patient·e pourrait se tourner (mobilisation du soutien).
inventory-people-by-ring = Personnes par cercle
inventory-no-people = Pas encore de personnes. Commencez par celles que le ou la patient·e nomme en premier : partenaire, famille, ami·es, collègues, membres de sa communauté religieuse, soignant·es. Incluez les personnes décédées si elles comptent encore.
inventory-people-caption = Personnes du cercle de proximité, par cercle, avec leurs marques
inventory-col-name = Nom
inventory-col-relationship = Lien
inventory-col-marks = Marques
inventory-col-support = Soutien au ou à la patient·e
inventory-col-contact = Contact
inventory-col-actions = Actions
inventory-third-party-title = Contient ce que d’autres ont dit de cette personne
inventory-third-party-badge = Infos de tiers
inventory-lives-with-client = Vit avec le ou la patient·e
inventory-open = Ouvrir
inventory-history = Historique
inventory-history-of-hidden = de { $name }
inventory-nobody-in-ring = Personne dans ce cercle.
inventory-removed-people = Personnes retirées ({ $count })
inventory-removed-when = retirée le { $when } par { $by }
inventory-snapshots = Instantanés du cercle
inventory-snapshots-hint = Un instantané garde, à une date, qui se trouvait dans quel cercle, qui apportait du soutien et où il y avait un conflit. Prenez-en un au début et un autre à la fin pour voir ce qui a changé.
inventory-no-snapshots = Pas encore d’instantanés.
inventory-people-count =
    { $count ->
        [one] { $count } personne
       *[other] { $count } personnes
    }
inventory-take-snapshot-now = Prendre un instantané maintenant
inventory-snapshot-label = Libellé
inventory-snapshot-label-hint = p. ex. { $labels }
inventory-snapshot-date = Date
inventory-snapshot-date-hint = Aujourd’hui, sauf si vous enregistrez un instantané antérieur.
inventory-snapshot-session = Séance (facultatif)
inventory-snapshot-session-hint = La séance au cours de laquelle il a été dessiné.
inventory-none = Aucune
inventory-snapshot-note = Note (facultatif)
inventory-take-snapshot =
    { $count ->
        [one] Prendre l’instantané ({ $count } personne)
       *[other] Prendre l’instantané ({ $count } personnes)
    }
inventory-done-person-added = Personne ajoutée à l’inventaire.
inventory-done-person-saved = Modifications enregistrées. La version précédente est conservée dans l’historique.
inventory-done-person-removed = Personne retirée de l’inventaire. Son historique est conservé.
inventory-done-snapshot = Instantané pris : le cercle tel qu’il est aujourd’hui est conservé avec ce traitement.
inventory-ring-heading-inner = Cercle intérieur (le plus proche)
inventory-ring-heading-middle = Cercle intermédiaire
inventory-ring-heading-outer = Cercle extérieur
inventory-ring-heading-numbered =
    { $place ->
        [first] Cercle { $n } (le plus proche)
        [last] Cercle { $n } (le plus éloigné)
       *[between] Cercle { $n }
    }
inventory-mark-deceased = décédé·e
inventory-mark-conflict = conflit
inventory-mark-gives-support = apporte du soutien
inventory-mark-could-support-now = pourrait apporter un soutien maintenant

## Codes de l’inventaire (rapport-core inventory) : liens, cercles, soutien, contact, attentes satisfaites.

inventory-rel-partner = Partenaire
inventory-rel-parent = Parent
inventory-rel-child = Enfant
inventory-rel-sibling = Frère ou sœur
inventory-rel-friend = Ami·e
inventory-rel-colleague = Collègue
inventory-rel-community = Religion ou communauté
inventory-rel-health-worker = Soignant·e
inventory-rel-other = Autre
inventory-ring-inner = Intérieur
inventory-ring-middle = Intermédiaire
inventory-ring-outer = Extérieur
inventory-ring-numbered = Cercle { $n }
inventory-support-emotional = Émotionnel
inventory-support-practical = Pratique
inventory-support-information = Informatif
inventory-support-company = Compagnie
inventory-contact-daily = Tous les jours ou presque
inventory-contact-weekly = Chaque semaine
inventory-contact-monthly = Chaque mois
inventory-contact-less-often = Moins souvent
inventory-contact-no-contact = Plus de contact actuellement
inventory-met-yes = Satisfaites
inventory-met-partly = En partie satisfaites
inventory-met-no = Non satisfaites

## Le formulaire d’une personne (templates/inventory_person.html).

inventory-back = Retour à l’inventaire
inventory-conflict-title = Quelqu’un d’autre a enregistré cette personne pendant que vous la modifiiez
inventory-conflict-saved-by = Enregistrée par { $name }. Vos modifications sont toujours dans le formulaire ci-dessous et rien n’a été écrasé. Là où les deux diffèrent :
inventory-saved-by-at = { $name } le { $when }
inventory-conflict-matches = La version enregistrée correspond déjà à votre formulaire.
inventory-col-field = Champ
inventory-col-saved = Version enregistrée
inventory-col-yours = Votre formulaire
inventory-empty-value = (vide)
inventory-conflict-save-again = Enregistrer à nouveau remplace la version enregistrée par votre formulaire ; la version enregistrée reste dans l’historique.
inventory-who = Qui est cette personne
inventory-relationship-label = Lien avec le ou la patient·e
inventory-relationship-hint = Choisissez le plus proche.
inventory-choose = Choisissez…
inventory-has-died = Est décédé·e
inventory-ring-legend = Cercle de proximité
inventory-ring-hint-inner = les personnes les plus proches, qui comptent le plus
inventory-ring-hint-middle = proches, mais moins
inventory-ring-hint-between = moins proches que celles du cercle { $closer }
inventory-ring-hint-outer = importantes, mais pas proches
inventory-interactions = Interactions
inventory-contact-label = Fréquence des contacts
inventory-contact-hint = En personne, par téléphone ou en ligne.
inventory-not-recorded = Non renseigné
inventory-expectations = Attentes
inventory-client-expectations-met-label = Les attentes du ou de la patient·e sont-elles satisfaites ?
inventory-other-expectations-met-label = Les attentes de cette personne sont-elles satisfaites ?
inventory-conflict = Conflit
inventory-conflict-present = Conflit présent
inventory-support = Soutien
inventory-support-gets-from-them = Soutien que le ou la patient·e reçoit de cette personne
inventory-support-gives-them = Soutien que le ou la patient·e lui apporte
inventory-support-kinds-hint = Émotionnel : écoute, réconfort. Pratique : aide pour des tâches, argent, garde d’enfants. Informatif : conseils, savoir où s’adresser. Compagnie : temps passé ensemble.
inventory-could-support-now-hint = Quelqu’un vers qui le ou la patient·e pourrait se tourner pendant le traitement (une cible de mobilisation du soutien).
inventory-communication = Communication et changement
inventory-notes = Notes
inventory-third-party-label = Contient des informations données par d’autres personnes (informations de tiers)
inventory-third-party-hint = Soyez prudent·e avant de partager cette fiche avec le ou la patient·e ou d’autres personnes.
inventory-save-changes = Enregistrer les modifications
inventory-add = Ajouter la personne
inventory-cancel = Annuler
inventory-remove-heading = Retirer de l’inventaire
inventory-remove-text = La personne quitte le cercle et la carte du soutien. Chaque version reste dans l’historique, et les instantanés antérieurs la montrent toujours.
inventory-remove-confirm = Retirer cette personne de l’inventaire ? Son historique est conservé.
inventory-remove = Retirer la personne
inventory-f-display-name = Nom ou pseudonyme
inventory-f-display-name-hint = Tel que le ou la patient·e l’appelle. Un pseudonyme convient.
inventory-f-relationship-detail = Avec ses mots (facultatif ; nécessaire pour « Autre »)
inventory-f-relationship-detail-hint = p. ex. beau-père, voisine, propriétaire
inventory-f-date-of-death = Date du décès (facultatif)
inventory-f-date-of-death-hint = Seulement pour une personne décédée.
inventory-f-shared-activities = Ce qu’ils font ensemble
inventory-f-satisfying = Ce qui est satisfaisant dans la relation
inventory-f-satisfying-hint = Avec des exemples.
inventory-f-unsatisfying = Ce qui n’est pas satisfaisant
inventory-f-unsatisfying-hint = Avec des exemples.
inventory-f-client-expectations = Ce que le ou la patient·e attend de cette personne
inventory-f-other-expectations = Ce que cette personne attend du ou de la patient·e
inventory-f-conflict-description = L’objet du conflit
inventory-f-conflict-description-hint = Comment se passent les disputes, et si elles se règlent ou sont laissées de côté.
inventory-f-can-discuss = Ce dont on peut parler avec cette personne
inventory-f-cannot-discuss = Ce dont on ne peut pas parler, et pourquoi
inventory-f-wanted-changes = Changements souhaités par le ou la patient·e
inventory-f-wanted-changes-hint = Dans son propre comportement ou dans celui de l’autre personne.
inventory-f-change-since-onset = Comment la relation a changé depuis le début de la dépression
inventory-f-notes = Notes

## Les champs d’une personne en mots (tableaux d’historique et de conflit).

inventory-field-name = Nom ou pseudonyme
inventory-field-relationship = Lien
inventory-field-lives-with-client = Vit avec le ou la patient·e
inventory-field-deceased = Décédé·e
inventory-field-ring = Cercle
inventory-field-contact = Contact
inventory-field-shared-activities = Activités partagées
inventory-field-satisfying = Aspects satisfaisants
inventory-field-unsatisfying = Aspects insatisfaisants
inventory-field-client-expectations = Les attentes du ou de la patient·e
inventory-field-client-expectations-met = Attentes du ou de la patient·e satisfaites
inventory-field-other-expectations = Ses attentes envers le ou la patient·e
inventory-field-other-expectations-met = Ses attentes satisfaites
inventory-field-conflict-present = Conflit présent
inventory-field-conflict = Conflit
inventory-field-support-received = Soutien que le ou la patient·e reçoit de cette personne
inventory-field-support-given = Soutien que le ou la patient·e lui apporte
inventory-field-can-discuss = On peut parler de
inventory-field-cannot-discuss = On ne peut pas parler de
inventory-field-wanted-changes = Changements souhaités
inventory-field-change-since-onset = Changement depuis le début de la dépression
inventory-field-could-support-now = Pourrait apporter un soutien maintenant
inventory-field-third-party = Contient des informations de tiers
inventory-field-notes = Notes
inventory-yes = Oui
inventory-no = Non
inventory-yes-died-on = Oui, décès le { $date }

## L’historique d’une personne (templates/inventory_history.html).

inventory-history-of = Historique de { $name }
inventory-open-current = Ouvrir la version actuelle
inventory-removed-on = Retirée de l’inventaire le { $when }. Les versions ci-dessous sont conservées.
inventory-version-heading =
    Version { $version } · { $change ->
        [created] ajoutée
        [removed] retirée
       *[other] modifiée
    }
inventory-changes-in-version = Modifications de la version { $version }
inventory-col-before = Avant
inventory-col-after = Après
inventory-whole-record = La fiche complète à la version { $version }

## Un instantané du cercle (templates/inventory_snapshot.html) et la comparaison (inventory_compare.html).

inventory-snapshot-title = Instantané { $label } · { $client }
inventory-snapshot-heading = Instantané : { $label }
inventory-taken-by = pris par { $name }
inventory-compare-with = Comparer avec { $label }
inventory-compare-with-now = Comparer avec maintenant
inventory-snapshot-table = Personnes de cet instantané, par cercle
inventory-circle-of = Cercle de proximité : { $title }
inventory-compare-title = Comparer des cercles · { $client }
inventory-compare-heading = Comparer des cercles de proximité
inventory-earlier = Antérieur
inventory-later = Postérieur
inventory-compare = Comparer
inventory-now-option = Maintenant (inventaire actuel)
inventory-now = Maintenant
inventory-what-changed = Ce qui a changé entre { $from } et { $to }
inventory-no-changes = Aucun changement : les mêmes personnes, dans les mêmes cercles, avec les mêmes marques de soutien et de conflit.
inventory-changes-between = Changements entre les deux cercles
inventory-col-person = Personne
inventory-col-what-changed = Ce qui a changé
inventory-stayed-same-ring =
    { $count ->
        [one] { $count } personne est restée dans le même cercle.
       *[other] { $count } personnes sont restées dans le même cercle.
    }
inventory-compare-none = Prenez d’abord un instantané (sur la page de l’inventaire) ; comparez-le ensuite avec un instantané postérieur ou avec l’inventaire tel qu’il est aujourd’hui.

## Règles de l’inventaire (rapport-core inventory, rapport-app inventory.rs).

inventory-error-name = Saisissez un nom ou un pseudonyme pour cette personne
inventory-error-relationship = Choisissez le lien de cette personne avec le ou la patient·e
inventory-error-relationship-detail = Précisez la nature du lien (p. ex. voisine, propriétaire)
inventory-error-ring = Choisissez le cercle où se trouve la personne (1 est le plus proche)
inventory-error-ring-beyond = Le cercle de proximité compte { $count } cercles : choisissez un cercle de 1 à { $count }
inventory-error-date-of-death-form = La date du décès doit être de la forme AAAA-MM-JJ
inventory-error-date-of-death-not-deceased = Cochez « Est décédé·e » ou effacez la date du décès
inventory-error-date-of-death-future = La date du décès ne peut pas être dans le futur
inventory-error-conflict = Cochez « Conflit présent » ou effacez la description du conflit
inventory-error-could-support-deceased = On ne peut pas demander de soutien maintenant à une personne décédée
inventory-error-snapshot-label = Donnez un libellé à l’instantané, p. ex. intake ou ending
inventory-error-snapshot-label-line = Le libellé tient sur une seule ligne
inventory-error-snapshot-future = La date ne peut pas être dans le futur
inventory-error-snapshot-date-form = La date doit être de la forme AAAA-MM-JJ
inventory-error-snapshot-session = Choisissez l’une des séances de ce traitement
inventory-error-no-version = Il manque la version du formulaire : rechargez la page et réessayez

## La figure du cercle de proximité (rapport-core inventory/circle.rs, dessinée dans src/ui/inventory.rs).

inventory-circle-centre = Patient·e
inventory-legend-support = Apporte un soutien au ou à la patient·e
inventory-legend-conflict = Conflit présent
inventory-legend-could-support = Pourrait apporter un soutien maintenant
inventory-legend-deceased = Décédé·e (contour en pointillé, †)
inventory-circle-person-in-ring =
    { $person }, cercle { $ring ->
        [inner] intérieur
        [middle] intermédiaire
        [outer] extérieur
       *[numbered] { $n }
    }
inventory-circle-opening =
    { $count ->
        [one] Le ou la patient·e au centre, entouré·e de { $count } personne.
       *[other] Le ou la patient·e au centre, entouré·e de { $count } personnes.
    }
inventory-circle-ring-list = { $ring } : { $people }.


## Ce qui a changé entre deux cercles (templates/inventory_compare.html ; la première lettre est mise en majuscule).

inventory-change-moved =
    { $direction ->
        [closer] s’est rapproché·e
       *[further] s’est éloigné·e
    } : cercle { $from ->
        [inner] intérieur
        [middle] intermédiaire
        [outer] extérieur
       *[numbered] { $from_n }
    } → { $to ->
        [inner] intérieur
        [middle] intermédiaire
        [outer] extérieur
       *[numbered] { $to_n }
    }
inventory-change-added =
    ajouté·e, dans le cercle { $ring ->
        [inner] intérieur
        [middle] intermédiaire
        [outer] extérieur
       *[numbered] { $n }
    }
inventory-change-removed =
    ne fait plus partie du cercle (était dans le cercle { $ring ->
        [inner] intérieur
        [middle] intermédiaire
        [outer] extérieur
       *[numbered] { $n }
    })
inventory-change-conflict-now = conflit désormais présent
inventory-change-conflict-gone = plus de conflit
inventory-change-support-received = soutien au ou à la patient·e : { $before } → { $after }
inventory-change-support-given = soutien du ou de la patient·e : { $before } → { $after }
inventory-change-died = est décédé·e
inventory-change-could-support-now = désormais marqué·e comme pouvant apporter un soutien
inventory-change-could-support-gone = n’est plus marqué·e comme pouvant apporter un soutien
inventory-support-none = aucun

# Problem-area facts (issue 19 item 4): what each chosen area's workspace records before the client agrees.
formulation-fact-missing = Avant que le client accepte la formulation, notez { $fact } dans l'espace de travail { $area }.
formulation-fact-person = qui est décédé
formulation-fact-person-id = la personne dans l'inventaire interpersonnel
formulation-fact-date-of-death = la date du décès
formulation-fact-loss = ce qui a été perdu
formulation-fact-loss-date = la date de la perte
formulation-fact-old-role = l'ancien rôle
formulation-fact-new-role = le nouveau rôle
formulation-fact-other-person = l'autre personne du conflit
formulation-facts-needed = À noter avant que le client accepte :
formulation-loss-other-is-transition = { $protocol } traite une perte autre qu'un décès comme une transition de rôle : choisissez la transition de rôle dans la formulation.
formulation-non-death-loss-hint = Une perte autre qu'un décès (une séparation, un emploi, la santé) est une transition de rôle dans { $protocol }.
formulation-last-resort = Le domaine de dernier recours : à choisir seulement s'il n'y a ni deuil, ni conflit, ni transition à travailler.
formulation-f-person-link = Personne dans l'inventaire interpersonnel
formulation-f-person-link-hint = Ajoutez-la d'abord dans l'onglet Inventaire si elle n'est pas dans la liste.
formulation-f-person-link-none = Non liée

# Inventory fields of the manuals (issue 19 item 6).
inventory-knows-yes = Est au courant
inventory-knows-partly = En sait quelque chose
inventory-knows-no = N'est pas au courant
inventory-error-knows-deceased = Une personne décédée ne peut pas être au courant de la dépression ; laissez vide
inventory-f-knows = Est-elle au courant de la dépression ?
inventory-f-knows-unknown = Pas demandé
inventory-f-communication = Façon habituelle de communiquer
inventory-f-communication-hint = Directement, par le silence, par d'autres, en se disputant...
inventory-f-feelings-together = Ce que ressent le client quand ils sont ensemble
inventory-f-linked-to-onset = La relation est liée au début de la dépression
inventory-field-knows = Au courant de la dépression
inventory-field-communication = Façon habituelle de communiquer
inventory-field-feelings-together = Ressenti quand ils sont ensemble
inventory-field-linked-to-onset = Liée au début
