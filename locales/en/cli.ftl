## The `rapport` command's messages (crates/rapport), in the language of
## RAPPORT_LANGUAGE or LANG.

cli-error = error: { $message }
cli-password-refused = password refused: { $problem }
cli-not-an-email = --email { $email } is not an email address
cli-name-empty = --name must not be empty
cli-not-a-supervisor = --supervisor { $email } is not an active supervisor's account
cli-no-such-supervisor = --supervisor { $email }: no account with this e-mail
cli-user-created = Created { $role } account for { $name } <{ $email }> (id { $id }).
cli-database-up-to-date = Database is up to date ({ $target }).
