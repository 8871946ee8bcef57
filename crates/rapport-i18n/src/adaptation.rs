//! Cultural adaptation as data: a named set of Fluent messages, per
//! language, that replace the interface's own wording for one programme or
//! site (local names for problem areas and phases, key terms, the
//! psychoeducation text, the crisis resources, worksheet examples). The WHO
//! group manual's plain-language names ship as the preset `who-plain`; a
//! site adds its own as `adaptations/<name>/<lang>.ftl` in the data folder
//! (docs/i18n.md).

use crate::{catalogue, SHIPPED};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::fmt;

/// Adaptations shipped with Rapport: (name, [(language, Fluent source)]).
const PRESETS: [(&str, [(&str, &str); 3]); 1] = [(
    "who-plain",
    [
        ("en", include_str!("../adaptations/who-plain/en.ftl")),
        ("es", include_str!("../adaptations/who-plain/es.ftl")),
        ("fr", include_str!("../adaptations/who-plain/fr.ftl")),
    ],
)];

/// The message that names an adaptation in its own files (shown where it is chosen).
const TITLE: &str = "adaptation-title";

/// A programme's own crisis resources, one per line, shown instead of the
/// organisation's (Settings) wherever crisis lines are listed. Only an
/// adaptation has this message: without it the organisation's lines stand.
pub const CRISIS_RESOURCES: &str = "crisis-resources";

/// One adaptation: its messages per language.
pub struct Adaptation {
    name: String,
    /// Where it came from: "shipped" or the folder it was read from.
    origin: String,
    languages: Vec<Wording>,
}

/// An adaptation's messages in one language.
struct Wording {
    lang: &'static str,
    bundle: FluentBundle<FluentResource>,
    /// (message id, its text), for the page that lists what it changes.
    shown: Vec<(String, String)>,
}

impl fmt::Debug for Adaptation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Adaptation").field("name", &self.name).field("origin", &self.origin).finish()
    }
}

impl Adaptation {
    /// Reads an adaptation from its files: (language tag, Fluent source).
    /// Refuses a language the interface does not ship, a file Fluent cannot
    /// read, and a message the interface does not have (a misspelt id would
    /// silently change nothing), naming the file and the message.
    pub fn parse(name: &str, origin: &str, files: &[(&str, &str)]) -> Result<Adaptation, String> {
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            return Err(format!("adaptation {name:?}: a name is lowercase letters, digits and hyphens"));
        }
        let mut languages = Vec::new();
        for (lang, source) in files {
            let Some((code, _)) = SHIPPED.iter().find(|(c, _)| c == lang) else {
                return Err(format!("adaptation {name}: {lang}.ftl is not a shipped language (en, es, fr)"));
            };
            let resource = FluentResource::try_new(source.to_string()).map_err(|(_, errors)| {
                format!(
                    "adaptation {name}: {lang}.ftl cannot be read: {}",
                    errors.first().map(|e| e.to_string()).unwrap_or_default()
                )
            })?;
            let mut messages = Vec::new();
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    let id = m.id.name;
                    if id != TITLE && id != CRISIS_RESOURCES && !catalogue::has("en", id) {
                        return Err(format!("adaptation {name}: {lang}.ftl: the interface has no message {id:?}"));
                    }
                    messages.push(id.to_string());
                }
            }
            let mut bundle = FluentBundle::new_concurrent(vec![code.parse().unwrap_or_default()]);
            bundle.set_use_isolating(false);
            bundle.add_resource(resource).map_err(|e| format!("adaptation {name}: {lang}.ftl: {e:?}"))?;
            let shown = messages
                .into_iter()
                .filter(|id| id.as_str() != TITLE)
                .map(|id: String| {
                    let text = format_in(&bundle, &id, None).unwrap_or_default();
                    (id, text)
                })
                .collect();
            languages.push(Wording { lang: code, bundle, shown });
        }
        if languages.is_empty() {
            return Err(format!("adaptation {name}: no language files"));
        }
        Ok(Adaptation { name: name.to_string(), origin: origin.to_string(), languages })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// Its title in `lang` (its `adaptation-title` message), else its name.
    pub fn title(&self, lang: &str) -> String {
        self.format(lang, TITLE, None).unwrap_or_else(|| self.name.clone())
    }

    /// The languages it words, in shipped order.
    pub fn languages(&self) -> Vec<&'static str> {
        self.languages.iter().map(|w| w.lang).collect()
    }

    /// What it changes in `lang`: (message id, its text here).
    pub fn overrides(&self, lang: &str) -> &[(String, String)] {
        self.languages.iter().find(|w| w.lang == lang).map(|w| w.shown.as_slice()).unwrap_or(&[])
    }

    /// The adaptation's wording of `id` in `lang`, if it has one. A language
    /// it does not word keeps the interface's own text (never English).
    pub(crate) fn format(&self, lang: &str, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let w = self.languages.iter().find(|w| w.lang == lang)?;
        format_in(&w.bundle, id, args)
    }
}

fn format_in(bundle: &FluentBundle<FluentResource>, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(bundle.format_pattern(pattern, args, &mut errors).into_owned())
}

/// The shipped presets.
pub fn presets() -> Vec<Adaptation> {
    PRESETS
        .iter()
        .map(|(name, files)| Adaptation::parse(name, "shipped", files).expect("shipped adaptations are valid"))
        .collect()
}
