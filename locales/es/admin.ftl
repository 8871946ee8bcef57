## Shared words of the administration and account pages.

admin-name = Nombre
admin-email = Correo electrónico
admin-role = Rol
admin-password = Contraseña
admin-country = País
admin-actions = Acciones
admin-cancel = Cancelar
admin-optional = (opcional)
admin-two-step = Verificación en dos pasos
admin-form-too-large = El formulario es demasiado grande.
admin-form-unreadable = Formulario ilegible: { $reason }

## admin_users.html

admin-users-title = Usuarios
admin-users-subtitle = Cuentas del personal de esta organización
admin-users-new = Nuevo usuario
admin-users-status = Estado
admin-users-created = Creado
admin-users-holds-caseload = Atiende casos
admin-users-two-step = Dos pasos
admin-users-active = Activa
admin-users-deactivated = Desactivada
admin-users-your-account = Su cuenta
admin-users-deactivate-confirm = ¿Desactivar a { $name }? Su sesión se cierra de inmediato en todos los dispositivos y no podrá iniciar sesión hasta que se reactive la cuenta.
admin-users-deactivate = Desactivar
admin-users-reactivate = Reactivar

## admin_user_form.html

admin-user-edit-title = Editar a { $name }
admin-user-is-self = Esta es su propia cuenta.
admin-user-account = Cuenta
admin-user-email-hint = El correo electrónico sirve para iniciar sesión y no se puede cambiar aquí.
admin-user-own-role-hint = No puede cambiar su propio rol, sus casos ni su supervisión; otro administrador sí puede.
admin-user-role-clinician = Terapeuta: ve a los consultantes de cuyo equipo de atención forma parte
admin-user-role-supervisor = Supervisor(a): ve además a los consultantes de los terapeutas que supervisa
admin-user-role-facilitator = Facilitador(a) de grupo: dirige grupos y solo ve a sus integrantes; no da terapia individual
admin-user-role-programme-manager = Responsable de programa: ve los resultados del programa en toda la organización como totales y tasas, nunca el expediente de un consultante
admin-user-role-admin = Administrador(a): cuentas, configuración y registro de auditoría
admin-user-practises = Solo administradores: también atiende casos
admin-user-site = Sede
admin-user-works-at = Trabaja en
admin-user-site-hint = Un(a) facilitador(a) registra a las personas nuevas en esta sede.
admin-user-no-sites = Aún no hay sedes:
admin-user-add-site = agregue una
admin-user-manage-sites = Administrar sedes
admin-user-no-site = Sin sede
admin-user-supervision = Supervisión
admin-user-supervised-by = Supervisado(a) por
admin-user-supervisor-hint = Su supervisor(a) ve sus consultantes y grupos, y recibe un aviso cuando un integrante de grupo necesita una revisión. Los supervisores también pueden tener supervisión (un formador principal).
admin-user-nobody-yet = Nadie por ahora
admin-user-nobody-to-supervise = Aún no hay a quién supervisar: no hay terapeutas, facilitadores ni otros supervisores activos.
admin-user-supervisees = Personas que supervisa
admin-user-supervisees-hint = Solo para supervisores. Se ignora en los demás roles.
admin-user-new-password-title = Establecer una contraseña nueva
admin-user-initial-password = Contraseña inicial
admin-user-new-password = Contraseña nueva (déjela vacía para conservar la actual)
admin-user-password-hint = Al menos 12 caracteres; no una contraseña común. Entréguela a la persona de forma segura.
admin-user-password-signs-out = Al establecerla se cierran todas sus sesiones.
admin-user-save = Guardar cuenta
admin-user-create = Crear cuenta
admin-user-sessions = Sesiones
admin-user-sessions-hint = Cierre la sesión de { $name } en todos los dispositivos, por ejemplo tras perder un teléfono o usar una computadora compartida. Podrá volver a iniciar sesión con su contraseña.
admin-user-sessions-confirm = ¿Cerrar la sesión de { $name } en todos los dispositivos?
admin-user-sign-out-everywhere = Cerrar sesión en todas partes
admin-user-mfa-hint = Activada. Si { $name } perdió su teléfono y sus códigos de recuperación, restablézcala: podrá iniciar sesión solo con su contraseña y configurarla de nuevo.
admin-user-mfa-reset-confirm = ¿Restablecer la verificación en dos pasos de { $name }?
admin-user-mfa-reset = Restablecer la verificación en dos pasos

## admin_reassign.html

admin-reassign-title = Transferir los consultantes de { $name }
admin-reassign-crumb = Transferir consultantes
admin-reassign-subtitle = { $name } es terapeuta responsable de los consultantes siguientes, que tienen un tratamiento abierto o una alerta de riesgo abierta. Nadie puede quedar sin alguien que vea sus alertas de riesgo.
admin-reassign-not-deactivated = No se desactivó.
admin-reassign-refused = Primero elija un(a) nuevo(a) terapeuta responsable para estos consultantes; puede desactivar la cuenta en el mismo paso.
admin-reassign-nobody = { $name } no es responsable de ningún consultante con un tratamiento abierto o una alerta de riesgo abierta.
admin-reassign-all-title = Todos a una misma persona
admin-reassign-to-all = Nuevo(a) terapeuta responsable para todos
admin-reassign-per-client = Elegir por consultante abajo
admin-reassign-one-by-one = O uno por uno
admin-reassign-one-by-one-hint = Una elección aquí tiene prioridad sobre la de arriba. El nuevo terapeuta se une al equipo de atención del consultante.
admin-reassign-table = Consultantes por transferir
admin-reassign-open-work = Trabajo abierto
admin-reassign-new-clinician = Nuevo(a) terapeuta responsable
admin-reassign-new-clinician-for = Nuevo(a) terapeuta responsable de { $name }
admin-reassign-as-above = Como arriba
admin-reassign-then-deactivate = Después, desactivar a { $name }
admin-reassign-submit = Transferir
admin-reassign-open-courses =
    { $courses ->
        [one] { $courses } tratamiento abierto
       *[other] { $courses } tratamientos abiertos
    }
admin-reassign-open-flags =
    { $flags ->
        [one] { $flags } alerta de riesgo abierta
       *[other] { $flags } alertas de riesgo abiertas
    }
admin-reassign-open-both =
    { $courses ->
        [one] { $courses } tratamiento abierto
       *[other] { $courses } tratamientos abiertos
    }, { $flags ->
        [one] { $flags } alerta de riesgo abierta
       *[other] { $flags } alertas de riesgo abiertas
    }

## admin_settings.html

admin-settings-title = Configuración
admin-settings-organisation = Organización
admin-settings-org-name = Nombre de la organización
admin-settings-default-language = Idioma predeterminado
admin-settings-default-language-hint = El idioma de las páginas y los correos para quien no haya elegido uno y cuyo navegador no pida ninguno de los que Rapport tiene.
admin-settings-default-language-unknown = Elija uno de los idiomas de la lista
admin-settings-sessions = Sesiones y acceso
admin-settings-sessions-hint = Las sesiones abiertas se cierran tras este tiempo sin actividad y, en todo caso, al cumplirse la duración máxima de la sesión (cierre automático).
admin-settings-idle = Tiempo de inactividad (minutos)
admin-settings-range = De { $min } a { $max }
admin-settings-lifetime = Duración máxima de la sesión (horas)
admin-settings-break-glass = Duración del acceso de emergencia (horas)
admin-settings-risk = Alertas de riesgo: plazos y escalamiento
admin-settings-risk-hint = Se cuentan desde que se genera la alerta. Un plazo vencido se notifica a los supervisores del terapeuta responsable del consultante; tras el mismo intervalo, al terapeuta de guardia (o, si no hay, a los administradores); después se repite un recordatorio con ese intervalo hasta completar el trabajo. Dar acuse de recibo no detiene el plazo de evaluación.
admin-settings-risk-ack = Plazo para el acuse de recibo (horas)
admin-settings-risk-ack-hint = De 1 a 72 (predeterminado: 4)
admin-settings-risk-assess = Plazo para la evaluación (horas)
admin-settings-risk-assess-hint = De 1 a 72 (predeterminado: 24): una evaluación con un nivel de riesgo registrado
admin-settings-duty = Terapeuta de guardia
admin-settings-duty-hint = Recibe el aviso después de los supervisores (opcional)
admin-settings-duty-none = Ninguno: los administradores
admin-settings-require-mfa = Exigir la verificación en dos pasos en todas las cuentas del personal
admin-settings-require-mfa-hint = Quien no tenga configurada una aplicación de autenticación deberá configurarla la próxima vez que inicie sesión, y no podrá usar nada más hasta hacerlo.
admin-settings-self-rating = Pedir a terapeutas y facilitadores que califiquen cada sesión que dirigen
admin-settings-self-rating-hint = La página de la sesión se lo recordará hasta que guarden su autocalificación.
admin-settings-recordings = Conservar las grabaciones de sesiones durante (días)
admin-settings-recordings-hint = De 0 a 365. 0: la organización no hace grabaciones. En otro caso, un(a) terapeuta puede subir el audio de una sesión, con el consentimiento del consultante, para que lo escuchen sus supervisores; se borra pasado ese número de días.
admin-settings-closeness-title = Inventario interpersonal
admin-settings-closeness-rings = Anillos del círculo de cercanía
admin-settings-closeness-rings-hint = De 3 a 6. Los manuales de TIP dibujan tres (interior, intermedio, exterior); más anillos permiten situar a las personas con más detalle. Los anillos se numeran desde el 1, el más cercano. Las instantáneas conservan los anillos con los que se tomaron.
admin-settings-time-zone = Zona horaria
admin-settings-time-zone-hint = Todas las horas de Rapport se muestran en esta zona, y las horas de las sesiones se interpretan en ella (por ejemplo, en los calendarios suscritos). Un nombre de la base de datos de zonas horarias, como America/Mexico_City, America/Bogota o Europe/Madrid.
admin-settings-crisis = Recursos de crisis
admin-settings-none-yet = Ninguno aún
admin-settings-no-crisis-lines = Agregue las líneas de crisis del país donde trabaja. Mientras tanto, los consultantes solo ven: "{ $line }"
admin-settings-crisis-hint = Se muestran a los consultantes justo después de una respuesta de riesgo en un enlace de cuestionario o en el portal, y siempre están disponibles en el portal. Uno por línea, con el número y su horario, p. ej. "Emergencias: 911" o "Línea de crisis: 800 000 0000 (gratuita, 24 horas)".
admin-settings-save = Guardar la configuración
admin-settings-reminders = Recordatorios de sesiones
admin-settings-reminders-hint = Un correo a cada consultante antes de una sesión programada, con enlaces a los cuestionarios pendientes. Los consultantes sin correo electrónico no reciben ninguno; el expediente de cada consultante puede elegir otra cosa. Se envían a través de la bandeja de salida de abajo.
admin-settings-send-reminders = Enviar recordatorios
admin-settings-save-reminders = Guardar los recordatorios
admin-reminders-choose = Elija cuándo se envían los recordatorios
admin-settings-no-smtp = No hay un servidor de correo configurado ({ $option }), así que las notificaciones, como el escalamiento de alertas de riesgo, se guardan en la bandeja de salida y no se envían por correo.
admin-settings-smtp = Las notificaciones se envían por correo a través de { $server }.
admin-settings-see-outbox = Ver cada mensaje y si se envió

## admin_email.html

admin-email-title = Notificaciones por correo
admin-email-crumb = Correo
admin-email-subtitle = La bandeja de salida: notificaciones como el escalamiento de alertas de riesgo, y si cada una se envió por correo.
admin-email-server = Servidor de correo
admin-email-not-configured = Sin configurar
admin-email-configured = Configurado
admin-email-no-smtp = Rapport se inició sin { $option }: no se envía nada por correo y los mensajes esperan aquí. En cuanto se configure un servidor de correo, se envían los mensajes en espera, del más antiguo al más reciente.
admin-email-sent = Enviados
admin-email-waiting = En espera
admin-email-failed-count = Fallidos (abandonados tras { $attempts } intentos)
admin-email-messages = Mensajes
admin-email-none = Aún no hay mensajes.
admin-email-newest = Los más recientes primero, 200 como máximo. Aquí no se muestra el texto de los mensajes.
admin-email-table = Mensajes de la bandeja de salida, los más recientes primero
admin-email-recipient = Destinatario
admin-email-recipient-user = usuario { $id }
admin-email-recipient-none = (ninguno)
admin-email-retrying = Reintentando
admin-email-failed-attempts =
    { $count ->
        [one] { $count } intento fallido
       *[other] { $count } intentos fallidos
    }
admin-email-next-try =
    { $count ->
        [one] { $count } intento fallido; próximo intento después de { $time }
       *[other] { $count } intentos fallidos; próximo intento después de { $time }
    }
admin-email-failed = Fallido
admin-email-gave-up = abandonado tras { $count } intentos
admin-email-last-error = Último error: { $error }
admin-email-kind-account-notice = Aviso de la cuenta
admin-email-kind-security-notice = Aviso de seguridad
admin-email-kind-session-reminder = Recordatorio de sesión
admin-email-kind-portal-invite = Invitación al portal
admin-email-kind-certification-renewal = Renovación de la certificación
admin-email-kind-risk-flag-raised = Alerta de riesgo creada
admin-email-kind-risk-flag-escalated = Alerta de riesgo enviada a supervisión
admin-email-kind-risk-flag-escalated-no-supervisor = Alerta de riesgo reenviada (sin supervisor(a))
admin-email-kind-risk-flag-escalated-duty = Alerta de riesgo enviada al/a la terapeuta de guardia
admin-email-kind-risk-flag-reminder = Recordatorio de alerta de riesgo
admin-email-kind-risk-flag-group = Integrante de un grupo que necesita seguimiento
admin-reminder-lead-off = Desactivados
admin-reminder-lead =
    { $hours ->
        [one] { $hours } hora antes
       *[other] { $hours } horas antes
    }

## admin_sites.html

admin-sites-title = Sedes
admin-sites-subtitle = Comunidades, escuelas y clínicas donde se reúnen los grupos y se registra a las personas
admin-sites-none = Aún no hay sedes. Agregue la primera abajo.
admin-sites-kind = Tipo
admin-sites-added = Agregada
admin-sites-not-given = Sin indicar
admin-sites-add = Agregar una sede
admin-sites-kind-optional = Tipo (opcional)
admin-sites-kind-hint = Con sus propias palabras, por ejemplo comunidad, escuela o clínica.
admin-sites-add-button = Agregar la sede

## admin_audit.html

admin-audit-title = Registro de auditoría
admin-audit-subtitle = Cada inicio de sesión y cada lectura y cambio de datos de consultantes, los más recientes primero. A prueba de manipulaciones: verifíquelo con
admin-audit-download = Descargar CSV
admin-audit-filter-title = Filtrar entradas
admin-audit-person = Persona
admin-audit-anyone = Cualquiera
admin-audit-action = Acción
admin-audit-any-action = Cualquier acción
admin-audit-outcome = Resultado
admin-audit-any-outcome = Cualquier resultado
admin-audit-client-id = Id. del consultante
admin-audit-from = Desde (fecha)
admin-audit-to = Hasta (fecha)
admin-audit-filter = Filtrar
admin-audit-clear = Quitar filtros
admin-audit-none = Ninguna entrada coincide.
admin-audit-entries = Entradas de auditoría
admin-audit-time = Hora
admin-audit-who = Quién
admin-audit-resource = Recurso
admin-audit-client = Consultante
admin-audit-address = Desde
admin-audit-detail = Detalle
admin-audit-client-entries = Todas las entradas del consultante { $id }
admin-audit-pagination = Paginación
admin-audit-older = Entradas anteriores

## admin_break_glass.html

admin-reviews-title = Revisiones de acceso
admin-reviews-subtitle = Accesos de emergencia a expedientes de consultantes. Revise cada uno: ¿estaba justificado?
admin-reviews-none = No se ha usado ningún acceso de emergencia.
admin-reviews-table = Accesos de emergencia
admin-reviews-when = Cuándo
admin-reviews-reason = Motivo
admin-reviews-review = Revisión
admin-reviews-until = hasta { $time }
admin-reviews-trail = Registro de auditoría
admin-reviews-trail-for = Registro de auditoría de { $name }
admin-reviews-reviewed = Revisado
admin-reviews-reviewed-by = { $time }, por { $name }
admin-reviews-waiting = Pendiente de revisión
admin-reviews-note = Nota de revisión
admin-reviews-note-placeholder = p. ej. Confirmado con el equipo
admin-reviews-mark = Marcar como revisado

## account.html

account-title = Mi cuenta
account-my-record = Mi ficha
account-new-token-title = Nuevo token de API “{ $name }”
account-new-token-hint = Cópielo ahora: solo se muestra una vez. Actúa con sus permisos; manténgalo en secreto.
account-copy-token = Copiar el token
account-new-feed-title = La dirección de su calendario
account-new-feed-hint = Cópiela ahora: solo se muestra una vez. Agréguela a su aplicación de calendario como suscripción ("agregar calendario desde URL"). Cualquier persona con esta dirección ve sus sesiones, así que manténgala en privado; restablézcala abajo si alguien más pudo verla.
account-copy-address = Copiar la dirección
account-change-password = Cambiar la contraseña
account-current-password = Contraseña actual
account-new-password = Contraseña nueva
account-password-hint = Al menos 12 caracteres; no una contraseña común.
account-confirm-password = Confirme la contraseña nueva
account-password-signs-out = Al cambiar su contraseña se cierran sus demás sesiones.
account-feed-title = Calendario suscrito
account-feed-hint = Una dirección privada a la que se suscribe su aplicación de calendario (Outlook, Google Calendar, Apple Calendar), para que allí aparezcan sus sesiones programadas y realizadas, en la zona horaria de la organización. No requiere iniciar sesión: trátela como una contraseña. Cada vez que una aplicación de calendario la lee, queda en el registro de auditoría.
account-on = Activada
account-off = Desactivada
account-feed-set-up = Su calendario está configurado. Su dirección se mostró al crearlo; obtenga una nueva (la anterior deja de funcionar) si la perdió o alguien pudo verla.
account-feed-none = Aún no hay calendario.
account-feed-reset = Restablecer la dirección del calendario
account-feed-make = Crear la dirección de mi calendario
account-feed-names = En el calendario, los consultantes aparecen con
account-feed-initials = Solo sus iniciales (A.B.)
account-feed-full-names = Su nombre completo (su aplicación de calendario y su proveedor los guardarán)
account-feed-save-naming = Guardar
account-feed-names-invalid = Elija iniciales o nombres completos
account-tokens-title = Tokens de API
account-tokens-hint = Para scripts que usan la API JSON
account-openapi = documento OpenAPI
account-tokens-rights = Un token actúa con sus permisos.
account-no-tokens = No hay tokens.
account-last-used = Último uso
account-never = nunca
account-revoked = Revocado
account-revoke-confirm = ¿Revocar el token “{ $name }”? Los scripts que lo usan dejarán de funcionar de inmediato.
account-revoke = Revocar
account-token-name = Nombre del token nuevo
account-token-placeholder = p. ej. script de informes
account-create-token = Crear token
account-mfa-on = Para iniciar sesión se necesita su contraseña y un código de su aplicación de autenticación.
account-mfa-manage = Administrar la verificación en dos pasos y los códigos de recuperación
account-mfa-off = Proteja su cuenta: con la verificación en dos pasos, una contraseña robada no basta para abrirla.
account-mfa-set-up = Configurar la verificación en dos pasos
account-kiosk-pin = PIN de quiosco
account-pin-set = Establecido
account-pin-not-set = Sin establecer
account-kiosk-hint = El PIN desbloquea un dispositivo que usted entrega a un(a) consultante para sus cuestionarios ("Entregar para cuestionarios" en la página del consultante). Mientras está entregado, el dispositivo solo muestra los cuestionarios de ese consultante; cinco PIN incorrectos cierran su sesión.
account-new-kiosk-pin = PIN de quiosco nuevo
account-pin-hint = De 4 a 8 dígitos; no un mismo dígito repetido (1111) ni una secuencia simple (1234).
account-pin-confirm = Confirme el PIN
account-your-current-password = Su contraseña actual
account-change-kiosk-pin = Cambiar el PIN de quiosco
account-set-kiosk-pin = Establecer el PIN de quiosco
account-sessions-title = Dónde tiene la sesión iniciada
account-session-limits = Las sesiones terminan tras { $minutes } minutos sin actividad y, como máximo, tras { $hours } horas.
account-signed-in = Inicio de sesión
account-last-active = Última actividad
account-address = Dirección
account-browser = Navegador
account-this-session = Esta sesión
account-handed-over = Entregado (quiosco)
account-sign-out-here = Cerrar sesión aquí
account-end-session = Terminar la sesión
account-sign-out-others = Cerrar todas las demás sesiones
account-browser-unknown = Desconocido
account-browser-on = { $browser } en { $system }
account-browser-on-system = Navegador en { $system }

## account_mfa.html, login_verify.html

mfa-title = Verificación en dos pasos
mfa-required-flash = Su organización exige la verificación en dos pasos. Configúrela para continuar.
mfa-qr-label = Código QR para su aplicación de autenticación
mfa-status-on = Activada: para iniciar sesión se necesita su contraseña y un código de su aplicación de autenticación.
mfa-status-off = Desactivada: para iniciar sesión solo se necesita su contraseña.
mfa-your-codes = Sus códigos de recuperación
mfa-codes-hint = Cada código le permite iniciar sesión una vez si pierde su teléfono. Guárdelos ahora en un lugar seguro (un gestor de contraseñas, o imprímalos): no se vuelven a mostrar.
mfa-copy-codes = Copiar los códigos
mfa-recovery-codes = Códigos de recuperación
mfa-codes-left =
    { $count ->
        [one] Le queda { $count } código de recuperación sin usar.
       *[other] Le quedan { $count } códigos de recuperación sin usar.
    }
mfa-new-codes = Generar códigos de recuperación nuevos
mfa-new-codes-hint = Los códigos nuevos reemplazan a todos los anteriores.
mfa-turn-off-title = Desactivar
mfa-turn-off-confirm = ¿Desactivar la verificación en dos pasos? Cualquier persona con su contraseña podría iniciar sesión.
mfa-turn-off = Desactivar la verificación en dos pasos
mfa-required-title = Obligatoria
mfa-required-hint = Su organización exige la verificación en dos pasos, así que no se puede desactivar. Si pierde su teléfono, use un código de recuperación o pida a un administrador que la restablezca.
mfa-set-up-title = Configure su aplicación de autenticación
mfa-step-install = Instale una aplicación de autenticación en su teléfono (por ejemplo FreeOTP, Aegis, Google Authenticator o Microsoft Authenticator).
mfa-step-scan = En la aplicación, agregue una cuenta y escanee este código QR.
mfa-cannot-scan = ¿No puede escanearlo? Ingrese esta clave (basada en el tiempo):
mfa-enter-code = Ingrese el código de 6 dígitos que muestra la aplicación
mfa-turn-on = Activar la verificación en dos pasos
mfa-verify-intro = Abra la aplicación de autenticación de su teléfono e ingrese el código de 6 dígitos de Rapport.
mfa-verify-code = Código de autenticación
mfa-verify-code-hint = ¿Perdió su teléfono? Ingrese uno de sus códigos de recuperación (como { $example }).
mfa-verify = Verificar
mfa-start-again = Volver a empezar

## setup.html

setup-title = Configurar Rapport
setup-intro = Cree la primera cuenta de administrador. Podrá agregar a sus colegas después.
setup-country-hint = Donde atiende a los consultantes. Rapport no incluye los números de crisis de ningún país: usted agrega los suyos abajo.
setup-crisis-lines = Líneas de crisis
setup-crisis-hint = Se muestran a los consultantes justo después de una respuesta de riesgo y siempre están disponibles en el portal. Una por línea, con el número y su horario, p. ej. "Emergencias: 911". Puede agregarlas o cambiarlas después en Configuración; mientras tanto, los consultantes solo ven: "{ $line }"
setup-your-name = Su nombre
setup-password-hint = Al menos 12 caracteres. Unas cuantas palabras sin relación entre sí funcionan bien. Puede pegarla desde un gestor de contraseñas.
setup-confirm-password = Confirme la contraseña
setup-practises = También atiendo consultantes
setup-practises-hint = Márquelo en una consulta individual o pequeña. Si no, esta cuenta administra usuarios, configuración y el registro de auditoría, y no ve expedientes clínicos.
setup-create = Crear la cuenta de administrador
setup-link-unusable = Este enlace de configuración no se puede usar
setup-link-unusable-why = Caducó, ya se usó o Rapport ya está configurado.
setup-restart = Si nadie ha configurado Rapport todavía, reinicie { $command }: mostrará un enlace de configuración nuevo.
setup-otherwise = Si no,
setup-sign-in = inicie sesión

## error.html and the messages of each kind of error (pages and API)

error-page-not-found = Página no encontrada
error-page-not-allowed = No permitido
error-page-conflict = Otra persona lo cambió
error-page-too-large = Demasiado grande
error-page-too-many = Demasiados intentos
error-page-went-wrong = Algo salió mal
error-page-problem = Hay un problema
error-page-status = Error { $status }.
error-page-start = Ir a la página de inicio
error-page-not-found-message = No se encontró.
error-page-unauthenticated = Primero inicie sesión (navegador) o envíe un token de portador válido (API).
error-page-invalid = Datos no válidos.
error-page-retry = Demasiados intentos. Vuelva a intentarlo en { $seconds } segundos.
error-page-internal = Algo salió mal de nuestro lado. Quedó registrado; vuelva a intentarlo.

## E-mails: account notices (rapport-app notices.rs), worded in the recipient's language.

mail-hello = Hola, { $name }:
mail-never-password = Rapport envió este mensaje automáticamente. Nunca contiene una contraseña.
mail-by-admin = { $name } <{ $email }>, administrador(a),
mail-by-operator = Un(a) operador(a), con el comando rapport en el servidor,
mail-by-operator-short = la línea de comandos del servidor
mail-by-operator-whoever = quien administre el servidor de Rapport
mail-role-admin-practising = Administrador(a) (con casos propios)
mail-no-one = nadie
mail-change-role = cambio de rol
mail-change-supervision = cambio de supervisión
mail-change-supervisor-added = supervisor(a) asignado(a)
mail-change-supervisor-removed = supervisor(a) retirado(a)
mail-change-password = contraseña restablecida
mail-change-role-to-person = cambió su rol de { $from } a { $to }
mail-change-role-to-admins = cambió el rol de { $name } <{ $email }> de { $from } a { $to }
mail-change-supervision-to-person = cambió a quién supervisa usted; ahora supervisa a: { $list }, y ve a los consultantes de los terapeutas que supervisa
mail-change-supervision-to-admins = cambió a quién supervisa { $name } <{ $email }>; ahora: { $list }
mail-change-supervisor-added-to-person = asignó a { $supervisor } <{ $supervisor_email }> como su supervisor(a); ahora puede ver a los consultantes de sus casos
mail-change-supervisor-removed-to-person = retiró a { $supervisor } <{ $supervisor_email }> como su supervisor(a); ya no ve a los consultantes de sus casos
mail-change-supervisor-added-to-admins = asignó a { $supervisor } <{ $supervisor_email }> como supervisor(a) de { $name } <{ $email }>
mail-change-supervisor-removed-to-admins = retiró a { $supervisor } <{ $supervisor_email }> como supervisor(a) de { $name } <{ $email }>
mail-change-password-to-person = estableció una contraseña nueva para su cuenta y cerró todas sus sesiones
mail-change-password-to-admins = estableció una contraseña nueva para { $name } <{ $email }> y cerró todas sus sesiones
mail-contact-nobody = a la persona responsable de Rapport en su organización
mail-contact-admins = a otro(a) administrador(a) ({ $list })
mail-account-subject = Su cuenta de Rapport: { $change }
mail-account-changed = { $by } { $change } en su cuenta de Rapport ({ $email }) el { $when }.
mail-account-unexpected = Si no lo esperaba, comuníquese de inmediato con { $contact }.
mail-admin-subject = Rapport: { $change } de { $name } por { $by }
mail-admin-changed = { $by } { $change } el { $when }.
mail-admin-why = Recibe este aviso porque es administrador(a). Si no lo esperaba, revise el registro de auditoría (Administración > Registro de auditoría) y hable de inmediato con { $actor }.

## The audit log's CSV export: column headers.

export-audit-seq = n.º
export-audit-time-utc = hora_utc
export-audit-actor-id = id_actor
export-audit-actor = actor
export-audit-action = acción
export-audit-resource-type = tipo_de_recurso
export-audit-resource-id = id_recurso
export-audit-client-id = id_consultante
export-audit-ip = ip
export-audit-user-agent = navegador
export-audit-outcome = resultado
export-audit-detail = detalle
export-audit-prev-hash = hash_anterior
export-audit-hash = hash

## E-mails: session reminders to clients (rapport-app reminders.rs).

mail-reminder-subject = Recordatorio: su sesión del { $when }
mail-reminder-when-at = { $date }, a las { $time }
mail-reminder-body = Le recordamos su sesión con { $org } el { $when }.
mail-reminder-fill-in = Antes de la sesión, por favor complete:
mail-reminder-links = Cada enlace funciona una sola vez y durante 7 días.
mail-reminder-cannot-come = Si no puede asistir, avise a su terapeuta.
mail-reminder-danger = Si está en peligro o no puede mantenerse a salvo, llame ahora al número de emergencias de su zona.

## E-mails: wrong two-step codes (rapport-app auth/second_step.rs).

mail-wrong-codes-subject = { $org }: códigos de dos pasos incorrectos en su cuenta
mail-wrong-codes-body = El { $when }, alguien inició sesión en su cuenta de { $org } con su contraseña y después ingresó { $count } códigos de verificación en dos pasos incorrectos (desde la dirección { $address }).
mail-wrong-codes-advice = Si no fue usted, alguien más conoce su contraseña: cámbiela ahora en la página de su cuenta y avise a su administrador(a).
mail-wrong-codes-unknown-address = desconocida

## E-mails: certification renewals (rapport-app supervision.rs) and group checks (groups.rs).

mail-renewal-subject =
    { $state ->
        [expired] Rapport: su certificación { $pathway } venció el { $date }
       *[other] Rapport: su certificación { $pathway } vence el { $date }
    }
mail-renewal-body =
    { $state ->
        [expired] Su certificación { $pathway } venció el { $date }. Hable con su supervisor(a) sobre cómo renovarla; su avance figura en su ficha profesional (Mi cuenta en Rapport: { $url }).
       *[other] Su certificación { $pathway } vence el { $date }. Hable con su supervisor(a) sobre cómo renovarla; su avance figura en su ficha profesional (Mi cuenta en Rapport: { $url }).
    }
mail-renewal-supervisor-subject =
    { $state ->
        [expired] Rapport: la certificación { $pathway } de { $name } venció el { $date }
       *[other] Rapport: la certificación { $pathway } de { $name } vence el { $date }
    }
mail-renewal-supervisor-body =
    { $state ->
        [expired] La certificación { $pathway } de { $name } venció el { $date }. Su ficha profesional en Rapport muestra lo que necesita para renovarla: { $url }
       *[other] La certificación { $pathway } de { $name } vence el { $date }. Su ficha profesional en Rapport muestra lo que necesita para renovarla: { $url }
    }
mail-group-check-subject = Rapport: un integrante de un grupo necesita seguimiento hoy
mail-group-check-body =
    { $count ->
        [one] { $name } registró una reunión del grupo en la que { $count } integrante respondió afirmativamente a una pregunta sobre autolesiones. La alerta de riesgo está abierta en Rapport: { $url }
       *[other] { $name } registró una reunión del grupo en la que { $count } integrantes respondieron afirmativamente a una pregunta sobre autolesiones. La alerta de riesgo está abierta en Rapport: { $url }
    }
mail-group-check-call = Llame hoy a { $name }.

## E-mails: client portal invitations and resets (rapport-app portal_access.rs), in the client's language.

mail-portal-hello = Hola:
mail-portal-subject =
    { $purpose ->
        [reset] Su nuevo código de acceso al portal de { $org }
       *[other] Su invitación al portal de { $org }
    }
mail-portal-intro =
    { $purpose ->
        [reset] { $name } restableció su acceso al portal de { $org }. Allí puede completar cuestionarios antes de sus citas, llevar un diario entre sesiones y ver lo que acordó con su terapeuta.
       *[other] { $name } le invitó al portal de { $org }. Allí puede completar cuestionarios antes de sus citas, llevar un diario entre sesiones y ver lo que acordó con su terapeuta.
    }
mail-portal-how =
    { $purpose ->
        [reset] Para establecer su correo electrónico y una contraseña nueva, abra { $url } y elija una contraseña. Su código es { $code } y funciona hasta el { $until }.
       *[other] Para crear su cuenta, abra { $url } y elija una contraseña. Su código es { $code } y funciona hasta el { $until }.
    }
mail-portal-ignore = Si no esperaba este correo, puede ignorarlo.
mail-portal-reset-subject = Se está restableciendo su acceso al portal de { $org }
mail-portal-reset-body = El { $when }, { $name } emitió un código que permite establecer un correo electrónico y una contraseña nuevos para su cuenta del portal de { $org }. Cuando se use el código, esta dirección ({ $email }) ya no podrá iniciar sesión.
mail-portal-reset-advice = Si usted lo pidió, no tiene que hacer nada. Si no, comuníquese de inmediato con { $org }.

## Validation errors of these pages (rapport-app admin, account, setup; rapport-core organisation).

admin-error-role = Elija un rol: administrador(a), supervisor(a), terapeuta, facilitador(a) de grupo o responsable de programa
admin-error-name = Escriba un nombre
admin-error-name-long = El nombre debe tener como máximo 120 caracteres
admin-error-supervisees = Elija a las personas supervisadas de la lista de terapeutas, facilitadores y otros supervisores activos
admin-error-site = Elija una sede de la lista
admin-error-email = Escriba un correo electrónico como nombre@ejemplo.org
admin-error-supervisor = Elija un(a) supervisor(a) activo(a) de la lista
admin-error-admin-supervised = Los administradores y los responsables de programa no tienen supervisión
admin-error-role-still-responsible =
    { $count ->
        [one] Sigue siendo el o la terapeuta responsable de { $count } consultante con un tratamiento o una alerta de riesgo abiertos: traspáselo a otro u otra terapeuta antes de hacer a esta persona responsable de programa
       *[other] Sigue siendo el o la terapeuta responsable de { $count } consultantes con tratamientos o alertas de riesgo abiertos: traspáselos a otro u otra terapeuta antes de hacer a esta persona responsable de programa
    }
admin-error-email-taken = Ya existe una cuenta con este correo electrónico
admin-error-last-admin = Es el único administrador activo; primero haga administrador(a) a otra persona
admin-error-own-role = No puede cambiar su propio rol ni sus casos; pídaselo a otro(a) administrador(a)
admin-error-own-supervision = No puede cambiar su propia supervisión; pídaselo a otro(a) administrador(a)
admin-error-holder = Elija un(a) terapeuta activo(a) que atienda casos
admin-error-not-theirs = Este consultante no es uno de los suyos con trabajo abierto
admin-error-takes-over = Elija quién se hace cargo: una persona para todos o una para cada consultante
admin-error-org-name = Escriba el nombre de la organización
admin-error-org-name-long = El nombre de la organización debe tener como máximo 120 caracteres
admin-error-duty = El terapeuta de guardia debe ser una cuenta activa que atienda casos
account-error-new-mismatch = Las dos contraseñas nuevas no coinciden
account-error-same = La contraseña nueva debe ser distinta de la actual
account-error-token-name = Ponga un nombre al token (como máximo 80 caracteres), p. ej. “script de informes”
account-error-language = Elija uno de los idiomas de la lista
setup-error-org-name = Escriba el nombre de su consulta u organización
setup-error-country = Escriba el país donde trabaja, para que los consultantes vean las líneas de crisis correctas
setup-error-name = Escriba su nombre
setup-error-mismatch = Las dos contraseñas no coinciden
admin-error-crisis-none = Escriba al menos un recurso de crisis (uno por línea)
admin-error-crisis-lines = Recursos de crisis: como máximo 12 líneas
admin-error-crisis-line-long = Recursos de crisis: cada línea debe tener como máximo 200 caracteres
admin-error-country = El país debe ocupar una sola línea de 60 caracteres como máximo
admin-error-time-zone = Zona horaria: escriba un nombre de la base de datos de zonas horarias, como America/Mexico_City
admin-error-idle = El tiempo de inactividad debe ser un número entero de { $min } a { $max }
admin-error-lifetime = La duración máxima de la sesión debe ser un número entero de { $min } a { $max }
admin-error-break-glass = La duración del acceso de emergencia debe ser un número entero de { $min } a { $max }
admin-error-risk-ack = El plazo para el acuse de recibo (horas) debe ser un número entero de { $min } a { $max }
admin-error-recordings = La conservación de las grabaciones (días; 0: sin grabaciones) debe ser un número entero de { $min } a { $max }
admin-error-closeness-rings = Los anillos del círculo de cercanía deben ser un número entero de { $min } a { $max }
admin-error-closeness-rings-in-use =
    { $count ->
        [one] Una persona está en un anillo más allá del anillo { $rings }. Acérquela primero en el inventario de su consultante, o mantenga más anillos.
       *[other] { $count } personas están en anillos más allá del anillo { $rings }. Acérquelas primero en los inventarios de sus consultantes, o mantenga más anillos.
    }
admin-error-risk-assess = El plazo para la evaluación (horas) debe ser un número entero de { $min } a { $max }
account-password-too-short = La contraseña debe tener al menos { $min } caracteres (unas cuantas palabras funcionan bien)
account-password-too-long = La contraseña debe tener como máximo { $max } caracteres
account-password-common = Esta contraseña es demasiado común: elija algo que otros no adivinarían
account-password-contains-email = La contraseña no debe contener su correo electrónico
admin-audit-outcome-success = correcto
admin-audit-outcome-denied = denegado

## Clientes de máquina (SMART Backend Services)
admin-fhir-clients-title = Clientes de máquina
admin-fhir-clients-subtitle = Sistemas que pueden obtener registros en bloque por FHIR, como un almacén de datos o el sistema de otra clínica
admin-fhir-clients-none = Todavía no hay clientes de máquina.
admin-fhir-clients-id = Id. del cliente
admin-fhir-clients-scopes = Ámbitos
admin-fhir-clients-disabled = Desactivado
admin-fhir-clients-actions = Acciones
admin-fhir-clients-disable = Desactivar
admin-fhir-clients-disable-named = Desactivar { $name }
admin-fhir-clients-add = Registrar un cliente de máquina
admin-fhir-clients-how = El sistema firma un mensaje corto con su clave privada y lo envía a { $url } para obtener un token de acceso de cinco minutos. Su id. de cliente (visible arriba una vez registrado) va en ese mensaje.
admin-fhir-clients-keys = Claves públicas
admin-fhir-clients-keys-hint = Pegue el conjunto de claves públicas del sistema en JSON (un JWKS con claves RSA o EC P-384). Nunca pegue una clave privada.
admin-fhir-clients-scopes-hint = Lo que puede leer, separado por espacios: system/*.read para todo o, por ejemplo, system/Observation.read system/Patient.read.
admin-fhir-clients-add-button = Registrar el cliente
