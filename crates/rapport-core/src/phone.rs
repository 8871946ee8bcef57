//! Telephone numbers in free text (the organisation's crisis lines, a safety
//! plan's contacts), so a person in crisis can tap a number instead of
//! retyping it. The text is kept as written; each number found becomes a link:
//! `sms:` when its line asks to text ("Text SHOUT to 85258", "SMS 81066"),
//! `tel:` otherwise.

/// One piece of a line: text as written, or a number with the address it dials.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Number { shown: String, href: String },
}

/// Fewest and most digits a dialable number has (112 .. E.164's 15).
const MIN_DIGITS: usize = 3;
const MAX_DIGITS: usize = 15;

/// Splits `line` into text and numbers. A number starts with a digit or `+`,
/// runs over digits, spaces, `-`, `.` and brackets, ends on a digit, holds 3-15
/// digits and does not touch a letter, digit, `/` or a time's `:` on either
/// side (times such as "9:00-17:00" and words such as "24/7" stay text).
pub fn link_numbers(line: &str) -> Vec<Piece> {
    let sms = {
        let l = line.to_lowercase();
        l.split(|c: char| !c.is_alphanumeric()).any(|w| w == "text" || w == "sms")
    };
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut out = Vec::new();
    let mut text_from = 0; // byte offset where the pending text starts
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let next_digit = chars.get(i + 1).is_some_and(|(_, n)| n.is_ascii_digit());
        let before_ok = i == 0 || {
            let p = chars[i - 1].1;
            !(p.is_alphanumeric() || p == ':' || p == '/' || p == '+')
        };
        if before_ok && (c.is_ascii_digit() || (c == '+' && next_digit)) {
            // The longest run of number characters, cut back to its last digit.
            let mut j = i + 1;
            let mut last_digit = if c.is_ascii_digit() { i } else { i + 1 };
            while j < chars.len() {
                let d = chars[j].1;
                if d.is_ascii_digit() {
                    last_digit = j;
                } else if !matches!(d, ' ' | '-' | '.' | '(' | ')' | '\u{a0}') {
                    break;
                }
                j += 1;
            }
            let end_idx = last_digit + 1;
            // A colon counts only when a digit follows (a time, "9:00"); "NHS 111: ..." is a number.
            let after_ok = match chars.get(end_idx) {
                None => true,
                Some((_, ':')) => !chars.get(end_idx + 1).is_some_and(|(_, d)| d.is_ascii_digit()),
                Some((_, a)) => !(a.is_alphanumeric() || *a == '/'),
            };
            let shown: String = chars[i..end_idx].iter().map(|(_, ch)| ch).collect();
            let digits = shown.chars().filter(char::is_ascii_digit).count();
            if after_ok && (MIN_DIGITS..=MAX_DIGITS).contains(&digits) {
                if start > text_from {
                    out.push(Piece::Text(line[text_from..start].to_string()));
                }
                let dial: String = shown.chars().filter(|ch| ch.is_ascii_digit() || *ch == '+').collect();
                let href = format!("{}:{dial}", if sms { "sms" } else { "tel" });
                text_from = chars.get(end_idx).map_or(line.len(), |(b, _)| *b);
                out.push(Piece::Number { shown, href });
                i = end_idx;
                continue;
            }
            // Not a number: skip the whole run so its tail is not tried again.
            i = end_idx.max(i + 1);
            continue;
        }
        i += 1;
    }
    if text_from < line.len() {
        out.push(Piece::Text(line[text_from..].to_string()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Piece {
        Piece::Text(s.into())
    }
    fn n(shown: &str, href: &str) -> Piece {
        Piece::Number { shown: shown.into(), href: href.into() }
    }

    #[test]
    fn numbers_become_tel_links_and_the_text_stays() {
        assert_eq!(link_numbers("Emergency services: 112"), vec![t("Emergency services: "), n("112", "tel:112")]);
        assert_eq!(link_numbers("NHS 111: urgent help"), vec![t("NHS "), n("111", "tel:111"), t(": urgent help")]);
        assert_eq!(
            link_numbers("Crisis line: 0800 000 000 (free, 24 hours)"),
            vec![t("Crisis line: "), n("0800 000 000", "tel:0800000000"), t(" (free, 24 hours)")]
        );
        assert_eq!(
            link_numbers("Samaritans +44 (0)116 123, or 999"),
            vec![t("Samaritans "), n("+44 (0)116 123", "tel:+440116123"), t(", or "), n("999", "tel:999")]
        );
    }

    #[test]
    fn a_line_that_says_text_gets_sms_links() {
        assert_eq!(link_numbers("Text SHOUT to 85258"), vec![t("Text SHOUT to "), n("85258", "sms:85258")]);
        assert_eq!(link_numbers("SMS: 0800-123-456"), vec![t("SMS: "), n("0800-123-456", "sms:0800123456")]);
        // "context" is not the word "text".
        assert_eq!(link_numbers("Context line 116 123"), vec![t("Context line "), n("116 123", "tel:116123")]);
    }

    #[test]
    fn times_short_numbers_and_words_stay_text() {
        for s in
            ["Open Mon-Fri 9:00-17:00", "24/7 support", "Call your local emergency number", "Room 12", "", "A1 2BC"]
        {
            assert!(link_numbers(s).iter().all(|p| matches!(p, Piece::Text(_))), "{s:?}: {:?}", link_numbers(s));
        }
        // Joined back, the pieces are the line as written.
        for s in ["Crisis: 0800 000 000 (free). Text 85258.", "9:00-17:00 on 0161 000 0000", "é 112 ü"] {
            let joined: String = link_numbers(s)
                .into_iter()
                .map(|p| match p {
                    Piece::Text(t) => t,
                    Piece::Number { shown, .. } => shown,
                })
                .collect();
            assert_eq!(joined, s);
        }
        assert_eq!(link_numbers("1234567890123456"), vec![t("1234567890123456")]);
    }
}
