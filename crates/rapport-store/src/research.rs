//! What the research export reads (docs/letters-and-research.md): the
//! pseudonym key, and the rows of each exported table a page at a time, in
//! id order, so an export of any size holds one page in memory. Values come
//! as text (numbers cast in SQL); free-text columns are never selected.

use crate::row::Named;
use crate::{Result, Store, StoreError};
use rapport_core::Timestamp;

/// The tables of the research export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResearchTable {
    Clients,
    Courses,
    Sessions,
    Responses,
    RiskFlags,
    Groups,
    GroupMembers,
    Goals,
    SafetyPlans,
}

impl ResearchTable {
    pub const ALL: [ResearchTable; 9] = [
        ResearchTable::Clients,
        ResearchTable::Courses,
        ResearchTable::Sessions,
        ResearchTable::Responses,
        ResearchTable::RiskFlags,
        ResearchTable::Groups,
        ResearchTable::GroupMembers,
        ResearchTable::Goals,
        ResearchTable::SafetyPlans,
    ];

    /// The columns each row holds, in order (the first is the row's id, the
    /// second its client's id).
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            ResearchTable::Clients => {
                &["id", "client_id", "date_of_birth", "created_at", "preferred_language", "status"]
            }
            ResearchTable::Courses => &[
                "id",
                "client_id",
                "protocol_id",
                "planned_sessions",
                "frequency",
                "session_minutes",
                "start_date",
                "planned_end_date",
                "status",
                "continues_course_id",
                "group_id",
            ],
            ResearchTable::Sessions => &[
                "id",
                "client_id",
                "course_id",
                "session_date",
                "course_start",
                "modality",
                "attendance",
                "duration_minutes",
                "engagement",
            ],
            ResearchTable::Responses => &[
                "id",
                "client_id",
                "course_id",
                "completed_at",
                "course_start",
                "instrument_id",
                "instrument_version",
                "total",
                "band",
                "mode",
            ],
            ResearchTable::RiskFlags => &[
                "id",
                "client_id",
                "response_id",
                "raised_at",
                "source",
                "instrument_id",
                "item",
                "status",
                "closed_at",
            ],
            // A group is nobody's: its client_id is empty.
            ResearchTable::Groups => &["id", "client_id", "protocol_id", "planned_sessions", "start_date", "status"],
            ResearchTable::GroupMembers => {
                &["id", "client_id", "group_id", "added_at", "group_start", "status", "problem_areas"]
            }
            ResearchTable::Goals => &["id", "client_id", "course_id", "created_at", "course_start", "body"],
            ResearchTable::SafetyPlans => &["id", "client_id", "version", "created_at", "shared_with_client"],
        }
    }

    fn sql(self) -> &'static str {
        match self {
            ResearchTable::Clients => {
                "SELECT id, id AS client_id, date_of_birth, created_at, preferred_language, status \
                 FROM clients WHERE id > $1 ORDER BY id LIMIT $2"
            }
            ResearchTable::Courses => {
                "SELECT id, client_id, protocol_id, CAST(planned_sessions AS TEXT) AS planned_sessions, frequency, \
                 CAST(session_minutes AS TEXT) AS session_minutes, start_date, planned_end_date, status, \
                 continues_course_id, group_id FROM courses WHERE id > $1 ORDER BY id LIMIT $2"
            }
            ResearchTable::Sessions => {
                "SELECT s.id, s.client_id, s.course_id, s.session_date, c.start_date AS course_start, s.modality, \
                 s.attendance, CAST(s.duration_minutes AS TEXT) AS duration_minutes, \
                 CAST(s.engagement AS TEXT) AS engagement \
                 FROM therapy_sessions s JOIN courses c ON c.id = s.course_id \
                 WHERE s.id > $1 ORDER BY s.id LIMIT $2"
            }
            ResearchTable::Responses => {
                "SELECT r.id, r.client_id, r.course_id, r.completed_at, c.start_date AS course_start, \
                 r.instrument_id, r.instrument_version, CAST(r.total AS TEXT) AS total, r.band, r.mode \
                 FROM measure_responses r LEFT JOIN courses c ON c.id = r.course_id \
                 WHERE r.id > $1 ORDER BY r.id LIMIT $2"
            }
            ResearchTable::RiskFlags => {
                "SELECT id, client_id, response_id, raised_at, source, instrument_id, CAST(item AS TEXT) AS item, \
                 status, closed_at FROM risk_flags WHERE id > $1 ORDER BY id LIMIT $2"
            }
            // The name is free text: not selected.
            ResearchTable::Groups => {
                "SELECT id, '' AS client_id, protocol_id, CAST(planned_sessions AS TEXT) AS planned_sessions, \
                 start_date, CASE WHEN closed_at IS NULL THEN 'open' ELSE 'closed' END AS status \
                 FROM therapy_groups WHERE id > $1 ORDER BY id LIMIT $2"
            }
            // A membership's id is its group and client; the reason and the goal (free text) are not selected.
            ResearchTable::GroupMembers => {
                "SELECT m.group_id || ':' || m.client_id AS id, m.client_id, m.group_id, m.added_at, \
                 g.start_date AS group_start, m.status, m.problem_areas \
                 FROM group_members m JOIN therapy_groups g ON g.id = m.group_id \
                 WHERE m.group_id || ':' || m.client_id > $1 ORDER BY m.group_id || ':' || m.client_id LIMIT $2"
            }
            // The body is read for its coded fields only (the export picks them; the words stay).
            ResearchTable::Goals => {
                "SELECT r.id, r.client_id, r.course_id, r.created_at, c.start_date AS course_start, r.body \
                 FROM clinical_records r LEFT JOIN courses c ON c.id = r.course_id \
                 WHERE r.kind = 'goal' AND r.removed_at IS NULL AND r.id > $1 ORDER BY r.id LIMIT $2"
            }
            // Every version of every plan; none of its (free-text) sections.
            ResearchTable::SafetyPlans => {
                "SELECT id, client_id, CAST(version AS TEXT) AS version, created_at, \
                 CASE WHEN shared_with_client <> 0 THEN 'yes' ELSE 'no' END AS shared_with_client \
                 FROM safety_plans WHERE id > $1 ORDER BY id LIMIT $2"
            }
        }
    }
}

/// Small counts for the export's summary: (protocol, course status, courses, clients).
pub type CourseCount = (String, String, i64, i64);

impl Store {
    /// Up to `limit` rows of `table` with an id after `after` ("" for the
    /// first page), each as its columns' values.
    #[crate::boxing::boxed_future]
    pub async fn research_page(
        &self,
        table: ResearchTable,
        after: &str,
        limit: i64,
    ) -> Result<Vec<Vec<Option<String>>>> {
        let rows = sqlx::query(table.sql()).bind(after.to_string()).bind(limit).fetch_all(&self.read).await?;
        rows.iter()
            .map(|r| table.columns().iter().map(|c| r.col::<Option<String>>(c).map_err(StoreError::from)).collect())
            .collect()
    }

    /// Courses and their clients counted by protocol and status (the summary table).
    #[crate::boxing::boxed_future]
    pub async fn research_course_counts(&self) -> Result<Vec<CourseCount>> {
        let rows = sqlx::query(
            "SELECT protocol_id, status, COUNT(*) AS courses, COUNT(DISTINCT client_id) AS clients \
             FROM courses GROUP BY protocol_id, status ORDER BY protocol_id, status",
        )
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|r| Ok((r.col("protocol_id")?, r.col("status")?, r.col("courses")?, r.col("clients")?)))
            .collect()
    }

    /// The pseudonym key (64 hexadecimal digits), made and sealed on first use.
    #[crate::boxing::boxed_future]
    pub async fn research_key(&self) -> Result<String> {
        const ACCOUNT: &str = "research-export";
        if let Some(sealed) = self.sealed_research_key().await? {
            return self.open_named_secret(ACCOUNT, &sealed);
        }
        let sealed = self.seal_named_secret(ACCOUNT, &crate::keyfile::new_key_hex())?;
        // Two first exports at once: the first key written stands.
        sqlx::query(
            "INSERT INTO research_key (id, sealed_key, created_at) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING",
        )
        .bind(sealed)
        .bind(Timestamp::now().to_db())
        .execute(&self.write)
        .await?;
        let sealed = self.sealed_research_key().await?.ok_or(StoreError::NotFound)?;
        self.open_named_secret(ACCOUNT, &sealed)
    }

    async fn sealed_research_key(&self) -> Result<Option<String>> {
        let row = sqlx::query("SELECT sealed_key FROM research_key WHERE id = 1").fetch_optional(&self.write).await?;
        row.map(|r| r.col::<String>("sealed_key")).transpose().map_err(StoreError::from)
    }
}
