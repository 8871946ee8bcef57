//! A client's measure charts as the staff pages and the client portal show
//! them: an SVG per instrument with its data-table alternative.

use crate::error::AppResult;
use crate::i18n::Tr;
use rapport_app::AppState;
use rapport_core::measures::chart::{client_measure_svg_in, measure_svg_in, ChartPoint, ChartWords};
use rapport_core::measures::definition::Instrument;
use rapport_core::Id;
use rapport_store::measures::ResponseRow;

/// One instrument's chart with its data-table alternative.
pub struct ChartView {
    pub instrument: String,
    pub svg: String,
    pub by_session: bool,
    pub rows: Vec<ChartRow>,
}

pub struct ChartRow {
    pub date: String,
    /// The same day in the long form (the client portal).
    pub long_date: String,
    pub session: String,
    pub total: i64,
    pub band: String,
}

/// "4 Dec": a day on the chart's time axis.
fn day_month(tr: &Tr, d: time::Date) -> String {
    format!("{} {}", d.day(), tr.month_short(d.month()))
}

/// The chart's words in the reader's language.
pub fn chart_words<'a>(tr: &'a Tr, inst: &'a Instrument) -> ChartWords<'a> {
    let measure = inst.short_name.as_str();
    ChartWords {
        title: tr.ta("measure-chart-title", "measure", measure),
        no_scores: tr.t("measure-chart-no-scores"),
        summary: Box::new(move |count, first, last, latest, on| {
            tr.tn(
                crate::i18n::msg("measure-chart-summary"),
                &[
                    ("count", &count),
                    ("first", &tr.date(first)),
                    ("last", &tr.date(last)),
                    ("latest", &latest),
                    ("latest_on", &tr.date(on)),
                ],
            )
        }),
        caseness_at: Box::new(move |c| format!(" {}", tr.ta("measure-chart-caseness-at", "value", c))),
        events_marked: Box::new(move |n| format!(" {}", tr.ta("measure-chart-events-marked", "count", n))),
        axis_total: tr.ta("measure-chart-axis-total", "measure", measure),
        caseness_line: Box::new(move |cut| tr.ta("measure-chart-caseness-line", "cutoff", cut)),
        event: Box::new(move |n, d, label| {
            tr.tn("measure-chart-event", &[("number", &(n as i64)), ("date", &day_month(tr, d)), ("label", &label)])
        }),
        session_mark: Box::new(move |s| tr.ta("measure-chart-session-mark", "number", s as i64)),
        short_date: Box::new(move |d| day_month(tr, d)),
        band: Box::new(move |b| tr.band_words(inst, &b.id, &b.label)),
        axis_sessions: tr.t("measure-chart-axis-sessions"),
        axis_dates: tr.t("measure-chart-axis-dates"),
    }
}

/// Days before a held session in which a response still counts as that
/// session's (filled in the day or two before the appointment).
const SESSION_WINDOW_DAYS: i64 = 3;

/// The session a response was completed for: the first held session on or
/// after its date (`held` in date order, numbered from 1), when that session
/// is at most [`SESSION_WINDOW_DAYS`] later. A response further from a held
/// session (e.g. on the day of a cancelled one) has no number and is placed
/// by its date.
fn session_for(held: &[time::Date], d: time::Date) -> Option<u32> {
    let i = held.iter().position(|s| *s >= d)?;
    ((held[i] - d).whole_days() <= SESSION_WINDOW_DAYS).then_some(i as u32 + 1)
}

/// A chart per instrument with complete scores (oldest first), with the
/// client's timeline events; with session numbers when `held` is given.
pub async fn charts_for(
    state: &AppState,
    client: &Id,
    responses: &[ResponseRow],
    held: Option<&[time::Date]>,
    for_client: bool,
) -> AppResult<Vec<ChartView>> {
    // The client's chart shows no clinician's markers (`client_measure_svg`).
    let events = if for_client { Vec::new() } else { rapport_app::measures::chart_events(state, client).await? };
    let mut order: Vec<&str> = Vec::new();
    for r in responses {
        if r.total.is_some() && !order.contains(&r.instrument_id.as_str()) {
            order.push(&r.instrument_id);
        }
    }
    let mut charts = Vec::new();
    for inst_id in order {
        let Some(inst) = state.instruments.get(inst_id) else { continue };
        let mut mine: Vec<&ResponseRow> =
            responses.iter().filter(|r| r.instrument_id == inst_id && r.total.is_some()).collect();
        mine.sort_by_key(|r| r.completed_at);
        let points: Vec<ChartPoint> = mine
            .iter()
            .map(|r| ChartPoint {
                date: r.completed_at.date(),
                total: r.total.unwrap_or_default(),
                session: held.and_then(|h| session_for(h, r.completed_at.date())),
            })
            .collect();
        let tr = crate::i18n::current();
        let words = chart_words(&tr, inst);
        let svg = if for_client {
            client_measure_svg_in(inst, &points, &format!("chart-{inst_id}"), &words)
        } else {
            measure_svg_in(inst, &points, &events, &format!("chart-{inst_id}"), &words)
        };
        let band_label = |r: &ResponseRow| match r.band.as_deref() {
            Some(id) => tr.band_label(inst, r.band_set.as_deref(), id),
            None => String::new(),
        };
        let rows = mine
            .iter()
            .zip(&points)
            .map(|(r, p)| ChartRow {
                date: tr.date(p.date),
                long_date: crate::i18n::long_day(p.date),
                session: p.session.map(|s| s.to_string()).unwrap_or_default(),
                total: p.total,
                band: band_label(r),
            })
            .collect();
        charts.push(ChartView { instrument: inst.short_name.clone(), svg, by_session: held.is_some(), rows });
    }
    Ok(charts)
}
