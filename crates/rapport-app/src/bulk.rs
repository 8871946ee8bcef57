//! Bulk Data `$export` (decision 43): a machine client asks for the records
//! of the whole organisation, of every patient, or of one group's members;
//! a background job pages through the store (keyset, `PAGE` rows at a time)
//! and streams NDJSON lines to one file per resource type under the export
//! directory, so an export of a million Observations holds one page in
//! memory, not a million. The face supplies the FHIR mapping
//! (`ExportFormat`); this module decides what may be exported, runs the job,
//! answers status polls and downloads for the requester only, cancels, and
//! deletes the files once they expire. Every step is audited in the
//! machine client's name.

use crate::access::course::{context_of, CourseContext};
use crate::machine::SystemCaller;
use crate::{AppResult, AppState, Error};
use rapport_core::access::AccessBasis;
use rapport_core::access::Role;
use rapport_core::audit::action;
use rapport_core::formulation::Formulation;
use rapport_core::goals::Goal;
use rapport_core::{Id, Timestamp};
use rapport_store::clients::{CareTeamMember, ClientRecord};
use rapport_store::fhir::{BulkExportRow, ExportScope, NewBulkExport};
use rapport_store::groups::GroupDetail;
use rapport_store::measures::{AssessmentRow, ResponseRow, RiskFlagRow};
use rapport_store::org::Organisation;
use rapport_store::records::Record;
use rapport_store::users::User;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

/// Rows read per store query.
pub const PAGE: i64 = 2000;

/// Exports one machine client may have running at once; another kick-off is
/// a 429 asking it to come back after [`BUSY_RETRY_AFTER_SECS`].
pub const MAX_RUNNING_EXPORTS: i64 = 2;
pub const BUSY_RETRY_AFTER_SECS: i64 = 30;

/// The types an export can hold, in the order they are written: every type
/// a machine client can be given.
pub const EXPORT_TYPES: [&str; 15] = rapport_core::smart::SYSTEM_TYPES;

/// Types about the organisation rather than its clients: a system-level export only.
const ORGANISATION_TYPES: [&str; 3] = ["Practitioner", "PractitionerRole", "Organization"];

/// A course with what its plan, goals and problem areas are made of.
pub struct CourseData {
    pub cx: CourseContext,
    pub formulation: Option<Record<Formulation>>,
    pub goals: Vec<Record<Goal>>,
}

/// The records one call of [`ExportFormat::lines`] maps.
pub enum Records<'a> {
    Client(&'a ClientRecord),
    Group(&'a GroupDetail),
    /// A stored response: its QuestionnaireResponse, or its Observations.
    Response(&'a ResponseRow),
    CareTeam(&'a ClientRecord, &'a [CareTeamMember]),
    Flags(&'a [RiskFlagRow]),
    Assessments(&'a [(AssessmentRow, RiskFlagRow)]),
    /// A client's courses (EpisodeOfCare, Encounter, Condition, CarePlan, Goal).
    Courses(&'a [CourseData]),
    Staff(&'a User),
    Organisation(&'a Organisation),
}

/// Records as NDJSON lines (one FHIR resource each, no newline), as many as
/// the records give of type `kind` and the export's filters keep (none, one,
/// or several: a response gives its total, panel and question Observations).
pub trait ExportFormat: Send + Sync + 'static {
    fn lines(&self, kind: &str, records: Records<'_>) -> Vec<String>;
}

/// What the export covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Level {
    System,
    Patient,
    Group(String),
}

impl Level {
    fn name(&self) -> &'static str {
        match self {
            Level::System => "system",
            Level::Patient => "patient",
            Level::Group(_) => "group",
        }
    }
}

/// A kick-off request as the face read it.
pub struct Request {
    pub level: Level,
    /// `_type`, split; `None`: every type the token may read.
    pub types: Option<Vec<String>>,
    pub since: Option<Timestamp>,
    /// The kick-off URL, echoed in the manifest.
    pub url: String,
}

/// One file of a finished export.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct OutputFile {
    #[serde(rename = "type")]
    pub kind: String,
    pub file: String,
    pub count: u64,
}

/// Where an export stands, as a status poll answers it.
pub enum Status {
    Running { progress: String },
    Done { row: Box<BulkExportRow>, files: Vec<OutputFile> },
    Failed { message: String },
}

fn export_dir(state: &AppState, id: &Id) -> PathBuf {
    state.config.export_dir.join(id.as_str())
}

/// Starts an export and returns at once with its row; the job runs on.
#[crate::boxing::boxed_future]
pub async fn kick_off(
    state: &AppState,
    sys: &SystemCaller,
    req: Request,
    format: Arc<dyn ExportFormat>,
) -> AppResult<BulkExportRow> {
    let group = match &req.level {
        Level::Group(id) => {
            sys.require("Group")?;
            let gid = Id::parse(id).ok_or(Error::NotFound)?;
            state.store.group(&gid).await?.ok_or(Error::NotFound)?;
            Some(gid)
        }
        _ => None,
    };
    // A Patient-level export holds the patients' data, not the groups; only
    // a system-level one holds the staff and the organisation.
    let offered: Vec<&str> = EXPORT_TYPES
        .into_iter()
        .filter(|t| !(req.level == Level::Patient && *t == "Group"))
        .filter(|t| req.level == Level::System || !ORGANISATION_TYPES.contains(t))
        .collect();
    let types: Vec<String> = match &req.types {
        Some(asked) => {
            for t in asked {
                if !offered.contains(&t.as_str()) {
                    return Err(Error::BadRequest {
                        code: "invalid",
                        message: format!("_type {t:?} cannot be exported here; supported: {}", offered.join(", ")),
                        field: Some("_type".into()),
                    });
                }
                sys.require(t)?;
            }
            offered.iter().filter(|t| asked.iter().any(|a| a == *t)).map(|t| t.to_string()).collect()
        }
        None => offered.iter().filter(|t| sys.scopes.allows(t)).map(|t| t.to_string()).collect(),
    };
    if types.is_empty() {
        return Err(Error::Forbidden("This access token's scopes cover none of the exported types.".into()));
    }
    let mut e = sys.event(action::BULK_EXPORT_START, "bulk_export");
    e.detail = Some(format!(
        "{} level{}; {}{}",
        req.level.name(),
        group.as_ref().map(|g| format!(" (group {g})")).unwrap_or_default(),
        types.join(", "),
        req.since.map(|s| format!("; since {}", s.to_db())).unwrap_or_default()
    ));
    let row = state
        .store
        .create_bulk_export(
            &NewBulkExport {
                client_id: &sys.client.id,
                level: req.level.name(),
                group_id: group.as_ref(),
                types: &types,
                since: req.since,
                request_url: &req.url,
            },
            MAX_RUNNING_EXPORTS,
            e,
        )
        .await?
        .ok_or(Error::TooManyRequests { retry_after_secs: BUSY_RETRY_AFTER_SECS })?;
    let job = Job { state: state.clone(), sys: sys.clone(), row: row.clone(), format };
    tokio::spawn(job.run());
    Ok(row)
}

/// The export, if this client asked for it (anyone else: 404).
async fn own_export(state: &AppState, sys: &SystemCaller, id: &str) -> AppResult<BulkExportRow> {
    let id = Id::parse(id).ok_or(Error::NotFound)?;
    match state.store.bulk_export(&id).await? {
        Some(row) if row.client_id == sys.client.id && row.status != "cancelled" => Ok(row),
        _ => Err(Error::NotFound),
    }
}

#[crate::boxing::boxed_future]
pub async fn status(state: &AppState, sys: &SystemCaller, id: &str) -> AppResult<Status> {
    let row = own_export(state, sys, id).await?;
    Ok(match row.status.as_str() {
        "running" => Status::Running { progress: row.progress },
        "done" => {
            let files = serde_json::from_str(&row.outputs).map_err(Error::internal)?;
            Status::Done { row: Box::new(row), files }
        }
        _ => Status::Failed { message: row.error.unwrap_or_else(|| "The export failed.".into()) },
    })
}

/// Cancels a running export, or deletes a finished one's files now.
#[crate::boxing::boxed_future]
pub async fn cancel(state: &AppState, sys: &SystemCaller, id: &str) -> AppResult<()> {
    let row = own_export(state, sys, id).await?;
    let mut e = sys.event(action::BULK_EXPORT_CANCEL, "bulk_export");
    e.detail = Some(format!("was {}", row.status));
    state.store.cancel_bulk_export(&row.id, e).await?;
    remove_files(state, &row.id);
    Ok(())
}

/// The path of one output file for its requester, audited.
#[crate::boxing::boxed_future]
pub async fn file(state: &AppState, sys: &SystemCaller, id: &str, name: &str) -> AppResult<PathBuf> {
    let row = own_export(state, sys, id).await?;
    if row.status != "done" {
        return Err(Error::NotFound);
    }
    let files: Vec<OutputFile> = serde_json::from_str(&row.outputs).map_err(Error::internal)?;
    let f = files.iter().find(|f| f.file == name).ok_or(Error::NotFound)?;
    sys.require(&f.kind)?;
    let mut e = sys.event(action::BULK_EXPORT_DOWNLOAD, "bulk_export");
    e.resource_id = Some(row.id.to_string());
    e.detail = Some(format!("{} ({} resources)", f.file, f.count));
    state.store.audit(e).await?;
    Ok(export_dir(state, &row.id).join(&f.file))
}

fn remove_files(state: &AppState, id: &Id) {
    let dir = export_dir(state, id);
    if dir.exists() {
        if let Err(e) = std::fs::remove_dir_all(&dir) {
            tracing::error!(error = %e, dir = %dir.display(), "cannot remove export files");
        }
    }
}

/// Deletes expired exports (files and row) and gives up on exports a stopped
/// server left running, every `every`.
pub fn spawn_export_cleanup(state: AppState, every: std::time::Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(e) = clean_up(&state).await {
                tracing::error!(error = ?e, "export clean-up failed");
            }
        }
    })
}

/// One clean-up run; returns how many exports it removed.
#[crate::boxing::boxed_future]
pub async fn clean_up(state: &AppState) -> AppResult<usize> {
    let now = Timestamp::now();
    let stale = state.store.stale_bulk_exports(now, now.minus(time::Duration::days(1))).await?;
    for id in &stale {
        remove_files(state, id);
        state.store.delete_bulk_export(id).await?;
    }
    Ok(stale.len())
}

struct Job {
    state: AppState,
    sys: SystemCaller,
    row: BulkExportRow,
    format: Arc<dyn ExportFormat>,
}

/// Why a job stopped early.
enum Stop {
    Cancelled,
    Failed(String),
}

impl<E: std::fmt::Display> From<E> for Stop {
    fn from(e: E) -> Self {
        Stop::Failed(e.to_string())
    }
}

/// One output file being written.
struct Sink {
    kind: &'static str,
    out: std::io::BufWriter<std::fs::File>,
    count: u64,
}

impl Sink {
    fn lines(&mut self, lines: Vec<String>) -> std::io::Result<()> {
        for line in lines {
            self.out.write_all(line.as_bytes())?;
            self.out.write_all(b"\n")?;
            self.count += 1;
        }
        Ok(())
    }
}

impl Job {
    async fn run(self) {
        let dir = export_dir(&self.state, &self.row.id);
        let result = self.write_all(&dir).await;
        let retention = time::Duration::try_from(self.state.config.export_retention).unwrap_or(time::Duration::HOUR);
        let expires = Timestamp::now().plus(retention);
        let (status, outputs, error, detail) = match result {
            Ok(files) => {
                let detail = files.iter().map(|f| format!("{} {}", f.kind, f.count)).collect::<Vec<_>>().join(", ");
                let json = serde_json::to_string(&files).unwrap_or_else(|_| "[]".into());
                ("done", json, None, if detail.is_empty() { "nothing matched".into() } else { detail })
            }
            Err(Stop::Cancelled) => {
                remove_files(&self.state, &self.row.id);
                return;
            }
            Err(Stop::Failed(cause)) => {
                tracing::error!(export = %self.row.id, %cause, "bulk export failed");
                remove_files(&self.state, &self.row.id);
                (
                    "failed",
                    "[]".into(),
                    Some("The export failed; the server log has the cause."),
                    format!("failed: {cause}"),
                )
            }
        };
        // In the requester's name and from their address: the job finishes their request.
        let mut e = self.sys.event(action::BULK_EXPORT_DONE, "bulk_export");
        e.detail = Some(detail);
        match self.state.store.finish_bulk_export(&self.row.id, status, &outputs, error, expires, e).await {
            Ok(true) => {}
            // Cancelled while the last file was being closed.
            Ok(false) => remove_files(&self.state, &self.row.id),
            Err(err) => tracing::error!(export = %self.row.id, error = %err, "cannot record the end of an export"),
        }
    }

    async fn write_all(&self, dir: &std::path::Path) -> Result<Vec<OutputFile>, Stop> {
        std::fs::create_dir_all(dir)?;
        let scope = ExportScope { group: self.row.group_id.clone(), since: self.row.since };
        let mut files = Vec::new();
        for kind in EXPORT_TYPES {
            if !self.row.types.iter().any(|t| t == kind) {
                continue;
            }
            let file = format!("{kind}.ndjson");
            let mut sink =
                Sink { kind, out: std::io::BufWriter::new(std::fs::File::create(dir.join(&file))?), count: 0 };
            match kind {
                "Patient" => self.patients(&scope, &mut sink).await?,
                "Group" => self.groups(&mut sink).await?,
                "QuestionnaireResponse" | "Observation" => self.responses(&scope, &mut sink).await?,
                "Practitioner" | "PractitionerRole" | "Organization" => self.organisation(&mut sink).await?,
                _ => self.client_records(&mut sink).await?,
            }
            sink.out.flush()?;
            if sink.count == 0 {
                drop(sink.out);
                std::fs::remove_file(dir.join(&file))?;
            } else {
                files.push(OutputFile { kind: kind.into(), file, count: sink.count });
            }
        }
        Ok(files)
    }

    /// After each page: notes the progress, and stops if the export was cancelled.
    async fn page_done(&self, sink: &Sink) -> Result<(), Stop> {
        let progress = format!("{}: {} written", sink.kind, sink.count);
        if self.state.store.set_bulk_progress(&self.row.id, &progress).await? {
            Ok(())
        } else {
            Err(Stop::Cancelled)
        }
    }

    async fn patients(&self, scope: &ExportScope, sink: &mut Sink) -> Result<(), Stop> {
        let mut after = String::new();
        loop {
            let page = self.state.store.export_clients(scope, &after, PAGE).await?;
            for c in &page {
                sink.lines(self.format.lines(sink.kind, Records::Client(c)))?;
            }
            let Some(last) = page.last() else { return Ok(()) };
            after = last.id.to_string();
            self.page_done(sink).await?;
            if (page.len() as i64) < PAGE {
                return Ok(());
            }
        }
    }

    async fn groups(&self, sink: &mut Sink) -> Result<(), Stop> {
        let ids: Vec<Id> = match &self.row.group_id {
            Some(g) => vec![g.clone()],
            // Every group: `all` ignores whose groups they are.
            None => self.state.store.groups_for(&self.sys.client.id, true).await?.into_iter().map(|g| g.id).collect(),
        };
        for id in ids {
            if let Some(g) = self.state.store.group(&id).await? {
                if self.row.since.is_none_or(|s| g.group.created_at >= s || g.members.iter().any(|m| m.added_at >= s)) {
                    sink.lines(self.format.lines(sink.kind, Records::Group(&g)))?;
                }
            }
        }
        self.page_done(sink).await
    }

    async fn responses(&self, scope: &ExportScope, sink: &mut Sink) -> Result<(), Stop> {
        let mut after = String::new();
        loop {
            let page = self.state.store.export_responses(scope, &after, PAGE).await?;
            for r in &page {
                sink.lines(self.format.lines(sink.kind, Records::Response(r)))?;
            }
            let Some(last) = page.last() else { return Ok(()) };
            after = last.id.to_string();
            self.page_done(sink).await?;
            if (page.len() as i64) < PAGE {
                return Ok(());
            }
        }
    }

    /// The staff (never a client's portal account) or the organisation.
    async fn organisation(&self, sink: &mut Sink) -> Result<(), Stop> {
        if sink.kind == "Organization" {
            let org = self.state.organisation().await?;
            sink.lines(self.format.lines(sink.kind, Records::Organisation(&org)))?;
        } else {
            for u in self.state.store.users().await?.iter().filter(|u| u.role != Role::Client) {
                sink.lines(self.format.lines(sink.kind, Records::Staff(u)))?;
            }
        }
        self.page_done(sink).await
    }

    /// A type read client by client (care teams, courses and what hangs off
    /// them, flags and assessments): pages through the clients in scope
    /// (whatever `_since`: a client unchanged since may have a new goal; the
    /// format keeps the resources changed since), holding one client's
    /// records at a time.
    async fn client_records(&self, sink: &mut Sink) -> Result<(), Stop> {
        let scope = ExportScope { group: self.row.group_id.clone(), since: None };
        let mut after = String::new();
        loop {
            let page = self.state.store.export_clients(&scope, &after, PAGE).await?;
            for c in &page {
                self.one_client(c, sink).await?;
            }
            let Some(last) = page.last() else { return Ok(()) };
            after = last.id.to_string();
            self.page_done(sink).await?;
            if (page.len() as i64) < PAGE {
                return Ok(());
            }
        }
    }

    async fn one_client(&self, c: &ClientRecord, sink: &mut Sink) -> Result<(), Stop> {
        let store = &self.state.store;
        let lines = match sink.kind {
            "CareTeam" => {
                let members = store.care_team(&c.id).await?;
                self.format.lines(sink.kind, Records::CareTeam(c, &members))
            }
            "Flag" => self.format.lines(sink.kind, Records::Flags(&store.client_risk_flags(&c.id).await?)),
            "RiskAssessment" => {
                let mut all = Vec::new();
                for flag in store.client_risk_flags(&c.id).await? {
                    for a in store.risk_assessments(&flag.id).await? {
                        all.push((a, flag.clone()));
                    }
                }
                self.format.lines(sink.kind, Records::Assessments(&all))
            }
            _ => {
                let mut courses = Vec::new();
                for summary in store.client_courses(&c.id).await? {
                    // The basis is not exported; a machine client reads across the organisation.
                    let cx = context_of(&self.state, summary.course, c.clone(), AccessBasis::CareTeam)
                        .await
                        .map_err(|e| Stop::Failed(format!("{e:?}")))?;
                    let (formulation, goals) = match sink.kind {
                        "Condition" | "CarePlan" | "Goal" => (
                            store.course_formulation(&cx.course.id).await?,
                            store.course_records::<Goal>(&cx.course.id).await?,
                        ),
                        _ => (None, Vec::new()),
                    };
                    courses.push(CourseData { cx, formulation, goals });
                }
                self.format.lines(sink.kind, Records::Courses(&courses))
            }
        };
        Ok(sink.lines(lines)?)
    }
}
