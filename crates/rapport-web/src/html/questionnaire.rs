//! A questionnaire's items as form fields: the clinician's form, the client
//! portal's and a measure link's all show them this way, in the reader's
//! language when the instrument has a validated translation in it, else in
//! its own language with a one-line note saying so (never machine-translated).

use crate::i18n::Tr;
use rapport_core::measures::definition::{Instrument, Item};
use rapport_core::measures::language::{same_language, Localized};
use std::collections::HashMap;

/// The instrument as the current request's reader gets it (their language
/// when it has it). Pass `.instrument` to the response pipeline too, so the
/// response records the language it was shown in.
pub fn localized(inst: &Instrument) -> Localized {
    inst.localized(crate::i18n::current().lang())
}

/// The instrument in `language` when it is one of its languages (a form
/// that says what it was shown in), else as [`localized`].
pub fn localized_as(inst: &Instrument, language: Option<&str>) -> Localized {
    match language.filter(|l| inst.languages().iter().any(|x| x.eq_ignore_ascii_case(l))) {
        Some(l) => inst.localized(l),
        None => localized(inst),
    }
}

/// A language's name in the reader's language, to use inside a sentence
/// ("Spanish", "español", "espagnol"); the tag for a language without one.
pub fn language_name(tr: &Tr, code: &str) -> String {
    let primary = code.split('-').next().unwrap_or(code).to_ascii_lowercase();
    tr.ta("measure-language-name", "code", primary)
}

/// The translation shown, credited as its licence asks: "Spanish version:"
/// in the reader's language, then the citation as recorded (source and
/// licence; a citation is never translated). None for the instrument's own text.
pub fn translation_credit(tr: &Tr, inst: &Instrument, language: &str) -> Option<Credit> {
    if same_language(language, inst.base_language()) {
        return None;
    }
    let t = inst.translations.iter().find(|t| t.language.eq_ignore_ascii_case(language))?;
    Some(Credit {
        lead: tr.ta("measure-translation-credit", "language", language_name(tr, &t.language)),
        citation: format!("{} {}", t.source, t.licence),
    })
}

/// A translation's credit: the reader's words, then the untranslated citation.
pub struct Credit {
    pub lead: String,
    pub citation: String,
}

pub struct OptionView {
    pub code: i64,
    pub label: String,
    pub checked: bool,
    /// The item score this answer gives (reverse scoring applied), as stored.
    pub score: i64,
}

pub struct ItemView {
    /// Form field name: `item_1`, … (scored) or `extra_1`, … (unscored).
    pub field: String,
    pub number: u32,
    pub text: String,
    pub options: Vec<OptionView>,
}

/// Items as form fields `{prefix}_{n}`, numbered from 1 after `offset`.
fn item_views(
    inst: &Instrument,
    list: &[Item],
    prefix: &str,
    offset: u32,
    form: &HashMap<String, String>,
) -> Vec<ItemView> {
    list.iter()
        .map(|it| {
            let number = it.number - offset;
            let field = format!("{prefix}_{number}");
            let chosen = form.get(&field).cloned().unwrap_or_default();
            ItemView {
                number,
                text: it.text.clone(),
                options: inst
                    .options_for(it)
                    .iter()
                    .map(|o| OptionView {
                        code: o.code,
                        label: o.label.clone(),
                        checked: chosen == o.code.to_string(),
                        score: inst.item_score(it, o.code).unwrap_or(o.score),
                    })
                    .collect(),
                field,
            }
        })
        .collect()
}

/// A questionnaire as a form: its name, instructions and attribution, the
/// scored items (`item_N`) and the unscored ones (`extra_N`), with the answers
/// in `form` checked.
pub struct QuestionnaireView {
    /// The language of the questionnaire's text (`lang` of its container; the
    /// form sends it back as `form_language`).
    pub language: String,
    /// "This questionnaire is not available in Spanish; it is shown in
    /// English.", in the reader's language, when it has no translation in it.
    pub note: Option<String>,
    /// The translation shown, credited ("Spanish version: …").
    pub credit: Option<Credit>,
    pub title: String,
    pub instructions: String,
    pub attribution: String,
    /// The attribution is reproduced as the definition words it (never translated).
    pub attribution_language: String,
    pub items: Vec<ItemView>,
    pub extras: Vec<ItemView>,
    /// Show the score each answer gives beside it (the clinician's form of an
    /// instrument with reverse-scored items, the EPDS), so an answer copied
    /// from paper is entered as the answer, never as a printed score reversed twice.
    pub show_scores: bool,
}

impl QuestionnaireView {
    /// The form of `inst` in the reader's language (see [`localized`]); an
    /// instrument already localized (`shown_language` set) is shown as it is.
    pub fn new(inst: &Instrument, form: &HashMap<String, String>) -> Self {
        let owned;
        let inst = match &inst.shown_language {
            Some(_) => inst,
            None => {
                owned = localized(inst).instrument;
                &owned
            }
        };
        let tr = crate::i18n::current();
        let language = inst.shown_language.clone().unwrap_or_else(|| inst.base_language().to_string());
        let note = (!same_language(tr.lang(), &language) && !inst.text_placeholder).then(|| {
            tr.tn(
                crate::i18n::msg("measure-form-not-in-language"),
                &[("language", &language_name(&tr, tr.lang())), ("shown", &language_name(&tr, &language))],
            )
        });
        QuestionnaireView {
            credit: translation_credit(&tr, inst, &language),
            note,
            language,
            title: inst.name.clone(),
            instructions: inst.instructions.clone().unwrap_or_default(),
            attribution: inst.attribution.clone().unwrap_or_default(),
            attribution_language: inst.base_language().to_string(),
            items: item_views(inst, &inst.items, "item", 0, form),
            extras: item_views(inst, &inst.unscored_items, "extra", inst.items.len() as u32, form),
            show_scores: false,
        }
    }

    /// The clinician's form: answers of reverse-scored instruments show their scores.
    pub fn for_clinician(inst: &Instrument, form: &HashMap<String, String>) -> Self {
        QuestionnaireView { show_scores: inst.has_reverse_items(), ..Self::new(inst, form) }
    }
}

impl QuestionnaireView {
    /// The option labels when every scored item has the same ones (PHQ-9,
    /// GAD-7, …): the form can then be an items-by-options grid on wide
    /// screens. None when the items differ (HAM-D-17, QIDS-SR16).
    pub fn grid_options(&self) -> Option<Vec<String>> {
        let first: Vec<String> = self.items.first()?.options.iter().map(|o| o.label.clone()).collect();
        let same = self.items.iter().all(|it| it.options.iter().map(|o| &o.label).eq(first.iter()));
        (same && !first.is_empty()).then_some(first)
    }
}
