//! Versioned clinical records (`rapport_store::records`) over HTTP, shared by
//! the timeline, worksheet and care-context pages and their API: loading a
//! record by id through its client's access check, auditing reads, and the
//! JSON shapes of a stored record and its history.

use crate::error::AppError;
use rapport_app::access::records::{audit_read, change_event, client_record_for};
use rapport_app::access::{client_for, Purpose};
use rapport_app::caller::Identity;
use rapport_app::AppState;
use rapport_core::audit::action;
use rapport_core::records::RecordBody;
use rapport_core::Id;
use rapport_store::records::{Record, RecordVersion};
use serde::Serialize;
use utoipa::ToSchema;

/// Converts between a core record body and its API twin, which have the same
/// fields (the API type adds the schema and refuses unknown fields). A field
/// added to one and not the other fails here, in the tests of every route.
pub fn convert<A: Serialize, B: serde::de::DeserializeOwned>(a: A) -> Result<B, AppError> {
    let v = serde_json::to_value(a).map_err(AppError::internal)?;
    serde_json::from_value(v).map_err(|e| AppError::internal(format!("API type out of step with the record body: {e}")))
}

/// The hidden `version` field of a page form: the version the writer started
/// from, a whole number of at least 0 (0: nothing stored yet). Missing or not
/// a number is refused (422 naming `version`) rather than skipping the
/// stale-edit check.
pub fn required_version(v: &str) -> Result<i64, AppError> {
    v.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| *n >= 0)
        .ok_or_else(|| AppError::invalid("version", "The form has no valid version (reload the page and try again)"))
}

/// A stored record as the API returns it: identity and version, then the body's fields.
#[derive(Serialize, ToSchema)]
pub struct Stored<F> {
    pub id: String,
    pub client_id: String,
    /// The course, for course-level records (worksheets).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub course_id: Option<String>,
    /// Send it back when changing the record; a stale one is refused with 409.
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
    pub updated_by: String,
    #[serde(flatten)]
    pub body: F,
    /// Every version, newest first (single-record reads only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history: Option<Vec<Version<F>>>,
}

/// The body of a change (PUT): the version it starts from, then every field.
#[derive(Serialize, ToSchema)]
pub struct Versioned<F> {
    /// The version the change starts from (409 if the record changed since).
    #[schema(minimum = 1)]
    pub version: i64,
    #[serde(flatten)]
    pub fields: F,
}

/// One version in a record's history.
#[derive(Serialize, ToSchema)]
pub struct Version<F> {
    pub version: i64,
    /// `created`, `updated` or `removed`
    pub change: String,
    pub changed_by: String,
    pub changed_at: String,
    #[serde(flatten)]
    pub body: F,
}

impl<F> Stored<F> {
    pub fn of<T: RecordBody>(r: Record<T>, map: impl Fn(T) -> Result<F, AppError>) -> Result<Stored<F>, AppError> {
        Ok(Stored {
            id: r.id.to_string(),
            client_id: r.client_id.to_string(),
            course_id: r.course_id.map(|c| c.to_string()),
            version: r.version,
            created_at: r.created_at.to_db(),
            updated_at: r.updated_at.to_db(),
            updated_by: r.updated_by_name,
            body: map(r.body)?,
            history: None,
        })
    }

    pub fn with_history<T: RecordBody>(
        mut self,
        history: Vec<RecordVersion<T>>,
        map: impl Fn(T) -> Result<F, AppError>,
    ) -> Result<Stored<F>, AppError> {
        let mut out = Vec::with_capacity(history.len());
        for v in history {
            out.push(Version {
                version: v.version,
                change: v.change,
                changed_by: v.changed_by_name,
                changed_at: v.changed_at.to_db(),
                body: map(v.body)?,
            });
        }
        self.history = Some(out);
        Ok(self)
    }
}

/// Splits the integer `version` out of a JSON object body (from `ApiJson<Value>`)
/// and parses the rest as `F` (unknown fields refused, the field at fault named).
pub fn split_version<F: serde::de::DeserializeOwned>(
    body: serde_json::Value,
    required: bool,
) -> Result<(Option<i64>, F), AppError> {
    let (version, rest) = take_field(body, "version");
    let version = match version {
        None | Some(serde_json::Value::Null) if required => {
            return Err(AppError::invalid("version", "Send the version you started from (see GET)"))
        }
        None | Some(serde_json::Value::Null) => None,
        Some(v) => Some(v.as_i64().ok_or_else(|| AppError::BadRequest {
            code: "invalid_json",
            message: "version: expected a whole number".into(),
            field: Some("version".into()),
        })?),
    };
    Ok((version, parse_value(rest)?))
}

/// Removes `field` from a JSON object: (its value, the rest).
pub fn take_field(mut body: serde_json::Value, field: &str) -> (Option<serde_json::Value>, serde_json::Value) {
    let taken = body.as_object_mut().and_then(|o| o.remove(field));
    (taken, body)
}

/// Parses a JSON value as `F` with the API's strict rules and error messages.
pub fn parse_value<F: serde::de::DeserializeOwned>(v: serde_json::Value) -> Result<F, AppError> {
    let bytes = serde_json::to_vec(&v).map_err(AppError::internal)?;
    crate::api::parse_body(&bytes)
}

// ---------------------------------------------------------------- API handlers shared by client-level kinds

/// A client-level record kind served by the JSON API (list, create, read
/// with history, replace, remove). Route functions stay concrete so each has
/// its own OpenAPI entry; they call these.
pub trait ApiRecord: RecordBody {
    /// The API twin of the body (same fields, plus the schema).
    type Json: Serialize + serde::de::DeserializeOwned + Send;

    /// Validates for `client`, including links to its other records.
    fn check(self, state: &AppState, client: &Id) -> impl std::future::Future<Output = Result<Self, AppError>> + Send;

    fn to_json(self) -> Result<Self::Json, AppError> {
        convert(self)
    }

    fn from_json(j: Self::Json) -> Result<Self, AppError> {
        convert(j)
    }

    /// The order lists are returned in (default: oldest first).
    fn order(_items: &mut [Record<Self>]) {}
}

pub async fn api_list<T: ApiRecord>(
    state: &AppState,
    me: &Identity,
    client_id: &str,
) -> Result<Vec<Stored<T::Json>>, AppError> {
    let (client, _) = client_for(state, me, client_id, Purpose::AuditRead).await?;
    let mut items = state.store.client_records::<T>(&client.id).await?;
    T::order(&mut items);
    audit_read(state, me, T::KIND, &client.id, None, format!("{} via API", items.len())).await?;
    items.into_iter().map(|r| Stored::of(r, T::to_json)).collect()
}

pub async fn api_create<T: ApiRecord>(
    state: &AppState,
    me: &Identity,
    client_id: &str,
    body: T::Json,
) -> Result<Stored<T::Json>, AppError> {
    let (client, _) = client_for(state, me, client_id, Purpose::Write).await?;
    let body = T::from_json(body)?.check(state, &client.id).await?;
    let at = rapport_store::records::Placement { client_id: client.id.clone(), ..Default::default() };
    let ev = change_event::<T>(me, action::RECORD_CREATE, "via API".into());
    let rec = state.store.create_record(&at, &body, &me.user.id, ev).await?;
    Stored::of(rec, T::to_json)
}

pub async fn api_get<T: ApiRecord>(state: &AppState, me: &Identity, id: &str) -> Result<Stored<T::Json>, AppError> {
    let (rec, _) = client_record_for::<T>(state, me, id, Purpose::AuditRead).await?;
    let history = state.store.record_history::<T>(&rec.id).await?;
    Stored::of(rec, T::to_json)?.with_history(history, T::to_json)
}

pub async fn api_update<T: ApiRecord>(
    state: &AppState,
    me: &Identity,
    id: &str,
    body: serde_json::Value,
) -> Result<Stored<T::Json>, AppError> {
    let (rec, client) = client_record_for::<T>(state, me, id, Purpose::Write).await?;
    let (version, fields) = split_version::<T::Json>(body, true)?;
    let body = T::from_json(fields)?.check(state, &client.id).await?;
    let ev = change_event::<T>(me, action::RECORD_UPDATE, "via API".into());
    let rec = state.store.update_record(&rec.id, version.unwrap_or_default(), &body, &me.user.id, ev).await?;
    Stored::of(rec, T::to_json)
}

pub async fn api_remove<T: ApiRecord>(
    state: &AppState,
    me: &Identity,
    id: &str,
    version: Option<i64>,
) -> Result<(), AppError> {
    let (rec, _) = client_record_for::<T>(state, me, id, Purpose::Write).await?;
    let ev = change_event::<T>(me, action::RECORD_REMOVE, "via API".into());
    state.store.remove_record::<T>(&rec.id, version.unwrap_or(rec.version), &me.user.id, ev).await?;
    Ok(())
}

/// `?version=` of a removal.
#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RemoveParams {
    /// The version being removed; when given, 409 if the record changed since.
    #[param(minimum = 1)]
    pub version: Option<i64>,
}

// ---------------------------------------------------------------- pages

/// A submitted form as name/value pairs (repeated names and dynamic rows allowed).
#[derive(Debug, Default, Clone)]
pub struct Pairs(pub Vec<(String, String)>);

impl Pairs {
    /// The first value of `name`, or "".
    pub fn get(&self, name: &str) -> &str {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or("")
    }

    /// `Some(trimmed)` or None when blank.
    pub fn opt(&self, name: &str) -> Option<String> {
        Some(self.get(name).trim()).filter(|v| !v.is_empty()).map(str::to_string)
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.0.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect()
    }

    /// A checkbox: present and not "false".
    pub fn checked(&self, name: &str) -> bool {
        self.0.iter().any(|(k, v)| k == name && v != "false")
    }

    /// One entry per line of a textarea.
    pub fn lines(&self, name: &str) -> Vec<String> {
        self.get(name).lines().map(str::to_string).collect()
    }

    /// The hidden `version` field.
    pub fn version(&self) -> Option<i64> {
        self.get("version").trim().parse().ok()
    }

    /// The hidden `version` field, required (see `required_version`).
    pub fn required_version(&self) -> Result<i64, AppError> {
        required_version(self.get("version"))
    }

    /// A number chosen from a list; text that is not one is an error on `field`.
    pub fn number(&self, e: &mut rapport_core::ValidationErrors, field: &str, label: &str) -> Option<i64> {
        let v = self.get(field).trim();
        if v.is_empty() {
            return None;
        }
        v.parse().map_err(|_| e.add(field, format!("{label} must be a whole number"))).ok()
    }
}

/// A record's body as label/value pairs, for read-only views and history.
pub trait Describe {
    fn describe(&self) -> Vec<(&'static str, String)>;
}

/// One version of a record as shown in its history.
pub struct HistoryRow {
    pub version: i64,
    /// "Created", "Changed" or "Removed".
    pub change: &'static str,
    pub by: String,
    pub at: String,
    pub fields: Vec<(&'static str, String)>,
}

pub fn history_rows<T: RecordBody + Describe>(history: &[RecordVersion<T>]) -> Vec<HistoryRow> {
    history
        .iter()
        .map(|v| HistoryRow {
            version: v.version,
            change: match v.change.as_str() {
                "created" => "Created",
                "removed" => "Removed",
                _ => "Changed",
            },
            by: v.changed_by_name.clone(),
            at: v.changed_at.display(),
            fields: v.body.describe(),
        })
        .collect()
}

/// The version another person saved while this form was being edited.
pub struct ConflictView {
    pub version: i64,
    pub by: String,
    pub at: String,
    pub fields: Vec<(&'static str, String)>,
}

impl ConflictView {
    pub fn of<T: RecordBody + Describe>(r: &Record<T>) -> ConflictView {
        ConflictView {
            version: r.version,
            by: r.updated_by_name.clone(),
            at: r.updated_at.display(),
            fields: r.body.describe(),
        }
    }
}

/// `label, label` of optional parts, skipping blanks.
pub fn join_some(parts: &[Option<&str>], sep: &str) -> String {
    parts.iter().flatten().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(sep)
}

// ---------------------------------------------------------------- OpenAPI

/// utoipa renders `#[serde(deny_unknown_fields)]` as `additionalProperties:
/// false`, which makes an `allOf` of such a schema and another (a record's
/// fields flattened next to `id` and `version`, or a worksheet's next to
/// `kind`) impossible to satisfy. This opens the schemas that are combined;
/// unknown fields are still refused when a body is parsed.
pub struct OpenCombined;

impl utoipa::Modify for OpenCombined {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{RefOr, Schema};
        let Some(components) = doc.components.as_mut() else { return };
        let mut named = std::collections::BTreeSet::new();
        for s in components.schemas.values_mut() {
            if let RefOr::T(s) = s {
                open(s, false, &mut named);
            }
        }
        for name in named {
            if let Some(RefOr::T(Schema::Object(o))) = components.schemas.get_mut(&name) {
                o.additional_properties = None;
            }
        }
    }
}

fn open(s: &mut utoipa::openapi::Schema, in_all_of: bool, named: &mut std::collections::BTreeSet<String>) {
    use utoipa::openapi::{RefOr, Schema};
    let mut visit = |r: &mut RefOr<Schema>, in_all_of: bool| match r {
        RefOr::Ref(x) if in_all_of => {
            named.insert(x.ref_location.rsplit('/').next().unwrap_or_default().to_string());
        }
        RefOr::T(s) => open(s, in_all_of, named),
        RefOr::Ref(_) => {}
    };
    match s {
        Schema::AllOf(a) => a.items.iter_mut().for_each(|i| visit(i, true)),
        Schema::OneOf(o) => o.items.iter_mut().for_each(|i| visit(i, in_all_of)),
        Schema::Object(o) if in_all_of => o.additional_properties = None,
        _ => {}
    }
}
