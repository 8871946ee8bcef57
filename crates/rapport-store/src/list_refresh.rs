//! Keeping the viewers' caseload lists (decision 58; the reading side is
//! `caseload_lists`). Like `card_refresh`, it works through a transaction
//! only (no `Store`), so the audit append can call it without an import circle.

use sqlx::{Any, Transaction};

/// Who may list each client with an id from `$1` to `$2`: (viewer, client).
const VIEWERS_OF_RANGE: &str = "SELECT t.user_id AS viewer_id, t.client_id FROM care_team t \
     WHERE t.client_id >= $1 AND t.client_id <= $2 \
     UNION SELECT s.supervisor_id AS viewer_id, t.client_id FROM care_team t \
     JOIN supervision_reach s ON s.clinician_id = t.user_id WHERE t.client_id >= $1 AND t.client_id <= $2";

/// The risk flags of client `c` not closed.
const UNCLOSED: &str = "(SELECT COUNT(*) FROM risk_flags f WHERE f.client_id = c.id AND f.status <> 'closed')";

/// A list row `l` whose viewer no longer reaches its client.
const UNREACHED: &str = "NOT EXISTS (SELECT 1 FROM care_team t WHERE t.client_id = caseload_lists.client_id \
     AND (t.user_id = caseload_lists.viewer_id OR EXISTS (SELECT 1 FROM supervision_reach s \
     WHERE s.supervisor_id = caseload_lists.viewer_id AND s.clinician_id = t.user_id)))";

/// Brings the list rows of the clients with ids from `first` to `last` in
/// line with their care teams, supervision and cards (run after the cards
/// are refreshed, in the same transaction).
pub(crate) async fn refresh_clients(
    tx: &mut Transaction<'static, Any>,
    first: &str,
    last: &str,
) -> std::result::Result<(), sqlx::Error> {
    static UPSERT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let upsert = UPSERT.get_or_init(|| {
        format!(
            "INSERT INTO caseload_lists (viewer_id, client_id, status, sort_name, clinician_id, card_version, \
             unclosed_flags) SELECT v.viewer_id, c.id, c.status, c.sort_name, c.responsible_clinician_id, k.version, \
             {UNCLOSED} \
             FROM ({VIEWERS_OF_RANGE}) v JOIN clients c ON c.id = v.client_id \
             JOIN caseload_cards k ON k.client_id = c.id WHERE c.id >= $1 AND c.id <= $2 \
             ON CONFLICT (viewer_id, client_id) DO UPDATE SET unclosed_flags = excluded.unclosed_flags, \
             stale = CASE WHEN caseload_lists.card_version = excluded.card_version THEN caseload_lists.stale ELSE 1 END, \
             card_version = excluded.card_version WHERE caseload_lists.card_version <> excluded.card_version \
             OR caseload_lists.unclosed_flags <> excluded.unclosed_flags"
        )
    });
    // Apart from the upsert, and only where they changed: SQLite rewrites an
    // index entry for every column a statement sets, changed or not, and
    // these three are in every index (measured: setting them on every
    // refresh made an upsert about four times dearer).
    const IDENTITY: &str = "UPDATE caseload_lists SET status = c.status, sort_name = c.sort_name, \
         clinician_id = c.responsible_clinician_id FROM clients c WHERE c.id = caseload_lists.client_id \
         AND caseload_lists.client_id >= $1 AND caseload_lists.client_id <= $2 AND (caseload_lists.status <> c.status \
         OR caseload_lists.sort_name <> c.sort_name OR caseload_lists.clinician_id <> c.responsible_clinician_id)";
    static DELETE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let delete = DELETE.get_or_init(|| {
        format!("DELETE FROM caseload_lists WHERE client_id >= $1 AND client_id <= $2 AND {UNREACHED}")
    });
    sqlx::query(delete).bind(first).bind(last).execute(&mut **tx).await?;
    sqlx::query(upsert).bind(first).bind(last).execute(&mut **tx).await?;
    sqlx::query(IDENTITY).bind(first).bind(last).execute(&mut **tx).await?;
    Ok(())
}

/// Brings the whole lists of `viewers` in line with what they reach (after
/// supervision changed). Rows added are stale: the viewer's next page works
/// out their needs.
pub(crate) async fn refresh_viewers(
    tx: &mut Transaction<'static, Any>,
    viewers: &std::collections::BTreeSet<String>,
) -> std::result::Result<(), sqlx::Error> {
    if !viewers.is_empty() {
        take_writers_turn(tx).await?;
    }
    for viewer in viewers {
        sqlx::query(&format!("DELETE FROM caseload_lists WHERE viewer_id = $1 AND {UNREACHED}"))
            .bind(viewer.as_str())
            .execute(&mut **tx)
            .await?;
        sqlx::query(&format!(
            "INSERT INTO caseload_lists (viewer_id, client_id, status, sort_name, clinician_id, card_version, \
             unclosed_flags) SELECT $1, c.id, c.status, c.sort_name, c.responsible_clinician_id, k.version, {UNCLOSED} \
             FROM clients c JOIN caseload_cards k ON k.client_id = c.id WHERE c.id IN (SELECT t.client_id \
             FROM care_team t WHERE t.user_id = $1 OR t.user_id IN (SELECT s.clinician_id FROM supervision_reach s \
             WHERE s.supervisor_id = $1)) ON CONFLICT (viewer_id, client_id) DO NOTHING"
        ))
        .bind(viewer.as_str())
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Takes the lock every write's audit append takes (the audit head row),
/// first: a transaction that changes the lists outside an append (a needs
/// save, a change of supervision, a rebuild, another configuration) then
/// never holds list rows or their counts (`caseload_list_counts`, kept by
/// triggers, migration 0051) that an append's refresh waits for while it
/// waits for the append, which on PostgreSQL would be a deadlock. On SQLite
/// the one writer serialises them anyway.
pub(crate) async fn take_writers_turn(tx: &mut Transaction<'static, Any>) -> std::result::Result<(), sqlx::Error> {
    sqlx::query("UPDATE audit_head SET last_seq = last_seq WHERE id = 1").execute(&mut **tx).await?;
    Ok(())
}
