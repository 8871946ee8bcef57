//! The interface's messages, one Fluent bundle per language, each parsed the
//! first time its language is asked for. Parsing all five languages at once
//! was a third of a server's start-up CPU and most of its idle memory
//! (bench/README.md, "Start-up and idle footprint"), though most servers only
//! ever word pages in one or two.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// The language every other one falls back to.
const FALLBACK: &str = "en";

type Bundle = FluentBundle<FluentResource>;

/// One slot per entry of [`FILES`], filled on first use.
static BUNDLES: [OnceLock<Option<Bundle>>; FILES.len()] = [const { OnceLock::new() }; FILES.len()];

/// The bundle of `tag`, parsed now if this is its first use; `None` for a
/// language with no message files.
fn bundle(tag: &str) -> Option<&'static Bundle> {
    let index = FILES.iter().position(|(t, _)| *t == tag)?;
    BUNDLES[index].get_or_init(|| Some(build(tag, FILES[index].1))).as_ref()
}

fn build(tag: &str, files: &[&'static str]) -> Bundle {
    let mut bundle = FluentBundle::new_concurrent(vec![tag.parse().unwrap_or_default()]);
    // Unicode isolation marks around arguments would end up in attributes
    // and tests; the pages set `dir` themselves.
    bundle.set_use_isolating(false);
    for source in files {
        // build.rs has parsed every file, so neither can fail on shipped files.
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(resource, _)| resource);
        if let Err(errors) = bundle.add_resource(resource) {
            panic!("locales/{tag}: a message is defined twice: {errors:?}");
        }
    }
    bundle
}

/// `id` (or `message.attribute`) worded in `tag` alone, if it has it and it
/// formats without error.
fn in_language(tag: &str, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let bundle = bundle(tag)?;
    let pattern = match id.split_once('.') {
        Some((message, attribute)) => bundle.get_message(message)?.get_attribute(attribute)?.value(),
        None => bundle.get_message(id)?.value()?,
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

/// `id` in `tag`, else in English (a message a translation lacks).
fn try_lookup(tag: &str, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    in_language(tag, id, args).or_else(|| if tag == FALLBACK { None } else { in_language(FALLBACK, id, args) })
}

/// Whether `tag` itself defines the message `id`.
pub(crate) fn defines(tag: &str, id: &str) -> bool {
    bundle(tag).is_some_and(|b| b.has_message(id))
}

/// Whether `tag` or English defines the message `id`.
pub(crate) fn has(tag: &str, id: &str) -> bool {
    defines(tag, id) || defines(FALLBACK, id)
}

/// As [`try_lookup`], with a visible marker for a message nobody has.
pub(crate) fn lookup(tag: &str, id: &str, args: Option<&FluentArgs>) -> String {
    try_lookup(tag, id, args).unwrap_or_else(|| format!("Unknown localization key: {id:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_a_translation_lacks_is_english_and_an_unknown_one_is_marked() {
        assert_eq!(try_lookup("es", "no-such-message", None), None);
        assert!(!has("es", "no-such-message") && has("es", "sign-in"));
        assert_eq!(lookup("fr", "no-such-message", None), "Unknown localization key: \"no-such-message\"");
        let english = lookup("en", "sign-in", None);
        assert!(!english.is_empty() && !english.starts_with("Unknown"));
        assert_ne!(lookup("fr", "sign-in", None), english, "French has its own word for sign-in");
    }
}
