## The `rapport` command's messages (crates/rapport), in the language of
## RAPPORT_LANGUAGE or LANG.

cli-error = erreur : { $message }
cli-password-refused = mot de passe refusé : { $problem }
cli-not-an-email = --email { $email } n’est pas une adresse e-mail
cli-name-empty = --name ne doit pas être vide
cli-not-a-supervisor = --supervisor { $email } n’est pas le compte d’un·e superviseur·e actif·ve
cli-no-such-supervisor = --supervisor { $email } : aucun compte avec cette adresse e-mail
cli-user-created = Compte { $role } créé pour { $name } <{ $email }> (id { $id }).
cli-database-up-to-date = La base de données est à jour ({ $target }).
