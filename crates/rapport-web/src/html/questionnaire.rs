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
pub fn item_views(
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

/// The scored items (`item_N`) and the unscored ones (`extra_N`) of `inst`,
/// with the answers in `form` checked.
pub fn questionnaire(inst: &Instrument, form: &HashMap<String, String>) -> (Vec<ItemView>, Vec<ItemView>) {
    (
        item_views(inst, &inst.items, "item", 0, form),
        item_views(inst, &inst.unscored_items, "extra", inst.items.len() as u32, form),
    )
}
