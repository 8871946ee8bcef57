//! Password policy (OWASP ASVS 5.0 V6.2): at least 12 characters, at most 1024,
//! no composition rules, and not a common password. Hashing lives in the web
//! layer (it needs a thread pool); the rule lives here.

use crate::validation::{KeyArg, ValidationErrors};
use std::collections::HashSet;
use std::sync::OnceLock;

pub const MIN_LENGTH: usize = 12;
/// Long passphrases are welcome; the cap only bounds hashing work.
pub const MAX_LENGTH: usize = 1024;

static COMMON_TEXT: &str = include_str!("common-passwords.txt");

fn common() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| COMMON_TEXT.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).collect())
}

#[derive(Debug, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    Common,
    ContainsEmail,
}

impl PasswordProblem {
    pub fn message(&self) -> String {
        match self {
            PasswordProblem::TooShort => {
                format!("Password must be at least {MIN_LENGTH} characters (a few words work well)")
            }
            PasswordProblem::TooLong => format!("Password must be at most {MAX_LENGTH} characters"),
            PasswordProblem::Common => "This password is too common: choose something others would not guess".into(),
            PasswordProblem::ContainsEmail => "Password must not contain your email address".into(),
        }
    }

    /// The interface message that words this problem in the reader's language, with its arguments.
    pub fn key(&self) -> (&'static str, Vec<(&'static str, KeyArg)>) {
        match self {
            PasswordProblem::TooShort => {
                (crate::msg("account-password-too-short"), vec![("min", KeyArg::Text(MIN_LENGTH.to_string()))])
            }
            PasswordProblem::TooLong => {
                (crate::msg("account-password-too-long"), vec![("max", KeyArg::Text(MAX_LENGTH.to_string()))])
            }
            PasswordProblem::Common => (crate::msg("account-password-common"), vec![]),
            PasswordProblem::ContainsEmail => (crate::msg("account-password-contains-email"), vec![]),
        }
    }

    /// Records this problem as the error of `field`.
    pub fn add_to(&self, errors: &mut ValidationErrors, field: &str) {
        let (id, args) = self.key();
        errors.add_key(field, id, args);
    }
}

/// Checks a new password. Length counts characters, not bytes, so non-Latin
/// passphrases are treated fairly.
pub fn check(password: &str, email: &str) -> Result<(), PasswordProblem> {
    let n = password.chars().count();
    if n < MIN_LENGTH {
        return Err(PasswordProblem::TooShort);
    }
    if n > MAX_LENGTH {
        return Err(PasswordProblem::TooLong);
    }
    let lower = password.to_lowercase();
    if is_common(&lower) {
        return Err(PasswordProblem::Common);
    }
    let email = email.trim().to_lowercase();
    if !email.is_empty() && lower.contains(&email) {
        return Err(PasswordProblem::ContainsEmail);
    }
    Ok(())
}

/// A common password, or one padded with digits and symbols ("password123456"),
/// or one character repeated, or a keyboard/number run.
fn is_common(lower: &str) -> bool {
    if common().contains(lower) {
        return true;
    }
    let core = lower.trim_matches(|c: char| !c.is_alphanumeric());
    let stripped = core.trim_end_matches(|c: char| c.is_ascii_digit()).trim_start_matches(|c: char| c.is_ascii_digit());
    if !stripped.is_empty() && stripped.len() < lower.len() && common().contains(stripped) {
        return true;
    }
    let chars: Vec<char> = lower.chars().collect();
    if chars.iter().all(|c| *c == chars[0]) {
        return true;
    }
    let ascending = chars.windows(2).all(|w| w[1] as u32 == w[0] as u32 + 1);
    let descending = chars.windows(2).all(|w| w[0] as u32 == w[1] as u32 + 1);
    ascending || descending || "1234567890".repeat(3).contains(lower) || "qwertyuiopasdfghjklzxcvbnm".contains(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_rules_count_characters() {
        assert_eq!(check("short", ""), Err(PasswordProblem::TooShort));
        assert_eq!(check("élan vital ok", ""), Ok(()));
        assert_eq!(check("ñññññññññññ", ""), Err(PasswordProblem::TooShort));
        assert_eq!(check(&"a b".repeat(400), ""), Err(PasswordProblem::TooLong));
    }

    #[test]
    fn common_passwords_are_refused() {
        for p in [
            "password1234",
            "Password123456",
            "123456789012",
            "qwertyuiopas",
            "aaaaaaaaaaaa",
            "abcdefghijklm",
            "1qaz2wsx3edc",
        ] {
            assert_eq!(check(p, ""), Err(PasswordProblem::Common), "{p}");
        }
        assert!(common().len() >= 9_000);
    }

    #[test]
    fn ordinary_passphrases_pass_without_composition_rules() {
        assert_eq!(check("correct horse battery staple", ""), Ok(()));
        assert_eq!(check("all lowercase words", ""), Ok(()));
    }

    #[test]
    fn email_is_not_a_password() {
        assert_eq!(check("me@clinic.example!", "me@clinic.example"), Err(PasswordProblem::ContainsEmail));
    }
}
