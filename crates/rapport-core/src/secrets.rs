//! Secrets at rest (TOTP secrets): sealed with XChaCha20-Poly1305 under a key
//! kept outside the database.
//!
//! Stored text: `v1:<key-id>:<base64 of nonce (24 bytes) + ciphertext + tag>`.
//! The key id is derived from the key (16 hex digits of SHA-256), so a key file
//! needs no names and a stored value says which key opens it. The associated
//! data names the account, so a value copied into another user's row does not
//! open. Pure: the caller supplies the random nonce.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use sha2::{Digest, Sha256};

pub const KEY_LEN: usize = 32;
pub const NONCE_LEN: usize = 24;
const PREFIX: &str = "v1:";

struct SecretKey {
    id: String,
    cipher: XChaCha20Poly1305,
}

/// The current key (used to seal) and older keys (still used to open).
pub struct Keyring {
    keys: Vec<SecretKey>,
}

impl std::fmt::Debug for Keyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keyring").field("key_ids", &self.key_ids()).finish()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    #[error("the stored secret is not in the sealed format")]
    NotSealed,
    #[error("the stored secret is damaged")]
    Damaged,
    #[error("the stored secret was sealed with key {0}, which is not in the key file")]
    UnknownKey(String),
    #[error("the stored secret does not open: it was altered, or belongs to another account")]
    DoesNotOpen,
}

/// The id of a key: 16 hex digits of SHA-256 over a label and the key.
pub fn key_id(key: &[u8; KEY_LEN]) -> String {
    let mut h = Sha256::new();
    h.update(b"rapport-secrets-key-id-v1\0");
    h.update(key);
    hex::encode(&h.finalize()[..8])
}

/// True if the stored text is sealed (plain TOTP secrets are base32, which has no colon).
pub fn is_sealed(stored: &str) -> bool {
    stored.starts_with(PREFIX)
}

fn associated_data(account: &str) -> Vec<u8> {
    format!("rapport-secret-v1\0account:{account}").into_bytes()
}

impl Keyring {
    /// The first key is current. Fails on an empty list or a repeated key.
    pub fn new(keys: &[[u8; KEY_LEN]]) -> Result<Keyring, String> {
        if keys.is_empty() {
            return Err("no key: a secrets key file needs at least one line of 64 hexadecimal digits".into());
        }
        let mut out: Vec<SecretKey> = Vec::with_capacity(keys.len());
        for k in keys {
            let id = key_id(k);
            if out.iter().any(|o| o.id == id) {
                return Err(format!("key {id} is listed twice"));
            }
            out.push(SecretKey { id, cipher: XChaCha20Poly1305::new(k.into()) });
        }
        Ok(Keyring { keys: out })
    }

    /// A key file's text: one key (64 hex digits) a line, current first; blank
    /// lines and `#` comments are skipped. Errors name the line.
    pub fn parse(text: &str) -> Result<Keyring, String> {
        let mut keys = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            keys.push(crate::checkpoint::parse_hex_key(line).map_err(|e| format!("line {}: {e}", i + 1))?);
        }
        Keyring::new(&keys)
    }

    pub fn current_id(&self) -> &str {
        &self.keys[0].id
    }

    pub fn key_ids(&self) -> Vec<&str> {
        self.keys.iter().map(|k| k.id.as_str()).collect()
    }

    /// The key id a sealed value names, if it is sealed.
    pub fn sealed_key_id(stored: &str) -> Option<&str> {
        stored.strip_prefix(PREFIX)?.split_once(':').map(|(id, _)| id)
    }

    /// True if `stored` is sealed with the current key (nothing to rotate).
    pub fn is_current(&self, stored: &str) -> bool {
        Self::sealed_key_id(stored) == Some(self.current_id())
    }

    /// Seals `plain` for `account` with the current key.
    pub fn seal(&self, plain: &str, account: &str, nonce: [u8; NONCE_LEN]) -> String {
        let key = &self.keys[0];
        let ct = key
            .cipher
            .encrypt(XNonce::from_slice(&nonce), Payload { msg: plain.as_bytes(), aad: &associated_data(account) })
            .expect("XChaCha20-Poly1305 encrypts any message of this size");
        let mut blob = Vec::with_capacity(NONCE_LEN + ct.len());
        blob.extend_from_slice(&nonce);
        blob.extend_from_slice(&ct);
        format!("{PREFIX}{}:{}", key.id, B64.encode(blob))
    }

    /// Opens a sealed value of `account` with whichever key it names.
    pub fn open(&self, stored: &str, account: &str) -> Result<String, SecretError> {
        let rest = stored.strip_prefix(PREFIX).ok_or(SecretError::NotSealed)?;
        let (id, body) = rest.split_once(':').ok_or(SecretError::Damaged)?;
        let key = self.keys.iter().find(|k| k.id == id).ok_or_else(|| SecretError::UnknownKey(id.to_string()))?;
        let blob = B64.decode(body).map_err(|_| SecretError::Damaged)?;
        if blob.len() < NONCE_LEN + 16 {
            return Err(SecretError::Damaged);
        }
        let (nonce, ct) = blob.split_at(NONCE_LEN);
        let plain = key
            .cipher
            .decrypt(XNonce::from_slice(nonce), Payload { msg: ct, aad: &associated_data(account) })
            .map_err(|_| SecretError::DoesNotOpen)?;
        String::from_utf8(plain).map_err(|_| SecretError::Damaged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    fn ring(keys: &[u8]) -> Keyring {
        Keyring::new(&keys.iter().map(|b| [*b; KEY_LEN]).collect::<Vec<_>>()).unwrap()
    }

    #[test]
    fn sealed_text_is_versioned_names_its_key_and_hides_the_secret() {
        let r = ring(&[1]);
        let sealed = r.seal(SECRET, "user-a", [7; NONCE_LEN]);
        assert!(sealed.starts_with(&format!("v1:{}:", r.current_id())), "{sealed}");
        assert_eq!(r.current_id().len(), 16);
        assert!(!sealed.contains(SECRET));
        assert!(is_sealed(&sealed) && !is_sealed(SECRET));
        assert_eq!(r.open(&sealed, "user-a").unwrap(), SECRET);
        assert_ne!(sealed, r.seal(SECRET, "user-a", [8; NONCE_LEN]), "a new nonce, a new ciphertext");
    }

    #[test]
    fn a_value_moved_to_another_account_does_not_open() {
        let r = ring(&[1]);
        let sealed = r.seal(SECRET, "user-a", [7; NONCE_LEN]);
        assert_eq!(r.open(&sealed, "user-b"), Err(SecretError::DoesNotOpen));
    }

    #[test]
    fn altered_damaged_and_foreign_values_are_refused() {
        let r = ring(&[1]);
        let sealed = r.seal(SECRET, "u", [7; NONCE_LEN]);
        let mut bytes = sealed.clone().into_bytes();
        let last = bytes.len() - 3;
        bytes[last] = if bytes[last] == b'A' { b'B' } else { b'A' };
        assert_eq!(r.open(&String::from_utf8(bytes).unwrap(), "u"), Err(SecretError::DoesNotOpen));
        assert_eq!(r.open(SECRET, "u"), Err(SecretError::NotSealed));
        assert_eq!(r.open("v1:nocolon", "u"), Err(SecretError::Damaged));
        assert_eq!(r.open(&format!("v1:{}:!!!", r.current_id()), "u"), Err(SecretError::Damaged));
        let other = ring(&[2]).seal(SECRET, "u", [7; NONCE_LEN]);
        assert!(matches!(r.open(&other, "u"), Err(SecretError::UnknownKey(_))));
    }

    #[test]
    fn older_keys_still_open_and_rotation_is_detectable() {
        let old = ring(&[1]);
        let sealed = old.seal(SECRET, "u", [7; NONCE_LEN]);
        let new = ring(&[2, 1]);
        assert!(old.is_current(&sealed) && !new.is_current(&sealed));
        assert_eq!(new.open(&sealed, "u").unwrap(), SECRET, "the previous key still opens");
        let resealed = new.seal(&new.open(&sealed, "u").unwrap(), "u", [9; NONCE_LEN]);
        assert!(new.is_current(&resealed));
        assert_eq!(Keyring::sealed_key_id(&resealed), Some(new.current_id()));
        assert!(matches!(old.open(&resealed, "u"), Err(SecretError::UnknownKey(_))));
    }

    #[test]
    fn key_files_list_the_current_key_first() {
        let text = format!("# current\n{}\n\n{}\n", "02".repeat(32), "01".repeat(32));
        let r = Keyring::parse(&text).unwrap();
        assert_eq!(r.key_ids(), vec![key_id(&[2; 32]).as_str(), key_id(&[1; 32]).as_str()]);
        assert!(Keyring::parse("# nothing\n").unwrap_err().contains("at least one"));
        assert!(Keyring::parse(&format!("{}\nxyz\n", "01".repeat(32))).unwrap_err().starts_with("line 2:"));
        assert!(Keyring::parse(&format!("{0}\n{0}\n", "01".repeat(32))).unwrap_err().contains("twice"));
        assert!(!format!("{r:?}").contains(&"02".repeat(32)), "Debug shows ids, not keys");
    }
}
