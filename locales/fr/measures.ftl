## Questionnaires (crates/rapport-web/src/ui/measures.rs, html/questionnaire.rs, html/charts.rs) :
## la page Questionnaires du ou de la patient·e, le formulaire, une réponse, la carte des résultats et les liens.

## Mots partagés
measure-breadcrumb = Fil d’Ariane
measure-measures = Questionnaires
measure-measure = Questionnaire
measure-instrument = Instrument
measure-questionnaire = Questionnaire
measure-question = Question
measure-answer = Réponse
measure-total = Total
measure-band = Niveau
measure-severity = Sévérité
measure-change = Évolution
measure-baseline = Score initial
measure-latest = Dernier
measure-scores = Scores
measure-session = Séance
measure-taken = Passation
measure-flags = Signalements
measure-completed = Rempli le
measure-reliable-change = Changement fiable
measure-response = Réponse au traitement
measure-remission = Rémission
measure-recovery = Rétablissement
measure-yes = oui
measure-no = non
measure-not-applicable = s.o.
measure-not-scored = (non compté)
measure-not-answered = sans réponse
measure-prorated = (calculé au prorata)
measure-risk-flag = Alerte de risque
measure-risk-flags = Alertes de risque
measure-risk-question = Question de risque
measure-risk-question-badge = question de risque
measure-score-count =
    { $count ->
        [one] { $count } score
       *[other] { $count } scores
    }
measure-back-to = Retour à la { $session }
measure-session-numbered = { $session } ({ $date })
measure-session-dated = séance du { $date }

## Langue du questionnaire
measure-language-name =
    { $code ->
        [en] anglais
        [es] espagnol
        [fr] français
        [ar] arabe
       *[other] { $code }
    }
measure-form-not-in-language = Ce questionnaire n’est pas disponible en { $language } ; il est présenté en { $shown }.
measure-translation-credit = Version en { $language } :

## measures.html
measure-page-title = Questionnaires · { $client }
measure-page-subtitle = Questionnaires et résultats
measure-flag-raised = Alerte { $by } levée le { $when }
measure-flag-by-clinician = du ou de la thérapeute
measure-flag-closed = clôturée
measure-link-send = Envoyer un lien vers un questionnaire
measure-link-send-hint = Un lien à usage unique que le ou la patient·e peut ouvrir sur son téléphone sans compte. Il est valable 7 jours ; les réponses sont cotées ici et une réponse à risque lève une alerte. Les instruments sous licence et ceux remplis par le ou la thérapeute ne peuvent pas être envoyés.
measure-link-create = Créer le lien
measure-link-readonly = Vous êtes ici par accès d’urgence : les liens vers les questionnaires restent à l’équipe soignante.
measure-links-created = Liens créés
measure-link-created = Créé
measure-link-expires = Expire
measure-link-status = État
measure-link-by = par { $name }
measure-link-used = Utilisé
measure-link-expired = Expiré
measure-link-unused = Pas encore utilisé
measure-link-once = Un lien n’est affiché qu’une fois, à sa création ; il ne peut plus être affiché ensuite.
measure-schedule = Calendrier des questionnaires
measure-schedule-asks =
    { $custom ->
        [yes] Ce traitement demande
       *[no] Par défaut, ce traitement demande
    } ces questionnaires avant { $every ->
        [1] chaque séance
       *[other] toutes les { $every } séances, comptées à rebours depuis la dernière séance prévue pour qu’elle les ait toujours (séances { $sessions })
    }.
measure-schedule-overdue = En retard
measure-schedule-overdue-why = une séance a eu lieu sans lui
measure-schedule-due = À faire
measure-schedule-due-when = avant la prochaine séance
measure-schedule-up-to-date = à jour
measure-schedule-change = Modifier le calendrier
measure-schedule-instruments = Instruments
measure-schedule-every = Avant toutes les … séances
measure-every-sessions =
    { $every ->
        [1] chaque séance
       *[other] toutes les { $every } séances
    }
measure-schedule-save = Enregistrer le calendrier
measure-schedule-confirm-no-risk = Je confirme : ce calendrier n’a pas de question sur le risque, et le risque sera abordé autrement
measure-record = Saisir un questionnaire
measure-record-in-course = Les nouveaux questionnaires sont enregistrés dans le traitement en cours
measure-clinician-rated = (rempli par le ou la thérapeute)
measure-charts = Scores dans le temps
measure-charts-hint-course = Les numéros de séance sont les séances tenues de ce traitement ; les repères numérotés sont des événements de la ligne de vie du ou de la patient·e.
measure-charts-hint = Les repères numérotés sont des événements de la ligne de vie du ou de la patient·e.
measure-chart-table = Scores du { $measure } sous forme de tableau
measure-follow-ups = Questionnaires de suivi
measure-ending-review = bilan de fin
measure-positive-screen = Dépistage positif : faites passer le { $measure } maintenant
measure-positive-screen-why = Le dernier questionnaire de dépistage était positif (PHQ-2 ≥ 3) et aucun { $measure } n’a été saisi depuis.
measure-record-named = Saisir le { $measure }
measure-outcomes = Résultats
measure-computed-over = Calculés sur :
measure-mixes-courses = mélange des traitements : les scores initiaux ne sont pas comparables
measure-show-outcomes-for = Afficher les résultats de :
measure-scope-all = Toutes les réponses
measure-outcomes-none = Pas encore de questionnaire complet.
measure-outcomes-by-instrument = Résultats par instrument
measure-response-remission = Réponse / rémission
measure-on-track = Évolution attendue
measure-no-parameters = pas de paramètres
measure-meaningful-change = changement significatif (10 points) : { $category }
measure-response-yes = réponse
measure-response-no = pas de réponse
measure-baseline-below-caseness = (score initial sous le seuil clinique)
measure-remission-yes = rémission
measure-remission-no = pas de rémission
measure-not-on-track = hors de l’évolution attendue
measure-nhs-heading = NHS Talking Therapies (premiers et derniers PHQ-9 et GAD-7 appariés) · { $status }
measure-nhs-provisional = Provisoire : définitif une fois le traitement clôturé après au moins 2 séances suivies.
measure-nhs-provisional-all = Provisoire : définitif une fois le traitement clôturé après au moins 2 séances suivies (ouvrez les questionnaires d’un traitement pour ses catégories).
measure-nhs-case-at-start = Cas au départ
measure-nhs-recovered = Rétabli·e
measure-nhs-reliably-improved = Amélioration fiable
measure-nhs-reliably-recovered = Rétablissement fiable
measure-nhs-reliably-deteriorated = Aggravation fiable
measure-nhs-not-a-case = s.o. (pas un cas au départ)
measure-responses = Réponses
measure-responses-none = Aucune saisie pour l’instant.
measure-responses-newest-first = Réponses, la plus récente d’abord
measure-every-answer = Toutes les réponses de ce questionnaire
measure-withheld = sans total (incomplet)
measure-flag-risk-unanswered = Question de risque sans réponse : à poser au prochain contact
measure-flag-late = envoyé après l’expiration du lien
measure-risk-question-positive = { $question } : positive
measure-risk-number-positive = Question de risque { $number } : positive
measure-blank = sans réponse : { $items }

## Graphiques
measure-chart-title = Scores du { $measure }
measure-chart-no-scores = Pas encore de score.
measure-chart-summary =
    { $count ->
        [one] { $count } score, du { $first } au { $last } ; dernier : { $latest } le { $latest_on }.
       *[other] { $count } scores, du { $first } au { $last } ; dernier : { $latest } le { $latest_on }.
    }
measure-chart-caseness-at = Seuil clinique : { $value }.
measure-chart-events-marked =
    { $count ->
        [one] { $count } événement de la ligne de vie indiqué.
       *[other] { $count } événements de la ligne de vie indiqués.
    }
measure-chart-axis-total = Total du { $measure }
measure-chart-caseness-line = seuil clinique { $cutoff }
measure-chart-event = Événement { $number }, { $date } : { $label }
measure-chart-session-mark = S{ $number }
measure-chart-axis-sessions = Séance (S) et date
measure-chart-axis-dates = Date

## measure_form.html
measure-form-for-session = pour la { $session }
measure-form-date-taken = Date de passation
measure-form-date-session = La date de la séance.
measure-form-date-hint = Une date antérieure enregistre un questionnaire rempli plus tôt (saisie a posteriori) ; jamais une date postérieure à aujourd’hui.
measure-form-licensed = Cet instrument est sous licence : son texte n’est pas fourni. Utilisez votre exemplaire sous licence ; les questions et réponses ci-dessous sont des repères dans le même ordre.
measure-form-blank-hint = Laissez vide une question sans réponse : le questionnaire est alors conservé comme incomplet, sans total, et les questions de risque comptent toujours.
measure-form-item-scores-hint = Chaque réponse indique le score qu’elle donne. Certaines questions se notent à l’envers : cochez la réponse choisie par la personne, pas un score imprimé sur papier.
measure-form-item-score = vaut { $score }
measure-form-grid-caption = { $measure } : une ligne par question, une colonne par réponse
measure-form-mode = Comment a-t-il été rempli ?
measure-form-mode-in-session = En séance
measure-form-mode-on-behalf = Pour le ou la patient·e (par ex. par téléphone)
measure-form-save = Enregistrer et coter
measure-form-back-to-session = Retour à la séance

## Erreurs du formulaire
measure-choose-an-option = Choisissez une des réponses
measure-answer-at-least-one = Répondez à au moins une question du { $measure }

## response.html
measure-response-crumb = { $measure } du { $date }
measure-response-saved = Enregistré : { $sentence }
measure-response-flag-raised = Une question de risque était positive : une alerte de risque a été levée.
measure-response-assess-now = Évaluez le risque maintenant
measure-response-flag-status = Cette réponse a levé une alerte de risque ({ $status }) :
measure-response-see-flag = voir l’alerte
measure-response-score = Score
measure-response-no-total = Pas de total : { $score }
measure-response-cutoffs = Seuils
measure-response-population = { $population } ({ $source })
measure-response-language = Langue
measure-response-language-unknown = non enregistrée
measure-response-answers = Réponses
measure-response-licensed = Cet instrument est sous licence : le texte de ses questions n’est pas fourni. Les questions sont numérotées comme sur votre exemplaire sous licence.
measure-response-item-score = Score

## outcomes_card.html
measure-outcomes-none-in-course = Aucun questionnaire complet dans ce traitement.
measure-outcomes-card-intro = Du score initial (premier score de ce traitement) au dernier score ; changement fiable, réponse et rémission comme sur la
measure-outcomes-card-measures-page = page Questionnaires
measure-outcomes-by-measure = Résultats par questionnaire
measure-outcomes-card-nhs = Rétablissement (NHS Talking Therapies, premiers et derniers PHQ-9 et GAD-7 appariés)

## measure_link_created.html
measure-link-crumb = Lien
measure-link-title = Lien vers le { $measure }
measure-link-give = Donnez ce lien à { $client }. Il n’est affiché que maintenant : copiez-le avant de quitter cette page.
measure-link-label = Lien
measure-link-works-once = Fonctionne une seule fois, jusqu’au { $expires }. Le ou la patient·e ne voit aucun score ; s’il ou elle répond à une question de risque, les ressources de crise de l’organisation s’affichent et une alerte est levée pour le ou la thérapeute référent·e. Personne ne suit les réponses en direct.
measure-link-back = Retour aux questionnaires
measure-scope-course = Traitement depuis le { $date } ({ $protocol }, { $status })
measure-scope-all-responses = Toutes les réponses, tous traitements confondus
measure-scope-outside = Réponses hors de tout traitement
