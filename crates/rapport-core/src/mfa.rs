//! Two-step verification rules that need no cryptography: the shape of the
//! codes people type, and recovery codes. (TOTP itself, RFC 6238, is computed
//! in the web layer with the totp-rs crate.)

/// Recovery codes issued at a time.
pub const RECOVERY_CODES: usize = 10;

/// Crockford-style alphabet: no i, l, o, u, so codes survive being read aloud.
const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// "k7m2q-9xd4a" from 10 random bytes (50 bits).
pub fn recovery_code_from_bytes(bytes: &[u8; 10]) -> String {
    let chars: String = bytes.iter().map(|b| ALPHABET[(*b as usize) % 32] as char).collect();
    format!("{}-{}", &chars[..5], &chars[5..])
}

/// The canonical form of a typed recovery code, or `None` if it cannot be one.
pub fn normalise_recovery_code(input: &str) -> Option<String> {
    let s: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_lowercase() {
            'o' => '0',
            'i' | 'l' => '1',
            other => other,
        })
        .collect();
    (s.len() == 10 && s.bytes().all(|b| ALPHABET.contains(&b))).then_some(s)
}

/// Six digits (spaces allowed, as authenticator apps show "123 456").
pub fn normalise_totp_code(input: &str) -> Option<String> {
    let s: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    (s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit())).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_codes_round_trip_through_typing() {
        let code = recovery_code_from_bytes(&[0, 1, 2, 3, 31, 32, 200, 17, 9, 255]);
        assert_eq!(code, "0123z-08h9z");
        assert_eq!(normalise_recovery_code(&code), Some("0123z08h9z".into()));
        assert_eq!(normalise_recovery_code(" 0123Z 08H9Z "), Some("0123z08h9z".into()));
        assert_eq!(normalise_recovery_code("O123z-08h9z"), Some("0123z08h9z".into()), "letter O read as zero");
        assert_eq!(normalise_recovery_code("0123z-08h9"), None);
        assert_eq!(normalise_recovery_code("0123u-08h9z"), None);
    }

    #[test]
    fn totp_codes_are_six_digits() {
        assert_eq!(normalise_totp_code("123 456"), Some("123456".into()));
        assert_eq!(normalise_totp_code("12345"), None);
        assert_eq!(normalise_totp_code("12345a"), None);
    }
}
