//! Background work of a running server: the risk-flag escalation job, e-mail
//! delivery of the outbox, and loading the site's instrument definitions at start.

use crate::mail::{deliver_due, Mailer};
use rapport_core::measures::{DefinitionError, Library};
use rapport_core::Timestamp;
use rapport_store::Store;
use std::path::Path;
use std::time::Duration;

/// Escalates open flags not acknowledged within `after` (see
/// `Store::escalate_overdue_risk_flags`), checking every `every`. Several
/// instances may run it: each flag is escalated once, inside one transaction.
pub fn spawn_risk_escalation(store: Store, after: Duration, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let after = time::Duration::try_from(after).unwrap_or(time::Duration::hours(24));
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match store.escalate_overdue_risk_flags(Timestamp::now(), after).await {
                Ok(flags) if !flags.is_empty() => tracing::warn!(count = flags.len(), "risk flags escalated"),
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "risk-flag escalation failed"),
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
