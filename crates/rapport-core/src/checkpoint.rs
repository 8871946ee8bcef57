//! Signed checkpoints of the audit chain's head, kept outside the database.
//!
//! The hash chain proves that nothing *inside* the chain was changed, but its
//! newest entries can be cut off by someone who also rewinds `audit_head`. A
//! checkpoint records the head (sequence number and hash) at a moment, with an
//! HMAC-SHA256 under a key that is not in the database. Whoever holds an older
//! checkpoint can later prove that the chain still reaches that entry, unchanged.
//!
//! Format: one JSON object per line, `{"seq":N,"hash":"…","at":"…","mac":"…"}`.
//! The MAC covers a canonical text (see [`canonical_text`]), not the JSON, so
//! field order and spacing do not matter.

use crate::audit::GENESIS_HASH;
use crate::Timestamp;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// Bytes in a checkpoint key.
pub const KEY_LEN: usize = 32;

/// The HMAC key. Its `Debug` output never shows the key.
#[derive(Clone, PartialEq, Eq)]
pub struct CheckpointKey([u8; KEY_LEN]);

impl std::fmt::Debug for CheckpointKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CheckpointKey(…)")
    }
}

impl CheckpointKey {
    pub fn from_bytes(bytes: [u8; KEY_LEN]) -> Self {
        CheckpointKey(bytes)
    }

    /// Reads a key file's text: the first line that is neither empty nor a `#`
    /// comment holds 64 hexadecimal digits.
    pub fn parse(text: &str) -> Result<Self, String> {
        let line = text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with('#'))
            .ok_or("the key file holds no key (expected 64 hexadecimal digits)")?;
        Ok(CheckpointKey(parse_hex_key(line)?))
    }

    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    fn mac(&self) -> HmacSha256 {
        HmacSha256::new_from_slice(&self.0).expect("HMAC takes keys of any length")
    }
}

/// 64 hexadecimal digits to 32 bytes.
pub fn parse_hex_key(line: &str) -> Result<[u8; KEY_LEN], String> {
    let bytes = hex::decode(line.trim()).map_err(|_| "a key must be 64 hexadecimal digits".to_string())?;
    bytes.try_into().map_err(|_| "a key must be 64 hexadecimal digits (32 bytes)".to_string())
}

/// The head of the audit chain at a moment, signed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checkpoint {
    /// Sequence number of the newest entry (0: the chain was empty).
    pub seq: i64,
    /// That entry's hash (the genesis hash when `seq` is 0).
    pub hash: String,
    /// When the checkpoint was taken (fixed-width RFC 3339, UTC).
    pub at: String,
    /// HMAC-SHA256 over [`canonical_text`], hexadecimal.
    pub mac: String,
}

/// The exact text the MAC covers.
pub fn canonical_text(seq: i64, hash: &str, at: &str) -> String {
    format!("rapport-audit-checkpoint-v1\nseq:{seq}\nhash:{hash}\nat:{at}\n")
}

impl Checkpoint {
    pub fn sign(key: &CheckpointKey, seq: i64, hash: &str, at: Timestamp) -> Checkpoint {
        let at = at.to_db();
        let mut m = key.mac();
        m.update(canonical_text(seq, hash, &at).as_bytes());
        Checkpoint { seq, hash: hash.to_string(), at, mac: hex::encode(m.finalize().into_bytes()) }
    }

    /// True if the MAC was made with `key` over these very fields (compared in constant time).
    pub fn mac_is_valid(&self, key: &CheckpointKey) -> bool {
        let Ok(tag) = hex::decode(&self.mac) else { return false };
        let mut m = key.mac();
        m.update(canonical_text(self.seq, &self.hash, &self.at).as_bytes());
        m.verify_slice(&tag).is_ok()
    }

    /// One line of JSON, no newline.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a checkpoint always serialises")
    }

    /// Parses one JSON line and checks the shape of every field (not the MAC).
    pub fn parse_json(line: &str) -> Result<Checkpoint, String> {
        let c: Checkpoint = serde_json::from_str(line.trim()).map_err(|e| format!("not a checkpoint: {e}"))?;
        if c.seq < 0 {
            return Err(format!("seq {} is negative", c.seq));
        }
        if !is_hex_digest(&c.hash) {
            return Err("hash must be 64 lowercase hexadecimal digits".into());
        }
        if !is_hex_digest(&c.mac) {
            return Err("mac must be 64 lowercase hexadecimal digits".into());
        }
        if Timestamp::parse(&c.at).is_none() {
            return Err(format!("at {:?} is not a time", c.at));
        }
        Ok(c)
    }
}

fn is_hex_digest(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A checkpoint with the line it was read from (1-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anchor {
    pub line: usize,
    pub checkpoint: Checkpoint,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckpointFileError {
    /// The line is not a well-formed checkpoint.
    Malformed { line: usize, reason: String },
    /// The MAC does not match: a forged or altered checkpoint, or the wrong key.
    BadMac { line: usize },
    /// Nothing to check against.
    Empty,
}

impl std::fmt::Display for CheckpointFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CheckpointFileError::Malformed { line, reason } => write!(f, "line {line}: {reason}"),
            CheckpointFileError::BadMac { line } => write!(
                f,
                "line {line}: the checkpoint's MAC does not match (forged or altered, or not made with this key)"
            ),
            CheckpointFileError::Empty => f.write_str("the file holds no checkpoints"),
        }
    }
}

/// Reads a checkpoints file (JSON lines; blank lines skipped) and checks every MAC.
pub fn read_checkpoints(text: &str, key: &CheckpointKey) -> Result<Vec<Anchor>, CheckpointFileError> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let checkpoint =
            Checkpoint::parse_json(raw).map_err(|reason| CheckpointFileError::Malformed { line, reason })?;
        if !checkpoint.mac_is_valid(key) {
            return Err(CheckpointFileError::BadMac { line });
        }
        out.push(Anchor { line, checkpoint });
    }
    if out.is_empty() {
        return Err(CheckpointFileError::Empty);
    }
    Ok(out)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnchorError {
    /// The chain's entry at a checkpointed seq has another hash.
    Mismatch { seq: i64, line: usize },
    /// The chain ends before a checkpointed entry: its tail was cut.
    TailMissing { from: i64, to: i64, line: usize, at: String },
}

impl std::fmt::Display for AnchorError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AnchorError::Mismatch { seq, line } => write!(
                f,
                "entry {seq} does not match the checkpoint on line {line}: the entry was replaced \
                 or the chain was rewritten from there"
            ),
            AnchorError::TailMissing { from, to, line, at } => write!(
                f,
                "entries {from} to {to} are missing: the checkpoint on line {line} (taken {at}) records \
                 entry {to}, but the audit log ends at entry {}",
                from - 1
            ),
        }
    }
}

/// Checks chain entries against checkpoints as a verifier walks the chain in order.
#[derive(Debug, Default)]
pub struct AnchorCheck {
    /// Sorted by seq.
    anchors: Vec<Anchor>,
    next: usize,
}

impl AnchorCheck {
    pub fn new(mut anchors: Vec<Anchor>) -> Self {
        anchors.sort_by_key(|a| (a.checkpoint.seq, a.line));
        let mut check = AnchorCheck { anchors, next: 0 };
        // A checkpoint of the empty chain names the genesis hash.
        while let Some(a) = check.anchors.get(check.next).filter(|a| a.checkpoint.seq == 0) {
            check.next += 1;
            if a.checkpoint.hash != GENESIS_HASH {
                check.next = usize::MAX;
                break;
            }
        }
        check
    }

    /// Call for every entry in order; fails if a checkpoint names this seq with another hash.
    pub fn entry(&mut self, seq: i64, hash: &str) -> Result<(), AnchorError> {
        if self.next == usize::MAX {
            let line = self.anchors.iter().find(|a| a.checkpoint.seq == 0).map(|a| a.line).unwrap_or(0);
            return Err(AnchorError::Mismatch { seq: 0, line });
        }
        while let Some(a) = self.anchors.get(self.next) {
            if a.checkpoint.seq > seq {
                break;
            }
            if a.checkpoint.seq == seq && a.checkpoint.hash != hash {
                return Err(AnchorError::Mismatch { seq, line: a.line });
            }
            self.next += 1;
        }
        Ok(())
    }

    /// Call with the chain's last seq once the walk is done: every checkpoint must be reached.
    pub fn finish(self, last_seq: i64) -> Result<(), AnchorError> {
        if self.next == usize::MAX {
            let line = self.anchors.iter().find(|a| a.checkpoint.seq == 0).map(|a| a.line).unwrap_or(0);
            return Err(AnchorError::Mismatch { seq: 0, line });
        }
        // The newest checkpoint past the end names the whole missing range.
        match self.anchors.iter().filter(|a| a.checkpoint.seq > last_seq).max_by_key(|a| a.checkpoint.seq) {
            Some(a) => Err(AnchorError::TailMissing {
                from: last_seq + 1,
                to: a.checkpoint.seq,
                line: a.line,
                at: a.checkpoint.at.clone(),
            }),
            None => Ok(()),
        }
    }

    /// The newest checkpoint (seq and line), if any.
    pub fn newest(&self) -> Option<(i64, usize)> {
        self.anchors.iter().max_by_key(|a| a.checkpoint.seq).map(|a| (a.checkpoint.seq, a.line))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(b: u8) -> CheckpointKey {
        CheckpointKey::from_bytes([b; KEY_LEN])
    }

    fn at() -> Timestamp {
        Timestamp::parse("2026-03-01T10:00:00.000000Z").unwrap()
    }

    fn h(n: u8) -> String {
        hex::encode([n; 32])
    }

    #[test]
    fn canonical_text_and_mac_are_fixed() {
        assert_eq!(
            canonical_text(7, "ab", "2026-03-01T10:00:00.000000Z"),
            "rapport-audit-checkpoint-v1\nseq:7\nhash:ab\nat:2026-03-01T10:00:00.000000Z\n"
        );
        // HMAC-SHA256 of that text under 32 bytes of 0x01, computed independently
        // (python3: hmac.new(b'\x01'*32, text, 'sha256')): the format is stable.
        let c = Checkpoint::sign(&key(1), 7, "ab", at());
        assert_eq!(c.mac, "77dd37e9078e3531bc08543015c59f674caaa070f48e3f7be6ac9300c272cf52");
    }

    #[test]
    fn signed_checkpoints_round_trip_and_verify() {
        let c = Checkpoint::sign(&key(1), 42, &h(9), at());
        let line = c.to_json();
        assert!(!line.contains('\n'));
        let back = Checkpoint::parse_json(&line).unwrap();
        assert_eq!(back, c);
        assert!(back.mac_is_valid(&key(1)));
        assert!(!back.mac_is_valid(&key(2)), "another key does not verify");
        for forged in [
            Checkpoint { seq: 41, ..c.clone() },
            Checkpoint { hash: h(8), ..c.clone() },
            Checkpoint { at: "2026-03-01T10:00:01.000000Z".into(), ..c.clone() },
            Checkpoint { mac: "zz".into(), ..c.clone() },
        ] {
            assert!(!forged.mac_is_valid(&key(1)), "{forged:?}");
        }
    }

    #[test]
    fn malformed_lines_are_refused_with_their_reason() {
        let good = Checkpoint::sign(&key(1), 1, &h(1), at());
        assert!(Checkpoint::parse_json("{}").unwrap_err().contains("not a checkpoint"));
        assert!(Checkpoint::parse_json(&good.to_json().replace("\"seq\":1", "\"seq\":-1"))
            .unwrap_err()
            .contains("negative"));
        assert!(Checkpoint::parse_json(&good.to_json().replace(&h(1), "ABC")).unwrap_err().contains("hash"));
        let extra = good.to_json().replace('}', ",\"x\":1}");
        assert!(Checkpoint::parse_json(&extra).is_err(), "unknown fields are refused");
        let bad_time = good.to_json().replace("2026-03-01T10:00:00.000000Z", "yesterday");
        assert!(Checkpoint::parse_json(&bad_time).unwrap_err().contains("not a time"));
    }

    #[test]
    fn a_file_is_read_with_line_numbers_and_every_mac_checked() {
        let a = Checkpoint::sign(&key(1), 1, &h(1), at()).to_json();
        let b = Checkpoint::sign(&key(1), 5, &h(5), at()).to_json();
        let read = read_checkpoints(&format!("{a}\n\n{b}\n"), &key(1)).unwrap();
        assert_eq!(read.iter().map(|x| (x.line, x.checkpoint.seq)).collect::<Vec<_>>(), vec![(1, 1), (3, 5)]);
        assert_eq!(read_checkpoints(&format!("{a}\n{b}\n"), &key(2)), Err(CheckpointFileError::BadMac { line: 1 }));
        let forged = Checkpoint::sign(&key(2), 9, &h(9), at()).to_json();
        assert_eq!(
            read_checkpoints(&format!("{a}\n{forged}\n"), &key(1)),
            Err(CheckpointFileError::BadMac { line: 2 })
        );
        assert!(matches!(
            read_checkpoints(&format!("{a}\nnot json\n"), &key(1)),
            Err(CheckpointFileError::Malformed { line: 2, .. })
        ));
        assert_eq!(read_checkpoints("\n\n", &key(1)), Err(CheckpointFileError::Empty));
        assert!(CheckpointFileError::BadMac { line: 4 }.to_string().starts_with("line 4:"));
    }

    fn anchors(list: &[(usize, i64, String)]) -> AnchorCheck {
        AnchorCheck::new(
            list.iter()
                .map(|(line, seq, hash)| Anchor {
                    line: *line,
                    checkpoint: Checkpoint::sign(&key(1), *seq, hash, at()),
                })
                .collect(),
        )
    }

    #[test]
    fn anchors_pass_a_chain_that_reaches_them_unchanged() {
        let mut c = anchors(&[(1, 2, h(2)), (2, 4, h(4)), (3, 0, GENESIS_HASH.into())]);
        assert_eq!(c.newest(), Some((4, 2)));
        for s in 1..=6u8 {
            c.entry(s as i64, &h(s)).unwrap();
        }
        assert_eq!(c.finish(6), Ok(()));
    }

    #[test]
    fn a_cut_tail_names_the_missing_range() {
        let mut c = anchors(&[(1, 50, h(50)), (2, 100, h(100))]);
        for s in 1..=80u8 {
            c.entry(s as i64, &h(s)).unwrap();
        }
        let err = c.finish(80).unwrap_err();
        assert_eq!(err, AnchorError::TailMissing { from: 81, to: 100, line: 2, at: at().to_db() });
        assert!(err.to_string().contains("entries 81 to 100 are missing"), "{err}");
        assert!(err.to_string().contains("ends at entry 80"), "{err}");
    }

    #[test]
    fn a_replaced_entry_is_named_with_its_checkpoint_line() {
        let mut c = anchors(&[(7, 3, h(3))]);
        c.entry(1, &h(1)).unwrap();
        c.entry(2, &h(2)).unwrap();
        assert_eq!(c.entry(3, &h(33)), Err(AnchorError::Mismatch { seq: 3, line: 7 }));
        let mut c = anchors(&[(1, 0, h(1))]);
        assert_eq!(c.entry(1, &h(1)), Err(AnchorError::Mismatch { seq: 0, line: 1 }), "empty-chain checkpoint");
    }

    #[test]
    fn key_files_are_parsed_strictly() {
        let k = CheckpointKey::parse(&format!("# audit key\n\n{}\n", "0a".repeat(32))).unwrap();
        assert_eq!(k.to_hex(), "0a".repeat(32));
        assert!(CheckpointKey::parse("").is_err());
        assert!(CheckpointKey::parse("abcd").unwrap_err().contains("64 hexadecimal"));
        assert!(CheckpointKey::parse(&"zz".repeat(32)).is_err());
        assert_eq!(format!("{k:?}"), "CheckpointKey(…)", "Debug never shows the key");
    }
}
