//! The termination phase: the ending review (progress, what helped, relapse
//! warning signs and a coping plan), the maintenance decision (which creates
//! the linked IPT-M course), and the printable end-of-treatment summary.

use super::Layout;

use crate::error::{AppError, AppResult};
use crate::html::{render, FormErrors};
use crate::identity::SignedIn;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use rapport_app::access::course::{course_for, CourseContext};
use rapport_app::access::Purpose;
use rapport_app::caller::Identity;
use rapport_app::AppState;
use rapport_core::audit::action;
use rapport_core::course::NewCourse;
use rapport_core::ending::{
    lines, maintenance_contract, parse_months, AreaProgress, EndingReview, MaintenanceDecision,
};
use rapport_core::formulation::Formulation;
use rapport_core::records::RecordBody;
use rapport_core::time::format_date;
use rapport_core::validation::form_number;
use rapport_core::{Timestamp, ValidationErrors};
use rapport_store::courses::CourseRecord;
use rapport_store::records::{Placement, Record};
use serde::Deserialize;
use std::collections::BTreeMap;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/courses/{id}/ending", page)
        .post("/courses/{id}/ending", save)
        .post("/courses/{id}/ending/maintenance", start_maintenance)
        .get("/courses/{id}/summary", summary)
}

/// The course's ending review, if one was saved.
pub async fn review_of(state: &AppState, cx: &CourseContext) -> Result<Option<Record<EndingReview>>, AppError> {
    Ok(state.store.course_records::<EndingReview>(&cx.course.id).await?.pop())
}

/// The problem areas of the course's current formulation, with labels.
pub async fn areas_of(state: &AppState, cx: &CourseContext) -> Result<Vec<(String, String)>, AppError> {
    let f = state.store.course_formulation(&cx.course.id).await?;
    Ok(f.map(|f| f.body.problem_areas)
        .unwrap_or_default()
        .into_iter()
        .map(|a| {
            let label = cx.protocol.area_label(&a).to_string();
            (a, label)
        })
        .collect())
}

/// What the ending review looks back on: the goals with their ratings, and
/// the closeness circle at the first snapshot of the course beside the circle now.
pub struct EndingEvidence {
    pub goals: Vec<super::goals::GoalView>,
    /// (heading, SVG) of the course's first circle snapshot.
    pub circle_start: Option<(String, String)>,
    /// The circle as it is now (None without people).
    pub circle_now: Option<String>,
}

pub async fn ending_evidence(state: &AppState, cx: &CourseContext) -> Result<EndingEvidence, AppError> {
    use rapport_app::inventory::{circle_people, circle_svg};
    use rapport_core::inventory::{CircleSnapshot, Person};
    let summary = state.store.formulation_summary(&cx.course.id, &cx.protocol).await?;
    let goals = summary.goals.iter().map(|g| super::goals::view(cx, g, None)).collect();
    let mut snapshots = state.store.course_records::<CircleSnapshot>(&cx.course.id).await?;
    snapshots.sort_by(|a, b| a.body.taken_on.cmp(&b.body.taken_on));
    let circle_start = snapshots.first().map(|s| {
        let heading = format!("At {} ({})", s.body.label, s.body.taken_on);
        (heading.clone(), circle_svg(&s.body.people, "circle-start", &heading))
    });
    let people = state.store.client_records::<Person>(&cx.client.id).await?;
    let circle_now =
        (!people.is_empty()).then(|| circle_svg(&circle_people(&people), "circle-now", "The closeness circle now"));
    Ok(EndingEvidence { goals, circle_start, circle_now })
}

/// Saves a validated review: a new record or a new version of the existing one.
pub async fn save_review(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    existing: Option<&Record<EndingReview>>,
    review: EndingReview,
    version: Option<i64>,
) -> Result<Record<EndingReview>, AppError> {
    let review = review.validate().map_err(AppError::Invalid)?;
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

/// Creates the maintenance course and records the decision in the review.
pub async fn create_maintenance(
    state: &AppState,
    me: &Identity,
    cx: &CourseContext,
    contract: &NewCourse,
) -> Result<CourseRecord, AppError> {
    if !state.store.continuing_courses(&cx.course.id).await?.is_empty() {
        return Err(AppError::Conflict("A maintenance course already continues this course.".into()));
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

// ---------------------------------------------------------------- page

#[derive(Deserialize, Default, Clone)]
pub struct EndingForm {
    #[serde(default)]
    pub ending_raised_on: String,
    #[serde(default)]
    pub feelings_about_ending: String,
    #[serde(default)]
    pub progress_summary: String,
    #[serde(default)]
    pub client_contributions: String,
    #[serde(default)]
    pub warning_signs: String,
    #[serde(default)]
    pub coping_plan: String,
    #[serde(default)]
    pub supports: String,
    #[serde(default)]
    pub return_plan: String,
    #[serde(default)]
    pub alternatives_discussed: String,
    #[serde(default)]
    pub medication_plan: String,
    #[serde(default)]
    pub follow_up_months: String,
    #[serde(default)]
    pub maintenance: String,
    #[serde(default)]
    pub version: String,
    /// `area_<id>` fields: progress on each problem area.
    #[serde(flatten)]
    pub areas: BTreeMap<String, String>,
}

impl EndingForm {
    /// The form before any review is saved (version 0: nothing stored yet).
    fn blank() -> EndingForm {
        EndingForm { version: "0".into(), ..Default::default() }
    }

    fn from_review(r: &EndingReview, version: i64) -> EndingForm {
        let o = |v: &Option<String>| v.clone().unwrap_or_default();
        EndingForm {
            ending_raised_on: o(&r.ending_raised_on),
            feelings_about_ending: o(&r.feelings_about_ending),
            progress_summary: o(&r.progress_summary),
            client_contributions: o(&r.client_contributions),
            warning_signs: r.warning_signs.join("\n"),
            coping_plan: o(&r.coping_plan),
            supports: r.supports.join("\n"),
            return_plan: o(&r.return_plan),
            alternatives_discussed: o(&r.alternatives_discussed),
            medication_plan: o(&r.medication_plan),
            follow_up_months: r.follow_up_months.iter().map(|m| m.to_string()).collect::<Vec<_>>().join(", "),
            maintenance: r.maintenance.as_str().into(),
            version: version.to_string(),
            areas: r.area_progress.iter().map(|a| (format!("area_{}", a.area), a.progress.clone())).collect(),
        }
    }

    fn area(&self, id: &str) -> String {
        self.areas.get(&format!("area_{id}")).cloned().unwrap_or_default()
    }
}

#[derive(Template)]
#[template(path = "ending.html")]
struct EndingPage {
    layout: Layout,
    cx: CourseContext,
    form: EndingForm,
    errors: FormErrors,
    areas: Vec<(String, String)>,
    maintenance_courses: Vec<CourseRecord>,
    /// Whether a review exists (the button says Update).
    saved: bool,
    can_offer_maintenance: bool,
    suggested_start: String,
    evidence: EndingEvidence,
}

impl EndingPage {
    fn decisions(&self) -> Vec<(String, String)> {
        MaintenanceDecision::ALL
            .iter()
            .filter(|d| **d != MaintenanceDecision::IptM || !self.maintenance_courses.is_empty())
            .map(|d| (d.as_str().to_string(), d.label().to_string()))
            .collect()
    }
}

pub async fn page(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Query(q): Query<super::clients::DoneParam>,
) -> AppResult<Html<String>> {
    let cx = course_for(&state, &me, &id, Purpose::AuditRead).await?;
    let review = review_of(&state, &cx).await?;
    let form = review.as_ref().map(|r| EndingForm::from_review(&r.body, r.version)).unwrap_or_else(EndingForm::blank);
    ending_page(&state, &me, cx, form, FormErrors::default(), q.done.as_deref(), review.is_some()).await
}

async fn ending_page(
    state: &AppState,
    me: &Identity,
    cx: CourseContext,
    form: EndingForm,
    errors: FormErrors,
    done: Option<&str>,
    saved: bool,
) -> AppResult<Html<String>> {
    let layout = Layout::new(state, me, format!("Ending · {}", cx.client.details.display_name), "caseload")
        .await?
        .with_done(done);
    let areas = areas_of(state, &cx).await?;
    let maintenance_courses = state.store.continuing_courses(&cx.course.id).await?;
    let can_offer_maintenance = cx.protocol.maintenance.iter().any(|m| state.config.protocols.get(m).is_some())
        && maintenance_courses.is_empty();
    let suggested_start = format_date(
        (cx.course.planned_end_date + time::Duration::days(28)).max(Timestamp::now().date() + time::Duration::days(1)),
    );
    let evidence = ending_evidence(state, &cx).await?;
    render(&EndingPage {
        layout,
        cx,
        form,
        errors,
        areas,
        maintenance_courses,
        saved,
        can_offer_maintenance,
        suggested_start,
        evidence,
    })
}

fn review_from_form(form: &EndingForm, areas: &[(String, String)]) -> Result<EndingReview, ValidationErrors> {
    let o = |s: &str| Some(s.to_string()).filter(|s| !s.trim().is_empty());
    let maintenance = match form.maintenance.trim() {
        "" => MaintenanceDecision::Undecided,
        m => MaintenanceDecision::parse(m)
            .ok_or_else(|| ValidationErrors::single("maintenance", "Choose a maintenance decision"))?,
    };
    Ok(EndingReview {
        ending_raised_on: o(&form.ending_raised_on),
        feelings_about_ending: o(&form.feelings_about_ending),
        progress_summary: o(&form.progress_summary),
        area_progress: areas.iter().map(|(id, _)| AreaProgress { area: id.clone(), progress: form.area(id) }).collect(),
        client_contributions: o(&form.client_contributions),
        warning_signs: lines(&form.warning_signs),
        coping_plan: o(&form.coping_plan),
        supports: lines(&form.supports),
        return_plan: o(&form.return_plan),
        alternatives_discussed: o(&form.alternatives_discussed),
        medication_plan: o(&form.medication_plan),
        follow_up_months: parse_months(&form.follow_up_months)?,
        maintenance,
        maintenance_course_id: None,
    })
}

pub async fn save(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<EndingForm>,
) -> AppResult<Response> {
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    let existing = review_of(&state, &cx).await?;
    let areas = areas_of(&state, &cx).await?;
    let result = review_from_form(&form, &areas).and_then(|r| r.validate());
    let mut review = match result {
        Ok(r) => r,
        Err(e) => {
            let saved = existing.is_some();
            return Ok(ending_page(&state, &me, cx, form, FormErrors(e), None, saved).await?.into_response());
        }
    };
    // The link to a maintenance course is kept whatever the form says.
    if let Some(r) = &existing {
        review.maintenance_course_id = r.body.maintenance_course_id.clone();
        if review.maintenance_course_id.is_some() {
            review.maintenance = MaintenanceDecision::IptM;
        }
    }
    let version = Some(crate::records_http::required_version(&form.version)?);
    match save_review(&state, &me, &cx, existing.as_ref(), review, version).await {
        Ok(_) => Ok(Redirect::to(&format!("/courses/{}/ending?done=ending-saved", cx.course.id)).into_response()),
        Err(AppError::Conflict(_)) => {
            let e = ValidationErrors::single(
                "version",
                "Someone else saved this review while you were editing. Your text is below; reload the page to see theirs, then merge.",
            );
            Ok(ending_page(&state, &me, cx, form, FormErrors(e), None, true).await?.into_response())
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize, Default)]
pub struct MaintenanceForm {
    #[serde(default)]
    pub months: String,
    #[serde(default)]
    pub frequency: String,
    #[serde(default)]
    pub start_date: String,
}

pub async fn start_maintenance(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<MaintenanceForm>,
) -> AppResult<Response> {
    let cx = course_for(&state, &me, &id, Purpose::Write).await?;
    let mut e = ValidationErrors::new();
    let months = form_number(&mut e, "months", "Months", &form.months);
    let contract = if e.is_empty() {
        maintenance_contract(
            &state.config.protocols,
            months,
            Some(&form.frequency),
            Some(&form.start_date),
            Timestamp::now().date(),
        )
    } else {
        Err(e)
    };
    let contract = match contract {
        Ok(c) => c,
        Err(e) => {
            let review = review_of(&state, &cx).await?;
            let f =
                review.as_ref().map(|r| EndingForm::from_review(&r.body, r.version)).unwrap_or_else(EndingForm::blank);
            let errors = FormErrors(e).rename("start_date", "maintenance_start");
            return Ok(ending_page(&state, &me, cx, f, errors, None, review.is_some()).await?.into_response());
        }
    };
    let course = create_maintenance(&state, &me, &cx, &contract).await?;
    Ok(Redirect::to(&format!("/courses/{}?done=maintenance-created", course.id)).into_response())
}

// ---------------------------------------------------------------- printable summary

#[derive(Template)]
#[template(path = "course_summary.html")]
struct SummaryPage {
    layout: Layout,
    cx: CourseContext,
    review: Option<EndingReview>,
    formulation: Option<Formulation>,
    areas: Vec<(String, String)>,
    attended: usize,
    cancelled: usize,
    no_show: usize,
    diagnosis: Option<String>,
    maintenance_courses: Vec<CourseRecord>,
    printed_on: String,
    evidence: EndingEvidence,
}

impl SummaryPage {
    fn area_progress(&self, id: &str) -> Option<String> {
        self.review.as_ref()?.area_progress.iter().find(|a| a.area == id).map(|a| a.progress.clone())
    }
}

pub async fn summary(
    State(state): State<AppState>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
) -> AppResult<Html<String>> {
    let cx = course_for(&state, &me, &id, Purpose::AuditRead).await?;
    let layout =
        Layout::new(&state, &me, format!("End-of-treatment summary · {}", cx.client.details.display_name), "caseload")
            .await?;
    let review = review_of(&state, &cx).await?.map(|r| r.body);
    let formulation = state.store.course_formulation(&cx.course.id).await?.map(|r| r.body);
    let areas = areas_of(&state, &cx).await?;
    let count = |a: rapport_core::course::Attendance| cx.sessions.iter().filter(|s| s.session.attendance == a).count();
    let (attended, cancelled, no_show) = (
        count(rapport_core::course::Attendance::Attended),
        count(rapport_core::course::Attendance::Cancelled),
        count(rapport_core::course::Attendance::NoShow),
    );
    let diagnosis =
        cx.checklist.iter().find(|c| c.item == rapport_core::protocol::ChecklistItem::SymptomReview).and_then(|c| {
            c.detail.clone().map(|d| match &c.code {
                Some(code) => format!("{d} ({code})"),
                None => d,
            })
        });
    let maintenance_courses = state.store.continuing_courses(&cx.course.id).await?;
    let evidence = ending_evidence(&state, &cx).await?;
    render(&SummaryPage {
        layout,
        cx,
        review,
        formulation,
        areas,
        attended,
        cancelled,
        no_show,
        diagnosis,
        maintenance_courses,
        printed_on: format_date(Timestamp::now().date()),
        evidence,
    })
}
