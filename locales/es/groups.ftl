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
