//! The audit log anchored outside the database, and secrets sealed at rest, on
//! each backend: the database refuses changes to audit entries and rewinding
//! the head; a cut tail with a rewound head (possible once an owner drops the
//! triggers) is caught by signed checkpoints; TOTP secrets are never stored in
//! plain form, do not move between accounts, and survive key rotation.

use super::{event, user};
use rapport_core::access::Role;
use rapport_core::audit::action;
use rapport_core::checkpoint::{read_checkpoints, Anchor, CheckpointKey};
use rapport_core::secrets::Keyring;
use rapport_store::{OpenOptions, SecretsKey, Store, StoreError, Target};
use sqlx::Connection;
use std::sync::Arc;

const SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

fn ring(keys: &[u8]) -> Arc<Keyring> {
    Arc::new(Keyring::new(&keys.iter().map(|b| [*b; 32]).collect::<Vec<_>>()).unwrap())
}

/// One database per backend: how to reach it raw, and how to open the store on it.
struct Db {
    target: Target,
    raw_url: String,
    postgres: bool,
    _dir: Option<tempfile::TempDir>,
}

impl Db {
    async fn all() -> Vec<Db> {
        let dir = tempfile::tempdir().unwrap();
        let mut v = vec![Db {
            target: Target::DataDir(dir.path().to_path_buf()),
            raw_url: format!("sqlite://{}", dir.path().join(rapport_store::DB_FILE).display()),
            postgres: false,
            _dir: Some(dir),
        }];
        if let Ok(base) = std::env::var("RAPPORT_TEST_POSTGRES_URL") {
            let url = rapport_store::scratch_postgres_database(&base).await.unwrap();
            v.push(Db { target: Target::Url(url.clone()), raw_url: url, postgres: true, _dir: None });
        }
        v
    }

    /// SQLite: the data directory's own key file; PostgreSQL: the given keys.
    async fn open(&self, keys: &Arc<Keyring>) -> Store {
        let secrets = if self.postgres { SecretsKey::Keys(keys.clone()) } else { SecretsKey::Default };
        Store::open(&self.target, OpenOptions { max_connections: 4, secrets, ..Default::default() }).await.unwrap()
    }

    async fn raw(&self) -> sqlx::AnyConnection {
        sqlx::AnyConnection::connect(&self.raw_url).await.unwrap()
    }
}

async fn exec(conn: &mut sqlx::AnyConnection, sql: &str) -> Result<u64, sqlx::Error> {
    sqlx::query(sql).execute(conn).await.map(|r| r.rows_affected())
}

/// What an attacker with owner rights does first.
async fn drop_audit_triggers(conn: &mut sqlx::AnyConnection, postgres: bool) {
    let statements: &[&str] = if postgres {
        &["ALTER TABLE audit_log DISABLE TRIGGER USER", "ALTER TABLE audit_head DISABLE TRIGGER USER"]
    } else {
        &[
            "DROP TRIGGER audit_log_no_update",
            "DROP TRIGGER audit_log_no_delete",
            "DROP TRIGGER audit_head_no_delete",
            "DROP TRIGGER audit_head_forward_only",
        ]
    };
    for s in statements {
        exec(conn, s).await.unwrap();
    }
}

/// The first column of the one row `sql` answers.
async fn raw_text(conn: &mut sqlx::AnyConnection, sql: &str) -> Option<String> {
    use rapport_store::row::Named;
    use sqlx::{Column, Row};
    let row = sqlx::query(sql).fetch_one(conn).await.unwrap();
    let first = row.columns()[0].name().to_string();
    row.col::<Option<String>>(&first).unwrap()
}

#[tokio::test]
async fn the_database_refuses_changes_to_the_audit_log_and_a_rewound_head() {
    for db in Db::all().await {
        let store = db.open(&ring(&[1])).await;
        for _ in 0..5 {
            store.audit(event(action::CLIENT_READ)).await.unwrap();
        }
        let mut raw = db.raw().await;
        let refused = [
            "UPDATE audit_log SET detail = 'forged' WHERE seq = 2",
            "DELETE FROM audit_log WHERE seq = 5",
            "DELETE FROM audit_log",
            "DELETE FROM audit_head",
            "UPDATE audit_head SET last_seq = last_seq - 1",
            "UPDATE audit_head SET last_seq = 3, last_hash = (SELECT hash FROM audit_log WHERE seq = 3)",
            "UPDATE audit_head SET last_hash = '0000000000000000000000000000000000000000000000000000000000000001'",
        ];
        for sql in refused {
            let err = exec(&mut raw, sql).await.expect_err(sql).to_string();
            assert!(err.contains("append-only") || err.contains("audit_head"), "{sql}: {err}");
        }
        if db.postgres {
            for t in ["audit_log", "audit_head"] {
                let err = exec(&mut raw, &format!("TRUNCATE {t}")).await.unwrap_err().to_string();
                assert!(err.contains("TRUNCATE on") && err.contains("refused"), "{err}");
            }
        }
        // Nothing changed, and appending (two head updates per append) still works.
        assert_eq!(store.audit_head().await.unwrap().0, 5);
        assert_eq!(store.audit_verify().await.unwrap(), 5);
        user(&store, "after@example.org", Role::Clinician).await;
        store.audit(event(action::CLIENT_READ)).await.unwrap();
        let (seq, hash) = store.audit_head().await.unwrap();
        assert_eq!(seq, 7);
        assert_eq!(
            raw_text(&mut raw, "SELECT hash FROM audit_log WHERE seq = 7").await.as_deref(),
            Some(hash.as_str())
        );
        assert_eq!(store.audit_verify().await.unwrap(), 7);
        raw.close().await.unwrap();
        store.close().await;
    }
}

#[tokio::test]
async fn a_cut_tail_with_a_rewound_head_fails_only_against_checkpoints() {
    let key = CheckpointKey::from_bytes([7; 32]);
    for db in Db::all().await {
        let store = db.open(&ring(&[1])).await;
        for i in 0..40 {
            let mut e = event(action::CLIENT_READ);
            e.detail = Some(format!("read {i}"));
            store.audit(e).await.unwrap();
        }
        let early = store.audit_checkpoint(&key).await.unwrap();
        for _ in 0..10 {
            store.audit(event(action::CLIENT_READ)).await.unwrap();
        }
        let latest = store.audit_checkpoint(&key).await.unwrap();
        assert_eq!((early.seq, latest.seq), (40, 50));
        let file = format!("{}\n{}\n", early.to_json(), latest.to_json());
        let anchors = read_checkpoints(&file, &key).unwrap();
        assert_eq!(store.audit_verify_anchored(anchors.clone()).await.unwrap(), 50, "an intact chain passes");

        // The attack: remove the last 20 entries and point the head at the new last one.
        let mut raw = db.raw().await;
        drop_audit_triggers(&mut raw, db.postgres).await;
        assert_eq!(exec(&mut raw, "DELETE FROM audit_log WHERE seq > 30").await.unwrap(), 20);
        exec(
            &mut raw,
            "UPDATE audit_head SET last_seq = 30, last_hash = (SELECT hash FROM audit_log WHERE seq = 30) WHERE id = 1",
        )
        .await
        .unwrap();
        raw.close().await.unwrap();
        assert_eq!(store.audit_verify().await.unwrap(), 30, "the chain alone cannot see a cut tail");
        let err = store.audit_verify_anchored(anchors).await.unwrap_err().to_string();
        assert!(err.contains("entries 31 to 50 are missing") && err.contains("line 2"), "{err}");

        // Only the older checkpoint: still caught, with its own range.
        let only_early = vec![Anchor { line: 1, checkpoint: early.clone() }];
        let err = store.audit_verify_anchored(only_early).await.unwrap_err().to_string();
        assert!(err.contains("entries 31 to 40 are missing"), "{err}");
        // A checkpoint forged without the key never gets this far.
        let forged = rapport_core::checkpoint::Checkpoint::sign(
            &CheckpointKey::from_bytes([8; 32]),
            30,
            &early.hash,
            rapport_core::Timestamp::now(),
        );
        assert!(read_checkpoints(&forged.to_json(), &key).unwrap_err().to_string().contains("line 1"));
        store.close().await;
    }
}

#[tokio::test]
async fn a_replaced_entry_is_named_by_the_checkpoint_that_covers_it() {
    let key = CheckpointKey::from_bytes([7; 32]);
    for db in Db::all().await {
        let store = db.open(&ring(&[1])).await;
        for _ in 0..10 {
            store.audit(event(action::CLIENT_READ)).await.unwrap();
        }
        let cp = store.audit_checkpoint(&key).await.unwrap();
        // Rewrite entry 10 with a recomputed hash and move the head along: the
        // chain check passes, the checkpoint does not.
        let mut entry = store
            .audit_entries(&rapport_store::AuditFilter { limit: 1, ..Default::default() })
            .await
            .unwrap()
            .remove(0);
        assert_eq!(entry.seq, 10);
        entry.event.detail = Some("nothing to see".into());
        let forged = rapport_core::audit::entry_hash(10, &entry.at, &entry.event, &entry.prev_hash);
        let mut raw = db.raw().await;
        drop_audit_triggers(&mut raw, db.postgres).await;
        exec(&mut raw, &format!("UPDATE audit_log SET detail = 'nothing to see', hash = '{forged}' WHERE seq = 10"))
            .await
            .unwrap();
        exec(&mut raw, &format!("UPDATE audit_head SET last_hash = '{forged}' WHERE id = 1")).await.unwrap();
        raw.close().await.unwrap();
        assert_eq!(store.audit_verify().await.unwrap(), 10, "the rewritten chain is consistent in itself");
        let anchors = vec![Anchor { line: 3, checkpoint: cp }];
        let err = store.audit_verify_anchored(anchors).await.unwrap_err().to_string();
        assert!(err.contains("entry 10 does not match the checkpoint on line 3"), "{err}");
        store.close().await;
    }
}

#[tokio::test]
async fn totp_secrets_are_sealed_at_rest_and_bound_to_their_account() {
    for db in Db::all().await {
        let store = db.open(&ring(&[1])).await;
        let a = user(&store, "sealed-a@example.org", Role::Clinician).await;
        let b = user(&store, "sealed-b@example.org", Role::Clinician).await;
        store.set_pending_totp(&a, SECRET).await.unwrap();
        let mut raw = db.raw().await;
        let q = |col: &str, id: &rapport_core::Id| format!("SELECT {col} FROM users WHERE id = '{}'", id.as_str());
        let pending = raw_text(&mut raw, &q("totp_pending_secret", &a)).await.unwrap();
        assert!(pending.starts_with("v1:") && !pending.contains(SECRET), "{pending}");
        assert_eq!(store.mfa_state(&a).await.unwrap().pending_secret.as_deref(), Some(SECRET));

        store.enable_totp(&a, SECRET, 1, &[], event(action::MFA_ENABLE)).await.unwrap();
        let stored = raw_text(&mut raw, &q("totp_secret", &a)).await.unwrap();
        assert!(stored.starts_with("v1:") && !stored.contains(SECRET), "{stored}");
        assert_eq!(raw_text(&mut raw, &q("totp_pending_secret", &a)).await, None);
        assert_eq!(store.mfa_state(&a).await.unwrap().secret.as_deref(), Some(SECRET));

        // Copied into another account's row, the value does not open.
        sqlx::query("UPDATE users SET totp_secret = $1 WHERE id = $2")
            .bind(&stored)
            .bind(b.as_str())
            .execute(&mut raw)
            .await
            .unwrap();
        let err = store.mfa_state(&b).await.unwrap_err();
        assert!(matches!(err, StoreError::Secret(_)), "{err}");
        assert!(err.to_string().contains("another account"), "{err}");
        raw.close().await.unwrap();
        store.close().await;
    }
}

#[tokio::test]
async fn plain_secrets_from_before_the_upgrade_are_sealed_on_open() {
    for db in Db::all().await {
        let keys = ring(&[1]);
        let store = db.open(&keys).await;
        let a = user(&store, "old@example.org", Role::Clinician).await;
        store.close().await;
        // As an earlier version stored it.
        let mut raw = db.raw().await;
        sqlx::query("UPDATE users SET totp_secret = $1, totp_pending_secret = $2, totp_enabled_at = $3 WHERE id = $4")
            .bind(SECRET)
            .bind("GEZDGNBVGY3TQOJQ")
            .bind(rapport_core::Timestamp::now().to_db())
            .bind(a.as_str())
            .execute(&mut raw)
            .await
            .unwrap();
        if db.postgres {
            // A URL store without a key must not start over plain secrets it cannot seal.
            let err = Store::open(&db.target, OpenOptions::default()).await.err().unwrap().to_string();
            assert!(err.contains("in plain form") && err.contains("--secrets-key-file"), "{err}");
        }
        let mut first = None;
        for _ in 0..2 {
            // Twice: the second open finds nothing left to do and changes nothing.
            let store = db.open(&keys).await;
            let q = format!("SELECT totp_secret FROM users WHERE id = '{}'", a.as_str());
            let sealed = raw_text(&mut raw, &q).await.unwrap();
            assert!(sealed.starts_with("v1:") && !sealed.contains(SECRET), "{sealed}");
            assert_eq!(first.get_or_insert_with(|| sealed.clone()), &sealed, "sealed once, not again");
            let st = store.mfa_state(&a).await.unwrap();
            assert_eq!(st.secret.as_deref(), Some(SECRET));
            assert_eq!(st.pending_secret.as_deref(), Some("GEZDGNBVGY3TQOJQ"));
            assert_eq!(store.rotate_secrets().await.unwrap().resealed, 0);
            store.close().await;
        }
        raw.close().await.unwrap();
    }
}

#[tokio::test]
async fn rotation_reseals_with_the_new_key_and_old_secrets_keep_working() {
    for db in Db::all().await {
        let old = ring(&[1]);
        let store = db.open(&old).await;
        let a = user(&store, "rot-a@example.org", Role::Clinician).await;
        let b = user(&store, "rot-b@example.org", Role::Clinician).await;
        store.enable_totp(&a, SECRET, 1, &[], event(action::MFA_ENABLE)).await.unwrap();
        store.set_pending_totp(&b, "GEZDGNBVGY3TQOJQ").await.unwrap();
        store.close().await;
        // The new key goes first; the old one stays listed.
        let (new, file_key) = if db.postgres {
            (ring(&[2, 1]), None)
        } else {
            let Target::DataDir(dir) = &db.target else { unreachable!() };
            let path = dir.join(rapport_store::keyfile::SECRETS_KEY_FILE);
            let old_text = std::fs::read_to_string(&path).unwrap();
            let new_line = rapport_store::keyfile::new_key_hex();
            std::fs::write(&path, format!("{new_line}\n{old_text}")).unwrap();
            (Arc::new(Keyring::parse(&std::fs::read_to_string(&path).unwrap()).unwrap()), Some((path, new_line)))
        };
        let store = db.open(&new).await;
        assert_eq!(store.mfa_state(&a).await.unwrap().secret.as_deref(), Some(SECRET), "previous key still opens");
        let done = store.rotate_secrets().await.unwrap();
        assert_eq!((done.resealed, done.current), (2, 0));
        assert_eq!(store.rotate_secrets().await.unwrap().current, 2, "a second run has nothing to do");
        let mut raw = db.raw().await;
        for (col, id) in [("totp_secret", &a), ("totp_pending_secret", &b)] {
            let v = raw_text(&mut raw, &format!("SELECT {col} FROM users WHERE id = '{}'", id.as_str())).await.unwrap();
            assert_eq!(Keyring::sealed_key_id(&v), Some(new.current_id()), "{col}");
        }
        raw.close().await.unwrap();
        store.close().await;
        // With the old key removed, everything still opens.
        let newest_only = match file_key {
            Some((path, line)) => {
                std::fs::write(&path, format!("{line}\n")).unwrap();
                ring(&[9]) // unused: the SQLite store reads its key file
            }
            None => ring(&[2]),
        };
        let store = db.open(&newest_only).await;
        assert_eq!(store.mfa_state(&a).await.unwrap().secret.as_deref(), Some(SECRET));
        assert_eq!(store.mfa_state(&b).await.unwrap().pending_secret.as_deref(), Some("GEZDGNBVGY3TQOJQ"));
        store.close().await;
    }
}

#[tokio::test]
async fn a_new_key_file_next_to_sealed_secrets_is_refused_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let target = Target::DataDir(dir.path().to_path_buf());
    let store = Store::open(&target, OpenOptions::default()).await.unwrap();
    let a = user(&store, "lost@example.org", Role::Clinician).await;
    store.set_pending_totp(&a, SECRET).await.unwrap();
    store.close().await;
    let elsewhere = tempfile::tempdir().unwrap();
    let wrong = elsewhere.path().join("secrets.key");
    let opts = OpenOptions { secrets: SecretsKey::File { path: wrong.clone(), create: true }, ..Default::default() };
    let err = Store::open(&target, opts).await.err().unwrap().to_string();
    assert!(err.contains("did not exist") && err.contains("--secrets-key-file"), "{err}");
    assert!(!wrong.exists(), "the stray key file is removed again");
    let opts = OpenOptions { secrets: SecretsKey::File { path: wrong, create: false }, ..Default::default() };
    let err = Store::open(&target, opts).await.err().unwrap().to_string();
    assert!(err.contains("does not exist"), "{err}");
}
