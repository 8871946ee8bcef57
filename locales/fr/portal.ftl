## The client's side: the portal, measure links and the kiosk, in the client's
## language; and the care team's portal page and kiosk hand-over.

## The portal's frame (templates/portal_base.html).

portal-help-now = Aide immédiate
portal-nav-label = Vos pages
portal-nav-home = Accueil
portal-nav-diary = Journal
portal-nav-safety-plan = Plan de sécurité
portal-footer-unsafe = Si vous ne vous sentez pas en sécurité ou risquez de vous faire du mal, { $link }. Personne ne lit ces messages en direct.
portal-footer-get-help = obtenez de l’aide tout de suite
portal-back-home = Retour à votre page d’accueil
portal-crisis-title = Si vous avez besoin d’aide maintenant
portal-language-unknown = Choisissez l’une des langues proposées

## Notices after a change.

portal-notice-reauth-failed = Vous avez été déconnecté·e après trop de mots de passe erronés. Reconnectez-vous.
portal-notice-diary = Enregistré dans votre journal. Votre thérapeute le verra avant votre prochain rendez-vous.
portal-notice-reflection = Merci. Votre thérapeute lira vos réflexions avant votre prochain rendez-vous.
portal-notice-password = Mot de passe modifié. Vous avez été déconnecté·e partout ailleurs.

## Sign in and set up (portal_login.html, portal_join.html).

portal-login-email = Adresse e-mail
portal-login-first-time = C’est votre première visite ? { $link }.
portal-login-join-link = Créez votre compte avec votre code d’invitation
portal-login-forgotten = Mot de passe oublié ? Demandez à votre thérapeute de réinitialiser votre accès au portail.
portal-join-title = Créer votre compte
portal-join-intro = Votre thérapeute vous a remis une invitation avec un code. Saisissez-le ici et choisissez un mot de passe.
portal-join-code = Code d’invitation
portal-join-email = Votre adresse e-mail
portal-join-email-hint = Elle vous servira à vous connecter.
portal-join-password = Choisissez un mot de passe
portal-join-password-again = Saisissez à nouveau le mot de passe
portal-join-submit = Créer mon compte
portal-join-already = Votre compte existe déjà ? { $link }.

## Help now (portal_help.html).

portal-help-intro = Si vous pensez à vous faire du mal ou à mettre fin à vos jours, ou si vous ne vous sentez pas en sécurité, contactez tout de suite l’un de ces services. Vous n’avez pas à attendre votre prochain rendez-vous.
portal-help-not-live = Personne ne surveille ce portail en direct. Votre thérapeute lit ce que vous envoyez ici lors de votre prochain rendez-vous ou avant.

## Home (portal_home.html).

portal-home-hello = Bonjour { $name }
portal-home-due-title = Questionnaires à remplir
portal-home-due-none = Rien à remplir pour le moment. Merci.
portal-home-due-intro = Merci de les remplir avant votre prochain rendez-vous. Chacun prend quelques minutes.
portal-home-due-waiting = En attente depuis votre dernier rendez-vous
portal-home-due-follow-up =
    { $months ->
        [one] Suivi à { $months } mois
       *[other] Suivi à { $months } mois
    }
portal-home-work-title = Tâche entre les séances
portal-home-work-agreed = Convenue lors de votre rendez-vous du { $date }
portal-home-work-none = Rien n’a encore été convenu. Vous et { $clinician } pourrez convenir de quelque chose à essayer entre les rendez-vous.
portal-home-next-title = Votre prochain rendez-vous
portal-home-next-at = { $date } à { $time }
portal-home-next = { $when }, avec { $clinician }.
portal-home-next-none = Aucun rendez-vous n’est encore fixé. Votre thérapeute est { $clinician }.
portal-home-diary-title = Depuis notre dernière rencontre
portal-home-diary-intro = Notez comment vous vous sentez et ce qui se passe avec les personnes de votre vie. Votre thérapeute le lit avant votre prochain rendez-vous.
portal-home-diary-count =
    { $count ->
        [0] Aucune note dans le journal ces 7 derniers jours.
        [one] { $count } note dans le journal ces 7 derniers jours.
       *[other] { $count } notes dans le journal ces 7 derniers jours.
    }
portal-home-diary-write = Écrire dans mon journal

## Questionnaires (portal_measure.html, portal_measure_done.html; the measure-link
## and kiosk pages share these).

portal-measure-send = Envoyer mes réponses
portal-measure-send-anyway = Envoyer quand même
portal-measure-who-reads = Vos réponses sont transmises à votre thérapeute, qui les lira lors de votre prochain rendez-vous ou avant. Personne ne les lit en direct. Si vous avez besoin d’aide maintenant, { $link }.
portal-measure-who-to-contact = voyez qui contacter
portal-done-title = Merci
portal-done-sent = Vos réponses ont été transmises à votre thérapeute.
portal-done-not-live = Votre thérapeute les verra lors de votre prochain rendez-vous ou avant. Elles ne sont pas suivies en direct.
portal-done-follow-up-title = Encore un questionnaire, s’il vous plaît
portal-done-follow-up = D’après vos réponses, votre thérapeute aurait besoin d’en savoir un peu plus. Merci de remplir maintenant le { $questionnaire } ; cela prend quelques minutes.
portal-done-follow-up-answer = Répondre au { $questionnaire }

## My progress (portal_progress.html).

portal-progress-title = Mon évolution
portal-progress-hidden = Votre thérapeute passera en revue avec vous les résultats de vos questionnaires lors de vos rendez-vous.
portal-progress-none = Vos résultats s’afficheront ici une fois que vous aurez rempli un questionnaire.
portal-progress-intro = Chaque courbe montre vos scores au fil du temps. Pour ces questionnaires, un score plus bas signifie moins de symptômes. Les bandes ombrées indiquent ce que signifient habituellement les plages de scores ; votre thérapeute peut vous les expliquer.
portal-progress-as-table = { $questionnaire } sous forme de tableau
portal-progress-scores = Scores au { $questionnaire }
portal-progress-date = Date
portal-progress-score = Score
portal-progress-range = Plage

## My plan (portal_plan.html).

portal-plan-title = Mon plan
portal-plan-focus-title = Ce sur quoi nous travaillons
portal-plan-focus-none = Vous et votre thérapeute conviendrez de ce sur quoi vous concentrer lors des premiers rendez-vous. Cela s’affichera ici.
portal-plan-agreed-on = Convenu le { $date }
portal-plan-goals-title = Mes objectifs
portal-plan-goals-none = Aucun objectif n’a encore été convenu.
portal-plan-goal-rated = dernière évaluation : { $rating } sur 10
portal-goal-active = En cours
portal-goal-achieved = Atteint
portal-goal-revised = Reformulé
portal-goal-dropped = Abandonné
portal-plan-thoughts-title = Mes réflexions
portal-plan-thoughts-intro = Quelque chose manque ou ne vous semble pas tout à fait juste ? Écrivez-le ici pour votre thérapeute.
portal-plan-thoughts-about = À propos de
portal-plan-thoughts-yours = Vos réflexions
portal-plan-thoughts-send = Envoyer à mon thérapeute
portal-plan-thoughts-before = Ce que vous avez écrit auparavant
portal-reflection-error-topic = Choisissez le sujet de vos réflexions : la formulation ou les objectifs
portal-reflection-error-body = Écrivez vos réflexions avant d’envoyer

## My diary (portal_diary.html).

portal-diary-title = Mon journal
portal-diary-new-title = Comment cela s’est-il passé ?
portal-diary-new-intro = Notez votre humeur, quelque chose qui s’est passé avec quelqu’un, ou les deux. Votre thérapeute le lit avant votre prochain rendez-vous.
portal-diary-day = Jour
portal-diary-mood = Mon humeur, de 0 (très basse) à 10 (très bonne)
portal-diary-event = Que s’est-il passé avec quelqu’un ? (facultatif)
portal-diary-person = Avec qui ? (facultatif)
portal-diary-effect = Comment vous êtes-vous senti·e ensuite ? (facultatif)
portal-diary-effect-better = Je me suis senti·e mieux
portal-diary-effect-worse = Je me suis senti·e moins bien
portal-diary-effect-no-change = Pas de changement
portal-diary-save = Enregistrer dans mon journal
portal-diary-past-title = Les 60 derniers jours
portal-diary-past-none = Rien d’écrit pour l’instant.
portal-diary-error-day-missing = Choisissez le jour concerné
portal-diary-error-day-too-old = Le jour doit se situer dans les 60 derniers jours
portal-diary-error-mood-number = L’humeur doit être un nombre entier de 0 à 10
portal-diary-error-effect = Choisissez mieux, moins bien ou pas de changement
portal-diary-error-event-missing = Écrivez ce qui s’est passé
portal-diary-error-empty = Choisissez votre humeur, ou écrivez ce qui s’est passé (ou les deux)

## My safety plan (portal_safety_plan.html).

portal-safety-title = Mon plan de sécurité
portal-safety-version = Élaboré avec votre thérapeute · version { $version }, { $date }
portal-safety-warning-signs = 1. Signes qu’une crise pourrait arriver
portal-safety-coping = 2. Ce que je peux faire seul·e pour me changer les idées
portal-safety-distractions = 3. Personnes et lieux qui m’aident à me sentir mieux
portal-safety-people = 4. Personnes à qui je peux demander de l’aide
portal-safety-professionals = 5. Professionnel·les et services que je peux contacter
portal-safety-environment = 6. Rendre mon environnement plus sûr
portal-safety-reasons = 7. Ce qui compte pour moi et pour quoi il vaut la peine de vivre

## Change my password (portal_password.html).

portal-password-title = Changer mon mot de passe
portal-password-current = Mot de passe actuel
portal-password-new = Nouveau mot de passe
portal-password-hint = Au moins 12 caractères. Quelques mots ordinaires mis bout à bout font l’affaire.
portal-password-again = Saisissez à nouveau le nouveau mot de passe
portal-password-signs-out = Le changer vous déconnecte de vos autres téléphones et ordinateurs.

## Measure links without an account (link_*.html).

link-created-title = Lien vers le questionnaire · { $client }
link-footer-unsafe = Si vous ne vous sentez pas en sécurité ou risquez de vous faire du mal, { $link }. Personne ne lit ces réponses en direct.
link-form-who-reads = Vos réponses sont transmises à votre thérapeute, qui les lira lors de votre prochain rendez-vous ou avant. Personne ne les lit en direct.
link-done-close = Vous pouvez fermer cette page.
link-gone-unknown-title = Ce lien ne fonctionne pas
link-gone-unknown = Vérifiez que vous avez copié le lien en entier. S’il ne fonctionne toujours pas, demandez-en un nouveau à votre thérapeute.
link-gone-used-title = Ce questionnaire a déjà été envoyé
link-gone-used = Merci : vos réponses ont bien été reçues. Chaque lien ne sert qu’une fois. Si vous devez modifier une réponse, dites-le à votre thérapeute lors de votre prochain rendez-vous.
link-gone-expired-title = Ce lien a expiré
link-gone-expired = Les liens sont valables 7 jours. Si votre thérapeute souhaite que vous le remplissiez, demandez-lui-en un nouveau.
link-gone-refused-title = Ce lien ne peut plus être utilisé
link-gone-refused = Rien n’a été enregistré. Demandez un nouveau lien à votre thérapeute.

## Kiosk mode: the questionnaires handed to the client (kiosk_*.html).

kiosk-footer-unsafe = Si vous ne vous sentez pas en sécurité ou risquez de vous faire du mal, { $link }. Personne ne lit vos réponses en direct.
kiosk-return-title = Rendre à votre thérapeute
kiosk-greeting =
    { $after ->
        [0] Bonjour { $name }. Votre thérapeute vous demande de répondre à ce questionnaire.
       *[other] Bonjour { $name }. Votre thérapeute vous demande de répondre à celui-ci et à { $after } autre(s).
    }
kiosk-measure-who-reads = Vos réponses sont transmises à votre thérapeute. Si vous avez besoin d’aide maintenant, { $link }.
kiosk-done-thanks = Merci, { $name }
kiosk-done-all-title = C’est terminé
kiosk-done-all = C’est terminé, { $name }
kiosk-support-title = Vous n’avez pas à faire face seul·e
kiosk-support-intro = Merci de nous avoir dit comment les choses se sont passées. En rendant l’appareil, dites à votre thérapeute comment vous vous sentez. Si vous pensez à vous faire du mal ou à mettre fin à vos jours, ou si vous ne vous sentez pas en sécurité maintenant, vous pouvez aussi contacter tout de suite l’un de ces services :
kiosk-done-one-more = Il reste un questionnaire : le { $questionnaire }.
kiosk-done-next = Questionnaire suivant
kiosk-done-hand-back = Il n’y a plus de questionnaire. Merci de rendre l’appareil à votre thérapeute.
kiosk-help-intro = Si vous pensez à vous faire du mal ou à mettre fin à vos jours, ou si vous ne vous sentez pas en sécurité, dites-le maintenant à votre thérapeute ou contactez tout de suite l’un de ces services :
kiosk-back = Retour aux questionnaires

## Kiosk mode: the clinician's side (kiosk_handover.html, kiosk_unlock.html).

kiosk-handover-page-title = Confier l’appareil : { $client }
kiosk-handover-crumb = Confier l’appareil
kiosk-handover-title = Confier l’appareil pour les questionnaires
kiosk-handover-pin-first = Définissez d’abord un code PIN de borne.
kiosk-handover-pin-why = Le code PIN vous rend la main sur cet appareil quand le ou la patient·e vous le rend.
kiosk-handover-pin-set = Définir un code PIN de borne sur votre page de compte
kiosk-handover-intro = Ce navigateur n’affichera que les questionnaires de { $client }, dans la formulation destinée aux patient·es et sans scores, jusqu’à ce que vous saisissiez votre code PIN de borne. Vos dossiers, les autres patient·es et le reste de Rapport restent verrouillés pendant ce temps ; cinq codes PIN erronés vous déconnectent.
kiosk-handover-due = À remplir maintenant
kiosk-handover-choose = Rien n’est à remplir maintenant. Choisissez quoi proposer
kiosk-handover-start = Confier maintenant
kiosk-handover-back = Retour à { $client }
kiosk-handover-no-pin = Définissez un code PIN de borne sur votre page de compte avant de confier l’appareil
kiosk-handover-unknown = Choisissez des questionnaires dans la liste
kiosk-handover-none-picked = Rien n’est à remplir : choisissez au moins un questionnaire à proposer
kiosk-pin-mismatch = Les deux codes PIN ne correspondent pas
kiosk-unlock-intro = Pour { $clinician } : saisissez votre code PIN de borne pour quitter le mode borne. Cinq codes PIN erronés vous déconnectent.
kiosk-unlock-pin = Code PIN de borne
kiosk-unlock-submit = Déverrouiller
kiosk-unlock-wrong-pin =
    { $left ->
        [1] Ce code PIN n’est pas correct. Un code PIN erroné de plus vous déconnectera.
       *[other] Ce code PIN n’est pas correct. Il vous reste { $left } essais sur { $tries }.
    }

## The care team's portal page (client_portal.html) and a printed code
## (portal_invite_created.html).

portal-staff-breadcrumb = Fil d’Ariane
portal-staff-page-title = Portail · { $client }
portal-staff-crumb = Portail
portal-staff-subtitle = Portail patient·e
portal-staff-emergency = Accès d’urgence.
portal-staff-emergency-text = Vous ne faites pas partie de l’équipe de soins de ce·tte patient·e. Cet accès est enregistré avec votre motif et sera examiné par un·e administrateur·rice.
portal-staff-account-title = Compte
portal-staff-active = Actif
portal-staff-turned-off = Désactivé
portal-staff-signs-in-as = Se connecte avec { $email }
portal-staff-set-up = créé le { $date }
portal-staff-last-active = dernière activité : { $date }
portal-staff-turn-off = Désactiver le compte
portal-staff-turn-off-hint = La désactivation déconnecte immédiatement le ou la patient·e. Réinitialiser l’accès au portail lui permet de revenir, avec un nouveau mot de passe.
portal-staff-no-account = Pas encore de compte sur le portail.
portal-staff-no-account-invite = Pas encore de compte sur le portail. Invitez le ou la patient·e ci-dessous.
portal-staff-readonly = Vous êtes ici par un accès d’urgence : les invitations, le compte du portail, le partage et les liens de questionnaire restent du ressort de l’équipe de soins.
portal-staff-invite-title = Inviter le ou la patient·e
portal-staff-invite-intro = Le ou la patient·e utilise un code à usage unique pour choisir son mot de passe sur /portal/join. Un code fonctionne une fois et pendant { $days } jours ; une nouvelle invitation annule toute invitation en cours.
portal-staff-on-paper = Sur papier
portal-staff-invite-paper-hint = Affiche le code une seule fois, sur une page à imprimer ou à lire à voix haute.
portal-staff-invite-paper = Créer une invitation imprimée
portal-staff-by-email = Par e-mail
portal-staff-client-email = Adresse e-mail du ou de la patient·e
portal-staff-invite-email = Envoyer une invitation par e-mail
portal-staff-invite-email-hint = Envoyée depuis la boîte d’envoi lorsque l’envoi d’e-mails est configuré ; le code n’est pas conservé après l’envoi.
portal-staff-reset-title = Réinitialiser l’accès au portail
portal-staff-reset-intro = Si le ou la patient·e a oublié son mot de passe, n’a plus accès à sa messagerie ou si le compte a été désactivé, un code de réinitialisation lui permet de choisir une nouvelle adresse e-mail et un nouveau mot de passe. L’adresse actuelle du compte est prévenue immédiatement, et ses sessions prennent fin quand le code est utilisé.
portal-staff-reset-paper-hint = Affiche le code de réinitialisation une seule fois, pour le remettre en main propre.
portal-staff-reset-paper = Créer un code de réinitialisation imprimé
portal-staff-reset-address = Adresse à laquelle envoyer le code de réinitialisation
portal-staff-reset-email = Envoyer un code de réinitialisation par e-mail
portal-staff-reset-responsible-only = Seul·e le ou la thérapeute référent·e, { $clinician }, peut réinitialiser l’accès au portail.
portal-staff-codes-title = Codes émis
portal-staff-col-created = Créé
portal-staff-col-by = Par
portal-staff-col-kind = Type
portal-staff-col-how = Mode
portal-staff-col-expires = Expire
portal-staff-col-status = État
portal-staff-col-actions = Actions
portal-staff-kind-reset = Réinitialisation
portal-staff-how-email = E-mail à { $email }
portal-staff-how-printed = Imprimé
portal-staff-status-open = Ouvert
portal-staff-status-used = Utilisé
portal-staff-status-expired = Expiré
portal-staff-status-withdrawn = Annulé
portal-staff-withdraw = Annuler
portal-staff-sharing-title = Ce que montre le portail
portal-staff-share-chart = Montrer au ou à la patient·e ses propres scores aux questionnaires sous forme de graphique
portal-staff-share-plan = Partager la formulation (son énoncé en langage simple et ses domaines problématiques) et les objectifs, en lecture seule, avec de la place pour les réflexions du ou de la patient·e
portal-staff-save = Enregistrer
portal-staff-chart-hidden = Graphique des questionnaires : masqué.
portal-staff-chart-shown = Graphique des questionnaires : affiché.
portal-staff-plan-shared = Formulation et objectifs : partagés.
portal-staff-plan-not-shared = Formulation et objectifs : non partagés.
portal-staff-always-shown = Toujours affichés : les questionnaires à remplir, la tâche entre les séances de la dernière note signée, le prochain rendez-vous, le journal et les ressources de crise.
portal-staff-safety-plan-shared = La version { $version } du plan de sécurité est partagée (à choisir en enregistrant une version sur une alerte de risque).
portal-staff-safety-plan-not-shared = La version { $version } du plan de sécurité n’est pas partagée (à choisir en enregistrant une version sur une alerte de risque).
portal-staff-no-safety-plan = Il n’y a pas encore de plan de sécurité.
portal-staff-diary-title = Journal (60 derniers jours)
portal-staff-diary-none = Le ou la patient·e n’a rien écrit dans son journal.
portal-staff-reflections-title = Les réflexions du ou de la patient·e sur le plan partagé
portal-staff-reflections-none = Aucune pour l’instant.
portal-staff-delivery = Choisissez comment remettre le code : imprimé ou par e-mail
portal-staff-email-invalid = Saisissez l’adresse e-mail du ou de la patient·e, par exemple nom@example.org
portal-invite-page-title = Invitation au portail · { $client }
portal-invite-page-title-reset = Accès au portail réinitialisé · { $client }
portal-invite-crumb = Invitation
portal-invite-crumb-reset = Code de réinitialisation
portal-invite-created = Invitation créée. Le code n’est affiché que maintenant : imprimez cette page ou lisez le code à voix haute. Il ne pourra plus être affiché.
portal-invite-created-reset = Code de réinitialisation créé. L’adresse actuelle du compte a été prévenue. Le code n’est affiché que maintenant : imprimez cette page ou lisez le code à voix haute. Il ne pourra plus être affiché.
portal-invite-letter-title = Votre invitation au portail patient·e de { $organisation }
portal-invite-letter-reset-title = Votre nouveau code de connexion au portail patient·e de { $organisation }
portal-invite-for = Pour { $client }
portal-invite-what = Sur le portail, vous pouvez remplir des questionnaires avant vos rendez-vous, tenir un journal entre les séances et voir ce que vous avez convenu avec votre thérapeute.
portal-invite-step-go = Rendez-vous sur { $address }
portal-invite-relative-address = l’adresse de ce service suivie de { $path }
portal-invite-step-code = Saisissez votre code :
portal-invite-step-password = Saisissez votre adresse e-mail et choisissez un mot de passe.
portal-invite-step-password-reset = Saisissez votre adresse e-mail et choisissez un nouveau mot de passe.
portal-invite-until = Le code fonctionne une fois, jusqu’au { $date }.
portal-invite-unsafe = Si vous ne vous sentez pas en sécurité ou risquez de vous faire du mal, n’attendez pas le portail : la page « Aide immédiate » du portail indique qui contacter.
portal-invite-print = Utilisez la commande Imprimer de votre navigateur ; la navigation et les boutons n’apparaissent pas à l’impression.
portal-invite-back = Retour à la page du portail

## Le journal n’est pas suivi en direct (issue 19 item 3, décision 50)
portal-diary-not-live = Votre journal n’est pas suivi en direct : personne n’est prévenu au moment où vous écrivez. Si vous avez besoin d’aide maintenant, { $link }.
