//! Background work of a running server: the risk-flag escalation job, e-mail
//! delivery of the outbox, signed audit checkpoints, and loading the site's
//! instrument definitions at start.

use crate::mail::{deliver_due, Mailer};
use rapport_core::checkpoint::{Checkpoint, CheckpointKey};
use rapport_core::measures::{DefinitionError, Library};
use rapport_core::Timestamp;
use rapport_store::Store;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Mutex;

/// The checkpoints file's name in the data directory.
pub const CHECKPOINTS_FILE: &str = "audit-checkpoints.jsonl";

/// Appends one checkpoint as a JSON line and flushes it to disk.
pub fn append_checkpoint(file: &Path, c: &Checkpoint) -> std::io::Result<()> {
    let mut f = std::fs::OpenOptions::new().create(true).append(true).open(file)?;
    f.write_all(format!("{}\n", c.to_json()).as_bytes())?;
    f.sync_data()
}

/// Writes signed checkpoints of the audit head outside the database: appended to
/// the checkpoints file and logged (target `audit_checkpoint`) for a log
/// collector to keep. A checkpoint is written only when the head has moved.
#[derive(Clone)]
pub struct AuditCheckpoints {
    store: Store,
    key: CheckpointKey,
    file: PathBuf,
    last_seq: Arc<Mutex<Option<i64>>>,
}

impl AuditCheckpoints {
    pub fn new(store: Store, key: CheckpointKey, file: PathBuf) -> Self {
        AuditCheckpoints { store, key, file, last_seq: Arc::new(Mutex::new(None)) }
    }

    /// Takes a checkpoint if the head moved since the last one this process
    /// wrote (always, the first time). Returns what was written.
    #[crate::boxing::boxed_future]
    pub async fn write_if_moved(&self) -> Result<Option<Checkpoint>, String> {
        let mut last = self.last_seq.lock().await;
        let c = self.store.audit_checkpoint(&self.key).await.map_err(|e| e.to_string())?;
        if *last == Some(c.seq) {
            return Ok(None);
        }
        append_checkpoint(&self.file, &c)
            .map_err(|e| format!("cannot append to the audit checkpoints file {}: {e}", self.file.display()))?;
        tracing::info!(target: "audit_checkpoint", seq = c.seq, hash = %c.hash, at = %c.at, mac = %c.mac, "audit checkpoint");
        *last = Some(c.seq);
        Ok(Some(c))
    }

    /// Every `every` (the first right away).
    pub fn spawn(&self, every: Duration) -> tokio::task::JoinHandle<()> {
        let this = self.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                if let Err(e) = this.write_if_moved().await {
                    tracing::error!(error = %e, "audit checkpoint failed");
                }
            }
        })
    }
}

/// Takes the escalation steps due for flags not yet closed (see
/// `Store::escalate_overdue_risk_flags`: the organisation's acknowledgement and
/// assessment deadlines, read on every run), checking every `every`.
/// `ack_override_hours` replaces the acknowledgement deadline (the deprecated
/// `--risk-escalation-hours`). Several instances may run it: each step is
/// taken once, inside one transaction.
pub fn spawn_risk_escalation(
    store: Store,
    ack_override_hours: Option<i64>,
    every: Duration,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match store.escalate_overdue_risk_flags(Timestamp::now(), ack_override_hours).await {
                Ok(steps) if !steps.is_empty() => {
                    tracing::warn!(count = steps.len(), "risk-flag escalation steps taken")
                }
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "risk-flag escalation failed"),
            }
        }
    })
}

/// Keeps the programme-outcomes read model close to the records: catches it
/// up with the writes of the last `every` (reports also catch up before they
/// read, so this only keeps that step short).
pub fn spawn_outcomes_catch_up(store: Store, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(e) = store.catch_up_outcomes().await {
                tracing::error!(error = %e, "programme outcomes catch-up failed");
            }
        }
    })
}

/// E-mails the outbox (see `mail::deliver_due`) every `every`, up to 50
/// messages a run. Several instances may run it: each message is claimed
/// before it is sent.
pub fn spawn_outbox_delivery(store: Store, mailer: Mailer, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match deliver_due(&store, &mailer, Timestamp::now(), 50).await {
                Ok(run) if run.sent + run.failed > 0 => {
                    tracing::info!(sent = run.sent, failed = run.failed, "outbox delivery")
                }
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "outbox delivery failed"),
            }
        }
    })
}

/// Queues the session reminders due (see `reminders::send_due`) every
/// `every`. Several instances may run it: the database takes one reminder
/// per session.
pub fn spawn_session_reminders(state: crate::AppState, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match crate::reminders::send_due(&state).await {
                Ok(n) if n > 0 => tracing::info!(count = n, "session reminders queued"),
                Ok(_) => {}
                Err(e) => tracing::error!(error = ?e, "session reminders failed"),
            }
        }
    })
}

/// Works out the caseload lists' stale needs once, in the background, at
/// start (`clients::work_out_stale_needs`); pages meanwhile work out their own.
pub fn spawn_caseload_needs(state: crate::AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let started = std::time::Instant::now();
        match crate::clients::work_out_stale_needs(&state, 500).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(rows = n, ms = started.elapsed().as_millis() as u64, "caseload needs worked out"),
            Err(e) => tracing::error!(error = ?e, "working out caseload needs failed"),
        }
    })
}

/// The shipped instruments plus every `*.json` definition in `dir` (sorted by
/// name). Every problem is reported with its file and field.
pub fn load_instruments(dir: Option<&Path>) -> Result<Library, String> {
    let library = Library::builtin();
    let Some(dir) = dir else { return Ok(library) };
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read instruments folder {}: {e}", dir.display()))?;
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut files = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(&p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
        files.push((p.file_name().unwrap_or_default().to_string_lossy().to_string(), text));
    }
    library.with_site_files(&files).map_err(|errs: Vec<DefinitionError>| {
        let lines: Vec<String> = errs.iter().map(|e| format!("  {e}")).collect();
        format!("invalid instrument definitions in {}:\n{}", dir.display(), lines.join("\n"))
    })
}
