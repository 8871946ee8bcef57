//! Rapport's interface text: the Fluent messages of `locales/<lang>/*.ftl`
//! (embedded at compile time, English the fallback), looked up through
//! [`Tr`], with dates and numbers in the language's own form. Every face
//! (staff pages, portal, e-mails, letters, the CLI) reads its words here;
//! docs/i18n.md says how to add a language.
//!
//! Pure: no I/O at run time, so the application layer can word an e-mail in
//! its recipient's language.

use fluent_bundle::FluentValue;
use rapport_core::language;
use rapport_core::validation::{FieldError, KeyArg};
use std::borrow::Cow;
use std::collections::HashMap;
use time::{Date, PrimitiveDateTime};

pub use rapport_core::msg;

mod adaptation;
mod catalogue;
pub mod course;
pub mod scores;
pub use adaptation::{presets, Adaptation, CRISIS_RESOURCES};
use fluent_bundle::FluentArgs;
use std::sync::Arc;

/// The languages shipped complete, with their own names (the switcher lists these).
pub const SHIPPED: [(&str, &str); 3] = [("en", "English"), ("es", "Español"), ("fr", "Français")];

/// Every language the interface can be shown in: the shipped ones, then the
/// generated test locales (pseudo-accented and pseudo right-to-left), which
/// are chosen only by their exact tag.
pub const AVAILABLE: [&str; 5] = ["en", "es", "fr", "en-XA", "ar-XB"];

const MONTHS: [&str; 12] = [
    msg("month-1"),
    msg("month-2"),
    msg("month-3"),
    msg("month-4"),
    msg("month-5"),
    msg("month-6"),
    msg("month-7"),
    msg("month-8"),
    msg("month-9"),
    msg("month-10"),
    msg("month-11"),
    msg("month-12"),
];
const MONTHS_SHORT: [&str; 12] = [
    msg("month-short-1"),
    msg("month-short-2"),
    msg("month-short-3"),
    msg("month-short-4"),
    msg("month-short-5"),
    msg("month-short-6"),
    msg("month-short-7"),
    msg("month-short-8"),
    msg("month-short-9"),
    msg("month-short-10"),
    msg("month-short-11"),
    msg("month-short-12"),
];
/// The shipped problem areas and phases, named through [`Tr::term`].
pub const TERMS: [&str; 9] = [
    msg("area-grief"),
    msg("area-role-dispute"),
    msg("area-role-transition"),
    msg("area-interpersonal-deficits"),
    msg("area-other"),
    msg("phase-initial"),
    msg("phase-middle"),
    msg("phase-termination"),
    msg("phase-maintenance"),
];

/// Monday first, as `time::Weekday::number_days_from_monday`.
const WEEKDAYS: [&str; 7] = [
    msg("weekday-1"),
    msg("weekday-2"),
    msg("weekday-3"),
    msg("weekday-4"),
    msg("weekday-5"),
    msg("weekday-6"),
    msg("weekday-7"),
];

/// Message lookup in one language (`{{ tr.t("sign-in") }}` in a template).
#[derive(Clone, Debug)]
pub struct Tr {
    code: &'static str,
    /// The page the language switcher returns to.
    here: String,
    /// The programme's or site's own wording, consulted first.
    adaptation: Option<Arc<Adaptation>>,
    /// Whether the adaptation words dates its own way (then dates are not
    /// taken from the shared cache of [`Tr::date`]).
    dates_adapted: bool,
}

impl Default for Tr {
    fn default() -> Self {
        Tr::new("en")
    }
}

impl Tr {
    /// `code` must be one of [`AVAILABLE`] (any case); anything else is English.
    pub fn new(code: &str) -> Tr {
        let code = AVAILABLE.iter().find(|a| a.eq_ignore_ascii_case(code)).copied().unwrap_or("en");
        Tr { code, here: "/".into(), adaptation: None, dates_adapted: false }
    }

    /// The same language worded with `adaptation` first (a programme's or site's terms).
    pub fn adapted(mut self, adaptation: Option<Arc<Adaptation>>) -> Tr {
        self.dates_adapted = adaptation.as_ref().is_some_and(|a| {
            a.overrides(self.code)
                .iter()
                .any(|(id, _)| DATE_MESSAGES.contains(&id.as_str()) || MONTHS_SHORT.contains(&id.as_str()))
        });
        self.adaptation = adaptation;
        self
    }

    /// The same wording (adaptation) in another language: a letter written
    /// in its recipient's language with the site's own terms.
    pub fn in_other_language(&self, code: &str) -> Tr {
        Tr::new(code).adapted(self.adaptation.clone())
    }

    /// The adaptation in use, if any.
    pub fn adaptation(&self) -> Option<&Adaptation> {
        self.adaptation.as_deref()
    }

    fn lookup(&self, id: &str, args: Option<&HashMap<Cow<'static, str>, FluentValue<'static>>>) -> String {
        let args = args.map(|args| {
            let mut f = FluentArgs::new();
            for (k, v) in args {
                f.set(k.clone(), v.clone());
            }
            f
        });
        if let Some(text) = self.adaptation.as_ref().and_then(|a| a.format(self.code, id, args.as_ref())) {
            return text;
        }
        catalogue::lookup(self.code, id, args.as_ref())
    }

    /// The same language, returning the switcher to `path`.
    pub fn returning_to(mut self, path: impl Into<String>) -> Tr {
        self.here = path.into();
        self
    }

    /// The page the language switcher comes back to.
    pub fn here(&self) -> &str {
        &self.here
    }

    /// The message `id` (English when this language lacks it).
    pub fn t(&self, id: &str) -> String {
        self.lookup(id, None)
    }

    /// The message `id` with one argument (`{ $name }`): plurals and other
    /// choices are the message's Fluent selectors, never put together here.
    pub fn ta(&self, id: &str, name: &'static str, value: impl Arg) -> String {
        let args = HashMap::from([(Cow::Borrowed(name), value.fluent())]);
        self.lookup(id, Some(&args))
    }

    /// The message `id` with several arguments: `tr.tn(id, &[("name", &name), ("count", &count)])`.
    pub fn tn(&self, id: &str, args: &[(&'static str, &dyn Arg)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'static>> =
            args.iter().map(|(name, value)| (Cow::Borrowed(*name), value.fluent())).collect();
        self.lookup(id, Some(&args))
    }

    /// Whether this language (or English, or the adaptation) has the message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.adapts(id) || catalogue::has(self.code, id)
    }

    /// The adaptation's own wording of `id` in this language, if it has one
    /// (for messages only an adaptation carries, such as [`CRISIS_RESOURCES`]).
    pub fn adaptation_text(&self, id: &str) -> Option<String> {
        self.adaptation.as_ref().and_then(|a| a.format(self.code, id, None))
    }

    /// Whether the adaptation words `id` in this language.
    fn adapts(&self, id: &str) -> bool {
        self.adaptation.as_ref().is_some_and(|a| a.format(self.code, id, None).is_some())
    }

    /// The name of something a protocol defines (a problem area, a phase) in
    /// this language. The adaptation's word comes first, in any language.
    /// Otherwise English shows the protocol's own `label` (protocols are
    /// written in English and some word an area their own way: the WHO group
    /// manual's "Disputes"); another language shows the message
    /// `{family}-{code}` (underscores written as hyphens) when there is one,
    /// else the label. Shipped areas and phases have messages ([`TERMS`]).
    pub fn term(&self, family: &str, code: &str, label: &str) -> String {
        let id = format!("{family}-{}", code.replace('_', "-"));
        if self.adapts(&id) || (self.code != "en" && self.has(&id)) {
            self.t(&id)
        } else {
            label.to_string()
        }
    }

    /// A validation error in this language: worded by its message id when the
    /// rule gave one, else its own (English) text. Arguments that are
    /// messages (a field's label) are worded in this language first.
    pub fn field_message(&self, e: &FieldError) -> String {
        let Some(key) = &e.key else { return e.message.clone() };
        let args: HashMap<Cow<'static, str>, FluentValue<'static>> = key
            .args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    KeyArg::Text(s) => FluentValue::from(s.clone()),
                    KeyArg::Number(n) => FluentValue::from(*n),
                    KeyArg::Message(id) => FluentValue::from(self.t(id)),
                };
                (Cow::Borrowed(*name), value)
            })
            .collect();
        self.lookup(key.id, Some(&args))
    }

    /// Names joined as a sentence says them: "A", "A and B", "A, B and C"
    /// ("A, B y C", "A, B et C").
    pub fn list(&self, items: &[&str]) -> String {
        match items {
            [] => String::new(),
            [one] => one.to_string(),
            [rest @ .., last] => self.tn(msg("list-and"), &[("first", &rest.join(", ")), ("last", last)]),
        }
    }

    /// The language tag for `<html lang>`.
    pub fn lang(&self) -> &'static str {
        self.code
    }

    /// `rtl` for right-to-left scripts, else `ltr` (for `<html dir>`).
    pub fn dir(&self) -> &'static str {
        if language::is_right_to_left(self.code) {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The shipped languages for the switcher: (tag, own name, is this one).
    pub fn choices(&self) -> Vec<(&'static str, &'static str, bool)> {
        SHIPPED.iter().map(|(code, name)| (*code, *name, *code == self.code)).collect()
    }

    /// A day in short form: "4 Dec 2026", "4 dic 2026", "4 déc. 2026".
    /// Pages show dozens of dates, each two message look-ups: the words are
    /// remembered per language and day (the messages never change while the
    /// server runs; an adaptation that words dates is not cached).
    pub fn date(&self, d: Date) -> String {
        if self.dates_adapted {
            return self.format_date(d);
        }
        remembered(&DATES, (self.code, d, None), || self.format_date(d))
    }

    fn format_date(&self, d: Date) -> String {
        self.tn(
            msg("date-short"),
            &[
                ("day", &i64::from(d.day())),
                ("month", &self.t(MONTHS_SHORT[month_index(d)])),
                ("year", &i64::from(d.year())),
            ],
        )
    }

    /// A month's short name: "Dec", "dic", "déc.".
    pub fn month_short(&self, m: time::Month) -> String {
        self.t(MONTHS_SHORT[usize::from(u8::from(m)) - 1])
    }

    /// A month's full name: "December", "diciembre", "décembre".
    pub fn month_name(&self, m: time::Month) -> String {
        self.t(MONTHS[usize::from(u8::from(m)) - 1])
    }

    /// A day in the long form people read: "Friday 4 December 2026",
    /// "viernes, 4 de diciembre de 2026", "vendredi 4 décembre 2026".
    pub fn long_date(&self, d: Date) -> String {
        let weekday = self.t(WEEKDAYS[usize::from(d.weekday().number_days_from_monday())]);
        self.tn(
            msg("date-long"),
            &[
                ("weekday", &weekday),
                ("day", &i64::from(d.day())),
                ("month", &self.t(MONTHS[month_index(d)])),
                ("year", &i64::from(d.year())),
            ],
        )
    }

    /// A local date and time: "4 Dec 2026, 14:05" (24-hour clock in every language).
    pub fn date_time(&self, t: PrimitiveDateTime) -> String {
        let format = || {
            let time = format!("{:02}:{:02}", t.hour(), t.minute());
            self.tn("date-time", &[("date", &self.date(t.date())), ("time", &time)])
        };
        if self.dates_adapted {
            return format();
        }
        remembered(&DATES, (self.code, t.date(), Some((t.hour(), t.minute()))), format)
    }

    /// A number with `places` decimals and the language's decimal mark: "4.5", "4,5".
    pub fn decimal(&self, value: f64, places: usize) -> String {
        let text = format!("{value:.places$}");
        text.replace('.', &self.t("number-decimal-mark"))
    }
}

/// The messages dates are worded with, besides the month names.
const DATE_MESSAGES: [&str; 2] = ["date-short", "date-time"];

/// A day (and time of day) in a language: the key of remembered wordings.
type DateKey = (&'static str, Date, Option<(u8, u8)>);

thread_local! {
    /// Remembered wordings of days and times, per thread (no lock), cleared
    /// when it holds [`REMEMBERED`] of them.
    static DATES: std::cell::RefCell<HashMap<DateKey, String>> = std::cell::RefCell::new(HashMap::new());
}

const REMEMBERED: usize = 8192;

fn remembered(
    cache: &'static std::thread::LocalKey<std::cell::RefCell<HashMap<DateKey, String>>>,
    key: DateKey,
    word: impl FnOnce() -> String,
) -> String {
    if let Some(text) = cache.with(|c| c.borrow().get(&key).cloned()) {
        return text;
    }
    let text = word();
    cache.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= REMEMBERED {
            c.clear();
        }
        c.insert(key, text.clone());
    });
    text
}

fn month_index(d: Date) -> usize {
    usize::from(u8::from(d.month())) - 1
}

tokio::task_local! {
    static CURRENT: Tr;
}

/// Runs `f` with `tr` as the language of [`current`]: the web face runs each
/// request in the reader's language this way, so every page and error reads
/// it without passing it along. (E-mails and letters are worded in their
/// recipient's language with an explicit `Tr`, never this one.)
pub async fn in_language<F: std::future::Future>(tr: Tr, f: F) -> F::Output {
    CURRENT.scope(tr, f).await
}

/// The language of the current request (English outside one).
pub fn current() -> Tr {
    CURRENT.try_with(Tr::clone).unwrap_or_default()
}

/// A value a message argument can take.
pub trait Arg {
    fn fluent(&self) -> FluentValue<'static>;
}

impl Arg for i64 {
    fn fluent(&self) -> FluentValue<'static> {
        FluentValue::from(*self)
    }
}

impl Arg for usize {
    fn fluent(&self) -> FluentValue<'static> {
        FluentValue::from(*self as i64)
    }
}

impl Arg for i32 {
    fn fluent(&self) -> FluentValue<'static> {
        FluentValue::from(i64::from(*self))
    }
}

impl Arg for str {
    fn fluent(&self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

impl Arg for String {
    fn fluent(&self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}

impl<T: Arg + ?Sized> Arg for &T {
    fn fluent(&self) -> FluentValue<'static> {
        (**self).fluent()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn every_available_language_has_the_frame_messages() {
        for code in AVAILABLE {
            let tr = Tr::new(code);
            assert_eq!(tr.lang(), code);
            assert!(catalogue::defines(tr.code, "sign-in"), "{code} lacks sign-in");
        }
        assert_eq!(Tr::new("es").t("sign-in"), "Iniciar sesión");
        assert_eq!(Tr::new("xx").lang(), "en");
    }

    #[test]
    fn plurals_come_from_the_message() {
        let en = Tr::new("en");
        assert!(en.ta("risk-flags-open", "count", 1i64).starts_with("1 risk flag on"));
        assert!(en.ta("risk-flags-open", "count", 3i64).starts_with("3 risk flags"));
        assert!(Tr::new("fr").ta("risk-flags-open", "count", 2i64).starts_with("2 alertes"));
    }

    #[test]
    fn the_right_to_left_test_locale_says_so() {
        assert_eq!(Tr::new("ar-XB").dir(), "rtl");
        assert_eq!(Tr::new("en-XA").dir(), "ltr");
    }

    #[test]
    fn dates_take_the_languages_form() {
        let d = date!(2026 - 12 - 04);
        assert_eq!(Tr::new("en").date(d), "4 Dec 2026");
        assert_eq!(Tr::new("es").date(d), "4 dic 2026");
        assert_eq!(Tr::new("fr").date(d), "4 déc. 2026");
        assert_eq!(Tr::new("en").long_date(d), "Friday 4 December 2026");
        assert_eq!(Tr::new("es").long_date(d), "viernes, 4 de diciembre de 2026");
        assert_eq!(Tr::new("fr").long_date(d), "vendredi 4 décembre 2026");
        assert_eq!(Tr::new("fr").date_time(datetime!(2027-01-31 09:05)), "31 janv. 2027, 09:05");
        assert_eq!(Tr::new("en").date_time(datetime!(2027-01-31 14:05)), "31 Jan 2027, 14:05");
    }

    #[test]
    fn remembered_dates_are_the_words_the_messages_give() {
        // Every day of two years and several times, in each language, asked
        // twice (the second answer comes from the cache), against the
        // uncached wording; more than the cache holds, so it is also cleared.
        for code in AVAILABLE {
            let tr = Tr::new(code);
            for n in 0..730 {
                let d = date!(2026 - 01 - 01) + time::Duration::days(n);
                let at = d.with_hms(u8::try_from(n % 24).unwrap(), u8::try_from(n % 60).unwrap(), 0).unwrap();
                let time = format!("{:02}:{:02}", at.hour(), at.minute());
                let uncached = tr.tn("date-time", &[("date", &tr.format_date(d)), ("time", &time)]);
                for _ in 0..2 {
                    assert_eq!(tr.date(d), tr.format_date(d), "{code} {d}");
                    assert_eq!(tr.date_time(at), uncached, "{code} {at}");
                }
            }
        }
    }

    #[test]
    fn an_adaptation_that_words_dates_is_not_given_cached_words() {
        let d = date!(2026 - 12 - 04);
        assert_eq!(Tr::new("en").date(d), "4 Dec 2026");
        let own =
            Adaptation::parse("local", "x", &[("en", "month-short-12 = Dcm\n")]).expect("month names are adaptable");
        let adapted = Tr::new("en").adapted(Some(Arc::new(own)));
        assert_eq!(adapted.date(d), "4 Dcm 2026");
        assert_eq!(Tr::new("en").date(d), "4 Dec 2026", "the cache keeps the shipped words");
    }

    #[test]
    fn numbers_take_the_languages_decimal_mark() {
        assert_eq!(Tr::new("en").decimal(4.25, 1), "4.2");
        assert_eq!(Tr::new("es").decimal(4.5, 1), "4,5");
        assert_eq!(Tr::new("fr").decimal(12.0, 2), "12,00");
    }

    #[test]
    fn shipped_terms_are_named_and_others_keep_their_label() {
        for code in ["en", "es", "fr"] {
            for id in TERMS {
                assert!(catalogue::defines(Tr::new(code).code, id), "{code} lacks {id}");
            }
        }
        assert_eq!(Tr::new("es").term("area", "role_dispute", "Role dispute"), "Disputa de roles");
        assert_eq!(Tr::new("en").term("area", "role_dispute", "Disputes"), "Disputes");
        assert_eq!(
            Tr::new("es").term("area", "lost_healthy_self", "Grief for the lost healthy self"),
            "Grief for the lost healthy self"
        );
    }

    #[test]
    fn keyed_errors_are_worded_in_the_readers_language() {
        let e = FieldError::keyed("day", msg("date-time"), vec![("date", "D".into()), ("time", KeyArg::Number(3))]);
        assert_eq!(Tr::new("fr").field_message(&e), "D, 3");
        let plain = FieldError { field: "x".into(), message: "Enter x.".into(), key: None };
        assert_eq!(Tr::new("es").field_message(&plain), "Enter x.");
    }

    #[test]
    fn a_required_field_left_empty_is_named_in_the_readers_language() {
        let mut e = rapport_core::ValidationErrors::new();
        rapport_core::validation::required_text(
            &mut e,
            "title",
            msg("field-short-title"),
            msg("field-short-title-in-sentence"),
            "  ",
            80,
        );
        let error = e.first().expect("an error");
        assert_eq!(error.message, "Enter the short title", "the API's English sentence");
        assert_eq!(Tr::new("es").field_message(error), "Indique el título breve");
        assert_eq!(Tr::new("fr").field_message(error), "Indiquez le titre court");
        assert_eq!(Tr::new("en").field_message(error), "Enter the short title");
        let mut e = rapport_core::ValidationErrors::new();
        rapport_core::validation::rating(&mut e, "mood", msg("field-mood"), Some(11), 10);
        assert_eq!(Tr::new("es").field_message(&e.0[0]), "Ánimo: escriba un número entero del 0 al 10");
    }

    #[test]
    fn an_adaptation_words_its_messages_first_and_only_in_its_languages() {
        let who = presets().into_iter().find(|a| a.name() == "who-plain").map(Arc::new);
        let es = Tr::new("es").adapted(who.clone());
        assert_eq!(es.term("area", "role_dispute", "Role dispute"), "Desacuerdos");
        assert_eq!(es.t("area-role-transition"), "Cambios en la vida");
        assert_eq!(es.t("sign-in"), "Iniciar sesión", "messages it does not word keep the interface's");
        let en = Tr::new("en").adapted(who.clone());
        assert_eq!(en.term("area", "role_dispute", "Role dispute"), "Disagreements");
        assert_eq!(en.term("phase", "termination", "termination phase"), "Ending");
        let pseudo = Tr::new("en-XA").adapted(who);
        assert!(pseudo.t("area-grief").starts_with('['), "a language it lacks keeps the interface's text");
        assert_eq!(
            Tr::new("fr").adapted(presets().pop().map(Arc::new)).adaptation().map(|a| a.title("fr")).unwrap(),
            "TIP de groupe de l’OMS\u{a0}: noms en langage simple"
        );
    }

    #[test]
    fn a_site_adaptation_is_refused_with_the_file_and_message_named() {
        let bad_id = Adaptation::parse("local", "x", &[("es", "area-grefe = Duelo\n")]).unwrap_err();
        assert!(bad_id.contains("es.ftl") && bad_id.contains("area-grefe"), "{bad_id}");
        let bad_lang = Adaptation::parse("local", "x", &[("sw", "area-grief = Msiba\n")]).unwrap_err();
        assert!(bad_lang.contains("sw.ftl"), "{bad_lang}");
        let bad_syntax = Adaptation::parse("local", "x", &[("en", "area-grief = { \n")]).unwrap_err();
        assert!(bad_syntax.contains("cannot be read"), "{bad_syntax}");
        assert!(Adaptation::parse("Local Words", "x", &[("en", "area-grief = Loss\n")]).is_err());
        let ok = Adaptation::parse("local", "x", &[("en", "area-grief = Loss\n")]).unwrap();
        assert_eq!(ok.overrides("en"), &[("area-grief".to_string(), "Loss".to_string())]);
        assert_eq!(ok.languages(), vec!["en"]);
    }

    #[test]
    fn a_programme_words_its_own_crisis_resources_and_others_keep_the_organisations() {
        let source =
            "crisis-resources =\n    Kagadi health centre: 0800 100 200\n    Village health team: 0800 300 400\n";
        let local = Arc::new(Adaptation::parse("kagadi", "x", &[("en", source)]).unwrap());
        let en = Tr::new("en").adapted(Some(local.clone()));
        assert_eq!(
            en.adaptation_text(CRISIS_RESOURCES).as_deref(),
            Some("Kagadi health centre: 0800 100 200\nVillage health team: 0800 300 400")
        );
        // A language it does not word, and a reader without it: no lines of its own.
        assert_eq!(Tr::new("es").adapted(Some(local)).adaptation_text(CRISIS_RESOURCES), None);
        assert_eq!(Tr::new("en").adaptation_text(CRISIS_RESOURCES), None);
        assert_eq!(Tr::new("en").adapted(presets().pop().map(Arc::new)).adaptation_text(CRISIS_RESOURCES), None);
    }

    #[test]
    fn lists_read_as_sentences() {
        assert_eq!(Tr::new("en").list(&[]), "");
        assert_eq!(Tr::new("en").list(&["Amina"]), "Amina");
        assert_eq!(Tr::new("en").list(&["Amina", "Grace"]), "Amina and Grace");
        assert_eq!(Tr::new("es").list(&["Amina", "Grace", "Rehema"]), "Amina, Grace y Rehema");
        assert_eq!(Tr::new("fr").list(&["Amina", "Grace"]), "Amina et Grace");
    }

    #[test]
    fn several_arguments_are_named() {
        let en = Tr::new("en");
        let s = en.tn("date-time", &[("date", &"D"), ("time", &"T")]);
        assert_eq!(s, "D, T");
    }
}
