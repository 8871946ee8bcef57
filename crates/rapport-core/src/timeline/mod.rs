//! The interpersonal timeline (ipt-model.md section 5): life events around the
//! episode, with dates that are often only known to the month or the year, the
//! client's mood at the time and where the episode started, got worse or
//! remitted. One list per client, across courses. The chart is in `chart`.

pub mod chart;

use crate::msg;
use crate::records::{RecordBody, Scope};
use crate::validation::{id_list, optional_text, rating, required_text, text_list, KeyArg, ValidationErrors};
use crate::Timestamp;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;
use time::{Date, Month};

/// How much of a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// A date known to the day (`2025-03-14`), the month (`2025-03`) or the year
/// (`2025`). Ordered by the middle of the period it covers (a year sits at
/// 2 July, a month on its 15th), so "2025" comes after "2025-03-14" and before
/// "2025-09"; on equal middles the more precise date comes first. The chart
/// places markers at the same middle, so the table and the chart agree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ApproxDate {
    year: i32,
    month: Option<Month>,
    day: Option<u8>,
}

impl ApproxDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a real calendar date, years 1000-9999);
    /// surrounding spaces are ignored.
    pub fn parse(s: &str) -> Option<ApproxDate> {
        let s = s.trim();
        let mut parts = s.split('-');
        let year = parts.next().filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))?;
        let year: i32 = year.parse().ok().filter(|y| *y >= 1000)?;
        let month = match parts.next() {
            None => return Some(ApproxDate { year, month: None, day: None }),
            Some(m) if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => {
                Month::try_from(m.parse::<u8>().ok()?).ok()?
            }
            Some(_) => return None,
        };
        let day = match parts.next() {
            None => return Some(ApproxDate { year, month: Some(month), day: None }),
            Some(d) if d.len() == 2 && d.bytes().all(|b| b.is_ascii_digit()) => d.parse::<u8>().ok()?,
            Some(_) => return None,
        };
        if parts.next().is_some() {
            return None;
        }
        Date::from_calendar_date(year, month, day).ok()?;
        Some(ApproxDate { year, month: Some(month), day: Some(day) })
    }

    pub fn exact(d: Date) -> ApproxDate {
        ApproxDate { year: d.year(), month: Some(d.month()), day: Some(d.day()) }
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The first day of the period.
    pub fn first_day(&self) -> Date {
        let m = self.month.unwrap_or(Month::January);
        Date::from_calendar_date(self.year, m, self.day.unwrap_or(1)).expect("validated date")
    }

    /// The last day of the period.
    pub fn last_day(&self) -> Date {
        match (self.month, self.day) {
            (Some(_), Some(_)) => self.first_day(),
            (Some(m), None) => Date::from_calendar_date(self.year, m, m.length(self.year)).expect("month end"),
            _ => Date::from_calendar_date(self.year, Month::December, 31).expect("year end"),
        }
    }

    /// The middle of the period: where it sorts and where the chart puts it.
    pub fn midpoint(&self) -> Date {
        let first = self.first_day().to_julian_day();
        let last = self.last_day().to_julian_day();
        Date::from_julian_day((first + last) / 2).expect("date in range")
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    pub fn month(&self) -> Option<Month> {
        self.month
    }

    pub fn day(&self) -> Option<u8> {
        self.day
    }

    /// For people: "14 March 2025", "March 2025" or "2025".
    pub fn display(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {m} {}", self.year),
            (Some(m), None) => format!("{m} {}", self.year),
            _ => self.year.to_string(),
        }
    }

    /// Short form for chart labels: "14 Mar 2025", "Mar 2025", "2025".
    pub fn short(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", month_abbr(m), self.year),
            (Some(m), None) => format!("{} {}", month_abbr(m), self.year),
            _ => self.year.to_string(),
        }
    }
}

pub(crate) fn month_abbr(m: Month) -> &'static str {
    const ABBR: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    ABBR[m as usize - 1]
}

/// The canonical text: `2025-03-14`, `2025-03` or `2025`.
impl fmt::Display for ApproxDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{:04}-{:02}-{:02}", self.year, m as u8, d),
            (Some(m), None) => write!(f, "{:04}-{:02}", self.year, m as u8),
            _ => write!(f, "{:04}", self.year),
        }
    }
}

impl Ord for ApproxDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.midpoint()
            .cmp(&other.midpoint())
            .then(self.precision().cmp(&other.precision()))
            .then(self.first_day().cmp(&other.first_day()))
    }
}

impl PartialOrd for ApproxDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Parses an optional approximate date from input; blank is `None`, nonsense
/// and (with `not_after`) dates that start after that day are errors on `field`.
pub fn approx_date_field(
    e: &mut ValidationErrors,
    field: &str,
    label: &'static str,
    value: Option<&str>,
    not_after: Option<Date>,
) -> Option<ApproxDate> {
    let v = value.map(str::trim).filter(|v| !v.is_empty())?;
    match ApproxDate::parse(v) {
        None => {
            e.add_keyed_english(
                field,
                format!(
                    "{} must be a year (2025), a month (2025-03) or a day (2025-03-14)",
                    crate::validation::english_label(label)
                ),
                crate::msg("validation-approximate-date-form"),
                vec![("label", KeyArg::Message(label))],
            );
            None
        }
        Some(d) if not_after.is_some_and(|t| d.first_day() > t) => {
            crate::validation::future_date(e, field, label);
            None
        }
        Some(d) => {
            let today = not_after.unwrap_or_else(|| crate::Timestamp::now().date());
            crate::validation::check_plausible(e, field, label, d.first_day(), today).map(|_| d)
        }
    }
}

macro_rules! code_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $code:literal, $label:literal;)+ }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn parse(s: &str) -> Option<$name> {
                match s { $($code => Some($name::$variant),)+ _ => None }
            }

            /// `code, code or code`, for error messages.
            pub fn codes() -> String {
                let all: Vec<&str> = Self::ALL.iter().map(|v| v.as_str()).collect();
                crate::timeline::or_list(&all)
            }
        }
    };
}
pub(crate) use code_enum;

/// "a, b or c".
pub(crate) fn or_list(items: &[&str]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

code_enum!(
    /// What kind of life event (a chart marker has one shape per category).
    EventCategory {
        Death = "death", "Death";
        Loss = "loss", "Loss";
        Conflict = "conflict", "Conflict";
        Transition = "transition", "Transition";
        Separation = "separation", "Separation";
        Isolation = "isolation", "Isolation";
        Move = "move", "Move";
        Health = "health", "Health";
        Work = "work", "Work";
        Other = "other", "Other";
    }
);

code_enum!(
    /// Where the episode stood at an event.
    EpisodeMarker {
        None = "none", "None";
        Onset = "onset", "Symptom onset";
        Worsening = "worsening", "Worsening";
        Remission = "remission", "Remission";
    }
);

impl EventCategory {
    /// The category's name in the reader's language.
    pub fn message(self) -> &'static str {
        match self {
            EventCategory::Death => crate::msg("timeline-category-death"),
            EventCategory::Loss => crate::msg("timeline-category-loss"),
            EventCategory::Conflict => crate::msg("timeline-category-conflict"),
            EventCategory::Transition => crate::msg("timeline-category-transition"),
            EventCategory::Separation => crate::msg("timeline-category-separation"),
            EventCategory::Isolation => crate::msg("timeline-category-isolation"),
            EventCategory::Move => crate::msg("timeline-category-move"),
            EventCategory::Health => crate::msg("timeline-category-health"),
            EventCategory::Work => crate::msg("timeline-category-work"),
            EventCategory::Other => crate::msg("timeline-category-other"),
        }
    }
}

impl EpisodeMarker {
    /// The marker's name in the reader's language.
    pub fn message(self) -> &'static str {
        match self {
            EpisodeMarker::None => crate::msg("timeline-episode-none"),
            EpisodeMarker::Onset => crate::msg("timeline-episode-onset"),
            EpisodeMarker::Worsening => crate::msg("timeline-episode-worsening"),
            EpisodeMarker::Remission => crate::msg("timeline-episode-remission"),
        }
    }
}

/// The record kind of interpersonal-inventory people (ipt-model.md 4.1), whose
/// ids a timeline event or a communication analysis may name.
pub const PERSON_KIND: &str = "person";

/// Ratings on the timeline (mood, impact) run 0-10.
pub const RATING_MAX: i64 = 10;

/// One event on a client's interpersonal timeline.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TimelineEvent {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (canonical after validation).
    pub date: String,
    /// The client is unsure of the date ("around then").
    pub approximate: bool,
    /// An `EventCategory` code.
    pub category: String,
    /// A few words: the chart label.
    pub title: String,
    /// People involved, as named by the client.
    pub people: Vec<String>,
    /// Interpersonal inventory people involved (ids of `person` records of the same client).
    pub person_ids: Vec<String>,
    pub description: Option<String>,
    /// Mood at the time, 0 (worst) to 10 (best).
    pub mood: Option<i64>,
    /// An `EpisodeMarker` code.
    pub episode: String,
    /// How much the event affected the client, 0 (not at all) to 10 (extremely).
    pub impact: Option<i64>,
}

impl TimelineEvent {
    /// The date (always valid on a validated event).
    pub fn when(&self) -> Option<ApproxDate> {
        ApproxDate::parse(&self.date)
    }

    pub fn category(&self) -> EventCategory {
        EventCategory::parse(&self.category).unwrap_or(EventCategory::Other)
    }

    pub fn episode(&self) -> EpisodeMarker {
        EpisodeMarker::parse(&self.episode).unwrap_or(EpisodeMarker::None)
    }

    /// "around March 2025" / "14 March 2025".
    pub fn date_display(&self) -> String {
        let d = self.when().map(|d| d.display()).unwrap_or_else(|| self.date.clone());
        if self.approximate {
            format!("around {d}")
        } else {
            d
        }
    }

    /// Checks and normalises the event; dates may not start after `today`.
    pub fn validate_on(self, today: Date) -> Result<Self, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let date = if self.date.trim().is_empty() {
            e.add_key("date", crate::msg("timeline-date-required"), vec![]);
            None
        } else {
            approx_date_field(&mut e, "date", msg("field-date"), Some(&self.date), Some(today))
        };
        let category = match self.category.as_str() {
            "" => {
                e.add_key(
                    "category",
                    crate::msg("timeline-category-required"),
                    vec![("codes", EventCategory::codes().into())],
                );
                None
            }
            c => EventCategory::parse(c).or_else(|| {
                e.add_key(
                    "category",
                    crate::msg("timeline-category-invalid"),
                    vec![("codes", EventCategory::codes().into())],
                );
                None
            }),
        };
        let title = required_text(
            &mut e,
            "title",
            msg("field-short-title"),
            msg("field-short-title-in-sentence"),
            &self.title,
            80,
        );
        let people = text_list(&mut e, "people", msg("field-people-involved"), &self.people, 20, 120);
        let person_ids = id_list(&mut e, "person_ids", &self.person_ids, 20);
        let description =
            optional_text(&mut e, "description", msg("field-description"), self.description.as_deref(), 4000);
        let mood = rating(&mut e, "mood", msg("field-mood-at-the-time"), self.mood, RATING_MAX);
        let impact = rating(&mut e, "impact", msg("field-impact"), self.impact, RATING_MAX);
        let episode = EpisodeMarker::parse(&self.episode).unwrap_or_else(|| {
            e.add_key(
                "episode",
                crate::msg("timeline-episode-invalid"),
                vec![("codes", EpisodeMarker::codes().into())],
            );
            EpisodeMarker::None
        });
        e.into_result()?;
        Ok(TimelineEvent {
            date: date.map(|d| d.to_string()).unwrap_or_default(),
            approximate: self.approximate,
            category: category.map(|c| c.as_str()).unwrap_or_default().to_string(),
            title: title.unwrap_or_default(),
            people,
            person_ids,
            description,
            mood,
            episode: episode.as_str().to_string(),
            impact,
        })
    }
}

impl RecordBody for TimelineEvent {
    const KIND: &'static str = "timeline_event";
    const SCOPE: Scope = Scope::Client;

    fn validate(self) -> Result<Self, ValidationErrors> {
        self.validate_on(Timestamp::now().date())
    }
}

/// Sorts timeline items into time order (stable: equal dates keep their order).
pub fn sort_by_date<T>(items: &mut [T], event: impl Fn(&T) -> &TimelineEvent) {
    items.sort_by(|a, b| match (event(a).when(), event(b).when()) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn d(s: &str) -> ApproxDate {
        ApproxDate::parse(s).unwrap_or_else(|| panic!("{s} should parse"))
    }

    #[test]
    fn parses_the_three_precisions_and_nothing_else() {
        assert_eq!(d("2025-03-14").precision(), Precision::Day);
        assert_eq!(d("2025-03").precision(), Precision::Month);
        assert_eq!(d("2025").precision(), Precision::Year);
        assert_eq!(d(" 2025-03 ").to_string(), "2025-03");
        for bad in [
            "",
            "25",
            "2025-3",
            "2025-13",
            "2025-02-30",
            "2025-03-14-01",
            "March 2025",
            "2025/03",
            "0999",
            "2025-00",
            "+2025",
            "2025-03-1a",
        ] {
            assert!(ApproxDate::parse(bad).is_none(), "{bad:?} should not parse");
        }
        assert!(ApproxDate::parse("2024-02-29").is_some());
    }

    #[test]
    fn periods_have_first_last_and_middle_days() {
        assert_eq!(d("2025").first_day(), date!(2025 - 01 - 01));
        assert_eq!(d("2025").last_day(), date!(2025 - 12 - 31));
        assert_eq!(d("2025").midpoint(), date!(2025 - 07 - 02));
        assert_eq!(d("2024-02").last_day(), date!(2024 - 02 - 29));
        assert_eq!(d("2025-03").midpoint(), date!(2025 - 03 - 16));
        assert_eq!(d("2025-03-14").midpoint(), date!(2025 - 03 - 14));
        assert_eq!(d("2025-03").display(), "March 2025");
        assert_eq!(d("2025-03-04").display(), "4 March 2025");
        assert_eq!(d("2025-03-04").short(), "4 Mar 2025");
    }

    #[test]
    fn orders_by_the_middle_of_the_period_then_precision() {
        let mut v = [d("2025-09"), d("2025"), d("2024-12-31"), d("2025-03-14"), d("2025-07-02"), d("2025-03")];
        v.sort();
        let s: Vec<String> = v.iter().map(|x| x.to_string()).collect();
        assert_eq!(s, ["2024-12-31", "2025-03-14", "2025-03", "2025-07-02", "2025", "2025-09"]);
    }

    fn valid() -> TimelineEvent {
        TimelineEvent {
            date: "2025-03".into(),
            category: "work".into(),
            title: " Lost job ".into(),
            people: vec!["Boss".into(), "  ".into()],
            episode: "none".into(),
            ..Default::default()
        }
    }

    #[test]
    fn an_event_is_normalised() {
        let e = valid().validate_on(date!(2026 - 01 - 01)).unwrap();
        assert_eq!(e.title, "Lost job");
        assert_eq!(e.people, vec!["Boss".to_string()]);
        assert_eq!(e.episode, "none");
        let err = TimelineEvent { episode: String::new(), ..valid() }.validate_on(date!(2026 - 01 - 01)).unwrap_err();
        assert_eq!(err.first().unwrap().field, "episode", "codes are exact");
        assert_eq!(e.date_display(), "March 2025");
        let approx = TimelineEvent { approximate: true, ..e };
        assert_eq!(approx.date_display(), "around March 2025");
    }

    #[test]
    fn death_and_isolation_are_categories() {
        for code in ["death", "isolation"] {
            let e = TimelineEvent { category: code.into(), ..valid() }.validate_on(date!(2026 - 01 - 01)).unwrap();
            assert_eq!(e.category().as_str(), code);
        }
        assert_eq!(
            EventCategory::codes(),
            "death, loss, conflict, transition, separation, isolation, move, health, work or other"
        );
        // Each category has its own marker shape (colour is only an extra cue).
        let shapes: std::collections::BTreeSet<String> = EventCategory::ALL
            .iter()
            .map(|c| {
                let svg = chart::category_icon(*c);
                let cut = |s: &str| s.split(" fill=").next().unwrap_or(s).to_string();
                cut(&svg[svg.find("><").unwrap_or(0)..])
            })
            .collect();
        assert_eq!(shapes.len(), EventCategory::ALL.len());
    }

    #[test]
    fn bad_events_name_each_field() {
        let today = date!(2026 - 01 - 01);
        let cases: Vec<(TimelineEvent, &str)> = vec![
            (TimelineEvent { date: String::new(), ..valid() }, "date"),
            (TimelineEvent { date: "last spring".into(), ..valid() }, "date"),
            (TimelineEvent { date: "2026-02".into(), ..valid() }, "date"),
            (TimelineEvent { category: "war".into(), ..valid() }, "category"),
            (TimelineEvent { category: String::new(), ..valid() }, "category"),
            (TimelineEvent { title: " ".into(), ..valid() }, "title"),
            (TimelineEvent { title: "x".repeat(81), ..valid() }, "title"),
            (TimelineEvent { mood: Some(11), ..valid() }, "mood"),
            (TimelineEvent { impact: Some(-1), ..valid() }, "impact"),
            (TimelineEvent { episode: "relapse".into(), ..valid() }, "episode"),
            (TimelineEvent { person_ids: vec!["bob".into()], ..valid() }, "person_ids[0]"),
            (TimelineEvent { people: vec!["ok".into(), "x".repeat(121)], ..valid() }, "people[1]"),
        ];
        for (ev, field) in cases {
            let err = ev.clone().validate_on(today).expect_err(field);
            assert_eq!(err.first().unwrap().field, field, "{ev:?}: {err}");
        }
        // The current year and month are not "in the future".
        assert!(TimelineEvent { date: "2026".into(), ..valid() }.validate_on(today).is_ok());
        assert!(TimelineEvent { date: "2026-01".into(), ..valid() }.validate_on(today).is_ok());
    }

    #[test]
    fn sorting_events_is_stable_for_equal_dates() {
        let mk = |date: &str, title: &str| TimelineEvent { date: date.into(), title: title.into(), ..valid() };
        let mut v = vec![mk("2025", "b"), mk("2024-05", "a"), mk("2025", "c"), mk("2025-01-02", "first of 2025")];
        sort_by_date(&mut v, |e| e);
        let titles: Vec<&str> = v.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["a", "first of 2025", "b", "c"]);
    }
}
