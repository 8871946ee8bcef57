//! An instrument in several languages, honestly.
//!
//! The definition's own text is its language (English for the shipped ones).
//! A [`Translation`] adds one validated translation: the whole text (name,
//! instructions, every item, every option label) with its `source` (the
//! citation of the validated version) and its `licence`, and optionally the
//! severity cut-offs validated for the population that version was tested in.
//! A translation is complete or refused: a form never mixes languages, and a
//! language without a translation is never filled in by machine. Scoring
//! never depends on the language: answers are option codes and the structure
//! (items, codes, scores) is the definition's.
//!
//! Shipped translations sit in the definition file (`"translations": […]`);
//! a site adds one with a translation file (`{"translation": "phq9", …}`,
//! docs/measures-languages.md).

use super::definition::{AnswerOption, DefinitionError, Instrument, Population, Translation, TranslationFile};
use std::collections::BTreeSet;

/// The primary subtag, lower-cased: `es` of `es-MX`.
fn primary(tag: &str) -> String {
    tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()
}

/// Whether a reader of `reader` reads `text` (same tag, or same primary language).
pub fn same_language(reader: &str, text: &str) -> bool {
    reader.eq_ignore_ascii_case(text) || primary(reader) == primary(text)
}

pub(crate) fn is_language_tag(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 35
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && s.split('-').all(|p| !p.is_empty())
}

/// An instrument as shown to one reader.
#[derive(Clone, Debug, PartialEq)]
pub struct Localized {
    /// The instrument with its text in [`Localized::language`]; scoring is unchanged.
    pub instrument: Instrument,
    /// The language of the text shown.
    pub language: String,
    /// The reader's language has no translation: the definition's own text is shown.
    pub fallback: bool,
}

impl Instrument {
    /// The language of the definition's own text (English unless it says otherwise).
    pub fn base_language(&self) -> &str {
        self.language.as_deref().unwrap_or("en")
    }

    /// The languages the questionnaire can be shown in: its own, then its translations.
    pub fn languages(&self) -> Vec<&str> {
        let mut out = vec![self.base_language()];
        out.extend(self.translations.iter().map(|t| t.language.as_str()));
        out
    }

    /// The translation a reader of `reader` gets: the same tag first, else the same primary language.
    pub fn translation_for(&self, reader: &str) -> Option<&Translation> {
        self.translations
            .iter()
            .find(|t| t.language.eq_ignore_ascii_case(reader))
            .or_else(|| self.translations.iter().find(|t| same_language(reader, &t.language)))
    }

    /// The questionnaire's full name for a reader of `reader`: its
    /// translation's name when that language has one, else its own.
    pub fn name_in(&self, reader: &str) -> &str {
        self.translation_for(reader).and_then(|t| t.name.as_deref()).unwrap_or(&self.name)
    }

    /// The language [`Instrument::name_in`] is written in (for `lang` marks).
    pub fn name_language_in(&self, reader: &str) -> &str {
        match self.translation_for(reader) {
            Some(t) if t.name.is_some() => &t.language,
            _ => self.base_language(),
        }
    }

    /// The population whose cut-offs the band set `id` holds, if any.
    pub fn population_of(&self, band_set: &str) -> Option<&Population> {
        self.translations.iter().filter_map(|t| t.population.as_ref()).find(|p| p.band_set.id == band_set)
    }

    /// The instrument for a reader of `reader`: in their language when it has
    /// that language, else its own text with `fallback` set (never a machine
    /// translation). A translation with population cut-offs makes them the
    /// default band set. The copy remembers its language (`shown_language`),
    /// which a response scored with it records.
    pub fn localized(&self, reader: &str) -> Localized {
        let base = self.base_language().to_string();
        if same_language(reader, &base) || self.text_placeholder {
            return Localized {
                instrument: self.shown_in(&base),
                fallback: !same_language(reader, &base),
                language: base,
            };
        }
        match self.translation_for(reader) {
            Some(t) => Localized { instrument: self.translated(t), language: t.language.clone(), fallback: false },
            None => Localized { instrument: self.shown_in(&base), language: base, fallback: true },
        }
    }

    fn shown_in(&self, language: &str) -> Instrument {
        let mut inst = self.clone();
        inst.shown_language = Some(language.to_string());
        inst
    }

    /// The copy with `t`'s text (checked complete by `validate`).
    fn translated(&self, t: &Translation) -> Instrument {
        let mut inst = self.shown_in(&t.language);
        if let Some(n) = &t.name {
            inst.name = n.clone();
        }
        if let Some(i) = &t.instructions {
            inst.instructions = Some(i.clone());
        }
        if let Some(a) = &t.attribution {
            inst.attribution = Some(a.clone());
        }
        for (name, labels) in &t.option_labels {
            if let Some(opts) = inst.option_sets.get_mut(name) {
                for (o, l) in opts.iter_mut().zip(labels) {
                    o.label = l.clone();
                }
            }
        }
        let scored = self.items.len();
        for it in &t.items {
            let n = it.number as usize;
            let item = match n {
                0 => continue,
                n if n <= scored => &mut inst.items[n - 1],
                n => match inst.unscored_items.get_mut(n - 1 - scored) {
                    Some(i) => i,
                    None => continue,
                },
            };
            item.text = it.text.clone();
            if let Some(labels) = &it.option_labels {
                // The item's own copy of its option set: same codes and scores, its labels.
                let set = format!("{}_{}_options", item.id, primary(&t.language));
                let opts: Vec<AnswerOption> = self
                    .option_sets
                    .get(&item.options)
                    .map(|o| {
                        o.iter().zip(labels).map(|(o, l)| AnswerOption { label: l.clone(), ..o.clone() }).collect()
                    })
                    .unwrap_or_default();
                inst.option_sets.insert(set.clone(), opts);
                item.options = set;
            }
        }
        if let Some(p) = &t.population {
            inst.default_band_set = p.band_set.id.clone();
        }
        inst
    }

    /// Problems of the translations, as (field, message).
    pub(crate) fn validate_translations(&self) -> Vec<(String, String)> {
        let mut errs = Vec::new();
        let all = self.items.len() + self.unscored_items.len();
        let mut langs = BTreeSet::new();
        let band_ids: BTreeSet<&str> = self.band_sets.iter().map(|b| b.id.as_str()).collect();
        let mut populations = BTreeSet::new();
        for (i, t) in self.translations.iter().enumerate() {
            let f = format!("translations[{i}]");
            if !is_language_tag(&t.language) {
                errs.push((
                    format!("{f}.language"),
                    format!("{:?} is not a language tag such as es or fr-CA", t.language),
                ));
            } else if t.language.eq_ignore_ascii_case(self.base_language()) {
                errs.push((format!("{f}.language"), "is the definition's own language".to_string()));
            } else if !langs.insert(t.language.to_ascii_lowercase()) {
                errs.push((format!("{f}.language"), format!("{:?} is translated twice", t.language)));
            }
            for (field, v) in [("version", &t.version), ("source", &t.source), ("licence", &t.licence)] {
                if v.trim().is_empty() {
                    errs.push((
                        format!("{f}.{field}"),
                        "must not be empty: say where the validated text comes from and under which terms".into(),
                    ));
                }
            }
            for (field, v) in [("name", &t.name), ("instructions", &t.instructions), ("attribution", &t.attribution)] {
                if v.as_deref().is_some_and(|s| s.trim().is_empty()) {
                    errs.push((format!("{f}.{field}"), "must not be empty when given".into()));
                }
            }
            if self.instructions.is_some() && t.instructions.is_none() {
                errs.push((format!("{f}.instructions"), "the instrument has instructions: translate them too".into()));
            }
            let mut seen = BTreeSet::new();
            for (j, it) in t.items.iter().enumerate() {
                let g = format!("{f}.items[{j}]");
                if it.number == 0 || it.number as usize > all {
                    errs.push((format!("{g}.number"), format!("{} has items 1 to {all}", self.short_name)));
                    continue;
                }
                if !seen.insert(it.number) {
                    errs.push((format!("{g}.number"), format!("item {} appears twice", it.number)));
                }
                if it.text.trim().is_empty() {
                    errs.push((format!("{g}.text"), "must not be empty".into()));
                }
                if let Some(labels) = &it.option_labels {
                    let item = self.items.iter().chain(&self.unscored_items).nth(it.number as usize - 1);
                    let n = item.map(|x| self.options_for(x).len()).unwrap_or(0);
                    if labels.len() != n || labels.iter().any(|l| l.trim().is_empty()) {
                        errs.push((
                            format!("{g}.option_labels"),
                            format!("item {} has {n} options: one label for each, in order", it.number),
                        ));
                    }
                }
            }
            let missing: Vec<String> = (1..=all as u32).filter(|n| !seen.contains(n)).map(|n| n.to_string()).collect();
            if !missing.is_empty() {
                errs.push((
                    format!("{f}.items"),
                    format!(
                        "a translation gives every item, so a form never mixes languages (missing: {})",
                        missing.join(", ")
                    ),
                ));
            }
            for (name, labels) in &t.option_labels {
                match self.option_sets.get(name) {
                    None => errs.push((
                        format!("{f}.option_labels.{name}"),
                        format!("{} has no option set {name:?}", self.short_name),
                    )),
                    Some(opts) if labels.len() != opts.len() || labels.iter().any(|l| l.trim().is_empty()) => errs
                        .push((
                            format!("{f}.option_labels.{name}"),
                            format!("option set {name:?} has {} options: one label for each, in order", opts.len()),
                        )),
                    Some(_) => {}
                }
            }
            // Every option a reader sees is translated: by its set, or by each item using it.
            for it in self.items.iter().chain(&self.unscored_items) {
                let own = t.items.iter().any(|x| x.number == it.number && x.option_labels.is_some());
                if !own && !t.option_labels.contains_key(&it.options) {
                    errs.push((
                        format!("{f}.option_labels"),
                        format!("give the labels of option set {:?} (item {})", it.options, it.number),
                    ));
                    break;
                }
            }
            if let Some(p) = &t.population {
                let g = format!("{f}.population");
                for (field, v) in [("label", &p.label), ("source", &p.source)] {
                    if v.trim().is_empty() {
                        errs.push((format!("{g}.{field}"), "must not be empty".into()));
                    }
                }
                if band_ids.contains(p.band_set.id.as_str()) || !populations.insert(p.band_set.id.clone()) {
                    errs.push((
                        format!("{g}.band_set.id"),
                        format!("{:?} is already a band set of {}", p.band_set.id, self.short_name),
                    ));
                }
                errs.extend(
                    self.band_set_problems(&p.band_set)
                        .into_iter()
                        .map(|(field, m)| (format!("{g}.band_set{field}"), m)),
                );
            }
        }
        errs
    }
}

impl Instrument {
    /// `inst` with the file's translation added; it replaces a translation of
    /// the same language (a site may hold another validated version). Errors
    /// name the file and the field.
    pub fn with_translation(&self, file: &str, tf: TranslationFile) -> Result<Instrument, Vec<DefinitionError>> {
        let inst = self;
        let error = |field: &str, message: String| DefinitionError { file: file.into(), field: field.into(), message };
        if tf.base_version != inst.version {
            return Err(vec![error(
                "base_version",
                format!(
                    "{} ({}) is version {:?}, not {:?}: check the text against it",
                    inst.short_name, inst.id, inst.version, tf.base_version
                ),
            )]);
        }
        let t = Translation {
            language: tf.language.trim().to_string(),
            version: tf.version,
            source: tf.source,
            licence: tf.licence,
            notes: tf.notes,
            name: tf.name,
            instructions: tf.instructions,
            attribution: tf.attribution,
            items: tf.items,
            option_labels: tf.option_labels,
            population: tf.population,
        };
        let mut out = inst.clone();
        out.translations.retain(|x| !x.language.eq_ignore_ascii_case(&t.language));
        out.translations.push(t);
        let at = out.translations.len() - 1;
        out.validate().map_err(|errs| {
            errs.into_iter()
                .map(|(f, m)| {
                    // The file is the translation: name its own fields.
                    let field =
                        f.strip_prefix(&format!("translations[{at}]")).map(|r| r.trim_start_matches('.').to_string());
                    error(&field.unwrap_or(f), m)
                })
                .collect::<Vec<_>>()
        })?;
        Ok(out)
    }
}
