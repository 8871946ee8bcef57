//! Goals of a course: added in one of the formulation's chosen areas, changed
//! (status rules and wording history in `rapport_core::goals`) and rated at
//! held sessions. The pages and the API share these.

use crate::access::course::{course_for, CourseContext};
use crate::access::Purpose;
use crate::caller::Identity;
use crate::error::field_error;
use crate::formulation::{audit_read, chosen_areas, event, formulation_of, write};
use crate::AppState;
use crate::Error;
use rapport_core::audit::action;
use rapport_core::formulation::Formulation;
use rapport_core::goals::{apply_goal_update, validate_new_goal, validate_rating, Goal, GoalInput, GoalRating};
use rapport_core::records::RecordBody;
use rapport_core::{Id, Timestamp, ValidationErrors};
use rapport_store::formulation::GoalWithRatings;
use rapport_store::records::Record;

/// The course's goals with their ratings.
#[crate::boxing::boxed_future]
pub async fn goals(state: &AppState, cx: &CourseContext) -> Result<Vec<GoalWithRatings>, Error> {
    Ok(state.store.goals_with_ratings(&cx.course.id).await?)
}

/// The course's goals, oldest first.
#[crate::boxing::boxed_future]
pub async fn course_goals(state: &AppState, cx: &CourseContext) -> Result<Vec<Record<Goal>>, Error> {
    Ok(state.store.course_records::<Goal>(&cx.course.id).await?)
}

/// Adds a goal in one of the course's chosen areas.
#[crate::boxing::boxed_future]
pub async fn create_goal(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    input: &GoalInput,
) -> Result<Record<Goal>, Error> {
    cx.require_open()?;
    let areas = chosen_areas(state, cx).await?;
    let goal = validate_new_goal(input, &areas, cx.course.planned_sessions.max(cx.held()))?;
    let detail = format!("goal in {}", goal.problem_area);
    write(state, me, cx, None, &goal, None, detail).await
}

/// Changes a goal (status rules and wording history in `apply_goal_update`).
#[crate::boxing::boxed_future]
pub async fn update_goal(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    goal: &Record<Goal>,
    input: &GoalInput,
    version: Option<i64>,
) -> Result<Record<Goal>, Error> {
    cx.require_open()?;
    let areas = chosen_areas(state, cx).await?;
    let max = cx.course.planned_sessions.max(cx.held());
    let next = apply_goal_update(&goal.body, input, &areas, max, Timestamp::now().date())?;
    let mut detail = if next.status != goal.body.status {
        format!("status {} -> {}", goal.body.status.as_str(), next.status.as_str())
    } else {
        "goal edited".to_string()
    };
    if next.previous_wordings.len() > goal.body.previous_wordings.len() {
        detail.push_str("; reworded (old wording kept)");
    }
    write(state, me, cx, Some(goal), &next, version, detail).await
}

/// Rates a goal 0-10 at a held session of its course; a second rating for the
/// same session replaces the first (kept in the record's history). Errors name
/// `rating` and `session_id`. Returns the rating and whether it was the first.
#[crate::boxing::boxed_future]
pub async fn rate_goal(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    goal: &Record<Goal>,
    session_id: &str,
    rating: i64,
) -> Result<(Record<GoalRating>, bool), Error> {
    cx.require_open()?;
    let mut e = ValidationErrors::new();
    let value = validate_rating(rating).map_err(|v| e.0.extend(v.0)).ok();
    let session = Id::parse(session_id.trim()).and_then(|id| cx.session(&id)).filter(|s| s.number.is_some());
    if session.is_none() {
        e.0.push(field_error("session_id", rapport_core::msg("goals-error-session-not-held"), vec![]));
    }
    e.into_result()?;
    let (Some(value), Some(s)) = (value, session) else { unreachable!("validated above") };
    // The audit log is in English; it names the engagement session as the pages do.
    let at = if s.session.engagement {
        "the engagement session (session 0)".to_string()
    } else {
        format!("session {}", s.number.unwrap_or_default())
    };
    let detail = format!("goal {} rated {value} at {at}", goal.id);
    let ev = |new: bool| {
        event(me, if new { action::RECORD_CREATE } else { action::RECORD_UPDATE }, GoalRating::KIND, cx, detail.clone())
    };
    Ok(state.store.rate_goal(goal, &s.session.id, value, &me.user.id, ev).await?)
}

/// A goal and its course, if `me` may see the client; otherwise 404 (audited).
#[crate::boxing::boxed_future]
pub async fn goal_for(
    state: &AppState,
    me: &Identity,
    id: &str,
    purpose: Purpose,
) -> Result<(Record<Goal>, CourseContext), Error> {
    let goal = match Id::parse(id) {
        Some(gid) => state.store.record::<Goal>(&gid).await?,
        None => None,
    };
    let Some(goal) = goal.filter(|g| g.course_id.is_some()) else {
        crate::access::deny(state, me, "goal", Some(id)).await?;
        return Err(Error::NotFound);
    };
    let course = goal.course_id.clone().unwrap_or_default();
    let cx = course_for(state, me, course.as_str(), purpose).await?;
    Ok((goal, cx))
}

/// A course's plan as a care-plan reader sees it: the course (its contract),
/// the formulation whose problem areas it addresses, and its goals.
pub struct CoursePlan {
    pub cx: CourseContext,
    pub formulation: Option<Record<Formulation>>,
    pub goals: Vec<Record<Goal>>,
}

/// The plan of a course already loaded; the read of its goals and problem
/// areas is audited (`via` names the face).
async fn plan_of(state: &AppState, me: &Identity, cx: CourseContext, via: &str) -> Result<CoursePlan, Error> {
    let formulation = formulation_of(state, &cx).await?;
    let goals = course_goals(state, &cx).await?;
    let detail = format!("plan: {} goals and the problem areas {via}", goals.len());
    audit_read(state, me, &cx, Goal::KIND, None, detail).await?;
    Ok(CoursePlan { cx, formulation, goals })
}

/// The plan of course `id`, if `me` may see the course (404 otherwise); the
/// course read and the plan read are audited.
#[crate::boxing::boxed_future]
pub async fn plan_for(state: &AppState, me: &Identity, id: &str, via: &str) -> Result<CoursePlan, Error> {
    let cx = course_for(state, me, id, Purpose::AuditRead).await?;
    plan_of(state, me, cx, via).await
}

/// The plans of every course of client `id`, newest course first.
#[crate::boxing::boxed_future]
pub async fn plans_of_client(state: &AppState, me: &Identity, id: &str, via: &str) -> Result<Vec<CoursePlan>, Error> {
    let mut out = Vec::new();
    for cx in crate::courses::of_client(state, me, id).await? {
        out.push(plan_of(state, me, cx, via).await?);
    }
    Ok(out)
}

/// The goals of every course of client `id` (newest course first, each
/// course's goals oldest first); each course's read is audited.
#[crate::boxing::boxed_future]
pub async fn goals_of_client(
    state: &AppState,
    me: &Identity,
    id: &str,
    via: &str,
) -> Result<Vec<(CourseContext, Vec<Record<Goal>>)>, Error> {
    let mut out = Vec::new();
    for cx in crate::courses::of_client(state, me, id).await? {
        let goals = course_goals(state, &cx).await?;
        audit_read(state, me, &cx, Goal::KIND, None, format!("{} goals {via}", goals.len())).await?;
        out.push((cx, goals));
    }
    Ok(out)
}

/// Goal `id` and its course, if `me` may see the course (404 otherwise); the
/// read is audited.
#[crate::boxing::boxed_future]
pub async fn read_goal(
    state: &AppState,
    me: &Identity,
    id: &str,
    via: &str,
) -> Result<(Record<Goal>, CourseContext), Error> {
    let (goal, cx) = goal_for(state, me, id, Purpose::Write).await?;
    audit_read(state, me, &cx, Goal::KIND, Some(&goal.id), format!("goal {via}")).await?;
    Ok((goal, cx))
}
