# Mensajes que redacta la capa de aplicación: negativas, conflictos y errores
# de campo de los casos de uso (crates/rapport-app).

## Negativas y conflictos

app-admin-only = Esta página es para administradores.
app-no-caseload = Su cuenta no atiende casos. Un(a) administrador(a) puede marcar una cuenta de administración como en ejercicio clínico.
app-emergency-portal = El acceso de emergencia no incluye el portal del consultante: las invitaciones, la cuenta del portal, lo compartido y los enlaces a cuestionarios quedan a cargo del equipo de atención.
app-deactivate-self = No puede desactivar su propia cuenta.
app-last-admin = Esta es la única cuenta de administración activa.
app-kiosk-caseload = El modo quiosco es para cuentas que atienden casos
app-kiosk-browser = El modo quiosco necesita una sesión del navegador
app-fidelity-self-rater = La autocalificación la hace la persona que condujo la sesión.
app-fidelity-supervisor-rater = La calificación de supervisión la hace un(a) supervisor(a) de la persona que condujo la sesión.
app-fidelity-peer-rater = La calificación entre pares la hace un(a) colega del equipo de atención (o un(a) cofacilitador(a)).
app-portal-reset-responsible = Solo el o la terapeuta responsable ({ $name }) puede restablecer el acceso al portal de este consultante.
app-portal-reset-no-account = Este consultante no tiene una cuenta del portal que restablecer; invítelo en su lugar.
app-portal-invite-has-account = Este consultante ya tiene una cuenta del portal. Una invitación no puede cambiarla; el o la terapeuta responsable puede restablecer su acceso al portal.
app-portal-invitation-closed = Esta invitación ya no está abierta: se usó, venció o ya se retiró.
app-portal-no-active-account = Este consultante no tiene una cuenta activa del portal.
app-archive-emergency = El acceso de emergencia no permite archivar ni restaurar un expediente.
app-care-team-change = Solo el equipo de atención y sus supervisores pueden cambiar el equipo de atención.
app-care-team-hand-over = Solo el o la terapeuta responsable, o un(a) supervisor(a) de alguien del equipo de atención, puede traspasar la responsabilidad de este consultante.
app-emergency-staff = El acceso de emergencia es para el personal clínico.
app-formulation-stale = Todavía no hay nada registrado en esa versión; vuelva a cargar la página e inténtelo de nuevo.
app-recordings-off = Esta organización no hace grabaciones de sesiones (Administración > Configuración).
app-recording-uploader = La grabación la sube el o la terapeuta que condujo la sesión.
app-course-closed = Este tratamiento está { $status }; ya no se puede cambiar.
app-mfa-required = Su organización exige la verificación en dos pasos; no se puede desactivar.
app-supervision-supervisors = El panel de supervisión es para supervisores.
app-certification-recorder = Una certificación la registra un(a) supervisor(a) o un(a) administrador(a).
app-context-exists = Ya existe una formulación cultural para este consultante; envíe la versión que editó.
app-facilitator-course = Los facilitadores de grupo dirigen grupos; un tratamiento individual lo abre un(a) terapeuta.
app-maintenance-exists = Un tratamiento de mantenimiento ya continúa este tratamiento.
app-groups-setup = Los grupos y las sedes los configura un(a) supervisor(a) o un(a) administrador(a).
app-group-members = Solo los facilitadores del grupo y sus supervisores trabajan con sus integrantes.
app-group-list-staff = Los grupos son para el personal que los dirige, los supervisa o los organiza.
app-group-closed = Este grupo ya está cerrado.
app-group-meetings-recorded = Las { $count } reuniones de este grupo están registradas (o el grupo está cerrado).
app-funnel-staff = El embudo del programa enumera personas; es para el personal que trabaja con consultantes.
app-schedule-changed = El calendario cambió desde que se cargó la página.
app-schedule-no-risk-item = Ninguno de estos cuestionarios pregunta por el suicidio o las autolesiones. Añada uno que lo haga (PHQ-9, EPDS, HAM-D-17 o QIDS-SR16), o marque la casilla para confirmar que el riesgo se preguntará de otra manera.
app-changed-meanwhile = Otra persona cambió el registro; vuelva a cargar la página e inténtelo de nuevo.
app-reauth-wrong = Su contraseña actual no es correcta
app-reauth-throttled = Demasiadas contraseñas incorrectas. Espere { $seconds } segundos y vuelva a intentarlo.

## Errores de campo

app-audit-date = { $field } debe ser una fecha escrita AAAA-MM-DD
app-audit-before = before debe ser un número de entrada
app-audit-limit = limit debe estar entre 1 y 1000
app-supervision-circle-named = { $name } ya supervisa a { $supervisee } (directamente o a través de otras personas): esto formaría un círculo
app-supervision-circle = Esto formaría un círculo de supervisión
app-review-note-long = La nota de revisión debe tener como máximo 1000 caracteres
app-course-not-this-client = no hay ningún tratamiento con este identificador para este consultante
app-share-no-supervisor = No tiene un(a) supervisor(a) con quien compartirla.
app-join-throttled = Demasiados códigos incorrectos. Espere { $seconds } segundos y vuelva a intentarlo.
app-join-code-required = Escriba el código de su invitación
app-join-code-format = El código tiene 12 letras y números, como 7KQ2-M9XA-4TRB
app-join-email = Escriba su correo electrónico, como nombre@ejemplo.org
app-join-password-mismatch = Las dos contraseñas no coinciden
app-join-code-unknown = Este código no funciona. Compárelo con su invitación.
app-join-code-used = Este código ya se usó. Inicie sesión o pida uno nuevo.
app-join-code-expired = Este código venció. Pida uno nuevo a su terapeuta.
app-join-code-replaced = Este código fue reemplazado por uno más reciente. Use la invitación más reciente.
app-join-account-exists = Ya tiene una cuenta del portal: inicie sesión. Si no puede, pida a su terapeuta que restablezca su acceso al portal.
app-join-email-taken = Este correo electrónico ya tiene una cuenta aquí. Use otro.
app-join-code-closed = Este código ya no se puede usar. Pida uno nuevo a su terapeuta.
app-fidelity-rater-unknown = rater debe ser self, supervisor o peer
app-fidelity-rater-not-allowed = { $checklist } no se califica por { $rater }
app-fidelity-comment-long = El comentario tiene como máximo 4000 caracteres
app-fidelity-choose-checklist = Elija una lista de verificación para esta sesión: { $checklists }
app-fidelity-no-checklist = No existe esa lista de verificación
app-area-none-chosen = { $area } no es un área problema elegida de este tratamiento: todavía no se eligió ninguna; regístrelas primero en la formulación
app-area-not-chosen = { $area } no es un área problema elegida de este tratamiento: las áreas elegidas son { $areas }
app-recording-consent = Registre cómo dio su consentimiento el consultante para la grabación (de 10 a 1000 caracteres)
app-recording-type = Suba un archivo de audio: { $types }
app-recording-size = La grabación debe pesar entre 1 byte y 64 MB
app-provider-not-this-client = Elija un(a) profesional registrado(a) para este consultante
app-response-future = completed_at no debe estar en el futuro
app-response-unscored-count = { $instrument } tiene { $count } preguntas sin puntuación; se recibieron { $given }
app-response-not-an-option = no es una opción de esta pregunta
app-supervision-no-course = Ningún tratamiento que usted pueda ver
app-supervision-no-group = Ningún grupo que usted supervise
app-certification-no-pathway = No existe esa vía de certificación
app-certification-date = Escriba la fecha como AAAA-MM-DD, no en el futuro
app-site-name = Dé a la sede un nombre de 1 a 120 caracteres
app-site-kind = El tipo de sede tiene como máximo 60 caracteres
app-site-unknown = Ninguna sede con este identificador
app-site-facilitator = Un(a) facilitador(a) registra a las personas en su propia sede o en una sede de sus grupos
app-group-sessions-range = { $protocol } tiene de { $min } a { $max } reuniones
app-client-unknown = Ningún consultante con este identificador
app-member-status-unknown = status debe ser completed, dropped_out, referred o active
app-instrument-unknown = Instrumento desconocido
app-group-choose-protocol = Elija un protocolo de grupo: { $protocols }
app-text-too-long = Como máximo { $max } caracteres
app-link-choose = Elija un cuestionario para enviar
app-link-not-sendable = { $instrument } no se puede enviar como enlace: lo califica el o la terapeuta, o su texto tiene licencia y no se incluye

## Texto para las páginas

app-blank-prompt =
    { $count ->
        [one] Dejó en blanco la pregunta { $questions }. ¿Desea enviar de todos modos?
       *[other] Dejó { $count } preguntas en blanco ({ $questions }). ¿Desea enviar de todos modos?
    }
app-circle-at = En “{ $label }” ({ $date })

## Las reglas del PIN de quiosco (rapport_core::kiosk::check_pin)

kiosk-pin-empty = Escriba un PIN de 4 a 8 dígitos
kiosk-pin-digits-only = El PIN debe tener solo dígitos (0 a 9)
kiosk-pin-length = El PIN debe tener de 4 a 8 dígitos
kiosk-pin-repeated = El PIN no debe ser un solo dígito repetido (como 1111); elija uno difícil de adivinar
kiosk-pin-sequence = El PIN no debe ser una secuencia simple (como 1234 o 9876); elija uno difícil de adivinar

## Texto para las páginas (continuación)

app-follow-up-due =
    { $months ->
        [one] Seguimiento a { $months } mes: pendiente desde el { $date }
       *[other] Seguimiento a los { $months } meses: pendiente desde el { $date }
    }

## Las negativas de la capa de almacenamiento, redactadas aquí

app-care-team-already = Esta persona ya forma parte del equipo de atención.
app-care-team-remove-responsible = Solo se puede quitar a los demás integrantes: primero designe a otra persona como responsable.
app-care-team-not-member = Primero agregue a esta persona al equipo de atención.
app-site-exists = Ya existe una sede llamada “{ $name }”.
