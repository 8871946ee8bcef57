## The client's side: the portal, measure links and the kiosk, in the client's
## language; and the care team's portal page and kiosk hand-over.

## The portal's frame (templates/portal_base.html).

portal-help-now = Ayuda ahora
portal-nav-label = Sus páginas
portal-nav-home = Inicio
portal-nav-diary = Diario
portal-nav-safety-plan = Plan de seguridad
portal-footer-unsafe = Si no se siente seguro(a) o podría hacerse daño, { $link }. Nadie vigila estos mensajes en tiempo real.
portal-footer-get-help = busque ayuda ahora
portal-back-home = Volver a su página de inicio
portal-crisis-title = Si necesita ayuda ahora
portal-language-unknown = Elija uno de los idiomas de la lista

## Notices after a change.

portal-notice-reauth-failed = Se cerró su sesión tras demasiadas contraseñas incorrectas. Vuelva a iniciar sesión.
portal-notice-diary = Guardado en su diario. Su terapeuta lo verá antes de su próxima cita.
portal-notice-reflection = Gracias. Su terapeuta leerá lo que escribió antes de su próxima cita.
portal-notice-password = Contraseña cambiada. Se cerró su sesión en todos los demás dispositivos.

## Sign in and set up (portal_login.html, portal_join.html).

portal-login-email = Correo electrónico
portal-login-first-time = ¿Es su primera vez aquí? { $link }.
portal-login-join-link = Cree su cuenta con su código de invitación
portal-login-forgotten = ¿Olvidó su contraseña? Pida a su terapeuta que restablezca su acceso al portal.
portal-join-title = Cree su cuenta
portal-join-intro = Su terapeuta le dio una invitación con un código. Escríbalo aquí y elija una contraseña.
portal-join-code = Código de invitación
portal-join-email = Su correo electrónico
portal-join-email-hint = Lo usará para iniciar sesión.
portal-join-password = Elija una contraseña
portal-join-password-again = Escriba la contraseña otra vez
portal-join-submit = Crear mi cuenta
portal-join-already = ¿Ya tiene una cuenta? { $link }.

## Help now (portal_help.html).

portal-help-intro = Si está pensando en hacerse daño o en quitarse la vida, o no se siente seguro(a), comuníquese de inmediato con alguno de estos contactos. No tiene que esperar a su próxima cita.
portal-help-not-live = Nadie vigila este portal en tiempo real. Su terapeuta lee lo que usted envía aquí en su próxima cita o antes.

## Home (portal_home.html).

portal-home-hello = Hola, { $name }
portal-home-due-title = Cuestionarios para usted
portal-home-due-none = No hay nada que completar por ahora. Gracias.
portal-home-due-intro = Complételos antes de su próxima cita, por favor. Cada uno toma unos minutos.
portal-home-due-waiting = Pendiente desde su última cita
portal-home-due-follow-up =
    { $months ->
        [one] Seguimiento a { $months } mes
       *[other] Seguimiento a { $months } meses
    }
portal-home-work-title = Tarea entre sesiones
portal-home-work-agreed = Acordada en su cita del { $date }
portal-home-work-none = Todavía no hay nada acordado. Usted y { $clinician } pueden acordar algo para probar entre citas.
portal-home-next-title = Su próxima cita
portal-home-next-at = { $date } a las { $time }
portal-home-next = { $when }, con { $clinician }.
portal-home-next-none = Todavía no hay ninguna cita agendada. Su terapeuta es { $clinician }.
portal-home-diary-title = Desde nuestro último encuentro
portal-home-diary-intro = Anote cómo se siente y lo que pasa con las personas de su vida. Su terapeuta lo lee antes de su próxima cita.
portal-home-diary-count =
    { $count ->
        [0] Ninguna anotación en el diario en los últimos 7 días.
        [one] { $count } anotación en el diario en los últimos 7 días.
       *[other] { $count } anotaciones en el diario en los últimos 7 días.
    }
portal-home-diary-write = Escribir en mi diario

## Questionnaires (portal_measure.html, portal_measure_done.html; the measure-link
## and kiosk pages share these).

portal-measure-send = Enviar mis respuestas
portal-measure-send-anyway = Enviar de todos modos
portal-measure-who-reads = Sus respuestas van a su terapeuta, que las leerá en su próxima cita o antes. Nadie las vigila en tiempo real. Si necesita ayuda ahora, { $link }.
portal-measure-who-to-contact = vea con quién comunicarse
portal-done-title = Gracias
portal-done-sent = Sus respuestas se enviaron a su terapeuta.
portal-done-not-live = Su terapeuta las verá en su próxima cita o antes. Nadie las vigila en tiempo real.
portal-done-follow-up-title = Un cuestionario más, por favor
portal-done-follow-up = Sus respuestas indican que a su terapeuta le ayudaría saber un poco más. Complete ahora el { $questionnaire }, por favor; toma unos minutos.
portal-done-follow-up-answer = Responder el { $questionnaire }

## My progress (portal_progress.html).

portal-progress-title = Mi evolución
portal-progress-hidden = Su terapeuta revisará con usted los resultados de sus cuestionarios en sus citas.
portal-progress-none = Sus resultados aparecerán aquí cuando haya completado un cuestionario.
portal-progress-intro = Cada línea muestra sus puntuaciones a lo largo del tiempo. En estos cuestionarios, una puntuación más baja significa menos síntomas. Las franjas sombreadas muestran lo que suelen significar los rangos de puntuación; su terapeuta puede explicárselos.
portal-progress-as-table = { $questionnaire } en forma de tabla
portal-progress-scores = Puntuaciones del { $questionnaire }
portal-progress-date = Fecha
portal-progress-score = Puntuación
portal-progress-range = Rango

## My plan (portal_plan.html).

portal-plan-title = Mi plan
portal-plan-focus-title = En qué estamos trabajando
portal-plan-focus-none = Usted y su terapeuta acordarán en qué enfocarse durante las primeras citas. Aparecerá aquí.
portal-plan-agreed-on = Acordado el { $date }
portal-plan-goals-title = Mis objetivos
portal-plan-goals-none = Todavía no hay objetivos acordados.
portal-plan-goal-rated = última valoración: { $rating } de 10
portal-goal-active = En curso
portal-goal-achieved = Logrado
portal-goal-revised = Reformulado
portal-goal-dropped = Abandonado
portal-plan-thoughts-title = Lo que pienso
portal-plan-thoughts-intro = ¿Falta algo o no es del todo así? Escríbalo aquí para su terapeuta.
portal-plan-thoughts-about = Sobre
portal-plan-thoughts-yours = Lo que piensa
portal-plan-thoughts-send = Enviar a mi terapeuta
portal-plan-thoughts-before = Lo que escribió antes
portal-reflection-error-topic = Elija de qué trata lo que escribe: la formulación o los objetivos
portal-reflection-error-body = Escriba lo que piensa antes de enviarlo

## My diary (portal_diary.html).

portal-diary-title = Mi diario
portal-diary-new-title = ¿Cómo le ha ido?
portal-diary-new-intro = Anote su estado de ánimo, algo que pasó con alguien, o ambas cosas. Su terapeuta lo lee antes de su próxima cita.
portal-diary-day = Día
portal-diary-mood = Mi estado de ánimo, de 0 (muy bajo) a 10 (muy bueno)
portal-diary-event = ¿Qué pasó con alguien? (opcional)
portal-diary-person = ¿Con quién fue? (opcional)
portal-diary-effect = ¿Cómo se sintió después? (opcional)
portal-diary-effect-better = Me sentí mejor
portal-diary-effect-worse = Me sentí peor
portal-diary-effect-no-change = Sin cambios
portal-diary-save = Guardar en mi diario
portal-diary-past-title = Los últimos 60 días
portal-diary-past-none = Todavía no ha escrito nada.
portal-diary-error-day-missing = Elija el día del que se trata
portal-diary-error-day-too-old = El día debe estar dentro de los últimos 60 días
portal-diary-error-mood-number = El estado de ánimo debe ser un número entero de 0 a 10
portal-diary-error-effect = Elija mejor, peor o sin cambios
portal-diary-error-event-missing = Escriba lo que pasó
portal-diary-error-empty = Elija su estado de ánimo, o escriba lo que pasó (o ambas cosas)

## My safety plan (portal_safety_plan.html).

portal-safety-title = Mi plan de seguridad
portal-safety-version = Elaborado con su terapeuta · versión { $version }, { $date }
portal-safety-warning-signs = 1. Señales de alerta de que podría venir una crisis
portal-safety-coping = 2. Cosas que puedo hacer por mi cuenta para distraerme
portal-safety-distractions = 3. Personas y lugares que me ayudan a sentirme mejor
portal-safety-people = 4. Personas a quienes puedo pedir ayuda
portal-safety-professionals = 5. Profesionales y servicios con los que puedo comunicarme
portal-safety-environment = 6. Cómo hacer más seguro mi entorno
portal-safety-reasons = 7. Lo que me importa y por lo que vale la pena vivir

## Change my password (portal_password.html).

portal-password-title = Cambiar mi contraseña
portal-password-current = Contraseña actual
portal-password-new = Contraseña nueva
portal-password-hint = Al menos 12 caracteres. Unas cuantas palabras comunes juntas funcionan bien.
portal-password-again = Escriba la contraseña nueva otra vez
portal-password-signs-out = Al cambiarla se cierra su sesión en sus otros teléfonos y computadoras.

## Measure links without an account (link_*.html).

link-created-title = Enlace al cuestionario · { $client }
link-footer-unsafe = Si no se siente seguro(a) o podría hacerse daño, { $link }. Nadie vigila estas respuestas en tiempo real.
link-form-who-reads = Sus respuestas van a su terapeuta, que las leerá en su próxima cita o antes. Nadie las vigila en tiempo real.
link-done-close = Ya puede cerrar esta página.
link-gone-unknown-title = Este enlace no funciona
link-gone-unknown = Revise que copió el enlace completo. Si aun así no funciona, pida uno nuevo a su terapeuta.
link-gone-used-title = Este cuestionario ya se envió
link-gone-used = Gracias: recibimos sus respuestas. Cada enlace se puede usar una sola vez. Si necesita cambiar una respuesta, dígaselo a su terapeuta en su próxima cita.
link-gone-expired-title = Este enlace venció
link-gone-expired = Los enlaces duran 7 días. Si su terapeuta quiere que lo complete, pídale uno nuevo.
link-gone-refused-title = Este enlace ya no se puede usar
link-gone-refused = No se guardó nada. Pida un enlace nuevo a su terapeuta.

## Kiosk mode: the questionnaires handed to the client (kiosk_*.html).

kiosk-footer-unsafe = Si no se siente seguro(a) o podría hacerse daño, { $link }. Nadie vigila sus respuestas en tiempo real.
kiosk-return-title = Devolver al terapeuta
kiosk-greeting =
    { $after ->
        [0] Hola, { $name }. Su terapeuta le pidió responder este cuestionario.
        [one] Hola, { $name }. Su terapeuta le pidió responder este y { $after } más.
       *[other] Hola, { $name }. Su terapeuta le pidió responder este y { $after } más.
    }
kiosk-measure-who-reads = Sus respuestas van a su terapeuta. Si necesita ayuda ahora, { $link }.
kiosk-done-thanks = Gracias, { $name }
kiosk-done-all-title = Todo listo
kiosk-done-all = Todo listo, { $name }
kiosk-support-title = No tiene que enfrentarlo a solas
kiosk-support-intro = Gracias por contarnos cómo ha estado. Cuando devuelva el dispositivo, dígale a su terapeuta cómo se siente. Si está pensando en hacerse daño o en quitarse la vida, o no se siente seguro(a) ahora, también puede comunicarse de inmediato con alguno de estos contactos:
kiosk-done-one-more = Queda un cuestionario más: el { $questionnaire }.
kiosk-done-next = Siguiente cuestionario
kiosk-done-hand-back = No quedan más cuestionarios. Devuelva el dispositivo a su terapeuta, por favor.
kiosk-help-intro = Si está pensando en hacerse daño o en quitarse la vida, o no se siente seguro(a), dígaselo ahora a su terapeuta o comuníquese de inmediato con alguno de estos contactos:
kiosk-back = Volver a los cuestionarios

## Kiosk mode: the clinician's side (kiosk_handover.html, kiosk_unlock.html).

kiosk-handover-page-title = Entregar: { $client }
kiosk-handover-crumb = Entregar
kiosk-handover-title = Entregar el dispositivo para los cuestionarios
kiosk-handover-pin-first = Primero defina un PIN de quiosco.
kiosk-handover-pin-why = El PIN le devuelve el control de este dispositivo cuando la consultante se lo entrega de vuelta.
kiosk-handover-pin-set = Definir un PIN de quiosco en su página de cuenta
kiosk-handover-intro = Este navegador mostrará solo los cuestionarios de { $client }, con las palabras para consultantes y sin puntuaciones, hasta que usted escriba su PIN de quiosco. Mientras tanto, sus casos, los demás consultantes y el resto de Rapport quedan bloqueados; cinco PIN incorrectos cierran su sesión.
kiosk-handover-due = Pendientes ahora
kiosk-handover-choose = No hay nada pendiente ahora. Elija qué ofrecer
kiosk-handover-start = Entregar ahora
kiosk-handover-back = Volver a { $client }
kiosk-handover-no-pin = Defina un PIN de quiosco en su página de cuenta antes de entregar el dispositivo
kiosk-handover-unknown = Elija cuestionarios de la lista
kiosk-handover-none-picked = No hay nada pendiente: elija al menos un cuestionario para ofrecer
kiosk-pin-mismatch = Los dos PIN no coinciden
kiosk-unlock-intro = Para { $clinician }: escriba su PIN de quiosco para salir del modo quiosco. Cinco PIN incorrectos cierran su sesión.
kiosk-unlock-pin = PIN de quiosco
kiosk-unlock-submit = Desbloquear
kiosk-unlock-wrong-pin =
    { $left ->
        [1] Ese PIN no es correcto. Un PIN incorrecto más cerrará su sesión.
       *[other] Ese PIN no es correcto. Le quedan { $left } de { $tries } intentos.
    }

## The care team's portal page (client_portal.html) and a printed code
## (portal_invite_created.html).

portal-staff-breadcrumb = Ruta de navegación
portal-staff-page-title = Portal · { $client }
portal-staff-crumb = Portal
portal-staff-subtitle = Portal de consultantes
portal-staff-emergency = Acceso de emergencia.
portal-staff-emergency-text = Usted no forma parte del equipo de atención de esta consultante. Este acceso queda registrado con su motivo y un(a) administrador(a) lo revisará.
portal-staff-account-title = Cuenta
portal-staff-active = Activa
portal-staff-turned-off = Desactivada
portal-staff-signs-in-as = Inicia sesión como { $email }
portal-staff-set-up = creada el { $date }
portal-staff-last-active = última actividad: { $date }
portal-staff-turn-off = Desactivar la cuenta
portal-staff-turn-off-hint = Al desactivarla, la sesión de la consultante se cierra de inmediato. Restablecer el acceso al portal le permite volver a entrar, con una contraseña nueva.
portal-staff-no-account = Todavía no hay cuenta en el portal.
portal-staff-no-account-invite = Todavía no hay cuenta en el portal. Invite a la consultante más abajo.
portal-staff-readonly = Usted está aquí mediante acceso de emergencia: las invitaciones, la cuenta del portal, lo que se comparte y los enlaces a cuestionarios quedan a cargo del equipo de atención.
portal-staff-invite-title = Invitar a la consultante
portal-staff-invite-intro = La consultante usa un código de un solo uso para definir su propia contraseña en /portal/join. Un código funciona una vez y durante { $days } días; una nueva invitación anula cualquier otra abierta.
portal-staff-on-paper = En papel
portal-staff-invite-paper-hint = Muestra el código una sola vez, en una página que puede imprimir o leer en voz alta.
portal-staff-invite-paper = Crear una invitación impresa
portal-staff-by-email = Por correo electrónico
portal-staff-client-email = Correo electrónico de la consultante
portal-staff-invite-email = Enviar una invitación por correo
portal-staff-invite-email-hint = Se envía desde la bandeja de salida cuando el envío de correo está configurado; el código no se conserva después del envío.
portal-staff-reset-title = Restablecer el acceso al portal
portal-staff-reset-intro = Si la consultante olvidó su contraseña, perdió el acceso a su correo o la cuenta se desactivó, un código de restablecimiento le permite elegir un correo y una contraseña nuevos. Se avisa de inmediato a la dirección actual de la cuenta, y sus sesiones terminan cuando se usa el código.
portal-staff-reset-paper-hint = Muestra el código de restablecimiento una sola vez, para entregarlo a la consultante en persona.
portal-staff-reset-paper = Crear un código de restablecimiento impreso
portal-staff-reset-address = Dirección a la que enviar el código de restablecimiento
portal-staff-reset-email = Enviar un código de restablecimiento por correo
portal-staff-reset-responsible-only = Solo el o la terapeuta responsable, { $clinician }, puede restablecer el acceso de la consultante al portal.
portal-staff-codes-title = Códigos emitidos
portal-staff-col-created = Creado
portal-staff-col-by = Por
portal-staff-col-kind = Tipo
portal-staff-col-how = Cómo
portal-staff-col-expires = Vence
portal-staff-col-status = Estado
portal-staff-col-actions = Acciones
portal-staff-kind-reset = Restablecimiento
portal-staff-how-email = Correo a { $email }
portal-staff-how-printed = Impreso
portal-staff-status-open = Abierto
portal-staff-status-used = Usado
portal-staff-status-expired = Vencido
portal-staff-status-withdrawn = Anulado
portal-staff-withdraw = Anular
portal-staff-sharing-title = Lo que muestra el portal
portal-staff-share-chart = Mostrar a la consultante un gráfico con las puntuaciones de sus propios cuestionarios
portal-staff-share-plan = Compartir la formulación (su resumen en lenguaje sencillo y sus áreas problema) y los objetivos, solo lectura, con espacio para lo que piense la consultante
portal-staff-save = Guardar
portal-staff-chart-hidden = Gráfico de cuestionarios: oculto.
portal-staff-chart-shown = Gráfico de cuestionarios: visible.
portal-staff-plan-shared = Formulación y objetivos: compartidos.
portal-staff-plan-not-shared = Formulación y objetivos: no compartidos.
portal-staff-always-shown = Siempre visibles: los cuestionarios pendientes, la tarea entre sesiones de la última nota firmada, la próxima cita, el diario y los recursos de crisis.
portal-staff-safety-plan-shared = La versión { $version } del plan de seguridad está compartida (elíjalo al guardar una versión en una alerta de riesgo).
portal-staff-safety-plan-not-shared = La versión { $version } del plan de seguridad no está compartida (elíjalo al guardar una versión en una alerta de riesgo).
portal-staff-no-safety-plan = Todavía no hay plan de seguridad.
portal-staff-diary-title = Diario (últimos 60 días)
portal-staff-diary-none = La consultante no ha escrito en su diario.
portal-staff-reflections-title = Lo que piensa la consultante sobre el plan compartido
portal-staff-reflections-none = Nada por ahora.
portal-staff-delivery = Elija cómo entregar el código: impreso o por correo
portal-staff-email-invalid = Escriba el correo electrónico de la consultante, por ejemplo nombre@example.org
portal-invite-page-title = Invitación al portal · { $client }
portal-invite-page-title-reset = Acceso al portal restablecido · { $client }
portal-invite-crumb = Invitación
portal-invite-crumb-reset = Código de restablecimiento
portal-invite-created = Invitación creada. El código se muestra solo ahora: imprima esta página o lea el código en voz alta. No se podrá volver a mostrar.
portal-invite-created-reset = Código de restablecimiento creado. Se avisó a la dirección actual de la cuenta. El código se muestra solo ahora: imprima esta página o lea el código en voz alta. No se podrá volver a mostrar.
portal-invite-letter-title = Su invitación al portal de consultantes de { $organisation }
portal-invite-letter-reset-title = Su nuevo código de acceso al portal de consultantes de { $organisation }
portal-invite-for = Para { $client }
portal-invite-what = En el portal puede completar cuestionarios antes de sus citas, llevar un diario entre sesiones y ver lo que usted y su terapeuta acordaron.
portal-invite-step-go = Vaya a { $address }
portal-invite-relative-address = la dirección de este servicio seguida de { $path }
portal-invite-step-code = Escriba su código:
portal-invite-step-password = Escriba su correo electrónico y elija una contraseña.
portal-invite-step-password-reset = Escriba su correo electrónico y elija una contraseña nueva.
portal-invite-until = El código funciona una vez, hasta el { $date }.
portal-invite-unsafe = Si no se siente seguro(a) o podría hacerse daño, no espere al portal: la página «Ayuda ahora» del portal indica con quién comunicarse.
portal-invite-print = Use el comando Imprimir de su navegador; la navegación y los botones no aparecen en la impresión.
portal-invite-back = Volver a la página del portal

## El diario no se vigila en directo (issue 19 item 3, decisión 50)
portal-diary-not-live = Nadie vigila su diario en tiempo real: nadie recibe un aviso en cuanto escribe. Si necesita ayuda ahora, { $link }.
