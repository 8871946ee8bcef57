## The `rapport` command's messages (crates/rapport), in the language of
## RAPPORT_LANGUAGE or LANG.

cli-error = error: { $message }
cli-password-refused = password refused: { $problem }
cli-not-an-email = --email { $email } is not an email address
cli-name-empty = --name must not be empty
cli-not-a-supervisor = --supervisor { $email } is not an active supervisor's account
cli-programme-manager-supervised = --supervisor: programme managers see no client, so they are not supervised
cli-no-such-supervisor = --supervisor { $email }: no account with this e-mail
cli-user-created = Created { $role } account for { $name } <{ $email }> (id { $id }).
cli-database-up-to-date = Database is up to date ({ $target }).
cli-migrate-status = { $target }: { $applied } migrations applied, { $pending } pending. Nothing was changed.
cli-migrate-pending = pending: { $name }
cli-migrate-unknown = applied by a newer Rapport (this version cannot open the database): { $name }
cli-migrate-no-migrate = `rapport migrate` applies migrations, and --no-migrate (or RAPPORT_NO_MIGRATE) forbids it: use `rapport migrate --dry-run` to list them

cli-now-responsible = { $to } is now responsible for { $client } ({ $what })
cli-deactivated = Deactivated { $email }; their sessions were ended and their API tokens revoked.
cli-site-created =
    { $kind ->
        [none] Created site { $name } (id { $id }).
       *[other] Created site { $name } ({ $kind }, id { $id }).
    }
cli-no-sites = No sites yet; add one with: rapport site create NAME [--kind KIND]
cli-audit-intact = Audit log intact: { $count } entries verified.
cli-audit-checkpoints = It holds all { $count } signed checkpoints (the newest names entry { $seq }).
cli-audit-no-checkpoints = Note: the chain alone cannot show entries cut from its end together with its head; the tail is anchored only by signed checkpoints: rapport audit verify --checkpoints { $file }
cli-audit-failed = Audit log verification FAILED: { $error }
cli-backed-up = Backed up to { $file }.
cli-backup-checkpoint = Signed audit checkpoint (entry { $seq }) in { $file }; check a restored copy with: rapport audit verify --checkpoints { $file }
cli-backup-no-checkpoint = No audit checkpoint written: no key file { $file } (give --audit-key-file).
cli-key-added = Added a new current key at the top of { $file }.
cli-listening = Rapport is listening on { $address }
cli-public-address = Public address: { $address }
cli-first-run = First run: create the administrator account at { $link }
cli-first-run-link = (single use; valid for { $hours } hours; each start prints a fresh link)
cli-press-ctrl-c = Press Ctrl+C to stop.
cli-email-through = E-mail: notifications go through { $server }
cli-email-outbox = E-mail: no --smtp-url, so notifications stay in the outbox: as an administrator, Settings > "See every message and whether it was sent" ({ $link }).
cli-escalation-hours-deprecated = Warning: --risk-escalation-hours is deprecated; it replaces the organisation's acknowledgement deadline with { $hours } hours. Set the deadlines on Administration > Settings instead.
cli-reports-rebuilding = Building the programme-outcomes read model from the records…
cli-reports-rebuilt = Programme outcomes rebuilt: { $rows } courses and group memberships of { $clients } clients in { $seconds } s.
