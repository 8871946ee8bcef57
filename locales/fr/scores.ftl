# Les scores en mots (crates/rapport-i18n/src/scores.rs).
band-minimal = Minimal
band-mild = Léger
band-moderate = Modéré
band-moderately-severe = Modérément sévère
band-severe = Sévère
band-very-severe = Très sévère
band-none = Aucun
band-negative = Dépistage négatif
band-positive = Dépistage positif : proposer le PHQ-9
band-below-threshold = Sous les seuils
band-possible-depression = Dépression possible (≥ 10)
band-probable-depression = Dépression probable (≥ 13)
band-likely-depression = Bien-être faible ; dépression probable (≤ 28 %)
band-poor-wellbeing = Bien-être faible (score brut < 13) : dépister une dépression
band-adequate-wellbeing = Bien-être satisfaisant
band-phq9-minimal = Aucun ou minimal
band-hamd17-none = Pas de dépression
risk-words-suicide = suicide
risk-words-self-harm = idées d’automutilation
risk-words-death-or-suicide = idées de mort ou de suicide

score-baseline = le score initial (premier score de ce traitement)
score-no-change = aucun changement depuis le score initial
score-change = { $change } depuis le score initial
score-change-and = { $change }, { $category }
score-reliable-improved = amélioration fiable
score-reliable-deteriorated = détérioration fiable
score-reliable-none = pas de changement fiable
score-meaningful-improved = amélioration significative
score-meaningful-deteriorated = détérioration significative
score-meaningful-none = pas de changement significatif
score-with-band = { $instrument } = { $total } ({ $band })
score-total = { $instrument } = { $total }
score-no-total = { $instrument } : pas de total
score-no-total-blank = { $count ->
    [one] { $instrument } : pas de total (question { $questions } sans réponse)
   *[other] { $instrument } : pas de total (questions { $questions } sans réponse)
}
score-sentence = { $score }, { $change }

answer-not-answered = sans réponse
answer-code = réponse { $code }
answer-option = Option { $number }
question-risk = Question { $number } ({ $words })
question-plain = Question { $number }
question-named-risk = { $instrument }, question { $number } ({ $words })
question-named = { $instrument }, question { $number }
question-answer = { $question } : { $answer }
question-scored = { $question } : score { $score }

mode-in-session = en séance
mode-on-behalf = saisi pour le ou la patient·e
mode-portal = par le ou la patient·e sur le portail
mode-link = par le ou la patient·e via un lien vers le questionnaire
mode-other = autre
answer-item = Item { $number }
answer-with-code = { $answer } (code { $code })

score-category-improved = amélioration
score-category-deteriorated = détérioration
score-category-none = pas de changement
score-off-track-deterioration = détérioration fiable depuis le score initial
score-off-track-no-improvement = pas d’amélioration au point de revue
score-off-track-too-little-reduction = une baisse trop faible au point de revue (ce questionnaire n’a pas de normes de changement fiable : un pourcentage de baisse est utilisé)
score-nhs-final = définitif
score-nhs-provisional = provisoire

outcome-one-score = un seul score pour l’instant
outcome-meaningful-points = { $words } (10 points)
outcome-not-defined = non défini pour cette mesure
outcome-na = s. o.
outcome-na-below-caseness = s. o. (score initial sous le seuil clinique)
outcome-na-not-a-case = s. o. (pas un cas au départ)
outcome-below-caseness-now = désormais sous le seuil clinique
outcome-still-at-caseness = toujours au seuil clinique

threshold-caseness = au seuil clinique
threshold-evaluate = évaluer l’anxiété
threshold-possible-depression = dépression possible
threshold-probable-depression = dépression probable
threshold-positive-screen = dépistage positif
threshold-poor-wellbeing = bien-être faible
threshold-likely-depression = dépression probable
