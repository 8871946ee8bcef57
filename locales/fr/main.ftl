## Le cadre commun des pages du personnel (templates/base.html, auth_base.html).

skip-to-content = Aller au contenu principal
nav-main = Principale
nav-today = Aujourd’hui
nav-caseload = Dossiers
nav-calendar = Agenda
nav-emergency-access = Accès d’urgence
nav-risk-flags = Alertes de risque
nav-not-yet-closed = pas encore clôturées
nav-groups = Groupes
nav-supervision = Supervision
nav-programme = Programme
nav-users = Utilisateurs
nav-sites = Sites
nav-fhir-clients = Clients machine
nav-adaptations = Adaptations
nav-audit-log = Journal d’audit
nav-access-reviews = Revue des accès
nav-waiting = en attente
nav-settings = Paramètres
nav-my-account = Mon compte
signed-in-as = Connecté·e en tant que
sign-out = Se déconnecter
role-admin = Administrateur·rice
role-supervisor = Superviseur·e
role-clinician = Thérapeute
role-facilitator = Animateur·rice de groupe
role-programme-manager = Responsable de programme
role-client = Patient·e
risk-flags-open =
    { $count ->
        [one] { $count } alerte de risque concernant vos patient·es n’est pas encore clôturée : examinez-la maintenant.
       *[other] { $count } alertes de risque concernant vos patient·es ne sont pas encore clôturées : examinez-les maintenant.
    }
footer-confidential = { $organisation } · Rapport · Les dossiers sont confidentiels ; chaque accès est enregistré.

## Le sélecteur de langue du pied de page.

language-label = Langue
language-change = Changer de langue

## La page de connexion (templates/login.html) et ses messages.

sign-in = Se connecter
sign-in-not-set-up = Rapport n’est pas encore configuré. Ouvrez le lien de configuration à usage unique que { $command } a affiché dans le terminal.
error-prefix = Erreur :
error-summary-title = Il y a un problème
sign-in-email = Adresse e-mail
sign-in-password = Mot de passe
sign-in-forgotten = Mot de passe oublié ? Demandez à la personne qui administre Rapport de vous en attribuer un nouveau.
sign-in-notice-signed-out = Vous êtes déconnecté·e.
sign-in-notice-setup = Votre compte d’administration est prêt. Connectez-vous pour continuer.
sign-in-notice-expired = Votre session a pris fin. Reconnectez-vous.
sign-in-notice-password = Mot de passe modifié. Connectez-vous avec votre nouveau mot de passe.
sign-in-notice-verify-expired = La connexion a pris trop de temps ou comptait trop de codes erronés. Reconnectez-vous.
sign-in-notice-reauth-failed = Vous avez été déconnecté·e après trop de mots de passe actuels erronés. Reconnectez-vous.
sign-in-notice-kiosk-signed-out = Le mode kiosque a pris fin après trop de codes PIN erronés, et vous avez été déconnecté·e. Reconnectez-vous.

sign-in-refused-incomplete = Saisissez votre adresse e-mail et votre mot de passe.
sign-in-refused-wrong-password = L’adresse e-mail ou le mot de passe est incorrect.
sign-in-refused-wrong-code = Ce code est incorrect ou a déjà servi. Saisissez le code actuel de votre application, ou un code de secours.
sign-in-refused-throttled = Trop de tentatives échouées. Attendez { $seconds } secondes, puis réessayez.

## La section langue de la page du compte (templates/account.html).

account-language-title = Langue
account-language-hint = Rapport vous présente ses pages dans cette langue. Les pages pas encore traduites restent en anglais.
account-language-save = Enregistrer la langue
account-language-saved = Langue enregistrée.
account-language-negotiated = Vous n’en avez choisi aucune : Rapport suit votre navigateur, puis la langue par défaut de votre organisation.

# Un formulaire refusé par le contrôle des requêtes intersites (security.rs).
csrf-other-site = Cette requête provient d’un autre site.
csrf-expired = Votre formulaire a expiré.
csrf-refused = { $reason } Revenez en arrière, rechargez la page et réessayez.
csrf-too-large = Le formulaire est trop volumineux pour être envoyé.

# Le lien d’un numéro de téléphone, tel qu’un lecteur d’écran le dit (html/phone.rs).
phone-call = Appeler le { $number }
phone-text = Envoyer un SMS au { $number }
