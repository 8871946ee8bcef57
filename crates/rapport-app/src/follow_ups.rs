//! Follow-up measures. A positive screen offers its follow-up instrument at
//! once (measures.md 3.2: a positive PHQ-2, ≥ 3, → give the full PHQ-9): on
//! the clinician's measures page, on the portal's thank-you page (and the
//! portal then lets the client answer it), and on a measure link's thank-you
//! page (a new link). After a completed course, the months chosen in its
//! ending review make the scheduled measures due again.

use crate::AppState;
use crate::Error;
use rapport_core::course::CourseStatus;
use rapport_core::ending::EndingReview;
use rapport_core::measures::definition::Instrument;
use rapport_core::msg;
use rapport_core::time::format_date;
use rapport_core::{Id, Timestamp};
use rapport_store::measures::ResponseRow;

/// The flag a screener's definition raises at its positive cut-off.
pub const POSITIVE_SCREEN: &str = "positive_screen";

/// The follow-up instrument a response with these flags offers, if any.
pub fn offered<'a>(state: &'a AppState, inst: &Instrument, flags: &[String]) -> Option<&'a Instrument> {
    let next = inst.follow_up.as_deref()?;
    flags.iter().any(|f| f == POSITIVE_SCREEN).then(|| state.instruments.get(next)).flatten()
}

/// Follow-up instruments still waiting: the latest response of a screener
/// was positive and no response of its follow-up came at or after it.
/// `rows` in completion order (as the store lists them).
pub fn pending<'a>(state: &'a AppState, rows: &[ResponseRow]) -> Vec<&'a Instrument> {
    let mut out: Vec<&Instrument> = Vec::new();
    for screener in state.instruments.all().filter(|i| i.follow_up.is_some()) {
        let Some(last) = rows.iter().rev().find(|r| r.instrument_id == screener.id) else { continue };
        let Some(next) = offered(state, screener, &last.flags) else { continue };
        let answered = rows.iter().any(|r| r.instrument_id == next.id && r.completed_at >= last.completed_at);
        if !answered && !out.iter().any(|i| i.id == next.id) {
            out.push(next);
        }
    }
    out
}

/// A follow-up measure that is due after a completed course.
#[derive(Clone, Debug)]
pub struct FollowUpDue {
    pub course_id: Id,
    pub months: u32,
    pub due_from: time::Date,
    /// The course's scheduled instruments not yet answered since `due_from`.
    pub instruments: Vec<String>,
}

impl FollowUpDue {
    /// "months" or "month".
    pub fn unit(&self) -> &'static str {
        if self.months == 1 {
            "month"
        } else {
            "months"
        }
    }

    /// "Follow-up at 3 months: due from 2026-12-04", in the request's language.
    pub fn label(&self) -> String {
        let months = i64::from(self.months);
        let due_from = format_date(self.due_from);
        rapport_i18n::current().tn(msg("app-follow-up-due"), &[("months", &months), ("date", &due_from)])
    }
}

/// The follow-ups due today after the client's completed courses: the months
/// chosen in each course's ending review, counted from its last held session
/// (or the day it closed), until the scheduled instruments are answered.
#[crate::boxing::boxed_future]
pub async fn due(state: &AppState, client: &Id) -> Result<Vec<FollowUpDue>, Error> {
    let today = Timestamp::now().date();
    let mut out = Vec::new();
    let mut responses: Option<Vec<(String, time::Date)>> = None;
    for k in state.store.client_courses(client).await? {
        let course = k.course;
        if course.status != CourseStatus::Completed {
            continue;
        }
        let Some(review) = state.store.course_records::<EndingReview>(&course.id).await?.pop() else { continue };
        if review.body.follow_up_months.is_empty() {
            continue;
        }
        let ended = state
            .store
            .course_sessions(&course.id)
            .await?
            .into_iter()
            .filter(|s| s.counts())
            .map(|s| s.date)
            .max()
            .unwrap_or(course.updated_at.date());
        let (schedule, _, _) = crate::measures::schedule_of(state, &course.id).await?;
        if responses.is_none() {
            let all = state.store.responses(client).await?;
            responses = Some(all.into_iter().map(|r| (r.instrument_id, r.completed_at.date())).collect());
        }
        let done = responses.as_deref().unwrap_or_default();
        for f in rapport_core::ending::follow_ups_due(
            ended,
            &review.body.follow_up_months,
            &schedule.instruments,
            done,
            today,
        ) {
            out.push(FollowUpDue {
                course_id: course.id.clone(),
                months: f.months,
                due_from: f.due_from,
                instruments: f.instruments,
            });
        }
    }
    Ok(out)
}
