//! Encrypted backups: a database copy sealed in chunks with XChaCha20-Poly1305
//! in the STREAM construction (Hoang, Reyhanitabar, Rogaway & Vizár 2015), so
//! every chunk is authenticated and a reordered, altered or cut file is
//! refused. The key (32 bytes, a key file of 64 hexadecimal digits) is kept
//! outside the data folder. Pure: the caller reads and writes the chunks and
//! supplies the random nonce prefix.
//!
//! File: [`MAGIC`] | key id (8 bytes: the start of SHA-256 of the key) |
//! nonce prefix (19 bytes) | chunks of [`CHUNK`] + 16 bytes, the last one
//! shorter (at least the 16-byte tag). The header is the associated data of
//! every chunk.

use chacha20poly1305::aead::stream::{DecryptorBE32, EncryptorBE32};
use chacha20poly1305::aead::{KeyInit, Payload};
use chacha20poly1305::XChaCha20Poly1305;
use sha2::{Digest, Sha256};

/// The first bytes of a sealed backup ("RPTBAK", then format version 1).
pub const MAGIC: &[u8; 8] = b"RPTBAK\x00\x01";
/// Plain bytes per chunk.
pub const CHUNK: usize = 1 << 20;
/// Authentication tag per chunk.
pub const TAG: usize = 16;
/// Random bytes of the nonce (STREAM adds a 4-byte counter and a last-chunk flag).
pub const NONCE_PREFIX: usize = 19;
/// The header's length.
pub const HEADER: usize = MAGIC.len() + 8 + NONCE_PREFIX;

/// Why a backup does not open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// Not a sealed backup (a plain SQLite copy, or another file).
    NotSealed,
    /// Sealed with another key: the ids of the backup's key and of the one given.
    WrongKey { backup: String, given: String },
    /// A chunk does not authenticate: altered, reordered or cut short.
    Damaged,
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::NotSealed => write!(f, "not an encrypted Rapport backup"),
            OpenError::WrongKey { backup, given } => {
                write!(f, "the backup was encrypted with key {backup}, and the key file given is key {given}")
            }
            OpenError::Damaged => write!(f, "the backup is damaged: a part of it was altered, moved or cut off"),
        }
    }
}

/// The id a key is known by in headers and messages (16 hexadecimal digits).
pub fn key_id(key: &[u8; 32]) -> [u8; 8] {
    let digest = Sha256::digest(key);
    let mut id = [0u8; 8];
    id.copy_from_slice(&digest[..8]);
    id
}

/// Whether a file starting with `first` is a sealed backup.
pub fn is_sealed(first: &[u8]) -> bool {
    first.starts_with(MAGIC)
}

/// Seals a backup chunk by chunk: [`Sealer::header`] first, then every full
/// chunk through [`Sealer::next`] and the rest (possibly empty) through
/// [`Sealer::last`].
pub struct Sealer {
    header: Vec<u8>,
    stream: EncryptorBE32<XChaCha20Poly1305>,
}

impl Sealer {
    pub fn new(key: &[u8; 32], nonce_prefix: [u8; NONCE_PREFIX]) -> Sealer {
        let mut header = Vec::with_capacity(HEADER);
        header.extend_from_slice(MAGIC);
        header.extend_from_slice(&key_id(key));
        header.extend_from_slice(&nonce_prefix);
        let cipher = XChaCha20Poly1305::new(key.into());
        Sealer { stream: EncryptorBE32::from_aead(cipher, nonce_prefix.as_slice().into()), header }
    }

    pub fn header(&self) -> &[u8] {
        &self.header
    }

    /// A full chunk ([`CHUNK`] bytes) that is not the last.
    pub fn next(&mut self, plain: &[u8]) -> Vec<u8> {
        debug_assert_eq!(plain.len(), CHUNK);
        let aad = self.header.clone();
        // Encryption fails only when the 2^32-chunk counter overflows (4 PiB).
        self.stream.encrypt_next(Payload { msg: plain, aad: &aad }).expect("a backup under 4 PiB")
    }

    /// The last chunk (up to [`CHUNK`] bytes, possibly none).
    pub fn last(self, plain: &[u8]) -> Vec<u8> {
        let aad = self.header;
        self.stream.encrypt_last(Payload { msg: plain, aad: &aad }).expect("a backup under 4 PiB")
    }
}

/// Opens a sealed backup chunk by chunk, the mirror of [`Sealer`].
pub struct Opener {
    header: Vec<u8>,
    stream: DecryptorBE32<XChaCha20Poly1305>,
}

impl Opener {
    /// From the file's first [`HEADER`] bytes.
    pub fn new(key: &[u8; 32], header: &[u8]) -> Result<Opener, OpenError> {
        if header.len() < HEADER || !is_sealed(header) {
            return Err(OpenError::NotSealed);
        }
        let header = &header[..HEADER];
        let id = &header[MAGIC.len()..MAGIC.len() + 8];
        if id != key_id(key) {
            return Err(OpenError::WrongKey { backup: hex::encode(id), given: hex::encode(key_id(key)) });
        }
        let prefix = &header[MAGIC.len() + 8..];
        let cipher = XChaCha20Poly1305::new(key.into());
        Ok(Opener { stream: DecryptorBE32::from_aead(cipher, prefix.into()), header: header.to_vec() })
    }

    /// A sealed chunk ([`CHUNK`] + [`TAG`] bytes) that is not the last.
    pub fn next(&mut self, sealed: &[u8]) -> Result<Vec<u8>, OpenError> {
        let aad = self.header.clone();
        self.stream.decrypt_next(Payload { msg: sealed, aad: &aad }).map_err(|_| OpenError::Damaged)
    }

    /// The last sealed chunk.
    pub fn last(self, sealed: &[u8]) -> Result<Vec<u8>, OpenError> {
        let aad = self.header;
        self.stream.decrypt_last(Payload { msg: sealed, aad: &aad }).map_err(|_| OpenError::Damaged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Seals `data` the way the backup command does (whole chunks, then the rest).
    fn seal(key: &[u8; 32], data: &[u8]) -> Vec<u8> {
        let mut s = Sealer::new(key, [7; NONCE_PREFIX]);
        let mut out = s.header().to_vec();
        let mut chunks = data.chunks(CHUNK).peekable();
        let mut rest: &[u8] = &[];
        while let Some(c) = chunks.next() {
            if chunks.peek().is_none() && c.len() <= CHUNK {
                rest = c;
                break;
            }
            out.extend(s.next(c));
        }
        out.extend(s.last(rest));
        out
    }

    /// Opens a file the way restore does: the header, then chunks of
    /// CHUNK + TAG, the final one last.
    fn open(key: &[u8; 32], file: &[u8]) -> Result<Vec<u8>, OpenError> {
        let mut o = Opener::new(key, file)?;
        let body = &file[HEADER..];
        let mut out = Vec::new();
        let mut at = 0;
        while body.len() - at > CHUNK + TAG {
            out.extend(o.next(&body[at..at + CHUNK + TAG])?);
            at += CHUNK + TAG;
        }
        out.extend(o.last(&body[at..])?);
        Ok(out)
    }

    #[test]
    fn a_backup_of_several_chunks_opens_to_the_same_bytes() {
        let key = [3u8; 32];
        for len in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 17] {
            let data: Vec<u8> = (0..len).map(|i| (i * 31 % 251) as u8).collect();
            let sealed = seal(&key, &data);
            assert!(is_sealed(&sealed));
            assert_eq!(
                sealed.len(),
                HEADER + len + TAG * (len / CHUNK + usize::from(len % CHUNK != 0 || len == 0)).max(1)
            );
            assert_eq!(open(&key, &sealed).unwrap(), data, "{len} bytes");
        }
    }

    #[test]
    fn the_wrong_key_a_cut_file_and_swapped_chunks_are_refused() {
        let key = [3u8; 32];
        let data: Vec<u8> = (0..2 * CHUNK + 100).map(|i| (i % 256) as u8).collect();
        let sealed = seal(&key, &data);
        let other = [4u8; 32];
        assert!(matches!(open(&other, &sealed), Err(OpenError::WrongKey { .. })));
        // Cut after a whole chunk: the chunk read last was not sealed as the last.
        assert_eq!(open(&key, &sealed[..HEADER + 2 * (CHUNK + TAG)]), Err(OpenError::Damaged));
        // The two full chunks swapped.
        let mut swapped = sealed[..HEADER].to_vec();
        swapped.extend_from_slice(&sealed[HEADER + CHUNK + TAG..HEADER + 2 * (CHUNK + TAG)]);
        swapped.extend_from_slice(&sealed[HEADER..HEADER + CHUNK + TAG]);
        swapped.extend_from_slice(&sealed[HEADER + 2 * (CHUNK + TAG)..]);
        assert_eq!(open(&key, &swapped), Err(OpenError::Damaged));
        // The header's nonce changed: every chunk fails.
        let mut bent = sealed.clone();
        bent[HEADER - 1] ^= 1;
        assert_eq!(open(&key, &bent), Err(OpenError::Damaged));
        assert_eq!(open(&key, b"SQLite format 3\0........................"), Err(OpenError::NotSealed));
    }

    proptest! {
        /// Any single flipped bit after the header is caught.
        #[test]
        fn any_flipped_bit_is_caught(len in 0usize..5000, at in any::<prop::sample::Index>(), bit in 0u8..8) {
            let key = [9u8; 32];
            let data: Vec<u8> = (0..len).map(|i| (i % 256) as u8).collect();
            let mut sealed = seal(&key, &data);
            let i = HEADER + at.index(sealed.len() - HEADER);
            sealed[i] ^= 1 << bit;
            prop_assert_eq!(open(&key, &sealed), Err(OpenError::Damaged));
        }
    }
}
