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
cli-backup-encrypted = The backup is encrypted: keep the key file apart from it; without the key it cannot be restored.
cli-backup-key-created = Created the backup encryption key { $file }: copy it to a safe place apart from the backups (a password manager or a vault). Without it no encrypted backup can be restored.
cli-restore-not-empty = { $file } already exists: restore only onto an empty data directory (stop Rapport and move the data directory aside first).
cli-restore-not-a-backup = { $file } is neither a SQLite database nor an encrypted Rapport backup.
cli-restore-needs-key = { $file } is encrypted: give the key file it was made with (--encryption-key-file).
cli-restore-nothing-changed = Nothing was restored; the data directory is as it was.
cli-restored = Restored { $file } into { $db }: it opens, and its audit log of { $entries } entries verifies.
cli-restore-checkpoint-checked = The log reaches the signed audit checkpoint { $file }: no entry was cut off.
cli-restore-checkpoint-unchecked = Not checked against a signed checkpoint: { $file } or the audit checkpoint key (audit-checkpoint.key in the data directory, or --audit-key-file) is missing. Copy the key in and run: rapport audit verify --checkpoints { $file }
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
