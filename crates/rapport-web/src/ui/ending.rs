//! The termination phase: the ending review (progress, what helped, relapse
//! warning signs and a coping plan), the maintenance decision (which creates
//! the linked IPT-M course), and the printable end-of-treatment summary.

use super::Layout;
use rapport_core::msg;

use crate::course_extract::{CoursePost, CourseRead};
use crate::error::{AppError, AppResult};
use crate::html::{conflicted, refused, render, FormErrors};
use askama::Template;
use axum::extract::Query;
use axum::response::{Html, IntoResponse, Redirect, Response};
use rapport_app::access::course::CourseContext;
use rapport_app::caller::Identity;
use rapport_app::ending::{
    areas_of, maintenance_courses, review_of, save_review, start_maintenance as start_maintenance_course,
};
use rapport_app::scores::{NhsLine, OutcomeLine};
use rapport_app::AppState;
use rapport_core::ending::{
    lines, parse_months, suggested_maintenance_start, AreaProgress, EndingReview, MaintenanceDecision,
};
use rapport_core::formulation::Formulation;
use rapport_core::time::format_date;
use rapport_core::validation::form_number;
use rapport_core::{Timestamp, ValidationErrors};
use rapport_store::courses::CourseRecord;
use serde::Deserialize;
use std::collections::BTreeMap;

pub fn routes(r: crate::route_table::Routes) -> crate::route_table::Routes {
    r.get("/courses/{id}/ending", page)
        .post("/courses/{id}/ending", save)
        .post("/courses/{id}/ending/maintenance", start_maintenance)
        .get("/courses/{id}/summary", summary)
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

/// The Outcomes card of the ending review and the summary: baseline to
/// latest per instrument with reliable change, response and remission, and
/// the NHS Talking Therapies recovery categories, all from the one outcome
/// computation (`rapport_app::outcomes`, as the Measures page and the API).
pub struct OutcomesCard {
    pub rows: Vec<OutcomeLine>,
    pub nhs: Option<NhsLine>,
    pub measures_href: String,
}

fn outcomes_card(state: &AppState, cx: &CourseContext, o: rapport_app::outcomes::Outcomes) -> OutcomesCard {
    let (rows, nhs) = rapport_app::scores::outcome_lines(state, o);
    OutcomesCard { rows, nhs, measures_href: format!("/clients/{}/measures?course={}", cx.client.id, cx.course.id) }
}

async fn ending_evidence(state: &AppState, cx: &CourseContext) -> AppResult<EndingEvidence> {
    let e = rapport_app::ending::evidence(state, cx, &super::inventory::circle_words()).await?;
    let goals = e.goals.iter().map(|g| super::goals::view(cx, g, None)).collect();
    Ok(EndingEvidence { goals, circle_start: e.circle_start, circle_now: e.circle_now })
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
    outcomes: OutcomesCard,
}

impl EndingPage {
    fn decisions(&self) -> Vec<(String, String)> {
        MaintenanceDecision::ALL
            .iter()
            .filter(|d| **d != MaintenanceDecision::IptM || !self.maintenance_courses.is_empty())
            .map(|d| (d.as_str().to_string(), self.layout.tr.t(d.message())))
            .collect()
    }

    /// "12 sessions, monthly, from 2027-01-04": the link text of a maintenance course.
    fn maintenance_line(&self, m: &CourseRecord) -> String {
        let frequency = self.layout.tr.t(m.frequency.message()).to_lowercase();
        let start = crate::i18n::day(m.start_date);
        self.layout.tr.tn(
            crate::i18n::msg("ending-maintenance-course-line"),
            &[("sessions", &i64::from(m.planned_sessions)), ("frequency", &frequency), ("date", &start)],
        )
    }

    /// The link to the formulation tab, its text in the reader's language.
    fn formulation_link(&self) -> String {
        format!(
            "<a href=\"/courses/{}/formulation\">{}</a>",
            self.cx.course.id,
            self.layout.tr.t("ending-formulation-link").replace('&', "&amp;").replace('<', "&lt;")
        )
    }
}

/// The success notice of an ending `?done=` key, in the reader's language.
fn with_ending_notice(mut layout: Layout, done: Option<&str>) -> Layout {
    let id = match done {
        Some("ending-saved") => crate::i18n::msg("ending-done-saved"),
        _ => return layout,
    };
    layout.flash = Some(super::Flash { kind: "success", message: layout.tr.t(id) });
    layout
}

pub async fn page(
    CourseRead { state, me, cx }: CourseRead,
    Query(q): Query<super::clients::DoneParam>,
) -> AppResult<Html<String>> {
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
    let title = crate::i18n::current().ta("ending-page-title", "client", cx.client.details.display_name.as_str());
    let layout = with_ending_notice(Layout::new(state, me, title, "caseload").await?.with_done(done), done);
    let areas = areas_of(state, &cx).await?;
    let (maintenance_courses, can_offer_maintenance) = maintenance_courses(state, &cx).await?;
    let suggested_start = format_date(suggested_maintenance_start(cx.course.planned_end_date, Timestamp::now().date()));
    let evidence = ending_evidence(state, &cx).await?;
    let o = rapport_app::scores::course_outcomes(state, me, &cx, "ending review").await?;
    let outcomes = outcomes_card(state, &cx, o);
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
        outcomes,
    })
}

fn review_from_form(form: &EndingForm, areas: &[(String, String)]) -> Result<EndingReview, ValidationErrors> {
    let o = |s: &str| Some(s.to_string()).filter(|s| !s.trim().is_empty());
    let maintenance = match form.maintenance.trim() {
        "" => MaintenanceDecision::Undecided,
        m => MaintenanceDecision::parse(m).ok_or_else(|| {
            ValidationErrors::single_key("maintenance", crate::i18n::msg("ending-choose-decision"), vec![])
        })?,
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

pub async fn save(CoursePost { state, me, cx, form }: CoursePost<EndingForm>) -> AppResult<Response> {
    let existing = review_of(&state, &cx).await?;
    let areas = areas_of(&state, &cx).await?;
    let saved = existing.is_some();
    // The link to a maintenance course is kept whatever the form says (save_review).
    let result = match review_from_form(&form, &areas) {
        Ok(review) => {
            let version = Some(crate::html::form::required_version(&form.version)?);
            save_review(&state, &me, &cx, existing.as_ref(), review, version).await.map_err(AppError::from)
        }
        Err(e) => Err(AppError::Invalid(e)),
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/courses/{}/ending?done=ending-saved", cx.course.id)).into_response()),
        Err(AppError::Invalid(e)) => Ok(refused(ending_page(&state, &me, cx, form, FormErrors(e), None, saved).await?)),
        Err(AppError::Conflict(_)) => {
            let e = ValidationErrors::single_key("version", crate::i18n::msg("ending-conflict"), vec![]);
            Ok(conflicted(ending_page(&state, &me, cx, form, FormErrors(e), None, true).await?))
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

pub async fn start_maintenance(CoursePost { state, me, cx, form }: CoursePost<MaintenanceForm>) -> AppResult<Response> {
    let mut e = ValidationErrors::new();
    let months = form_number(&mut e, "months", msg("field-months"), &form.months);
    let (frequency, start) = (Some(form.frequency.as_str()), Some(form.start_date.as_str()));
    let course = match start_maintenance_course(&state, &me, &cx, months, frequency, start, e).await {
        Ok(c) => c,
        Err(rapport_app::Error::Invalid(e)) => {
            let review = review_of(&state, &cx).await?;
            let f =
                review.as_ref().map(|r| EndingForm::from_review(&r.body, r.version)).unwrap_or_else(EndingForm::blank);
            let errors = FormErrors(e).rename("start_date", "maintenance_start");
            return Ok(refused(ending_page(&state, &me, cx, f, errors, None, review.is_some()).await?));
        }
        Err(other) => return Err(other.into()),
    };
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
    outcomes: OutcomesCard,
}

impl SummaryPage {
    /// "Interpersonal sensitivity: Yes, a characteristic of the client. <note>" when recorded (Stuart).
    fn sensitivity_line(&self) -> Option<String> {
        let f = self.formulation.as_ref()?;
        let tr = &self.layout.tr;
        let said = tr.t(if f.interpersonal_sensitivity? {
            crate::i18n::msg("formulation-sensitivity-yes")
        } else {
            crate::i18n::msg("formulation-sensitivity-no")
        });
        let line = tr.ta("course-summary-sensitivity", "answer", said);
        Some(match &f.sensitivity_note {
            Some(n) => format!("{line} {n}"),
            None => line,
        })
    }
    fn area_progress(&self, id: &str) -> Option<String> {
        self.review.as_ref()?.area_progress.iter().find(|a| a.area == id).map(|a| a.progress.clone())
    }
}

pub async fn summary(CourseRead { state, me, cx }: CourseRead) -> AppResult<Html<String>> {
    let layout =
        Layout::new(&state, &me, format!("End-of-treatment summary · {}", cx.client.details.display_name), "caseload")
            .await?;
    let review = review_of(&state, &cx).await?.map(|r| r.body);
    let formulation = rapport_app::ending::formulation_of(&state, &cx).await?;
    let areas = areas_of(&state, &cx).await?;
    let count = |a: rapport_core::course::Attendance| {
        cx.sessions.iter().filter(|s| s.session.attendance == a && !s.session.engagement).count()
    };
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
    let (maintenance_courses, _) = maintenance_courses(&state, &cx).await?;
    let evidence = ending_evidence(&state, &cx).await?;
    let o = rapport_app::scores::course_outcomes(&state, &me, &cx, "end-of-treatment summary").await?;
    let outcomes = outcomes_card(&state, &cx, o);
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
        outcomes,
    })
}
