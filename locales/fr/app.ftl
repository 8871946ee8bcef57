# Messages rédigés par la couche applicative : refus, conflits et erreurs de
# champ des cas d’usage (crates/rapport-app).

## Refus et conflits

app-admin-only = Cette page est réservée aux administrateur·rices.
app-no-caseload = Votre compte ne suit pas de dossiers. Un·e administrateur·rice peut indiquer qu’un compte d’administration exerce aussi.
app-emergency-portal = L’accès d’urgence n’inclut pas le portail du ou de la patient·e : les invitations, le compte du portail, les partages et les liens vers les questionnaires restent à l’équipe de soins.
app-deactivate-self = Vous ne pouvez pas désactiver votre propre compte.
app-last-admin = C’est le seul compte d’administration actif.
app-kiosk-caseload = Le mode kiosque est réservé aux comptes qui suivent des dossiers
app-kiosk-browser = Le mode kiosque nécessite une session de navigateur
app-fidelity-self-rater = L’auto-évaluation est faite par la personne qui a mené la séance.
app-fidelity-supervisor-rater = L’évaluation de supervision est faite par un·e superviseur·e de la personne qui a mené la séance.
app-fidelity-peer-rater = L’évaluation par un·e pair est faite par un·e collègue de l’équipe de soins (ou un·e co-animateur·rice).
app-portal-reset-responsible = Seul·e le ou la thérapeute référent·e ({ $name }) peut réinitialiser l’accès au portail de ce ou cette patient·e.
app-portal-reset-no-account = Ce ou cette patient·e n’a pas de compte du portail à réinitialiser ; invitez-le ou invitez-la plutôt.
app-portal-invite-has-account = Ce ou cette patient·e a déjà un compte du portail. Une invitation ne peut pas le modifier ; le ou la thérapeute référent·e peut plutôt réinitialiser son accès au portail.
app-portal-invitation-closed = Cette invitation n’est plus ouverte : elle a été utilisée, a expiré ou a déjà été retirée.
app-portal-no-active-account = Ce ou cette patient·e n’a pas de compte actif du portail.
app-archive-emergency = L’accès d’urgence ne permet ni d’archiver ni de restaurer un dossier.
app-care-team-change = Seuls l’équipe de soins et ses superviseur·es peuvent modifier l’équipe de soins.
app-care-team-hand-over = Seul·e le ou la thérapeute référent·e, ou un·e superviseur·e d’un membre de l’équipe de soins, peut transférer la responsabilité de ce ou cette patient·e.
app-emergency-staff = L’accès d’urgence est réservé au personnel clinique.
app-formulation-stale = Rien n’est encore enregistré à cette version ; rechargez la page et réessayez.
app-recordings-off = Cette organisation ne fait pas d’enregistrements de séances (Administration > Paramètres).
app-recording-uploader = Un enregistrement est téléversé par le ou la thérapeute qui a mené la séance.
app-course-closed = Ce traitement est { $status } ; il ne peut plus être modifié.
app-mfa-required = Votre organisation exige la vérification en deux étapes ; elle ne peut pas être désactivée.
app-supervision-supervisors = Le tableau de bord de supervision est réservé aux superviseur·es.
app-certification-recorder = Une certification est enregistrée par un·e superviseur·e ou un·e administrateur·rice.
app-context-exists = Une formulation culturelle existe déjà pour ce ou cette patient·e ; envoyez la version que vous avez modifiée.
app-facilitator-course = Les animateur·rices de groupe animent des groupes ; un traitement individuel est ouvert par un·e thérapeute.
app-maintenance-exists = Un traitement de maintien prolonge déjà ce traitement.
app-groups-setup = Les groupes et les sites sont créés par un·e superviseur·e ou un·e administrateur·rice.
app-group-members = Seul·es les animateur·rices du groupe et leurs superviseur·es travaillent avec ses membres.
app-group-list-staff = Les groupes sont réservés à l’équipe qui les anime, les supervise ou les organise.
app-group-closed = Ce groupe est déjà clos.
app-group-meetings-recorded = Les { $count } séances de ce groupe sont enregistrées (ou il est clos).
app-funnel-staff = L’entonnoir du programme liste des personnes ; il est réservé au personnel qui travaille avec les patient·es.
app-schedule-changed = Le calendrier a changé depuis le chargement de la page.
app-schedule-no-risk-item = Aucun de ces questionnaires ne pose de question sur le suicide ou l’automutilation. Ajoutez-en un qui le fait (PHQ-9, EPDS, HAM-D-17 ou QIDS-SR16), ou cochez la case pour confirmer que le risque sera abordé autrement.
app-changed-meanwhile = Quelqu’un d’autre a modifié l’enregistrement ; rechargez la page et réessayez.
app-reauth-wrong = Votre mot de passe actuel n’est pas le bon
app-reauth-throttled = Trop de mots de passe erronés. Attendez { $seconds } secondes, puis réessayez.

## Erreurs de champ

app-audit-date = { $field } doit être une date écrite AAAA-MM-JJ
app-audit-before = before doit être un numéro d’entrée
app-audit-limit = limit doit être compris entre 1 et 1000
app-supervision-circle-named = { $name } supervise déjà { $supervisee } (directement ou par d’autres personnes) : cela formerait un cercle
app-supervision-circle = Cela formerait un cercle de supervision
app-review-note-long = La note de revue doit faire au plus 1000 caractères
app-course-not-this-client = aucun traitement avec cet identifiant pour ce ou cette patient·e
app-share-no-supervisor = Vous n’avez pas de superviseur·e avec qui la partager.
app-join-throttled = Trop de codes erronés. Attendez { $seconds } secondes, puis réessayez.
app-join-code-required = Saisissez le code de votre invitation
app-join-code-format = Le code compte 12 lettres et chiffres, comme 7KQ2-M9XA-4TRB
app-join-email = Saisissez votre adresse e-mail, comme nom@exemple.org
app-join-password-mismatch = Les deux mots de passe ne correspondent pas
app-join-code-unknown = Ce code ne fonctionne pas. Vérifiez-le sur votre invitation.
app-join-code-used = Ce code a déjà été utilisé. Connectez-vous plutôt, ou demandez-en un nouveau.
app-join-code-expired = Ce code a expiré. Demandez-en un nouveau à votre thérapeute.
app-join-code-replaced = Ce code a été remplacé par un plus récent. Utilisez la dernière invitation.
app-join-account-exists = Vous avez déjà un compte du portail : connectez-vous plutôt. Si vous n’y arrivez pas, demandez à votre thérapeute de réinitialiser votre accès au portail.
app-join-email-taken = Cette adresse e-mail a déjà un compte ici. Utilisez-en une autre.
app-join-code-closed = Ce code ne peut plus être utilisé. Demandez-en un nouveau à votre thérapeute.
app-fidelity-rater-unknown = rater doit valoir self, supervisor ou peer
app-fidelity-rater-not-allowed = { $checklist } n’est pas évalué par { $rater }
app-fidelity-comment-long = Le commentaire fait au plus 4000 caractères
app-fidelity-choose-checklist = Choisissez une grille pour cette séance : { $checklists }
app-fidelity-no-checklist = Cette grille n’existe pas
app-area-none-chosen = { $area } n’est pas un domaine problématique choisi pour ce traitement : aucun n’est encore choisi ; enregistrez-les d’abord dans la formulation
app-area-not-chosen = { $area } n’est pas un domaine problématique choisi pour ce traitement : les domaines choisis sont { $areas }
app-recording-consent = Indiquez comment le ou la patient·e a consenti à l’enregistrement (10 à 1000 caractères)
app-recording-type = Téléversez un fichier audio : { $types }
app-recording-size = L’enregistrement doit faire entre 1 octet et 64 Mo
app-provider-not-this-client = Choisissez un·e intervenant·e enregistré·e pour ce ou cette patient·e
app-response-future = completed_at ne doit pas être dans le futur
app-response-unscored-count = { $instrument } compte { $count } questions non notées ; { $given } reçues
app-response-not-an-option = n’est pas une option de cette question
app-supervision-no-course = Aucun traitement que vous pouvez voir
app-supervision-no-group = Aucun groupe que vous supervisez
app-certification-no-pathway = Ce parcours de certification n’existe pas
app-certification-date = Écrivez la date sous la forme AAAA-MM-JJ, pas dans le futur
app-site-name = Donnez au site un nom de 1 à 120 caractères
app-site-kind = Le type de site fait au plus 60 caractères
app-site-unknown = Aucun site avec cet identifiant
app-site-facilitator = Un·e animateur·rice inscrit les personnes sur son propre site ou sur un site de ses groupes
app-group-sessions-range = { $protocol } compte de { $min } à { $max } séances
app-client-unknown = Aucun·e patient·e avec cet identifiant
app-member-status-unknown = status doit valoir completed, dropped_out, referred ou active
app-instrument-unknown = Instrument inconnu
app-group-choose-protocol = Choisissez un protocole de groupe : { $protocols }
app-text-too-long = { $max } caractères au maximum
app-link-choose = Choisissez un questionnaire à envoyer
app-link-not-sendable = { $instrument } ne peut pas être envoyé par lien : il est coté par le ou la thérapeute, ou son texte est sous licence et n’est pas fourni

## Texte pour les pages

app-blank-prompt =
    { $count ->
        [one] Vous avez laissé la question { $questions } sans réponse. Envoyer quand même ?
       *[other] Vous avez laissé { $count } questions sans réponse ({ $questions }). Envoyer quand même ?
    }
app-circle-at = À « { $label } » ({ $date })

## Les règles du code PIN du mode kiosque (rapport_core::kiosk::check_pin)

kiosk-pin-empty = Saisissez un code PIN de 4 à 8 chiffres
kiosk-pin-digits-only = Le code PIN ne doit contenir que des chiffres (0 à 9)
kiosk-pin-length = Le code PIN doit compter 4 à 8 chiffres
kiosk-pin-repeated = Le code PIN ne doit pas être un seul chiffre répété (comme 1111) ; choisissez-en un difficile à deviner
kiosk-pin-sequence = Le code PIN ne doit pas être une suite simple (comme 1234 ou 9876) ; choisissez-en un difficile à deviner

## Texte pour les pages (suite)

app-follow-up-due =
    { $months ->
        [one] Suivi à { $months } mois : à faire à partir du { $date }
       *[other] Suivi à { $months } mois : à faire à partir du { $date }
    }

## Les refus de la couche de stockage, rédigés ici

app-care-team-already = Cette personne fait déjà partie de l’équipe de soins.
app-care-team-remove-responsible = Seuls les autres membres peuvent être retirés : désignez d’abord quelqu’un d’autre comme référent·e.
app-care-team-not-member = Ajoutez d’abord cette personne à l’équipe de soins.
app-site-exists = Un site nommé « { $name } » existe déjà.
