//! Versioned structured clinical records (see `rapport_core::records`). The
//! body is JSON text, parsed in Rust (no JSON operators in SQL, so one SQL text
//! serves both databases). Every write keeps the previous version in
//! `clinical_record_versions`, checks the version the writer started from
//! (optimistic concurrency) and appends its audit entry in the same transaction.

use crate::boxing::Boxed;
use crate::row::Named;
use crate::{audit, ts, Result, Store, StoreError};
use rapport_core::audit::AuditEvent;
use rapport_core::records::RecordBody;
use rapport_core::{Id, Timestamp};

/// A stored record with its typed body.
#[derive(Clone, Debug)]
pub struct Record<T> {
    pub id: Id,
    pub client_id: Id,
    pub course_id: Option<Id>,
    pub session_id: Option<Id>,
    pub parent_id: Option<Id>,
    pub body: T,
    pub version: i64,
    pub created_by: Id,
    pub created_at: Timestamp,
    pub updated_by: Id,
    pub updated_by_name: String,
    pub updated_at: Timestamp,
}

/// One version in a record's history.
#[derive(Clone, Debug)]
pub struct RecordVersion<T> {
    pub version: i64,
    pub body: T,
    /// "created", "updated" or "removed".
    pub change: String,
    pub changed_by_name: String,
    pub changed_at: Timestamp,
}

/// Where a new record hangs.
#[derive(Clone, Debug, Default)]
pub struct Placement {
    pub client_id: Id,
    pub course_id: Option<Id>,
    pub session_id: Option<Id>,
    pub parent_id: Option<Id>,
}

const COLUMNS: &str = "r.id, r.client_id, r.course_id, r.session_id, r.parent_id, r.body, r.version, r.created_by, \
     r.created_at, r.updated_by, u.name AS updated_by_name, r.updated_at";

fn opt_id(s: Option<String>) -> Option<Id> {
    s.map(Id::from_db)
}

// Why the typed methods below are thin: every record kind used to instantiate
// the whole SQL path (row decoding, the write transaction, its async state
// machine) once per kind in every crate that called it, a fifth of the
// release build. The work is done once on `Raw` records (body still JSON
// text) behind boxed futures compiled here; the typed wrappers only encode and
// decode the body.

/// A record whose body is still its stored JSON text.
type Raw = Record<String>;

/// A record even if removed, with the time of its removal.
type MaybeRemoved<T> = Option<(Record<T>, Option<Timestamp>)>;

impl<T> Record<T> {
    fn with_body<U>(self, body: U) -> Record<U> {
        Record {
            id: self.id,
            client_id: self.client_id,
            course_id: self.course_id,
            session_id: self.session_id,
            parent_id: self.parent_id,
            body,
            version: self.version,
            created_by: self.created_by,
            created_at: self.created_at,
            updated_by: self.updated_by,
            updated_by_name: self.updated_by_name,
            updated_at: self.updated_at,
        }
    }
}

fn raw_from_row(row: &sqlx::any::AnyRow) -> Result<Raw> {
    Ok(Record {
        id: Id::from_db(row.col("id")?),
        client_id: Id::from_db(row.col("client_id")?),
        course_id: opt_id(row.col("course_id")?),
        session_id: opt_id(row.col("session_id")?),
        parent_id: opt_id(row.col("parent_id")?),
        body: row.col("body")?,
        version: row.col("version")?,
        created_by: Id::from_db(row.col("created_by")?),
        created_at: ts(&row.col::<String>("created_at")?),
        updated_by: Id::from_db(row.col("updated_by")?),
        updated_by_name: row.col("updated_by_name")?,
        updated_at: ts(&row.col::<String>("updated_at")?),
    })
}

fn raw_rows(rows: &[sqlx::any::AnyRow]) -> Result<Vec<Raw>> {
    rows.iter().map(raw_from_row).collect()
}

fn parse<T: RecordBody>(body: &str) -> Result<T> {
    serde_json::from_str(body).map_err(|e| StoreError::Invalid(format!("corrupt {} record: {e}", T::KIND)))
}

fn typed<T: RecordBody>(raw: Raw) -> Result<Record<T>> {
    let body = parse::<T>(&raw.body)?;
    Ok(raw.with_body(body))
}

fn all_typed<T: RecordBody>(raws: Vec<Raw>) -> Result<Vec<Record<T>>> {
    raws.into_iter().map(typed).collect()
}

fn to_json<T: RecordBody>(body: &T) -> String {
    serde_json::to_string(body).expect("record bodies serialise")
}

async fn insert_version(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    id: &Id,
    version: i64,
    body: &str,
    change: &str,
    by: &Id,
    at: Timestamp,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO clinical_record_versions (record_id, version, body, change, changed_by, changed_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id.as_str())
    .bind(version)
    .bind(body.to_string())
    .bind(change)
    .bind(by.as_str())
    .bind(at.to_db())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn fetch(ex: &mut sqlx::AnyConnection, id: &Id, kind: &str) -> Result<Option<Raw>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM clinical_records r JOIN users u ON u.id = r.updated_by \
         WHERE r.id = $1 AND r.kind = $2 AND r.removed_at IS NULL"
    );
    let row = sqlx::query(&sql).bind(id.as_str()).bind(kind).fetch_optional(ex).await?;
    row.as_ref().map(raw_from_row).transpose()
}

/// Which live records of a kind a listing returns, oldest first.
#[derive(Clone, Copy)]
enum Listing<'a> {
    Client(&'a Id),
    Course(&'a Id),
    Child(&'a Id),
}

impl Store {
    /// Stores a new record (version 1). `event` gets the record id.
    pub async fn create_record<T: RecordBody>(
        &self,
        at: &Placement,
        body: &T,
        by: &Id,
        event: AuditEvent,
    ) -> Result<Record<T>> {
        let raw = self.create_raw(at, T::KIND, to_json(body), by, event).await?;
        Ok(raw.with_body(body.clone()))
    }

    fn create_raw<'a>(
        &'a self,
        at: &'a Placement,
        kind: &'static str,
        json: String,
        by: &'a Id,
        mut event: AuditEvent,
    ) -> Boxed<'a, Result<Raw>> {
        Box::pin(async move {
            let id = Id::new();
            let now = Timestamp::now();
            let mut tx = self.begin_write().await?;
            sqlx::query(
                "INSERT INTO clinical_records (id, client_id, course_id, session_id, parent_id, kind, body, version, \
                 created_by, created_at, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9, $8, $9)",
            )
            .bind(id.as_str())
            .bind(at.client_id.as_str())
            .bind(at.course_id.as_ref().map(|i| i.as_str().to_string()))
            .bind(at.session_id.as_ref().map(|i| i.as_str().to_string()))
            .bind(at.parent_id.as_ref().map(|i| i.as_str().to_string()))
            .bind(kind)
            .bind(json.clone())
            .bind(by.as_str())
            .bind(now.to_db())
            .execute(&mut *tx)
            .await
            .map_err(|e| match e {
                // A kind kept single per client or course by a unique index (e.g. the
                // cultural formulation) already has its record: the writer saw stale data.
                sqlx::Error::Database(d) if d.is_unique_violation() => StoreError::Conflict,
                e => StoreError::Db(e),
            })?;
            insert_version(&mut tx, &id, 1, &json, "created", by, now).await?;
            event.resource_id = Some(id.to_string());
            event.client_id = Some(at.client_id.to_string());
            audit::append(&mut tx, event, now).await?;
            let record = fetch(&mut tx, &id, kind).await?.ok_or(StoreError::NotFound)?;
            tx.commit().await?;
            Ok(record)
        })
    }

    /// Replaces the body if the record is still at `expected_version`
    /// (otherwise `Conflict`); the old body stays in the history.
    pub async fn update_record<T: RecordBody>(
        &self,
        id: &Id,
        expected_version: i64,
        body: &T,
        by: &Id,
        event: AuditEvent,
    ) -> Result<Record<T>> {
        let raw = self.write_version(id, T::KIND, expected_version, Some(to_json(body)), by, event).await?;
        Ok(raw.with_body(body.clone()))
    }

    /// Removes a record from view; its history (and the removal) is kept.
    pub async fn remove_record<T: RecordBody>(
        &self,
        id: &Id,
        expected_version: i64,
        by: &Id,
        event: AuditEvent,
    ) -> Result<Record<T>> {
        typed(self.write_version(id, T::KIND, expected_version, None, by, event).await?)
    }

    /// Writes the next version: `body` is the new JSON, or `None` to remove
    /// the record (the removal version keeps the last body).
    fn write_version<'a>(
        &'a self,
        id: &'a Id,
        kind: &'static str,
        expected_version: i64,
        body: Option<String>,
        by: &'a Id,
        mut event: AuditEvent,
    ) -> Boxed<'a, Result<Raw>> {
        Box::pin(async move {
            let now = Timestamp::now();
            let mut tx = self.begin_write().await?;
            let current = fetch(&mut tx, id, kind).await?.ok_or(StoreError::NotFound)?;
            if current.version != expected_version {
                return Err(StoreError::Conflict);
            }
            let removal = body.is_none();
            let json = body.unwrap_or_else(|| current.body.clone());
            let version = current.version + 1;
            sqlx::query(
                "UPDATE clinical_records SET body = $1, version = $2, updated_by = $3, updated_at = $4, removed_at = $5 \
                 WHERE id = $6 AND version = $7",
            )
            .bind(json.clone())
            .bind(version)
            .bind(by.as_str())
            .bind(now.to_db())
            .bind(removal.then(|| now.to_db()))
            .bind(id.as_str())
            .bind(expected_version)
            .execute(&mut *tx)
            .await?;
            insert_version(&mut tx, id, version, &json, if removal { "removed" } else { "updated" }, by, now).await?;
            event.resource_id = Some(id.to_string());
            event.client_id = Some(current.client_id.to_string());
            audit::append(&mut tx, event, now).await?;
            let mut record = current;
            record.body = json;
            record.version = version;
            record.updated_by = by.clone();
            record.updated_at = now;
            tx.commit().await?;
            Ok(record)
        })
    }

    /// One live record of kind `T`.
    pub async fn record<T: RecordBody>(&self, id: &Id) -> Result<Option<Record<T>>> {
        self.raw_record(id, T::KIND).await?.map(typed).transpose()
    }

    fn raw_record<'a>(&'a self, id: &'a Id, kind: &'static str) -> Boxed<'a, Result<Option<Raw>>> {
        Box::pin(async move {
            let mut conn = self.read.acquire().await?;
            fetch(&mut conn, id, kind).await
        })
    }

    /// Live records of kind `T` for a client, oldest first.
    pub async fn client_records<T: RecordBody>(&self, client: &Id) -> Result<Vec<Record<T>>> {
        all_typed(self.raw_list(Listing::Client(client), T::KIND).await?)
    }

    /// Live records of kind `T` in a course, oldest first.
    pub async fn course_records<T: RecordBody>(&self, course: &Id) -> Result<Vec<Record<T>>> {
        all_typed(self.raw_list(Listing::Course(course), T::KIND).await?)
    }

    /// Live records of kind `T` under a parent record, oldest first.
    pub async fn child_records<T: RecordBody>(&self, parent: &Id) -> Result<Vec<Record<T>>> {
        all_typed(self.raw_list(Listing::Child(parent), T::KIND).await?)
    }

    fn raw_list<'a>(&'a self, listing: Listing<'a>, kind: &'static str) -> Boxed<'a, Result<Vec<Raw>>> {
        Box::pin(async move {
            let (column, id) = match listing {
                Listing::Client(id) => ("client_id", id),
                Listing::Course(id) => ("course_id", id),
                Listing::Child(id) => ("parent_id", id),
            };
            let sql = format!(
                "SELECT {COLUMNS} FROM clinical_records r JOIN users u ON u.id = r.updated_by \
                 WHERE r.{column} = $1 AND r.kind = $2 AND r.removed_at IS NULL ORDER BY r.created_at, r.id"
            );
            let rows = sqlx::query(&sql).bind(id.as_str()).bind(kind).fetch_all(&self.read).await?;
            raw_rows(&rows)
        })
    }

    /// How many live records of `kind`, across every client, have a stored
    /// body (JSON text) that `matches` accepts. Bodies are read a page at a
    /// time, so an organisation-wide check never holds them all.
    #[crate::boxing::boxed_future]
    pub async fn count_live_bodies(
        &self,
        kind: &'static str,
        matches: &(dyn Fn(&str) -> bool + Sync),
    ) -> Result<usize> {
        const PAGE: i64 = 500;
        let mut after = String::new();
        let mut count = 0;
        loop {
            let rows = sqlx::query(
                "SELECT id, body FROM clinical_records WHERE kind = $1 AND removed_at IS NULL AND id > $2 \
                 ORDER BY id LIMIT $3",
            )
            .bind(kind)
            .bind(&after)
            .bind(PAGE)
            .fetch_all(&self.read)
            .await?;
            for row in &rows {
                if matches(&row.col::<String>("body")?) {
                    count += 1;
                }
            }
            match rows.last() {
                Some(last) if rows.len() as i64 == PAGE => after = last.col("id")?,
                _ => return Ok(count),
            }
        }
    }

    /// A record of kind `T` even if removed, with the time of its removal.
    pub async fn record_including_removed<T: RecordBody>(
        &self,
        id: &Id,
    ) -> Result<Option<(Record<T>, Option<Timestamp>)>> {
        match self.raw_record_including_removed(id, T::KIND).await? {
            Some((raw, removed)) => Ok(Some((typed(raw)?, removed))),
            None => Ok(None),
        }
    }

    fn raw_record_including_removed<'a>(
        &'a self,
        id: &'a Id,
        kind: &'static str,
    ) -> Boxed<'a, Result<MaybeRemoved<String>>> {
        Box::pin(async move {
            let sql = format!(
                "SELECT {COLUMNS}, r.removed_at FROM clinical_records r JOIN users u ON u.id = r.updated_by \
                 WHERE r.id = $1 AND r.kind = $2"
            );
            let row = sqlx::query(&sql).bind(id.as_str()).bind(kind).fetch_optional(&self.read).await?;
            row.as_ref()
                .map(|row| {
                    let removed: Option<String> = row.col("removed_at")?;
                    Ok((raw_from_row(row)?, removed.as_deref().map(ts)))
                })
                .transpose()
        })
    }

    /// Removed records of kind `T` for a client, most recently removed first.
    pub async fn removed_client_records<T: RecordBody>(&self, client: &Id) -> Result<Vec<Record<T>>> {
        all_typed(self.raw_removed_client_records(client, T::KIND).await?)
    }

    fn raw_removed_client_records<'a>(&'a self, client: &'a Id, kind: &'static str) -> Boxed<'a, Result<Vec<Raw>>> {
        Box::pin(async move {
            let sql = format!(
                "SELECT {COLUMNS} FROM clinical_records r JOIN users u ON u.id = r.updated_by \
                 WHERE r.client_id = $1 AND r.kind = $2 AND r.removed_at IS NOT NULL ORDER BY r.removed_at DESC, r.id"
            );
            let rows = sqlx::query(&sql).bind(client.as_str()).bind(kind).fetch_all(&self.read).await?;
            raw_rows(&rows)
        })
    }

    /// Every version of a record, newest first (including a removal).
    pub async fn record_history<T: RecordBody>(&self, id: &Id) -> Result<Vec<RecordVersion<T>>> {
        self.raw_history(id, T::KIND)
            .await?
            .into_iter()
            .map(|v| {
                Ok(RecordVersion {
                    version: v.version,
                    body: parse::<T>(&v.body)?,
                    change: v.change,
                    changed_by_name: v.changed_by_name,
                    changed_at: v.changed_at,
                })
            })
            .collect()
    }

    fn raw_history<'a>(&'a self, id: &'a Id, kind: &'static str) -> Boxed<'a, Result<Vec<RecordVersion<String>>>> {
        Box::pin(async move {
            let rows = sqlx::query(
                "SELECT v.version, v.body, v.change, u.name AS changed_by_name, v.changed_at \
                 FROM clinical_record_versions v JOIN users u ON u.id = v.changed_by \
                 JOIN clinical_records r ON r.id = v.record_id \
                 WHERE v.record_id = $1 AND r.kind = $2 ORDER BY v.version DESC",
            )
            .bind(id.as_str())
            .bind(kind)
            .fetch_all(&self.read)
            .await?;
            rows.iter()
                .map(|row| {
                    Ok(RecordVersion {
                        version: row.col("version")?,
                        body: row.col("body")?,
                        change: row.col("change")?,
                        changed_by_name: row.col("changed_by_name")?,
                        changed_at: ts(&row.col::<String>("changed_at")?),
                    })
                })
                .collect()
        })
    }

    /// Whether every id names a live record of `kind` belonging to `client`
    /// (links between records, e.g. a timeline event's inventory people).
    #[crate::boxing::boxed_future]
    pub async fn client_records_exist(&self, client: &Id, kind: &str, ids: &[String]) -> Result<bool> {
        if ids.is_empty() {
            return Ok(true);
        }
        let marks: Vec<String> = (0..ids.len()).map(|i| format!("${}", i + 3)).collect();
        let sql = format!(
            "SELECT COUNT(*) FROM clinical_records WHERE client_id = $1 AND kind = $2 AND removed_at IS NULL \
             AND id IN ({})",
            marks.join(", ")
        );
        let mut q = sqlx::query_scalar::<_, i64>(&sql).bind(client.as_str()).bind(kind);
        for id in ids {
            q = q.bind(id.as_str());
        }
        let n = q.fetch_one(&self.read).await?;
        Ok(n == ids.len() as i64)
    }
}
