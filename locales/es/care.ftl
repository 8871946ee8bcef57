## Alertas de riesgo (templates/risk_flags.html, risk_flag.html, risk_concern.html; src/ui/risk.rs).
## El texto de crisis y de cierre debe quedar completo en cada idioma.

risk-list-title = Alertas de riesgo
risk-list-intro = Respuestas positivas en ítems de riesgo de los consultantes que usted atiende. Cada alerta permanece aquí hasta que se evalúa, hay un plan de seguridad vigente y se firma su cierre.
risk-list-not-closed = Aún sin cerrar
risk-list-deadlines = Plazos desde que se emite la alerta: acuse de recibo en { $ack } h como máximo y una evaluación registrada en { $assess } h como máximo. Un plazo incumplido se escala a los supervisores, luego al terapeuta de guardia (o a los administradores), y después se repiten recordatorios hasta que se cumpla.
risk-overdue-count = { $count } vencidas
risk-overdue-listed-first =
    { $count ->
        [one] 1 alerta superó un plazo: aparece primero.
       *[other] { $count } alertas superaron un plazo: aparecen primero.
    }
risk-list-none = No hay alertas de riesgo abiertas.
risk-list-table-label = Alertas de riesgo aún sin cerrar
risk-col-client = Consultante
risk-col-source = Origen
risk-col-raised = Emitida
risk-col-status = Estado
risk-time-to-ack = Tiempo hasta el acuse de recibo
risk-time-to-assess = Tiempo hasta la evaluación
risk-responsible-inactive = terapeuta responsable inactivo(a)
risk-overdue = vencida
risk-escalated = escalada
risk-list-recently-closed = Cerradas recientemente
risk-raised-at = emitida el { $when }
risk-closed-at = cerrada el { $when }
risk-acknowledged-after = acuse de recibo tras { $time }
risk-assessed-after = evaluada tras { $time }
risk-badge-open = abierta
risk-badge-acknowledged = recibida
risk-badge-closed = cerrada
risk-status-open = abierta
risk-status-acknowledged = recibida, evaluación pendiente
risk-status-closed = cerrada
risk-source-clinician = Registrada por un(a) terapeuta
risk-item-scored = ítem { $item } con puntuación { $score }
risk-timing-done = { $took } (plazo { $hours } h)
risk-timing-done-late = { $took } (plazo { $hours } h: fuera de plazo)
risk-timing-overdue = en espera desde hace { $took }: vencida por { $by } (plazo { $hours } h)
risk-timing-waiting = en espera desde hace { $took }: quedan { $left } (plazo { $hours } h)
risk-duration-minutes = { $minutes } min
risk-duration-hours = { $hours } h { $minutes } min
risk-duration-days =
    { $days ->
        [one] { $days } día { $hours } h
       *[other] { $days } días { $hours } h
    }
risk-escalation-step =
    { $deadline ->
        [acknowledgement] Sin acuse de recibo a tiempo, paso { $step } ({ $tier }): enviada a { $to }
       *[assessment] Sin evaluación a tiempo, paso { $step } ({ $tier }): enviada a { $to }
    }
risk-tier-supervisors = supervisores
risk-tier-duty = guardia
risk-tier-reminder = recordatorio
risk-route-responsible = el/la terapeuta responsable
risk-route-supervisors = los supervisores
risk-route-duty-clinician = el/la terapeuta de guardia
risk-route-administrators = los administradores
risk-route-nobody = nadie
risk-list-and = { $rest } y { $last }
risk-done-flag-raised = Un ítem de riesgo fue positivo: se emitió una alerta de riesgo. Evalúe el riesgo ahora.
risk-done-concern-raised = La preocupación por riesgo se emitió como alerta de riesgo. Acuse recibo y evalúela ahora.
risk-done-flag-acknowledged = Se acusó recibo de la alerta de riesgo. El plazo de evaluación sigue corriendo hasta que se registre una evaluación.
risk-done-assessment-saved = Evaluación de riesgo registrada.
risk-done-plan-saved = Nueva versión del plan de seguridad guardada.
risk-done-flag-closed = Alerta de riesgo firmada y cerrada.

risk-breadcrumb = Ruta de navegación
risk-flag-crumb = Alerta
risk-flag-page-title = Alerta de riesgo · { $client }
risk-flag-title = Alerta de riesgo: { $client }
risk-flag-status = Estado: { $status }
risk-responsible-clinician = Terapeuta responsable
risk-inactive-went-to-supervisors = inactivo(a): la alerta se envió a los supervisores
risk-raised-from = Emitida desde
risk-raised-from-session = una sesión (preocupación de un(a) terapeuta o nota firmada)
risk-raised-by = Emitida por
risk-see-every-answer = ver todas las respuestas de este cuestionario
risk-what-was-observed = Lo que se observó
risk-signed-off = Cierre firmado
risk-escalation = Escalamiento
risk-flag-rules = Una puntuación de 0 en un ítem de riesgo nunca descarta el riesgo. Las alertas nunca se eliminan. El acuse de recibo solo detiene el reloj del acuse: el plazo de evaluación sigue corriendo hasta que se registre una evaluación.
risk-acknowledge = Acusar recibo: he visto esta alerta
risk-assessment-title = 1. Evaluación estructurada del riesgo
risk-ideation = Ideación
risk-plan = Plan
risk-intent = Intención
risk-means = Acceso a medios
risk-history = Antecedentes (intentos previos, autolesiones)
risk-protective-factors = Factores protectores
risk-risk-level = Nivel de riesgo
risk-choose = Elija…
risk-level-low = bajo
risk-level-moderate = moderado
risk-level-high = alto
risk-level-imminent = inminente
risk-actions = Acciones (consejería sobre medios, derivación, servicios de emergencia, fecha de seguimiento)
risk-record-assessment = Registrar evaluación
risk-recorded = Registradas
risk-level-word = nivel de riesgo
risk-safety-plan-title = 2. Plan de seguridad
risk-safety-plan-title-version = 2. Plan de seguridad (versión actual { $version })
risk-warning-signs = Señales de alerta
risk-coping-strategies = Estrategias propias de afrontamiento
risk-distractions = Personas y lugares que ayudan a distraerse
risk-people-to-ask = Personas a quienes pedir ayuda
risk-professionals = Profesionales y líneas de crisis
risk-environment-safety = Hacer seguro el entorno
risk-reasons-for-living = Razones para vivir
risk-share-with-client = Compartir con el/la consultante
risk-save-new-version = Guardar como nueva versión
risk-sign-off-title = 3. Firma de cierre
risk-sign-off-needs = Para firmar el cierre se necesita una evaluación registrada de esta alerta y una versión del plan de seguridad.
risk-assessment = Evaluación
risk-safety-plan-version = Plan de seguridad, versión { $version } ({ $when })
risk-close-note = Nota (decisión, seguimiento)
risk-confirm = He evaluado el riesgo, el plan de seguridad está vigente y firmo el cierre de esta alerta.
risk-sign-off-close = Firmar y cerrar

risk-concern-page-title = Emitir una preocupación por riesgo · { $client }
risk-concern-title = Emitir una preocupación por riesgo
risk-concern-heading = Emitir una preocupación por riesgo: { $client }
risk-concern-session-crumb = Sesión del { $date }
risk-concern-intro = Abre ahora una alerta de riesgo. Se avisa al/a la terapeuta responsable (o, si está inactivo(a), a sus supervisores), y la alerta debe recibirse y evaluarse antes de los plazos; si no, se escala.
risk-concern-observed-in = Observado en la sesión del { $date }.
risk-concern-detail-hint = Lo que el/la consultante dijo o hizo, y lo que ya se haya hecho al respecto.
risk-concern-submit = Emitir la preocupación por riesgo

## Mensajes de validación de riesgo.

risk-ideation-required = La ideación es obligatoria
risk-plan-required = El plan es obligatorio
risk-intent-required = La intención es obligatoria
risk-means-required = El acceso a medios es obligatorio
risk-history-required = Los antecedentes son obligatorios
risk-protective-factors-required = Los factores protectores son obligatorios
risk-level-invalid = El nivel de riesgo debe ser bajo, moderado, alto o inminente
risk-warning-signs-required = Las señales de alerta son obligatorias
risk-professionals-required = Los profesionales y las líneas de crisis son obligatorios
risk-close-assessment-first = Primero registre una evaluación de riesgo y luego elíjala
risk-close-plan-first = Primero guarde una versión del plan de seguridad
risk-close-confirm = Confirme la firma de cierre
risk-concern-detail-required = Describa lo que se observó
risk-concern-session-not-client = La sesión no es una de las sesiones de este(a) consultante

## Línea de vida interpersonal.

timeline-page-title = { $client } · Línea de vida
timeline-event-page-title = { $client } · Acontecimiento de la línea de vida
timeline-title = Línea de vida interpersonal
timeline-intro = Los acontecimientos vitales en torno al episodio: qué pasó, quién participó, cómo se sintió el/la consultante. La línea de vida pertenece al/a la consultante y la comparten todos sus tratamientos.
timeline-chart-caption = Los marcadores están numerados como en la tabla de abajo, que enumera los mismos acontecimientos. Marcadores huecos: el/la consultante no está seguro(a) de la fecha; una barra abarca el mes o el año cuando solo se conoce eso.
timeline-events = Acontecimientos
timeline-no-events = Aún no hay acontecimientos. Agregue el primero abajo: empiece por lo que ocurrió cuando comenzaron los síntomas.
timeline-table-caption = Acontecimientos de la línea de vida en orden cronológico
timeline-col-number = N.º
timeline-when = Cuándo
timeline-category = Categoría
timeline-col-event = Acontecimiento
timeline-col-mood = Ánimo
timeline-impact = Impacto
timeline-episode = Episodio
timeline-change = Modificar
timeline-change-event-n = acontecimiento { $number }
timeline-with-people = Con { $people }
timeline-of-ten = de 10
timeline-add-an-event = Agregar un acontecimiento
timeline-add-event = Agregar acontecimiento
timeline-date-day = { $day } de { $month } de { $year }
timeline-date-month = { $month } de { $year }
timeline-around = hacia { $date }
timeline-back = ← Volver a la línea de vida
timeline-change-title = Modificar «{ $title }»
timeline-save-changes = Guardar cambios
timeline-remove = Quitar
timeline-remove-hint = Quitar el acontecimiento lo saca de la línea de vida. Su historial y la eliminación se conservan.
timeline-remove-confirm = ¿Quitar este acontecimiento de la línea de vida?
timeline-remove-event = Quitar acontecimiento
timeline-date-hint = Un año (2024), un mes (2024-03) o un día (2024-03-14).
timeline-approximate = El/la consultante no está seguro(a) de la fecha
timeline-short-title = Título breve
timeline-title-hint = Unas pocas palabras para el gráfico, p. ej. «Perdió el trabajo en el almacén».
timeline-people = Personas involucradas
timeline-people-hint = Los nombres como los usa el/la consultante, separados por comas.
timeline-linked-people =
    { $count ->
        [one] También vinculado a { $count } persona del inventario interpersonal.
       *[other] También vinculado a { $count } personas del inventario interpersonal.
    }
timeline-mood = Ánimo en ese momento
timeline-mood-hint = 0 el peor, 10 el mejor.
timeline-not-known = No se sabe
timeline-impact-hint = 0 ninguno, 10 extremo.
timeline-not-rated = Sin valorar
timeline-episode-hint = Marque el acontecimiento en que empezaron los síntomas (inicio), empeoraron o remitieron.
timeline-description = Descripción (opcional)
timeline-description-hint = Qué pasó y cómo se sintió el/la consultante al respecto.
timeline-category-loss = Pérdida
timeline-category-conflict = Conflicto
timeline-category-transition = Transición
timeline-category-separation = Separación
timeline-category-move = Mudanza
timeline-category-health = Salud
timeline-category-work = Trabajo
timeline-category-other = Otro
timeline-episode-none = Ninguno
timeline-episode-onset = Inicio de los síntomas
timeline-episode-worsening = Empeoramiento
timeline-episode-remission = Remisión
timeline-done-added = Acontecimiento agregado a la línea de vida.
timeline-done-saved = Acontecimiento guardado; la versión anterior está en su historial.
timeline-done-removed = Acontecimiento quitado de la línea de vida; su historial se conserva.

## Hojas de trabajo.

worksheet-list-page-title = { $client } · Hojas de trabajo
worksheet-list-title = Hojas de trabajo
worksheet-list-intro = Los análisis de la comunicación repasan un intercambio paso a paso para encontrar dónde falló el mensaje; los análisis de decisiones sopesan las opciones y planifican los pasos. Cada uno está vinculado a la sesión en que se hizo.
worksheet-none = Aún no hay hojas de trabajo.
worksheet-add-to-session = Agregar a esta sesión:
worksheet-kind-communication = Análisis de la comunicación
worksheet-kind-decision = Análisis de decisiones
worksheet-kind-communication-lower = análisis de la comunicación
worksheet-kind-decision-lower = análisis de decisiones
worksheet-new-communication = Nuevo análisis de la comunicación
worksheet-new-decision = Nuevo análisis de decisiones
worksheet-change-communication = Modificar el análisis de la comunicación
worksheet-change-decision = Modificar el análisis de decisiones
worksheet-session-label = Sesión { $number } · { $date }
worksheet-not-linked = Sin vincular a una sesión
worksheet-with = Con { $name }
worksheet-option-count =
    { $count ->
        [one] { $count } opción
       *[other] { $count } opciones
    }
worksheet-chosen-is = elegida: { $option }
worksheet-review-on = revisión { $date }
worksheet-all = ← Todas las hojas de trabajo
worksheet-version = versión { $version }
worksheet-change = Modificar
worksheet-remove-confirm = ¿Quitar esta hoja de trabajo? Su historial se conserva.
worksheet-remove = Quitar
worksheet-back = ← Volver
worksheet-session = Sesión
worksheet-problem-area = Área problema
worksheet-area-none = Ninguna
worksheet-the-exchange = El intercambio
worksheet-with-whom = Con quién
worksheet-with-whom-hint = La otra persona, como la nombra el/la consultante.
worksheet-incident-date = Fecha (opcional)
worksheet-setting = Contexto y situación
worksheet-setting-hint = Dónde y cuándo; qué llevó a ello.
worksheet-intended = Lo que el/la consultante quería transmitir
worksheet-intended-hint = Lo que quería que la otra persona supiera o hiciera.
worksheet-said = Lo que se dijo
worksheet-said-hint = Lo más textual posible; también el tono y lo no verbal.
worksheet-reply = La respuesta de la otra persona
worksheet-reply-hint = Textual cuando sea posible.
worksheet-feelings = Sentimientos en cada paso
worksheet-step = Paso
worksheet-client-felt = El/la consultante sintió
worksheet-other-felt = El/la consultante cree que la otra persona sintió
worksheet-step-client-felt = { $step }: lo que sintió el/la consultante
worksheet-step-other-felt = { $step }: lo que sintió la otra persona
worksheet-step-before = Antes de hablar
worksheet-step-saying = Al decirlo
worksheet-step-after-reply = Después de la respuesta
worksheet-how-it-went = Cómo resultó
worksheet-outcome = Resultado
worksheet-outcome-hint = ¿Se entendió el mensaje? ¿Se logró el objetivo? ¿Cómo terminó?
worksheet-broke-down = Dónde falló
worksheet-problem-nonverbal = Señales no verbales o indirectas en lugar de decirlo
worksheet-problem-assumed-communicated = Supuso que el mensaje había llegado
worksheet-problem-assumed-understood = Supuso que había entendido a la otra persona
worksheet-problem-indirect-speech = Lenguaje innecesariamente indirecto o ambiguo
worksheet-problem-silence = Silencio o cerrarse
worksheet-problem-hostile = Comunicación abiertamente hostil
worksheet-alternatives = Alternativas
worksheet-alternatives-hint = Otras maneras de decirlo o hacerlo: una por línea.
worksheet-rehearsal-result = Ensayo y resultado
worksheet-role-play-done = Ensayado en un juego de roles
worksheet-role-play-notes = Notas del juego de roles
worksheet-result-tried = Resultado al intentarlo
worksheet-result-tried-hint = Qué pasó cuando el/la consultante lo intentó (a menudo se cuenta en la sesión siguiente).
worksheet-decision = Problema o decisión
worksheet-decision-hint = La decisión que enfrenta el/la consultante, en sus palabras.
worksheet-options = Opciones
worksheet-options-hint = Para cada opción, los pros y los contras para el/la consultante y para los demás. Marque la elegida. Las filas vacías se ignoran.
worksheet-options-hint-more = Para cada opción, los pros y los contras para el/la consultante y para los demás. Marque la elegida. Las filas vacías se ignoran; guarde para obtener otra fila.
worksheet-option-n = Opción { $number }
worksheet-pros = Pros
worksheet-cons = Contras
worksheet-option-chosen = Esta es la opción elegida
worksheet-steps = Pasos concretos
worksheet-steps-hint = Uno por línea, en orden.
worksheet-obstacles = Obstáculos previstos
worksheet-rehearsal-review = Ensayo y revisión
worksheet-rehearsal-done = Ensayado en la sesión
worksheet-rehearsal-notes = Notas del ensayo
worksheet-review-date = Fecha de revisión
worksheet-review-date-hint = Cuándo revisar cómo resultó.
worksheet-result = Resultado
worksheet-save-changes = Guardar cambios
worksheet-save = Guardar hoja de trabajo
worksheet-field-with = Con
worksheet-field-date = Fecha
worksheet-field-setting = Situación
worksheet-field-intended = Quería transmitir
worksheet-field-reply = La respuesta
worksheet-field-role-play = Juego de roles
worksheet-field-option = Opción
worksheet-field-chosen = Elegida
worksheet-field-steps = Pasos
worksheet-field-rehearsal = Ensayo
worksheet-feelings-line = Consultante: { $client }. La otra persona (según el/la consultante): { $other }
worksheet-pros-part = . Pros: { $text }
worksheet-cons-part = . Contras: { $text }
worksheet-done = Hecho
worksheet-not-yet = Todavía no
worksheet-kind-invalid = Elija { $codes }
worksheet-done-added = Hoja de trabajo guardada.
worksheet-done-saved = Hoja de trabajo guardada; la versión anterior está en su historial.
worksheet-done-removed = Hoja de trabajo quitada; su historial se conserva.

## Revisión de cierre.

ending-page-title = Cierre · { $client }
ending-intro = La fase final: trate el cierre como una posible pérdida o transición, revise los avances, reconozca los esfuerzos propios del/de la consultante, planifique ante las señales tempranas de alerta y decida sobre el mantenimiento.
ending-summary-link = Resumen de fin de tratamiento
ending-the-ending = El cierre
ending-raised-on = Fecha en que se planteó el cierre por primera vez
ending-raised-on-hint = Plantéelo 2 a 4 sesiones antes de la última.
ending-feelings = Cómo se siente el/la consultante ante el cierre
ending-feelings-hint = Tristeza, preocupación, alivio: el cierre como pérdida o como transición.
ending-progress = Avances
ending-overall-progress = Avance general
ending-overall-progress-hint = Los síntomas desde el inicio hasta hoy, las relaciones, los objetivos.
ending-progress-on = Avances en { $area }
ending-choose-areas = Elija las áreas problema en la { $formulation } para revisar los avances en cada una.
ending-formulation-link = formulación
ending-client-contributions = Lo que hizo el/la consultante que ayudó
ending-client-contributions-hint = Atribuya los logros a los esfuerzos propios del/de la consultante.
ending-alternatives = Si hubo poca mejoría: alternativas conversadas (opcional)
ending-alternatives-hint = Falló el tratamiento, no el/la consultante: medicación, otra terapia, un tratamiento más largo.
ending-staying-well = Mantenerse bien
ending-warning-signs = Señales tempranas de recaída
ending-warning-signs-hint = Una por línea: síntomas y desencadenantes interpersonales, en palabras del/de la consultante.
ending-coping-plan = Qué hará el/la consultante si las nota
ending-supports = Personas y servicios a los que acudir
ending-one-per-line = Uno por línea.
ending-return-plan = A quién contactar y cuándo volver
ending-medication-plan = Plan de medicación (opcional)
ending-follow-up = Cuestionarios de seguimiento (meses después del final)
ending-follow-up-hint = Por ejemplo 3, 6, 12.
ending-maintenance-decision = Decisión sobre el mantenimiento
ending-decision-undecided = Aún sin decidir
ending-decision-none = No necesita mantenimiento
ending-decision-declined = Se ofreció y lo rechazó
ending-decision-ipt-m = TIP de mantenimiento (TIP-M)
ending-update-review = Actualizar la revisión de cierre
ending-save-review = Guardar la revisión de cierre
ending-maintenance-ipt = TIP de mantenimiento
ending-maintenance-course = Tratamiento de mantenimiento:
ending-maintenance-course-line = { $sessions } sesiones, { $frequency }, desde el { $date }
ending-maintenance-hint = Las sesiones de mantenimiento conservan los logros y vigilan las señales de alerta; la frecuencia clásica es mensual, hasta 3 años en los ensayos. Iniciarlo crea un tratamiento TIP-M vinculado.
ending-months = Meses
ending-frequency = Frecuencia
ending-monthly = Mensual
ending-twice-monthly = Dos veces al mes
ending-weekly = Semanal
ending-first-maintenance = Primera sesión de mantenimiento
ending-start-maintenance = Iniciar tratamiento de mantenimiento
ending-no-maintenance = Este protocolo no tiene opción de mantenimiento.
ending-goals = Objetivos
ending-no-goals = No se fijaron objetivos.
ending-circle-title = Círculo de cercanía: al inicio y ahora
ending-no-inventory = No se registró un inventario interpersonal.
ending-at-start = Al inicio
ending-no-snapshot = No se tomó una instantánea al inicio. Tome una en la pestaña Inventario para comparar tratamientos posteriores.
ending-now = Ahora
ending-choose-decision = Elija una decisión sobre el mantenimiento
ending-done-saved = Revisión de cierre guardada.

## Mensajes de validación de la línea de vida, las hojas de trabajo y el cierre.

timeline-date-required = Indique cuándo ocurrió: un año (2025), un mes (2025-03) o un día (2025-03-14)
timeline-category-required = Elija una categoría: { $codes }
timeline-category-invalid = La categoría debe ser { $codes }
timeline-episode-invalid = El marcador de episodio debe ser { $codes }
worksheet-session-not-course = Elija una de las sesiones de este tratamiento
worksheet-option-twice = Esta opción aparece dos veces
worksheet-option-unnamed = Nombre la opción a la que corresponden estos pros y contras
worksheet-options-too-many = Como máximo { $max } opciones
worksheet-chosen-not-listed = La opción elegida debe ser una de las opciones enumeradas
ending-months-range = El mantenimiento dura de 1 a 36 meses (se indicó { $months })
ending-months-required = Indique cuántos meses de mantenimiento se acordaron
ending-conflict = Otra persona guardó esta revisión mientras usted la editaba. Su texto está abajo; recargue la página para ver el de la otra persona y luego combínelos.
timeline-chart-empty = Todavía no hay acontecimientos en la línea de vida.
timeline-chart-mood-axis = Ánimo (0 el peor, 10 el mejor)
timeline-chart-approximate = (aprox.)
timeline-chart-worse = (empeoramiento)
timeline-chart-remission = (remisión)
timeline-chart-hollow = Hueco: fecha aproximada
timeline-chart-score-point = { $series }: { $value } el { $date }
timeline-chart-mood-point = Acontecimiento { $number }: ánimo { $mood }
timeline-chart-events-span =
    { $count ->
        [one] 1 acontecimiento, de { $first } a { $last }.
       *[other] { $count } acontecimientos, de { $first } a { $last }.
    }
timeline-chart-onset-sentence = Inicio de los síntomas: { $date } ({ $title }).
timeline-chart-mood-range = El ánimo en esos momentos fue de { $min } a { $max } sobre { $top }.
timeline-chart-score-count = Puntuaciones de { $series }: { $count }.
timeline-chart-table-below = La tabla de abajo enumera cada acontecimiento.
