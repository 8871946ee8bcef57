//! Programme outcomes: the dashboard (`/reports`), the same figures on a
//! printable page (`/reports/print`) and the breakdown as CSV
//! (`/reports/outcomes.csv`). Every figure comes from `rapport_app::reports`;
//! this face only lays them out, with server-drawn SVG charts that each have a
//! table beside them.

use super::Layout;
use crate::error::AppResult;
use crate::html::render;
use crate::i18n::{msg, Tr};
use crate::identity::SignedIn;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use rapport_app::reports::{self, Cell, ClinicianPicker, Dashboard, Figures, Line, OutcomesQuery, RateCell};
use rapport_app::AppState;
use rapport_store::reports::Dimension;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/reports", page).get("/reports/print", print).get("/reports/outcomes.csv", csv)
}

/// A count as the page shows it ("12", "< 5").
fn count(tr: &Tr, c: Cell, min: i64) -> String {
    match c {
        Cell::Shown(n) => n.to_string(),
        Cell::Suppressed => tr.tn(msg("reports-fewer-than"), &[("min", &min)]),
    }
}

fn percent(r: &RateCell) -> String {
    r.percent.map(|p| format!("{p:.0} %")).unwrap_or_else(|| "—".into())
}

/// One tile: a headline figure, its name and what it is a share of.
pub struct Tile {
    pub key: &'static str,
    pub label: String,
    pub value: String,
    pub detail: String,
}

fn rate_tile(tr: &Tr, key: &'static str, label: &'static str, detail: &'static str, r: &RateCell, min: i64) -> Tile {
    Tile {
        key,
        label: tr.t(label),
        value: percent(r),
        detail: if r.of == Cell::Shown(0) {
            tr.t(msg("reports-no-data"))
        } else {
            tr.tn(detail, &[("count", &count(tr, r.count, min)), ("of", &count(tr, r.of, min))])
        },
    }
}

/// "−5.3 points" from tenths.
fn points(tr: &Tr, tenths: Option<i64>) -> String {
    match tenths {
        None => "—".into(),
        Some(t) => {
            let sign = if t < 0 {
                "−"
            } else if t > 0 {
                "+"
            } else {
                ""
            };
            let v = format!("{sign}{}.{}", t.abs() / 10, t.abs() % 10);
            tr.tn(msg("reports-points"), &[("change", &v)])
        }
    }
}

/// "45 min", "3 h 20 min", "2 days 4 h".
fn minutes(tr: &Tr, m: i64) -> String {
    match m {
        m if m < 60 => tr.tn(msg("reports-minutes"), &[("m", &m)]),
        m if m < 48 * 60 => tr.tn(msg("reports-hours"), &[("h", &(m / 60)), ("m", &(m % 60))]),
        m => tr.tn(msg("reports-days"), &[("d", &(m / (24 * 60))), ("h", &((m / 60) % 24))]),
    }
}

/// A row of the breakdown table as text.
pub struct LineView {
    pub label: String,
    pub cells: Vec<String>,
}

fn line_view(tr: &Tr, label: &str, f: &Figures, min: i64) -> LineView {
    let c = |x| count(tr, x, min);
    LineView {
        label: label.to_string(),
        cells: vec![
            c(f.finished_courses),
            c(f.cases_at_start),
            c(f.recovered),
            percent(&f.recovery),
            c(f.reliably_improved),
            percent(&f.reliable_improvement),
            percent(&f.reliable_recovery),
            c(f.reliably_deteriorated),
            percent(&f.reliable_deterioration),
            c(f.dropouts),
            c(f.paired_scores),
        ],
    }
}

fn breakdown_headers(tr: &Tr) -> Vec<String> {
    [
        msg("reports-col-finished"),
        msg("reports-col-cases"),
        msg("reports-col-recovered"),
        msg("reports-col-recovery-rate"),
        msg("reports-col-improved"),
        msg("reports-col-improvement-rate"),
        msg("reports-col-reliable-recovery-rate"),
        msg("reports-col-deteriorated"),
        msg("reports-col-deterioration-rate"),
        msg("reports-col-dropouts"),
        msg("reports-col-paired"),
    ]
    .iter()
    .map(|id| tr.t(id))
    .collect()
}

/// One horizontal bar (funnel, sites): label above, value in words, length 0..=280.
pub struct Bar {
    pub label: String,
    pub value: String,
    pub length: u32,
    pub y: u32,
}

/// One quarter of the rates chart: two bars (recovery, reliable improvement)
/// as heights in the 0..=120 plot, None when hidden or without data.
pub struct QuarterBars {
    pub label: String,
    pub x: u32,
    pub recovery: Option<u32>,
    pub improvement: Option<u32>,
    pub recovery_text: String,
    pub improvement_text: String,
}

fn height(r: &RateCell) -> Option<u32> {
    r.percent.map(|p| (p * 1.2).round().clamp(0.0, 120.0) as u32)
}

/// A select's option.
pub struct Opt {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

fn options(any: String, chosen: &str, list: &[(String, String)]) -> Vec<Opt> {
    std::iter::once(Opt { value: String::new(), label: any, selected: chosen.is_empty() })
        .chain(list.iter().map(|(v, l)| Opt { value: v.clone(), label: l.clone(), selected: v == chosen }))
        .collect()
}

/// The clinician filter as a search by name (see [`ClinicianPicker`]).
pub struct ClinicianSearch {
    pub term: String,
    /// The matches to choose from (with a first "choose" option); empty when
    /// there is nothing to choose.
    pub found: Vec<Opt>,
    /// What the search came to, when it did not settle on one clinician.
    pub notice: Option<String>,
}

#[derive(Template)]
#[template(path = "reports.html")]
struct ReportsPage {
    layout: Layout,
    view: View,
}

#[derive(Template)]
#[template(path = "reports_print.html")]
struct ReportsPrint {
    tr: Tr,
    title: String,
    org_name: String,
    printed: String,
    view: View,
}

/// Everything the dashboard shows, as text and geometry.
pub struct View {
    /// The printable page: chart tables open.
    pub print: bool,
    /// The reader may make the research export (the whole organisation's reader).
    pub research: bool,
    pub intro: String,
    pub scope: String,
    pub suppressed_note: Option<String>,
    pub from: String,
    pub to: String,
    pub sites: Vec<Opt>,
    pub clinicians: Vec<Opt>,
    /// Where there are too many clinicians to list: the name searched for,
    /// and what the search found when it did not settle on one.
    pub clinician_search: Option<ClinicianSearch>,
    pub protocols: Vec<Opt>,
    pub problem_areas: Vec<Opt>,
    pub formats: Vec<Opt>,
    pub group_bys: Vec<Opt>,
    pub query: String,
    pub tiles: Vec<Tile>,
    pub changes: Vec<Tile>,
    pub risk_raised: String,
    pub risk_ack: String,
    pub risk_assess: String,
    pub risk_overdue: String,
    pub funnel: Vec<Bar>,
    pub funnel_height: u32,
    pub quarters: Vec<QuarterBars>,
    pub quarters_width: u32,
    pub quarter_rows: Vec<LineView>,
    pub site_bars: Vec<Bar>,
    pub sites_height: u32,
    pub site_rows: Vec<LineView>,
    pub group_by_label: String,
    pub headers: Vec<String>,
    /// The breakdown's lines on this page (`Config::report_lines_per_page`).
    pub breakdown: Vec<LineView>,
    /// "Lines 101–200 of 25,000 …" when the breakdown has more than one page.
    pub lines_status: Option<String>,
    pub previous_lines: Option<String>,
    pub next_lines: Option<String>,
    pub totals: LineView,
}

/// Which lines of the breakdown a page shows: `first_line`, counted from 1.
#[derive(Debug, Default, serde::Deserialize)]
pub struct LinesQuery {
    first_line: Option<String>,
}

impl LinesQuery {
    /// The index of the first line shown; past the end, the last page's.
    fn start(&self, count: usize, per_page: usize) -> Result<usize, crate::error::AppError> {
        let first = match self.first_line.as_deref().map(str::trim) {
            None | Some("") => 1,
            Some(v) => v.parse::<usize>().ok().filter(|n| *n >= 1).ok_or_else(|| {
                crate::error::AppError::Invalid(rapport_core::validation::ValidationErrors::single_key(
                    "first_line",
                    msg("reports-error-first-line"),
                    vec![],
                ))
            })?,
        };
        let last_page = count.saturating_sub(1) / per_page * per_page;
        Ok((first - 1).min(last_page))
    }
}

fn view(d: &Dashboard, print: bool, (start, per_page): (usize, usize)) -> View {
    let tr = crate::i18n::current();
    let min = d.reader.min_cell;
    let a = &d.applied;
    let t = &d.totals;
    let pairs = |list: &[rapport_app::reports::Choice]| -> Vec<(String, String)> {
        list.iter().map(|c| (c.id.clone(), c.label.clone())).collect()
    };
    let formats = [
        ("individual".to_string(), tr.t(msg("reports-format-individual"))),
        ("group".to_string(), tr.t(msg("reports-format-group"))),
    ];
    let dims: Vec<(String, String)> =
        Dimension::BREAKDOWNS.iter().map(|dim| (dim.as_str().to_string(), tr.t(dimension_label(*dim)))).collect();
    let mut group_bys = options(String::new(), a.group_by.as_str(), &dims);
    group_bys.remove(0);
    let tiles = vec![
        rate_tile(&tr, "recovery", msg("reports-recovery"), msg("reports-of-cases"), &t.recovery, min),
        rate_tile(
            &tr,
            "reliable-improvement",
            msg("reports-reliable-improvement"),
            msg("reports-of-paired"),
            &t.reliable_improvement,
            min,
        ),
        rate_tile(
            &tr,
            "reliable-recovery",
            msg("reports-reliable-recovery"),
            msg("reports-of-cases"),
            &t.reliable_recovery,
            min,
        ),
        rate_tile(
            &tr,
            "reliable-deterioration",
            msg("reports-reliable-deterioration"),
            msg("reports-of-paired"),
            &t.reliable_deterioration,
            min,
        ),
        rate_tile(&tr, "response", msg("reports-response"), msg("reports-of-eligible"), &t.response, min),
        rate_tile(&tr, "remission", msg("reports-remission"), msg("reports-of-eligible"), &t.remission, min),
        rate_tile(&tr, "completeness", msg("reports-completeness"), msg("reports-of-finished"), &t.completeness, min),
        rate_tile(&tr, "dropout", msg("reports-dropout"), msg("reports-of-ended"), &t.dropout, min),
        rate_tile(&tr, "attendance", msg("reports-attendance"), msg("reports-of-sessions"), &t.attendance, min),
        rate_tile(&tr, "fidelity", msg("reports-fidelity"), msg("reports-of-rated"), &t.fidelity, min),
    ];
    let changes = vec![
        Tile {
            key: "phq9-change",
            label: tr.t(msg("reports-mean-change")),
            value: points(&tr, t.phq9_mean_change_tenths),
            detail: tr.tn(msg("reports-change-of"), &[("n", &count(&tr, t.phq9_changes, min))]),
        },
        Tile {
            key: "gad7-change",
            label: tr.t(msg("reports-mean-change")),
            value: points(&tr, t.gad7_mean_change_tenths),
            detail: tr.tn(msg("reports-change-of-gad7"), &[("n", &count(&tr, t.gad7_changes, min))]),
        },
    ];
    let r = &d.risk;
    let times = |median: Option<i64>, p90: Option<i64>| match (median, p90) {
        (Some(m), Some(p)) => {
            tr.tn(msg("reports-risk-times"), &[("median", &minutes(&tr, m)), ("p90", &minutes(&tr, p))])
        }
        _ => tr.t(msg("reports-risk-times-none")),
    };
    let funnel_max = d.funnel.stages.iter().filter_map(|(_, c)| c.value()).max().unwrap_or(0).max(1);
    let funnel: Vec<Bar> = d
        .funnel
        .stages
        .iter()
        .enumerate()
        .map(|(i, (id, c))| Bar {
            label: tr.t(id),
            value: count(&tr, *c, min),
            length: c.value().map(|n| (n * 280 / funnel_max) as u32).unwrap_or(0),
            y: i as u32 * 42,
        })
        .collect();
    let quarters: Vec<QuarterBars> = d
        .by_quarter
        .iter()
        .enumerate()
        .map(|(i, l)| QuarterBars {
            label: l.label.clone(),
            x: 40 + i as u32 * 64,
            recovery: height(&l.figures.recovery),
            improvement: height(&l.figures.reliable_improvement),
            recovery_text: percent(&l.figures.recovery),
            improvement_text: percent(&l.figures.reliable_improvement),
        })
        .collect();
    let site_bars: Vec<Bar> = d
        .by_site
        .iter()
        .enumerate()
        .map(|(i, l)| Bar {
            label: l.label.clone(),
            value: percent(&l.figures.recovery),
            length: l.figures.recovery.percent.map(|p| (p * 2.8).round() as u32).unwrap_or(0),
            y: i as u32 * 42,
        })
        .collect();
    let rows =
        |lines: &[Line]| -> Vec<LineView> { lines.iter().map(|l| line_view(&tr, &l.label, &l.figures, min)).collect() };
    let any_hidden = min > 1
        && (t.any_suppressed()
            || [&d.by_quarter, &d.by_site, &d.breakdown]
                .iter()
                .any(|ls| ls.iter().any(|l| l.figures.any_suppressed())));
    View {
        print,
        research: d.reader.whole_organisation,
        intro: tr.tn(msg("reports-intro"), &[("from", &tr.date(a.from)), ("to", &tr.date(a.to))]),
        scope: if !d.reader.whole_organisation {
            tr.t(msg("reports-scope-supervisor"))
        } else if min > 1 {
            tr.tn(msg("reports-scope-organisation"), &[("min", &min)])
        } else {
            tr.t(msg("reports-scope-organisation-all"))
        },
        suppressed_note: any_hidden.then(|| tr.tn(msg("reports-suppressed-note"), &[("min", &min)])),
        from: rapport_core::time::format_date(a.from),
        to: rapport_core::time::format_date(a.to),
        sites: options(tr.t(msg("reports-any-site")), &a.site, &pairs(&a.sites)),
        clinicians: options(tr.t(msg("reports-any-clinician")), &a.clinician, &pairs(&a.clinicians)),
        clinician_search: match &a.clinician_picker {
            ClinicianPicker::List => None,
            ClinicianPicker::Search { term, found, more } => Some(ClinicianSearch {
                term: term.clone(),
                found: if found.is_empty() {
                    Vec::new()
                } else {
                    options(tr.t(msg("reports-clinician-choose")), "", &pairs(found))
                },
                notice: match (term.is_empty(), a.clinician.is_empty(), found.len()) {
                    (true, _, _) | (_, false, _) => None,
                    (false, true, 0) => Some(tr.tn(msg("reports-clinician-none"), &[("term", term)])),
                    (false, true, n) => Some(tr.tn(
                        if *more { msg("reports-clinician-more") } else { msg("reports-clinician-several") },
                        &[("term", term), ("count", &(n as i64))],
                    )),
                },
            }),
        },
        protocols: options(tr.t(msg("reports-any-protocol")), &a.protocol, &pairs(&a.protocols)),
        problem_areas: options(tr.t(msg("reports-any-problem-area")), &a.problem_area, &pairs(&a.problem_areas)),
        formats: options(tr.t(msg("reports-format-any")), &a.format, &formats),
        group_bys,
        query: a.query_string(),
        tiles,
        changes,
        risk_raised: count(&tr, r.raised, min),
        risk_ack: times(r.ack_median, r.ack_p90),
        risk_assess: times(r.assess_median, r.assess_p90),
        risk_overdue: tr.tn(
            msg("reports-risk-overdue-detail"),
            &[
                ("ack", &count(&tr, r.overdue_ack, min)),
                ("ack_hours", &r.ack_deadline_hours),
                ("assess", &count(&tr, r.overdue_assessment, min)),
                ("assess_hours", &r.assess_deadline_hours),
            ],
        ),
        funnel_height: funnel.len() as u32 * 42,
        funnel,
        quarters_width: 40 + (quarters.len() as u32).max(1) * 64,
        quarters,
        quarter_rows: rows(&d.by_quarter),
        sites_height: site_bars.len() as u32 * 42,
        site_bars,
        site_rows: rows(&d.by_site),
        group_by_label: tr.t(dimension_label(a.group_by)),
        headers: breakdown_headers(&tr),
        breakdown: rows(&d.breakdown[start.min(d.breakdown.len())..(start + per_page).min(d.breakdown.len())]),
        lines_status: (d.breakdown.len() > per_page).then(|| {
            tr.tn(
                msg("reports-lines-status"),
                &[
                    ("first", &((start + 1) as i64)),
                    ("last", &((start + per_page).min(d.breakdown.len()) as i64)),
                    ("count", &(d.breakdown.len() as i64)),
                ],
            )
        }),
        previous_lines: (start > 0)
            .then(|| format!("{}&first_line={}", a.query_string(), start.saturating_sub(per_page) + 1)),
        next_lines: (start + per_page < d.breakdown.len())
            .then(|| format!("{}&first_line={}", a.query_string(), start + per_page + 1)),
        totals: line_view(&tr, &tr.t(msg("reports-total")), t, min),
    }
}

pub fn dimension_label(d: Dimension) -> &'static str {
    match d {
        Dimension::Clinician => msg("reports-dim-clinician"),
        Dimension::Site => msg("reports-dim-site"),
        Dimension::Protocol => msg("reports-dim-protocol"),
        Dimension::ProblemArea => msg("reports-dim-problem-area"),
        Dimension::Format => msg("reports-dim-format"),
        Dimension::Quarter => msg("reports-dim-quarter"),
    }
}

pub async fn page(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Query(q): Query<OutcomesQuery>,
    Query(lines): Query<LinesQuery>,
) -> AppResult<Html<String>> {
    let d = reports::dashboard(&state, &me, &q).await?;
    let per_page = state.config.report_lines_per_page.max(1);
    let start = (lines.start(d.breakdown.len(), per_page)?, per_page);
    let layout = Layout::new(&state, &me, crate::i18n::current().t(msg("reports-title")), "reports").await?;
    render(&ReportsPage { layout, view: view(&d, false, start) })
}

pub async fn print(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Query(q): Query<OutcomesQuery>,
    Query(lines): Query<LinesQuery>,
) -> AppResult<Html<String>> {
    let d = reports::dashboard(&state, &me, &q).await?;
    let per_page = state.config.report_lines_per_page.max(1);
    let start = (lines.start(d.breakdown.len(), per_page)?, per_page);
    let tr = crate::i18n::current();
    render(&ReportsPrint {
        title: tr.t(msg("reports-title")),
        org_name: state.organisation().await?.name,
        printed: tr.tn(msg("reports-print-note"), &[("date", &tr.date(rapport_core::Timestamp::now().date()))]),
        view: view(&d, true, start),
        tr,
    })
}

pub async fn csv(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Query(q): Query<OutcomesQuery>,
) -> AppResult<Response> {
    let b = reports::breakdown(&state, &me, &q, true).await?;
    let name = format!(
        "attachment; filename=\"outcomes-{}-{}-by-{}.csv\"",
        rapport_core::time::format_date(b.applied.from),
        rapport_core::time::format_date(b.applied.to),
        b.applied.group_by.as_str()
    );
    Ok((
        [(header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()), (header::CONTENT_DISPOSITION, name)],
        reports::breakdown_csv(&b),
    )
        .into_response())
}
