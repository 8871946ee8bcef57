//! One instrument's scores as a server-side SVG chart: totals by date (and by
//! session number when a course is given), the instrument's severity bands
//! shaded and named, the caseness line labelled, and the client's timeline
//! events as numbered, labelled markers. The chart is an image with a title
//! and a description; the page shows the same scores as a table.

use super::definition::{Direction, Instrument};
use crate::timeline::chart::{esc, truncate};
use std::fmt::Write;
use time::Date;

/// One score to plot.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartPoint {
    pub date: Date,
    pub total: i64,
    /// The session number within the course, when the chart is for a course.
    pub session: Option<u32>,
}

/// A timeline event to mark on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartEvent {
    pub date: Date,
    pub label: String,
    /// Its number in the client's timeline table (all events in time order),
    /// so the chart's marker and the table agree; 0 numbers the events shown
    /// from 1.
    pub number: u32,
}

const WIDTH: f64 = 720.0;
const LEFT: f64 = 52.0;
const RIGHT: f64 = 196.0;
const TOP: f64 = 24.0;
const PLOT_H: f64 = 220.0;
const BAND_FILLS: [&str; 2] = ["#f3f4f6", "#e5e7eb"];
const LABEL_CHARS: usize = 24;

/// (number of scores, first day, last day, latest total, latest day) → the chart's summary.
pub type SummaryWords<'a> = Box<dyn Fn(usize, Date, Date, i64, Date) -> String + 'a>;
/// (number, day, label) → an event's line.
pub type EventWords<'a> = Box<dyn Fn(u32, Date, &str) -> String + 'a>;

/// The chart's words in the reader's language: the faces fill them from
/// their messages; [`ChartWords::english`] is the English the core writes.
pub struct ChartWords<'a> {
    /// The chart's title, e.g. "PHQ-9 scores".
    pub title: String,
    pub no_scores: String,
    /// (number of scores, first day, last day, latest total, latest day) →
    /// "5 scores from 4 Dec 2026 to …; latest 12 on …."
    pub summary: SummaryWords<'a>,
    /// The caseness cut-off as written on the chart: " Caseness at 10."
    pub caseness_at: Box<dyn Fn(i64) -> String + 'a>,
    /// " 3 timeline events marked."
    pub events_marked: Box<dyn Fn(usize) -> String + 'a>,
    /// The value axis: "PHQ-9 total".
    pub axis_total: String,
    /// The caseness line's label from its cut-off ("≥ 10"): "caseness ≥ 10".
    pub caseness_line: Box<dyn Fn(&str) -> String + 'a>,
    /// (number, day, label) → "Event 1, 4 Dec: Moved house".
    pub event: EventWords<'a>,
    /// A session number under the axis: "S3".
    pub session_mark: Box<dyn Fn(u32) -> String + 'a>,
    /// A day under the axis: "4 Dec".
    pub short_date: Box<dyn Fn(Date) -> String + 'a>,
    /// A band's name on the chart (its definition's label in English).
    pub band: Box<dyn Fn(&super::definition::Band) -> String + 'a>,
    /// The time axis with session numbers, and without.
    pub axis_sessions: String,
    pub axis_dates: String,
}

impl ChartWords<'static> {
    /// The chart in English (the words before any face chose a language).
    pub fn english(inst: &Instrument) -> ChartWords<'static> {
        ChartWords {
            title: format!("{} scores", inst.short_name),
            no_scores: "No scores yet.".into(),
            summary: Box::new(|n, first, last, latest, on| {
                format!(
                    "{n} {} from {} to {}; latest {latest} on {}.",
                    if n == 1 { "score" } else { "scores" },
                    crate::time::format_date(first),
                    crate::time::format_date(last),
                    crate::time::format_date(on),
                )
            }),
            caseness_at: Box::new(|c| format!(" Caseness at {c}.")),
            events_marked: Box::new(|n| format!(" {n} timeline events marked.")),
            axis_total: format!("{} total", inst.short_name),
            caseness_line: Box::new(|cut| format!("caseness {cut}")),
            event: Box::new(|n, d, label| format!("Event {n}, {}: {label}", short_date(d))),
            session_mark: Box::new(|s| format!("S{s}")),
            short_date: Box::new(short_date),
            band: Box::new(|b| b.label.clone()),
            axis_sessions: "Session (S) and date".into(),
            axis_dates: "Date".into(),
        }
    }
}

fn short_date(d: Date) -> String {
    format!("{} {}", d.day(), &d.month().to_string()[..3])
}

/// The chart as an SVG element. `id` makes the title/description ids unique
/// on a page with several charts (letters, digits, `-` and `_` are kept).
pub fn measure_svg(inst: &Instrument, points: &[ChartPoint], events: &[ChartEvent], id: &str) -> String {
    chart(inst, points, events, id, false, &ChartWords::english(inst))
}

/// [`measure_svg`] in the reader's words.
pub fn measure_svg_in(
    inst: &Instrument,
    points: &[ChartPoint],
    events: &[ChartEvent],
    id: &str,
    words: &ChartWords,
) -> String {
    chart(inst, points, events, id, false, words)
}

/// The chart as the client sees it (the portal): the scores and the named
/// bands only, without the clinician's caseness line or numbered events, and
/// drawn to fit the width it is given.
pub fn client_measure_svg(inst: &Instrument, points: &[ChartPoint], id: &str) -> String {
    chart(inst, points, &[], id, true, &ChartWords::english(inst))
}

/// [`client_measure_svg`] in the reader's words.
pub fn client_measure_svg_in(inst: &Instrument, points: &[ChartPoint], id: &str, words: &ChartWords) -> String {
    chart(inst, points, &[], id, true, words)
}

/// Every text of the chart is at least this size (px): readable, and what
/// the accessibility checks ask of text in images.
const FONT: u32 = 12;

fn chart(
    inst: &Instrument,
    points: &[ChartPoint],
    events: &[ChartEvent],
    id: &str,
    for_client: bool,
    words: &ChartWords,
) -> String {
    // The client's chart is narrower, with the band names inside the bands, so
    // it fits a phone's column at a readable size.
    let (width, right) = if for_client { (400.0, 12.0) } else { (WIDTH, RIGHT) };
    let id: String = id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    let title = words.title.clone();
    let mut out = String::new();
    let mut points: Vec<&ChartPoint> = points.iter().collect();
    points.sort_by_key(|p| p.date);
    if points.is_empty() {
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"measure-chart\" viewBox=\"0 0 {width} 60\" role=\"img\" \
             aria-labelledby=\"{id}-title {id}-desc\"><title id=\"{id}-title\">{}</title>\
             <desc id=\"{id}-desc\">{}</desc>\
             <text x=\"{}\" y=\"34\" text-anchor=\"middle\" font-size=\"14\" fill=\"#4b5563\">{}</text></svg>",
            esc(&title),
            esc(&words.no_scores),
            width / 2.0,
            esc(&words.no_scores)
        );
        return out;
    }
    let (lo_v, hi_v) = (inst.range.min as f64, inst.range.max as f64);
    let span_v = (hi_v - lo_v).max(1.0);
    let y_of = |v: f64| TOP + PLOT_H - (v.clamp(lo_v, hi_v) - lo_v) / span_v * PLOT_H;

    let first = points.first().expect("non-empty").date;
    let last = points.last().expect("non-empty").date;
    let mut events: Vec<&ChartEvent> = events.iter().filter(|e| e.date >= first && e.date <= last).collect();
    events.sort_by_key(|e| e.date);
    let (x0, x1) = (LEFT + 16.0, width - right - 16.0);
    let days = (last.to_julian_day() - first.to_julian_day()) as f64;
    let x_of = |d: Date| {
        if days == 0.0 {
            (x0 + x1) / 2.0
        } else {
            x0 + (d.to_julian_day() - first.to_julian_day()) as f64 / days * (x1 - x0)
        }
    };
    let by_session = points.iter().any(|p| p.session.is_some());
    let axis_y = TOP + PLOT_H;
    let events_y = axis_y + if by_session { 62.0 } else { 46.0 };
    let height = events_y + 22.0 * events.len() as f64 + 12.0;

    let bands = inst.band_set(None).map(|b| b.bands.as_slice()).unwrap_or(&[]);
    let caseness = inst.caseness.as_ref().filter(|_| !for_client).and_then(|c| match inst.direction {
        Direction::HigherIsWorse => c.min,
        Direction::HigherIsBetter => c.max,
    });
    let latest = points.last().expect("non-empty");
    let mut desc = (words.summary)(points.len(), first, last, latest.total, latest.date);
    if let Some(c) = caseness {
        desc.push_str(&(words.caseness_at)(c));
    }
    if !events.is_empty() {
        desc.push_str(&(words.events_marked)(events.len()));
    }
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"measure-chart{}\" viewBox=\"0 0 {width} {height:.0}\" \
         role=\"img\" aria-labelledby=\"{id}-title {id}-desc\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        if for_client { " client-chart" } else { "" },
        esc(&title),
        esc(&desc)
    );

    // Bands: shaded strips named on the right.
    for (i, b) in bands.iter().enumerate() {
        let top = y_of(b.max as f64 + if b.max < inst.range.max { 0.5 } else { 0.0 });
        let bottom = y_of(b.min as f64 - if b.min > inst.range.min { 0.5 } else { 0.0 });
        let _ = write!(
            out,
            "<g class=\"band\"><rect x=\"{LEFT}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{FONT}\" fill=\"#374151\">{} ({}–{})</text></g>",
            width - right - LEFT,
            (bottom - top).max(0.0),
            BAND_FILLS[i % 2],
            if for_client { LEFT + 4.0 } else { width - right + 6.0 },
            (top + bottom) / 2.0 + 4.0,
            esc(&truncate(&(words.band)(b), 20)),
            b.min,
            b.max
        );
    }
    // Axes with the value scale.
    let _ = write!(
        out,
        "<line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{axis_y}\" stroke=\"#1f2937\"/>\
         <line x1=\"{LEFT}\" y1=\"{axis_y}\" x2=\"{:.1}\" y2=\"{axis_y}\" stroke=\"#1f2937\"/>",
        width - right
    );
    let step = if span_v > 40.0 { 10 } else { 5 };
    let mut v = inst.range.min - inst.range.min.rem_euclid(step);
    while v <= inst.range.max {
        if v >= inst.range.min {
            let y = y_of(v as f64);
            let _ = write!(
                out,
                "<line x1=\"{:.1}\" y1=\"{y:.1}\" x2=\"{LEFT}\" y2=\"{y:.1}\" stroke=\"#1f2937\"/>\
                 <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"{FONT}\" fill=\"#1f2937\">{v}</text>",
                LEFT - 4.0,
                LEFT - 6.0,
                y + 4.0
            );
        }
        v += step;
    }
    let _ = write!(
        out,
        "<text x=\"14\" y=\"{:.1}\" transform=\"rotate(-90 14 {:.1})\" text-anchor=\"middle\" font-size=\"{FONT}\" fill=\"#1f2937\">{}</text>",
        TOP + PLOT_H / 2.0,
        TOP + PLOT_H / 2.0,
        esc(&words.axis_total)
    );
    // Caseness line.
    if let Some(c) = caseness {
        let y = y_of(c as f64);
        let _ = write!(
            out,
            "<g class=\"caseness\"><line x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"#b91c1c\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{FONT}\" fill=\"#b91c1c\">{}</text></g>",
            width - right,
            LEFT + 4.0,
            y - 4.0,
            esc(&(words.caseness_line)(&format!(
                "{}{c}",
                if inst.direction == Direction::HigherIsWorse { "≥ " } else { "≤ " }
            )))
        );
    }
    // Timeline events: a dotted line with a numbered marker, named under the chart.
    for (i, e) in events.iter().enumerate() {
        let x = x_of(e.date);
        let n = if e.number > 0 { e.number as usize } else { i + 1 };
        let ly = events_y + 22.0 * i as f64;
        let _ = write!(
            out,
            "<g class=\"event\"><line x1=\"{x:.1}\" y1=\"{TOP}\" x2=\"{x:.1}\" y2=\"{axis_y}\" stroke=\"#6d28d9\" stroke-dasharray=\"2 3\"/>\
             <rect x=\"{:.1}\" y=\"{:.1}\" width=\"20\" height=\"16\" fill=\"#6d28d9\"/>\
             <text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"{FONT}\" fill=\"#fff\">{n}</text>\
             <text x=\"{LEFT}\" y=\"{ly:.1}\" font-size=\"{FONT}\" fill=\"#1f2937\">{}</text></g>",
            x - 10.0,
            TOP - 18.0,
            TOP - 6.0,
            esc(&(words.event)(n as u32, e.date, &truncate(&e.label, LABEL_CHARS * 3)))
        );
    }
    // The line and the points, with the date (and session number) under each.
    let path: Vec<String> = points.iter().map(|p| format!("{:.1},{:.1}", x_of(p.date), y_of(p.total as f64))).collect();
    let _ = write!(
        out,
        "<polyline class=\"scores\" points=\"{}\" fill=\"none\" stroke=\"#1d4ed8\" stroke-width=\"2\"/>",
        path.join(" ")
    );
    let label_every = (points.len() / 8).max(1);
    for (i, p) in points.iter().enumerate() {
        let (x, y) = (x_of(p.date), y_of(p.total as f64));
        let _ = write!(
            out,
            "<g class=\"point\"><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4\" fill=\"#1d4ed8\" stroke=\"#fff\"/>\
             <text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"{FONT}\" fill=\"#1e3a8a\">{}</text></g>",
            y - 8.0,
            p.total
        );
        if i % label_every == 0 || i + 1 == points.len() {
            let _ = write!(
                out,
                "<line x1=\"{x:.1}\" y1=\"{axis_y}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#1f2937\"/>",
                axis_y + 4.0
            );
            if let Some(s) = p.session {
                let _ = write!(
                    out,
                    "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"{FONT}\" fill=\"#1f2937\">{}</text>",
                    axis_y + 16.0,
                    esc(&(words.session_mark)(s))
                );
            }
            let _ = write!(
                out,
                "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"{FONT}\" fill=\"#4b5563\">{}</text>",
                axis_y + if by_session { 30.0 } else { 16.0 },
                esc(&(words.short_date)(p.date))
            );
        }
    }
    let _ = write!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"{FONT}\" fill=\"#1f2937\">{}</text></svg>",
        (x0 + x1) / 2.0,
        axis_y + if by_session { 46.0 } else { 32.0 },
        esc(if by_session { &words.axis_sessions } else { &words.axis_dates })
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measures::Library;
    use time::macros::date;

    fn phq9() -> Instrument {
        Library::builtin().get("phq9").expect("phq9").clone()
    }

    fn pts() -> Vec<ChartPoint> {
        vec![
            ChartPoint { date: date!(2026 - 02 - 09), total: 12, session: Some(2) },
            ChartPoint { date: date!(2026 - 02 - 02), total: 18, session: Some(1) },
            ChartPoint { date: date!(2026 - 02 - 16), total: 7, session: Some(3) },
        ]
    }

    #[test]
    fn every_text_is_at_least_12px_and_in_the_words_given() {
        let inst = phq9();
        let ev = [ChartEvent { date: date!(2026 - 02 - 10), label: "Moved".into(), number: 1 }];
        let mut with_sessions = pts();
        with_sessions[0].session = Some(1);
        for svg in [
            measure_svg(&inst, &pts(), &ev, "c"),
            measure_svg(&inst, &with_sessions, &ev, "c"),
            client_measure_svg(&inst, &pts(), "c"),
        ] {
            for (at, _) in svg.match_indices("font-size=\"") {
                let size: u32 = svg[at + 11..].split('"').next().unwrap().parse().unwrap();
                assert!(size >= 12, "{size}px text in {svg}");
            }
        }
        let mut words = ChartWords::english(&inst);
        words.title = "Puntuaciones del PHQ-9".into();
        words.axis_sessions = "Sesión (S) y fecha".into();
        words.caseness_line = Box::new(|c| format!("umbral de caso {c}"));
        words.event = Box::new(|n, _, l| format!("Suceso {n}: {l}"));
        let svg = measure_svg_in(&inst, &pts(), &ev, "c", &words);
        for s in ["Puntuaciones del PHQ-9", "Sesión (S) y fecha", "umbral de caso ≥ 10", "Suceso 1: Moved"] {
            assert!(svg.contains(s), "{s}");
        }
        assert!(!svg.contains(">caseness") && !svg.contains("Session (S)"));
    }

    #[test]
    fn event_markers_carry_the_timeline_tables_numbers() {
        // Event 1 of the timeline is before the scores; the chart still calls the next one 2.
        let events = [
            ChartEvent { date: date!(2025 - 06 - 01), label: "Moved".into(), number: 1 },
            ChartEvent { date: date!(2026 - 02 - 10), label: "Argument".into(), number: 2 },
        ];
        let svg = measure_svg(&phq9(), &pts(), &events, "c1");
        assert!(svg.contains("Event 2, 10 Feb: Argument") && !svg.contains("Event 1"), "{svg}");
    }

    #[test]
    fn the_client_chart_has_no_caseness_and_no_events() {
        let events = [ChartEvent { date: date!(2026 - 02 - 10), label: "Argument with Sam".into(), number: 0 }];
        let staff = measure_svg(&phq9(), &pts(), &events, "c1");
        assert!(staff.contains("caseness") && staff.contains("Event 1"), "{staff}");
        let client = client_measure_svg(&phq9(), &pts(), "c1");
        assert!(!client.to_lowercase().contains("caseness") && !client.contains("Event"), "{client}");
        assert!(client.contains("client-chart") && client.contains("Moderate"), "the bands stay, named: {client}");
    }

    #[test]
    fn bands_caseness_and_accessible_name_are_present() {
        let svg = measure_svg(&phq9(), &pts(), &[], "c1");
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("role=\"img\"") && svg.contains("<title id=\"c1-title\">PHQ-9 scores</title>"));
        assert!(svg.contains("<desc id=\"c1-desc\">3 scores"));
        for b in &phq9().band_set(None).unwrap().bands {
            assert!(svg.contains(&esc(&b.label)), "band {}", b.label);
        }
        assert_eq!(svg.matches("class=\"band\"").count(), phq9().band_set(None).unwrap().bands.len());
        assert!(svg.contains("caseness ≥ 10"));
        assert!(svg.contains(">S1<") && svg.contains(">S3<") && svg.contains("Session (S) and date"));
    }

    #[test]
    fn points_are_drawn_in_date_order() {
        let svg = measure_svg(&phq9(), &pts(), &[], "c");
        let a = svg.find(">18<").unwrap();
        let b = svg.find(">12<").unwrap();
        let c = svg.find(">7<").unwrap();
        assert!(a < b && b < c);
        let line = svg.split("points=\"").nth(1).unwrap().split('"').next().unwrap();
        let xs: Vec<f64> = line.split(' ').map(|p| p.split(',').next().unwrap().parse().unwrap()).collect();
        assert!(xs.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn event_labels_and_ids_are_escaped() {
        let ev = [ChartEvent { date: date!(2026 - 02 - 10), label: "<script>\"x\" & y".into(), number: 0 }];
        let svg = measure_svg(&phq9(), &pts(), &ev, "c\"><x");
        assert!(!svg.contains("<script>") && svg.contains("&lt;script&gt;&quot;x&quot; &amp; y"));
        assert!(svg.contains("Event 1, 10 Feb"));
        assert!(svg.contains("id=\"cx-title\""));
        // Events outside the scores' dates are left off.
        let far = [ChartEvent { date: date!(2020 - 01 - 01), label: "long ago".into(), number: 0 }];
        assert!(!measure_svg(&phq9(), &pts(), &far, "c").contains("long ago"));
    }

    #[test]
    fn no_scores_gives_a_labelled_empty_chart() {
        let svg = measure_svg(&phq9(), &[], &[], "e");
        assert!(svg.contains("role=\"img\"") && svg.contains("No scores yet."));
        let by_date =
            measure_svg(&phq9(), &[ChartPoint { date: date!(2026 - 02 - 02), total: 3, session: None }], &[], "d");
        assert!(by_date.contains(">Date<") && by_date.contains("1 score from"));
    }
}
