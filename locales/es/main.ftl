## El marco común de las páginas del personal (templates/base.html, auth_base.html).

skip-to-content = Saltar al contenido principal
nav-main = Principal
nav-today = Hoy
nav-caseload = Casos
nav-calendar = Calendario
nav-emergency-access = Acceso de emergencia
nav-risk-flags = Alertas de riesgo
nav-not-yet-closed = aún sin cerrar
nav-groups = Grupos
nav-supervision = Supervisión
nav-programme = Programa
nav-users = Usuarios
nav-sites = Sedes
nav-fhir-clients = Clientes de máquina
nav-adaptations = Adaptaciones
nav-audit-log = Registro de auditoría
nav-access-reviews = Revisión de accesos
nav-waiting = pendientes
nav-settings = Configuración
nav-my-account = Mi cuenta
signed-in-as = Sesión iniciada como
sign-out = Cerrar sesión
role-admin = Administrador(a)
role-supervisor = Supervisor(a)
role-clinician = Terapeuta
role-facilitator = Facilitador(a) de grupo
role-programme-manager = Responsable de programa
role-client = Consultante
risk-flags-open =
    { $count ->
        [one] Hay { $count } alerta de riesgo de sus consultantes aún sin cerrar: revísela ahora.
       *[other] Hay { $count } alertas de riesgo de sus consultantes aún sin cerrar: revíselas ahora.
    }
footer-confidential = { $organisation } · Rapport · Los expedientes son confidenciales; cada acceso queda registrado.

## El selector de idioma del pie de página.

language-label = Idioma
language-change = Cambiar idioma

## La página de inicio de sesión (templates/login.html) y sus avisos.

sign-in = Iniciar sesión
sign-in-not-set-up = Rapport aún no está configurado. Abra el enlace de configuración de un solo uso que { $command } mostró en la terminal.
error-prefix = Error:
error-summary-title = Hay un problema
sign-in-email = Correo electrónico
sign-in-password = Contraseña
sign-in-forgotten = ¿Olvidó su contraseña? Pida a la persona que administra Rapport que le asigne una nueva.
sign-in-notice-signed-out = Cerró la sesión.
sign-in-notice-setup = Su cuenta de administración está lista. Inicie sesión para continuar.
sign-in-notice-expired = Su sesión terminó. Inicie sesión de nuevo.
sign-in-notice-password = Contraseña cambiada. Inicie sesión con su nueva contraseña.
sign-in-notice-verify-expired = El inicio de sesión tardó demasiado o tuvo demasiados códigos incorrectos. Inicie sesión de nuevo.
sign-in-notice-reauth-failed = Se cerró su sesión después de demasiados intentos con una contraseña actual incorrecta. Inicie sesión de nuevo.
sign-in-notice-kiosk-signed-out = El modo quiosco terminó tras demasiados PIN incorrectos y se cerró su sesión. Inicie sesión de nuevo.

sign-in-refused-incomplete = Escriba su correo electrónico y su contraseña.
sign-in-refused-wrong-password = El correo electrónico o la contraseña no son correctos.
sign-in-refused-wrong-code = Ese código no es correcto o ya se usó. Escriba el código actual de su aplicación o un código de recuperación.
sign-in-refused-throttled = Demasiados intentos fallidos. Espere { $seconds } segundos y vuelva a intentarlo.

## La sección de idioma de la página de la cuenta (templates/account.html).

account-language-title = Idioma
account-language-hint = Rapport le muestra sus páginas en este idioma. Las páginas aún no traducidas siguen en inglés.
account-language-save = Guardar idioma
account-language-saved = Idioma guardado.
account-language-negotiated = No ha elegido ninguno: Rapport sigue el idioma de su navegador y, si no, el predeterminado de su organización.

# Un formulario rechazado por la comprobación de solicitudes entre sitios (security.rs).
csrf-other-site = Esta solicitud provino de otro sitio.
csrf-expired = Su formulario caducó.
csrf-refused = { $reason } Vuelva atrás, recargue la página e inténtelo de nuevo.
csrf-too-large = El formulario es demasiado grande para enviarlo.

# El enlace de un número de teléfono, como lo dice un lector de pantalla (html/phone.rs).
phone-call = Llamar al { $number }
phone-text = Enviar un mensaje de texto al { $number }
