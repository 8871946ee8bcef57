//! Worksheets of a course: communication analyses and decision analyses, each
//! linked to a session and a problem area. One set of use cases for both
//! kinds, shared by the pages and the API.

use crate::access::course::CourseContext;
use crate::access::records::{change_event, course_of, require_linked};
use crate::access::{deny, Purpose};
use crate::caller::Identity;
use crate::{AppResult, AppState, Error};
use rapport_core::audit::action;
use rapport_core::timeline::PERSON_KIND;
use rapport_core::worksheets::{CommunicationAnalysis, DecisionAnalysis, WorksheetKind, WorksheetScope};
use rapport_core::{Id, Timestamp};
use rapport_store::records::{Placement, Record, RecordVersion};

/// A stored worksheet of either kind.
#[allow(clippy::large_enum_variant)] // a handful per request
pub enum AnyWorksheet {
    Communication(Record<CommunicationAnalysis>),
    Decision(Record<DecisionAnalysis>),
}

impl AnyWorksheet {
    pub fn id(&self) -> &Id {
        match self {
            AnyWorksheet::Communication(r) => &r.id,
            AnyWorksheet::Decision(r) => &r.id,
        }
    }

    pub fn kind(&self) -> WorksheetKind {
        match self {
            AnyWorksheet::Communication(_) => WorksheetKind::CommunicationAnalysis,
            AnyWorksheet::Decision(_) => WorksheetKind::DecisionAnalysis,
        }
    }

    pub fn version(&self) -> i64 {
        match self {
            AnyWorksheet::Communication(r) => r.version,
            AnyWorksheet::Decision(r) => r.version,
        }
    }

    pub fn session_id(&self) -> Option<&str> {
        match self {
            AnyWorksheet::Communication(r) => r.body.session_id.as_deref(),
            AnyWorksheet::Decision(r) => r.body.session_id.as_deref(),
        }
    }

    pub fn created_at(&self) -> Timestamp {
        match self {
            AnyWorksheet::Communication(r) => r.created_at,
            AnyWorksheet::Decision(r) => r.created_at,
        }
    }

    fn course_id(&self) -> Option<&Id> {
        match self {
            AnyWorksheet::Communication(r) => r.course_id.as_ref(),
            AnyWorksheet::Decision(r) => r.course_id.as_ref(),
        }
    }
}

/// Every version of a worksheet, newest first.
#[allow(clippy::large_enum_variant)] // one per request
pub enum History {
    Communication(Vec<RecordVersion<CommunicationAnalysis>>),
    Decision(Vec<RecordVersion<DecisionAnalysis>>),
}

/// The body of a worksheet of either kind (as typed, or checked).
#[derive(Clone, Debug)]
#[allow(clippy::large_enum_variant)] // one per request
pub enum Sheet {
    Communication(CommunicationAnalysis),
    Decision(DecisionAnalysis),
}

impl Sheet {
    pub fn kind(&self) -> WorksheetKind {
        match self {
            Sheet::Communication(_) => WorksheetKind::CommunicationAnalysis,
            Sheet::Decision(_) => WorksheetKind::DecisionAnalysis,
        }
    }

    pub fn blank(kind: WorksheetKind) -> Sheet {
        match kind {
            WorksheetKind::CommunicationAnalysis => Sheet::Communication(CommunicationAnalysis::default()),
            WorksheetKind::DecisionAnalysis => Sheet::Decision(DecisionAnalysis::default()),
        }
    }

    pub fn of(w: &AnyWorksheet) -> Sheet {
        match w {
            AnyWorksheet::Communication(r) => Sheet::Communication(r.body.clone()),
            AnyWorksheet::Decision(r) => Sheet::Decision(r.body.clone()),
        }
    }

    pub fn session_id(&self) -> &str {
        match self {
            Sheet::Communication(w) => w.session_id.as_deref().unwrap_or(""),
            Sheet::Decision(w) => w.session_id.as_deref().unwrap_or(""),
        }
    }

    pub fn problem_area(&self) -> &str {
        match self {
            Sheet::Communication(w) => w.problem_area.as_deref().unwrap_or(""),
            Sheet::Decision(w) => w.problem_area.as_deref().unwrap_or(""),
        }
    }

    pub fn set_link(&mut self, session: Option<String>, area: Option<String>) {
        match self {
            Sheet::Communication(w) => {
                w.session_id = session;
                w.problem_area = area;
            }
            Sheet::Decision(w) => {
                w.session_id = session;
                w.problem_area = area;
            }
        }
    }

    /// Validates the sheet against the course (its protocol's areas, its
    /// sessions) and, for a communication analysis, its inventory link.
    #[crate::boxing::boxed_future]
    pub async fn check(self, state: &AppState, cx: &CourseContext) -> AppResult<Sheet> {
        let sessions: Vec<String> = cx.sessions.iter().map(|s| s.session.id.to_string()).collect();
        let scope = WorksheetScope { protocol: &cx.protocol, sessions: &sessions, today: Timestamp::now().date() };
        match self {
            Sheet::Communication(w) => {
                let w = w.validate_in(Some(&scope))?;
                if let Some(p) = &w.person_id {
                    require_linked(
                        state,
                        &cx.client.id,
                        PERSON_KIND,
                        std::slice::from_ref(p),
                        "person_id",
                        "a person from the interpersonal inventory",
                    )
                    .await?;
                }
                Ok(Sheet::Communication(w))
            }
            Sheet::Decision(w) => Ok(Sheet::Decision(w.validate_in(Some(&scope))?)),
        }
    }
}

/// A worksheet by id (either kind) with its course, if `me` may see the client.
#[crate::boxing::boxed_future]
pub async fn worksheet_for(
    state: &AppState,
    me: &Identity,
    id: &str,
    purpose: Purpose,
) -> AppResult<(AnyWorksheet, CourseContext)> {
    let found = match Id::parse(id) {
        None => None,
        Some(i) => match state.store.record::<CommunicationAnalysis>(&i).await? {
            Some(r) => Some(AnyWorksheet::Communication(r)),
            None => state.store.record::<DecisionAnalysis>(&i).await?.map(AnyWorksheet::Decision),
        },
    };
    let Some(w) = found else {
        deny(state, me, "worksheet", Some(id)).await?;
        return Err(Error::NotFound);
    };
    let cx = course_of(state, me, w.kind().as_str(), w.id(), w.course_id(), purpose).await?;
    Ok((w, cx))
}

/// A worksheet of course `course` (another course's is 404).
#[crate::boxing::boxed_future]
pub async fn worksheet_in(
    state: &AppState,
    me: &Identity,
    course: &str,
    worksheet: &str,
    purpose: Purpose,
) -> AppResult<(AnyWorksheet, CourseContext)> {
    let (w, cx) = worksheet_for(state, me, worksheet, purpose).await?;
    if cx.course.id.as_str() != course {
        return Err(Error::NotFound);
    }
    Ok((w, cx))
}

/// Every version of a worksheet, newest first.
#[crate::boxing::boxed_future]
pub async fn history(state: &AppState, w: &AnyWorksheet) -> AppResult<History> {
    Ok(match w {
        AnyWorksheet::Communication(r) => History::Communication(state.store.record_history(&r.id).await?),
        AnyWorksheet::Decision(r) => History::Decision(state.store.record_history(&r.id).await?),
    })
}

/// Every worksheet of a course (both kinds), oldest first.
#[crate::boxing::boxed_future]
pub async fn course_worksheets(state: &AppState, course: &Id) -> AppResult<Vec<AnyWorksheet>> {
    let mut all: Vec<AnyWorksheet> = state
        .store
        .course_records::<CommunicationAnalysis>(course)
        .await?
        .into_iter()
        .map(AnyWorksheet::Communication)
        .collect();
    all.extend(state.store.course_records::<DecisionAnalysis>(course).await?.into_iter().map(AnyWorksheet::Decision));
    all.sort_by(|a, b| a.created_at().cmp(&b.created_at()).then_with(|| a.id().cmp(b.id())));
    Ok(all)
}

/// Stores a checked sheet as a new worksheet of the course.
#[crate::boxing::boxed_future]
pub async fn add(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    sheet: Sheet,
    via: &str,
) -> AppResult<AnyWorksheet> {
    let at = Placement { client_id: cx.client.id.clone(), course_id: Some(cx.course.id.clone()), ..Default::default() };
    Ok(match sheet {
        Sheet::Communication(w) => {
            let ev = change_event::<CommunicationAnalysis>(me, action::RECORD_CREATE, via.into());
            AnyWorksheet::Communication(state.store.create_record(&at, &w, &me.user.id, ev).await?)
        }
        Sheet::Decision(w) => {
            let ev = change_event::<DecisionAnalysis>(me, action::RECORD_CREATE, via.into());
            AnyWorksheet::Decision(state.store.create_record(&at, &w, &me.user.id, ev).await?)
        }
    })
}

/// Stores a checked sheet as the next version of `w` (of the same kind), which
/// must still be at `version` (else `Error::Conflict`).
#[crate::boxing::boxed_future]
pub async fn save(
    state: &AppState,
    me: &Identity,
    w: &AnyWorksheet,
    version: i64,
    sheet: Sheet,
    via: &str,
) -> AppResult<AnyWorksheet> {
    Ok(match (w, sheet) {
        (AnyWorksheet::Communication(r), Sheet::Communication(body)) => {
            let ev = change_event::<CommunicationAnalysis>(me, action::RECORD_UPDATE, via.into());
            AnyWorksheet::Communication(state.store.update_record(&r.id, version, &body, &me.user.id, ev).await?)
        }
        (AnyWorksheet::Decision(r), Sheet::Decision(body)) => {
            let ev = change_event::<DecisionAnalysis>(me, action::RECORD_UPDATE, via.into());
            AnyWorksheet::Decision(state.store.update_record(&r.id, version, &body, &me.user.id, ev).await?)
        }
        _ => return Err(Error::internal("a worksheet's kind cannot change")),
    })
}

/// Removes either kind at `version` (default: the current one).
#[crate::boxing::boxed_future]
pub async fn remove(state: &AppState, me: &Identity, w: AnyWorksheet, version: Option<i64>) -> AppResult<()> {
    let version = version.unwrap_or(w.version());
    match w {
        AnyWorksheet::Communication(r) => crate::records::discard(state, me, &r, version, "").await,
        AnyWorksheet::Decision(r) => crate::records::discard(state, me, &r, version, "").await,
    }
}
