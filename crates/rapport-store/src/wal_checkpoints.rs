//! SQLite WAL checkpoints mostly off the commit path, for the server (decision 64).
//!
//! SQLite checkpoints inside the commit that leaves the write-ahead log at 1,000
//! pages or more: that commit copies every page not yet copied into the database
//! file and waits for the file's `fsync` (15-27 ms measured on the benchmark VM
//! for a log of 1,000 pages), and so does every request whose audit entry is in
//! that commit's batch. Every read is audited, so under load that is every few
//! seconds.
//!
//! `Store::checkpoint_in_background` starts a thread with its own connection that
//! runs a PASSIVE checkpoint every few hundred milliseconds: it takes no lock a
//! commit needs and waits for no reader or writer. The writer keeps SQLite's
//! automatic checkpoint, so it still copies what the thread has not yet copied
//! (a few hundred milliseconds of commits, not the whole log) and, having copied
//! it all, restarts the log at its next write: the log stays the size it was.
//! (Turning the writer's checkpoint off instead let the log grow without end,
//! decision 63.)

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The checkpoints of one SQLite file.
pub(crate) struct WalCheckpoints {
    file: PathBuf,
    /// The running thread's line: dropped with the store, which ends the thread.
    running: Mutex<Option<mpsc::Sender<()>>>,
    /// The thread's last checkpoint, for tests and diagnostics.
    last: Arc<Mutex<Option<Checkpoint>>>,
}

/// How a checkpoint went: frames in the log, and frames copied into the
/// database file so far (all of them once the log is fully checkpointed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Checkpoint {
    pub log_frames: i64,
    pub checkpointed_frames: i64,
}

impl WalCheckpoints {
    pub(crate) fn new(file: &Path) -> WalCheckpoints {
        WalCheckpoints { file: file.to_path_buf(), running: Mutex::new(None), last: Arc::new(Mutex::new(None)) }
    }

    /// The background thread's last checkpoint (`None` before the first).
    pub(crate) fn last(&self) -> Option<Checkpoint> {
        *self.last.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Starts the thread (once): a PASSIVE checkpoint every `every`.
    pub(crate) fn start(&self, every: Duration) -> Result<(), String> {
        let mut running = self.running.lock().unwrap_or_else(|e| e.into_inner());
        if running.is_some() {
            return Ok(());
        }
        let conn = connect(&self.file).map_err(|e| format!("cannot open the database to checkpoint it: {e}"))?;
        let (line, stopped) = mpsc::channel();
        let last = self.last.clone();
        std::thread::Builder::new()
            .name("sqlite-checkpoint".into())
            .spawn(move || run(conn, every, &stopped, &last))
            .map_err(|e| format!("cannot start the checkpoint thread: {e}"))?;
        *running = Some(line);
        Ok(())
    }
}

fn connect(file: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    conn.execute_batch("PRAGMA busy_timeout = 10000;")?;
    Ok(conn)
}

/// One PASSIVE checkpoint on `conn`.
fn checkpoint(conn: &Connection) -> rusqlite::Result<Checkpoint> {
    conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
        Ok(Checkpoint { log_frames: r.get(1)?, checkpointed_frames: r.get(2)? })
    })
}

/// Checkpoints every `every` until the store drops its end of `stopped`.
fn run(conn: Connection, every: Duration, stopped: &mpsc::Receiver<()>, last: &Mutex<Option<Checkpoint>>) {
    while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(every) {
        match checkpoint(&conn) {
            Ok(c) => *last.lock().unwrap_or_else(|e| e.into_inner()) = Some(c),
            Err(e) => tracing::warn!(error = %e, "SQLite checkpoint failed; the next one will try again"),
        }
    }
}
