//! Programme outcomes: the report queries over the read model that
//! `outcome_rows.rs` keeps (docs/reports.md), and its rebuild from scratch.

use crate::outcome_rows::{refresh_range, FLAG_COLUMNS, ROW_COLUMNS};
use crate::row::Named;
use crate::{Result, Store};
use rapport_core::reports::Tally;
use rapport_core::time::format_date;
use rapport_core::Timestamp;
use sqlx::any::AnyRow;
use sqlx::Any;
use std::collections::BTreeMap;
use time::Date;

/// How the rows are cut: one dimension of the breakdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dimension {
    Clinician,
    Site,
    Protocol,
    ProblemArea,
    Format,
    Quarter,
}

impl Dimension {
    pub const BREAKDOWNS: [Dimension; 5] =
        [Dimension::Clinician, Dimension::Site, Dimension::Protocol, Dimension::ProblemArea, Dimension::Format];

    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::Clinician => "clinician",
            Dimension::Site => "site",
            Dimension::Protocol => "protocol",
            Dimension::ProblemArea => "problem_area",
            Dimension::Format => "format",
            Dimension::Quarter => "quarter",
        }
    }

    pub fn parse(s: &str) -> Option<Dimension> {
        [Dimension::Quarter].into_iter().chain(Dimension::BREAKDOWNS).find(|d| d.as_str() == s)
    }

    fn column(self) -> &'static str {
        match self {
            Dimension::Clinician => "clinician_id",
            Dimension::Site => "site_id",
            Dimension::Protocol => "protocol_id",
            Dimension::ProblemArea => "area1",
            Dimension::Format => "format",
            Dimension::Quarter => "ended_quarter",
        }
    }
}

/// Which rows count: a period (inclusive dates) and optional filters; empty
/// strings mean "any". `supervisor_id` limits to the clinicians a supervisor
/// supervises (directly or down a chain).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportFilter {
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub site_id: String,
    pub clinician_id: String,
    pub protocol_id: String,
    pub problem_area: String,
    pub format: String,
    pub supervisor_id: String,
}

/// The WHERE clause every report query shares; `$1`/`$2` bound the date column.
fn where_clause(date_column: &str) -> String {
    format!(
        "WHERE {date_column} >= $1 AND {date_column} <= $2 AND ($3 = '' OR site_id = $3) \
         AND ($4 = '' OR clinician_id = $4) AND ($5 = '' OR protocol_id = $5) \
         AND ($6 = '' OR area1 = $6 OR area2 = $6) AND ($7 = '' OR format = $7) \
         AND ($8 = '' OR clinician_id IN (SELECT clinician_id FROM supervision_reach WHERE supervisor_id = $8))"
    )
}

fn bind_filter<'q>(
    q: sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>>,
    f: &ReportFilter,
) -> sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>> {
    q.bind(f.from.map(format_date).unwrap_or_else(|| "0000-01-01".into()))
        .bind(f.to.map(format_date).unwrap_or_else(|| "9999-12-31".into()))
        .bind(f.site_id.clone())
        .bind(f.clinician_id.clone())
        .bind(f.protocol_id.clone())
        .bind(f.problem_area.clone())
        .bind(f.format.clone())
        .bind(f.supervisor_id.clone())
}

const TALLY_SELECT: &str = "COUNT(*) AS ended, CAST(SUM(finished) AS BIGINT) AS finished, \
     CAST(SUM(dropout) AS BIGINT) AS dropouts, CAST(SUM(attended) AS BIGINT) AS attended, \
     CAST(SUM(missed) AS BIGINT) AS missed, CAST(SUM(paired) AS BIGINT) AS paired, \
     CAST(SUM(case_at_start) AS BIGINT) AS case_at_start, CAST(SUM(recovered) AS BIGINT) AS recovered, \
     CAST(SUM(reliably_improved) AS BIGINT) AS reliably_improved, \
     CAST(SUM(reliably_recovered) AS BIGINT) AS reliably_recovered, \
     CAST(SUM(reliably_deteriorated) AS BIGINT) AS reliably_deteriorated, \
     CAST(SUM(phq9_eligible) AS BIGINT) AS phq9_eligible, CAST(SUM(phq9_response) AS BIGINT) AS phq9_response, \
     CAST(SUM(phq9_remission) AS BIGINT) AS phq9_remission, COUNT(phq9_change) AS phq9_changes, \
     CAST(COALESCE(SUM(phq9_change), 0) AS BIGINT) AS phq9_change_sum, COUNT(gad7_change) AS gad7_changes, \
     CAST(COALESCE(SUM(gad7_change), 0) AS BIGINT) AS gad7_change_sum, \
     CAST(SUM(fidelity_rated) AS BIGINT) AS fidelity_rated, CAST(SUM(fidelity_passed) AS BIGINT) AS fidelity_passed";

fn tally_of(r: &AnyRow) -> Result<Tally> {
    let n = |c: &str| -> Result<i64> { Ok(r.col::<Option<i64>>(c)?.unwrap_or(0)) };
    Ok(Tally {
        ended: n("ended")?,
        finished: n("finished")?,
        dropouts: n("dropouts")?,
        attended: n("attended")?,
        missed: n("missed")?,
        paired: n("paired")?,
        case_at_start: n("case_at_start")?,
        recovered: n("recovered")?,
        reliably_improved: n("reliably_improved")?,
        reliably_recovered: n("reliably_recovered")?,
        reliably_deteriorated: n("reliably_deteriorated")?,
        phq9_eligible: n("phq9_eligible")?,
        phq9_response: n("phq9_response")?,
        phq9_remission: n("phq9_remission")?,
        phq9_changes: n("phq9_changes")?,
        phq9_change_sum: n("phq9_change_sum")?,
        gad7_changes: n("gad7_changes")?,
        gad7_change_sum: n("gad7_change_sum")?,
        fidelity_rated: n("fidelity_rated")?,
        fidelity_passed: n("fidelity_passed")?,
    })
}

/// The funnel of the rows that started in the period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Funnel {
    pub screened: i64,
    pub eligible: i64,
    pub started: i64,
    pub engaged: i64,
    pub finished: i64,
    pub paired: i64,
    pub recovered: i64,
}

/// How risk flags raised in the period were handled, and what waits now.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RiskHandling {
    pub raised: i64,
    /// Minutes from raising to acknowledgement / assessment, sorted.
    pub ack_minutes: Vec<i64>,
    pub assess_minutes: Vec<i64>,
    /// Flags (raised at any time) not acknowledged / assessed past the deadline now.
    pub overdue_ack: i64,
    pub overdue_assessment: i64,
}

impl Store {
    /// Tallies of the rows that ended in the period, by `dim` (key None: rows
    /// without a value). Problem areas count a course under each of its areas.
    #[crate::boxing::boxed_future]
    pub async fn outcome_breakdown(
        &self,
        filter: &ReportFilter,
        dim: Dimension,
    ) -> Result<Vec<(Option<String>, Tally)>> {
        let col = dim.column();
        let mut sql =
            format!("SELECT {col} AS k, {TALLY_SELECT} FROM outcome_rows {} GROUP BY {col}", where_clause("ended_on"));
        if dim == Dimension::ProblemArea {
            // The second area: a course working on two areas counts under both.
            sql = format!(
                "{sql} UNION ALL SELECT area2 AS k, {TALLY_SELECT} FROM outcome_rows {} AND area2 IS NOT NULL GROUP BY area2",
                where_clause("ended_on")
            );
        }
        let rows = bind_filter(sqlx::query(&sql), filter).fetch_all(&self.read).await?;
        let mut out: BTreeMap<Option<String>, Tally> = BTreeMap::new();
        for r in rows {
            out.entry(r.col("k")?).or_default().add(&tally_of(&r)?);
        }
        Ok(out.into_iter().collect())
    }

    /// Tallies by quarter and site at once (the dashboard folds them into
    /// its totals, its chart by quarter and its bars by site): one scan.
    #[crate::boxing::boxed_future]
    pub async fn outcome_quarters_and_sites(
        &self,
        filter: &ReportFilter,
    ) -> Result<Vec<(Option<String>, Option<String>, Tally)>> {
        let sql = format!(
            "SELECT ended_quarter AS q, site_id AS s, {TALLY_SELECT} FROM outcome_rows {} GROUP BY ended_quarter, site_id",
            where_clause("ended_on")
        );
        let rows = bind_filter(sqlx::query(&sql), filter).fetch_all(&self.read).await?;
        rows.iter().map(|r| Ok((r.col("q")?, r.col("s")?, tally_of(r)?))).collect()
    }

    /// The funnel of rows that started in the period, with the screenings
    /// recorded in it (screenings filter by site, protocol and screener only).
    #[crate::boxing::boxed_future]
    pub async fn outcome_funnel(&self, filter: &ReportFilter) -> Result<Funnel> {
        let sql = format!(
            "SELECT COUNT(*) AS started, CAST(SUM(engaged) AS BIGINT) AS engaged, \
             CAST(SUM(finished) AS BIGINT) AS finished, CAST(SUM(paired) AS BIGINT) AS paired, \
             CAST(SUM(recovered) AS BIGINT) AS recovered FROM outcome_rows {}",
            where_clause("started_on")
        );
        let r = bind_filter(sqlx::query(&sql), filter).fetch_one(&self.read).await?;
        let n = |c: &str| -> Result<i64> { Ok(r.col::<Option<i64>>(c)?.unwrap_or(0)) };
        let mut funnel = Funnel {
            started: n("started")?,
            engaged: n("engaged")?,
            finished: n("finished")?,
            paired: n("paired")?,
            recovered: n("recovered")?,
            ..Default::default()
        };
        if filter.problem_area.is_empty() && matches!(filter.format.as_str(), "" | "group") {
            let s = sqlx::query(
                "SELECT COUNT(*) AS screened, \
                 CAST(COALESCE(SUM(CASE WHEN outcome = 'eligible' THEN 1 ELSE 0 END), 0) AS BIGINT) AS eligible \
                 FROM screenings WHERE screened_at >= $1 AND screened_at < $2 AND ($3 = '' OR site_id = $3) \
                 AND ($4 = '' OR screened_by = $4) AND ($5 = '' OR protocol_id = $5) \
                 AND ($6 = '' OR screened_by IN (SELECT clinician_id FROM supervision_reach WHERE supervisor_id = $6))",
            )
            .bind(filter.from.map(format_date).unwrap_or_else(|| "0000-01-01".into()))
            .bind(filter.to.map(|d| format_date(d.next_day().unwrap_or(d))).unwrap_or_else(|| "9999-12-31".into()))
            .bind(filter.site_id.clone())
            .bind(filter.clinician_id.clone())
            .bind(filter.protocol_id.clone())
            .bind(filter.supervisor_id.clone())
            .fetch_one(&self.read)
            .await?;
            funnel.screened = s.col("screened")?;
            funnel.eligible = s.col::<Option<i64>>("eligible")?.unwrap_or(0);
        }
        Ok(funnel)
    }

    /// Risk handling: flags raised in the period with their times, and flags
    /// past a deadline now (`ack_cutoff`/`assess_cutoff`: now minus the deadline).
    #[crate::boxing::boxed_future]
    pub async fn outcome_risk(
        &self,
        filter: &ReportFilter,
        ack_cutoff: Timestamp,
        assess_cutoff: Timestamp,
    ) -> Result<RiskHandling> {
        // Dates bound the period; raised_at is a timestamp, so the end is the next day.
        let period =
            ReportFilter { from: filter.from, to: filter.to.map(|d| d.next_day().unwrap_or(d)), ..filter.clone() };
        let sql = format!(
            "SELECT ack_minutes, assess_minutes FROM outcome_flags {}",
            where_clause("raised_at").replace("raised_at <= $2", "raised_at < $2")
        );
        let rows = bind_filter(sqlx::query(&sql), &period).fetch_all(&self.read).await?;
        let mut out = RiskHandling { raised: rows.len() as i64, ..Default::default() };
        for r in &rows {
            if let Some(m) = r.col::<Option<i64>>("ack_minutes")? {
                out.ack_minutes.push(m);
            }
            if let Some(m) = r.col::<Option<i64>>("assess_minutes")? {
                out.assess_minutes.push(m);
            }
        }
        out.ack_minutes.sort_unstable();
        out.assess_minutes.sort_unstable();
        let any_time = ReportFilter { from: None, to: None, ..filter.clone() };
        for (column, cutoff, slot) in [
            ("acknowledged_at", ack_cutoff, &mut out.overdue_ack),
            ("assessed_at", assess_cutoff, &mut out.overdue_assessment),
        ] {
            let sql = format!(
                "SELECT COUNT(*) AS n FROM outcome_flags {} AND {column} IS NULL AND raised_at < $9",
                where_clause("raised_at")
            );
            let r = bind_filter(sqlx::query(&sql), &any_time).bind(cutoff.to_db()).fetch_one(&self.read).await?;
            *slot = r.col("n")?;
        }
        Ok(out)
    }

    /// Every row of the read model, in key order: for tests and the rebuild check.
    #[crate::boxing::boxed_future]
    pub async fn outcome_rows_dump(&self) -> Result<Vec<String>> {
        let sql = format!("SELECT {} FROM outcome_rows ORDER BY key", ROW_COLUMNS.join(", "));
        let rows = sqlx::query(&sql).fetch_all(&self.read).await?;
        let flags = sqlx::query(&format!("SELECT {} FROM outcome_flags ORDER BY flag_id", FLAG_COLUMNS.join(", ")))
            .fetch_all(&self.read)
            .await?;
        let mut out = Vec::new();
        for (r, columns) in rows.iter().map(|r| (r, ROW_COLUMNS)).chain(flags.iter().map(|r| (r, FLAG_COLUMNS))) {
            let mut line = Vec::new();
            for c in columns {
                let text = match r.col::<Option<String>>(c) {
                    Ok(v) => v.unwrap_or_else(|| "-".into()),
                    Err(_) => r.col::<Option<i64>>(c)?.map(|v| v.to_string()).unwrap_or_else(|| "-".into()),
                };
                line.push(text);
            }
            out.push(line.join("|"));
        }
        Ok(out)
    }

    /// Whether the read model has been built since it was added (an upgraded
    /// database holds data but no rows until the first rebuild).
    #[crate::boxing::boxed_future]
    pub async fn outcomes_built(&self) -> Result<bool> {
        let r = sqlx::query("SELECT built_at FROM outcome_model WHERE id = 1").fetch_one(&self.read).await?;
        Ok(r.col::<Option<String>>("built_at")?.is_some())
    }

    /// Rebuilds the read model from the records, `batch` clients per
    /// transaction; `progress(done, total)` after each batch. Returns the rows written.
    pub async fn rebuild_outcomes(&self, batch: usize, mut progress: impl FnMut(u64, u64) + Send) -> Result<u64> {
        let total: i64 = sqlx::query("SELECT COUNT(*) AS n FROM clients").fetch_one(&self.read).await?.col("n")?;
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM outcome_rows").execute(&mut *tx).await?;
        sqlx::query("DELETE FROM outcome_flags").execute(&mut *tx).await?;
        tx.commit().await?;
        let (mut done, mut rows, mut after) = (0u64, 0u64, String::new());
        loop {
            let ids = sqlx::query("SELECT id FROM clients WHERE id > $1 ORDER BY id LIMIT $2")
                .bind(after.clone())
                .bind(batch.max(1) as i64)
                .fetch_all(&self.read)
                .await?;
            let (Some(first), Some(last)) = (ids.first(), ids.last()) else { break };
            let (lo, hi): (String, String) = (first.col("id")?, last.col("id")?);
            let mut tx = self.begin_write().await?;
            rows += refresh_range(&mut tx, &lo, &hi).await? as u64;
            tx.commit().await?;
            done += ids.len() as u64;
            progress(done, total as u64);
            after = hi;
        }
        sqlx::query("UPDATE outcome_model SET built_at = $1 WHERE id = 1")
            .bind(Timestamp::now().to_db())
            .execute(&self.write)
            .await?;
        Ok(rows)
    }
}
