//! TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps, one step of clock skew)
//! with the totp-rs crate, and the QR code for authenticator apps as inline SVG.

use rand::RngCore;
use totp_rs::{Builder, Secret, Totp};

/// A new 160-bit secret (RFC 4226's recommended size), base32-encoded.
pub fn new_secret() -> String {
    let mut b = [0u8; 20];
    rand::rngs::OsRng.fill_bytes(&mut b);
    Secret::from(b).to_base32()
}

pub fn totp(secret_base32: &str, account: &str, issuer: &str) -> Option<Totp> {
    let secret = Secret::try_from_base32(secret_base32).ok()?;
    // Colons are not allowed in the otpauth label.
    let issuer = issuer.replace(':', " ");
    Builder::new()
        .with_secret(secret)
        .with_account_name(account.replace(':', " "))
        .with_issuer(Some(issuer))
        .build()
        .ok()
}

/// The time step a code belongs to, if it is valid now (±1 step).
pub fn check(secret_base32: &str, code: &str, unix_time: u64) -> Option<i64> {
    totp(secret_base32, "x", "Rapport")?.check(code, unix_time).map(|s| s as i64)
}

/// The current code (tests and nothing else need this).
pub fn code_at(secret_base32: &str, unix_time: u64) -> Option<String> {
    Some(totp(secret_base32, "x", "Rapport")?.generate(unix_time).to_string())
}

pub fn unix_now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

/// The `otpauth://` URL an authenticator app enrols from.
pub fn enrolment_url(secret_base32: &str, account: &str, issuer: &str) -> Option<String> {
    totp(secret_base32, account, issuer)?.to_url().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_verify_within_one_step_and_name_the_step() {
        let s = new_secret();
        let t = 1_800_000_000;
        let code = code_at(&s, t).unwrap();
        assert_eq!(check(&s, &code, t), Some((t / 30) as i64));
        assert_eq!(check(&s, &code, t + 30), Some((t / 30) as i64), "one step of skew");
        assert_eq!(check(&s, &code, t + 90), None);
        assert_eq!(check(&s, "000000x", t), None);
    }

    #[test]
    fn rfc6238_vector() {
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (8 digits) -> last 6 digits 287082.
        let secret = Secret::from(*b"12345678901234567890").to_base32();
        assert_eq!(code_at(&secret, 59).unwrap(), "287082");
    }

    #[test]
    fn enrolment_url_names_the_account_and_issuer() {
        let url = enrolment_url(&new_secret(), "a@clinic.example", "Demo: Practice").unwrap();
        assert!(url.starts_with("otpauth://totp/"));
        assert!(url.contains("issuer=Demo"), "{url}");
    }
}
