//! The instrument library: every definition this site offers, as JSON.

use crate::error::ErrorBody;
use crate::identity::ApiCaller;
use axum::extract::State;
use axum::Json;
use rapport_app::AppState;
use rapport_core::measures::definition::Instrument;
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct OptionJson {
    /// What `answers` carries for this option.
    pub code: i64,
    /// The option's score before any reverse scoring of the item.
    pub score: i64,
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loinc: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ItemJson {
    pub number: u32,
    pub id: String,
    /// Item text, or a neutral placeholder ("EPDS item 10") for licensed instruments.
    pub text: String,
    pub reverse: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loinc: Option<String>,
    pub options: Vec<OptionJson>,
}

#[derive(Serialize, ToSchema)]
pub struct BandJson {
    pub id: String,
    pub label: String,
    pub min: i64,
    pub max: i64,
}

#[derive(Serialize, ToSchema)]
pub struct BandSetJson {
    pub id: String,
    pub bands: Vec<BandJson>,
}

#[derive(Serialize, ToSchema)]
pub struct RiskItemJson {
    pub item: u32,
    pub min_score: i64,
    pub rule: String,
    pub label: String,
}

#[derive(Serialize, ToSchema)]
pub struct LicenceJson {
    /// `F` (text shipped) or `L` (structure and scoring only).
    pub class: String,
    pub terms: String,
    pub citation: String,
}

/// An instrument definition (see docs/measures.md).
#[derive(Serialize, ToSchema)]
pub struct InstrumentJson {
    pub id: String,
    pub version: String,
    pub name: String,
    pub short_name: String,
    /// `self_report` or `clinician`.
    pub administration: String,
    pub recall: String,
    pub instructions: Option<String>,
    pub text_placeholder: bool,
    pub licence: LicenceJson,
    #[schema(value_type = Object)]
    pub loinc: Value,
    /// `higher_is_worse` or `higher_is_better`.
    pub direction: String,
    /// The scored items, in the order of a response's `answers`.
    pub items: Vec<ItemJson>,
    /// Stored, never added to the total (PHQ-9 difficulty).
    pub unscored_items: Vec<ItemJson>,
    /// Scoring rule: `{"rule": "sum"|"sum_of_domains", "multiplier", "domains"?}`.
    #[schema(value_type = Object)]
    pub scoring: Value,
    /// Missing-item rule: `{"rule": "withhold"|"prorate", "max_missing"}`.
    #[schema(value_type = Object)]
    pub missing: Value,
    pub range_min: i64,
    pub range_max: i64,
    pub band_sets: Vec<BandSetJson>,
    pub default_band_set: String,
    #[schema(value_type = Vec<Object>)]
    pub thresholds: Value,
    pub risk_items: Vec<RiskItemJson>,
    #[schema(value_type = Option<Object>)]
    pub caseness: Value,
    #[schema(value_type = Option<Object>)]
    pub remission: Value,
    /// `{"method": "jacobson_truax", "sd", "reliability", "source"}` or `{"method": "points", "points", "source"}`.
    #[schema(value_type = Option<Object>)]
    pub reliable_change: Value,
    #[schema(value_type = Vec<Object>)]
    pub subscales: Value,
    pub follow_up: Option<String>,
}

fn to_value<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

fn str_of<T: Serialize>(v: &T) -> String {
    to_value(v).as_str().unwrap_or_default().to_string()
}

impl From<&Instrument> for InstrumentJson {
    fn from(i: &Instrument) -> Self {
        let items = |list: &[rapport_core::measures::definition::Item]| {
            list.iter()
                .map(|it| ItemJson {
                    number: it.number,
                    id: it.id.clone(),
                    text: it.text.clone(),
                    reverse: it.reverse,
                    loinc: it.loinc.clone(),
                    options: i
                        .options_for(it)
                        .iter()
                        .map(|o| OptionJson {
                            code: o.code,
                            score: o.score,
                            label: o.label.clone(),
                            loinc: o.loinc.clone(),
                        })
                        .collect(),
                })
                .collect()
        };
        InstrumentJson {
            id: i.id.clone(),
            version: i.version.clone(),
            name: i.name.clone(),
            short_name: i.short_name.clone(),
            administration: str_of(&i.administration),
            recall: i.recall.clone(),
            instructions: i.instructions.clone(),
            text_placeholder: i.text_placeholder,
            licence: LicenceJson {
                class: str_of(&i.licence.class),
                terms: i.licence.terms.clone(),
                citation: i.licence.citation.clone(),
            },
            loinc: to_value(&i.loinc),
            direction: str_of(&i.direction),
            items: items(&i.items),
            unscored_items: items(&i.unscored_items),
            scoring: to_value(&i.scoring),
            missing: to_value(&i.missing),
            range_min: i.range.min,
            range_max: i.range.max,
            band_sets: i
                .band_sets
                .iter()
                .map(|s| BandSetJson {
                    id: s.id.clone(),
                    bands: s
                        .bands
                        .iter()
                        .map(|b| BandJson { id: b.id.clone(), label: b.label.clone(), min: b.min, max: b.max })
                        .collect(),
                })
                .collect(),
            default_band_set: i.default_band_set.clone(),
            thresholds: to_value(&i.thresholds),
            risk_items: i
                .risk_items
                .iter()
                .map(|r| RiskItemJson {
                    item: r.item,
                    min_score: r.min_score,
                    rule: r.rule.clone(),
                    label: r.label.clone(),
                })
                .collect(),
            caseness: to_value(&i.caseness),
            remission: to_value(&i.remission),
            reliable_change: to_value(&i.reliable_change),
            subscales: to_value(&i.subscales),
            follow_up: i.follow_up.clone(),
        }
    }
}

/// The instruments this site offers (shipped and site definitions).
#[utoipa::path(get, path = "/api/v1/instruments", tag = "measures",
    responses((status = 200, body = [InstrumentJson]), (status = 401, body = ErrorBody)))]
pub async fn list_instruments(State(state): State<AppState>, ApiCaller(_me): ApiCaller) -> Json<Vec<InstrumentJson>> {
    Json(state.instruments.all().map(InstrumentJson::from).collect())
}
