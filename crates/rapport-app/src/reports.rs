//! Programme outcomes: the dashboard, its breakdown, the CSV export and the
//! API all come from here, over the read model (`rapport_store::reports`).
//! Supervisors see their supervisees' courses; programme managers and
//! administrators see the whole organisation, never a client, with counts of
//! fewer than `Config::report_small_numbers` people shown as "< 5".

use crate::access::deny;
use crate::{AppState, Error, Identity};
use rapport_core::access::Role;
use rapport_core::audit::action;
use rapport_core::msg;
use rapport_core::reports::{percentile, suppressed, Format, Rate, Tally};
use rapport_core::time::format_date;
use rapport_core::validation::{date_field, KeyArg, ValidationErrors};
use rapport_core::{Id, Timestamp};
use rapport_store::reports::{Dimension, ReportFilter};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What a face was asked for, as given (query-string values).
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
pub struct OutcomesQuery {
    pub from: Option<String>,
    pub to: Option<String>,
    pub site: Option<String>,
    pub clinician: Option<String>,
    /// Part of a clinician's name, where the dashboard searches rather than lists.
    pub clinician_name: Option<String>,
    pub protocol: Option<String>,
    pub problem_area: Option<String>,
    pub format: Option<String>,
    pub group_by: Option<String>,
}

/// A count as shown: the number, or hidden because it is small.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell {
    Shown(i64),
    Suppressed,
}

impl Cell {
    fn of(n: i64, min: i64) -> Cell {
        if suppressed(n, min) {
            Cell::Suppressed
        } else {
            Cell::Shown(n)
        }
    }
    pub fn value(self) -> Option<i64> {
        match self {
            Cell::Shown(n) => Some(n),
            Cell::Suppressed => None,
        }
    }
}

/// A rate as shown: hidden when its numerator or denominator is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RateCell {
    pub count: Cell,
    pub of: Cell,
    /// Per cent; None when hidden or without a denominator.
    pub percent: Option<f64>,
}

impl RateCell {
    fn of(r: Rate, min: i64) -> RateCell {
        let (count, of) = (Cell::of(r.count, min), Cell::of(r.of, min));
        let hidden = count == Cell::Suppressed || of == Cell::Suppressed;
        RateCell { count, of, percent: if hidden { None } else { r.percent() } }
    }
}

/// Every figure of one set of courses (the whole selection, a quarter, a site,
/// a breakdown row).
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    pub tally: Tally,
    pub ended: Cell,
    pub finished_courses: Cell,
    pub cases_at_start: Cell,
    pub recovered: Cell,
    pub reliably_improved: Cell,
    pub reliably_recovered: Cell,
    pub reliably_deteriorated: Cell,
    pub dropouts: Cell,
    pub paired_scores: Cell,
    pub recovery: RateCell,
    pub reliable_improvement: RateCell,
    pub reliable_recovery: RateCell,
    pub reliable_deterioration: RateCell,
    pub response: RateCell,
    pub remission: RateCell,
    pub completeness: RateCell,
    pub dropout: RateCell,
    pub attendance: RateCell,
    pub fidelity: RateCell,
    /// Mean change (last − first) in tenths of a point, None when hidden or absent.
    pub phq9_mean_change_tenths: Option<i64>,
    pub phq9_changes: Cell,
    pub gad7_mean_change_tenths: Option<i64>,
    pub gad7_changes: Cell,
}

impl Figures {
    pub fn of(t: Tally, min: i64) -> Figures {
        let c = |n| Cell::of(n, min);
        let rates = t.rates();
        let r = |rate| RateCell::of(rate, min);
        let mean = |sum, n| if suppressed(n, min) { None } else { Tally::mean_change_tenths(sum, n) };
        Figures {
            tally: t,
            ended: c(t.ended),
            finished_courses: c(t.finished),
            cases_at_start: c(t.case_at_start),
            recovered: c(t.recovered),
            reliably_improved: c(t.reliably_improved),
            reliably_recovered: c(t.reliably_recovered),
            reliably_deteriorated: c(t.reliably_deteriorated),
            dropouts: c(t.dropouts),
            paired_scores: c(t.paired),
            recovery: r(rates.recovery),
            reliable_improvement: r(rates.reliable_improvement),
            reliable_recovery: r(rates.reliable_recovery),
            reliable_deterioration: r(rates.reliable_deterioration),
            response: r(rates.response),
            remission: r(rates.remission),
            completeness: r(rates.completeness),
            dropout: r(rates.dropout),
            // Sessions, not people: never small-number protected.
            attendance: RateCell::of(rates.attendance, 0),
            fidelity: RateCell::of(rates.fidelity, 0),
            phq9_mean_change_tenths: mean(t.phq9_change_sum, t.phq9_changes),
            phq9_changes: c(t.phq9_changes),
            gad7_mean_change_tenths: mean(t.gad7_change_sum, t.gad7_changes),
            gad7_changes: c(t.gad7_changes),
        }
    }

    /// Whether any count of this line is hidden.
    pub fn any_suppressed(&self) -> bool {
        [
            self.ended,
            self.finished_courses,
            self.cases_at_start,
            self.recovered,
            self.reliably_improved,
            self.reliably_recovered,
            self.reliably_deteriorated,
            self.dropouts,
            self.paired_scores,
        ]
        .contains(&Cell::Suppressed)
    }
}

/// One line of a breakdown: its key (None: courses without a value) and label.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub key: Option<String>,
    pub label: String,
    pub figures: Figures,
}

/// The funnel of courses started in the period.
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelFigures {
    /// (message id of the stage, count); screening stages only when they apply.
    pub stages: Vec<(&'static str, Cell)>,
}

/// How risk flags were handled.
#[derive(Clone, Debug, PartialEq)]
pub struct RiskFigures {
    pub raised: Cell,
    /// Minutes, nearest rank; None without enough flags to show.
    pub ack_median: Option<i64>,
    pub ack_p90: Option<i64>,
    pub assess_median: Option<i64>,
    pub assess_p90: Option<i64>,
    pub acknowledged: Cell,
    pub assessed: Cell,
    pub overdue_ack: Cell,
    pub overdue_assessment: Cell,
    pub ack_deadline_hours: i64,
    pub assess_deadline_hours: i64,
}

/// A choice offered by a filter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Choice {
    pub id: String,
    pub label: String,
}

/// The filters as applied, and what each can be set to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    pub from: time::Date,
    pub to: time::Date,
    pub site: String,
    pub clinician: String,
    pub protocol: String,
    pub problem_area: String,
    pub format: String,
    pub group_by: Dimension,
    pub sites: Vec<Choice>,
    pub clinicians: Vec<Choice>,
    /// Whether `clinicians` holds every choice (else only the one chosen).
    pub clinicians_all: bool,
    pub clinician_picker: ClinicianPicker,
    pub protocols: Vec<Choice>,
    pub problem_areas: Vec<Choice>,
}

/// How the dashboard offers the clinician filter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClinicianPicker {
    /// `clinicians` holds every choice.
    List,
    /// Too many to list (`Config::report_clinician_list`): a search by part of
    /// the name. `found` is what the search found (at most
    /// [`CLINICIAN_MATCHES`]; `more`: there were more), when it did not
    /// settle on one clinician, in which case no clinician filter applies.
    Search { term: String, found: Vec<Choice>, more: bool },
}

/// How many clinicians a name search offers to choose from.
pub const CLINICIAN_MATCHES: usize = 20;

impl Applied {
    /// The query string that reproduces this selection (for CSV and print links).
    pub fn query_string(&self) -> String {
        let mut parts = vec![
            format!("from={}", format_date(self.from)),
            format!("to={}", format_date(self.to)),
            format!("group_by={}", self.group_by.as_str()),
        ];
        for (k, v) in [
            ("site", &self.site),
            ("clinician", &self.clinician),
            ("protocol", &self.protocol),
            ("problem_area", &self.problem_area),
            ("format", &self.format),
        ] {
            if !v.is_empty() {
                parts.push(format!("{k}={}", urlencoding(v)));
            }
        }
        parts.join("&")
    }
}

/// Ids and codes only hold `[A-Za-z0-9_-]`; anything else is escaped.
fn urlencoding(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Who is reading, and so what they see.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reader {
    /// Aggregates across the organisation (programme managers, administrators).
    pub whole_organisation: bool,
    /// Counts under this are hidden (0: none hidden).
    pub min_cell: i64,
}

/// The dashboard.
#[derive(Clone, Debug, PartialEq)]
pub struct Dashboard {
    pub reader: Reader,
    pub applied: Applied,
    pub totals: Figures,
    pub by_quarter: Vec<Line>,
    pub by_site: Vec<Line>,
    pub breakdown: Vec<Line>,
    pub funnel: FunnelFigures,
    pub risk: RiskFigures,
}

/// The breakdown alone (the API and the CSV export).
#[derive(Clone, Debug, PartialEq)]
pub struct Breakdown {
    pub reader: Reader,
    pub applied: Applied,
    pub rows: Vec<Line>,
    pub totals: Figures,
}

/// The reader's view of the reports, or a refusal (audited) for roles without one.
async fn reader(state: &AppState, me: &Identity, exported: bool) -> Result<Reader, Error> {
    let min = state.config.report_small_numbers;
    match me.user.role {
        Role::Admin | Role::ProgrammeManager => Ok(Reader { whole_organisation: true, min_cell: min }),
        // A supervisor may open their supervisees' client records anyway; the
        // numbers are hidden only when they leave Rapport.
        Role::Supervisor => Ok(Reader { whole_organisation: false, min_cell: if exported { min } else { 0 } }),
        _ => {
            deny(state, me, "report", None).await?;
            Err(Error::forbidden(msg("app-reports-who"), &[]))
        }
    }
}

fn field(e: &mut ValidationErrors, field: &str, id: &'static str, label: &'static str) {
    e.add_key(field, id, vec![("label", KeyArg::Message(label))]);
}

/// Which clinicians [`apply`] lists: every one the reader may choose (the
/// dashboard's filter), or only those a breakdown names (all of them when it
/// is by clinician, else just the one filtered on). An organisation can have
/// tens of thousands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ClinicianChoices {
    All,
    Named,
}

/// Checks the query against what the reader may choose.
async fn apply(
    state: &AppState,
    me: &Identity,
    reader: &Reader,
    q: &OutcomesQuery,
    listed: ClinicianChoices,
) -> Result<(Applied, ReportFilter), Error> {
    let today = Timestamp::now().date();
    let mut e = ValidationErrors::new();
    let to = date_field(&mut e, "to", msg("field-period-to"), q.to.as_deref(), None).unwrap_or(today);
    let default_from = to - time::Duration::days(365);
    let from = date_field(&mut e, "from", msg("field-period-from"), q.from.as_deref(), None).unwrap_or(default_from);
    if from > to && e.is_empty() {
        field(&mut e, "from", msg("reports-error-from-after-to"), msg("field-period-from"));
    }
    let group_by = match q.group_by.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Dimension::Site,
        Some(s) => Dimension::parse(s).filter(|d| Dimension::BREAKDOWNS.contains(d)).unwrap_or_else(|| {
            field(&mut e, "group_by", msg("reports-error-choice"), msg("field-group-by"));
            Dimension::Site
        }),
    };
    let tr = rapport_i18n::current();
    let sites: Vec<Choice> =
        state.store.sites().await?.into_iter().map(|s| Choice { id: s.id.to_string(), label: s.name }).collect();
    let reach: Option<Vec<Id>> =
        if reader.whole_organisation { None } else { Some(state.store.supervision_reach(&me.user.id).await?) };
    let reach: Option<std::collections::HashSet<Id>> = reach.map(|r| r.into_iter().collect());
    let wanted = q.clinician.as_deref().map(str::trim).filter(|c| !c.is_empty());
    let in_reach = |id: &Id| reach.as_ref().is_none_or(|r| r.contains(id));
    // A large organisation's dashboard searches by name instead of listing
    // everyone (a breakdown by clinician still names every line).
    let searching = listed == ClinicianChoices::All
        && reader.whole_organisation
        && state.store.course_holder_count().await? > state.config.report_clinician_list as i64;
    let mut picker = ClinicianPicker::List;
    let clinicians_all = !searching && listed == ClinicianChoices::All;
    let holders = if clinicians_all {
        state.store.course_holders().await?
    } else if let Some(id) = wanted {
        let one: Vec<(Id, String)> =
            state.store.course_holder(&Id::from_db(id.to_string())).await?.into_iter().collect();
        if searching {
            let term = one.first().map(|(_, name)| name.clone()).unwrap_or_default();
            picker = ClinicianPicker::Search { term, found: Vec::new(), more: false };
        }
        one
    } else if searching {
        let term = q.clinician_name.as_deref().map(str::trim).unwrap_or("").to_string();
        let mut found: Vec<(Id, String)> = if term.is_empty() {
            Vec::new()
        } else {
            state.store.course_holders_named(&term, CLINICIAN_MATCHES as i64 + 1).await?
        };
        found.retain(|(id, _)| in_reach(id));
        let more = found.len() > CLINICIAN_MATCHES;
        found.truncate(CLINICIAN_MATCHES);
        if found.len() == 1 {
            // One match: it is the filter.
            picker = ClinicianPicker::Search { term: found[0].1.clone(), found: Vec::new(), more };
        } else {
            let choices = found.iter().map(|(id, name)| Choice { id: id.to_string(), label: name.clone() }).collect();
            picker = ClinicianPicker::Search { term, found: choices, more };
            found.clear();
        }
        found
    } else {
        Vec::new()
    };
    let mut clinicians: Vec<Choice> = holders
        .into_iter()
        .filter(|(id, _)| in_reach(id))
        .map(|(id, name)| Choice { id: id.to_string(), label: name })
        .collect();
    // Sorted here: the two databases collate names differently.
    clinicians.sort_by(|a, b| a.label.cmp(&b.label));
    // The one clinician a name search settled on is the filter.
    let clinician_query = match (&picker, wanted) {
        (ClinicianPicker::Search { .. }, None) => clinicians.first().map(|c| c.id.clone()),
        (_, w) => w.map(str::to_string),
    };
    let protocols: Vec<Choice> = state
        .config
        .protocols
        .all()
        .iter()
        .map(|p| Choice { id: p.id.clone(), label: p.name_in(tr.lang()).to_string() })
        .collect();
    let mut problem_areas: Vec<Choice> = Vec::new();
    for p in state.config.protocols.all() {
        for a in &p.problem_areas {
            if !problem_areas.iter().any(|c| c.id == a.id) {
                problem_areas.push(Choice { id: a.id.clone(), label: tr.term("area", &a.id, &a.label) });
            }
        }
    }
    let mut pick = |name: &str, label: &'static str, value: &Option<String>, choices: &[Choice]| -> String {
        let v = value.as_deref().map(str::trim).unwrap_or("");
        if v.is_empty() || choices.iter().any(|c| c.id == v) {
            v.to_string()
        } else {
            field(&mut e, name, msg("reports-error-choice"), label);
            String::new()
        }
    };
    let site = pick("site", msg("field-site"), &q.site, &sites);
    let clinician = pick("clinician", msg("field-clinician-or-facilitator"), &clinician_query, &clinicians);
    let protocol = pick("protocol", msg("field-protocol"), &q.protocol, &protocols);
    let problem_area = pick("problem_area", msg("field-problem-area"), &q.problem_area, &problem_areas);
    let formats: Vec<Choice> = [Format::Individual, Format::Group]
        .iter()
        .map(|f| Choice { id: f.as_str().into(), label: String::new() })
        .collect();
    let format = pick("format", msg("field-format"), &q.format, &formats);
    if !e.is_empty() {
        return Err(Error::Invalid(e));
    }
    let filter = ReportFilter {
        from: Some(from),
        to: Some(to),
        site_id: site.clone(),
        clinician_id: clinician.clone(),
        protocol_id: protocol.clone(),
        problem_area: problem_area.clone(),
        format: format.clone(),
        supervisor_id: if reader.whole_organisation { String::new() } else { me.user.id.to_string() },
    };
    let applied = Applied {
        from,
        to,
        site,
        clinician,
        protocol,
        problem_area,
        format,
        group_by,
        sites,
        clinicians,
        clinicians_all,
        clinician_picker: picker,
        protocols,
        problem_areas,
    };
    Ok((applied, filter))
}

/// A breakdown key in words; `names` maps the dimension's ids to their labels.
fn label(names: &HashMap<&str, &str>, dim: Dimension, key: &Option<String>) -> String {
    let tr = rapport_i18n::current();
    let Some(k) = key else {
        return tr.t(match dim {
            Dimension::Site => msg("reports-no-site"),
            Dimension::Clinician => msg("reports-no-clinician"),
            Dimension::ProblemArea => msg("reports-no-problem-area"),
            _ => msg("reports-not-recorded"),
        });
    };
    match dim {
        Dimension::Format => Some(tr.t(format_label(k))),
        Dimension::Quarter => Some(quarter_label(k)),
        _ => names.get(k.as_str()).map(|n| n.to_string()),
    }
    // A clinician who left, a site or protocol no longer configured: the id.
    .unwrap_or_else(|| k.clone())
}

/// The message naming a format.
pub fn format_label(key: &str) -> &'static str {
    if key == "group" {
        msg("reports-format-group")
    } else {
        msg("reports-format-individual")
    }
}

/// "2026 Q3" in the reader's words.
pub fn quarter_label(key: &str) -> String {
    match key.split_once("-Q") {
        Some((year, q)) => rapport_i18n::current().tn(msg("reports-quarter"), &[("year", &year), ("quarter", &q)]),
        None => key.to_string(),
    }
}

/// Every clinician's name, for a breakdown by clinician when [`apply`] did
/// not list them all (read beside the breakdown itself).
async fn clinician_labels(state: &AppState, applied: &Applied) -> Result<Option<Vec<Choice>>, Error> {
    if applied.group_by != Dimension::Clinician || applied.clinicians_all {
        return Ok(None);
    }
    let holders = state.store.course_holders().await?;
    Ok(Some(holders.into_iter().map(|(id, name)| Choice { id: id.to_string(), label: name }).collect()))
}

fn lines(
    applied: &Applied,
    dim: Dimension,
    tallies: Vec<(Option<String>, Tally)>,
    min: i64,
    clinician_labels: Option<&[Choice]>,
) -> Vec<Line> {
    // Looked up by id: a breakdown by clinician can have tens of thousands of lines.
    let choices: &[Choice] = match dim {
        Dimension::Site => &applied.sites,
        Dimension::Clinician => clinician_labels.unwrap_or(&applied.clinicians),
        Dimension::Protocol => &applied.protocols,
        Dimension::ProblemArea => &applied.problem_areas,
        Dimension::Format | Dimension::Quarter => &[],
    };
    let names: HashMap<&str, &str> = choices.iter().map(|c| (c.id.as_str(), c.label.as_str())).collect();
    let mut out: Vec<Line> = tallies
        .into_iter()
        .map(|(key, t)| Line { label: label(&names, dim, &key), key, figures: Figures::of(t, min) })
        .collect();
    // Quarters in time order; everything else by name, "none" last.
    match dim {
        Dimension::Quarter => out.sort_by(|a, b| a.key.cmp(&b.key)),
        _ => out.sort_by_cached_key(|l| (l.key.is_none(), l.label.to_lowercase())),
    }
    out
}

/// The dashboard over the courses the reader may count.
#[crate::boxing::boxed_future]
pub async fn dashboard(state: &AppState, me: &Identity, q: &OutcomesQuery) -> Result<Dashboard, Error> {
    let reader = reader(state, me, false).await?;
    let (applied, filter) = apply(state, me, &reader, q, ClinicianChoices::All).await?;
    let min = reader.min_cell;
    state.store.catch_up_outcomes().await?;
    let overview = state.store.outcome_overview(&filter).await?;
    let (breakdown, labels) = tokio::try_join!(
        async {
            match applied.group_by {
                Dimension::Site => Ok(overview.by_site.clone()),
                dim => state.store.outcome_breakdown(&filter, dim).await.map_err(Error::from),
            }
        },
        clinician_labels(state, &applied),
    )?;
    let funnel = state.store.outcome_funnel(&filter).await?;
    let deadlines = crate::risk::deadlines(state).await?;
    let now = Timestamp::now();
    let risk = state
        .store
        .outcome_risk(
            &filter,
            now.minus(time::Duration::hours(deadlines.acknowledgement_hours)),
            now.minus(time::Duration::hours(deadlines.assessment_hours)),
        )
        .await?;
    let c = |n| Cell::of(n, min);
    let shown_percentile = |v: &[i64], p| if suppressed(v.len() as i64, min) { None } else { percentile(v, p) };
    let mut stages = Vec::new();
    if applied.problem_area.is_empty() && matches!(applied.format.as_str(), "" | "group") {
        stages.push((msg("reports-funnel-screened"), c(funnel.screened)));
        stages.push((msg("reports-funnel-eligible"), c(funnel.eligible)));
    }
    stages.extend([
        (msg("reports-funnel-started"), c(funnel.started)),
        (msg("reports-funnel-engaged"), c(funnel.engaged)),
        (msg("reports-funnel-finished"), c(funnel.finished)),
        (msg("reports-funnel-paired"), c(funnel.paired)),
        (msg("reports-funnel-recovered"), c(funnel.recovered)),
    ]);
    let dashboard = Dashboard {
        totals: Figures::of(overview.totals, min),
        by_quarter: lines(
            &applied,
            Dimension::Quarter,
            overview.by_quarter.into_iter().filter(|(k, _)| k.is_some()).collect(),
            min,
            None,
        ),
        by_site: lines(&applied, Dimension::Site, overview.by_site, min, None),
        breakdown: lines(&applied, applied.group_by, breakdown, min, labels.as_deref()),
        funnel: FunnelFigures { stages },
        risk: RiskFigures {
            raised: c(risk.raised),
            ack_median: shown_percentile(&risk.ack_minutes, 50),
            ack_p90: shown_percentile(&risk.ack_minutes, 90),
            assess_median: shown_percentile(&risk.assess_minutes, 50),
            assess_p90: shown_percentile(&risk.assess_minutes, 90),
            acknowledged: c(risk.ack_minutes.len() as i64),
            assessed: c(risk.assess_minutes.len() as i64),
            overdue_ack: c(risk.overdue_ack),
            overdue_assessment: c(risk.overdue_assessment),
            ack_deadline_hours: deadlines.acknowledgement_hours,
            assess_deadline_hours: deadlines.assessment_hours,
        },
        reader,
        applied,
    };
    let mut e = me.event(action::REPORT_READ, "report");
    e.detail = Some(dashboard.applied.query_string());
    state.store.audit(e).await?;
    Ok(dashboard)
}

/// The breakdown by `group_by`, for the API (`exported`: false) or the CSV
/// export (`exported`: true, small numbers always protected).
#[crate::boxing::boxed_future]
pub async fn breakdown(state: &AppState, me: &Identity, q: &OutcomesQuery, exported: bool) -> Result<Breakdown, Error> {
    let reader = reader(state, me, exported).await?;
    let (applied, filter) = apply(state, me, &reader, q, ClinicianChoices::Named).await?;
    state.store.catch_up_outcomes().await?;
    let (tallies, labels) = tokio::try_join!(
        async { state.store.outcome_breakdown(&filter, applied.group_by).await.map_err(Error::from) },
        clinician_labels(state, &applied),
    )?;
    let mut totals = Tally::default();
    if applied.group_by == Dimension::ProblemArea {
        // A course with two areas is on two lines; the totals count it once.
        for (_, t) in state.store.outcome_breakdown(&filter, Dimension::Format).await? {
            totals.add(&t);
        }
    } else {
        for (_, t) in &tallies {
            totals.add(t);
        }
    }
    let out = Breakdown {
        rows: lines(&applied, applied.group_by, tallies, reader.min_cell, labels.as_deref()),
        totals: Figures::of(totals, reader.min_cell),
        reader,
        applied,
    };
    let mut e = me.event(if exported { action::REPORT_EXPORT } else { action::REPORT_READ }, "report");
    e.detail = Some(out.applied.query_string());
    state.store.audit(e).await?;
    Ok(out)
}

/// The breakdown as CSV (a header line, the rows, a totals line). Hidden
/// counts read "< 5"; cells that a spreadsheet would run as a formula are
/// quoted with a leading apostrophe.
pub fn breakdown_csv(b: &Breakdown) -> String {
    let tr = rapport_i18n::current();
    let headers: Vec<String> = CSV_COLUMNS.iter().map(|(_, id)| tr.t(id)).collect();
    let mut out = String::new();
    let mut line = |cells: Vec<String>| {
        out.push_str(&cells.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    };
    line(std::iter::once(tr.t(msg("reports-csv-group"))).chain(headers).collect());
    let hidden = tr.tn(msg("reports-fewer-than"), &[("min", &b.reader.min_cell)]);
    let cell = |c: Cell| c.value().map(|n| n.to_string()).unwrap_or_else(|| hidden.clone());
    let pct = |r: RateCell| r.percent.map(|p| format!("{p:.1}")).unwrap_or_default();
    let row = |label: &str, f: &Figures| -> Vec<String> {
        vec![
            label.to_string(),
            cell(f.finished_courses),
            cell(f.cases_at_start),
            cell(f.recovered),
            pct(f.recovery),
            cell(f.reliably_improved),
            pct(f.reliable_improvement),
            cell(f.reliably_recovered),
            pct(f.reliable_recovery),
            cell(f.reliably_deteriorated),
            pct(f.reliable_deterioration),
            cell(f.dropouts),
            cell(f.paired_scores),
        ]
    };
    for l in &b.rows {
        line(row(&l.label, &l.figures));
    }
    line(row(&tr.t(msg("reports-total")), &b.totals));
    out
}

/// The CSV's columns after the group: (API field, header message).
pub const CSV_COLUMNS: &[(&str, &str)] = &[
    ("finished_courses", msg("reports-col-finished")),
    ("cases_at_start", msg("reports-col-cases")),
    ("recovered", msg("reports-col-recovered")),
    ("recovery_rate", msg("reports-col-recovery-rate")),
    ("reliably_improved", msg("reports-col-improved")),
    ("reliable_improvement_rate", msg("reports-col-improvement-rate")),
    ("reliably_recovered", msg("reports-col-reliably-recovered")),
    ("reliable_recovery_rate", msg("reports-col-reliable-recovery-rate")),
    ("reliably_deteriorated", msg("reports-col-deteriorated")),
    ("reliable_deterioration_rate", msg("reports-col-deterioration-rate")),
    ("dropouts", msg("reports-col-dropouts")),
    ("paired_scores", msg("reports-col-paired")),
];

/// One CSV cell: quoted when needed, and a leading `=`, `+`, `-`, `@`, tab
/// or carriage return defused with an apostrophe (OWASP CSV injection).
pub fn csv_cell(s: &str) -> String {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s.parse::<f64>().is_err();
    let s = if risky { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_defused() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+1 cell"), "'+1 cell");
        assert_eq!(csv_cell("-3"), "-3");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
    }

    #[test]
    fn small_counts_hide_their_rates() {
        let r = RateCell::of(Rate::new(3, 40), 5);
        assert_eq!((r.count, r.of, r.percent), (Cell::Suppressed, Cell::Shown(40), None));
        let shown = RateCell::of(Rate::new(0, 40), 5);
        assert_eq!((shown.count, shown.percent), (Cell::Shown(0), Some(0.0)));
        let all = RateCell::of(Rate::new(3, 4), 0);
        assert_eq!(all.percent, Some(75.0));
    }

    #[test]
    fn urls_escape_what_is_not_an_id() {
        assert_eq!(urlencoding("a b&c"), "a%20b%26c");
        assert_eq!(urlencoding("ipt-16_x"), "ipt-16_x");
    }
}
