//! Loading a course for a caller: the access check (through the client), the
//! protocol, the numbered sessions, the checklist and where the course stands.
//! Shared by every course page and API handler.

use crate::access::{client_for, Purpose};
use crate::caller::Identity;
use crate::AppState;
use crate::Error;
use rapport_core::access::AccessBasis;
use rapport_core::audit::action;
use rapport_core::course::{number_sessions, Progress};
use rapport_core::msg;
use rapport_core::protocol::{ChecklistItem, Phase, Protocol};
use rapport_core::Id;
use rapport_store::clients::ClientRecord;
use rapport_store::courses::{ChecklistEntry, CourseRecord, TherapySession};

/// A session with its computed number (held sessions only) and phase.
#[derive(Clone, Debug)]
pub struct NumberedSession {
    pub session: TherapySession,
    pub number: Option<u32>,
    pub phase: Phase,
}

/// What the header of every course page shows of the scores (filled in by
/// `scores::course_headline` for pages; empty for the API).
#[derive(Clone, Debug, Default)]
pub struct CourseHeadline {
    /// The latest primary score in words ("PHQ-9 = 12 (moderate)"), its date and the response.
    pub latest: Option<(String, String, Id)>,
    /// The client's oldest risk flag not yet closed.
    pub open_flag: Option<Id>,
}

pub struct CourseContext {
    pub course: CourseRecord,
    pub client: ClientRecord,
    pub basis: AccessBasis,
    pub protocol: Protocol,
    /// In date order.
    pub sessions: Vec<NumberedSession>,
    pub checklist: Vec<ChecklistEntry>,
    pub progress: Progress,
    /// The header's latest score and open flag (pages only; see `CourseHeadline`).
    pub headline: CourseHeadline,
}

impl CourseContext {
    pub fn held(&self) -> u32 {
        self.progress.sessions_held
    }

    /// Checklist items the protocol asks for that are not yet recorded.
    pub fn outstanding(&self) -> Vec<ChecklistItem> {
        self.protocol.checklist_items().into_iter().filter(|i| !self.checklist.iter().any(|e| e.item == *i)).collect()
    }

    pub fn session(&self, id: &Id) -> Option<&NumberedSession> {
        self.sessions.iter().find(|s| &s.session.id == id)
    }

    /// The most recent held session.
    pub fn last_held(&self) -> Option<&NumberedSession> {
        self.sessions.iter().rev().find(|s| s.number.is_some())
    }

    pub fn is_open(&self) -> bool {
        self.course.status.is_open()
    }

    /// An audit event about this course (resource and client filled in).
    pub fn event(&self, me: &Identity, action: &str, detail: String) -> rapport_core::audit::AuditEvent {
        let mut e = me.event(action, "course");
        e.resource_id = Some(self.course.id.to_string());
        e.client_id = Some(self.client.id.to_string());
        e.detail = Some(detail);
        e
    }

    /// Writes go through `Purpose::Write` loads; refuse them on a closed course.
    pub fn require_open(&self) -> Result<(), Error> {
        if self.is_open() {
            Ok(())
        } else {
            {
                let status = rapport_i18n::current().t(self.course.status.message()).to_lowercase();
                Err(Error::conflict(msg("app-course-closed"), &[("status", &status)]))
            }
        }
    }
}

/// The course, if `me` may see its client; otherwise 404 (with an
/// `access.denied` entry). A `Read` is audited as `course.read`.
#[crate::boxing::boxed_future]
pub async fn course_for(state: &AppState, me: &Identity, id: &str, purpose: Purpose) -> Result<CourseContext, Error> {
    let course = match Id::parse(id) {
        Some(cid) => state.store.course(&cid).await?,
        None => None,
    };
    // Lay group facilitators see group work only, never individual courses.
    let Some(course) = course.filter(|_| me.actor().provides_individual_care()) else {
        crate::access::deny(state, me, "course", Some(id)).await?;
        return Err(Error::NotFound);
    };
    // Access follows the client; the client read itself is not logged twice.
    let (client, basis) = client_for(state, me, course.client_id.as_str(), Purpose::Write).await?;
    if purpose == Purpose::AuditRead {
        let mut e = me.event(action::COURSE_READ, "course");
        e.resource_id = Some(course.id.to_string());
        e.client_id = Some(client.id.to_string());
        e.detail = Some(format!("basis={}", basis.as_str()));
        state.store.audit(e).await?;
    }
    context_of(state, course, client, basis).await
}

/// A course's context once access is settled: its protocol, numbered
/// sessions, checklist and progress. Nothing is audited here.
#[crate::boxing::boxed_future]
pub async fn context_of(
    state: &AppState,
    course: CourseRecord,
    client: ClientRecord,
    basis: AccessBasis,
) -> Result<CourseContext, Error> {
    let protocol =
        state.config.protocols.get(&course.protocol_id).cloned().ok_or_else(|| {
            Error::internal(format!("course {} uses unknown protocol {}", course.id, course.protocol_id))
        })?;
    let sessions = state.store.course_sessions(&course.id).await?;
    let checklist = state.store.checklist(&course.id).await?;
    let slots: Vec<_> = sessions.iter().map(|s| s.slot()).collect();
    let numbers = number_sessions(&protocol, course.planned_sessions, &slots);
    let sessions: Vec<NumberedSession> = sessions
        .into_iter()
        .zip(numbers)
        .map(|(session, (number, phase))| NumberedSession { session, number, phase })
        .collect();
    let held = sessions.iter().filter(|s| s.number.is_some_and(|n| n > 0)).count() as u32;
    let initial_outstanding = [ChecklistItem::Formulation, ChecklistItem::Contract]
        .iter()
        .any(|i| protocol.checklist_items().contains(i) && !checklist.iter().any(|e| e.item == *i));
    let mut progress = Progress::new(&protocol, course.planned_sessions, held, initial_outstanding);
    // A phase the clinician set on the latest held session is where the course stands.
    if let Some(last) = sessions.iter().filter(|s| s.number.is_some_and(|n| n > 0)).max_by_key(|s| s.number) {
        if last.session.phase_override.is_some() {
            progress = progress.in_phase(&protocol, last.phase);
        }
    }
    Ok(CourseContext {
        course,
        client,
        basis,
        protocol,
        sessions,
        checklist,
        progress,
        headline: CourseHeadline::default(),
    })
}
