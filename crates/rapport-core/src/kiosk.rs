//! Kiosk mode: the rules for a clinician's kiosk PIN, the PIN that locks a
//! clinic tablet back to the clinician after a client answered their
//! questionnaires on it (issue 12). Pure; the use case is `rapport_app::kiosk`.

/// Wrong PINs on a locked session that end the staff session entirely.
pub const MAX_PIN_FAILURES: i64 = 5;

/// The shortest and longest PIN.
pub const PIN_MIN: usize = 4;
pub const PIN_MAX: usize = 8;

/// Checks a new PIN: 4 to 8 digits, not all one digit ("1111"), not a run
/// up or down ("1234", "9876", "7890"). The error is the id of the message
/// (locales/*/app.ftl) naming what is wrong, for the `pin` field.
pub fn check_pin(pin: &str) -> Result<(), &'static str> {
    if pin.is_empty() {
        return Err(crate::msg("kiosk-pin-empty"));
    }
    if !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err(crate::msg("kiosk-pin-digits-only"));
    }
    if !(PIN_MIN..=PIN_MAX).contains(&pin.len()) {
        return Err(crate::msg("kiosk-pin-length"));
    }
    let d: Vec<i32> = pin.bytes().map(|b| i32::from(b - b'0')).collect();
    if d.iter().all(|x| *x == d[0]) {
        return Err(crate::msg("kiosk-pin-repeated"));
    }
    let steps: Vec<i32> = d.windows(2).map(|w| (w[1] - w[0]).rem_euclid(10)).collect();
    if steps.iter().all(|s| *s == 1) || steps.iter().all(|s| *s == 9) {
        return Err(crate::msg("kiosk-pin-sequence"));
    }
    Ok(())
}

/// Reads a typed PIN: spaces are ignored (people group digits as they type).
pub fn normalise_pin(typed: &str) -> String {
    typed.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_to_eight_digits_that_are_not_trivial() {
        for ok in ["2580", "4719", "90210", "13572468", "1243"] {
            assert_eq!(check_pin(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn length_and_digits_are_named() {
        assert_eq!(check_pin(""), Err("kiosk-pin-empty"));
        assert_eq!(check_pin("258"), Err("kiosk-pin-length"));
        assert_eq!(check_pin("258013579"), Err("kiosk-pin-length"));
        assert_eq!(check_pin("25a0"), Err("kiosk-pin-digits-only"));
        assert_eq!(check_pin("２５８０"), Err("kiosk-pin-digits-only"));
    }

    #[test]
    fn one_digit_repeated_is_refused() {
        for no in ["0000", "1111", "99999999"] {
            assert_eq!(check_pin(no), Err("kiosk-pin-repeated"), "{no}");
        }
    }

    #[test]
    fn runs_up_or_down_are_refused_including_wrapping() {
        for no in ["1234", "12345678", "9876", "87654321", "7890", "0987", "5678"] {
            assert_eq!(check_pin(no), Err("kiosk-pin-sequence"), "{no}");
        }
        // Near-runs are fine.
        assert_eq!(check_pin("1235"), Ok(()));
        assert_eq!(check_pin("1357"), Ok(()));
    }

    #[test]
    fn typed_spaces_are_ignored() {
        assert_eq!(normalise_pin(" 25 80 "), "2580");
    }
}
