//! Which responses an outcome is computed over: one course at a time. A
//! relapse course is judged against its own baseline, never the first
//! course's. The default is the client's most recent course; "all" spans every
//! response and says so; responses outside every course form their own scope.

use crate::AppState;
use crate::Error;
use rapport_core::course::{course_on, CourseSpan};
use rapport_core::measures::change::{
    first_and_last_pairs, instrument_outcome_at, nhs_talking_therapies, pair_scores, InstrumentOutcome,
    NhsTalkingTherapies, Occasion, Review, Treatment, NHS_TT_V1,
};
use rapport_core::msg;
use rapport_core::{Id, Timestamp};
use rapport_store::courses::CourseSummary;
use rapport_store::measures::ResponseRow;
use serde::Serialize;
use std::collections::BTreeMap;

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

/// The responses in scope (oldest first) and the client's courses (newest first).
pub struct Scoped {
    pub scope: OutcomeScope,
    pub responses: Vec<ResponseRow>,
    pub courses: Vec<CourseSummary>,
}

/// The courses' spans (start, end) for placing responses stored without a course.
pub fn spans(courses: &[CourseSummary]) -> Vec<CourseSpan<String>> {
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

/// "Course from 5 Jan 2026 (Individual IPT, completed)", in the reader's language.
pub fn course_label(state: &AppState, c: &CourseSummary) -> String {
    let tr = rapport_i18n::current();
    let protocol = state.config.protocols.get(&c.course.protocol_id).map(|p| p.name_in(tr.lang()).to_string());
    tr.tn(
        rapport_i18n::msg("measure-scope-course"),
        &[
            ("date", &tr.date(c.course.start_date)),
            ("protocol", &protocol.unwrap_or_else(|| c.course.protocol_id.clone())),
            ("status", &tr.t(c.course.status.message()).to_lowercase()),
        ],
    )
}

/// The client's responses in the requested scope. A course that is not the
/// client's is `Invalid` on `course_id`.
pub fn scoped_responses<'a>(
    state: &'a AppState,
    client: &'a Id,
    req: ScopeRequest<'a>,
) -> crate::boxing::Boxed<'a, Result<Scoped, Error>> {
    Box::pin(async move {
        // The responses out of scope are dropped as they are sorted out, not
        // copied: an outcome read holds one client's history once.
        let (scoped, all) = scope_of(state, client, req).await?;
        Ok(scoped.taking(all))
    })
}

/// [`scoped_responses`] and every response of the client (oldest first), for
/// a page that lists them all beside the scope's outcomes.
pub fn scoped_responses_and_all<'a>(
    state: &'a AppState,
    client: &'a Id,
    req: ScopeRequest<'a>,
) -> crate::boxing::Boxed<'a, Result<(Scoped, Vec<ResponseRow>), Error>> {
    Box::pin(async move {
        let (scoped, all) = scope_of(state, client, req).await?;
        Ok((scoped.taking(all.clone()), all))
    })
}

/// The scope asked for, before its responses are sorted out.
struct Unsorted {
    /// Its `course_id` is the course a response must count towards (None:
    /// outside every course), unless `everything`.
    scope: OutcomeScope,
    /// Every response is in scope.
    everything: bool,
    courses: Vec<CourseSummary>,
}

impl Unsorted {
    /// The scope with the responses of `all` that belong to it.
    fn taking(self, all: Vec<ResponseRow>) -> Scoped {
        let responses = if self.everything {
            all
        } else {
            let spans = spans(&self.courses);
            all.into_iter().filter(|r| course_of_response(r, &spans) == self.scope.course_id).collect()
        };
        Scoped { scope: self.scope, responses, courses: self.courses }
    }
}

/// The scope of `req` for `client`, and every response of the client.
async fn scope_of(state: &AppState, client: &Id, req: ScopeRequest<'_>) -> Result<(Unsorted, Vec<ResponseRow>), Error> {
    let courses = state.store.client_courses(client).await?;
    let all = state.store.responses(client).await?;
    let course = match req {
        ScopeRequest::All => {
            let scope = OutcomeScope {
                kind: "all".into(),
                course_id: None,
                label: rapport_i18n::current().t("measure-scope-all-responses"),
            };
            return Ok((Unsorted { scope, everything: true, courses }, all));
        }
        ScopeRequest::Course(id) => Some(
            courses
                .iter()
                .find(|c| c.course.id.as_str() == id)
                .ok_or_else(|| Error::keyed("course_id", msg("app-course-not-this-client"), vec![]))?,
        ),
        ScopeRequest::Default => courses.first(),
    };
    let scope = match course {
        Some(c) => OutcomeScope {
            kind: "course".into(),
            course_id: Some(c.course.id.to_string()),
            label: course_label(state, c),
        },
        None => OutcomeScope {
            kind: "outside_courses".into(),
            course_id: None,
            label: rapport_i18n::current().t("measure-scope-outside"),
        },
    };
    Ok((Unsorted { scope, everything: false, courses }, all))
}

/// Responses of one course (its own and, stored without a course, those
/// completed while it was open): for the portal's due questionnaires.
#[crate::boxing::boxed_future]
pub async fn course_responses(state: &AppState, client: &Id, course: &Id) -> Result<Vec<ResponseRow>, Error> {
    Ok(scoped_responses(state, client, ScopeRequest::Course(course.as_str())).await?.responses)
}

/// What outcomes need of the course the scores belong to.
#[derive(Clone, Debug)]
pub struct CourseFacts {
    pub protocol_id: String,
    /// The course has ended (completed, ended early or transferred).
    pub closed: bool,
    /// Dates of the sessions the client attended, in order.
    pub held: Vec<time::Date>,
    /// The contract's session count (a schedule's cadence is anchored on the last).
    pub planned_sessions: u32,
}

/// The course's facts, when `course` is one of `client`'s courses.
#[crate::boxing::boxed_future]
pub async fn course_facts(state: &AppState, client: &Id, course: &str) -> Result<Option<CourseFacts>, Error> {
    let Some(id) = Id::parse(course) else { return Ok(None) };
    let Some(c) = state.store.course(&id).await? else { return Ok(None) };
    if &c.client_id != client {
        return Ok(None);
    }
    let held = state.store.course_sessions(&id).await?.into_iter().filter(|s| s.counts()).map(|s| s.date).collect();
    Ok(Some(CourseFacts {
        protocol_id: c.protocol_id,
        closed: !c.status.is_open(),
        held,
        planned_sessions: c.planned_sessions,
    }))
}

/// One instrument's outcome, with when its first and last scores were taken.
#[derive(Clone, Debug)]
pub struct InstrumentResult {
    pub outcome: InstrumentOutcome,
    pub baseline_at: Timestamp,
    pub latest_at: Timestamp,
    /// The held session of the course's protocol at which the review happens
    /// (None outside a course, or when the protocol has none).
    pub review_session: Option<u32>,
}

impl InstrumentResult {
    /// The not-on-track reasons as words (`reliable_deterioration`, …).
    pub fn not_on_track_reasons(&self) -> Vec<String> {
        self.outcome.not_on_track.iter().map(|r| r.as_str().to_string()).collect()
    }
}

/// The NHS Talking Therapies categories with the paired scores they came from.
#[derive(Clone, Debug)]
pub struct NhsResult {
    pub categories: NhsTalkingTherapies,
    /// Occasions with both a PHQ-9 and a GAD-7 total.
    pub paired_occasions: usize,
    /// (first, last) paired PHQ-9 totals.
    pub phq9: (i64, i64),
    /// (first, last) paired GAD-7 totals.
    pub gad7: (i64, i64),
}

/// Outcomes per instrument (by instrument id) and the NHS categories (None
/// until PHQ-9 and GAD-7 are paired on at least two occasions).
#[derive(Clone, Debug, Default)]
pub struct Outcomes {
    pub instruments: BTreeMap<String, InstrumentResult>,
    pub nhs: Option<NhsResult>,
}

/// Computes outcomes from a client's responses (complete ones, by
/// `completed_at`), of `course` when given: the not-on-track review comes at
/// the protocol's held session, PHQ-9 and GAD-7 pair by session, and the NHS
/// categories are final once the course is closed after ≥ 2 attended sessions.
/// Without a course the review counts scores and the categories stay
/// provisional, paired by date.
pub fn outcomes_in(state: &AppState, rows: &[ResponseRow], course: Option<&CourseFacts>) -> Outcomes {
    let mut by_instrument: BTreeMap<&str, Vec<&ResponseRow>> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.total.is_some()) {
        by_instrument.entry(r.instrument_id.as_str()).or_default().push(r);
    }
    let held: &[time::Date] = course.map(|c| c.held.as_slice()).unwrap_or(&[]);
    let review_session =
        course.and_then(|c| state.config.protocols.get(&c.protocol_id)).and_then(|p| p.review_session());
    let review = match course {
        None => Review::Scores,
        Some(c) => match review_session {
            Some(at) => Review::Session { at, held: c.held.len() as u32 },
            None => Review::Never,
        },
    };
    let mut instruments = BTreeMap::new();
    for (id, list) in &by_instrument {
        let Some(inst) = state.instruments.get(id) else { continue };
        let totals: Vec<i64> = list.iter().filter_map(|r| r.total).collect();
        if let Some(outcome) = instrument_outcome_at(inst, &totals, &state.config.not_on_track, review) {
            let result = InstrumentResult {
                outcome,
                baseline_at: list[0].completed_at,
                latest_at: list[list.len() - 1].completed_at,
                review_session,
            };
            instruments.insert(id.to_string(), result);
        }
    }
    let occasions = |id: &str| -> Vec<(Occasion, i64)> {
        by_instrument
            .get(id)
            .map(|l| l.iter().filter_map(|r| Some((Occasion::of(r.completed_at.date(), held), r.total?))).collect())
            .unwrap_or_default()
    };
    let pairs = pair_scores(&occasions("phq9"), &occasions("gad7"));
    let treatment =
        course.map(|c| Treatment { closed: c.closed, attended_sessions: c.held.len() as u32 }).unwrap_or_default();
    let nhs = first_and_last_pairs(&pairs).map(|(p, g)| NhsResult {
        categories: nhs_talking_therapies(&NHS_TT_V1, p, g, treatment),
        paired_occasions: pairs.len(),
        phq9: p,
        gad7: g,
    });
    Outcomes { instruments, nhs }
}

/// The outcomes of the client's responses in the requested scope, with the
/// scope and the client's courses.
pub fn client_outcomes<'a>(
    state: &'a AppState,
    client: &'a Id,
    req: ScopeRequest<'a>,
) -> crate::boxing::Boxed<'a, Result<(Scoped, Outcomes), Error>> {
    Box::pin(async move {
        let scoped = scoped_responses(state, client, req).await?;
        let facts = match scoped.scope.course_id.as_deref() {
            Some(course) => course_facts(state, client, course).await?,
            None => None,
        };
        let outcomes = outcomes_in(state, &scoped.responses, facts.as_ref());
        Ok((scoped, outcomes))
    })
}
