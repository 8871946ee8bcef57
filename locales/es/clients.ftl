## Today (templates/today.html, src/ui/today.rs).

today-title = Hoy
today-clients-on-teams =
    { $count ->
        [one] { $count } consultante en sus equipos de atención
       *[other] { $count } consultantes en sus equipos de atención
    }
today-no-own-clients = Usted no forma parte del equipo de atención de ningún consultante, así que todavía no hay nada suyo aquí. Los { $caseload } y las { $flags } también muestran a los consultantes que usted ve por supervisión.
today-caseload-link = Casos
today-risk-flags-link = Alertas de riesgo
today-sessions-today = Sesiones de hoy
today-no-sessions-today = No hay sesiones hoy.
today-no-time = Sin hora
today-attendance =
    { $status ->
        [scheduled] Programada
        [attended] Realizada
        [cancelled] Cancelada
       *[no_show] No asistió
    }
today-open-session = Abrir la sesión
today-open-session-with = con { $client }
today-open-session-with-at = con { $client } a las { $time }
today-rest-of-week = Resto de la semana
today-open-calendar = Abrir el calendario
today-no-more-sessions = No hay más sesiones esta semana.
today-short-date = { $weekday } { $day } { $month }
today-open-flags = Alertas de riesgo abiertas
today-no-open-flags = No hay alertas de riesgo abiertas.
today-flag-level =
    { $level ->
        [low] riesgo bajo
        [moderate] riesgo moderado
        [high] riesgo alto
        [imminent] riesgo inminente
       *[other] riesgo { $level }
    }
today-flag-not-assessed = aún sin evaluar
today-flag-not-acknowledged = sin acusar recibo
today-flag-acknowledged = recibo acusado
today-flag-raised =
    { $days ->
        [0] emitida hoy
        [one] emitida hace 1 día
       *[other] emitida hace { $days } días
    }
today-overdue-tasks = Tareas vencidas
today-no-overdue-tasks = No hay tareas vencidas.
today-task-acknowledge = Acusar recibo de la alerta de riesgo
today-task-assessment = Evaluación del riesgo
today-task-risk-follow-up = Seguimiento del riesgo (la fecha de seguimiento de la evaluación)
today-task-due-today = vence hoy
today-task-follow-up =
    { $months ->
        [one] Cuestionarios de seguimiento al mes ({ $instruments })
       *[other] Cuestionarios de seguimiento a los { $months } meses ({ $instruments })
    }
today-task-due = vence el { $date }
today-task-overdue =
    { $days ->
        [0] vencida
        [one] vencida hace 1 día
       *[other] vencida hace { $days } días
    }
today-notes-to-sign = Notas por firmar
today-notes-all-signed = Todas las notas de las sesiones realizadas están firmadas.
today-note-draft = borrador sin firmar
today-note-none = aún sin nota
today-age =
    { $days ->
        [0] hoy
        [one] 1 día
       *[other] { $days } días
    }
today-notes-more = { $count } más, más recientes
today-measures-due = Cuestionarios pendientes
today-no-measures-due = No hay cuestionarios pendientes.
today-measure-overdue = { $measure } vencido
today-measure-due = { $measure } pendiente

## Caseload (templates/caseload.html, caseload_rows.html, src/ui/clients.rs).

caseload-title = Casos
caseload-new-client = Nuevo consultante
caseload-status-tabs = Estado del consultante
caseload-active = Activos
caseload-archived = Archivados
caseload-search-label = Buscar consultantes por nombre o identificador
caseload-search-placeholder = Buscar por nombre o identificador
caseload-clinician = Terapeuta
caseload-all-clinicians = Todos los terapeutas
caseload-sort = Ordenar
caseload-sort-name = Por nombre
caseload-sort-need = Por necesidad
caseload-show = Mostrar
caseload-by-clinician = Por terapeuta
caseload-subtitle-of = Consultantes a cargo de { $name }
caseload-subtitle-archived-of = Consultantes archivados a cargo de { $name }
caseload-subtitle-supervised = Consultantes de los terapeutas que usted supervisa y aquellos de cuyo equipo de atención usted forma parte
caseload-subtitle-archived-supervised = Consultantes archivados de los terapeutas que usted supervisa y aquellos de cuyo equipo de atención usted forma parte
caseload-subtitle-own = Consultantes de cuyo equipo de atención usted forma parte
caseload-subtitle-archived-own = Consultantes archivados de cuyo equipo de atención usted forma parte
caseload-clinician-summary =
    { $clients ->
        [one] { $clients } consultante
       *[other] { $clients } consultantes
    } · { $flags ->
        [one] { $flags } alerta de riesgo abierta
       *[other] { $flags } alertas de riesgo abiertas
    } · { $overdue ->
        [one] { $overdue } cuestionario vencido
       *[other] { $overdue } cuestionarios vencidos
    }
caseload-clinician-you = { $name } (usted)
caseload-no-match = Ningún consultante coincide con «{ $search }».
caseload-no-archived = No hay consultantes archivados.
caseload-empty = No tiene casos. { $link } para empezar.
caseload-create-link = Cree la ficha de un consultante
caseload-count =
    { $count ->
        [one] { $count } consultante
       *[other] { $count } consultantes
    }
caseload-count-matching =
    { $count ->
        [one] { $count } consultante coincide con «{ $search }»
       *[other] { $count } consultantes coinciden con «{ $search }»
    }
caseload-most-in-need-first = primero quienes más lo necesitan
caseload-col-name = Nombre
caseload-col-course = Tratamiento de TIP
caseload-col-measures = Cuestionarios
caseload-col-date-of-birth = Fecha de nacimiento
caseload-col-age = Edad
caseload-col-pronouns = Pronombres
caseload-col-responsible = Terapeuta responsable
caseload-col-updated = Última actualización
caseload-raise-ending = Plantear el final
caseload-no-open-course = Sin tratamiento abierto
caseload-marker-risk-flag = Alerta de riesgo abierta
caseload-marker-risk-unanswered = Pregunta de riesgo sin responder: pregúntela en el próximo contacto
caseload-marker-overdue = Vencidos: { $measures }
caseload-marker-due = Pendientes: { $measures }
caseload-marker-not-on-track = Evolución insuficiente: { $measures }
caseload-pagination = Paginación
caseload-previous = Anterior
caseload-next = Siguiente
caseload-page-status = Página { $page } de { $pages }

## Calendar (templates/calendar.html, src/ui/calendar.rs).

calendar-title = Calendario
calendar-session-count =
    { $count ->
        [one] { $count } sesión
       *[other] { $count } sesiones
    }
calendar-week-of = Semana del { $date }
calendar-month-title = { $month } { $year }
calendar-previous = Anterior
calendar-next = Siguiente
calendar-view-name =
    { $view ->
        [week] semana
       *[month] mes
    }
calendar-today = Hoy
calendar-views = Vista del calendario
calendar-week = Semana
calendar-month = Mes
calendar-clinician = Terapeuta
calendar-everyone = Todas las personas que veo
calendar-show = Mostrar
calendar-no-sessions = Sin sesiones
calendar-all-day = Todo el día
calendar-minutes = { $minutes } min
calendar-move-or-cancel = Mover o cancelar
calendar-session-with = la sesión con { $client } del { $date }
calendar-new-date = Nueva fecha
calendar-new-time = Nueva hora
calendar-move = Mover
calendar-cancel-session = Cancelar la sesión
calendar-book-title = Programar una sesión
calendar-no-courses = No hay ningún tratamiento abierto en el que programar: primero inicie un tratamiento desde la página de un consultante.
calendar-client-course = Consultante y tratamiento
calendar-choose = Elija…
calendar-course-choice = { $client } (sesiones de { $minutes } min)
calendar-date = Fecha
calendar-time = Hora
calendar-duration = Minutos
calendar-as-planned = según lo previsto
calendar-book = Programar la sesión
calendar-book-hint = Las horas son horas locales. La sesión se añade al tratamiento del consultante como programada; registre la asistencia desde la página de la sesión.
calendar-duration-whole = La duración debe ser un número entero de minutos
calendar-weekday-short-1 = lun
calendar-weekday-short-2 = mar
calendar-weekday-short-3 = mié
calendar-weekday-short-4 = jue
calendar-weekday-short-5 = vie
calendar-weekday-short-6 = sáb
calendar-weekday-short-7 = dom
calendar-error-date = La fecha debe tener la forma AAAA-MM-DD
calendar-error-course = Elija el tratamiento del consultante
calendar-error-not-scheduled = Desde el calendario solo se puede mover o cancelar una sesión programada
calendar-feed-name = Sesiones de { $organisation } ({ $clinician })
calendar-feed-summary = Sesión de TIP: { $client }
calendar-feed-summary-engagement = Sesión de enganche de TIP (sesión 0): { $client }
calendar-feed-description = { $attendance } · { $modality } · { $minutes } min

## A client's record page (templates/client.html, src/ui/clients.rs).

client-not-recorded = Sin registrar
client-breadcrumb = Ruta de navegación
client-break-glass-title = Acceso de emergencia.
client-break-glass-text = Usted no forma parte del equipo de atención de este consultante. Este acceso queda registrado con su motivo y será revisado por la administración.
client-age = { $years } años
client-responsible = Terapeuta responsable: { $name }
client-archived = Archivado
client-edit = Editar la ficha
client-raise-concern = Señalar un riesgo
client-kiosk = Entregar el dispositivo para los cuestionarios
client-restore = Devolver a los casos activos
client-archive-confirm = ¿Archivar a este consultante? La ficha se conserva y se puede restaurar.
client-archive = Archivar
client-courses = Tratamientos de TIP
client-start-course = Iniciar un tratamiento
client-no-courses = Todavía no hay tratamientos.
client-course-started = iniciado el { $date }
client-course-status =
    { $status ->
        [planned] Previsto
        [active] En curso
        [completed] Completado
        [ended_early] Terminado antes de tiempo
       *[transferred] Derivado
    }
client-groups = Grupos
client-no-groups = No participa en ningún grupo.
client-group-goal = objetivo: { $goal }
client-group-joined = se unió el { $date }
client-details = Datos
client-display-name = Nombre de uso
client-legal-name = Nombre legal
client-date-of-birth = Fecha de nacimiento
client-pronouns = Pronombres
client-preferred-language = Idioma preferido
client-external-ids = Identificadores externos
client-none-recorded = Ninguno registrado
client-contact = Contacto
client-email = Correo electrónico
client-phone = Teléfono
client-address = Dirección
client-emergency-contact = Contacto de emergencia
client-emergency-name = Nombre
client-emergency-relationship = Relación
client-no-emergency-contact = No hay contacto de emergencia registrado.
client-add-emergency-contact = Añadir uno
client-consent = Consentimiento
client-no-consent = No hay notas de consentimiento registradas.
client-reminders = Recordatorios enviados
client-reminder-setting = Recordatorios de sesión por correo electrónico: { $setting }
client-reminder-default = { $lead } (la opción predeterminada de la organización)
client-reminder-lead =
    { $hours ->
        [off] Desactivados
       *[other] { $hours } horas antes
    }
client-no-email = sin correo electrónico
client-none-can-be-sent = no se puede enviar ninguno
client-change = Cambiar
client-no-reminders = Todavía no se ha enviado ningún recordatorio.
client-reminder-session = Sesión del { $when }
client-reminder-when = { $date } a las { $time }
client-reminder-queued = en cola desde el { $when }
client-reminder-emailed = enviado el { $when }
client-reminder-attempts =
    { $count ->
        [one] { $count } intento: { $error }
       *[other] { $count } intentos: { $error }
    }
client-reminder-waiting = esperando en la bandeja de salida
client-reminder-status =
    { $status ->
        [sent] enviado
        [pending] pendiente
        [retrying] reintentando
       *[failed] fallido
    }
client-created-updated = Creado el { $created } · última actualización: { $updated } · versión { $version }

## The client form (templates/client_form.html) and its checks (rapport-core client.rs).

client-form-edit-crumb = Editar
client-form-edit-title = Editar la ficha del consultante
client-form-edit-page-title = Editar { $name }
client-form-identity = Identidad
client-form-display-name-hint = El nombre que se usa a diario en Rapport.
client-form-legal-name = Nombre legal (opcional)
client-form-pronouns = Pronombres (opcional)
client-form-pronouns-hint = Por ejemplo: ella, él, elle.
client-form-preferred-language = Idioma preferido (opcional)
client-form-preferred-language-hint = El idioma del portal, los correos y los cuestionarios del consultante, cuando Rapport lo tiene.
client-form-language-not-set = Sin indicar
client-form-site = Sede
client-form-site-hint = La aldea, escuela o clínica a la que pertenece la persona, para el programa de grupos.
client-form-no-site = Sin sede
client-form-external-ids = Identificadores externos (opcional)
client-form-external-ids-hint = Uno por línea, con la forma sistema: valor. Por ejemplo «Número de historia: H123456».
client-form-email = Correo electrónico (opcional)
client-form-phone = Teléfono (opcional)
client-form-address = Dirección (opcional)
client-form-reminder = Recordatorios de sesión por correo electrónico
client-form-reminder-hint = Se envían antes de cada sesión programada, con los enlaces a los cuestionarios pendientes; solo si hay un correo electrónico arriba.
client-form-reminder-default = La opción predeterminada de la organización
client-form-consent-notes = Notas de consentimiento (opcional)
client-form-consent-hint = Lo que el consultante ha aceptado: tratamiento, formas de contacto, compartir información con otros profesionales.
client-form-save = Guardar los cambios
client-form-create = Crear el consultante
client-form-cancel = Cancelar
client-form-conflict = Otra persona guardó esta ficha mientras usted la editaba. Sus cambios están abajo y no se han guardado; la ficha actual está en su página. Revíselos y vuelva a guardar.
client-error-name-single-line = El nombre de uso debe ocupar una sola línea
client-error-name-required = Escriba un nombre de uso
client-error-date-of-birth-format = La fecha de nacimiento debe ser una fecha real con la forma AAAA-MM-DD
client-error-date-of-birth-future = La fecha de nacimiento no puede estar en el futuro
client-error-email = El correo electrónico debe tener la forma nombre@ejemplo.org
client-error-external-ids-max = Como máximo { $max } identificadores externos
client-error-external-id-parts = Cada identificador externo necesita un sistema y un valor, p. ej. «Número de historia: H123456»
client-error-external-id-length = Los sistemas y valores de los identificadores externos deben tener como máximo 80 caracteres
client-error-external-id-twice = «{ $system }» aparece dos veces
client-error-external-id-colon = «{ $line }» necesita dos puntos entre el sistema y el valor, p. ej. «Número de historia: H123456»
client-error-preferred-language = Elija un idioma de la lista
caseload-error-clinician = Elija un terapeuta de la lista
caseload-error-sort = Ordene por nombre o por necesidad
caseload-error-page = Esa página de la lista ya no está disponible: vuelva a empezar desde la primera página

## Parts shown to clients (templates/client_blank_prompt.html, client_support.html, diary_entry.html).

client-blank-send-anyway = Todavía puede responder arriba o enviar lo que tiene: su terapeuta verá qué preguntas quedaron en blanco.
client-support-title = No tiene que afrontarlo solo(a)
client-support-intro = Gracias por contarnos cómo ha estado. Si está pensando en hacerse daño o en quitarse la vida, o si ahora no se siente seguro(a), comuníquese de inmediato con alguno de estos contactos:
client-support-not-live = Su terapeuta verá sus respuestas en su próxima cita o antes. Nadie las revisa en tiempo real, así que use los contactos de arriba si necesita ayuda antes.
client-diary-mood = ánimo { $mood } de 10
client-diary-with = Con { $person }:

## The sections of a client's record (templates/client_tabs.html).

client-tabs = Secciones de la ficha del consultante
client-tab-record = Ficha
client-tab-measures = Cuestionarios
client-tab-portal = Portal
client-tab-care-team = Equipo de atención

## A client's care team (templates/care_team.html, src/ui/care_team.rs).

care-team-title = Equipo de atención
care-team-page-title = Equipo de atención · { $name }
care-team-members = Integrantes
care-team-members-table = Integrantes del equipo de atención
care-team-name = Nombre
care-team-role = Función
care-team-since = En el equipo desde
care-team-actions = Acciones
care-team-member = Integrante
care-team-staff = Personal
care-team-make-responsible = Hacer responsable
care-team-remove-confirm = ¿Quitar a { $name } del equipo de atención? Perderá el acceso a esta ficha.
care-team-remove = Quitar
care-team-add-title = Añadir un integrante
care-team-everyone = Todas las personas que pueden tener casos ya forman parte de este equipo.
care-team-add = Añadir al equipo de atención
care-team-only-members = Solo los integrantes del equipo de atención y sus supervisores(as) pueden cambiarlo.
care-team-error-choose = Elija un terapeuta para añadir

## Emergency access (templates/break_glass_search.html, break_glass_reason.html).

break-glass-title = Acceso de emergencia
break-glass-subtitle = Abra la ficha de un consultante que no está entre sus casos, por ejemplo al cubrir una crisis.
break-glass-search-intro = Cada acceso de emergencia queda registrado con su motivo, dura { $hours } horas y lo revisa la administración. Úselo solo cuando la atención de un consultante lo requiera ahora.
break-glass-find-title = Buscar al consultante
break-glass-search-label = Nombre o identificador del consultante
break-glass-search-placeholder = Nombre o identificador del consultante (al menos 2 caracteres)
break-glass-find = Buscar
break-glass-too-short = Escriba al menos 2 caracteres del nombre o del identificador del consultante.
break-glass-no-match = Ningún consultante de la organización coincide con «{ $search }».
break-glass-count =
    { $count ->
        [one] { $count } consultante coincide
       *[other] { $count } consultantes coinciden
    }
break-glass-results = Consultantes que coinciden
break-glass-action = Acción
break-glass-request = Solicitar acceso
break-glass-request-to = a { $name }
break-glass-to = Acceso de emergencia a { $name }
break-glass-reason-intro = Usted no forma parte del equipo de atención de este consultante. El acceso dura { $hours } horas, queda registrado en el registro de auditoría con su motivo y lo revisa la administración.
break-glass-reason = Motivo del acceso de emergencia
break-glass-reason-hint = Explique por qué la atención del consultante lo necesita ahora, por ejemplo «Cubro una llamada de crisis mientras su terapeuta está de licencia». Al menos 10 caracteres.
break-glass-open = Abrir la ficha
break-glass-error-reason = Indique el motivo del acceso de emergencia con { $min } a { $max } caracteres (los espacios y los caracteres invisibles no cuentan)

## A client's care context (templates/context.html, context_add.html,
## context_fields.html, context_item.html, src/ui/context.rs, rapport-core context.rs).

context-title = { $client } · { $what }
context-page-title = Contexto de atención
context-intro = El contexto de atención del consultante es común a todos sus tratamientos. Registrar un medicamento no cambia nada más: marque usted mismo(a) el punto de medicación de la lista de verificación cuando se haya evaluado la necesidad.
context-cultural = Formulación cultural
context-change-cultural = Cambiar la formulación cultural
context-version = Versión { $version }
context-change-or-history = Cambiar o ver el historial
context-cultural-empty = Aún sin registrar: la identidad cultural del consultante, sus propias palabras para el malestar, los factores de estrés y los apoyos, lo que espera de la ayuda y sus necesidades de idioma.
context-cultural-record = Registrar la formulación cultural
context-cultural-identity = Identidad cultural
context-cultural-identity-hint = Origen, fe, idioma y comunidad, tal como los describe el consultante.
context-explanations = Explicaciones del malestar
context-explanations-hint = Las propias palabras y expresiones del consultante sobre lo que siente y por qué.
context-stressors = Factores de estrés culturales
context-stressors-hint = p. ej. discriminación, migración, obligaciones familiares.
context-supports = Apoyos culturales
context-supports-hint = Comunidad, fe, familia.
context-expectations = Expectativas de la ayuda
context-expectations-hint = Lo que el consultante espera del tratamiento y de quien lo ayuda.
context-practices = Prácticas relevantes
context-practices-hint = Prácticas religiosas, de sanación o familiares que importan para la atención.
context-language-needs = Necesidades de idioma e intérprete
context-language-needs-hint = Idioma preferido para las sesiones y los materiales escritos.
context-interpreter-needed = Necesita intérprete
context-interpreter-is-needed = Se necesita un intérprete
context-yes = Sí
context-no = No
context-medication = Medicación
context-current = Actual
context-no-current-meds = No hay medicación actual registrada.
context-current-meds = Medicación actual
context-past = Anterior
context-no-past-meds = No hay medicación anterior registrada.
context-past-meds = Medicación anterior
context-med-name = Medicamento
context-med-dose = Dosis
context-med-dose-hint = p. ej. 50 mg una vez al día
context-med-prescriber = Quien lo recetó
context-med-started = Inicio
context-med-stopped = Fin
context-med-stopped-hint = Déjelo en blanco mientras lo tome.
context-med-adherence = Adherencia
context-med-adherence-hint = Con qué regularidad lo toma; dosis olvidadas y por qué.
context-med-side-effects = Efectos secundarios
context-med-adherence-side-effects = Adherencia y efectos secundarios
context-med-stops = termina el { $date }
context-med-adherence-text = Adherencia: { $text }
context-med-side-effects-text = Efectos secundarios: { $text }
context-med-taken = Período
context-med-taken-range = { $from } a { $to }
context-approx-date-hint = Un año (2024), un mes (2024-03) o un día (2024-03-14).
context-notes-label = Notas
context-change = Cambiar
context-add-medication = Añadir un medicamento
context-change-medication = Cambiar el medicamento
context-providers = Otros tratamientos y profesionales
context-no-providers = No hay otros profesionales registrados.
context-provider-name = Nombre o función
context-provider-name-hint = p. ej. Dra. Lee, médica de cabecera
context-provider-organisation = Organización
context-provider-contact = Contacto
context-provider-contact-hint = Teléfono, correo electrónico o dirección.
context-provider-provides = Lo que ofrece
context-provider-provides-short = Ofrece
context-add-provider = Añadir un profesional
context-change-provider = Cambiar el profesional
context-coordination = Notas de coordinación
context-no-coordination = Todavía no hay notas de coordinación.
context-note-of = nota del { $date }
context-note-date = Fecha
context-note-provider = Profesional
context-note-no-provider = No se refiere a un profesional
context-note-note = Nota
context-note-note-hint = Con quién se habló y qué se acordó.
context-removed-provider = (profesional eliminado)
context-add-note = Añadir una nota de coordinación
context-change-note = Cambiar la nota de coordinación
context-back = ← Volver al contexto de atención
context-save = Guardar
context-remove = Eliminar
context-remove-hint = Para entradas hechas por error. Se conservan su historial y la eliminación.
context-remove-medication-hint = Es mejor conservar un medicamento que el consultante dejó de tomar, con su fecha de fin.
context-remove-confirm = ¿Eliminar esta entrada?
context-conflict = { $name } guardó un cambio aquí el { $at } mientras usted editaba. Su versión está en el formulario; la otra se muestra al lado. Si vuelve a guardar, reemplazará la otra.
context-error-cultural-empty = Complete al menos una parte de la formulación cultural
context-error-stop-before-start = La fecha de fin es anterior a la fecha de inicio
context-error-note-date = Escriba la fecha (AAAA-MM-DD)

## A record's versions (templates/record_history.html, record_conflict.html).

record-history = Historial
record-change =
    { $change ->
        [Created] Creado
        [Removed] Eliminado
       *[other] Modificado
    }
record-version = versión { $version }
record-saved-meanwhile = Guardado mientras tanto (versión { $version })
record-by-at = Por { $name } el { $at }.

## Señales entre sesiones: la marca «contactar» del diario (issue 19 item 3, decisión 50)
check-in-marker = Contactar
check-in-low = Estado de ánimo en el diario { $mood } de 10 el { $date }: el fondo de la escala
check-in-drop = Estado de ánimo en el diario { $mood } de 10 el { $date }: 4 o más por debajo de la media reciente de { $average }
check-in-not-risk = Pregunte cómo está en el próximo contacto. No es una alerta de riesgo.
