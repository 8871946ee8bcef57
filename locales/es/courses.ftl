## Páginas del tratamiento: la cabecera común (templates/course_head.html).

course-breadcrumb = Ruta de navegación
course-progress = Sesión { $held } de { $contracted } · { $phase } · { $left }
course-progress-none-held = 0 sesiones realizadas de { $contracted } · { $phase } · { $left }
course-progress-left =
    { $count ->
        [0] no queda ninguna
        [one] queda { $count }
       *[other] quedan { $count }
    }
course-progress-past = { $count } más allá del contrato
course-latest-score = Última:
course-score-on = el { $date }
course-open-risk-flag = Alerta de riesgo abierta
course-ending-prompt-title = Plantee el final.
course-ending-prompt =
    { $count ->
        [one] Queda { $count } sesión: hable con la consultante del final del tratamiento, de cómo se siente al respecto y de si desea sesiones de mantenimiento.
       *[other] Quedan { $count } sesiones: hable con la consultante del final del tratamiento, de cómo se siente al respecto y de si desea sesiones de mantenimiento.
    }
course-initial-overrun-title =
    { $count ->
        [one] La fase inicial ya supera { $count } sesión
       *[other] La fase inicial ya supera { $count } sesiones
    }
course-initial-overrun = y la formulación o el contrato terapéutico siguen pendientes.
course-tabs-label = Secciones del tratamiento
course-tab-overview = Resumen
course-tab-inventory = Inventario
course-tab-timeline = Línea de vida
course-tab-formulation = Formulación
course-tab-goals = Objetivos
course-tab-worksheets = Hojas de trabajo
course-tab-context = Contexto de atención
course-tab-ending = Cierre
course-tab-measures = Cuestionarios
course-tab-more = Más
course-tab-more-hidden = secciones del tratamiento

## Estados del tratamiento, frecuencias, lista de la fase inicial y medicación (rapport-core).

course-status-planned = Planificado
course-status-active = Activo
course-status-completed = Completado
course-status-ended-early = Terminado antes de tiempo
course-status-transferred = Derivado
course-frequency-weekly = Semanal
course-frequency-twice-monthly = Dos veces al mes
course-frequency-monthly = Mensual
course-checklist-symptom-review = Revisión de síntomas y diagnóstico
course-checklist-psychoeducation = Enfermedad nombrada, psicoeducación dada
course-checklist-sick-role = Rol de enfermo conversado
course-checklist-medication = Medicación evaluada
course-checklist-inventory = Inventario interpersonal hecho
course-checklist-timeline = Línea de vida interpersonal hecha
course-checklist-formulation = El/la consultante aceptó la formulación
course-checklist-contract = Contrato terapéutico acordado
course-medication-not-needed = No es necesaria
course-medication-referred = Derivada para evaluación
course-medication-already-on = Ya toma medicación

## La página del tratamiento (templates/course.html).

course-next-session = Próxima sesión
course-next-none = Ninguna agendada. Con esta frecuencia, la próxima sería alrededor del { $date }.
course-next-on = { $date } ({ $modality })
course-next-at = { $date } a las { $time } ({ $modality })
course-kiosk-handover = Entregar para responder cuestionarios
course-contract = Contrato terapéutico
course-sessions = Sesiones
course-contract-sessions = { $count } × { $minutes } min
course-dates = Fechas
course-dates-planned = Del { $start } al { $end } (previsto)
course-status = Estado
course-collateral-sessions = Sesiones con { $who }
course-no-area = Aún no se eligió un área problema.
course-write-formulation = Escribir la formulación
course-focus = Foco:
course-agreed-on = acordado el { $date }
course-not-agreed = aún sin acordar
course-formulation-link = Formulación y trabajo en el área problema
course-no-goals = No hay objetivos abiertos.
course-add-goal = Añadir un objetivo
course-rate-goals = Puntuar los objetivos de una sesión
course-last-plan = Plan de la última sesión
course-last-plan-from = De la nota firmada del { $date }
course-last-plan-none = Aún no hay una nota de evolución firmada con un plan.
course-checklist = Lista de la fase inicial
course-checklist-complete = Lista de la fase inicial: completa
course-checklist-done-count = { $done } de { $total } hechos
course-checklist-outstanding =
    { $count ->
        [one] { $count } pendiente de { $total }.
       *[other] { $count } pendientes de { $total }.
    }
course-checklist-done-hidden = (hecho)
course-checklist-open-hidden = (pendiente)
course-checklist-clear = Marcar como no hecho
course-checklist-record = Registrar como hecho
course-checklist-mark-done = Marcar como hecho
course-diagnosis = Diagnóstico
course-diagnosis-hint = p. ej., trastorno depresivo mayor, episodio único, moderado
course-diagnosis-code = Código CIE-10 o CIE-11 (opcional)
course-diagnosis-code-placeholder = F32.1 o 6A70.1
course-outcome = Resultado
course-note-optional = Nota (opcional)
course-sessions-none = Aún no hay sesiones registradas.
course-sessions-number = N.º
course-sessions-note = Nota
course-sessions-write = Escribir
course-change = Cambiar
course-attendance-for = Asistencia del { $date }
course-record-session = Registrar una sesión
course-attended-count = Solo las sesiones a las que se asistió cuentan para el contrato.
course-record-session-button = Registrar sesión
course-fidelity = Fidelidad
course-fidelity-over-time = Autoevaluaciones y evaluaciones de supervisión en el tiempo
course-fidelity-none = Aún no hay ninguna sesión evaluada en este tratamiento. Evalúe una sesión desde su página.
course-fidelity-table = Evaluaciones de fidelidad por sesión
course-fidelity-session = Sesión
course-fidelity-self = Autoevaluación (última)
course-fidelity-supervisor = Supervisor(a) (última)
course-fidelity-mean = Media { $mean }
course-fidelity-pass = Aprobada
course-fidelity-below = Por debajo del umbral
course-fidelity-not-rated = Sin evaluar
course-contract-history = Historial del contrato
course-event-renegotiated = Contrato renegociado de { $old } a { $new } sesiones
course-event-contract-set = Contrato fijado en { $new } sesiones
course-event-status-from = Estado cambiado de { $old } a { $new }
course-event-status = Estado cambiado a { $new }
course-event-reason = Motivo: { $reason }
course-renegotiate = Renegociar el número de sesiones
course-new-number = Nuevo número de sesiones
course-reason = Motivo
course-renegotiate-hint = Acordado con la consultante; se registra con el número anterior y el nuevo.
course-renegotiate-button = Cambiar el contrato
course-close = Cerrar el tratamiento
course-close-reason = Motivo (necesario si terminó antes de tiempo o se derivó)
course-completing = Completar el tratamiento
course-review-saved = Revisión de cierre guardada:
course-review-read = leer la revisión de cierre
course-review-none = Aún no hay revisión de cierre:
course-review-write = escriba la revisión de cierre
course-review-none-after = antes de completar, o indique el motivo para completar sin ella.
course-skip-review-reason = Motivo para completar sin revisión de cierre
course-end-measure-taken = Se aplicó un cuestionario de fin de tratamiento en las dos últimas sesiones.
course-end-measure-none = No hay PHQ-9 ni GAD-7 en las dos últimas sesiones:
course-end-measure-record = registre los cuestionarios de fin de tratamiento
course-end-measure-none-after = , o confirme que completa sin ellos.
course-end-measure-skip = Completar sin cuestionario de fin de tratamiento
course-end-measure-skip-reason = Motivo para no aplicar el cuestionario de fin de tratamiento
course-close-button = Cerrar el tratamiento
course-reopen = Reabrir el tratamiento

## Iniciar un tratamiento (templates/course_new.html).

course-new-title = Nuevo tratamiento para { $name }
course-new-crumb = Nuevo tratamiento
course-new-heading = Iniciar un tratamiento de TIP
course-protocol = Protocolo
course-protocol-sessions =
    { $count ->
        [one] { $count } sesión, { $frequency }
       *[other] { $count } sesiones, { $frequency }
    }
course-protocol-sessions-range = { $min }-{ $max } sesiones, { $frequency }
course-new-contract-hint = Déjelo en blanco para usar los valores del protocolo. La fecha de fin prevista se calcula a partir del número de sesiones y su frecuencia.
course-number-of-sessions = Número de sesiones
course-frequency = Frecuencia
course-frequency-default = La del protocolo
course-session-minutes = Duración de la sesión (minutos)
course-start-date = Fecha de inicio
course-planned-end-date = Fecha de fin prevista (opcional)
course-start = Iniciar el tratamiento
course-cancel = Cancelar

## Resumen de fin de tratamiento (templates/course_summary.html).

course-summary-crumb = Resumen
course-summary-heading = Resumen de fin de tratamiento
course-summary-born = nacida/o el { $date }
course-summary-prepared = preparado el { $date } por { $name }
course-summary-edit-review = Editar la revisión de cierre
course-summary-print = Use el comando Imprimir de su navegador; la navegación y los botones no se imprimen. Confidencial: este resumen no contiene notas de proceso.
course-summary-treatment = Tratamiento
course-dates-held = Del { $start } al { $end }
course-summary-attendance = { $attended } con asistencia · { $cancelled } canceladas · { $noshow } sin asistencia
course-summary-formulation = Formulación y foco
course-summary-no-area = No se registró ningún área problema.
course-summary-sensitivity = Sensibilidad interpersonal: { $answer }.
course-summary-areas =
    { $count ->
        [one] Área problema:
       *[other] Áreas problema:
    }
course-summary-progress = Evolución
course-summary-helped = Qué ayudó
course-summary-alternatives = Alternativas conversadas
course-summary-staying-well = Mantenerse bien
course-summary-warning-signs = Señales de alerta temprana
course-summary-none-recorded = No se registró ninguna.
course-summary-if-they-appear = Si aparecen
course-summary-supports = Apoyos
course-summary-coming-back = Volver a consultar
course-summary-medication = Medicación
course-summary-follow-up = Cuestionarios de seguimiento a los { $months } meses.
course-summary-maintenance = Mantenimiento
course-summary-maintenance-course = { $count } sesiones, { $frequency }, desde el { $date }
course-summary-no-review = La revisión de cierre aún no está completa.
course-summary-complete-it = Completarla

## Sesiones: modalidad y asistencia (rapport-core), y la página de la sesión (templates/session.html).

session-modality-in-person = Presencial
session-modality-video = Videollamada
session-modality-phone = Teléfono
session-attendance-scheduled = Agendada
session-attendance-attended = Asistió
session-attendance-cancelled = Cancelada
session-attendance-no-show = No asistió
session-label = Sesión { $number } · { $date }
session-label-not-counted = { $date } ({ $attendance })
session-heading-counted = Sesión { $number } de { $count } · { $phase }
session-heading-not-counted = Sesión «{ $attendance }» (no cuenta)
session-remaining-after =
    { $count ->
        [0] la última sesión del contrato
        [one] queda { $count } después de esta
       *[other] quedan { $count } después de esta
    }
session-of = Sesión del { $date }
session-break-glass-title = Acceso de emergencia.
session-break-glass = Usted no forma parte del equipo de atención de esta consultante. Este acceso queda registrado con su motivo y será revisado por un(a) administrador(a).
session-raise-concern = Señalar un riesgo
session-other-sessions = Otras sesiones
session-remind-remaining = Mencione las sesiones que quedan: { $count } después de hoy.
session-remind-remaining-why = El límite de tiempo mantiene el trabajo en el foco; diga el número en cada sesión de la fase intermedia.
session-heading = Sesión
session-date = Fecha
session-time = Hora
session-time-optional = Hora (opcional)
session-not-recorded = Sin registrar
session-modality = Modalidad
session-attendance = Asistencia
session-phase = Fase
session-number-and-phase = Número y fase
session-number-of = { $number } de { $count } · { $phase }
session-phase-set = Fijada por el o la terapeuta
session-not-counted = No cuenta: solo cuentan las sesiones con asistencia (fase del tratamiento: { $phase })
session-sessions-left = Sesiones restantes
session-left-in-course = { $count } en el tratamiento
session-change-details = Cambiar fecha, hora, modalidad o asistencia
session-save-details = Guardar los datos de la sesión
session-set-phase = Fijar la fase de esta sesión
session-set-phase-hint = La fase se deduce del contrato y de las sesiones realizadas. Fíjela cuando el trabajo esté en otra fase, p. ej., si la fase inicial se prolonga mientras se acuerda el foco.
session-phase-computed = La calculada
session-phase-reason = Motivo (necesario si fija una fase)
session-save-phase = Guardar la fase
session-previous-plan = Plan de la última sesión
session-draft-note = Nota en borrador
session-previous-plan-none = No hay un plan registrado para la sesión anterior a esta.
session-measures = Cuestionarios desde la última sesión
session-measures-none = No se aplicaron cuestionarios desde la última sesión.
session-risk-positive = pregunta de riesgo positiva
session-measure-taken = aplicado el { $date } ({ $mode })
session-measure-of = { $measure } del { $date }
session-record-measure = Registrar { $name }

## La nota de evolución (página de la sesión, note_macros.html, note_autosave.html).

note-progress-note = Nota de evolución
note-status-draft = Borrador
note-status-signed = Firmada
note-not-started = Sin empezar
note-meta-signed = Iniciada por { $author } · firmada por { $signer }
note-meta-signed-at = Iniciada por { $author } · firmada por { $signer } el { $time }
note-meta-draft = Iniciada por { $author } · guardada por última vez por { $name } el { $time } · versión { $version }
note-record-hint = Forma parte del expediente de la consultante: el equipo de atención y la supervisión pueden leerla. Firmarla la vuelve definitiva; después solo se pueden añadir adendas.
note-conflict-signed-title = No se guardó: esta nota ya fue firmada
note-conflict-signed = { $signer } la firmó. Una nota firmada nunca cambia. Su versión se muestra al lado, sin guardar: copie lo que aún necesite en una adenda.
note-conflict-signed-at = { $signer } la firmó el { $time }. Una nota firmada nunca cambia. Su versión se muestra al lado, sin guardar: copie lo que aún necesite en una adenda.
note-conflict-stale-title = No se guardó: otra persona cambió esta nota
note-conflict-stale = { $name } guardó la versión { $version } el { $time }, después de que usted empezara. No se perdió nada: su versión sigue en el formulario de abajo. Guarde la suya sobre la almacenada (que queda en el historial de la nota) o descarte la suya.
note-stored-version = Versión almacenada ({ $version })
note-your-version = Su versión (sin guardar)
note-discard-mine = Descartar la mía y conservar la almacenada
note-save-mine = Guardar la mía sobre la versión almacenada
note-risk-unanswered-title = Pregunta de riesgo sin responder: hágala en esta sesión.
note-risk-unanswered = { $measure } del { $date }: la pregunta de riesgo quedó en blanco.
note-since-we-last-met = Desde la última vez: el diario de la consultante
note-interval = Historia del intervalo: desde la última sesión
note-mood = Ánimo (0 a 10)
note-mood-hint = Cómo ha estado el ánimo de la consultante desde la última sesión: 0 es el peor, 10 el mejor.
note-events = Acontecimientos interpersonales y su efecto en el ánimo
note-events-hint = Qué pasó con otras personas y si el ánimo de la consultante mejoró o empeoró después. El ánimo y las relaciones se influyen mutuamente.
note-event-n = Acontecimiento { $n }
note-effect-on-mood = Efecto en el ánimo
note-choose = Elija
note-more-rows = ¿Necesita más filas? Guarde el borrador y aparecerán dos más.
note-problem-area-work = Trabajo en el área problema
note-problem-area-work-hint = El trabajo sobre el foco acordado en esta sesión.
note-techniques = Técnicas utilizadas
note-work-reviewed = Tarea entre sesiones revisada
note-work-reviewed-hint = La tarea de la última sesión y cómo resultó.
note-work-set = Tarea entre sesiones propuesta
note-work-set-hint = Lo que la consultante intentará antes de la próxima sesión.
note-risk-check = Evaluación del riesgo
note-positive = positiva
note-risk-details = Detalles
note-risk-details-hint = Obligatorio si se identifica un riesgo: cuál y qué se hizo (evaluación, plan de seguridad, a quién se informó).
note-sign-raises-flag = Firmar con «Riesgo identificado» genera una alerta de riesgo para esta sesión.
note-sign-raises-flag-open = Firmar con «Riesgo identificado» genera una alerta de riesgo para esta sesión (aquí: vincula la nota a la alerta abierta de la consultante).
note-open-flag = Esta consultante tiene una alerta de riesgo aún no cerrada, generada el { $date }:
note-open-flag-status = { $status }, generada el { $date }:
note-see-flag = ver la alerta
note-confirm-open-flag = Para firmar «Ningún riesgo identificado»: confirmo que no se identificó ningún riesgo en esta sesión aunque la alerta esté abierta (la nota registra la alerta abierta)
note-plan = Plan para la próxima sesión
note-sign-confirm-title = La nota está completa. ¿Firmarla ahora?
note-sign-confirm = Una nota firmada nunca se puede cambiar; las correcciones posteriores se añaden como adendas.
note-sign-yes = Sí, firmar la nota
note-sign-not-yet = Todavía no
note-save-draft = Guardar borrador
note-sign = Firmar la nota
note-draft-saved-version = Borrador guardado · versión { $version }
note-autosave-hint = Los borradores se guardan solos un par de segundos después de que deja de escribir.
note-risk-context = Junto a la evaluación del riesgo: los cuestionarios desde la última sesión y cualquier alerta abierta.
note-risk-flag = Alerta de riesgo
note-risk-flag-raised = Al firmar se generó o se sumó a
note-risk-flag-this = esta alerta de riesgo
note-signed-with-open-flag = Firmada con «Ningún riesgo identificado» mientras
note-signed-with-open-flag-link = una alerta de riesgo
note-signed-with-open-flag-after = estaba abierta; quien firmó lo confirmó.
note-addenda = Adendas
note-addenda-none = Ninguna.
note-addendum-add = Añadir una adenda
note-addendum-hint = La nota firmada queda tal como está. La adenda se añade después con su nombre y la hora, y tampoco se puede cambiar ni eliminar.
note-addendum-button = Añadir adenda
note-addenda-only-signed = Las adendas se añaden a notas firmadas; edite el borrador.
note-view-mood = Ánimo desde la última sesión
note-view-mood-value = { $mood } de 10
note-view-events = Acontecimientos interpersonales desde la última vez
note-view-none-recorded = Nada registrado
note-view-effect-not-recorded = efecto en el ánimo sin registrar
note-risk-none-identified = Ningún riesgo identificado
note-risk-identified = Riesgo identificado
note-effect-better = Ánimo mejor
note-effect-worse = Ánimo peor
note-effect-no-change = Sin cambio en el ánimo
note-technique-exploration-nondirective = Exploración no directiva
note-technique-direct-elicitation = Indagación directa
note-technique-encouragement-of-affect = Fomento de la expresión afectiva
note-technique-clarification = Clarificación
note-technique-communication-analysis = Análisis de la comunicación
note-technique-therapeutic-relationship = Uso de la relación terapéutica
note-technique-directive = Técnicas directivas (educación, consejo, modelado)
note-technique-decision-analysis = Análisis de decisiones
note-technique-role-play = Juego de roles
note-technique-adjunctive = Complementarias (contrato, aspectos prácticos)
note-technique-between-session-work = Tarea entre sesiones
note-error-confirm-open-flag = Esta consultante tiene una alerta de riesgo abierta: marque la casilla para confirmar que no se identificó ningún riesgo en esta sesión, o registre el riesgo
note-autosave-saved = Borrador guardado a las { $time } UTC
note-autosave-not-saved = No se guardó: { $reason }
note-autosave-signed = No se guardó: { $signer } firmó esta nota.
note-autosave-stale = No se guardó: { $name } guardó una versión más reciente el { $time }.
note-autosave-still-in-form = Su texto sigue en el formulario.
note-autosave-nothing-lost = No se perdió nada de lo que escribió: su versión sigue en el formulario. La versión almacenada está abajo.
note-autosave-nothing-lost-signed = No se perdió nada de lo que escribió: su versión sigue en el formulario. La versión almacenada está abajo; una nota firmada no puede cambiar, así que copie lo que aún necesite en una adenda después de recargar.
note-autosave-stored-version = La versión almacenada (versión { $version }, { $name }, { $time })
note-autosave-history = Si guarda la suya, la versión almacenada queda en el historial de la nota.

## La nota de proceso (página de la sesión, process_note.html, process_note_own.html).

note-process-note = Nota de proceso
note-process-title = Nota de proceso · { $session }
note-process-private-badge = Solo para usted
note-process-only-you = Solo usted puede leer esto.
note-process-explainer = Sus propias reflexiones sobre la sesión (una nota de psicoterapia), separadas del expediente de la consultante: el equipo de atención, la administración y el acceso de emergencia no pueden verla, y nunca se exporta ni se muestra a la consultante.
note-process-may-share = Puede compartirla con su supervisor(a) y dejar de compartirla en cualquier momento.
note-process-logged = Cada lectura y cada cambio quedan registrados.
note-process-conflict-title = No se guardó: usted guardó una versión más reciente en otra ventana
note-process-conflict = La versión { $version } se guardó el { $time }. Su texto sigue en el formulario de abajo.
note-process-stored-text = El texto almacenado (versión { $version })
note-process-yours = Su nota de proceso
note-process-save = Guardar la nota de proceso
note-process-save-mine = Guardar el mío sobre el texto almacenado
note-process-discard-mine = Descartar el mío y conservar el almacenado
note-process-saved-version = Guardada · versión { $version }
note-process-shared-title = Compartida con su supervisor(a).
note-process-shared = Puede leerla (solo lectura) mientras esté compartida.
note-process-stop-sharing = Dejar de compartir
note-process-not-shared = No compartida.
note-process-share-confirm = ¿Compartir esta nota de proceso con su supervisor(a)? Podrá leerla hasta que usted deje de compartirla.
note-process-share = Compartir con mi supervisor(a)
note-process-shared-with-you = Compartidas con usted como supervisor(a)
note-process-read = Leer la nota de proceso de { $name }
note-process-private = Nota de proceso privada
note-process-shared-by = { $name } la compartió con usted como su supervisor(a).
note-process-shared-by-explainer = Sigue siendo privada: no forma parte del expediente de la consultante, nadie más puede leerla y { $name } puede dejar de compartirla en cualquier momento. Su lectura queda registrada.
note-process-only-you-shared = Solo usted puede leer esto, y su supervisor(a) mientras la comparta.
note-process-not-record = No forma parte del expediente de la consultante. Cada lectura queda registrada.
note-process-last-changed = Último cambio el { $time } · versión { $version }
note-process-empty = Vacía.
note-process-back = Volver a la sesión
note-process-own-title = Su nota de proceso
note-process-session-of = Sesión del { $date }
note-process-own-still = Usted escribió esta nota y aún puede leerla
note-process-own-explainer = , aunque ya no tiene acceso al expediente de la consultante. Solo se muestra la nota. Su lectura queda registrada.
note-process-back-caseload = Volver a sus casos
note-autosave-process-stale = No se guardó: usted guardó una versión más reciente el { $time } (¿en otra ventana?).
note-autosave-process-nothing-lost = No se perdió nada de lo que escribió: su versión sigue en el formulario. El texto almacenado está abajo.

## Rechazos de las reglas del tratamiento, la lista, las sesiones y las notas (rapport-core).

course-error-protocol = Elija un protocolo
course-error-protocol-maintenance = { $id } es un protocolo de mantenimiento; inícielo desde la revisión de cierre
course-error-protocol-unknown = Protocolo desconocido { $id }; elija uno de estos: { $known }
course-error-sessions-range = { $protocol } admite de { $min } a { $max } sesiones (se indicó { $got })
course-error-frequency = Frecuencia desconocida { $value }; use weekly, twice_monthly o monthly
course-error-session-minutes = La duración de la sesión debe ser de 5 a 240 minutos (se indicó { $got })
course-error-start-date = La fecha de inicio debe tener el formato AAAA-MM-DD
course-error-end-before-start = La fecha de fin prevista no puede ser anterior a la fecha de inicio
course-error-end-date = La fecha de fin prevista debe tener el formato AAAA-MM-DD
course-error-new-number = Indique el nuevo número de sesiones
course-error-renegotiate-range = { $got } sesiones está fuera de lo que admite { $protocol } ({ $min }-{ $max })
course-error-already-held = Ya se realizaron { $held } sesiones; el contrato no puede ser más corto
course-error-same-contract = El contrato ya es de { $count } sesiones
course-error-renegotiate-reason = Explique por qué cambia el contrato (la renegociación forma parte del expediente)
course-error-status = Elija completado, terminado antes de tiempo, derivado o activo
course-error-status-reason =
    { $status ->
        [ended_early] Indique el motivo por el que el tratamiento terminó antes de tiempo
        [transferred] Indique el motivo por el que el tratamiento se derivó
        [completed] Indique el motivo por el que el tratamiento se completó
        [active] Indique el motivo por el que el tratamiento está activo
       *[other] Indique el motivo por el que el tratamiento está planificado
    }
course-error-back-to-planned = Un tratamiento no puede volver al estado planificado
course-error-done-future = La fecha no puede ser futura
course-error-done-format = La fecha debe tener el formato AAAA-MM-DD
course-error-diagnosis = Registre el diagnóstico (el código es opcional)
course-error-medication = Elija «No es necesaria», «Derivada para evaluación» o «Ya toma medicación»
course-error-diagnosis-code = Un código diagnóstico solo tiene letras, cifras y puntos (p. ej., F32.1 o 6A70.1)
session-error-phase = Elija la fase inicial, intermedia o final (o la fase calculada)
session-error-phase-reason = Explique por qué la fase de esta sesión difiere de la calculada
session-error-phase-not-held = Solo las sesiones con asistencia tienen fase propia
session-engagement = Sesión de enganche (sesión 0)
session-engagement-record = Es la sesión de enganche (sesión 0), antes de la sesión 1
session-engagement-hint = Sesión de enganche opcional de la TIP breve: lleva el número 0 y no cuenta para ningún recuento de sesiones, fase ni calendario de medidas.
session-label-engagement = Sesión de enganche (sesión 0) · { $date }
session-name = sesión { $number }
session-name-engagement = sesión de enganche (sesión 0)
session-error-engagement-protocol = { $protocol } no tiene sesión de enganche; registre la sesión 1
session-error-engagement-twice = Este tratamiento ya tiene su sesión de enganche (sesión 0)
session-error-engagement-late = La sesión 1 ya está registrada; la sesión de enganche va antes
session-error-engagement-phase = La sesión de enganche (sesión 0) no tiene fase propia
session-error-before-course = La fecha de la sesión no puede ser anterior al inicio del tratamiento ({ $date })
session-error-after-course = La fecha de la sesión no puede ser posterior al fin del tratamiento ({ $date })
session-error-date-missing = Indique la fecha de la sesión
session-error-date-format = La fecha debe tener el formato AAAA-MM-DD
session-error-time = La hora debe tener el formato HH:MM (24 horas)
session-error-modality = La modalidad debe ser in_person, video o phone
session-error-attendance-missing = Registre si hubo asistencia, si se canceló o si no asistió
session-error-attendance = La asistencia debe ser attended, cancelled, no_show o scheduled
session-error-future-attended = A una sesión futura aún no se pudo asistir; regístrela como agendada
session-error-past-scheduled = Una sesión pasada tuvo asistencia, se canceló o no se asistió
session-error-duration = La duración debe ser de 1 a 480 minutos (se indicó { $got })
note-error-mood = El ánimo se puntúa de { $min } a { $max } (se indicó { $got })
note-error-event-text = Describa el acontecimiento o borre su efecto en el ánimo
note-error-effect = El efecto en el ánimo debe ser better, worse o no_change
note-error-too-many-events = Como máximo { $max } acontecimientos por nota
note-error-risk-value = La evaluación del riesgo debe ser none_identified o identified
note-error-risk = Registre la evaluación del riesgo antes de firmar
note-error-risk-detail = Describa el riesgo identificado y lo que se hizo al respecto
note-error-event-effect = Indique cómo fue «{ $event }» para el ánimo de la consultante
note-error-addendum = Escriba la adenda
course-progress-held =
    { $count ->
        [one] 1 sesión realizada
       *[other] { $count } sesiones realizadas
    }

## Casos límite de los protocolos (issue 19 item 5, decisión 50)
course-error-maintenance-undecided = Registre primero la conversación sobre el mantenimiento: este protocolo concluye el tratamiento agudo con un acuerdo de mantenimiento. Elija la decisión de mantenimiento en la revisión de cierre
course-maintenance-discussion = Este protocolo concluye el tratamiento agudo con un acuerdo de mantenimiento: para completarlo hace falta la decisión de mantenimiento en la revisión de cierre.
course-checklist-formulation-presented = Formulación presentada al/a la consultante
course-checklist-role-explained = Explicado el papel del/de la consultante en el tratamiento
course-checklist-suicide-risk = Evaluación inicial del riesgo de suicidio
# IPT-A (Mufson et al.): the initial risk check lists the exclusion criteria; the sick role is limited.
course-checklist-suicide-risk-ipt-a = Evaluación inicial del riesgo de suicidio; criterios de exclusión (derivar): riesgo suicida activo, psicosis, trastorno bipolar, dependencia de sustancias, discapacidad intelectual
course-checklist-sick-role-ipt-a = Rol de enfermo limitado conversado
