## The `rapport` command's messages (crates/rapport), in the language of
## RAPPORT_LANGUAGE or LANG.

cli-error = erreur : { $message }
cli-password-refused = mot de passe refusé : { $problem }
cli-not-an-email = --email { $email } n’est pas une adresse e-mail
cli-name-empty = --name ne doit pas être vide
cli-not-a-supervisor = --supervisor { $email } n’est pas le compte d’un·e superviseur·e actif·ve
cli-programme-manager-supervised = --supervisor : les responsables de programme ne voient aucun·e patient·e, ils ou elles ne sont donc pas supervisé·es
cli-no-such-supervisor = --supervisor { $email } : aucun compte avec cette adresse e-mail
cli-user-created = Compte { $role } créé pour { $name } <{ $email }> (id { $id }).
cli-database-up-to-date = La base de données est à jour ({ $target }).
cli-migrate-status = { $target } : { $applied } migrations appliquées, { $pending } en attente. Rien n’a été modifié.
cli-migrate-pending = en attente : { $name }
cli-migrate-unknown = appliquée par une version plus récente de Rapport (cette version ne peut pas ouvrir la base) : { $name }
cli-migrate-no-migrate = `rapport migrate` applique les migrations, et --no-migrate (ou RAPPORT_NO_MIGRATE) l’interdit : utilisez `rapport migrate --dry-run` pour les lister

cli-now-responsible = { $to } est désormais responsable de { $client } ({ $what })
cli-deactivated = { $email } désactivé·e ; ses sessions ont été fermées et ses jetons d’API révoqués.
cli-site-created =
    { $kind ->
        [none] Site { $name } créé (id { $id }).
       *[other] Site { $name } créé ({ $kind }, id { $id }).
    }
cli-no-sites = Aucun site pour l’instant ; ajoutez-en un avec : rapport site create NOM [--kind TYPE]
cli-audit-intact = Journal d’audit intact : { $count } entrées vérifiées.
cli-audit-checkpoints = Il contient les { $count } points de contrôle signés (le plus récent nomme l’entrée { $seq }).
cli-audit-no-checkpoints = Remarque : la chaîne seule ne peut pas montrer des entrées retirées de sa fin avec sa tête ; la fin n’est ancrée que par des points de contrôle signés : rapport audit verify --checkpoints { $file }
cli-audit-failed = La vérification du journal d’audit a ÉCHOUÉ : { $error }
cli-backed-up = Sauvegarde enregistrée dans { $file }.
cli-backup-checkpoint = Point de contrôle d’audit signé (entrée { $seq }) dans { $file } ; vérifiez une copie restaurée avec : rapport audit verify --checkpoints { $file }
cli-backup-no-checkpoint = Aucun point de contrôle d’audit écrit : pas de fichier de clé { $file } (indiquez --audit-key-file).
cli-backup-encrypted = La sauvegarde est chiffrée : gardez le fichier de clé à part ; sans la clé, elle ne peut pas être restaurée.
cli-backup-key-created = Clé de chiffrement des sauvegardes créée dans { $file } : copiez-la en lieu sûr, à part des sauvegardes (gestionnaire de mots de passe, coffre). Sans elle, aucune sauvegarde chiffrée ne peut être restaurée.
cli-restore-not-empty = { $file } existe déjà : ne restaurez que dans un dossier de données vide (arrêtez Rapport et mettez d’abord le dossier de données de côté).
cli-restore-not-a-backup = { $file } n’est ni une base SQLite ni une sauvegarde Rapport chiffrée.
cli-restore-needs-key = { $file } est chiffrée : donnez le fichier de clé avec lequel elle a été faite (--encryption-key-file).
cli-restore-nothing-changed = Rien n’a été restauré ; le dossier de données est inchangé.
cli-restored = { $file } restaurée dans { $db } : elle s’ouvre et son journal d’audit de { $entries } entrées est vérifié.
cli-restore-checkpoint-checked = Le journal atteint le point de contrôle signé { $file } : aucune entrée n’a été coupée.
cli-restore-checkpoint-unchecked = Pas vérifié avec un point de contrôle signé : { $file } ou la clé des points de contrôle (audit-checkpoint.key dans le dossier de données, ou --audit-key-file) manque. Copiez la clé puis lancez : rapport audit verify --checkpoints { $file }
cli-key-added = Nouvelle clé courante ajoutée en tête de { $file }.
cli-listening = Rapport écoute sur { $address }
cli-public-address = Adresse publique : { $address }
cli-first-run = Premier démarrage : créez le compte administrateur sur { $link }
cli-first-run-link = (usage unique ; valable { $hours } heures ; chaque démarrage affiche un nouveau lien)
cli-press-ctrl-c = Appuyez sur Ctrl+C pour arrêter.
cli-email-through = Courriel : les notifications passent par { $server }
cli-email-outbox = Courriel : pas de --smtp-url, les notifications restent dans la boîte d’envoi : en tant qu’administrateur, Paramètres > « Voir chaque message et s’il a été envoyé » ({ $link }).
cli-escalation-hours-deprecated = Avertissement : --risk-escalation-hours est obsolète ; il remplace le délai d’accusé de réception de l’organisation par { $hours } heures. Définissez les délais dans Administration > Paramètres.
cli-reports-rebuilding = Construction du modèle de lecture des résultats du programme à partir des dossiers…
cli-reports-rebuilt = Résultats du programme reconstruits : { $rows } suivis et participations à un groupe de { $clients } clients en { $seconds } s.
