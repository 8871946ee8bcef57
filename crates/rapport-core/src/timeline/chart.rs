//! The timeline as a server-side SVG chart: a time axis with labelled years or
//! months, the client's mood at the time as a curve, one labelled marker per
//! event (a shape per category, never colour alone; hollow when the date is
//! approximate, with a bar over the month or year when only that is known),
//! and the symptom onset as a vertical line. A score series (e.g. PHQ-9 totals)
//! can be laid over the mood curve on its own right-hand axis.
//!
//! The chart is an image with a title and a description; the page shows the
//! same events as a table, numbered like the chart's labels.

use super::{month_abbr, ApproxDate, EpisodeMarker, EventCategory, Precision, TimelineEvent, RATING_MAX};
use std::fmt::Write;
use time::{Date, Month};

/// A series of scores to draw over the timeline (empty: nothing drawn).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScoreSeries {
    /// Axis title, e.g. "PHQ-9 total".
    pub label: String,
    /// Top of the right-hand axis (e.g. 27 for the PHQ-9).
    pub max: f64,
    pub points: Vec<(Date, f64)>,
}

impl ScoreSeries {
    pub fn none() -> ScoreSeries {
        ScoreSeries::default()
    }
}

/// (series label, value, day) → words.
pub type ScorePointWords<'a> = Box<dyn Fn(&str, &str, Date) -> String + 'a>;
/// (count, first, last) → words.
pub type SpanWords<'a> = Box<dyn Fn(usize, &str, &str) -> String + 'a>;
/// (date, title) → words.
pub type PairWords<'a> = Box<dyn Fn(&str, &str) -> String + 'a>;
/// (series label, count) → words.
pub type CountWords<'a> = Box<dyn Fn(&str, usize) -> String + 'a>;
/// (min, max, top) → words.
pub type RangeWords<'a> = Box<dyn Fn(i64, i64, i64) -> String + 'a>;

/// Every word the chart writes, so each face can give them in the reader's
/// language ([`TimelineWords::english`] before any face chose one).
pub struct TimelineWords<'a> {
    pub title: String,
    /// The whole chart when there is nothing to draw.
    pub empty: String,
    pub mood_axis: String,
    pub onset: String,
    /// After "Symptom onset" when its date is approximate: " (approx.)".
    pub approximate: String,
    /// After an event's label: " (worse)", " (remission)".
    pub worse: String,
    pub remission: String,
    /// The legend's hollow marker.
    pub hollow: String,
    pub category: Box<dyn Fn(EventCategory) -> String + 'a>,
    pub month_short: Box<dyn Fn(Month) -> String + 'a>,
    /// An event's date as a person reads it ("around March 2025").
    pub event_date: Box<dyn Fn(&TimelineEvent) -> String + 'a>,
    /// (series label, value, day) → "PHQ-9 total: 11 on 4 Dec 2026".
    pub score_point: ScorePointWords<'a>,
    /// (event number, mood) → "Event 3: mood 4".
    pub mood_point: Box<dyn Fn(usize, i64) -> String + 'a>,
    /// (events, first, last) → "5 events from Mar 2025 to Nov 2026."
    pub events_span: SpanWords<'a>,
    /// (date, title) → " Symptom onset 4 March 2025 (Lost job)."
    pub onset_sentence: PairWords<'a>,
    /// (min, max, scale top) → " Mood at the time ranged from 2 to 7 out of 10."
    pub mood_range: RangeWords<'a>,
    /// (series label, count) → " PHQ-9 total scores: 5."
    pub score_count: CountWords<'a>,
    /// " The table below lists every event."
    pub table_below: String,
}

impl TimelineWords<'static> {
    pub fn english() -> TimelineWords<'static> {
        TimelineWords {
            title: "Interpersonal timeline".into(),
            empty: "No events on the timeline yet.".into(),
            mood_axis: "Mood (0 worst, 10 best)".into(),
            onset: "Symptom onset".into(),
            approximate: " (approx.)".into(),
            worse: " (worse)".into(),
            remission: " (remission)".into(),
            hollow: "Hollow: approximate date".into(),
            category: Box::new(|c| c.label().to_string()),
            month_short: Box::new(|m| month_abbr(m).to_string()),
            event_date: Box::new(|e| e.date_display()),
            score_point: Box::new(|label, v, d| format!("{label}: {v} on {}", crate::time::format_date(d))),
            mood_point: Box::new(|n, m| format!("Event {n}: mood {m}")),
            events_span: Box::new(|n, a, b| format!("{n} event{} from {a} to {b}.", if n == 1 { "" } else { "s" })),
            onset_sentence: Box::new(|d, t| format!(" Symptom onset {d} ({t}).")),
            mood_range: Box::new(|a, b, top| format!(" Mood at the time ranged from {a} to {b} out of {top}.")),
            score_count: Box::new(|label, n| format!(" {label} scores: {n}.")),
            table_below: " The table below lists every event.".into(),
        }
    }
}

impl TimelineWords<'_> {
    /// "14 Mar 2025", "Mar 2025", "2025" (a date's short form on the chart).
    fn short(&self, d: &ApproxDate) -> String {
        match (d.month(), d.day()) {
            (Some(m), Some(day)) => format!("{day} {} {}", (self.month_short)(m), d.year()),
            (Some(m), None) => format!("{} {}", (self.month_short)(m), d.year()),
            _ => d.year().to_string(),
        }
    }
}

const WIDTH: f64 = 840.0;
const LEFT: f64 = 56.0;
const RIGHT_PLAIN: f64 = 24.0;
const RIGHT_SCORES: f64 = 56.0;
const TOP: f64 = 34.0;
const PLOT_H: f64 = 150.0;
const AXIS_GAP: f64 = 34.0;
const LANE_H: f64 = 24.0;
const MAX_LANES: usize = 8;
const LABEL_CHARS: usize = 28;
const CHAR_W: f64 = 6.6;

/// Escapes text for SVG/XML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `s` cut to `n` characters, the last an ellipsis when cut.
pub(crate) fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

/// Marker shape for a category, centred on (x, y); `hollow` for approximate dates.
fn marker(out: &mut String, cat: EventCategory, x: f64, y: f64, hollow: bool) {
    let r = 6.0;
    let style = if hollow {
        "fill=\"#fff\" stroke=\"#1f2937\" stroke-width=\"1.6\"".to_string()
    } else {
        format!("fill=\"{}\" stroke=\"#1f2937\" stroke-width=\"1\"", fill(cat))
    };
    let pts = |p: &[(f64, f64)]| -> String {
        p.iter().map(|(dx, dy)| format!("{:.1},{:.1}", x + dx, y + dy)).collect::<Vec<_>>().join(" ")
    };
    let shape = match cat {
        EventCategory::Loss => format!("<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r}\" {style}/>"),
        // A Latin cross: the manuals' death (grief) marker.
        EventCategory::Death => format!(
            "<polygon points=\"{}\" {style}/>",
            pts(&[
                (-1.8, -r - 1.0),
                (1.8, -r - 1.0),
                (1.8, -2.8),
                (r - 1.0, -2.8),
                (r - 1.0, 0.6),
                (1.8, 0.6),
                (1.8, r + 1.0),
                (-1.8, r + 1.0),
                (-1.8, 0.6),
                (-r + 1.0, 0.6),
                (-r + 1.0, -2.8),
                (-1.8, -2.8)
            ])
        ),
        // A pentagon, alone: a time of isolation (interpersonal deficits).
        EventCategory::Isolation => {
            let p: Vec<(f64, f64)> = (0..5)
                .map(|i| {
                    let a = 2.0 * std::f64::consts::PI / 5.0 * i as f64 - std::f64::consts::FRAC_PI_2;
                    (r * a.cos(), r * a.sin())
                })
                .collect();
            format!("<polygon points=\"{}\" {style}/>", pts(&p))
        }
        EventCategory::Conflict => format!(
            "<polygon points=\"{}\" {style}/>",
            pts(&[(0.0, -r - 1.0), (r + 1.0, 0.0), (0.0, r + 1.0), (-r - 1.0, 0.0)])
        ),
        EventCategory::Transition => format!("<polygon points=\"{}\" {style}/>", pts(&[(0.0, -r), (r, r), (-r, r)])),
        EventCategory::Separation => format!("<polygon points=\"{}\" {style}/>", pts(&[(-r, -r), (r, -r), (0.0, r)])),
        EventCategory::Move => format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{}\" height=\"{}\" {style}/>",
            x - r + 0.5,
            y - r + 0.5,
            2.0 * r - 1.0,
            2.0 * r - 1.0
        ),
        EventCategory::Health => format!(
            "<polygon points=\"{}\" {style}/>",
            pts(&[
                (-2.2, -r),
                (2.2, -r),
                (2.2, -2.2),
                (r, -2.2),
                (r, 2.2),
                (2.2, 2.2),
                (2.2, r),
                (-2.2, r),
                (-2.2, 2.2),
                (-r, 2.2),
                (-r, -2.2),
                (-2.2, -2.2)
            ])
        ),
        EventCategory::Work => {
            let h: Vec<(f64, f64)> = (0..6)
                .map(|i| {
                    let a = std::f64::consts::PI / 3.0 * i as f64;
                    (r * a.cos(), r * a.sin())
                })
                .collect();
            format!("<polygon points=\"{}\" {style}/>", pts(&h))
        }
        EventCategory::Other => {
            let s: Vec<(f64, f64)> = (0..10)
                .map(|i| {
                    let a = std::f64::consts::PI / 5.0 * i as f64 - std::f64::consts::FRAC_PI_2;
                    let rr = if i % 2 == 0 { r + 1.0 } else { r * 0.45 };
                    (rr * a.cos(), rr * a.sin())
                })
                .collect();
            format!("<polygon points=\"{}\" {style}/>", pts(&s))
        }
    };
    out.push_str(&shape);
}

/// A category's marker as a small standalone SVG (for tables and forms next
/// to the category's name; decorative, so hidden from screen readers).
pub fn category_icon(cat: EventCategory) -> String {
    let mut out = String::from(
        "<svg class=\"category-icon\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" aria-hidden=\"true\" focusable=\"false\">",
    );
    marker(&mut out, cat, 8.0, 8.0, false);
    out.push_str("</svg>");
    out
}

/// Fills are an extra cue only (each category also has its own shape and the label says it).
fn fill(cat: EventCategory) -> &'static str {
    match cat {
        EventCategory::Death => "#111827",
        EventCategory::Loss => "#6b7280",
        EventCategory::Isolation => "#475569",
        EventCategory::Conflict => "#b45309",
        EventCategory::Transition => "#2563eb",
        EventCategory::Separation => "#7c3aed",
        EventCategory::Move => "#0f766e",
        EventCategory::Health => "#be123c",
        EventCategory::Work => "#4d7c0f",
        EventCategory::Other => "#a16207",
    }
}

/// Calendar month index (year*12 + month-1).
fn month_index(d: Date) -> i32 {
    d.year() * 12 + (d.month() as i32 - 1)
}

fn month_start(index: i32) -> Date {
    let year = index.div_euclid(12);
    let month = Month::try_from((index.rem_euclid(12) + 1) as u8).expect("month");
    Date::from_calendar_date(year, month, 1).expect("month start")
}

/// Tick marks: the first day of every `step` months, `step` chosen so there
/// are at most ten; labelled with the year (yearly or coarser ticks) or the
/// month, with the year on the first tick and on each January.
pub fn ticks(from: Date, to: Date, words: &TimelineWords) -> Vec<(Date, String)> {
    let (a, b) = (month_index(from), month_index(to) + 1);
    let span = (b - a).max(1);
    let step = [1, 2, 3, 6, 12, 24, 60, 120, 240].into_iter().find(|s| span / s <= 10).unwrap_or(600);
    let mut out = Vec::new();
    let mut i = a + (step - a.rem_euclid(step)) % step;
    let mut first = true;
    while i <= b {
        let d = month_start(i);
        if d >= from && d <= to + time::Duration::days(1) {
            let label = if step >= 12 {
                d.year().to_string()
            } else if first || d.month() == Month::January {
                format!("{} {}", (words.month_short)(d.month()), d.year())
            } else {
                (words.month_short)(d.month())
            };
            out.push((d, label));
            first = false;
        }
        i += step;
    }
    out
}

struct Scale {
    from: i32,
    to: i32,
    x0: f64,
    x1: f64,
}

impl Scale {
    fn x(&self, d: Date) -> f64 {
        let t = (d.to_julian_day() - self.from) as f64 / (self.to - self.from).max(1) as f64;
        self.x0 + t * (self.x1 - self.x0)
    }
}

/// One event as placed on the chart.
struct Placed<'a> {
    number: usize,
    event: &'a TimelineEvent,
    when: ApproxDate,
}

/// The chart for `events` (any order; numbered in time order, as the table
/// should be) with an optional score series laid over it.
pub fn timeline_svg(events: &[TimelineEvent], scores: &ScoreSeries) -> String {
    timeline_svg_in(events, scores, &TimelineWords::english())
}

/// The chart with `words` in the reader's language.
pub fn timeline_svg_in(events: &[TimelineEvent], scores: &ScoreSeries, words: &TimelineWords) -> String {
    let mut placed: Vec<Placed> =
        events.iter().filter_map(|e| e.when().map(|when| Placed { number: 0, event: e, when })).collect();
    placed.sort_by_key(|p| p.when);
    for (i, p) in placed.iter_mut().enumerate() {
        p.number = i + 1;
    }
    let mut out = String::new();
    if placed.is_empty() && scores.points.is_empty() {
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline-chart\" viewBox=\"0 0 840 60\" role=\"img\" \
             aria-labelledby=\"timeline-chart-title timeline-chart-desc\">\
             <title id=\"timeline-chart-title\">{title}</title>\
             <desc id=\"timeline-chart-desc\">{empty}</desc>\
             <text x=\"420\" y=\"34\" text-anchor=\"middle\" font-size=\"14\" fill=\"#4b5563\">{empty}</text></svg>",
            title = esc(&words.title),
            empty = esc(&words.empty),
        );
        return out;
    }

    // Time domain: every event's whole period and every score, padded a little.
    let mut lo = placed.iter().map(|p| p.when.first_day()).chain(scores.points.iter().map(|p| p.0)).min().unwrap();
    let mut hi = placed.iter().map(|p| p.when.last_day()).chain(scores.points.iter().map(|p| p.0)).max().unwrap();
    let pad = ((hi.to_julian_day() - lo.to_julian_day()) / 20).max(15);
    lo -= time::Duration::days(pad as i64);
    hi += time::Duration::days(pad as i64);
    let has_scores = !scores.points.is_empty();
    let right = if has_scores { RIGHT_SCORES } else { RIGHT_PLAIN };
    let sc = Scale { from: lo.to_julian_day(), to: hi.to_julian_day(), x0: LEFT, x1: WIDTH - right };

    // Label lanes under the axis: each label goes in the first lane where it fits.
    let axis_y = TOP + PLOT_H;
    let lanes_top = axis_y + AXIS_GAP;
    let mut lane_end: Vec<f64> = Vec::new();
    let mut layout: Vec<(f64, usize, bool, String)> = Vec::new(); // x, lane, label on the left, label
    for p in &placed {
        let x = sc.x(p.when.midpoint());
        let mut label = format!("{} {}", p.number, truncate(&p.event.title, LABEL_CHARS));
        match p.event.episode() {
            EpisodeMarker::Worsening => label.push_str(&words.worse),
            EpisodeMarker::Remission => label.push_str(&words.remission),
            _ => {}
        }
        let w = label.chars().count() as f64 * CHAR_W + 12.0;
        let left_side = x + w > sc.x1 + right - 4.0;
        let (l, r) = if left_side { (x - w, x + 8.0) } else { (x - 8.0, x + w) };
        let lane = match lane_end.iter().position(|end| *end + 6.0 < l) {
            Some(i) => i,
            None if lane_end.len() < MAX_LANES => {
                lane_end.push(f64::MIN);
                lane_end.len() - 1
            }
            None => (0..lane_end.len()).min_by(|a, b| lane_end[*a].partial_cmp(&lane_end[*b]).unwrap()).unwrap_or(0),
        };
        lane_end[lane] = r;
        layout.push((x, lane, left_side, label));
    }
    let lanes = lane_end.len().max(1);
    let cats: Vec<EventCategory> =
        EventCategory::ALL.iter().copied().filter(|c| placed.iter().any(|p| p.event.category() == *c)).collect();
    let legend_y = lanes_top + lanes as f64 * LANE_H + 18.0;
    // Legend entries flow left to right and wrap: (category or None for "hollow", label, x, row).
    let mut legend: Vec<(Option<EventCategory>, String, f64, usize)> = Vec::new();
    let entries = cats.iter().map(|c| (Some(*c), (words.category)(*c)));
    let hollow = placed.iter().any(|p| p.event.approximate).then(|| (None, words.hollow.clone()));
    let (mut lx, mut row) = (LEFT, 0);
    for (cat, label) in entries.chain(hollow) {
        let w = 24.0 + label.chars().count() as f64 * CHAR_W;
        if lx + w > WIDTH - 8.0 && lx > LEFT {
            lx = LEFT;
            row += 1;
        }
        legend.push((cat, label, lx, row));
        lx += w + 14.0;
    }
    let legend_rows = legend.last().map(|l| l.3 + 1).unwrap_or(0);
    let height = legend_y + legend_rows as f64 * 20.0 + 8.0;

    let mood_y = |m: i64| axis_y - (m as f64 / RATING_MAX as f64) * (PLOT_H - 10.0);
    let score_y = |v: f64| axis_y - (v / scores.max.max(1.0)).clamp(0.0, 1.0) * (PLOT_H - 10.0);

    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline-chart\" viewBox=\"0 0 {WIDTH} {height:.0}\" \
         role=\"img\" aria-labelledby=\"timeline-chart-title timeline-chart-desc\" font-family=\"system-ui, sans-serif\" font-size=\"12\">"
    );
    let _ = write!(out, "<title id=\"timeline-chart-title\">{}</title>", esc(&words.title));
    let _ = write!(out, "<desc id=\"timeline-chart-desc\">{}</desc>", esc(&describe(&placed, scores, words)));
    let _ = write!(out, "<rect x=\"0\" y=\"0\" width=\"{WIDTH}\" height=\"{height:.0}\" fill=\"#fff\"/>");

    // Mood axis (left) with gridlines at 0, 5, 10.
    let _ = write!(
        out,
        "<text x=\"12\" y=\"{:.1}\" transform=\"rotate(-90 12 {:.1})\" text-anchor=\"middle\" fill=\"#374151\">{}</text>",
        axis_y - PLOT_H / 2.0,
        axis_y - PLOT_H / 2.0,
        esc(&words.mood_axis)
    );
    for m in [0, 5, 10] {
        let y = mood_y(m);
        let _ = write!(
            out,
            "<line x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#e5e7eb\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#374151\">{m}</text>",
            sc.x1,
            LEFT - 6.0,
            y + 4.0
        );
    }
    if has_scores {
        let _ = write!(
            out,
            "<text x=\"{x:.1}\" y=\"{y:.1}\" transform=\"rotate(90 {x:.1} {y:.1})\" text-anchor=\"middle\" fill=\"#374151\">{}</text>",
            esc(&scores.label),
            x = WIDTH - 12.0,
            y = axis_y - PLOT_H / 2.0
        );
        for v in [0.0, scores.max / 2.0, scores.max] {
            let _ = write!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" fill=\"#374151\">{}</text>",
                sc.x1 + 6.0,
                score_y(v) + 4.0,
                fmt_num(v)
            );
        }
    }

    // Time axis with ticks.
    let _ = write!(
        out,
        "<line x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{axis_y:.1}\" y2=\"{axis_y:.1}\" stroke=\"#374151\" stroke-width=\"1.2\"/>",
        sc.x1
    );
    for (d, label) in ticks(lo, hi, words) {
        let x = sc.x(d);
        let _ = write!(
            out,
            "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{axis_y:.1}\" y2=\"{:.1}\" stroke=\"#374151\"/>\
             <line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{TOP:.1}\" y2=\"{axis_y:.1}\" stroke=\"#f3f4f6\"/>\
             <text class=\"tick\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#374151\">{}</text>",
            axis_y + 5.0,
            axis_y + 18.0,
            esc(&label)
        );
    }

    // Symptom onset: a vertical line through the whole chart, labelled at the top.
    for p in placed.iter().filter(|p| p.event.episode() == EpisodeMarker::Onset) {
        let x = sc.x(p.when.midpoint());
        let _ = write!(
            out,
            "<g class=\"onset\"><line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#991b1b\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>\
             <text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"#991b1b\">{}{}</text></g>",
            TOP - 6.0,
            lanes_top + lanes as f64 * LANE_H,
            TOP - 12.0,
            esc(&words.onset),
            if p.event.approximate { esc(&words.approximate) } else { String::new() }
        );
    }

    // Score series (dashed, square points) under the mood curve.
    if has_scores {
        let mut pts = scores.points.clone();
        pts.sort_by_key(|p| p.0);
        let line: Vec<String> = pts.iter().map(|(d, v)| format!("{:.1},{:.1}", sc.x(*d), score_y(*v))).collect();
        let _ = write!(
            out,
            "<g class=\"scores\"><polyline points=\"{}\" fill=\"none\" stroke=\"#4b5563\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>",
            line.join(" ")
        );
        for (d, v) in &pts {
            let _ = write!(
                out,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"6\" height=\"6\" fill=\"#4b5563\"><title>{}</title></rect>",
                sc.x(*d) - 3.0,
                score_y(*v) - 3.0,
                esc(&(words.score_point)(&scores.label, &fmt_num(*v), *d)),
            );
        }
        out.push_str("</g>");
    }

    // Mood curve through the events that have a mood, in time order.
    let moods: Vec<(f64, i64, usize)> =
        placed.iter().filter_map(|p| p.event.mood.map(|m| (sc.x(p.when.midpoint()), m, p.number))).collect();
    if !moods.is_empty() {
        let line: Vec<String> = moods.iter().map(|(x, m, _)| format!("{x:.1},{:.1}", mood_y(*m))).collect();
        let _ = write!(
            out,
            "<g class=\"mood\"><polyline points=\"{}\" fill=\"none\" stroke=\"#1d4ed8\" stroke-width=\"2\"/>",
            line.join(" ")
        );
        for (x, m, n) in &moods {
            let _ = write!(
                out,
                "<g><circle cx=\"{x:.1}\" cy=\"{:.1}\" r=\"3.5\" fill=\"#1d4ed8\"/><text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#1e3a8a\" font-size=\"11\">{m}</text><title>{}</title></g>",
                mood_y(*m),
                mood_y(*m) - 7.0,
                esc(&(words.mood_point)(*n, *m))
            );
        }
        out.push_str("</g>");
    }

    // Event markers and labels, in time order.
    for (p, (x, lane, left_side, label)) in placed.iter().zip(&layout) {
        let y = lanes_top + *lane as f64 * LANE_H + LANE_H / 2.0;
        let cat = p.event.category();
        let _ = write!(out, "<g class=\"event\" data-number=\"{}\" data-category=\"{}\">", p.number, cat.as_str());
        let _ = write!(
            out,
            "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{axis_y:.1}\" y2=\"{:.1}\" stroke=\"#9ca3af\" stroke-dasharray=\"2 2\"/>",
            y - 7.0
        );
        if p.when.precision() != Precision::Day {
            let (a, b) = (sc.x(p.when.first_day()), sc.x(p.when.last_day()));
            let _ = write!(
                out,
                "<line x1=\"{a:.1}\" x2=\"{b:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#6b7280\" stroke-width=\"3\" stroke-linecap=\"round\" opacity=\"0.45\"/>"
            );
        }
        marker(&mut out, cat, *x, y, p.event.approximate);
        let (tx, anchor) = if *left_side { (x - 10.0, "end") } else { (x + 10.0, "start") };
        let _ = write!(
            out,
            "<text x=\"{tx:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\" fill=\"#111827\">{}</text>",
            y + 4.0,
            esc(label)
        );
        let _ = write!(
            out,
            "<title>{}. {} ({}), {}</title></g>",
            p.number,
            esc(&p.event.title),
            esc(&(words.category)(cat)),
            esc(&(words.event_date)(p.event))
        );
    }

    // Legend: shape and name of each category shown, and what a hollow marker means.
    for (cat, label, x, row) in &legend {
        let y = legend_y + *row as f64 * 20.0;
        match cat {
            Some(c) => marker(&mut out, *c, x + 6.0, y - 4.0, false),
            None => {
                let _ = write!(
                    out,
                    "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"6\" fill=\"#fff\" stroke=\"#1f2937\" stroke-width=\"1.6\"/>",
                    x + 6.0,
                    y - 4.0
                );
            }
        }
        let _ = write!(out, "<text x=\"{:.1}\" y=\"{y:.1}\" fill=\"#374151\">{}</text>", x + 16.0, esc(label));
    }
    out.push_str("</svg>");
    out
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// The chart's description: what a reader would take from it.
fn describe(placed: &[Placed], scores: &ScoreSeries, words: &TimelineWords) -> String {
    let mut s = String::new();
    if let (Some(first), Some(last)) = (placed.first(), placed.last()) {
        s.push_str(&(words.events_span)(placed.len(), &words.short(&first.when), &words.short(&last.when)));
    }
    for p in placed.iter().filter(|p| p.event.episode() == EpisodeMarker::Onset) {
        s.push_str(&(words.onset_sentence)(&(words.event_date)(p.event), &p.event.title));
    }
    let moods: Vec<i64> = placed.iter().filter_map(|p| p.event.mood).collect();
    if let (Some(min), Some(max)) = (moods.iter().min(), moods.iter().max()) {
        s.push_str(&(words.mood_range)(*min, *max, RATING_MAX));
    }
    if !scores.points.is_empty() {
        s.push_str(&(words.score_count)(&scores.label, scores.points.len()));
    }
    s.push_str(&words.table_below);
    s.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn ev(date: &str, cat: &str, title: &str) -> TimelineEvent {
        TimelineEvent {
            date: date.into(),
            category: cat.into(),
            title: title.into(),
            episode: "none".into(),
            ..Default::default()
        }
    }

    fn positions(svg: &str) -> Vec<(usize, f64)> {
        // <g class="event" data-number="N" ...><line x1="X"
        svg.match_indices("<g class=\"event\" data-number=\"")
            .map(|(i, m)| {
                let rest = &svg[i + m.len()..];
                let n: usize = rest[..rest.find('"').unwrap()].parse().unwrap();
                let x = rest.find("x1=\"").unwrap() + 4;
                let x: f64 = rest[x..x + rest[x..].find('"').unwrap()].parse().unwrap();
                (n, x)
            })
            .collect()
    }

    #[test]
    fn markers_are_numbered_and_placed_in_time_order() {
        let events = vec![
            ev("2025-06", "move", "Moved flat"),
            ev("2024", "conflict", "Dispute with sister"),
            ev("2025-03-14", "work", "Lost job"),
            ev("2025-03", "loss", "Friend left"),
        ];
        let svg = timeline_svg(&events, &ScoreSeries::none());
        let pos = positions(&svg);
        assert_eq!(pos.iter().map(|p| p.0).collect::<Vec<_>>(), [1, 2, 3, 4]);
        assert!(pos.windows(2).all(|w| w[0].1 < w[1].1), "x increases with time: {pos:?}");
        // Labels carry the number and the title, so the table can be matched to the chart.
        for label in ["1 Dispute with sister", "2 Lost job", "3 Friend left", "4 Moved flat"] {
            assert!(svg.contains(label), "{label} in {svg}");
        }
        // One shape per category; the legend names them.
        assert!(svg.contains("data-category=\"move\""));
        assert!(svg.contains(">Conflict</text>") && svg.contains(">Work</text>"));
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("<title id=\"timeline-chart-title\">"));
        assert!(svg.contains("<desc id=\"timeline-chart-desc\">4 events from 2024 to Jun 2025."));
    }

    #[test]
    fn onset_is_a_vertical_line_at_the_onset_event() {
        let mut onset = ev("2025-03-14", "work", "Lost job");
        onset.episode = "onset".into();
        let events = vec![ev("2024-01", "move", "Moved"), onset, ev("2025-09", "loss", "Later")];
        let svg = timeline_svg(&events, &ScoreSeries::none());
        let g = svg.find("<g class=\"onset\">").expect("onset line");
        let line = &svg[g..];
        let x1 = &line[line.find("x1=\"").unwrap() + 4..];
        let x1: f64 = x1[..x1.find('"').unwrap()].parse().unwrap();
        let pos = positions(&svg);
        assert!((x1 - pos[1].1).abs() < 0.11, "onset at the marker of event 2: {x1} vs {pos:?}");
        assert!(line.contains("Symptom onset</text>"));
        assert!(svg.contains("Symptom onset 14 March 2025 (Lost job)."));
        // No onset event: no line.
        let svg = timeline_svg(&[ev("2024", "move", "Moved")], &ScoreSeries::none());
        assert!(!svg.contains("class=\"onset\""));
    }

    #[test]
    fn text_is_escaped() {
        let mut e = ev("2025-01-02", "other", "<script>alert(\"x\")</script> & 'co'");
        e.episode = "onset".into();
        let svg = timeline_svg(&[e], &ScoreSeries { label: "A<B".into(), max: 10.0, points: vec![] });
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("&amp; &#39;co&#39;") || svg.contains("&amp; &#39;co"));
        assert!(!svg.contains("\"x\")"));
    }

    #[test]
    fn an_empty_timeline_says_so() {
        let svg = timeline_svg(&[], &ScoreSeries::none());
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("No events on the timeline yet."));
        assert!(!svg.contains("class=\"event\""));
    }

    #[test]
    fn mood_curve_joins_the_events_with_a_mood() {
        let mut a = ev("2025-01", "move", "A");
        a.mood = Some(7);
        let b = ev("2025-02", "work", "B");
        let mut c = ev("2025-03", "loss", "C");
        c.mood = Some(2);
        let svg = timeline_svg(&[c, b, a], &ScoreSeries::none());
        let g = &svg[svg.find("<g class=\"mood\">").unwrap()..];
        let pts = &g[g.find("points=\"").unwrap() + 8..];
        let pts: Vec<&str> = pts[..pts.find('"').unwrap()].split(' ').collect();
        assert_eq!(pts.len(), 2, "only events with a mood");
        let y = |p: &str| p.split(',').nth(1).unwrap().parse::<f64>().unwrap();
        assert!(y(pts[0]) < y(pts[1]), "mood 7 is drawn higher than mood 2");
        assert!(svg.contains("Mood at the time ranged from 2 to 7 out of 10."));
    }

    #[test]
    fn scores_can_be_laid_over_the_timeline() {
        let series = ScoreSeries {
            label: "PHQ-9 total".into(),
            max: 27.0,
            points: vec![(date!(2025 - 04 - 01), 18.0), (date!(2025 - 05 - 01), 12.0)],
        };
        let svg = timeline_svg(&[ev("2025-03", "work", "Lost job")], &series);
        assert!(svg.contains("<g class=\"scores\">"));
        assert!(svg.contains(">PHQ-9 total</text>"));
        assert!(svg.contains("PHQ-9 total: 18 on 2025-04-01"));
        let none = timeline_svg(&[ev("2025-03", "work", "Lost job")], &ScoreSeries::none());
        assert!(!none.contains("class=\"scores\""));
    }

    #[test]
    fn ticks_label_years_or_months() {
        let long = ticks(date!(2019 - 03 - 01), date!(2025 - 10 - 01), &TimelineWords::english());
        assert!(long.iter().all(|(_, l)| l.len() == 4), "{long:?}");
        assert!(long.len() <= 10 && long.len() >= 3);
        let short = ticks(date!(2025 - 01 - 10), date!(2025 - 08 - 20), &TimelineWords::english());
        let labels: Vec<&str> = short.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, ["Feb 2025", "Mar", "Apr", "May", "Jun", "Jul", "Aug"]);
        let across = ticks(date!(2024 - 10 - 01), date!(2025 - 06 - 01), &TimelineWords::english());
        assert!(across.iter().any(|(_, l)| l == "Jan 2025"), "{across:?}");
    }

    #[test]
    fn approximate_dates_are_hollow_with_a_period_bar() {
        let mut a = ev("2024", "move", "Moved");
        a.approximate = true;
        let svg = timeline_svg(&[a], &ScoreSeries::none());
        assert!(svg.contains("fill=\"#fff\" stroke=\"#1f2937\" stroke-width=\"1.6\""));
        assert!(svg.contains("Hollow: approximate date"));
        assert!(svg.contains("stroke-width=\"3\" stroke-linecap=\"round\""), "year bar");
    }
}
