## Group IPT pages (templates/groups.html, group.html, group_new.html,
## group_pre_group.html, group_meeting.html, group_meeting_done.html; ui/groups).

group-list-title = Grupos
group-list-subtitle-organiser = Los grupos de TIP que usted facilita, supervisa u organiza.
group-list-subtitle = Los grupos de TIP que usted facilita o supervisa.
group-new = Nuevo grupo
group-list-empty-organiser = Todavía no hay grupos. Cree uno con “Nuevo grupo”.
group-list-empty = Todavía no hay grupos. Un(a) supervisor(a) o un(a) administrador(a) crea los grupos y designa a sus facilitadores(as).
group-list-caption = Grupos con su sede, protocolo, fase, reuniones, integrantes y facilitadores(as)
group-col-group = Grupo
group-col-site = Sede
group-col-protocol = Protocolo
group-col-phase = Fase
group-col-meetings = Reuniones
group-col-members = Integrantes
group-col-facilitators = Facilitadores(as)
group-col-member = Integrante
group-col-status = Estado
group-col-areas = Áreas problema
group-col-goal = Objetivo
group-col-attended = Asistencia
group-col-first = { $measure } inicial
group-col-latest = { $measure } más reciente
group-closed = Cerrado
group-no-site = Sin sede
group-none = Ninguno
group-choose = Elija…
group-cancel = Cancelar
group-optional = (opcional)
group-or = o
group-breadcrumb = Ruta de navegación
group-meetings-held = { $held } de { $planned } realizadas
group-members-in-all = ({ $count } en total)

## Phases and member statuses (rapport-core group.rs).

group-phase-pre-group = Sesiones previas al grupo
group-phase-pre-group-before = Sesiones previas al grupo (antes de la primera reunión)
group-phase-initial = Fase inicial
group-phase-middle = Fase intermedia
group-phase-termination = Fase final
group-phase-finished = Terminado
group-phase-with-words = { $phase } ({ $words })
group-status-awaiting-pre-group = Falta la sesión previa al grupo
group-status-pre-group-done = Sesión previa realizada
group-status-active = Activo(a)
group-status-completed = Completó
group-status-dropped-out = Abandonó
group-status-referred = Derivado(a)

## A group's page (templates/group.html).

group-facilitators-are = Facilitadores(as): { $names }
group-record-meeting = Registrar la reunión { $number }
group-summary-title = Situación del grupo
group-meetings-to-go = { $held } de { $planned } realizadas · faltan { $remaining }
group-starts = Inicio
group-starts-at = { $date } a las { $time }
group-members-in-group = { $count } en el grupo (tamaño de { $min } a { $max })
group-members-took-part = { $count } participaron (tamaño de { $min } a { $max })
group-single-gender = de un solo género
group-next-agenda = Agenda de la próxima reunión (reunión { $number })
group-summary-only = Usted ve el resumen de este grupo. Sus integrantes los ven sus facilitadores(as) y quienes los supervisan.
group-members-empty = Todavía no hay integrantes. Agregue personas abajo y luego realice la sesión previa al grupo con cada una.
group-members-caption = Integrantes con su estado, áreas problema, objetivo, asistencia y puntuaciones de { $measure }
group-pre-group-on = Sesión previa: { $date }
group-record-pre-group = Registrar la sesión previa al grupo
group-record-pre-group-of = de { $name }
group-pre-group-change = (modificar el registro de { $name })
group-not-yet = Todavía no
group-attended-of = { $attended } de { $held }
group-add-title = Agregar un(a) integrante
group-full = El grupo está completo ({ $max } integrantes como máximo).
group-everyone-added = Todas las personas que usted puede ver ya están en el grupo.
group-register-first = Primero, { $link }.
group-register-new-person = registre a una persona nueva
group-not-listed = ¿No aparece? Primero, { $link }.
group-register-the-person = registre a la persona
group-person = Persona
group-add-to-group = Agregar al grupo
group-status-title = Un(a) integrante se va o termina
group-new-status = Nuevo estado
group-status-back = De vuelta en el grupo (activo/a)
group-status-reason = Motivo, o adónde se derivó
group-status-reason-hint = Obligatorio para “abandonó” y “derivado(a)”.
group-status-change = Cambiar el estado de { $name }
group-meetings-none = Todavía no hay reuniones registradas.
group-meeting-n = Reunión { $number }
group-meeting-attendance = { $attended } asistieron, { $absent } faltaron
group-close = Cerrar el grupo
group-close-explained =
    { $remaining ->
        [0] Cerrar el grupo lo da por terminado. Quienes siguen en él y tuvieron su sesión previa quedan como “completó”.
        [one] Cerrar el grupo lo da por terminado antes de su última reunión. Quienes siguen en él y tuvieron su sesión previa quedan como “completó”.
       *[other] Cerrar el grupo lo da por terminado antes de sus últimas { $remaining } reuniones. Quienes siguen en él y tuvieron su sesión previa quedan como “completó”.
    }
group-close-confirm = ¿Cerrar este grupo? Ya no se podrán registrar reuniones.
group-forbidden-members = Solo los facilitadores(as) del grupo y quienes los supervisan trabajan con sus integrantes.
group-done-created = Grupo creado. Ahora agregue a sus integrantes.
group-done-member-added = Integrante agregado(a). Sigue su sesión previa al grupo.
group-done-pre-group = Sesión previa al grupo registrada.
group-done-pre-group-flag = Sesión previa al grupo registrada. Una respuesta de riesgo fue positiva: se generó una alerta de riesgo; llame ahora a su supervisor(a).
group-done-status = Estado del/de la integrante modificado.
group-done-closed = Grupo cerrado. Quienes tuvieron su sesión previa al grupo quedan como “completó”.
group-membership-attended = asistió a { $attended } de { $held } reuniones realizadas ({ $planned } previstas)

## A new group (templates/group_new.html).

group-new-subtitle = Ponga un nombre al grupo y elija su protocolo, su sede y sus facilitadores(as). Los integrantes se agregan en la página del grupo.
group-new-name = Nombre del grupo
group-new-name-hint = Por ejemplo el lugar y el día: “Mujeres de Kisoro, martes”
group-new-facilitator = Facilitador(a)
group-new-facilitator-2 = Segundo(a) facilitador(a) (opcional)
group-new-start = Fecha de inicio
group-new-start-hint = La semana de la primera reunión (las sesiones previas al grupo son antes)
group-new-time = Hora de la reunión (opcional)
group-new-time-hint = Por ejemplo 14:00
group-new-single-gender = Grupo de un solo género
group-new-create = Crear el grupo

## A member's pre-group session (templates/group_pre_group.html).

group-pre-group-title = Sesión previa al grupo
group-pre-group-page-title = Sesión previa al grupo · { $name }
group-pre-group-areas = ¿De qué se trata sobre todo el problema?
group-pre-group-areas-count =
    { $max ->
        [1] (una)
       *[other] (una o { $max })
    }
group-pre-group-goal = El objetivo del/de la integrante para el grupo
group-pre-group-goal-hint = Con sus palabras: qué quiere que sea distinto para la última reunión
group-pre-group-consent = El/la integrante aceptó unirse al grupo
group-pre-group-date = Fecha de la sesión previa al grupo
group-pre-group-date-hint = No posterior a hoy
group-pre-group-parent-date = Fecha de la sesión con el padre, la madre o la persona a cargo (opcional)
group-pre-group-baseline = { $measure } inicial
group-pre-group-baseline-hint = Déjelo en blanco si no se aplicó. Una respuesta positiva a la última pregunta genera una alerta de riesgo para el equipo de atención del/de la integrante y para su supervisor(a).
group-grid-caption = { $measure }: una fila por pregunta, una columna por respuesta
group-grid-question = Pregunta
group-pre-group-save = Guardar la sesión previa al grupo

## The meeting screen (templates/group_meeting.html).

group-meeting-title = Reunión { $number } · { $group }
group-meeting-of = Reunión { $number } de { $planned }
group-meeting-not-sent = Aún no enviada:
group-meeting-not-sent-text = esta reunión se escribió en este dispositivo pero no se guardó. Revísela y pulse “Guardar la reunión { $number }”.
group-meeting-discard = Descartar lo escrito
group-meeting-discard-confirm = ¿Descartar lo que se escribió en este dispositivo para esta reunión?
group-meeting-date = Fecha de la reunión
group-meeting-agenda = Agenda de hoy
group-meeting-answers = Respuestas del { $measure }:
group-meeting-answers-blank = Déjelo en blanco si no se preguntó.
group-meeting-record-later = { $link } cuando pueda.
group-record-it = Regístrela
group-meeting-was-here = ¿Vino { $name } hoy?
group-here = Presente
group-absent = Ausente
group-meeting-absent-note = Ausente: hoy no hay { $measure }.
group-meeting-note-on = Nota sobre { $name }
group-meeting-the-group = El grupo
group-meeting-group-note = Nota del grupo (opcional)
group-meeting-group-note-hint = Cómo fue la reunión, para los facilitadores(as) y el/la supervisor(a)
group-meeting-task = Tarea de esta semana (opcional)
group-meeting-task-hint = Lo que los integrantes acordaron intentar antes de la próxima reunión
group-meeting-save = Guardar la reunión { $number }
group-all-recorded = Las { $planned } reuniones de este grupo están registradas (o el grupo está cerrado).
group-forbidden-meetings = Solo los facilitadores(as) del grupo y quienes los supervisan registran sus reuniones.

## A recorded meeting and its crisis guidance (templates/group_meeting_done.html).

group-meeting-saved = Reunión { $number } guardada.
group-crisis-title =
    { $count ->
        [one] Hoy hay que hablar con un(a) integrante
       *[other] Hoy hay que hablar con { $count } integrantes
    }
group-crisis-positive = respondió de forma positiva a la pregunta sobre hacerse daño. Se generó una alerta de riesgo para su equipo de atención.
group-crisis-positive-told = respondió de forma positiva a la pregunta sobre hacerse daño. Se generó una alerta de riesgo para su equipo de atención y se avisó a su supervisor(a).
group-crisis-talk = Hable hoy en privado con { $name }, antes de que se vaya si es posible. Escuche con calma; no prometa guardar el secreto.
group-crisis-call-supervisor = Llame ahora a su supervisor(a).
group-crisis-call-supervisor-named = Llame ahora a su supervisor(a): { $names }.
group-crisis-danger-stay = Si { $name } puede estar en peligro ahora, quédese con esa persona y use las líneas de crisis de abajo.
group-crisis-call-recorder = Llame hoy a { $recorder }, quien facilitó la reunión: acuerden quién se comunica con { $name } y cuándo.
group-recorder-unknown = el/la facilitador(a) que la registró
group-crisis-assess = Evalúe el riesgo en la alerta, o asegúrese de que lo haga el/la terapeuta responsable del/de la integrante.
group-crisis-danger = Si { $name } puede estar en peligro ahora, use las líneas de crisis de abajo.
group-crisis-open-flag = Abrir la alerta de riesgo de { $name }
group-crisis-lines = Líneas de crisis
group-back = Volver al grupo
group-who-came = Quiénes vinieron
group-score = puntuación { $score }
group-flags-closed-since = Alertas de riesgo generadas en esta reunión y cerradas desde entonces:
group-note = Nota del grupo
group-task = Tarea de esta semana
group-agenda-done = Agenda cumplida
group-none-ticked = Ningún punto marcado

## What the group rules refuse (rapport-app groups.rs).

group-error-name = Ponga al grupo un nombre de 1 a 120 caracteres
group-error-protocol = Elija un protocolo de grupo: { $ids }
group-error-start-date = Indique la fecha de inicio como AAAA-MM-DD
group-error-meeting-time = Indique la hora de la reunión como HH:MM, p. ej. 14:00
group-error-facilitators = Indique uno(a) o dos facilitadores(as)
group-error-no-caseload = Esta cuenta no lleva casos
group-error-no-such-staff = No hay una cuenta activa del personal con este id (o se indicó dos veces)
group-error-date = Indique la fecha como AAAA-MM-DD
group-error-areas = Elija una o { $max } áreas problema
group-error-not-an-area = { $area } no es un área problema de este grupo
group-error-goal = Escriba el objetivo del/de la integrante en 1 a 500 caracteres
group-error-consent = Registre que el/la integrante aceptó unirse al grupo
group-error-meeting-future = La fecha de la reunión no puede ser futura
group-error-meeting-earlier = La reunión { $number } fue el { $date }; esta no puede ser anterior
group-error-not-member = No es integrante actual de este grupo
group-error-mark-attendance = Marque a { $name } como presente o ausente
group-error-note-long = Una nota tiene como máximo { $max } caracteres
group-error-text-long = Como máximo { $max } caracteres
group-error-agenda = Los puntos de la agenda de la reunión { $number } van del 1 al { $count }
group-error-absent-response = Este(a) integrante está marcado(a) como ausente: una respuesta requiere que esté presente
group-error-one-response = Solo una respuesta por integrante y por reunión
group-error-finished = Este grupo ya terminó; agregue a la persona a otro grupo
group-error-full = El grupo está completo: { $protocol } admite como máximo { $max } integrantes
group-error-already-member = Esta persona ya es integrante del grupo
group-error-status-change = Un(a) integrante con estado “{ $from ->
        [awaiting_pre_group] falta la sesión previa al grupo
        [pre_group_done] sesión previa realizada
        [active] activo(a)
        [completed] completó
        [dropped_out] abandonó
       *[referred] derivado(a)
    }” no puede pasar a “{ $to ->
        [awaiting_pre_group] falta la sesión previa al grupo
        [pre_group_done] sesión previa realizada
        [active] activo(a)
        [completed] completó
        [dropped_out] abandonó
       *[referred] derivado(a)
    }”
group-error-reason = Indique el motivo (por qué se fue, o adónde se derivó)
group-error-reason-long = El motivo tiene como máximo 500 caracteres
group-error-choose-status = Elija el nuevo estado del/de la integrante

## Screening outcomes (rapport-core group.rs).

screening-outcome-eligible = Elegible
screening-outcome-not-eligible = No elegible
screening-outcome-referred = Derivado(a) a un(a) terapeuta

## The fidelity section of a session or group meeting (templates/fidelity_panel.html; ui/fidelity_section.rs).

fidelity-title = Fidelidad
fidelity-rate-session = Calificar esta sesión
fidelity-self-due = Falta su autoevaluación.
fidelity-self-due-text = Su organización le pide calificar cada sesión que realiza: use “Calificar esta sesión”.
fidelity-not-rated = Todavía sin calificar.
fidelity-pass = Aprobada
fidelity-below-pass = Por debajo del mínimo
fidelity-rater-self = Autoevaluación
fidelity-rater-supervisor = Supervisor(a)
fidelity-rater-peer = Par
fidelity-mean-scale = { $mean } (escala de { $min } a { $max })
fidelity-mean-over = promedio { $mean } en { $items } ítems
fidelity-self-and-supervisor = Autoevaluación y supervisor(a): { $checklist }
fidelity-self-rating-and-supervisor = Autoevaluación y supervisor(a): { $checklist }
fidelity-agreement-caption = Autoevaluación y calificación del/de la supervisor(a), ítem por ítem
fidelity-item = Ítem
fidelity-differs = Difiere
fidelity-share = { $count } de { $items } ítems ({ $percent } %)
fidelity-agreement = Misma calificación en { $same }; a un punto o menos en { $within }.

## Screening a person for a group programme (templates/screening_form.html, screening_result.html).

programme-title = Programa
screening-title = Hacer el cribado de una persona
screening-subtitle = Para un programa de grupos: quién puede unirse y quién necesita antes a un(a) terapeuta
screening-registered-not-saved = { $name } quedó registrado(a). El cribado todavía no se guardó: corríjalo abajo y vuelva a guardar.
screening-who = A quién se hace el cribado
screening-person-hint = Alguien con quien ya trabaja, o una persona nueva que registra ahora.
screening-new-person-option = Una persona nueva (complete abajo)
screening-new-person = Una persona nueva
screening-new-person-hint = Solo si eligió “Una persona nueva”. Puede agregar sus demás datos a su expediente más tarde.
screening-name = Nombre
screening-for = Cribado para
screening-date = Fecha del cribado
screening-placeholder = Este instrumento tiene licencia: su texto no se incluye. Use su copia con licencia; las preguntas y opciones de abajo son marcadores en el mismo orden.
screening-blank-hint = Deje una pregunta en blanco si no se respondió. Un “sí” a cualquier pregunta sobre autolesión siempre deriva primero a la persona a un(a) terapeuta calificado(a).
screening-note = Nota (opcional)
screening-save = Guardar el cribado
screening-of = Cribado de { $name }
screening-newly-registered = recién registrado(a)
screening-referred-title = Derivado(a) a un(a) terapeuta calificado(a)
screening-self-harm = { $name } dio una respuesta sobre autolesión.
screening-referred-text = No se une a un grupo por ahora: primero la atiende un(a) terapeuta calificado(a).
screening-flag-open = Hay una alerta de riesgo abierta ({ $link }); llame hoy a su supervisor(a).
screening-see-flag = ver la alerta
screening-flag-open-plain = Hay una alerta de riesgo abierta; llame hoy a su supervisor(a).
screening-danger = Si puede estar en peligro ahora, quédese con esa persona y use estas líneas:
screening-eligible-title = Elegible para el grupo
screening-eligible-text = { $name } puede unirse a un grupo de este programa. Sigue la sesión individual previa al grupo, cuando se le agregue a un grupo.
screening-choose-group = { $link } (agréguela desde la página del grupo).
screening-choose-group-link = Elija su grupo
screening-not-eligible-title = Por ahora no es elegible para el grupo
screening-no-total = Quedaron preguntas en blanco, así que no se pudo calcular un total ni mostrar la elegibilidad. Vuelva a hacer el cribado de { $name } cuando pueda hacer todas las preguntas.
screening-below = Las respuestas de { $name } están por debajo del umbral del programa. No se une a un grupo por ahora; repita el cribado más adelante si las cosas empeoran.
screening-the-measure = El { $measure }
screening-total = Total
screening-no-total-short = sin calcular (preguntas en blanco)
screening-severity = Gravedad
screening-eligible-from = Elegible desde
screening-open-record = Abrir el expediente de { $name }
screening-another = Hacer el cribado de otra persona
screening-back = Volver al programa
screening-error-programme = Elija un programa: { $ids }
screening-error-other-measure = { $programme } hace el cribado con el { $measure }: responda sus preguntas abajo
screening-error-client = Elija a quién se hace el cribado, o registre a una persona nueva
screening-error-future = La fecha del cribado no puede ser posterior a hoy

## The programme page: screening to the end of the group (templates/programme.html; ui/programme.rs).

programme-subtitle = Del cribado al final del grupo
programme-subtitle-filtered = Del cribado al final del grupo: { $filters }
programme-filter = Filtrar el programa
programme-all-sites = Todas las sedes
programme-all-facilitators = Todos los facilitadores(as)
programme-show = Mostrar
programme-clear = Quitar los filtros
programme-funnel = El embudo
programme-funnel-hint = Cada persona cuenta una vez en cada paso que alcanzó (su último cribado y su último grupo). Elija un número para ver la lista de personas.
programme-funnel-region = El embudo, paso a paso
programme-step = Paso
programme-people = Personas
programme-bar = Barra
programme-step-link = { $count } { $step }: ver la lista
programme-people-at-step =
    { $count ->
        [one] { $step }: { $count } persona
       *[other] { $step }: { $count } personas
    }
programme-hide-list = Ocultar la lista
programme-nobody-at-step = Nadie ha llegado a este paso.
programme-nobody-at-step-filtered = Nadie ha llegado a este paso { $filters }.
programme-people-region = Personas: { $step }
programme-screening = Cribado
programme-in-group = En el grupo
programme-meetings-attended = Reuniones a las que asistió
programme-not-in-group = Sin grupo
programme-not-screened-here = Sin cribado aquí
programme-their-group = Su grupo
programme-by-site = Por sede
programme-funnel-by-site = Embudo por sede
programme-nobody-yet = Todavía nadie tiene cribado ni está en un grupo.
programme-by-facilitator = Por facilitador(a)
programme-by-facilitator-hint = Los facilitadores(as) de un grupo comparten a sus integrantes; antes de un grupo, la persona cuenta para quien le hizo el cribado.
programme-funnel-by-facilitator = Embudo por facilitador(a)
programme-chosen-facilitator = El/la facilitador(a) elegido(a)
programme-at-chosen-site = en la sede elegida
programme-at-site = en { $site }
programme-with-facilitator = con { $name } (grupos que facilita, personas a quienes hizo el cribado)
programme-error-site = Elija una sede de la lista
programme-error-facilitator = Elija un(a) facilitador(a) de la lista
programme-error-step = Elija un paso: { $keys }
programme-step-screened = Con cribado
programme-step-eligible = Elegibles
programme-step-not-eligible = No elegibles
programme-step-referred = Derivados(as) a un(a) terapeuta
programme-step-pre-group-done = Sesión previa al grupo realizada
programme-step-enrolled = Inscritos(as) en un grupo
programme-step-attended = Asistieron a suficientes reuniones
programme-step-completed = Completaron
programme-step-dropped-out = Abandonaron
programme-col-screened = Cribado
programme-col-eligible = Elegibles
programme-col-not-eligible = No elegibles
programme-col-referred = Derivados
programme-col-pre-group-done = Sesión previa
programme-col-enrolled = Inscritos
programme-col-attended = Asistencia suficiente
programme-col-completed = Completaron
programme-col-dropped-out = Abandonaron

## Rating a session (templates/fidelity_form.html, course_fidelity.html; ui/fidelity.rs).

fidelity-rate-as-self = Yo (realicé esta sesión)
fidelity-rate-as-peer = Par (un(a) colega)
fidelity-forbidden = Usted no puede calificar esta sesión.
fidelity-scale-from-to = De { $min } a { $max }
fidelity-scale-to = { $min } a { $max }
fidelity-pass-rule = Una sesión se aprueba con un promedio de al menos { $mean } en { $items } ítems o más.
fidelity-error-choose = Ítem { $n }: elija una calificación
fidelity-error-number = Ítem { $n }: la calificación debe ser un número
fidelity-back-session = Volver a la sesión
fidelity-back-meeting = Volver a la reunión
fidelity-rate-title = Calificar esta sesión · { $name }
fidelity-rate-meeting-title = Calificar la reunión { $number } · { $group }
fidelity-checklist = Lista de verificación
fidelity-use-checklist = Usar esta lista
fidelity-phase-items = Solo se muestran los ítems de la fase de esta sesión.
fidelity-rating-as = Usted califica como
fidelity-rating-as-colon = Usted califica como:
fidelity-grid-caption = Una fila por ítem, una columna por punto de la escala
fidelity-comment = Comentario (opcional)
fidelity-save = Guardar la calificación
fidelity-over-time = Fidelidad a lo largo del tiempo
fidelity-over-time-title = Fidelidad a lo largo del tiempo · { $name }
fidelity-over-time-subtitle = autoevaluación y supervisor(a), ítem por ítem
fidelity-none-rated = Todavía no hay ninguna sesión de este tratamiento calificada.
fidelity-none-both = Todavía no hay ninguna sesión calificada a la vez por el/la terapeuta y un(a) supervisor(a).
fidelity-trend-hint = Cada columna es una sesión calificada por ambos, encabezada por la fecha de la calificación del/de la supervisor(a); cada celda dice autoevaluación / supervisor(a), en una escala de { $scale }. En el gráfico pequeño, la línea gris discontinua es la autoevaluación y la línea continua, la del/de la supervisor(a).
fidelity-trend-region = { $checklist }, a lo largo del tiempo
fidelity-trend-caption = { $checklist }: autoevaluación y supervisor(a) por ítem y fecha de sesión
fidelity-chart = Gráfico
fidelity-differs-hidden = (difiere)
fidelity-back-course = Volver al tratamiento

## Recordings of a session for supervision (templates/recordings_panel.html).

recording-title = Grabaciones para supervisión
recording-none = No hay grabaciones de esta sesión.
recording-label = Grabación subida el { $date }
recording-line = Subida el { $date } · { $size } · se borra automáticamente el { $deleted }
recording-upload-title = Subir una grabación
recording-upload-hint = Solo usted y sus supervisores(as) pueden reproducirla. Cada reproducción queda registrada, y el audio se borra automáticamente al terminar el período de conservación.
recording-audio = Archivo de audio (MP3, M4A, OGG, WebM o WAV, hasta 64 MB)
recording-consent = El/la consultante dio su consentimiento para esta grabación
recording-consent-how = Cómo dio su consentimiento (opcional)
recording-consent-placeholder = Por ejemplo: formulario de consentimiento firmado, 3 de noviembre
recording-upload = Subir la grabación
recording-error-consent = Marque la casilla para confirmar que el/la consultante dio su consentimiento para esta grabación
recording-error-audio = Elija el archivo de audio de la sesión

## The client's reflections from the portal (templates/reflections_panel.html).

record-pro-reflections = Lo que piensa el/la consultante (desde el portal)

## Supervision: the dashboard, the log and a new meeting (templates/supervision*.html; ui/supervision.rs).

supervision-subtitle = Los casos abiertos y los grupos de sus supervisados(as), primero los que requieren atención.
supervision-subtitle-of = Casos abiertos y grupos de { $name }, primero los que requieren atención.
supervision-record-meeting = Registrar una reunión
supervision-log = Registro de supervisión
supervision-filter = Mostrar los casos de un(a) supervisado(a)
supervision-supervisee = Supervisado(a)
supervision-everyone = Todos
supervision-show-everyone = Mostrar a todos
supervision-open-cases = Casos abiertos
supervision-no-cases = No hay casos abiertos.
supervision-no-cases-nobody = No hay casos abiertos: todavía nadie está vinculado a usted como supervisado(a). Un(a) administrador(a) vincula a terapeutas y facilitadores(as) con su supervisor(a) en la página de su cuenta.
supervision-cases-caption = Casos abiertos de sus supervisados(as), primero los que requieren atención
supervision-col-client = Consultante
supervision-col-clinician = Terapeuta
supervision-col-sessions = Sesiones
supervision-col-attention = Requiere atención
supervision-col-fidelity = Última calificación de fidelidad
supervision-groups-title = Grupos de sus facilitadores(as)
supervision-no-groups = No hay grupos abiertos de las personas que usted supervisa.
supervision-no-groups-of = No hay grupos abiertos de { $name }.
supervision-groups-caption = Grupos abiertos de los facilitadores(as) que usted supervisa, primero los integrantes en riesgo
supervision-col-attendance = Asistencia
supervision-col-at-risk = Integrantes en riesgo
supervision-at-risk = { $count } con una alerta de riesgo abierta
supervision-records = Expedientes de sus supervisados(as)
supervision-records-hint = Horas de supervisión y de terapia, capacitaciones y avance hacia la certificación.
supervision-badge-flags =
    { $count ->
        [one] { $count } alerta de riesgo abierta
       *[other] { $count } alertas de riesgo abiertas
    }
supervision-badge-flags-oldest =
    { $count ->
        [one] { $count } alerta de riesgo abierta
       *[other] { $count } alertas de riesgo abiertas
    }, la más antigua de { $unit ->
        [hours] { $n ->
            [one] { $n } hora
           *[other] { $n } horas
        }
       *[days] { $n } días
    }
supervision-badge-not-on-track = No va según lo previsto
supervision-badge-initial-overdue = Fase inicial atrasada: sin formulación acordada
supervision-badge-ending = Cierre aún no preparado
supervision-badge-fidelity = Última calificación por debajo del mínimo
supervision-badge-over-contract = Más sesiones que las del contrato
supervision-badge-no-focus = Sin área problema elegida
supervision-badge-measures =
    { $count ->
        [one] { $count } cuestionario pendiente o faltante
       *[other] { $count } cuestionarios pendientes o faltantes
    }
supervision-badge-on-course = Según lo previsto
supervision-fidelity-latest = { $mean }, { $pass ->
        [yes] aprobada
       *[no] por debajo del mínimo
    } ({ $rater ->
        [self] autoevaluación
        [supervisor] supervisor(a)
       *[peer] par
    })
supervision-no-meetings = Todavía sin reuniones
supervision-percent = { $percent } %
supervision-forbidden = Las páginas de supervisión son para supervisores(as).
supervision-log-subtitle = Reuniones de supervisión que usted dirigió o a las que asistió, las más recientes primero.
supervision-log-empty = Todavía no hay reuniones de supervisión registradas.
supervision-meeting-label = Supervisión { $kind ->
        [group] grupal
       *[individual] individual
    } del { $date }
supervision-kind-minutes = { $kind ->
        [group] Grupal
       *[individual] Individual
    }, { $minutes } minutos
supervision-supervisees = Supervisados(as)
supervision-cases-discussed = Casos tratados
supervision-none-named = Ninguno indicado
supervision-decisions = Decisiones
supervision-action-points = Acciones acordadas
supervision-due = Para el { $date }
supervision-done = Hecho
supervision-overdue = Atrasado
supervision-mark-done = Marcar como hecho
supervision-mark-done-label = Marcar como hecho: { $text }
supervision-a-course = Un tratamiento
supervision-a-group = Un grupo
supervision-case-with = { $client } (con { $clinician })
supervision-case-group = Grupo: { $name }
supervision-new-title = Registrar una reunión de supervisión
supervision-new-subtitle = Las horas cuentan para el total de supervisión de cada supervisado(a).
supervision-date = Fecha
supervision-minutes = Duración en minutos
supervision-kind = Tipo de reunión
supervision-individual = Individual
supervision-present = Supervisados(as) presentes
supervision-nobody-linked = Todavía nadie está vinculado a usted como supervisado(a).
supervision-cases-optional = Casos tratados (opcional)
supervision-no-open-cases = Sus supervisados(as) no tienen casos abiertos.
supervision-decisions-optional = Decisiones (opcional)
supervision-actions-optional = Acciones acordadas (opcional)
supervision-actions-hint = Cada una con quién la hace y para cuándo. Deje una fila vacía para omitirla.
supervision-action-n = Acción { $n }
supervision-who = Quién
supervision-nobody-named = Nadie indicado
supervision-me = Yo
supervision-due-label = Para el
supervision-save = Guardar la reunión

## A practitioner's professional record (templates/professional_record.html; ui/supervision.rs).

record-pro-mine = Mi expediente
record-pro-title = Expediente · { $name }
record-pro-hours = { $form ->
        [one] { $hours } hora
       *[other] { $hours } horas
    }
record-pro-ratio = 1 hora de supervisión por cada { $hours } horas de terapia
record-pro-no-ratio = Todavía sin proporción: requiere horas de terapia y de supervisión
record-pro-hours-title = Horas
record-pro-supervision = Supervisión recibida
record-pro-therapy = Terapia realizada
record-pro-ratio-title = Proporción
record-pro-certification = Certificación
record-pro-certification-hint = El avance se calcula a partir de lo ya registrado: capacitaciones, horas de supervisión y casos supervisados con una calificación aprobatoria del/de la supervisor(a).
record-pro-expired = Vencida el { $date }
record-pro-renewal-due = Renovación pendiente: vence el { $date }
record-pro-certified = Certificado(a) el { $date }
record-pro-requirements-met = Requisitos cumplidos
record-pro-percent = { $percent } % del camino
record-pro-certified-on = Certificado(a) el { $date }.
record-pro-certified-until = Certificado(a) el { $date }, válido hasta el { $until }.
record-pro-met = Cumplido
record-pro-have-need = { $have } de { $need }
record-pro-requirement-training = Horas de formación
record-pro-requirement-supervision = Horas de supervisión
record-pro-requirement-cases = Casos supervisados con una calificación aprobatoria
record-pro-requirement-cases-measured =
    { $sessions ->
        [one] Casos supervisados con una calificación aprobatoria y mediciones en cada sesión
       *[other] Casos supervisados con una calificación aprobatoria y mediciones al menos cada { $sessions } sesiones
    }
record-pro-certified-on-label = Fecha de certificación
record-pro-certify = Registrar la certificación
record-pro-no-pathways = No hay rutas de certificación configuradas.
record-pro-trainings = Capacitaciones
record-pro-no-trainings = Todavía no hay capacitaciones registradas.
record-pro-course = Curso
record-pro-trainer = Formador(a)
record-pro-trainer-optional = Formador(a) (opcional)
record-pro-not-given = Sin indicar
record-pro-new-training = Registrar una capacitación
record-pro-save-training = Registrar la capacitación

## What the supervision rules refuse (rapport-app supervision.rs).

supervision-error-future = Una reunión de supervisión no puede ser futura
supervision-error-minutes = Indique la duración en minutos, de 5 a 600
supervision-error-not-supervisee = No es una persona que usted supervisa
supervision-error-no-supervisee = Indique al menos un(a) supervisado(a)
supervision-error-individual = Una supervisión individual tiene un(a) solo(a) supervisado(a); elija grupal
supervision-error-action-long = Una acción tiene como máximo 500 caracteres
supervision-error-owner = El/la responsable es usted o uno(a) de los supervisados(as) presentes
supervision-error-due = Indique la fecha límite como AAAA-MM-DD
supervision-error-course = Escriba el nombre del curso en 1 a 200 caracteres
supervision-error-hours = Indique las horas: más de 0 y como máximo 1000
supervision-error-training-future = Una capacitación se registra una vez realizada
