//! The audit log: a page of entries with filters, and the CSV export.

use crate::error::{AppError, AppResult};
use crate::html::render;
use crate::i18n::msg;
use crate::identity::SignedIn;
use crate::ui::Layout;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use rapport_app::admin::audit::{self as use_case, AuditParams};
use rapport_app::AppState;
use rapport_core::audit::{action, AuditEntry};
use rapport_store::users::User;

/// The filter as a query string, for the next page (`before`) and the CSV link.
fn query(p: &AuditParams, before: Option<i64>) -> String {
    serde_urlencoded::to_string(p.pairs(before)).unwrap_or_default()
}

#[derive(Template)]
#[template(path = "admin_audit.html")]
struct AuditPage {
    layout: Layout,
    p: AuditParams,
    entries: Vec<AuditEntry>,
    users: Vec<User>,
    actions: &'static [&'static str],
    next: Option<String>,
    csv: String,
}

pub async fn page(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Query(p): Query<AuditParams>,
) -> AppResult<Response> {
    let page = use_case::browse(&state, &me, &p).await?;
    let mut layout = Layout::new(&state, &me, crate::i18n::current().t("admin-audit-title"), "admin-audit").await?;
    if let Some(e) = page.error {
        layout = layout.with_error(AppError::from(e).message());
    }
    let next = page.next_before.map(|before| query(&p, Some(before)));
    let csv = query(&p, None);
    let (entries, users) = (page.entries, page.users);
    Ok(render(&AuditPage { layout, p, entries, users, actions: action::ALL, next, csv })?.into_response())
}

/// The filtered log as CSV (up to 100,000 entries, newest first).
pub async fn csv(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Query(p): Query<AuditParams>,
) -> AppResult<Response> {
    let (entries, checkpoint) = use_case::export_csv(&state, &me, &p).await?;
    let mut response = (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"rapport-audit.csv\""),
        ],
        audit_csv_text(&crate::i18n::current(), &entries).map_err(AppError::internal)?,
    )
        .into_response();
    // The head after this export, signed: kept with the file, it anchors the
    // chain's tail like a line of the checkpoints file (docs/operations.md).
    if let Some(c) = checkpoint {
        let value = header::HeaderValue::from_str(&c.to_json()).map_err(AppError::internal)?;
        response.headers_mut().insert(AUDIT_CHECKPOINT_HEADER, value);
    }
    Ok(response)
}

/// Response header of the audit CSV export: a signed checkpoint (one JSON line).
const AUDIT_CHECKPOINT_HEADER: &str = "x-rapport-audit-checkpoint";

/// The export's column headers, in the requester's language (the columns stay in this order).
const AUDIT_CSV_COLUMNS: [&str; 14] = [
    msg("export-audit-seq"),
    msg("export-audit-time-utc"),
    msg("export-audit-actor-id"),
    msg("export-audit-actor"),
    msg("export-audit-action"),
    msg("export-audit-resource-type"),
    msg("export-audit-resource-id"),
    msg("export-audit-client-id"),
    msg("export-audit-ip"),
    msg("export-audit-user-agent"),
    msg("export-audit-outcome"),
    msg("export-audit-detail"),
    msg("export-audit-prev-hash"),
    msg("export-audit-hash"),
];

fn audit_csv_text(tr: &crate::i18n::Tr, entries: &[AuditEntry]) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(AUDIT_CSV_COLUMNS.map(|id| tr.t(id)))?;
    for e in entries {
        let v = &e.event;
        let o = |s: &Option<String>| s.clone().unwrap_or_default();
        // Cells starting with = + - @ are prefixed so spreadsheets never run them as formulas.
        let safe = |s: String| if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s };
        w.write_record([
            e.seq.to_string(),
            e.at.to_db(),
            o(&v.actor_id),
            safe(v.actor_label.clone()),
            v.action.clone(),
            v.resource_type.clone(),
            o(&v.resource_id),
            o(&v.client_id),
            o(&v.ip),
            safe(o(&v.user_agent)),
            v.outcome.clone(),
            safe(o(&v.detail)),
            e.prev_hash.clone(),
            e.hash.clone(),
        ])?;
    }
    String::from_utf8(w.into_inner().map_err(|e| e.into_error())?)
        .map_err(|e| csv::Error::from(std::io::Error::other(e)))
}
