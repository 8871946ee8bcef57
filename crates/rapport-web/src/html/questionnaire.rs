//! A questionnaire's items as form fields: the clinician's form, the client
//! portal's and a measure link's all show them this way.

use rapport_core::measures::definition::{Instrument, Item};
use std::collections::HashMap;

pub struct OptionView {
    pub code: i64,
    pub label: String,
    pub checked: bool,
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
                    .map(|o| OptionView { code: o.code, label: o.label.clone(), checked: chosen == o.code.to_string() })
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
    pub title: String,
    pub instructions: String,
    pub attribution: String,
    pub items: Vec<ItemView>,
    pub extras: Vec<ItemView>,
}

impl QuestionnaireView {
    pub fn new(inst: &Instrument, form: &HashMap<String, String>) -> Self {
        QuestionnaireView {
            title: inst.name.clone(),
            instructions: inst.instructions.clone().unwrap_or_default(),
            attribution: inst.attribution.clone().unwrap_or_default(),
            items: item_views(inst, &inst.items, "item", 0, form),
            extras: item_views(inst, &inst.unscored_items, "extra", inst.items.len() as u32, form),
        }
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
