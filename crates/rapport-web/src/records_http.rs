//! Versioned clinical records (`rapport_store::records`) over HTTP, shared by
//! the timeline, worksheet and care-context pages and their API: loading a
//! record by id through its client's access check, auditing reads, and the
//! JSON shapes of a stored record and its history.

use crate::course_extract::{CoursePost, CourseWrite};
use crate::error::{ApiResult, AppError, AppResult};
use crate::html::form::Pairs;
use crate::html::FormErrors;
use axum::extract::rejection::QueryRejection;
use axum::extract::Path;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Json;
use rapport_app::access::course::CourseContext;
use rapport_app::access::Purpose;
use rapport_app::caller::Identity;
use rapport_app::records::{self, ClientKind};
use rapport_app::AppState;
use rapport_core::records::RecordBody;
use rapport_core::{Id, ValidationErrors};
use rapport_store::records::{Record, RecordVersion};
use serde::Serialize;
use std::future::Future;
use utoipa::ToSchema;

/// Converts between a core record body and its API twin, which have the same
/// fields (the API type adds the schema and refuses unknown fields). A field
/// added to one and not the other fails here, in the tests of every route.
pub fn convert<A: Serialize, B: serde::de::DeserializeOwned>(a: A) -> Result<B, AppError> {
    let v = serde_json::to_value(a).map_err(AppError::internal)?;
    serde_json::from_value(v).map_err(|e| AppError::internal(format!("API type out of step with the record body: {e}")))
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
    crate::api::body::parse(&bytes)
}

// ---------------------------------------------------------------- API handlers shared by client-level kinds

/// A client-level record kind served by the JSON API (list, create, read
/// with history, replace, remove): its use cases are `rapport_app::records`;
/// this adds the JSON twin that carries the schema. `api_record_routes!`
/// writes the five route functions (each its own OpenAPI entry) over the
/// handlers below.
pub trait ApiRecord: ClientKind {
    /// The API twin of the body (same fields, plus the schema).
    type Json: Serialize + serde::de::DeserializeOwned + Send;

    fn to_json(self) -> Result<Self::Json, AppError> {
        convert(self)
    }

    fn from_json(j: Self::Json) -> Result<Self, AppError> {
        convert(j)
    }
}

/// Where API changes come from, in the audit detail.
const VIA_API: &str = "via API";

pub async fn api_list<T: ApiRecord>(
    state: AppState,
    me: Identity,
    client_id: String,
) -> ApiResult<Json<Vec<Stored<T::Json>>>> {
    let items = records::list::<T>(&state, &me, &client_id, VIA_API).await?;
    let out: Result<Vec<_>, AppError> = items.into_iter().map(|r| Stored::of(r, T::to_json)).collect();
    Ok(Json(out?))
}

pub async fn api_create<T: ApiRecord>(
    state: AppState,
    me: Identity,
    client_id: String,
    body: T::Json,
) -> ApiResult<(StatusCode, Json<Stored<T::Json>>)> {
    let rec = records::create(&state, &me, &client_id, T::from_json(body)?, VIA_API).await?;
    Ok((StatusCode::CREATED, Json(Stored::of(rec, T::to_json)?)))
}

pub async fn api_get<T: ApiRecord>(state: AppState, me: Identity, id: String) -> ApiResult<Json<Stored<T::Json>>> {
    let (rec, history) = records::read::<T>(&state, &me, &id).await?;
    Ok(Json(Stored::of(rec, T::to_json)?.with_history(history, T::to_json)?))
}

pub async fn api_update<T: ApiRecord>(
    state: AppState,
    me: Identity,
    id: String,
    body: serde_json::Value,
) -> ApiResult<Json<Stored<T::Json>>> {
    let (rec, _) = records::open::<T>(&state, &me, &id, Purpose::Write).await?;
    let (version, fields) = split_version::<T::Json>(body, true)?;
    let rec = records::update(&state, &me, &rec, version.unwrap_or_default(), T::from_json(fields)?, VIA_API).await?;
    Ok(Json(Stored::of(rec, T::to_json)?))
}

pub async fn api_remove<T: ApiRecord>(
    state: AppState,
    me: Identity,
    id: String,
    params: Result<Query<RemoveParams>, QueryRejection>,
) -> ApiResult<StatusCode> {
    let Query(p) = params.map_err(crate::api::params::bad_query)?;
    records::remove::<T>(&state, &me, &id, p.version, VIA_API).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The five API routes of a client-level kind (`ApiRecord`): each a concrete
/// function with its own OpenAPI entry (path, tag, summary from its doc
/// comment), answering through `api_list` .. `api_remove`. The calling module
/// imports `Stored`, `Versioned`, `RemoveParams`, `ErrorBody`, the kind and its
/// JSON twin.
macro_rules! api_record_routes {
    (
        $kind:ident as $json:ident, tag $tag:tt, list $coll:tt, item $item:tt ($item_id:tt);
        $(#[doc = $ld:tt])* list: $list:ident;
        $(#[doc = $cd:tt])* create: $create:ident;
        $(#[doc = $gd:tt])* get: $get:ident;
        $(#[doc = $ud:tt])* update: $update:ident;
        $(#[doc = $rd:tt])* remove: $remove:ident;
    ) => {
        $(#[doc = $ld])*
        #[utoipa::path(get, path = $coll, tag = $tag, params(("id" = String, Path, description = "Client id")),
            responses((status = 200, body = [Stored<$json>]), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
        pub async fn $list(
            axum::extract::State(state): axum::extract::State<rapport_app::AppState>,
            $crate::identity::ApiCaller(me): $crate::identity::ApiCaller,
            axum::extract::Path(id): axum::extract::Path<String>,
        ) -> $crate::error::ApiResult<axum::Json<Vec<Stored<$json>>>> {
            $crate::records_http::api_list::<$kind>(state, me, id).await
        }

        $(#[doc = $cd])*
        #[utoipa::path(post, path = $coll, tag = $tag, params(("id" = String, Path, description = "Client id")),
            request_body = $json,
            responses((status = 201, body = Stored<$json>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
                      (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
        pub async fn $create(
            axum::extract::State(state): axum::extract::State<rapport_app::AppState>,
            $crate::identity::ApiCaller(me): $crate::identity::ApiCaller,
            axum::extract::Path(id): axum::extract::Path<String>,
            $crate::api::body::ApiJson(body): $crate::api::body::ApiJson<$json>,
        ) -> $crate::error::ApiResult<(axum::http::StatusCode, axum::Json<Stored<$json>>)> {
            $crate::records_http::api_create::<$kind>(state, me, id, body).await
        }

        $(#[doc = $gd])*
        #[utoipa::path(get, path = $item, tag = $tag, params(("id" = String, Path, description = $item_id)),
            responses((status = 200, body = Stored<$json>), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
        pub async fn $get(
            axum::extract::State(state): axum::extract::State<rapport_app::AppState>,
            $crate::identity::ApiCaller(me): $crate::identity::ApiCaller,
            axum::extract::Path(id): axum::extract::Path<String>,
        ) -> $crate::error::ApiResult<axum::Json<Stored<$json>>> {
            $crate::records_http::api_get::<$kind>(state, me, id).await
        }

        $(#[doc = $ud])*
        #[utoipa::path(put, path = $item, tag = $tag, params(("id" = String, Path, description = $item_id)),
            request_body = Versioned<$json>,
            responses((status = 200, body = Stored<$json>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
                      (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
        pub async fn $update(
            axum::extract::State(state): axum::extract::State<rapport_app::AppState>,
            $crate::identity::ApiCaller(me): $crate::identity::ApiCaller,
            axum::extract::Path(id): axum::extract::Path<String>,
            $crate::api::body::ApiJson(body): $crate::api::body::ApiJson<serde_json::Value>,
        ) -> $crate::error::ApiResult<axum::Json<Stored<$json>>> {
            $crate::records_http::api_update::<$kind>(state, me, id, body).await
        }

        $(#[doc = $rd])*
        #[utoipa::path(delete, path = $item, tag = $tag,
            params(("id" = String, Path, description = $item_id), RemoveParams),
            responses((status = 204), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
        pub async fn $remove(
            axum::extract::State(state): axum::extract::State<rapport_app::AppState>,
            $crate::identity::ApiCaller(me): $crate::identity::ApiCaller,
            axum::extract::Path(id): axum::extract::Path<String>,
            params: Result<axum::extract::Query<RemoveParams>, axum::extract::rejection::QueryRejection>,
        ) -> $crate::error::ApiResult<axum::http::StatusCode> {
            $crate::records_http::api_remove::<$kind>(state, me, id, params).await
        }
    };
}
pub(crate) use api_record_routes;

/// `?version=` of a removal.
#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RemoveParams {
    /// The version being removed; when given, 409 if the record changed since.
    #[param(minimum = 1)]
    pub version: Option<i64>,
}

// ---------------------------------------------------------------- pages

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
            at: rapport_app::clock::show(v.changed_at),
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
            at: rapport_app::clock::show(r.updated_at),
            fields: r.body.describe(),
        }
    }
}

impl ConflictView {
    /// The banner over a form whose record someone else changed meanwhile
    /// (`what`: " to this event", " here").
    pub fn message(&self, what: &str) -> String {
        format!(
            "{} saved a change{what} at {} while you were editing. Your version is in the form; theirs is shown beside it. Saving again replaces theirs.",
            self.by, self.at
        )
    }
}

/// Checks a record typed in a form (`errors`: those found reading the form):
/// the valid record, or every error to show.
pub async fn check_form<T: ClientKind>(
    state: &AppState,
    client: &Id,
    raw: T,
    mut errors: ValidationErrors,
) -> Result<Result<T, ValidationErrors>, AppError> {
    match raw.check(state, client).await {
        Ok(v) if errors.is_empty() => Ok(Ok(v)),
        Ok(_) => Ok(Err(errors)),
        Err(rapport_app::Error::Invalid(v)) => {
            errors.0.extend(v.0);
            Ok(Err(errors))
        }
        Err(other) => Err(other.into()),
    }
}

/// A client-level kind edited from a course's pages: added from the page
/// that lists it, changed (every version kept, a change made meanwhile shown
/// beside the form) and removed on a page of its own. The kind declares its
/// form, URLs and the two pages; `page_add` .. `page_remove` are the handlers.
pub trait RecordPage: ClientKind + Describe + Clone + Sync {
    /// The form as typed (it keeps the version it started from).
    type Form: Send;
    /// The page that lists the kind, under `/courses/{id}/`.
    const PAGE: &'static str;
    /// `?done=` after adding, saving and removing.
    const ADDED: &'static str;
    const SAVED: &'static str;
    const REMOVED: &'static str;

    /// The fragment a record is shown at on the list page.
    fn anchor(id: &Id) -> String;
    /// The form as typed, the record it makes (not yet checked) and any errors reading it.
    fn read(p: &Pairs) -> (Self::Form, Self, ValidationErrors);
    /// The form showing a stored record.
    fn form_of(rec: &Record<Self>) -> Self::Form;
    fn set_version(form: &mut Self::Form, version: i64);
    /// The errors as the form names its fields.
    fn form_errors(e: ValidationErrors) -> FormErrors {
        FormErrors(e)
    }
    /// The list page, showing an add form that failed.
    fn list_page(
        state: &AppState,
        me: &Identity,
        cx: CourseContext,
        form: Self::Form,
        errors: FormErrors,
    ) -> impl Future<Output = AppResult<Html<String>>> + Send;
    /// The page of one record: its form, history and any conflict.
    fn item_page(
        state: &AppState,
        me: &Identity,
        cx: CourseContext,
        rec: Record<Self>,
        form: Self::Form,
        errors: FormErrors,
        conflict: Option<ConflictView>,
    ) -> impl Future<Output = AppResult<Html<String>>> + Send;
}

fn done_url<K: RecordPage>(cx: &CourseContext, done: &str, at: Option<&Id>) -> String {
    let anchor = at.map(|id| format!("#{}", K::anchor(id))).unwrap_or_default();
    format!("/courses/{}/{}?done={done}{anchor}", cx.course.id, K::PAGE)
}

/// POST `/courses/{id}/{PAGE}...`: adds a record of the course's client.
pub async fn page_add<K: RecordPage>(CoursePost { state, me, cx, form }: CoursePost) -> AppResult<Response> {
    let (form, raw, errors) = K::read(&form);
    let body = match check_form(&state, &cx.client.id, raw, errors).await? {
        Ok(b) => b,
        Err(e) => return Ok(crate::html::refused(K::list_page(&state, &me, cx, form, K::form_errors(e)).await?)),
    };
    let rec = records::add(&state, &me, &cx.client.id, &body, "").await?;
    Ok(Redirect::to(&done_url::<K>(&cx, K::ADDED, Some(&rec.id))).into_response())
}

/// GET the page of one record (its form and history).
pub async fn page_item<K: RecordPage>(
    CourseWrite { state, me, cx }: CourseWrite,
    Path((_, item)): Path<(String, String)>,
) -> AppResult<Html<String>> {
    let rec = records::of_course::<K>(&state, &me, &cx, &item, Purpose::AuditRead).await?;
    let form = K::form_of(&rec);
    K::item_page(&state, &me, cx, rec, form, FormErrors::default(), None).await
}

/// POST a change to one record; a change saved meanwhile is shown beside the form.
pub async fn page_save<K: RecordPage>(
    Path((_, item)): Path<(String, String)>,
    CoursePost { state, me, cx, form: p }: CoursePost,
) -> AppResult<Response> {
    let rec = records::of_course::<K>(&state, &me, &cx, &item, Purpose::Write).await?;
    let version = p.required_version()?;
    let (mut form, raw, errors) = K::read(&p);
    let body = match check_form(&state, &cx.client.id, raw, errors).await? {
        Ok(b) => b,
        Err(e) => {
            return Ok(crate::html::refused(K::item_page(&state, &me, cx, rec, form, K::form_errors(e), None).await?))
        }
    };
    match records::save(&state, &me, &rec, version, &body, "").await {
        Ok(_) => Ok(Redirect::to(&done_url::<K>(&cx, K::SAVED, Some(&rec.id))).into_response()),
        Err(rapport_app::Error::Conflict(_)) => {
            // Show both versions; a second save (now from the current version) replaces theirs.
            K::set_version(&mut form, rec.version);
            let conflict = Some(ConflictView::of(&rec));
            Ok(crate::html::conflicted(
                K::item_page(&state, &me, cx, rec, form, FormErrors::default(), conflict).await?,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// POST `.../remove`: removes one record (its history is kept).
pub async fn page_remove<K: RecordPage>(
    Path((_, item)): Path<(String, String)>,
    CoursePost { state, me, cx, form }: CoursePost,
) -> AppResult<Response> {
    let rec = records::of_course::<K>(&state, &me, &cx, &item, Purpose::Write).await?;
    records::discard(&state, &me, &rec, form.removal_version()?, "").await?;
    Ok(Redirect::to(&done_url::<K>(&cx, K::REMOVED, None)).into_response())
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
