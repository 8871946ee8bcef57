//! Which responses an outcome is computed over: one course at a time. A
//! relapse course is judged against its own baseline, never the first
//! course's. The default is the client's most recent course; "all" spans every
//! response and says so; responses outside every course form their own scope.

use crate::AppState;
use crate::Error;
use rapport_core::course::{course_on, CourseSpan};
use rapport_core::Id;
use rapport_store::courses::CourseSummary;
use rapport_store::measures::ResponseRow;
use serde::Serialize;

/// What a caller asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeRequest<'a> {
    /// The client's most recent course (or, with none, the responses outside any course).
    Default,
    /// One of the client's courses, by id.
    Course(&'a str),
    /// Every response of the client, across courses.
    All,
}

/// The scope an outcome was computed over, named in every reply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OutcomeScope {
    /// `course`, `all` or `outside_courses`.
    pub kind: String,
    /// The course, when `kind` is `course`.
    pub course_id: Option<String>,
    /// In words, e.g. "Course from 5 January 2026 (completed)".
    pub label: String,
}

/// The responses in scope (oldest first), all of the client's responses, and
/// the client's courses (newest first).
pub struct Scoped {
    pub scope: OutcomeScope,
    pub responses: Vec<ResponseRow>,
    pub all: Vec<ResponseRow>,
    pub courses: Vec<CourseSummary>,
}

fn spans(courses: &[CourseSummary]) -> Vec<CourseSpan<String>> {
    courses
        .iter()
        .map(|c| CourseSpan {
            key: c.course.id.to_string(),
            start: c.course.start_date,
            // A closed course accepts no changes, so its last update is its ending.
            ended: (!c.course.status.is_open()).then(|| c.course.updated_at.date()),
        })
        .collect()
}

/// The course a stored response counts towards: its own, or (for responses
/// stored without one) the course open on the day it was completed.
pub fn course_of_response(r: &ResponseRow, spans: &[CourseSpan<String>]) -> Option<String> {
    r.course_id.clone().or_else(|| course_on(spans, r.completed_at.date()))
}

pub fn course_label(c: &CourseSummary) -> String {
    format!(
        "Course from {} ({}, {})",
        rapport_core::time::format_date(c.course.start_date),
        c.course.protocol_id,
        c.course.status.label().to_lowercase()
    )
}

/// The client's responses in the requested scope. A course that is not the
/// client's is `Invalid` on `course_id`.
pub async fn scoped_responses(state: &AppState, client: &Id, req: ScopeRequest<'_>) -> Result<Scoped, Error> {
    let courses = state.store.client_courses(client).await?;
    let spans = spans(&courses);
    let all = state.store.responses(client).await?;
    let course = match req {
        ScopeRequest::All => {
            let scope = OutcomeScope {
                kind: "all".into(),
                course_id: None,
                label: "All responses, across every course".into(),
            };
            return Ok(Scoped { scope, responses: all.clone(), all, courses });
        }
        ScopeRequest::Course(id) => Some(
            courses
                .iter()
                .find(|c| c.course.id.as_str() == id)
                .ok_or_else(|| Error::invalid("course_id", "no course with this id for this client"))?,
        ),
        ScopeRequest::Default => courses.first(),
    };
    let (scope, key) = match course {
        Some(c) => (
            OutcomeScope { kind: "course".into(), course_id: Some(c.course.id.to_string()), label: course_label(c) },
            Some(c.course.id.to_string()),
        ),
        None => (
            OutcomeScope {
                kind: "outside_courses".into(),
                course_id: None,
                label: "Responses outside any course".into(),
            },
            None,
        ),
    };
    let responses = all.iter().filter(|r| course_of_response(r, &spans) == key).cloned().collect();
    Ok(Scoped { scope, responses, all, courses })
}

/// Responses of one course (its own and, stored without a course, those
/// completed while it was open): for the portal's due questionnaires.
pub async fn course_responses(state: &AppState, client: &Id, course: &Id) -> Result<Vec<ResponseRow>, Error> {
    Ok(scoped_responses(state, client, ScopeRequest::Course(course.as_str())).await?.responses)
}
