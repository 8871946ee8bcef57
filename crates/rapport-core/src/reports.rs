//! Programme outcomes: one row per course or group membership (the read model
//! the programme dashboard sums), and the rules that turn sums into rates.
//! See docs/reports.md for every figure and its denominator.

use crate::measures::change::{
    first_and_last_pairs, honest_categories, nhs_talking_therapies, pair_scores, Occasion, Treatment, NHS_TT_V1,
};
use crate::measures::definition::Instrument;
use crate::Timestamp;
use serde::Serialize;
use time::Date;

/// Counts of fewer people than this are hidden, unless the site configures otherwise.
pub const DEFAULT_SMALL_NUMBERS: i64 = 5;

/// How a course was delivered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Individual,
    Group,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Individual => "individual",
            Format::Group => "group",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "individual" => Some(Format::Individual),
            "group" => Some(Format::Group),
            _ => None,
        }
    }
}

/// Where a course stands, for the report: open, finished as planned, or ended
/// another way. `dropout` marks an unplanned ending by the client.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ending {
    pub on: Date,
    pub dropout: bool,
}

/// Everything the row is computed from, gathered by the store for one course
/// (or one group membership).
#[derive(Clone, Debug)]
pub struct UnitFacts {
    /// `c:<course id>` or `g:<group id>:<client id>`.
    pub key: String,
    pub client_id: String,
    pub course_id: Option<String>,
    pub group_id: Option<String>,
    pub format: Format,
    pub site_id: Option<String>,
    /// The responsible clinician, or the group's first facilitator.
    pub clinician_id: Option<String>,
    pub protocol_id: String,
    pub problem_areas: Vec<String>,
    pub started_on: Date,
    /// None while the course is open.
    pub ending: Option<Ending>,
    pub planned_sessions: i64,
    /// Dates of the sessions the client attended, in order.
    pub held: Vec<Date>,
    /// Sessions the client did not attend (did not attend, cancelled late).
    pub missed: i64,
    /// Complete PHQ-9 and GAD-7 totals in scope, in completion order.
    pub phq9: Vec<(Timestamp, i64)>,
    pub gad7: Vec<(Timestamp, i64)>,
    pub flags_raised: i64,
    /// Fidelity ratings of the sessions the client had: how many, how many passed.
    pub fidelity_rated: i64,
    pub fidelity_passed: i64,
}

/// One row of the read model. Counting columns are 0/1 so that every figure
/// of the dashboard is a plain sum over rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutcomeRow {
    pub key: String,
    pub client_id: String,
    pub course_id: Option<String>,
    pub group_id: Option<String>,
    pub format: Format,
    pub site_id: Option<String>,
    pub clinician_id: Option<String>,
    pub protocol_id: String,
    pub area1: Option<String>,
    pub area2: Option<String>,
    pub started_on: Date,
    pub ended_on: Option<Date>,
    /// "2026-Q3" of `ended_on`.
    pub ended_quarter: Option<String>,
    pub planned: i64,
    pub attended: i64,
    pub missed: i64,
    /// Attended at least two sessions.
    pub engaged: bool,
    /// Ended with at least two attended sessions (the NHS Talking Therapies scope).
    pub finished: bool,
    /// Ended without finishing as planned (ended early, dropped out).
    pub dropout: bool,
    /// Finished with PHQ-9 and GAD-7 paired on at least two occasions.
    pub paired: bool,
    pub phq9_first: Option<i64>,
    pub phq9_last: Option<i64>,
    pub gad7_first: Option<i64>,
    pub gad7_last: Option<i64>,
    /// The NHS Talking Therapies categories; false unless `paired`.
    pub case_at_start: bool,
    pub recovered: bool,
    pub reliably_improved: bool,
    pub reliably_recovered: bool,
    pub reliably_deteriorated: bool,
    /// Finished with two PHQ-9 scores and a baseline at caseness (≥ 10): the
    /// denominator of response and remission.
    pub phq9_eligible: bool,
    pub phq9_response: bool,
    pub phq9_remission: bool,
    /// Last minus first PHQ-9 / GAD-7 total of a finished course with two scores.
    pub phq9_change: Option<i64>,
    pub gad7_change: Option<i64>,
    pub flags_raised: i64,
    pub fidelity_rated: i64,
    pub fidelity_passed: i64,
}

/// "2026-Q3".
pub fn quarter_of(d: Date) -> String {
    format!("{}-Q{}", d.year(), (u8::from(d.month()) - 1) / 3 + 1)
}

/// The row for one course. `phq9` is the shipped PHQ-9 definition (caseness,
/// response and remission rules).
pub fn outcome_row(f: &UnitFacts, phq9: &Instrument) -> OutcomeRow {
    let attended = f.held.len() as i64;
    let ended = f.ending.is_some();
    let finished = ended && attended >= 2;
    let occasions = |list: &[(Timestamp, i64)]| -> Vec<(Occasion, i64)> {
        list.iter().map(|(at, t)| (Occasion::of(at.date(), &f.held), *t)).collect()
    };
    let pairs = pair_scores(&occasions(&f.phq9), &occasions(&f.gad7));
    let first_last = first_and_last_pairs(&pairs);
    let nhs = first_last.filter(|_| finished).map(|(p, g)| {
        nhs_talking_therapies(&NHS_TT_V1, p, g, Treatment { closed: true, attended_sessions: attended as u32 })
    });
    let change = |list: &[(Timestamp, i64)]| match (list.first(), list.last()) {
        (Some(a), Some(b)) if finished && list.len() > 1 => Some(b.1 - a.1),
        _ => None,
    };
    let categories = match (f.phq9.first(), f.phq9.last()) {
        (Some(a), Some(b)) if finished => Some(honest_categories(phq9, f.phq9.len(), a.1, b.1)),
        _ => None,
    };
    let phq9_eligible = categories.is_some_and(|c| c.response.is_some());
    let mut areas = f.problem_areas.iter().cloned();
    OutcomeRow {
        key: f.key.clone(),
        client_id: f.client_id.clone(),
        course_id: f.course_id.clone(),
        group_id: f.group_id.clone(),
        format: f.format,
        site_id: f.site_id.clone(),
        clinician_id: f.clinician_id.clone(),
        protocol_id: f.protocol_id.clone(),
        area1: areas.next(),
        area2: areas.next(),
        started_on: f.started_on,
        ended_on: f.ending.map(|e| e.on),
        ended_quarter: f.ending.map(|e| quarter_of(e.on)),
        planned: f.planned_sessions,
        attended,
        missed: f.missed,
        engaged: attended >= 2,
        finished,
        dropout: f.ending.is_some_and(|e| e.dropout),
        paired: nhs.is_some(),
        phq9_first: first_last.map(|(p, _)| p.0),
        phq9_last: first_last.map(|(p, _)| p.1),
        gad7_first: first_last.map(|(_, g)| g.0),
        gad7_last: first_last.map(|(_, g)| g.1),
        case_at_start: nhs.as_ref().is_some_and(|n| n.caseness_at_start),
        recovered: nhs.as_ref().and_then(|n| n.recovered).unwrap_or(false),
        reliably_improved: nhs.as_ref().is_some_and(|n| n.reliably_improved),
        reliably_recovered: nhs.as_ref().and_then(|n| n.reliably_recovered).unwrap_or(false),
        reliably_deteriorated: nhs.as_ref().is_some_and(|n| n.reliably_deteriorated),
        phq9_eligible,
        phq9_response: categories.and_then(|c| c.response).unwrap_or(false),
        phq9_remission: categories.and_then(|c| c.remission).unwrap_or(false),
        phq9_change: change(&f.phq9),
        gad7_change: change(&f.gad7),
        flags_raised: f.flags_raised,
        fidelity_rated: f.fidelity_rated,
        fidelity_passed: f.fidelity_passed,
    }
}

/// The sums over a set of rows (ended in the period unless said otherwise).
/// Every field is additive, so totals are the sums of the breakdown's rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Rows that ended in the period.
    pub ended: i64,
    pub finished: i64,
    pub dropouts: i64,
    pub attended: i64,
    pub missed: i64,
    /// Finished with paired scores (the NHS Talking Therapies scope).
    pub paired: i64,
    pub case_at_start: i64,
    pub recovered: i64,
    pub reliably_improved: i64,
    pub reliably_recovered: i64,
    pub reliably_deteriorated: i64,
    pub phq9_eligible: i64,
    pub phq9_response: i64,
    pub phq9_remission: i64,
    pub phq9_changes: i64,
    pub phq9_change_sum: i64,
    pub gad7_changes: i64,
    pub gad7_change_sum: i64,
    pub fidelity_rated: i64,
    pub fidelity_passed: i64,
}

impl Tally {
    pub fn add(&mut self, o: &Tally) {
        self.ended += o.ended;
        self.finished += o.finished;
        self.dropouts += o.dropouts;
        self.attended += o.attended;
        self.missed += o.missed;
        self.paired += o.paired;
        self.case_at_start += o.case_at_start;
        self.recovered += o.recovered;
        self.reliably_improved += o.reliably_improved;
        self.reliably_recovered += o.reliably_recovered;
        self.reliably_deteriorated += o.reliably_deteriorated;
        self.phq9_eligible += o.phq9_eligible;
        self.phq9_response += o.phq9_response;
        self.phq9_remission += o.phq9_remission;
        self.phq9_changes += o.phq9_changes;
        self.phq9_change_sum += o.phq9_change_sum;
        self.gad7_changes += o.gad7_changes;
        self.gad7_change_sum += o.gad7_change_sum;
        self.fidelity_rated += o.fidelity_rated;
        self.fidelity_passed += o.fidelity_passed;
    }

    /// The tally of one row, as if it were the only row in the period.
    pub fn of_row(r: &OutcomeRow) -> Tally {
        let b = i64::from;
        Tally {
            ended: b(r.ended_on.is_some()),
            finished: b(r.finished),
            dropouts: b(r.dropout),
            attended: r.attended,
            missed: r.missed,
            paired: b(r.paired),
            case_at_start: b(r.case_at_start),
            recovered: b(r.recovered),
            reliably_improved: b(r.reliably_improved),
            reliably_recovered: b(r.reliably_recovered),
            reliably_deteriorated: b(r.reliably_deteriorated),
            phq9_eligible: b(r.phq9_eligible),
            phq9_response: b(r.phq9_response),
            phq9_remission: b(r.phq9_remission),
            phq9_changes: b(r.phq9_change.is_some()),
            phq9_change_sum: r.phq9_change.unwrap_or(0),
            gad7_changes: b(r.gad7_change.is_some()),
            gad7_change_sum: r.gad7_change.unwrap_or(0),
            fidelity_rated: r.fidelity_rated,
            fidelity_passed: r.fidelity_passed,
        }
    }
}

/// The columns of the running totals (`outcome_totals`, migration 0035) after
/// their keys, in table order: what one row adds, summed up to a day.
pub const SUM_COLUMNS: [&str; 22] = [
    "rows_n",
    "ended",
    "engaged",
    "finished",
    "dropouts",
    "attended",
    "missed",
    "paired",
    "case_at_start",
    "recovered",
    "reliably_improved",
    "reliably_recovered",
    "reliably_deteriorated",
    "phq9_eligible",
    "phq9_response",
    "phq9_remission",
    "phq9_changes",
    "phq9_change_sum",
    "gad7_changes",
    "gad7_change_sum",
    "fidelity_rated",
    "fidelity_passed",
];

/// Values in the order of [`SUM_COLUMNS`].
pub type Sums = [i64; 22];

/// What one row adds to every running total it counts in.
pub fn row_sums(r: &OutcomeRow) -> Sums {
    let t = Tally::of_row(r);
    [
        1,
        t.ended,
        i64::from(r.engaged),
        t.finished,
        t.dropouts,
        t.attended,
        t.missed,
        t.paired,
        t.case_at_start,
        t.recovered,
        t.reliably_improved,
        t.reliably_recovered,
        t.reliably_deteriorated,
        t.phq9_eligible,
        t.phq9_response,
        t.phq9_remission,
        t.phq9_changes,
        t.phq9_change_sum,
        t.gad7_changes,
        t.gad7_change_sum,
        t.fidelity_rated,
        t.fidelity_passed,
    ]
}

impl Tally {
    /// The tally part of running-total sums (a difference of two is the tally of a period).
    pub fn of_sums(s: &Sums) -> Tally {
        Tally {
            ended: s[1],
            finished: s[3],
            dropouts: s[4],
            attended: s[5],
            missed: s[6],
            paired: s[7],
            case_at_start: s[8],
            recovered: s[9],
            reliably_improved: s[10],
            reliably_recovered: s[11],
            reliably_deteriorated: s[12],
            phq9_eligible: s[13],
            phq9_response: s[14],
            phq9_remission: s[15],
            phq9_changes: s[16],
            phq9_change_sum: s[17],
            gad7_changes: s[18],
            gad7_change_sum: s[19],
            fidelity_rated: s[20],
            fidelity_passed: s[21],
        }
    }
}

/// Which date a running total follows: rows by the day they ended (the
/// tallies and breakdowns) or by the day they started (the funnel).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Basis {
    Ended,
    Started,
}

impl Basis {
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Ended => "ended",
            Basis::Started => "started",
        }
    }
}

/// The dimensions running totals are kept for on the `ended` basis ("all" is
/// the whole organisation); the `started` basis keeps only "all".
pub const TOTAL_DIMENSIONS: [&str; 7] = ["all", "clinician", "site", "protocol", "problem_area", "format", "quarter"];

/// One running total a row counts in: basis, dimension, key ("" when the row
/// has no value for the dimension) and the day it counts from.
pub type TotalKey = (Basis, &'static str, String, Date);

/// Every running total `r` counts in. A row with two problem areas counts
/// under both; a row that has not ended counts only on the `started` basis.
pub fn total_keys(r: &OutcomeRow) -> Vec<TotalKey> {
    let mut out = vec![(Basis::Started, "all", String::new(), r.started_on)];
    let Some(day) = r.ended_on else { return out };
    let or_blank = |v: &Option<String>| v.clone().unwrap_or_default();
    for (dim, key) in [
        ("all", String::new()),
        ("clinician", or_blank(&r.clinician_id)),
        ("site", or_blank(&r.site_id)),
        ("protocol", r.protocol_id.clone()),
        ("problem_area", or_blank(&r.area1)),
        ("format", r.format.as_str().to_string()),
        ("quarter", or_blank(&r.ended_quarter)),
    ] {
        out.push((Basis::Ended, dim, key, day));
    }
    if let Some(a2) = &r.area2 {
        out.push((Basis::Ended, "problem_area", a2.clone(), day));
    }
    out
}

/// What replacing rows `old` with rows `new` changes in the running totals:
/// the sums to add at each total key, without keys whose change is zero.
pub fn total_changes(old: &[OutcomeRow], new: &[OutcomeRow]) -> std::collections::BTreeMap<TotalKey, Sums> {
    let mut out: std::collections::BTreeMap<TotalKey, Sums> = std::collections::BTreeMap::new();
    for (rows, sign) in [(old, -1), (new, 1)] {
        for r in rows {
            let sums = row_sums(r);
            for k in total_keys(r) {
                let slot = out.entry(k).or_insert([0; 22]);
                for (s, v) in slot.iter_mut().zip(sums) {
                    *s += sign * v;
                }
            }
        }
    }
    out.retain(|_, s| s.iter().any(|v| *v != 0));
    out
}

/// A line's running total before `day` (exclusive; days as stored, which
/// sort as text): nothing on or before its first day, its latest total after
/// its last day, and else its last total within the day's own month before
/// the day (`part`), or failing that its total at the end of the month before
/// (`checkpoint`), or nothing when it has neither (decision 45).
pub fn total_before(
    first_day: &str,
    last_day: &str,
    latest: &Sums,
    day: &str,
    part: Option<&Sums>,
    checkpoint: Option<&Sums>,
) -> Sums {
    if day <= first_day {
        [0; 22]
    } else if day > last_day {
        *latest
    } else {
        part.or(checkpoint).copied().unwrap_or([0; 22])
    }
}

/// A calendar month. Running totals keep a checkpoint at the end of each
/// month of a line's life, so the total before any day is one lookup in the
/// month before it plus the rows of its own month (see decision 45).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
}

impl Month {
    pub fn of(d: Date) -> Month {
        Month { year: d.year(), month: u8::from(d.month()) }
    }

    /// The month of a stored `YYYY-MM-DD` day or a `YYYY-MM` month.
    pub fn parse(s: &str) -> Option<Month> {
        let year = s.get(..4)?.parse().ok()?;
        let month: u8 = s.get(5..7)?.parse().ok()?;
        (s.as_bytes().get(4) == Some(&b'-') && (1..=12).contains(&month)).then_some(Month { year, month })
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month { year: self.year + 1, month: 1 }
        } else {
            Month { month: self.month + 1, ..self }
        }
    }

    pub fn previous(self) -> Month {
        if self.month == 1 {
            Month { year: self.year - 1, month: 12 }
        } else {
            Month { month: self.month - 1, ..self }
        }
    }

    /// `YYYY-MM-01`, the first day as stored.
    pub fn first_day(self) -> String {
        format!("{self}-01")
    }

    /// Every month from `self` to `last`, both included (none when `last` is earlier).
    pub fn through(self, last: Month) -> impl Iterator<Item = Month> {
        std::iter::successors(Some(self), |m| Some(m.next())).take_while(move |m| *m <= last)
    }
}

/// `YYYY-MM`, as stored: it sorts as text in date order.
impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A proportion with its numerator and denominator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Rate {
    pub count: i64,
    pub of: i64,
}

impl Rate {
    pub fn new(count: i64, of: i64) -> Rate {
        Rate { count, of }
    }
    /// Per cent, None without a denominator.
    pub fn percent(&self) -> Option<f64> {
        (self.of > 0).then(|| 100.0 * self.count as f64 / self.of as f64)
    }
}

/// The NHS Talking Therapies rates and the other outcome figures of a tally,
/// each with the denominator docs/reports.md names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Rates {
    pub recovery: Rate,
    pub reliable_improvement: Rate,
    pub reliable_recovery: Rate,
    pub reliable_deterioration: Rate,
    pub response: Rate,
    pub remission: Rate,
    pub completeness: Rate,
    pub dropout: Rate,
    pub attendance: Rate,
    pub fidelity: Rate,
}

impl Tally {
    pub fn rates(&self) -> Rates {
        Rates {
            recovery: Rate::new(self.recovered, self.case_at_start),
            reliable_improvement: Rate::new(self.reliably_improved, self.paired),
            reliable_recovery: Rate::new(self.reliably_recovered, self.case_at_start),
            reliable_deterioration: Rate::new(self.reliably_deteriorated, self.paired),
            response: Rate::new(self.phq9_response, self.phq9_eligible),
            remission: Rate::new(self.phq9_remission, self.phq9_eligible),
            completeness: Rate::new(self.paired, self.finished),
            dropout: Rate::new(self.dropouts, self.ended),
            attendance: Rate::new(self.attended, self.attended + self.missed),
            fidelity: Rate::new(self.fidelity_passed, self.fidelity_rated),
        }
    }

    /// Mean change (last − first) in tenths of a point, None without scores.
    pub fn mean_change_tenths(sum: i64, n: i64) -> Option<i64> {
        (n > 0).then(|| (sum * 10 + n / 2 * sum.signum()) / n)
    }
}

/// Small-number protection: a count of people under `min` (and above zero)
/// is hidden; `min` 0 or 1 shows everything.
pub fn suppressed(count: i64, min: i64) -> bool {
    count > 0 && count < min
}

/// Nearest-rank percentile (p in 1..=100) of sorted values.
pub fn percentile(sorted: &[i64], p: u32) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (u64::from(p) * sorted.len() as u64).div_ceil(100).max(1) as usize;
    Some(sorted[rank.min(sorted.len()) - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_total_before_a_day_follows_the_line_its_month_and_the_month_before() {
        let (latest, part, checkpoint) = ([9; 22], [5; 22], [3; 22]);
        let before = |day: &str, p: Option<&Sums>, c: Option<&Sums>| {
            total_before("2025-03-10", "2025-08-20", &latest, day, p, c)[0]
        };
        assert_eq!(before("2025-03-10", Some(&part), Some(&checkpoint)), 0, "on the first day: nothing yet");
        assert_eq!(before("2025-01-01", None, None), 0);
        assert_eq!(before("2025-08-21", Some(&part), Some(&checkpoint)), 9, "after the last day: the latest");
        assert_eq!(before("2025-08-20", Some(&part), Some(&checkpoint)), 5, "within: the month's own row first");
        assert_eq!(before("2025-06-02", None, Some(&checkpoint)), 3, "then the month before");
        assert_eq!(before("2025-03-11", None, None), 0, "first month, nothing before: nothing");
    }

    #[test]
    fn months_step_over_the_year_and_print_as_stored() {
        let dec = Month::parse("2025-12-31").unwrap();
        assert_eq!(dec, Month { year: 2025, month: 12 });
        assert_eq!(dec.next().to_string(), "2026-01");
        assert_eq!(dec.next().previous(), dec);
        assert_eq!(Month::parse("2026-01").unwrap().previous().to_string(), "2025-12");
        assert_eq!(dec.first_day(), "2025-12-01");
        let span: Vec<String> =
            Month::parse("2025-11").unwrap().through(Month::parse("2026-02").unwrap()).map(|m| m.to_string()).collect();
        assert_eq!(span, ["2025-11", "2025-12", "2026-01", "2026-02"]);
        assert_eq!(dec.through(dec.previous()).count(), 0);
        for bad in ["", "2025", "2025-13", "2025-00", "2025/12", "abcd-01"] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
    }
    use crate::measures::definition::Library;
    use time::macros::date;

    fn at(d: Date) -> Timestamp {
        Timestamp::from_datetime(d.with_hms(10, 0, 0).unwrap().assume_utc())
    }

    fn facts(phq: &[i64], gad: &[i64], held: usize, ended: bool) -> UnitFacts {
        let start = date!(2026 - 01 - 05);
        let days: Vec<Date> = (0..held).map(|i| start + time::Duration::weeks(i as i64)).collect();
        UnitFacts {
            key: "c:1".into(),
            client_id: "x".into(),
            course_id: Some("1".into()),
            group_id: None,
            format: Format::Individual,
            site_id: None,
            clinician_id: Some("u".into()),
            protocol_id: "ipt".into(),
            problem_areas: vec!["grief".into(), "role_dispute".into()],
            started_on: start,
            ending: ended.then_some(Ending { on: date!(2026 - 04 - 20), dropout: false }),
            planned_sessions: 16,
            phq9: phq.iter().enumerate().map(|(i, t)| (at(days[i]), *t)).collect(),
            gad7: gad.iter().enumerate().map(|(i, t)| (at(days[i]), *t)).collect(),
            held: days,
            missed: 1,
            flags_raised: 0,
            fidelity_rated: 2,
            fidelity_passed: 1,
        }
    }

    fn row(f: &UnitFacts) -> OutcomeRow {
        let lib = Library::builtin();
        outcome_row(f, lib.get("phq9").unwrap())
    }

    // measures.md 7.3 case A: 18 -> 7, 12 -> 6: recovered, reliably improved and recovered.
    #[test]
    fn case_a_counts_as_reliable_recovery() {
        let r = row(&facts(&[18, 12, 7], &[12, 9, 6], 3, true));
        assert!(r.finished && r.paired && r.case_at_start && r.recovered && r.reliably_improved);
        assert!(r.reliably_recovered && !r.reliably_deteriorated);
        assert_eq!((r.phq9_first, r.phq9_last, r.gad7_first, r.gad7_last), (Some(18), Some(7), Some(12), Some(6)));
        assert!(r.phq9_eligible && r.phq9_response && !r.phq9_remission);
        assert_eq!((r.phq9_change, r.gad7_change), (Some(-11), Some(-6)));
        assert_eq!((r.area1.as_deref(), r.area2.as_deref()), (Some("grief"), Some("role_dispute")));
        assert_eq!(r.ended_quarter.as_deref(), Some("2026-Q2"));
    }

    // Case C: not at caseness at the start, outside the recovery denominator.
    #[test]
    fn case_c_is_outside_the_recovery_denominator() {
        let r = row(&facts(&[8, 2], &[6, 3], 2, true));
        assert!(r.paired && !r.case_at_start && !r.recovered && r.reliably_improved && !r.reliably_recovered);
        assert!(!r.phq9_eligible);
    }

    // Case E: reliable deterioration.
    #[test]
    fn case_e_deteriorates() {
        let r = row(&facts(&[11, 18], &[9, 10], 2, true));
        assert!(r.reliably_deteriorated && !r.recovered && !r.reliably_improved);
    }

    #[test]
    fn open_courses_and_single_sessions_are_not_finished() {
        let open = row(&facts(&[18, 7], &[12, 6], 2, false));
        assert!(!open.finished && !open.paired && !open.recovered && open.ended_on.is_none());
        assert_eq!(open.phq9_change, None);
        let one = row(&facts(&[18], &[12], 1, true));
        assert!(!one.finished && !one.engaged && !one.paired);
        let unpaired = row(&facts(&[18, 7], &[], 2, true));
        assert!(unpaired.finished && !unpaired.paired && unpaired.phq9_change == Some(-11));
    }

    #[test]
    fn tallies_add_up_to_rates_with_their_denominators() {
        let mut t = Tally::default();
        for f in
            [facts(&[18, 7], &[12, 6], 2, true), facts(&[8, 2], &[6, 3], 2, true), facts(&[11, 18], &[9, 10], 2, true)]
        {
            t.add(&Tally::of_row(&row(&f)));
        }
        let r = t.rates();
        assert_eq!((r.recovery.count, r.recovery.of), (1, 2));
        assert_eq!((r.reliable_improvement.count, r.reliable_improvement.of), (2, 3));
        assert_eq!((r.reliable_deterioration.count, r.reliable_deterioration.of), (1, 3));
        assert_eq!(r.completeness, Rate::new(3, 3));
        assert_eq!(r.attendance, Rate::new(6, 9));
        assert_eq!(r.fidelity, Rate::new(3, 6));
        assert_eq!(Tally::mean_change_tenths(t.phq9_change_sum, t.phq9_changes), Some(-33));
    }

    #[test]
    fn running_total_changes_move_a_row_between_keys_and_cancel_out() {
        let ended = row(&facts(&[18, 7], &[12, 6], 2, true));
        let open = row(&facts(&[18], &[12], 1, false));
        // An open row counts only in the started-basis total.
        assert_eq!(total_keys(&open).len(), 1);
        // Ended with two areas: started + 7 ended dimensions + the second area.
        let mut two_areas = ended.clone();
        two_areas.area1 = Some("grief".into());
        two_areas.area2 = Some("role_dispute".into());
        let keys = total_keys(&two_areas);
        assert_eq!(keys.len(), 9);
        assert!(keys.contains(&(Basis::Ended, "problem_area", "role_dispute".into(), ended.ended_on.unwrap())));
        // Replacing a row with itself changes nothing; ending it adds it to each ended total.
        assert!(total_changes(std::slice::from_ref(&ended), std::slice::from_ref(&ended)).is_empty());
        let changes = total_changes(std::slice::from_ref(&open), std::slice::from_ref(&ended));
        let all = &changes[&(Basis::Ended, "all", String::new(), ended.ended_on.unwrap())];
        assert_eq!(Tally::of_sums(all), Tally::of_row(&ended));
        assert_eq!(all[0], 1);
        // Moving to another clinician takes the row off one key and onto the other.
        let mut moved = ended.clone();
        moved.clinician_id = Some("other".into());
        let changes = total_changes(std::slice::from_ref(&ended), &[moved]);
        assert_eq!(changes.len(), 2);
        let day = ended.ended_on.unwrap();
        assert_eq!(changes[&(Basis::Ended, "clinician", "other".into(), day)][0], 1);
        let old = ended.clinician_id.clone().unwrap_or_default();
        assert_eq!(changes[&(Basis::Ended, "clinician", old, day)][0], -1);
    }

    #[test]
    fn small_numbers_and_percentiles() {
        assert!(suppressed(4, 5) && !suppressed(5, 5) && !suppressed(0, 5) && !suppressed(1, 0));
        assert_eq!(percentile(&[], 50), None);
        assert_eq!(percentile(&[7], 90), Some(7));
        let v: Vec<i64> = (1..=10).collect();
        assert_eq!((percentile(&v, 50), percentile(&v, 90), percentile(&v, 100)), (Some(5), Some(9), Some(10)));
        assert_eq!(quarter_of(date!(2026 - 12 - 31)), "2026-Q4");
        assert_eq!(quarter_of(date!(2026 - 01 - 01)), "2026-Q1");
    }
}
