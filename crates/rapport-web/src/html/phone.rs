//! Crisis lines and other free text with telephone numbers, ready for a
//! template: the text as written (escaped) with every number a tap-to-call
//! `tel:` or, on a line that asks to text, an `sms:` link
//! (`rapport_core::phone`). Every face that shows crisis lines uses this, so a
//! number is a link on the portal, the measure links and the safety plan alike.
//! In a template: `{% for line in crisis %}<li>{{ line|safe }}</li>{% endfor %}`.

use rapport_core::phone::{link_numbers, Piece};
use std::fmt;

/// One line of text with its numbers linked; `Display` writes escaped HTML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Linked(String);

impl fmt::Display for Linked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

/// `line` as HTML with its numbers linked.
pub fn linked(line: &str) -> Linked {
    let mut html = String::new();
    for piece in link_numbers(line) {
        match piece {
            Piece::Text(t) => html.push_str(&escape(&t)),
            Piece::Number { shown, href } => {
                let what = if href.starts_with("sms:") { "Text" } else { "Call" };
                html.push_str(&format!(
                    "<a class=\"phone-link\" href=\"{}\" aria-label=\"{what} {}\">{}</a>",
                    escape(&href),
                    escape(&shown),
                    escape(&shown)
                ));
            }
        }
    }
    Linked(html)
}

/// Text of several lines (a safety plan's contacts), each line linked on its
/// own (a "text" on one line does not make another line's number `sms:`).
pub fn linked_text(text: &str) -> Linked {
    Linked(text.split('\n').map(|l| linked(l).0).collect::<Vec<_>>().join("\n"))
}

/// Crisis lines (`Organisation::crisis_lines`) with their numbers linked.
pub fn crisis_links(lines: Vec<String>) -> Vec<Linked> {
    lines.iter().map(|l| linked(l)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_links_and_text_is_escaped() {
        assert_eq!(
            linked("Line <b>: 0800 000 000").to_string(),
            "Line &lt;b&gt;: <a class=\"phone-link\" href=\"tel:0800000000\" aria-label=\"Call 0800 000 000\">0800 000 000</a>"
        );
        assert_eq!(
            linked("Text SHOUT to 85258").to_string(),
            "Text SHOUT to <a class=\"phone-link\" href=\"sms:85258\" aria-label=\"Text 85258\">85258</a>"
        );
        assert_eq!(
            linked_text("GP 0161 000 0000\nText 85258").to_string(),
            "GP <a class=\"phone-link\" href=\"tel:01610000000\" aria-label=\"Call 0161 000 0000\">0161 000 0000</a>\nText <a class=\"phone-link\" href=\"sms:85258\" aria-label=\"Text 85258\">85258</a>"
        );
        assert_eq!(
            crisis_links(vec!["Call your local emergency number".into()])[0].to_string(),
            "Call your local emergency number"
        );
    }
}
