//! The interpersonal inventory (ipt-model.md section 4): one record per
//! important person in the client's life, the closeness circle drawn from those
//! records, dated snapshots of the circle, and the social support map.
//!
//! People belong to the client (they persist across courses); snapshots belong
//! to a course. Both are versioned records (`crate::records`).

pub mod circle;

use crate::msg;
use crate::records::{RecordBody, Scope};
use crate::time::parse_date;
use crate::validation::{optional_text, ValidationErrors};
use serde::{Deserialize, Serialize};
use time::Date;

macro_rules! code_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $code:literal, $label:literal;)+ }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|x| x.as_str() == s)
            }
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
            /// The codes, for messages: "a, b or c".
            pub fn codes() -> String {
                let codes: Vec<&str> = Self::ALL.iter().map(|x| x.as_str()).collect();
                match codes.split_last() {
                    Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
                    _ => codes.join(""),
                }
            }
        }
    };
}

code_enum! {
    /// How the person is related to the client.
    Relationship {
        Partner = "partner", "Partner";
        Parent = "parent", "Parent";
        Child = "child", "Child";
        Sibling = "sibling", "Sibling";
        Friend = "friend", "Friend";
        Colleague = "colleague", "Colleague";
        Community = "community", "Faith or community";
        HealthWorker = "health_worker", "Health worker";
        Other = "other", "Other";
    }
}

/// The fewest closeness rings an organisation's circle may have.
pub const MIN_RING_COUNT: u8 = 3;
/// The most closeness rings an organisation's circle may have.
pub const MAX_RING_COUNT: u8 = 6;
/// The circle of the IPT manuals: inner, middle and outer.
pub const DEFAULT_RING_COUNT: u8 = 3;

/// A closeness ring, numbered from 1 (the innermost, closest people) to the
/// organisation's ring count ([`MIN_RING_COUNT`]..=[`MAX_RING_COUNT`]).
///
/// Stored and sent as the number. Records written while the circle had
/// exactly three named rings hold "inner", "middle" or "outer"; those read as
/// 1, 2 and 3, so no stored body had to be rewritten (decision 53).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ring(u8);

impl Ring {
    /// Ring 1, the closest.
    pub const CLOSEST: Ring = Ring(1);

    /// Ring `n` (1..=[`MAX_RING_COUNT`]).
    pub const fn new(n: u8) -> Option<Ring> {
        if n >= 1 && n <= MAX_RING_COUNT {
            Some(Ring(n))
        } else {
            None
        }
    }

    /// The ring at `index` (0 for the innermost), if there can be one.
    pub fn at_index(index: usize) -> Option<Ring> {
        u8::try_from(index + 1).ok().and_then(Ring::new)
    }

    /// 1 for the innermost ring.
    pub const fn number(self) -> u8 {
        self.0
    }

    /// 0 for the innermost ring.
    pub const fn index(self) -> usize {
        self.0 as usize - 1
    }

    /// The number as text ("2"): form values and audit details.
    pub fn code(self) -> String {
        self.0.to_string()
    }

    /// A ring as typed: its number, or one of the three-ring names.
    pub fn parse(s: &str) -> Option<Ring> {
        match s.trim() {
            "inner" => Some(Ring(1)),
            "middle" => Some(Ring(2)),
            "outer" => Some(Ring(3)),
            n => n.parse::<u8>().ok().and_then(Ring::new),
        }
    }

    /// The rings of a circle of `count` rings, innermost first.
    pub fn all(count: u8) -> impl Iterator<Item = Ring> {
        (1..=count.min(MAX_RING_COUNT)).map(Ring)
    }

    /// The ring a person is drawn and listed in, in a circle of `count`
    /// rings: their own, or the last one when theirs lies beyond it (a
    /// record never drops out of a figure or a table).
    pub fn within(self, count: u8) -> Ring {
        Ring(self.0.min(count.clamp(MIN_RING_COUNT, MAX_RING_COUNT)))
    }

    /// How the ring is named in a circle of `count` rings: "inner", "middle"
    /// or "outer" in the three-ring circle, otherwise "numbered" (the faces'
    /// messages select on this word and put in the number).
    pub fn word(self, count: u8) -> &'static str {
        match (count, self.0) {
            (3, 1) => "inner",
            (3, 2) => "middle",
            (3, 3) => "outer",
            _ => "numbered",
        }
    }

    /// Where the ring sits in a circle of `count` rings: "first" (closest),
    /// "last" (most distant) or "between".
    pub fn position(self, count: u8) -> &'static str {
        if self.0 == 1 {
            "first"
        } else if self.0 >= count {
            "last"
        } else {
            "between"
        }
    }
}

impl Serialize for Ring {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.0)
    }
}

impl<'de> Deserialize<'de> for Ring {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Stored {
            Number(u64),
            Text(String),
        }
        let bad = || serde::de::Error::custom("a ring is a number from 1 to 6 (or inner, middle, outer)");
        match Stored::deserialize(d)? {
            Stored::Number(n) => u8::try_from(n).ok().and_then(Ring::new).ok_or_else(bad),
            Stored::Text(t) => Ring::parse(&t).ok_or_else(bad),
        }
    }
}

/// A ring in an English sentence: "inner ring" in the three-ring circle, else "ring 4".
pub fn english_ring_name(ring: Ring, count: u8) -> String {
    match ring.word(count) {
        "numbered" => format!("ring {}", ring.number()),
        word => format!("{word} ring"),
    }
}

/// Checks an organisation's ring count against a person's ring: the ring
/// must be one the organisation's circle has.
pub fn check_ring_in_circle(ring: Ring, count: u8) -> Result<(), ValidationErrors> {
    if ring.number() <= count {
        return Ok(());
    }
    Err(ValidationErrors::single_key(
        "ring",
        crate::msg("inventory-error-ring-beyond"),
        vec![("count", i64::from(count).into())],
    ))
}

code_enum! {
    /// Kinds of social support.
    SupportType {
        Emotional = "emotional", "Emotional";
        Practical = "practical", "Practical";
        Information = "information", "Information";
        Company = "company", "Company";
    }
}

code_enum! {
    ContactFrequency {
        Daily = "daily", "Daily or almost";
        Weekly = "weekly", "Weekly";
        Monthly = "monthly", "Monthly";
        LessOften = "less_often", "Less often";
        NoContact = "no_contact", "No contact now";
    }
}

code_enum! {
    /// Whether expectations in the relationship are met.
    Met {
        Yes = "yes", "Met";
        Partly = "partly", "Partly met";
        No = "no", "Not met";
    }
}

code_enum! {
    /// Whether the person knows about the client's depression (Stuart & Robertson's inventory).
    Knows {
        Yes = "yes", "Knows";
        Partly = "partly", "Knows something";
        No = "no", "Does not know";
    }
}

impl Knows {
    pub fn message(self) -> &'static str {
        match self {
            Knows::Yes => crate::msg("inventory-knows-yes"),
            Knows::Partly => crate::msg("inventory-knows-partly"),
            Knows::No => crate::msg("inventory-knows-no"),
        }
    }
}

/// Interface messages naming the codes of this module (their labels in the reader's language).
impl Relationship {
    pub fn message(self) -> &'static str {
        match self {
            Relationship::Partner => crate::msg("inventory-rel-partner"),
            Relationship::Parent => crate::msg("inventory-rel-parent"),
            Relationship::Child => crate::msg("inventory-rel-child"),
            Relationship::Sibling => crate::msg("inventory-rel-sibling"),
            Relationship::Friend => crate::msg("inventory-rel-friend"),
            Relationship::Colleague => crate::msg("inventory-rel-colleague"),
            Relationship::Community => crate::msg("inventory-rel-community"),
            Relationship::HealthWorker => crate::msg("inventory-rel-health-worker"),
            Relationship::Other => crate::msg("inventory-rel-other"),
        }
    }
}

impl SupportType {
    pub fn message(self) -> &'static str {
        match self {
            SupportType::Emotional => crate::msg("inventory-support-emotional"),
            SupportType::Practical => crate::msg("inventory-support-practical"),
            SupportType::Information => crate::msg("inventory-support-information"),
            SupportType::Company => crate::msg("inventory-support-company"),
        }
    }
}

impl ContactFrequency {
    pub fn message(self) -> &'static str {
        match self {
            ContactFrequency::Daily => crate::msg("inventory-contact-daily"),
            ContactFrequency::Weekly => crate::msg("inventory-contact-weekly"),
            ContactFrequency::Monthly => crate::msg("inventory-contact-monthly"),
            ContactFrequency::LessOften => crate::msg("inventory-contact-less-often"),
            ContactFrequency::NoContact => crate::msg("inventory-contact-no-contact"),
        }
    }
}

impl Met {
    pub fn message(self) -> &'static str {
        match self {
            Met::Yes => crate::msg("inventory-met-yes"),
            Met::Partly => crate::msg("inventory-met-partly"),
            Met::No => crate::msg("inventory-met-no"),
        }
    }
}

/// Longest name or alias.
pub const NAME_MAX: usize = 80;
/// Longest free-text answer.
pub const TEXT_MAX: usize = 2000;
/// Longest snapshot label.
pub const LABEL_MAX: usize = 60;

/// One important person, as stored (validated).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Name or alias, as the client calls them.
    pub display_name: String,
    pub relationship: Relationship,
    /// Free text: "other" relationships, or detail such as "stepfather".
    #[serde(default)]
    pub relationship_detail: Option<String>,
    #[serde(default)]
    pub lives_with_client: bool,
    #[serde(default)]
    pub deceased: bool,
    /// `YYYY-MM-DD`, only for a deceased person.
    #[serde(default)]
    pub date_of_death: Option<String>,
    pub ring: Ring,
    #[serde(default)]
    pub contact_frequency: Option<ContactFrequency>,
    #[serde(default)]
    pub shared_activities: Option<String>,
    #[serde(default)]
    pub satisfying: Option<String>,
    #[serde(default)]
    pub unsatisfying: Option<String>,
    /// What the client expects of this person.
    #[serde(default)]
    pub client_expectations: Option<String>,
    #[serde(default)]
    pub client_expectations_met: Option<Met>,
    /// What this person expects of the client.
    #[serde(default)]
    pub other_expectations: Option<String>,
    #[serde(default)]
    pub other_expectations_met: Option<Met>,
    #[serde(default)]
    pub conflict: bool,
    #[serde(default)]
    pub conflict_description: Option<String>,
    /// Support the client gets from this person.
    #[serde(default)]
    pub support_received: Vec<SupportType>,
    /// Support the client gives this person.
    #[serde(default)]
    pub support_given: Vec<SupportType>,
    #[serde(default)]
    pub can_discuss: Option<String>,
    #[serde(default)]
    pub cannot_discuss: Option<String>,
    #[serde(default)]
    pub wanted_changes: Option<String>,
    #[serde(default)]
    pub change_since_onset: Option<String>,
    /// Whether the relationship is linked to the onset of the depression.
    #[serde(default)]
    pub linked_to_onset: bool,
    /// Whether the person knows about the depression (none for a person who has died).
    #[serde(default)]
    pub knows_about_depression: Option<Knows>,
    /// How the two usually communicate (directly, by silence, through others...).
    #[serde(default)]
    pub communication: Option<String>,
    /// How the client feels when they are together.
    #[serde(default)]
    pub feelings_together: Option<String>,
    /// A social-support mobilisation target: could give support now.
    #[serde(default)]
    pub could_support_now: bool,
    /// The record holds what others said about this person (confidentiality).
    #[serde(default)]
    pub third_party_information: bool,
    #[serde(default)]
    pub notes: Option<String>,
}

/// A person as typed in a form or sent to the API: codes as text, so a bad
/// code is a validation error naming its field.
#[derive(Clone, Debug, Default)]
pub struct RawPerson {
    pub display_name: Option<String>,
    pub relationship: Option<String>,
    pub relationship_detail: Option<String>,
    pub lives_with_client: bool,
    pub deceased: bool,
    pub date_of_death: Option<String>,
    pub ring: Option<String>,
    pub contact_frequency: Option<String>,
    pub shared_activities: Option<String>,
    pub satisfying: Option<String>,
    pub unsatisfying: Option<String>,
    pub client_expectations: Option<String>,
    pub client_expectations_met: Option<String>,
    pub other_expectations: Option<String>,
    pub other_expectations_met: Option<String>,
    pub conflict: bool,
    pub conflict_description: Option<String>,
    pub support_received: Vec<String>,
    pub support_given: Vec<String>,
    pub can_discuss: Option<String>,
    pub cannot_discuss: Option<String>,
    pub wanted_changes: Option<String>,
    pub change_since_onset: Option<String>,
    pub linked_to_onset: bool,
    pub knows_about_depression: Option<String>,
    pub communication: Option<String>,
    pub feelings_together: Option<String>,
    pub could_support_now: bool,
    pub third_party_information: bool,
    pub notes: Option<String>,
}

fn blank(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}

fn code<T>(
    e: &mut ValidationErrors,
    field: &str,
    label: &str,
    value: Option<&str>,
    parse: fn(&str) -> Option<T>,
    codes: String,
) -> Option<T> {
    let v = blank(value)?;
    let parsed = parse(v);
    if parsed.is_none() {
        e.add(field, format!("{label} must be one of {codes}"));
    }
    parsed
}

fn support_list(e: &mut ValidationErrors, field: &str, label: &str, values: &[String]) -> Vec<SupportType> {
    let mut out = Vec::new();
    for v in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        match SupportType::parse(v) {
            Some(s) if !out.contains(&s) => out.push(s),
            Some(_) => {}
            None => {
                e.add(field, format!("{label}: {v:?} is not a kind of support (use {})", SupportType::codes()));
                return Vec::new();
            }
        }
    }
    out.sort();
    out
}

/// Checks and normalises a person. `today` (when known) refuses a date of
/// death in the future.
pub fn validate_person(raw: &RawPerson, today: Option<Date>) -> Result<Person, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let display_name = optional_text(&mut e, "display_name", msg("field-name"), raw.display_name.as_deref(), NAME_MAX);
    if display_name.is_none() && e.for_field("display_name").is_none() {
        e.add_key("display_name", crate::msg("inventory-error-name"), vec![]);
    }
    let relationship = code(
        &mut e,
        "relationship",
        "Relationship",
        raw.relationship.as_deref(),
        Relationship::parse,
        Relationship::codes(),
    );
    if relationship.is_none() && e.for_field("relationship").is_none() {
        e.add_key("relationship", crate::msg("inventory-error-relationship"), vec![]);
    }
    let relationship_detail = optional_text(
        &mut e,
        "relationship_detail",
        msg("field-relationship-detail"),
        raw.relationship_detail.as_deref(),
        NAME_MAX,
    );
    if relationship == Some(Relationship::Other)
        && relationship_detail.is_none()
        && e.for_field("relationship_detail").is_none()
    {
        e.add_key("relationship_detail", crate::msg("inventory-error-relationship-detail"), vec![]);
    }
    let ring = blank(raw.ring.as_deref()).and_then(Ring::parse);
    if ring.is_none() {
        e.add_key("ring", crate::msg("inventory-error-ring"), vec![]);
    }
    let date_of_death = match blank(raw.date_of_death.as_deref()) {
        None => None,
        Some(d) => match parse_date(d) {
            None => {
                e.add_key("date_of_death", crate::msg("inventory-error-date-of-death-form"), vec![]);
                None
            }
            Some(_) if !raw.deceased => {
                e.add_key("date_of_death", crate::msg("inventory-error-date-of-death-not-deceased"), vec![]);
                None
            }
            Some(date) if today.is_some_and(|t| date > t) => {
                e.add_key("date_of_death", crate::msg("inventory-error-date-of-death-future"), vec![]);
                None
            }
            Some(date) => {
                let today = today.unwrap_or_else(|| crate::Timestamp::now().date());
                crate::validation::check_plausible(&mut e, "date_of_death", msg("field-date-of-death"), date, today)
                    .map(|_| d.to_string())
            }
        },
    };
    let contact_frequency = code(
        &mut e,
        "contact_frequency",
        "Contact frequency",
        raw.contact_frequency.as_deref(),
        ContactFrequency::parse,
        ContactFrequency::codes(),
    );
    let mut text = |field: &str, label: &'static str, v: &Option<String>| {
        optional_text(&mut e, field, label, v.as_deref(), TEXT_MAX)
    };
    let shared_activities = text("shared_activities", msg("field-shared-activities"), &raw.shared_activities);
    let satisfying = text("satisfying", msg("field-satisfying-aspects"), &raw.satisfying);
    let unsatisfying = text("unsatisfying", msg("field-unsatisfying-aspects"), &raw.unsatisfying);
    let client_expectations =
        text("client_expectations", msg("field-the-clients-expectations"), &raw.client_expectations);
    let other_expectations = text("other_expectations", msg("field-their-expectations"), &raw.other_expectations);
    let conflict_description =
        text("conflict_description", msg("field-conflict-description"), &raw.conflict_description);
    let can_discuss = text("can_discuss", msg("field-what-can-be-talked-about"), &raw.can_discuss);
    let cannot_discuss = text("cannot_discuss", msg("field-what-cannot-be-talked-about"), &raw.cannot_discuss);
    let wanted_changes = text("wanted_changes", msg("field-wanted-changes"), &raw.wanted_changes);
    let change_since_onset = text("change_since_onset", msg("field-change-since-onset"), &raw.change_since_onset);
    let notes = text("notes", msg("field-notes"), &raw.notes);
    let communication = text("communication", msg("field-communication"), &raw.communication);
    let feelings_together = text("feelings_together", msg("field-feelings-together"), &raw.feelings_together);
    let client_expectations_met = code(
        &mut e,
        "client_expectations_met",
        "Whether the client's expectations are met",
        raw.client_expectations_met.as_deref(),
        Met::parse,
        Met::codes(),
    );
    let other_expectations_met = code(
        &mut e,
        "other_expectations_met",
        "Whether their expectations are met",
        raw.other_expectations_met.as_deref(),
        Met::parse,
        Met::codes(),
    );
    if conflict_description.is_some() && !raw.conflict {
        e.add_key("conflict", crate::msg("inventory-error-conflict"), vec![]);
    }
    let support_received = support_list(&mut e, "support_received", "Support the client gets", &raw.support_received);
    let support_given = support_list(&mut e, "support_given", "Support the client gives", &raw.support_given);
    let knows_about_depression = code(
        &mut e,
        "knows_about_depression",
        "Whether they know about the depression",
        raw.knows_about_depression.as_deref(),
        Knows::parse,
        Knows::codes(),
    );
    if raw.deceased && knows_about_depression.is_some() {
        e.add_key("knows_about_depression", crate::msg("inventory-error-knows-deceased"), vec![]);
    }
    if raw.deceased && raw.could_support_now {
        e.add_key("could_support_now", crate::msg("inventory-error-could-support-deceased"), vec![]);
    }
    e.into_result()?;
    Ok(Person {
        display_name: display_name.unwrap_or_default(),
        relationship: relationship.unwrap_or(Relationship::Other),
        relationship_detail,
        lives_with_client: raw.lives_with_client && !raw.deceased,
        deceased: raw.deceased,
        date_of_death,
        ring: ring.unwrap_or(Ring::CLOSEST),
        contact_frequency,
        shared_activities,
        satisfying,
        unsatisfying,
        client_expectations,
        client_expectations_met,
        other_expectations,
        other_expectations_met,
        conflict: raw.conflict,
        conflict_description,
        support_received,
        support_given,
        can_discuss,
        cannot_discuss,
        wanted_changes,
        change_since_onset,
        linked_to_onset: raw.linked_to_onset,
        knows_about_depression,
        communication,
        feelings_together,
        could_support_now: raw.could_support_now,
        third_party_information: raw.third_party_information,
        notes,
    })
}

impl Person {
    /// The same person as raw input (for re-validation and for filling forms).
    pub fn to_raw(&self) -> RawPerson {
        let s = |v: &Option<String>| v.clone();
        RawPerson {
            display_name: Some(self.display_name.clone()),
            relationship: Some(self.relationship.as_str().into()),
            relationship_detail: s(&self.relationship_detail),
            lives_with_client: self.lives_with_client,
            deceased: self.deceased,
            date_of_death: s(&self.date_of_death),
            ring: Some(self.ring.code()),
            contact_frequency: self.contact_frequency.map(|c| c.as_str().into()),
            shared_activities: s(&self.shared_activities),
            satisfying: s(&self.satisfying),
            unsatisfying: s(&self.unsatisfying),
            client_expectations: s(&self.client_expectations),
            client_expectations_met: self.client_expectations_met.map(|m| m.as_str().into()),
            other_expectations: s(&self.other_expectations),
            other_expectations_met: self.other_expectations_met.map(|m| m.as_str().into()),
            conflict: self.conflict,
            conflict_description: s(&self.conflict_description),
            support_received: self.support_received.iter().map(|t| t.as_str().into()).collect(),
            support_given: self.support_given.iter().map(|t| t.as_str().into()).collect(),
            can_discuss: s(&self.can_discuss),
            cannot_discuss: s(&self.cannot_discuss),
            wanted_changes: s(&self.wanted_changes),
            change_since_onset: s(&self.change_since_onset),
            linked_to_onset: self.linked_to_onset,
            knows_about_depression: self.knows_about_depression.map(|k| k.as_str().into()),
            communication: s(&self.communication),
            feelings_together: s(&self.feelings_together),
            could_support_now: self.could_support_now,
            third_party_information: self.third_party_information,
            notes: s(&self.notes),
        }
    }

    /// "Partner", or "Other: neighbour", or "Parent (stepfather)".
    pub fn relationship_text(&self) -> String {
        relationship_text(self.relationship, self.relationship_detail.as_deref())
    }
}

pub fn relationship_text(r: Relationship, detail: Option<&str>) -> String {
    match detail {
        Some(d) if r == Relationship::Other => d.to_string(),
        Some(d) => format!("{} ({d})", r.label()),
        None => r.label().to_string(),
    }
}

impl RecordBody for Person {
    const KIND: &'static str = "person";
    const SCOPE: Scope = Scope::Client;

    fn validate(self) -> Result<Self, ValidationErrors> {
        validate_person(&self.to_raw(), None)
    }
}

/// What the circle, a snapshot and the support map need of a person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CirclePerson {
    pub person_id: String,
    pub display_name: String,
    pub relationship: Relationship,
    #[serde(default)]
    pub relationship_detail: Option<String>,
    pub ring: Ring,
    #[serde(default)]
    pub deceased: bool,
    #[serde(default)]
    pub conflict: bool,
    #[serde(default)]
    pub support_received: Vec<SupportType>,
    #[serde(default)]
    pub support_given: Vec<SupportType>,
    #[serde(default)]
    pub could_support_now: bool,
}

impl CirclePerson {
    pub fn of(person_id: impl Into<String>, p: &Person) -> Self {
        CirclePerson {
            person_id: person_id.into(),
            display_name: p.display_name.clone(),
            relationship: p.relationship,
            relationship_detail: p.relationship_detail.clone(),
            ring: p.ring,
            deceased: p.deceased,
            conflict: p.conflict,
            support_received: p.support_received.clone(),
            support_given: p.support_given.clone(),
            could_support_now: p.could_support_now,
        }
    }

    pub fn relationship_text(&self) -> String {
        relationship_text(self.relationship, self.relationship_detail.as_deref())
    }

    /// Gives the client support (and is alive).
    pub fn supports_client(&self) -> bool {
        !self.deceased && !self.support_received.is_empty()
    }

    /// Marks in words, e.g. "deceased, conflict, gives support".
    pub fn marks(&self) -> Vec<&'static str> {
        let mut m = Vec::new();
        if self.deceased {
            m.push("deceased");
        }
        if self.conflict {
            m.push("conflict");
        }
        if self.supports_client() {
            m.push("gives support");
        }
        if self.could_support_now {
            m.push("could give support now");
        }
        m
    }
}

/// People in circle order: by ring, then name (case-insensitive), then id.
pub fn circle_order(people: &mut [CirclePerson]) {
    people.sort_by(|a, b| {
        (a.ring, a.display_name.to_lowercase(), &a.person_id).cmp(&(
            b.ring,
            b.display_name.to_lowercase(),
            &b.person_id,
        ))
    });
}

// ---------------------------------------------------------------- support map

/// Who supports the client, whom the client supports, and the gaps.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SupportMap {
    /// Each kind of support with the living people who give it to the client.
    pub received: Vec<(SupportType, Vec<String>)>,
    /// People the client supports, with the kinds.
    pub given: Vec<(String, Vec<SupportType>)>,
    /// Kinds of support no living person gives the client.
    pub gaps: Vec<SupportType>,
    /// Kinds of support that only people who have died gave (lost support).
    pub lost: Vec<(SupportType, Vec<String>)>,
    /// Mobilisation targets: could give support now.
    pub could_support_now: Vec<String>,
}

impl SupportMap {
    pub fn is_empty(&self) -> bool {
        self.received.iter().all(|(_, p)| p.is_empty()) && self.given.is_empty() && self.could_support_now.is_empty()
    }
}

/// The support map of a set of people (ipt-model.md 4.1, "sources of support").
pub fn support_map(people: &[CirclePerson]) -> SupportMap {
    let mut sorted = people.to_vec();
    circle_order(&mut sorted);
    let names = |f: &dyn Fn(&CirclePerson) -> bool| -> Vec<String> {
        sorted.iter().filter(|p| f(p)).map(|p| p.display_name.clone()).collect()
    };
    let mut map = SupportMap::default();
    for &t in SupportType::ALL {
        let living = names(&|p| !p.deceased && p.support_received.contains(&t));
        if living.is_empty() {
            map.gaps.push(t);
            let dead = names(&|p| p.deceased && p.support_received.contains(&t));
            if !dead.is_empty() {
                map.lost.push((t, dead));
            }
        }
        map.received.push((t, living));
    }
    map.given = sorted
        .iter()
        .filter(|p| !p.deceased && !p.support_given.is_empty())
        .map(|p| (p.display_name.clone(), p.support_given.clone()))
        .collect();
    map.could_support_now = names(&|p| p.could_support_now && !p.deceased);
    map
}

// ---------------------------------------------------------------- snapshots

/// The circle frozen at a point in a course ("intake", "ending", ...).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CircleSnapshot {
    pub label: String,
    /// `YYYY-MM-DD`
    pub taken_on: String,
    #[serde(default)]
    pub note: Option<String>,
    pub people: Vec<CirclePerson>,
    /// The organisation's ring count when it was taken (snapshots from
    /// before the setting existed were taken in the three-ring circle).
    #[serde(default = "default_ring_count")]
    pub ring_count: u8,
}

fn default_ring_count() -> u8 {
    DEFAULT_RING_COUNT
}

/// Suggested snapshot labels.
pub const SNAPSHOT_LABELS: [&str; 3] = ["intake", "mid-course", "ending"];

/// Checks a snapshot's label, date and note; the people are taken from the
/// records, not typed.
pub fn validate_snapshot(
    label: Option<&str>,
    taken_on: Option<&str>,
    note: Option<&str>,
    people: Vec<CirclePerson>,
    ring_count: u8,
    today: Date,
) -> Result<CircleSnapshot, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let label = optional_text(&mut e, "label", msg("field-label"), label, LABEL_MAX);
    if label.is_none() && e.for_field("label").is_none() {
        e.add_key("label", crate::msg("inventory-error-snapshot-label"), vec![]);
    }
    if label.as_deref().is_some_and(|l| l.contains('\n')) {
        e.add_key("label", crate::msg("inventory-error-snapshot-label-line"), vec![]);
    }
    let taken_on = match blank(taken_on) {
        None => crate::time::format_date(today),
        Some(d) => match parse_date(d) {
            Some(date) if date <= today => {
                crate::validation::check_plausible(&mut e, "taken_on", msg("field-the-date"), date, today)
                    .map(|_| d.to_string())
                    .unwrap_or_default()
            }
            Some(_) => {
                e.add_key("taken_on", crate::msg("inventory-error-snapshot-future"), vec![]);
                String::new()
            }
            None => {
                e.add_key("taken_on", crate::msg("inventory-error-snapshot-date-form"), vec![]);
                String::new()
            }
        },
    };
    let note = optional_text(&mut e, "note", msg("field-note"), note, TEXT_MAX);
    e.into_result()?;
    let mut people = people;
    circle_order(&mut people);
    let ring_count = ring_count.clamp(MIN_RING_COUNT, MAX_RING_COUNT);
    Ok(CircleSnapshot { label: label.unwrap_or_default(), taken_on, note, people, ring_count })
}

impl RecordBody for CircleSnapshot {
    const KIND: &'static str = "circle_snapshot";
    const SCOPE: Scope = Scope::Course;

    fn validate(self) -> Result<Self, ValidationErrors> {
        let today = parse_date(&self.taken_on).unwrap_or(Date::MAX);
        validate_snapshot(
            Some(&self.label),
            Some(&self.taken_on),
            self.note.as_deref(),
            self.people,
            self.ring_count,
            today,
        )
    }
}

/// A person who changed ring between two snapshots.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moved {
    pub person_id: String,
    pub display_name: String,
    pub from: Ring,
    pub to: Ring,
}

impl Moved {
    /// "closer" or "further away".
    pub fn direction(&self) -> &'static str {
        if self.to < self.from {
            "closer"
        } else {
            "further away"
        }
    }
}

/// What changed from snapshot `a` to snapshot `b`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    pub moved: Vec<Moved>,
    /// In `b` only.
    pub added: Vec<CirclePerson>,
    /// In `a` only.
    pub removed: Vec<CirclePerson>,
    /// Present in both: support or conflict changed, in words, by person id.
    pub changed: Vec<(String, Vec<String>)>,
    /// Present in both, same ring.
    pub unchanged_ring: usize,
}

impl Comparison {
    /// Nothing changed.
    pub fn is_empty(&self) -> bool {
        self.moved.is_empty() && self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }

    /// One line per person with everything that changed for them, in words:
    /// people in both (circle order of the later snapshot), then added, then removed.
    pub fn lines(&self, later: &[CirclePerson], ring_count: u8) -> Vec<(String, Vec<String>)> {
        let mut order = later.to_vec();
        circle_order(&mut order);
        let ring = |r: Ring| english_ring_name(r, ring_count);
        let mut out = Vec::new();
        for p in &order {
            let mut what = Vec::new();
            if let Some(m) = self.moved.iter().find(|m| m.person_id == p.person_id) {
                what.push(format!("moved {}: {} → {}", m.direction(), ring(m.from), ring(m.to)));
            }
            if let Some((_, w)) = self.changed.iter().find(|(id, _)| *id == p.person_id) {
                what.extend(w.iter().cloned());
            }
            if self.added.iter().any(|a| a.person_id == p.person_id) {
                what.push(format!("added, in the {}", ring(p.ring)));
            }
            if !what.is_empty() {
                out.push((p.display_name.clone(), what));
            }
        }
        for p in &self.removed {
            out.push((p.display_name.clone(), vec![format!("no longer in the circle (was in the {})", ring(p.ring))]));
        }
        out
    }
}

fn support_words(v: &[SupportType]) -> String {
    if v.is_empty() {
        "none".into()
    } else {
        v.iter().map(|t| t.label().to_lowercase()).collect::<Vec<_>>().join(", ")
    }
}

/// Compares two snapshots person by person (matched by person id).
pub fn compare(a: &[CirclePerson], b: &[CirclePerson]) -> Comparison {
    let mut c = Comparison::default();
    let mut b_sorted = b.to_vec();
    circle_order(&mut b_sorted);
    let mut a_sorted = a.to_vec();
    circle_order(&mut a_sorted);
    for new in &b_sorted {
        let Some(old) = a_sorted.iter().find(|p| p.person_id == new.person_id) else {
            c.added.push(new.clone());
            continue;
        };
        if old.ring != new.ring {
            c.moved.push(Moved {
                person_id: new.person_id.clone(),
                display_name: new.display_name.clone(),
                from: old.ring,
                to: new.ring,
            });
        } else {
            c.unchanged_ring += 1;
        }
        let mut what = Vec::new();
        if old.conflict != new.conflict {
            what.push(if new.conflict { "conflict now present".into() } else { "conflict no longer present".into() });
        }
        if old.support_received != new.support_received {
            what.push(format!(
                "support to the client: {} → {}",
                support_words(&old.support_received),
                support_words(&new.support_received)
            ));
        }
        if old.support_given != new.support_given {
            what.push(format!(
                "support from the client: {} → {}",
                support_words(&old.support_given),
                support_words(&new.support_given)
            ));
        }
        if old.deceased != new.deceased && new.deceased {
            what.push("has died".into());
        }
        if old.could_support_now != new.could_support_now {
            what.push(if new.could_support_now {
                "now marked as could give support".into()
            } else {
                "no longer marked as could give support".into()
            });
        }
        if !what.is_empty() {
            c.changed.push((new.person_id.clone(), what));
        }
    }
    c.removed = a_sorted.into_iter().filter(|p| !b.iter().any(|n| n.person_id == p.person_id)).collect();
    c
}

/// A friend on the circle with nothing else recorded (tests).
#[cfg(test)]
pub(crate) fn friend(id: &str, name: &str, ring: Ring) -> CirclePerson {
    CirclePerson {
        person_id: id.into(),
        display_name: name.into(),
        relationship: Relationship::Friend,
        relationship_detail: None,
        ring,
        deceased: false,
        conflict: false,
        support_received: vec![],
        support_given: vec![],
        could_support_now: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ring(n: u8) -> Ring {
        Ring::new(n).unwrap()
    }

    #[test]
    fn rings_are_numbers_and_the_three_ring_names_still_read() {
        assert_eq!(Ring::parse("inner"), Some(ring(1)));
        assert_eq!(Ring::parse("middle"), Some(ring(2)));
        assert_eq!(Ring::parse(" outer "), Some(ring(3)));
        assert_eq!(Ring::parse("6"), Some(ring(6)));
        for bad in ["0", "7", "-1", "", "closest", "2.5", "256"] {
            assert_eq!(Ring::parse(bad), None, "{bad:?}");
        }
        // Stored bodies: the number, and the names records were written with before.
        let old: CirclePerson =
            serde_json::from_str(r#"{"person_id":"p","display_name":"Sam","relationship":"partner","ring":"middle"}"#)
                .unwrap();
        assert_eq!(old.ring, ring(2));
        let json = serde_json::to_value(&old).unwrap();
        assert_eq!(json["ring"], serde_json::json!(2));
        let back: CirclePerson = serde_json::from_value(json).unwrap();
        assert_eq!(back, old);
        for bad in [r#""far""#, "0", "9", "null"] {
            let body = format!(r#"{{"person_id":"p","display_name":"S","relationship":"partner","ring":{bad}}}"#);
            assert!(serde_json::from_str::<CirclePerson>(&body).is_err(), "{bad}");
        }
        // A snapshot taken before the setting existed was taken in three rings.
        let snap: CircleSnapshot =
            serde_json::from_str(r#"{"label":"intake","taken_on":"2026-01-05","people":[]}"#).unwrap();
        assert_eq!(snap.ring_count, 3);
    }

    #[test]
    fn ring_words_name_the_three_ring_circle_and_number_the_others() {
        assert_eq!([1, 2, 3].map(|n| ring(n).word(3)), ["inner", "middle", "outer"]);
        assert_eq!([1, 2, 4].map(|n| ring(n).word(4)), ["numbered"; 3]);
        assert_eq!([1, 3, 5].map(|n| ring(n).position(5)), ["first", "between", "last"]);
        assert_eq!(english_ring_name(ring(3), 3), "outer ring");
        assert_eq!(english_ring_name(ring(3), 5), "ring 3");
        assert_eq!(Ring::all(4).map(Ring::number).collect::<Vec<_>>(), [1, 2, 3, 4]);
        assert_eq!((ring(5).within(3), ring(2).within(3), ring(6).within(6)), (ring(3), ring(2), ring(6)));
    }

    proptest! {
        /// A ring fits a circle exactly when its number is at most the count;
        /// the refusal names the ring field.
        #[test]
        fn a_ring_beyond_the_count_is_refused(n in 1u8..=6, count in 3u8..=6) {
            let r = check_ring_in_circle(ring(n), count);
            prop_assert_eq!(r.is_ok(), n <= count);
            if let Err(e) = r {
                prop_assert_eq!(e.0[0].field.as_str(), "ring");
            }
        }
    }

    fn raw(name: &str, rel: &str, ring: &str) -> RawPerson {
        RawPerson {
            display_name: Some(name.into()),
            relationship: Some(rel.into()),
            ring: Some(ring.into()),
            ..Default::default()
        }
    }

    fn field_of(r: Result<Person, ValidationErrors>) -> Vec<String> {
        r.unwrap_err().0.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_minimal_person_is_valid_and_trimmed() {
        let p = validate_person(&raw("  Sam ", "partner", "inner"), None).unwrap();
        assert_eq!(p.display_name, "Sam");
        assert_eq!(p.relationship, Relationship::Partner);
        assert_eq!(p.ring, Ring::CLOSEST);
        assert!(p.support_received.is_empty());
    }

    #[test]
    fn the_manuals_relationship_fields_are_kept_and_checked() {
        let mut r = raw("Sam", "partner", "inner");
        r.knows_about_depression = Some("partly".into());
        r.communication = Some("  Says nothing, then shouts ".into());
        r.feelings_together = Some("Tense".into());
        r.linked_to_onset = true;
        let p = validate_person(&r, None).unwrap();
        assert_eq!(p.knows_about_depression, Some(Knows::Partly));
        assert_eq!(p.communication.as_deref(), Some("Says nothing, then shouts"));
        assert!(p.linked_to_onset);
        assert_eq!(validate_person(&p.to_raw(), None).unwrap(), p, "round trip through the form");
        r.knows_about_depression = Some("maybe".into());
        assert_eq!(field_of(validate_person(&r, None)), ["knows_about_depression"]);
        // A person who has died cannot know about the depression now.
        let mut d = raw("Rosa", "parent", "inner");
        d.deceased = true;
        d.knows_about_depression = Some("yes".into());
        assert_eq!(field_of(validate_person(&d, None)), ["knows_about_depression"]);
        d.knows_about_depression = None;
        d.linked_to_onset = true;
        assert!(validate_person(&d, None).unwrap().linked_to_onset, "a death can be linked to the onset");
        // Stored before these fields existed: read as unknown.
        let old: Person =
            serde_json::from_str(r#"{"display_name":"Tom","relationship":"sibling","ring":"outer"}"#).unwrap();
        assert_eq!((old.knows_about_depression, old.linked_to_onset), (None, false));
    }

    #[test]
    fn missing_and_bad_codes_name_their_fields() {
        assert_eq!(field_of(validate_person(&RawPerson::default(), None)), ["display_name", "relationship", "ring"]);
        assert_eq!(field_of(validate_person(&raw("Sam", "cousin", "inner"), None)), ["relationship"]);
        assert_eq!(field_of(validate_person(&raw("Sam", "partner", "centre"), None)), ["ring"]);
        let mut r = raw("Sam", "partner", "inner");
        r.contact_frequency = Some("hourly".into());
        assert_eq!(field_of(validate_person(&r, None)), ["contact_frequency"]);
        let mut r = raw("Sam", "partner", "inner");
        r.client_expectations_met = Some("maybe".into());
        assert_eq!(field_of(validate_person(&r, None)), ["client_expectations_met"]);
        let mut r = raw("Sam", "partner", "inner");
        r.support_received = vec!["money".into()];
        assert_eq!(field_of(validate_person(&r, None)), ["support_received"]);
        let mut r = raw(&"x".repeat(81), "partner", "inner");
        r.notes = Some("n".repeat(2001));
        assert_eq!(field_of(validate_person(&r, None)), ["display_name", "notes"]);
    }

    #[test]
    fn other_relationship_needs_words() {
        assert_eq!(field_of(validate_person(&raw("Jo", "other", "outer"), None)), ["relationship_detail"]);
        let mut r = raw("Jo", "other", "outer");
        r.relationship_detail = Some("neighbour".into());
        let p = validate_person(&r, None).unwrap();
        assert_eq!(p.relationship_text(), "neighbour");
        let mut r = raw("Jo", "parent", "outer");
        r.relationship_detail = Some("stepfather".into());
        assert_eq!(validate_person(&r, None).unwrap().relationship_text(), "Parent (stepfather)");
    }

    #[test]
    fn death_rules() {
        let today = time::macros::date!(2026 - 11 - 26);
        let mut r = raw("Mum", "parent", "inner");
        r.date_of_death = Some("2025-03-01".into());
        assert_eq!(field_of(validate_person(&r, Some(today))), ["date_of_death"], "date without deceased");
        r.deceased = true;
        r.lives_with_client = true;
        let p = validate_person(&r, Some(today)).unwrap();
        assert!(p.deceased && !p.lives_with_client);
        r.date_of_death = Some("2027-01-01".into());
        assert_eq!(field_of(validate_person(&r, Some(today))), ["date_of_death"]);
        r.date_of_death = Some("1 March".into());
        assert_eq!(field_of(validate_person(&r, Some(today))), ["date_of_death"]);
        r.date_of_death = None;
        r.could_support_now = true;
        assert_eq!(field_of(validate_person(&r, Some(today))), ["could_support_now"]);
    }

    #[test]
    fn conflict_description_needs_the_flag_and_support_is_deduplicated() {
        let mut r = raw("Sam", "partner", "inner");
        r.conflict_description = Some("Argues about chores".into());
        assert_eq!(field_of(validate_person(&r, None)), ["conflict"]);
        r.conflict = true;
        r.support_received = vec!["practical".into(), "emotional".into(), "practical".into(), " ".into()];
        let p = validate_person(&r, None).unwrap();
        assert_eq!(p.support_received, [SupportType::Emotional, SupportType::Practical]);
    }

    #[test]
    fn stored_people_round_trip_through_validation() {
        let mut r = raw("Sam", "partner", "inner");
        r.conflict = true;
        r.client_expectations_met = Some("partly".into());
        r.support_given = vec!["company".into()];
        let p = validate_person(&r, None).unwrap();
        assert_eq!(p.clone().validate().unwrap(), p);
        let json = serde_json::to_string(&p).unwrap();
        assert!(json.contains("\"client_expectations_met\":\"partly\""), "{json}");
        let back: Person = serde_json::from_str(&json).unwrap();
        assert_eq!(back, p);
    }

    use super::friend as cp;

    #[test]
    fn support_map_finds_givers_gaps_and_lost_support() {
        let mut friend = cp("1", "Bea", ring(2));
        friend.support_received = vec![SupportType::Emotional, SupportType::Company];
        let mut partner = cp("2", "Al", Ring::CLOSEST);
        partner.support_received = vec![SupportType::Practical];
        partner.support_given = vec![SupportType::Emotional];
        let mut mum = cp("3", "Mum", Ring::CLOSEST);
        mum.deceased = true;
        mum.support_received = vec![SupportType::Information, SupportType::Emotional];
        let mut colleague = cp("4", "Cy", ring(3));
        colleague.could_support_now = true;
        let map = support_map(&[friend, partner, mum, colleague]);
        assert_eq!(map.received[0], (SupportType::Emotional, vec!["Bea".to_string()]), "deceased not counted");
        assert_eq!(map.received[1], (SupportType::Practical, vec!["Al".to_string()]));
        assert_eq!(map.gaps, [SupportType::Information]);
        assert_eq!(map.lost, [(SupportType::Information, vec!["Mum".to_string()])]);
        assert_eq!(map.given, [("Al".to_string(), vec![SupportType::Emotional])]);
        assert_eq!(map.could_support_now, ["Cy"]);
        assert_eq!(support_map(&[]).gaps.len(), 4);
        assert!(support_map(&[]).is_empty());
    }

    #[test]
    fn snapshots_validate_and_compare() {
        let today = time::macros::date!(2026 - 11 - 26);
        let e = validate_snapshot(None, Some("2026-13-01"), None, vec![], 3, today).unwrap_err();
        let fields: Vec<_> = e.0.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["label", "taken_on"]);
        assert_eq!(
            validate_snapshot(Some("ending"), Some("2027-01-01"), None, vec![], 3, today).unwrap_err().0[0].field,
            "taken_on"
        );
        let s = validate_snapshot(Some(" intake "), None, None, vec![cp("b", "Zed", ring(3))], 3, today).unwrap();
        assert_eq!((s.label.as_str(), s.taken_on.as_str()), ("intake", "2026-11-26"));

        let a = vec![cp("1", "Al", ring(3)), cp("2", "Bea", Ring::CLOSEST), cp("3", "Cy", ring(2))];
        let mut al = cp("1", "Al", ring(2));
        al.conflict = true;
        let mut cy = cp("3", "Cy", ring(2));
        cy.support_received = vec![SupportType::Company];
        let b = vec![al, cy, cp("4", "Di", Ring::CLOSEST)];
        let c = compare(&a, &b);
        assert_eq!(c.moved, [Moved { person_id: "1".into(), display_name: "Al".into(), from: ring(3), to: ring(2) }]);
        assert_eq!(c.moved[0].direction(), "closer");
        assert_eq!(c.added.iter().map(|p| p.display_name.as_str()).collect::<Vec<_>>(), ["Di"]);
        assert_eq!(c.removed.iter().map(|p| p.display_name.as_str()).collect::<Vec<_>>(), ["Bea"]);
        assert_eq!(c.unchanged_ring, 1);
        assert_eq!(c.changed.len(), 2);
        assert_eq!(c.changed[0], ("1".to_string(), vec!["conflict now present".to_string()]));
        assert_eq!(c.changed[1].1, ["support to the client: none → company"]);
        let lines = c.lines(&b, 3);
        let text: Vec<String> = lines.iter().map(|(n, w)| format!("{n}: {}", w.join("; "))).collect();
        assert_eq!(
            text,
            [
                "Di: added, in the inner ring",
                "Al: moved closer: outer ring → middle ring; conflict now present",
                "Cy: support to the client: none → company",
                "Bea: no longer in the circle (was in the inner ring)",
            ]
        );
        assert!(!c.is_empty());
        assert!(compare(&a, &a).is_empty());
    }

    #[test]
    fn codes_read_as_a_list() {
        assert_eq!(SupportType::codes(), "emotional, practical, information or company");
    }
}
