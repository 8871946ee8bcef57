//! Measures in several languages: translations chosen, the English fallback
//! flagged, site translation files, population cut-offs.

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
    let set = gad7.band_set(es.band_set.as_deref()).expect("the population's band set");
    assert_eq!(set.bands.iter().find(|b| b.id == "at_cut_off").unwrap().label, "At or above the cut-off (8)");
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
