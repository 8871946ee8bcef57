//! Crisis lines and other free text with telephone numbers, ready for a
//! template: the text as written (escaped) with every number a tap-to-call
//! `tel:` or, on a line that asks to text, an `sms:` link
//! (`rapport_core::phone`). Every face that shows crisis lines uses this, so a
//! number is a link on the portal, the measure links and the safety plan alike.
//! In a template: `{% for line in crisis %}<li>{{ line|safe }}</li>{% endfor %}`.

use rapport_core::msg;
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

/// `line` as HTML with its numbers linked (each link's spoken label in the
/// reader's language: "Call 0800 000 000", "Llamar al 0800 000 000").
pub fn linked(line: &str) -> Linked {
    let tr = rapport_i18n::current();
    let mut html = String::new();
    for piece in link_numbers(line) {
        match piece {
            Piece::Text(t) => html.push_str(&escape(&t)),
            Piece::Number { shown, href } => {
                let id = if href.starts_with("sms:") { msg("phone-text") } else { msg("phone-call") };
                html.push_str(&format!(
                    "<a class=\"phone-link\" href=\"{}\" aria-label=\"{}\">{}</a>",
                    escape(&href),
                    escape(&tr.ta(id, "number", shown.as_str())),
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

/// Crisis lines with their numbers linked: the reader's adaptation's crisis
/// resources when it words them in this language (a programme's own lines),
/// else the organisation's (`Organisation::crisis_lines`).
pub fn crisis_links(organisation: Vec<String>) -> Vec<Linked> {
    let adapted = rapport_i18n::current().adaptation_text(rapport_i18n::CRISIS_RESOURCES);
    let lines: Vec<String> = match adapted {
        Some(text) => text.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect(),
        None => organisation,
    };
    lines.iter().map(|l| linked(l)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_readers_adaptation_replaces_the_organisations_crisis_lines_and_labels_are_in_their_language() {
        let local = rapport_i18n::Adaptation::parse(
            "kagadi",
            "x",
            &[("es", "crisis-resources = Centro de salud: 0800 100 200\n")],
        )
        .unwrap();
        let tr = rapport_i18n::Tr::new("es").adapted(Some(std::sync::Arc::new(local)));
        let organisation = vec!["Emergency services: 999".to_string()];
        let lines = rapport_i18n::in_language(tr, async { crisis_links(organisation.clone()) }).await;
        assert_eq!(
            lines.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["Centro de salud: <a class=\"phone-link\" href=\"tel:0800100200\" aria-label=\"Llamar al 0800 100 200\">0800 100 200</a>"]
        );
        // Without an adaptation of its own, the organisation's lines.
        let lines =
            rapport_i18n::in_language(rapport_i18n::Tr::new("es"), async { crisis_links(organisation.clone()) }).await;
        assert!(lines[0].to_string().starts_with("Emergency services: "), "{}", lines[0]);
    }

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
