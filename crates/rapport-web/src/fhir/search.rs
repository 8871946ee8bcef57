//! FHIR search parameters: each type accepts a known list (anything else is
//! a 400 naming it, so a filter the server would ignore never returns more
//! than was asked for), `_count` and `_offset` page, and date parameters take
//! the `eq`, `ge`, `gt`, `le` and `lt` prefixes.

use super::wire::{fhir_json, FhirResult, Outcome};
use axum::http::StatusCode;
use axum::response::Response;
use rapport_core::Timestamp;
use serde_json::{json, Value};

/// Page size when `_count` is not given, and the largest allowed.
pub const DEFAULT_COUNT: usize = 20;
pub const MAX_COUNT: usize = 100;

pub struct Params {
    filters: Vec<(String, String)>,
    pub count: usize,
    pub offset: usize,
}

/// One page of a search: where it starts, how many it holds at most, how
/// many match in all, and the filters to repeat in the paging links.
pub struct Page {
    pub count: usize,
    pub offset: usize,
    pub total: usize,
    filters: Vec<(String, String)>,
}

impl Page {
    pub fn query_without_paging(&self) -> Vec<(String, String)> {
        self.filters.clone()
    }
}

impl Params {
    /// Reads the query string; `allowed` are the type's search parameters.
    pub fn parse(query: Option<&str>, allowed: &[&str]) -> FhirResult<Params> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query.unwrap_or(""))
            .map_err(|_| Outcome::bad("query", "The query string cannot be read."))?;
        let mut p = Params { filters: Vec::new(), count: DEFAULT_COUNT, offset: 0 };
        for (k, v) in pairs {
            match k.as_str() {
                "_count" => {
                    p.count = v.parse::<usize>().ok().filter(|n| *n <= MAX_COUNT).ok_or_else(|| {
                        Outcome::bad("_count", format!("_count must be a whole number from 0 to {MAX_COUNT}"))
                    })?;
                }
                "_offset" => {
                    p.offset = v.parse().map_err(|_| Outcome::bad("_offset", "_offset must be a whole number"))?;
                }
                // Only JSON is served; asking for it by name is fine.
                "_format" => {
                    if !matches!(v.as_str(), "json" | "application/json" | "application/fhir+json") {
                        return Err(Outcome::new(
                            StatusCode::NOT_ACCEPTABLE,
                            "not-supported",
                            "Only JSON is served (_format=json).",
                        ));
                    }
                }
                // Kept with the filters so the paging links carry it; applied by `bundle`.
                "_elements" => {
                    Elements::parse(&v)?;
                    p.filters.push((k, v));
                }
                _ if allowed.contains(&k.as_str()) => p.filters.push((k, v)),
                _ => {
                    return Err(Outcome::bad(
                        &k,
                        format!("The search parameter {k:?} is not supported here; supported: {}", allowed.join(", ")),
                    ))
                }
            }
        }
        Ok(p)
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.filters.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    pub fn all(&self, name: &str) -> Vec<&str> {
        self.filters.iter().filter(|(k, _)| k == name).map(|(_, v)| v.as_str()).collect()
    }

    /// The `_elements` lists given (each applies).
    pub fn elements(&self) -> Vec<Elements> {
        self.all("_elements").into_iter().filter_map(|v| Elements::parse(v).ok()).collect()
    }

    pub fn page(&self, total: usize) -> Page {
        Page { count: self.count, offset: self.offset, total, filters: self.filters.clone() }
    }

    /// The requested page of everything that matched.
    pub fn window<T>(&self, all: Vec<T>) -> (Vec<T>, Page) {
        let page = self.page(all.len());
        let items = all.into_iter().skip(self.offset).take(self.count).collect();
        (items, page)
    }

    /// The date conditions of parameter `name` (every one must hold).
    pub fn dates(&self, name: &str) -> FhirResult<Vec<DateCondition>> {
        self.all(name).into_iter().map(|v| DateCondition::parse(name, v)).collect()
    }

    /// Whether the search asks to `_include` the `wanted` reference
    /// (`Observation:patient`, or with its `target` type: `Observation:patient:Patient`);
    /// any other `_include` is a 400 naming it.
    pub fn includes(&self, wanted: &str, target: &str) -> FhirResult<bool> {
        let given = self.all("_include");
        let typed = format!("{wanted}:{target}");
        if let Some(v) = given.iter().find(|v| **v != wanted && **v != typed) {
            return Err(Outcome::bad("_include", format!("_include here can only be {wanted}; got {v:?}")));
        }
        Ok(!given.is_empty())
    }

    /// The patient a search is about: `patient` or `subject`, as `Patient/{id}`,
    /// a full URL ending so, or the bare id.
    pub fn patient(&self) -> FhirResult<Option<String>> {
        let given: Vec<(&str, &str)> =
            ["patient", "subject"].into_iter().flat_map(|n| self.all(n).into_iter().map(move |v| (n, v))).collect();
        match given.as_slice() {
            [] => Ok(None),
            [(name, v)] => patient_id(v).map(Some).ok_or_else(|| {
                Outcome::bad(name, format!("{name} must be a Patient reference, e.g. Patient/<id>; got {v:?}"))
            }),
            _ => Err(Outcome::bad("patient", "Give one patient (patient or subject), once.")),
        }
    }
}

fn patient_id(v: &str) -> Option<String> {
    let id = match v.rsplit_once("Patient/") {
        Some((_, id)) => id,
        None if !v.contains('/') => v,
        None => return None,
    };
    (!id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')).then(|| id.to_string())
}

/// One date condition: `ge2026-03-01`, `lt2026-03-02T10:00:00Z`, `2026-03-01` (eq).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateCondition {
    prefix: Prefix,
    /// The value's interval: a day, or one instant.
    start: Timestamp,
    end: Timestamp,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Prefix {
    Eq,
    Ge,
    Gt,
    Le,
    Lt,
}

impl DateCondition {
    pub fn parse(name: &str, v: &str) -> FhirResult<DateCondition> {
        let (prefix, rest) = match v.get(..2) {
            Some("eq") => (Prefix::Eq, &v[2..]),
            Some("ge") => (Prefix::Ge, &v[2..]),
            Some("gt") => (Prefix::Gt, &v[2..]),
            Some("le") => (Prefix::Le, &v[2..]),
            Some("lt") => (Prefix::Lt, &v[2..]),
            _ => (Prefix::Eq, v),
        };
        let bad = || {
            Outcome::bad(
                name,
                format!("{name} must be a date (2026-03-01) or a date and time with its zone (2026-03-01T10:00:00Z), optionally after eq, ge, gt, le or lt; got {v:?}"),
            )
        };
        let (start, end) = if rest.len() == 10 {
            let d = rapport_core::time::parse_date(rest).ok_or_else(bad)?;
            let start = Timestamp::from_datetime(d.midnight().assume_utc());
            (start, start.plus(time::Duration::days(1)))
        } else {
            let t = Timestamp::parse(rest).filter(|_| rest.contains('T')).ok_or_else(bad)?;
            (t, t.plus(time::Duration::microseconds(1)))
        };
        Ok(DateCondition { prefix, start, end })
    }

    pub fn holds(&self, t: Timestamp) -> bool {
        match self.prefix {
            Prefix::Eq => t >= self.start && t < self.end,
            Prefix::Ge => t >= self.start,
            Prefix::Gt => t >= self.end,
            Prefix::Le => t < self.end,
            Prefix::Lt => t < self.start,
        }
    }
}

/// Whether `t` meets every condition.
pub fn all_hold(conditions: &[DateCondition], t: Timestamp) -> bool {
    conditions.iter().all(|c| c.holds(t))
}

/// A `searchset` Bundle of one page: `total` counts every match, `next`
/// links to the following page while there is one.
pub fn bundle(base: &str, kind: &str, page: &Page, entries: Vec<Value>) -> Response {
    bundle_including(base, kind, page, entries, Vec::new())
}

/// As [`bundle`], followed by the resources `_include` asked for (each once,
/// `search.mode` include; they do not count in `total`).
pub fn bundle_including(base: &str, kind: &str, page: &Page, entries: Vec<Value>, included: Vec<Value>) -> Response {
    let link = |offset: usize| {
        let mut q = page.query_without_paging();
        q.push(("_count".into(), page.count.to_string()));
        q.push(("_offset".into(), offset.to_string()));
        let qs = serde_urlencoded::to_string(&q).unwrap_or_default();
        format!("{base}/{kind}?{qs}")
    };
    let mut links = vec![json!({ "relation": "self", "url": link(page.offset) })];
    if page.offset + entries.len() < page.total && page.count > 0 {
        links.push(json!({ "relation": "next", "url": link(page.offset + page.count) }));
    }
    let full_url =
        |r: &Value| format!("{base}/{}/{}", r["resourceType"].as_str().unwrap_or(kind), r["id"].as_str().unwrap_or(""));
    let mut seen = std::collections::HashSet::new();
    // `_elements` subsets the matches (the included resources stay whole).
    let elements: Vec<Elements> =
        page.filters.iter().filter(|(k, _)| k == "_elements").filter_map(|(_, v)| Elements::parse(v).ok()).collect();
    let matches = entries.into_iter().map(|mut r| {
        for e in &elements {
            e.subset(&mut r);
        }
        (r, "match")
    });
    let includes = included.into_iter().map(|r| (r, "include"));
    let entry: Vec<Value> = matches
        .chain(includes)
        .filter(|(r, _)| seen.insert(full_url(r)))
        .map(|(r, mode)| json!({ "fullUrl": full_url(&r), "resource": r, "search": { "mode": mode } }))
        .collect();
    let mut b = json!({
        "resourceType": "Bundle",
        "type": "searchset",
        "total": page.total,
        "link": links,
    });
    if !entry.is_empty() {
        b["entry"] = Value::Array(entry);
    }
    fhir_json(StatusCode::OK, &b)
}

/// The `meta.tag` a resource trimmed by `_elements` carries.
pub const SUBSETTED: &str = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";

/// An `_elements` list: element names (`code`), or type-qualified
/// (`Observation.code`: only for that type).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Elements(Vec<(Option<String>, String)>);

impl Elements {
    pub fn parse(v: &str) -> FhirResult<Elements> {
        let name_ok = |n: &str| {
            n.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) && n.chars().all(|c| c.is_ascii_alphanumeric())
        };
        let mut out = Vec::new();
        for part in v.split(',').map(str::trim) {
            let (kind, name) = match part.split_once('.') {
                Some((k, n)) => (Some(k.to_string()), n),
                None => (None, part),
            };
            if !name_ok(name) || kind.as_deref().is_some_and(|k| !name_ok(k)) {
                return Err(Outcome::bad(
                    "_elements",
                    format!(
                        "_elements is a comma-separated list of element names (code, Observation.code); got {part:?}"
                    ),
                ));
            }
            out.push((kind, name.to_string()));
        }
        Ok(Elements(out))
    }

    /// Both lists.
    pub fn and(mut self, other: Elements) -> Elements {
        self.0.extend(other.0);
        self
    }

    /// The element names that apply to type `kind`.
    fn names_for<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0.iter().filter(move |(k, _)| k.as_deref().is_none_or(|k| k == kind)).map(|(_, n)| n.as_str())
    }

    /// Keeps the listed elements of `r`, and those every resource of its type
    /// must have (`id`, `meta`, and the type's mandatory elements, so the
    /// result stays valid), and tags it SUBSETTED. A list naming nothing of
    /// this type leaves it whole.
    pub fn subset(&self, r: &mut Value) {
        let kind = r["resourceType"].as_str().unwrap_or("").to_string();
        let wanted: Vec<&str> = self.names_for(&kind).collect();
        if wanted.is_empty() {
            return;
        }
        let Some(obj) = r.as_object_mut() else { return };
        let keep = |k: &str| {
            ["resourceType", "id", "meta", "implicitRules", "modifierExtension"].contains(&k)
                || mandatory(&kind).contains(&k)
                || wanted.contains(&k)
                // A choice element (`value`) names each of its types (`valueQuantity`).
                || wanted.iter().any(|w| k.strip_prefix(w).is_some_and(|rest| rest.starts_with(char::is_uppercase)))
        };
        obj.retain(|k, _| keep(k));
        let meta = obj.entry("meta").or_insert_with(|| json!({}));
        let tag = json!({ "system": SUBSETTED, "code": "SUBSETTED", "display": "subsetted" });
        match meta.get_mut("tag").and_then(Value::as_array_mut) {
            Some(tags) => tags.push(tag),
            None => meta["tag"] = json!([tag]),
        }
    }
}

/// The elements of each served type with a minimum cardinality of one (R4).
fn mandatory(kind: &str) -> &'static [&'static str] {
    match kind {
        "Observation" => &["status", "code"],
        "QuestionnaireResponse" | "Questionnaire" => &["status"],
        "Flag" => &["status", "code", "subject"],
        "RiskAssessment" => &["status", "subject"],
        "EpisodeOfCare" => &["status", "patient"],
        "Encounter" => &["status", "class"],
        "Condition" => &["subject"],
        "CarePlan" => &["status", "intent", "subject"],
        "Goal" => &["lifecycleStatus", "description", "subject"],
        "Group" => &["type", "actual"],
        "AuditEvent" => &["type", "recorded", "agent", "source"],
        "CodeSystem" => &["status", "content"],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_prefixes_cover_the_day_or_the_instant() {
        let t = Timestamp::parse("2026-03-01T10:00:00Z").unwrap();
        let holds = |v: &str| DateCondition::parse("date", v).unwrap().holds(t);
        assert!(holds("2026-03-01") && holds("ge2026-03-01") && holds("le2026-03-01"));
        assert!(!holds("gt2026-03-01") && !holds("lt2026-03-01") && !holds("2026-03-02"));
        assert!(holds("ge2026-03-01T10:00:00Z") && !holds("gt2026-03-01T10:00:00Z"));
        assert!(DateCondition::parse("date", "2026-3-1").is_err());
        assert!(DateCondition::parse("date", "xx2026-03-01").is_err());
    }

    #[test]
    fn elements_keep_what_was_asked_and_what_is_mandatory() {
        let mut o = json!({ "resourceType": "Observation", "id": "x", "meta": { "versionId": "1" }, "status": "final",
            "code": { "text": "t" }, "subject": { "reference": "Patient/p" }, "valueQuantity": { "value": 3 },
            "derivedFrom": [] });
        Elements::parse("Observation.value,Patient.name").unwrap().subset(&mut o);
        let mut keys: Vec<&str> = o.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(keys, ["code", "id", "meta", "resourceType", "status", "valueQuantity"]);
        assert_eq!(o["meta"]["tag"][0]["code"], "SUBSETTED");
        let mut p = json!({ "resourceType": "Patient", "id": "p", "name": [], "birthDate": "1990" });
        Elements::parse("Observation.code").unwrap().subset(&mut p);
        assert!(p.get("birthDate").is_some() && p.get("meta").is_none(), "nothing of this type named: whole");
        assert!(
            Elements::parse("code,").is_err() && Elements::parse("a.b.c").is_err() && Elements::parse("x-y").is_err()
        );
    }

    #[test]
    fn unknown_parameters_are_refused_and_patients_read() {
        assert!(Params::parse(Some("foo=1"), &["code"]).is_err());
        assert!(Params::parse(Some("_count=101"), &[]).is_err());
        let p = Params::parse(Some("subject=Patient/abc-1&_count=5"), &["subject", "patient"]).unwrap();
        assert_eq!((p.patient().unwrap().as_deref(), p.count), (Some("abc-1"), 5));
        let p = Params::parse(Some("patient=http://x/fhir/r4/Patient/abc"), &["patient"]).unwrap();
        assert_eq!(p.patient().unwrap().as_deref(), Some("abc"));
        let p = Params::parse(Some("patient=Group/abc"), &["patient"]).unwrap();
        assert!(p.patient().is_err());
    }
}
