//! The termination phase: the ending review of a course and the maintenance
//! (IPT-M) course that continues it. The Ending tab and the API both call
//! these, with a course loaded through `course_for`.

use crate::access::course::CourseContext;
use crate::caller::Identity;
use crate::inventory::{circle_people, circle_svg_with};
use crate::{AppResult, AppState, Error};
use rapport_core::audit::action;
use rapport_core::course::NewCourse;
use rapport_core::ending::{maintenance_contract, EndingReview, MaintenanceDecision};
use rapport_core::formulation::Formulation;
use rapport_core::inventory::circle::CircleWords;
use rapport_core::inventory::{CircleSnapshot, Person};
use rapport_core::msg;
use rapport_core::records::RecordBody;
use rapport_core::{Timestamp, ValidationErrors};
use rapport_store::courses::CourseRecord;
use rapport_store::formulation::GoalWithRatings;
use rapport_store::records::{Placement, Record};

/// The course's ending review, if one was saved.
#[crate::boxing::boxed_future]
pub async fn review_of(state: &AppState, cx: &CourseContext) -> AppResult<Option<Record<EndingReview>>> {
    Ok(state.store.course_records::<EndingReview>(&cx.course.id).await?.pop())
}

/// The problem areas of the course's current formulation, with labels.
#[crate::boxing::boxed_future]
pub async fn areas_of(state: &AppState, cx: &CourseContext) -> AppResult<Vec<(String, String)>> {
    Ok(crate::formulation::chosen_areas(state, cx)
        .await?
        .into_iter()
        .map(|a| {
            let label = cx.protocol.area_label(&a).to_string();
            (a, label)
        })
        .collect())
}

/// Saves a review over `existing` (a new record, or a new version of it):
/// validated and, unless it names one itself, still linked to the maintenance
/// course the saved review links to. `version`: as the writer saw it
/// (None: whatever is stored).
#[crate::boxing::boxed_future]
pub async fn save_review(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    existing: Option<&Record<EndingReview>>,
    mut review: EndingReview,
    version: Option<i64>,
) -> AppResult<Record<EndingReview>> {
    let kept = existing.and_then(|r| r.body.maintenance_course_id.clone());
    if let Some(link) = kept.filter(|_| review.maintenance_course_id.is_none()) {
        review.maintenance_course_id = Some(link);
        review.maintenance = MaintenanceDecision::IptM;
    }
    let review = review.validate()?;
    let mut ev = me.event(action::RECORD_UPDATE, EndingReview::KIND);
    ev.detail = Some(format!("maintenance={}", review.maintenance.as_str()));
    Ok(match existing {
        Some(r) => state.store.update_record(&r.id, version.unwrap_or(r.version), &review, &me.user.id, ev).await?,
        None => {
            ev.action = action::RECORD_CREATE.into();
            let at = Placement {
                client_id: cx.client.id.clone(),
                course_id: Some(cx.course.id.clone()),
                ..Placement::default()
            };
            state.store.create_record(&at, &review, &me.user.id, ev).await?
        }
    })
}

/// Starts the maintenance (IPT-M) course that continues this one: `months`
/// of sessions at `frequency` (default monthly) from `start_date` (default
/// today), checked against the site's maintenance protocol.
#[crate::boxing::boxed_future]
pub async fn start_maintenance(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    months: Option<i64>,
    frequency: Option<&str>,
    start_date: Option<&str>,
    unread: ValidationErrors,
) -> AppResult<CourseRecord> {
    let contract = if unread.is_empty() {
        maintenance_contract(&state.config.protocols, months, frequency, start_date, Timestamp::now().date())
    } else {
        Err(unread)
    }?;
    create_maintenance(state, me, cx, &contract).await
}

/// Creates the maintenance course and records the decision in the review.
#[crate::boxing::boxed_future]
pub async fn create_maintenance(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    contract: &NewCourse,
) -> AppResult<CourseRecord> {
    if !state.store.continuing_courses(&cx.course.id).await?.is_empty() {
        return Err(Error::conflict(msg("app-maintenance-exists"), &[]));
    }
    let mut ev = me.event(action::COURSE_CREATE, "course");
    ev.detail = Some(format!("maintenance of {}", cx.course.id));
    let course = state.store.create_course(&cx.client.id, contract, Some(&cx.course.id), &me.user.id, ev).await?;
    let existing = review_of(state, cx).await?;
    let mut review = existing.as_ref().map(|r| r.body.clone()).unwrap_or_default();
    review.maintenance = MaintenanceDecision::IptM;
    review.maintenance_course_id = Some(course.id.to_string());
    save_review(state, me, cx, existing.as_ref(), review, None).await?;
    Ok(course)
}

/// What the ending review looks back on: the goals with their ratings, and
/// the closeness circle at the first snapshot of the course beside the circle now.
pub struct Evidence {
    pub goals: Vec<GoalWithRatings>,
    /// (heading, SVG) of the course's first circle snapshot.
    pub circle_start: Option<(String, String)>,
    /// The circle as it is now (None without people).
    pub circle_now: Option<String>,
}

/// The circles are drawn with `words` (the reader's language), and their
/// headings are worded in the request's language.
#[crate::boxing::boxed_future]
pub async fn evidence(state: &AppState, cx: &CourseContext, words: &(dyn CircleWords + Sync)) -> AppResult<Evidence> {
    let summary = state.store.formulation_summary(&cx.course.id, &cx.protocol).await?;
    let mut snapshots = state.store.course_records::<CircleSnapshot>(&cx.course.id).await?;
    snapshots.sort_by(|a, b| a.body.taken_on.cmp(&b.body.taken_on));
    let tr = rapport_i18n::current();
    let circle_start = snapshots.first().map(|s| {
        let taken_on = rapport_core::time::parse_date(&s.body.taken_on).map(|d| tr.date(d));
        let date = taken_on.unwrap_or_else(|| s.body.taken_on.clone());
        let heading = tr.tn(msg("app-circle-at"), &[("label", &s.body.label), ("date", &date)]);
        (heading.clone(), circle_svg_with(&s.body.people, s.body.ring_count, "circle-start", &heading, words))
    });
    let people = state.store.client_records::<Person>(&cx.client.id).await?;
    let rings = crate::inventory::ring_count(state).await?;
    let circle_now = (!people.is_empty()).then(|| {
        let title = tr.t(msg("inventory-circle-now-title"));
        circle_svg_with(&circle_people(&people), rings, "circle-now", &title, words)
    });
    Ok(Evidence { goals: summary.goals, circle_start, circle_now })
}

/// The maintenance courses that continue this course, and whether one may
/// be started (the protocol names a maintenance protocol this site runs, and
/// none continues the course yet).
#[crate::boxing::boxed_future]
pub async fn maintenance_courses(state: &AppState, cx: &CourseContext) -> AppResult<(Vec<CourseRecord>, bool)> {
    let courses = state.store.continuing_courses(&cx.course.id).await?;
    let can_offer =
        cx.protocol.maintenance.iter().any(|m| state.config.protocols.get(m).is_some()) && courses.is_empty();
    Ok((courses, can_offer))
}

/// The course's formulation, for the end-of-treatment summary.
#[crate::boxing::boxed_future]
pub async fn formulation_of(state: &AppState, cx: &CourseContext) -> AppResult<Option<Formulation>> {
    Ok(state.store.course_formulation(&cx.course.id).await?.map(|r| r.body))
}
