//! Which language a page is shown in: a pure choice among the languages the
//! interface has, from what the person saved, what their browser asks for and
//! the organisation's default (docs/i18n.md).

/// Where a choice came from, strongest first.
#[derive(Clone, Copy, Debug, Default)]
pub struct Preferences<'a> {
    /// The signed-in account's saved language.
    pub account: Option<&'a str>,
    /// An anonymous visitor's choice from the switcher (a cookie).
    pub chosen: Option<&'a str>,
    /// The browser's `Accept-Language` header.
    pub accept_language: Option<&'a str>,
    /// The organisation's default language.
    pub organisation: &'a str,
}

/// The language to show, always one of `available` (its first entry when
/// nothing else matches, so `available` must not be empty).
pub fn negotiate<'a>(prefs: &Preferences<'_>, available: &[&'a str]) -> &'a str {
    let explicit = [prefs.account, prefs.chosen].into_iter().flatten().find_map(|tag| matching(tag, available));
    explicit
        .or_else(|| accepted(prefs.accept_language.unwrap_or("")).into_iter().find_map(|tag| matching(&tag, available)))
        .or_else(|| matching(prefs.organisation, available))
        .unwrap_or(available[0])
}

/// What decides the language of a page a client reads (the portal, their
/// measure links, the kiosk questionnaires handed to them), strongest first.
#[derive(Clone, Copy, Debug, Default)]
pub struct ClientPreferences<'a> {
    /// Chosen with the portal's switcher on this browser (a cookie).
    pub chosen: Option<&'a str>,
    /// The client's preferred language on their record (see [`shipped_tag`]).
    pub client: Option<&'a str>,
    /// The browser's `Accept-Language` header.
    pub accept_language: Option<&'a str>,
    /// The organisation's default language.
    pub organisation: &'a str,
}

/// The language of a client's page, always one of `available`: what they
/// chose in the portal, else their record's preferred language, else their
/// browser's, else the organisation's default, else `available[0]`.
pub fn negotiate_for_client<'a>(prefs: &ClientPreferences<'_>, available: &[&'a str]) -> &'a str {
    let saved = Preferences {
        account: prefs.chosen,
        chosen: prefs.client,
        accept_language: prefs.accept_language,
        organisation: prefs.organisation,
    };
    negotiate(&saved, available)
}

/// A client's preferred language as stored on their record (free text in
/// older records): one of the `shipped` tags (ignoring case and spaces), else
/// none, so "Spanish" or "pt" count as not set rather than guessed.
pub fn shipped_tag<'a>(stored: Option<&str>, shipped: &[&'a str]) -> Option<&'a str> {
    let stored = stored?.trim();
    shipped.iter().find(|s| s.eq_ignore_ascii_case(stored)).copied()
}

/// The available language a requested tag means: the same tag (ignoring
/// case), else the available tag that is just its primary language
/// ("es-MX" is served by "es"). Test locales ("en-XA") match only exactly.
pub fn matching<'a>(requested: &str, available: &[&'a str]) -> Option<&'a str> {
    let requested = requested.trim();
    if requested.is_empty() {
        return None;
    }
    if let Some(exact) = available.iter().find(|a| a.eq_ignore_ascii_case(requested)) {
        return Some(exact);
    }
    let primary = requested.split(['-', '_']).next().unwrap_or("");
    available.iter().find(|a| a.eq_ignore_ascii_case(primary)).copied()
}

/// The tags of an `Accept-Language` header, most wanted first; tags with
/// `q=0` (refused) and the wildcard are left out.
pub fn accepted(header: &str) -> Vec<String> {
    let mut tags: Vec<(String, u16, usize)> = header
        .split(',')
        .enumerate()
        .filter_map(|(order, part)| {
            let mut pieces = part.split(';');
            let tag = pieces.next()?.trim();
            if tag.is_empty() || tag == "*" || !tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                return None;
            }
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1000), |q| q.trim().parse::<f32>().ok().map(|q| (q.clamp(0.0, 1.0) * 1000.0) as u16))?;
            (q > 0).then(|| (tag.to_string(), q, order))
        })
        .collect();
    // Stable: equal weights keep the browser's order.
    tags.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    tags.into_iter().map(|(tag, _, _)| tag).collect()
}

/// Scripts written right to left, by primary language subtag.
const RIGHT_TO_LEFT: [&str; 8] = ["ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb"];

/// Whether text in this language runs right to left (`dir="rtl"`).
pub fn is_right_to_left(tag: &str) -> bool {
    let primary = tag.split(['-', '_']).next().unwrap_or("");
    RIGHT_TO_LEFT.iter().any(|r| r.eq_ignore_ascii_case(primary))
}

#[cfg(test)]
mod tests {
    use super::*;

    const AVAILABLE: [&str; 5] = ["en", "es", "fr", "en-XA", "ar-XB"];

    fn prefs<'a>(account: Option<&'a str>, accept: Option<&'a str>, org: &'a str) -> Preferences<'a> {
        Preferences { account, chosen: None, accept_language: accept, organisation: org }
    }

    #[test]
    fn the_saved_language_wins_over_the_browser() {
        assert_eq!(negotiate(&prefs(Some("fr"), Some("es"), "en"), &AVAILABLE), "fr");
    }

    #[test]
    fn the_browser_wins_over_the_organisation() {
        assert_eq!(negotiate(&prefs(None, Some("es-MX,es;q=0.9,en;q=0.5"), "fr"), &AVAILABLE), "es");
        assert_eq!(negotiate(&prefs(None, Some("de, fr;q=0.8"), "es"), &AVAILABLE), "fr");
    }

    #[test]
    fn unknown_languages_fall_back_to_the_organisation_then_the_first() {
        assert_eq!(negotiate(&prefs(None, Some("de-DE,ja;q=0.5"), "fr"), &AVAILABLE), "fr");
        assert_eq!(negotiate(&prefs(Some("xx"), None, "zz"), &AVAILABLE), "en");
    }

    #[test]
    fn a_cookie_choice_counts_when_no_account_language_is_saved() {
        let p = Preferences { account: None, chosen: Some("es"), accept_language: Some("fr"), organisation: "en" };
        assert_eq!(negotiate(&p, &AVAILABLE), "es");
        let p = Preferences { account: Some("fr"), ..p };
        assert_eq!(negotiate(&p, &AVAILABLE), "fr");
    }

    #[test]
    fn a_clients_choice_then_record_then_browser_then_organisation() {
        let p = ClientPreferences {
            chosen: Some("fr"),
            client: Some("es"),
            accept_language: Some("en"),
            organisation: "en",
        };
        assert_eq!(negotiate_for_client(&p, &AVAILABLE), "fr");
        let p = ClientPreferences { chosen: None, ..p };
        assert_eq!(negotiate_for_client(&p, &AVAILABLE), "es");
        let p = ClientPreferences { client: None, ..p };
        assert_eq!(negotiate_for_client(&p, &AVAILABLE), "en");
        let p = ClientPreferences { accept_language: Some("de"), organisation: "fr", ..p };
        assert_eq!(negotiate_for_client(&p, &AVAILABLE), "fr");
        let p = ClientPreferences { chosen: Some("klingon"), client: Some("es"), ..p };
        assert_eq!(negotiate_for_client(&p, &AVAILABLE), "es");
    }

    #[test]
    fn only_shipped_tags_count_as_a_clients_language() {
        let shipped = ["en", "es", "fr"];
        assert_eq!(shipped_tag(Some(" ES "), &shipped), Some("es"));
        assert_eq!(shipped_tag(Some("fr"), &shipped), Some("fr"));
        for unset in [None, Some(""), Some("Spanish"), Some("pt-BR"), Some("es-MX"), Some("en-XA")] {
            assert_eq!(shipped_tag(unset, &shipped), None, "{unset:?}");
        }
    }

    #[test]
    fn weights_order_the_header_and_zero_refuses() {
        assert_eq!(accepted("fr;q=0.2, es, en;q=0.5"), ["es", "en", "fr"]);
        assert_eq!(accepted("en;q=0, *;q=0.1, es"), ["es"]);
        assert_eq!(accepted("<script>, es;q=bad, fr"), ["fr"]);
    }

    #[test]
    fn test_locales_match_only_exactly() {
        assert_eq!(matching("en-US", &AVAILABLE), Some("en"));
        assert_eq!(matching("EN-xa", &AVAILABLE), Some("en-XA"));
        assert_eq!(matching("ar", &AVAILABLE), None);
    }

    #[test]
    fn arabic_scripts_run_right_to_left() {
        assert!(is_right_to_left("ar-XB"));
        assert!(is_right_to_left("he"));
        assert!(!is_right_to_left("es"));
        assert!(!is_right_to_left("en-XA"));
    }
}
