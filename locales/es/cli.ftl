## The `rapport` command's messages (crates/rapport), in the language of
## RAPPORT_LANGUAGE or LANG.

cli-error = error: { $message }
cli-password-refused = contraseña rechazada: { $problem }
cli-not-an-email = --email { $email } no es una dirección de correo electrónico
cli-name-empty = --name no puede estar vacío
cli-not-a-supervisor = --supervisor { $email } no es la cuenta de un(a) supervisor(a) activo(a)
cli-programme-manager-supervised = --supervisor: los responsables de programa no ven a ningún consultante, así que no tienen supervisión
cli-no-such-supervisor = --supervisor { $email }: no hay ninguna cuenta con este correo electrónico
cli-user-created = Se creó la cuenta { $role } de { $name } <{ $email }> (id { $id }).
cli-database-up-to-date = La base de datos está al día ({ $target }).
cli-migrate-status = { $target }: { $applied } migraciones aplicadas, { $pending } pendientes. No se ha cambiado nada.
cli-migrate-pending = pendiente: { $name }
cli-migrate-unknown = aplicada por una versión más reciente de Rapport (esta versión no puede abrir la base de datos): { $name }
cli-migrate-no-migrate = `rapport migrate` aplica migraciones y --no-migrate (o RAPPORT_NO_MIGRATE) lo prohíbe: use `rapport migrate --dry-run` para listarlas

cli-now-responsible = { $to } es ahora responsable de { $client } ({ $what })
cli-deactivated = Se desactivó { $email }; sus sesiones se cerraron y sus tokens de API se revocaron.
cli-site-created =
    { $kind ->
        [none] Se creó la sede { $name } (id { $id }).
       *[other] Se creó la sede { $name } ({ $kind }, id { $id }).
    }
cli-no-sites = Todavía no hay sedes; agregue una con: rapport site create NOMBRE [--kind TIPO]
cli-audit-intact = Registro de auditoría íntegro: { $count } entradas verificadas.
cli-audit-checkpoints = Contiene los { $count } puntos de control firmados (el más reciente nombra la entrada { $seq }).
cli-audit-no-checkpoints = Nota: la cadena por sí sola no puede mostrar entradas quitadas del final junto con su cabeza; el final solo queda anclado por puntos de control firmados: rapport audit verify --checkpoints { $file }
cli-audit-failed = La verificación del registro de auditoría FALLÓ: { $error }
cli-backed-up = Copia de seguridad guardada en { $file }.
cli-backup-checkpoint = Punto de control de auditoría firmado (entrada { $seq }) en { $file }; verifique una copia restaurada con: rapport audit verify --checkpoints { $file }
cli-backup-no-checkpoint = No se escribió ningún punto de control de auditoría: no existe el archivo de clave { $file } (indique --audit-key-file).
cli-backup-encrypted = La copia de seguridad está cifrada: guarde el archivo de clave aparte; sin la clave no se puede restaurar.
cli-backup-key-created = Se creó la clave de cifrado de copias { $file }: cópiela a un lugar seguro, aparte de las copias (un gestor de contraseñas o una bóveda). Sin ella no se puede restaurar ninguna copia cifrada.
cli-restore-not-empty = { $file } ya existe: restaure solo en un directorio de datos vacío (detenga Rapport y aparte primero el directorio de datos).
cli-restore-not-a-backup = { $file } no es una base de datos SQLite ni una copia de seguridad cifrada de Rapport.
cli-restore-needs-key = { $file } está cifrada: indique el archivo de clave con que se hizo (--encryption-key-file).
cli-restore-nothing-changed = No se restauró nada; el directorio de datos está como estaba.
cli-restored = { $file } restaurada en { $db }: se abre y su registro de auditoría de { $entries } entradas se verifica.
cli-restore-checkpoint-checked = El registro llega al punto de control firmado { $file }: no se cortó ninguna entrada.
cli-restore-checkpoint-unchecked = No se comprobó con un punto de control firmado: falta { $file } o la clave de los puntos de control (audit-checkpoint.key en el directorio de datos, o --audit-key-file). Copie la clave y ejecute: rapport audit verify --checkpoints { $file }
cli-key-added = Se agregó una nueva clave vigente al principio de { $file }.
cli-listening = Rapport escucha en { $address }
cli-public-address = Dirección pública: { $address }
cli-first-run = Primer inicio: cree la cuenta de administrador(a) en { $link }
cli-first-run-link = (un solo uso; válido por { $hours } horas; cada inicio muestra un enlace nuevo)
cli-press-ctrl-c = Pulse Ctrl+C para detener.
cli-email-through = Correo: las notificaciones se envían por { $server }
cli-email-outbox = Correo: sin --smtp-url, las notificaciones quedan en la bandeja de salida: como administrador(a), Configuración > «Ver cada mensaje y si se envió» ({ $link }).
cli-escalation-hours-deprecated = Advertencia: --risk-escalation-hours está obsoleto; reemplaza el plazo de acuse de recibo de la organización por { $hours } horas. Defina los plazos en Administración > Configuración.
cli-reports-rebuilding = Construyendo el modelo de lectura de resultados del programa a partir de los registros…
cli-reports-rebuilt = Resultados del programa reconstruidos: { $rows } tratamientos y participaciones en grupos de { $clients } clientes en { $seconds } s.
