## The `rapport` command's messages (crates/rapport), in the language of
## RAPPORT_LANGUAGE or LANG.

cli-error = error: { $message }
cli-password-refused = contraseña rechazada: { $problem }
cli-not-an-email = --email { $email } no es una dirección de correo electrónico
cli-name-empty = --name no puede estar vacío
cli-not-a-supervisor = --supervisor { $email } no es la cuenta de un(a) supervisor(a) activo(a)
cli-no-such-supervisor = --supervisor { $email }: no hay ninguna cuenta con este correo electrónico
cli-user-created = Se creó la cuenta { $role } de { $name } <{ $email }> (id { $id }).
cli-database-up-to-date = La base de datos está al día ({ $target }).
