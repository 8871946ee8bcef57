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

use super::definition::{AnswerOption, BandSet, Instrument};
use super::site::ItemText;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Severity cut-offs validated for a population (e.g. a translation validated
/// with a cut-off of 8 where the original uses 10). A response scored in the
/// translation's language uses them; its record names the band set, and so
/// the population.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Population {
    /// What the population is, in a few words ("Chilean primary care").
    pub label: String,
    /// Where the cut-offs come from (the validation study).
    pub source: String,
    /// The bands; its id names the population in every score that used it.
    pub band_set: BandSet,
}

/// One language's validated text of an instrument.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// Language tag, e.g. `es`, `fr`, `es-MX`.
    pub language: String,
    /// This text's version (a changed wording needs a new one).
    pub version: String,
    /// The validated version it reproduces, and where it was confirmed.
    pub source: String,
    /// The terms it may be reproduced under.
    pub licence: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// Every item, scored and unscored, by its number.
    pub items: Vec<ItemText>,
    /// Labels per option set, in the set's order (unless every item using
    /// the set gives its own `option_labels`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub option_labels: BTreeMap<String, Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<Population>,
}

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

/// A site's translation file: `{"translation": "phq9", "base_version": "1", …}`
/// with the fields of a [`Translation`].
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslationFile {
    /// Id of the instrument translated.
    pub translation: String,
    /// The instrument's version the text was checked against; another
    /// version refuses the file rather than putting text on a changed structure.
    pub base_version: String,
    pub language: String,
    pub version: String,
    pub source: String,
    pub licence: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub instructions: Option<String>,
    #[serde(default)]
    pub attribution: Option<String>,
    pub items: Vec<ItemText>,
    #[serde(default)]
    pub option_labels: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub population: Option<Population>,
}

/// `inst` with the file's translation added; it replaces a translation of
/// the same language (a site may hold another validated version). Errors
/// name the file and the field.
pub fn add_translation(
    file: &str,
    inst: &Instrument,
    tf: TranslationFile,
) -> Result<Instrument, Vec<super::definition::DefinitionError>> {
    let error = |field: &str, message: String| super::definition::DefinitionError {
        file: file.into(),
        field: field.into(),
        message,
    };
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

#[cfg(test)]
mod tests {
    use crate::measures::scoring::score;
    use crate::measures::Library;

    fn full(v: &[i64]) -> Vec<Option<i64>> {
        v.iter().map(|x| Some(*x)).collect()
    }

    /// A GAD-7 translation file (placeholder words: the test is about the mechanism).
    fn gad7_file(language: &str) -> serde_json::Value {
        let gad7 = Library::builtin().get("gad7").unwrap().clone();
        let items: Vec<serde_json::Value> =
            (1..=8).map(|n| serde_json::json!({"number": n, "text": format!("Pregunta {n}")})).collect();
        serde_json::json!({
            "translation": "gad7",
            "base_version": gad7.version,
            "language": language,
            "version": "site-1",
            "source": "Validated version X (Author 2020)",
            "licence": "Free to reproduce with attribution",
            "instructions": "Durante las últimas 2 semanas…",
            "items": items,
            "option_labels": {
                "frequency": ["Nunca", "Varios días", "Más de la mitad", "Casi todos"],
                "difficulty": ["Nada", "Algo", "Muy", "Extremadamente"]
            }
        })
    }

    fn load(files: &[(&str, serde_json::Value)]) -> Result<Library, Vec<crate::measures::DefinitionError>> {
        let files: Vec<(String, String)> = files.iter().map(|(f, v)| (f.to_string(), v.to_string())).collect();
        Library::builtin().with_site_files(&files)
    }

    #[test]
    fn a_reader_gets_the_shipped_translation_of_their_language() {
        let lib = Library::builtin();
        let phq9 = lib.get("phq9").unwrap();
        assert_eq!(phq9.languages(), vec!["en", "es", "fr"]);
        for reader in ["es", "es-MX", "ES"] {
            let l = phq9.localized(reader);
            assert!(!l.fallback);
            assert_eq!(l.language, "es");
            assert_eq!(l.instrument.items[0].text, "Poco interés o placer en hacer cosas");
            assert_eq!(l.instrument.options_for(&l.instrument.items[0])[0].label, "Ningún día");
            assert_eq!(l.instrument.unscored_items[0].text.chars().take(10).collect::<String>(), "Si marcó c");
        }
        let fr = phq9.localized("fr");
        assert_eq!(fr.instrument.items[1].text, "Être triste, déprimé(e) ou désespéré(e)");
        assert_eq!(fr.instrument.options_for(&fr.instrument.items[1])[2].label, "Plus de la moitié du temps");
        // English and its test locale read the definition's own text.
        for reader in ["en", "en-XA"] {
            let l = phq9.localized(reader);
            assert!(!l.fallback);
            assert_eq!(l.instrument, phq9.localized("en").instrument);
            assert_eq!(l.instrument.items[0].text, "Little interest or pleasure in doing things");
        }
    }

    #[test]
    fn scoring_never_depends_on_the_language() {
        let phq9 = Library::builtin().get("phq9").unwrap().clone();
        let answers = full(&[2, 2, 1, 3, 1, 2, 1, 0, 1]);
        let en = score(&phq9.localized("en").instrument, &answers).unwrap();
        let es = score(&phq9.localized("es").instrument, &answers).unwrap();
        let fr = score(&phq9.localized("fr").instrument, &answers).unwrap();
        assert_eq!(es.language.as_deref(), Some("es"));
        assert_eq!(fr.language.as_deref(), Some("fr"));
        assert_eq!(en.language.as_deref(), Some("en"));
        // The definition as loaded says nothing about the form's language.
        assert_eq!(score(&phq9, &answers).unwrap().language, None);
        for other in [&es, &fr] {
            assert_eq!(
                (other.total, &other.band, &other.band_set, &other.flags),
                (en.total, &en.band, &en.band_set, &en.flags)
            );
            assert_eq!(other.instrument_version, en.instrument_version);
        }
        assert_eq!(es.total, Some(13));
    }

    #[test]
    fn a_language_without_a_translation_falls_back_to_english_with_the_flag() {
        let lib = Library::builtin();
        let gad7 = lib.get("gad7").unwrap();
        assert_eq!(gad7.languages(), vec!["en"]);
        for reader in ["fr", "es", "ar-XB"] {
            let l = gad7.localized(reader);
            assert!(l.fallback, "{reader}");
            assert_eq!(l.language, "en");
            assert_eq!(l.instrument.items[0].text, gad7.items[0].text);
        }
        // A licensed instrument whose text is not imported is never "translated" either.
        let epds = lib.get("epds").unwrap().localized("es");
        assert!(epds.fallback && epds.instrument.text_placeholder);
    }

    #[test]
    fn a_site_imports_a_validated_translation_with_its_source_and_licence() {
        let lib = load(&[("gad7-es.json", gad7_file("es"))]).unwrap();
        let gad7 = lib.get("gad7").unwrap();
        let t = gad7.translation_for("es-AR").unwrap();
        assert_eq!(t.source, "Validated version X (Author 2020)");
        assert_eq!(t.licence, "Free to reproduce with attribution");
        let l = gad7.localized("es");
        assert!(!l.fallback);
        assert_eq!(l.instrument.items[6].text, "Pregunta 7");
        assert_eq!(l.instrument.unscored_items[0].text, "Pregunta 8");
        // The structure is the shipped one: same version, same scores.
        assert_eq!(l.instrument.version, Library::builtin().get("gad7").unwrap().version);
        // French readers still get English, with the note.
        assert!(gad7.localized("fr").fallback);
    }

    #[test]
    fn an_incomplete_or_unsourced_translation_is_refused_with_the_field_named() {
        let mut v = gad7_file("es");
        v["items"].as_array_mut().unwrap().pop();
        let e = load(&[("gad7-es.json", v)]).unwrap_err();
        assert!(
            e.iter().any(|e| e.file == "gad7-es.json" && e.field == "items" && e.message.contains("missing: 8")),
            "{e:?}"
        );

        let mut v = gad7_file("es");
        v["source"] = "".into();
        let e = load(&[("gad7-es.json", v)]).unwrap_err();
        assert!(e.iter().any(|e| e.field == "source"), "{e:?}");

        let mut v = gad7_file("es");
        v["option_labels"].as_object_mut().unwrap().remove("difficulty");
        let e = load(&[("gad7-es.json", v)]).unwrap_err();
        assert!(e.iter().any(|e| e.field == "option_labels" && e.message.contains("difficulty")), "{e:?}");

        let mut v = gad7_file("es");
        v["base_version"] = "0".into();
        let e = load(&[("gad7-es.json", v)]).unwrap_err();
        assert!(e.iter().any(|e| e.field == "base_version"), "{e:?}");

        let e = load(&[("gad7-en.json", gad7_file("en"))]).unwrap_err();
        assert!(e.iter().any(|e| e.field == "language"), "{e:?}");

        let mut v = gad7_file("es");
        v["translation"] = "nope".into();
        let e = load(&[("x.json", v)]).unwrap_err();
        assert!(e.iter().any(|e| e.field == "translation"), "{e:?}");
    }

    #[test]
    fn a_translations_population_sets_its_own_cut_offs_and_the_record_names_them() {
        let mut v = gad7_file("es");
        v["population"] = serde_json::json!({
            "label": "Spanish primary care",
            "source": "Validation study Y (Author 2021): caseness at 8",
            "band_set": {"id": "es_primary_care", "bands": [
                {"id": "below_cut_off", "label": "Below the cut-off", "min": 0, "max": 7},
                {"id": "at_cut_off", "label": "At or above the cut-off (8)", "min": 8, "max": 21}
            ]}
        });
        let lib = load(&[("gad7-es.json", v)]).unwrap();
        let gad7 = lib.get("gad7").unwrap();
        let answers = full(&[2, 1, 2, 1, 0, 1, 1]); // 8
        let es = score(&gad7.localized("es").instrument, &answers).unwrap();
        assert_eq!(es.band_set.as_deref(), Some("es_primary_care"));
        assert_eq!(es.band.as_deref(), Some("at_cut_off"));
        assert_eq!(gad7.population_of("es_primary_care").unwrap().label, "Spanish primary care");
        // The band's label is found from the stored band set on any copy.
        assert_eq!(
            crate::measures::wording::band_label(gad7, es.band_set.as_deref(), "at_cut_off"),
            "At or above the cut-off (8)"
        );
        // Without population cut-offs, the instrument's own bands as before.
        let en = score(&gad7.localized("en").instrument, &answers).unwrap();
        assert_eq!((en.band_set.as_deref(), en.band.as_deref()), (Some(gad7.default_band_set.as_str()), Some("mild")));
        assert_eq!(gad7.population_of(&gad7.default_band_set), None);

        // Bands must cover the range.
        let mut v = gad7_file("es");
        v["population"] = serde_json::json!({"label": "x", "source": "y", "band_set": {"id": "p", "bands": [
            {"id": "a", "label": "A", "min": 0, "max": 7}
        ]}});
        let e = load(&[("gad7-es.json", v)]).unwrap_err();
        assert!(
            e.iter().any(|e| e.field.starts_with("population.band_set") && e.message.contains("must end at 21")),
            "{e:?}"
        );
    }
}
