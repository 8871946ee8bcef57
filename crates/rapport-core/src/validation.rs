//! Field-level validation errors shared by the UI (error summary) and the API
//! (`{"error": {"code", "message", "field"}}`).

use serde::Serialize;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    /// English text, or for a keyed error its message id (the faces word a
    /// keyed error in the reader's language from `key`).
    pub message: String,
    /// The interface message (locales/*/*.ftl) that words this error, with its arguments.
    #[serde(skip)]
    pub key: Option<MessageKey>,
}

/// An interface message id and its arguments: a rule's outcome the faces
/// word in the reader's language (rapport-i18n `Tr::field_message`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageKey {
    pub id: &'static str,
    pub args: Vec<(&'static str, KeyArg)>,
}

/// A message argument: text, a number (Fluent chooses plural forms by
/// numbers), or another message, such as a field's label, worded in the
/// reader's language before it is put in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyArg {
    Text(String),
    Number(i64),
    Message(&'static str),
}

impl From<&str> for KeyArg {
    fn from(s: &str) -> Self {
        KeyArg::Text(s.to_string())
    }
}

impl From<String> for KeyArg {
    fn from(s: String) -> Self {
        KeyArg::Text(s)
    }
}

impl From<i64> for KeyArg {
    fn from(n: i64) -> Self {
        KeyArg::Number(n)
    }
}

impl FieldError {
    /// An error worded by the interface message `id` (write the id as `msg("id")`).
    pub fn keyed(field: &str, id: &'static str, args: Vec<(&'static str, KeyArg)>) -> FieldError {
        FieldError { field: field.to_string(), message: id.to_string(), key: Some(MessageKey { id, args }) }
    }

    /// An error worded by the interface message `id` whose `message` is
    /// still the English sentence (the JSON API and logs show it).
    pub fn keyed_english(
        field: &str,
        english: String,
        id: &'static str,
        args: Vec<(&'static str, KeyArg)>,
    ) -> FieldError {
        FieldError { field: field.to_string(), message: english, key: Some(MessageKey { id, args }) }
    }
}

/// The English labels of fields (locales/en/fields.ftl), one `id = text`
/// line each: the helpers below take a label's message id and still write
/// `message` in English.
const ENGLISH_LABELS: &str = include_str!("../../../locales/en/fields.ftl");

/// The English words of the label message `id` (the id itself when
/// locales/en/fields.ftl lacks it).
pub fn english_label(id: &'static str) -> &'static str {
    ENGLISH_LABELS
        .lines()
        .filter_map(|line| line.split_once(" = "))
        .find(|(name, _)| name.trim() == id)
        .map_or(id, |(_, text)| text.trim())
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ValidationErrors(pub Vec<FieldError>);

impl ValidationErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError { field: field.to_string(), message: message.into(), key: None });
    }

    /// Adds an error worded by the interface message `id`: `errors.add_key("name", msg("client-name-required"), vec![])`.
    pub fn add_key(&mut self, field: &str, id: &'static str, args: Vec<(&'static str, KeyArg)>) {
        self.0.push(FieldError::keyed(field, id, args));
    }

    /// Adds an error worded by the interface message `id` whose `message` is the English `english`.
    pub fn add_keyed_english(
        &mut self,
        field: &str,
        english: String,
        id: &'static str,
        args: Vec<(&'static str, KeyArg)>,
    ) {
        self.0.push(FieldError::keyed_english(field, english, id, args));
    }

    /// One error worded by the interface message `id`.
    pub fn single_key(field: &str, id: &'static str, args: Vec<(&'static str, KeyArg)>) -> Self {
        ValidationErrors(vec![FieldError::keyed(field, id, args)])
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn first(&self) -> Option<&FieldError> {
        self.0.first()
    }

    pub fn for_field(&self, field: &str) -> Option<&str> {
        self.0.iter().find(|e| e.field == field).map(|e| e.message.as_str())
    }

    pub fn into_result(self) -> Result<(), ValidationErrors> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }

    pub fn single(field: &str, message: impl Into<String>) -> Self {
        let mut e = Self::new();
        e.add(field, message);
        e
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.0.iter().map(|e| format!("{}: {}", e.field, e.message)).collect();
        f.write_str(&parts.join("; "))
    }
}

impl std::error::Error for ValidationErrors {}

/// Trims a free-text field; empty becomes `None`. Rejects text over `max` chars
/// and control characters other than newlines and tabs. `label` is the
/// field's label message (`msg("field-…")`, locales/*/fields.ftl), as are
/// the other helpers' below.
pub fn optional_text(
    errors: &mut ValidationErrors,
    field: &str,
    label: &'static str,
    value: Option<&str>,
    max: usize,
) -> Option<String> {
    let v = value.map(str::trim).filter(|v| !v.is_empty())?;
    let english = english_label(label);
    if v.chars().count() > max {
        errors.add_keyed_english(
            field,
            format!("{english} must be at most {max} characters"),
            crate::msg("validation-too-long"),
            vec![("label", KeyArg::Message(label)), ("max", KeyArg::Number(max as i64))],
        );
        return None;
    }
    if v.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
        errors.add_keyed_english(
            field,
            format!("{english} contains control characters"),
            crate::msg("validation-control-characters"),
            vec![("label", KeyArg::Message(label))],
        );
        return None;
    }
    Some(v.to_string())
}

/// A deliberately permissive e-mail check: one `@`, something either side, a dot
/// in the domain, no spaces. Deliverability is proven by use, not by regex.
pub fn looks_like_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(char::is_whitespace)
        && !domain.contains('@')
        && s.len() <= 254
}

/// A required single line of text (trimmed, at most `max` characters).
/// `in_sentence` names the field inside a sentence, with its article
/// (`msg("field-short-title-in-sentence")`: "the short title", "el título
/// breve"), for the message asking for it.
pub fn required_text(
    e: &mut ValidationErrors,
    field: &str,
    label: &'static str,
    in_sentence: &'static str,
    value: &str,
    max: usize,
) -> Option<String> {
    let before = e.0.len();
    let v = optional_text(e, field, label, Some(value), max);
    if v.is_none() && e.0.len() == before {
        e.add_keyed_english(
            field,
            format!("Enter the {}", english_label(label).to_lowercase()),
            crate::msg("validation-required"),
            vec![("field", KeyArg::Message(in_sentence))],
        );
    }
    v
}

/// A list of short texts: blanks dropped, each trimmed and at most `max_len`
/// characters, at most `max_items` items. Errors name `field[i]`.
pub fn text_list(
    e: &mut ValidationErrors,
    field: &str,
    label: &'static str,
    items: &[String],
    max_items: usize,
    max_len: usize,
) -> Vec<String> {
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if let Some(v) = optional_text(e, &format!("{field}[{i}]"), label, Some(item), max_len) {
            out.push(v);
        }
    }
    if out.len() > max_items {
        too_many_entries(e, field, label, max_items);
    }
    out
}

/// The error on a list of more than `max_items` entries.
pub fn too_many_entries(e: &mut ValidationErrors, field: &str, label: &'static str, max_items: usize) {
    e.add_keyed_english(
        field,
        format!("{}: at most {max_items} entries", english_label(label)),
        crate::msg("validation-too-many-entries"),
        vec![("label", KeyArg::Message(label)), ("max", KeyArg::Number(max_items as i64))],
    );
}

/// Record ids (canonical UUIDs), no duplicates.
pub fn id_list(e: &mut ValidationErrors, field: &str, items: &[String], max_items: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        match crate::Id::parse(item) {
            None => e.add_keyed_english(
                &format!("{field}[{i}]"),
                format!("{item:?} is not a record id"),
                crate::msg("validation-not-a-record-id"),
                vec![("value", item.into())],
            ),
            Some(id) if out.iter().any(|o| o == id.as_str()) => e.add_keyed_english(
                &format!("{field}[{i}]"),
                "Listed twice".into(),
                crate::msg("validation-listed-twice"),
                vec![],
            ),
            Some(id) => out.push(id.to_string()),
        }
    }
    if out.len() > max_items {
        e.add_keyed_english(
            field,
            format!("At most {max_items} entries"),
            crate::msg("validation-at-most-entries"),
            vec![("max", KeyArg::Number(max_items as i64))],
        );
    }
    out
}

/// The earliest date anything entered may carry.
pub const EARLIEST_DATE: time::Date = time::macros::date!(1900 - 01 - 01);

/// The latest date anything entered may carry: two years after `today`
/// (29 February becomes 28 February in a year without it).
pub fn latest_plausible_date(today: time::Date) -> time::Date {
    let year = today.year() + 2;
    today
        .replace_year(year)
        .or_else(|_| today.replace_day(28).and_then(|d| d.replace_year(year)))
        .unwrap_or(time::Date::MAX)
}

/// The one bound on every date a person enters (birth, sessions, courses,
/// timeline, diary, goals, measures, medication...): from 1900-01-01 to two
/// years after `today`. The error names `field` by its label message `label`.
pub fn plausible_date(
    field: &str,
    label: &'static str,
    date: time::Date,
    today: time::Date,
) -> Result<time::Date, FieldError> {
    let latest = latest_plausible_date(today);
    if date < EARLIEST_DATE || date > latest {
        let (earliest, latest) = (crate::time::format_date(EARLIEST_DATE), crate::time::format_date(latest));
        return Err(FieldError::keyed_english(
            field,
            format!("{} must be between {earliest} and {latest}", english_label(label)),
            crate::msg("validation-date-range"),
            vec![("label", KeyArg::Message(label)), ("earliest", earliest.into()), ("latest", latest.into())],
        ));
    }
    Ok(date)
}

/// `plausible_date`, adding the error to `e`.
pub fn check_plausible(
    e: &mut ValidationErrors,
    field: &str,
    label: &'static str,
    date: time::Date,
    today: time::Date,
) -> Option<time::Date> {
    plausible_date(field, label, date, today).map_err(|f| e.0.push(f)).ok()
}

/// Form-level errors (e.g. a number that is not one) followed by the domain's.
pub fn with_form_errors<T>(form: ValidationErrors, domain: Result<T, ValidationErrors>) -> Result<T, ValidationErrors> {
    match domain {
        Ok(v) if form.is_empty() => Ok(v),
        Ok(_) => Err(form),
        Err(d) => {
            let mut all = form;
            all.0.extend(d.0);
            Err(all)
        }
    }
}

/// Parses an optional whole number typed in a form; text that is not one is an error on `field`.
pub fn form_number(e: &mut ValidationErrors, field: &str, label: &'static str, v: &str) -> Option<i64> {
    let v = v.trim();
    if v.is_empty() {
        return None;
    }
    match v.parse::<i64>() {
        Ok(n) => Some(n),
        Err(_) => {
            e.add_keyed_english(
                field,
                format!("{} must be a whole number", english_label(label)),
                crate::msg("validation-whole-number"),
                vec![("label", KeyArg::Message(label))],
            );
            None
        }
    }
}

/// An optional calendar date `YYYY-MM-DD`; with `not_after`, later dates are
/// errors. Every date is held to `plausible_date` (today: `not_after`, else the clock).
pub fn date_field(
    e: &mut ValidationErrors,
    field: &str,
    label: &'static str,
    value: Option<&str>,
    not_after: Option<time::Date>,
) -> Option<time::Date> {
    let v = value.map(str::trim).filter(|v| !v.is_empty())?;
    match crate::time::parse_date(v) {
        None => {
            e.add_keyed_english(
                field,
                format!("{} must be in the form YYYY-MM-DD", english_label(label)),
                crate::msg("validation-date-form"),
                vec![("label", KeyArg::Message(label))],
            );
            None
        }
        Some(d) if not_after.is_some_and(|t| d > t) => {
            future_date(e, field, label);
            None
        }
        Some(d) => check_plausible(e, field, label, d, not_after.unwrap_or_else(|| crate::Timestamp::now().date())),
    }
}

/// The error on a date after today.
pub fn future_date(e: &mut ValidationErrors, field: &str, label: &'static str) {
    e.add_keyed_english(
        field,
        format!("{} cannot be in the future", english_label(label)),
        crate::msg("validation-future-date"),
        vec![("label", KeyArg::Message(label))],
    );
}

/// Whether `c` shows nothing on screen: whitespace, control characters,
/// Unicode format characters (zero-width space and joiners U+200B..U+200D,
/// word joiner U+2060, byte-order mark U+FEFF, direction marks and
/// isolates, soft hyphen, tags) and the blank look-alikes (Hangul fillers,
/// braille blank, variation selectors, combining grapheme joiner).
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c as u32,
            0x00AD
                | 0x034F
                | 0x0600..=0x0605
                | 0x061C
                | 0x06DD
                | 0x070F
                | 0x08E2
                | 0x115F
                | 0x1160
                | 0x17B4
                | 0x17B5
                | 0x180B..=0x180F
                | 0x200B..=0x200F
                | 0x202A..=0x202E
                | 0x2060..=0x2064
                | 0x2066..=0x206F
                | 0x2800
                | 0x3164
                | 0xFE00..=0xFE0F
                | 0xFEFF
                | 0xFFA0
                | 0xFFF9..=0xFFFB
                | 0x110BD
                | 0x110CD
                | 0x13430..=0x1343F
                | 0x1BCA0..=0x1BCA3
                | 0x1D173..=0x1D17A
                | 0xE0001
                | 0xE0020..=0xE007F
                | 0xE0100..=0xE01EF
        )
}

/// How many characters of `s` can be seen: everything but `is_invisible`
/// ones. Minimum lengths of free text that must say something (a
/// break-glass reason) count these, so padding with spaces or zero-width
/// characters does not pass.
pub fn visible_len(s: &str) -> usize {
    s.chars().filter(|c| !is_invisible(*c)).count()
}

/// An optional rating from 0 to `max`.
pub fn rating(e: &mut ValidationErrors, field: &str, label: &'static str, value: Option<i64>, max: i64) -> Option<i64> {
    match value {
        Some(v) if !(0..=max).contains(&v) => {
            e.add_keyed_english(
                field,
                format!("{} must be a whole number from 0 to {max}", english_label(label)),
                crate::msg("validation-rating-range"),
                vec![("label", KeyArg::Message(label)), ("max", KeyArg::Number(max))],
            );
            None
        }
        v => v,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::msg;

    fn key(e: &FieldError) -> (&'static str, Vec<(&'static str, KeyArg)>) {
        let k = e.key.clone().expect("a keyed error");
        (k.id, k.args)
    }

    #[test]
    fn optional_text_trims_and_limits() {
        let mut e = ValidationErrors::new();
        let note = msg("field-note");
        assert_eq!(optional_text(&mut e, "f", note, Some("  a "), 5), Some("a".into()));
        assert_eq!(optional_text(&mut e, "f", note, Some("   "), 5), None);
        assert!(e.is_empty());
        assert_eq!(optional_text(&mut e, "f", note, Some("toolong"), 5), None);
        assert_eq!(e.for_field("f"), Some("Note must be at most 5 characters"));
        let label = ("label", KeyArg::Message("field-note"));
        assert_eq!(key(&e.0[0]), ("validation-too-long", vec![label.clone(), ("max", KeyArg::Number(5))]));
        assert_eq!(optional_text(&mut e, "g", note, Some("a\u{7}b"), 5), None);
        assert_eq!(e.for_field("g"), Some("Note contains control characters"));
        assert_eq!(key(&e.0[1]), ("validation-control-characters", vec![label]));
    }

    #[test]
    fn labels_are_messages_and_english_words_the_api_message() {
        assert_eq!(english_label("field-clinicians-wording"), "Clinician's wording");
        assert_eq!(english_label("field-no-such-label"), "field-no-such-label");
        for line in ENGLISH_LABELS.lines().filter(|l| l.starts_with("field-")) {
            let (id, text) = line.split_once(" = ").expect("one `id = text` line per label");
            assert!(!text.trim().is_empty() && !text.contains('{'), "{id} is plain text");
        }
        let mut e = ValidationErrors::new();
        let title = msg("field-short-title-in-sentence");
        assert_eq!(required_text(&mut e, "title", msg("field-short-title"), title, " ", 80), None);
        assert_eq!(e.for_field("title"), Some("Enter the short title"));
        assert_eq!(key(&e.0[0]), ("validation-required", vec![("field", KeyArg::Message(title))]));
        for line in ENGLISH_LABELS.lines().filter(|l| l.contains("-in-sentence = ")) {
            let (id, text) = line.split_once("-in-sentence = ").expect("an in-sentence label");
            let label = ENGLISH_LABELS.lines().find_map(|l| l.strip_prefix(&format!("{id} = "))).expect("its label");
            assert_eq!(text, format!("the {}", label.to_lowercase()), "the API's English for {id}");
        }
        assert_eq!(form_number(&mut e, "n", msg("field-duration"), "ten"), None);
        assert_eq!(e.for_field("n"), Some("Duration must be a whole number"));
        assert_eq!(key(&e.0[1]).0, "validation-whole-number");
        assert_eq!(rating(&mut e, "mood", msg("field-mood"), Some(11), 10), None);
        assert_eq!(e.for_field("mood"), Some("Mood must be a whole number from 0 to 10"));
        assert_eq!(key(&e.0[2]).1[1], ("max", KeyArg::Number(10)));
        let items = vec!["a".to_string(), "b".to_string()];
        assert_eq!(text_list(&mut e, "steps", msg("field-step"), &items, 1, 10).len(), 2);
        assert_eq!(e.for_field("steps"), Some("Step: at most 1 entries"));
        assert_eq!(key(&e.0[3]).0, "validation-too-many-entries");
        let id = crate::Id::new().to_string();
        id_list(&mut e, "ids", &[id.clone(), id, "x".into()], 5);
        assert_eq!(e.for_field("ids[1]"), Some("Listed twice"));
        assert_eq!(key(&e.0[4]).0, "validation-listed-twice");
        assert_eq!(e.for_field("ids[2]"), Some("\"x\" is not a record id"));
        assert_eq!(key(&e.0[5]), ("validation-not-a-record-id", vec![("value", KeyArg::Text("x".into()))]));
    }

    #[test]
    fn visible_length_ignores_spaces_and_zero_width_characters() {
        assert_eq!(visible_len("crisis call"), 10);
        assert_eq!(visible_len("  \t\n "), 0);
        assert_eq!(visible_len("\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}"), 0);
        assert_eq!(visible_len("a\u{200B}b\u{00AD}c\u{202E}d\u{3164}\u{2800}\u{E0041}\u{FE0F}"), 4);
        assert_eq!(visible_len("\u{0007}x\u{001B}"), 1, "control characters do not count");
        assert_eq!(visible_len("réunion café"), 11, "accented letters count once each");
        assert_eq!(visible_len("危機対応が必要"), 7, "letters of any script count");
        assert!(is_invisible('\u{200B}') && is_invisible('\u{FEFF}') && is_invisible(' '));
        assert!(!is_invisible('a') && !is_invisible('.') && !is_invisible('😀'));
    }

    #[test]
    fn dates_are_bounded_from_1900_to_two_years_ahead() {
        use time::macros::date;
        let today = date!(2026 - 12 - 04);
        let day = msg("field-date");
        assert!(plausible_date("d", day, date!(1900 - 01 - 01), today).is_ok());
        assert!(plausible_date("d", day, date!(2028 - 12 - 04), today).is_ok());
        let e = plausible_date("date_of_birth", msg("field-date-of-birth"), date!(1899 - 12 - 31), today).unwrap_err();
        assert_eq!(e.field, "date_of_birth");
        assert_eq!(e.message, "Date of birth must be between 1900-01-01 and 2028-12-04");
        let range = vec![
            ("label", KeyArg::Message("field-date-of-birth")),
            ("earliest", KeyArg::Text("1900-01-01".into())),
            ("latest", KeyArg::Text("2028-12-04".into())),
        ];
        assert_eq!(key(&e), ("validation-date-range", range));
        assert!(plausible_date("d", day, date!(2028 - 12 - 05), today).is_err());
        assert!(plausible_date("d", day, date!(9999 - 01 - 01), today).is_err());
        assert_eq!(latest_plausible_date(date!(2028 - 02 - 29)), date!(2030 - 02 - 28));
        let mut e = ValidationErrors::new();
        assert_eq!(date_field(&mut e, "review_date", msg("field-review-date"), Some("0001-01-01"), None), None);
        assert_eq!(date_field(&mut e, "d", day, Some("2026-01-05"), Some(today)), Some(date!(2026 - 01 - 05)));
        assert_eq!(e.0.len(), 1);
        assert_eq!(e.0[0].field, "review_date");
        assert_eq!(date_field(&mut e, "d", day, Some("2026-01-06"), Some(date!(2026 - 01 - 05))), None);
        assert_eq!(e.for_field("d"), Some("Date cannot be in the future"));
        assert_eq!(key(&e.0[1]).0, "validation-future-date");
        assert_eq!(date_field(&mut e, "e", day, Some("5 January"), None), None);
        assert_eq!(e.for_field("e"), Some("Date must be in the form YYYY-MM-DD"));
        assert_eq!(key(&e.0[2]).0, "validation-date-form");
    }

    #[test]
    fn form_numbers_are_whole_numbers_or_blank() {
        let mut e = ValidationErrors::new();
        assert_eq!(form_number(&mut e, "n", msg("field-months"), "  "), None);
        assert_eq!(form_number(&mut e, "n", msg("field-months"), " 12 "), Some(12));
        assert_eq!(form_number(&mut e, "n", msg("field-months"), "-3"), Some(-3));
        assert!(e.is_empty());
        assert_eq!(form_number(&mut e, "n", msg("field-months"), "1.5"), None);
        assert_eq!(form_number(&mut e, "n", msg("field-months"), "99999999999999999999"), None);
        assert_eq!(e.0.len(), 2);
        assert_eq!(e.for_field("n"), Some("Months must be a whole number"));
    }

    #[test]
    fn form_errors_come_before_the_domain_errors() {
        let ok: Result<i32, ValidationErrors> = Ok(1);
        assert_eq!(with_form_errors(ValidationErrors::new(), ok.clone()).unwrap(), 1);
        let form = ValidationErrors::single("a", "form");
        assert_eq!(with_form_errors(form.clone(), ok).unwrap_err(), form);
        let domain: Result<i32, ValidationErrors> = Err(ValidationErrors::single("b", "domain"));
        let all = with_form_errors(form, domain).unwrap_err();
        assert_eq!(all.0.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        let domain: Result<i32, ValidationErrors> = Err(ValidationErrors::single("b", "domain"));
        assert_eq!(with_form_errors(ValidationErrors::new(), domain).unwrap_err().0.len(), 1);
    }

    #[test]
    fn email_shapes() {
        assert!(looks_like_email("a.b@clinic.example"));
        assert!(!looks_like_email("a b@clinic.example"));
        assert!(!looks_like_email("nobody"));
        assert!(!looks_like_email("a@b"));
        assert!(!looks_like_email("a@b@c.d"));
    }
}
