//! The pseudonymised research export (docs/letters-and-research.md): a ZIP
//! of CSV files (people, courses, sessions, measure scores, risk flags,
//! groups and their members, treatment goals, safety plans, a
//! summary with small counts hidden, a data dictionary and a README naming
//! the purpose and approval), for an administrator or programme manager.
//!
//! - Ids are keyed hashes (HMAC-SHA256 with the site's research key, which is
//!   never exported): the same person has the same pseudonym in every export
//!   of this site, and nobody without the key can link it to the record.
//! - Each person's dates are shifted by their own offset (-182 to +182 days,
//!   also from the key), so intervals between a person's events are kept;
//!   sessions and scores also carry days since the course started.
//! - No names, contact details, dates of birth (an age band instead) or free
//!   text (notes, reasons, details) are selected.
//! - The rows are read a page at a time and written as they come, so an
//!   export of any size holds one page in memory.

pub mod zip;

use crate::caller::Identity;
use crate::{AppResult, AppState, Error};
use hmac::{Hmac, Mac};
use rapport_core::access::Role;
use rapport_core::audit::{action, AuditEvent};
use rapport_core::msg;
use rapport_core::ValidationErrors;
use rapport_store::research::ResearchTable;
use rapport_store::Store;
use sha2::Sha256;
use time::Date;
use tokio::sync::mpsc::Sender;

/// Rows read per query.
const PAGE: i64 = 1000;
/// Bytes gathered before they are handed on.
const CHUNK: usize = 64 * 1024;
const PURPOSE_MAX: usize = 1000;
const APPROVAL_MAX: usize = 200;

/// What the person exporting records about the export.
#[derive(Clone, Debug, Default)]
pub struct ExportRequest {
    /// The research question or use, in a sentence or two.
    pub purpose: String,
    /// The approval it rests on (ethics committee reference, data-sharing agreement).
    pub approval: String,
}

impl ExportRequest {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut e = ValidationErrors::default();
        for (field, value, max, missing) in [
            ("purpose", &self.purpose, PURPOSE_MAX, msg("research-error-purpose")),
            ("approval", &self.approval, APPROVAL_MAX, msg("research-error-approval")),
        ] {
            if value.trim().is_empty() {
                e.add_key(field, missing, vec![]);
            } else if value.chars().count() > max {
                e.add_key(field, msg("research-error-too-long"), vec![]);
            }
        }
        e.into_result()
    }
}

/// An export that may go ahead: checked, audited, keyed.
pub struct Ticket {
    key: Vec<u8>,
    request: ExportRequest,
    min_cell: i64,
    day: Date,
    /// The audit entry of the finished export (who, from where), to complete with what it held.
    done: AuditEvent,
}

impl Ticket {
    /// "research-export-2026-12-05.zip"
    pub fn filename(&self) -> String {
        format!("research-export-{}.zip", self.day)
    }
}

/// What an export held.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub people: u64,
    pub courses: u64,
    pub sessions: u64,
    pub responses: u64,
    pub risk_flags: u64,
    pub groups: u64,
    pub group_members: u64,
    pub goals: u64,
    pub safety_plans: u64,
}

/// Only an administrator or a programme manager may export; a refusal is audited.
#[crate::boxing::boxed_future]
pub async fn may_export(state: &AppState, me: &Identity) -> AppResult<()> {
    if matches!(me.user.role, Role::Admin | Role::ProgrammeManager) {
        return Ok(());
    }
    crate::access::deny(state, me, "research_export", None).await?;
    Err(Error::forbidden(msg("research-who"), &[]))
}

/// Checks that `me` may export and the request; records the export's start
/// in the audit log.
#[crate::boxing::boxed_future]
pub async fn authorise(state: &AppState, me: &Identity, request: &ExportRequest) -> AppResult<Ticket> {
    may_export(state, me).await?;
    request.validate()?;
    let start = me.event(action::RESEARCH_EXPORT, "research_export");
    let done = me.event(action::RESEARCH_EXPORT, "research_export");
    begin(&state.store, request, state.config.report_small_numbers, start, done).await
}

/// The same for the command line (`rapport research-export`), run by the
/// server's operator and audited as the system.
#[crate::boxing::boxed_future]
pub async fn authorise_operator(store: &Store, request: &ExportRequest, min_cell: i64) -> AppResult<Ticket> {
    request.validate()?;
    let event = AuditEvent {
        actor_label: "system (rapport command line)".into(),
        action: action::RESEARCH_EXPORT.into(),
        resource_type: "research_export".into(),
        outcome: rapport_core::audit::Outcome::Success.as_str().into(),
        ..Default::default()
    };
    begin(store, request, min_cell, event.clone(), event).await
}

async fn begin(
    store: &Store,
    request: &ExportRequest,
    min_cell: i64,
    mut start: AuditEvent,
    done: AuditEvent,
) -> AppResult<Ticket> {
    // The key is sealed with the secrets key: a server without one cannot pseudonymise.
    let key = match store.research_key().await {
        Ok(k) => k,
        Err(rapport_store::StoreError::Secret(cause)) => {
            tracing::warn!(%cause, "research export refused: no usable secrets key");
            return Err(Error::Conflict(rapport_i18n::current().t("research-no-key")));
        }
        Err(e) => return Err(e.into()),
    };
    let key = hex::decode(key.trim()).map_err(|_| Error::Internal("the research key is not hexadecimal".into()))?;
    start.detail = Some(format!("started; purpose: {}; approval: {}", request.purpose.trim(), request.approval.trim()));
    store.audit(start).await?;
    let day = crate::clock::zone().local(rapport_core::Timestamp::now()).date();
    Ok(Ticket { key, request: request.clone(), min_cell, day, done })
}

/// The keyed hashes of one export.
struct Keys<'a>(&'a [u8]);

impl Keys<'_> {
    fn mac(&self, label: &str, id: &str) -> [u8; 32] {
        let mut m = <Hmac<Sha256> as Mac>::new_from_slice(self.0).expect("HMAC takes any key length");
        m.update(label.as_bytes());
        m.update(b":");
        m.update(id.as_bytes());
        m.finalize().into_bytes().into()
    }

    /// "P-3f2a…": 64 bits of the keyed hash, enough to keep a site's ids apart.
    fn pseudonym(&self, prefix: &str, id: &str) -> String {
        format!("{prefix}{}", hex::encode(&self.mac(prefix, id)[..8]))
    }

    /// The person's date shift in days, -182 to +182.
    fn shift(&self, client: &str) -> i64 {
        let m = self.mac("date-shift", client);
        i64::from(u32::from_be_bytes([m[0], m[1], m[2], m[3]]) % 365) - 182
    }
}

/// How an exported column is made from the stored row.
#[derive(Clone, Copy)]
enum Col {
    /// A keyed hash of the value with this prefix.
    Id(&'static str, usize),
    /// The person's pseudonym (the row's client id).
    Person,
    /// A date moved by the person's shift (day precision).
    Shifted(usize),
    /// Days from the second date to the first.
    DaysSince(usize, usize),
    /// Age in five-year bands at the second date.
    AgeBand(usize, usize),
    Value(usize),
    /// A date reduced to its month ("2026-03"): for a group, which is nobody's to shift.
    Month(usize),
    /// A coded field of a record's JSON body (never a free-text one).
    Body(usize, &'static str),
    /// A date field of a record's JSON body, shifted by the person's offset.
    BodyShifted(usize, &'static str),
}

struct FileSpec {
    table: ResearchTable,
    name: &'static str,
    columns: &'static [(&'static str, Col, &'static str)],
}

const FILES: [FileSpec; 9] = [
    FileSpec {
        table: ResearchTable::Clients,
        name: "people.csv",
        columns: &[
            ("person", Col::Person, "Pseudonym of the person (keyed hash; the same in every export of this site)."),
            ("age_band", Col::AgeBand(2, 3), "Age in five-year bands when first registered; empty when not recorded."),
            ("registered_on", Col::Shifted(3), "Day first registered, shifted by the person's offset."),
            ("preferred_language", Col::Value(4), "Preferred language tag, when recorded."),
            ("status", Col::Value(5), "active or archived."),
        ],
    },
    FileSpec {
        table: ResearchTable::Courses,
        name: "courses.csv",
        columns: &[
            ("course", Col::Id("C-", 0), "Pseudonym of the course of therapy."),
            ("person", Col::Person, "The person (see people.csv)."),
            ("protocol", Col::Value(2), "Protocol id (e.g. ipt-individual, ipt-a, ipt-g)."),
            ("planned_sessions", Col::Value(3), "Sessions agreed in the contract."),
            ("frequency", Col::Value(4), "weekly, fortnightly, monthly."),
            ("session_minutes", Col::Value(5), "Planned length of a session."),
            ("start_date", Col::Shifted(6), "Start, shifted by the person's offset."),
            ("planned_end_date", Col::Shifted(7), "Planned end, shifted by the person's offset."),
            ("planned_days", Col::DaysSince(7, 6), "Days from start to planned end."),
            ("status", Col::Value(8), "planned, active, completed, ended_early, dropped_out, transferred."),
            ("continues_course", Col::Id("C-", 9), "The course a maintenance course continues, if any."),
            ("group", Col::Id("G-", 10), "Pseudonym of the IPT group, for a group course."),
        ],
    },
    FileSpec {
        table: ResearchTable::Sessions,
        name: "sessions.csv",
        columns: &[
            ("session", Col::Id("S-", 0), "Pseudonym of the session."),
            ("person", Col::Person, "The person."),
            ("course", Col::Id("C-", 2), "The course (see courses.csv)."),
            ("session_date", Col::Shifted(3), "Day, shifted by the person's offset."),
            ("days_since_course_start", Col::DaysSince(3, 4), "Days after the course's start (not shifted)."),
            ("modality", Col::Value(5), "in_person, video, phone."),
            ("attendance", Col::Value(6), "planned, attended, cancelled, no_show."),
            ("duration_minutes", Col::Value(7), "Length when recorded."),
            (
                "engagement",
                Col::Value(8),
                "1 for brief IPT's engagement session (session 0, before the contract's sessions; counted in no session count), else 0.",
            ),
        ],
    },
    FileSpec {
        table: ResearchTable::Responses,
        name: "scores.csv",
        columns: &[
            ("response", Col::Id("R-", 0), "Pseudonym of the questionnaire response."),
            ("person", Col::Person, "The person."),
            ("course", Col::Id("C-", 2), "The course it counts for; empty outside a course."),
            ("completed_on", Col::Shifted(3), "Day completed, shifted by the person's offset."),
            ("days_since_course_start", Col::DaysSince(3, 4), "Days after the course's start; empty outside a course."),
            ("instrument", Col::Value(5), "Instrument id (phq9, gad7, ...)."),
            ("instrument_version", Col::Value(6), "Version of the instrument's definition."),
            ("total", Col::Value(7), "Total score; empty when too many items were missing."),
            ("band", Col::Value(8), "Severity band of the total."),
            ("mode", Col::Value(9), "in_session, on_behalf, portal, link."),
        ],
    },
    FileSpec {
        table: ResearchTable::RiskFlags,
        name: "risk_flags.csv",
        columns: &[
            ("flag", Col::Id("F-", 0), "Pseudonym of the risk flag."),
            ("person", Col::Person, "The person."),
            ("response", Col::Id("R-", 2), "The response that raised it (see scores.csv); empty when a clinician did."),
            ("raised_on", Col::Shifted(3), "Day raised, shifted by the person's offset."),
            ("source", Col::Value(4), "measure or clinician."),
            ("instrument", Col::Value(5), "Instrument of the answer that raised it."),
            ("item", Col::Value(6), "Item number of the positive answer."),
            ("status", Col::Value(7), "open, acknowledged, closed."),
            ("closed_on", Col::Shifted(8), "Day closed, shifted by the person's offset."),
        ],
    },
    FileSpec {
        table: ResearchTable::Groups,
        name: "groups.csv",
        columns: &[
            ("group", Col::Id("G-", 0), "Pseudonym of the IPT group (as in courses.csv)."),
            ("protocol", Col::Value(2), "Protocol id of the group (e.g. ipt-group-who)."),
            ("planned_sessions", Col::Value(3), "Group sessions planned."),
            (
                "start_month",
                Col::Month(4),
                "Month the group started (a group's dates are not shifted, only reduced to the month).",
            ),
            ("status", Col::Value(5), "open or closed."),
        ],
    },
    FileSpec {
        table: ResearchTable::GroupMembers,
        name: "group_members.csv",
        columns: &[
            ("group", Col::Id("G-", 2), "The group (see groups.csv)."),
            ("person", Col::Person, "The member (see people.csv)."),
            ("joined_on", Col::Shifted(3), "Day added to the group, shifted by the person's offset."),
            (
                "days_from_group_start",
                Col::DaysSince(3, 4),
                "Days from the group's start to joining (negative: before it).",
            ),
            ("status", Col::Value(5), "awaiting_pre_group, pre_group_done, active, completed, dropped_out, referred."),
            ("problem_areas", Col::Value(6), "Problem areas chosen at the pre-group session (a JSON list of ids)."),
        ],
    },
    FileSpec {
        table: ResearchTable::Goals,
        name: "goals.csv",
        columns: &[
            ("goal", Col::Id("O-", 0), "Pseudonym of the treatment goal."),
            ("person", Col::Person, "The person."),
            ("course", Col::Id("C-", 2), "The course (see courses.csv)."),
            ("set_on", Col::Shifted(3), "Day the goal was set, shifted by the person's offset."),
            ("days_since_course_start", Col::DaysSince(3, 4), "Days after the course's start the goal was set."),
            (
                "problem_area",
                Col::Body(5, "problem_area"),
                "The problem area it belongs to (grief, role_dispute, ...).",
            ),
            ("status", Col::Body(5, "status"), "active, achieved, revised, dropped."),
            ("due_session", Col::Body(5, "due_session"), "Session number it is due by, when set."),
            ("due_on", Col::BodyShifted(5, "due_date"), "Day it is due by, shifted by the person's offset."),
        ],
    },
    FileSpec {
        table: ResearchTable::SafetyPlans,
        name: "safety_plans.csv",
        columns: &[
            ("safety_plan", Col::Id("K-", 0), "Pseudonym of one version of a person's safety plan."),
            ("person", Col::Person, "The person."),
            ("version", Col::Value(2), "Version of the person's plan (1 is the first)."),
            ("written_on", Col::Shifted(3), "Day this version was written, shifted by the person's offset."),
            ("shared_with_client", Col::Value(4), "yes when the client can see it on the portal."),
        ],
    },
];

/// The day of a stored date or timestamp ("2026-01-05", "2026-01-05T12:00:00Z").
fn day_of(value: &str) -> Option<Date> {
    rapport_core::time::parse_date(value.get(..10)?)
}

fn age_band(born: Date, at: Date) -> String {
    let mut years = at.year() - born.year();
    if (at.month(), at.day()) < (born.month(), born.day()) {
        years -= 1;
    }
    match years {
        y if y < 0 => String::new(),
        y if y >= 90 => "90+".into(),
        y => format!("{}-{}", y / 5 * 5, y / 5 * 5 + 4),
    }
}

/// A CSV field: quoted when it holds a comma, quote or line break.
fn field(out: &mut Vec<u8>, value: &str) {
    if value.contains([',', '"', '\n', '\r']) {
        out.push(b'"');
        out.extend_from_slice(value.replace('"', "\"\"").as_bytes());
        out.push(b'"');
    } else {
        out.extend_from_slice(value.as_bytes());
    }
}

fn line(out: &mut Vec<u8>, values: impl IntoIterator<Item = String>) {
    for (i, v) in values.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        field(out, &v);
    }
    out.extend_from_slice(b"\r\n");
}

fn cell(keys: &Keys, row: &[Option<String>], col: Col) -> String {
    let at = |i: usize| row.get(i).cloned().flatten().filter(|v| !v.is_empty());
    let client = at(1).unwrap_or_default();
    match col {
        Col::Person => keys.pseudonym("P-", &client),
        Col::Id(prefix, i) => at(i).map(|v| keys.pseudonym(prefix, &v)).unwrap_or_default(),
        Col::Shifted(i) => at(i)
            .and_then(|v| day_of(&v))
            .map(|d| (d + time::Duration::days(keys.shift(&client))).to_string())
            .unwrap_or_default(),
        Col::DaysSince(i, from) => match (at(i).and_then(|v| day_of(&v)), at(from).and_then(|v| day_of(&v))) {
            (Some(d), Some(s)) => (d - s).whole_days().to_string(),
            _ => String::new(),
        },
        Col::AgeBand(born, on) => match (at(born).and_then(|v| day_of(&v)), at(on).and_then(|v| day_of(&v))) {
            (Some(b), Some(d)) => age_band(b, d),
            _ => String::new(),
        },
        Col::Value(i) => at(i).unwrap_or_default(),
        Col::Month(i) => at(i).and_then(|v| v.get(..7).map(str::to_string)).unwrap_or_default(),
        Col::Body(i, name) => body_field(at(i), name).unwrap_or_default(),
        Col::BodyShifted(i, name) => body_field(at(i), name)
            .and_then(|v| day_of(&v))
            .map(|d| (d + time::Duration::days(keys.shift(&client))).to_string())
            .unwrap_or_default(),
    }
}

/// A scalar field of a JSON record body as text (a string as it is, a number written out).
fn body_field(body: Option<String>, name: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(&body?).ok()?;
    match &v[name] {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

async fn flush(z: &mut zip::ZipWriter, tx: &Sender<Vec<u8>>, all: bool) -> AppResult<()> {
    if z.pending() >= CHUNK || (all && z.pending() > 0) {
        // The reader went away (a closed download): stop reading the database.
        tx.send(z.take()).await.map_err(|_| Error::Internal("the download was closed".into()))?;
    }
    Ok(())
}

fn too_large(_: zip::TooLarge) -> Error {
    Error::Internal("the export is larger than 4 GiB".into())
}

/// Writes the export to `tx` as ZIP bytes, a chunk at a time; audits what it held.
pub async fn write(store: &Store, ticket: &Ticket, tx: &Sender<Vec<u8>>) -> AppResult<Counts> {
    let keys = Keys(&ticket.key);
    let mut z = zip::ZipWriter::new(ticket.day);
    let mut counts = Counts::default();
    for spec in &FILES {
        z.start(spec.name).map_err(too_large)?;
        let mut buf = Vec::new();
        line(&mut buf, spec.columns.iter().map(|(name, _, _)| name.to_string()));
        z.write(&buf);
        let mut after = String::new();
        let mut rows = 0u64;
        loop {
            let page = store.research_page(spec.table, &after, PAGE).await?;
            let Some(last) = page.last() else { break };
            after = last.first().cloned().flatten().unwrap_or_default();
            for row in &page {
                buf.clear();
                line(&mut buf, spec.columns.iter().map(|(_, col, _)| cell(&keys, row, *col)));
                z.write(&buf);
            }
            rows += page.len() as u64;
            flush(&mut z, tx, false).await?;
            if (page.len() as i64) < PAGE {
                break;
            }
        }
        match spec.table {
            ResearchTable::Clients => counts.people = rows,
            ResearchTable::Courses => counts.courses = rows,
            ResearchTable::Sessions => counts.sessions = rows,
            ResearchTable::Responses => counts.responses = rows,
            ResearchTable::RiskFlags => counts.risk_flags = rows,
            ResearchTable::Groups => counts.groups = rows,
            ResearchTable::GroupMembers => counts.group_members = rows,
            ResearchTable::Goals => counts.goals = rows,
            ResearchTable::SafetyPlans => counts.safety_plans = rows,
        }
    }
    // Aggregates: counts under the threshold are hidden.
    z.start("summary.csv").map_err(too_large)?;
    let mut buf = Vec::new();
    line(&mut buf, ["protocol", "course_status", "courses", "people"].map(String::from));
    let small = |n: i64| {
        if ticket.min_cell > 1 && n < ticket.min_cell {
            format!("<{}", ticket.min_cell)
        } else {
            n.to_string()
        }
    };
    for (protocol, status, courses, people) in store.research_course_counts().await? {
        line(&mut buf, [protocol, status, small(courses), small(people)]);
    }
    z.write(&buf);
    z.start("dictionary.csv").map_err(too_large)?;
    buf.clear();
    line(&mut buf, ["file", "column", "meaning"].map(String::from));
    for spec in &FILES {
        for (name, _, meaning) in spec.columns {
            line(&mut buf, [spec.name.to_string(), name.to_string(), meaning.to_string()]);
        }
    }
    for (name, meaning) in [
        ("protocol", "Protocol id."),
        ("course_status", "Course status."),
        ("courses", "Number of courses; a count under the threshold reads \"<N\"."),
        ("people", "Number of different people; a count under the threshold reads \"<N\"."),
    ] {
        line(&mut buf, ["summary.csv".to_string(), name.to_string(), meaning.to_string()]);
    }
    z.write(&buf);
    z.start("README.txt").map_err(too_large)?;
    z.write(readme(ticket, &counts).as_bytes());
    z.finish().map_err(too_large)?;
    flush(&mut z, tx, true).await?;
    let mut done = ticket.done.clone();
    done.detail = Some(format!(
        "finished; purpose: {}; approval: {}; {} people, {} courses, {} sessions, {} scores, {} risk flags, \
         {} groups, {} group members, {} goals, {} safety plans",
        ticket.request.purpose.trim(),
        ticket.request.approval.trim(),
        counts.people,
        counts.courses,
        counts.sessions,
        counts.responses,
        counts.risk_flags,
        counts.groups,
        counts.group_members,
        counts.goals,
        counts.safety_plans
    ));
    store.audit(done).await?;
    Ok(counts)
}

fn readme(ticket: &Ticket, c: &Counts) -> String {
    format!(
        "Rapport research export, made {day}\r\n\
         Purpose: {purpose}\r\n\
         Approval: {approval}\r\n\
         \r\n\
         Rows: {people} people, {courses} courses, {sessions} sessions, {responses} scores, {flags} risk flags,\r\n\
         {groups} groups, {members} group members, {goals} goals, {plans} safety plan versions.\r\n\
         \r\n\
         Pseudonymised data: ids are keyed hashes that only this site can link to its records; each\r\n\
         person's dates are shifted by a secret offset of up to 182 days (intervals within a person\r\n\
         are kept, and days since the course start are given as they are); ages are in five-year\r\n\
         bands; a group's start is given as its month. Names, contact details, dates of birth and all\r\n\
         free text (the words of goals and safety plans, group names) are left out. In\r\n\
         summary.csv, counts under {min} are shown as \"<{min}\". dictionary.csv describes every column.\r\n\
         Pseudonymised data are still personal data: keep them as the approval requires.\r\n",
        day = ticket.day,
        purpose = ticket.request.purpose.trim(),
        approval = ticket.request.approval.trim(),
        people = c.people,
        courses = c.courses,
        sessions = c.sessions,
        responses = c.responses,
        flags = c.risk_flags,
        groups = c.groups,
        members = c.group_members,
        goals = c.goals,
        plans = c.safety_plans,
        min = ticket.min_cell,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn pseudonyms_and_shifts_are_stable_per_key_and_person() {
        let keys = Keys(b"0123456789abcdef0123456789abcdef");
        assert_eq!(keys.pseudonym("P-", "a"), keys.pseudonym("P-", "a"));
        assert_ne!(keys.pseudonym("P-", "a"), keys.pseudonym("P-", "b"));
        assert_ne!(keys.pseudonym("P-", "a"), Keys(b"another key").pseudonym("P-", "a"));
        assert_eq!(keys.pseudonym("P-", "a").len(), 18);
        assert!((-182..=182).contains(&keys.shift("a")));
        assert_eq!(keys.shift("a"), keys.shift("a"));
    }

    #[test]
    fn age_bands() {
        assert_eq!(age_band(date!(1990 - 06 - 15), date!(2026 - 06 - 14)), "35-39");
        assert_eq!(age_band(date!(1990 - 06 - 15), date!(2025 - 06 - 14)), "30-34");
        assert_eq!(age_band(date!(1930 - 01 - 01), date!(2026 - 01 - 01)), "90+");
    }

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        let mut out = Vec::new();
        line(&mut out, ["a".to_string(), "b,c".to_string(), "d\"e".to_string()]);
        assert_eq!(String::from_utf8(out).unwrap(), "a,\"b,c\",\"d\"\"e\"\r\n");
    }
}
