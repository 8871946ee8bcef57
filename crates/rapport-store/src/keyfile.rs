//! Key files kept outside the database: the secrets key (`secrets.key`) and the
//! audit checkpoint key (`audit-checkpoint.key`). Each holds keys as lines of
//! 64 hexadecimal digits (32 random bytes); a new file is created with mode 0600.

use crate::{Result, StoreError};
use rand::RngCore;
use std::io::Write;
use std::path::Path;

/// The secrets key file's name in the data directory.
pub const SECRETS_KEY_FILE: &str = "secrets.key";
/// The audit checkpoint key file's name in the data directory.
pub const AUDIT_KEY_FILE: &str = "audit-checkpoint.key";

/// 32 random bytes as 64 hexadecimal digits.
pub fn new_key_hex() -> String {
    let mut b = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut b);
    hex::encode(b)
}

/// Reads a key file. When it is missing and `create` is set, writes a new key
/// there first (mode 0600, never overwriting a file that appeared meanwhile).
/// Returns the text and whether the file was created just now.
pub fn read_or_create(path: &Path, create: bool, what: &str) -> Result<(String, bool)> {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            warn_if_readable_by_others(path);
            Ok((text, false))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && create => {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| {
                    StoreError::Config(format!("cannot create folder {} for the {what}: {e}", dir.display()))
                })?;
            }
            let text = format!("{}\n", new_key_hex());
            match write_new(path, &text) {
                Ok(()) => {
                    tracing::info!(file = %path.display(), "{what} created; back it up apart from the database");
                    Ok((text, true))
                }
                // Another process created it between our read and our write: use theirs.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => read_or_create(path, false, what),
                Err(e) => Err(StoreError::Config(format!("cannot create the {what} {}: {e}", path.display()))),
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(StoreError::Config(format!("the {what} {} does not exist", path.display())))
        }
        Err(e) => Err(StoreError::Config(format!("cannot read the {what} {}: {e}", path.display()))),
    }
}

/// Creates `path` with `text` (mode 0600 on Unix); fails if it exists.
pub fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    let mut f = o.open(path)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()
}

/// Replaces `path` with `text` through a temporary file and a rename, keeping mode 0600.
pub fn replace(path: &Path, text: &str) -> std::io::Result<()> {
    let tmp = path.with_extension("new");
    let _ = std::fs::remove_file(&tmp);
    write_new(&tmp, text)?;
    std::fs::rename(&tmp, path)
}

fn warn_if_readable_by_others(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(m) = std::fs::metadata(path) {
            if m.permissions().mode() & 0o077 != 0 {
                tracing::warn!(file = %path.display(), "key file is readable by other users; chmod 600 it");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_key_file_is_created_once_with_mode_0600() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("k.key");
        assert!(read_or_create(&path, false, "test key").unwrap_err().to_string().contains("does not exist"));
        let (text, created) = read_or_create(&path, true, "test key").unwrap();
        assert!(created);
        assert_eq!(text.trim().len(), 64);
        let (again, created) = read_or_create(&path, true, "test key").unwrap();
        assert!(!created);
        assert_eq!(again, text, "an existing key is never replaced");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
        replace(&path, "x\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "x\n");
    }
}
