//! The audit log for administrators: browsing it page by page, and exporting
//! it (CSV with a signed checkpoint of the chain's head, or JSON through the API).
//! Every export is itself audited.

use crate::access::require_admin;
use crate::caller::Identity;
use crate::{AppResult, AppState, Error};
use rapport_core::audit::{action, AuditEntry};
use rapport_core::checkpoint::Checkpoint;
use rapport_core::msg;
use rapport_core::Timestamp;
use rapport_store::users::User;
use rapport_store::AuditFilter;
use serde::Deserialize;

/// Entries on one page of the log.
pub const PAGE: i64 = 100;
/// Entries in one CSV export at most (newest first).
pub const CSV_LIMIT: i64 = 100_000;

/// The log's filter as the administrator typed it (dates as YYYY-MM-DD).
#[derive(Deserialize, Default, Clone, Debug)]
pub struct AuditParams {
    #[serde(default)]
    pub client_id: String,
    #[serde(default)]
    pub actor_id: String,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub before: String,
}

impl AuditParams {
    /// Builds the store filter; bad dates are reported, not ignored.
    pub fn filter(&self, limit: i64) -> Result<AuditFilter, Error> {
        let date = |field: &str, s: &str| -> Result<Option<Timestamp>, Error> {
            if s.trim().is_empty() {
                return Ok(None);
            }
            rapport_core::time::parse_date(s.trim())
                .map(|d| Some(Timestamp::from_datetime(d.midnight().assume_utc())))
                .ok_or_else(|| Error::keyed(field, msg("app-audit-date"), vec![("field", field.into())]))
        };
        let opt = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        let before = match self.before.trim() {
            "" => None,
            s => Some(s.parse::<i64>().map_err(|_| Error::keyed("before", msg("app-audit-before"), vec![]))?),
        };
        Ok(AuditFilter {
            client_id: opt(&self.client_id),
            actor_id: opt(&self.actor_id),
            action: opt(&self.action),
            outcome: opt(&self.outcome),
            from: date("from", &self.from)?,
            until: date("to", &self.to)?.map(|t| t.plus(time::Duration::days(1))),
            before_seq: before,
            limit,
        })
    }

    /// The filter as query pairs, with `before` set to `before` (none: left out),
    /// for the next page's and the CSV export's links.
    pub fn pairs(&self, before: Option<i64>) -> Vec<(&'static str, String)> {
        let mut pairs = vec![
            ("client_id", self.client_id.clone()),
            ("actor_id", self.actor_id.clone()),
            ("action", self.action.clone()),
            ("outcome", self.outcome.clone()),
            ("from", self.from.clone()),
            ("to", self.to.clone()),
        ];
        if let Some(b) = before {
            pairs.push(("before", b.to_string()));
        }
        pairs
    }
}

/// One page of the log.
#[derive(Debug)]
pub struct Browse {
    pub entries: Vec<AuditEntry>,
    /// The `before` of the next page, when there is one.
    pub next_before: Option<i64>,
    /// The filter could not be read (the page shows this and no entries).
    pub error: Option<Error>,
    /// Everyone, to name actors in the filter.
    pub users: Vec<User>,
}

#[crate::boxing::boxed_future]
pub async fn browse(state: &AppState, me: &Identity, p: &AuditParams) -> AppResult<Browse> {
    require_admin(state, me, "audit").await?;
    let (mut entries, error) = match p.filter(PAGE + 1) {
        Ok(f) => (state.store.audit_entries(&f).await?, None),
        Err(e) => (Vec::new(), Some(e)),
    };
    let next_before = (entries.len() as i64 > PAGE).then(|| {
        entries.truncate(PAGE as usize);
        entries.last().map(|e| e.seq).unwrap_or(0)
    });
    let users = state.store.users().await?;
    Ok(Browse { entries, next_before, error, users })
}

/// Reads the entries and records the export.
async fn export(state: &AppState, me: &Identity, filter: &AuditFilter, via: &str) -> AppResult<Vec<AuditEntry>> {
    let entries = state.store.audit_entries(filter).await?;
    let mut e = me.event(action::AUDIT_EXPORT, "audit_log");
    e.detail = Some(format!("{} entries{via}", entries.len()));
    state.store.audit(e).await?;
    Ok(entries)
}

/// The filtered log for the CSV file (up to `CSV_LIMIT` entries, newest first),
/// with the signed head after this export when a checkpoint key is set: kept
/// with the file, it anchors the chain's tail like a line of the checkpoints
/// file (docs/operations.md).
#[crate::boxing::boxed_future]
pub async fn export_csv(
    state: &AppState,
    me: &Identity,
    p: &AuditParams,
) -> AppResult<(Vec<AuditEntry>, Option<Checkpoint>)> {
    require_admin(state, me, "audit").await?;
    let entries = export(state, me, &p.filter(CSV_LIMIT)?, "").await?;
    let checkpoint = match &state.config.audit_checkpoint_key {
        Some(key) => Some(state.store.audit_checkpoint(key).await?),
        None => None,
    };
    Ok((entries, checkpoint))
}

/// Entries for the API: `filter` with `limit` (1-1000, default 100) entries.
#[crate::boxing::boxed_future]
pub async fn export_api(
    state: &AppState,
    me: &Identity,
    filter: AuditFilter,
    limit: Option<i64>,
) -> AppResult<Vec<AuditEntry>> {
    require_admin(state, me, "audit").await?;
    let limit = limit.unwrap_or(100);
    if !(1..=1000).contains(&limit) {
        return Err(Error::keyed("limit", msg("app-audit-limit"), vec![]));
    }
    export(state, me, &AuditFilter { limit, ..filter }, " via API").await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_reads_dates_and_paging_and_names_bad_fields() {
        let p = AuditParams {
            action: " client.read ".into(),
            from: "2026-03-01".into(),
            to: "2026-03-02".into(),
            before: "42".into(),
            ..Default::default()
        };
        let f = p.filter(PAGE).unwrap();
        assert_eq!(f.action.as_deref(), Some("client.read"));
        assert_eq!(f.client_id, None);
        assert_eq!(f.before_seq, Some(42));
        assert_eq!(f.until.unwrap().since(f.from.unwrap()), time::Duration::days(2), "`to` is inclusive");
        let bad = AuditParams { from: "March".into(), ..Default::default() };
        assert!(matches!(bad.filter(PAGE), Err(Error::Invalid(e)) if e.for_field("from").is_some()));
        let bad = AuditParams { before: "x".into(), ..Default::default() };
        assert!(matches!(bad.filter(PAGE), Err(Error::Invalid(e)) if e.for_field("before").is_some()));
    }

    #[test]
    fn pairs_keep_the_filter_and_set_before_only_when_asked() {
        let p = AuditParams { outcome: "denied".into(), before: "7".into(), ..Default::default() };
        let names: Vec<&str> = p.pairs(None).iter().map(|(k, _)| *k).collect();
        assert_eq!(names, ["client_id", "actor_id", "action", "outcome", "from", "to"]);
        assert_eq!(p.pairs(Some(3)).last(), Some(&("before", "3".to_string())));
    }
}
