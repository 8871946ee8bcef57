//! Refreshing the caseload cards (decision 46; the reading side is
//! `caseload_cards`): the statement that computes a client's card from its
//! records, and the hook the audit append calls for the clients a write's
//! entries name. Like `outcome_rows`, it works through a transaction only
//! (no `Store`), so the audit append can call it without an import circle.

use crate::outcome_rows::Touched;
use rapport_core::audit::AuditEvent;
use sqlx::{Any, Transaction};
use std::collections::BTreeSet;

/// Errors are the driver's: the callers turn them into `StoreError`.
type Result<T> = std::result::Result<T, sqlx::Error>;

/// Between a card's fields.
pub(crate) const FIELD: char = '\u{1f}';
/// Between cards in a caseload read.
pub(crate) const CARD: char = '\u{1e}';
/// Between the scores of a card.
pub(crate) const SCORE: char = '\u{1d}';
/// Between the parts of one score.
pub(crate) const PART: char = '\u{1c}';

/// The facts' layout is read by [`card`]; a release that changes it adds a
/// migration setting `caseload_card_model.built = 0`, so that the cards are
/// rebuilt in the new layout when the store opens.
///
/// Computes the cards of the clients with ids from `$1` to `$2` from their
/// records and stores them. Every field is an id, a date, a number, the
/// schedule's JSON (which escapes control characters) or typed text cleared
/// of separators, so none holds one. The open course is the most recently started planned or active
/// one (as on the client's page); scores are complete ones, oldest first; diary moods are the
/// newest `check_in::CARD_MOODS`, newest first, as `day:mood` (migration 0046 added them).
fn refresh_sql() -> String {
    let f = FIELD;
    format!(
        "INSERT INTO caseload_cards (client_id, status, sort_name, facts) \
         SELECT c.id, c.status, c.sort_name, \
         c.responsible_clinician_id || '{f}' || COALESCE(oc.id, '') || '{f}' || COALESCE(oc.protocol_id, '') \
         || '{f}' || COALESCE(oc.start_date, '') || '{f}' || COALESCE(CAST(oc.planned_sessions AS TEXT), '') || '{f}' \
         || COALESCE((SELECT string_agg(s.session_date, ',' ORDER BY s.session_date) FROM therapy_sessions s \
            WHERE s.course_id = oc.id AND s.attendance = 'attended' AND s.engagement = 0), '') || '{f}' \
         || CASE WHEN EXISTS (SELECT 1 FROM risk_flags rf WHERE rf.client_id = c.id AND rf.status <> 'closed') \
            THEN '1' ELSE '0' END || '{f}' \
         || CASE WHEN EXISTS (SELECT 1 FROM measure_responses m WHERE m.client_id = c.id \
            AND m.flags LIKE '%\"risk_item_unanswered\"%' AND NOT EXISTS (SELECT 1 FROM measure_responses later \
            WHERE later.client_id = m.client_id AND later.instrument_id = m.instrument_id \
            AND later.completed_at > m.completed_at)) THEN '1' ELSE '0' END || '{f}' \
         || COALESCE((SELECT string_agg(m.instrument_id || '{p}' || COALESCE(m.course_id, '') || '{p}' \
            || m.completed_at || '{p}' || CAST(m.total AS TEXT), '{s}' ORDER BY m.completed_at, m.created_at, m.id) \
            FROM measure_responses m WHERE m.client_id = c.id AND m.total IS NOT NULL), '') || '{f}' \
         || COALESCE((SELECT r.body FROM clinical_records r WHERE r.course_id = oc.id AND r.kind = 'measure_schedule' \
            AND r.removed_at IS NULL ORDER BY r.created_at DESC, r.id DESC LIMIT 1), '') || '{f}' \
         || COALESCE((SELECT string_agg(d.entry_date || ':' || CAST(d.mood AS TEXT), ',' \
            ORDER BY d.entry_date DESC, d.created_at DESC, d.id DESC) FROM (SELECT e.entry_date, e.mood, e.created_at, e.id \
            FROM diary_entries e WHERE e.client_id = c.id AND e.mood IS NOT NULL \
            ORDER BY e.entry_date DESC, e.created_at DESC, e.id DESC LIMIT {moods}) d), '') || '{f}' \
         || c.updated_at || '{f}' || COALESCE(c.date_of_birth, '') || '{f}' || {pronouns} || '{f}' || {name} \
         FROM clients c LEFT JOIN courses oc ON oc.client_id = c.id AND oc.status IN ('planned', 'active') \
         AND NOT EXISTS (SELECT 1 FROM courses later WHERE later.client_id = c.id \
         AND later.status IN ('planned', 'active') AND (later.start_date > oc.start_date \
         OR (later.start_date = oc.start_date AND later.id > oc.id))) \
         WHERE c.id >= $1 AND c.id <= $2 \
         ON CONFLICT (client_id) DO UPDATE SET status = excluded.status, sort_name = excluded.sort_name, \
         version = CASE WHEN caseload_cards.facts = excluded.facts THEN caseload_cards.version \
         ELSE caseload_cards.version + 1 END, facts = excluded.facts",
        p = PART,
        s = SCORE,
        moods = rapport_core::check_in::CARD_MOODS,
        pronouns = without_separators("COALESCE(c.pronouns, '')"),
        name = without_separators("c.display_name"),
    )
}

/// `text` without the characters that separate fields and cards: typed text
/// cannot hold them (validation refuses control characters), but a record
/// from before that rule must not break the caseload.
pub(crate) fn without_separators(text: &str) -> String {
    format!("REPLACE(REPLACE({text}, '{FIELD}', ''), '{CARD}', '')")
}

fn refresh_statement() -> &'static str {
    static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SQL.get_or_init(refresh_sql)
}

/// Refreshes the cards of `clients` in `tx`.
pub(crate) async fn refresh(tx: &mut Transaction<'static, Any>, clients: &BTreeSet<String>) -> Result<()> {
    for c in clients {
        refresh_range(tx, c, c).await?;
    }
    Ok(())
}

/// Refreshes the cards of the clients with ids from `first` to `last`, and
/// their rows in the viewers' caseload lists; returns how many cards.
pub(crate) async fn refresh_range(tx: &mut Transaction<'static, Any>, first: &str, last: &str) -> Result<u64> {
    let cards = sqlx::query(refresh_statement()).bind(first).bind(last).execute(&mut **tx).await?.rows_affected();
    crate::list_refresh::refresh_clients(tx, first, last).await?;
    Ok(cards)
}

/// What the entries `events` say about the records they change (reads
/// change nothing and are left out), taken before they are appended.
pub(crate) fn changes(events: &[AuditEvent]) -> Vec<Touched> {
    events
        .iter()
        .filter(|e| !crate::outcome_rows::is_read(&e.action))
        .map(|e| Touched {
            action: e.action.clone(),
            client_id: e.client_id.clone(),
            resource_type: e.resource_type.clone(),
            resource_id: e.resource_id.clone(),
        })
        .collect()
}

/// Refreshes the cards of the clients that the changes concern. Called after
/// their entries are appended, under the audit head row's lock.
pub(crate) async fn refresh_touched(tx: &mut Transaction<'static, Any>, changes: &[Touched]) -> Result<()> {
    if changes.is_empty() {
        return Ok(());
    }
    let clients = crate::outcome_rows::clients_touched(tx, changes).await?;
    refresh(tx, &clients).await
}
