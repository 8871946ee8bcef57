//! The audit log: appended in the same transaction as the change it records,
//! or, for reads and sign-in events, through a group committer that shares one
//! commit (one disk flush) among all the entries waiting at that moment.

use crate::row::Named;
use crate::{AuditFilter, Result, Store, StoreError};
use rapport_core::audit::{seal, AuditEntry, AuditEvent, ChainError, ChainVerifier};
use rapport_core::checkpoint::{Anchor, AnchorCheck, AnchorError, Checkpoint, CheckpointKey};
use rapport_core::Timestamp;
use sqlx::{Any, AnyPool, Transaction};
use tokio::sync::{mpsc, oneshot, Mutex};

/// Appends one entry inside an open write transaction. The `UPDATE` of the
/// single head row serialises appenders (it takes the row lock on PostgreSQL;
/// SQLite has one writer), so the chain never forks.
pub(crate) async fn append(tx: &mut Transaction<'static, Any>, event: AuditEvent, at: Timestamp) -> Result<i64> {
    Ok(append_many(tx, vec![event], at).await?[0])
}

/// Appends `event` and commits `tx`: the change and its audit entry become
/// durable together, or neither does.
pub(crate) async fn commit(mut tx: Transaction<'static, Any>, event: AuditEvent, at: Timestamp) -> Result<()> {
    append(&mut tx, event, at).await?;
    tx.commit().await?;
    Ok(())
}

/// Appends the entries of a write, in its transaction, and refreshes the
/// caseload cards of the clients they name (`caseload_cards`). (The programme
/// outcomes read model follows these entries afterwards: `outcome_rows`.)
pub(crate) async fn append_many(
    tx: &mut Transaction<'static, Any>,
    events: Vec<AuditEvent>,
    at: Timestamp,
) -> Result<Vec<i64>> {
    let changes = crate::card_refresh::changes(&events);
    let seqs = append_entries(tx, events, at).await?;
    crate::card_refresh::refresh_touched(tx, &changes).await?;
    Ok(seqs)
}

/// Appends several entries with one head update and multi-row inserts, so a
/// group commit costs a handful of statements however many entries it holds.
pub(crate) async fn append_entries(
    tx: &mut Transaction<'static, Any>,
    events: Vec<AuditEvent>,
    at: Timestamp,
) -> Result<Vec<i64>> {
    let n = events.len() as i64;
    let row = sqlx::query("UPDATE audit_head SET last_seq = last_seq + $1 WHERE id = 1 RETURNING last_seq, last_hash")
        .bind(n)
        .fetch_one(&mut **tx)
        .await?;
    let last: i64 = row.col("last_seq")?;
    let mut prev: String = row.col("last_hash")?;
    let mut entries = Vec::with_capacity(events.len());
    for (i, event) in events.into_iter().enumerate() {
        let entry = seal(last - n + 1 + i as i64, at, event, prev);
        prev = entry.hash.clone();
        entries.push(entry);
    }
    let mut rest = &entries[..];
    while !rest.is_empty() {
        // A few fixed chunk sizes keep the number of distinct statements (and
        // so prepared-statement cache entries) small.
        let size = [64, 16, 4, 1].into_iter().find(|s| *s <= rest.len()).unwrap_or(1);
        let (chunk, tail) = rest.split_at(size);
        insert_entries(tx, chunk).await?;
        rest = tail;
    }
    sqlx::query("UPDATE audit_head SET last_hash = $1 WHERE id = 1").bind(prev).execute(&mut **tx).await?;
    Ok(entries.iter().map(|e| e.seq).collect())
}

const COLUMNS_PER_ENTRY: usize = 14;

fn insert_sql(rows: usize) -> String {
    let mut sql = String::from(
        "INSERT INTO audit_log (seq, at, actor_id, actor_label, action, resource_type, resource_id, client_id, \
         ip, user_agent, outcome, detail, prev_hash, hash) VALUES ",
    );
    for r in 0..rows {
        if r > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for c in 0..COLUMNS_PER_ENTRY {
            if c > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!("${}", r * COLUMNS_PER_ENTRY + c + 1));
        }
        sql.push(')');
    }
    sql
}

async fn insert_entries(tx: &mut Transaction<'static, Any>, entries: &[AuditEntry]) -> Result<()> {
    let sql = insert_sql(entries.len());
    let mut q = sqlx::query(&sql);
    for entry in entries {
        let e = &entry.event;
        q = q
            .bind(entry.seq)
            .bind(entry.at.to_db())
            .bind(e.actor_id.clone())
            .bind(e.actor_label.clone())
            .bind(e.action.clone())
            .bind(e.resource_type.clone())
            .bind(e.resource_id.clone())
            .bind(e.client_id.clone())
            .bind(e.ip.clone())
            .bind(e.user_agent.clone())
            .bind(e.outcome.clone())
            .bind(e.detail.clone())
            .bind(entry.prev_hash.clone())
            .bind(entry.hash.clone());
    }
    q.execute(&mut **tx).await?;
    Ok(())
}

type Reply = oneshot::Sender<std::result::Result<i64, String>>;

/// Batches standalone audit entries into shared transactions.
#[derive(Clone)]
pub(crate) struct GroupCommitter {
    tx: mpsc::Sender<(AuditEvent, Reply)>,
    task: std::sync::Arc<Mutex<Option<tokio::task::JoinHandle<()>>>>,
}

/// Entries per shared commit at most; bounds transaction size under load.
const MAX_BATCH: usize = 512;

impl GroupCommitter {
    pub(crate) fn start(backend: crate::Backend, pool: AnyPool) -> Self {
        let (tx, mut rx) = mpsc::channel::<(AuditEvent, Reply)>(4096);
        let task = tokio::spawn(async move {
            let mut batch = Vec::with_capacity(MAX_BATCH);
            while let Some(first) = rx.recv().await {
                batch.push(first);
                // Take what is waiting; then let the other request tasks run (yield,
                // no timer, so an idle server adds no latency) and take what they
                // queued too, while more keeps arriving. Bigger batches mean fewer
                // commits: less CPU per entry and fewer emptied reader caches.
                for _ in 0..4 {
                    let before = batch.len();
                    while batch.len() < MAX_BATCH {
                        match rx.try_recv() {
                            Ok(item) => batch.push(item),
                            Err(_) => break,
                        }
                    }
                    if batch.len() == before && before > 1 || batch.len() >= MAX_BATCH {
                        break;
                    }
                    tokio::task::yield_now().await;
                }
                let result = write_batch(backend, &pool, &batch).await;
                match result {
                    Ok(seqs) => {
                        for ((_, reply), seq) in batch.drain(..).zip(seqs) {
                            let _ = reply.send(Ok(seq));
                        }
                    }
                    Err(e) => {
                        tracing::error!(error = %e, entries = batch.len(), "audit batch failed");
                        for (_, reply) in batch.drain(..) {
                            let _ = reply.send(Err(e.to_string()));
                        }
                    }
                }
            }
        });
        GroupCommitter { tx, task: std::sync::Arc::new(Mutex::new(Some(task))) }
    }

    pub(crate) async fn record(&self, event: AuditEvent) -> Result<i64> {
        let (reply, wait) = oneshot::channel();
        self.tx.send((event, reply)).await.map_err(|_| StoreError::Audit("audit writer stopped".into()))?;
        wait.await.map_err(|_| StoreError::Audit("audit writer stopped".into()))?.map_err(StoreError::Audit)
    }

    /// Lets queued entries finish; called on graceful shutdown.
    pub(crate) async fn shutdown(&self) {
        // Dropping our sender is not enough while clones live, so wait briefly
        // for the queue to drain instead.
        for _ in 0..50 {
            if self.tx.capacity() == self.tx.max_capacity() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        if let Some(t) = self.task.lock().await.take() {
            t.abort();
        }
    }
}

async fn write_batch(backend: crate::Backend, pool: &AnyPool, batch: &[(AuditEvent, Reply)]) -> Result<Vec<i64>> {
    let mut tx = crate::begin_write(backend, pool).await?;
    let events: Vec<AuditEvent> = batch.iter().map(|(e, _)| e.clone()).collect();
    // Mostly reads, which change no card; a change audited on its own after
    // its commit still refreshes its client's card here.
    let changes = crate::card_refresh::changes(&events);
    let seqs = append_entries(&mut tx, events, Timestamp::now()).await?;
    crate::card_refresh::refresh_touched(&mut tx, &changes).await?;
    tx.commit().await?;
    Ok(seqs)
}

/// Upper bound on one query (the CSV export's size).
pub const MAX_ENTRIES_PER_QUERY: i64 = 100_000;

const ENTRY_COLUMNS: &str = "seq, at, actor_id, actor_label, action, resource_type, resource_id, client_id, \
     ip, user_agent, outcome, detail, prev_hash, hash";

fn entry_from_row(row: &sqlx::any::AnyRow) -> std::result::Result<AuditEntry, String> {
    let seq: i64 = row.col("seq").map_err(|e| e.to_string())?;
    let get = |c: &str| row.col::<Option<String>>(c).map_err(|e| format!("entry {seq}: {e}"));
    let at_text = get("at")?.unwrap_or_default();
    let at = Timestamp::parse(&at_text).ok_or_else(|| format!("entry {seq} has an unreadable time {at_text:?}"))?;
    Ok(AuditEntry {
        seq,
        at,
        event: AuditEvent {
            actor_id: get("actor_id")?,
            actor_label: get("actor_label")?.unwrap_or_default(),
            action: get("action")?.unwrap_or_default(),
            resource_type: get("resource_type")?.unwrap_or_default(),
            resource_id: get("resource_id")?,
            client_id: get("client_id")?,
            ip: get("ip")?,
            user_agent: get("user_agent")?,
            outcome: get("outcome")?.unwrap_or_default(),
            detail: get("detail")?,
        },
        prev_hash: get("prev_hash")?.unwrap_or_default(),
        hash: get("hash")?.unwrap_or_default(),
    })
}

#[derive(Debug)]
pub enum VerifyError {
    Chain(ChainError),
    /// The chain disagrees with a signed checkpoint kept outside the database.
    Anchor(AnchorError),
    Unreadable {
        seq: i64,
        reason: String,
    },
    Store(StoreError),
}

impl std::fmt::Display for VerifyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VerifyError::Chain(c) => c.fmt(f),
            VerifyError::Anchor(a) => a.fmt(f),
            VerifyError::Unreadable { seq, reason } => write!(f, "entry {seq} was altered: {reason}"),
            VerifyError::Store(e) => e.fmt(f),
        }
    }
}

impl Store {
    /// Records a standalone event (a read, a sign-in, a denial). Returns once the
    /// entry is committed, so callers answer only after the trail is durable.
    #[crate::boxing::boxed_future]
    pub async fn audit(&self, event: AuditEvent) -> Result<i64> {
        self.audit.record(event).await
    }

    /// Newest first.
    #[crate::boxing::boxed_future]
    pub async fn audit_entries(&self, f: &AuditFilter) -> Result<Vec<AuditEntry>> {
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM audit_log \
             WHERE ($1 = '' OR client_id = $1) AND ($2 = '' OR actor_id = $2) AND ($3 = '' OR action = $3) \
             AND ($4 = '' OR outcome = $4) AND ($5 = '' OR at >= $5) AND ($6 = '' OR at < $6) AND seq < $7 \
             ORDER BY seq DESC LIMIT $8"
        );
        let rows = sqlx::query(&sql)
            .bind(f.client_id.clone().unwrap_or_default())
            .bind(f.actor_id.clone().unwrap_or_default())
            .bind(f.action.clone().unwrap_or_default())
            .bind(f.outcome.clone().unwrap_or_default())
            .bind(f.from.map(|t| t.to_db()).unwrap_or_default())
            .bind(f.until.map(|t| t.to_db()).unwrap_or_default())
            .bind(f.before_seq.unwrap_or(i64::MAX))
            .bind(f.limit.clamp(1, MAX_ENTRIES_PER_QUERY))
            .fetch_all(&self.read)
            .await?;
        rows.iter().map(|r| entry_from_row(r).map_err(StoreError::Invalid)).collect()
    }

    /// The head of the chain: the last sequence number and its hash.
    #[crate::boxing::boxed_future]
    pub async fn audit_head(&self) -> Result<(i64, String)> {
        let head = sqlx::query("SELECT last_seq, last_hash FROM audit_head WHERE id = 1").fetch_one(&self.read).await?;
        Ok((head.col("last_seq")?, head.col("last_hash")?))
    }

    /// A signed checkpoint of the current head (for the checkpoints file, backups and exports).
    #[crate::boxing::boxed_future]
    pub async fn audit_checkpoint(&self, key: &CheckpointKey) -> Result<Checkpoint> {
        let (seq, hash) = self.audit_head().await?;
        Ok(Checkpoint::sign(key, seq, &hash, Timestamp::now()))
    }

    /// Walks the whole chain in pages and checks every link and the head.
    #[crate::boxing::boxed_future]
    pub async fn audit_verify(&self) -> std::result::Result<u64, VerifyError> {
        self.audit_verify_anchored(Vec::new()).await
    }

    /// Like `audit_verify`, and also checks the chain against signed checkpoints
    /// (whose MACs the caller has checked): the entry at each checkpoint's seq
    /// must have its hash, and the head must reach the newest checkpoint. This is
    /// what catches a cut tail with a rewound head.
    #[crate::boxing::boxed_future]
    pub async fn audit_verify_anchored(&self, anchors: Vec<Anchor>) -> std::result::Result<u64, VerifyError> {
        // Read the head first and check the chain up to it: entries appended while
        // we walk (a busy server) are outside this check, not false alarms.
        let (head_seq, head_hash) = self.audit_head().await.map_err(VerifyError::Store)?;
        let mut anchors = AnchorCheck::new(anchors);
        let mut verifier = ChainVerifier::default();
        let mut after = 0i64;
        let sql = format!("SELECT {ENTRY_COLUMNS} FROM audit_log WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT 5000");
        loop {
            let rows = sqlx::query(&sql)
                .bind(after)
                .bind(head_seq)
                .fetch_all(&self.read)
                .await
                .map_err(|e| VerifyError::Store(e.into()))?;
            if rows.is_empty() {
                break;
            }
            for row in &rows {
                let seq: i64 = row.col("seq").map_err(|e| VerifyError::Store(e.into()))?;
                let entry = entry_from_row(row).map_err(|reason| VerifyError::Unreadable { seq, reason })?;
                verifier.push(&entry).map_err(VerifyError::Chain)?;
                anchors.entry(seq, &entry.hash).map_err(VerifyError::Anchor)?;
                after = seq;
            }
        }
        // A cut tail with a rewound head passes the chain's own check, so the
        // checkpoints speak first: they name the missing range.
        anchors.finish(after).map_err(VerifyError::Anchor)?;
        verifier.finish(head_seq, &head_hash).map_err(VerifyError::Chain)
    }
}
