//! `rapport backup` and `rapport restore`: a consistent copy of the SQLite
//! database while Rapport runs (optionally encrypted with a key kept outside
//! the data folder), and its restore onto an empty data directory, checked
//! before it takes the database's place.

use crate::cli::{audit_key, language, open, target, BackupArgs, Global, KeyUse, RestoreArgs};
use rapport_core::backup_seal::{self, Opener, Sealer, CHUNK, HEADER, NONCE_PREFIX, TAG};
use rapport_core::checkpoint::{read_checkpoints, Checkpoint};
use rapport_store::{OpenOptions, Store, Target, DB_FILE};
use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The checkpoint file written next to a backup.
fn checkpoint_path(to: &Path) -> PathBuf {
    let mut s = to.as_os_str().to_owned();
    s.push(".checkpoint.json");
    PathBuf::from(s)
}

/// `path` with `suffix` added to its name.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// The folder a path is in, made absolute (the path itself need not exist).
fn folder_of(path: &Path) -> PathBuf {
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    parent.canonicalize().unwrap_or_else(|_| parent.to_path_buf())
}

/// The backup encryption key: 32 bytes from a key file of 64 hexadecimal
/// digits, created when a backup asks for one that does not exist. A key in
/// the data folder, or next to the backups it opens, protects nothing.
fn encryption_key(g: &Global, path: &Path, backup: &Path, create: bool) -> Result<[u8; 32], String> {
    let key_folder = folder_of(path);
    let data = g.data_dir.canonicalize().unwrap_or_else(|_| g.data_dir.clone());
    if key_folder.starts_with(&data) {
        return Err(format!(
            "--encryption-key-file {}: the key must be kept outside the data folder {}",
            path.display(),
            data.display()
        ));
    }
    if key_folder == folder_of(backup) {
        return Err(format!(
            "--encryption-key-file {}: the key must not be kept in the same folder as the backup",
            path.display()
        ));
    }
    let (text, created) = rapport_store::keyfile::read_or_create(path, create, "backup encryption key file")
        .map_err(|e| format!("{e} (--encryption-key-file)"))?;
    if created {
        println!("{}", language().ta("cli-backup-key-created", "file", path.display().to_string()));
    }
    let line = text.lines().map(str::trim).find(|l| !l.is_empty() && !l.starts_with('#')).unwrap_or_default();
    rapport_core::checkpoint::parse_hex_key(line)
        .map_err(|e| format!("backup encryption key file {}: {e}", path.display()))
}

pub(crate) async fn backup(g: &Global, a: BackupArgs) -> Result<ExitCode, String> {
    let side = checkpoint_path(&a.to);
    for f in [&a.to, &side] {
        if f.exists() {
            return Err(format!("{} already exists; choose a new file", f.display()));
        }
    }
    let key = match &a.encryption_key_file {
        Some(path) => Some(encryption_key(g, path, &a.to, true)?),
        None => None,
    };
    // A data-directory backup creates the key if needed; for a database URL use the key if there is one.
    let using = if matches!(target(g), Target::DataDir(_)) { KeyUse::Create } else { KeyUse::IfPresent };
    let audit = audit_key(g, using)?;
    let store = open(g, 2).await?;
    // An encrypted backup is first copied inside the data folder (as
    // private as the database), so no plain copy reaches the backup's disk.
    let copy = match key {
        Some(_) => with_suffix(&g.data_dir.join(DB_FILE), &format!(".backup-{}", std::process::id())),
        None => a.to.clone(),
    };
    if key.is_some() {
        let _ = std::fs::remove_file(&copy); // left by a backup that was killed
    }
    // Taken before the copy, so the copy holds at least the entries it names.
    let checkpoint = match &audit {
        Some(k) => store.audit_checkpoint(k).await.map(Some).map_err(|e| e.to_string()),
        None => Ok(None),
    };
    let r = match checkpoint {
        Ok(c) => store.backup_sqlite(&copy).await.map(|_| c).map_err(|e| e.to_string()),
        Err(e) => Err(e),
    };
    store.close().await;
    let checkpoint: Option<Checkpoint> = r?;
    if let Some(key) = key {
        let sealed = seal_file(&copy, &a.to, &key);
        let _ = std::fs::remove_file(&copy);
        sealed?;
    }
    let tr = language();
    println!("{}", tr.ta("cli-backed-up", "file", a.to.display().to_string()));
    if key.is_some() {
        println!("{}", tr.t("cli-backup-encrypted"));
    }
    match checkpoint {
        Some(c) => {
            rapport_store::keyfile::write_new(&side, &format!("{}\n", c.to_json()))
                .map_err(|e| format!("cannot write {}: {e}", side.display()))?;
            println!(
                "{}",
                tr.tn(
                    rapport_i18n::msg("cli-backup-checkpoint"),
                    &[("seq", &c.seq), ("file", &side.display().to_string())]
                )
            );
        }
        None => println!(
            "{}",
            tr.ta(
                rapport_i18n::msg("cli-backup-no-checkpoint"),
                "file",
                g.data_dir.join(rapport_store::keyfile::AUDIT_KEY_FILE).display().to_string()
            )
        ),
    }
    Ok(ExitCode::SUCCESS)
}

/// Fills `buf` from `r` as far as it can: fewer bytes only at the end of the file.
fn read_full(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// A new file, created only if it does not exist (mode 0600 on Unix).
fn create_new(path: &Path) -> Result<File, String> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o.open(path).map_err(|e| format!("cannot create {}: {e}", path.display()))
}

/// Seals the plain copy `from` into the new file `to`, a chunk at a time.
fn seal_file(from: &Path, to: &Path, key: &[u8; 32]) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("cannot write the encrypted backup {}: {e}", to.display());
    let mut input = File::open(from).map_err(fail)?;
    let mut left = input.metadata().map_err(fail)?.len() as usize;
    let mut prefix = [0u8; NONCE_PREFIX];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut prefix);
    let mut sealer = Sealer::new(key, prefix);
    let mut out = std::io::BufWriter::new(create_new(to)?);
    out.write_all(sealer.header()).map_err(fail)?;
    let mut buf = vec![0u8; CHUNK];
    while left > CHUNK {
        read_full(&mut input, &mut buf).map_err(fail)?;
        out.write_all(&sealer.next(&buf)).map_err(fail)?;
        left -= CHUNK;
    }
    let n = read_full(&mut input, &mut buf[..left]).map_err(fail)?;
    out.write_all(&sealer.last(&buf[..n])).map_err(fail)?;
    let file = out.into_inner().map_err(|e| fail(e.into_error()))?;
    file.sync_all().map_err(fail)
}

/// Opens the sealed backup `from` into the new file `to`.
fn open_sealed(from: &Path, to: &Path, key: &[u8; 32]) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("cannot read {}: {e}", from.display());
    let mut input = File::open(from).map_err(fail)?;
    let size = input.metadata().map_err(fail)?.len() as usize;
    let mut header = vec![0u8; HEADER];
    if read_full(&mut input, &mut header).map_err(fail)? < HEADER || size < HEADER + TAG {
        return Err(format!("{}: {}", from.display(), backup_seal::OpenError::Damaged));
    }
    let mut opener = Opener::new(key, &header).map_err(|e| format!("{}: {e}", from.display()))?;
    let mut out = std::io::BufWriter::new(create_new(to)?);
    let write = |e: std::io::Error| format!("cannot write {}: {e}", to.display());
    let mut left = size - HEADER;
    let mut buf = vec![0u8; CHUNK + TAG];
    while left > CHUNK + TAG {
        read_full(&mut input, &mut buf).map_err(fail)?;
        let plain = opener.next(&buf).map_err(|e| format!("{}: {e}", from.display()))?;
        out.write_all(&plain).map_err(write)?;
        left -= CHUNK + TAG;
    }
    let n = read_full(&mut input, &mut buf[..left]).map_err(fail)?;
    let plain = opener.last(&buf[..n]).map_err(|e| format!("{}: {e}", from.display()))?;
    out.write_all(&plain).map_err(write)?;
    out.into_inner().map_err(|e| write(e.into_error()))?.sync_all().map_err(write)
}

/// The copy of a plain backup, made durable.
fn copy_plain(from: &Path, to: &Path) -> Result<(), String> {
    let mut input = File::open(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    let mut out = create_new(to)?;
    std::io::copy(&mut input, &mut out).map_err(|e| format!("cannot write {}: {e}", to.display()))?;
    out.sync_all().map_err(|e| format!("cannot write {}: {e}", to.display()))
}

/// `rapport restore --from FILE`: onto an empty data directory only. The
/// backup is copied (or decrypted) beside where the database goes, opened
/// (migrated if it is older), its audit chain verified (against the signed
/// checkpoint next to the backup when there is one), and only then takes the
/// database's name. Anything wrong leaves the data directory as it was.
pub(crate) async fn restore(g: &Global, a: RestoreArgs) -> Result<ExitCode, String> {
    let Target::DataDir(dir) = target(g) else {
        return Err("rapport restore restores a SQLite backup into a data directory; restore PostgreSQL with \
                    pg_restore (docs/operations.md, Backups)"
            .into());
    };
    let db = dir.join(DB_FILE);
    for f in [db.clone(), with_suffix(&db, "-wal"), with_suffix(&db, "-shm")] {
        if f.exists() {
            return Err(language().ta("cli-restore-not-empty", "file", f.display().to_string()));
        }
    }
    let mut first = [0u8; 16];
    let n = File::open(&a.from)
        .and_then(|mut f| read_full(&mut f, &mut first))
        .map_err(|e| format!("cannot read {}: {e}", a.from.display()))?;
    let sealed = backup_seal::is_sealed(&first[..n]);
    if !sealed && &first[..n] != b"SQLite format 3\0" {
        return Err(language().ta("cli-restore-not-a-backup", "file", a.from.display().to_string()));
    }
    let key = match (&a.encryption_key_file, sealed) {
        (Some(path), true) => Some(encryption_key(g, path, &a.from, false)?),
        (None, true) => return Err(language().ta("cli-restore-needs-key", "file", a.from.display().to_string())),
        (_, false) => None,
    };
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create data directory {}: {e}", dir.display()))?;
    let staged = with_suffix(&db, ".restoring");
    for f in [staged.clone(), with_suffix(&staged, "-wal"), with_suffix(&staged, "-shm")] {
        let _ = std::fs::remove_file(f);
    }
    let r = match key {
        Some(k) => open_sealed(&a.from, &staged, &k),
        None => copy_plain(&a.from, &staged),
    };
    let r = match r {
        Ok(()) => check_staged(g, &staged, &a.from).await,
        Err(e) => Err(e),
    };
    let (entries, anchored) = match r {
        Ok(n) => n,
        Err(e) => {
            let _ = std::fs::remove_file(&staged);
            return Err(format!("{e}\n{}", language().t("cli-restore-nothing-changed")));
        }
    };
    std::fs::rename(&staged, &db).map_err(|e| format!("cannot move the restored database into place: {e}"))?;
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    println!(
        "{}",
        language().tn(
            rapport_i18n::msg("cli-restored"),
            &[
                ("file", &a.from.display().to_string()),
                ("db", &db.display().to_string()),
                ("entries", &(entries as i64))
            ]
        )
    );
    let side = checkpoint_path(&a.from).display().to_string();
    match anchored {
        true => println!("{}", language().ta("cli-restore-checkpoint-checked", "file", side)),
        false => println!("{}", language().ta("cli-restore-checkpoint-unchecked", "file", side)),
    }
    Ok(ExitCode::SUCCESS)
}

/// Opens the staged copy as a database (migrating an older one) and verifies
/// its audit chain: the number of entries, and whether a signed checkpoint
/// was checked too.
async fn check_staged(g: &Global, staged: &Path, from: &Path) -> Result<(usize, bool), String> {
    let anchors = match (checkpoint_path(from), audit_key(g, KeyUse::IfPresent)?) {
        (side, Some(k)) if side.is_file() => {
            let text = std::fs::read_to_string(&side).map_err(|e| format!("cannot read {}: {e}", side.display()))?;
            read_checkpoints(&text, &k).map_err(|e| format!("checkpoint {}: {e}", side.display()))?
        }
        _ => Vec::new(),
    };
    let anchored = !anchors.is_empty();
    let t = Target::Url(format!("sqlite://{}", staged.display()));
    let opts = OpenOptions { max_connections: 2, migrate: !g.no_migrate, ..Default::default() };
    let store =
        Store::open(&t, opts).await.map_err(|e| format!("{}: not a usable Rapport database: {e}", from.display()))?;
    let r = store.audit_verify_anchored(anchors).await;
    store.close().await;
    // A clean close folds the write-ahead log back into the file; a log left
    // behind would not travel with the rename.
    if std::fs::metadata(with_suffix(staged, "-wal")).is_ok_and(|m| m.len() > 0) {
        return Err(format!("{}: the restored copy was not closed cleanly", from.display()));
    }
    for f in [with_suffix(staged, "-wal"), with_suffix(staged, "-shm")] {
        let _ = std::fs::remove_file(f);
    }
    r.map(|n| (n as usize, anchored)).map_err(|e| language().ta("cli-audit-failed", "error", e.to_string()))
}
