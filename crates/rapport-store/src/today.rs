//! What the Today page reads: the caller's own caseload (care-team member,
//! not through supervision), the sessions of those clients in a date range,
//! and their held sessions whose progress note is not signed.

use crate::clients::{caseload_row, CaseloadRow};
use crate::courses::{session_from_row, TherapySession, SESSION_COLUMNS};
use crate::row::Named;
use crate::{Result, Store};
use rapport_core::time::format_date;
use rapport_core::Id;
use time::Date;

fn marks(from: usize, n: usize) -> String {
    (from..from + n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

impl Store {
    /// The active clients whose care team `user` is on, by name.
    #[crate::boxing::boxed_future]
    pub async fn own_caseload(&self, user: &Id) -> Result<Vec<CaseloadRow>> {
        let rows = sqlx::query(
            "SELECT c.id, c.display_name, c.date_of_birth, c.pronouns, c.status, c.updated_at, \
             c.responsible_clinician_id, r.name AS responsible_name FROM care_team t JOIN clients c ON c.id = t.client_id \
             JOIN users r ON r.id = c.responsible_clinician_id WHERE t.user_id = $1 AND c.status = 'active' \
             ORDER BY c.sort_name, c.id",
        )
        .bind(user.as_str())
        .fetch_all(&self.read)
        .await?;
        rows.iter().map(caseload_row).collect()
    }

    /// The clients on `user`'s care team with a completed course that has an
    /// ending review: the only ones follow-up measures can be due for (the
    /// review chooses them), so Today works them out for these alone instead
    /// of reading every client's courses and answers.
    #[crate::boxing::boxed_future]
    pub async fn follow_up_candidates(&self, user: &Id) -> Result<std::collections::HashSet<String>> {
        let rows = sqlx::query(
            "SELECT DISTINCT k.client_id FROM care_team t JOIN courses k ON k.client_id = t.client_id \
             WHERE t.user_id = $1 AND k.status = 'completed' AND EXISTS (SELECT 1 FROM clinical_records r \
             WHERE r.course_id = k.id AND r.kind = 'ending_review' AND r.removed_at IS NULL)",
        )
        .bind(user.as_str())
        .fetch_all(&self.read)
        .await?;
        Ok(rows.iter().map(|r| r.col("client_id")).collect::<std::result::Result<_, _>>()?)
    }

    /// The sessions of `clients` dated `from` to `to` (inclusive), in time order.
    #[crate::boxing::boxed_future]
    pub async fn sessions_between(&self, clients: &[Id], from: Date, to: Date) -> Result<Vec<TherapySession>> {
        if clients.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT {SESSION_COLUMNS} FROM therapy_sessions WHERE session_date >= $1 AND session_date <= $2 \
             AND client_id IN ({}) ORDER BY session_date, session_time, id",
            marks(3, clients.len())
        );
        let mut q = sqlx::query(&sql).bind(format_date(from)).bind(format_date(to));
        for c in clients {
            q = q.bind(c.as_str());
        }
        q.fetch_all(&self.read).await?.iter().map(session_from_row).collect()
    }

    /// Held sessions of `clients` whose progress note is missing or not
    /// signed, oldest first.
    #[crate::boxing::boxed_future]
    pub async fn unsigned_held_sessions(&self, clients: &[Id]) -> Result<Vec<TherapySession>> {
        if clients.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT {SESSION_COLUMNS} FROM therapy_sessions s WHERE s.attendance = 'attended' \
             AND s.client_id IN ({}) AND NOT EXISTS (SELECT 1 FROM progress_notes n \
             WHERE n.session_id = s.id AND n.status = 'signed') ORDER BY session_date, session_time, id",
            marks(1, clients.len())
        );
        let mut q = sqlx::query(&sql);
        for c in clients {
            q = q.bind(c.as_str());
        }
        q.fetch_all(&self.read).await?.iter().map(session_from_row).collect()
    }
}
