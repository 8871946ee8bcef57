//! Programme outcomes: the report queries over the read model that
//! `outcome_rows.rs` keeps (docs/reports.md), its catch-up and its rebuild.
//!
//! A report over the whole organisation (no filter but the period) reads the
//! running totals: two lookups per line of the breakdown, whatever the period
//! and however many courses it holds. A filtered report (a site, a clinician,
//! a supervisor's reach...) sums the rows it selects.

use crate::outcome_rows::{
    catch_up, pending_sql, rebuild_totals, refresh_range, Totals, CATCH_UP_BATCH, FLAG_COLUMNS, ROW_COLUMNS,
};
use crate::row::Named;
use crate::{Result, Store};
use rapport_core::reports::{total_before, Basis, Month, Sums, Tally, SUM_COLUMNS};
use rapport_core::time::format_date;
use rapport_core::Timestamp;
use sqlx::any::AnyRow;
use sqlx::Any;
use std::collections::{BTreeMap, HashMap};
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

impl ReportFilter {
    /// Whether only the period limits the rows (the running totals answer these).
    pub fn is_whole_organisation(&self) -> bool {
        [&self.site_id, &self.clinician_id, &self.protocol_id, &self.problem_area, &self.format, &self.supervisor_id]
            .iter()
            .all(|v| v.is_empty())
    }

    fn bounds(&self) -> (String, String) {
        (
            self.from.map(format_date).unwrap_or_else(|| "0000-01-01".into()),
            self.to.map(format_date).unwrap_or_else(|| "9999-12-31".into()),
        )
    }
}

/// A day that running totals are read before (exclusive), with the first
/// day of its month and the month before, as stored.
struct DayBound {
    day: String,
    month_start: String,
    month_before: String,
}

impl DayBound {
    fn of(d: Date) -> DayBound {
        let month = Month::of(d);
        DayBound { day: format_date(d), month_start: month.first_day(), month_before: month.previous().to_string() }
    }

    /// Before `from`; without one, before everything.
    fn at(from: Option<Date>) -> DayBound {
        from.map(DayBound::of).unwrap_or_else(|| DayBound::unbounded("0000-01-01"))
    }

    /// Before the day after `to`; without one (or after the last date), after everything.
    fn after(to: Option<Date>) -> DayBound {
        to.and_then(Date::next_day).map(DayBound::of).unwrap_or_else(|| DayBound::unbounded("9999-99-99"))
    }

    /// A bound outside every line's days: its month's part is empty and no
    /// checkpoint is read (every line is wholly after or before it).
    fn unbounded(day: &str) -> DayBound {
        DayBound { day: day.into(), month_start: day.into(), month_before: String::new() }
    }
}

/// A report's reads of the running totals (decision 45), as SQL texts and
/// their parameters; the reads themselves run on the pool or in one snapshot.
struct TotalsQuery<'a> {
    basis: Basis,
    dim: &'a str,
    from: DayBound,
    to: DayBound,
}

/// The packed texts a report read: the lines, and for each bound read around
/// (`lo`: the period's start, `hi`: the day after its end) its part-month rows
/// and its month-before checkpoints.
#[derive(Default)]
struct TotalsRead {
    lines: Option<String>,
    lo: (Option<Option<String>>, Option<Option<String>>),
    hi: (Option<Option<String>>, Option<Option<String>>),
}

impl TotalsQuery<'_> {
    /// The first and last day over all lines; None without lines.
    async fn span<'e, E: sqlx::Executor<'e, Database = Any>>(&self, ex: E) -> Result<Option<(String, String)>> {
        let r = sqlx::query(
            "SELECT MIN(first_day) AS lo, MAX(last_day) AS hi FROM outcome_keys WHERE basis = $1 AND dim = $2",
        )
        .bind(self.basis.as_str())
        .bind(self.dim.to_string())
        .fetch_one(ex)
        .await?;
        Ok(r.col::<Option<String>>("lo")?.zip(r.col::<Option<String>>("hi")?))
    }

    fn lines_sql(&self) -> String {
        format!(
            "SELECT {} AS lines FROM outcome_keys k \
             WHERE k.basis = $1 AND k.dim = $2 AND k.first_day < $3 AND k.last_day >= $4",
            packed_lines("k", &["first_day", "last_day"], "$5")
        )
    }

    fn line_binds(&self) -> [String; 5] {
        [self.basis.as_str().into(), self.dim.into(), self.to.day.clone(), self.from.day.clone(), "\n".into()]
    }

    /// Every row of a bound's month before the bound, with its day (each
    /// line's last one is picked when merged): one range of the index by
    /// day, on rows that a rebuild lays out in day order (decision 57). Asking
    /// the database for each line's last row instead (a `GROUP BY` and a
    /// lookup per line) cost a random page read per line: 140 ms for 16,851
    /// lines on PostgreSQL at 1M clients, against 62 ms for these 27,264 rows.
    fn part_sql(&self) -> String {
        format!(
            "SELECT {} AS lines FROM outcome_totals t \
             WHERE t.basis = $1 AND t.dim = $2 AND t.day >= $3 AND t.day < $4",
            packed_lines("t", &["day"], "$5")
        )
    }

    /// Each line's checkpoint at the end of the month before a bound's.
    fn months_sql(&self) -> String {
        format!(
            "SELECT {} AS lines FROM outcome_months m WHERE m.basis = $1 AND m.dim = $2 AND m.month = $3",
            packed_lines("m", &[], "$4")
        )
    }

    fn around_binds(&self, bound: &DayBound) -> ([String; 5], [String; 4]) {
        let (b, d) = (self.basis.as_str().to_string(), self.dim.to_string());
        (
            [b.clone(), d.clone(), bound.month_start.clone(), bound.day.clone(), "\n".into()],
            [b, d, bound.month_before.clone(), "\n".into()],
        )
    }

    /// The same reads, one after another on one connection (in one snapshot
    /// when the caller's transaction gives one).
    async fn read_in(&self, conn: &mut sqlx::AnyConnection) -> Result<TotalsRead> {
        let Some((first, last)) = self.span(&mut *conn).await? else { return Ok(TotalsRead::default()) };
        let lines = read_packed(&mut *conn, &self.lines_sql(), &self.line_binds()).await?;
        let mut read = TotalsRead { lines, ..Default::default() };
        let bounds = [(self.from.day > first, &self.from, &mut read.lo), (self.to.day <= last, &self.to, &mut read.hi)];
        for (inside, bound, slot) in bounds {
            if inside {
                let binds = self.around_binds(bound);
                let part = read_packed(&mut *conn, &self.part_sql(), &binds.0).await?;
                let months = read_packed(&mut *conn, &self.months_sql(), &binds.1).await?;
                *slot = (Some(part), Some(months));
            }
        }
        Ok(read)
    }

    /// Each line's sums over the period, from what was read.
    fn merge(&self, read: TotalsRead) -> Result<Vec<(Option<String>, Sums)>> {
        // Keyed by slices of the texts read: a breakdown by clinician has tens
        // of thousands of lines, and each text's map allocated a String per line.
        fn by_key(packed: &Option<Option<String>>) -> Result<Option<HashMap<&str, Sums>>> {
            let Some(packed) = packed else { return Ok(None) };
            let text = packed.as_deref().unwrap_or_default();
            text.split('\n')
                .filter(|r| !r.is_empty())
                .map(|r| unpack_line::<0>(r).map(|(_, sums, key)| (key, sums)))
                .collect::<Result<HashMap<_, _>>>()
                .map(Some)
        }
        // A part-month's rows, each line's last (latest day) kept.
        fn last_by_key(packed: &Option<Option<String>>) -> Result<Option<HashMap<&str, Sums>>> {
            let Some(packed) = packed else { return Ok(None) };
            let mut last: HashMap<&str, (&str, Sums)> = HashMap::new();
            for r in packed.as_deref().unwrap_or_default().split('\n').filter(|r| !r.is_empty()) {
                let ([day], sums, key) = unpack_line::<1>(r)?;
                let kept = last.entry(key).or_insert((day, sums));
                if day > kept.0 {
                    *kept = (day, sums);
                }
            }
            Ok(Some(last.into_iter().map(|(k, (_, sums))| (k, sums)).collect()))
        }
        let (lo_part, lo_months, hi_part, hi_months) =
            (last_by_key(&read.lo.0)?, by_key(&read.lo.1)?, last_by_key(&read.hi.0)?, by_key(&read.hi.1)?);
        let text = read.lines.as_deref().unwrap_or_default();
        let mut out = Vec::new();
        for record in text.split('\n').filter(|r| !r.is_empty()) {
            let ([first_day, last_day], latest, key) = unpack_line::<2>(record)?;
            let before =
                |bound: &DayBound, part: &Option<HashMap<&str, Sums>>, months: &Option<HashMap<&str, Sums>>| {
                    let part = part.as_ref().and_then(|m| m.get(key));
                    let checkpoint = months.as_ref().and_then(|m| m.get(key));
                    total_before(first_day, last_day, &latest, &bound.day, part, checkpoint)
                };
            let (end, start) = (before(&self.to, &hi_part, &hi_months), before(&self.from, &lo_part, &lo_months));
            let mut sums: Sums = [0; 22];
            for (slot, (e, s)) in sums.iter_mut().zip(end.iter().zip(start.iter())) {
                *slot = e - s;
            }
            if sums[0] == 0 {
                continue;
            }
            out.push(((!key.is_empty() || self.dim == "all").then(|| key.to_string()), sums));
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(out)
    }
}

/// Every line's numbers in one text: each line is `lead` text fields, the 22
/// [`SUM_COLUMNS`] and the key, comma-separated, lines separated by a newline
/// (bound as `$sep`). sqlx decodes each value of each row on its own (about
/// 5 µs for a row of 22 numbers), and a breakdown by clinician can have tens
/// of thousands of lines; the key comes last, so nothing in it can shift the
/// numbers. The numbers are joined by `concat_ws` (SQLite 3.44 and later,
/// PostgreSQL), which builds them at once: a `||` per field copied the
/// growing line each time, 20 ms more per 25,000 lines on SQLite. Text fields
/// are joined by `||`, because SQLite's `concat_ws` leaves out an empty
/// string (the key of `all` is one) and PostgreSQL's keeps it.
fn packed_lines(table_alias: &str, lead: &[&str], sep: &str) -> String {
    let numbers: Vec<String> = SUM_COLUMNS.iter().map(|c| format!("{table_alias}.{c}")).collect();
    let lead: String = lead.iter().map(|f| format!("{table_alias}.{f} || ',' || ")).collect();
    format!("string_agg({lead}concat_ws(',', {}) || ',' || {table_alias}.key, {sep})", numbers.join(", "))
}

/// One line of [`packed_lines`]: its `LEAD` fields, sums and key.
fn unpack_line<const LEAD: usize>(record: &str) -> Result<([&str; LEAD], Sums, &str)> {
    let corrupt = || sqlx::Error::Decode(format!("a running total line: {record:?}").into());
    let mut fields = record.splitn(LEAD + 23, ',');
    let mut leading = [""; LEAD];
    for slot in leading.iter_mut() {
        *slot = fields.next().ok_or_else(corrupt)?;
    }
    let mut sums: Sums = [0; 22];
    for slot in sums.iter_mut() {
        *slot = fields.next().and_then(parse_count).ok_or_else(corrupt)?;
    }
    let key = fields.next().ok_or_else(corrupt)?;
    Ok((leading, sums, key))
}

/// A running total as the database writes it: digits, perhaps after a minus
/// sign (a change sum can be negative). Faster than `str::parse` on the
/// hundreds of thousands of numbers a breakdown by clinician reads; None for
/// anything else, or a number that does not fit.
fn parse_count(text: &str) -> Option<i64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || digits.len() > 18 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        // Longer than any sum that fits in 18 digits, or not a number: the
        // standard parser decides.
        return text.parse().ok();
    }
    let n = digits.bytes().fold(0i64, |n, b| n * 10 + i64::from(b - b'0'));
    Some(if digits.len() < text.len() { -n } else { n })
}

/// A bound's part-month rows and month-before checkpoints, side by side;
/// nothing when the bound is not `inside` any line's days.
async fn read_around(
    pool: &sqlx::AnyPool,
    inside: bool,
    part_sql: &str,
    months_sql: &str,
    binds: &([String; 5], [String; 4]),
) -> Result<(Option<Option<String>>, Option<Option<String>>)> {
    if !inside {
        return Ok((None, None));
    }
    let (part, months) =
        tokio::try_join!(read_packed(pool, part_sql, &binds.0), read_packed(pool, months_sql, &binds.1))?;
    Ok((Some(part), Some(months)))
}

/// The packed lines of `sql` (binds in order).
async fn read_packed<'e, E: sqlx::Executor<'e, Database = Any>>(
    ex: E,
    sql: &str,
    binds: &[String],
) -> Result<Option<String>> {
    let mut q = sqlx::query(sql);
    for b in binds {
        q = q.bind(b.clone());
    }
    Ok(q.fetch_one(ex).await?.col("lines")?)
}

/// The dashboard's tallies of the rows that ended in the period: all of
/// them, by quarter and by site.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overview {
    pub totals: Tally,
    pub by_quarter: Vec<(Option<String>, Tally)>,
    pub by_site: Vec<(Option<String>, Tally)>,
}

/// What a catch-up of the read model did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CatchUp {
    /// Audit entries read that may change a record (reads are skipped).
    pub entries: u64,
    /// Clients whose rows were recomputed.
    pub clients: u64,
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
    let (from, to) = f.bounds();
    q.bind(from)
        .bind(to)
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
        if filter.is_whole_organisation() && self.outcome_totals_ready().await? {
            let lines = self.running_totals(Basis::Ended, dim.as_str(), filter).await?;
            return Ok(lines.into_iter().map(|(k, s)| (k, Tally::of_sums(&s))).collect());
        }
        self.outcome_breakdown_scan(filter, dim).await
    }

    /// Whether the running totals are built and kept (not while the read
    /// model is rebuilt or before a first catch-up after an import).
    async fn outcome_totals_ready(&self) -> Result<bool> {
        let r = sqlx::query("SELECT totals_built FROM outcome_model WHERE id = 1").fetch_one(&self.read).await?;
        Ok(r.col::<i64>("totals_built")? == 1)
    }

    /// For each key of `dim` with rows in the period, their sums: the running
    /// total before the day after it minus the one before its first day.
    async fn running_totals(
        &self,
        basis: Basis,
        dim: &str,
        filter: &ReportFilter,
    ) -> Result<Vec<(Option<String>, Sums)>> {
        if matches!((filter.from, filter.to), (Some(f), Some(t)) if f > t) {
            return Ok(Vec::new());
        }
        let q = TotalsQuery { basis, dim, from: DayBound::at(filter.from), to: DayBound::after(filter.to) };
        // The reads run side by side on the read pool, each in its own
        // snapshot: they agree when no catch-up or rebuild committed between
        // them (each moves the mark). Otherwise read again, and after a few
        // tries read them one after another in one snapshot.
        for _ in 0..3 {
            let mark = self.totals_mark().await?;
            let read = self.read_totals_side_by_side(&q).await?;
            if self.totals_mark().await? == mark {
                return q.merge(read);
            }
        }
        self.totals_in_one_snapshot(&q).await
    }

    async fn totals_in_one_snapshot(&self, q: &TotalsQuery<'_>) -> Result<Vec<(Option<String>, Sums)>> {
        let mut tx = self.read.begin().await?;
        if self.backend == crate::Backend::Postgres {
            // One snapshot for every statement of the transaction.
            sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").execute(&mut *tx).await?;
        }
        let read = q.read_in(&mut tx).await?;
        tx.commit().await?;
        q.merge(read)
    }

    /// A whole-organisation breakdown from the running totals read one after
    /// another in one snapshot: what a report falls back to when catch-ups
    /// keep landing between its side-by-side reads (public so that tests can
    /// compare it with the rows; None when the totals are not built).
    #[crate::boxing::boxed_future]
    pub async fn outcome_breakdown_in_one_snapshot(
        &self,
        filter: &ReportFilter,
        dim: Dimension,
    ) -> Result<Option<Vec<(Option<String>, Tally)>>> {
        if !filter.is_whole_organisation() || !self.outcome_totals_ready().await? {
            return Ok(None);
        }
        if matches!((filter.from, filter.to), (Some(f), Some(t)) if f > t) {
            return Ok(Some(Vec::new()));
        }
        let q = TotalsQuery {
            basis: Basis::Ended,
            dim: dim.as_str(),
            from: DayBound::at(filter.from),
            to: DayBound::after(filter.to),
        };
        let lines = self.totals_in_one_snapshot(&q).await?;
        Ok(Some(lines.into_iter().map(|(k, s)| (k, Tally::of_sums(&s))).collect()))
    }

    /// What every change to the running totals moves: the catch-up mark and
    /// whether the totals are built.
    async fn totals_mark(&self) -> Result<(i64, i64)> {
        let r = sqlx::query("SELECT applied_seq, totals_built FROM outcome_model WHERE id = 1")
            .fetch_one(&self.read)
            .await?;
        Ok((r.col("applied_seq")?, r.col("totals_built")?))
    }

    async fn read_totals_side_by_side(&self, q: &TotalsQuery<'_>) -> Result<TotalsRead> {
        let Some((first, last)) = q.span(&self.read).await? else { return Ok(TotalsRead::default()) };
        let (lines_sql, part_sql, months_sql) = (q.lines_sql(), q.part_sql(), q.months_sql());
        let (line_binds, lo, hi) = (q.line_binds(), q.around_binds(&q.from), q.around_binds(&q.to));
        let (lines, lo, hi) = tokio::try_join!(
            read_packed(&self.read, &lines_sql, &line_binds),
            read_around(&self.read, q.from.day > first, &part_sql, &months_sql, &lo),
            read_around(&self.read, q.to.day <= last, &part_sql, &months_sql, &hi),
        )?;
        Ok(TotalsRead { lines, lo, hi })
    }

    /// [`Store::outcome_breakdown`] by summing the rows themselves (what a
    /// filtered report does; public so tests can compare it with the totals).
    #[crate::boxing::boxed_future]
    pub async fn outcome_breakdown_scan(
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

    /// The rows that ended in the period: their tally, by quarter and by site.
    #[crate::boxing::boxed_future]
    pub async fn outcome_overview(&self, filter: &ReportFilter) -> Result<Overview> {
        if filter.is_whole_organisation() && self.outcome_totals_ready().await? {
            let tallies = |lines: Vec<(Option<String>, Sums)>| {
                lines.into_iter().map(|(k, s)| (k, Tally::of_sums(&s))).collect::<Vec<_>>()
            };
            let mut totals = Tally::default();
            for (_, t) in tallies(self.running_totals(Basis::Ended, "all", filter).await?) {
                totals.add(&t);
            }
            return Ok(Overview {
                totals,
                by_quarter: tallies(self.running_totals(Basis::Ended, "quarter", filter).await?),
                by_site: tallies(self.running_totals(Basis::Ended, "site", filter).await?),
            });
        }
        // One scan, by quarter and site at once, folded three ways.
        let sql = format!(
            "SELECT ended_quarter AS q, site_id AS s, {TALLY_SELECT} FROM outcome_rows {} GROUP BY ended_quarter, site_id",
            where_clause("ended_on")
        );
        let rows = bind_filter(sqlx::query(&sql), filter).fetch_all(&self.read).await?;
        let (mut totals, mut quarters, mut sites) =
            (Tally::default(), BTreeMap::<Option<String>, Tally>::new(), BTreeMap::<Option<String>, Tally>::new());
        for r in &rows {
            let t = tally_of(r)?;
            totals.add(&t);
            quarters.entry(r.col("q")?).or_default().add(&t);
            sites.entry(r.col("s")?).or_default().add(&t);
        }
        Ok(Overview { totals, by_quarter: quarters.into_iter().collect(), by_site: sites.into_iter().collect() })
    }

    /// The funnel of rows that started in the period, with the screenings
    /// recorded in it (screenings filter by site, protocol and screener only).
    #[crate::boxing::boxed_future]
    pub async fn outcome_funnel(&self, filter: &ReportFilter) -> Result<Funnel> {
        let mut funnel = if filter.is_whole_organisation() && self.outcome_totals_ready().await? {
            let sums = self.running_totals(Basis::Started, "all", filter).await?;
            let s = sums.first().map(|(_, s)| *s).unwrap_or([0; 22]);
            // rows_n, engaged, finished, paired, recovered (SUM_COLUMNS).
            Funnel { started: s[0], engaged: s[2], finished: s[3], paired: s[7], recovered: s[9], ..Default::default() }
        } else {
            self.outcome_funnel_scan(filter).await?
        };
        self.add_screenings(filter, &mut funnel).await?;
        Ok(funnel)
    }

    /// The funnel summed from the rows (a filtered report; public so tests
    /// can compare it with the running totals). Without the screenings.
    #[crate::boxing::boxed_future]
    pub async fn outcome_funnel_scan(&self, filter: &ReportFilter) -> Result<Funnel> {
        let sql = format!(
            "SELECT COUNT(*) AS started, CAST(SUM(engaged) AS BIGINT) AS engaged, \
             CAST(SUM(finished) AS BIGINT) AS finished, CAST(SUM(paired) AS BIGINT) AS paired, \
             CAST(SUM(recovered) AS BIGINT) AS recovered FROM outcome_rows {}",
            where_clause("started_on")
        );
        let r = bind_filter(sqlx::query(&sql), filter).fetch_one(&self.read).await?;
        let n = |c: &str| -> Result<i64> { Ok(r.col::<Option<i64>>(c)?.unwrap_or(0)) };
        Ok(Funnel {
            started: n("started")?,
            engaged: n("engaged")?,
            finished: n("finished")?,
            paired: n("paired")?,
            recovered: n("recovered")?,
            ..Default::default()
        })
    }

    /// The screenings recorded in the period, when the filter allows them
    /// (screenings filter by site, protocol and screener only).
    async fn add_screenings(&self, filter: &ReportFilter, funnel: &mut Funnel) -> Result<()> {
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
        Ok(())
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

    /// How many audit entries, reads included, the read model has not taken
    /// in yet: 0 right after a catch-up with no writes since.
    #[crate::boxing::boxed_future]
    pub async fn outcomes_behind(&self) -> Result<i64> {
        let r = sqlx::query(
            "SELECT h.last_seq - m.applied_seq AS behind FROM outcome_model m, audit_head h WHERE m.id = 1 AND h.id = 1",
        )
        .fetch_one(&self.read)
        .await?;
        Ok(r.col("behind")?)
    }

    /// Brings the read model up to date with every write committed so far
    /// (see `outcome_rows`): reports call it before they read, the server
    /// every few seconds. Cheap when there is nothing to do (one read).
    #[crate::boxing::boxed_future]
    pub async fn catch_up_outcomes(&self) -> Result<CatchUp> {
        let mut done = CatchUp::default();
        loop {
            let r = sqlx::query(pending_sql()).fetch_one(&self.read).await?;
            let (applied, built, head): (i64, i64, i64) =
                (r.col("applied_seq")?, r.col("totals_built")?, r.col("last_seq")?);
            if applied >= head && built != 0 {
                return Ok(done);
            }
            if built != 0 && r.col::<Option<i64>>("next_change")?.is_none() {
                // Only reads since the mark (every read is audited, so this is
                // the usual case): move the mark past them in a write that
                // reads nothing, so the writer is held for one update, not a
                // scan. It moves only if nothing else moved it meanwhile.
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "UPDATE outcome_model SET applied_seq = $1 WHERE id = 1 AND applied_seq = $2 AND totals_built = $3",
                )
                .bind(head)
                .bind(applied)
                .bind(built)
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                return Ok(done);
            }
            let mut tx = self.begin_write().await?;
            let (entries, clients) = catch_up(&mut tx).await?;
            tx.commit().await?;
            done.entries += entries as u64;
            done.clients += clients as u64;
            if (entries as i64) < CATCH_UP_BATCH {
                return Ok(done);
            }
        }
    }

    /// Rebuilds the read model from the records, `batch` clients per
    /// transaction; `progress(done, total)` after each batch. Returns the rows
    /// written. Writes made meanwhile are caught up afterwards (they come
    /// after the audit entry the rebuild started from).
    pub async fn rebuild_outcomes(&self, batch: usize, mut progress: impl FnMut(u64, u64) + Send) -> Result<u64> {
        let total: i64 = sqlx::query("SELECT COUNT(*) AS n FROM clients").fetch_one(&self.read).await?.col("n")?;
        let mut tx = self.begin_write().await?;
        // built_at stays empty until the end, so an interrupted rebuild is
        // done again when the server next starts.
        sqlx::query(
            "UPDATE outcome_model SET applied_seq = COALESCE((SELECT last_seq FROM audit_head WHERE id = 1), 0), \
             totals_built = 2, built_at = NULL WHERE id = 1",
        )
        .execute(&mut *tx)
        .await?;
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
            lock_outcome_model(&mut tx).await?;
            rows += refresh_range(&mut tx, &lo, &hi, Totals::RebuildLater).await? as u64;
            tx.commit().await?;
            done += ids.len() as u64;
            progress(done, total as u64);
            after = hi;
        }
        let mut tx = self.begin_write().await?;
        lock_outcome_model(&mut tx).await?;
        rebuild_totals(&mut tx).await?;
        sqlx::query("UPDATE outcome_model SET built_at = $1 WHERE id = 1")
            .bind(Timestamp::now().to_db())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(rows)
    }
}

/// Takes the read model's state row for the transaction: whatever changes
/// outcome rows takes it first, so catch-ups and rebuild steps take turns.
async fn lock_outcome_model(tx: &mut sqlx::Transaction<'static, Any>) -> Result<()> {
    sqlx::query("UPDATE outcome_model SET applied_seq = applied_seq WHERE id = 1").execute(&mut **tx).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{OpenOptions, Target};

    #[test]
    fn counts_parse_as_the_standard_parser_does() {
        for text in ["0", "7", "-3", "120", "-0", "999999999999999999", "-999999999999999999"] {
            assert_eq!(parse_count(text), text.parse().ok(), "{text}");
        }
        assert_eq!(parse_count("9223372036854775807"), Some(i64::MAX), "19 digits go to the standard parser");
        assert_eq!(parse_count("-9223372036854775808"), Some(i64::MIN));
        for junk in ["", "-", "--1", "1-", "1.5", " 1", "x", "9223372036854775808"] {
            assert_eq!(parse_count(junk), None, "{junk:?}");
        }
    }

    #[test]
    fn a_packed_line_gives_its_lead_sums_and_key_and_refuses_a_short_one() {
        let numbers: Vec<String> = (0..22).map(|i| (i * 3 - 10).to_string()).collect();
        let record = format!("2025-01-02,2026-03-04,{},key,with,commas", numbers.join(","));
        let (lead, sums, key) = unpack_line::<2>(&record).unwrap();
        assert_eq!(lead, ["2025-01-02", "2026-03-04"]);
        assert_eq!(sums.to_vec(), (0..22).map(|i| i * 3 - 10).collect::<Vec<i64>>());
        assert_eq!(key, "key,with,commas", "the key is the rest of the line");
        assert!(unpack_line::<2>("2025-01-02,2026-03-04,1,2,3").is_err(), "too few numbers");
        assert!(unpack_line::<0>(&format!("{},x,key", numbers[..21].join(","))).is_err(), "a number that is not one");
    }

    /// A report's part-month read walks the running totals' index by day
    /// however the planner is informed: a new database has no statistics,
    /// and then SQLite once read every day of every line for it (decision 56).
    #[tokio::test]
    async fn a_part_month_read_uses_the_index_by_day_without_statistics() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&Target::DataDir(dir.path().into()), OpenOptions::default()).await.unwrap();
        let day = |s: &str| rapport_core::time::parse_date(s).unwrap();
        let q = TotalsQuery {
            basis: Basis::Ended,
            dim: "clinician",
            from: DayBound::at(Some(day("2025-11-30"))),
            to: DayBound::after(Some(day("2026-11-30"))),
        };
        let (binds, _) = q.around_binds(&q.from);
        let sql = format!("EXPLAIN QUERY PLAN {}", q.part_sql());
        let mut explain = sqlx::query(&sql);
        for b in binds {
            explain = explain.bind(b);
        }
        let plan: Vec<String> =
            explain.fetch_all(&store.read).await.unwrap().iter().map(|r| r.col::<String>("detail").unwrap()).collect();
        assert_eq!(
            plan,
            ["SEARCH t USING INDEX outcome_totals_by_day (basis=? AND dim=? AND day>? AND day<?)"],
            "the part-month rows come from one range of days, and nothing else is read"
        );
        store.close().await;
    }
}
