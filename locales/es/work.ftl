## La pestaña de formulación (templates/formulation.html, src/ui/formulation.rs).

formulation-title = Formulación · { $client }
formulation-sensitivity = Sensibilidad interpersonal
formulation-sensitivity-legend = Sensibilidad interpersonal (Stuart y Robertson)
formulation-sensitivity-hint = Una característica de la persona, no un área problema: una sensibilidad marcada a cómo reaccionan los demás (miedo a la crítica o al rechazo; dolor, retraimiento o enojo ante un desaire). Orienta cómo se trabaja el foco elegido.
formulation-sensitivity-yes = Sí, es una característica del/de la consultante
formulation-sensitivity-no = No
formulation-sensitivity-unrecorded = Sin registrar
formulation-sensitivity-note-label = Cómo se manifiesta (opcional)
formulation-sensitivity-note-hint = Una o dos líneas, por ejemplo con quién y en qué situaciones.
formulation-error-sensitivity-protocol = { $protocol } no registra la sensibilidad interpersonal (el protocolo de Stuart sí)
formulation-error-sensitivity-note = Indique si la sensibilidad interpersonal es una característica del/de la consultante antes de añadir una nota
formulation-error-sensitivity-choice = Elija sí, no o sin registrar
formulation-agreed-checklist-done = Acordada con la persona consultante el { $agreed }; marcada como hecha en la lista de verificación el { $done }.
formulation-client-agreed-on = La persona consultante aceptó la formulación el { $date }.
formulation-checklist-still-open = El punto de la lista de la fase inicial “{ $item }” sigue pendiente.
formulation-tick-done = Marcarlo como hecho el { $date }
formulation-problem-areas = Áreas problema
formulation-not-started = sin empezar
formulation-areas-hint = Cada área elegida tiene un espacio de trabajo para la fase intermedia.
formulation-goals-tab-link = Los objetivos se definen en la pestaña Objetivos.
formulation-heading = Formulación interpersonal
formulation-version-line = Versión { $version } · último cambio el { $when } por { $by }
formulation-not-written = Todavía no está escrita.
formulation-areas-legend = Áreas problema (como máximo { $max })
formulation-areas-offered = Es preferible un solo foco. { $protocol } ofrece estas áreas.
formulation-symptom-link-label = Cómo se relacionan los síntomas con la situación interpersonal
formulation-symptom-link-hint = Cuándo empezaron o empeoraron los síntomas y qué pasaba entonces en las relaciones de la persona consultante.
formulation-shared-label = La formulación en palabras sencillas, para compartir con la persona consultante
formulation-shared-hint = Breve, con las palabras de la persona consultante; nombra la enfermedad y el foco.
formulation-rationale-label = Razones de este foco
formulation-rationale-hint = Por qué esta área y no otra.
formulation-agreed-on-label = Fecha en que la persona consultante la aceptó (opcional)
formulation-agreed-on-hint = Déjela vacía hasta que la persona consultante haya aceptado la formulación y el foco.
formulation-save = Guardar la formulación
formulation-link-to-symptoms = Relación con los síntomas
formulation-shared-with-client = Compartida con la persona consultante
formulation-rationale = Razones
formulation-agreed = Aceptada
formulation-edit = Editar la formulación
formulation-history = Historial
formulation-versions-newest-first =
    { $count ->
        [one] { $count } versión, la más reciente primero
       *[other] { $count } versiones, la más reciente primero
    }
formulation-version-change =
    Versión { $version } · { $change ->
        [created] creada
        [removed] eliminada
       *[other] modificada
    } el { $when } por { $by }
formulation-not-yet = todavía no
formulation-none-chosen = ninguna elegida
formulation-summary-dispute =
    con { $person }: { $stage ->
        [renegotiation] renegociación
        [impasse] impasse
       *[dissolution] disolución
    }
formulation-summary-experiments =
    { $count ->
        [one] { $count } experimento social
       *[other] { $count } experimentos sociales
    }

## El espacio de trabajo de un área problema (templates/formulation_area.html).

formulation-back = Formulación
formulation-area-not-chosen = Esta área ya no está entre las áreas elegidas de la formulación; su espacio de trabajo se conserva como registro.
formulation-loss-kind = Tipo de pérdida
formulation-loss-death = Una muerte
formulation-loss-other = Otra pérdida (una relación, la salud, un embarazo...)
formulation-stage-legend = Etapa de la disputa
formulation-stage-legend-now =
    Etapa de la disputa: ahora { $stage ->
        [renegotiation] renegociación
        [impasse] impasse
       *[dissolution] disolución
    }
formulation-stage-renegotiation = Renegociación
formulation-stage-impasse = Impasse
formulation-stage-dissolution = Disolución
formulation-stage-renegotiation-hint = Ambas partes saben que discrepan y tratan activamente de cambiar las cosas: calmar, mejorar la comunicación, resolver.
formulation-stage-impasse-hint = Ya no hablan y el resentimiento persiste: sacar el desacuerdo a la luz y reabrir la negociación.
formulation-stage-dissolution-hint = La relación está rota sin remedio: ayudar a elaborar el duelo por ella y seguir adelante.
formulation-lists-hint = Listas siguientes: una entrada por línea.
formulation-experiments = Intentos de nuevo contacto (experimentos sociales)
formulation-date = Fecha
formulation-attempt = Intento
formulation-outcome = Resultado
formulation-attempt-date-n = Fecha del intento { $n }
formulation-attempt-n = Intento { $n }
formulation-outcome-n = Resultado { $n }
formulation-two-rows-hint = Cada vez que guarda se añaden dos filas vacías.
formulation-save-area = Guardar
formulation-stage-history = Historial de etapas
formulation-no-stage = Todavía no se ha registrado ninguna etapa.
formulation-from = De
formulation-to = A
formulation-note = Nota
formulation-f-person = Quién murió (un nombre o un alias)
formulation-f-date-of-death = Fecha de la muerte (o de la pérdida)
formulation-f-circumstances = Circunstancias
formulation-f-circumstances-hint = Lo que ocurrió antes, durante y después de la muerte.
formulation-f-relationship-good = La relación: lados buenos
formulation-f-relationship-bad = La relación: lados difíciles
formulation-f-mourning-tasks = Tareas del duelo
formulation-f-mourning-progress = Avances en el duelo
formulation-f-new-activities = Nuevas actividades y relaciones
formulation-f-new-activities-hint = Lo que ocupa en parte el lugar de la pérdida.
formulation-f-other-person = La otra persona (un nombre o un alias)
formulation-f-stage-date = Si la etapa cambió: cuándo
formulation-f-stage-date-hint = Por defecto, hoy. Se guarda en el historial de etapas.
formulation-f-stage-note = Si la etapa cambió: nota
formulation-f-stage-note-hint = Qué la hizo cambiar.
formulation-f-issues = Sobre qué es la disputa
formulation-f-client-expectations = Las expectativas de la persona consultante
formulation-f-other-expectations = Las expectativas de la otra persona
formulation-f-non-reciprocal = Expectativas no recíprocas
formulation-f-non-reciprocal-hint = Dónde no coinciden las expectativas de cada parte.
formulation-f-options = Opciones
formulation-f-options-hint = Una por línea, con la probabilidad de cada una.
formulation-f-similar-patterns = Patrones parecidos en otras relaciones
formulation-f-old-role = Rol anterior
formulation-f-new-role = Rol nuevo
formulation-f-date-of-change = Fecha del cambio
formulation-f-losses = Lo que se perdió
formulation-f-gains = Lo que se ganó
formulation-f-skills-needed = Habilidades que requiere el rol nuevo
formulation-f-support-needed = Apoyo necesario
formulation-f-steps-taken = Pasos dados
formulation-f-isolation-pattern = Patrón de aislamiento
formulation-f-past-relationships-good = Relaciones pasadas: lo que salió bien
formulation-f-past-relationships-bad = Relaciones pasadas: lo que salió mal
formulation-f-repeating-patterns = Patrones que se repiten
formulation-f-repeating-patterns-hint = Uno por línea.
formulation-f-notes = Notas
formulation-f-notes-hint = Lo que se perdió o cambió, los sentimientos al respecto, nuevos objetivos realistas.

## La pestaña de objetivos (templates/goals.html, src/ui/goals.rs).

goals-title = Objetivos · { $client }
goals-heading = Objetivos
goals-none-yet = Todavía no hay objetivos.
goals-choose-areas-first = Elija primero las áreas problema en la pestaña Formulación: cada objetivo pertenece a una.
goals-ratings-hint = Las valoraciones van de 0 (nada) a 10 (logrado por completo), una por objetivo en cada sesión realizada.
goals-clinician-wording-is = Redacción del o de la terapeuta: { $wording }
goals-target-is = meta: { $target }
goals-due-by-session = para la sesión { $n }
goals-due-on = para el { $date }
goals-status-active = Activo
goals-status-achieved = Logrado
goals-status-revised = Revisado
goals-status-dropped = Abandonado
goals-session-short = S{ $n }
goals-session-short-engagement = Sesión de enganche
goals-note-is = Nota: { $note }
goals-earlier-wordings =
    { $count ->
        [one] Redacción anterior ({ $count })
       *[other] Redacciones anteriores ({ $count })
    }
goals-until = hasta el { $date }
goals-change = Cambiar este objetivo
goals-in-clients-words = Con las palabras de la persona consultante
goals-new-wording-hint = Una nueva redacción conserva la anterior y marca el objetivo como revisado.
goals-clinician-wording = Redacción del o de la terapeuta
goals-target = Meta
goals-due-session = Para la sesión
goals-due-date = Fecha límite
goals-status = Estado
goals-status-note = Nota sobre el estado (opcional)
goals-save = Guardar el objetivo
goals-rate-heading = Valorar los objetivos en una sesión
goals-no-held-session = Las valoraciones corresponden a una sesión realizada;
goals-overview-link = registre primero una sesión a la que se asistió en la pestaña Resumen.
goals-session = Sesión
goals-show = Mostrar
goals-rate-legend = { $session }: de 0 (nada) a 10 (logrado por completo)
goals-rate-hint = Deje un objetivo vacío para omitirlo. Una nueva valoración para la misma sesión reemplaza la anterior.
goals-save-ratings = Guardar las valoraciones
goals-add-heading = Añadir un objetivo
goals-new = Nuevo objetivo
goals-problem-area = Área problema
goals-choose = Elija…
goals-statement-label = El objetivo con las propias palabras de la persona consultante
goals-statement-hint = p. ej., “Decirle a Sam lo que necesito sin que terminemos peleando”
goals-clinician-wording-optional = Redacción del o de la terapeuta (opcional)
goals-target-optional = Meta (opcional)
goals-target-hint = Cómo se vería lograrlo.
goals-due-session-optional = Para la sesión (opcional)
goals-due-date-optional = Fecha límite (opcional)
goals-add = Añadir el objetivo
goals-trend =
    { $trend ->
        [rising] en aumento
        [falling] en descenso
       *[flat] estable
    }
goals-ratings-none = todavía sin valoraciones
goals-ratings-one = valoración { $rating }: una sola valoración por ahora
goals-ratings-many = valoraciones { $ratings }: { $trend }
goals-rate-choose-session = Elija una sesión realizada en este tratamiento
goals-rate-out-of-range = La valoración de “{ $goal }” debe estar entre 0 y 10
goals-rate-none = Ingrese al menos una valoración

## Reglas de los objetivos (rapport-core goals.rs, rapport-app goals.rs).

goals-error-areas-first = Elija primero las áreas problema en la formulación; cada objetivo pertenece a una
goals-error-choose-area = Elija el área problema a la que pertenece este objetivo: { $areas }
goals-error-no-areas = Todavía no se eligió ningún área problema; regístrelas primero en la formulación
goals-error-area-not-chosen = { $area } no es un área problema elegida en este tratamiento; elija { $areas }
goals-error-statement = Escriba el objetivo con las propias palabras de la persona consultante
goals-error-due-session = La sesión límite debe estar entre 1 y { $max } (se indicó { $got })
goals-error-due-date = La fecha límite debe tener la forma AAAA-MM-DD
goals-error-status = El estado debe ser activo, logrado, revisado o abandonado
goals-error-new-is-active = Un objetivo nuevo está activo
goals-error-reopen-first =
    Un objetivo { $from ->
        [achieved] logrado
        [dropped] abandonado
        [revised] revisado
       *[active] activo
    } debe reabrirse (pasar a activo) antes de quedar { $to ->
        [achieved] logrado
        [dropped] abandonado
        [revised] revisado
       *[active] activo
    }
goals-error-reopen-to-reword =
    Reabra el objetivo antes de cambiar su redacción (está { $status ->
        [achieved] logrado
        [dropped] abandonado
        [revised] revisado
       *[active] activo
    })
goals-error-revised-needs-wording = Un objetivo pasa a revisado cuando cambia su redacción; cambie la redacción
goals-error-session-not-held = Elija una sesión realizada en este tratamiento (con asistencia); las valoraciones corresponden a una sesión realizada

## La pestaña del inventario (templates/inventory.html, inventory_circle_table.html, src/ui/inventory.rs).

inventory-title = Inventario · { $client }
inventory-checklist-outstanding = El punto de la lista “{ $item }” sigue pendiente.
inventory-checklist-mark-hint = Cuando se hayan revisado las relaciones importantes, márquelo como hecho (se registra en la lista del tratamiento con la fecha de hoy).
inventory-mark-done = Marcar el inventario como hecho
inventory-add-person = Añadir una persona
inventory-compare-snapshots = Comparar instantáneas
inventory-circle = Círculo de cercanía
inventory-circle-hint = La persona consultante en el centro; las personas más cercanas en el anillo interior. Las personas pertenecen a la persona consultante y las comparten todos sus tratamientos.
inventory-circle-region = Círculo de cercanía (se desplaza de lado en pantallas pequeñas)
inventory-circle-scroll-note = En una pantalla estrecha el círculo se desplaza de lado; la tabla de abajo muestra a todas las personas por anillo.
inventory-circle-now-title = El círculo de cercanía tal como está ahora
inventory-support-map = Mapa de apoyo social
inventory-support-map-empty = Añada personas para ver quién apoya a la persona consultante y dónde falta apoyo.
inventory-support-gets = Apoyo que recibe la persona consultante
inventory-gap = Carencia
inventory-nobody = nadie
inventory-gaps = Carencias:
inventory-gaps-text = apoyo de tipo { $kinds }: ninguna persona viva lo brinda.
inventory-support-lost =
    El apoyo { $kind ->
        [emotional] emocional
        [practical] práctico
        [information] informativo
       *[company] de compañía
    } venía de { $names }, { $count ->
        [one] que ha fallecido.
       *[other] que han fallecido.
    }
inventory-client-supports = La persona consultante apoya a
inventory-nobody-recorded = Nadie registrado.
inventory-could-support-now = Podría brindar apoyo ahora
inventory-nobody-marked = Todavía nadie marcado. Marque a las personas a las que la persona consultante podría recurrir (movilización del apoyo).
inventory-people-by-ring = Personas por anillo
inventory-no-people = Todavía no hay personas. Empiece por quien la persona consultante nombre primero: pareja, familia, amistades, colegas, personas de su comunidad de fe, personal de salud. Incluya a las personas fallecidas si todavía importan.
inventory-people-caption = Personas del círculo de cercanía, por anillo, con sus marcas
inventory-col-name = Nombre
inventory-col-relationship = Relación
inventory-col-marks = Marcas
inventory-col-support = Apoyo a la persona consultante
inventory-col-contact = Contacto
inventory-col-actions = Acciones
inventory-third-party-title = Contiene lo que otras personas dijeron sobre esta persona
inventory-third-party-badge = Información de terceros
inventory-lives-with-client = Vive con la persona consultante
inventory-open = Abrir
inventory-history = Historial
inventory-history-of-hidden = de { $name }
inventory-nobody-in-ring = Nadie en este anillo.
inventory-removed-people = Personas retiradas ({ $count })
inventory-removed-when = retirada el { $when } por { $by }
inventory-snapshots = Instantáneas del círculo
inventory-snapshots-hint = Una instantánea guarda quién estaba en cada anillo, quién daba apoyo y dónde había conflicto, en una fecha. Tome una al inicio y otra al final para ver qué cambió.
inventory-no-snapshots = Todavía no hay instantáneas.
inventory-people-count =
    { $count ->
        [one] { $count } persona
       *[other] { $count } personas
    }
inventory-take-snapshot-now = Tomar una instantánea ahora
inventory-snapshot-label = Etiqueta
inventory-snapshot-label-hint = p. ej., { $labels }
inventory-snapshot-date = Fecha
inventory-snapshot-date-hint = Hoy, salvo que esté registrando una anterior.
inventory-snapshot-session = Sesión (opcional)
inventory-snapshot-session-hint = La sesión en la que se dibujó.
inventory-none = Ninguna
inventory-snapshot-note = Nota (opcional)
inventory-take-snapshot =
    { $count ->
        [one] Tomar la instantánea ({ $count } persona)
       *[other] Tomar la instantánea ({ $count } personas)
    }
inventory-done-person-added = Persona añadida al inventario.
inventory-done-person-saved = Cambios guardados. La versión anterior se conserva en el historial.
inventory-done-person-removed = Persona retirada del inventario. Su historial se conserva.
inventory-done-snapshot = Instantánea tomada: el círculo tal como está hoy se guarda con este tratamiento.
inventory-ring-heading-inner = Anillo interior (el más cercano)
inventory-ring-heading-middle = Anillo intermedio
inventory-ring-heading-outer = Anillo exterior
inventory-ring-heading-numbered =
    { $place ->
        [first] Anillo { $n } (el más cercano)
        [last] Anillo { $n } (el más lejano)
       *[between] Anillo { $n }
    }
inventory-mark-deceased = fallecida
inventory-mark-conflict = conflicto
inventory-mark-gives-support = da apoyo
inventory-mark-could-support-now = podría dar apoyo ahora

## Códigos del inventario (rapport-core inventory): relaciones, anillos, apoyo, contacto, expectativas cumplidas.

inventory-rel-partner = Pareja
inventory-rel-parent = Madre o padre
inventory-rel-child = Hija o hijo
inventory-rel-sibling = Hermana o hermano
inventory-rel-friend = Amistad
inventory-rel-colleague = Colega
inventory-rel-community = Fe o comunidad
inventory-rel-health-worker = Personal de salud
inventory-rel-other = Otra
inventory-ring-inner = Interior
inventory-ring-middle = Intermedio
inventory-ring-outer = Exterior
inventory-ring-numbered = Anillo { $n }
inventory-support-emotional = Emocional
inventory-support-practical = Práctico
inventory-support-information = Informativo
inventory-support-company = Compañía
inventory-contact-daily = A diario o casi
inventory-contact-weekly = Cada semana
inventory-contact-monthly = Cada mes
inventory-contact-less-often = Con menos frecuencia
inventory-contact-no-contact = Sin contacto ahora
inventory-met-yes = Cumplidas
inventory-met-partly = Cumplidas en parte
inventory-met-no = No cumplidas

## El formulario de una persona (templates/inventory_person.html).

inventory-back = Volver al inventario
inventory-conflict-title = Otra persona guardó esta ficha mientras usted la editaba
inventory-conflict-saved-by = Guardada por { $name }. Sus cambios siguen en el formulario de abajo y no se sobrescribió nada. Donde difieren:
inventory-saved-by-at = { $name } el { $when }
inventory-conflict-matches = La versión guardada ya coincide con su formulario.
inventory-col-field = Campo
inventory-col-saved = Versión guardada
inventory-col-yours = Su formulario
inventory-empty-value = (vacío)
inventory-conflict-save-again = Si guarda de nuevo, su formulario reemplaza la versión guardada; esta queda en el historial.
inventory-who = Quién es
inventory-relationship-label = Relación con la persona consultante
inventory-relationship-hint = Elija la opción más parecida.
inventory-choose = Elija…
inventory-has-died = Ha fallecido
inventory-ring-legend = Anillo de cercanía
inventory-ring-hint-inner = las personas más cercanas, las que más importan
inventory-ring-hint-middle = cercanas, pero menos
inventory-ring-hint-between = menos cercanas que las del anillo { $closer }
inventory-ring-hint-outer = importantes, pero no cercanas
inventory-interactions = Interacciones
inventory-contact-label = Con qué frecuencia tienen contacto
inventory-contact-hint = En persona, por teléfono o en línea.
inventory-not-recorded = Sin registrar
inventory-expectations = Expectativas
inventory-client-expectations-met-label = ¿Se cumplen las expectativas de la persona consultante?
inventory-other-expectations-met-label = ¿Se cumplen las expectativas de esta persona?
inventory-conflict = Conflicto
inventory-conflict-present = Hay conflicto
inventory-support = Apoyo
inventory-support-gets-from-them = Apoyo que la persona consultante recibe de esta persona
inventory-support-gives-them = Apoyo que la persona consultante le da
inventory-support-kinds-hint = Emocional: escuchar, consolar. Práctico: ayuda con tareas, dinero, cuidado de hijos. Informativo: consejos, saber adónde acudir. Compañía: tiempo juntos.
inventory-could-support-now-hint = Alguien a quien la persona consultante podría recurrir durante el tratamiento (un objetivo de movilización del apoyo).
inventory-communication = Comunicación y cambio
inventory-notes = Notas
inventory-third-party-label = Incluye información dada por otras personas (información de terceros)
inventory-third-party-hint = Tenga cuidado antes de compartir esta ficha con la persona consultante o con otras personas.
inventory-save-changes = Guardar los cambios
inventory-add = Añadir la persona
inventory-cancel = Cancelar
inventory-remove-heading = Retirar del inventario
inventory-remove-text = La persona sale del círculo y del mapa de apoyo. Todas las versiones quedan en el historial y las instantáneas anteriores la siguen mostrando.
inventory-remove-confirm = ¿Retirar a esta persona del inventario? Su historial se conserva.
inventory-remove = Retirar a la persona
inventory-f-display-name = Nombre o alias
inventory-f-display-name-hint = Como la llama la persona consultante. Un alias está bien.
inventory-f-relationship-detail = Con sus palabras (opcional; necesario para “Otra”)
inventory-f-relationship-detail-hint = p. ej., padrastro, vecina, casero
inventory-f-date-of-death = Fecha de fallecimiento (opcional)
inventory-f-date-of-death-hint = Solo para alguien que ha fallecido.
inventory-f-shared-activities = Qué hacen juntos
inventory-f-satisfying = Qué es satisfactorio en la relación
inventory-f-satisfying-hint = Con ejemplos.
inventory-f-unsatisfying = Qué no es satisfactorio
inventory-f-unsatisfying-hint = Con ejemplos.
inventory-f-client-expectations = Qué espera de esta persona la persona consultante
inventory-f-other-expectations = Qué espera esta persona de la persona consultante
inventory-f-conflict-description = Sobre qué es el conflicto
inventory-f-conflict-description-hint = Cómo son las discusiones y si se resuelven o se dejan de lado.
inventory-f-can-discuss = De qué se puede hablar con esta persona
inventory-f-cannot-discuss = De qué no se puede hablar, y por qué
inventory-f-wanted-changes = Cambios que desearía la persona consultante
inventory-f-wanted-changes-hint = En su propio comportamiento o en el de la otra persona.
inventory-f-change-since-onset = Cómo cambió la relación desde que empezó la depresión
inventory-f-notes = Notas

## Los campos de una persona en palabras (tablas de historial y de conflicto).

inventory-field-name = Nombre o alias
inventory-field-relationship = Relación
inventory-field-lives-with-client = Vive con la persona consultante
inventory-field-deceased = Fallecida
inventory-field-ring = Anillo
inventory-field-contact = Contacto
inventory-field-shared-activities = Actividades compartidas
inventory-field-satisfying = Aspectos satisfactorios
inventory-field-unsatisfying = Aspectos insatisfactorios
inventory-field-client-expectations = Las expectativas de la persona consultante
inventory-field-client-expectations-met = Se cumplen las expectativas de la persona consultante
inventory-field-other-expectations = Sus expectativas hacia la persona consultante
inventory-field-other-expectations-met = Se cumplen sus expectativas
inventory-field-conflict-present = Hay conflicto
inventory-field-conflict = Conflicto
inventory-field-support-received = Apoyo que la persona consultante recibe de esta persona
inventory-field-support-given = Apoyo que la persona consultante le da
inventory-field-can-discuss = Se puede hablar de
inventory-field-cannot-discuss = No se puede hablar de
inventory-field-wanted-changes = Cambios deseados
inventory-field-change-since-onset = Cambio desde que empezó la depresión
inventory-field-could-support-now = Podría dar apoyo ahora
inventory-field-third-party = Incluye información de terceros
inventory-field-notes = Notas
inventory-yes = Sí
inventory-no = No
inventory-yes-died-on = Sí, falleció el { $date }

## El historial de una persona (templates/inventory_history.html).

inventory-history-of = Historial de { $name }
inventory-open-current = Abrir la versión actual
inventory-removed-on = Retirada del inventario el { $when }. Las versiones de abajo se conservan.
inventory-version-heading =
    Versión { $version } · { $change ->
        [created] añadida
        [removed] retirada
       *[other] modificada
    }
inventory-changes-in-version = Cambios en la versión { $version }
inventory-col-before = Antes
inventory-col-after = Después
inventory-whole-record = La ficha completa en la versión { $version }

## Una instantánea del círculo (templates/inventory_snapshot.html) y la comparación (inventory_compare.html).

inventory-snapshot-title = Instantánea { $label } · { $client }
inventory-snapshot-heading = Instantánea: { $label }
inventory-taken-by = tomada por { $name }
inventory-compare-with = Comparar con { $label }
inventory-compare-with-now = Comparar con el presente
inventory-snapshot-table = Personas de esta instantánea, por anillo
inventory-circle-of = Círculo de cercanía: { $title }
inventory-compare-title = Comparar círculos · { $client }
inventory-compare-heading = Comparar círculos de cercanía
inventory-earlier = Anterior
inventory-later = Posterior
inventory-compare = Comparar
inventory-now-option = Ahora (inventario actual)
inventory-now = Ahora
inventory-what-changed = Qué cambió de { $from } a { $to }
inventory-no-changes = Sin cambios: las mismas personas, en los mismos anillos, con las mismas marcas de apoyo y de conflicto.
inventory-changes-between = Cambios entre los dos círculos
inventory-col-person = Persona
inventory-col-what-changed = Qué cambió
inventory-stayed-same-ring =
    { $count ->
        [one] { $count } persona se quedó en el mismo anillo.
       *[other] { $count } personas se quedaron en el mismo anillo.
    }
inventory-compare-none = Tome primero una instantánea (en la página del inventario); luego compárela con una posterior o con el inventario tal como está ahora.

## Reglas del inventario (rapport-core inventory, rapport-app inventory.rs).

inventory-error-name = Ingrese un nombre o un alias para esta persona
inventory-error-relationship = Elija la relación de esta persona con la persona consultante
inventory-error-relationship-detail = Indique cuál es la relación (p. ej., vecina, casero)
inventory-error-ring = Elija el anillo en el que está la persona (el 1 es el más cercano)
inventory-error-ring-beyond = El círculo de cercanía tiene { $count } anillos: elija un anillo del 1 al { $count }
inventory-error-date-of-death-form = La fecha de fallecimiento debe tener la forma AAAA-MM-DD
inventory-error-date-of-death-not-deceased = Marque “Ha fallecido” o borre la fecha de fallecimiento
inventory-error-date-of-death-future = La fecha de fallecimiento no puede ser futura
inventory-error-conflict = Marque “Hay conflicto” o borre la descripción del conflicto
inventory-error-could-support-deceased = No se puede pedir apoyo ahora a una persona fallecida
inventory-error-snapshot-label = Dé una etiqueta a la instantánea, p. ej., intake o ending
inventory-error-snapshot-label-line = La etiqueta debe ocupar una sola línea
inventory-error-snapshot-future = La fecha no puede ser futura
inventory-error-snapshot-date-form = La fecha debe tener la forma AAAA-MM-DD
inventory-error-snapshot-session = Elija una de las sesiones de este tratamiento
inventory-error-no-version = Al formulario le falta su versión: vuelva a cargar la página e inténtelo de nuevo

## La figura del círculo de cercanía (rapport-core inventory/circle.rs, dibujada en src/ui/inventory.rs).

inventory-circle-centre = Consultante
inventory-legend-support = Da apoyo a la persona consultante
inventory-legend-conflict = Hay conflicto
inventory-legend-could-support = Podría dar apoyo ahora
inventory-legend-deceased = Fallecida (contorno punteado, †)
inventory-circle-person-in-ring =
    { $person }, anillo { $ring ->
        [inner] interior
        [middle] intermedio
        [outer] exterior
       *[numbered] { $n }
    }
inventory-circle-opening =
    { $count ->
        [one] La persona consultante en el centro, con { $count } persona a su alrededor.
       *[other] La persona consultante en el centro, con { $count } personas a su alrededor.
    }
inventory-circle-ring-list = { $ring }: { $people }.

## Qué cambió entre dos círculos (templates/inventory_compare.html; la primera letra va en mayúscula).

inventory-change-moved =
    { $direction ->
        [closer] se acercó
       *[further] se alejó
    }: anillo { $from ->
        [inner] interior
        [middle] intermedio
        [outer] exterior
       *[numbered] { $from_n }
    } → { $to ->
        [inner] interior
        [middle] intermedio
        [outer] exterior
       *[numbered] { $to_n }
    }
inventory-change-added =
    añadida, en el anillo { $ring ->
        [inner] interior
        [middle] intermedio
        [outer] exterior
       *[numbered] { $n }
    }
inventory-change-removed =
    ya no está en el círculo (estaba en el anillo { $ring ->
        [inner] interior
        [middle] intermedio
        [outer] exterior
       *[numbered] { $n }
    })
inventory-change-conflict-now = ahora hay conflicto
inventory-change-conflict-gone = ya no hay conflicto
inventory-change-support-received = apoyo a la persona consultante: { $before } → { $after }
inventory-change-support-given = apoyo de la persona consultante: { $before } → { $after }
inventory-change-died = ha fallecido
inventory-change-could-support-now = ahora marcada como que podría dar apoyo
inventory-change-could-support-gone = ya no está marcada como que podría dar apoyo
inventory-support-none = ninguno

# Problem-area facts (issue 19 item 4): what each chosen area's workspace records before the client agrees.
formulation-fact-missing = Antes de que el cliente acepte la formulación, registre { $fact } en el espacio de trabajo de { $area }.
formulation-fact-person = quién murió
formulation-fact-person-id = la persona en el inventario interpersonal
formulation-fact-date-of-death = cuándo murió
formulation-fact-loss = qué se perdió
formulation-fact-loss-date = cuándo ocurrió la pérdida
formulation-fact-old-role = el rol anterior
formulation-fact-new-role = el rol nuevo
formulation-fact-other-person = la otra persona de la disputa
formulation-facts-needed = Necesario antes de que el cliente acepte:
formulation-loss-other-is-transition = { $protocol } trabaja una pérdida que no es una muerte como una transición de rol: elija transición de rol en la formulación.
formulation-non-death-loss-hint = Una pérdida que no es una muerte (una separación, un trabajo, la salud) es una transición de rol en { $protocol }.
formulation-last-resort = El área de último recurso: elíjala solo si no hay duelo, disputa ni transición que trabajar.
formulation-f-person-link = Persona en el inventario interpersonal
formulation-f-person-link-hint = Si no aparece, añádala primero en la pestaña Inventario.
formulation-f-person-link-none = Sin vincular

# Inventory fields of the manuals (issue 19 item 6).
inventory-knows-yes = Lo sabe
inventory-knows-partly = Sabe algo
inventory-knows-no = No lo sabe
inventory-error-knows-deceased = Una persona fallecida no puede saber ahora de la depresión; déjelo vacío
inventory-f-knows = ¿Sabe de la depresión?
inventory-f-knows-unknown = No preguntado
inventory-f-communication = Forma habitual de comunicarse
inventory-f-communication-hint = Directamente, con silencios, a través de otros, discutiendo...
inventory-f-feelings-together = Cómo se siente el cliente cuando están juntos
inventory-f-linked-to-onset = La relación está ligada al inicio de la depresión
inventory-field-knows = Sabe de la depresión
inventory-field-communication = Forma habitual de comunicarse
inventory-field-feelings-together = Sentimientos cuando están juntos
inventory-field-linked-to-onset = Ligada al inicio
