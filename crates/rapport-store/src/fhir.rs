//! SMART Backend Services clients, their access tokens and replay guard, and
//! Bulk Data export jobs (migration 0039), plus the keyset-paged reads an
//! export streams through: a few thousand rows at a time, never all of them.

use crate::clients::{client_from_row, CLIENT_COLUMNS};
use crate::measures::{response_from_row, ResponseRow, RESPONSE_COLUMNS};
use crate::row::Named;
use crate::{audit, opt_ts, ts, Result, Store};
use rapport_core::audit::AuditEvent;
use rapport_core::{Id, Timestamp};

use crate::clients::ClientRecord;

/// A registered machine client.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FhirClientRow {
    pub id: Id,
    pub name: String,
    /// The JWKS as the administrator pasted it.
    pub jwks: String,
    /// Scopes it may be granted, space-separated.
    pub scopes: String,
    pub created_at: Timestamp,
    pub disabled_at: Option<Timestamp>,
}

fn fhir_client_from_row(r: &sqlx::any::AnyRow) -> Result<FhirClientRow> {
    Ok(FhirClientRow {
        id: Id::from_db(r.col("id")?),
        name: r.col("name")?,
        jwks: r.col("jwks")?,
        scopes: r.col("scopes")?,
        created_at: ts(&r.col::<String>("created_at")?),
        disabled_at: opt_ts(r.col("disabled_at")?),
    })
}

const FHIR_CLIENT_COLUMNS: &str = "id, name, jwks, scopes, created_at, disabled_at";

/// Which records an export covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportScope {
    /// Only the members of this group (a Group-level export).
    pub group: Option<Id>,
    /// Only records changed at or after this (`_since`).
    pub since: Option<Timestamp>,
}

/// An export job as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BulkExportRow {
    pub id: Id,
    pub client_id: Id,
    pub level: String,
    pub group_id: Option<Id>,
    pub types: Vec<String>,
    pub since: Option<Timestamp>,
    pub request_url: String,
    pub status: String,
    pub progress: String,
    /// JSON array of `{type, file, count}`.
    pub outputs: String,
    pub error: Option<String>,
    pub transaction_time: Timestamp,
    pub created_at: Timestamp,
    pub finished_at: Option<Timestamp>,
    pub expires_at: Option<Timestamp>,
}

const EXPORT_COLUMNS: &str = "id, client_id, level, group_id, types, since, request_url, status, progress, outputs, \
     error, transaction_time, created_at, finished_at, expires_at";

fn export_from_row(r: &sqlx::any::AnyRow) -> Result<BulkExportRow> {
    let types: String = r.col("types")?;
    Ok(BulkExportRow {
        id: Id::from_db(r.col("id")?),
        client_id: Id::from_db(r.col("client_id")?),
        level: r.col("level")?,
        group_id: r.col::<Option<String>>("group_id")?.map(Id::from_db),
        types: types.split(',').filter(|t| !t.is_empty()).map(str::to_string).collect(),
        since: opt_ts(r.col("since")?),
        request_url: r.col("request_url")?,
        status: r.col("status")?,
        progress: r.col("progress")?,
        outputs: r.col("outputs")?,
        error: r.col("error")?,
        transaction_time: ts(&r.col::<String>("transaction_time")?),
        created_at: ts(&r.col::<String>("created_at")?),
        finished_at: opt_ts(r.col("finished_at")?),
        expires_at: opt_ts(r.col("expires_at")?),
    })
}

/// A new export job (status `running`).
pub struct NewBulkExport<'a> {
    pub client_id: &'a Id,
    pub level: &'a str,
    pub group_id: Option<&'a Id>,
    pub types: &'a [String],
    pub since: Option<Timestamp>,
    pub request_url: &'a str,
}

impl Store {
    // ---- Machine clients ------------------------------------------------

    #[crate::boxing::boxed_future]
    pub async fn create_fhir_client(
        &self,
        name: &str,
        jwks: &str,
        scopes: &str,
        created_by: Option<&Id>,
        event: AuditEvent,
    ) -> Result<FhirClientRow> {
        let id = Id::new();
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO fhir_clients (id, name, jwks, scopes, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id.as_str())
        .bind(name)
        .bind(jwks)
        .bind(scopes)
        .bind(created_by.map(|u| u.as_str().to_string()))
        .bind(now.to_db())
        .execute(&mut *tx)
        .await?;
        audit::commit(tx, event.on(&id), now).await?;
        Ok(FhirClientRow {
            id,
            name: name.into(),
            jwks: jwks.into(),
            scopes: scopes.into(),
            created_at: now,
            disabled_at: None,
        })
    }

    /// Every machine client, newest first.
    #[crate::boxing::boxed_future]
    pub async fn fhir_clients(&self) -> Result<Vec<FhirClientRow>> {
        let sql = format!("SELECT {FHIR_CLIENT_COLUMNS} FROM fhir_clients ORDER BY created_at DESC, id");
        let rows = sqlx::query(&sql).fetch_all(&self.read).await?;
        rows.iter().map(fhir_client_from_row).collect()
    }

    #[crate::boxing::boxed_future]
    pub async fn fhir_client(&self, id: &Id) -> Result<Option<FhirClientRow>> {
        let sql = format!("SELECT {FHIR_CLIENT_COLUMNS} FROM fhir_clients WHERE id = $1");
        let row = sqlx::query(&sql).bind(id.as_str()).fetch_optional(&self.read).await?;
        row.as_ref().map(fhir_client_from_row).transpose()
    }

    /// Disables a client and revokes its live tokens; false if it was already disabled or is unknown.
    #[crate::boxing::boxed_future]
    pub async fn disable_fhir_client(&self, id: &Id, event: AuditEvent) -> Result<bool> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query("UPDATE fhir_clients SET disabled_at = $1 WHERE id = $2 AND disabled_at IS NULL")
            .bind(now.to_db())
            .bind(id.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if changed == 0 {
            return Ok(false);
        }
        sqlx::query("DELETE FROM fhir_access_tokens WHERE client_id = $1").bind(id.as_str()).execute(&mut *tx).await?;
        audit::commit(tx, event.on(id), now).await?;
        Ok(true)
    }

    /// Records an assertion's `jti` until `expires_at`; false when the client
    /// used it before (a replay). Expired entries are forgotten first.
    #[crate::boxing::boxed_future]
    pub async fn accept_assertion_jti(&self, client: &Id, jti: &str, expires_at: Timestamp) -> Result<bool> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM fhir_client_jtis WHERE expires_at < $1").bind(now.to_db()).execute(&mut *tx).await?;
        let inserted = sqlx::query(
            "INSERT INTO fhir_client_jtis (client_id, jti, expires_at) VALUES ($1, $2, $3) \
             ON CONFLICT (client_id, jti) DO NOTHING",
        )
        .bind(client.as_str())
        .bind(jti)
        .bind(expires_at.to_db())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(inserted == 1)
    }

    /// Stores an issued access token (its hash), with the audit entry; expired tokens are dropped.
    #[crate::boxing::boxed_future]
    pub async fn store_fhir_token(
        &self,
        token_hash: &str,
        client: &Id,
        scopes: &str,
        expires_at: Timestamp,
        event: AuditEvent,
    ) -> Result<()> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM fhir_access_tokens WHERE expires_at < $1").bind(now.to_db()).execute(&mut *tx).await?;
        sqlx::query(
            "INSERT INTO fhir_access_tokens (token_hash, client_id, scopes, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(client.as_str())
        .bind(scopes)
        .bind(now.to_db())
        .bind(expires_at.to_db())
        .execute(&mut *tx)
        .await?;
        audit::commit(tx, event.on(client), now).await
    }

    /// The client and granted scopes of a live token (not expired, client not disabled).
    #[crate::boxing::boxed_future]
    pub async fn fhir_token(&self, token_hash: &str, now: Timestamp) -> Result<Option<(FhirClientRow, String)>> {
        let row = sqlx::query(
            "SELECT c.id, c.name, c.jwks, c.scopes AS allowed, c.created_at, c.disabled_at, t.scopes \
             FROM fhir_access_tokens t JOIN fhir_clients c ON c.id = t.client_id \
             WHERE t.token_hash = $1 AND t.expires_at > $2 AND c.disabled_at IS NULL",
        )
        .bind(token_hash)
        .bind(now.to_db())
        .fetch_optional(&self.read)
        .await?;
        row.map(|r| {
            let client = FhirClientRow {
                id: Id::from_db(r.col("id")?),
                name: r.col("name")?,
                jwks: r.col("jwks")?,
                scopes: r.col("allowed")?,
                created_at: ts(&r.col::<String>("created_at")?),
                disabled_at: None,
            };
            Ok((client, r.col("scopes")?))
        })
        .transpose()
    }

    // ---- Bulk exports ---------------------------------------------------

    /// Records a new running export, unless its client already has
    /// `max_running` exports running (then None, and nothing is written).
    #[crate::boxing::boxed_future]
    pub async fn create_bulk_export(
        &self,
        e: &NewBulkExport<'_>,
        max_running: i64,
        event: AuditEvent,
    ) -> Result<Option<BulkExportRow>> {
        let id = Id::new();
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let inserted = sqlx::query(
            "INSERT INTO bulk_exports (id, client_id, level, group_id, types, since, request_url, status, \
             transaction_time, created_at) SELECT $1, $2, $3, $4, $5, $6, $7, 'running', $8, $8 \
             WHERE (SELECT COUNT(*) FROM bulk_exports WHERE client_id = $2 AND status = 'running') < $9",
        )
        .bind(id.as_str())
        .bind(e.client_id.as_str())
        .bind(e.level)
        .bind(e.group_id.map(|g| g.as_str().to_string()))
        .bind(e.types.join(","))
        .bind(e.since.map(|t| t.to_db()))
        .bind(e.request_url)
        .bind(now.to_db())
        .bind(max_running)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if inserted == 0 {
            return Ok(None);
        }
        audit::commit(tx, event.on(&id), now).await?;
        Ok(Some(BulkExportRow {
            id,
            client_id: e.client_id.clone(),
            level: e.level.into(),
            group_id: e.group_id.cloned(),
            types: e.types.to_vec(),
            since: e.since,
            request_url: e.request_url.into(),
            status: "running".into(),
            progress: String::new(),
            outputs: "[]".into(),
            error: None,
            transaction_time: now,
            created_at: now,
            finished_at: None,
            expires_at: None,
        }))
    }

    #[crate::boxing::boxed_future]
    pub async fn bulk_export(&self, id: &Id) -> Result<Option<BulkExportRow>> {
        let sql = format!("SELECT {EXPORT_COLUMNS} FROM bulk_exports WHERE id = $1");
        let row = sqlx::query(&sql).bind(id.as_str()).fetch_optional(&self.read).await?;
        row.as_ref().map(export_from_row).transpose()
    }

    /// Notes how far a running export got; false when it is no longer running (cancelled).
    #[crate::boxing::boxed_future]
    pub async fn set_bulk_progress(&self, id: &Id, progress: &str) -> Result<bool> {
        let n = sqlx::query("UPDATE bulk_exports SET progress = $1 WHERE id = $2 AND status = 'running'")
            .bind(progress)
            .bind(id.as_str())
            .execute(&self.write)
            .await?
            .rows_affected();
        Ok(n == 1)
    }

    /// Ends a running export (`done` or `failed`), with the audit entry;
    /// false when it had been cancelled meanwhile.
    #[crate::boxing::boxed_future]
    pub async fn finish_bulk_export(
        &self,
        id: &Id,
        status: &str,
        outputs: &str,
        error: Option<&str>,
        expires_at: Timestamp,
        event: AuditEvent,
    ) -> Result<bool> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        let n = sqlx::query(
            "UPDATE bulk_exports SET status = $1, outputs = $2, error = $3, finished_at = $4, expires_at = $5, \
             progress = '' WHERE id = $6 AND status = 'running'",
        )
        .bind(status)
        .bind(outputs)
        .bind(error)
        .bind(now.to_db())
        .bind(expires_at.to_db())
        .bind(id.as_str())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Ok(false);
        }
        audit::commit(tx, event.on(id), now).await?;
        Ok(true)
    }

    /// Cancels (or, once finished, deletes) an export, with the audit entry.
    /// Its files are removed by the caller; the row is kept until it expires
    /// so that a poll after the cancel answers 404 rather than a new guess.
    #[crate::boxing::boxed_future]
    pub async fn cancel_bulk_export(&self, id: &Id, event: AuditEvent) -> Result<()> {
        let now = Timestamp::now();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE bulk_exports SET status = 'cancelled', outputs = '[]', progress = '', finished_at = $1, \
             expires_at = $1 WHERE id = $2",
        )
        .bind(now.to_db())
        .bind(id.as_str())
        .execute(&mut *tx)
        .await?;
        audit::commit(tx, event.on(id), now).await
    }

    /// Exports whose files are due for deletion (expired), and running
    /// exports a stopped server left behind (`running` and started before
    /// `orphaned_before`).
    #[crate::boxing::boxed_future]
    pub async fn stale_bulk_exports(&self, now: Timestamp, orphaned_before: Timestamp) -> Result<Vec<Id>> {
        let rows = sqlx::query(
            "SELECT id FROM bulk_exports WHERE (expires_at IS NOT NULL AND expires_at < $1) \
             OR (status = 'running' AND created_at < $2)",
        )
        .bind(now.to_db())
        .bind(orphaned_before.to_db())
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(|r| Ok(Id::from_db(r.col("id")?))).collect()
    }

    #[crate::boxing::boxed_future]
    pub async fn delete_bulk_export(&self, id: &Id) -> Result<()> {
        sqlx::query("DELETE FROM bulk_exports WHERE id = $1").bind(id.as_str()).execute(&self.write).await?;
        Ok(())
    }

    // ---- Keyset pages for exports ------------------------------------------

    /// Up to `limit` clients with ids after `after`, in id order.
    #[crate::boxing::boxed_future]
    pub async fn export_clients(&self, scope: &ExportScope, after: &str, limit: i64) -> Result<Vec<ClientRecord>> {
        let mut sql = format!(
            "SELECT {CLIENT_COLUMNS} FROM clients c JOIN users r ON r.id = c.responsible_clinician_id \
             WHERE c.id > $1 AND c.updated_at >= $2"
        );
        if scope.group.is_some() {
            sql.push_str(" AND c.id IN (SELECT m.client_id FROM group_members m WHERE m.group_id = $4)");
        }
        sql.push_str(" ORDER BY c.id LIMIT $3");
        let since = scope.since.map(|t| t.to_db()).unwrap_or_default();
        let mut q = sqlx::query(&sql).bind(after).bind(since).bind(limit);
        if let Some(g) = &scope.group {
            q = q.bind(g.as_str());
        }
        let rows = q.fetch_all(&self.read).await?;
        rows.iter().map(client_from_row).collect()
    }

    /// Up to `limit` questionnaire responses with ids after `after`, in id order.
    #[crate::boxing::boxed_future]
    pub async fn export_responses(&self, scope: &ExportScope, after: &str, limit: i64) -> Result<Vec<ResponseRow>> {
        let mut sql = format!("SELECT {RESPONSE_COLUMNS} FROM measure_responses WHERE id > $1 AND created_at >= $2");
        if scope.group.is_some() {
            sql.push_str(" AND client_id IN (SELECT m.client_id FROM group_members m WHERE m.group_id = $4)");
        }
        sql.push_str(" ORDER BY id LIMIT $3");
        let since = scope.since.map(|t| t.to_db()).unwrap_or_default();
        let mut q = sqlx::query(&sql).bind(after).bind(since).bind(limit);
        if let Some(g) = &scope.group {
            q = q.bind(g.as_str());
        }
        let rows = q.fetch_all(&self.read).await?;
        rows.iter().map(response_from_row).collect()
    }
}
