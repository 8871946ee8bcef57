## Shared words of the administration and account pages.

admin-name = Nom
admin-email = Adresse e-mail
admin-role = Rôle
admin-password = Mot de passe
admin-country = Pays
admin-actions = Actions
admin-cancel = Annuler
admin-optional = (facultatif)
admin-two-step = Vérification en deux étapes
admin-form-too-large = Le formulaire est trop volumineux.
admin-form-unreadable = Formulaire illisible : { $reason }

## admin_users.html

admin-users-title = Utilisateurs
admin-users-subtitle = Les comptes du personnel de cette organisation
admin-users-new = Nouvel utilisateur
admin-users-status = Statut
admin-users-created = Créé
admin-users-holds-caseload = Suit des dossiers
admin-users-two-step = Deux étapes
admin-users-active = Actif
admin-users-deactivated = Désactivé
admin-users-your-account = Votre compte
admin-users-deactivate-confirm = Désactiver { $name } ? Cette personne est aussitôt déconnectée partout et ne peut plus se connecter avant la réactivation du compte.
admin-users-deactivate = Désactiver
admin-users-reactivate = Réactiver

## admin_user_form.html

admin-user-edit-title = Modifier { $name }
admin-user-is-self = C’est votre propre compte.
admin-user-account = Compte
admin-user-email-hint = L’adresse e-mail sert à se connecter et ne peut pas être modifiée ici.
admin-user-own-role-hint = Vous ne pouvez pas modifier votre propre rôle, vos dossiers ni votre supervision ; un·e autre administrateur·rice le peut.
admin-user-role-clinician = Thérapeute : voit les patient·es dont il ou elle fait partie de l’équipe de soins
admin-user-role-supervisor = Superviseur·e : voit aussi les patient·es des thérapeutes qu’il ou elle supervise
admin-user-role-facilitator = Animateur·rice de groupe : anime des groupes et ne voit que leurs membres ; pas de thérapie individuelle
admin-user-role-programme-manager = Responsable de programme : voit les résultats du programme de toute l’organisation en totaux et en taux, jamais le dossier d’un·e patient·e
admin-user-role-admin = Administrateur·rice : comptes, paramètres et journal d’audit
admin-user-practises = Administrateur·rices seulement : suit aussi des dossiers
admin-user-site = Site
admin-user-works-at = Travaille à
admin-user-site-hint = Un·e animateur·rice inscrit les nouvelles personnes sur ce site.
admin-user-no-sites = Aucun site pour l’instant :
admin-user-add-site = en ajouter un
admin-user-manage-sites = Gérer les sites
admin-user-no-site = Aucun site
admin-user-supervision = Supervision
admin-user-supervised-by = Supervisé·e par
admin-user-supervisor-hint = Son superviseur·e voit ses patient·es et ses groupes, et est averti·e quand un membre d’un groupe a besoin d’un suivi. Les superviseur·es peuvent aussi être supervisé·es (un·e formateur·rice principal·e).
admin-user-nobody-yet = Personne pour l’instant
admin-user-nobody-to-supervise = Personne à superviser pour l’instant : aucun·e thérapeute, animateur·rice ou autre superviseur·e actif·ve.
admin-user-supervisees = Personnes que cette personne supervise
admin-user-supervisees-hint = Pour les superviseur·es seulement. Ignoré pour les autres rôles.
admin-user-new-password-title = Définir un nouveau mot de passe
admin-user-initial-password = Mot de passe initial
admin-user-new-password = Nouveau mot de passe (laissez vide pour garder l’actuel)
admin-user-password-hint = Au moins 12 caractères ; pas un mot de passe courant. Transmettez-le à la personne de façon sûre.
admin-user-password-signs-out = Le définir la déconnecte partout.
admin-user-save = Enregistrer le compte
admin-user-create = Créer le compte
admin-user-sessions = Sessions
admin-user-sessions-hint = Déconnecter { $name } sur tous ses appareils, par exemple après la perte d’un téléphone ou sur un ordinateur partagé. Cette personne pourra se reconnecter avec son mot de passe.
admin-user-sessions-confirm = Déconnecter { $name } sur tous ses appareils ?
admin-user-sign-out-everywhere = Déconnecter partout
admin-user-mfa-hint = Activée. Si { $name } a perdu son téléphone et ses codes de secours, réinitialisez-la : cette personne se connectera alors avec son seul mot de passe et pourra la configurer à nouveau.
admin-user-mfa-reset-confirm = Réinitialiser la vérification en deux étapes de { $name } ?
admin-user-mfa-reset = Réinitialiser la vérification en deux étapes

## admin_reassign.html

admin-reassign-title = Transférer les patient·es de { $name }
admin-reassign-crumb = Transférer les patient·es
admin-reassign-subtitle = { $name } est le ou la thérapeute responsable des patient·es ci-dessous, qui ont un traitement en cours ou une alerte de risque ouverte. Personne ne doit rester sans quelqu’un qui voit ses alertes de risque.
admin-reassign-not-deactivated = Compte non désactivé.
admin-reassign-refused = Choisissez d’abord un·e nouveau·elle thérapeute responsable pour ces patient·es ; vous pouvez désactiver le compte dans la même étape.
admin-reassign-nobody = { $name } n’est responsable d’aucun·e patient·e ayant un traitement en cours ou une alerte de risque ouverte.
admin-reassign-all-title = Tout le monde à une même personne
admin-reassign-to-all = Nouveau·elle thérapeute responsable pour tous
admin-reassign-per-client = Choisir pour chaque patient·e ci-dessous
admin-reassign-one-by-one = Ou un par un
admin-reassign-one-by-one-hint = Un choix ici l’emporte sur celui du dessus. Le ou la nouvelle thérapeute rejoint l’équipe de soins du ou de la patient·e.
admin-reassign-table = Patient·es à transférer
admin-reassign-open-work = Travail en cours
admin-reassign-new-clinician = Nouveau·elle thérapeute responsable
admin-reassign-new-clinician-for = Nouveau·elle thérapeute responsable de { $name }
admin-reassign-as-above = Comme ci-dessus
admin-reassign-then-deactivate = Puis désactiver { $name }
admin-reassign-submit = Transférer
admin-reassign-open-courses =
    { $courses ->
        [one] { $courses } traitement en cours
       *[other] { $courses } traitements en cours
    }
admin-reassign-open-flags =
    { $flags ->
        [one] { $flags } alerte de risque ouverte
       *[other] { $flags } alertes de risque ouvertes
    }
admin-reassign-open-both =
    { $courses ->
        [one] { $courses } traitement en cours
       *[other] { $courses } traitements en cours
    }, { $flags ->
        [one] { $flags } alerte de risque ouverte
       *[other] { $flags } alertes de risque ouvertes
    }

## admin_settings.html

admin-settings-title = Paramètres
admin-settings-organisation = Organisation
admin-settings-org-name = Nom de l’organisation
admin-settings-default-language = Langue par défaut
admin-settings-default-language-hint = La langue des pages et des e-mails pour toute personne qui n’en a choisi aucune et dont le navigateur n’en demande aucune que Rapport propose.
admin-settings-default-language-unknown = Choisissez l’une des langues de la liste
admin-settings-sessions = Sessions et accès
admin-settings-sessions-hint = Les personnes connectées sont déconnectées après cette durée sans activité et, dans tous les cas, après la durée maximale de session (déconnexion automatique).
admin-settings-idle = Délai d’inactivité (minutes)
admin-settings-range = De { $min } à { $max }
admin-settings-lifetime = Durée maximale de session (heures)
admin-settings-break-glass = Durée de l’accès d’urgence (heures)
admin-settings-risk = Alertes de risque : délais et escalade
admin-settings-risk-hint = Comptés à partir du moment où l’alerte est levée. Un délai dépassé est signalé aux superviseur·es du ou de la thérapeute responsable du ou de la patient·e ; après le même intervalle, au ou à la thérapeute de garde (ou, s’il n’y en a pas, aux administrateur·rices) ; puis un rappel est répété à cet intervalle jusqu’à ce que le travail soit fait. Accuser réception n’arrête pas le délai d’évaluation.
admin-settings-risk-ack = Délai d’accusé de réception (heures)
admin-settings-risk-ack-hint = De 1 à 72 (4 par défaut)
admin-settings-risk-assess = Délai d’évaluation (heures)
admin-settings-risk-assess-hint = De 1 à 72 (24 par défaut) : une évaluation avec un niveau de risque enregistré
admin-settings-duty = Thérapeute de garde
admin-settings-duty-hint = Averti·e après les superviseur·es (facultatif)
admin-settings-duty-none = Aucun·e : les administrateur·rices
admin-settings-require-mfa = Exiger la vérification en deux étapes pour tous les comptes du personnel
admin-settings-require-mfa-hint = Les personnes sans application d’authentification configurée sont invitées à en configurer une à leur prochaine connexion, et ne peuvent rien utiliser d’autre avant de l’avoir fait.
admin-settings-self-rating = Demander aux thérapeutes et aux animateur·rices d’évaluer chaque séance qu’ils ou elles mènent
admin-settings-self-rating-hint = La page de la séance le leur rappelle ensuite jusqu’à ce que leur auto-évaluation soit enregistrée.
admin-settings-recordings = Conserver les enregistrements de séances pendant (jours)
admin-settings-recordings-hint = De 0 à 365. 0 : l’organisation ne fait aucun enregistrement. Sinon, un·e thérapeute peut téléverser l’audio d’une séance, avec le consentement du ou de la patient·e, pour que ses superviseur·es l’écoutent ; il est supprimé après ce nombre de jours.
admin-settings-closeness-title = Inventaire interpersonnel
admin-settings-closeness-rings = Cercles de proximité
admin-settings-closeness-rings-hint = De 3 à 6. Les manuels de TIP en dessinent trois (intérieur, intermédiaire, extérieur) ; davantage de cercles permettent de placer les personnes plus finement. Les cercles sont numérotés à partir de 1, le plus proche. Les instantanés gardent les cercles avec lesquels ils ont été pris.
admin-settings-time-zone = Fuseau horaire
admin-settings-time-zone-hint = Toutes les heures de Rapport sont affichées dans ce fuseau, et les heures des séances y sont lues (par exemple dans les flux d’agenda). Un nom de la base de données des fuseaux horaires, comme Europe/Paris, America/Montreal ou Africa/Dakar.
admin-settings-crisis = Ressources de crise
admin-settings-none-yet = Aucune pour l’instant
admin-settings-no-crisis-lines = Ajoutez les lignes de crise du pays où vous travaillez. D’ici là, les patient·es voient seulement : « { $line } »
admin-settings-crisis-hint = Affichées aux patient·es juste après une réponse à risque sur un lien de questionnaire ou dans le portail, et toujours accessibles dans le portail. Une par ligne, avec le numéro et les horaires, p. ex. « Urgences : 112 » ou « Ligne de crise : 3114 (gratuit, 24 h/24) ».
admin-settings-save = Enregistrer les paramètres
admin-settings-reminders = Rappels de séance
admin-settings-reminders-hint = Un e-mail à chaque patient·e avant une séance prévue, avec des liens vers les questionnaires à remplir. Les patient·es sans adresse e-mail n’en reçoivent pas ; le dossier de chaque patient·e peut en décider autrement. Envoyés par la boîte d’envoi ci-dessous.
admin-settings-send-reminders = Envoyer les rappels
admin-settings-save-reminders = Enregistrer les rappels
admin-reminders-choose = Choisissez quand partent les rappels
admin-settings-no-smtp = Aucun serveur de messagerie n’est défini ({ $option }) : les notifications, comme l’escalade des alertes de risque, restent dans la boîte d’envoi et ne sont pas envoyées par e-mail.
admin-settings-smtp = Les notifications sont envoyées par e-mail via { $server }.
admin-settings-see-outbox = Voir chaque message et s’il a été envoyé

## admin_email.html

admin-email-title = Notifications par e-mail
admin-email-crumb = E-mail
admin-email-subtitle = La boîte d’envoi : les notifications, comme l’escalade des alertes de risque, et si chacune a été envoyée par e-mail.
admin-email-server = Serveur de messagerie
admin-email-not-configured = Non configuré
admin-email-configured = Configuré
admin-email-no-smtp = Rapport a été lancé sans { $option } : rien n’est envoyé par e-mail et les messages attendent ici. Dès qu’un serveur de messagerie est configuré, les messages en attente partent, du plus ancien au plus récent.
admin-email-sent = Envoyés
admin-email-waiting = En attente
admin-email-failed-count = Échoués (abandon après { $attempts } tentatives)
admin-email-messages = Messages
admin-email-none = Aucun message pour l’instant.
admin-email-newest = Les plus récents d’abord, 200 au plus. Le texte des messages n’est pas affiché ici.
admin-email-table = Messages de la boîte d’envoi, les plus récents d’abord
admin-email-recipient = Destinataire
admin-email-recipient-user = utilisateur { $id }
admin-email-recipient-none = (aucun)
admin-email-retrying = Nouvelle tentative
admin-email-failed-attempts =
    { $count ->
        [one] { $count } tentative échouée
       *[other] { $count } tentatives échouées
    }
admin-email-next-try =
    { $count ->
        [one] { $count } tentative échouée ; prochain essai après le { $time }
       *[other] { $count } tentatives échouées ; prochain essai après le { $time }
    }
admin-email-failed = Échec
admin-email-gave-up = abandon après { $count } tentatives
admin-email-last-error = Dernière erreur : { $error }
admin-email-kind-account-notice = Avis concernant le compte
admin-email-kind-security-notice = Avis de sécurité
admin-email-kind-session-reminder = Rappel de séance
admin-email-kind-portal-invite = Invitation au portail
admin-email-kind-certification-renewal = Renouvellement de la certification
admin-email-kind-risk-flag-raised = Alerte de risque créée
admin-email-kind-risk-flag-escalated = Alerte de risque transmise à la supervision
admin-email-kind-risk-flag-escalated-no-supervisor = Alerte de risque transmise (sans superviseur·e)
admin-email-kind-risk-flag-escalated-duty = Alerte de risque transmise au ou à la thérapeute de garde
admin-email-kind-risk-flag-reminder = Rappel d’alerte de risque
admin-email-kind-risk-flag-group = Membre d’un groupe à contacter
admin-reminder-lead-off = Désactivés
admin-reminder-lead =
    { $hours ->
        [one] { $hours } heure avant
       *[other] { $hours } heures avant
    }

## admin_sites.html

admin-sites-title = Sites
admin-sites-subtitle = Villages, écoles et centres de santé où les groupes se réunissent et où les personnes sont inscrites
admin-sites-none = Aucun site pour l’instant. Ajoutez le premier ci-dessous.
admin-sites-kind = Type
admin-sites-added = Ajouté
admin-sites-not-given = Non précisé
admin-sites-add = Ajouter un site
admin-sites-kind-optional = Type (facultatif)
admin-sites-kind-hint = Avec vos propres mots, par exemple village, école ou centre de santé.
admin-sites-add-button = Ajouter le site

## admin_audit.html

admin-audit-title = Journal d’audit
admin-audit-subtitle = Chaque connexion et chaque lecture ou modification de données de patient·es, les plus récentes d’abord. Infalsifiable : vérifiez-le avec
admin-audit-download = Télécharger le CSV
admin-audit-filter-title = Filtrer les entrées
admin-audit-person = Personne
admin-audit-anyone = Tout le monde
admin-audit-action = Action
admin-audit-any-action = Toute action
admin-audit-outcome = Résultat
admin-audit-any-outcome = Tout résultat
admin-audit-client-id = Identifiant du ou de la patient·e
admin-audit-from = Du (date)
admin-audit-to = Au (date)
admin-audit-filter = Filtrer
admin-audit-clear = Effacer les filtres
admin-audit-none = Aucune entrée ne correspond.
admin-audit-entries = Entrées du journal d’audit
admin-audit-time = Heure
admin-audit-who = Qui
admin-audit-resource = Ressource
admin-audit-client = Patient·e
admin-audit-address = Depuis
admin-audit-detail = Détail
admin-audit-client-entries = Toutes les entrées du ou de la patient·e { $id }
admin-audit-pagination = Pagination
admin-audit-older = Entrées plus anciennes

## admin_break_glass.html

admin-reviews-title = Revues des accès
admin-reviews-subtitle = Accès d’urgence (bris de glace) aux dossiers de patient·es. Examinez chacun : était-il justifié ?
admin-reviews-none = Aucun accès d’urgence n’a été utilisé.
admin-reviews-table = Accès d’urgence
admin-reviews-when = Quand
admin-reviews-reason = Motif
admin-reviews-review = Revue
admin-reviews-until = jusqu’au { $time }
admin-reviews-trail = Journal d’audit
admin-reviews-trail-for = Journal d’audit de { $name }
admin-reviews-reviewed = Examiné
admin-reviews-reviewed-by = { $time }, par { $name }
admin-reviews-waiting = En attente de revue
admin-reviews-note = Note de revue
admin-reviews-note-placeholder = p. ex. Confirmé avec l’équipe
admin-reviews-mark = Marquer comme examiné

## account.html

account-title = Mon compte
account-my-record = Ma fiche
account-new-token-title = Nouveau jeton d’API « { $name } »
account-new-token-hint = Copiez-le maintenant : il n’est affiché qu’une fois. Il agit avec vos droits ; gardez-le secret.
account-copy-token = Copier le jeton
account-new-feed-title = L’adresse de votre flux d’agenda
account-new-feed-hint = Copiez-la maintenant : elle n’est affichée qu’une fois. Ajoutez-la à votre application d’agenda comme abonnement (« ajouter un agenda à partir d’une URL »). Toute personne ayant cette adresse voit vos séances : gardez-la privée, et réinitialisez-la ci-dessous si quelqu’un d’autre a pu la voir.
account-copy-address = Copier l’adresse
account-change-password = Changer de mot de passe
account-current-password = Mot de passe actuel
account-new-password = Nouveau mot de passe
account-password-hint = Au moins 12 caractères ; pas un mot de passe courant.
account-confirm-password = Confirmez le nouveau mot de passe
account-password-signs-out = Changer de mot de passe ferme vos autres sessions.
account-feed-title = Flux d’agenda
account-feed-hint = Une adresse privée à laquelle votre application d’agenda (Outlook, Google Agenda, Calendrier Apple) s’abonne, pour que vos séances prévues et tenues y apparaissent, dans le fuseau horaire de l’organisation. Elle ne demande aucune connexion : traitez-la comme un mot de passe. Chaque lecture par une application d’agenda est inscrite au journal d’audit.
account-on = Activée
account-off = Désactivée
account-feed-set-up = Votre flux est configuré. Son adresse a été affichée à sa création ; demandez-en une nouvelle (l’ancienne cesse de fonctionner) si vous l’avez perdue ou si elle a pu être vue.
account-feed-none = Pas encore de flux.
account-feed-reset = Réinitialiser l’adresse du flux
account-feed-make = Créer l’adresse de mon flux
account-feed-names = Dans le flux, les patient·es sont désigné·es par
account-feed-initials = Leurs initiales seulement (A.B.)
account-feed-full-names = Leur nom complet (votre application d’agenda et son fournisseur les détiendront alors)
account-feed-save-naming = Enregistrer
account-feed-names-invalid = Choisissez les initiales ou les noms complets
account-tokens-title = Jetons d’API
account-tokens-hint = Pour les scripts qui utilisent l’API JSON
account-openapi = document OpenAPI
account-tokens-rights = Un jeton agit avec vos droits.
account-no-tokens = Aucun jeton.
account-last-used = Dernière utilisation
account-never = jamais
account-revoked = Révoqué
account-revoke-confirm = Révoquer le jeton « { $name } » ? Les scripts qui l’utilisent cessent aussitôt de fonctionner.
account-revoke = Révoquer
account-token-name = Nom du nouveau jeton
account-token-placeholder = p. ex. script de rapports
account-create-token = Créer un jeton
account-mfa-on = La connexion demande votre mot de passe et un code de votre application d’authentification.
account-mfa-manage = Gérer la vérification en deux étapes et les codes de secours
account-mfa-off = Protégez votre compte : avec la vérification en deux étapes, un mot de passe volé ne suffit pas à l’ouvrir.
account-mfa-set-up = Configurer la vérification en deux étapes
account-kiosk-pin = Code PIN du mode kiosque
account-pin-set = Défini
account-pin-not-set = Non défini
account-kiosk-hint = Le code PIN déverrouille un appareil que vous confiez à un·e patient·e pour ses questionnaires (« Confier pour les questionnaires » sur la page du ou de la patient·e). Tant qu’il est confié, l’appareil n’affiche que les questionnaires de cette personne ; cinq codes erronés vous déconnectent.
account-new-kiosk-pin = Nouveau code PIN du mode kiosque
account-pin-hint = 4 à 8 chiffres ; pas un même chiffre répété (1111) ni une suite simple (1234).
account-pin-confirm = Confirmez le code PIN
account-your-current-password = Votre mot de passe actuel
account-change-kiosk-pin = Changer le code PIN
account-set-kiosk-pin = Définir le code PIN
account-sessions-title = Où vous êtes connecté·e
account-session-limits = Les sessions se terminent après { $minutes } minutes sans activité et après { $hours } heures au plus.
account-signed-in = Connexion
account-last-active = Dernière activité
account-address = Adresse
account-browser = Navigateur
account-this-session = Cette session
account-handed-over = Confié (kiosque)
account-sign-out-here = Se déconnecter ici
account-end-session = Fermer la session
account-sign-out-others = Fermer toutes les autres sessions
account-browser-unknown = Inconnu
account-browser-on = { $browser } sur { $system }
account-browser-on-system = Navigateur sur { $system }

## account_mfa.html, login_verify.html

mfa-title = Vérification en deux étapes
mfa-required-flash = Votre organisation exige la vérification en deux étapes. Configurez-la pour continuer.
mfa-qr-label = Code QR pour votre application d’authentification
mfa-status-on = Activée : la connexion demande votre mot de passe et un code de votre application d’authentification.
mfa-status-off = Désactivée : la connexion ne demande que votre mot de passe.
mfa-your-codes = Vos codes de secours
mfa-codes-hint = Chaque code vous connecte une fois si vous perdez votre téléphone. Conservez-les maintenant en lieu sûr (un gestionnaire de mots de passe, ou imprimez-les) : ils ne seront plus affichés.
mfa-copy-codes = Copier les codes
mfa-recovery-codes = Codes de secours
mfa-codes-left =
    { $count ->
        [one] Il vous reste { $count } code de secours inutilisé.
       *[other] Il vous reste { $count } codes de secours inutilisés.
    }
mfa-new-codes = Créer de nouveaux codes de secours
mfa-new-codes-hint = Les nouveaux codes remplacent tous les anciens.
mfa-turn-off-title = Désactiver
mfa-turn-off-confirm = Désactiver la vérification en deux étapes ? Toute personne ayant votre mot de passe pourrait alors se connecter.
mfa-turn-off = Désactiver la vérification en deux étapes
mfa-required-title = Obligatoire
mfa-required-hint = Votre organisation exige la vérification en deux étapes : elle ne peut pas être désactivée. Si vous perdez votre téléphone, utilisez un code de secours ou demandez à un·e administrateur·rice de la réinitialiser.
mfa-set-up-title = Configurez votre application d’authentification
mfa-step-install = Installez une application d’authentification sur votre téléphone (par exemple FreeOTP, Aegis, Google Authenticator ou Microsoft Authenticator).
mfa-step-scan = Dans l’application, ajoutez un compte et scannez ce code QR.
mfa-cannot-scan = Impossible de scanner ? Saisissez plutôt cette clé (basée sur le temps) :
mfa-enter-code = Saisissez le code à 6 chiffres affiché par l’application
mfa-turn-on = Activer la vérification en deux étapes
mfa-verify-intro = Ouvrez l’application d’authentification de votre téléphone et saisissez le code à 6 chiffres de Rapport.
mfa-verify-code = Code d’authentification
mfa-verify-code-hint = Téléphone perdu ? Saisissez plutôt l’un de vos codes de secours (comme { $example }).
mfa-verify = Vérifier
mfa-start-again = Recommencer

## setup.html

setup-title = Configurer Rapport
setup-intro = Créez le premier compte administrateur. Vous pourrez ajouter vos collègues ensuite.
setup-country-hint = Là où vous recevez vos patient·es. Rapport ne fournit les numéros de crise d’aucun pays : vous ajoutez les vôtres ci-dessous.
setup-crisis-lines = Lignes de crise
setup-crisis-hint = Affichées aux patient·es juste après une réponse à risque et toujours accessibles dans le portail. Une par ligne, avec le numéro et les horaires, p. ex. « Urgences : 112 ». Vous pourrez les ajouter ou les modifier plus tard dans Paramètres ; d’ici là, les patient·es voient seulement : « { $line } »
setup-your-name = Votre nom
setup-password-hint = Au moins 12 caractères. Quelques mots sans rapport entre eux conviennent bien. Vous pouvez le coller depuis un gestionnaire de mots de passe.
setup-confirm-password = Confirmez le mot de passe
setup-practises = Je reçois aussi des patient·es
setup-practises-hint = Cochez cette case dans un cabinet individuel ou petit. Sinon, ce compte gère les utilisateurs, les paramètres et le journal d’audit, et ne voit aucun dossier clinique.
setup-create = Créer le compte administrateur
setup-link-unusable = Ce lien de configuration ne peut pas être utilisé
setup-link-unusable-why = Il a expiré, a déjà été utilisé, ou Rapport est déjà configuré.
setup-restart = Si personne n’a encore configuré Rapport, relancez { $command } : la commande affiche un nouveau lien de configuration.
setup-otherwise = Sinon,
setup-sign-in = connectez-vous

## error.html and the messages of each kind of error (pages and API)

error-page-not-found = Page introuvable
error-page-not-allowed = Non autorisé
error-page-conflict = Modifié par quelqu’un d’autre
error-page-too-large = Trop volumineux
error-page-too-many = Trop de tentatives
error-page-went-wrong = Un problème est survenu
error-page-problem = Il y a un problème
error-page-status = Erreur { $status }.
error-page-start = Aller à la page d’accueil
error-page-not-found-message = Introuvable.
error-page-unauthenticated = Connectez-vous d’abord (navigateur) ou envoyez un jeton porteur valide (API).
error-page-invalid = Saisie non valide.
error-page-retry = Trop de tentatives. Réessayez dans { $seconds } secondes.
error-page-internal = Un problème est survenu de notre côté. Il a été consigné ; veuillez réessayer.

## E-mails: account notices (rapport-app notices.rs), worded in the recipient's language.

mail-hello = Bonjour { $name },
mail-never-password = Ce message a été envoyé automatiquement par Rapport. Il ne contient jamais de mot de passe.
mail-by-admin = { $name } <{ $email }>, administrateur·rice,
mail-by-operator = Un·e opérateur·rice, avec la commande rapport sur le serveur,
mail-by-operator-short = la ligne de commande du serveur
mail-by-operator-whoever = la personne qui gère le serveur Rapport
mail-role-admin-practising = Administrateur·rice (avec des dossiers)
mail-no-one = personne
mail-change-role = rôle modifié
mail-change-supervision = supervision modifiée
mail-change-supervisor-added = superviseur·e ajouté·e
mail-change-supervisor-removed = superviseur·e retiré·e
mail-change-password = mot de passe réinitialisé
mail-change-role-to-person = a changé votre rôle de { $from } à { $to }
mail-change-role-to-admins = a changé le rôle de { $name } <{ $email }> de { $from } à { $to }
mail-change-supervision-to-person = a modifié les personnes que vous supervisez ; vous supervisez désormais : { $list }, et voyez les patient·es des thérapeutes que vous supervisez
mail-change-supervision-to-admins = a modifié les personnes que { $name } <{ $email }> supervise ; désormais : { $list }
mail-change-supervisor-added-to-person = a fait de { $supervisor } <{ $supervisor_email }> votre superviseur·e ; cette personne voit désormais les patient·es de vos dossiers
mail-change-supervisor-removed-to-person = a retiré { $supervisor } <{ $supervisor_email }> de votre supervision ; cette personne ne voit plus les patient·es de vos dossiers
mail-change-supervisor-added-to-admins = a fait de { $supervisor } <{ $supervisor_email }> le ou la superviseur·e de { $name } <{ $email }>
mail-change-supervisor-removed-to-admins = a retiré { $supervisor } <{ $supervisor_email }> de la supervision de { $name } <{ $email }>
mail-change-password-to-person = a défini un nouveau mot de passe pour votre compte et vous a déconnecté·e partout
mail-change-password-to-admins = a défini un nouveau mot de passe pour { $name } <{ $email }> et l’a déconnecté·e partout
mail-contact-nobody = la personne responsable de Rapport dans votre organisation
mail-contact-admins = un·e autre administrateur·rice ({ $list })
mail-account-subject = Votre compte Rapport : { $change }
mail-account-changed = { $by } { $change } sur votre compte Rapport ({ $email }) le { $when }.
mail-account-unexpected = Si vous ne vous y attendiez pas, contactez sans attendre { $contact }.
mail-admin-subject = Rapport : { $change } de { $name } par { $by }
mail-admin-changed = { $by } { $change } le { $when }.
mail-admin-why = Vous êtes averti·e parce que vous êtes administrateur·rice. Si vous ne vous y attendiez pas, consultez le journal d’audit (Administration > Journal d’audit) et parlez sans attendre à { $actor }.

## The audit log's CSV export: column headers.

export-audit-seq = n°
export-audit-time-utc = heure_utc
export-audit-actor-id = id_acteur
export-audit-actor = acteur
export-audit-action = action
export-audit-resource-type = type_de_ressource
export-audit-resource-id = id_ressource
export-audit-client-id = id_patient
export-audit-ip = ip
export-audit-user-agent = navigateur
export-audit-outcome = résultat
export-audit-detail = détail
export-audit-prev-hash = hash_précédent
export-audit-hash = hash

## E-mails: session reminders to clients (rapport-app reminders.rs).

mail-reminder-subject = Rappel : votre séance du { $when }
mail-reminder-when-at = { $date } à { $time }
mail-reminder-body = Ceci est un rappel de votre séance avec { $org } le { $when }.
mail-reminder-fill-in = Avant la séance, merci de remplir :
mail-reminder-links = Chaque lien ne fonctionne qu’une fois, pendant 7 jours.
mail-reminder-cannot-come = Si vous ne pouvez pas venir, prévenez votre thérapeute.
mail-reminder-danger = Si vous êtes en danger ou ne pouvez pas assurer votre sécurité, appelez maintenant le numéro d’urgence local.

## E-mails: wrong two-step codes (rapport-app auth/second_step.rs).

mail-wrong-codes-subject = { $org } : codes de vérification erronés sur votre compte
mail-wrong-codes-body = Le { $when }, quelqu’un s’est connecté à votre compte { $org } avec votre mot de passe, puis a saisi { $count } codes de vérification en deux étapes erronés (depuis l’adresse { $address }).
mail-wrong-codes-advice = Si ce n’était pas vous, quelqu’un d’autre connaît votre mot de passe : changez-le dès maintenant sur la page de votre compte et prévenez votre administrateur·rice.
mail-wrong-codes-unknown-address = inconnue

## E-mails: certification renewals (rapport-app supervision.rs) and group checks (groups.rs).

mail-renewal-subject =
    { $state ->
        [expired] Rapport : votre certification { $pathway } a expiré le { $date }
       *[other] Rapport : votre certification { $pathway } expire le { $date }
    }
mail-renewal-body =
    { $state ->
        [expired] Votre certification { $pathway } a expiré le { $date }. Parlez de son renouvellement avec votre superviseur·e ; votre progression figure dans votre dossier professionnel (Mon compte dans Rapport : { $url }).
       *[other] Votre certification { $pathway } expire le { $date }. Parlez de son renouvellement avec votre superviseur·e ; votre progression figure dans votre dossier professionnel (Mon compte dans Rapport : { $url }).
    }
mail-renewal-supervisor-subject =
    { $state ->
        [expired] Rapport : la certification { $pathway } de { $name } a expiré le { $date }
       *[other] Rapport : la certification { $pathway } de { $name } expire le { $date }
    }
mail-renewal-supervisor-body =
    { $state ->
        [expired] La certification { $pathway } de { $name } a expiré le { $date }. Son dossier professionnel dans Rapport indique ce que demande le renouvellement : { $url }
       *[other] La certification { $pathway } de { $name } expire le { $date }. Son dossier professionnel dans Rapport indique ce que demande le renouvellement : { $url }
    }
mail-group-check-subject = Rapport : un membre d’un groupe doit être contacté aujourd’hui
mail-group-check-body =
    { $count ->
        [one] { $name } a enregistré une séance de groupe au cours de laquelle { $count } membre a répondu positivement à une question sur l’automutilation. L’alerte de risque est ouverte dans Rapport : { $url }
       *[other] { $name } a enregistré une séance de groupe au cours de laquelle { $count } membres ont répondu positivement à une question sur l’automutilation. L’alerte de risque est ouverte dans Rapport : { $url }
    }
mail-group-check-call = Merci d’appeler { $name } aujourd’hui.

## E-mails: client portal invitations and resets (rapport-app portal_access.rs), in the client's language.

mail-portal-hello = Bonjour,
mail-portal-subject =
    { $purpose ->
        [reset] Votre nouveau code de connexion au portail patient de { $org }
       *[other] Votre invitation au portail patient de { $org }
    }
mail-portal-intro =
    { $purpose ->
        [reset] { $name } a réinitialisé votre accès au portail patient de { $org }. Vous pouvez y remplir des questionnaires avant vos rendez-vous, tenir un journal entre les séances et retrouver ce que vous avez convenu avec votre thérapeute.
       *[other] { $name } vous invite sur le portail patient de { $org }. Vous pouvez y remplir des questionnaires avant vos rendez-vous, tenir un journal entre les séances et retrouver ce que vous avez convenu avec votre thérapeute.
    }
mail-portal-how =
    { $purpose ->
        [reset] Pour définir votre adresse e-mail et un nouveau mot de passe, ouvrez { $url } et choisissez un mot de passe. Votre code est { $code } ; il est valable jusqu’au { $until }.
       *[other] Pour créer votre compte, ouvrez { $url } et choisissez un mot de passe. Votre code est { $code } ; il est valable jusqu’au { $until }.
    }
mail-portal-ignore = Si vous n’attendiez pas cet e-mail, vous pouvez l’ignorer.
mail-portal-reset-subject = Votre accès au portail patient de { $org } est en cours de réinitialisation
mail-portal-reset-body = Le { $when }, { $name } a émis un code qui permet de définir une nouvelle adresse e-mail et un nouveau mot de passe pour votre compte du portail patient de { $org }. Une fois le code utilisé, cette adresse ({ $email }) ne permettra plus de se connecter.
mail-portal-reset-advice = Si vous l’avez demandé, vous n’avez rien à faire. Sinon, contactez { $org } sans attendre.

## Validation errors of these pages (rapport-app admin, account, setup; rapport-core organisation).

admin-error-role = Choisissez un rôle : administrateur·rice, superviseur·e, thérapeute, animateur·rice de groupe ou responsable de programme
admin-error-name = Saisissez un nom
admin-error-name-long = Le nom doit comporter 120 caractères au plus
admin-error-supervisees = Choisissez les personnes supervisées dans la liste des thérapeutes, animateur·rices et autres superviseur·es actif·ves
admin-error-site = Choisissez un site dans la liste
admin-error-email = Saisissez une adresse e-mail comme nom@exemple.org
admin-error-supervisor = Choisissez un·e superviseur·e actif·ve dans la liste
admin-error-admin-supervised = Les administrateur·rices et les responsables de programme ne sont pas supervisé·es
admin-error-role-still-responsible =
    { $count ->
        [one] Encore thérapeute référent·e de { $count } patient·e avec un suivi ou une alerte de risque ouverts : confiez-le à un·e autre thérapeute avant de faire de cette personne un·e responsable de programme
       *[other] Encore thérapeute référent·e de { $count } patient·es avec des suivis ou des alertes de risque ouverts : confiez-les à un·e autre thérapeute avant de faire de cette personne un·e responsable de programme
    }
admin-error-email-taken = Un compte avec cette adresse e-mail existe déjà
admin-error-last-admin = C’est le ou la seul·e administrateur·rice actif·ve ; nommez d’abord quelqu’un d’autre administrateur·rice
admin-error-own-role = Vous ne pouvez pas modifier votre propre rôle ni vos dossiers ; demandez à un·e autre administrateur·rice
admin-error-own-supervision = Vous ne pouvez pas modifier votre propre supervision ; demandez à un·e autre administrateur·rice
admin-error-holder = Choisissez un·e thérapeute actif·ve qui suit des dossiers
admin-error-not-theirs = Ce ou cette patient·e ne fait pas partie des siens avec un travail en cours
admin-error-takes-over = Choisissez qui prend le relais : une personne pour tous, ou une pour chaque patient·e
admin-error-org-name = Saisissez le nom de l’organisation
admin-error-org-name-long = Le nom de l’organisation doit comporter 120 caractères au plus
admin-error-duty = Le ou la thérapeute de garde doit être un compte actif qui suit des dossiers
account-error-new-mismatch = Les deux nouveaux mots de passe ne correspondent pas
account-error-same = Le nouveau mot de passe doit être différent de l’actuel
account-error-token-name = Nommez le jeton (80 caractères au plus), p. ex. « script de rapports »
account-error-language = Choisissez l’une des langues de la liste
setup-error-org-name = Saisissez le nom de votre cabinet ou de votre organisation
setup-error-country = Saisissez le pays où vous travaillez, pour que les patient·es voient les bonnes lignes de crise
setup-error-name = Saisissez votre nom
setup-error-mismatch = Les deux mots de passe ne correspondent pas
admin-error-crisis-none = Saisissez au moins une ressource de crise (une par ligne)
admin-error-crisis-lines = Ressources de crise : 12 lignes au plus
admin-error-crisis-line-long = Ressources de crise : chaque ligne doit comporter 200 caractères au plus
admin-error-country = Le pays doit tenir sur une ligne de 60 caractères au plus
admin-error-time-zone = Fuseau horaire : saisissez un nom de la base des fuseaux horaires, comme Europe/Paris
admin-error-idle = Le délai d’inactivité doit être un nombre entier de { $min } à { $max }
admin-error-lifetime = La durée maximale de session doit être un nombre entier de { $min } à { $max }
admin-error-break-glass = La durée de l’accès d’urgence doit être un nombre entier de { $min } à { $max }
admin-error-risk-ack = Le délai d’accusé de réception (heures) doit être un nombre entier de { $min } à { $max }
admin-error-recordings = La conservation des enregistrements (jours ; 0 : aucun enregistrement) doit être un nombre entier de { $min } à { $max }
admin-error-closeness-rings = Le nombre de cercles de proximité doit être un nombre entier de { $min } à { $max }
admin-error-closeness-rings-in-use =
    { $count ->
        [one] Une personne se trouve dans un cercle au-delà du cercle { $rings }. Rapprochez-la d’abord dans l’inventaire de son ou sa patient·e, ou gardez plus de cercles.
       *[other] { $count } personnes se trouvent dans des cercles au-delà du cercle { $rings }. Rapprochez-les d’abord dans les inventaires de leurs patient·es, ou gardez plus de cercles.
    }
admin-error-risk-assess = Le délai d’évaluation (heures) doit être un nombre entier de { $min } à { $max }
account-password-too-short = Le mot de passe doit comporter au moins { $min } caractères (quelques mots conviennent bien)
account-password-too-long = Le mot de passe doit comporter { $max } caractères au plus
account-password-common = Ce mot de passe est trop courant : choisissez quelque chose que d’autres ne devineraient pas
account-password-contains-email = Le mot de passe ne doit pas contenir votre adresse e-mail
admin-audit-outcome-success = réussi
admin-audit-outcome-denied = refusé

## Clients machine (SMART Backend Services)
admin-fhir-clients-title = Clients machine
admin-fhir-clients-subtitle = Systèmes autorisés à récupérer des dossiers en masse par FHIR, comme un entrepôt de données ou le système d’une autre clinique
admin-fhir-clients-none = Aucun client machine pour l’instant.
admin-fhir-clients-id = Identifiant du client
admin-fhir-clients-scopes = Portées
admin-fhir-clients-disabled = Désactivé
admin-fhir-clients-actions = Actions
admin-fhir-clients-disable = Désactiver
admin-fhir-clients-disable-named = Désactiver { $name }
admin-fhir-clients-add = Enregistrer un client machine
admin-fhir-clients-how = Le système signe un court message avec sa clé privée et l’envoie à { $url } pour obtenir un jeton d’accès de cinq minutes. Son identifiant de client (affiché ci-dessus une fois enregistré) figure dans ce message.
admin-fhir-clients-keys = Clés publiques
admin-fhir-clients-keys-hint = Collez le jeu de clés publiques du système en JSON (un JWKS avec des clés RSA ou EC P-384). Ne collez jamais une clé privée.
admin-fhir-clients-scopes-hint = Ce qu’il peut lire, séparé par des espaces : system/*.read pour tout, ou par exemple system/Observation.read system/Patient.read.
admin-fhir-clients-add-button = Enregistrer le client
