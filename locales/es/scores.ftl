# Puntuaciones en palabras (crates/rapport-i18n/src/scores.rs).
band-minimal = Mínima
band-mild = Leve
band-moderate = Moderada
band-moderately-severe = Moderadamente grave
band-severe = Grave
band-very-severe = Muy grave
band-none = Ninguna
band-negative = Cribado negativo
band-positive = Cribado positivo: ofrezca el PHQ-9
band-below-threshold = Por debajo de los puntos de corte
band-possible-depression = Posible depresión (≥10)
band-probable-depression = Depresión probable (≥13)
band-likely-depression = Bienestar bajo; depresión probable (≤28 %)
band-poor-wellbeing = Bienestar bajo (puntuación bruta < 13): haga un cribado de depresión
band-adequate-wellbeing = Bienestar adecuado
band-phq9-minimal = Ninguna o mínima
band-hamd17-none = Sin depresión
risk-words-suicide = suicidio
risk-words-self-harm = pensamientos de hacerse daño
risk-words-death-or-suicide = pensamientos de muerte o de suicidio

score-baseline = la línea de base (primera puntuación de este tratamiento)
score-no-change = sin cambio respecto de la línea de base
score-change = { $change } respecto de la línea de base
score-change-and = { $change }, { $category }
score-reliable-improved = mejoría fiable
score-reliable-deteriorated = empeoramiento fiable
score-reliable-none = sin cambio fiable
score-meaningful-improved = mejoría significativa
score-meaningful-deteriorated = empeoramiento significativo
score-meaningful-none = sin cambio significativo
score-with-band = { $instrument } = { $total } ({ $band })
score-total = { $instrument } = { $total }
score-no-total = { $instrument }: sin total
score-no-total-blank = { $count ->
    [one] { $instrument }: sin total (pregunta { $questions } sin responder)
   *[other] { $instrument }: sin total (preguntas { $questions } sin responder)
}
score-sentence = { $score }, { $change }

answer-not-answered = sin responder
answer-code = respuesta { $code }
answer-option = Opción { $number }
question-risk = Pregunta { $number } ({ $words })
question-plain = Pregunta { $number }
question-named-risk = { $instrument }, pregunta { $number } ({ $words })
question-named = { $instrument }, pregunta { $number }
question-answer = { $question }: { $answer }
question-scored = { $question }: puntuación { $score }

mode-in-session = en sesión
mode-on-behalf = registrado en nombre del consultante
mode-portal = por el consultante en el portal
mode-link = por el consultante mediante un enlace al cuestionario
mode-other = otro
answer-item = Ítem { $number }
answer-with-code = { $answer } (código { $code })

score-category-improved = mejoría
score-category-deteriorated = empeoramiento
score-category-none = sin cambio
score-off-track-deterioration = empeoramiento fiable desde la línea de base
score-off-track-no-improvement = sin mejoría en el punto de revisión
score-off-track-too-little-reduction = una bajada demasiado pequeña en el punto de revisión (este cuestionario no tiene normas de cambio fiable, así que se usa un porcentaje de bajada)
score-nhs-final = definitivo
score-nhs-provisional = provisional

outcome-one-score = por ahora, una sola puntuación
outcome-meaningful-points = { $words } (10 puntos)
outcome-not-defined = no definido para esta medida
outcome-na = no aplica
outcome-na-below-caseness = no aplica (línea de base por debajo del umbral de caso)
outcome-na-not-a-case = no aplica (no era un caso al inicio)
outcome-below-caseness-now = ahora por debajo del umbral de caso
outcome-still-at-caseness = todavía en el umbral de caso o por encima

threshold-caseness = en umbral de caso
threshold-evaluate = evaluar ansiedad
threshold-possible-depression = posible depresión
threshold-probable-depression = depresión probable
threshold-positive-screen = cribado positivo
threshold-poor-wellbeing = bienestar bajo
threshold-likely-depression = depresión probable
