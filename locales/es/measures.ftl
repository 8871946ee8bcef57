## Cuestionarios (crates/rapport-web/src/ui/measures.rs, html/questionnaire.rs, html/charts.rs):
## la página Cuestionarios del consultante, el formulario, una respuesta, la tarjeta de resultados y los enlaces.

## Palabras compartidas
measure-breadcrumb = Ruta de navegación
measure-measures = Cuestionarios
measure-measure = Cuestionario
measure-instrument = Instrumento
measure-questionnaire = Cuestionario
measure-question = Pregunta
measure-answer = Respuesta
measure-total = Total
measure-band = Nivel
measure-severity = Gravedad
measure-change = Cambio
measure-baseline = Línea de base
measure-latest = Última
measure-scores = Puntuaciones
measure-session = Sesión
measure-taken = Respondido
measure-flags = Indicadores
measure-completed = Completado
measure-reliable-change = Cambio fiable
measure-response = Respuesta al tratamiento
measure-remission = Remisión
measure-recovery = Recuperación
measure-yes = sí
measure-no = no
measure-not-applicable = n/a
measure-not-scored = (no puntúa)
measure-not-answered = sin responder
measure-prorated = (prorrateado)
measure-risk-flag = Alerta de riesgo
measure-risk-flags = Alertas de riesgo
measure-risk-question = Pregunta de riesgo
measure-risk-question-badge = pregunta de riesgo
measure-score-count =
    { $count ->
        [one] { $count } puntuación
       *[other] { $count } puntuaciones
    }
measure-back-to = Volver a la { $session }
measure-session-numbered = { $session } ({ $date })
measure-session-dated = sesión del { $date }

## Idioma del cuestionario
measure-language-name =
    { $code ->
        [en] inglés
        [es] español
        [fr] francés
        [ar] árabe
       *[other] { $code }
    }
measure-form-not-in-language = Este cuestionario no está disponible en { $language }; se muestra en { $shown }.
measure-translation-credit = Versión en { $language }:

## measures.html
measure-page-title = Cuestionarios · { $client }
measure-page-subtitle = Cuestionarios y resultados
measure-flag-raised = Alerta del { $by } generada el { $when }
measure-flag-by-clinician = terapeuta
measure-flag-closed = cerrada
measure-link-send = Enviar un enlace a un cuestionario
measure-link-send-hint = Un enlace de un solo uso que el consultante puede abrir en su teléfono sin cuenta. Dura 7 días; las respuestas se puntúan aquí y una respuesta de riesgo genera una alerta. Los instrumentos con licencia y los que aplica el terapeuta no se pueden enviar.
measure-link-create = Crear enlace
measure-link-readonly = Usted está aquí mediante acceso de emergencia: los enlaces a cuestionarios quedan en manos del equipo tratante.
measure-links-created = Enlaces creados
measure-link-created = Creado
measure-link-expires = Vence
measure-link-status = Estado
measure-link-by = por { $name }
measure-link-used = Usado
measure-link-expired = Vencido
measure-link-unused = Aún sin usar
measure-link-once = Un enlace se muestra una sola vez, al crearlo; no se puede volver a mostrar.
measure-schedule = Calendario de cuestionarios
measure-schedule-asks =
    { $custom ->
        [yes] Este tratamiento pide
       *[no] Por defecto, este tratamiento pide
    } estos cuestionarios antes de { $every ->
        [1] cada sesión
       *[other] cada { $every } sesiones, contadas hacia atrás desde la última sesión prevista para que siempre los tenga (sesiones { $sessions })
    }.
measure-schedule-overdue = Atrasado
measure-schedule-overdue-why = una sesión realizada quedó sin él
measure-schedule-due = Pendiente
measure-schedule-due-when = antes de la próxima sesión
measure-schedule-up-to-date = al día
measure-schedule-change = Cambiar el calendario
measure-schedule-instruments = Instrumentos
measure-schedule-every = Antes de cada … sesiones
measure-every-sessions =
    { $every ->
        [1] cada sesión
       *[other] cada { $every } sesiones
    }
measure-schedule-save = Guardar el calendario
measure-schedule-confirm-no-risk = Confirmo: este calendario no tiene ninguna pregunta de riesgo y el riesgo se preguntará de otra manera
measure-record = Registrar un cuestionario
measure-record-in-course = Los nuevos cuestionarios se registran como parte del tratamiento actual
measure-clinician-rated = (aplicado por el terapeuta)
measure-charts = Puntuaciones en el tiempo
measure-charts-hint-course = Los números de sesión son las sesiones realizadas de este tratamiento; los marcadores numerados son sucesos de la línea de vida del consultante.
measure-charts-hint = Los marcadores numerados son sucesos de la línea de vida del consultante.
measure-chart-table = Puntuaciones del { $measure } en una tabla
measure-follow-ups = Cuestionarios de seguimiento
measure-ending-review = revisión de cierre
measure-positive-screen = Cribado positivo: aplique ahora el { $measure }
measure-positive-screen-why = El último cuestionario de cribado fue positivo (PHQ-2 ≥ 3) y no se ha registrado ningún { $measure } desde entonces.
measure-record-named = Registrar el { $measure }
measure-outcomes = Resultados
measure-computed-over = Calculados sobre:
measure-mixes-courses = mezcla tratamientos: las líneas de base no son comparables
measure-show-outcomes-for = Ver resultados de:
measure-scope-all = Todas las respuestas
measure-outcomes-none = Aún no hay cuestionarios completos.
measure-outcomes-by-instrument = Resultados por instrumento
measure-response-remission = Respuesta / remisión
measure-on-track = Evolución esperada
measure-no-parameters = sin parámetros
measure-meaningful-change = cambio significativo (10 puntos): { $category }
measure-response-yes = respuesta
measure-response-no = sin respuesta
measure-baseline-below-caseness = (línea de base por debajo del umbral de caso)
measure-remission-yes = remisión
measure-remission-no = sin remisión
measure-not-on-track = fuera de lo esperado
measure-nhs-heading = NHS Talking Therapies (primer y último PHQ-9 y GAD-7 emparejados) · { $status }
measure-nhs-provisional = Provisional: será definitivo cuando el tratamiento se cierre con al menos 2 sesiones asistidas.
measure-nhs-provisional-all = Provisional: será definitivo cuando el tratamiento se cierre con al menos 2 sesiones asistidas (abra los cuestionarios de un tratamiento para ver sus categorías).
measure-nhs-case-at-start = Caso al inicio
measure-nhs-recovered = Recuperado
measure-nhs-reliably-improved = Mejoría fiable
measure-nhs-reliably-recovered = Recuperación fiable
measure-nhs-reliably-deteriorated = Empeoramiento fiable
measure-nhs-not-a-case = n/a (no era caso al inicio)
measure-responses = Respuestas
measure-responses-none = Aún no hay ninguna registrada.
measure-responses-newest-first = Respuestas, la más reciente primero
measure-every-answer = Todas las respuestas de este cuestionario
measure-withheld = sin total (incompleto)
measure-flag-risk-unanswered = Pregunta de riesgo sin responder: pregunte en el próximo contacto
measure-flag-late = enviado después de vencer el enlace
measure-risk-question-positive = { $question }: positiva
measure-risk-number-positive = Pregunta de riesgo { $number }: positiva
measure-blank = en blanco: { $items }

## Gráficos
measure-chart-title = Puntuaciones del { $measure }
measure-chart-no-scores = Aún no hay puntuaciones.
measure-chart-summary =
    { $count ->
        [one] { $count } puntuación, del { $first } al { $last }; la última, { $latest }, el { $latest_on }.
       *[other] { $count } puntuaciones, del { $first } al { $last }; la última, { $latest }, el { $latest_on }.
    }
measure-chart-caseness-at = Umbral de caso: { $value }.
measure-chart-events-marked =
    { $count ->
        [one] { $count } suceso de la línea de vida marcado.
       *[other] { $count } sucesos de la línea de vida marcados.
    }
measure-chart-axis-total = Total del { $measure }
measure-chart-caseness-line = umbral de caso { $cutoff }
measure-chart-event = Suceso { $number }, { $date }: { $label }
measure-chart-session-mark = S{ $number }
measure-chart-axis-sessions = Sesión (S) y fecha
measure-chart-axis-dates = Fecha

## measure_form.html
measure-form-for-session = para la { $session }
measure-form-date-taken = Fecha de respuesta
measure-form-date-session = La fecha de la sesión.
measure-form-date-hint = Una fecha anterior registra un cuestionario respondido antes (registro retroactivo); nunca una fecha posterior a hoy.
measure-form-licensed = Este instrumento tiene licencia: su texto no se incluye. Use su copia con licencia; las preguntas y opciones de abajo son marcadores en el mismo orden.
measure-form-blank-hint = Deje en blanco una pregunta que no se respondió: el cuestionario queda incompleto, sin total, y las preguntas de riesgo siguen contando.
measure-form-item-scores-hint = Cada respuesta muestra la puntuación que da. Algunas preguntas puntúan al revés: marque la respuesta que eligió la persona, no una puntuación impresa en papel.
measure-form-item-score = puntúa { $score }
measure-form-grid-caption = { $measure }: una fila por pregunta, una columna por respuesta
measure-form-mode = ¿Cómo se respondió?
measure-form-mode-in-session = En sesión
measure-form-mode-on-behalf = En nombre del consultante (p. ej., por teléfono)
measure-form-save = Guardar y puntuar
measure-form-back-to-session = Volver a la sesión

## Errores del formulario
measure-choose-an-option = Elija una de las opciones
measure-answer-at-least-one = Responda al menos una pregunta del { $measure }

## response.html
measure-response-crumb = { $measure } del { $date }
measure-response-saved = Guardado: { $sentence }
measure-response-flag-raised = Una pregunta de riesgo fue positiva: se generó una alerta de riesgo.
measure-response-assess-now = Evalúe el riesgo ahora
measure-response-flag-status = Esta respuesta generó una alerta de riesgo ({ $status }):
measure-response-see-flag = ver la alerta
measure-response-score = Puntuación
measure-response-no-total = Sin total: { $score }
measure-response-cutoffs = Puntos de corte
measure-response-population = { $population } ({ $source })
measure-response-language = Idioma
measure-response-language-unknown = no registrado
measure-response-answers = Respuestas
measure-response-licensed = Este instrumento tiene licencia: el texto de sus preguntas no se incluye. Las preguntas están numeradas como en su copia con licencia.
measure-response-item-score = Puntuación

## outcomes_card.html
measure-outcomes-none-in-course = No hay cuestionarios completos en este tratamiento.
measure-outcomes-card-intro = De la línea de base (primera puntuación de este tratamiento) a la última puntuación; cambio fiable, respuesta y remisión como en la
measure-outcomes-card-measures-page = página Cuestionarios
measure-outcomes-by-measure = Resultados por cuestionario
measure-outcomes-card-nhs = Recuperación (NHS Talking Therapies, primer y último PHQ-9 y GAD-7 emparejados)

## measure_link_created.html
measure-link-crumb = Enlace
measure-link-title = Enlace al { $measure }
measure-link-give = Entregue este enlace a { $client }. Solo se muestra ahora: cópielo antes de salir de esta página.
measure-link-label = Enlace
measure-link-works-once = Funciona una vez, hasta el { $expires }. El consultante no ve ninguna puntuación; si responde a una pregunta de riesgo, ve los recursos de crisis de la organización y se genera una alerta para el terapeuta responsable. Nadie está viendo las respuestas en directo.
measure-link-back = Volver a los cuestionarios
measure-scope-course = Tratamiento desde el { $date } ({ $protocol }, { $status })
measure-scope-all-responses = Todas las respuestas, de todos los tratamientos
measure-scope-outside = Respuestas fuera de todo tratamiento
